"""Related-link blocks of plain-text page dumps ("ALSO READ: ...", "Next Story", "Most read").

A block starts at a header line (see `LINK_HEADERS`) and is followed by its items: a single
title for "ALSO READ" and previous/next links, or a run of teasers (a title, optionally with a
snippet line under it) for section, recommended and related blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.extract.textdump_labels import LINK_HEADERS, fold
from newsdesk.extract.textdump_lines import Line, is_heading_like
from newsdesk.extract.textdump_meta import byline_names
from newsdesk.model import RelatedLink

_MAX_ITEMS = 24
# Teaser titles each parted from the next by a date: this many make a dated list.
_DATED_MIN_ITEMS = 3
_MAX_SNIPPET_CHARS = 420
_SINGLE_KINDS = ("also_read", "previous_story", "next_story")
# A dateline over article text ends a teaser run: the body is this many words a paragraph,
# within this many lines, and the article's headline block is at most this many lines.
_BODY_WORDS = 20
_BODY_REACH = 2
# Share buttons and other furniture between dateline and text are skipped, this far.
_FURNITURE_REACH = 24
_HEADER_LINES = 4
_HEADLINE_WORDS = 5
# A teaser's byline line is a bare name this short.
_BYLINE_WORDS = 4
# In a list of bare titles, a line this long is article text, not a late snippet.
_LONE_SNIPPET_WORDS = 40
# A label repeated over teaser titles ("Read on", "In News") is this short.
_LABEL_WORDS = 3
# The other button's label run into its title ("Vorheriger Beitrag Brandbergweg ...") is
# not the title of this one.
_NAV_LABEL_START = re.compile(
    r"^(?:previous|next|vorherige[rs]?|n[äa]chste[rs]?|pr[ée]c[ée]dent|suivant|anterior|"
    r"siguiente)\s+(?:story|article|post|entry|artikel|beitrag|eintrag|art[ií]culo)\b",
    re.IGNORECASE,
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\b[a-z]{1,4})\s*$")


@dataclass
class LinkBlock:
    """Links read from one block, and the lines the block used (header included)."""

    kind: str
    start: int
    end: int
    items: list[tuple[str, str | None]] = field(default_factory=list)
    section: str | None = None

    @property
    def used(self) -> range:
        """Indices of the lines that belong to the block."""
        return range(self.start, self.end + 1)


def match_header(line: Line) -> tuple[str, re.Match[str]] | None:
    """The link kind a header line opens, with its match, or None."""
    if line.words > 24 or line.chars > 200:
        return None
    for pattern, kind in LINK_HEADERS:
        match = pattern.match(line.text)
        if match:
            return kind, match
    return None


def _bare_label(text: str) -> bool:
    """Whether a text is a link header with no title of its own ("Next", "Nächstes")."""
    for pattern, _ in LINK_HEADERS:
        match = pattern.match(text)
        if match and not (match.groupdict().get("title") or "").strip():
            return True
    return False


def _title_ok(line: Line) -> bool:
    return is_heading_like(line) and (line.chars >= 12 or line.words >= 3) and line.words <= 30


def _single(
    lines: list[Line], i: int, kind: str, match: re.Match[str], is_meta: Callable[[Line], bool]
) -> LinkBlock | None:
    title = (match.groupdict().get("title") or "").strip()
    if title:
        if _bare_label(title):
            # "Vorheriges | Nächstes": two buttons on one line, no title.
            return None
        return LinkBlock(kind, i, i, [(title, None)])
    j = i + 1
    while j < len(lines) and is_meta(lines[j]):
        j += 1
    if (
        j < len(lines)
        and _title_ok(lines[j])
        and match_header(lines[j]) is None
        and not _NAV_LABEL_START.match(lines[j].text)
    ):
        return LinkBlock(kind, i, j, [(lines[j].text, None)])
    return None


def _is_snippet(line: Line, title: Line) -> bool:
    if line.chars > _MAX_SNIPPET_CHARS:
        return False
    if not is_heading_like(line):
        return True
    return line.chars >= 1.25 * title.chars or bool(_TRUNCATED.search(line.text))


def _candidates(
    lines: list[Line], i: int, is_meta: Callable[[Line], bool]
) -> tuple[list[Line], int]:
    """The lines of a block under header `i`, and how many of them dates or bylines part.

    A date between every two lines ("vor 1 Woche / Title / vor 6 Tagen / Title") makes each
    line a teaser title of its own; otherwise a longer line under a title is its snippet
    (also with the title's date between them). The count is of the leading lines so parted,
    when there are at least `_DATED_MIN_ITEMS`, else 0.
    """
    run: list[Line] = []
    dated = 1
    after_meta = False
    for line in lines[i + 1 :]:
        if line.barrier or match_header(line) is not None:
            break
        if is_meta(line):
            if _body_follows(lines, line.index, is_meta):
                # The dateline of the article itself: its headline is not a teaser.
                return _without_header(run), 0
            after_meta = True
            continue
        if line.debris or line.chars > _MAX_SNIPPET_CHARS or len(run) >= 2 * _MAX_ITEMS:
            break
        if run and after_meta and dated == len(run):
            dated += 1
        after_meta = False
        run.append(line)
    return run, dated if dated >= _DATED_MIN_ITEMS else 0


def _body_follows(lines: list[Line], index: int, is_meta: Callable[[Line], bool]) -> bool:
    """Whether article text (two long paragraphs in a row) starts within a line or two."""
    following = [
        line
        for line in lines[index + 1 : index + _FURNITURE_REACH]
        if not is_meta(line) and not line.debris
    ]
    for k, line in enumerate(following[:_BODY_REACH]):
        after = following[k + 1] if k + 1 < len(following) else None
        if line.words >= _BODY_WORDS and after is not None and after.words >= _BODY_WORDS:
            return True
    return False


def _without_header(run: list[Line]) -> list[Line]:
    """The run without the article's own headline, deck and byline at its end."""
    j = len(run) - 1
    while j >= 0 and run[j].words < _HEADLINE_WORDS and len(run) - j <= _HEADER_LINES:
        j -= 1  # the byline lines
    if j < 0 or not is_heading_like(run[j]):
        return run
    above = run[j - 1] if j > 0 else None
    if (
        above is not None
        and is_heading_like(above)
        and _HEADLINE_WORDS <= above.words < run[j].words
    ):
        j -= 1  # run[j] was the deck under this headline
    return run[:j]


def _is_byline(line: Line) -> bool:
    return line.words <= _BYLINE_WORDS and bool(byline_names(line.text, allow_bare=True))


def _paired(run: list[Line]) -> bool:
    """True when a run alternates short titles and longer snippets all the way."""
    if len(run) < 2 or len(run) % 2:
        return False
    titles, snippets = run[0::2], run[1::2]
    if not all(_title_ok(t) for t in titles):
        return False
    if not all(_is_snippet(snippet, title) for title, snippet in zip(titles, snippets)):
        # "Headline / Headline / Headline / paragraph" alternates only by accident.
        return False
    mean_title = sum(t.chars for t in titles) / len(titles)
    mean_snippet = sum(s.chars for s in snippets) / len(snippets)
    return mean_snippet > 1.15 * mean_title


def _teasers(run: list[Line], dated: int = 0) -> tuple[list[tuple[str, str | None]], int]:
    """Read (title, snippet) items off a run; returns the items and how many lines they used.

    `dated` leading lines of the run are parted by dates or bylines: each is a title.
    """
    if dated:
        titles = []
        for line in run[: min(dated, _MAX_ITEMS)]:
            if not _title_ok(line):
                break
            titles.append((line.text, None))
        return titles, len(titles)
    if _paired(run):
        pairs = [(run[k].text, run[k + 1].text) for k in range(0, len(run), 2)]
        return pairs[:_MAX_ITEMS], min(len(run), 2 * _MAX_ITEMS)
    items: list[tuple[str, str | None]] = []
    current: Line | None = None
    used = 0
    for k, line in enumerate(run):
        if _item_label(run, k):
            # "Read on" over each title: the line under it starts the next item.
            used += 1
            current = None
            continue
        if current is not None and _is_byline(line):
            # A teaser's byline ("MELANIE MCFARLAND"), not another teaser.
            used += 1
            continue
        if current is not None and items[-1][1] is None and _is_snippet(line, current):
            if (
                len(items) > 1
                and line.words >= _LONE_SNIPPET_WORDS
                and not any(snippet for _title, snippet in items[:-1])
            ):
                # Titles only so far, then a paragraph: the article resumes under the box.
                break
            items[-1] = (current.text, line.text)
        elif _title_ok(line) and len(items) < _MAX_ITEMS:
            items.append((line.text, None))
            current = line
        else:
            break
        used += 1
    return items, used


def _item_label(run: list[Line], k: int) -> bool:
    """A short label repeated over the teaser titles of a run ("Read on"), not a title."""
    line = run[k]
    if line.words > _LABEL_WORDS or _title_ok(line) or k + 1 >= len(run):
        return False
    if not _title_ok(run[k + 1]) or (k > 0 and run[k - 1].text == line.text):
        return False
    return sum(1 for other in run if other.text == line.text) >= 2


def _teaser_block(
    lines: list[Line], i: int, kind: str, match: re.Match[str], is_meta: Callable[[Line], bool]
) -> LinkBlock | None:
    single = match.groupdict().get("title")
    if single:
        return LinkBlock(kind, i, i, [(single.strip(), None)])
    run, dated = _candidates(lines, i, is_meta)
    items, used = _teasers(run, dated)
    if not items:
        return None
    section = match.groupdict().get("section")
    section = section.strip(" -–—:") if section else None
    return LinkBlock(kind, i, run[used - 1].index, items, section)


def find_link_blocks(lines: list[Line], is_meta: Callable[[Line], bool]) -> list[LinkBlock]:
    """Find every related-link block of a dump, in page order.

    Args:
        lines: The dump's non-empty lines.
        is_meta: Tells dates, reading times and bylines, which teasers may carry and which
            are skipped rather than read as titles.

    Returns:
        The blocks, without overlaps.
    """
    blocks: list[LinkBlock] = []
    i = 0
    while i < len(lines):
        header = match_header(lines[i])
        block = None
        if header is not None:
            kind, match = header
            bare_read_more = fold(lines[i].text) == "readmore"
            if kind in _SINGLE_KINDS and not bare_read_more:
                block = _single(lines, i, kind, match, is_meta)
            elif kind not in _SINGLE_KINDS:
                block = _teaser_block(lines, i, kind, match, is_meta)
        if block is None:
            i += 1
            continue
        blocks.append(block)
        i = block.end + 1
    return blocks


def links_from_blocks(blocks: list[LinkBlock]) -> list[RelatedLink]:
    """Typed `RelatedLink`s of the blocks, numbered in page order (`url` is None in text)."""
    links: list[RelatedLink] = []
    for block in blocks:
        for title, snippet in block.items:
            links.append(
                RelatedLink(
                    kind=block.kind,
                    position=len(links),
                    title=title,
                    url=None,
                    snippet=snippet,
                    section=block.section,
                )
            )
    return links
