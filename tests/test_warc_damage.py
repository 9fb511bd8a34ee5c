"""Damaged and empty WARC archives: never a silent half story, never silence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.extract.dispatch import extract_path
from newsdesk.extract.warc import extract_warc
from newsdesk.model import Rejection, Story


def _article(number: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {i}: the council met on Tuesday to discuss the budget for the harbour "
        f"district, and story {number} follows every amendment in turn.</p>"
        for i in range(40)
    )
    return (
        f"<!DOCTYPE html><html><head><title>Council story {number}</title></head><body>"
        f"<article><h1>Council story {number}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _warc(records: list[tuple[str, str, str, bytes]], *, gzip: bool) -> bytes:
    """A WARC of (uri, status, content type, payload) responses after a warcinfo record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("t.warc", {"software": "test"}))
    for uri, status, content_type, payload in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
            )
        )
    return out.getvalue()


def _two_articles(gzip: bool) -> bytes:
    return _warc(
        [
            ("https://news.example/0", "200 OK", "text/html", _article(0)),
            ("https://news.example/1", "200 OK", "text/html", _article(1)),
        ],
        gzip=gzip,
    )


def _last_record_span(data: bytes) -> tuple[int, int]:
    """Where the last record starts and where its content ends (before the separator or the
    gzip trailer, whose loss cuts no content)."""
    archive = ArchiveIterator(io.BytesIO(data))
    starts = [archive.get_record_offset() for _record in archive]
    trailer = 8 + 16 if data[:2] == b"\x1f\x8b" else 4
    return starts[-1], len(data) - trailer


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("where", [0.95, 0.5, 0.1, 0.01], ids=["late", "middle", "early", "header"])
def test_a_cut_record_is_noted_or_rejected_never_silent(
    tmp_path: Path, gzip: bool, where: float
) -> None:
    data = _two_articles(gzip)
    start, end = _last_record_span(data)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: start + max(1, int((end - start) * where))])
    first, *rest = list(extract_path(path))
    assert isinstance(first, Story) and first.title == "Council story 0"
    assert not any("truncated" in note for note in first.notes)
    # Record 2 (the warcinfo record is 0) is cut short: a story that says so, or a rejection.
    (second,) = rest
    if isinstance(second, Story):
        assert "archive truncated: record 2 cut at" in " ".join(second.notes)
        assert second.paragraphs and len(second.paragraphs) < 40
    else:
        assert second.stage == "read"
        assert second.path == f"{path}#record-2"
        assert second.reason.startswith(("archive truncated: record 2", "archive broken after 2"))


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_no_cut_offset_loses_the_damage_silently(gzip: bool) -> None:
    data = _two_articles(gzip)
    start, end = _last_record_span(data)
    for size in range(start + 1, end, max(1, (end - start) // 50)):
        results = list(extract_warc(io.BytesIO(data[:size]), source_path="a.warc"))
        stories = [r for r in results if isinstance(r, Story)]
        damage = [r for r in results if isinstance(r, Rejection) and r.stage == "read"] + [
            s for s in stories if any(n.startswith("archive truncated") for n in s.notes)
        ]
        assert stories[0].title == "Council story 0"
        assert len(damage) == 1, f"archive cut after {size} of {len(data)} bytes: {results}"


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_a_complete_archive_has_no_truncation_note(gzip: bool) -> None:
    results = list(extract_warc(io.BytesIO(_two_articles(gzip)), source_path="a.warc"))
    assert [type(r) for r in results] == [Story, Story]
    assert not any(r.notes for r in results)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.warc", b"", "WARC holds no HTML response record: no records"),
        ("empty.warc.gz", b"", "WARC holds no HTML response record: no records"),
        ("info.warc", _warc([], gzip=False), "(1 record: 1 warcinfo)"),
        (
            "images.warc.gz",
            _warc([("https://x.example/a.png", "200 OK", "image/png", b"\x89PNG")], gzip=True),
            "(2 records: 1 warcinfo, 1 response image/png)",
        ),
        (
            "errors.warc",
            _warc([("https://x.example/", "404 Not Found", "text/html", _article(0))], gzip=False),
            "(2 records: 1 warcinfo, 1 response 404)",
        ),
    ],
    ids=["empty", "empty-gz", "warcinfo-only", "image-only", "404-only"],
)
def test_an_archive_without_usable_record_is_one_rejection(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (rejected,) = extract_path(path)
    assert isinstance(rejected, Rejection)
    assert rejected.path == str(path)
    assert rejected.reason.startswith("WARC holds no HTML response record")
    assert reason in rejected.reason


def test_record_level_reader_still_skips_quietly() -> None:
    # extract_warc alone keeps skipping unusable records; extract_path accounts for the file.
    data = _warc([("https://x.example/a.png", "200 OK", "image/png", b"\x89PNG")], gzip=False)
    assert list(extract_warc(io.BytesIO(data), source_path="x.warc")) == []
