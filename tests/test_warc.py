import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.extract.warc import extract_warc
from newsdesk.model import Rejection, Story

FIXTURES = Path(__file__).parent / "fixtures" / "warc"


def read(name):
    with (FIXTURES / name).open("rb") as stream:
        return list(extract_warc(stream, source_path=name))


@pytest.mark.parametrize(
    ("name", "stories", "rejections"),
    [
        ("example.warc", 1, 0),
        ("example.warc.gz", 1, 0),
        ("example.arc.gz", 1, 0),
        ("example-trunc.warc", 1, 0),
        ("example-iana.org-chunked.warc", 1, 0),
        ("example-space-in-target-uri.warc.gz", 0, 0),
        ("block-sized-records.warc.gz", 0, 0),
        ("clipped.warc.gz", 1, 0),
        ("warcfile.warc.gz", 16, 0),
        ("example-bad-non-chunked.warc.gz", 0, 1),
    ],
)
def test_corpus_files(name, stories, rejections):
    out = read(name)
    assert sum(isinstance(o, Story) for o in out) == stories
    assert sum(isinstance(o, Rejection) for o in out) == rejections
    for story in (o for o in out if isinstance(o, Story)):
        assert story.source_kind == "warc"
        assert story.url and story.url.startswith("http")
        assert story.captured_at is not None and story.captured_at.tzinfo is not None
        assert story.source_path.startswith(f"{name}#record-")


def test_example_capture_fields():
    (story,) = read("example.warc.gz")
    assert story.url == "http://example.com/"
    assert story.title == "Example Domain"
    assert story.captured_at == datetime(2017, 3, 6, 4, 2, 6, tzinfo=UTC)
    assert story.page_type == "home"


def test_broken_archive_keeps_stories_read_before():
    out = read("example-wrong-chunks.warc.gz")
    assert isinstance(out[-1], Rejection)
    assert out[-1].stage == "read"
    assert out[-1].path.startswith("example-wrong-chunks.warc.gz#record-")
    assert "\n" not in out[-1].reason
    assert all(o.stage in ("read", "extract") for o in out if isinstance(o, Rejection))


def test_common_crawl_charsets_are_decoded():
    stories = [o for o in read("warcfile.warc.gz") if isinstance(o, Story)]
    russian = next(s for s in stories if s.url == "http://01spb.ru/company/")
    assert "компании" in russian.title
    titles = " ".join(s.title or "" for s in stories)
    assert "\ufffd" not in titles


def test_clipped_record_becomes_a_story():
    (story,) = read("clipped.warc.gz")
    assert story.page_type == "article"
    assert story.paragraphs


def _warc(records):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, status, ctype, payload in records:
        headers = [("Content-Type", ctype)] if ctype else []
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
        )
        writer.write_record(record)
    buffer.seek(0)
    return buffer


ARTICLE = (
    "<html><head><title>Storm hits</title></head><body><article><h1>Storm hits</h1>"
    + "<p>Le café était très animé ce soir-là, disait le patron du bar du port.</p>" * 8
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("records", "kinds"),
    [
        (
            [
                (
                    "http://a.test/s",
                    "200 OK",
                    "text/html; charset=windows-1252",
                    ARTICLE.encode("cp1252"),
                )
            ],
            ["story"],
        ),
        ([("http://a.test/s", "200 OK", None, ARTICLE.encode("utf-8"))], ["story"]),
        ([("http://a.test/s", "200 OK", "application/octet-stream", ARTICLE.encode())], ["story"]),
        ([("http://a.test/i.png", "200 OK", "image/png", b"\x89PNG\r\n")], []),
        ([("http://a.test/s", "404 Not Found", "text/html", ARTICLE.encode())], []),
        ([("http://a.test/s", "301 Moved", "text/html", b"")], []),
        ([("http://a.test/x", "200 OK", "text/html", b"\x00\x01\x02" * 100)], ["rejection"]),
        ([("http://a.test/x", "200 OK", "text/html", b"")], ["rejection"]),
    ],
)
def test_record_filtering(records, kinds):
    out = list(extract_warc(_warc(records), source_path="mem.warc.gz"))
    assert [("story" if isinstance(o, Story) else "rejection") for o in out] == kinds
    for o in out:
        if isinstance(o, Story):
            assert "très animé" in o.paragraphs[0]
            assert o.captured_at == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)
        else:
            assert o.path == "mem.warc.gz#record-0"
            assert o.stage == "extract"


def test_not_an_archive_is_one_rejection():
    out = list(extract_warc(io.BytesIO(b"<html>not a warc</html>"), source_path="x.warc"))
    assert len(out) == 1 and isinstance(out[0], Rejection)
    assert out[0].stage == "read"


def _warc_with(records):
    """A WARC (gzip per record) holding the given (uri, content_type, body, extra headers)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, content_type, body, extra in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict=extra or None,
        )
        writer.write_record(record)
    out.seek(0)
    return out


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Only News</title>'
    b"<item><title>First item</title><link>https://feed.example.org/a</link>"
    b"<description>Summary of the first item.</description></item>"
    b"<item><title>Second item</title><link>https://feed.example.org/b</link></item>"
    b"</channel></rss>"
)


def test_fetched_feed_responses_become_feed_stories():
    stream = _warc_with([("https://feed.example.org/rss", "application/rss+xml", FEED, None)])
    results = list(extract_warc(stream, source_path="fetch.warc.gz"))
    assert [r.title for r in results] == ["First item", "Second item"]
    assert all(r.source_kind == "feed" and r.outlet == "Feed Only News" for r in results)


def test_truncated_responses_are_rejected_not_half_extracted():
    page = b"<html><head><title>Cut</title></head><body><p>" + b"word " * 500
    stream = _warc_with(
        [("https://example.org/cut", "text/html", page, {"WARC-Truncated": "length"})]
    )
    (result,) = list(extract_warc(stream, source_path="fetch.warc.gz"))
    assert isinstance(result, Rejection)
    assert "truncated" in result.reason and result.path == "fetch.warc.gz#record-0"


def test_warcio_warnings_become_notes_not_console_lines(capfd):
    # example-trunc.warc: a record's Content-Length is short; warcio prints a warning when
    # it reads past that record. The warning belongs to the record's story, not stderr.
    (story,) = read("example-trunc.warc")
    assert any(
        note.startswith("archive: WARNING: Record not followed by newline") for note in story.notes
    )
    out = read("example-space-in-target-uri.warc.gz")
    assert not any(isinstance(o, Rejection) for o in out)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
