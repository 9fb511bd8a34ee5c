"""Read web pages saved as MHTML ("Save as: Webpage, Single File" in Chrome and Edge).

An MHTML file (RFC 2557) is a MIME `multipart/related` message: the page's HTML is the root
part and its images and stylesheets follow. The message headers name the page's address
(`Snapshot-Content-Location`, else the root part's `Content-Location`) and when it was
saved (`Date`). The standard library's `email` parser reads it; the root HTML part goes to
the HTML extractor with that address and capture time.
"""

from __future__ import annotations

import email.parser
import email.policy
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from newsdesk.extract.charset import decode_html
from newsdesk.extract.html import extract_html
from newsdesk.model import ExtractionError, Story

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def extract_mhtml(
    data: bytes, *, source_path: str | None = None, captured_at: datetime | None = None
) -> Story:
    """Extract the story of a page saved as MHTML.

    Args:
        data: The whole `.mhtml` / `.mht` file.
        source_path: Where the file was read from (kept on the story).
        captured_at: When the page was captured, used when the file's `Date` header has no
            valid date.

    Returns:
        The story of the page's root HTML part, with the saved page's URL and capture time.

    Raises:
        ExtractionError: Not a multipart message, or no HTML part in it.
    """
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
    if not message.is_multipart():
        raise ExtractionError("not an MHTML file: no multipart/related message")
    root = _root_part(message)
    if root is None:
        raise ExtractionError("MHTML file has no HTML part")
    payload = root.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ExtractionError("MHTML file has an empty HTML part")
    url = _header(message, "Snapshot-Content-Location") or _header(root, "Content-Location")
    if url and not url.lower().startswith(("http://", "https://")):
        # "cid:..." or a local file path names no web address.
        url = None
    saved = _saved_at(message) or captured_at
    text = decode_html(payload, declared_charset=root.get_content_charset())
    return extract_html(text, url=url, source_path=source_path, captured_at=saved)


def _root_part(message: Message) -> Message | None:
    """The root HTML part: the one the `start` parameter names, else the first HTML part."""
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str) and start:
        for part in parts:
            if _header(part, "Content-ID") == start:
                return part
    return next((part for part in parts if part.get_content_type() in _HTML_TYPES), None)


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    return " ".join(str(value).split()) or None if value is not None else None


def _saved_at(message: Message) -> datetime | None:
    value = _header(message, "Date")
    if not value:
        return None
    try:
        saved = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000" (no zone known) parses naive; MHTML writers mean UTC by it.
    return saved if saved.tzinfo is not None else saved.replace(tzinfo=UTC)
