"""Detect what an input is and send it to the right extractor.

Every input ends as stories or Rejections: extractor errors become one-line reasons, and an
unexpected bug in an extractor is caught here too (with its exception type in the reason),
because one bad file must never stop a nightly run.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from newsdesk.model import ExtractionError, Rejection, Story

#: Largest input read into memory (compressed or not); bigger files are rejected with a reason.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Largest decompressed size of a gzip input (guards against gzip bombs).
MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

KINDS = ("html", "mhtml", "text", "feed", "json", "warc")


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
        if b"jsonfeed.org/version" in text[:4096]:
            return "feed"
        return "json"
    if lower.endswith((".xml", ".rss", ".atom")) or (text.startswith(b"<?xml") and looks_xml_feed):
        return "html" if looks_html and not looks_xml_feed else "feed"
    if lower.endswith((".html", ".htm")) or looks_html:
        return "html"
    if lower.endswith(".txt"):
        return "text"
    if looks_xml_feed:
        return "feed"
    return None


def read_capped(path: Path) -> bytes:
    """Read a file, gunzipping `.gz` inputs, within the size caps.

    Raises:
        ExtractionError: Over a cap, or a corrupt gzip stream.
    """
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise ExtractionError(f"file is {size} bytes, over the {MAX_INPUT_BYTES} byte limit")
    data = path.read_bytes()
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        inflater = zlib.decompressobj(wbits=31)
        out = inflater.decompress(data, MAX_DECOMPRESSED_BYTES + 1)
    except zlib.error as exc:
        raise ExtractionError(f"corrupt gzip data: {exc}") from exc
    if len(out) > MAX_DECOMPRESSED_BYTES or inflater.unconsumed_tail:
        raise ExtractionError(
            f"decompresses to over {MAX_DECOMPRESSED_BYTES} bytes (possible gzip bomb)"
        )
    if not out and not inflater.eof:
        # A cut-off stream still gives its first part; one that gives nothing is broken.
        raise ExtractionError("corrupt gzip data: no content could be decompressed")
    return out


def decode_text(data: bytes) -> str:
    """Decode a plain-text dump: UTF-8 (with or without BOM), else the detected charset."""
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
        data = read_capped(path)
        kind = sniff_kind(name, data[:8192])
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
        yield from extract_warc(stream, source_path=where)


def _extract_warc_bytes(data: bytes, where: str) -> Iterator[Story | Rejection]:
    from newsdesk.extract.warc import extract_warc

    yield from extract_warc(io.BytesIO(data), source_path=where)
