"""Choosing a story's headline among the titles a page declares.

A page names its story several times: JSON-LD `headline`, `og:title`, `twitter:title` and
other meta tags, the browser-tab `<title>` and the visible `<h1>`. The social and SEO titles
are often rewritten for sharing, and the tab title carries the site name; the `<h1>` that
opens the article is what readers see as the headline. So the article's `<h1>` wins when it
is credible (not the site's name, not a stray section label), and otherwise the declared
titles vote after their site segments are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsdesk.urls import url_parts
from newsdesk.words import CJK

#: Separators between a headline and the site / section segments of a title.
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»«›‹⋆★/\\~]|::|_|>)\s+|\s+(?:::|»|\|)\s*$")
# Segments that name no story: blog software and navigation labels in tab titles.
#: Also "Blog Name: Headline"; only used where the segment is known to name the site.
SITE_SEPARATORS = re.compile(TITLE_SEPARATORS.pattern + r"|(?<=\w):\s+")
_GENERIC_SEGMENTS = frozenset(
    {"home", "homepage", "blog", "blogarchive", "archive", "archives", "news", "article"}
)
_MIN_HEADING_WORDS = 3
# Quotes that may open the word a stray unescaped quote cut an attribute before.
_QUOTE_MARKS = '"“„«'
_DOMAIN_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,6}$")
_GENERIC_TLDS = frozenset({"com", "org", "net", "info", "gov", "edu", "biz", "name", "ac"})
_ARTICLE_CONTEXT = "ancestor-or-self::*[self::article or self::main or @itemprop='headline']"
# "National Rail Enquiries -": a separator left with nothing after it (or before it).
_DANGLING_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»~]|::)+\s*$|^\s*(?:[|\-–—·•»~]|::)+\s+")
_BRACKETED_TAIL = re.compile(r"\s*[\[(](?P<site>[^\[\]()]{2,60})[\])]\s*$")
_LOGO_CLASS = re.compile(r"logo|brand|masthead|site[-_]?(?:title|name)", re.I)
_HOME_PATHS = frozenset({"", "index.html", "index.htm", "index.php", "home"})
# Classes that hide an element from sight but not from screen readers (Bootstrap, WordPress,
# Drupal, HTML5 Boilerplate and their kin).
_SCREEN_READER_CLASSES = frozenset(
    "sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only "
    "element-invisible hidden-visually u-visually-hidden a11y-hidden".split()
)
# Class names of a kicker (overline) set inside a heading, in the languages sites use.
_KICKER_CLASS = re.compile(
    r"kicker|dachzeile|roof-?line|top-?title|top-?line|over-?line|over-?title|eyebrow|"
    r"super-?title|pre-?title|surtitre|antet[ií]tulo|occhiello|spitzmarke",
    re.IGNORECASE,
)
_KICKER_SEPARATORS = " \t\n\u00a0:|-–—·•,;/"
_HEADLINE_CLASS = re.compile(r"headline|title|heading|entry|post|article|story", re.I)
_TRAILING_MARKS = re.compile(r"[\s¶#§]+$")
_ELLIPSIS = ("...", "…")
_MAX_HEADLINE_CHARS = 250
_MIN_HOST_LABEL = 5
_LOGO_SHARE = 0.6
_MAX_LOGO_CHARS = 60
#: Trust order of candidate kinds (provenance follows the most trusted agreeing source).
_MAX_SEGMENT_HEADING_CHARS = 300
KIND_ORDER = ("jsonld", "opengraph", "twitter", "meta", "tab", "h1")
_PROVENANCE = {
    "jsonld": "jsonld",
    "opengraph": "opengraph",
    "twitter": "meta",
    "meta": "meta",
    "tab": "meta",
    "h1": "text",
}


@dataclass
class TitleCandidate:
    """One title the page declares.

    Attributes:
        kind: One of `KIND_ORDER`.
        text: The title as written (whitespace collapsed).
        in_article: For `h1` candidates: inside the article/main element or marked as the
            headline by its itemprop/class.
        parts: For `h1` candidates: the texts of its child elements when it has several
            (a kicker, the headline, a subtitle set in one heading).
    """

    kind: str
    text: str
    in_article: bool = False
    parts: tuple[str, ...] = ()

    @property
    def provenance(self) -> str:
        """The `newsdesk.model.PROVENANCES` value for this candidate."""
        return _PROVENANCE[self.kind]


def title_key(text: str | None) -> str:
    """Comparison key of a title: letters and digits only, case-folded."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\W_]+", "", text)


class SiteNames:
    """The names a site goes by (site name, publisher, host), to recognise them in titles."""

    def __init__(
        self,
        names: list[str | None],
        hosts: list[str | None] = (),
        logos: list[str] = (),
    ) -> None:
        """Remember `names` (declared site names), the labels of `hosts` and `logos`.

        Logo texts carry extras ("Archive of Our Own beta", "evolve extension for
        Mercurial"), so they name the site only when a segment is most of one.
        """
        self.keys = {title_key(n) for n in names if n} - {""}
        self.declared = set(self.keys)
        self.logos = {title_key(n) for n in logos} - {""}
        self.host_labels: set[str] = set()
        for host in hosts:
            labels = [p for p in (host or "").lower().split(".") if p and p != "www"]
            # "news.example.co.uk" -> "example": the label before the public suffix.
            while len(labels) > 1 and (len(labels[-1]) <= 2 or labels[-1] in _GENERIC_TLDS):
                labels.pop()
            if labels:
                self.host_labels.add(title_key(labels[-1]))
                # "WordPress.com" names the site on wordpress.com.
                domain = host.lower().rsplit(labels[-1] + ".", 1)[-1]
                self.keys.add(title_key(f"{labels[-1]}.{domain}"))
        self.host_labels -= {""}

    def with_segments(self, segments: set[str]) -> SiteNames:
        """A copy that also knows `segments` (title keys found to name the site)."""
        copy = SiteNames([])
        copy.keys = self.keys | segments
        copy.declared = set(self.declared)
        copy.host_labels = set(self.host_labels)
        copy.logos = set(self.logos)
        return copy

    def is_site(self, text: str, whole: bool = False) -> bool:
        """Whether `text` names the site rather than a story.

        Args:
            text: A title segment, or a whole title when `whole` is set.
            whole: Only exact names count: "Axios Future" is a story title on axios.com,
                though as a segment beside a headline it would name the site.
        """
        key = title_key(text)
        if not key:
            return False
        if key in self.keys or key in self.host_labels:
            return True
        for logo in self.logos:
            short, long = sorted((key, logo), key=len)
            if long.startswith(short) and len(short) >= _LOGO_SHARE * len(long):
                return True
        if whole or len(text.split()) > 5:
            return False
        if key in _GENERIC_SEGMENTS:
            return True
        # "Aktuálně.cz" vs the site name "Aktuálně.cz - Víte, co se právě děje", or
        # "Four Years Remaining" on fouryears.eu: one starts with the other.
        for known in (*self.declared, *self.host_labels):
            short, long = sorted((key, known), key=len)
            if len(short) >= _MIN_HOST_LABEL and long.startswith(short):
                return True
        # "痞客邦 PIXNET" on pixnet.net: the host's name closes the segment.
        return any(
            len(label) >= _MIN_HOST_LABEL and key.endswith(label) for label in self.host_labels
        )


def strip_site_segments(title: str, sites: SiteNames) -> str:
    """Drop leading and trailing segments of `title` that name the site.

    Args:
        title: A page, OpenGraph or JSON-LD title.
        sites: The site's names.

    Returns:
        The title without its site segments (unchanged when none is recognised or when
        nothing would be left).
    """
    title = _DANGLING_SEPARATOR.sub("", " ".join(title.split())) or title
    bracketed = _BRACKETED_TAIL.search(title)
    if bracketed and bracketed.start() and sites.is_site(bracketed["site"]):
        # "Chapter 1 - Author [Archive of Our Own]": the site in brackets at the end.
        title = title[: bracketed.start()]
    bounds = [0]
    for match in SITE_SEPARATORS.finditer(title):
        bounds += [match.start(), match.end()]
    bounds.append(len(title))
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    parts = [(a, b) for a, b in parts if b > a]
    if len(parts) < 2:
        return title
    first, last = 0, len(parts) - 1
    while last > first and sites.is_site(title[slice(*parts[last])]):
        last -= 1
    while first < last and sites.is_site(title[slice(*parts[first])]):
        first += 1
    return title[parts[first][0] : parts[last][1]].strip()


def heading_candidates(tree: HtmlElement, limit: int = 8) -> list[TitleCandidate]:
    """The page's `<h1>` headings as title candidates, in page order."""
    found = []
    for heading, text in _h1_texts(tree):
        if not _is_logo(heading, text):
            found.append(TitleCandidate("h1", text, _in_article(heading), _parts(heading)))
        if len(found) >= limit:
            break
    return found


def logo_names(tree: HtmlElement) -> list[str]:
    """Names the site shows in its logo heading ("<h1><a href="/">Site</a></h1>")."""
    return [
        text
        for heading, text in _h1_texts(tree)
        if len(text) <= _MAX_LOGO_CHARS and _is_logo(heading, text)
    ]


def _h1_texts(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """Each non-empty `<h1>` with its text (spacing collapsed, trailing marks dropped).

    A kicker set inside the heading and marked as one (`<span class="dachzeile">`,
    `roofline`, `toptitle`, `overline`, `eyebrow`) is not part of the headline, and neither
    is a label only screen readers get (`<span class="visuallyhidden">Headline:</span>`).
    """
    for heading in tree.iter("h1"):
        text = _TRAILING_MARKS.sub("", " ".join(_without_kicker(heading).split()))
        if text:
            yield heading, text


def _without_kicker(heading: HtmlElement) -> str:
    if not any(_is_kicker(el) for el in heading.iterdescendants()):
        return heading.text_content()
    copy = deepcopy(heading)
    for el in list(copy.iterdescendants()):
        if _is_kicker(el):
            el.drop_tree()  # keeps the text after the kicker
    # The separator the page set between kicker and headline goes with the kicker.
    rest = copy.text_content().strip(_KICKER_SEPARATORS)
    # A heading that is all kicker keeps its text.
    return rest if rest.strip() else heading.text_content()


def _is_kicker(el: HtmlElement) -> bool:
    """A kicker marked as one, or a label only screen readers get (`Headline:`)."""
    if not isinstance(el.tag, str):
        return False
    marker = el.get("class") or ""
    return bool(_KICKER_CLASS.search(marker)) or not _SCREEN_READER_CLASSES.isdisjoint(
        marker.lower().split()
    )


def _is_logo(heading: HtmlElement, text: str) -> bool:
    """A site's logo or name set in an `<h1>`: marked as such, or a link to the home page."""
    marker = f"{heading.get('class', '')} {heading.get('id', '')}"
    if _LOGO_CLASS.search(marker):
        return True
    for link in heading.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            # A permalink anchor to the heading itself, not a way home.
            continue
        parts = url_parts(href)
        linked = " ".join(link.text_content().split())
        if (
            parts is not None
            and parts.path.strip("/").lower() in _HOME_PATHS
            and not parts.query
            and linked
            and title_key(linked) == title_key(text)
        ):
            return True
    return False


def _parts(heading: HtmlElement) -> tuple[str, ...]:
    texts = tuple(" ".join(child.text_content().split()) for child in heading)
    texts = tuple(t for t in texts if t)
    return texts if len(texts) > 1 else ()


def _in_article(heading: HtmlElement) -> bool:
    if heading.xpath(_ARTICLE_CONTEXT):
        return True
    marker = f"{heading.get('class', '')} {heading.get('id', '')}"
    return bool(_HEADLINE_CLASS.search(marker))


def choose_title(
    candidates: list[TitleCandidate], sites: SiteNames
) -> tuple[str | None, str | None]:
    """The story's headline and the provenance of the source it came from.

    Every declared title (site segments removed) and the main `<h1>` are voters; a title
    wins with the most support. A voter supports a title when it is the same headline, a
    version cut with an ellipsis, the heading followed by a segment the site adds ("Headline
    - Section"), or, for the heading, a text that contains it (a kicker or a subtitle set in
    the same `<h1>`). The heading weighs a little more than one declared title, so it wins
    ties: it is the headline readers see.

    Args:
        candidates: Every declared title (any order; `h1` ones in page order).
        sites: The site's names, to remove site segments and reject site-name titles.

    Returns:
        `(title, provenance)`, or `(None, None)` when the page declares no usable title.
    """
    sites = sites.with_segments(_tab_site_segments(candidates, sites))
    declared: list[TitleCandidate] = []
    for cand in candidates:
        if cand.kind == "h1":
            continue
        text = strip_site_segments(cand.text, sites)
        if title_key(text) and not sites.is_site(text, whole=True):
            declared.append(TitleCandidate(cand.kind, text))
    declared.sort(key=lambda c: KIND_ORDER.index(c.kind))
    declared = _uncut(declared, [c.text for c in candidates])
    headings = [c for c in candidates if c.kind == "h1"]
    heading = _main_heading(headings, declared, sites)
    if heading is not None:
        stripped = _without_trailing_address(heading.text)
        if stripped != heading.text:
            heading = TitleCandidate("h1", stripped, heading.in_article, heading.parts)
    voters = declared + ([heading] if heading else [])
    best, best_score = None, 0.0
    for form in voters:
        score = sum(_weight(v, declared) for v in voters if _supports(v, form))
        if form.text.endswith(_ELLIPSIS):
            score -= 0.5
        if score > best_score:
            best, best_score = form, score
    if best is None:
        return None, None
    if heading is not None and title_key(best.text) == title_key(heading.text):
        best = _declared_full_form(heading, declared)
    return best.text, best.provenance


def _uncut(declared: list[TitleCandidate], texts: list[str]) -> list[TitleCandidate]:
    """Declared titles cut short by a quote the page left unescaped in an attribute.

    `content="Senador ... de "incapacitado""` reads as "Senador ... de": where the tab title
    or the heading goes on from there with a quote, that full text is the declared title.
    """
    mended = []
    for cand in declared:
        full = next(
            (
                text.strip()
                for text in texts
                if text.startswith(cand.text)
                and text[len(cand.text) :].lstrip()[:1] in _QUOTE_MARKS
                and text[len(cand.text) :].strip()
            ),
            None,
        )
        mended.append(TitleCandidate(cand.kind, full) if full else cand)
    return mended


def _without_trailing_address(text: str) -> str:
    """The heading without a web address closing it ("Headline | FASSETTE.NET").

    Only the address of a heading long enough to stand alone comes off ("BGH:
    marions-kochbuch.de" is about the site it names).
    """
    matches = list(TITLE_SEPARATORS.finditer(text))
    if not matches:
        return text
    head, tail = text[: matches[-1].start()], text[matches[-1].end() :]
    if _DOMAIN_NAME.match(tail.strip()) and len(head.split()) >= _MIN_HEADING_WORDS:
        return head.strip()
    return text


HEADING_WEIGHT = 10.0
OTHER_HEADING_WEIGHT = 1.0


def _weight(voter: TitleCandidate, declared: list[TitleCandidate]) -> float:
    if voter.kind != "h1":
        return 1.0
    return HEADING_WEIGHT if voter.in_article else OTHER_HEADING_WEIGHT


def _supports(voter: TitleCandidate, form: TitleCandidate) -> bool:
    key, voter_key = title_key(form.text), title_key(voter.text)
    if voter_key == key:
        return True
    if voter.text.endswith(_ELLIPSIS):
        # "Storm hits the coast, killing…" supports the title it was cut from.
        stem = voter.text.rstrip(".… ")
        return len(title_key(stem)) >= 10 and _runs_on(form.text, stem)
    if len(key) < 10:
        return False
    if voter.kind == "h1":
        # <h1><span>Open Progress</span><span>Why collaboration wins</span></h1>: a kicker
        # and the headline in one heading.
        return any(title_key(part) == key for part in voter.parts)
    # "Chapter 1: Prologue - Murdered - Melas" declared, "Chapter 1: Prologue - Murdered" shown.
    return form.kind == "h1" and voter_key.startswith(key) and _ends_with_segment(voter, form)


def _declared_full_form(heading: TitleCandidate, declared: list[TitleCandidate]) -> TitleCandidate:
    for cand in declared:
        if cand.kind != "tab" and _runs_on(cand.text, heading.text):
            # "Storm hits the coast (update)" declared, "Storm hits the coast" shown: the
            # heading is a shortened display form of the declared headline.
            return cand
    key = title_key(heading.text)
    # The same headline from a more trusted source: keep that source's spelling.
    return next((c for c in declared if title_key(c.text) == key), heading)


def _runs_on(longer: str, shorter: str) -> bool:
    """Whether `longer` is `shorter` followed by more words, not by a site segment."""
    if not title_key(longer).startswith(title_key(shorter)) or len(longer) <= len(shorter):
        return False
    if longer.endswith(_ELLIPSIS):
        return False
    rest = _tail_after(longer, shorter)
    if not title_key(rest):
        return False
    # What comes before the next word: "» - " after a closing quote is still a separator.
    lead = re.match(r"[\W_]*", rest)[0]
    return not TITLE_SEPARATORS.search(f" {lead} ")


def _ends_with_segment(longer: TitleCandidate, shorter: TitleCandidate) -> bool:
    rest = _tail_after(longer.text, shorter.text)
    lead = re.match(r"[\W_]*", rest)[0]
    return bool(title_key(rest)) and bool(TITLE_SEPARATORS.search(f" {lead} "))


def _tail_after(longer: str, shorter: str) -> str:
    # The part of `longer` after the letters of `shorter` (case and punctuation ignored).
    target, seen = len(title_key(shorter)), 0
    for i, char in enumerate(longer):
        if seen >= target:
            return longer[i:]
        seen += len(title_key(char))
    return ""


def _main_heading(
    headings: list[TitleCandidate], declared: list[TitleCandidate], sites: SiteNames
) -> TitleCandidate | None:
    usable = [
        h
        for h in headings
        if len(h.text) <= _MAX_HEADLINE_CHARS
        and not sites.is_site(h.text, whole=True)
        and (not declared or _shares_words(h.text, declared))
    ]
    if not usable:
        return None
    # A heading that a declared title repeats, extends or contains is the headline; the
    # most trusted declared title speaks first (og:title "Headline" over a tab title "News"
    # when the page has a heading for each).
    for declared_title in declared:
        for heading in usable:
            if _supports(declared_title, heading) or _supports(heading, declared_title):
                return heading
    # "Zoll online - Fachmeldungen - Headline" holds three headings: the headline is the
    # longest of them.
    held = [h for h in usable if any(title_key(h.text) in title_key(c.text) for c in declared)]
    if held:
        return max(held, key=lambda heading: len(title_key(heading.text)))
    return next((h for h in usable if h.in_article), usable[0])


def _tab_site_segments(candidates: list[TitleCandidate], sites: SiteNames) -> set[str]:
    # "Blog Name: Post title" beside og:title "Post title": the other end of the tab title
    # is the site's name, whatever it says. When both ends are found elsewhere ("Headline -
    # Pamela Anderson" beside <h1>Pamela Anderson</h1>), the shorter one is the site.
    others = {
        title_key(c.text)
        for c in candidates
        if c.kind != "tab" and not sites.is_site(c.text, whole=True)
    } - {""}
    segments = set()
    for cand in candidates:
        matches = list(SITE_SEPARATORS.finditer(cand.text)) if cand.kind == "tab" else []
        if not matches:
            continue
        ends = []
        head, tail = cand.text[: matches[0].start()], cand.text[matches[-1].end() :]
        if title_key(cand.text[matches[0].end() :]) in others:
            ends.append(head)
        if title_key(cand.text[: matches[-1].start()]) in others:
            ends.append(tail)
        ends = [e for e in ends if len(e.split()) <= 5 and len(e) <= 60 and title_key(e)]
        if ends:
            # Sites trail more often than they lead: on a tie the tail is the site.
            segments.add(title_key(min(ends, key=lambda e: (len(e), e is head))))
    return segments


_STOPWORDS = frozenset(
    "a an the of in on at to for and or but is are was were be by with from as it its this "
    "that de la le les el en y et der die das und".split()
)


def _shares_words(text: str, declared: list[TitleCandidate]) -> bool:
    # An <h1> sharing no content word with any declared title is a section label or a logo.
    words = _content_words(text)
    return any(words & _content_words(c.text) for c in declared)


def _content_words(text: str) -> set[str]:
    words = set(re.findall(r"\w+", text.casefold())) - _STOPWORDS
    # Scripts written without spaces (Chinese, Japanese): characters stand in for words. A
    # long word in a spaced script ("Bundesregierung") stays one word.
    return {w for word in words for w in (word if CJK.search(word) else [word])}


def shown_segment(title: str, tree: HtmlElement) -> str | None:
    """The one segment of a declared title that the page shows as a heading, if any.

    A tab title keeps site and section names no site list knows ("Blog Archiv » Podcasts in
    Plex einbinden", "Headline | Bibliothek 2.0 und mehr"); the segment set as a heading on
    the page (`<h1>`-`<h4>`) is the headline. Of several, the longest; segments of one word
    ("Forum", "Aktuelles") are labels.

    Args:
        title: The title chosen from the page's declared titles.
        tree: The parsed page.

    Returns:
        The segment, or None when the title has no separators or no segment is a heading.
    """
    segments = [seg.strip() for seg in TITLE_SEPARATORS.split(title) if seg and seg.strip()]
    if len(segments) < 2:
        return None
    headings = {
        title_key(heading.text_content())
        for heading in tree.iter("h1", "h2", "h3", "h4")
        if len(heading.text_content()) <= _MAX_SEGMENT_HEADING_CHARS
    }
    shown = [seg for seg in segments if len(seg.split()) >= 2 and title_key(seg) in headings]
    return max(shown, key=len) if shown else None
