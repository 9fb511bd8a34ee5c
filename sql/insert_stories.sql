-- One row per story_id from every lake record of it: the best record (a page with a body
-- before a text dump, an export or a feed item) gives the row, and fields it lacks are taken
-- from the other records (a feed's date or authors for a page without them).
insert into stories
with records as (
    select
        *,
        case source_kind
            when 'html' then 0 when 'warc' then 0 when 'text' then 1 when 'jsonl' then 2 else 3
        end as kind_rank
    from lake.stories
),

ranked as (
    select
        *,
        row_number() over (
            partition by story_id
            order by
                coalesce(body_text, '') = '', kind_rank, word_count desc,
                captured_at desc nulls last, record_id
        ) as rk
    from records
)

select
    story_id,
    first(url order by rk) filter (where url is not null) as url,
    first(canonical_url order by rk) filter (where canonical_url is not null) as canonical_url,
    first(outlet order by rk) filter (where outlet is not null) as outlet,
    first(title order by rk) as title,
    first(summary order by rk) filter (where summary is not null) as summary,
    first(body_text order by rk) as body_text,
    first(array_to_string(authors, '; ') order by rk) filter (where len(authors) > 0) as authors,
    first(section order by rk) filter (where section is not null) as section,
    first(array_to_string(tags, '; ') order by rk) filter (where len(tags) > 0) as tags,
    first(language order by rk) filter (where language is not null) as language,
    first(published_at order by rk) filter (where published_at is not null) as published_at,
    cast(
        first(published_at order by rk) filter (where published_at is not null) as date
    ) as published_day,
    first(published_precision order by rk) filter (
        where published_at is not null
    ) as published_precision,
    first(modified_at order by rk) filter (where modified_at is not null) as modified_at,
    first(captured_at order by rk) as captured_at,
    first(capture_day order by rk) as capture_day,
    first(reading_time_minutes order by rk) filter (
        where reading_time_minutes is not null
    ) as reading_time_minutes,
    first(image_url order by rk) filter (where image_url is not null) as image_url,
    first(guid order by rk) filter (where guid is not null) as guid,
    first(word_count order by rk) as word_count,
    first(source_kind order by rk) as source_kind,
    first(source_path order by rk) as source_path,
    first(raw_sha256 order by rk) as raw_sha256,
    first(record_id order by rk) as record_id,
    count(*) as records,
    null as duplicate_of,
    first(fingerprint order by rk) as fingerprint,
    first(provenance order by rk) as provenance,
    nullif(array_to_string(first(notes order by rk), '; '), '') as notes
from ranked
group by story_id
order by story_id;
