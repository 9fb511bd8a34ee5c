"""A second pass over the body run of a plain-text page dump, and headline context.

`textdump` finds the body as the densest run of prose lines. That run is greedy: prose after
the article (comment threads, teaser snippets, live tickers) pulls it past the end whenever it
outweighs the furniture in between. `trim_span` ends the run at the first end-of-article
signal once enough body text precedes it:

- strong signals end it outright: comment headers with a count or a call to comment, author
  boxes, editor marks (`END_STRONG`);
- weak signals (related/popular headers, share and tag rows, copyright lines; `END_WEAK`) and
  teaser lists (three or more short headline-like lines in a row) end it unless the article
  resumes after them, as it does after an inline "Related" box or a table of contents.

A jusText classification of the lines (Pomikálek: good / near-good / short / bad by length and
stopword density, then the context pass) was tried for trimming the run's edges and dropping
bad lines inside it; it lowered body F1 on the Readability dumps, whose expected bodies keep
short lines around the text, so it is not used.

`title_context_penalty` marks headline candidates that are interface prompts, gallery
headlines or one of a list of teasers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.extract.textdump_labels import (
    END_STRONG,
    END_WEAK,
    GALLERY_PATTERN,
    PROMPT_PATTERN,
    fold,
)
from newsdesk.extract.textdump_lines import Line, is_heading_like, is_prose
from newsdesk.extract.textdump_links import match_header

# Body text that must come before an end signal for it to count as the end.
MIN_BODY_WORDS = 80
END_MAX_WORDS = 14
RESUME_WINDOW = 10
RESUME_WORDS = 15
# Teaser snippets are a sentence or two; a paragraph this long is the article again.
RESUME_LONG_WORDS = 45
TEASER_RUN = 3
TEASER_MIN_WORDS = 3
TEASER_MAX_WORDS = 20
# Photo-gallery labels: how far around a candidate they count, and what each costs.
GALLERY_REACH = 6
GALLERY_LABEL_PENALTY = 1.5
GALLERY_MAX_PENALTY = 6.0
# A candidate this many lines under a related-stories header is one of its teasers.
LINK_HEADER_REACH = 6
MENU_ENTRY_WORDS = 3
_TEASER_KINDS = frozenset({"related", "recommended", "section_latest"})
# A headline among this many headline-like lines in a row is one of a list of teasers.
TEASER_LIST_TITLES = 4
TEASER_LONG_WORDS = 5
# Headlines, even long teasers with an author name run on, stay under this many words.
LISTED_MAX_WORDS = 25
TEASER_LONG_TITLES = 3

# "652 Ratings", "459 Reviews", "12 comments": a count under a headline, not a teaser.
_COUNT_LABEL = re.compile(r"^\d[\d,.]*[kKmM]?\s+[^\W\d_]+$")


def end_signal(line: Line) -> str | None:
    """The strength of an end-of-article signal ("strong" or "weak"), or None."""
    if line.words > END_MAX_WORDS:
        return None
    if END_STRONG.match(line.text):
        return "strong"
    # A bare "Comment" is a button or a table heading; comment sections say "Comments".
    if (line.barrier and fold(line.text) != "comment") or END_WEAK.match(line.text):
        return "weak"
    return None


def _resumes(
    lines: list[Line],
    i: int,
    end: int,
    is_furniture: Callable[[Line], bool],
    paragraph_breaks: bool = False,
    window: int = RESUME_WINDOW,
) -> bool:
    """True when the article carries on after line `i`: two paragraphs in a row come soon.

    Furniture in between (an advert label, a link box) is skipped; a teaser list has single
    snippets between headlines, so it does not count as the article carrying on. In a dump
    that separates paragraphs with blank lines, prose packed right under the header without
    one, line after line, is the header's own list (teasers, each headline run into its
    snippet).
    """
    seen = 0
    in_row = 0
    listed = paragraph_breaks
    previous = i
    for line in lines[i + 1 : end + 1]:
        if is_furniture(line):
            continue
        seen += 1
        if seen > window:
            return False
        prose = is_prose(line)
        listed = listed and prose and not line.blank_before and line.index == previous + 1
        previous = line.index
        if prose and line.words >= RESUME_WORDS and not listed:
            in_row += 1
            if in_row >= 2 or line.words >= RESUME_LONG_WORDS:
                return True
        else:
            in_row = 0
    return False


def _teaser_like(line: Line, furniture: Callable[[Line], bool]) -> bool:
    return (
        not line.terminal
        and not furniture(line)
        and TEASER_MIN_WORDS <= line.words <= TEASER_MAX_WORDS
        and is_heading_like(line)
        and not is_prose(line)
    )


def _teaser_run_end(
    lines: list[Line], i: int, end: int, furniture: Callable[[Line], bool]
) -> int | None:
    """Last line of a run of at least `TEASER_RUN` headline-like lines starting at `i`."""
    j = i
    while j <= end and _teaser_like(lines[j], furniture):
        j += 1
    return j - 1 if j - i >= TEASER_RUN else None


def _resume_points(
    lines: list[Line], span: tuple[int, int], is_furniture: Callable[[Line], bool]
) -> list[bool]:
    """Per line of the run: do two paragraphs in a row come anywhere after it?"""
    start, end = span
    after = [False] * (end - start + 2)
    previous_prose = False
    found = False
    for line in reversed(lines[start : end + 1]):
        after[line.index - start] = found
        if is_furniture(line):
            continue
        prose = is_prose(line) and line.words >= RESUME_WORDS
        found = found or (prose and previous_prose)
        previous_prose = prose
    return after


def trim_span(
    lines: list[Line],
    span: tuple[int, int],
    body_ok: Callable[[Line], bool],
    paragraph_breaks: bool = False,
) -> tuple[int, int]:
    """End a body run at the first end-of-article signal that follows enough body text.

    Args:
        lines: The dump's lines.
        span: The body run, inclusive line indices.
        body_ok: Whether a line may be part of a body (not furniture, not a link).
        paragraph_breaks: Whether the dump separates paragraphs with blank lines.

    Returns:
        The run, possibly shorter; never empty.
    """
    start, end = span
    words = 0.0
    last_body = start
    furniture = lambda line: not body_ok(line)  # noqa: E731
    resume_later = _resume_points(lines, span, furniture)
    for line in lines[start : end + 1]:
        if words >= MIN_BODY_WORDS and _ends_here(
            lines, line, end, furniture, resume_later, paragraph_breaks
        ):
            return start, last_body
        if is_prose(line):
            words += line.words
        if body_ok(line) and (is_prose(line) or line.terminal):
            last_body = line.index
    return span


def _ends_here(
    lines: list[Line],
    line: Line,
    end: int,
    furniture: Callable[[Line], bool],
    resume_later: list[bool],
    paragraph_breaks: bool,
) -> bool:
    signal = end_signal(line)
    if signal == "strong":
        return True
    if signal == "weak":
        return not _resumes(lines, line.index, end, furniture, paragraph_breaks)
    if not _teaser_like(line, furniture) or (
        line.index > 0 and _teaser_like(lines[line.index - 1], furniture)
    ):
        return False
    run_end = _teaser_run_end(lines, line.index, end, furniture)
    # A list inside an article (a table of contents, bullet points) is followed by more
    # article somewhere in the run; a teaser list by snippets and furniture only.
    start = end - len(resume_later) + 2
    return run_end is not None and not resume_later[run_end - start]


def teaser_list_size(
    lines: list[Line], line: Line, skip: Callable[[Line], bool], min_words: int = 2
) -> int:
    """How many headline-like lines in a row the line belongs to (furniture breaks a run)."""

    def listed(other: Line) -> bool:
        return (
            min_words <= other.words <= LISTED_MAX_WORDS
            and is_heading_like(other)
            and not skip(other)
            and not _COUNT_LABEL.match(other.text)
        )

    if not listed(line):
        return 0
    size = 1
    for step in (-1, 1):
        j = line.index + step
        while 0 <= j < len(lines) and listed(lines[j]):
            size += 1
            j += step
    return size


def in_teaser_list(lines: list[Line], line: Line, skip: Callable[[Line], bool]) -> bool:
    """True for a line among many short headline-like lines, or a few long ones.

    A headline has a kicker above and a deck below at most; three full-length headline-like
    lines in a row are a sidebar of teasers.
    """
    return (
        teaser_list_size(lines, line, skip) >= TEASER_LIST_TITLES
        or teaser_list_size(lines, line, skip, TEASER_LONG_WORDS) >= TEASER_LONG_TITLES
    )


def _gallery_penalty(lines: list[Line], line: Line) -> float:
    """Penalty for photo-gallery labels ("1 of 24", "Full Screen") around a candidate.

    One label right next to it is a hint; each further label around it makes a gallery's
    own headline more certain.
    """
    near = lines[max(0, line.index - 2) : line.index] + lines[line.index + 1 : line.index + 3]
    if not any(GALLERY_PATTERN.search(other.text) for other in near if other.words <= 6):
        return 0.0
    around = lines[max(0, line.index - GALLERY_REACH) : line.index + GALLERY_REACH + 1]
    labels = sum(1 for other in around if other.words <= 6 and GALLERY_PATTERN.search(other.text))
    return min(GALLERY_MAX_PENALTY, GALLERY_LABEL_PENALTY * (labels + 1))


def title_context_penalty(lines: list[Line], line: Line, skip: Callable[[Line], bool]) -> float:
    """Penalty for headline candidates that are prompts, gallery headlines or list teasers.

    Args:
        lines: The dump's lines.
        line: The candidate.
        skip: Lines a reader skips between a headline and its body (furniture, dates).

    Returns:
        A value <= 0 to add to the candidate's score.
    """
    penalty = 0.0
    if PROMPT_PATTERN.match(line.text):
        penalty -= 5.0
    penalty -= _gallery_penalty(lines, line)
    if in_teaser_list(lines, line, skip):
        penalty -= 3.0
    if _under_link_header(lines, line):
        penalty -= 4.0
    return penalty


def _under_link_header(lines: list[Line], line: Line) -> bool:
    """True when a related/recommended header sits a few short lines above the candidate.

    Such a box lists other stories, often with kicker labels and bylines that break it up
    as a link block, right above the body it interrupts.
    """
    for other in reversed(lines[max(0, line.index - LINK_HEADER_REACH) : line.index]):
        if is_prose(other) and other.words >= RESUME_WORDS:
            return False
        header = match_header(other)
        if (header is not None and header[0] in _TEASER_KINDS) or (
            other.words <= END_MAX_WORDS and END_WEAK.match(other.text)
        ):
            return not _in_menu(lines, other)
    return False


def _in_menu(lines: list[Line], line: Line) -> bool:
    """True for a line between two very short ones: an entry of a menu or table of contents."""
    if line.index == 0 or line.index + 1 >= len(lines):
        return False
    return lines[line.index - 1].words <= MENU_ENTRY_WORDS >= lines[line.index + 1].words
