"""What kind of page a text dump is: an article, an error page, a listing or something else.

Pages that are not stories (404s, search results, section fronts, consent walls) must not
become stories; these rules tell them apart from articles by the dump's shape.
"""

from __future__ import annotations

from typing import NamedTuple

from newsdesk.extract.date_text import leading_date_end
from newsdesk.extract.textdump_dump import Dump, body_line_ok, has_prose
from newsdesk.extract.textdump_labels import (
    COMMENTS_HEADER,
    CONSENT_BUTTONS,
    CONSENT_HEADING,
    CONSENT_TERMS,
    ERROR_PATTERN,
    ERROR_TEXT,
    SEARCH_HEADER,
)
from newsdesk.extract.textdump_lines import Line, is_heading_like, is_prose
from newsdesk.extract.textdump_title import anchored_heading
from newsdesk.model import Story

# A consent wall's button or heading is this short; this share of its prose speaks of
# cookies and consent.
_CONSENT_MARK_WORDS = 8
_CONSENT_SHARE = 0.5
# A listing: headline-and-snippet pairs (three under a search header), the share of them
# with snippets cut short or dated, the share of the run's prose the snippets hold; a
# teaser's headline and snippet are this long; the first headline may sit above the run,
# the search header in the page's first lines.
_SEARCH_PAIRS = 3
_LISTING_PAIRS = 5
_LISTING_MARKED_SHARE = 0.5
_LISTING_SNIPPET_SHARE = 0.6
_TEASER_HEAD_WORDS = (3, 20)
_SNIPPET_MAX_WORDS = 80
_SNIPPET_LENGTH_RATIO = 1.5
_ARTICLE_BESIDE_WORDS = 100.0
_ARTICLE_LEAD_WORDS = 40.0
_PAIR_REACH_ABOVE = 3
_SEARCH_HEADER_WORDS = 12
_SEARCH_HEADER_REACH = 40
_CUT_SHORT = ("…", "...", "[…]", "[...]")


def page_type(story: Story, dump: Dump, span: tuple[int, int] | None) -> str:
    """What kind of page the dump is: `article`, `error`, `listing` or `other`.

    Args:
        story: The story read from the dump (body, authors, date and links filled in).
        dump: The dump, with meta and link lines marked.
        span: The body run (inclusive line indices), or None.

    Returns:
        One of `newsdesk.model.PAGE_TYPES`.
    """
    body_words = sum(len(p.split()) for p in story.paragraphs)
    head = " ".join(line.text for line in dump.lines[:40])
    # "Page introuvable", "Seite nicht gefunden": the HTML path's words in other languages,
    # read line by line.
    lines = "\n".join([story.title or "", *(line.text for line in dump.lines[:40])])
    if body_words < 150 and (
        ERROR_PATTERN.search(story.title or "")
        or ERROR_PATTERN.search(head)
        or ERROR_TEXT.search(lines)
    ):
        return "error"
    if consent_page(story, dump):
        return "other"
    if teaser_listing(dump, span):
        return "listing"
    if (
        body_words >= 50
        or _commented_post(story, dump, span)
        or (
            story.paragraphs
            and any(ln.cjk for ln in dump.lines[:40])
            and sum(len(p) for p in story.paragraphs) >= 120
        )
    ):
        return "article"
    headline_lines = sum(
        1
        for line in dump.lines
        if line.words >= 3 and (is_heading_like(line) or (line.templated and not line.terminal))
    )
    if headline_lines >= 8 or len(story.links) >= 5:
        return "listing"
    return "other"


def teaser_listing(dump: Dump, span: tuple[int, int] | None) -> bool:
    """Whether the body run is a list of teasers (search results, a section page).

    A listing sets headline over snippet over headline, each snippet alone: cut short
    ("…") or opening with its date. Under a search header ("Search results for: budget",
    "248 results", "Suchergebnisse") three such pairs make a listing; without one it takes
    `_LISTING_PAIRS`, most of them marked so, holding most of the run's prose. An article
    runs paragraph after paragraph, and a listicle's items are whole paragraphs.

    Args:
        dump: The dump, with meta and link lines marked.
        span: The body run (inclusive line indices), or None.

    Returns:
        True for a run of teasers.
    """
    if span is None:
        return False
    lines = dump.lines
    pairs = _teaser_pairs(dump, span)
    if pairs.count < _SEARCH_PAIRS or pairs.first is None or pairs.last is None:
        return False

    def prose_words(low: int, high: int) -> float:
        return sum(
            line.words for line in lines[low:high] if is_prose(line) and body_line_ok(dump, line)
        )

    if pairs.words < _LISTING_SNIPPET_SHARE * prose_words(span[0], span[1] + 1):
        return False
    if prose_words(pairs.last + 1, span[1] + 1) >= _ARTICLE_BESIDE_WORDS:
        # A sidebar of teasers (recent comments) over the article they sit beside.
        return False
    header = next(
        (
            line.index
            for line in reversed(lines[max(0, span[0] - _PAIR_REACH_ABOVE) : pairs.first])
            if anchored_heading(dump, line)
        ),
        None,
    )
    if header is not None and prose_words(header + 1, pairs.first) >= _ARTICLE_LEAD_WORDS:
        # An article's headline with its date over its lead, then teasers under it.
        return False
    searched = any(
        line.words <= _SEARCH_HEADER_WORDS and SEARCH_HEADER.match(line.text)
        for line in lines[: max(span[0], _SEARCH_HEADER_REACH)]
    )
    return searched or (
        pairs.count >= _LISTING_PAIRS and pairs.marked >= _LISTING_MARKED_SHARE * pairs.count
    )


class _TeaserPairs(NamedTuple):
    """Headline-and-snippet pairs found in a body run.

    Attributes:
        count: How many pairs.
        marked: How many snippets are cut short or open with a date.
        words: The snippets' words.
        first: Line index of the first pair's headline.
        last: Line index of the last pair's snippet.
    """

    count: int
    marked: int
    words: float
    first: int | None
    last: int | None


def _teaser_pairs(dump: Dump, span: tuple[int, int]) -> _TeaserPairs:
    """Headline-and-snippet pairs in and just above the body run."""
    lines = dump.lines

    def skipped(line: Line) -> bool:
        return line.debris or line.index in dump.meta or line.index in dump.link_lines

    content = [
        line
        for line in lines[max(0, span[0] - _PAIR_REACH_ABOVE) : span[1] + 1]
        if not skipped(line)
    ]
    pairs = marked = 0
    words = 0.0
    first = last = None
    for k, head in enumerate(content[:-1]):
        snippet = content[k + 1]
        after = content[k + 2] if k + 2 < len(content) else None
        if not (
            _TEASER_HEAD_WORDS[0] <= head.words <= _TEASER_HEAD_WORDS[1]
            and is_heading_like(head)
            and not is_prose(head)
            and is_prose(snippet)
            and snippet.words <= _SNIPPET_MAX_WORDS
            # A snippet runs longer than its headline; a list of titles alternates by chance.
            and snippet.chars >= _SNIPPET_LENGTH_RATIO * head.chars
            and (after is None or not is_prose(after))
        ):
            continue
        pairs += 1
        words += snippet.words
        first = head.index if first is None else first
        last = snippet.index
        if snippet.text.endswith(_CUT_SHORT) or leading_date_end(snippet.text) is not None:
            marked += 1
    return _TeaserPairs(pairs, marked, words, first, last)


def consent_page(story: Story, dump: Dump) -> bool:
    """Whether the dump is a consent interstitial shown instead of the page.

    A consent wall ("Before you continue to Google", "We value your privacy ... 842
    partners", "Wir verwenden Cookies") holds sentences enough to pass for an article. It
    has its buttons or its heading, no byline or date, and its prose, in the body and in the
    whole dump, is mostly about cookies, consent and partners; an article under a banner
    keeps most of its prose clear of such words.

    Args:
        story: The story read from the dump (body, authors and date filled in).
        dump: The dump, with its lines.

    Returns:
        True for a dump that is a consent banner and nothing else.
    """
    if story.authors or story.published_at or not story.paragraphs:
        return False
    if not any(
        line.words <= _CONSENT_MARK_WORDS
        and (dump.folded[line.index] in CONSENT_BUTTONS or CONSENT_HEADING.match(line.text))
        for line in dump.lines
    ):
        return False
    body = [*story.paragraphs, story.summary or ""]
    prose = [line.text for line in dump.lines if is_prose(line)]
    return _consent_share(body) >= _CONSENT_SHARE and _consent_share(prose) >= _CONSENT_SHARE


def _consent_share(texts: list[str]) -> float:
    """The share of words in texts that speak of cookies, consent, partners or privacy."""
    total = sum(len(text.split()) for text in texts)
    consent = sum(len(text.split()) for text in texts if CONSENT_TERMS.search(text))
    return consent / total if total else 0.0


def _commented_post(story: Story, dump: Dump, span: tuple[int, int] | None) -> bool:
    """A short post with a headline over its text and a comment section under it.

    Listings carry no comment form; a post of a few lines does, so its sidebar's headlines
    do not make it a listing.
    """
    if not (story.title and span and has_prose(dump, span)):
        return False
    return any(
        line.barrier and COMMENTS_HEADER.search(line.text) for line in dump.lines[span[1] + 1 :]
    )
