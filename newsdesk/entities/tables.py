"""Rows for the `entities`, `entity_aliases` and `entity_mentions` tables.

The pipeline owner writes Parquet/DuckDB from these records; `write_parquet` is a small helper
for callers (and the benchmark) that want a file directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsdesk.entities.aliases import org_aliases, places
from newsdesk.entities.keys import normalise_key
from newsdesk.entities.records import Entity, Mention

MENTION_COLUMNS = (
    "story_id",
    "entity_id",
    "text",
    "label",
    "start",
    "end",
    "paragraph",
    "in_title",
    "role",
)


def mention_rows(story_id: str, mentions: Iterable[Mention]) -> list[dict]:
    """`entity_mentions` rows of one story.

    Args:
        story_id: The story's id.
        mentions: Its linked mentions.

    Returns:
        One dict per mention with `MENTION_COLUMNS`.
    """
    return [
        {
            "story_id": story_id,
            "entity_id": m.entity_id,
            "text": m.text,
            "label": m.label,
            "start": m.start,
            "end": m.end,
            "paragraph": m.paragraph,
            "in_title": m.in_title,
            "role": m.role,
        }
        for m in mentions
    ]


def entities_from_mentions(mentions: Iterable[Mention]) -> list[Entity]:
    """Distinct entities of a set of mentions (first name seen wins), in first-seen order.

    Args:
        mentions: Linked mentions from any number of stories.

    Returns:
        One `Entity` per `entity_id`.
    """
    seen: dict[str, Entity] = {}
    for m in mentions:
        if m.entity_id not in seen:
            seen[m.entity_id] = Entity(m.entity_id, m.name, m.type, m.country_code)
    return list(seen.values())


def entity_rows(mentions: Iterable[Mention]) -> list[dict]:
    """`entities` rows (entity_id, name, type, country_code, key) for a set of mentions.

    Args:
        mentions: Linked mentions from any number of stories.

    Returns:
        One dict per distinct entity.
    """
    return [
        {
            "entity_id": e.entity_id,
            "name": e.name,
            "type": e.type,
            "country_code": e.country_code,
            "key": normalise_key(e.name),
        }
        for e in entities_from_mentions(mentions)
    ]


def alias_rows(mentions: Iterable[Mention], include_curated: bool = True) -> list[dict]:
    """`entity_aliases` rows: every distinct way an entity was written, plus curated aliases.

    Args:
        mentions: Linked mentions from any number of stories.
        include_curated: Also list the curated aliases of the organisations and places seen.

    Returns:
        Dicts (entity_id, alias, alias_key, source) unique on (entity_id, alias_key); `source`
        is `mention` or `curated`.
    """
    rows: dict[tuple[str, str], dict] = {}
    canonical: dict[tuple[str, str], str] = {}

    def add(entity: str, alias: str, source: str) -> None:
        key = normalise_key(alias)
        if key and (entity, key) not in rows:
            rows[entity, key] = {
                "entity_id": entity,
                "alias": alias,
                "alias_key": key,
                "source": source,
            }

    for m in mentions:
        add(m.entity_id, m.text, "mention")
        canonical.setdefault((m.type, normalise_key(m.name)), m.entity_id)
    if include_curated:
        for alias_key, name in org_aliases().items():
            entity = canonical.get(("ORG", normalise_key(name)))
            if entity:
                add(entity, alias_key, "curated")
        for alias_key, place in places().items():
            entity = canonical.get(("PLACE", normalise_key(place.name)))
            if entity:
                add(entity, alias_key, "curated")
    return list(rows.values())


def write_parquet(rows: list[dict], path: str | Path) -> Path:
    """Write dict rows to a Parquet file with pyarrow (columns from the first row).

    Args:
        rows: Rows with the same keys.
        path: Destination file.

    Returns:
        The path written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in MENTION_COLUMNS})
    pq.write_table(table, path)
    return path
