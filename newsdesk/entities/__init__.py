"""Mentioned entities: who and what each story names, normalised to stable ids (Dagster-free).

Importing this package does no work; the spaCy model loads on first use.
"""

from newsdesk.entities.keys import entity_id, normalise_key
from newsdesk.entities.recognise import EntityRecogniser
from newsdesk.entities.records import (
    KEPT_LABELS,
    SUMMARY_PARAGRAPH,
    TITLE_PARAGRAPH,
    Entity,
    Mention,
    StoryText,
)
from newsdesk.entities.salience import story_entities
from newsdesk.entities.tables import alias_rows, entity_rows, mention_rows, write_parquet

__all__ = [
    "KEPT_LABELS",
    "SUMMARY_PARAGRAPH",
    "TITLE_PARAGRAPH",
    "Entity",
    "EntityRecogniser",
    "Mention",
    "StoryText",
    "alias_rows",
    "entity_id",
    "entity_rows",
    "mention_rows",
    "normalise_key",
    "story_entities",
    "write_parquet",
]
