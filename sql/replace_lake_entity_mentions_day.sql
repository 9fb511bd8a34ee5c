-- Replace one capture day of lake.entity_mentions with the rows of its Parquet file. The caller runs
-- both statements in one transaction, so re-running a day replaces exactly that day.
delete from lake.entity_mentions where capture_day = $day;

insert into lake.entity_mentions (
    capture_day,
    record_id, story_id, entity_id, text, label, start, "end", paragraph, in_title, role,
    name, type, country_code, body_offset
)
select
    cast($day as date) as capture_day,
    record_id, story_id, entity_id, text, label, start, "end", paragraph, in_title, role,
    name, type, country_code, body_offset
from read_parquet($path);
