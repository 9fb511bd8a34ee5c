-- Related links of each story's chosen record, resolved to a held story by normalised URL,
-- else by normalised title (so links from text dumps connect as the pages arrive).
insert into related_links
with by_url as (
    select url_key, min(story_id) as story_id
    from story_keys
    where url_key is not null
    group by url_key
),

by_title as (
    select title_key, min(story_id) as story_id
    from story_keys
    where title_key is not null and length(title_key) >= 12
    group by title_key
    having count(distinct story_id) = 1
)

select
    s.story_id,
    l.position,
    l.kind,
    l.title,
    l.url,
    l.snippet,
    l.section,
    coalesce(u.story_id, t.story_id) as target_story_id
from lake.related_links as l
inner join stories as s on l.record_id = s.record_id
left join by_url as u on l.url_key = u.url_key
left join by_title as t on l.url_key is null and l.title_key = t.title_key
order by s.story_id, l.position;
