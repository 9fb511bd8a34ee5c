"""One story id per article address, whatever spelling of the URL a source used."""

from __future__ import annotations

import pytest

from newsdesk.identity import story_id_for
from newsdesk.urls import normalize_url


def _id(url: str) -> str:
    return story_id_for(canonical_url=None, url=url, outlet=None, title=None, published_at=None)


@pytest.mark.parametrize(
    "spellings",
    [
        [
            "https://example.com/café/story",
            "https://example.com/caf%C3%A9/story",
            "https://example.com/caf%c3%a9/story",
        ],
        ["https://example.com/%7Euser/page", "https://example.com/~user/page"],
        ["https://example.com/a%2fb/c", "https://example.com/a%2Fb/c"],
        ["https://example.com/a b", "https://example.com/a%20b"],
        [
            "https://bücher.de/buch/1",
            "https://BÜCHER.de/buch/1",
            "https://xn--bcher-kva.de/buch/1",
            "https://www.xn--bcher-kva.de/buch/1",
        ],
        [
            "https://example.com/story;jsessionid=0A1B2C3D",
            "https://example.com/story;JSESSIONID=ffee?utm_source=rss",
            "https://example.com/story?jsessionid=1234",
            "https://example.com/story?PHPSESSID=abcd",
            "https://example.com/story",
        ],
        [
            "https://example.com/#!/story/123",
            "https://www.example.com/#!/story/123",
            "https://example.com/?_escaped_fragment_=/story/123",
        ],
    ],
    ids=[
        "unicode-path",
        "unreserved-escape",
        "reserved-escape-case",
        "space",
        "idn",
        "session",
        "hashbang",
    ],
)
def test_spellings_of_one_address_share_an_id(spellings: list[str]) -> None:
    assert len({normalize_url(url) for url in spellings}) == 1
    assert len({_id(url) for url in spellings}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/#!/story/123", "https://example.com/#!/story/456"),
        ("https://example.com/#!/story/123", "https://example.com/"),
        ("https://example.com/a%2Fb", "https://example.com/a/b"),
        ("https://example.com/story;id=1", "https://example.com/story;id=2"),
    ],
    ids=["hashbang-stories", "hashbang-vs-home", "escaped-slash", "other-path-param"],
)
def test_different_addresses_keep_different_ids(a: str, b: str) -> None:
    assert _id(a) != _id(b)


# Ids computed before this change: URLs already in one normal form must keep them, or
# users' warehouses would split every story in two.
KEPT_IDS = [
    ("https://www.Example.com/a/b/", "ac5be8e14a2f68ed"),
    ("http://example.com/a?utm_source=x&id=3&fbclid=y&b=1", "ebe308f7f3f5cdb4"),
    ("https://example.com/a#comments", "b20b82426d026c46"),
    ("https://example.com/news/story/amp", "410c4f109a91e95a"),
    ("https://example.com/amp/news/story", "410c4f109a91e95a"),
    ("https://amp.example.com/news/story", "410c4f109a91e95a"),
    ("https://example.com:443/x", "d2c02cdfaba57573"),
    ("https://example.com:8080/x", "cb24f9e32fba37d8"),
    ("https://example.com/section/index.html", "4d68cda17f94507f"),
    ("https://example.com", "115927bf5bf5ab9a"),
    ("https://example.com/a/story", "7368648cfa36d652"),
    ("http://www.example.com/a/story/?utm_source=rss", "7368648cfa36d652"),
    ("https://www.bbc.co.uk/news/world-europe-68000000", "a76409233e6e4378"),
    ("https://www.nytimes.com/2024/01/05/us/politics/story.html?smid=tw-share", "ace29c96ae008113"),
    ("https://www.spiegel.de/politik/deutschland/artikel-a-1234.html", "88fc842196c779c4"),
    (
        "https://www.lemonde.fr/international/article/2024/01/05/titre_6209123_3210.html",
        "7a9756c9d4ee9080",
    ),
    ("https://example.com/wp/?p=5031", "bb962f041936dce8"),
    ("https://example.com/search?q=a+b&page=2", "94440ce229123f81"),
    ("https://example.com/path/with%20space", "5fd18a9a8bed94aa"),
    ("https://example.com/a%2Fb/c", "629d0cf12698b410"),
    ("https://example.com/caf%C3%A9/story", "6e0012278bff8cd1"),
    ("https://xn--bcher-kva.de/buch/1", "526ba810eda14e05"),
    ("https://m.example.com/story/9", "a42d609ce75e4915"),
    ("https://example.com/story/9#section-2", "a42d609ce75e4915"),
    ("https://example.com/~user/page", "b4dcee546027fa54"),
    ("https://example.com/a;b=c/d", "d4367afad5e143e4"),
    ("https://example.com/a/b?x=%C3%A9", "1827233048917c18"),
]


@pytest.mark.parametrize(("url", "story_id"), KEPT_IDS, ids=[u for u, _ in KEPT_IDS])
def test_normal_form_urls_keep_their_ids(url: str, story_id: str) -> None:
    assert _id(url) == story_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # The examples of tests/test_urls.py and of normalize_url's docstring, unchanged.
        ("https://www.Example.com/a/b/", "https://example.com/a/b"),
        ("http://example.com/a?utm_source=x&id=3&fbclid=y&b=1", "https://example.com/a?b=1&id=3"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/news/story/amp", "https://example.com/news/story"),
        ("https://example.com:8080/x", "https://example.com:8080/x"),
        ("https://example.com/section/index.html", "https://example.com/section"),
        # The new forms.
        ("https://example.com/caf%c3%a9/story", "https://example.com/caf%C3%A9/story"),
        ("https://bücher.de/x", "https://xn--bcher-kva.de/x"),
        ("https://example.com/a;jsessionid=AB12/b", "https://example.com/a/b"),
        ("https://example.com/app/#!/s?x=1", "https://example.com/app#!/s?x=1"),
        ("https://example.com/50%", "https://example.com/50%25"),
    ],
)
def test_normal_forms(url: str, expected: str) -> None:
    assert normalize_url(url) == expected
