-- Entity tables from the lake's mentions of each story's chosen record.
create temp table chosen_mentions as
select
    s.story_id,
    m.entity_id,
    m.text,
    m.label,
    m.start,
    m."end",
    m.paragraph,
    m.in_title,
    m.role,
    m.name,
    m.type,
    m.country_code
from lake.entity_mentions as m
inner join stories as s on m.record_id = s.record_id;

insert into entities
select
    entity_id,
    mode(name) as name,
    mode(type) as type,
    first(country_code) filter (where country_code is not null) as country_code,
    count(distinct story_id) as stories,
    count(*) as mentions
from chosen_mentions
group by entity_id
order by entity_id;

insert into entity_aliases
select text as alias, entity_id, count(*) as mentions
from chosen_mentions
group by text, entity_id
order by alias, entity_id;

insert into entity_mentions
select story_id, entity_id, text, label, start, "end", paragraph, in_title, role
from chosen_mentions
qualify row_number() over (partition by story_id, paragraph, start order by "end" desc) = 1
order by story_id, paragraph, start;

-- Per-story summaries of each story's chosen record (salience is computed by the entity
-- stage: the entity's share of the story's position-weighted mentions).
insert into story_entities
select
    s.story_id,
    se.entity_id,
    se.mentions,
    se.first_offset,
    se.salience,
    se.role
from lake.story_entities as se
inner join stories as s on se.record_id = s.record_id
order by s.story_id, se.entity_id;
