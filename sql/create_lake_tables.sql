-- The lake mirrored inside the warehouse (schema "lake"), one capture day replaceable at a
-- time. The BI-facing tables in "main" are derived from these. Not meant for BI users.
create schema lake;

create table lake.stories (
    capture_day date not null,
    record_id varchar not null,
    story_id varchar not null,
    url varchar,
    canonical_url varchar,
    url_key varchar,
    title_key varchar,
    outlet varchar,
    title varchar,
    summary varchar,
    body_text varchar,
    authors varchar[],
    section varchar,
    tags varchar[],
    language varchar,
    published_at timestamptz,
    published_precision varchar,
    modified_at timestamptz,
    captured_at timestamptz,
    reading_time_minutes integer,
    image_url varchar,
    guid varchar,
    word_count bigint,
    fingerprint bigint,
    source_kind varchar,
    source_path varchar,
    raw_sha256 varchar,
    provenance varchar,
    notes varchar[]
);

create table lake.related_links (
    capture_day date not null,
    record_id varchar not null,
    story_id varchar not null,
    kind varchar,
    position integer,
    title varchar,
    url varchar,
    snippet varchar,
    section varchar,
    url_key varchar,
    title_key varchar
);

create table lake.entity_mentions (
    capture_day date not null,
    record_id varchar not null,
    story_id varchar not null,
    entity_id varchar not null,
    text varchar,
    label varchar,
    start integer,
    "end" integer,
    paragraph integer,
    in_title boolean,
    role varchar,
    name varchar,
    type varchar,
    country_code varchar,
    body_offset bigint
);

create table lake.story_entities (
    capture_day date not null,
    record_id varchar not null,
    story_id varchar not null,
    entity_id varchar not null,
    mentions bigint,
    first_paragraph integer,
    first_offset bigint,
    salience double,
    role varchar
);

create table lake.rejected_items (
    capture_day date not null,
    path varchar,
    raw_sha256 varchar,
    stage varchar,
    reason varchar,
    rejected_at timestamptz
);

-- Which lake file each loaded day came from, so a refresh reloads only changed days.
create table lake.loaded_partitions (
    table_name varchar not null,
    capture_day date not null,
    file_signature varchar not null,
    primary key (table_name, capture_day)
);

create table lake.schema_version (version varchar not null);
