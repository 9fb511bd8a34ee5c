-- Authors and tags as bridge tables (BI tools cannot read LIST columns), from each story's
-- chosen record.
insert into story_authors
select s.story_id, a.position, a.author
from stories as s
inner join (
    select
        record_id,
        unnest(generate_series(0, len(authors) - 1)) as position,
        unnest(authors) as author
    from lake.stories
    where len(authors) > 0
) as a on s.record_id = a.record_id
order by s.story_id, a.position;

insert into story_tags
select s.story_id, t.position, t.tag
from stories as s
inner join (
    select
        record_id,
        unnest(generate_series(0, len(tags) - 1)) as position,
        unnest(tags) as tag
    from lake.stories
    where len(tags) > 0
) as t on s.record_id = t.record_id
order by s.story_id, t.position;
