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
    m.country_code,
    m.body_offset
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

-- Salience: a title mention weighs 3, the standfirst 2, the first two body paragraphs 1.5,
-- later paragraphs 1; scaled so the story's most salient entity has 1.0.
insert into story_entities
with weighted as (
    select
        story_id,
        entity_id,
        count(*) as mentions,
        coalesce(min(body_offset), 0) as first_offset,
        sum(
            case
                when paragraph = -2 then 3.0
                when paragraph = -1 then 2.0
                when paragraph <= 1 then 1.5
                else 1.0
            end
        ) as weight,
        max(role) as role
    from chosen_mentions
    group by story_id, entity_id
)

select
    story_id,
    entity_id,
    mentions,
    first_offset,
    round(weight / max(weight) over (partition by story_id), 4) as salience,
    role
from weighted
order by story_id, entity_id;
