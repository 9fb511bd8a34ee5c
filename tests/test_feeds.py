"""Tests for newsdesk.extract.feeds: synthetic feeds per format, real fixtures, robustness."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.extract.feeds import (
    clean_author,
    extract_feed,
    html_to_paragraphs,
    looks_like_feed,
)
from newsdesk.model import ExtractionError, Rejection, Story
from newsdesk.urls import normalize_url

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
CAPTURED = datetime(2024, 1, 1, tzinfo=UTC)

RSS091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel>
<title>Old  Times</title><link>http://old.example.com/</link><language>en-us</language>
<item><title>Ninety-one</title><link>http://old.example.com/91</link>
<description>Plain &amp; simple</description></item>
</channel></rss>"""

RSS20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>The &lt;b&gt;Daily&lt;/b&gt; Example</title><link>https://news.example.com/</link>
<language>en-GB</language>
<item>
 <title>Council approves budget</title>
 <link>/politics/2023/budget</link>
 <guid isPermaLink="false">story-123</guid>
 <description><![CDATA[<p>The council <b>approved</b> the budget.</p>]]></description>
 <content:encoded><![CDATA[<p>First paragraph.</p><p>Second <a href="/x">paragraph</a>.</p>
   <script>alert(1)</script><ul><li>Point one</li></ul>]]></content:encoded>
 <pubDate>Tue, 10 Oct 2023 14:30 +0200</pubDate>
 <author>editor@example.com (Jane Smith)</author>
 <dc:creator>By John Roe</dc:creator>
 <category>Politics</category><category>Budget</category><category>politics</category>
 <media:content url="https://img.example.com/small.jpg" medium="image" width="140"/>
 <media:content url="https://img.example.com/large.jpg" medium="image" width="940"/>
</item>
<item>
 <guid isPermaLink="true">https://news.example.com/guid-only</guid>
 <title>Guid is the link</title>
 <enclosure url="https://img.example.com/pic.png" type="image/png" length="10"/>
 <pubDate>Wed, 11 Oct 2023</pubDate>
</item>
<item><description>No title and no link here</description></item>
</channel></rss>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example.org/"><title>RDF Site</title>
<link>http://rdf.example.org/</link><dc:language>de</dc:language></channel>
<item rdf:about="http://rdf.example.org/one"><title>Eins</title>
<link>http://rdf.example.org/one</link><dc:date>2023-05-01</dc:date>
<dc:creator>Max Mustermann</dc:creator><dc:subject>Technik</dc:subject></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/articles/"
      xml:lang="fr">
<title type="html">Le &amp;lt;Blog&amp;gt;</title>
<entry>
 <title>Premier</title>
 <link rel="alternate" href="premier.html"/>
 <link rel="enclosure" href="/img/a.jpg" type="image/jpeg"/>
 <id>tag:blog.example.net,2023:1</id>
 <published>2023-03-01T08:00:00Z</published>
 <updated>2023-03-02T09:30:00Z</updated>
 <author><name>Marie Curie</name><email>marie@example.net</email></author>
 <summary>Court r\xc3\xa9sum\xc3\xa9</summary>
 <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un.</p><p>Deux.</p></div></content>
 <category term="science"/>
</entry>
<entry xml:base="https://other.example.net/x/">
 <title>Second</title><link href="../y/second"/><id>tag:2</id>
 <updated>2023-03-05T10:00:00Z</updated>
</entry>
</feed>"""

JSONFEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON &amp; Co",
        "home_page_url": "https://json.example.com/",
        "language": "en",
        "authors": [{"name": "Feed Author"}],
        "items": [
            {
                "id": "1",
                "url": "/posts/1",
                "title": "Hello <em>JSON</em>",
                "content_html": "<p>Alpha</p><p>Beta</p>",
                "summary": "Short one",
                "date_published": "2023-07-01T12:00:00+02:00",
                "date_modified": "2023-07-02T12:00:00Z",
                "tags": ["a", "b"],
                "image": "https://json.example.com/i.png",
                "authors": [{"name": "Ann"}],
            },
            {"id": "2", "content_text": "Only text\n\nSecond para", "title": "Two"},
            {"id": "3", "content_text": "neither title nor url"},
            "not an object",
        ],
    }
).encode()


def _stories(data: bytes, **kwargs) -> list[Story]:
    return [s for s in extract_feed(data, captured_at=CAPTURED, **kwargs) if isinstance(s, Story)]


def _rejections(data: bytes, **kwargs) -> list[Rejection]:
    return [r for r in extract_feed(data, **kwargs) if isinstance(r, Rejection)]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (RSS091, "rss"),
        (RSS20, "rss"),
        (b"\n\n  " + RSS20, "rss"),
        (RDF, "rdf"),
        (ATOM, "atom"),
        (JSONFEED, "jsonfeed"),
        (b"\xef\xbb\xbf" + ATOM, "atom"),
        (b"<!DOCTYPE html><html><head><title>x</title></head></html>", None),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/"></urlset>', None),
        (b'{"title": "not a feed"}', None),
        (b"\x00\x01\x02binary", None),
        (b"", None),
    ],
)
def test_looks_like_feed(data: bytes, kind: str | None) -> None:
    assert looks_like_feed(data) == kind


@pytest.mark.parametrize(
    ("data", "url", "expected"),
    [
        (
            RSS091,
            None,
            [("Ninety-one", "http://old.example.com/91", None, "en-us", "Old Times")],
        ),
        (
            RSS20,
            "https://news.example.com/feed.xml",
            [
                (
                    "Council approves budget",
                    "https://news.example.com/politics/2023/budget",
                    datetime(2023, 10, 10, 12, 30, tzinfo=UTC),
                    "en-gb",
                    "The Daily Example",
                ),
                (
                    "Guid is the link",
                    "https://news.example.com/guid-only",
                    datetime(2023, 10, 11, tzinfo=UTC),
                    "en-gb",
                    "The Daily Example",
                ),
            ],
        ),
        (
            RDF,
            None,
            [
                (
                    "Eins",
                    "http://rdf.example.org/one",
                    datetime(2023, 5, 1, tzinfo=UTC),
                    "de",
                    "RDF Site",
                )
            ],
        ),
        (
            ATOM,
            None,
            [
                (
                    "Premier",
                    "https://blog.example.net/articles/premier.html",
                    datetime(2023, 3, 1, 8, tzinfo=UTC),
                    "fr",
                    "Le <Blog>",
                ),
                (
                    "Second",
                    "https://other.example.net/y/second",
                    datetime(2023, 3, 5, 10, tzinfo=UTC),
                    "fr",
                    "Le <Blog>",
                ),
            ],
        ),
        (
            JSONFEED,
            None,
            [
                (
                    "Hello JSON",
                    "https://json.example.com/posts/1",
                    datetime(2023, 7, 1, 10, tzinfo=UTC),
                    "en",
                    "JSON & Co",
                ),
                ("Two", None, None, "en", "JSON & Co"),
            ],
        ),
    ],
    ids=["rss091", "rss20", "rdf", "atom-xml-base", "jsonfeed"],
)
@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_core_fields_per_format(data: bytes, url: str | None, expected: list[tuple]) -> None:
    stories = _stories(data, url=url, source_path="f.xml")
    got = [(s.title, s.url, s.published_at, s.language, s.outlet) for s in stories]
    assert got == expected
    for story in stories:
        assert story.source_kind == "feed"
        assert story.captured_at == CAPTURED
        assert set(story.provenance.values()) == {"feed"}
        assert story.notes == []


def test_rss20_item_details() -> None:
    story = _stories(RSS20, url="https://news.example.com/feed.xml")[0]
    assert story.guid == "story-123"
    assert story.published_precision == "minute"
    assert story.authors == ["Jane Smith", "John Roe"] or story.authors == ["John Roe"]
    assert all("@" not in a for a in story.authors)
    assert story.summary == "The council approved the budget."
    assert story.paragraphs == ["First paragraph.", "Second paragraph.", "Point one"]
    assert story.tags == ["Politics", "Budget"]
    assert story.image_url == "https://img.example.com/large.jpg"


def test_rss20_guid_link_enclosure_and_day_precision() -> None:
    story = _stories(RSS20)[1]
    assert story.image_url == "https://img.example.com/pic.png"
    assert story.published_precision == "day"
    assert story.paragraphs == []


def test_item_without_title_and_link_is_rejected() -> None:
    rejects = _rejections(RSS20, source_path="feeds/daily.xml")
    assert [r.path for r in rejects] == ["feeds/daily.xml#item-3"]
    assert rejects[0].stage == "extract"
    assert "neither title nor link" in rejects[0].reason
    assert rejects[0].raw_sha256 and len(rejects[0].raw_sha256) == 64


def test_atom_details() -> None:
    first, second = _stories(ATOM)
    assert first.modified_at == datetime(2023, 3, 2, 9, 30, tzinfo=UTC)
    assert first.published_precision == "second"
    assert first.authors == ["Marie Curie"]
    assert first.summary == "Court résumé"
    assert first.paragraphs == ["Un.", "Deux."]
    assert first.tags == ["science"]
    assert first.image_url == "https://blog.example.net/img/a.jpg"
    assert first.guid == "tag:blog.example.net,2023:1"
    # No <published>: the update time is the best publication time available.
    assert second.published_at == second.modified_at


def test_jsonfeed_details() -> None:
    data = list(extract_feed(JSONFEED, source_path="j.json"))
    first, second = (s for s in data if isinstance(s, Story))
    assert first.authors == ["Ann"]
    assert second.authors == ["Feed Author"]
    assert first.paragraphs == ["Alpha", "Beta"]
    assert first.summary == "Short one"
    assert first.tags == ["a", "b"]
    assert first.image_url == "https://json.example.com/i.png"
    assert first.modified_at == datetime(2023, 7, 2, 12, tzinfo=UTC)
    assert second.paragraphs == ["Only text", "Second para"]
    assert [r.path for r in data if isinstance(r, Rejection)] == ["j.json#item-3", "j.json#item-4"]


def test_future_date_is_dropped_with_note() -> None:
    feed = RSS091.replace(
        b"<description>", b"<pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate><description>"
    )
    story = _stories(feed)[0]
    assert story.published_at is None
    assert story.published_precision is None
    assert any("after capture" in note for note in story.notes)


MALFORMED = [
    pytest.param(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Caf&eacute; &nbsp;news</title><link>http://m.example.com/1</link></item>"
        b"</channel></rss>",
        ["Café news"],
        id="undefined-entities",
    ),
    pytest.param(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>One</title><link>http://m.example.com/1</link></item>"
        b"<item><title>Two</title><link>http://m.example.com/2</link></item>"
        b"<item><title>Thr",
        ["One", "Two"],
        id="truncated",
    ),
    pytest.param(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Fish & chips</title><link>http://m.example.com/1?a=1&b=2</link></item>"
        b"</channel></rss>",
        ["Fish & chips"],
        id="bare-ampersands",
    ),
]


@pytest.mark.parametrize(("data", "titles"), MALFORMED)
def test_malformed_feeds_are_recovered_with_note(data: bytes, titles: list[str] | None) -> None:
    stories = _stories(data)
    assert stories
    if titles is not None:
        assert [s.title for s in stories][: len(titles)] == titles
    for story in stories:
        assert any(n.startswith("feed not well-formed: ") for n in story.notes)
        assert all("\n" not in n for n in story.notes)


def test_unrecoverable_item_in_malformed_feed_is_rejected_not_dropped() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Unclosed<link>http://m.example.com/1</link></item></channel></rss>"
    )
    items = list(extract_feed(data, source_path="bad.xml"))
    assert [type(i) for i in items] == [Rejection]
    assert items[0].path == "bad.xml#item-1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<!DOCTYPE html><html><head><title>Home</title></head>"
            b"<body><p>Welcome<p>to the site</body></html>",
            "not a feed",
        ),
        (b"<html><body><a href='/rss'>RSS</a></body></html>", "not a feed"),
        (
            b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://e.com/a</loc></url></urlset>",
            "sitemap, not a feed",
        ),
        (b'<?xml version="1.0"?><sitemapindex></sitemapindex>', "sitemap, not a feed"),
        (
            b'<?xml version="1.0"?><rss version="2.0">'
            b"<channel><title>Empty</title></channel></rss>",
            "feed has no items",
        ),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "feed has no items"),
        (b'{"title": "json but not a feed"}', "not a feed"),
        (b"{ broken json", "not a feed"),
        (b"", "not a feed"),
        (b"just some words", "not a feed"),
    ],
)
def test_non_feeds_raise_extraction_error(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message) as info:
        list(extract_feed(data, source_path="x"))
    assert "\n" not in str(info.value)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>A &xxe; B</title>'
        "<link>http://e.com/1</link></item></channel></rss>"
    ).encode()
    stories = _stories(data)
    assert all("TOPSECRET" not in (s.title or "") for s in stories)


def test_bytes_that_name_a_file_are_not_opened(tmp_path: Path) -> None:
    target = tmp_path / "feed.xml"
    target.write_bytes(RSS091)
    with pytest.raises(ExtractionError):
        list(extract_feed(str(target).encode()))


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        ("<p>a</p><p>b</p>", ["a", "b"]),
        ("line one<br>line two", ["line one", "line two"]),
        ("plain &amp; simple\n\nsecond", ["plain & simple", "second"]),
        ("<div><h2>Head</h2>text <i>inline</i> more</div>", ["Head", "text inline more"]),
        ("<style>p{}</style><p>kept</p>", ["kept"]),
        ("", []),
        ("<p></p>", []),
        # Furigana over kanji is no part of the text.
        ("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>", ["子ども"]),
    ],
)
def test_html_to_paragraphs(markup: str, paragraphs: list[str]) -> None:
    assert html_to_paragraphs(markup) == paragraphs


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("editor@example.com (Jane Smith)", "Jane Smith"),
        ("By Jane Smith", "Jane Smith"),
        ("Jane Smith <jane@example.com>", "Jane Smith"),
        ("jane@example.com", None),
        ("  ", None),
    ],
)
def test_clean_author(raw: str, name: str | None) -> None:
    assert clean_author(raw) == name


# --------------------------------------------------------------------------- real fixtures


def _rss_parser_expected(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())["feed"]["items"]


def _feed_rs_expected(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())["entries"]


def _iso(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def test_guardian_matches_rss_parser() -> None:
    expected = _rss_parser_expected("guardian.rss-parser.json")
    stories = _stories((FIXTURES / "guardian.rss").read_bytes())
    assert len(stories) == len(expected) == 55
    # rss-parser keeps raw whitespace in titles; stories collapse it.
    assert [s.title for s in stories] == [" ".join(e["title"].split()) for e in expected]
    assert [s.url for s in stories] == [e["link"] for e in expected]
    assert [_iso(s.published_at) for s in stories] == [
        e["isoDate"].replace(".000Z", "Z") for e in expected
    ]
    assert {s.outlet for s in stories} == {"The Guardian"}
    assert all(s.image_url for s in stories)
    assert all(s.tags for s in stories)


def test_uol_malformed_matches_rss_parser_links() -> None:
    expected = _rss_parser_expected("uolNoticias.rss-parser.json")
    stories = _stories((FIXTURES / "uolNoticias.rss").read_bytes())
    assert len(stories) == len(expected)
    assert [s.url for s in stories] == [e["link"] for e in expected]
    # rss-parser decoded the Latin-1 bytes as UTF-8 (U+FFFD); we must not.
    assert all("\ufffd" not in (s.title or "") for s in stories)
    assert stories[0].title.startswith("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simula")


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        ("atom_xml_base.xml", "atom_xml_base.serde.json"),
        ("atom_example_2.xml", "atom_example_2.serde.json"),
        ("rss_1.0_example_1.xml", "rss_1.0_example_1.serde.json"),
        ("jsonfeed_elastic_1.1.json", "jsonfeed_elastic_1.1.serde.json"),
    ],
)
def test_feed_rs_fixtures(feed: str, expected: str) -> None:
    entries = _feed_rs_expected(expected)
    stories = _stories((FIXTURES / feed).read_bytes(), url="http://www.example.com/")
    assert len(stories) == len(entries)
    for story, entry in zip(stories, entries, strict=True):
        assert story.title == entry["title"]["content"]
        hrefs = [link["href"] for link in entry["links"]]
        if hrefs and hrefs[0].startswith("http"):
            assert normalize_url(story.url) == normalize_url(hrefs[0])
        elif hrefs:
            assert story.url and story.url.endswith(hrefs[0])
        when = entry.get("published") or entry.get("updated")
        if when and entry.get("published"):
            assert _iso(story.published_at) == when
        assert set(story.authors) <= {a["name"] for a in entry["authors"]} | {""}


def test_techcrunch_truncated_recovers_complete_items() -> None:
    stories = _stories((FIXTURES / "techcrunch-truncated.xml").read_bytes())
    assert len(stories) >= 3
    assert stories[0].title.startswith("Angie’s List Sets Price Range IPO")
    assert stories[0].paragraphs
    assert all(any("not well-formed" in n for n in s.notes) for s in stories)


# --------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_only_raise_extraction_error(data: bytes) -> None:
    try:
        items = list(extract_feed(data, source_path="fuzz"))
    except ExtractionError:
        return
    assert all(isinstance(i, Story | Rejection) for i in items)


_FRAGMENTS = [
    b"<rss>", b"</rss>", b"<channel>", b"<item>", b"</item>", b"<title>", b"</title>",
    b"<link>", b"</link>", b"<feed>", b"<entry>", b"&amp;", b"&nbsp;", b"<![CDATA[",
    b"]]>", b"x", b"http://e.com/", b"<pubDate>", b"Mon, 01 Jan 2024", b"\xff",
    b'{"version":"https://jsonfeed.org/version/1","items":[', b"{}", b"]}",
]  # fmt: skip
_FEEDISH = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(b"".join)


@settings(max_examples=200, deadline=None)
@given(_FEEDISH)
def test_feedlike_fragments_only_raise_extraction_error(data: bytes) -> None:
    try:
        items = list(extract_feed(data))
    except ExtractionError:
        return
    assert all(isinstance(i, Story | Rejection) for i in items)
