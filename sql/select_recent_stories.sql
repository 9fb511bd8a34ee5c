-- The newest stories, for asset metadata previews.
select title, outlet, cast(published_day as varchar) as published_day
from stories
order by captured_at desc nulls last, story_id
limit $limit;
