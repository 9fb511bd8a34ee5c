"""Typed related links of a story page.

Inline links, "also read" lines, previous/next navigation and teaser blocks recognised by
their heading ("More from X", "Most read", "Related stories").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsdesk.extract.html_metadata import resolve_url
from newsdesk.extract.textdump_labels import ALSO_READ_LABELS
from newsdesk.model import RelatedLink
from newsdesk.urls import normalize_url

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "header", "legend", "caption"})
_HEADING_CLASS = re.compile(r"head|title|label|caption|kicker|rubric", re.I)
_MAX_HEADING_CHARS = 60
_MAX_BLOCK_LINKS = 30
_MAX_BLOCK_CHARS = 8000
_MAX_LINE_CHARS = 300

_NOT_A_SECTION = (
    r"(?!this\b|these\b|that\b|our\b|around\b|across\b|elsewhere\b|the web\b|partners?\b|"
    r"the author\b|author\b|you\b|similar\b)"
)
_SECTION_LATEST = re.compile(
    r"^(?:the\s+)?(?:latest|more|newest|recent|top)\s+"
    r"(?:news\s+|stories\s+|articles\s+|headlines\s+|posts\s+)?(?:from|in)\s+(?:the\s+)?"
    + _NOT_A_SECTION
    + r"(.{2,40})$",
    re.I,
)
_RECOMMENDED = re.compile(
    r"^(?:don'?t\s+miss|must\s+reads?|most\s+(?:read|popular|viewed|shared|commented|watched)|"
    r"editors?'?s?\s+(?:picks?|choice)|(?:staff|our|top)\s+picks|trending(?:\s+\w+){0,2}|"
    r"recommended(?:\s+for\s+you|\s+stories|\s+articles|\s+reading)?|popular(?:\s+\w+){0,2}|"
    r"top\s+stories|what'?s\s+hot|hot\s+(?:stories|topics)|you\s+may\s+have\s+missed|"
    r"picked\s+for\s+you|featured(?:\s+stories|\s+articles)?)$",
    re.I,
)
_RELATED = re.compile(
    r"^(?:related(?:\s+\w+){0,2}|see\s+also|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested\s+in)|more\s+(?:stories|articles|news|posts|reading|"
    r"coverage|like\s+this|to\s+explore|on\s+this(?:\s+story|\s+topic)?|about\s+.{2,30}|"
    r"from\s+.{2,40}|in\s+.{2,40})|further\s+reading|read\s+next|what\s+to\s+read\s+next|"
    r"up\s+next|other\s+stories|similar\s+(?:articles|stories|posts)|also\s+on\s+.{2,30}|"
    r"in\s+other\s+news|keep\s+reading)$",
    re.I,
)
_NOT_STORIES = re.compile(r"^related\s+(?:topics?|tags?|searches|terms|keywords)$", re.I)
# "Also read" lines: an English label, or one in another language ("Czytaj też:", "À lire
# aussi »", "Lesen Sie hier:") that needs its separator, since such words also open sentences.
_ALSO_READ = re.compile(
    r"^\s*(?:(?:also\s+read|read\s+also|read\s+more|see\s+also|more\s+on\s+this)\s*[:\-–—|»>]?"
    r"|(?:read|related|more|watch|listen|recommended|see)\s*[:\-–—|»>]"
    rf"|(?:{ALSO_READ_LABELS}|lesen\s+sie\s+(?:hier|mehr|dazu)|weiterlesen|(?:mehr\s+)?zum\s+thema|"
    r"dowiedz\s+si[ęe]\s+wi[ęe]cej|czytaj\s+wi[ęe]cej|voir\s+aussi|siehe\s+auch|auch\s+lesen|"
    r"lea|mir[ae]|puedes\s+ver|le\s+puede\s+interesar)\s*[:|»>]+)\s*",
    re.I,
)
# Anchors that navigate ("View more", "Continue reading") rather than name a story.
_NAVIGATION = re.compile(
    r"^(?:(?:continue\s+reading|read\s+more|(?:view|see|show|load)\s+(?:more|all)|click\s+here)\b"
    r"|(?:more|here|home|next|previous|back\s+to\s+top)\W*$)",
    re.I,
)
#: Arrows and separators around navigation labels ("← Previous story", "Next article »").
_NAV_MARKS = " :«»‹›<>-–—|←→↑↓⟵⟶·•"
_PREV_LABEL = re.compile(r"^(?:previous|prev|older)\s+(?:article|post|story|entry|item)\b", re.I)
_NEXT_LABEL = re.compile(r"^(?:next|newer)\s+(?:article|post|story|entry|item)\b", re.I)


@dataclass
class _Found:
    order: int
    link: RelatedLink


def _text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def classify_heading(text: str) -> tuple[str, str | None] | None:
    """The link kind (and section) a block heading announces, or None.

    Args:
        text: Visible heading text ("More from Politics", "Most read", "Related stories").

    Returns:
        `(kind, section)` or None when the heading does not announce story links.
    """
    text = text.strip(" :»›>-–—|•·\u00a0").strip()
    if not text or len(text) > _MAX_HEADING_CHARS or _NOT_STORIES.match(text):
        return None
    latest = _SECTION_LATEST.match(text)
    if latest:
        return "section_latest", latest.group(1).strip(" -–—")
    if _RECOMMENDED.match(text):
        return "recommended", None
    if _RELATED.match(text):
        return "related", None
    return None


class LinkFinder:
    """Finds the related links of one page; build it once per parsed tree."""

    def __init__(self, tree: HtmlElement, base: str | None, self_urls: list[str | None]) -> None:
        """Index the anchors of `tree`; links to any of `self_urls` are ignored."""
        self.tree = tree
        self.base = base
        self.self_keys = {normalize_url(u) for u in self_urls if u}
        self.order: dict[HtmlElement, int] = {}
        self.first_by_url: dict[str, int] = {}
        for i, a in enumerate(tree.iter("a")):
            self.order[a] = i
            url = resolve_url(a.get("href"), base)
            if url:
                self.first_by_url.setdefault(url, i)
        self.found: list[_Found] = []
        self.seen: set[tuple[str, str]] = set()

    # --- helpers -----------------------------------------------------------------------

    def _add(
        self,
        kind: str,
        a: HtmlElement | None,
        url: str | None,
        title: str | None,
        order: int,
        snippet: str | None = None,
        section: str | None = None,
    ) -> bool:
        if a is not None:
            url = resolve_url(a.get("href"), self.base)
        key = normalize_url(url)
        if not url or not key or key in self.self_keys or (kind, key) in self.seen:
            return False
        if title and _NAVIGATION.match(title):
            return False
        self.seen.add((kind, key))
        link = RelatedLink(
            kind=kind,
            position=0,
            title=title or None,
            url=url,
            snippet=snippet or None,
            section=section,
        )
        self.found.append(_Found(order, link))
        return True

    # --- kinds -------------------------------------------------------------------------

    def inline(self, refs: list[tuple[str, str]]) -> None:
        """Record links found inside body paragraphs as `(href, anchor text)` pairs."""
        for href, text in refs:
            url = resolve_url(href, self.base)
            if url and text:
                self._add("inline", None, url, text, self.first_by_url.get(url, 10**6))

    def also_read(self, paragraphs: list[HtmlElement]) -> set[int]:
        """Record "Also read: ..." lines; returns ids of the body blocks that were such lines."""
        consumed: set[int] = set()
        candidates = list(self.tree.iter("p", "li", "div", "h4", "h5", "strong"))
        for el in candidates:
            self._also_read_line(el)
        for el in paragraphs:
            text = _text(el)
            if (
                _ALSO_READ.match(text)
                and len(text) <= _MAX_LINE_CHARS
                and el.find(".//ref") is not None
            ):
                consumed.add(id(el))
                for ref in el.iter("ref"):
                    url = resolve_url(ref.get("target"), self.base)
                    self._add(
                        "also_read", None, url, _text(ref), self.first_by_url.get(url or "", 10**6)
                    )
        return consumed

    def _also_read_line(self, el: HtmlElement) -> None:
        # Cheap test on the first piece of text before reading the whole element.
        first = next((t for t in el.itertext() if t.strip()), "")
        if not _ALSO_READ.match(first) and not _ALSO_READ.match(first + " :"):
            return
        text = _text(el)
        if not text or len(text) > _MAX_LINE_CHARS or not _ALSO_READ.match(text):
            return
        anchors = [a for a in el.iter("a") if a.get("href")]
        if not 1 <= len(anchors) <= 3:
            return
        for a in anchors:
            title = _text(a)
            if len(title) >= 8:
                self._add("also_read", a, None, title, self.order.get(a, 0))

    def prev_next(self) -> None:
        """Record previous/next story navigation (rel=prev/next anchors, labelled blocks)."""
        for a in self.tree.iter("a"):
            rel = (a.get("rel") or "").lower().split()
            kind = "previous_story" if "prev" in rel else "next_story" if "next" in rel else None
            if kind:
                self._add_nav(kind, a)
        # Labels such as "Previous article" sit in the link or just before it; only an
        # element's own leading text is tested, which keeps this linear in the page size.
        for el in self.tree.iter():
            label = (el.text or "").strip(_NAV_MARKS)
            if not label:
                continue
            kind = (
                "previous_story"
                if _PREV_LABEL.match(label)
                else "next_story"
                if _NEXT_LABEL.match(label)
                else None
            )
            a = self._labelled_anchor(el) if kind else None
            if a is not None:
                self._add_nav(kind, a)

    def _labelled_anchor(self, el: HtmlElement) -> HtmlElement | None:
        if el.tag == "a":
            return el
        for ancestor in el.iterancestors("a"):
            return ancestor
        parent = el.getparent()
        if parent is None:
            return None
        for _ in range(2):
            for a in parent.iter("a"):
                if self.order.get(a, -1) >= 0 and a.get("href"):
                    return a
            parent = parent.getparent()
            if parent is None:
                return None
        return None

    def _add_nav(self, kind: str, a: HtmlElement) -> None:
        text = _text(a).strip(_NAV_MARKS)
        title = _PREV_LABEL.sub("", _NEXT_LABEL.sub("", text)).strip(_NAV_MARKS)
        if not title:
            # A bare "← Previous story" link: the URL still names the story (and resolves it
            # in the warehouse); the label is not its title.
            self._add(kind, a, None, (a.get("title") or "").strip() or None, self.order.get(a, 0))
            return
        if self._storyish(text):
            self._add(kind, a, None, title, self.order.get(a, 0))

    @staticmethod
    def _storyish(text: str) -> bool:
        # Pagination ("2", "Next »", "Next page") is not a story link.
        words = re.sub(
            r"(?i)^(previous|prev|older|next|newer)\s+(article|post|story|entry|item)", "", text
        )
        return len(words.split()) >= 2 and not re.fullmatch(
            r"(?i)[\W\d]*(page|pages)?[\W\d]*", words
        )

    def blocks(self) -> None:
        """Record teaser blocks announced by a heading ("More from X", "Most read", ...)."""
        done: set[HtmlElement] = set()
        for heading in self._headings():
            verdict = classify_heading(_text(heading))
            if verdict is None:
                continue
            container = self._container(heading)
            if container is None or container in done:
                continue
            done.add(container)
            kind, section = verdict
            self._block_links(container, heading, kind, section)

    def _headings(self):
        for el in self.tree.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in _HEADING_TAGS:
                yield el
            elif tag in (
                "div",
                "span",
                "p",
                "strong",
                "b",
                "a",
                "button",
            ) and _HEADING_CLASS.search(el.get("class", "")):
                text = el.text_content()
                if len(text) <= _MAX_HEADING_CHARS * 2:
                    yield el

    def _container(self, heading: HtmlElement) -> HtmlElement | None:
        own = set(heading.iter("a"))
        node = heading
        for _ in range(5):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                return None
            node = parent
            links = [a for a in node.iter("a") if a not in own and a.get("href")]
            if len(links) >= 2:
                return node if len(_text(node)) <= _MAX_BLOCK_CHARS else None
        return None

    def _block_links(
        self, container: HtmlElement, heading: HtmlElement, kind: str, section: str | None
    ) -> None:
        own = set(heading.iter("a"))
        past_heading = False
        count = 0
        for a in container.iter():
            if a is heading:
                past_heading = True
            # Links above the heading belong to another block sharing the container.
            if a.tag != "a" or not past_heading or a in own:
                continue
            title = self._teaser_title(a)
            if not title or len(title.split()) < 2:
                continue
            snippet = self._snippet(a, container, title)
            if self._add(kind, a, None, title, self.order.get(a, 0), snippet, section):
                count += 1
            if count >= _MAX_BLOCK_LINKS:
                return

    @staticmethod
    def _teaser_title(a: HtmlElement) -> str:
        for heading in a.iter("h2", "h3", "h4", "h5", "h6"):
            return _text(heading)
        text = _text(a)
        if not text:
            img = a.find(".//img")
            text = (img.get("alt") or "").strip() if img is not None else ""
        return text

    @staticmethod
    def _snippet(a: HtmlElement, container: HtmlElement, title: str) -> str | None:
        item = a.getparent()
        while item is not None and item is not container and item.tag not in ("li", "article"):
            item = item.getparent()
        if item is None or item is container:
            return None
        for p in item.iter("p"):
            text = _text(p)
            if text and text != title and title not in text:
                return text
        return None

    def result(self) -> list[RelatedLink]:
        """All links found, in page order, numbered 0.. across kinds."""
        self.found.sort(key=lambda f: f.order)
        links = [f.link for f in self.found]
        for i, link in enumerate(links):
            link.position = i
        return links


#: A teaser card (headline link, snippet, date) is at most this many words.
MAX_CARD_WORDS = 80
_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_CARD_STOP = frozenset({"body", "html", "main"})


def teaser_cards(tree: HtmlElement, base: str | None, self_urls: list[str | None]) -> list[str]:
    """The texts of the page's teaser cards: short blocks around one headline link.

    A card is the widest element around a link in (or around) an `<h2>`-`<h6>` that holds
    no other such link and at most `MAX_CARD_WORDS` words: the headline, its snippet and
    its date. Home, section, tag and search pages are streams of them; an article has a few
    at most, in its related boxes.

    Args:
        tree: The parsed page.
        base: URL that relative links resolve against, if known.
        self_urls: The page's own addresses; a headline linking to them is the story's own.

    Returns:
        Each card's visible text, whitespace collapsed, in page order.
    """
    self_keys = {normalize_url(u) for u in self_urls if u}
    headlines: dict[HtmlElement, HtmlElement] = {}
    for a in tree.iter("a"):
        href = a.get("href")
        if not href or len(_text(a).split()) < 3:
            continue
        heading = next(a.iterancestors(*_CARD_HEADINGS), None)
        if heading is None:
            heading = next(a.iter(*_CARD_HEADINGS), None)
            heading = a if heading is not None else None
        if heading is None:
            continue
        url = resolve_url(href, base)
        if url and normalize_url(url) in self_keys:
            continue
        headlines[a] = heading
    cards: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    for a, heading in headlines.items():
        card = heading
        while True:
            parent = card.getparent()
            if parent is None or parent.tag in _CARD_STOP or _holds_two(parent, a, headlines):
                break
            if _more_words(parent, MAX_CARD_WORDS):
                break
            card = parent
        if card not in seen:
            seen.add(card)
            cards.append(card)
    return [_text(card) for card in cards]


def _holds_two(
    el: HtmlElement, own: HtmlElement, headlines: dict[HtmlElement, HtmlElement]
) -> bool:
    # Stops at the second headline link: a list of 500 teasers is not walked 500 times.
    return any(a is not own and a in headlines for a in el.iter("a"))


def _more_words(el: HtmlElement, limit: int) -> bool:
    # Counts only as far as the limit: the ancestors of a card can be the whole page.
    words = 0
    for text in el.itertext():
        words += len(text.split())
        if words > limit:
            return True
    return False
