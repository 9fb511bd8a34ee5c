"""Feed items: plain-text titles, FeedBurner links, split bylines, date fallback, locations."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.extract.dispatch import extract_path
from newsdesk.extract.feeds import extract_feed, html_to_paragraphs
from newsdesk.identity import story_id_for
from newsdesk.model import Rejection, Story

CAPTURED = datetime(2025, 1, 1, tzinfo=UTC)
NS = (
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'
)


def _rss(*items: str) -> bytes:
    body = "".join(f"<item>{item}</item>" for item in items)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {NS}><channel>'
        f"<title>Harbour Daily</title><link>https://harbour.example/</link>{body}"
        "</channel></rss>"
    ).encode()


def _jsonfeed(*items: dict) -> bytes:
    return json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour JSON", "items": items}
    ).encode()


def _stories(tmp_path: Path, name: str, data: bytes) -> list[Story]:
    path = tmp_path / name
    path.write_bytes(data)
    return [r for r in extract_path(path, captured_at=CAPTURED) if isinstance(r, Story)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Is x<y? A primer", "Is x<y? A primer"),
        ("A <b>bold</b> & x<y claim", "A bold & x<y claim"),
        ("Fish &amp; chips", "Fish & chips"),
        ("Line<br>break", "Line break"),
        ("3 < 5 and 7 > 2", "3 < 5 and 7 > 2"),
        ("Plain title", "Plain title"),
    ],
    ids=["lt-letter", "markup-and-lt", "entity", "br", "lt-gt", "plain"],
)
def test_json_feed_title_is_text_unless_it_holds_markup(
    tmp_path: Path, title: str, expected: str
) -> None:
    data = _jsonfeed({"id": "1", "url": "https://harbour.example/1", "title": title})
    (story,) = _stories(tmp_path, "f.json", data)
    assert story.title == expected


@pytest.mark.parametrize(
    ("title_xml", "expected"),
    [
        ("Is x&lt;y? A primer", "Is x<y? A primer"),
        ("<![CDATA[Why x<y matters & how]]>", "Why x<y matters & how"),
        ("&lt;b&gt;Bold&lt;/b&gt; news", "Bold news"),
    ],
    ids=["escaped-lt", "cdata-lt", "escaped-markup"],
)
def test_rss_title_keeps_a_lone_less_than(tmp_path: Path, title_xml: str, expected: str) -> None:
    data = _rss(f"<title>{title_xml}</title><link>https://harbour.example/1</link>")
    (story,) = _stories(tmp_path, "f.xml", data)
    assert story.title == expected


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        (
            "<p>We know that a<b and b<c.</p><p>Second stays.</p>",
            ["We know that a<b and b<c.", "Second stays."],
        ),
        ("<p>x<y</p>", ["x<y"]),
        ('<p>An <a href="/x">inline link</a> stays</p>', ["An inline link stays"]),
        ("<p>One</p><!-- note --><p>Two</p>", ["One", "Two"]),
    ],
    ids=["lone-lt-in-html", "lt-before-close", "real-tags", "comment"],
)
def test_html_content_keeps_text_after_a_lone_less_than(markup: str, paragraphs: list[str]) -> None:
    # feedparser sanitises RSS descriptions itself; JSON Feed content_html reaches this as is.
    assert html_to_paragraphs(markup) == paragraphs


@pytest.mark.parametrize(
    ("item", "url"),
    [
        (
            "<title>FB</title><link>http://feedproxy.google.com/~r/harbour/~3/abc/story-3</link>"
            "<feedburner:origLink>https://harbour.example/news/story-3</feedburner:origLink>",
            "https://harbour.example/news/story-3",
        ),
        (
            "<title>FB guid</title><guid>http://feeds.feedburner.com/~r/h/~3/1/x</guid>"
            "<feedburner:origLink>https://harbour.example/news/x</feedburner:origLink>",
            "https://harbour.example/news/x",
        ),
        (
            "<title>No origLink</title><link>https://harbour.example/news/plain</link>",
            "https://harbour.example/news/plain",
        ),
        (
            "<title>Bad origLink</title><link>https://harbour.example/news/kept</link>"
            "<feedburner:origLink>mailto:editor@harbour.example</feedburner:origLink>",
            "https://harbour.example/news/kept",
        ),
    ],
    ids=["rss-origlink", "guid-origlink", "no-origlink", "non-web-origlink"],
)
def test_feedburner_origlink_is_the_items_url(tmp_path: Path, item: str, url: str) -> None:
    (story,) = _stories(tmp_path, "f.xml", _rss(item))
    assert story.url == url
    page_id = story_id_for(canonical_url=url, url=None, outlet=None, title=None, published_at=None)
    feed_id = story_id_for(
        canonical_url=None, url=story.url, outlet=None, title=None, published_at=None
    )
    assert feed_id == page_id


def test_atom_feedburner_origlink(tmp_path: Path) -> None:
    data = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
        b'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><title>A</title>'
        b"<entry><title>Post</title><id>tag:a,2024:1</id>"
        b'<link rel="alternate" href="http://feedproxy.google.com/~r/a/~3/x/post"/>'
        b"<feedburner:origLink>https://blog.example/2024/post</feedburner:origLink>"
        b"<updated>2024-01-05T10:00:00Z</updated></entry></feed>"
    )
    (story,) = _stories(tmp_path, "a.atom", data)
    assert story.url == "https://blog.example/2024/post"


@pytest.mark.parametrize(
    ("creators", "authors"),
    [
        ("<dc:creator>Jane Doe and John Smith</dc:creator>", ["Jane Doe", "John Smith"]),
        ("<dc:creator>Jane Doe, John Smith</dc:creator>", ["Jane Doe", "John Smith"]),
        ("<dc:creator>By Jane Doe &amp; John Smith</dc:creator>", ["Jane Doe", "John Smith"]),
        (
            "<dc:creator>Jane Doe</dc:creator><dc:creator>John Smith</dc:creator>",
            ["Jane Doe", "John Smith"],
        ),
        # Not lists of people: kept whole, as before.
        ("<dc:creator>Smith, Jane</dc:creator>", ["Smith, Jane"]),
        ("<dc:creator>Staff and agencies</dc:creator>", ["Staff and agencies"]),
        ("<dc:creator>Jane Doe</dc:creator>", ["Jane Doe"]),
    ],
    ids=[
        "and",
        "comma",
        "by-ampersand",
        "two-elements",
        "surname-first",
        "staff",
        "one",
    ],
)
def test_feed_bylines_split_like_exports(tmp_path: Path, creators: str, authors: list[str]) -> None:
    data = _rss(f"<title>T</title><link>https://harbour.example/a</link>{creators}")
    (story,) = _stories(tmp_path, "f.xml", data)
    assert story.authors == authors


def test_json_feed_author_names_split(tmp_path: Path) -> None:
    data = _jsonfeed(
        {
            "id": "1",
            "url": "https://harbour.example/1",
            "title": "T",
            "authors": [{"name": "Brent Simmons and Manton Reece"}],
        }
    )
    (story,) = _stories(tmp_path, "f.json", data)
    assert story.authors == ["Brent Simmons", "Manton Reece"]


@pytest.mark.parametrize(
    ("dates", "published", "precision", "note"),
    [
        (
            "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>"
            "<atom:updated>2024-01-05T10:00:00Z</atom:updated>",
            datetime(2024, 1, 5, 10, tzinfo=UTC),
            "second",
            "before 1990",
        ),
        (
            "<pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate>"
            "<atom:updated>2024-01-05T10:00:00Z</atom:updated>",
            datetime(2024, 1, 5, 10, tzinfo=UTC),
            "second",
            "after capture",
        ),
        (
            "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>"
            "<atom:updated>2035-01-05T10:00:00Z</atom:updated>",
            None,
            None,
            "before 1990",
        ),
        (
            "<pubDate>Fri, 05 Jan 2024 09:00:00 GMT</pubDate>"
            "<atom:updated>2024-01-06T10:00:00Z</atom:updated>",
            datetime(2024, 1, 5, 9, tzinfo=UTC),
            "second",
            None,
        ),
    ],
    ids=["epoch-then-updated", "future-then-updated", "both-impossible", "published-valid"],
)
def test_impossible_pubdate_falls_back_to_updated(
    tmp_path: Path, dates: str, published: datetime | None, precision: str | None, note: str | None
) -> None:
    data = _rss(f"<title>T</title><link>https://harbour.example/d</link>{dates}")
    (story,) = _stories(tmp_path, "f.xml", data)
    assert story.published_at == published
    assert story.published_precision == precision
    if note:
        assert len(story.notes) == 1 and note in story.notes[0]
    else:
        assert story.notes == []
    assert ("published_at" in story.provenance) == (published is not None)


def test_json_feed_impossible_date_published_falls_back(tmp_path: Path) -> None:
    data = _jsonfeed(
        {
            "id": "1",
            "url": "https://harbour.example/1",
            "title": "T",
            "date_published": "1970-01-01T00:00:00Z",
            "date_modified": "2024-01-05T10:00:00Z",
        }
    )
    (story,) = _stories(tmp_path, "f.json", data)
    assert story.published_at == datetime(2024, 1, 5, 10, tzinfo=UTC)
    assert story.modified_at == datetime(2024, 1, 5, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "kinds"),
    [
        (
            _rss(
                "<title>One</title><link>https://harbour.example/1</link>",
                "<description>Only a description, as RSS 2.0 allows.</description>"
                "<link>https://harbour.example/2</link>",
                "<description>No title, no link</description>",
                "<title>Four</title><link>https://harbour.example/4</link>",
            ),
            ["story", "story", "rejection", "story"],
        ),
        (
            _jsonfeed(
                {"id": "1", "url": "https://harbour.example/1", "title": "One"},
                {"id": "2", "url": "https://harbour.example/2", "content_text": "A micro post."},
                "not an object",
                {"id": "4", "url": "https://harbour.example/4", "title": "Four"},
            ),
            ["story", "story", "rejection", "story"],
        ),
    ],
    ids=["rss", "jsonfeed"],
)
def test_items_carry_their_item_location(data: bytes, kinds: list[str]) -> None:
    results = list(extract_feed(data, source_path="feeds/h.xml", captured_at=CAPTURED))
    assert [("story" if isinstance(r, Story) else "rejection") for r in results] == kinds
    for number, result in enumerate(results, start=1):
        where = result.source_path if isinstance(result, Story) else result.path
        assert where == f"feeds/h.xml#item-{number}"
    untitled = results[1]
    assert isinstance(untitled, Story) and untitled.title is None
    # The item's text is handed on, not lost.
    assert untitled.summary or untitled.paragraphs
    assert isinstance(results[2], Rejection)


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        # Zone names RFC 822 lacks, which feedparser reads as UTC.
        ("Thu, 05 Dec 2024 10:00:00 CET", datetime(2024, 12, 5, 9, 0, tzinfo=UTC)),
        ("Fri, 05 Jan 2024 10:00:00 IST", datetime(2024, 1, 5, 4, 30, tzinfo=UTC)),
        ("Fri, 05 Jan 2024 10:00:00 AEST", datetime(2024, 1, 5, 0, 0, tzinfo=UTC)),
        # RFC 822's own zones and numeric offsets, as before.
        ("Fri, 05 Jan 2024 10:00:00 EST", datetime(2024, 1, 5, 15, 0, tzinfo=UTC)),
        ("Fri, 05 Jan 2024 10:00:00 +0100", datetime(2024, 1, 5, 9, 0, tzinfo=UTC)),
        # Month and weekday names in German.
        ("Do, 05 Dez 2024 10:00:00 +0100", datetime(2024, 12, 5, 9, 0, tzinfo=UTC)),
    ],
)
def test_pub_dates_with_zone_and_month_names(
    tmp_path: Path, pub_date: str, expected: datetime
) -> None:
    data = _rss(
        f"<title>T</title><link>https://harbour.example/a</link><pubDate>{pub_date}</pubDate>"
    )
    (story,) = _stories(tmp_path, "zones.xml", data)
    assert story.published_at == expected
