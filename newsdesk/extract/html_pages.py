"""What kind of page an HTML page is: an article, or a home, listing, error or consent page.

Pages that are not stories must not become stories. The rules read what the page declares
(og:type, JSON-LD types, its canonical address) and what it shows (teaser cards, error
wording, consent buttons), and keep a page whose canonical URL names the site's home from
giving its story the home page's identity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsdesk.extract.html_jsonld import JsonLd, types_of
from newsdesk.extract.html_links import teaser_cards
from newsdesk.extract.html_metadata import PageMeta, resolve_url
from newsdesk.extract.textdump_labels import (
    CONSENT_BUTTONS,
    CONSENT_HEADING,
    CONSENT_TERMS,
    ERROR_TEXT,
    fold,
)
from newsdesk.model import Story
from newsdesk.urls import is_site_root, normalize_url, url_date, url_parts
from newsdesk.words import count_words

_TITLE_SEGMENTS = re.compile(r"\s+[|–—:·•»]\s+|\s+-\s+|\s*::\s*")
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|topic|topics|category|categories|section|sections|archive|archives|author|"
    r"search|page/\d+|latest)(?:/|$)",
    re.IGNORECASE,
)
_ARTICLE_OG_TYPES = ("article", "news", "blog")
_MIN_ARTICLE_WORDS = 80
# A story at a dated address may be a short brief, but not a line or two (a 404 at the
# address of a deleted story).
_MIN_DATED_WORDS = 40
# An article body shorter than this is noted as (almost) missing.
_MIN_BODY_WORDS = 20
# This many teaser cards make a page a stream of them: a home, section, tag or search page.
_MIN_CARDS = 8
# JSON-LD node types that describe a site or a collection, not one story.
_COLLECTION_LD = frozenset({"WebSite", "CollectionPage", "SearchResultsPage", "ItemList"})
# The canonical URL of a listing: "/tag/x", "/category/politics/", "/page/2", "/search".
_LISTING_ADDRESS = re.compile(
    r"/(?:(?:tags?|topics?|category|categories|sections?|authors?)(?:/[^/]+)?|archives?|search|"
    r"latest|page/\d+)/?$",
    re.IGNORECASE,
)


@dataclass
class PageFacts:
    """What a page shows and declares about its own kind, read once for the page-type rules.

    Attributes:
        words: Words of the body.
        real_words: Words of the body outside teaser cards (headline, snippet, date).
        cards: Teaser cards on the page.
        headings: The tab title and its segments, the `<h1>` and the first heading.
        og_type: The declared og:type, lower-cased.
        og_url: The declared og:url, made absolute.
        declared_article: JSON-LD or og:type says the page is an article.
        declared_collection: og:type=website, or JSON-LD declares a site or collection page
            and no article.
        consent_buttons: The page has an "Accept all" / "Alle akzeptieren" style button.
    """

    words: int
    real_words: int
    cards: int
    headings: list[str]
    og_type: str
    og_url: str | None
    declared_article: bool
    declared_collection: bool
    consent_buttons: bool

    @classmethod
    def read(
        cls, story: Story, meta: PageMeta, tree: HtmlElement, base: str | None, jsonld: JsonLd
    ) -> PageFacts:
        """Read the facts of one page from its story so far, metadata and tree."""
        og_urls = tree.xpath('//meta[@property="og:url"]/@content')
        og_url = resolve_url(og_urls[0].strip(), base) if og_urls else None
        cards = teaser_cards(tree, base, [story.url, story.canonical_url, og_url])
        words = sum(count_words(p) for p in story.paragraphs)
        # Compared without spaces: a card's text runs its headline into its snippet.
        card_text = "\n".join("".join(card.split()) for card in cards)
        teaser_words = sum(
            count_words(p) for p in story.paragraphs if cards and "".join(p.split()) in card_text
        )
        og_type = str(meta.values.get("og_type") or "").strip().lower()
        ld_types = {t for node in jsonld.nodes for t in types_of(node)}
        declared_article = bool(meta.values.get("ld_article")) or og_type.startswith(
            _ARTICLE_OG_TYPES
        )
        collection = og_type == "website" or bool(meta.values.get("ld_listing"))
        if jsonld.article is None and jsonld.page is None and ld_types & _COLLECTION_LD:
            collection = True
        title = str(meta.values.get("page_title") or "")
        first = tree.xpath("(//body//h1 | //body//h2 | //body//h3)[1]")
        headings = [
            title,
            *_TITLE_SEGMENTS.split(title),
            str(meta.values.get("h1") or ""),
            " ".join(first[0].text_content().split()) if first else "",
        ]
        buttons = any(
            fold(text) in CONSENT_BUTTONS
            for el in tree.iter("button", "a", "input")
            for text in (el.text_content() if el.tag != "input" else el.get("value") or "",)
            if len(text) < 40
        )
        return cls(
            words=words,
            real_words=words - teaser_words,
            cards=len(cards),
            headings=[h for h in headings if h.strip()],
            og_type=og_type,
            og_url=og_url,
            declared_article=declared_article,
            declared_collection=collection,
            consent_buttons=buttons,
        )


def page_type(story: Story, meta: PageMeta, url: str | None, page: PageFacts) -> str:
    """What kind of page this is: `error`, `other` (a consent wall), `home`, `listing`, `article`.

    Args:
        story: The story read so far (title, body, links, canonical URL).
        meta: The page's metadata.
        url: The URL the page was fetched from, when known (a saved page's own record of
            its address does not type it: saved at a site's root, it may show one article).
        page: The facts `PageFacts.read` gathered.

    Returns:
        One of `newsdesk.model.PAGE_TYPES`.
    """
    if _is_error(story, page):
        return "error"
    if not page.declared_article and _is_consent(story, page):
        # A cookie wall shown instead of the page is no story; "other" is what the warehouse
        # rejects such pages as.
        return "other"
    # A saved page (no URL) is placed by the address it declares for itself.
    addresses = [url] if url else [a for a in (story.canonical_url, page.og_url) if a]
    dated = any(url_date(a) is not None for a in addresses)
    article = page.declared_article or dated
    # Without the fetched URL, a declared address is trusted to name a home or listing page
    # only when something else agrees: a website og:type, JSON-LD, teasers or little text.
    evidence = bool(url) or (
        page.declared_collection or page.cards >= _MIN_CARDS or page.real_words < _MIN_ARTICLE_WORDS
    )
    if not article and evidence and any(is_site_root(a) for a in addresses):
        return "home"
    listing_path = any(
        (parts := url_parts(a)) and parts.path and _LISTING_PATH.search(parts.path)
        for a in addresses
    )
    if not article and (meta.values.get("ld_listing") or (listing_path and evidence)):
        return "listing"
    teaser_links = sum(1 for link in story.links if link.kind != "inline")
    stream = page.cards >= _MIN_CARDS and page.real_words < _MIN_ARTICLE_WORDS * 2
    if not article and stream and page.words - page.real_words > page.real_words:
        # Many short blocks of headline, snippet and date: their words are not an article's.
        return "home" if any(is_site_root(a) for a in addresses) else "listing"
    if page.declared_article:
        return "article"
    if page.real_words < (_MIN_DATED_WORDS if dated else _MIN_ARTICLE_WORDS):
        return "listing" if teaser_links >= _MIN_CARDS else "other"
    return "article"


def _is_error(story: Story, page: PageFacts) -> bool:
    # A declared article with a body of its own is news, whatever its headline says
    # ("Missing hiker still not found"); teasers on a 404 page are no body of its own.
    if page.real_words >= _MIN_ARTICLE_WORDS * 2 or (
        page.declared_article and page.real_words >= _MIN_ARTICLE_WORDS
    ):
        return False
    texts = list(page.headings)
    if page.real_words < _MIN_ARTICLE_WORDS:
        texts += story.paragraphs[:3]
    return any(ERROR_TEXT.search(text) for text in texts)


def _is_consent(story: Story, page: PageFacts) -> bool:
    if any(CONSENT_HEADING.match(h.strip()) for h in page.headings):
        return True
    if not page.consent_buttons or not story.paragraphs:
        return False
    about = sum(count_words(p) for p in story.paragraphs if CONSENT_TERMS.search(p))
    return about * 2 >= page.words


def _check_canonical(story: Story, url: str | None, og_url: str | None) -> None:
    """Drop a canonical URL naming the site's home or a listing from an article page.

    A CMS that writes the home page or a section as every article's canonical URL would
    otherwise give all its stories one identity. og:url takes its place when it names the
    story; else the story is known by its URL, or by outlet, title and day.
    """
    reason = _not_a_story_address(story.canonical_url, url)
    if reason is None:
        return
    story.notes.append(f"canonical URL {story.canonical_url} {reason}; ignored")
    story.canonical_url = None
    story.provenance.pop("canonical_url", None)
    if og_url and _not_a_story_address(og_url, url) is None:
        story.canonical_url = og_url
        story.provenance["canonical_url"] = "opengraph"


def _not_a_story_address(address: str | None, url: str | None) -> str | None:
    parts = url_parts(address)
    if not address or parts is None:
        return None
    if url and normalize_url(address) == normalize_url(url):
        return None
    if is_site_root(address):
        return "is the site's home page"
    if _LISTING_ADDRESS.search(parts.path) and url_date(address) is None:
        return "is a listing page"
    return None


def check_article(story: Story, url: str | None, page: PageFacts) -> None:
    """Checks on a page found to be an article: its canonical URL and its body's length.

    Args:
        story: The article, changed in place (canonical URL, notes).
        url: The page's own URL, when known.
        page: The page's facts.
    """
    _check_canonical(story, url, page.og_url)
    if page.real_words < _MIN_BODY_WORDS:
        # Declared articles are kept with a stub (a paywall); say so, as the text is gone.
        story.notes.append(f"almost no body text found ({page.real_words} words)")
