-- Replace one capture day of lake.story_entities with the rows of its Parquet file. The caller runs
-- both statements in one transaction, so re-running a day replaces exactly that day.
delete from lake.story_entities where capture_day = $day;

insert into lake.story_entities (
    capture_day,
    record_id, story_id, entity_id, mentions, first_paragraph, first_offset, salience, role
)
select
    cast($day as date) as capture_day,
    record_id, story_id, entity_id, mentions, first_paragraph, first_offset, salience, role
from read_parquet($path);
