-- Views for the common questions BI users ask.
create table outlets as
select
    outlet as name,
    count(*) as stories,
    min(published_day) as first_published_day,
    max(published_day) as last_published_day,
    min(capture_day) as first_capture_day,
    max(capture_day) as last_capture_day
from stories
where outlet is not null
group by outlet
order by outlet;

create view entity_daily as
select
    coalesce(s.published_day, s.capture_day) as day,
    e.entity_id,
    e.name,
    e.type,
    cast(count(distinct se.story_id) as bigint) as stories,
    cast(sum(se.mentions) as bigint) as mentions
from story_entities as se
inner join stories as s on se.story_id = s.story_id
inner join entities as e on se.entity_id = e.entity_id
group by all;

create view entity_cooccurrence as
select
    a.entity_id as entity_id_a,
    ea.name as name_a,
    b.entity_id as entity_id_b,
    eb.name as name_b,
    cast(count(*) as bigint) as stories
from story_entities as a
inner join story_entities as b on a.story_id = b.story_id and a.entity_id < b.entity_id
inner join entities as ea on a.entity_id = ea.entity_id
inner join entities as eb on b.entity_id = eb.entity_id
group by all;

create view story_link_graph as
select
    l.story_id as source_story_id,
    src.title as source_title,
    l.target_story_id,
    dst.title as target_title,
    l.kind,
    l.position
from related_links as l
inner join stories as src on l.story_id = src.story_id
inner join stories as dst on l.target_story_id = dst.story_id;

create view outlet_daily as
select
    outlet,
    capture_day as day,
    cast(count(*) as bigint) as stories,
    cast(sum(word_count) as bigint) as words
from stories
where outlet is not null
group by all;
