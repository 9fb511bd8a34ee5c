"""Stories from JSON and JSON Lines exports (news APIs, scraper dumps, CMS exports).

Accepted layouts:

* a JSON list of objects;
* a JSON object holding such a list under ``items``, ``articles``, ``stories``, ``data``,
  ``results``, ``docs``, ``entries``, ``posts`` or ``records`` (looked up case-insensitively,
  also one or two levels down, e.g. ``{"response": {"docs": [...]}}``);
* a single JSON object that is itself a story;
* JSON Lines: one object per line. A line that is not valid JSON (or not an object) becomes
  a `Rejection` located as ``<source_path>#line-N`` (N from 1) and the other lines go on.

Keys are matched case-insensitively and ignoring ``_`` and ``-``, so ``published_at``,
``publishedAt`` and ``PUBLISHED-AT`` are one key. The first key present in the order below
wins. Unknown keys are ignored.

==============  ===========================================================================
Story field     Keys
==============  ===========================================================================
url             url, link, href, canonical_url, web_url, permalink
canonical_url   canonical_url, canonical
title           title, headline, name (string, or object with ``main``/``name``/``text``)
paragraphs      text, body, content, article, articleBody, full_text, fulltext,
                body_text (string, list of strings or of objects with ``text``; HTML is
                stripped; plain text is split on blank lines, else on line breaks)
summary         summary, description, standfirst, excerpt, lede, abstract, dek, snippet
published_at    published, date, published_at, publishedAt, datePublished, pubDate,
                pub_date, created_at, created, timestamp (ISO 8601, RFC 822, human dates,
                or Unix epoch seconds / milliseconds as numbers or digit strings)
modified_at     modified, updated, dateModified, modified_at, updated_at, last_modified
authors         author, authors, byline, creator, creators, writer (string, list of
                strings, or objects with ``name``/``original``)
outlet          source, outlet, publisher, site_name, siteName, publication, domain
                (string or object with ``name``/``title``)
section         section, category, section_name (first one when a list)
tags            tags, keywords, categories, subjects (list, or comma/semicolon string)
language        language, lang, inLanguage, locale
image_url       image, image_url, top_image, thumbnail, urlToImage (string, object with
                ``url``/``src``, or a list of those)
guid            id, guid, uuid, _id, article_id
==============  ===========================================================================

Every field filled from the export has provenance ``export``; ``source_kind`` is ``jsonl``
for both layouts. An object with neither a title nor a body becomes a `Rejection`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newsdesk.dates import check_published, from_timestamp, parse_datetime
from newsdesk.extract.feeds import (
    clean_author,
    clean_text,
    holds_markup,
    html_to_paragraphs,
    plain_or_html_text,
    shorten,
    split_byline,
)
from newsdesk.model import ExtractionError, Rejection, Story
from newsdesk.urls import absolute_url

_CONTAINER_KEYS = (
    "items", "articles", "stories", "data", "results", "docs", "entries", "posts", "records",
)  # fmt: skip
# Normalised keys (lower case, no "_"/"-") per field, in priority order.
_FIELD_KEYS: dict[str, tuple[str, ...]] = {
    name: tuple(keys.split())
    for name, keys in {
        "url": "url link href canonicalurl weburl permalink",
        "canonical_url": "canonicalurl canonical",
        "title": "title headline name",
        "body": "text body content article articlebody fulltext bodytext",
        "summary": "summary description standfirst excerpt lede abstract dek snippet",
        "published": "published date publishedat datepublished pubdate createdat created timestamp",
        "modified": "modified updated datemodified modifiedat updatedat lastmodified",
        "authors": "author authors byline creator creators writer",
        "outlet": "source outlet publisher sitename publication domain",
        "section": "section category sectionname",
        "tags": "tags keywords categories subjects",
        "language": "language lang inlanguage locale",
        "image": "image imageurl topimage thumbnail urltoimage",
        "guid": "id guid uuid articleid",
    }.items()
}
# Keys of nested objects that carry the display text of a value.
_TEXT_KEYS = ("name", "main", "original", "title", "text", "value", "url", "src", "@value")
_DIGITS = re.compile(r"^\d{8,19}(\.\d+)?$")
# Compact timestamps (GDELT, Lucene dumps): YYYYMMDD, YYYYMMDDHHMM, YYYYMMDDHHMMSS.
_COMPACT = {8: ("%Y%m%d", "day"), 12: ("%Y%m%d%H%M", "minute"), 14: ("%Y%m%d%H%M%S", "second")}
# Epoch values by size: seconds up to 1e11 (year 5138), then ms, µs and ns.
_EPOCH_UNITS = ((1e11, 1), (1e14, 1e3), (1e17, 1e6), (1e20, 1e9))
_SUMMARY_MAX = 500


def extract_json_export(
    data: bytes,
    *,
    source_path: str | None = None,
    captured_at: datetime | None = None,
) -> Iterator[Story | Rejection]:
    """Yield a story per exported object, and a rejection per object or line that is not one.

    Args:
        data: A JSON or JSON Lines document (already decompressed).
        source_path: Where it came from; rejections are located as ``<source_path>#item-N``
            (JSON) or ``<source_path>#line-N`` (JSON Lines), N counted from 1.
        captured_at: When the export was captured; passed to every story and used to drop
            publication dates in the future.

    Yields:
        `Story` objects (``source_kind="jsonl"``) and `Rejection` objects.

    Raises:
        ExtractionError: The input is not JSON or JSON Lines, or holds no object at all.
    """
    path = source_path or "<export>"
    raw_sha = hashlib.sha256(data).hexdigest()
    for where, obj, error in _records(data):
        if error:
            yield Rejection(f"{path}#{where}", raw_sha, "extract", error)
            continue
        story, reason = _story_from_object(obj, captured_at)
        if reason:
            yield Rejection(f"{path}#{where}", raw_sha, "extract", reason)
        else:
            yield story


# --------------------------------------------------------------------------- layouts


def _records(data: bytes) -> Iterator[tuple[str, Any, str | None]]:
    """``(location, object, error)`` for every record of a JSON or JSON Lines document."""
    try:
        doc = json.loads(data)
    except RecursionError as exc:
        raise ExtractionError("not JSON: nested too deeply") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        yield from _jsonl_records(data, exc)
        return
    objects = _story_list(doc)
    if objects is None:
        raise ExtractionError(f"no story objects: JSON top level is {_type_name(doc)}")
    for number, obj in enumerate(objects, start=1):
        if isinstance(obj, dict):
            yield f"item-{number}", obj, None
        else:
            yield f"item-{number}", None, f"export item is {_type_name(obj)}, not an object"


def _jsonl_records(data: bytes, whole_error: Exception) -> Iterator[tuple[str, Any, str | None]]:
    lines = data.split(b"\n")
    parsed = [(n, _parse_line(line)) for n, line in enumerate(lines, start=1) if line.strip()]
    if not any(error is None for _, (_, error) in parsed):
        raise ExtractionError(f"not JSON: {_one_line(whole_error)}")
    for number, (obj, error) in parsed:
        yield f"line-{number}", obj, error


def _parse_line(line: bytes) -> tuple[Any, str | None]:
    try:
        obj = json.loads(line)
    except RecursionError:
        return None, "invalid JSON line: nested too deeply"
    except (ValueError, UnicodeDecodeError) as exc:
        return None, f"invalid JSON line: {_one_line(exc)}"
    if not isinstance(obj, dict):
        return None, f"JSON line is {_type_name(obj)}, not an object"
    return obj, None


def _story_list(doc: Any, depth: int = 0) -> list[Any] | None:
    """The list of story objects in a parsed JSON document, or None when there is none."""
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        return None
    lowered = {_norm(k): v for k, v in doc.items()}
    is_story = _looks_like_story(lowered)
    for key in _CONTAINER_KEYS:
        found = lowered.get(key)
        if isinstance(found, list) and not (is_story and _own_list(lowered, found)):
            return found
    if is_story or depth >= 2:
        return [doc] if depth == 0 else None
    for value in doc.values():
        found = _story_list(value, depth + 1) if isinstance(value, dict) else None
        if found is not None:
            return found
    return [doc] if depth == 0 else None


def _own_list(lowered: dict[str, Any], found: list[Any]) -> bool:
    """Whether a list under a container key belongs to the story object holding it.

    A story may carry a list of its own (``"data": [{"k": 1}]``, ``"items": ["a", "b"]``);
    a list of story objects makes the object a container. An empty list belongs to the
    object only when it has body text: ``{"name": "export", "items": []}`` is no story.
    """
    if not found:
        return any(lowered.get(key) for key in _FIELD_KEYS["body"])
    return not any(
        isinstance(item, dict) and _looks_like_story({_norm(k): v for k, v in item.items()})
        for item in found
    )


def _looks_like_story(lowered: dict[str, Any]) -> bool:
    return any(k in lowered for k in (*_FIELD_KEYS["title"], *_FIELD_KEYS["body"], "url"))


def _type_name(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _one_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc)).strip()[:200] or type(exc).__name__


# --------------------------------------------------------------------------- fields


def _norm(key: object) -> str:
    return re.sub(r"[_\-\s]", "", str(key)).lower()


def _lookup(fields: dict[str, Any], name: str) -> Any:
    for key in _FIELD_KEYS[name]:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _story_from_object(obj: dict[str, Any], captured_at: datetime | None) -> tuple[Story, str]:
    fields = {_norm(k): v for k, v in obj.items()}
    fields.pop("", None)
    story = Story(source_kind="jsonl", captured_at=captured_at)
    story.title = _text_value(_lookup(fields, "title"))
    story.paragraphs = _paragraphs(_lookup(fields, "body"))
    if not story.title and not story.paragraphs:
        return story, "export object has neither title nor body text"
    story.url = _url(_lookup(fields, "url"))
    story.canonical_url = _url(_lookup(fields, "canonical_url"))
    story.summary = shorten(_text_value(_lookup(fields, "summary")), _SUMMARY_MAX)
    story.authors = _authors(_lookup(fields, "authors"))
    story.outlet = _text_value(_lookup(fields, "outlet"))
    story.section = _text_value(_lookup(fields, "section"))
    story.tags = _tags(_lookup(fields, "tags"))
    language = _text_value(_lookup(fields, "language"))
    story.language = language.lower() if language and len(language) <= 35 else None
    story.image_url = _url(_lookup(fields, "image"))
    story.guid = _text_value(_lookup(fields, "guid"))
    _set_dates(story, fields, captured_at)
    for name in (
        "title", "url", "canonical_url", "summary", "paragraphs", "authors", "outlet",
        "section", "tags", "language", "image_url", "guid", "published_at", "modified_at",
    ):  # fmt: skip
        if getattr(story, name):
            story.provenance[name] = "export"
    return story, ""


def _text_value(value: Any) -> str | None:
    """One line of text from a string, number, object (``name``, ``main`` ...) or list."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return plain_or_html_text(value)
    if isinstance(value, dict):
        lowered = {_norm(k): v for k, v in value.items()}
        for key in _TEXT_KEYS:
            text = _text_value(lowered.get(_norm(key)))
            if text:
                return text
        return None
    if isinstance(value, list):
        for item in value:
            text = _text_value(item)
            if text:
                return text
    return None


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, str):
        return _text_paragraphs(value)
    if isinstance(value, dict):
        return _paragraphs(_text_value(value))
    if isinstance(value, list):
        return [p for item in value for p in _paragraphs(item)]
    return []


def _text_paragraphs(text: str) -> list[str]:
    if holds_markup(text):
        return html_to_paragraphs(text)
    # Plain exports separate paragraphs by a blank line, or by a single line break when
    # they never use blank lines.
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    parts = (clean_text(part) for part in re.split(separator, text))
    return [p for p in parts if p]


def _url(value: Any) -> str | None:
    text = _text_value(value)
    return absolute_url(text, None) if text else None


def _authors(value: Any) -> list[str]:
    if isinstance(value, list):
        names = [n for item in value for n in _authors(item)]
    elif isinstance(value, str):
        names = [n for n in (clean_author(p) for p in split_byline(value)) if n]
    else:
        names = _authors(_text_value(value)) if value is not None else []
    seen: dict[str, None] = {}
    for name in names:
        if name.casefold() not in {k.casefold() for k in seen}:
            seen[name] = None
    return list(seen)


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = re.split(r"[,;]", value)
    elif isinstance(value, list):
        items = value
    else:
        items = [value] if value is not None else []
    tags: dict[str, None] = {}
    for item in items:
        text = _text_value(_keyword_value(item))
        if text:
            tags.setdefault(text, None)
    return list(tags)


def _keyword_value(item: Any) -> Any:
    """The tag a keyword object stands for.

    NYT's ``{"name": "subject", "value": "Climate"}`` names the kind of keyword under
    ``name`` and the keyword itself under ``value``.
    """
    if isinstance(item, dict):
        lowered = {_norm(k): v for k, v in item.items()}
        if "name" in lowered and isinstance(lowered.get("value"), str) and lowered["value"].strip():
            return lowered["value"]
    return item


def _set_dates(story: Story, fields: dict[str, Any], captured_at: datetime | None) -> None:
    raw_published = _lookup(fields, "published")
    raw_modified = _lookup(fields, "modified")
    published = _date_value(raw_published)
    modified = _date_value(raw_modified)
    for label, raw, found in (
        ("published", raw_published, published),
        ("modified", raw_modified, modified),
    ):
        if raw is not None and found is None:
            story.notes.append(f"{label} date {_shown(raw)} not understood; dropped")
    story.modified_at = modified[0] if modified else None
    if published:
        checked, note = check_published(published[0], captured_at)
        if note:
            story.notes.append(note)
        else:
            story.published_at, story.published_precision = checked, published[1]


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _date_value(value: Any) -> tuple[datetime, str] | None:
    """A date from ISO/RFC 822/human text, a compact stamp or an epoch number.

    Args:
        value: What the export holds: text, a number or a digit string. Digit runs of 8, 12
            or 14 digits that read as YYYYMMDD[HHMM[SS]] are compact stamps; other numbers
            are Unix epoch seconds, milliseconds, microseconds or nanoseconds by size.

    Returns:
        `(utc_datetime, precision)`, or None when the value holds no readable date.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dict) and len(value) == 1:
        # MongoDB extended JSON: {"$date": "2024-01-05T10:00:00Z"}, {"$numberLong": "1704..."}.
        inner = value.get("$date", value.get("$numberLong"))
        if inner is not None:
            return _date_value(inner)
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        digits = value.strip()
        compact = _compact_date(digits)
        if compact:
            return compact
        value = float(digits)
    if isinstance(value, int):
        compact = _compact_date(str(value))
        if compact:
            return compact
    if isinstance(value, (int, float)):
        return _epoch(value)
    text = _text_value(value)
    return parse_datetime(text) if text else None


def _compact_date(digits: str) -> tuple[datetime, str] | None:
    form = _COMPACT.get(len(digits))
    if form is None or not digits.startswith(("19", "20")):
        return None
    try:
        stamp = datetime.strptime(digits, form[0]).replace(tzinfo=UTC)
    except ValueError:
        return None
    return stamp, form[1]


def _epoch(value: float) -> tuple[datetime, str] | None:
    for limit, per_second in _EPOCH_UNITS:
        if abs(value) < limit:
            try:
                return from_timestamp(value / per_second), "second"
            except (OverflowError, OSError, ValueError):
                return None
    return None
