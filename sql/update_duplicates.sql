-- Near-duplicate stories (syndicated wire copies): bodies whose 64-bit simhash differs in at
-- most 3 bits. Any such pair agrees exactly on one of four 16-bit bands (pigeonhole), so only
-- stories sharing a band are compared. A story is a duplicate of the earliest such story.
update stories
set duplicate_of = d.original
from (
    with bands as (
        select
            story_id,
            fingerprint,
            coalesce(published_at, captured_at) as seen_at,
            b.band,
            (fingerprint >> (16 * b.band)) & 65535 as band_value
        from stories
        cross join (select unnest(range(4)) as band) as b
        where fingerprint is not null
    ),

    pairs as (
        select distinct
            later.story_id,
            earlier.story_id as original,
            earlier.seen_at as original_seen_at
        from bands as later
        inner join bands as earlier
            on
                later.band = earlier.band
                and later.band_value = earlier.band_value
                and (earlier.seen_at, earlier.story_id) < (later.seen_at, later.story_id)
        where bit_count(xor(later.fingerprint, earlier.fingerprint)) <= 3
    )

    select story_id, arg_min(original, (original_seen_at, original)) as original
    from pairs
    group by story_id
) as d
where stories.story_id = d.story_id;
