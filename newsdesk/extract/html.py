"""Extract one story (or a verdict that the page is not a story) from an HTML page.

Structured data wins over guesses: JSON-LD, then OpenGraph, then meta tags and microdata, then
visible text. The body comes from trafilatura, run on the tree we parse once; related links
are typed by the block they sit in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

import htmldate
import pycountry
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from newsdesk.dates import check_published, keep_published, parse_datetime, to_utc
from newsdesk.extract.author_box import drop_author_box
from newsdesk.extract.charset import decode_html, looks_binary, repair_mojibake
from newsdesk.extract.date_text import labelled_published
from newsdesk.extract.html_authors import choose_authors, clean_authors, organisation_author
from newsdesk.extract.html_body import Body, block_paragraphs, extract_body
from newsdesk.extract.html_boilerplate import drop_furniture
from newsdesk.extract.html_byline import byline_near, headline_element
from newsdesk.extract.html_jsonld import JsonLd, types_of
from newsdesk.extract.html_lead import shown_lead
from newsdesk.extract.html_links import LinkFinder, teaser_cards
from newsdesk.extract.html_metadata import MetadataReader, PageMeta, resolve_url
from newsdesk.extract.html_text import inner_text
from newsdesk.extract.html_title import SiteNames, choose_title, shown_segment
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.model import ExtractionError, Story
from newsdesk.urls import host_of, normalize_url, url_date, url_parts
from newsdesk.words import count_words

#: Characters of HTML processed per page; the rest of a bigger page is dropped (with a note).
MAX_HTML_CHARS = 3_000_000

_HTML_MARKER = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|a|article|span|h[1-6]|table|ul|br|"
    r"section|main|script|link|img)\b",
    re.IGNORECASE,
)
_FEED_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
# Error pages say so in their heading or their few lines of text, in many languages. A "404"
# counts with an error word or alone ("Route 404 bridge" is a road), "not found" only about a
# page or alone ("Missing hiker still not found" is news).
_ERROR_TEXT = re.compile(
    r"\b(?:error|fehler|erreur|errore|erro|fout|code)\s*:?\s*40[14]\b|\b40[14]\s*(?:error|fehler|"
    r"erreur|errore|[-–—:|!(]|not\s+found|page)|^\W*40[14]\W*$|^\W*(?:not\s+found|gone)\W*$|"
    r"\b(?:page|file|article|story|content|post)\s+(?:was\s+)?not\s+found|"
    r"\bpage\s+(?:does\s+not|doesn['’]t|cannot|can['’]t|could\s+not|couldn['’]t)\s+"
    r"(?:be\s+found|exist)|"
    r"\b(?:can(?:no|['’])?t|could(?:\s*no|n['’]?)t|(?:were|are)\s+unable\s+to)\s+(?:find|locate)\s+"
    r"(?:that|this|the|your|the\s+requested)\s+(?:page|article|story|content|file)|"
    r"\b(?:page|article|story|content|file)\s+(?:\w+\s+){0,5}?(?:does\s+not|doesn['’]t|no\s+longer)"
    r"\s+exists?|"
    r"\b(?:this|the)\s+(?:page|article|story|content|post)\s+(?:has\s+been|was|is)\s+"
    r"(?:removed|deleted|taken\s+down|unpublished|withdrawn)|"
    r"\b(?:page|article|story|content|post)\s+(?:is\s+)?no\s+longer\s+available|"
    # German
    r"\b(?:seite|artikel|inhalt|beitrag)\s+(?:wurde\s+)?nicht\s+gefunden|"
    r"\b(?:seite|artikel|beitrag)\s+(?:\w+\s+){0,3}?(?:existiert|gibt\s+es)\s+(?:leider\s+)?"
    r"(?:nicht|nicht\s+mehr)\b|\bnicht\s+mehr\s+verfügbar|"
    # French
    r"\bpage\s+(?:introuvable|non\s+trouvée|inexistante)|"
    r"\b(?:page|article)\s+(?:\w+\s+){0,4}?n['’]existe\s+(?:pas|plus)|n['’]est\s+plus\s+disponible|"
    # Dutch
    r"\bpagina\s+niet\s+gevonden|\bpagina\s+(?:\w+\s+){0,4}?bestaat\s+niet|"
    r"\bniet\s+(?:meer\s+)?beschikbaar\b|"
    # Portuguese
    r"\bpágina\s+não\s+encontrada|\bpágina\s+(?:\w+\s+){0,4}?não\s+existe|"
    r"\bnão\s+está\s+mais\s+disponível|"
    # Spanish
    r"\bpágina\s+no\s+encontrada|\bpágina\s+(?:\w+\s+){0,4}?no\s+existe|"
    r"\bno\s+(?:se\s+)?(?:ha\s+)?(?:podido\s+)?encontr(?:ado|amos|ó)\s+la\s+página|"
    r"\bya\s+no\s+está\s+disponible|"
    # Italian
    r"\bpagina\s+non\s+trovata|\bpagina\s+(?:\w+\s+){0,4}?non\s+esiste|\bnon\s+è\s+più\s+disponibile",
    re.IGNORECASE | re.MULTILINE,
)
# Cookie-consent walls shown instead of the page ("Before you continue to Google").
_CONSENT_HEADING = re.compile(
    r"^\W*(?:before\s+you\s+continue(?:\s+to\s+[\w .]+)?|we\s+value\s+your\s+privacy|"
    r"your\s+privacy\s+(?:choices|matters|is\s+important(?:\s+to\s+us)?)|"
    r"(?:manage\s+)?(?:cookie|privacy)\s+(?:consent|settings|preferences|choices)|"
    r"this\s+(?:site|website)\s+uses\s+cookies|we\s+use\s+cookies|"
    r"yahoo\s+(?:ist\s+teil\s+der|is\s+part\s+of\s+the)\s+yahoo\s+(?:markenfamilie|family\s+of\s+brands)|"
    r"(?:wir\s+respektieren\s+ihre|ihre)\s+privatsphäre(?:\s+ist\s+uns\s+wichtig)?|"
    r"datenschutz-?\s*(?:einstellungen|hinweis)|cookie-?\s*einstellungen|wir\s+verwenden\s+cookies|"
    r"nous\s+respectons\s+votre\s+vie\s+privée|(?:vos\s+choix|gestion)\s+(?:des|concernant\s+les)\s+"
    r"cookies|valoramos\s+tu\s+privacidad|tu\s+privacidad\s+es\s+importante|"
    r"la\s+tua\s+privacy(?:\s+è\s+importante)?|uw\s+privacy|a\s+sua\s+privacidade)\W*$",
    re.IGNORECASE,
)
_CONSENT_BUTTON = re.compile(
    r"^\W*(?:accept(?:\s+all)?(?:\s+cookies)?|reject\s+all|i\s+agree|agree(?:\s+and\s+continue)?|"
    r"alle\s+(?:akzeptieren|ablehnen)|akzeptieren|zustimmen|tout\s+(?:accepter|refuser)|"
    r"accepter|aceptar(?:\s+todo)?|rechazar\s+todo|accetta(?:\s+tutto)?|rifiuta\s+tutto|"
    r"alles\s+accepteren|accepteren|aceitar(?:\s+tudo)?|rejeitar\s+tudo)\W*$",
    re.IGNORECASE,
)
_CONSENT_WORDS = re.compile(
    r"cookie|consent|partners?\b|personali[sz]ed|privacy|datenschutz|einwillig|personenbezogen|"
    r"vie\s+privée|consentement|privacidad|consentimiento|toestemming|privacidade",
    re.IGNORECASE,
)
_TITLE_SEGMENTS = re.compile(r"\s+[|–—:·•»]\s+|\s+-\s+|\s*::\s*")
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|topic|topics|category|categories|section|sections|archive|archives|author|"
    r"search|page/\d+|latest)(?:/|$)",
    re.IGNORECASE,
)
# A declared date this far from the URL's day is a republication or an update, not a time
# zone or an overnight filing.
_URL_DATE_SLACK = timedelta(days=7)
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
_VISIBLE_TEXT = "//body//text()[not(ancestor::script) and not(ancestor::style)]"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")
_NOT_STORIES = ("error", "home", "listing")
# A JSON-LD articleBody of at least this many words, over this many times the words found on
# the page, replaces the extracted body.
_MIN_DECLARED_WORDS = 50
_DECLARED_SHARE = 3
# huge_tree lifts libxml2's nesting limit of 256 elements, past which it silently drops the
# rest of the page (a quote nested in 252 <div>s lost a whole article). It is a size limit
# only: the HTML parser expands no custom entities.
_PARSER = HTMLParser(
    collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8", huge_tree=True
)
# An opener that is never closed swallows the rest of the page as one comment or script.
_RAW_OPENER = re.compile(r"<!--|<(script|style|title)\b[^>]*>", re.IGNORECASE)
# Where markup resumes after such an opener: the first structural tag.
_RESUMED_MARKUP = re.compile(
    r"<(?:/head|body|main|article|section|header|div|p|h[1-6]|table|ul|ol|nav|footer)\b",
    re.IGNORECASE,
)
# A recovered parse must show this many more words, and this many times as many, to win.
_RECOVERED_GAIN_WORDS = 50
_RECOVERED_GAIN = 2


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
        url: The page URL (resolves relative links; becomes `Story.url`).
        source_path: Where the page was read from (kept on the Story).
        captured_at: When the page was fetched; publication dates after it are impossible.

    Returns:
        A Story with `source_kind="html"`. Pages that are not stories (404s, home pages,
        listings) come back with their `page_type` and no body.

    Raises:
        ExtractionError: Empty, binary or non-HTML input.
    """
    notes: list[str] = []
    text = _as_text(html, notes)
    tree = _parse(text, notes)
    base = _base_url(tree, url)
    reader = MetadataReader(tree, base)
    meta = reader.read()
    notes.extend(reader.jsonld.notes)
    story = Story(url=url, source_path=source_path, source_kind="html", notes=notes)
    story.captured_at = to_utc(captured_at) if captured_at else None
    _fill_metadata(story, meta, tree, base)
    # trafilatura resolves links against the host alone and writes "//host/x" as http:;
    # the raw hrefs are resolved below against <base> and the page's own scheme instead.
    body = extract_body(tree, None)
    if body.note:
        notes.append(body.note)
    finder = LinkFinder(tree, base, [url, story.canonical_url])
    _fill_body_and_links(story, body, finder, meta.values.get("h1"))
    lead = shown_lead(headline_element(tree, story.title), story.summary, story.paragraphs)
    if lead:
        story.paragraphs.insert(0, lead)
    _fill_declared_body(story, meta.values.get("article_body"))
    page = _PageFacts.read(story, meta, tree, base, reader.jsonld)
    story.page_type = _page_type(story, meta, url, page)
    if story.page_type == "article":
        _check_canonical(story, url, page.og_url)
        if page.real_words < _MIN_BODY_WORDS:
            # Declared articles are kept with a stub (a paywall); say so, as the text is gone.
            story.notes.append(f"almost no body text found ({page.real_words} words)")
    if story.page_type not in _NOT_STORIES:
        # A 404, home page or listing keeps no authors: its bylines are not looked for.
        _fill_authors(story, meta, reader, tree, base)
        story.paragraphs = drop_author_box(story.paragraphs, story.authors)
    _fill_dates(story, meta, tree, url)
    if story.page_type in _NOT_STORIES:
        _drop_story_fields(story)
    return story


# --- input ---------------------------------------------------------------------------------


def _as_text(html: str | bytes, notes: list[str]) -> str:
    if html is None:
        raise ExtractionError("empty input: no HTML given")
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if not data.strip():
            raise ExtractionError("empty input: 0 bytes of HTML")
        if looks_binary(data):
            raise ExtractionError("binary input: not an HTML page")
        text = decode_html(data)
    else:
        text = repair_mojibake(str(html))
    if not text.strip():
        raise ExtractionError("empty input: no HTML text")
    if "\x00" in text[:4096]:
        raise ExtractionError("binary input: not an HTML page")
    if _FEED_ROOT.match(text[:4096]):
        raise ExtractionError("not HTML: the input is an RSS/Atom/RDF feed")
    if not _HTML_MARKER.search(text[:65536]):
        raise ExtractionError("not HTML: no HTML markup found")
    # Control characters are not allowed in XML; trafilatura's XML body loses every block
    # that holds one (a stray BEL in a footnote emptied a whole article).
    text = _CONTROL_CHARS.sub("", text.replace("\x0b", " ").replace("\x0c", " "))
    # One Unicode form (NFC) for all text, as the warehouse stores it: pages mix composed
    # and decomposed forms (Bengali nukta letters, Vietnamese accents).
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_HTML_CHARS:
        notes.append(f"page truncated to the first {MAX_HTML_CHARS} of {len(text)} characters")
        text = text[:MAX_HTML_CHARS]
    return text


def _parse(text: str, notes: list[str]) -> HtmlElement:
    tree = _parse_text(text)
    if any("Excessive depth" in error.message for error in _PARSER.error_log):
        # Even huge_tree stops at 2,048 levels; what follows is not in the tree.
        notes.append("page nested too deep for the parser; the text after that point is lost")
    unclosed = _unclosed_opener(text)
    resume = _resumed_markup(text, *unclosed[1:]) if unclosed else None
    if unclosed and resume is not None:
        # A dangling "<!--", <script> or <style> turns the rest of the page into one comment
        # or script; closing it where the markup resumes gets the text back.
        start, _, name = unclosed
        closer = "-->" if name == "<!--" else f"</{name}>"
        repaired = _parse_text(text[:resume] + closer + text[resume:])
        before, after = _visible_words(tree), _visible_words(repaired)
        if after >= max(before * _RECOVERED_GAIN, before + _RECOVERED_GAIN_WORDS):
            label = name if name == "<!--" else f"<{name}>"
            notes.append(
                f"unclosed {label} at character {start} hid the rest of the page; "
                "it was closed where the markup resumes"
            )
            tree = repaired
    # Ruby annotations (furigana over kanji, "子<rt>こ</rt>ども") are reading aids, not text:
    # kept, they would double every annotated word of the title and body.
    etree.strip_elements(tree, "rt", "rp", with_tail=False)
    return tree


def _parse_text(text: str) -> HtmlElement:
    try:
        tree = document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as err:
        raise ExtractionError(f"not HTML: the page does not parse ({err})") from err
    if tree is None or not len(tree):
        raise ExtractionError("not HTML: the page has no elements")
    return tree


def _unclosed_opener(text: str) -> tuple[int, int, str] | None:
    """`(start, end, name)` of the first comment, script, style or title never closed."""
    lower = text.lower()
    position = 0
    while True:
        match = _RAW_OPENER.search(text, position)
        if match is None:
            return None
        name = (match.group(1) or "").lower() or "<!--"
        close = lower.find("-->" if name == "<!--" else f"</{name}", match.end())
        if close < 0:
            return match.start(), match.end(), name
        # What sits inside a closed comment or script opens nothing.
        position = close


def _resumed_markup(text: str, position: int, name: str) -> int | None:
    while True:
        match = _RESUMED_MARKUP.search(text, position)
        if match is None:
            return None
        # "var tag = '<p>';" in a script is a string, not the page's markup.
        if name == "<!--" or text[match.start() - 1 : match.start()] not in ("'", '"'):
            return match.start()
        position = match.end()


def _visible_words(tree: HtmlElement) -> int:
    return sum(len(t.split()) for t in tree.xpath(_VISIBLE_TEXT))


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
    story.language = _language(values.get("language"))
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


def _language(value: str | None) -> str | None:
    if not value:
        return None
    primary = re.split(r"[-_\s,;]", value.strip())[0].lower()
    if re.fullmatch(r"[a-z]{2}", primary):
        return primary
    # Three letters are an ISO 639-2/3 code only if known ("utf" from "utf-8" is not).
    if re.fullmatch(r"[a-z]{3}", primary) and pycountry.languages.get(alpha_3=primary):
        return primary
    return None


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
    texts = [" ".join(t.split()) for t in tree.xpath(_VISIBLE_TEXT)]
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


# --- page type -----------------------------------------------------------------------------


@dataclass
class _PageFacts:
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
    ) -> _PageFacts:
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
            _CONSENT_BUTTON.match(text)
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


def _page_type(story: Story, meta: PageMeta, url: str | None, page: _PageFacts) -> str:
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
    if not article and evidence and any(_is_home_address(a) for a in addresses):
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
        return "home" if any(_is_home_address(a) for a in addresses) else "listing"
    if page.declared_article:
        return "article"
    if page.real_words < (_MIN_DATED_WORDS if dated else _MIN_ARTICLE_WORDS):
        return "listing" if teaser_links >= _MIN_CARDS else "other"
    return "article"


def _is_error(story: Story, page: _PageFacts) -> bool:
    # A declared article with a body of its own is news, whatever its headline says
    # ("Missing hiker still not found"); teasers on a 404 page are no body of its own.
    if page.real_words >= _MIN_ARTICLE_WORDS * 2 or (
        page.declared_article and page.real_words >= _MIN_ARTICLE_WORDS
    ):
        return False
    texts = list(page.headings)
    if page.real_words < _MIN_ARTICLE_WORDS:
        texts += story.paragraphs[:3]
    return any(_ERROR_TEXT.search(text) for text in texts)


def _is_consent(story: Story, page: _PageFacts) -> bool:
    if any(_CONSENT_HEADING.match(h) for h in page.headings):
        return True
    if not page.consent_buttons or not story.paragraphs:
        return False
    about = sum(count_words(p) for p in story.paragraphs if _CONSENT_WORDS.search(p))
    return about * 2 >= page.words


def _is_home_address(address: str) -> bool:
    """Whether `address` is a site's root (`/`), not an item named by its query (`/?p=5031`)."""
    parts = url_parts(address)
    if parts is None or parts.path not in ("", "/"):
        return False
    normal = url_parts(normalize_url(address) or "")
    names_item = bool(normal and normal.query)
    return not names_item


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
    if _is_home_address(address):
        return "is the site's home page"
    if _LISTING_ADDRESS.search(parts.path) and url_date(address) is None:
        return "is a listing page"
    return None


def _drop_story_fields(story: Story) -> None:
    # A 404, home page or listing is not a story: keep what identifies the page, invent nothing.
    story.paragraphs = []
    story.authors = []
    story.published_at = None
    story.published_precision = None
    for name in ("paragraphs", "authors", "published_at"):
        story.provenance.pop(name, None)
