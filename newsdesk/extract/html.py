"""Extract one story (or a verdict that the page is not a story) from an HTML page.

Structured data wins over guesses: JSON-LD, then OpenGraph, then meta tags and microdata, then
visible text. The body comes from trafilatura, run on the tree we parse once; related links
are typed by the block they sit in.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import htmldate
from lxml import etree
from lxml.html import HtmlElement

from newsdesk.dates import check_published, keep_published, parse_datetime, to_utc
from newsdesk.extract.author_box import drop_author_box
from newsdesk.extract.date_text import labelled_published
from newsdesk.extract.html_authors import choose_authors, clean_authors, organisation_author
from newsdesk.extract.html_body import Body, block_paragraphs, extract_body
from newsdesk.extract.html_boilerplate import drop_furniture
from newsdesk.extract.html_byline import byline_near, headline_element
from newsdesk.extract.html_lead import shown_lead
from newsdesk.extract.html_links import LinkFinder
from newsdesk.extract.html_metadata import MetadataReader, PageMeta, resolve_url
from newsdesk.extract.html_pages import PageFacts, check_article, page_type
from newsdesk.extract.html_parse import VISIBLE_TEXT, page_text, parse_page
from newsdesk.extract.html_saved import saved_from_url
from newsdesk.extract.html_text import inner_text
from newsdesk.extract.html_title import SiteNames, choose_title, shown_segment
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.model import ExtractionError, Story
from newsdesk.normalise import language_code
from newsdesk.urls import host_of, url_date, url_parts
from newsdesk.words import count_words

# A declared date this far from the URL's day is a republication or an update, not a time
# zone or an overnight filing.
_URL_DATE_SLACK = timedelta(days=7)
_NOT_STORIES = ("error", "home", "listing")
# A JSON-LD articleBody of at least this many words, over this many times the words found on
# the page, replaces the extracted body.
_MIN_DECLARED_WORDS = 50
_DECLARED_SHARE = 3


def extract_html(
    html: str | bytes,
    *,
    url: str | None = None,
    source_path: str | None = None,
    captured_at: datetime | None = None,
) -> Story:
    """Extract a story from one HTML page.

    Args:
        html: The page, as text or raw bytes (bytes are decoded with `decode_html`).
        url: The page URL (resolves relative links; becomes `Story.url`). Without it, the
            address a browser wrote into the page it saved is used.
        source_path: Where the page was read from (kept on the Story).
        captured_at: When the page was fetched; publication dates after it are impossible.

    Returns:
        A Story with `source_kind="html"`. Pages that are not stories (404s, home pages,
        listings) come back with their `page_type` and no body.

    Raises:
        ExtractionError: Empty, binary or non-HTML input.
    """
    notes: list[str] = []
    text = page_text(html, notes)
    # A page saved from a browser names its address ("saved from url"), which the user who
    # ingests the file rarely passes on. It dates the page and resolves its links; it does
    # not type it (saved at a site's root, a page may show one article in full).
    address = url or saved_from_url(text)
    tree = parse_page(text, notes)
    base = _base_url(tree, address)
    reader = MetadataReader(tree, base)
    meta = reader.read()
    notes.extend(reader.jsonld.notes)
    story = Story(url=address, source_path=source_path, source_kind="html", notes=notes)
    story.captured_at = to_utc(captured_at) if captured_at else None
    _fill_metadata(story, meta, tree, base)
    # trafilatura resolves links against the host alone and writes "//host/x" as http:;
    # the raw hrefs are resolved below against <base> and the page's own scheme instead.
    body = extract_body(tree, None)
    if body.note:
        notes.append(body.note)
    finder = LinkFinder(tree, base, [address, story.canonical_url])
    _fill_body_and_links(story, body, finder, meta.values.get("h1"))
    lead = shown_lead(headline_element(tree, story.title), story.summary, story.paragraphs)
    if lead:
        story.paragraphs.insert(0, lead)
    _fill_declared_body(story, meta.values.get("article_body"))
    page = PageFacts.read(story, meta, tree, base, reader.jsonld)
    story.page_type = page_type(story, meta, url, page)
    if story.page_type == "article":
        check_article(story, url, page)
    if story.page_type not in _NOT_STORIES:
        # A 404, home page or listing keeps no authors: its bylines are not looked for.
        _fill_authors(story, meta, reader, tree, base)
        story.paragraphs = drop_author_box(story.paragraphs, story.authors)
    _fill_dates(story, meta, tree, address)
    if story.page_type in _NOT_STORIES:
        _drop_story_fields(story)
    return story


def _base_url(tree: HtmlElement, url: str | None) -> str | None:
    bases = tree.xpath("//base/@href")
    if bases:
        resolved = resolve_url(bases[0], url)
        if resolved:
            return resolved
    if url:
        return url
    # A saved page without its address still names it: relative links resolve against the
    # canonical URL or og:url (the host is what matters, and those name it).
    for declared in tree.xpath(
        '//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'
    ):
        parts = url_parts(declared.strip())
        if parts and parts.scheme in ("http", "https") and parts.netloc:
            return declared.strip()
    return None


# --- fields --------------------------------------------------------------------------------


def _fill_metadata(story: Story, meta: PageMeta, tree: HtmlElement, base: str | None) -> None:
    values, prov = meta.values, meta.provenance
    story.outlet = values.get("outlet")
    story.canonical_url = resolve_url(values.get("canonical"), base)
    story.image_url = resolve_url(values.get("image"), base)
    story.summary = values.get("summary")
    story.section = _first_of(values.get("section"))
    story.tags = list(values.get("tags") or [])
    language = values.get("language")
    story.language = language_code(language) if isinstance(language, str) else None
    story.authors = list(values.get("authors") or [])
    sites = SiteNames([story.outlet, *meta.site_names], [host_of(base)], meta.logo_names)
    story.title, title_source = choose_title(meta.titles, sites)
    if story.title and title_source != "text":
        story.title = shown_segment(story.title, tree) or story.title
    for name, key in (
        ("outlet", "outlet"),
        ("canonical_url", "canonical"),
        ("image_url", "image"),
        ("summary", "summary"),
        ("section", "section"),
        ("tags", "tags"),
        ("language", "language"),
        ("authors", "authors"),
    ):
        if getattr(story, name):
            story.provenance[name] = prov[key]
    if story.title and title_source:
        story.provenance["title"] = title_source


def _fill_authors(
    story: Story, meta: PageMeta, reader: MetadataReader, tree: HtmlElement, base: str | None
) -> None:
    outlets = [story.outlet, *meta.site_names, host_of(base)]
    # The byline printed under the headline votes with the declared authors.
    byline = byline_near(
        headline_element(tree, story.title), lambda raw: bool(clean_authors([raw], outlets))
    )
    sources = [*meta.author_sources, ("text", byline)] if byline else meta.author_sources
    names, source = choose_authors(sources, outlets)
    if not names:
        # An Organization named as author counts only when no source names a person.
        names, source = choose_authors(
            [("jsonld", meta.organisation_authors)], outlets, organisations=True
        )
    if not names:
        names, source = reader.fallback_authors(), "text"
    if not names:
        names, source = clean_authors(_visible_text_authors(tree), outlets), "heuristic"
    if not names:
        # "BBC News" as the declared author: the outlet credits itself.
        names, source = organisation_author(meta.author_sources)
    story.authors = names
    story.provenance.pop("authors", None)
    if names:
        story.provenance["authors"] = source


def _visible_text_authors(tree: HtmlElement) -> list[str]:
    """Authors the text-dump reader finds in the page's visible text (markup naming no one).

    It reads bylines by their wording and place: "Veröffentlicht von X", a name over the
    dateline, "Autor: x".
    """
    # A "By ..." in a reader's comment is not the story's byline.
    text = inner_text(tree, comments=False)
    if not text:
        return []
    try:
        return extract_text_dump(text).authors
    except ExtractionError:
        return []


def _first_of(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def _fill_body_and_links(story: Story, body: Body, finder: LinkFinder, h1: str | None) -> None:
    finder.inline(body.refs)
    consumed = finder.also_read(body.blocks)
    finder.prev_next()
    finder.blocks()
    paragraphs: list[str] = []
    for i, block in enumerate(body.blocks):
        if id(block) in consumed or block.tag == "graphic":
            continue
        for paragraph in block_paragraphs(block):
            # The headline repeated at the top of the body is not body text.
            if i < 3 and not paragraphs and _is_headline(paragraph, [story.title, h1]):
                continue
            paragraphs.append(paragraph)
    story.paragraphs = drop_furniture(paragraphs)
    story.links = finder.result()
    if paragraphs:
        story.provenance["paragraphs"] = "heuristic"
    if story.links:
        story.provenance["links"] = "heuristic"


def _fill_declared_body(story: Story, declared: list[str] | None) -> None:
    # A page that ships its text only in JSON-LD (a paywall or a script renders the visible
    # copy) leaves the extractor a stub; the declared articleBody, in its paragraphs, is then
    # the body.
    if not declared:
        return
    found = sum(count_words(p) for p in story.paragraphs)
    words = sum(count_words(p) for p in declared)
    # trafilatura falls back to the same articleBody itself, run into one paragraph.
    same = len(story.paragraphs) == 1 < len(declared) and story.paragraphs[0] == " ".join(declared)
    if words >= _MIN_DECLARED_WORDS and (found * _DECLARED_SHARE < words or same):
        story.paragraphs = drop_furniture(declared)
        story.provenance["paragraphs"] = "jsonld"


def _is_headline(text: str, headlines: list[str | None]) -> bool:
    key = re.sub(r"\W+", "", text.lower())
    return any(h and key == re.sub(r"\W+", "", h.lower()) for h in headlines)


def _fill_dates(story: Story, meta: PageMeta, tree: HtmlElement, url: str | None) -> None:
    parsed, source = _declared_published(meta)
    impossible = check_published(parsed[0], story.captured_at)[1] if parsed else None
    if impossible:
        # An impossible declared date is reported and dropped, not replaced by a guess.
        story.notes.append(impossible)
        _fill_modified(story, meta)
        return
    from_url = url_date(url) or url_date(story.canonical_url)
    if from_url and parsed is None:
        parsed, source = from_url, "url"
    elif from_url and abs(parsed[0] - from_url[0]) > _URL_DATE_SLACK:
        # A date in the URL is fixed when the story is first filed; a declared date far from
        # it belongs to a republication or an update.
        story.notes.append(
            f"declared publication date {parsed[0].date()} disagrees with the URL's "
            f"{from_url[0].date()}; the URL date is kept"
        )
        parsed, source = from_url, "url"
    if parsed is None and story.page_type == "article":
        parsed, source = _labelled_date(tree), "text"
    if parsed is None and story.page_type == "article":
        parsed, source = _htmldate(tree, url, story.captured_at), "heuristic"
    if parsed:
        keep_published(story, parsed, source)
    _fill_modified(story, meta)


def _fill_modified(story: Story, meta: PageMeta) -> None:
    modified = parse_datetime(str(meta.values["modified"])) if meta.values.get("modified") else None
    if modified:
        story.modified_at = modified[0]
        story.provenance["modified_at"] = meta.provenance["modified"]


def _declared_published(meta: PageMeta) -> tuple[tuple[datetime, str] | None, str | None]:
    # The most trusted declared date that parses (a garbled JSON-LD date gives way to OG).
    day_first = _writes_day_first(meta.values.get("language"))
    for raw, provenance in meta.published:
        parsed = parse_datetime(raw, day_first=day_first)
        if parsed:
            return parsed, provenance
    return None, None


def _writes_day_first(language: object) -> bool:
    """Whether a page in `language` writes "01-11-2023" day first: all but US English do."""
    tag = str(language or "").strip().lower().replace("_", "-")
    return bool(tag) and tag != "en" and not tag.startswith("en-us")


def _labelled_date(tree: HtmlElement) -> tuple[datetime, str] | None:
    """A visible "Published: ..." / "Written: ..." date, when the page declares none."""
    texts = [" ".join(t.split()) for t in tree.xpath(VISIBLE_TEXT)]
    texts = [t for t in texts if t]
    for i, text in enumerate(texts):
        # "<span>Published:</span> <time>3 Dec 2019</time>": a label and its date in two nodes.
        following = f"{text} {texts[i + 1]}" if i + 1 < len(texts) else text
        found = labelled_published(text) or labelled_published(following)
        if found:
            return found
    return None


def _htmldate(tree: HtmlElement, url: str | None, captured: datetime | None):
    try:
        found = htmldate.find_date(
            tree,
            url=url,
            original_date=True,
            extensive_search=True,
            max_date=captured.strftime("%Y-%m-%d") if captured else None,
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError):
        return None
    parsed = parse_datetime(found) if found else None
    if parsed and (parsed[0].month, parsed[0].day) == (1, 1):
        # htmldate turns a bare year (a copyright line) into 1 January: not a day.
        return None
    return parsed


def _drop_story_fields(story: Story) -> None:
    # A 404, home page or listing is not a story: keep what identifies the page, invent nothing.
    story.paragraphs = []
    story.authors = []
    story.published_at = None
    story.published_precision = None
    for name in ("paragraphs", "authors", "published_at"):
        story.provenance.pop(name, None)
