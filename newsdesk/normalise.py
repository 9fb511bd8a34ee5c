"""Turn an extractor's Story into a warehouse-ready record (identity, counts, date sanity)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from newsdesk.dates import check_published, to_utc
from newsdesk.identity import record_id_for, simhash, story_id_for
from newsdesk.model import Rejection, Story
from newsdesk.urls import normalize_url
from newsdesk.words import count_words

# Soft hyphens and word joiners are invisible; kept, they split words for search and NER.
# Zero-width joiners (U+200C/D) stay: Persian and Indic spelling and emoji sequences need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
#: Longest title kept; longer "titles" are body text that an extractor mistook.
MAX_TITLE_CHARS = 500


def clean_text(text: str | None) -> str | None:
    """NFC-normalise, drop control and invisible characters, collapse spaces; None when empty."""
    if text is None:
        return None
    text = _CONTROL.sub("", unicodedata.normalize("NFC", str(text)))
    text = _SPACES.sub(" ", text).strip()
    return text or None


def finalise_story(
    story: Story,
    *,
    raw_sha256: str,
    index: int,
    source_path: str,
    captured_at: datetime | None,
) -> Story | Rejection:
    """Derive identity and counts, apply date rules, and reject what is not a story.

    Args:
        story: What an extractor produced.
        raw_sha256: Hash of the raw object it came from.
        index: Position of this story within the raw object.
        source_path: Original path or URL, for users.
        captured_at: Fallback capture time (when the item arrived) if the extractor has none.

    Returns:
        The finished Story, or a Rejection saying why it is not one.
    """
    where = source_path if index == 0 else f"{source_path}#{index}"
    if story.page_type != "article":
        return Rejection(where, raw_sha256, "extract", f"not a story: {story.page_type} page")
    story.title = clean_text(story.title)
    if story.title and len(story.title) > MAX_TITLE_CHARS:
        story.title = story.title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
        story.notes.append(f"title cut to {MAX_TITLE_CHARS} characters")
    story.paragraphs = [p for p in (clean_text(p) for p in story.paragraphs) if p]
    if not story.title:
        reason = "no title found" if story.paragraphs else "no title and no text found"
        return Rejection(where, raw_sha256, "extract", reason)
    for name in ("summary", "outlet", "section", "language", "url", "canonical_url"):
        setattr(story, name, clean_text(getattr(story, name)))
    story.authors = _unique(clean_text(a) for a in story.authors)
    story.tags = _unique(clean_text(t) for t in story.tags)
    if story.language:
        story.language = story.language.lower().replace("_", "-").split("-")[0][:3] or None
    _normalise_times(story, captured_at)
    story.source_path = source_path
    story.raw_sha256 = raw_sha256
    story.record_id = record_id_for(raw_sha256, index)
    story.story_id = story_id_for(
        canonical_url=story.canonical_url,
        url=story.url,
        outlet=story.outlet,
        title=story.title,
        published_at=story.published_at,
    )
    body = story.body_text
    story.word_count = count_words(body)
    story.fingerprint = simhash(body)
    for i, link in enumerate(story.links):
        link.position = i
        link.title = clean_text(link.title)
        link.snippet = clean_text(link.snippet)
        link.section = clean_text(link.section)
    story.links = [link for link in story.links if link.title or link.url]
    return story


def _normalise_times(story: Story, captured_at: datetime | None) -> None:
    if story.captured_at is None and captured_at is not None:
        story.captured_at = captured_at
    for name in ("published_at", "modified_at", "captured_at"):
        value = getattr(story, name)
        if value is not None:
            setattr(story, name, to_utc(value))
    published, note = check_published(story.published_at, story.captured_at)
    if note:
        story.notes.append(note)
        story.published_precision = None
    story.published_at = published
    if story.published_at is None:
        story.published_precision = None
    elif story.published_precision is None:
        story.published_precision = "second"
    modified, note = check_published(story.modified_at, story.captured_at)
    if note:
        story.notes.append(note.replace("published_at", "modified_at"))
    story.modified_at = modified


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.lower() not in {k.lower() for k in seen}:
            seen[value] = None
    return list(seen)


def link_key(url: str | None) -> str | None:
    """Normalised URL used to resolve a related link to a story."""
    return normalize_url(url)
