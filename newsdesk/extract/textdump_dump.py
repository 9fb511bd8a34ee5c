"""A text dump being read: its lines and what has been recognised about them.

`Dump` holds the lines with the dates, bylines and related-link blocks marked on them
(`mark_meta`, `mark_links`); the line predicates here are shared by the body search
(`textdump`), the headline pick (`textdump_title`) and the field filling (`textdump_fields`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.extract.date_text import (
    captured_date,
    find_date,
    opens_with_date_label,
    split_updated,
)
from newsdesk.extract.textdump_labels import (
    BYLINE_PREFIX,
    CONTRIBUTOR_PREFIX,
    META_SEPARATOR,
    RTL_BYLINE_PREFIX,
    fold,
)
from newsdesk.extract.textdump_lines import Line, is_prose
from newsdesk.extract.textdump_links import LinkBlock, find_link_blocks
from newsdesk.extract.textdump_meta import (
    byline_core,
    byline_names,
    dated_name,
    names_a_person,
    reading_time,
    stamped,
)

_TIME_ONLY = re.compile(
    r"^(?:updated|posted|published)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}$",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    r"^(?:updated|posted|published)?\s*(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|"
    r"week|month|year)s?\s+ago$|"
    # "vor 4 Monaten", "il y a 3 heures", "hace 2 horas", "2 ore fa".
    r"^(?:(?:aktualisiert|veröffentlicht)\s+)?vor\s+(?:\d+|einer?m?)\s+(?:sekunden?|minuten?|"
    r"stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)$|"
    r"^il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)$|"
    r"^hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)$|"
    r"^(?:\d+|un[ao]?)\s+(?:secondi|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa$",
    re.IGNORECASE,
)
# A sentence of this many words that carries a date is text, not a dateline.
_SENTENCE_MIN_WORDS = 12
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<![AP]\. M)[.!?]['\"”’»)]*$")
_WORD_EDGES = "\"'“”„‘’«»()[]{}.,;:!?¡¿…–—-*"
_TABLE_CELL = re.compile(r"\s[│┃|]\s.*\s[│┃|]\s")
_CELL_BAR = re.compile(r"\s[│┃|]\s")
_NUMBER_CELL = re.compile(r"^[-+]?\d[\d.,]*%?$")
# A byline in a right-to-left script: its prefix, then names of that uncased script ("بقلم
# أحمد خالد", "מאת דנה לוי"), which the capitalised-name rules cannot read.
_RTL_BYLINE = re.compile(rf"^(?:{RTL_BYLINE_PREFIX})\s*[:\-–—]?\s*(?P<names>\S.*)$")
_RTL_NAME_WORD = re.compile(
    r"^[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]+"
    r"(?:['’-][\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]+)*$"
)
# Names parted by a comma (Arabic "،") or a spaced "and" (Arabic "و", Hebrew "ו").
_RTL_NAME_SPLIT = re.compile(r"\s*[،,;/]\s*|\s+(?:و|ו)\s+")
_RTL_BYLINE_MAX_CHARS = 80
_RTL_NAME_MAX_WORDS = 4
# Lines above the body searched for the headline (furniture not counted); a reading time is
# looked for as far into the top of the page.
HEADER_WINDOW = 30
# A bare name line is a byline when the names fill this share of it and a date is this near.
_BARE_NAME_SHARE = 0.6
BARE_NAME_REACH = 3


@dataclass
class Dump:
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
    _common: frozenset[str] | None = None

    @property
    def common_words(self) -> frozenset[str]:
        """The words the page writes in lower case ("alle", "take"), computed once."""
        if self._common is None:
            # Whole words only: "ben" in "ben.silverman@..." or "/author/dan-goodin" is a name.
            self._common = frozenset(
                word
                for line in self.lines
                for token in line.text.split()
                if (word := token.strip(_WORD_EDGES)).isalpha() and word[0].islower()
            )
        return self._common

    @property
    def folded(self) -> list[str]:
        """`fold` of every line, computed once."""
        if self._folded is None:
            self._folded = [fold(line.text) for line in self.lines]
        return self._folded


# --- recognising lines -------------------------------------------------------------------------


def _table_row(text: str) -> bool:
    """Cells parted by tabs or bars, one of them a bare number ("2020-08-01 │ 400 │ 55").

    A segmented dateline ("04.02.2022 | 15:33 Uhr | Dennis Steimels") holds no such cell.
    """
    if "\t" in text:
        return True
    if not _TABLE_CELL.search(text):
        return False
    return any(_NUMBER_CELL.match(cell.strip()) for cell in _CELL_BAR.split(text)[1:])


def _is_date_line(line: Line) -> bool:
    if _table_row(line.text):
        # A table row that holds a date is data, not a dateline.
        return False
    first, updated = split_updated(line.text)
    words = len(first.split()) if updated is not None else line.words
    if words > 16:
        # A dateline is short; "Thu 3 Jan ... Last modified on ..." is two short ones.
        return False
    if (
        words >= _SENTENCE_MIN_WORDS
        and _SENTENCE_END.search(first)
        and not opens_with_date_label(first)
    ):
        # "Die Ticketpreise werden ab 1. Januar 2024 um 12,7 Prozent angehoben.": a sentence
        # that mentions a date is text.
        return False
    return (
        find_date(first) is not None
        or bool(_TIME_ONLY.match(line.text))
        or bool(_RELATIVE_TIME.match(line.text))
    )


def rtl_byline_names(text: str) -> list[str]:
    """Authors of a byline written in Arabic, Persian or Hebrew.

    These scripts have no capitals, so a name is told by the byline's prefix ("بقلم",
    "كتب:", "מאת") and by being a few words of that script; a place or date after a bar
    or dash ("بقلم أحمد خالد - القاهرة") is dropped.

    Args:
        text: One line of a dump.

    Returns:
        The names, or an empty list when the line is no such byline.
    """
    if len(text) > _RTL_BYLINE_MAX_CHARS:
        return []
    match = _RTL_BYLINE.match(text)
    if match is None:
        return []
    names = []
    head = META_SEPARATOR.split(match["names"])[0].strip(" .:")
    for part in _RTL_NAME_SPLIT.split(head):
        words = part.split()
        glued = next((k for k, word in enumerate(words) if k and word[:1] in "وו"), None)
        if glued is not None and 2 <= glued <= len(words) - 2:
            # Arabic and Hebrew glue "and" to the next name ("أحمد خالد وسارة علي"); a given
            # name may open with the same letter ("وليد"), so two full names must stand
            # either side.
            names.append(" ".join(words[:glued]))
            words = [words[glued][1:], *words[glued + 1 :]]
        if not 1 <= len(words) <= _RTL_NAME_MAX_WORDS or not all(
            _RTL_NAME_WORD.match(word) for word in words
        ):
            return []
        names.append(" ".join(words))
    return names


def mark_meta(dump: Dump) -> None:
    """Mark capture-date, date, reading-time and prefixed byline lines.

    Args:
        dump: The dump; its `meta`, `bylines` and `captured` are filled in place.
    """
    for line in dump.lines:
        if dump.captured is None and line.words <= 10:
            captured = captured_date(line.text)
            if captured:
                dump.captured = (line.index, captured[0])
                dump.meta.add(line.index)
                continue
        if line.words <= 30 and (
            byline_names(line.text, allow_bare=False) or rtl_byline_names(line.text)
        ):
            dump.bylines.add(line.index)
            dump.meta.add(line.index)
        elif (
            _is_date_line(line)
            or CONTRIBUTOR_PREFIX.match(line.text)
            or reading_time(line.text) is not None
        ):
            dump.meta.add(line.index)


def mark_links(dump: Dump) -> None:
    """Read the related-link blocks and mark their lines, so the body search leaves them out.

    Args:
        dump: The dump, with `mark_meta` already run; its `blocks`, `link_headers` and
            `link_lines` are filled in place.
    """
    dump.blocks = find_link_blocks(dump.lines, lambda line: line.index in dump.meta)
    for block in dump.blocks:
        dump.link_headers.add(block.start)
        dump.link_lines.update(block.used)


# --- shared line predicates --------------------------------------------------------------------


def body_line_ok(dump: Dump, line: Line) -> bool:
    """Whether a line may be a body paragraph: not furniture, a link, a dateline or a byline.

    Args:
        dump: The dump, with meta and link lines marked.
        line: One of its lines.

    Returns:
        False for debris, barriers, link lines, the capture-date line and short meta lines.
    """
    if line.debris or line.barrier or line.index in dump.link_lines:
        return False
    if line.index in dump.meta and line.words <= 12:
        return False
    return not (dump.captured and line.index == dump.captured[0])


def bare_names(dump: Dump, line: Line) -> list[str]:
    """Names on a line read without a "By" prefix, unless the line is a label shown twice.

    A menu or section label rendered twice in a row ("Open Future" over "Open Future",
    "Editors Pick" over "Editors Pick") passes for a name; a byline is not doubled.

    Args:
        dump: The dump.
        line: One of its lines.

    Returns:
        The names `byline_names(..., allow_bare=True)` reads, or [] for a doubled label or
        for bare words that name no person (`names_a_person`).
    """
    lines = dump.lines
    for i in (line.index - 1, line.index + 1):
        if 0 <= i < len(lines) and lines[i].text == line.text:
            if not BYLINE_PREFIX.match(line.text):
                return []
    dated = dated_name(line.text)
    if dated and any(
        other.text != line.text and dated_name(other.text) == dated for other in lines
    ):
        # "October 30, 2020 Kate May" over each post in a list of recent posts.
        return []
    names = byline_names(line.text, allow_bare=True)
    # A bare reading (no "By", no handle) of capitalised words that name no one ("Faire
    # Lieferketten", "Britax Affinity") is no byline; a prefixed one reads the same without it.
    bare = names and "@" not in line.text and not byline_names(line.text, allow_bare=False)
    if bare and not names_a_person(names, dump.common_words):
        return []
    return names


def byline_line(dump: Dump, line: Line) -> bool:
    """A byline rather than a headline: prefixed ("By ..."), or a bare name by a dateline.

    Two capitalised words ("Readability Test", "New Zealand") pass for a name, so a bare one
    counts only next to a date, and only when the names make up most of the line ("These
    Weeks in Firefox: Issue 85" is a headline).

    Args:
        dump: The dump, with meta lines and prefixed bylines marked.
        line: One of its lines.

    Returns:
        True when the line reads as a byline.
    """
    names = bare_names(dump, line)
    if not names:
        return False
    if BYLINE_PREFIX.match(line.text):
        return True
    if len(fold("".join(names))) < _BARE_NAME_SHARE * len(fold(byline_core(line.text))):
        return False
    near = dump.lines[max(0, line.index - BARE_NAME_REACH) : line.index + BARE_NAME_REACH + 1]
    if any(other.index != line.index and other.index in dump.bylines for other in near):
        # "Managing Python Environments" over "By John Walk": the byline is the prefixed one.
        return False
    # The date may lead the byline's own line ("04.02.2022 | 13:10 Uhr | Uta Helkenberg").
    return stamped(line.text) or any(other.index in dump.meta for other in near)


def has_prose(dump: Dump, span: tuple[int, int]) -> bool:
    """Whether any line of the run `span` (inclusive line indices) is prose."""
    return any(is_prose(line) for line in dump.lines[span[0] : span[1] + 1])
