"""Tests for newsdesk.normalise.finalise_story: untitled items, language codes, source paths."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.extract.dispatch import extract_path
from newsdesk.model import Rejection, Story
from newsdesk.normalise import finalise_story

CAPTURED = datetime(2025, 1, 1, tzinfo=UTC)


def _finalise(story: Story, source_path: str = "in.xml", index: int = 0) -> Story | Rejection:
    return finalise_story(
        story, raw_sha256="0" * 64, index=index, source_path=source_path, captured_at=CAPTURED
    )


@pytest.mark.parametrize(
    ("kind", "paragraphs", "summary", "outcome"),
    [
        # RSS 2.0 and JSON Feed items may have no title: their text makes them a story.
        ("feed", [], "Description-only item.", "story"),
        ("feed", ["Micro-blog post."], None, "story"),
        # An export object with body text is a story (docs/formats.md).
        ("jsonl", ["Body."], None, "story"),
        ("feed", [], None, "no title and no text found"),
        ("jsonl", [], "A summary is not the body.", "no title and no text found"),
        # A page without any title stays rejected.
        ("html", ["Body."], None, "no title found"),
        ("html", [], "Meta description.", "no title and no text found"),
    ],
)
def test_untitled_items(kind, paragraphs, summary, outcome):
    story = Story(source_kind=kind, url="https://x.example/1", paragraphs=paragraphs)
    story.summary = summary
    result = _finalise(story)
    if outcome == "story":
        assert isinstance(result, Story), result
        assert result.title == (paragraphs or [summary])[0]
        assert result.provenance["title"] == "heuristic"
        assert "no title given; title taken from the opening of the text" in result.notes
    else:
        assert isinstance(result, Rejection) and result.reason == outcome


def test_untitled_stories_without_url_keep_apart():
    first, second = (
        _finalise(Story(source_kind="feed", paragraphs=[text]), index=i)
        for i, text in enumerate(["First post.", "Second post."])
    )
    assert isinstance(first, Story) and isinstance(second, Story)
    assert first.story_id != second.story_id


def test_untitled_feed_item_from_file(tmp_path: Path):
    path = tmp_path / "notitle.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>'
        "<link>https://blog.example/</link>"
        "<item><title>Titled</title><link>https://blog.example/1</link></item>"
        "<item><description>Only a description.</description>"
        "<link>https://blog.example/2</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    results = [
        _finalise(s, source_path=str(path), index=i)
        for i, s in enumerate(extract_path(path, captured_at=CAPTURED))
    ]
    assert [type(r).__name__ for r in results] == ["Story", "Story"]
    assert (results[1].title, results[1].summary) == ("Only a description.", "Only a description.")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short post. And more after it.", "Short post."),
        ("Is this a question? Yes.", "Is this a question?"),
        (
            "A long first sentence that runs on and on past the length any title in a list "
            "of stories should have, so it is cut at a word",
            "A long first sentence that runs on and on past the length any title in a list "
            "of stories should…",
        ),
    ],
)
def test_an_untitled_story_is_titled_by_its_opening(text: str, title: str):
    result = _finalise(Story(source_kind="feed", url="https://x.example/1", paragraphs=[text]))
    assert isinstance(result, Story) and result.title == title


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("en_US.UTF-8", "en"),
        ("pt-BR", "pt"),
        ("zh-Hant", "zh"),
        # Names and three-letter codes map to ISO 639-1.
        ("English", "en"),
        ("english (US)", "en"),
        ("German", "de"),
        ("Deutsch", "de"),
        ("Français", "fr"),
        ("Spanish", "es"),
        ("eng", "en"),
        ("deu", "de"),
        ("ger", "de"),
        ("iw", "he"),
        # A language with no two-letter code keeps its ISO 639-3 code.
        ("yue", "yue"),
        # What names no language is dropped, not cut to three letters.
        ("und", None),
        ("utf", None),
        ("Klingonish", None),
        ("zz", None),
    ],
)
def test_language_codes(language, code):
    story = _finalise(Story(title="T", language=language, url="https://x.example/1"))
    assert isinstance(story, Story)
    assert story.language == code


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        # A WARC record's position inside the archive stays.
        ("crawl.warc.gz#record-3", "crawl.warc.gz#record-3"),
        ("crawl.warc.gz#record-7#item-2", "crawl.warc.gz#record-7#item-2"),
        # Anything else is replaced by the raw object's path, as before.
        (None, "crawl.warc.gz"),
        ("elsewhere.warc.gz#record-1", "crawl.warc.gz"),
    ],
)
def test_source_path_inside_the_raw_object(given, kept):
    story = Story(title="T", url="https://x.example/1", source_kind="warc", source_path=given)
    result = _finalise(story, source_path="crawl.warc.gz", index=2)
    assert isinstance(result, Story) and result.source_path == kept


@pytest.mark.parametrize(
    ("given", "where"),
    [
        ("crawl.warc.gz#record-3", "crawl.warc.gz#record-3"),
        (None, "crawl.warc.gz#2"),
    ],
)
def test_rejection_located_inside_the_raw_object(given, where):
    story = Story(source_kind="warc", source_path=given, page_type="other")
    result = _finalise(story, source_path="crawl.warc.gz", index=2)
    assert isinstance(result, Rejection) and result.path == where
