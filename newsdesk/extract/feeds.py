"""Stories from syndication feeds: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.x.

XML feeds go through feedparser, which falls back to a tolerant parser when the document is
not well-formed; such "bozo" feeds still yield their entries, each story carrying the note
``feed not well-formed: <reason>``. feedparser is always handed an in-memory stream (never a
string, which it would treat as a URL or a file name), so nothing is fetched or opened, and
its SAX parser runs with external entities disabled. JSON Feed is parsed here with `json`.

Field mapping (one `Story` per item/entry, ``source_kind="feed"``, provenance ``feed``):

==================  ===========================================================================
Story field         Source
==================  ===========================================================================
title               item title, HTML stripped (JSON Feed: plain text; markup stripped only when
                    the title holds real tags)
url                 FeedBurner ``feedburner:origLink`` (the article, not the feedproxy
                    redirect), else item link (rel=alternate), else a permalink guid; absolute
                    against xml:base or the feed URL
guid                guid / id
published_at        pubDate / dc:date / published; ``updated`` when nothing else or when the
                    publication date is impossible (before 1990, after capture)
modified_at         updated / atom:modified
authors             author / dc:creator / atom:author names (e-mail addresses removed; "A and B",
                    "A, B" split as in JSON exports)
summary             description / summary as plain text, at most `SUMMARY_MAX_CHARS`
paragraphs          content:encoded / atom:content as plain-text paragraphs; empty when the
                    feed only has a summary
tags                category / dc:subject / atom:category terms
image_url           image enclosure, media:content (largest), media:thumbnail, JSON ``image``
language            item xml:lang, else the feed's language
outlet              channel / feed title
==================  ===========================================================================

Sitemaps (``urlset`` / ``sitemapindex``) are rejected with ``ExtractionError("sitemap, not a
feed")`` rather than yielding nothing, so a caller routing by content never mistakes an empty
result for an empty feed.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import feedparser
from lxml import etree
from lxml import html as lxml_html

from newsdesk.dates import TZ_OFFSETS, check_published, from_timestamp, parse_datetime
from newsdesk.model import ExtractionError, Rejection, Story
from newsdesk.urls import absolute_url

#: Summaries longer than this are cut at a word boundary and end with an ellipsis.
SUMMARY_MAX_CHARS = 500

_SNIFF_BYTES = 4096
# A zone name closing a date ("Thu, 05 Dec 2024 10:00 CET"), and the names RFC 822 defines.
_ZONE_NAME = re.compile(r"\s([A-Za-z]{2,5})\s*$")
_RFC822_ZONES = frozenset("UT UTC GMT Z EST EDT CST CDT MST MDT PST PDT".split())
# "A; B", "A and B", "A & B": the separators of names in one byline.
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*", re.IGNORECASE)
# JSON Feed's version URL, also with the slashes escaped as PHP and WordPress write them.
_JSONFEED_VERSION = re.compile(rb'"version"\s*:\s*"https?:(?:\\?/){2}jsonfeed\.org\\?/')
# A `<` that starts no tag (no `>` closes it before the next `<`): text such as "x<y" in a
# title, which an HTML parser would swallow up to the next `>`.
_STRAY_LT = re.compile(r"<(?!!|[/?]?[A-Za-z][^<>]*>)")
_HTML_ELEMENTS = (
    "a abbr address article aside audio b big blockquote body br button caption center cite "
    "code dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 "
    "head header hr html i iframe img input ins kbd label li link main mark meta nav nobr "
    "noscript ol p picture pre q rp rt ruby s samp script section small source span strike "
    "strong style sub summary sup svg table tbody td tfoot th thead time title tr tt u ul var "
    "video wbr"
)
# Real markup: a known element, bare or closed (<p>, </p>, <br/>) or with an attribute that
# has a value (<a href=...>), or a comment / doctype / CDATA. "a<b and c>d" is not markup.
_MARKUP = re.compile(
    rf"<(?:/?(?:{'|'.join(_HTML_ELEMENTS.split())})\s*/?>"
    rf"|(?:{'|'.join(_HTML_ELEMENTS.split())})\s+[^<>]*?[\w:-]+\s*=\s*[\"'\w][^<>]*>"
    r"|!--|!doctype\b|!\[CDATA\[)",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_BY_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)
# First element of an XML document, after the declaration, comments, PIs and a doctype.
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_PROLOGUE = re.compile(rb"(\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>)", re.S | re.I)
_FEED_ROOTS = {b"rss": "rss", b"feed": "atom", b"rdf": "rdf", b"entry": "atom", b"channel": "rss"}
_SITEMAP_ROOTS = (b"urlset", b"sitemapindex")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "figure", "figcaption", "hr", "dd", "dt",
)  # fmt: skip
# feedparser flags these as bozo although the XML itself was fine.
_ENCODING_ONLY = (feedparser.CharacterEncodingOverride,)


# --------------------------------------------------------------------------- sniffing


def looks_like_feed(data: bytes) -> str | None:
    """Tell which feed format a document is from its first few KB.

    A JSON document is a JSON Feed when its head declares the jsonfeed.org ``version``
    (escaped slashes too), or, failing that, when it names jsonfeed.org and its parsed
    top-level ``version`` does.

    Args:
        data: The raw (already decompressed) document.

    Returns:
        ``"rss"``, ``"atom"``, ``"rdf"`` or ``"jsonfeed"``, or None when it is not a feed
        (HTML, a sitemap, other XML or JSON, or binary data).
    """
    head = _decode_head(data[:_SNIFF_BYTES])
    if head.startswith(b"{"):
        return "jsonfeed" if _JSONFEED_VERSION.search(head) or _json_feed_doc(data) else None
    root = _root_name(head)
    if root is None:
        return None
    return _FEED_ROOTS.get(root.lower())


def _json_feed_doc(data: bytes) -> bool:
    """True for a JSON Feed whose ``version`` is not in its head (keys sorted: items first).

    Only documents naming jsonfeed.org somewhere are parsed.
    """
    if b"jsonfeed.org" not in data:
        return False
    stripped = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        doc = json.loads(stripped)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    version = doc.get("version") if isinstance(doc, dict) else None
    return isinstance(version, str) and "jsonfeed.org" in version


def _decode_head(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes without BOM or leading whitespace."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.lstrip()


def _root_name(head: bytes) -> bytes | None:
    """The local name of the first element in an XML head, skipping the prologue."""
    pos = 0
    while True:
        match = _PROLOGUE.match(head, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
    if not head.startswith(b"<", pos):
        return None
    match = _ROOT_TAG.match(head, pos)
    return match.group(2) if match else None


# --------------------------------------------------------------------------- text helpers


def clean_text(text: str | None) -> str | None:
    """Unescape entities and collapse whitespace; None for empty text."""
    if text is None:
        return None
    text = _WS.sub(" ", html.unescape(str(text))).strip()
    return text or None


def html_to_paragraphs(markup: str | None) -> list[str]:
    """Turn an HTML (or plain-text) fragment into plain-text paragraphs.

    Block elements (``p``, ``div``, ``li``, headings, ``br`` ...) end a paragraph; scripts and
    styles are dropped; whitespace inside a paragraph is collapsed.

    Args:
        markup: HTML fragment or plain text.

    Returns:
        Non-empty paragraphs in document order.
    """
    if not markup or not markup.strip():
        return []
    if "<" not in markup:
        return _split_plain(html.unescape(markup))
    markup = _STRAY_LT.sub("&lt;", markup)
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError, TypeError):
        return _split_plain(html.unescape(re.sub(r"<[^>]*>", "\n\n", markup)))
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    # Ruby annotations (furigana) are reading aids over the text, not part of it.
    etree.strip_elements(root, "rt", "rp", with_tail=False)
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return _split_plain(root.text_content())


def html_to_text(markup: str | None) -> str | None:
    """Plain text of an HTML fragment on one line, or None when empty."""
    paragraphs = html_to_paragraphs(markup)
    return " ".join(paragraphs) or None


def holds_markup(text: str) -> bool:
    """Whether `text` is HTML rather than plain text that happens to hold a ``<``.

    Args:
        text: A field's value ("<p>Hi</p>", "We know that a<b and b<c.").

    Returns:
        True when it holds a known HTML element, a comment, a doctype or CDATA.
    """
    return "<" in text and bool(_MARKUP.search(text))


def plain_or_html_text(text: str | None) -> str | None:
    """Plain text of a field that is plain text by spec but sometimes carries HTML.

    Markup is stripped only when the value holds real markup (`holds_markup`); otherwise it
    is text, and "Is x<y? A primer" stays whole.

    Args:
        text: The field's value.

    Returns:
        The text on one line, entities decoded, or None when empty.
    """
    if not text:
        return None
    return html_to_text(text) if holds_markup(text) else clean_text(text)


def shorten(text: str | None, limit: int = SUMMARY_MAX_CHARS) -> str | None:
    """Cut `text` to at most `limit` characters at a word boundary, adding an ellipsis."""
    if not text or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def _split_plain(text: str) -> list[str]:
    paragraphs = (_WS.sub(" ", part).strip() for part in _BLANK_LINES.split(text))
    return [p for p in paragraphs if p]


def split_byline(text: str) -> list[str]:
    """Split "A, B and C" into names; keep "Smith, Jane" (one-word parts) together."""
    parts = _AUTHOR_SPLIT.split(text)
    by_comma = [q.strip() for p in parts for q in p.split(",")]
    if all(len(q.split()) >= 2 for q in by_comma if q):
        return by_comma
    return parts


def clean_author(name: str | None) -> str | None:
    """An author's display name without e-mail addresses, brackets or a leading "By"."""
    if not name:
        return None
    text = clean_text(name) or ""
    # RSS <author> is "email (Name)"; keep the part in brackets when the rest is an address.
    bracketed = re.fullmatch(r"(.*?)\((.+)\)\s*", text)
    if bracketed and _EMAIL.search(bracketed.group(1)):
        text = bracketed.group(2)
    text = _EMAIL.sub("", text)
    text = _BY_PREFIX.sub("", text)
    text = re.sub(r"[()<>\[\]]", " ", text)
    text = _WS.sub(" ", text).strip(" ,;:-")
    return text or None


def _dedupe(values: list[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.casefold() not in {k.casefold() for k in seen}:
            seen[value] = None
    return list(seen)


def precision_of(raw: str) -> str:
    """The precision a date string was written with: ``second``, ``minute`` or ``day``."""
    if _HAS_SECONDS.search(raw):
        return "second"
    if _HAS_TIME.search(raw):
        return "minute"
    return "day"


# --------------------------------------------------------------------------- entry point


def extract_feed(
    data: bytes,
    *,
    source_path: str | None = None,
    url: str | None = None,
    captured_at: datetime | None = None,
) -> Iterator[Story | Rejection]:
    """Yield one story per feed item, and a rejection per item that cannot be a story.

    Args:
        data: The feed document (already decompressed).
        source_path: Where it came from; rejections are located as ``<source_path>#item-N``
            with N counted from 1 in document order.
        url: The feed's own URL, used to resolve relative links when the feed has no xml:base.
        captured_at: When the feed was captured; passed to every story and used to drop
            publication dates in the future.

    Yields:
        `Story` objects (``source_kind="feed"``) and `Rejection` objects for items that have
        neither a title nor a link.

    Raises:
        ExtractionError: The document is not a feed (HTML, a sitemap, other JSON), or it is a
            feed without any recoverable item.
    """
    # A leading blank line before <?xml is common in real feeds and would push feedparser to
    # its loose parser; it carries no information, so it is dropped (with a UTF-8 BOM).
    stripped = (data[3:] if data.startswith(b"\xef\xbb\xbf") else data).lstrip()
    if stripped.startswith((b"{", b"[")):
        items = _jsonfeed_items(stripped, url)
    else:
        items = _xml_items(stripped, url)
    path = source_path or url or "<feed>"
    raw_sha = hashlib.sha256(data).hexdigest()
    for number, (story, dates, reject_reason) in enumerate(items, start=1):
        where = f"{path}#item-{number}"
        if reject_reason:
            yield Rejection(where, raw_sha, "extract", reject_reason)
            continue
        # The item's own location, for whoever later rejects it (a story without a title).
        story.source_path = where
        story.captured_at = captured_at
        _set_dates(story, dates, captured_at)
        _finish(story)
        yield story


def _set_dates(story: Story, dates: _Dates, captured_at: datetime | None) -> None:
    """Published, else updated: also when the publication date is impossible."""
    published, updated = dates
    if updated:
        story.modified_at = updated[0]
    candidates = [found for found in (published, updated) if found is not None]
    for number, (when, precision) in enumerate(candidates):
        kept, note = check_published(when, captured_at)
        if kept is not None:
            story.published_at, story.published_precision = kept, precision
            return
        if note and number == 0:
            # Only the first date's note: an impossible `updated` after it is the
            # modification time's problem, noted as such when the story is finalised.
            story.notes.append(note)


def _finish(story: Story) -> None:
    """Set provenance for the filled fields."""
    for name in (
        "title", "url", "guid", "published_at", "modified_at", "authors", "summary",
        "paragraphs", "tags", "image_url", "language", "outlet",
    ):  # fmt: skip
        if getattr(story, name):
            story.provenance[name] = "feed"


def _unusable(story: Story) -> str | None:
    """Why an item cannot be a story, or None when it can.

    An item without a title still counts when it has a link: RSS 2.0 items may carry only a
    description, and JSON Feed microblog posts have no title.
    """
    if not story.title and not story.url:
        return "feed item has neither title nor link"
    return None


# --------------------------------------------------------------------------- XML feeds


# (published, updated) of an item as found, each `(utc_datetime, precision)` or None.
_Dates = tuple[tuple[datetime, str] | None, tuple[datetime, str] | None]
_Item = tuple[Story, _Dates, str | None]


def _xml_items(data: bytes, url: str | None) -> Iterator[_Item]:
    root = _root_name(_decode_head(data[:_SNIFF_BYTES]))
    if root is not None and root.lower() in _SITEMAP_ROOTS:
        raise ExtractionError("sitemap, not a feed")
    # Without a content type feedparser flags every feed as bozo; application/xml lets the
    # XML declaration (or a BOM) decide the encoding.
    headers = {"content-type": "application/xml"}
    if url:
        headers["content-location"] = url
    try:
        # A stream, never bytes or str: feedparser would open a bytes/str value as a path/URL.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # feedparser bugs must not escape as crashes
        raise ExtractionError(f"not a feed: parser failed ({type(exc).__name__})") from exc
    entries = parsed.get("entries") or []
    if not entries:
        raise ExtractionError(_no_entries_reason(parsed, root))
    feed = parsed.get("feed") or {}
    notes = _bozo_notes(parsed)
    outlet = _typed_text(feed, "title")
    language = _language(feed.get("language"))
    base = feed.get("link") if not url else url
    for entry in entries:
        story, dates = _story_from_entry(entry, base)
        story.outlet = outlet
        story.language = story.language or language
        story.notes.extend(notes)
        yield story, dates, _unusable(story)


def _no_entries_reason(parsed: Any, root: bytes | None) -> str:
    if not parsed.get("version"):
        what = root.decode("ascii", "replace") if root else "no XML root element"
        if parsed.get("bozo"):
            return f"not a feed: {what} ({_one_line(parsed.get('bozo_exception'))})"
        return f"not a feed: root element is {what}"
    return "feed has no items"


def _bozo_notes(parsed: Any) -> list[str]:
    if not parsed.get("bozo"):
        return []
    exc = parsed.get("bozo_exception")
    if isinstance(exc, _ENCODING_ONLY):
        return [f"feed encoding: {_one_line(exc)}"]
    return [f"feed not well-formed: {_one_line(exc)}"]


def _one_line(exc: object) -> str:
    text = _WS.sub(" ", str(exc or "unknown error")).strip()
    return text[:200] or type(exc).__name__


def _language(value: str | None) -> str | None:
    text = clean_text(value)
    return text.lower() if text and len(text) <= 35 else None


def _story_from_entry(entry: Any, base: str | None) -> tuple[Story, _Dates]:
    # FeedBurner points `link` at its feedproxy redirect; origLink is the article itself,
    # the address the page's own story shares its id with.
    link = _web_link(entry.get("feedburner_origlink"), base) or entry.get("link")
    if not link and entry.get("guidislink") is not False and entry.get("id"):
        link = entry.get("id")
    content = _best_content(entry.get("content") or [])
    summary = _typed_text(entry, "summary")
    published_raw, published_parsed = _entry_dates(entry, "published")
    updated_raw, updated_parsed = _entry_dates(entry, "updated")
    story = Story(
        title=_typed_text(entry, "title"),
        url=absolute_url(link, base),
        guid=clean_text(entry.get("id")),
        summary=shorten(summary),
        paragraphs=_content_paragraphs(content) if content else [],
        authors=_authors(entry),
        tags=_dedupe(
            [clean_text(t.get("term") or t.get("label")) for t in entry.get("tags") or []]
        ),
        image_url=_image(entry, base),
        language=_language((entry.get("title_detail") or {}).get("language")),
        source_kind="feed",
    )
    published = _to_datetime(published_raw, published_parsed)
    updated = _to_datetime(updated_raw, updated_parsed)
    return story, (published, updated)


def _web_link(value: object, base: str | None) -> str | None:
    return absolute_url(value, base) if isinstance(value, str) else None


def _typed_text(parent: Any, key: str) -> str | None:
    """Plain text of a feedparser text construct, stripping markup only when it is HTML.

    The value comes from ``parent[key]`` and only the type from ``parent[key_detail]``:
    feedparser can leave the detail pointing at a nested element's title.
    """
    value = parent.get(key)
    if not value or not isinstance(value, str):
        return None
    if "html" in ((parent.get(f"{key}_detail") or {}).get("type") or "text/html"):
        return html_to_text(value)
    # feedparser has already decoded entities in text content; do not unescape twice.
    return _WS.sub(" ", value).strip() or None


def _best_content(contents: list[Any]) -> Any | None:
    """The longest content block (feeds may carry a text and an HTML version)."""
    usable = [c for c in contents if (c.get("value") or "").strip()]
    return max(usable, key=lambda c: len(c.get("value") or ""), default=None)


def _content_paragraphs(content: Any) -> list[str]:
    value = content.get("value") or ""
    if "html" in (content.get("type") or ""):
        return html_to_paragraphs(value)
    return _split_plain(value)


def _entry_dates(entry: Any, key: str) -> tuple[str | None, Any]:
    # dict.get bypasses FeedParserDict's deprecated fallback of `updated` to `published`,
    # which would report every publication time as a modification time.
    return dict.get(entry, key), dict.get(entry, f"{key}_parsed")


def _to_datetime(raw: str | None, parsed: Any) -> tuple[datetime, str] | None:
    """Prefer feedparser's parse (it knows RFC 822 zones and W3C-DTF), else dateutil."""
    zone = _ZONE_NAME.search(raw or "")
    if zone and zone[1].upper() in TZ_OFFSETS and zone[1].upper() not in _RFC822_ZONES:
        # feedparser reads zone names RFC 822 lacks ("CET", "IST", "AEST") as UTC.
        return parse_datetime(raw)
    if parsed:
        try:
            return from_timestamp(calendar.timegm(parsed)), precision_of(raw or "")
        except (OverflowError, ValueError, OSError, TypeError):
            pass
    return parse_datetime(raw) if raw else None


def _authors(entry: Any) -> list[str]:
    names = [n for author in entry.get("authors") or [] for n in split_authors(author.get("name"))]
    if not any(names):
        names.extend(split_authors(entry.get("author")))
    return _dedupe(names)


def split_authors(byline: object) -> list[str]:
    """Cleaned names of a feed's author value, split as the JSON export path splits them.

    Args:
        byline: An author string ("Jane Doe and John Smith", "Jane Doe, John Smith",
            "jane@example.org (Jane Doe)"); anything else gives no name.

    Returns:
        The names, in order.
    """
    if not isinstance(byline, str) or not byline.strip():
        return []
    names = list(dict.fromkeys(n for n in (clean_author(p) for p in split_byline(byline)) if n))
    if len(names) > 1 and not all(_looks_like_full_name(name) for name in names):
        # "Staff and agencies", "Lenny Bernstein, illustration by Anna Parini": one credit
        # line, not a list of people; kept whole as before.
        return [name] if (name := clean_author(byline)) else []
    return names


def _looks_like_full_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and name[:1].isupper()


def _image(entry: Any, base: str | None) -> str | None:
    """The best image URL: image enclosure, largest image media:content, then thumbnail."""
    for enclosure in entry.get("enclosures") or []:
        href = enclosure.get("href")
        if href and ((enclosure.get("type") or "").startswith("image/") or _looks_like_image(href)):
            return absolute_url(href, base)
    media = [
        m
        for m in entry.get("media_content") or []
        if m.get("url")
        and (
            m.get("medium") == "image"
            or (m.get("type") or "").startswith("image/")
            or (not m.get("medium") and not m.get("type") and _looks_like_image(m["url"]))
            or (not m.get("medium") and not m.get("type") and m.get("width"))
        )
    ]
    if media:
        return absolute_url(max(media, key=_media_width)["url"], base)
    for thumb in entry.get("media_thumbnail") or []:
        if thumb.get("url"):
            return absolute_url(thumb["url"], base)
    return None


def _media_width(media: Any) -> int:
    try:
        return int(media.get("width") or 0)
    except (TypeError, ValueError):
        return 0


def _looks_like_image(href: str) -> bool:
    return bool(re.search(r"\.(jpe?g|png|gif|webp|avif)(\?|$)", href, re.IGNORECASE))


# --------------------------------------------------------------------------- JSON Feed


def _jsonfeed_items(data: bytes, url: str | None) -> Iterator[_Item]:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ExtractionError(f"not a feed: invalid JSON ({_one_line(exc)})") from exc
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or "jsonfeed.org" not in version:
        raise ExtractionError("not a feed: JSON without a jsonfeed.org version")
    items = doc.get("items")
    if not isinstance(items, list) or not items:
        raise ExtractionError("feed has no items")
    base = _json_str(doc.get("feed_url")) or url or _json_str(doc.get("home_page_url"))
    outlet = clean_text(_json_str(doc.get("title")))
    language = _language(_json_str(doc.get("language")))
    feed_authors = _json_authors(doc)
    for item in items:
        if not isinstance(item, dict):
            yield Story(source_kind="feed"), (None, None), "JSON Feed item is not an object"
            continue
        story, dates = _story_from_json_item(item, base)
        story.outlet = outlet
        story.language = story.language or language
        story.authors = story.authors or feed_authors
        yield story, dates, _unusable(story)


def _json_str(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _story_from_json_item(item: dict[str, Any], base: str | None) -> tuple[Story, _Dates]:
    content_html = _json_str(item.get("content_html"))
    content_text = _json_str(item.get("content_text"))
    paragraphs = html_to_paragraphs(content_html) if content_html else []
    if not paragraphs and content_text:
        paragraphs = _split_plain(content_text)
    # JSON Feed's title and summary are plain text; some feeds put HTML in them anyway.
    summary = plain_or_html_text(_json_str(item.get("summary")))
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    story = Story(
        title=plain_or_html_text(_json_str(item.get("title"))),
        url=absolute_url(_json_str(item.get("url")) or _json_str(item.get("external_url")), base),
        guid=clean_text(_json_str(item.get("id"))),
        summary=shorten(summary),
        paragraphs=paragraphs,
        authors=_json_authors(item),
        tags=_dedupe([clean_text(_json_str(t)) for t in tags]),
        image_url=absolute_url(
            _json_str(item.get("image")) or _json_str(item.get("banner_image")), base
        ),
        language=_language(_json_str(item.get("language"))),
        source_kind="feed",
    )
    published = parse_datetime(_json_str(item.get("date_published")))
    modified = parse_datetime(_json_str(item.get("date_modified")))
    return story, (published, modified)


def _json_authors(obj: dict[str, Any]) -> list[str]:
    """Names from JSON Feed 1.1 ``authors`` or 1.0 ``author``."""
    # Feeds migrating from 1.0 to 1.1 often carry both keys with different people.
    raw = obj.get("authors") if isinstance(obj.get("authors"), list) else []
    raw = [*raw, obj.get("author")]
    names = [
        name
        for a in raw
        for name in split_authors(_json_str(a.get("name")) if isinstance(a, dict) else _json_str(a))
    ]
    return _dedupe(names)
