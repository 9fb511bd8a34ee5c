-- The most mentioned entities of the newest capture day, for asset metadata.
select e.name, e.type, cast(count(distinct se.story_id) as bigint) as stories
from story_entities as se
inner join stories as s on se.story_id = s.story_id
inner join entities as e on se.entity_id = e.entity_id
where s.capture_day = (select max(capture_day) from stories)
group by e.name, e.type
order by stories desc, e.name
limit $limit;
