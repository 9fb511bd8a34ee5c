-- Integrity of a published warehouse, one row: each column counts violations (0 = pass),
-- except the last two, which describe freshness.
select
    (select count(*) - count(distinct story_id) from stories) as duplicate_story_ids,
    (select count(*) from related_links anti join stories using (story_id)) as orphan_links,
    (select count(*) from entity_mentions anti join stories using (story_id)) as orphan_mentions,
    (select count(*) from entity_mentions anti join entities using (entity_id))
        as mentions_without_entity,
    (select count(distinct story_id) from lake.stories) - (select count(*) from stories)
        as stories_missing_from_lake_count,
    (select count(*) from lake.rejected_items) - (select count(*) from rejected_items)
        as rejected_missing_from_lake_count,
    (select max(capture_day) from lake.stories) as newest_capture_day,
    (select count(*) from lake.stories) as lake_story_records;
