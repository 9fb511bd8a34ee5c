"""The records newsdesk produces: stories, their related links, and rejected inputs.

Extractors fill `Story` objects; `newsdesk.normalise.finalise_story` then derives identity
(`story_id`, `record_id`), counts and date sanity. Everything downstream (Parquet lake, DuckDB
warehouse) is written from these dataclasses, so they are the one contract between stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

#: Allowed values of `RelatedLink.kind`.
LINK_KINDS = (
    "also_read",
    "previous_story",
    "next_story",
    "section_latest",
    "recommended",
    "related",
    "inline",
)

#: Allowed values of `Story.source_kind`.
SOURCE_KINDS = ("html", "text", "feed", "jsonl", "warc")

#: Allowed values of `Story.page_type`; only `article` pages become stories in the warehouse.
PAGE_TYPES = ("article", "listing", "home", "error", "other")

#: Allowed values of provenance entries (where a field's value came from).
PROVENANCES = ("jsonld", "opengraph", "meta", "feed", "text", "heuristic", "export", "url")

#: Allowed values of `Story.published_precision`.
PRECISIONS = ("day", "minute", "second")


@dataclass
class RelatedLink:
    """A link from a story to another story, typed by the block it was found in.

    Attributes:
        kind: One of `LINK_KINDS`.
        position: 0-based order of the link within the story (across all kinds).
        title: Link title or anchor text.
        url: Absolute URL, or None when the source is plain text.
        snippet: Teaser text shown under the title, if any.
        section: Section named by the block (e.g. "Top News" for "Latest from -Top News").
    """

    kind: str
    position: int
    title: str | None = None
    url: str | None = None
    snippet: str | None = None
    section: str | None = None


@dataclass
class Story:
    """One news item as extracted from one input (a page, a dump, a feed item, an export row).

    Datetimes are timezone-aware UTC. Lists are never None. `provenance` maps a field name to
    one of `PROVENANCES`; `notes` records decisions a user may want to audit (a date dropped as
    impossible, a body truncated, ...).
    """

    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    published_at: datetime | None = None
    published_precision: str | None = None
    modified_at: datetime | None = None
    captured_at: datetime | None = None
    reading_time_minutes: int | None = None
    image_url: str | None = None
    page_type: str = "article"
    guid: str | None = None
    source_kind: str = "html"
    links: list[RelatedLink] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Filled by newsdesk.normalise.finalise_story, not by extractors.
    story_id: str | None = None
    record_id: str | None = None
    source_path: str | None = None
    raw_sha256: str | None = None
    word_count: int = 0
    fingerprint: int | None = None

    @property
    def body_text(self) -> str:
        """The body as paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Rejection:
    """An input (or part of one) that did not become a story, with the reason why.

    Attributes:
        path: Where the input came from (original path or URL; WARC records add `#record-N`).
        raw_sha256: Content hash of the raw copy kept in the raw store.
        stage: Pipeline stage that rejected it (`detect`, `read`, `extract`, `normalise`, ...).
        reason: One line a user can act on.
    """

    path: str
    raw_sha256: str | None
    stage: str
    reason: str


class ExtractionError(Exception):
    """Raised by an extractor when an input cannot become a story; the message is the reason."""
