"""The headline and standfirst of a text dump, picked around the start of the body run.

Headline candidates are heading-like lines in a window above the body (or just inside it);
each is scored on its byline or date underneath (or a dateline right over it), the prose and
deck under it, its repeats elsewhere on the page and its word overlap with the first body
paragraphs. A candidate between the article's header (headline, byline, date) and its body
is a subtitle or a picture title, and loses.
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise

from newsdesk.extract.date_text import LINE_CACHE, find_date
from newsdesk.extract.html_boilerplate import is_furniture
from newsdesk.extract.textdump_classify import in_teaser_list, title_context_penalty
from newsdesk.extract.textdump_dump import HEADER_WINDOW, Dump, bare_names, byline_line
from newsdesk.extract.textdump_labels import BYLINE_PREFIX, COMMENTS_ON, fold
from newsdesk.extract.textdump_lines import Line, is_heading_like, is_prose, title_case_ratio
from newsdesk.extract.textdump_meta import split_attribution
from newsdesk.extract.textdump_overlap import content_tokens, overlap

# A headline may sit this many lines into the body run on its own standing; further in, it
# needs a byline or date under it (and may then restart the run, see `textdump`).
TITLE_INSIDE_BODY = 4
# Longer than this, a line under a heading reads as its deck.
# A headline with its byline or date under it has at least this many words.
_ANCHORED_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 15
# A "By ..." line this short is a credit line, never a headline.
_CREDIT_MAX_WORDS = 6
# A breadcrumb this close above a candidate and ending with it names the page.
_BREADCRUMB_REACH = 4
_BREADCRUMB_BONUS = 3.0
# This many bare names in a row are a list of people, not a byline.
_NAME_LIST = 3
# An anchored headline may cut off at most this much leading prose of the body run.
_LOST_MAX_WORDS = 150.0
_LOST_SHARE = 0.1
_ANCHOR_WINDOW = 16
_KICKER_MAX_WORDS = 4
# A label inside a byline block ("Tech Insider") is this short; a headline under its
# dateline and over its byline is longer.
_LABEL_MAX_WORDS = 4
_BETWEEN_CAP = 4.0
# Title Case and sentence case, by the share of capitalised words.
_TITLE_CASE = 0.6
_SENTENCE_CASE = 0.4
# A dateline right over a line: a weaker headline signal than a byline under it.
_DATE_ABOVE_BONUS = 2.5
_DATE_ABOVE_REACH = 3
# A heading-like line between the article's header (headline, byline, date) and its body.
_BELOW_HEADER_PENALTY = 8.0
_ABOVE_HEADER_PENALTY = 5.0
# A candidate must score this much, byline included, to count as the article's header.
_HEADER_MIN_SCORE = 5.0
# Lexical overlap with the first body paragraphs: how many, and the weight of a full overlap.
_LEAD_PARAGRAPHS = 3
_OVERLAP_WEIGHT = 8.0
_OVERLAP_FULL_TOKENS = 3
_ENDS_WITH_FUNCTION_WORD = re.compile(
    r"\b(?:by|of|to|for|the|a|an|and|or|in|on|with|from|at|as|de|la|le|der|die|und|y|et)$",
    re.IGNORECASE,
)
_DOTTED_MAX_WORDS = 4
_DOTTED_MIN_WORDS = 5
# How far above the headline window an anchored headline is looked for, when none is in it.
_FAR_HEADER_REACH = 80
# A sentence ending inside a line this long: a lower-case word closed by . ! ? or ; and a
# capitalised word after it (ordinals such as "19." and abbreviations do not count).
_MID_SENTENCE = re.compile(r"[a-zäöüßàâçéèêëîïôûùÿñ]{3}(?:[.!?]\s+[\"“„«]?[A-ZÄÖÜ]|;\s+\w)")
_MID_SENTENCE_WORDS = 12
_MID_SENTENCE_PENALTY = 6.0
# A recipe's ingredient or time ("100 g Butter", "120 Minuten", "2 EL Zucker") is no headline.
_QUANTITY = re.compile(
    r"^(?:ca\.?\s*)?\d+(?:[.,/½¼¾]\d*)?\s*(?:-\s*\d+\s*)?(?:g|kg|mg|ml|cl|dl|l|el|tl|msp|stk|"
    r"stück|prisen?|gramm|liter|minuten|min|std|stunden?|cups?|tbsp|tsp|tablespoons?|"
    r"teaspoons?|oz|ounces?|lbs?|pounds?|becher|dosen?|päckchen|pck|scheiben?|zehen?|"
    r"eier|eigelb|eiweiß)(?=\s+\S)",
    re.IGNORECASE,
)
_QUOTES = "\"'“”„‟«»‹›‘’‚‛ "
# Arrows between crumbs: spaced, or glued between words ("Home»News"); not guillemets
# quoting a title («Vape Wave», «6 Days»).
_BREADCRUMB_STRICT = re.compile(r"\s(?:>>|››|»»|›|»|→|>)\s|(?<=\w)(?:»|›|→|>)(?=\w)")
# "Sie sind hier:", "You are here:" open a trail; so may a "Home" crumb.
_CRUMB_HERE = re.compile(
    r"^(?:you\s+are\s+here|sie\s+sind\s+hier|vous\s+[êe]tes\s+ici|usted\s+est[áa]\s+aqu[íi]|"
    r"est[áa]s\s+en)\s*:?\s*(?:>\s*)?",
    re.IGNORECASE,
)
_CRUMB_HOME = re.compile(r"^(?:home|startseite|start|accueil|inicio)\b", re.IGNORECASE)


def _inside_limit(dump: Dump, span: tuple[int, int] | None) -> int:
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


def _window_start(dump: Dump, body_start: int) -> int:
    """First line of the headline window above the body.

    The window holds `HEADER_WINDOW` lines that are neither furniture nor related links, so
    a long share panel or a "You may also like" box between headline and body does not push
    the headline out of it.
    """
    seen = 0
    for line in reversed(dump.lines[:body_start]):
        if not line.debris and line.index not in dump.link_lines:
            seen += 1
            if seen >= HEADER_WINDOW:
                return line.index
    return 0


def _title_candidates(dump: Dump, body_start: int, limit: int) -> list[Line]:
    low = _window_start(dump, body_start)
    high = max(body_start + TITLE_INSIDE_BODY, limit)
    found = [
        line
        for line in dump.lines[low:high]
        if (line.index < body_start + TITLE_INSIDE_BODY or anchor_bonus(dump, line) > 0)
        and _could_be_headline(dump, line)
    ]
    if any(anchor_bonus(dump, line) > 0 for line in found):
        return found
    # No line near the body has a byline or date under it: a box of specs or teasers may
    # part the article's header from its text, so an anchored headline further up counts.
    farther = [
        line
        for line in dump.lines[max(0, low - _FAR_HEADER_REACH) : low]
        if anchor_bonus(dump, line) > 0 and _could_be_headline(dump, line)
    ]
    return farther + found


def _could_be_headline(dump: Dump, line: Line) -> bool:
    return (
        (is_heading_like(line) or _dotted_headline(dump, line))
        and line.index not in dump.meta
        and line.index not in dump.link_lines
        and not byline_line(dump, line)
        and not _is_credit(line)
        and not _is_breadcrumb(line)
        and not _QUANTITY.match(line.text)
    )


def _dotted_headline(dump: Dump, line: Line) -> bool:
    """A few capitalised words closed by a full stop over a byline or dateline ("Nebelsuppe.").

    Some blogs end every headline with a full stop; a sentence that short with the post's
    date under it is the headline, not text.
    """
    if not (
        line.text.endswith(".")
        and not line.text.endswith("..")
        and line.text[:1].isupper()
        and not (line.debris or line.barrier or line.caption)
    ):
        return False
    if "," not in line.text and 1 <= line.words <= _DOTTED_MAX_WORDS:
        return anchor_bonus(dump, line) > 0
    return _decked(dump, line)


def _decked(dump: Dump, line: Line) -> bool:
    """A headline-sized line over a longer deck that has the byline or date right under it.

    Headline, deck, byline is an article's header even when the headline is written as
    sentences ("Goats ruled this island for a century. Now, it's being reborn.").
    """
    if not _DOTTED_MIN_WORDS <= line.words <= _HEADLINE_MAX_WORDS:
        return False
    deck = _next_content(dump, line.index)
    if deck is None or deck.index != line.index + 1 or deck.index + 1 >= len(dump.lines):
        return False
    return (
        _deck_like(deck)
        and deck.words > line.words
        and _is_byline_or_date(dump, dump.lines[deck.index + 1])
    )


def _is_credit(line: Line) -> bool:
    """A short "By ..." line, even one naming no person ("By LETTERS TO THE EDITOR")."""
    return line.words <= _CREDIT_MAX_WORDS and bool(BYLINE_PREFIX.match(line.text))


def _ends_breadcrumb(dump: Dump, line: Line) -> bool:
    """Whether a breadcrumb trail just above the line ends with the line's text."""
    key = fold(line.text)
    for other in dump.lines[max(0, line.index - _BREADCRUMB_REACH) : line.index]:
        crumbs = _crumbs(other.text)
        if crumbs and key and fold(crumbs[-1]) == key:
            return True
    return False


def _is_breadcrumb(line: Line) -> bool:
    """A "Home > News > Headline" trail: it may end with the headline but is not one."""
    return bool(_crumbs(line.text))


@functools.lru_cache(maxsize=LINE_CACHE)
def _crumbs(text: str) -> tuple[str, ...]:
    """The crumbs of a breadcrumb trail, or () for a line that is not one (cached per text).

    Two arrows make a trail ("Home › Politik › Headline", also "Home»News»Headline" and
    "Home ›› Politik"); so do two slashes after a "Home" crumb ("Home / Essays / 2017 /
    Headline"), and anything after "Sie sind hier:" / "You are here:".
    """
    here = _CRUMB_HERE.match(text)
    rest = text[here.end() :] if here else text
    arrows = tuple(c.strip() for c in _BREADCRUMB_STRICT.split(rest) if c.strip())
    slashes = tuple(c.strip() for c in rest.split(" / ") if c.strip())
    if here and rest.strip():
        return arrows if len(arrows) > 1 else slashes
    if len(arrows) >= 3:
        return arrows
    if _CRUMB_HOME.match(rest) and len(slashes) >= 3:
        return slashes
    return ()


def _skippable(dump: Dump, line: Line) -> bool:
    """Lines a reader's eye skips between headline and body: furniture, dates, captions."""
    return line.debris or line.caption or line.index in dump.meta or line.index in dump.link_lines


def _is_byline_or_date(dump: Dump, line: Line) -> bool:
    if line.index in dump.meta:
        return True
    return bool(bare_names(dump, line)) and not _in_name_list(dump, line)


def _in_name_list(dump: Dump, line: Line) -> bool:
    """A name among several names in a row: a cast or contributor list, not a byline."""
    run = 1
    for step in (-1, 1):
        i = line.index + step
        while 0 <= i < len(dump.lines) and run < _NAME_LIST and bare_names(dump, dump.lines[i]):
            run += 1
            i += step
    return run >= _NAME_LIST


def _next_content(dump: Dump, index: int) -> Line | None:
    for line in dump.lines[index + 1 : index + 8]:
        if not _skippable(dump, line):
            return line
    return None


def _repeats(dump: Dump, line: Line) -> bool:
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


def _copies(dump: Dump, line: Line) -> int:
    return sum(1 for other in dump.lines if other.text == line.text) - 1


def _previous_content(dump: Dump, index: int) -> Line | None:
    for line in reversed(dump.lines[max(0, index - 6) : index]):
        if not _skippable(dump, line):
            return line
    return None


def anchor_bonus(dump: Dump, line: Line) -> float:
    """Bonus for a byline or date under the line: the strongest headline signal.

    Share rows and other furniture may sit in between; a couple of short lines (a section
    label, a comment count) may too, but no prose and no other headline.

    Args:
        dump: The dump, with meta and link lines marked.
        line: The headline candidate.

    Returns:
        5.0 for a byline or date right under the line, 3.5 for one further down, else 0.0.
    """
    short_lines = 0
    decks = 0
    following = dump.lines[line.index + 1 : line.index + 1 + _ANCHOR_WINDOW]
    for offset, other in enumerate(following):
        if decks and (other.index in dump.meta or byline_line(dump, other)):
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


def _dated_above(dump: Dump, line: Line) -> bool:
    """Whether a dateline sits right above the line (blogs put the date over the title)."""
    for other in reversed(dump.lines[max(0, line.index - _DATE_ABOVE_REACH) : line.index]):
        if other.debris:
            continue
        return (
            other.index in dump.meta
            and other.index not in dump.bylines
            and find_date(other.text) is not None
        )
    return False


def _tagline_over(before: Line, line: Line) -> bool:
    """A longer sentence-case line over a Title Case one: a site's tagline over a headline."""
    return (
        before.index == line.index - 1
        and before.words > line.words
        and title_case_ratio(line.text) >= _TITLE_CASE
        and title_case_ratio(before.text) < _SENTENCE_CASE
    )


def _deck_like(line: Line) -> bool:
    """One sentence-sized line, as a standfirst under a headline is."""
    return 8 <= line.words <= 40


def _title_score(dump: Dump, line: Line, body_start: int, anchor: float) -> float:
    """A candidate's headline score; `anchor` is its `anchor_bonus`, computed by the caller."""
    lines = dump.lines
    words = line.words
    if words <= 2:
        score = -4.0
    elif words < 4:
        score = -1.0
    else:
        score = 0.35 * min(words, 15.0) - 0.3 * max(0.0, words - 25)
    if not anchor and _dated_above(dump, line):
        anchor = _DATE_ABOVE_BONUS
    score += anchor
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
    if (
        words >= _MID_SENTENCE_WORDS
        and _MID_SENTENCE.search(line.text)
        and title_case_ratio(line.text) < _TITLE_CASE
        and not _decked(dump, line)
    ):
        # "… treibt ihr Opfer in die Enge. Bild: …": one sentence ends and another starts,
        # so the line is prose (a caption, a teaser, a comment), not a headline; a Title
        # Case line ("… Community? So Do We.") or one over its deck and byline is still one.
        score -= _MID_SENTENCE_PENALTY
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
        and not _tagline_over(before, line)
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
    if _ends_breadcrumb(dump, line):
        # "Home » Vegan Desserts » Peanut Butter Truffles" over it: the page's own title.
        score += _BREADCRUMB_BONUS
    return score


def _standfirst_like(dump: Dump, line: Line) -> bool:
    """A deck under a headline; the next line of a list of teasers is not one."""
    skip = lambda other: _skippable(dump, other)  # noqa: E731
    return line.words >= 8 and not in_teaser_list(dump.lines, line, skip)


def _lead_paragraphs(dump: Dump, line: Line, body_start: int) -> list[str]:
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


def _overlap_bonus(dump: Dump, line: Line, body_start: int) -> float:
    """Bonus for sharing content words with the body: headlines do, teasers do not."""
    share, tokens = overlap(line.text, _lead_paragraphs(dump, line, body_start))
    return _OVERLAP_WEIGHT * share * min(1.0, tokens / _OVERLAP_FULL_TOKENS)


def pick_title(dump: Dump, span: tuple[int, int] | None) -> int | None:
    """Index of the best headline line around the start of the body, or None.

    Args:
        dump: The dump, with meta and link lines marked.
        span: The body run (inclusive line indices), or None when no body was found.

    Returns:
        The index of the highest-scoring headline candidate, or None when there is none.
    """
    body_start = span[0] if span else len(dump.lines)
    candidates = _title_candidates(dump, body_start, _inside_limit(dump, span))
    anchors = {line.index: anchor_bonus(dump, line) for line in candidates}
    scores = {
        line.index: _title_score(dump, line, body_start, anchors[line.index]) for line in candidates
    }
    headers = [
        line
        for line in candidates
        if scores[line.index] >= _HEADER_MIN_SCORE and anchors[line.index] > 0
    ]
    for line in candidates:
        if line not in headers and _below_header(dump, line, headers):
            scores[line.index] -= _BELOW_HEADER_PENALTY
        elif not anchors[line.index] and any(
            line.index < header.index < body_start and _next_content(dump, line.index) is not header
            for header in headers
        ):
            # A site name over a tagline over the article's header (headline and byline);
            # the line right over that header may be its headline, over a deck.
            scores[line.index] -= _ABOVE_HEADER_PENALTY
    for line in candidates:
        headline = _spelled_out(dump, line)
        if headline is not None and headline in scores:
            # The same headline in full: take its standing, and prefer the full form.
            scores[line.index] = max(scores[line.index], scores[headline] + 0.5)
    best: tuple[float, int] | None = None
    for index, score in scores.items():
        if best is None or score > best[0]:
            best = (score, index)
    named = _commented_headline(dump, candidates, body_start)
    if named is not None:
        return named
    if best is None:
        return None
    first = next(line for line in candidates if line.text == dump.lines[best[1]].text)
    if body_start <= first.index < best[1] and any(
        is_prose(other) for other in dump.lines[first.index + 1 : best[1]]
    ):
        # The headline again inside the text (a heading that repeats it): the first copy
        # opens the article, and the prose between the two is its lead.
        return first.index
    return best[1]


def _commented_headline(dump: Dump, candidates: list[Line], body_start: int) -> int | None:
    """The line a comments header names as the post's headline, when there is one.

    A page with a single "N thoughts on “Headline”" header names its post; a listing that
    shows such a count under every post names none. The named line wins even when it is
    too short to pass for a headline on its own ("Nebelsuppe").
    """
    headers = [
        (line.index, key)
        for line in dump.lines
        if (match := COMMENTS_ON.match(line.text)) and (key := fold(match["title"].strip(_QUOTES)))
    ]
    if len({key for _, key in headers}) != 1:
        return None
    header, key = headers[0]
    for line in candidates:
        if fold(line.text) == key:
            return line.index
    above = [
        line.index
        for line in dump.lines[: min(header, body_start)]
        if fold(line.text) == key and line.index not in dump.link_lines and not line.debris
    ]
    return above[-1] if above else None


def _below_header(dump: Dump, line: Line, headers: list[Line]) -> bool:
    """Whether the line sits under another candidate's byline or dateline, before the body.

    Headline, deck, byline and date make up the article's header; a heading-like line
    between that header and the body is a picture title, a subtitle or a first subhead.
    """
    above = [header for header in headers if header.index < line.index]
    if not above or any(
        other.text == line.text for other in dump.lines[above[0].index : line.index]
    ):
        # The headline again under its byline ("Main image: ..." then the headline).
        return False
    for header in above:
        between = dump.lines[header.index + 1 : line.index]
        meta = [i for i, other in enumerate(between) if _is_meta_or_byline(dump, other)]
        if not meta or meta[-1] == len(between) - 1:
            # A dateline right over the line may be its own (date over headline).
            continue
        prose = [other for other in between if is_prose(other) and other.index not in dump.meta]
        if len(prose) <= 1:
            return True
    return False


def _is_meta_or_byline(dump: Dump, line: Line) -> bool:
    return line.index in dump.meta or byline_line(dump, line)


def _spelled_out(dump: Dump, line: Line) -> int | None:
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


def pick_standfirst(
    dump: Dump, title_index: int | None, span: tuple[int, int] | None
) -> int | None:
    """Index of the standfirst: the first prose line between the title and the body.

    Args:
        dump: The dump, with meta and link lines marked.
        title_index: The headline's line index, or None (then there is no standfirst).
        span: The body run (inclusive line indices), or None.

    Returns:
        The standfirst's line index (it may open the body run), or None.
    """
    if title_index is None:
        return None
    lines = dump.lines
    for line in lines[title_index + 1 : title_index + 8]:
        if (
            line.debris
            or line.caption
            or line.index in dump.meta
            or line.index in dump.link_lines
            or is_furniture(line.text)
        ):
            continue
        if line.words < 8 or line.barrier:
            return None
        if span is None or line.index < span[0]:
            return line.index if line.words >= 8 else None
        if line.index > span[0]:
            return None
        return line.index if _opens_as_standfirst(dump, line, span) else None
    return None


def _opens_as_standfirst(dump: Dump, line: Line, span: tuple[int, int]) -> bool:
    """Tell a standfirst from a first body paragraph when both start the prose run."""
    if line.index >= span[1]:
        return False
    if not line.terminal or split_attribution(line.text)[1]:
        return True
    rest = [ln for ln in dump.lines[line.index + 1 : span[1] + 1] if is_prose(ln)]
    if _near_duplicate(line.text, rest):
        return True
    return dump.lines[line.index + 1].index in dump.meta


def anchored_heading(dump: Dump, line: Line) -> bool:
    """A headline-like line (not a byline or link) with its byline or date under it."""
    return (
        line.words >= _ANCHORED_MIN_WORDS
        and is_heading_like(line)
        and line.index not in dump.meta
        and line.index not in dump.link_lines
        and not byline_line(dump, line)
        and anchor_bonus(dump, line) > 0
    )
