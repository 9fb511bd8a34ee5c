"""Extract a story from a plain-text page dump (a browser's innerText or select-all/copy).

A dump mixes the article with menus, cookie banners, share buttons, captions, related-link
blocks and footers, with no markup left to tell them apart. The extractor works like the HTML
boilerplate removers (jusText, boilerpipe) with text lines standing in for blocks:

1. every non-empty line gets cheap features (length, sentence punctuation, stopword density,
   debris labels; `textdump_lines`), and dates, bylines and reading times are recognised
   (`textdump_meta`);
2. related-link blocks are read and taken out of the running (`textdump_links`);
3. each line gets a score (prose positive, furniture negative, comment and footer headers
   strongly negative) and the body is the maximum-sum run of lines: the densest run of prose,
   which may bridge a caption or an ad label but not a menu;
4. the title is the best heading-like line just above the body, the standfirst the prose line
   between them; bylines, dates and the section are read around the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

from newsdesk.dates import check_published
from newsdesk.extract.html_boilerplate import drop_furniture
from newsdesk.extract.textdump_classify import (
    in_teaser_list,
    title_context_penalty,
    trim_span,
)
from newsdesk.extract.textdump_labels import (
    BYLINE_PREFIX,
    CONTRIBUTOR_PREFIX,
    ERROR_PATTERN,
    fold,
)
from newsdesk.extract.textdump_lines import (
    Line,
    clean_text,
    is_code,
    is_heading_like,
    is_prose,
    looks_binary,
    split_lines,
    title_case_ratio,
)
from newsdesk.extract.textdump_links import (
    LinkBlock,
    find_link_blocks,
    links_from_blocks,
)
from newsdesk.extract.textdump_meta import (
    byline_core,
    byline_names,
    captured_date,
    copyright_holder,
    detect_language,
    find_date,
    is_updated_label,
    labelled_published,
    numeric_day_first,
    reading_time,
    schema_date,
    split_attribution,
    split_updated,
)
from newsdesk.extract.textdump_overlap import content_tokens, overlap
from newsdesk.model import ExtractionError, Story

_WORD = re.compile(r"\w")
_TIME_ONLY = re.compile(
    r"^(?:updated|posted|published)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}$",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    r"^(?:updated|posted|published)?\s*(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|"
    r"week|month|year)s?\s+ago$",
    re.IGNORECASE,
)
_ENDS_WITH_FUNCTION_WORD = re.compile(
    r"\b(?:by|of|to|for|the|a|an|and|or|in|on|with|from|at|as|de|la|le|der|die|und|y|et)$",
    re.IGNORECASE,
)
_TABLE_CELL = re.compile(r"\t|\s[│┃|]\s.*\s[│┃|]\s")
# An explicit authorship credit, trusted anywhere on the page.
_CREDIT_LINE = re.compile(r"^\s*(?:written|words|reported|story|text)\s+by\s+\S", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_BREADCRUMB = re.compile(r"\s*(?:>|›|»|/|\\|→)\s*")
_BREADCRUMB_STRICT = re.compile(r"\s(?:>|›|»|→)\s")
_SECTION_LABEL = re.compile(
    r"^(?:section|category|rubrik|sección|rubrique)\s*:\s*(.{2,40})$", re.IGNORECASE
)
_HOMEPAGE = re.compile(r"^(?P<name>[A-Z][\w&.'’ -]{1,40}?)\s+(?:homepage|home page)$")

# Line scores for the maximum-sum body search.
_SCORE_LINK = -12.0
_SCORE_LINK_HEADER = -30.0
_SCORE_BARRIER = -40.0
_SCORE_META = -6.0
_SCORE_DEBRIS = -5.0
_SCORE_SHORT = -2.5
_SCORE_TINY = -3.5
_PROSE_CAP = 150.0
_HEADER_WINDOW = 30
# Longer than this, a line under a heading reads as its deck.
_HEADLINE_MAX_WORDS = 15
# How far above the headline a bare-name byline block may sit.
_BYLINE_SEARCH = 40
_TITLE_INSIDE_BODY = 4
# How far into the body run a dateline is still read as the story's.
_TOP_OF_BODY = 10
# A dateline is short; a longer sentence holding a date is narrative.
_DATELINE_MAX_WORDS = 16
# An anchored headline may cut off at most this much leading prose of the body run.
_LOST_MAX_WORDS = 150.0
_LOST_SHARE = 0.1
_ANCHOR_WINDOW = 16
_KICKER_MAX_WORDS = 4
# A label inside a byline block ("Tech Insider") is this short; a headline under its
# dateline and over its byline is longer.
_LABEL_MAX_WORDS = 4
_BETWEEN_CAP = 4.0
# A headline inside the body run restarts it when this much more running prose follows it.
_RESTART_MIN_WORDS = 4
_RESTART_MIN_PROSE = 100.0
_TEASER_SHARE = 0.3
_ARTICLE_SHARE = 0.6
# A bare name line is a byline when the names fill this share of it and a date is this near.
_BARE_NAME_SHARE = 0.6
_BARE_NAME_REACH = 3
# Lexical overlap with the first body paragraphs: how many, and the weight of a full overlap.
_LEAD_PARAGRAPHS = 3
_OVERLAP_WEIGHT = 8.0
_OVERLAP_FULL_TOKENS = 3


@dataclass
class _Dump:
    """A dump's lines with what has been recognised about each."""

    lines: list[Line]
    meta: set[int] = field(default_factory=set)
    bylines: set[int] = field(default_factory=set)
    link_lines: set[int] = field(default_factory=set)
    link_headers: set[int] = field(default_factory=set)
    blocks: list[LinkBlock] = field(default_factory=list)
    captured: tuple[int, datetime] | None = None
    day_first: bool | None = None
    paragraph_breaks: bool = False
    _folded: list[str] | None = None

    @property
    def folded(self) -> list[str]:
        """`fold` of every line, computed once."""
        if self._folded is None:
            self._folded = [fold(line.text) for line in self.lines]
        return self._folded


def extract_text_dump(
    text: str, *, source_path: str | None = None, url: str | None = None
) -> Story:
    """Extract one story from a plain-text page dump.

    Args:
        text: The dump (innerText / select-all copy of a page), any line endings.
        source_path: Where the dump came from, recorded on the story.
        url: The page URL when known (text dumps rarely carry it).

    Returns:
        A `Story` with `source_kind="text"`; `page_type` tells article dumps from error pages,
        listings and other pages.

    Raises:
        ExtractionError: The input is empty, whitespace only, binary-looking or has no words.
    """
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError("no text")
    if looks_binary(text):
        raise ExtractionError("binary-looking input, not text")
    lines = split_lines(clean_text(text))
    if not any(_WORD.search(line.text) for line in lines):
        raise ExtractionError("no words in text")
    dump = _Dump(lines, day_first=numeric_day_first(text))
    dump.paragraph_breaks = sum(line.blank_before for line in lines) >= 0.1 * len(lines)
    _mark_meta(dump)
    _mark_links(dump)
    story = Story(source_kind="text", url=url, source_path=source_path)
    span = _body_span(dump)
    if span:
        span = _restart_at_headline(dump, span)
        span = trim_span(lines, span, lambda line: _body_line_ok(dump, line), dump.paragraph_breaks)
    title_index = _pick_title(dump, span)
    if span and title_index is not None and title_index >= span[0] and not _has_prose(dump, span):
        # A page without prose (a few plain lines) is all text; none of it is a headline.
        title_index = None
    if span and title_index is not None and span[0] <= title_index < span[1]:
        span = (title_index + 1, span[1])
    elif span and title_index == span[0] == span[1] and lines[title_index].words >= 12:
        # A one-line page: the line is the text, not a headline over nothing.
        title_index = None
    while span and span[0] < span[1] and _byline_line(dump, lines[span[0]]):
        # The byline under the headline opens the run; it is not the first paragraph.
        span = (span[0] + 1, span[1])
    summary_index = _pick_standfirst(dump, title_index, span)
    if span and summary_index is not None and summary_index >= span[0]:
        span = (summary_index + 1, span[1]) if summary_index < span[1] else None
    _fill_text_fields(story, dump, title_index, summary_index, span)
    _fill_meta(story, dump, title_index, span)
    _fill_outlet(story, dump, title_index)
    story.links = links_from_blocks(dump.blocks)
    if story.links:
        story.provenance["links"] = "text"
    _fill_section(story, dump, title_index)
    story.language = detect_language(story.body_text or "\n".join(ln.text for ln in lines))
    if story.language:
        story.provenance["language"] = "heuristic"
    story.page_type = _page_type(story, dump)
    return story


# --- recognising lines -------------------------------------------------------------------


def _is_date_line(line: Line) -> bool:
    if _TABLE_CELL.search(line.text):
        # A table row that holds a date is data, not a dateline.
        return False
    first, updated = split_updated(line.text)
    if (len(first.split()) if updated is not None else line.words) > 16:
        # A dateline is short; "Thu 3 Jan ... Last modified on ..." is two short ones.
        return False
    return (
        find_date(first) is not None
        or bool(_TIME_ONLY.match(line.text))
        or bool(_RELATIVE_TIME.match(line.text))
    )


def _mark_meta(dump: _Dump) -> None:
    """Mark capture-date, date, reading-time and prefixed byline lines."""
    for line in dump.lines:
        if dump.captured is None and line.words <= 10:
            captured = captured_date(line.text)
            if captured:
                dump.captured = (line.index, captured[0])
                dump.meta.add(line.index)
                continue
        if line.words <= 30 and byline_names(line.text, allow_bare=False):
            dump.bylines.add(line.index)
            dump.meta.add(line.index)
        elif (
            _is_date_line(line)
            or CONTRIBUTOR_PREFIX.match(line.text)
            or reading_time(line.text) is not None
        ):
            dump.meta.add(line.index)


def _mark_links(dump: _Dump) -> None:
    dump.blocks = find_link_blocks(dump.lines, lambda line: line.index in dump.meta)
    for block in dump.blocks:
        dump.link_headers.add(block.start)
        dump.link_lines.update(block.used)


# --- body ----------------------------------------------------------------------------------


def _line_score(dump: _Dump, line: Line) -> float:
    if line.index in dump.link_headers:
        return _SCORE_LINK_HEADER
    if line.index in dump.link_lines:
        return _SCORE_LINK
    if line.barrier:
        return _SCORE_BARRIER
    if line.debris:
        return _SCORE_DEBRIS
    if line.index in dump.meta:
        return _SCORE_META
    if is_prose(line):
        weight = min(line.words, _PROSE_CAP) * (1.0 if line.terminal else 0.8)
        # innerText puts a blank line between <p> paragraphs; prose packed without one is
        # more often a teaser or a caption, when the dump uses blank lines at all.
        return weight if line.blank_before or not dump.paragraph_breaks else 0.75 * weight
    if is_code(line.text):
        return 0.0
    if line.terminal and line.words >= 4:
        return 0.5
    return _SCORE_TINY if line.words <= 2 else _SCORE_SHORT


def _body_span(dump: _Dump) -> tuple[int, int] | None:
    """The maximum-sum run of line scores (Kadane), as inclusive line indices."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for line in dump.lines:
        score = _line_score(dump, line)
        if running <= 0:
            running, start = score, line.index
        else:
            running += score
        if running > best:
            best, best_span = running, (start, line.index)
    if best_span is None:
        return _fallback_span(dump)
    return best_span


def _paragraph_share(dump: _Dump, lines: list[Line]) -> tuple[float, float]:
    """Prose words of some lines, and the share of them in paragraphs next to other prose.

    An article runs paragraph after paragraph (furniture skipped); a stream of teasers puts
    a headline, a source or a comment count between its snippets.
    """
    content = [line for line in lines if _body_line_ok(dump, line)]
    prose = [is_prose(line) for line in content]
    total = sum(line.words for k, line in enumerate(content) if prose[k])
    running = sum(
        line.words
        for k, line in enumerate(content)
        if prose[k] and ((k > 0 and prose[k - 1]) or (k + 1 < len(content) and prose[k + 1]))
    )
    return total, running / total if total else 0.0


def _restart_at_headline(dump: _Dump, span: tuple[int, int]) -> tuple[int, int]:
    """Start the body run at a headline inside it when teasers, not the article, precede it.

    A run of prose may take in a stream of teasers (headline, snippet, source, headline...)
    above the article. A headline with its byline or date under it starts the article when
    the prose above it is mostly lone snippets and the prose under it runs in paragraphs.
    """
    lines = dump.lines
    restart = None
    for line in lines[span[0] + _TITLE_INSIDE_BODY : span[1] + 1]:
        if (
            line.words < _RESTART_MIN_WORDS
            or not is_heading_like(line)
            or line.index in dump.meta
            or line.index in dump.link_lines
            or _byline_line(dump, line)
            or _anchor_bonus(dump, line) <= 0
        ):
            continue
        before, before_share = _paragraph_share(dump, lines[span[0] : line.index])
        after, after_share = _paragraph_share(dump, lines[line.index + 1 : span[1] + 1])
        if (
            before >= _RESTART_MIN_PROSE <= after
            and before_share < _TEASER_SHARE
            and after_share >= _ARTICLE_SHARE
        ):
            restart = line.index
    return (restart, span[1]) if restart is not None else span


def _has_prose(dump: _Dump, span: tuple[int, int]) -> bool:
    return any(is_prose(line) for line in dump.lines[span[0] : span[1] + 1])


def _fallback_span(dump: _Dump) -> tuple[int, int] | None:
    """For dumps without prose (tiny pages), the run of plain lines that are not furniture."""
    keep = [
        line.index
        for line in dump.lines
        if not (
            line.debris or line.barrier or line.index in dump.link_lines or line.index in dump.meta
        )
    ]
    if not keep or len(dump.lines) > 12:
        return None
    return keep[0], keep[-1]


def _body_line_ok(dump: _Dump, line: Line) -> bool:
    if line.debris or line.barrier or line.index in dump.link_lines:
        return False
    if line.index in dump.meta and line.words <= 12:
        return False
    return not (dump.captured and line.index == dump.captured[0])


# --- title and standfirst ------------------------------------------------------------------


def _inside_limit(dump: _Dump, span: tuple[int, int] | None) -> int:
    """How far into the body run a headline may sit: past a little leading prose only.

    The run may open with prose above the headline (a consent notice, an editor's note);
    a headline with its byline under it may cut that off, but not a real share of the body.
    """
    if span is None:
        return len(dump.lines)
    run = dump.lines[span[0] : span[1] + 1]
    total = sum(line.words for line in run if is_prose(line))
    allowed = min(_LOST_MAX_WORDS, _LOST_SHARE * total)
    lost = 0.0
    seen: set[str] = set()
    for line in run:
        if is_prose(line) and line.text not in seen:
            # A notice rendered twice (banner and no-script copy) costs the body once.
            seen.add(line.text)
            lost += line.words
            if lost > allowed:
                return line.index
    return span[1]


def _window_start(dump: _Dump, body_start: int) -> int:
    """First line of the headline window above the body.

    The window holds `_HEADER_WINDOW` lines that are not furniture, so a long share panel
    between headline and body does not push the headline out of it.
    """
    seen = 0
    for line in reversed(dump.lines[:body_start]):
        if not line.debris:
            seen += 1
            if seen >= _HEADER_WINDOW:
                return line.index
    return 0


def _title_candidates(dump: _Dump, body_start: int, limit: int) -> list[Line]:
    low = _window_start(dump, body_start)
    high = max(body_start + _TITLE_INSIDE_BODY, limit)
    return [
        line
        for line in dump.lines[low:high]
        if (line.index < body_start + _TITLE_INSIDE_BODY or _anchor_bonus(dump, line) > 0)
        and is_heading_like(line)
        and line.index not in dump.meta
        and line.index not in dump.link_lines
        and not _byline_line(dump, line)
        and not _is_breadcrumb(line)
    ]


def _byline_line(dump: _Dump, line: Line) -> bool:
    """A byline rather than a headline: prefixed ("By ..."), or a bare name by a dateline.

    Two capitalised words ("Readability Test", "New Zealand") pass for a name, so a bare one
    counts only next to a date, and only when the names make up most of the line ("These
    Weeks in Firefox: Issue 85" is a headline).
    """
    names = byline_names(line.text, allow_bare=True)
    if not names:
        return False
    if BYLINE_PREFIX.match(line.text):
        return True
    if len(fold("".join(names))) < _BARE_NAME_SHARE * len(fold(byline_core(line.text))):
        return False
    near = dump.lines[max(0, line.index - _BARE_NAME_REACH) : line.index + _BARE_NAME_REACH + 1]
    if any(other.index != line.index and other.index in dump.bylines for other in near):
        # "Managing Python Environments" over "By John Walk": the byline is the prefixed one.
        return False
    return any(other.index in dump.meta for other in near)


def _is_breadcrumb(line: Line) -> bool:
    """A "Home > News > Headline" trail: it may end with the headline but is not one."""
    return len(_BREADCRUMB_STRICT.findall(line.text)) >= 2


def _skippable(dump: _Dump, line: Line) -> bool:
    """Lines a reader's eye skips between headline and body: furniture, dates, captions."""
    return line.debris or line.caption or line.index in dump.meta or line.index in dump.link_lines


def _is_byline_or_date(dump: _Dump, line: Line) -> bool:
    return line.index in dump.meta or bool(byline_names(line.text, allow_bare=True))


def _next_content(dump: _Dump, index: int) -> Line | None:
    for line in dump.lines[index + 1 : index + 8]:
        if not _skippable(dump, line):
            return line
    return None


def _repeats(dump: _Dump, line: Line) -> bool:
    """True when the headline shows up inside another line ("Share <title>", "<title> | Site")."""
    folded = dump.folded
    key = folded[line.index]
    if len(key) < 10:
        return False
    return any(
        other.index != line.index
        and other.chars < 3 * line.chars
        and key in folded[other.index]
        and folded[other.index] != key
        for other in dump.lines
    )


def _copies(dump: _Dump, line: Line) -> int:
    return sum(1 for other in dump.lines if other.text == line.text) - 1


def _previous_content(dump: _Dump, index: int) -> Line | None:
    for line in reversed(dump.lines[max(0, index - 6) : index]):
        if not _skippable(dump, line):
            return line
    return None


def _anchor_bonus(dump: _Dump, line: Line) -> float:
    """Bonus for a byline or date under the line: the strongest headline signal.

    Share rows and other furniture may sit in between; a couple of short lines (a section
    label, a comment count) may too, but no prose and no other headline.
    """
    short_lines = 0
    decks = 0
    following = dump.lines[line.index + 1 : line.index + 1 + _ANCHOR_WINDOW]
    for offset, other in enumerate(following):
        if decks and (other.index in dump.meta or _byline_line(dump, other)):
            return 3.5
        if not decks and _is_byline_or_date(dump, other):
            return 5.0 if offset == 0 else 3.5
        if _skippable(dump, other):
            continue
        if other.words > 4 and not decks and not short_lines and _deck_like(other):
            # Headline, deck, byline: the deck sits between a headline and its byline.
            decks += 1
            continue
        short_lines += 1
        if decks or other.words > 4 or short_lines > 2:
            # After a deck only the byline itself may follow.
            return 0.0
    return 0.0


def _deck_like(line: Line) -> bool:
    """One sentence-sized line, as a standfirst under a headline is."""
    return 8 <= line.words <= 40


def _title_score(dump: _Dump, line: Line, body_start: int) -> float:
    lines = dump.lines
    words = line.words
    if words <= 2:
        score = -4.0
    elif words < 4:
        score = -1.0
    else:
        score = 0.35 * min(words, 15.0) - 0.3 * max(0.0, words - 25)
    score += _anchor_bonus(dump, line)
    prev_line = lines[line.index - 1] if line.index > 0 else None
    next_line = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if (
        words <= _LABEL_MAX_WORDS
        and prev_line
        and next_line
        and prev_line.index in dump.meta
        and _is_byline_or_date(dump, next_line)
    ):
        # A line inside the byline block ("Tech Insider", "Health News").
        score -= 6.0
    if _ENDS_WITH_FUNCTION_WORD.search(line.text):
        score -= 3.0
    after = _next_content(dump, line.index)
    if after is not None and is_prose(after):
        score += 2.0
    standfirst = after is not None and after.index < body_start and _standfirst_like(dump, after)
    if standfirst:
        score += 3.0
    before = _previous_content(dump, line.index)
    if (
        before is not None
        and is_heading_like(before)
        and before.words >= 4
        and before.index not in dump.meta
    ):
        # A shorter kicker sits above a headline; a headline sits above its deck or label.
        score -= 3.0
        if words > _HEADLINE_MAX_WORDS and before.words < words:
            # A sentence-long line under a shorter heading is that heading's deck.
            score -= 2.0
    if _repeats(dump, line):
        score += 3.0
    copies = _copies(dump, line)
    if copies >= 2 and words <= 3:
        score -= 4.0
    elif copies >= 1 and words >= 4:
        # Headlines come back in the tab title, share text, breadcrumbs and footers.
        score += 2.5
    if title_case_ratio(line.text) >= 0.6:
        score += 1.0
    between = [
        other
        for other in lines[line.index + 1 : body_start]
        if not _skippable(dump, other)
        and not is_prose(other)
        and not (standfirst and other is after)
    ]
    score -= min(_BETWEEN_CAP, 0.8 * len(between)) + 0.05 * (body_start - line.index)
    if line.index >= body_start:
        score -= 5.0
    score += title_context_penalty(dump.lines, line, lambda other: _skippable(dump, other))
    if words <= 4 and prev_line and next_line and prev_line.words <= 4 and next_line.words <= 4:
        score -= 3.0
    score += _overlap_bonus(dump, line, body_start)
    return score


def _standfirst_like(dump: _Dump, line: Line) -> bool:
    """A deck under a headline; the next line of a list of teasers is not one."""
    skip = lambda other: _skippable(dump, other)  # noqa: E731
    return line.words >= 8 and not in_teaser_list(dump.lines, line, skip)


def _lead_paragraphs(dump: _Dump, line: Line, body_start: int) -> list[str]:
    """The first body paragraphs under a headline candidate."""
    found: list[str] = []
    after = _next_content(dump, line.index)
    if after is not None and after.index < body_start and _standfirst_like(dump, after):
        # The standfirst restates the headline more closely than the body does.
        found.append(after.text)
    for other in dump.lines[max(line.index + 1, body_start) :]:
        if is_prose(other) and other.index not in dump.link_lines:
            found.append(other.text)
            if len(found) == _LEAD_PARAGRAPHS:
                break
    return found


def _overlap_bonus(dump: _Dump, line: Line, body_start: int) -> float:
    """Bonus for sharing content words with the body: headlines do, teasers do not."""
    share, tokens = overlap(line.text, _lead_paragraphs(dump, line, body_start))
    return _OVERLAP_WEIGHT * share * min(1.0, tokens / _OVERLAP_FULL_TOKENS)


def _pick_title(dump: _Dump, span: tuple[int, int] | None) -> int | None:
    """Index of the best headline line around the start of the body, or None."""
    body_start = span[0] if span else len(dump.lines)
    candidates = _title_candidates(dump, body_start, _inside_limit(dump, span))
    scores = {line.index: _title_score(dump, line, body_start) for line in candidates}
    for line in candidates:
        headline = _spelled_out(dump, line)
        if headline is not None and headline in scores:
            # The same headline in full: take its standing, and prefer the full form.
            scores[line.index] = max(scores[line.index], scores[headline] + 0.5)
    best: tuple[float, int] | None = None
    for index, score in scores.items():
        if best is None or score > best[0]:
            best = (score, index)
    return best[1] if best else None


def _spelled_out(dump: _Dump, line: Line) -> int | None:
    """The headline under a line that spells out a kicker and that headline in one line.

    "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!" over "Lupita Nyong'o" (a kicker
    of a few words) and "$150K Pearl Oscar Dress ... STOLEN!!!!": the first line is the
    full headline, as the browser tab and the share text give it.
    """
    tokens = content_tokens(line.text)
    if len(tokens) < 3:
        return None
    following = dump.lines[line.index + 1 : line.index + 4]
    for kicker, headline in pairwise(following):
        if kicker.words > _KICKER_MAX_WORDS or headline.index == line.index:
            continue
        parts = content_tokens(kicker.text), content_tokens(headline.text)
        if all(parts) and parts[0] | parts[1] == tokens:
            return headline.index
    return None


def _near_duplicate(text: str, others: list[Line]) -> bool:
    words = set(re.findall(r"\w+", text.lower()))
    if len(words) < 6:
        return False
    for other in others:
        other_words = set(re.findall(r"\w+", other.text.lower()))
        if len(words & other_words) / len(words) >= 0.75:
            return True
    return False


def _pick_standfirst(
    dump: _Dump, title_index: int | None, span: tuple[int, int] | None
) -> int | None:
    """Index of the standfirst: the first prose line between the title and the body."""
    if title_index is None:
        return None
    lines = dump.lines
    for line in lines[title_index + 1 : title_index + 8]:
        if line.debris or line.index in dump.meta or line.index in dump.link_lines:
            continue
        if line.words < 8 or line.barrier:
            return None
        if span is None or line.index < span[0]:
            return line.index if line.words >= 8 else None
        if line.index > span[0]:
            return None
        return line.index if _opens_as_standfirst(dump, line, span) else None
    return None


def _opens_as_standfirst(dump: _Dump, line: Line, span: tuple[int, int]) -> bool:
    """Tell a standfirst from a first body paragraph when both start the prose run."""
    if line.index >= span[1]:
        return False
    if not line.terminal or split_attribution(line.text)[1]:
        return True
    rest = [ln for ln in dump.lines[line.index + 1 : span[1] + 1] if is_prose(ln)]
    if _near_duplicate(line.text, rest):
        return True
    return dump.lines[line.index + 1].index in dump.meta


# --- filling the story ---------------------------------------------------------------------


def _fill_text_fields(
    story: Story,
    dump: _Dump,
    title_index: int | None,
    summary_index: int | None,
    span: tuple[int, int] | None,
) -> None:
    lines = dump.lines
    if title_index is not None:
        story.title = lines[title_index].text
        story.provenance["title"] = "heuristic"
    if summary_index is not None:
        summary, outlet = split_attribution(lines[summary_index].text)
        story.summary = summary.rstrip(" …").removesuffix("...").rstrip()
        story.provenance["summary"] = "heuristic"
        if outlet:
            story.outlet = outlet
            story.provenance["outlet"] = "text"
    if span is not None:
        skip = {title_index, summary_index}
        # Reader-directed furniture inside the run (newsletter boxes, disclosures, author
        # bios at the end) reads the same in a dump as in HTML.
        story.paragraphs = drop_furniture(
            [
                line.text
                for line in lines[span[0] : span[1] + 1]
                if line.index not in skip and _body_line_ok(dump, line)
            ],
            drop_symbols=False,
            drop_repeats=False,
        )
        if story.paragraphs:
            story.provenance["paragraphs"] = "heuristic"


def _header_range(dump: _Dump, title_index: int | None, span: tuple[int, int] | None) -> range:
    """Lines around the title where bylines and dates live."""
    if title_index is None:
        start = span[0] if span else 0
        return range(max(0, start - 8), min(len(dump.lines), start + 1))
    end = span[0] if span and span[0] > title_index else title_index + 10
    end = min(end, title_index + 25, len(dump.lines))
    return range(max(0, title_index - 6), end)


def _fill_meta(
    story: Story, dump: _Dump, title_index: int | None, span: tuple[int, int] | None
) -> None:
    if dump.captured:
        story.captured_at = dump.captured[1]
        story.provenance["captured_at"] = "text"
    header = [dump.lines[i] for i in _header_range(dump, title_index, span)]
    if span:
        # The dateline may sit under a lead paragraph (or a deck and a caption), at the top
        # of the body run: before its third paragraph.
        top = []
        paragraphs = 0
        for line in dump.lines[span[0] : span[0] + _TOP_OF_BODY]:
            paragraphs += is_prose(line) and line.index not in dump.meta
            if paragraphs > 2:
                break
            top.append(line)
        header += [line for line in top if line.index in dump.meta and line not in header]
    tail = []
    if span:
        tail = dump.lines[span[1] + 1 : span[1] + 6]
    _fill_dates(story, dump, header + tail)
    _fill_authors(story, dump, header, title_index, span)
    for line in header + dump.lines[:_HEADER_WINDOW]:
        minutes = reading_time(line.text)
        if minutes is not None:
            story.reading_time_minutes = minutes
            story.provenance["reading_time_minutes"] = "text"
            break


def _fill_dates(story: Story, dump: _Dump, lines: list[Line]) -> None:
    published: tuple[datetime, str] | None = None
    by_label = False
    modified: datetime | None = None
    for line in lines:
        if line.words > 30 or (dump.captured and line.index == dump.captured[0]):
            continue
        if line.caption or (
            is_prose(line) and line.words > _DATELINE_MAX_WORDS and line.index not in dump.meta
        ):
            # "Doctors examine a child ... on Oct. 21, 2023. Photo: ...": a date in a
            # caption or a sentence is what it tells of, not when the story was filed.
            continue
        first, updated = split_updated(line.text)
        found = find_date(first, dump.day_first)
        if not found:
            continue
        labelled = labelled_published(line.text)
        if labelled and not by_label:
            # "Published: 26 September 2020" outranks an unlabelled date near the headline
            # (today's date in a weather strip, a dateline of a teaser).
            published, by_label = labelled, True
        if updated is not None:
            # "6 Dec 2024 / Updated 7 Dec 2024": the first date is the publication.
            published = published or found
            changed = find_date(updated, dump.day_first)
            modified = modified or (changed[0] if changed else None)
        elif is_updated_label(line.text):
            modified = modified or found[0]
        elif published is None:
            published = found
    if published is None:
        # A labelled publication date anywhere ("Published: 3 December 2019" in a footer),
        # or JSON-LD shown as text (scripts off), names the publication date outright.
        published = next(filter(None, (labelled_published(ln.text) for ln in dump.lines)), None)
    if published is None:
        published = next(filter(None, (schema_date(ln.text) for ln in dump.lines)), None)
    if published is None and modified is not None:
        # An update date says when the page last changed, not when the story was filed:
        # publication stays unknown rather than guessed (the HTML path does the same).
        story.notes.append("only an update date is shown; publication date unknown")
    if published:
        kept, note = check_published(published[0], story.captured_at)
        if note:
            story.notes.append(note)
        if kept:
            story.published_at, story.published_precision = kept, published[1]
            story.provenance["published_at"] = "text"
    if modified:
        story.modified_at = modified
        story.provenance["modified_at"] = "text"


def _fill_authors(
    story: Story,
    dump: _Dump,
    header: list[Line],
    title_index: int | None,
    span: tuple[int, int] | None,
) -> None:
    for line in header:
        names = byline_names(line.text, allow_bare=False)
        if names:
            story.authors = names
            story.provenance["authors"] = "text"
            return
    below_title = dump.lines[title_index + 1 : title_index + 6] if title_index is not None else []
    for line in below_title:
        if line.index in dump.link_lines:
            continue
        names = byline_names(line.text, allow_bare=True)
        if names:
            story.authors = names
            story.provenance["authors"] = "heuristic"
            return
    # "Written by Ana Sandoiu on July 27, 2017" under the article or in a side box: an
    # explicit credit wherever it is (a bare "By" line elsewhere may belong to a teaser).
    for line in dump.lines:
        if _CREDIT_LINE.match(line.text) and line.index not in dump.link_lines:
            names = byline_names(line.text, allow_bare=False)
            if names:
                story.authors = names
                story.provenance["authors"] = "text"
                return
    # A bare name beside a dateline or reading time ("Joseph Cox / 14 min read") above the
    # article, nearest to it first: page headers put the byline block before the headline.
    top = (
        min(i for i in (title_index, span[0] if span else None) if i is not None)
        if (title_index is not None or span)
        else 0
    )
    for line in reversed(dump.lines[max(0, top - _BYLINE_SEARCH) : top]):
        if line.index in dump.link_lines or not _byline_line(dump, line):
            continue
        near = range(line.index - _BARE_NAME_REACH, min(top, line.index + _BARE_NAME_REACH + 1))
        if not any(i in dump.meta for i in near if i != line.index):
            # Its dateline is under the headline: this is a label over the headline.
            continue
        story.authors = byline_names(line.text, allow_bare=True)
        story.provenance["authors"] = "heuristic"
        return


def _fill_outlet(story: Story, dump: _Dump, title_index: int | None) -> None:
    if story.outlet:
        return
    title = story.title
    for line in dump.lines:
        if title and line.index != title_index and line.text.startswith(title):
            parts = _TITLE_SEPARATOR.split(line.text[len(title) :].strip(), maxsplit=1)
            rest = line.text[len(title) :].strip()
            if _TITLE_SEPARATOR.match(" " + rest) and parts[-1] and len(parts[-1]) <= 40:
                story.outlet = parts[-1].strip()
                story.provenance["outlet"] = "heuristic"
                return
        match = _HOMEPAGE.match(line.text)
        if match and line.index < 20:
            story.outlet = match["name"].strip()
            story.provenance["outlet"] = "heuristic"
            return
    for line in reversed(dump.lines[-40:]):
        holder = copyright_holder(line.text)
        if holder:
            story.outlet = holder
            story.provenance["outlet"] = "text"
            return


def _fill_section(story: Story, dump: _Dump, title_index: int | None) -> None:
    if title_index is not None:
        for line in dump.lines[max(0, title_index - 4) : title_index]:
            label = _SECTION_LABEL.match(line.text)
            crumbs = [c for c in _BREADCRUMB.split(line.text) if c.strip()]
            if label:
                story.section = label.group(1).strip()
            elif 2 <= len(crumbs) <= 6 and line.words <= 10 and _BREADCRUMB.search(line.text):
                named = [c for c in crumbs if fold(c) not in {"home", "start", "inicio", "accueil"}]
                story.section = named[0].strip() if named else None
            if story.section:
                story.provenance["section"] = "text"
                return
    for block in dump.blocks:
        if block.kind == "section_latest" and block.section:
            story.section = block.section
            story.provenance["section"] = "heuristic"
            return


def _page_type(story: Story, dump: _Dump) -> str:
    body_words = sum(len(p.split()) for p in story.paragraphs)
    head = " ".join(line.text for line in dump.lines[:40])
    if body_words < 150 and (ERROR_PATTERN.search(story.title or "") or ERROR_PATTERN.search(head)):
        return "error"
    if body_words >= 50 or (
        story.paragraphs
        and any(ln.cjk for ln in dump.lines[:40])
        and sum(len(p) for p in story.paragraphs) >= 120
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
