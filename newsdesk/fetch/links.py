"""Item URLs from fetched feeds and news sitemaps.

Feed links come from the feed extractor (`newsdesk.extract.feeds.extract_feed`), so the URLs
fetched here are exactly the `Story.url` values the feed stories carry. Sitemaps are parsed
with lxml with entity expansion, DTD loading and network access off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from newsdesk.extract.feeds import extract_feed
from newsdesk.model import ExtractionError, Story
from newsdesk.urls import absolute_url, normalize_url

#: Start of the feed extractor's message for a well-formed feed without items.
EMPTY_FEED = "feed has no items"


class NotAFeedError(ValueError):
    """The document is not a feed (or not a sitemap); the message says what it is."""


def feed_item_links(data: bytes, base_url: str) -> list[str]:
    """Absolute item links of a feed, in document order, without duplicates.

    Args:
        data: The feed document (decoded).
        base_url: The feed's URL, for relative links.

    Returns:
        Item URLs (http(s) only).

    Raises:
        NotAFeedError: The document is not a feed with items.
    """
    try:
        items = list(extract_feed(data, source_path=base_url, url=base_url))
    except ExtractionError as exc:
        # An empty feed is a feed with nothing new, not a failure; the extractor only tells
        # it apart by its message.
        if str(exc).startswith(EMPTY_FEED):
            return []
        raise NotAFeedError(str(exc)) from exc
    except Exception as exc:  # whatever a server sends must not stop the run
        raise NotAFeedError(f"feed extractor failed: {type(exc).__name__}: {exc}") from exc
    urls = [absolute_url(item.url, base_url) for item in items if isinstance(item, Story)]
    return unique_urls(urls)


@dataclass
class SitemapLinks:
    """What a sitemap lists.

    Attributes:
        pages: Page URLs (`urlset/url/loc`).
        sitemaps: Child sitemap URLs (`sitemapindex/sitemap/loc`).
    """

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def sitemap_links(data: bytes, base_url: str) -> SitemapLinks:
    """Page and child-sitemap URLs of a sitemap or news sitemap.

    Args:
        data: The sitemap document (decoded).
        base_url: The sitemap's URL, for relative locations.

    Returns:
        The URLs, in document order, without duplicates.

    Raises:
        NotAFeedError: The document is not a sitemap.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data.lstrip(), parser, base_url=base_url)
    except etree.LxmlError as exc:
        raise NotAFeedError(f"not XML: {exc}") from exc
    if root is None:
        raise NotAFeedError("not XML")
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise NotAFeedError(f"not a sitemap (root element <{kind}>)")
    child = "url" if kind == "urlset" else "sitemap"
    found = [
        absolute_url((loc.text or "").strip(), base_url)
        for entry in root
        if isinstance(entry.tag, str) and etree.QName(entry).localname == child
        for loc in entry
        if isinstance(loc.tag, str) and etree.QName(loc).localname == "loc"
    ]
    urls = unique_urls(found)
    return SitemapLinks(pages=urls) if kind == "urlset" else SitemapLinks(sitemaps=urls)


def unique_urls(urls: list[str | None]) -> list[str]:
    """URLs in order, dropping empties and later ones equal after `normalize_url`."""
    seen: set[str] = set()
    kept = []
    for url in urls:
        key = normalize_url(url)
        if url and key and key not in seen:
            seen.add(key)
            kept.append(url)
    return kept
