-- Every input (or part of one) that did not become a story, with its reason.
insert into rejected_items
select path, raw_sha256, stage, reason, rejected_at, capture_day
from lake.rejected_items
order by capture_day, path, reason;
