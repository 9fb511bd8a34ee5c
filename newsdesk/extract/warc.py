"""Stories from WARC (and legacy ARC) archives: one per HTML response record (or feed item)."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections import Counter
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
    stream: BinaryIO, *, source_path: str | None = None, reject_if_empty: bool = False
) -> Iterator[Story | Rejection]:
    """Extract stories from every HTML response in a WARC/ARC stream.

    Records are numbered from 0 in file order. Responses with HTTP 200 and an HTML payload
    (declared or sniffed) become stories with `source_kind="warc"`, `url` = WARC-Target-URI
    and `captured_at` = WARC-Date; feed responses give one story per item; other records are
    skipped. A record whose extraction fails yields a `Rejection` at stage `extract`; an
    archive that breaks mid-way yields one `Rejection` at stage `read` for the rest and
    stops, after the stories read.

    An archive that ends inside a record (a download or copy cut short) keeps that record's
    article with the note ``archive truncated: record N cut at X of Y bytes``; when the cut
    record gives no article, it becomes one `Rejection` at stage `read` saying so.

    Args:
        stream: The archive, opened in binary mode (gzip per record, or plain).
        source_path: Where the archive came from, used in rejection paths.
        reject_if_empty: For callers that must account for every input (`extract_path`):
            an archive that gives neither a story nor a rejection (empty, or only request,
            metadata, image or error records) then yields one `Rejection` at stage
            `extract` saying what it held, instead of nothing.

    Yields:
        Stories and rejections, in record order.
    """
    where = source_path or "<warc>"
    index = -1
    # A record's results wait until the next record is read: warcio finishes reading a
    # record (and warns about its end, or hits the end of a cut archive) only then.
    pending: list[Story | Rejection] = []
    current: ArcWarcRecord | None = None
    skipped: Counter[str] = Counter()
    yielded = False
    try:
        archive = ArchiveIterator(stream, arc2warc=True)
        records = iter(archive)
        while True:
            warnings: list[str] = []
            try:
                with _warcio_warnings(warnings):
                    record = next(records, None)
            except _ARCHIVE_ERRORS:
                raise
            except Exception as err:
                # warcio meets some damage with other errors: a header block cut before its
                # WARC-Target-URI gives an AttributeError.
                yield from _broken(pending, where, index, err)
                return
            _add_notes(pending, warnings)
            if current is not None:
                pending = _unless_cut(current, pending, where, index)
            yield from pending
            yielded = yielded or bool(pending)
            pending = []
            if record is None:
                break
            index += 1
            current = record
            warnings = []
            with _warcio_warnings(warnings):
                pending = _record_results(record, f"{where}#record-{index}")
            _add_notes(pending, warnings)
            if not pending:
                skipped[_describe(record)] += 1
    except _ARCHIVE_ERRORS as err:
        yield from _broken(pending, where, index, err)
        return
    if tail := _unread_tail(archive):
        yield Rejection(
            f"{where}#record-{index + 1}",
            None,
            "read",
            f"archive truncated: record {index + 1} cut in its headers ({tail} bytes)",
        )
    elif reject_if_empty and not yielded:
        yield Rejection(where, None, "extract", _nothing_usable(index + 1, skipped))


def _broken(
    pending: list[Story | Rejection], where: str, index: int, err: BaseException
) -> Iterator[Story | Rejection]:
    yield from pending
    yield Rejection(
        path=f"{where}#record-{index + 1}",
        raw_sha256=None,
        stage="read",
        reason=f"archive broken after {index + 1} records, rest skipped: {_one_line(err)}",
    )


def _unread_tail(archive: ArchiveIterator) -> int:
    """Bytes after the last whole record that never became a record.

    warcio ends quietly when the archive stops inside a record's header block; the file
    then holds more than the records it gave.
    """
    try:
        return max(0, archive.fh.tell() - archive.offset)
    except (AttributeError, OSError, TypeError, ValueError):
        return 0


def _unless_cut(
    record: ArcWarcRecord, results: list[Story | Rejection], where: str, index: int
) -> list[Story | Rejection]:
    """A fully read record's results; for a record the archive's end cut short, see below.

    warcio stops at the end of the file without a word, so the bytes still owed by the
    record's Content-Length are the only sign. The cut record's article is kept with a note
    (the text before the cut is real, and a clipped page often only loses its scripts); a
    cut record without one gets a `read` rejection, so the damage is never silent.
    """
    owed = getattr(record.raw_stream, "limit", 0)
    length = record.length if isinstance(record.length, int) else None
    if str(record.format).startswith("warc") and not record.rec_headers.get_header(
        "Content-Length"
    ):
        # Every WARC record has one; warcio reads a header block cut before it as a record.
        cut = f"archive truncated: record {index} cut in its headers"
    elif isinstance(owed, int) and owed > 0 and length is not None:
        cut = f"archive truncated: record {index} cut at {length - owed} of {length} bytes"
    else:
        return results
    if any(isinstance(r, Story) and r.page_type == "article" for r in results):
        for result in results:
            if isinstance(result, Story):
                result.notes.append(cut)
        return results
    return [Rejection(f"{where}#record-{index}", None, "read", cut)]


def _describe(record: ArcWarcRecord) -> str:
    """What kind of record was skipped, for the reason of an archive with no story."""
    if record.rec_type != "response" or record.http_headers is None:
        return str(record.rec_type or "unknown")
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"response {status}"
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip()
    return f"response {media_type.lower() or 'without type'}"


def _nothing_usable(count: int, skipped: Counter[str]) -> str:
    if not count:
        return "WARC holds no HTML response record: no records (empty archive)"
    kinds = ", ".join(f"{n} {kind}" for kind, n in skipped.most_common(4))
    more = ", ..." if len(skipped) > 4 else ""
    plural = "s" if count != 1 else ""
    return f"WARC holds no HTML response record ({count} record{plural}: {kinds}{more})"


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
