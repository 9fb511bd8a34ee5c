"""Tests for newsdesk.extract.exports: JSON / JSON Lines exports into stories."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.exports import extract_json_export
from newsdesk.model import ExtractionError, Rejection, Story

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
CAPTURED = datetime(2024, 1, 1, tzinfo=UTC)


def _run(data: bytes, **kwargs) -> tuple[list[Story], list[Rejection]]:
    items = list(extract_json_export(data, captured_at=CAPTURED, **kwargs))
    return (
        [i for i in items if isinstance(i, Story)],
        [i for i in items if isinstance(i, Rejection)],
    )


def _one(obj: dict) -> Story:
    stories, rejects = _run(json.dumps(obj).encode())
    assert not rejects
    (story,) = stories
    return story


@pytest.mark.parametrize(
    ("doc", "titles"),
    [
        ([{"title": "A"}, {"title": "B"}], ["A", "B"]),
        ({"items": [{"title": "A"}]}, ["A"]),
        ({"Articles": [{"title": "A"}]}, ["A"]),
        ({"stories": [{"title": "A"}]}, ["A"]),
        ({"data": [{"title": "A"}]}, ["A"]),
        ({"results": [{"title": "A"}, {"title": "B"}]}, ["A", "B"]),
        ({"response": {"docs": [{"headline": {"main": "NYT style"}}]}}, ["NYT style"]),
        ({"title": "Single object", "body": "text"}, ["Single object"]),
    ],
    ids=["list", "items", "Articles", "stories", "data", "results", "nested-docs", "single"],
)
def test_layouts(doc: object, titles: list[str]) -> None:
    stories, rejects = _run(json.dumps(doc).encode())
    assert [s.title for s in stories] == titles
    assert not rejects
    assert all(s.source_kind == "jsonl" for s in stories)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("published", "2023-05-08T07:15:00Z"),
        ("publishedAt", "2023-05-08T07:15:00Z"),
        ("published_at", "2023-05-08T07:15:00+00:00"),
        ("datePublished", "2023-05-08T09:15:00+02:00"),
        ("pubDate", "Mon, 08 May 2023 07:15:00 GMT"),
        ("created_at", 1683530100),
        ("date", 1683530100000),
        ("date", "1683530100000"),
        ("PUBLISHED-AT", "2023-05-08 07:15:00"),
    ],
)
def test_published_keys_and_formats(key: str, value: object) -> None:
    story = _one({"title": "t", key: value})
    assert story.published_at == datetime(2023, 5, 8, 7, 15, tzinfo=UTC)
    assert story.published_precision == "second"
    assert story.provenance["published_at"] == "export"


def test_day_precision_and_modified() -> None:
    story = _one({"title": "t", "date": "2023-05-08", "dateModified": "2023-05-09T10:00Z"})
    assert story.published_precision == "day"
    assert story.modified_at == datetime(2023, 5, 9, 10, tzinfo=UTC)


def test_future_date_dropped_with_note() -> None:
    story = _one({"title": "t", "date": "2031-01-01T00:00:00Z"})
    assert story.published_at is None
    assert any("after capture" in n for n in story.notes)


@pytest.mark.parametrize(
    ("value", "authors"),
    [
        ("Jane Smith", ["Jane Smith"]),
        ("By Jane Smith and John Roe", ["Jane Smith", "John Roe"]),
        (["Jane Smith", "John Roe"], ["Jane Smith", "John Roe"]),
        (
            [{"name": "Jane Smith", "email": "j@x.test"}, {"name": "John Roe"}],
            ["Jane Smith", "John Roe"],
        ),
        ({"name": "Jane Smith"}, ["Jane Smith"]),
        ({"original": "By Jane Smith"}, ["Jane Smith"]),
        ("jane@x.test", []),
        ("Jane Smith, John Roe", ["Jane Smith", "John Roe"]),
        ("Smith, Jane", ["Smith, Jane"]),
    ],
)
def test_author_shapes(value: object, authors: list[str]) -> None:
    assert _one({"title": "t", "author": value}).authors == authors


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\nTwo.", ["One.", "Two."]),
        (["One.", "Two."], ["One.", "Two."]),
        ("<p>One &amp; only.</p><p>Two <b>bold</b>.</p>", ["One & only.", "Two bold."]),
        (["<p>One.</p><p>Two.</p>", "Three."], ["One.", "Two.", "Three."]),
        ([{"text": "One."}, {"text": "Two."}], ["One.", "Two."]),
    ],
)
def test_body_shapes(body: object, paragraphs: list[str]) -> None:
    for key in ("text", "body", "content", "articleBody", "full_text"):
        assert _one({"title": "t", key: body}).paragraphs == paragraphs


def test_other_fields_and_case_insensitive_keys() -> None:
    story = _one(
        {
            "Headline": "H",
            "Canonical_URL": "https://e.test/a",
            "Standfirst": "<em>Short</em> summary",
            "siteName": {"name": "Outlet"},
            "section": ["World", "Europe"],
            "keywords": "a, b; c",
            "Lang": "EN-gb",
            "top_image": "https://e.test/i.jpg",
            "guid": 42,
            "unknown": {"ignored": True},
        }
    )
    assert story.title == "H"
    assert story.url == story.canonical_url == "https://e.test/a"
    assert story.summary == "Short summary"
    assert story.outlet == "Outlet"
    assert story.section == "World"
    assert story.tags == ["a", "b", "c"]
    assert story.language == "en-gb"
    assert story.image_url == "https://e.test/i.jpg"
    assert story.guid == "42"
    assert set(story.provenance.values()) == {"export"}
    assert story.captured_at == CAPTURED


def test_relative_or_non_http_urls_are_dropped() -> None:
    assert _one({"title": "t", "url": "/relative"}).url is None
    assert _one({"title": "t", "url": "javascript:alert(1)"}).url is None


def test_object_without_title_or_body_is_rejected() -> None:
    stories, rejects = _run(
        json.dumps([{"title": "ok"}, {"url": "https://e.test/x"}, 7]).encode(),
        source_path="dump.json",
    )
    assert [s.title for s in stories] == ["ok"]
    assert [r.path for r in rejects] == ["dump.json#item-2", "dump.json#item-3"]
    assert "neither title nor body" in rejects[0].reason
    assert "not an object" in rejects[1].reason
    assert all(r.stage == "extract" for r in rejects)


def test_newsapi_fixture() -> None:
    stories, rejects = _run((FIXTURES / "newsapi.json").read_bytes(), source_path="newsapi.json")
    assert not rejects
    first, second = stories
    assert first.outlet == "Example News"
    assert first.authors == ["Jane Smith", "John Roe"]
    assert first.summary == "The bridge reopened on Monday."
    assert first.image_url == "https://example-news.test/img/bridge.jpg"
    assert first.published_at == datetime(2023, 5, 8, 7, 15, tzinfo=UTC)
    assert first.paragraphs[0].startswith("The harbour bridge reopened")
    assert second.published_at == datetime(2023, 5, 8, 8, tzinfo=UTC)
    assert second.authors == []
    assert second.paragraphs == []


def test_jsonl_fixture_bad_line_becomes_rejection() -> None:
    stories, rejects = _run((FIXTURES / "scrape.jsonl").read_bytes(), source_path="scrape.jsonl")
    assert [s.guid for s in stories] == ["1", "2", "5"]
    assert [r.path for r in rejects] == ["scrape.jsonl#line-3", "scrape.jsonl#line-4"]
    assert rejects[0].reason.startswith("invalid JSON line")
    first, second, fifth = stories
    assert first.title == "Mayor resigns"
    assert first.paragraphs == ["The mayor resigned.", "An election follows."]
    assert first.published_at == datetime(2023, 5, 8, 7, tzinfo=UTC)
    assert first.authors == ["Ann Lee", "Bob Roe"]
    assert first.outlet == "City Paper"
    assert first.tags == ["politics", "city hall"]
    assert first.language == "en"
    assert first.url == "https://citypaper.test/mayor"
    assert second.paragraphs == ["First paragraph.", "Second paragraph."]
    assert second.authors == ["Carla Diaz"]
    assert second.published_precision == "day"
    assert fifth.published_at == datetime(2023, 5, 8, 7, tzinfo=UTC)
    assert fifth.section == "Sport"
    assert fifth.image_url == "https://citypaper.test/i.jpg"


def test_jsonl_with_crlf_and_blank_lines() -> None:
    data = b'{"title": "a"}\r\n\r\n{"title": "b"}\r\n'
    stories, rejects = _run(data)
    assert [s.title for s in stories] == ["a", "b"]
    assert not rejects


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<html><body>nope</body></html>", b"title,body\nA,B\n", b"\xff\xfe\x00garbage"],
)
def test_non_json_raises(data: bytes) -> None:
    with pytest.raises(ExtractionError, match=r"^not JSON: "):
        list(extract_json_export(data))


@pytest.mark.parametrize("data", [b"42", b'"a string"', b"null", b"true"])
def test_json_scalar_raises(data: bytes) -> None:
    with pytest.raises(ExtractionError, match="no story objects"):
        list(extract_json_export(data))


def test_deep_nesting_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        list(extract_json_export(b"[" * 100_000 + b"]" * 100_000))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_only_raise_extraction_error(data: bytes) -> None:
    try:
        items = list(extract_json_export(data, source_path="fuzz"))
    except ExtractionError:
        return
    assert all(isinstance(i, Story | Rejection) for i in items)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["title", "body", "date", "author", "tags", "url", "image", "x", "items"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_JSON_VALUES)
def test_arbitrary_json_only_raises_extraction_error(value: object) -> None:
    try:
        items = list(extract_json_export(json.dumps(value).encode()))
    except ExtractionError:
        return
    assert all(isinstance(i, Story | Rejection) for i in items)
