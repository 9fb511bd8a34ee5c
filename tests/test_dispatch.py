"""Reading one input file: size caps, gzip, format detection."""

import gzip
from pathlib import Path

import pytest

from newsdesk.extract.charset import unmarked_utf16
from newsdesk.extract.dispatch import extract_path, sniff_kind
from newsdesk.model import Rejection, Story

PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour bridge approved</title></head><body><article>"
    "<h1>Harbour bridge approved</h1>"
    + "".join(
        f"<p>On day {i} the council's harbour committee met again to weigh the objections, "
        f"the ferry timetable and {i + 2} late amendments to the bridge plan.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def test_a_broken_gzip_file_is_rejected_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "page.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (rejected,) = extract_path(broken)
    assert isinstance(rejected, Rejection)
    assert rejected.reason.startswith("corrupt gzip data")


def test_a_gzip_stream_cut_short_still_gives_its_page(tmp_path: Path) -> None:
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(PAGE.encode("utf-8"))[:-20])
    (story,) = extract_path(cut)
    assert isinstance(story, Story) and story.title == "Harbour bridge approved"


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        # A feed saved from the browser as a page is still a feed; a page is still a page.
        ("feed.html", b'<rss version="2.0"><channel><title>T</title></channel></rss>', "feed"),
        ("feed.htm", b"<?xml version='1.0'?>\n<!-- x -->\n<feed xmlns='a'>", "feed"),
        ("page.html", b"<!DOCTYPE html><html><body><p>RSS: <rss>", "html"),
        ("page.html", b"<html><head><link rel='alternate' type='application/rss+xml'>", "html"),
        ("data.html", b'{"title": "T", "text": "Body"}', "json"),
    ],
)
def test_sniff_kind_by_content_over_a_misleading_name(name: str, head: bytes, kind: str) -> None:
    assert sniff_kind(name, head) == kind


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_pages_and_dumps_with_or_without_a_mark(tmp_path: Path, codec: str) -> None:
    body = "".join(
        f"<p>The council approved the new harbour bridge on day {day} after a long debate "
        "that drew residents from all over the city.</p>"
        for day in range(6)
    )
    page = f"<html><head><title>Bridge approved</title></head><body><h1>Bridge approved</h1>{body}"
    dump = "Bridge approved\n\n" + "\n\n".join(
        f"The council approved the new harbour bridge on day {day} after a long debate that "
        "drew residents from all over the city."
        for day in range(6)
    )
    for name, text in (("page.html", page), ("dump.txt", dump)):
        path = tmp_path / name
        path.write_bytes(text.encode(codec))
        (story,) = extract_path(path)
        assert isinstance(story, Story), story
        assert story.title == "Bridge approved"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        ("<html><body>Grüße</body></html>".encode("utf-16-le") * 4, "utf-16-le"),
        ("<html><body>Grüße</body></html>".encode("utf-16-be") * 4, "utf-16-be"),
        (b"<html><body>plain</body></html>" * 4, None),
        (bytes(range(256)), None),
        (b"\x00" * 200, None),
    ],
)
def test_unmarked_utf16(data: bytes, codec: str | None) -> None:
    assert unmarked_utf16(data) == codec
