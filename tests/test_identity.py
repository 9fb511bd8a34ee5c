from datetime import UTC, datetime

import pytest

from newsdesk.identity import hamming, record_id_for, simhash, story_id_for, text_key

DAY = datetime(2022, 10, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crème Brûlée’s  RETURN!", "creme brulee s return"),
        ("  ", ""),
        (None, ""),
    ],
)
def test_text_key(text, expected):
    assert text_key(text) == expected


def test_feed_item_and_page_share_a_story_id():
    from_feed = story_id_for(
        canonical_url=None,
        url="http://www.example.com/a/story/?utm_source=rss",
        outlet="Feed title",
        title="A headline",
        published_at=None,
    )
    from_page = story_id_for(
        canonical_url="https://example.com/a/story",
        url="https://example.com/a/story/amp",
        outlet="Example",
        title="A different headline",
        published_at=DAY,
    )
    assert from_feed == from_page


def test_story_id_without_url_uses_outlet_title_and_day():
    a = story_id_for(
        canonical_url=None,
        url=None,
        outlet="Asian Lite News",
        title="US, allies pushing Pakistan",
        published_at=DAY,
    )
    b = story_id_for(
        canonical_url=None,
        url=None,
        outlet="asian lite news",
        title="US allies pushing Pakistan!",
        published_at=DAY.replace(hour=9),
    )
    c = story_id_for(
        canonical_url=None,
        url=None,
        outlet="Asian Lite News",
        title="US, allies pushing Pakistan",
        published_at=None,
    )
    assert a == b != c
    assert len(a) == 16


def test_record_ids_differ_by_index():
    assert record_id_for("ab" * 32, 0) != record_id_for("ab" * 32, 1)


def test_simhash_finds_near_duplicates_only():
    base = " ".join(f"word{i} common text about the story number {i % 7}" for i in range(60))
    edited = base.replace("word5 ", "changed ", 1)
    other = " ".join(f"different{i} unrelated content {i % 5} here" for i in range(80))
    a, b, c = simhash(base), simhash(edited), simhash(other)
    assert hamming(a, b) <= 3
    assert hamming(a, c) > 10
    assert simhash("too short") is None
    assert -(2**63) <= a < 2**63
