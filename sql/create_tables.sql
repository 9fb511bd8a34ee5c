-- The published warehouse's tables. BI-facing: DATE for days, TIMESTAMPTZ in UTC, BIGINT counts,
-- no LIST or STRUCT columns (bridge tables instead), primary keys declared.

create table stories (
    story_id varchar primary key,
    url varchar,
    canonical_url varchar,
    outlet varchar,
    title varchar not null,
    summary varchar,
    body_text varchar,
    authors varchar,
    section varchar,
    tags varchar,
    language varchar,
    published_at timestamptz,
    published_day date,
    published_precision varchar,
    modified_at timestamptz,
    captured_at timestamptz,
    capture_day date not null,
    reading_time_minutes bigint,
    image_url varchar,
    guid varchar,
    word_count bigint not null,
    source_kind varchar not null,
    source_path varchar,
    raw_sha256 varchar not null,
    record_id varchar not null,
    records bigint not null,
    duplicate_of varchar,
    fingerprint bigint,
    provenance varchar,
    notes varchar
);

create table story_authors (
    story_id varchar not null,
    position bigint not null,
    author varchar not null,
    primary key (story_id, position)
);

create table story_tags (
    story_id varchar not null,
    position bigint not null,
    tag varchar not null,
    primary key (story_id, position)
);

create table related_links (
    story_id varchar not null,
    position bigint not null,
    kind varchar not null,
    title varchar,
    url varchar,
    snippet varchar,
    section varchar,
    target_story_id varchar,
    primary key (story_id, position)
);

create table entities (
    entity_id varchar primary key,
    name varchar not null,
    type varchar not null,
    country_code varchar,
    stories bigint not null,
    mentions bigint not null
);

create table entity_aliases (
    alias varchar not null,
    entity_id varchar not null,
    mentions bigint not null,
    primary key (alias, entity_id)
);

create table entity_mentions (
    story_id varchar not null,
    entity_id varchar not null,
    text varchar not null,
    label varchar not null,
    start bigint not null,
    "end" bigint not null,
    paragraph bigint not null,
    in_title boolean not null,
    role varchar,
    primary key (story_id, paragraph, start)
);

create table story_entities (
    story_id varchar not null,
    entity_id varchar not null,
    mentions bigint not null,
    first_offset bigint,
    salience double not null,
    role varchar,
    primary key (story_id, entity_id)
);

create table rejected_items (
    path varchar not null,
    raw_sha256 varchar,
    stage varchar not null,
    reason varchar not null,
    rejected_at timestamptz not null,
    capture_day date not null
);
