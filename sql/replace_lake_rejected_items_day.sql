-- Replace one capture day of lake.rejected_items with the rows of its Parquet file. The caller runs
-- both statements in one transaction, so re-running a day replaces exactly that day.
delete from lake.rejected_items where capture_day = $day;

insert into lake.rejected_items (
    capture_day,
    path, raw_sha256, stage, reason, rejected_at
)
select
    cast($day as date) as capture_day,
    path, raw_sha256, stage, reason, rejected_at
from read_parquet($path);
