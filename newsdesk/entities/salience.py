"""Per-story entity summary: how often, where first, and how salient."""

from __future__ import annotations

from collections.abc import Iterable

from newsdesk.entities.records import SUMMARY_PARAGRAPH, TITLE_PARAGRAPH, Mention

#: Weight of one mention by where it is: the title and the lead say what a story is about.
TITLE_WEIGHT = 3.0
SUMMARY_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
BODY_WEIGHT = 1.0
#: Paragraphs counted as the lead.
LEAD_PARAGRAPHS = 2


def mention_weight(mention: Mention) -> float:
    """Salience weight of one mention by position.

    Args:
        mention: A mention with `paragraph` and `in_title` set.

    Returns:
        `TITLE_WEIGHT`, `SUMMARY_WEIGHT`, `LEAD_WEIGHT` or `BODY_WEIGHT`.
    """
    if mention.in_title or mention.paragraph == TITLE_PARAGRAPH:
        return TITLE_WEIGHT
    if mention.paragraph == SUMMARY_PARAGRAPH:
        return SUMMARY_WEIGHT
    if mention.paragraph < LEAD_PARAGRAPHS:
        return LEAD_WEIGHT
    return BODY_WEIGHT


def story_entities(
    mentions: Iterable[Mention],
    story_id: str | None = None,
    paragraph_offsets: list[int] | None = None,
) -> list[dict]:
    """Aggregate one story's mentions into `story_entities` rows.

    Salience is the entity's share of the story's position-weighted mentions (title 3, summary 2,
    first two paragraphs 1.5, rest 1), so the saliences of one story sum to 1.

    Args:
        mentions: Linked mentions of one story.
        story_id: Written into each row when given.
        paragraph_offsets: Start of each body paragraph in the story's body text (paragraphs joined
            by a blank line); when given, `first_offset` is an offset in that body text, otherwise
            in the first paragraph the entity appears in.

    Returns:
        One dict per entity (story_id, entity_id, name, type, mentions, first_paragraph,
        first_offset, salience, role), most salient first.
    """
    rows: dict[str, dict] = {}
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        row = rows.get(mention.entity_id)
        if row is None:
            offset = mention.start
            if paragraph_offsets is not None:
                offset = (
                    paragraph_offsets[mention.paragraph] + mention.start
                    if mention.paragraph >= 0
                    else None
                )
            row = rows[mention.entity_id] = {
                "story_id": story_id,
                "entity_id": mention.entity_id,
                "name": mention.name,
                "type": mention.type,
                "mentions": 0,
                "first_paragraph": mention.paragraph,
                "first_offset": offset,
                "weight": 0.0,
                "role": None,
            }
        elif (
            row["first_offset"] is None and mention.paragraph >= 0 and paragraph_offsets is not None
        ):
            row["first_offset"] = paragraph_offsets[mention.paragraph] + mention.start
        row["mentions"] += 1
        row["weight"] += mention_weight(mention)
        row["role"] = row["role"] or mention.role
    total = sum(row["weight"] for row in rows.values()) or 1.0
    result = []
    for row in rows.values():
        weight = row.pop("weight")
        row["salience"] = round(weight / total, 4)
        result.append(row)
    result.sort(key=lambda r: (-r["salience"], r["first_paragraph"], r["first_offset"] or 0))
    return result
