"""Extract a story from a plain-text page dump (a browser's innerText or select-all/copy).

A dump mixes the article with menus, cookie banners, share buttons, captions, related-link
blocks and footers, with no markup left to tell them apart. The extractor works like the HTML
boilerplate removers (jusText, boilerpipe) with text lines standing in for blocks:

1. every non-empty line gets cheap features (length, sentence punctuation, stopword density,
   debris labels; `textdump_lines`), and dates, bylines and reading times are recognised
   (`date_text`, `textdump_meta`);
2. related-link blocks are read and taken out of the running (`textdump_links`);
3. each line gets a score (prose positive, furniture negative, comment and footer headers
   strongly negative) and the body is the maximum-sum run of lines: the densest run of prose,
   which may bridge a caption or an ad label but not a menu;
4. the title is the best heading-like line just above the body, the standfirst the prose line
   between them; bylines, dates and the section are read around the title.
"""

from __future__ import annotations

import re

from newsdesk.dates import keep_published
from newsdesk.extract.author_box import drop_author_box
from newsdesk.extract.date_text import numeric_day_first
from newsdesk.extract.textdump_classify import end_signal, trim_span
from newsdesk.extract.textdump_dump import Dump, body_line_ok, byline_line, mark_links, mark_meta
from newsdesk.extract.textdump_fields import fill_meta, fill_outlet, fill_section, fill_text_fields
from newsdesk.extract.textdump_labels import COMMENTS_HEADER, ERROR_PATTERN
from newsdesk.extract.textdump_lines import (
    Line,
    clean_text,
    is_code,
    is_heading_like,
    is_prose,
    looks_binary,
    split_lines,
)
from newsdesk.extract.textdump_links import links_from_blocks
from newsdesk.extract.textdump_meta import detect_language
from newsdesk.extract.textdump_title import (
    TITLE_INSIDE_BODY,
    anchor_bonus,
    pick_standfirst,
    pick_title,
)
from newsdesk.model import ExtractionError, Story
from newsdesk.urls import url_date

_WORD = re.compile(r"\w")

# Line scores for the maximum-sum body search.
_SCORE_LINK = -12.0
_SCORE_LINK_HEADER = -30.0
_SCORE_BARRIER = -40.0
_SCORE_META = -6.0
_SCORE_DEBRIS = -5.0
_SCORE_SHORT = -2.5
_SCORE_TINY = -3.5
_PROSE_CAP = 150.0
# A headline inside the body run restarts it when this much more running prose follows it.
_RESTART_MIN_WORDS = 4
_RESTART_MIN_PROSE = 100.0
_TEASER_SHARE = 0.3
_ARTICLE_SHARE = 0.6
# Above a comments header, a run this strong against the best one below it is the article:
# a discussion may run ten times as long as the post it is under.
_ABOVE_COMMENTS_SHARE = 0.1
# A run under an anchored headline, parted from the best run by a links header, holding this
# share of the best run's score is the article; the headline is looked for this far up.
_UNDER_HEADLINE_SHARE = 0.5
_UNDER_HEADLINE_REACH = 80
# Enough of the page to tell its language for reading numeric dates.
_LANGUAGE_SAMPLE = 6000


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
    dump = Dump(lines, day_first=_day_first(text))
    dump.paragraph_breaks = sum(line.blank_before for line in lines) >= 0.1 * len(lines)
    mark_meta(dump)
    mark_links(dump)
    story = Story(source_kind="text", url=url, source_path=source_path)
    span = _body_span(dump)
    if span:
        span = _restart_at_headline(dump, span)
        span = trim_span(lines, span, lambda line: body_line_ok(dump, line), dump.paragraph_breaks)
    title_index = pick_title(dump, span)
    if span and title_index is not None and title_index >= span[0] and not _has_prose(dump, span):
        # A page without prose (a few plain lines) is all text; none of it is a headline.
        title_index = None
    if span and title_index is not None and span[0] <= title_index < span[1]:
        span = (title_index + 1, span[1])
    elif span and title_index == span[0] == span[1] and lines[title_index].words >= 12:
        # A one-line page: the line is the text, not a headline over nothing.
        title_index = None
    while span and span[0] < span[1] and byline_line(dump, lines[span[0]]):
        # The byline under the headline opens the run; it is not the first paragraph.
        span = (span[0] + 1, span[1])
    summary_index = pick_standfirst(dump, title_index, span)
    if span and summary_index is not None and summary_index >= span[0]:
        span = (summary_index + 1, span[1]) if summary_index < span[1] else None
    fill_text_fields(story, dump, title_index, summary_index, span)
    fill_meta(story, dump, title_index, span)
    if story.published_at is None and (from_url := url_date(url)):
        # The page's own URL ("/2019/08/02/slug") dates a dump that shows no date.
        keep_published(story, from_url, "url")
    story.paragraphs = drop_author_box(story.paragraphs, story.authors)
    fill_outlet(story, dump, title_index)
    story.links = links_from_blocks(dump.blocks)
    if story.links:
        story.provenance["links"] = "text"
    fill_section(story, dump, title_index)
    story.language = detect_language(story.body_text or "\n".join(ln.text for ln in lines))
    if story.language:
        story.provenance["language"] = "heuristic"
    story.page_type = _page_type(story, dump, span)
    return story


def _day_first(text: str) -> bool | None:
    """The page's order for numeric dates: its own dates decide, else its language.

    Outside English, numeric dates are written day first ("05/07/2022" is 5 July in Lima
    and in Lisbon); English pages may write either, so they keep the per-format default.
    """
    order = numeric_day_first(text)
    if order is None and detect_language(text[:_LANGUAGE_SAMPLE]) not in (None, "en"):
        return True
    return order


# --- body --------------------------------------------------------------------------------------


def _line_score(dump: Dump, line: Line) -> float:
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


def _body_span(dump: Dump) -> tuple[int, int] | None:
    """The maximum-sum run of line scores (Kadane), as inclusive line indices.

    Comments follow the article: when the best run lies under a comments header and the
    text above that header holds a run at least `_ABOVE_COMMENTS_SHARE` as strong, the run
    above is the article (a short post outweighed by a long discussion).
    """
    best, best_span = _best_run(dump, dump.lines)
    if best_span is None:
        return _fallback_span(dump)
    header = next(
        (
            line.index
            for line in dump.lines[: best_span[0]]
            if line.barrier and COMMENTS_HEADER.search(line.text)
        ),
        None,
    )
    if header is not None:
        above, above_span = _best_run(dump, dump.lines[:header])
        if above_span is not None and above >= _ABOVE_COMMENTS_SHARE * best:
            return above_span
    return _run_under_headline(dump, best, best_span) or best_span


def _run_under_headline(
    dump: Dump, best: float, best_span: tuple[int, int]
) -> tuple[int, int] | None:
    """The prose under an anchored headline, when a block of links parts it from the best run.

    A paywall leaves an article a standfirst and a paragraph; the teasers under a "More
    articles" header below may outweigh that. A headline with its byline or date under it,
    then prose, then a related-links header or a footer before the best run: the prose
    under the headline is the article when it holds `_UNDER_HEADLINE_SHARE` of the best run.
    """
    lines = dump.lines
    for line in reversed(lines[max(0, best_span[0] - _UNDER_HEADLINE_REACH) : best_span[0]]):
        if not _anchored_heading(dump, line):
            continue
        between = lines[line.index + 1 : best_span[0]]
        stop = next(
            (
                other.index
                for other in between
                if other.index in dump.link_headers or end_signal(other)
            ),
            None,
        )
        if stop is None:
            continue
        score, span = _best_run(dump, lines[line.index + 1 : stop])
        if span is not None and score >= _UNDER_HEADLINE_SHARE * best:
            return span
        return None
    return None


def _best_run(dump: Dump, lines: list[Line]) -> tuple[float, tuple[int, int] | None]:
    """Score and inclusive index span of the maximum-sum run of line scores among `lines`."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for line in lines:
        score = _line_score(dump, line)
        if running <= 0:
            running, start = score, line.index
        else:
            running += score
        if running > best:
            best, best_span = running, (start, line.index)
    return best, best_span


def _paragraph_share(dump: Dump, lines: list[Line]) -> tuple[float, float]:
    """Prose words of some lines, and the share of them in paragraphs next to other prose.

    An article runs paragraph after paragraph (furniture skipped); a stream of teasers puts
    a headline, a source or a comment count between its snippets.
    """
    content = [line for line in lines if body_line_ok(dump, line)]
    prose = [is_prose(line) for line in content]
    total = sum(line.words for k, line in enumerate(content) if prose[k])
    running = sum(
        line.words
        for k, line in enumerate(content)
        if prose[k] and ((k > 0 and prose[k - 1]) or (k + 1 < len(content) and prose[k + 1]))
    )
    return total, running / total if total else 0.0


def _restart_at_headline(dump: Dump, span: tuple[int, int]) -> tuple[int, int]:
    """Start the body run at a headline inside it when teasers, not the article, precede it.

    A run of prose may take in a stream of teasers (headline, snippet, source, headline...)
    above the article. A headline with its byline or date under it starts the article when
    the prose above it is mostly lone snippets and the prose under it runs in paragraphs.
    """
    lines = dump.lines
    restart = None
    for line in lines[span[0] + TITLE_INSIDE_BODY : span[1] + 1]:
        if not _anchored_heading(dump, line):
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


def _anchored_heading(dump: Dump, line: Line) -> bool:
    """A headline-like line (not a byline or link) with its byline or date under it."""
    return (
        line.words >= _RESTART_MIN_WORDS
        and is_heading_like(line)
        and line.index not in dump.meta
        and line.index not in dump.link_lines
        and not byline_line(dump, line)
        and anchor_bonus(dump, line) > 0
    )


def _has_prose(dump: Dump, span: tuple[int, int]) -> bool:
    return any(is_prose(line) for line in dump.lines[span[0] : span[1] + 1])


def _fallback_span(dump: Dump) -> tuple[int, int] | None:
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


# --- page type ---------------------------------------------------------------------------------


def _page_type(story: Story, dump: Dump, span: tuple[int, int] | None) -> str:
    body_words = sum(len(p.split()) for p in story.paragraphs)
    head = " ".join(line.text for line in dump.lines[:40])
    if body_words < 150 and (ERROR_PATTERN.search(story.title or "") or ERROR_PATTERN.search(head)):
        return "error"
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


def _commented_post(story: Story, dump: Dump, span: tuple[int, int] | None) -> bool:
    """A short post with a headline over its text and a comment section under it.

    Listings carry no comment form; a post of a few lines does, so its sidebar's headlines
    do not make it a listing.
    """
    if not (story.title and span and _has_prose(dump, span)):
        return False
    return any(
        line.barrier and COMMENTS_HEADER.search(line.text) for line in dump.lines[span[1] + 1 :]
    )
