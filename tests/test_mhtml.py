"""Pages saved as MHTML ("Webpage, Single File"): the extractor, the dispatcher and the CLI."""

import base64
import json
import quopri
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.extract.dispatch import extract_path, sniff_kind
from newsdesk.extract.mhtml import extract_mhtml
from newsdesk.model import ExtractionError, Rejection, Story
from tests.test_cli import run

URL = "https://news.example.org/2025/10/06/harbour-bridge"
BOUNDARY = "----MultipartBoundary--QJcY3PmuHQ4dY1rSgR8tJf1Pp3x0o5EQpNnXuU0Ma1----"
PARAGRAPHS = [
    f"On day {i} the council’s harbour committee met again to weigh the café owners’ "
    f"objections, the ferry timetable and {i + 2} late amendments to the bridge plan."
    for i in range(6)
]
PAGE = (
    "<!DOCTYPE html><html><head><title>Council approves harbour bridge | Example News</title>"
    '<meta property="og:site_name" content="Example News"></head><body>'
    "<article><h1>Council approves harbour bridge</h1><p class=byline>By Jane Smith</p>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)


def chrome_mhtml(html: str, *, charset: str = "utf-8", date: str | None = None) -> bytes:
    """An MHTML file laid out as Chrome's "Save as: Webpage, Single File" writes it."""
    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(40)).decode("ascii")
    headers = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {URL}",
        "Subject: Council approves harbour bridge | Example News",
    ]
    if date:
        headers.append(f"Date: {date}")
    headers += [
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{BOUNDARY}"',
    ]
    parts = [
        "\r\n".join(headers),
        "",
        "",
        f"--{BOUNDARY}",
        f"Content-Type: text/html; charset={charset}",
        "Content-ID: <frame-4C1E1D7A@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {URL}",
        "",
        body,
        f"--{BOUNDARY}",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-Location: https://news.example.org/img/bridge.png",
        "",
        image,
        f"--{BOUNDARY}--",
        "",
    ]
    return "\r\n".join(parts).encode("ascii")


def test_the_saved_page_becomes_its_story_with_address_and_save_time() -> None:
    data = chrome_mhtml(PAGE, date="Mon, 6 Oct 2025 09:12:44 -0000")
    story = extract_mhtml(data, source_path="saved.mhtml")
    assert story.title == "Council approves harbour bridge"
    assert story.url == URL
    assert story.authors == ["Jane Smith"]
    assert story.captured_at == datetime(2025, 10, 6, 9, 12, 44, tzinfo=UTC)
    assert story.paragraphs[:2] == PARAGRAPHS[:2]
    assert story.source_kind == "html"


def test_the_parts_declared_charset_is_used() -> None:
    # No <meta charset> in the page: only the MIME part says windows-1252.
    story = extract_mhtml(chrome_mhtml(PAGE, charset="windows-1252"))
    assert story.paragraphs[0] == PARAGRAPHS[0]


def test_no_date_header_falls_back_to_the_given_capture_time() -> None:
    when = datetime(2025, 10, 7, tzinfo=UTC)
    assert extract_mhtml(chrome_mhtml(PAGE), captured_at=when).captured_at == when


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", "no multipart"),
        (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
            "no HTML part",
        ),
    ],
)
def test_files_without_a_page_raise_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_mhtml(data)


def test_dispatch_knows_mhtml_by_suffix_and_by_its_headers(tmp_path: Path) -> None:
    data = chrome_mhtml(PAGE)
    assert sniff_kind("page.mhtml", data[:8192]) == "mhtml"
    assert sniff_kind("page.mht", b"") == "mhtml"
    assert sniff_kind("download", data[:8192]) == "mhtml"
    (tmp_path / "page.mht").write_bytes(data)
    (tmp_path / "broken.mhtml").write_bytes(b"MIME-Version: 1.0\r\n\r\nnothing")
    (story,) = extract_path(tmp_path / "page.mht")
    assert isinstance(story, Story) and story.url == URL
    (rejected,) = extract_path(tmp_path / "broken.mhtml")
    assert isinstance(rejected, Rejection) and "multipart" in rejected.reason


def test_cli_extracts_a_saved_page(tmp_path: Path) -> None:
    page = tmp_path / "Council approves harbour bridge.mhtml"
    page.write_bytes(chrome_mhtml(PAGE, date="Mon, 6 Oct 2025 09:12:44 +0200"))
    story = json.loads(run("extract", str(page), home=tmp_path / "home").stdout)
    assert story["title"] == "Council approves harbour bridge"
    assert story["url"] == URL
    assert story["captured_at"].startswith("2025-10-06T07:12:44")


def test_a_page_saved_by_chromium() -> None:
    # Written by Chromium 156 (Page.captureSnapshot, as "Save as: Webpage, Single File").
    data = (Path(__file__).parent / "fixtures" / "mhtml" / "chromium-saved.mhtml").read_bytes()
    story = extract_mhtml(data)
    assert story.title == "Council approves harbour bridge"
    assert story.url == URL
    assert story.outlet == "Example News"
    assert story.captured_at == datetime(2026, 11, 29, 20, 34, 4, tzinfo=UTC)
    assert story.paragraphs[:2] == PARAGRAPHS[:2]
