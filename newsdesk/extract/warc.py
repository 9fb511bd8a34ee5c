"""Stories from WARC (and legacy ARC) archives: one per HTML response record."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsdesk.extract.charset import decode_html
from newsdesk.extract.feeds import extract_feed, looks_like_feed
from newsdesk.extract.html import extract_html
from newsdesk.model import ExtractionError, Rejection, Story

#: Bytes of one record's payload that are read; bigger payloads are cut (with a note).
MAX_RECORD_BYTES = 10_000_000

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
    "application/json",
)
# Servers often send HTML as octet-stream or with no type at all: those are sniffed.
_SNIFF_TYPES = ("", "application/octet-stream", "text/plain", "unk", "application/unknown")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
    re.IGNORECASE | re.DOTALL,
)
# What a broken archive raises while reading or decompressing (warcio wraps only some of it).
_ARCHIVE_ERRORS = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError)


def extract_warc(
    stream: BinaryIO, *, source_path: str | None = None
) -> Iterator[Story | Rejection]:
    """Extract stories from every HTML response in a WARC/ARC stream.

    Records are numbered from 0 in file order. Responses with HTTP 200 and an HTML payload
    (declared or sniffed) become stories with `source_kind="warc"`, `url` = WARC-Target-URI
    and `captured_at` = WARC-Date; other records are skipped silently. A record whose
    extraction fails yields a `Rejection` at stage `extract`; an archive that breaks mid-way
    yields one `Rejection` at stage `read` for the rest and stops, after the stories read.

    Args:
        stream: The archive, opened in binary mode (gzip per record, or plain).
        source_path: Where the archive came from, used in rejection paths.

    Yields:
        Stories and rejections, in record order.
    """
    where = source_path or "<warc>"
    index = -1
    # A record's results wait until the next record is read: warcio finishes reading a
    # record (and warns about its end) only then.
    pending: list[Story | Rejection] = []
    try:
        records = iter(ArchiveIterator(stream, arc2warc=True))
        while True:
            warnings: list[str] = []
            with _warcio_warnings(warnings):
                record = next(records, None)
            _add_notes(pending, warnings)
            yield from pending
            pending = []
            if record is None:
                return
            index += 1
            warnings = []
            with _warcio_warnings(warnings):
                pending = _record_results(record, f"{where}#record-{index}")
            _add_notes(pending, warnings)
    except _ARCHIVE_ERRORS as err:
        yield from pending
        yield Rejection(
            path=f"{where}#record-{index + 1}",
            raw_sha256=None,
            stage="read",
            reason=f"archive broken after {index + 1} records, rest skipped: {_one_line(err)}",
        )


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def _warcio_warnings(into: list[str]) -> Iterator[None]:
    """Collect what warcio prints or logs about a damaged record, instead of the console.

    warcio writes some warnings straight to stderr ("Record not followed by newline") and
    logs others ("Replacing spaces in invalid WARC-Target-URI"); both become notes on the
    record's stories, so the run's output stays one line per problem.
    """
    logger = logging.getLogger("warcio")
    handler = _Collect(into)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    printed = io.StringIO()
    try:
        with contextlib.redirect_stderr(printed):
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        lines = [line.strip() for line in printed.getvalue().splitlines() if line.strip()]
        if lines:
            into.append(lines[0])


def _add_notes(results: list[Story | Rejection], warnings: list[str]) -> None:
    for result in results:
        if isinstance(result, Story):
            result.notes.extend(f"archive: {warning}" for warning in warnings)


def _record_results(record: ArcWarcRecord, path: str) -> list[Story | Rejection]:
    if record.rec_type != "response" or record.http_headers is None:
        return []
    if record.http_headers.get_statuscode() != "200":
        return []
    content_type = (record.http_headers.get_header("Content-Type") or "").strip().lower()
    media_type = content_type.split(";")[0].strip()
    is_feed_type = media_type in _FEED_TYPES
    if (
        not media_type.startswith(_HTML_TYPES)
        and media_type not in _SNIFF_TYPES
        and not is_feed_type
    ):
        return []
    truncated = record.rec_headers.get_header("WARC-Truncated")
    if truncated:
        # The fetcher stopped reading at a limit: half a page would become a wrong story.
        return [Rejection(path, None, "extract", f"response truncated when fetched ({truncated})")]
    try:
        payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    except _ARCHIVE_ERRORS as err:
        return [Rejection(path, None, "extract", f"record payload unreadable: {_one_line(err)}")]
    if is_feed_type or (not media_type.startswith(_HTML_TYPES) and looks_like_feed(payload)):
        return _feed_items(record, payload, path)
    if not media_type.startswith(_HTML_TYPES) and not _HTML_START.match(payload[:2048]):
        return []
    return [_story(record, payload, content_type, path)]


def _feed_items(record: ArcWarcRecord, payload: bytes, path: str) -> list[Story | Rejection]:
    """Stories of a fetched feed: feed-only sources get their stories this way."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = _warc_date(record.rec_headers.get_header("WARC-Date"))
    if not looks_like_feed(payload):
        return []
    try:
        return list(extract_feed(payload, source_path=path, url=url, captured_at=captured))
    except ExtractionError as err:
        return [Rejection(path, None, "extract", str(err))]
    except Exception as err:  # one bad record must not stop the archive
        return [Rejection(path, None, "extract", f"extractor failed: {_one_line(err)}")]


def _story(
    record: ArcWarcRecord, payload: bytes, content_type: str, path: str
) -> Story | Rejection:
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = _warc_date(record.rec_headers.get_header("WARC-Date"))
    charset = _CHARSET.search(content_type)
    cut = len(payload) > MAX_RECORD_BYTES
    try:
        text = decode_html(
            payload[:MAX_RECORD_BYTES], declared_charset=charset[1] if charset else None
        )
        story = extract_html(text, url=url, captured_at=captured)
    except ExtractionError as err:
        return Rejection(path, None, "extract", str(err))
    except Exception as err:  # one bad record must not stop the archive
        return Rejection(path, None, "extract", f"extractor failed: {_one_line(err)}")
    story.source_kind = "warc"
    story.source_path = path
    if cut:
        story.notes.append(f"record payload cut at {MAX_RECORD_BYTES} bytes")
    return story


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _one_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return f"{type(err).__name__}: {lines[0] if lines else ''}".rstrip(": ")
