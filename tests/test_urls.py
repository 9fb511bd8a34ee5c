import pytest

from newsdesk.urls import absolute_url, host_of, normalize_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Example.com/a/b/", "https://example.com/a/b"),
        # Tracking parameters go, real ones stay (sorted).
        ("http://example.com/a?utm_source=x&id=3&fbclid=y&b=1", "https://example.com/a?b=1&id=3"),
        ("https://example.com/a#comments", "https://example.com/a"),
        # AMP variants of one article compare equal to the article.
        ("https://example.com/news/story/amp", "https://example.com/news/story"),
        ("https://example.com/amp/news/story", "https://example.com/news/story"),
        ("https://amp.example.com/news/story", "https://example.com/news/story"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("https://example.com:8080/x", "https://example.com:8080/x"),
        ("https://example.com/section/index.html", "https://example.com/section"),
        ("https://example.com", "https://example.com/"),
        ("ftp://example.com/file", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("href", "base", "expected"),
    [
        ("/b", "https://example.com/a/", "https://example.com/b"),
        ("c", "https://example.com/a/", "https://example.com/a/c"),
        ("https://other.org/x", "https://example.com/", "https://other.org/x"),
        ("#top", "https://example.com/", None),
        ("javascript:void(0)", "https://example.com/", None),
        ("mailto:a@b.c", None, None),
        ("", "https://example.com/", None),
        ("http://[ccpa-preferences]/x", None, None),
        ("/x", "http://[broken", None),
    ],
)
def test_absolute_url(href, base, expected):
    assert absolute_url(href, base) == expected


def test_host_of():
    assert host_of("https://www.BBC.co.uk/news") == "bbc.co.uk"
    assert host_of(None) is None
