-- Replace one capture day of lake.related_links with the rows of its Parquet file. The caller runs
-- both statements in one transaction, so re-running a day replaces exactly that day.
delete from lake.related_links where capture_day = $day;

insert into lake.related_links (
    capture_day,
    record_id, story_id, kind, position, title, url, snippet, section, url_key, title_key
)
select
    cast($day as date) as capture_day,
    record_id, story_id, kind, position, title, url, snippet, section, url_key, title_key
from read_parquet($path);
