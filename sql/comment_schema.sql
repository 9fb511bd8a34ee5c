-- Descriptions BI tools show beside every table, view and column.
comment on table stories is 'One row per news story, merged from every input that carried it (page, text dump, feed item, export row, WARC record).';
comment on column stories.story_id is 'Stable id: from the normalised canonical URL, else outlet + title + published day.';
comment on column stories.url is 'Page URL as captured.';
comment on column stories.canonical_url is 'Canonical URL declared by the page or feed.';
comment on column stories.outlet is 'Publishing outlet (site name).';
comment on column stories.title is 'Headline.';
comment on column stories.summary is 'Standfirst or description.';
comment on column stories.body_text is 'Article body; paragraphs separated by a blank line.';
comment on column stories.authors is 'Authors joined by "; " (one row each in story_authors).';
comment on column stories.section is 'Section of the outlet (Politics, Top News, ...).';
comment on column stories.tags is 'Tags joined by "; " (one row each in story_tags).';
comment on column stories.language is 'ISO 639-1 language code.';
comment on column stories.published_at is 'Publication time, UTC; null when unknown or impossible (see notes).';
comment on column stories.published_day is 'UTC day of published_at.';
comment on column stories.published_precision is 'How precise published_at is: day, minute or second.';
comment on column stories.modified_at is 'Last modification time declared by the page, UTC.';
comment on column stories.captured_at is 'When the content was captured: fetch time, WARC date, a dump''s "Today:" line, else arrival time.';
comment on column stories.capture_day is 'UTC day the input arrived in newsdesk (the lake partition).';
comment on column stories.reading_time_minutes is 'Reading time the page states, in minutes.';
comment on column stories.image_url is 'Main image URL.';
comment on column stories.guid is 'Feed item guid, when the story came through a feed.';
comment on column stories.word_count is 'Words in body_text (each Chinese, Japanese or Korean character counts as a word).';
comment on column stories.source_kind is 'Kind of input of the chosen record: html, text, feed, jsonl or warc.';
comment on column stories.source_path is 'Original path or URL of the chosen record''s input.';
comment on column stories.raw_sha256 is 'SHA-256 of the raw copy kept in the raw store.';
comment on column stories.record_id is 'Lake record the row was built from.';
comment on column stories.records is 'How many inputs carried this story.';
comment on column stories.duplicate_of is 'story_id of an earlier story with a near-identical body (syndicated copy), else null.';
comment on column stories.fingerprint is '64-bit simhash of the body, for near-duplicate detection.';
comment on column stories.provenance is 'JSON object: where each field came from (jsonld, opengraph, meta, feed, text, heuristic, export).';
comment on column stories.notes is 'Decisions worth auditing (dates dropped as impossible, text cut), joined by "; ".';

comment on table story_authors is 'Authors of each story, in byline order.';
comment on column story_authors.story_id is 'The story (stories.story_id).';
comment on column story_authors.position is '0-based byline position.';
comment on column story_authors.author is 'Author name.';

comment on table story_tags is 'Tags or categories of each story.';
comment on column story_tags.story_id is 'The story (stories.story_id).';
comment on column story_tags.position is '0-based position.';
comment on column story_tags.tag is 'Tag text.';

comment on table related_links is 'Links from a story to other stories: also read, previous/next, section teasers, recommended, related, inline.';
comment on column related_links.story_id is 'The story the link appears in.';
comment on column related_links.position is '0-based order of the link within the story.';
comment on column related_links.kind is 'also_read, previous_story, next_story, section_latest, recommended, related or inline.';
comment on column related_links.title is 'Link title or anchor text.';
comment on column related_links.url is 'Absolute URL; null when the source was plain text.';
comment on column related_links.snippet is 'Teaser text under the title.';
comment on column related_links.section is 'Section named by the block (section_latest).';
comment on column related_links.target_story_id is 'The linked story when the warehouse holds it (by URL, else by title).';

comment on table entities is 'Canonical named entities (people, organisations, places, ...), one row per stable entity_id.';
comment on column entities.entity_id is 'Stable id from entity type and normalised canonical name.';
comment on column entities.name is 'Canonical name.';
comment on column entities.type is 'PERSON, ORG, PLACE (countries, cities, regions, facilities), NORP, EVENT, PRODUCT, LAW or WORK_OF_ART.';
comment on column entities.country_code is 'ISO 3166-1 alpha-2 code for countries, places and demonyms.';
comment on column entities.stories is 'Stories mentioning the entity.';
comment on column entities.mentions is 'Mentions of the entity.';

comment on table entity_aliases is 'Surface forms seen for each entity.';
comment on column entity_aliases.alias is 'Text as written in a story.';
comment on column entity_aliases.entity_id is 'The entity it names.';
comment on column entity_aliases.mentions is 'How often this form was seen.';

comment on table entity_mentions is 'Each mention of an entity in a story, with character offsets into its paragraph.';
comment on column entity_mentions.story_id is 'The story.';
comment on column entity_mentions.entity_id is 'The entity mentioned.';
comment on column entity_mentions.text is 'Text of the mention.';
comment on column entity_mentions.label is 'Label given to this mention.';
comment on column entity_mentions.start is 'Start offset (characters) in the paragraph.';
comment on column entity_mentions."end" is 'End offset (exclusive) in the paragraph.';
comment on column entity_mentions.paragraph is 'Body paragraph index; -2 = title, -1 = summary.';
comment on column entity_mentions.in_title is 'True for a mention in the headline.';
comment on column entity_mentions.role is 'cited_source when the story cites the entity as a source, else null.';

comment on table story_entities is 'Entities per story with counts and salience.';
comment on column story_entities.story_id is 'The story.';
comment on column story_entities.entity_id is 'The entity.';
comment on column story_entities.mentions is 'Mentions in the story.';
comment on column story_entities.first_offset is 'Offset of the first body mention in body_text (null when only in the title or summary).';
comment on column story_entities.salience is 'Share of the story''s position-weighted mentions (title 3, summary 2, first two paragraphs 1.5, rest 1); a story''s saliences sum to 1.';
comment on column story_entities.role is 'cited_source when cited as a source in the story.';

comment on table rejected_items is 'Inputs (or parts) that did not become stories, with the reason; raw copies are kept.';
comment on column rejected_items.path is 'Original path or URL (#record-N / #item-N for parts).';
comment on column rejected_items.raw_sha256 is 'SHA-256 of the raw copy.';
comment on column rejected_items.stage is 'Stage that rejected it (extract, ...).';
comment on column rejected_items.reason is 'Why.';
comment on column rejected_items.rejected_at is 'When the input arrived.';
comment on column rejected_items.capture_day is 'Lake partition of the input.';

comment on table outlets is 'Outlets with story counts and date ranges.';
comment on column outlets.name is 'Outlet name.';
comment on column outlets.stories is 'Stories from the outlet.';
comment on column outlets.first_published_day is 'Earliest publication day.';
comment on column outlets.last_published_day is 'Latest publication day.';
comment on column outlets.first_capture_day is 'Earliest capture day.';
comment on column outlets.last_capture_day is 'Latest capture day.';

comment on view entity_daily is 'Stories and mentions per entity per day (publication day, else capture day).';
comment on view entity_cooccurrence is 'Entity pairs mentioned in the same story, with the number of such stories.';
comment on view story_link_graph is 'Related links resolved to stories the warehouse holds.';
comment on view outlet_daily is 'Stories and words per outlet per capture day.';

comment on table lake.stories is 'Internal: the Parquet lake''s story records, one capture day replaced at a time. Query main.stories instead.';
comment on table lake.related_links is 'Internal: lake related-link records. Query main.related_links instead.';
comment on table lake.entity_mentions is 'Internal: lake entity mention records. Query main.entity_mentions instead.';
comment on table lake.story_entities is 'Internal: lake per-story entity summaries. Query main.story_entities instead.';
comment on table lake.rejected_items is 'Internal: lake rejections. Query main.rejected_items instead.';
comment on table lake.loaded_partitions is 'Internal: which lake file each loaded capture day came from.';
comment on table lake.schema_version is 'Internal: version of the lake schema; a mismatch forces a full rebuild.';
