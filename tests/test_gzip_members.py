"""Gzip inputs with several members: every member is read, within the size cap."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.extract import dispatch
from newsdesk.extract.dispatch import extract_path, gunzip_capped
from newsdesk.model import ExtractionError, Rejection, Story

PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    + "".join(
        f"<p>On day {i} the harbour committee met again to weigh the objections, the ferry "
        f"timetable and {i + 2} late amendments to the bridge plan.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def _per_record_warc(titles: list[str]) -> bytes:
    """A WARC compressed record by record (one gzip member each), as crawlers write them."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    for number, title in enumerate(titles):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://harbour.example/{number}",
            "response",
            payload=io.BytesIO(PAGE.format(title=title).encode()),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "members", "titles"),
    [
        (
            "multi.jsonl.gz",
            [
                b'{"title":"G1","text":"a"}\n',
                b'{"title":"G2","text":"b"}\n{"title":"G3","text":"c"}\n',
            ],
            ["G1", "G2", "G3"],
        ),
        (
            "multi.json.gz",
            [b'[{"title":"J1","text":"a"},', b'{"title":"J2","text":"b"}]'],
            ["J1", "J2"],
        ),
        (
            "feed.xml.gz",
            [
                b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
                b"<item><title>Item one</title><link>https://f.example/1</link></item>",
                b"<item><title>Item two</title><link>https://f.example/2</link></item>"
                b"</channel></rss>",
            ],
            ["Item one", "Item two"],
        ),
    ],
    ids=["jsonl", "json", "rss"],
)
def test_every_gzip_member_is_read(
    tmp_path: Path, name: str, members: list[bytes], titles: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(member) for member in members))
    results = list(extract_path(path))
    assert [r.title for r in results if isinstance(r, Story)] == titles
    assert not [r for r in results if isinstance(r, Rejection)]


@pytest.mark.parametrize(
    "name",
    ["crawl-0001.gz", "crawl-0001.warc.gz", "download.bin.gz"],
)
def test_per_record_gzipped_warc_is_recognised_by_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_per_record_warc(["Bridge one", "Bridge two", "Bridge three"]))
    stories = [r for r in extract_path(path) if isinstance(r, Story)]
    assert [s.title for s in stories] == ["Bridge one", "Bridge two", "Bridge three"]
    assert {s.source_kind for s in stories} == {"warc"}


@pytest.mark.parametrize(
    ("data", "limit", "expected"),
    [
        (gzip.compress(b"a" * 10) + gzip.compress(b"b" * 10), 100, b"a" * 10 + b"b" * 10),
        # Zero padding after the last member (tape blocks, some uploaders) is ignored.
        (gzip.compress(b"abc") + b"\x00" * 64, 100, b"abc"),
        # So is a stray byte that starts no member.
        (gzip.compress(b"abc") + b"\n", 100, b"abc"),
        # A cut-off last member gives what came before the cut.
        (gzip.compress(b"x" * 50) + gzip.compress(b"y" * 5000)[:-30], 10_000, b"x" * 50),
    ],
    ids=["two-members", "zero-padding", "trailing-newline", "cut-last-member"],
)
def test_gunzip_reads_members(data: bytes, limit: int, expected: bytes) -> None:
    assert gunzip_capped(data, limit).startswith(expected)


@pytest.mark.parametrize(
    ("data", "limit", "reason"),
    [
        # The cap counts all members: each is small, together they are too big.
        (gzip.compress(b"a" * 60) * 3, 150, "possible gzip bomb"),
        (gzip.compress(b"a" * 200), 150, "possible gzip bomb"),
        (gzip.compress(b"abc") + b"\x1f\x8b\x08\x00garbage-member", 100, "corrupt gzip data"),
        (b"\x1f\x8b\x08\x00garbage", 100, "corrupt gzip data"),
    ],
    ids=["cap-over-members", "cap-one-member", "corrupt-second-member", "corrupt-first"],
)
def test_gunzip_rejects(data: bytes, limit: int, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        gunzip_capped(data, limit)


def test_file_cap_counts_every_member(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatch, "MAX_DECOMPRESSED_BYTES", 1000)
    path = tmp_path / "many.jsonl.gz"
    line = b'{"title":"T","text":"' + b"x" * 300 + b'"}\n'
    path.write_bytes(gzip.compress(line) * 5)
    (rejected,) = extract_path(path)
    assert isinstance(rejected, Rejection)
    assert "possible gzip bomb" in rejected.reason
