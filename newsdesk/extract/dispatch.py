"""Detect what an input is and send it to the right extractor.

Every input ends as stories or Rejections: extractor errors become one-line reasons, and an
unexpected bug in an extractor is caught here too (with its exception type in the reason),
because one bad file must never stop a nightly run.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from newsdesk.extract.charset import unmarked_utf16
from newsdesk.model import ExtractionError, Rejection, Story

#: Largest input read into memory (compressed or not); bigger files are rejected with a reason.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Largest decompressed size of a gzip input (guards against gzip bombs).
MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

KINDS = ("html", "mhtml", "text", "feed", "json", "warc")

_GZIP_MAGIC = b"\x1f\x8b"
_GUNZIP_CHUNK = 1 << 20
# UTF-32 first: its little-endian mark starts with UTF-16's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def base_name(name: str) -> str:
    """Lower-case file name without a trailing `.gz`."""
    lower = name.lower()
    return lower[:-3] if lower.endswith(".gz") else lower


def sniff_kind(name: str, head: bytes) -> str | None:
    """Guess the input kind from the file name and its first bytes.

    Args:
        name: File name (suffix matters: `.warc`, `.html`, `.mhtml`, `.txt`, `.json`, `.xml`...).
        head: The first few kilobytes, decompressed.

    Returns:
        One of `KINDS`, or None when the input is none of them.
    """
    lower = base_name(name)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lower.endswith((".warc", ".arc")) or text.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if lower.endswith((".mhtml", ".mht")) or (
        b"mime-version:" in text[:4096] and b"multipart/related" in text[:4096]
    ):
        # A page saved as one file (MHTML): MIME headers, then the page's parts.
        return "mhtml"
    looks_html = text.startswith((b"<!doctype html", b"<html")) or (
        b"<html" in text[:2048] and b"<rss" not in text[:2048] and b"<feed" not in text[:2048]
    )
    looks_xml_feed = any(
        tag in text[:4096] for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
    )
    if lower.endswith((".json", ".jsonl")) or text.startswith((b"{", b"[")):
        # A JSON Feed is told from an export by its parsed `version` (`extract_path`).
        return "json"
    if lower.endswith((".xml", ".rss", ".atom")) or (text.startswith(b"<?xml") and looks_xml_feed):
        return "html" if looks_html and not looks_xml_feed else "feed"
    if looks_xml_feed and _feed_root(head):
        # A feed saved from the browser as "page.html" is still a feed.
        return "feed"
    if lower.endswith((".html", ".htm")) or looks_html:
        return "html"
    if lower.endswith(".txt"):
        return "text"
    if looks_xml_feed:
        return "feed"
    return None


def read_capped(path: Path) -> bytes:
    """Read a file, gunzipping `.gz` inputs, within the size caps.

    Every member of a multi-member gzip file (`cat a.gz b.gz`, an appended log, a WARC
    compressed record by record) is decompressed, and the decompressed cap counts them all.

    Args:
        path: The file to read.

    Returns:
        The file's bytes, decompressed when they are gzip data.

    Raises:
        ExtractionError: Over a cap, or a corrupt gzip stream.
    """
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise ExtractionError(f"file is {size} bytes, over the {MAX_INPUT_BYTES} byte limit")
    data = path.read_bytes()
    if data[:2] != _GZIP_MAGIC:
        return data
    return gunzip_capped(data, MAX_DECOMPRESSED_BYTES)


def gunzip_capped(data: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress all members of gzip data, at most `limit` bytes in total.

    Args:
        data: Gzip data (one member or several concatenated).
        limit: Largest decompressed size accepted.

    Returns:
        The decompressed bytes of every member, in order. A stream cut off inside its last
        member gives what could be decompressed of it.

    Raises:
        ExtractionError: Over the limit, a corrupt member, or nothing decompressable.
    """
    chunks: list[bytes] = []
    total = 0
    # GzipFile walks member after member in bounded buffers; slicing `unused_data` member by
    # member would copy the rest of the file once per member (a WARC has thousands).
    reader = gzip.GzipFile(fileobj=io.BytesIO(data))
    try:
        # read1: one raw read at a time, so a cut-off member keeps what came before the cut.
        while chunk := reader.read1(min(_GUNZIP_CHUNK, limit - total + 1)):
            total += len(chunk)
            if total > limit:
                raise ExtractionError(f"decompresses to over {limit} bytes (possible gzip bomb)")
            chunks.append(chunk)
    except EOFError as exc:
        # A cut-off stream still gives its first part; one that gives nothing is broken.
        if not total:
            raise ExtractionError("corrupt gzip data: no content could be decompressed") from exc
    except gzip.BadGzipFile as exc:
        # Bytes after the last member that start no new member (a stray newline, padding)
        # are ignored, as gzip(1) does.
        if not total or not str(exc).startswith("Not a gzipped file"):
            raise ExtractionError(f"corrupt gzip data: {exc}") from exc
    except zlib.error as exc:
        raise ExtractionError(f"corrupt gzip data: {exc}") from exc
    return b"".join(chunks)


def _unicode_json(data: bytes) -> bytes:
    """UTF-8 bytes of a JSON document written in UTF-16 or UTF-32 with a byte-order mark.

    The JSON start check and JSON Lines splitting work on bytes and would misread the
    two- and four-byte code units; other data is returned unchanged.
    """
    for bom, codec in _WIDE_BOMS:
        if not data.startswith(bom):
            continue
        head = data[:256].decode(codec, errors="ignore").lstrip("\ufeff \t\r\n")
        if head[:1] not in ("{", "["):
            return data
        try:
            return data.decode(codec).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError:
            return data
    return data


def decode_text(data: bytes) -> str:
    """Decode a plain-text dump: UTF-8 (with or without BOM), UTF-16, else the detected charset."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if codec := unmarked_utf16(data):
        # Windows tools save text as UTF-16 without a mark; as UTF-8 it is text with NULs.
        return data.decode(codec, errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ExtractionError("binary data, not text") from None
        return str(best)


def extract_path(
    path: Path,
    *,
    name: str | None = None,
    source_path: str | None = None,
    url: str | None = None,
    captured_at: datetime | None = None,
) -> Iterator[Story | Rejection]:
    """Extract every story from one file.

    Args:
        path: The file (a raw object or any path given on the command line).
        name: Original file name, used for format detection (defaults to the path's name).
        source_path: What to report as the source (defaults to the path).
        url: Page URL, for a single HTML page or text dump.
        captured_at: When the item was captured, if the content does not say.

    Yields:
        Stories as extracted (not yet finalised) and Rejections with `raw_sha256=None`.
    """
    name = name or path.name
    where = source_path or str(path)
    try:
        if base_name(name).endswith((".warc", ".arc")):
            yield from _extract_warc(path, where)
            return
        data = _unicode_json(read_capped(path))
        kind = sniff_kind(name, data[:8192])
        if kind == "json" and _is_json_feed(data):
            kind = "feed"
        if kind is None:
            raise ExtractionError(f"unknown format: {Path(name).suffix or 'no suffix'}")
        if kind == "warc":
            yield from _extract_warc_bytes(data, where)
            return
        yield from _extract_kind(kind, data, where=where, url=url, captured_at=captured_at)
    except ExtractionError as exc:
        yield Rejection(where, None, "extract", str(exc) or "extraction failed")
    except (MemoryError, RecursionError) as exc:
        yield Rejection(where, None, "extract", f"input too complex: {type(exc).__name__}")
    except Exception as exc:
        yield Rejection(where, None, "extract", f"extractor failed: {type(exc).__name__}: {exc}")


def _extract_kind(
    kind: str, data: bytes, *, where: str, url: str | None, captured_at: datetime | None
) -> Iterator[Story | Rejection]:
    if kind == "html":
        from newsdesk.extract.html import extract_html

        yield extract_html(data, url=url, source_path=where, captured_at=captured_at)
    elif kind == "mhtml":
        from newsdesk.extract.mhtml import extract_mhtml

        yield extract_mhtml(data, source_path=where, captured_at=captured_at)
    elif kind == "text":
        from newsdesk.extract.textdump import extract_text_dump

        story = extract_text_dump(decode_text(data), source_path=where, url=url)
        if url and not story.url:
            story.url = url
        yield story
    elif kind == "feed":
        from newsdesk.extract.feeds import extract_feed

        yield from extract_feed(data, source_path=where, url=url, captured_at=captured_at)
    elif kind == "json":
        from newsdesk.extract.exports import extract_json_export

        _check_json_start(data)
        yield from extract_json_export(data, source_path=where, captured_at=captured_at)


def _feed_root(head: bytes) -> bool:
    """Whether the document's root element is a feed's (`<rss>`, `<feed>`, `<rdf:RDF>`)."""
    from newsdesk.extract.feeds import looks_like_feed

    return looks_like_feed(head) in ("rss", "atom", "rdf")


def _is_json_feed(data: bytes) -> bool:
    """Whether a JSON document is a JSON Feed (its `version` names jsonfeed.org)."""
    from newsdesk.extract.feeds import looks_like_feed

    return looks_like_feed(data) == "jsonfeed"


def _check_json_start(data: bytes) -> None:
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start not in (b"{", b"["):
        try:
            json.loads(data[:1000])
        except (ValueError, UnicodeDecodeError) as exc:
            raise ExtractionError(f"not JSON: {exc}") from exc


def _extract_warc(path: Path, where: str) -> Iterator[Story | Rejection]:
    from newsdesk.extract.warc import extract_warc

    with path.open("rb") as stream:
        yield from extract_warc(stream, source_path=where, reject_if_empty=True)


def _extract_warc_bytes(data: bytes, where: str) -> Iterator[Story | Rejection]:
    from newsdesk.extract.warc import extract_warc

    yield from extract_warc(io.BytesIO(data), source_path=where, reject_if_empty=True)
