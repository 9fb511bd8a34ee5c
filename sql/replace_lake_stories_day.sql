-- Replace one capture day of lake.stories with the rows of its Parquet file. The caller runs
-- both statements in one transaction, so re-running a day replaces exactly that day.
delete from lake.stories where capture_day = $day;

insert into lake.stories (
    capture_day,
    record_id, story_id, url, canonical_url, url_key, title_key, outlet, title, summary,
    body_text, authors, section, tags, language, published_at, published_precision,
    modified_at, captured_at, reading_time_minutes, image_url, guid, word_count,
    fingerprint, source_kind, source_path, raw_sha256, provenance, notes
)
select
    cast($day as date) as capture_day,
    record_id, story_id, url, canonical_url, url_key, title_key, outlet, title, summary,
    body_text, authors, section, tags, language, published_at, published_precision,
    modified_at, captured_at, reading_time_minutes, image_url, guid, word_count,
    fingerprint, source_kind, source_path, raw_sha256, provenance, notes
from read_parquet($path);
