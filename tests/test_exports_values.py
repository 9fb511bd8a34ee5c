"""Tests for newsdesk.extract.exports: plain text with "<", story objects holding lists,
numeric dates and keyword objects."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.extract.dispatch import extract_path
from newsdesk.extract.exports import extract_json_export
from newsdesk.model import Rejection, Story

CAPTURED = datetime(2025, 1, 1, tzinfo=UTC)


def _results(doc: object) -> list[Story | Rejection]:
    return list(extract_json_export(json.dumps(doc).encode(), captured_at=CAPTURED))


def _one(obj: dict) -> Story:
    (story,) = _results([obj])
    assert isinstance(story, Story), story
    return story


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # Plain text that holds a "<" stays whole.
        (
            "We know that a<b and b<c.\n\nSecond paragraph stays.",
            ["We know that a<b and b<c.", "Second paragraph stays."],
        ),
        ("if a<b and c>d then\n\nnext", ["if a<b and c>d then", "next"]),
        ("x <y z", ["x <y z"]),
        # Real markup is still read as HTML.
        ("<p>One</p><p>Two</p>", ["One", "Two"]),
        ('Intro <a href="https://x.example/">link</a> end', ["Intro link end"]),
        ("Line one<br/>Line two", ["Line one", "Line two"]),
    ],
)
def test_body_is_html_only_when_it_holds_markup(text, paragraphs):
    assert _one({"title": "T", "text": text}).paragraphs == paragraphs


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Is x<y? A primer", "Is x<y? A primer"),
        ("3 < 5 and a<b", "3 < 5 and a<b"),
        ("A <b>bold</b> move", "A bold move"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
    ],
)
def test_title_is_html_only_when_it_holds_markup(title, expected):
    assert _one({"title": title, "text": "x"}).title == expected


@pytest.mark.parametrize(
    ("doc", "titles"),
    [
        # A story object carrying a list of its own is the story.
        (
            {
                "title": "With data",
                "body": "Body.",
                "data": [{"k": 1}],
                "url": "https://x.example/1",
            },
            ["With data"],
        ),
        ({"title": "With items", "body": "Body.", "items": ["a", "b"]}, ["With items"]),
        ({"title": "Empty list", "body": "Body.", "entries": []}, ["Empty list"]),
        # A list of story objects still makes the object a container, titled or not.
        ({"title": "Search results", "items": [{"title": "A"}, {"title": "B"}]}, ["A", "B"]),
        ({"status": "ok", "articles": [{"title": "A"}]}, ["A"]),
        ({"name": "export", "items": []}, []),
    ],
)
def test_single_story_holding_a_list(doc, titles):
    results = _results(doc)
    assert all(isinstance(r, Story) for r in results), results
    assert [r.title for r in results] == titles


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        # Compact stamps, as numbers or strings.
        (20240105, datetime(2024, 1, 5, tzinfo=UTC), "day"),
        ("20240105", datetime(2024, 1, 5, tzinfo=UTC), "day"),
        (202401051030, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "minute"),
        (20240105103000, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        ("20240105103000", datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        # Epoch seconds, milliseconds, microseconds and nanoseconds.
        (1704450600, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        ("1704450600", datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        (1704450600.0, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        (1704450600000, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        ("1704450600000", datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        (1704450600000000, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        (1704450600000000000, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        # MongoDB extended JSON.
        ({"$date": "2024-01-05T10:30:00Z"}, datetime(2024, 1, 5, 10, 30, tzinfo=UTC), "second"),
        (
            {"$date": {"$numberLong": "1704450600000"}},
            datetime(2024, 1, 5, 10, 30, tzinfo=UTC),
            "second",
        ),
    ],
)
def test_numeric_dates(value, expected, precision):
    story = _one({"title": "T", "text": "x", "date": value})
    assert (story.published_at, story.published_precision) == (expected, precision)
    assert story.notes == []


@pytest.mark.parametrize("value", ["0000-00-00 00:00:00", "soon", 10**21, "05 Aralık 2024"])
def test_unreadable_date_is_dropped_with_a_note(value):
    story = _one({"title": "T", "text": "x", "date": value, "updated": value})
    assert story.published_at is None and story.modified_at is None
    assert any(n.startswith("published date") and "dropped" in n for n in story.notes)
    assert any(n.startswith("modified date") and "dropped" in n for n in story.notes)


@pytest.mark.parametrize(
    ("keywords", "tags"),
    [
        # NYT: the kind of keyword under "name", the keyword under "value".
        ([{"name": "subject", "value": "Elections", "rank": 1}], ["Elections"]),
        (
            [{"name": "glocations", "value": "Paris"}, {"name": "persons", "value": "Doe, Jane"}],
            ["Paris", "Doe, Jane"],
        ),
        # Objects with a name only keep it.
        ([{"name": "Politics"}], ["Politics"]),
        (["a", {"name": "b"}], ["a", "b"]),
    ],
)
def test_keyword_objects(keywords, tags):
    assert _one({"title": "T", "text": "x", "keywords": keywords}).tags == tags


def test_export_file_through_dispatch(tmp_path: Path):
    path = tmp_path / "math.json"
    path.write_text(
        json.dumps({"title": "x<y", "body": "a<b\n\nrest", "data": [1], "date": 20240105}),
        encoding="utf-8",
    )
    (story,) = extract_path(path, captured_at=CAPTURED)
    assert isinstance(story, Story)
    assert (story.title, story.paragraphs) == ("x<y", ["a<b", "rest"])
    assert story.published_at == datetime(2024, 1, 5, tzinfo=UTC)
