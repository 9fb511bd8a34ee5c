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
from bisect import bisect_left

from newsdesk.dates import keep_published
from newsdesk.extract.author_box import drop_author_box
from newsdesk.extract.date_text import find_date, numeric_day_first
from newsdesk.extract.textdump_classify import end_signal, trim_span
from newsdesk.extract.textdump_dump import (
    Dump,
    body_line_ok,
    byline_line,
    has_prose,
    mark_links,
    mark_meta,
    rtl_byline_names,
)
from newsdesk.extract.textdump_fields import fill_meta, fill_outlet, fill_section, fill_text_fields
from newsdesk.extract.textdump_labels import (
    COMMENTS_HEADER,
)
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
from newsdesk.extract.textdump_pages import page_type
from newsdesk.extract.textdump_title import (
    TITLE_INSIDE_BODY,
    anchored_heading,
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
# A second article: its header (meta lines around its headline, looked for this far), and
# the running prose needed on both sides of it.
_HEADER_BLOCK_REACH = 4
_HEADER_BLOCK_MIN_LINES = 2
_NEXT_ARTICLE_MIN_WORDS = 80.0
_NEXT_ARTICLE_PARAGRAPH_WORDS = 15
_PARAGRAPH_REACH = 6
_NEXT_HEADLINE_MAX_WORDS = 20
_HEADER_LINE_MAX_WORDS = 8
_SENTENCE_STOP = re.compile(r"\.(?:\s|$)")
# A right-to-left byline is looked for this many lines around the headline.
_RTL_BYLINE_REACH = 6
# Enough of the page to tell its language for reading numeric dates.
_LANGUAGE_SAMPLE = 6000
#: Longest dump read, in characters (after line endings are normalised). The HTML path caps
#: pages at 3,000,000 characters of markup, whose visible text is a fraction of that; the
#: longest of 1,120 real dumps is 153,000 characters.
MAX_TEXT_CHARS = 1_000_000


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
    text, cap_note = _capped(clean_text(text))
    lines = split_lines(text)
    if not any(_WORD.search(line.text) for line in lines):
        raise ExtractionError("no words in text")
    dump = Dump(lines, day_first=_day_first(text))
    dump.paragraph_breaks = sum(line.blank_before for line in lines) >= 0.1 * len(lines)
    mark_meta(dump)
    mark_links(dump)
    story = Story(source_kind="text", url=url, source_path=source_path)
    if cap_note:
        story.notes.append(cap_note)
    span = _body_span(dump)
    if span:
        span = _restart_at_headline(dump, span)
        span = trim_span(lines, span, lambda line: body_line_ok(dump, line), dump.paragraph_breaks)
        span = _end_at_next_article(dump, span)
    title_index = pick_title(dump, span)
    if span and title_index is not None and title_index >= span[0] and not has_prose(dump, span):
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
    if not story.authors and title_index is not None:
        _fill_rtl_authors(story, dump, title_index)
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
    story.page_type = page_type(story, dump, span)
    return story


def _capped(text: str) -> tuple[str, str | None]:
    """The dump cut to `MAX_TEXT_CHARS` at a line break, and a note when it was cut.

    Every line costs regex work, so a runaway dump (a log, a page repeated a thousand times)
    is cut as the HTML path cuts pages; at a line break, so no line is left half read.
    """
    if len(text) <= MAX_TEXT_CHARS:
        return text, None
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS + 1)
    if cut <= 0:
        cut = MAX_TEXT_CHARS
    note = f"dump truncated to the first {cut} of {len(text)} characters, at a line break"
    return text[:cut], note


def _fill_rtl_authors(story: Story, dump: Dump, title_index: int) -> None:
    """Authors from a right-to-left byline near the headline ("بقلم أحمد خالد", "מאת דנה לוי").

    The byline readers ask for capitalised names, which Arabic and Hebrew do not have.
    """
    near = sorted(
        (i for i in dump.bylines if abs(i - title_index) <= _RTL_BYLINE_REACH),
        key=lambda i: (abs(i - title_index), i < title_index),
    )
    for index in near:
        if names := rtl_byline_names(dump.lines[index].text):
            story.authors = names
            story.provenance["authors"] = "text"
            return


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
        if not anchored_heading(dump, line):
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


class _ProseRuns:
    """Prose words in a body run, and how many of them sit in paragraphs next to other prose.

    An article runs paragraph after paragraph (furniture skipped); a stream of teasers puts
    a headline, a source or a comment count between its snippets. Prefix sums over the
    run's content lines answer `share` for any split in constant time, so testing every
    headline inside a long run stays linear.
    """

    def __init__(self, dump: Dump, span: tuple[int, int]) -> None:
        content = [line for line in dump.lines[span[0] : span[1] + 1] if body_line_ok(dump, line)]
        self._index = [line.index for line in content]
        self._prose = [is_prose(line) for line in content]
        self._words = [line.words if prose else 0.0 for line, prose in zip(content, self._prose)]
        self._total = [0.0]
        self._running = [0.0]
        for k, words in enumerate(self._words):
            self._total.append(self._total[-1] + words)
            self._running.append(
                self._running[-1] + (words if self._paired(k, 0, len(content)) else 0.0)
            )

    def _paired(self, k: int, low: int, high: int) -> bool:
        """Whether content line `k` is prose with prose next to it among lines `low:high`."""
        prose = self._prose
        return prose[k] and ((k - 1 >= low and prose[k - 1]) or (k + 1 < high and prose[k + 1]))

    def share(self, low_line: int, high_line: int) -> tuple[float, float]:
        """Prose words of the lines `low_line:high_line`, and the share in running paragraphs.

        Args:
            low_line: First line index (inclusive).
            high_line: Last line index (exclusive).

        Returns:
            The prose words, and the share of them next to other prose within the range.
        """
        low = bisect_left(self._index, low_line)
        high = bisect_left(self._index, high_line)
        total = self._total[high] - self._total[low]
        if not total:
            return 0.0, 0.0
        # Inside the range a line's neighbours are the whole run's; only the two edge lines
        # lose a neighbour that lies outside.
        running = 0.0
        if high - low > 2:
            running = self._running[high - 1] - self._running[low + 1]
        for k in {low, high - 1}:
            if low <= k < high and self._paired(k, low, high):
                running += self._words[k]
        return total, running / total


def _restart_at_headline(dump: Dump, span: tuple[int, int]) -> tuple[int, int]:
    """Start the body run at a headline inside it when teasers, not the article, precede it.

    A run of prose may take in a stream of teasers (headline, snippet, source, headline...)
    above the article. A headline with its byline or date under it starts the article when
    the prose above it is mostly lone snippets and the prose under it runs in paragraphs.
    """
    lines = dump.lines
    restart = None
    runs: _ProseRuns | None = None
    for line in lines[span[0] + TITLE_INSIDE_BODY : span[1] + 1]:
        if not anchored_heading(dump, line):
            continue
        runs = runs or _ProseRuns(dump, span)
        before, before_share = runs.share(span[0], line.index)
        after, after_share = runs.share(line.index + 1, span[1] + 1)
        if (
            before >= _RESTART_MIN_PROSE <= after
            and before_share < _TEASER_SHARE
            and after_share >= _ARTICLE_SHARE
        ):
            restart = line.index
    return (restart, span[1]) if restart is not None else span


def _end_at_next_article(dump: Dump, span: tuple[int, int]) -> tuple[int, int]:
    """End the body run where a second article starts: its headline with its own header.

    Dumps saved one after another into one file (or a page that shows the next story in
    full under the first) put a headline with its dateline and byline or reading time
    after the first article's last paragraph. When the first article's running paragraphs
    end right above that header and the second one's start right under it, the run ends
    above the header: one story is read, not both merged. Teasers (a dated title among
    dated titles) and comments (a dated name over one paragraph) have no such paragraphs
    on both sides.
    """
    lines = dump.lines
    runs: _ProseRuns | None = None
    for line in lines[span[0] + 1 : span[1] + 1]:
        if not (
            _RESTART_MIN_WORDS <= line.words <= _NEXT_HEADLINE_MAX_WORDS
            and is_heading_like(line)
            and not is_prose(line)
            and not _SENTENCE_STOP.search(line.text)
        ):
            # A headline is one phrase; a reference or a caption runs sentence after sentence.
            continue
        if line.index in dump.meta or line.index in dump.link_lines or byline_line(dump, line):
            continue
        block = _header_block(dump, line)
        if not block or not _opens_article(dump, line, block):
            continue
        runs = runs or _ProseRuns(dump, span)
        before, before_share = runs.share(span[0], block[0])
        after, after_share = runs.share(line.index + 1, span[1] + 1)
        if (
            before >= _NEXT_ARTICLE_MIN_WORDS <= after
            and before_share >= _ARTICLE_SHARE
            and after_share >= _ARTICLE_SHARE
        ):
            last = max(
                (other.index for other in lines[span[0] : block[0]] if is_prose(other)),
                default=span[0],
            )
            return span[0], last
    return span


def _paragraphs_follow(dump: Dump, index: int) -> bool:
    """Whether two paragraphs in a row come right under a line (dates and bylines skipped)."""
    under = [
        other
        for other in dump.lines[index + 1 : index + _PARAGRAPH_REACH]
        if not other.debris and other.index not in dump.meta
    ][:2]
    return len(under) == 2 and all(
        is_prose(other) and other.words >= _NEXT_ARTICLE_PARAGRAPH_WORDS for other in under
    )


def _opens_article(dump: Dump, line: Line, block: list[int]) -> bool:
    """Whether prose ends right above a header and two paragraphs start right under it.

    Above the header the first article's last paragraph, or its end (a comments count,
    a related-links block); under it the second article's first two paragraphs.
    """
    lines = dump.lines
    above = next(
        (other for other in reversed(lines[: block[0]]) if not other.debris),
        None,
    )
    if above is None or not (
        is_prose(above) or above.index in dump.link_headers or end_signal(above)
    ):
        return False
    return _paragraphs_follow(dump, max(block[-1], line.index))


def _header_block(dump: Dump, line: Line) -> list[int]:
    """The header lines of a headline that opens a story: date, byline, reading time.

    The short meta lines right above the headline and right under it count; they make a
    header when there are at least two of them and one is a byline or a full date (a live
    blog's bare "10:32" over each entry, or a lone "Updated" date under a subhead, is none).

    Returns:
        The header's line indices in order, or [] when the line has no such header.
    """
    lines = dump.lines

    def header_line(other: Line) -> bool:
        return other.words <= _HEADER_LINE_MAX_WORDS and (
            other.index in dump.meta or byline_line(dump, other)
        )

    block: list[int] = []
    for other in reversed(lines[max(0, line.index - _HEADER_BLOCK_REACH) : line.index]):
        if other.debris:
            continue
        if not header_line(other):
            break
        block.insert(0, other.index)
    for other in lines[line.index + 1 : line.index + 1 + _HEADER_BLOCK_REACH]:
        if other.debris:
            continue
        if not header_line(other):
            break
        block.append(other.index)
    if len(block) < _HEADER_BLOCK_MIN_LINES:
        return []
    if any(i in dump.bylines or byline_line(dump, lines[i]) for i in block) or any(
        find_date(lines[i].text) for i in block
    ):
        return block
    return []


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
