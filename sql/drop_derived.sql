-- Drop the BI-facing views and tables before they are derived again from the lake schema.
drop view if exists entity_daily;
drop view if exists entity_cooccurrence;
drop view if exists story_link_graph;
drop view if exists outlet_daily;
drop table if exists outlets;
drop table if exists story_entities;
drop table if exists entity_mentions;
drop table if exists entity_aliases;
drop table if exists entities;
drop table if exists related_links;
drop table if exists story_tags;
drop table if exists story_authors;
drop table if exists rejected_items;
drop table if exists stories;
