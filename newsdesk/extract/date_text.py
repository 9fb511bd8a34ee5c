"""Dates written in page text: "9 October 2022", "Oct 9, 2022 10:31 AM EDT", "03/04/2024".

Readers of one line of text (or of a whole page, for the order of its numeric dates) shared
by the text-dump extractor and the HTML extractor's visible-date fallback. Each returns a
UTC datetime with its precision, as `newsdesk.dates.parse_datetime` does, or None.
"""

from __future__ import annotations

import contextlib
import functools
import re
from datetime import date, datetime

from newsdesk.dates import parse_datetime
from newsdesk.extract.textdump_labels import MONTHS

#: Month names in capitals, for dates glued to a preceding word.
MONTH_CAPS = "|".join(
    sorted((m.capitalize() for m in MONTHS if m.isascii() and len(m) >= 3), key=len, reverse=True)
)
#: Every known month name and abbreviation, as a regex alternation.
MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TZ_OFFSETS = {
    "utc": "+00:00",
    "gmt": "+00:00",
    "z": "+00:00",
    "bst": "+01:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "eet": "+02:00",
    "eest": "+03:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
    "et": "-05:00",
    "pt": "-08:00",
    "ist": "+05:30",
    "jst": "+09:00",
    "kst": "+09:00",
    "aest": "+10:00",
    "aedt": "+11:00",
    "msk": "+03:00",
    "pkt": "+05:00",
}
_TZ_ALT = "|".join(sorted(_TZ_OFFSETS, key=len, reverse=True))
_TIME = (
    r"(?:[\s,|·•\-–—]*(?:at|um|à|a\s+las|às|kl\.?)?\s*"
    r"(?P<hh>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?\s*"
    rf"(?P<tz>(?:{_TZ_ALT})\b|[+-]\d{{2}}:?\d{{2}}\b)?)?"
)
# "9.10.2022", "03/04/2024 10:31": which part is the day is decided in `_day_month`.
# A year may run straight into a second date: innerText glues a post's published and
# updated dates ("28. Juli 201928. Juli 2019", "17/11/201917/11/2019").
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}(?:\.\s|/)))"
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.])\s?(?P<b>\d{1,2})(?P=sep)\s?"
    r"(?P<y>\d{4}" + _YEAR_END + r"|\d{2}(?![\d.]))(?!\.\d)" + _TIME,
    re.IGNORECASE,
)
# One reading of the page's ambiguous numeric dates must lie this many times nearer its
# written dates than the other to decide their order.
_NEARER_RATIO = 3
# Lines remembered by the cached line readers (a dump has a few hundred to a few thousand).
LINE_CACHE = 8192
_DATE_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T|\s+)?" + _TIME, re.IGNORECASE
    ),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+)?"
        rf"(?P<mon>{MONTH_ALT})\.?,?\s*(?:de\s+)?(?P<y>\d{{4}})" + _YEAR_END + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        # "DambrotNovember 6, 2023": a byline glued to the date.
        rf"(?:\b|(?<=[a-z])(?=[A-Z]))(?P<mon>{MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        r"(?P<y>\d{4})(?!\d)" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日" + _TIME),
    re.compile(r"(?<![\d.])(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d.])" + _TIME),
    _NUMERIC_DATE,
)
_UPDATED = re.compile(
    r"\b(?:updated|modified|last\s+updated|edited|aktualisiert|actualizado|mis\s+à\s+jour|"
    r"atualizado|aggiornato)\b",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published|posted|first\s+published|date|publié|veröffentlicht|publicado|"
    r"pubblicato|on)\b",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|written|date|publication\s+date|"
    r"date\s+published|publié|veröffentlicht|veröffentlichung|erschienen|erstellt|publiziert|"
    r"datum|date\s+de\s+publication|publicado|fecha(?:\s+de\s+publicaci[óo]n)?|pubblicato|"
    r"data(?:\s+di\s+pubblicazione)?)\b(?:\s+(?:on|am|le|el|il))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_LABELLED_MAX_CHARS = 80
#: Separators between the parts of a header line: outlet | date | byline.
SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+")
_SCHEMA_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TODAY = re.compile(
    r"^\s*(?:today(?:'s\s+date)?|captured(?:\s+on)?|retrieved(?:\s+on)?)"
    r"(?:\s*[:\-–—]\s*|\s+is\s+|\s+(?=\d))",
    re.IGNORECASE,
)


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _year(text: str) -> int:
    value = int(text)
    if value < 100:
        value += 2000 if value < 70 else 1900
    return value


def numeric_day_first(text: str) -> bool | None:
    """The order a page writes its numeric dates in, when one of them gives it away.

    "14/04/2020" can only be day first and "04/14/2020" only month first; a page keeps one
    order, so its ambiguous dates ("12/04/2020") follow the unambiguous ones.

    Args:
        text: The whole dump.

    Returns:
        True (day first), False (month first), or None when no date decides or both orders
        appear.
    """
    orders = set()
    ambiguous: list[tuple[date, date]] = []
    for match in _NUMERIC_DATE.finditer(text):
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second >= 1:
            orders.add(True)
        elif second > 12 >= first >= 1:
            orders.add(False)
        elif first != second and first >= 1 and second >= 1:
            year = _year(match["y"])
            ambiguous.append((date(year, second, first), date(year, first, second)))
    if orders:
        return orders.pop() if len(orders) == 1 else None
    return _nearer_order(ambiguous, _written_dates(text)) if ambiguous else None


def _written_dates(text: str) -> list[date]:
    """Dates the page writes unambiguously: with a month name, or in ISO order."""
    found = []
    for pattern in _DATE_PATTERNS[:3]:
        for match in pattern.finditer(text):
            day_month = _day_month(match)
            if day_month and 1 <= day_month[1] <= 12:
                with contextlib.suppress(ValueError):
                    found.append(date(_year(match["y"]), day_month[1], day_month[0]))
    return found


def _nearer_order(ambiguous: list[tuple[date, date]], written: list[date]) -> bool | None:
    """Day first or month first: the reading of "02/10/2020" nearer the page's written dates.

    A page's dates cluster in time, so "Sept. 29, 2020" in a caption makes it 2 October.
    """
    if not written:
        return None

    def gap(day: date) -> int:
        return min(abs((day - other).days) for other in written)

    day_first = sum(gap(pair[0]) for pair in ambiguous)
    month_first = sum(gap(pair[1]) for pair in ambiguous)
    if min(day_first, month_first) * _NEARER_RATIO >= max(day_first, month_first):
        return None
    return day_first < month_first


def _day_month(match: re.Match[str], day_first: bool | None = None) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("mon"):
        month = _month_number(groups["mon"])
        return (int(groups["d"]), month) if month else None
    if groups.get("m"):
        return int(groups["d"]), int(groups["m"])
    first, second = int(groups["a"]), int(groups["b"])
    if day_first is not None and first <= 12 and second <= 12:
        return (first, second) if day_first else (second, first)
    # Dotted dates are European (day first); slashed ones are US unless the first part
    # cannot be a month.
    if first > 12 or (groups["sep"] == "." and second <= 12):
        return first, second
    # "01.21.2020": a dotted date whose second part cannot be a month is month first.
    return second, first


def _time_text(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if not groups.get("hh"):
        return ""
    hour, minute = int(groups["hh"]), int(groups["mi"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return ""
    text = f" {hour:02d}:{minute:02d}"
    if groups.get("ss"):
        text += f":{groups['ss']}"
    tz = groups.get("tz")
    if tz:
        text += " " + _TZ_OFFSETS.get(tz.lower(), tz)
    return text


@functools.lru_cache(maxsize=LINE_CACHE)
def find_date(text: str, day_first: bool | None = None) -> tuple[datetime, str] | None:
    """Find the first date (with its time, if written next to it) in one line of text.

    Handles ISO dates, "9 October 2022", "Oct 9, 2022 10:31 AM EDT", "03/04/2024 10:31",
    "9.10.2022", "2022年10月9日" and month names in a few European languages.

    Args:
        text: One line of a dump.
        day_first: The page's order for numeric dates (`numeric_day_first`), when known;
            otherwise dotted dates are read day first and slashed ones month first.

    Returns:
        `(utc_datetime, precision)` as `newsdesk.dates.parse_datetime` gives, or None.
    """
    best: tuple[int, tuple[datetime, str]] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            day_month = _day_month(match, day_first)
            if day_month is None:
                continue
            day, month = day_month
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            stamp = f"{_year(match['y']):04d}-{month:02d}-{day:02d}{_time_text(match)}"
            parsed = parse_datetime(stamp)
            if parsed and (best is None or match.start() < best[0]):
                best = (match.start(), parsed)
            break
    return best[1] if best else None


def leading_date_end(text: str) -> int | None:
    """Where the date a line opens with ends, or None when it opens with none.

    innerText glues a post's published and updated dates ("2. Februar 20202. Februar 2020"):
    a second date right after the first is part of the same stamp.

    Args:
        text: One line of a dump.

    Returns:
        The offset after the date (and a glued second date), or None.
    """
    end = _date_match_end(text, 0)
    if end is None:
        return None
    glued = _date_match_end(text, end)
    return glued if glued is not None else end


def _date_match_end(text: str, start: int) -> int | None:
    # Matched on the rest of the line: the patterns' look-behinds must not see the digits
    # of a first date glued on before.
    rest = text[start:]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(rest)
        if match and _day_month(match) is not None:
            return start + match.end()
    return None


def opens_with_date_label(text: str) -> bool:
    """True when the line starts with a publication or update label ("Posted on ...")."""
    return bool(_PUBLISHED_LABEL.match(text) or _UPDATED.match(text.lstrip()))


def is_updated_label(text: str) -> bool:
    """True when the line labels a modification date ("Updated ...")."""
    return bool(_UPDATED.search(text)) and not _PUBLISHED.search(text.split(":")[0])


def split_updated(text: str) -> tuple[str, str | None]:
    """Split "<published> / Updated <modified>" into the two parts; the second may be None.

    Only a label after some text splits the line: "Updated 9 Oct" alone is one part.
    """
    match = _UPDATED.search(text)
    if match is None or match.start() == 0 or find_date(text[: match.start()]) is None:
        return text, None
    return text[: match.start()], text[match.start() :]


def labelled_published(text: str) -> tuple[datetime, str] | None:
    """The date of a short line labelled as the publication date ("Published: 3 Dec 2019").

    Such a line names the story's date wherever it sits (some pages put it in the footer).
    """
    if len(text) > _LABELLED_MAX_CHARS:
        # "Veröffentlicht: 05.01.2020 | Autor: ... | Tags: ...": the first segment.
        text = SEGMENT_SPLIT.split(text, maxsplit=1)[0]
        if len(text) > _LABELLED_MAX_CHARS:
            return None
    match = _PUBLISHED_LABEL.match(text)
    if not match:
        return None
    first, _updated = split_updated(text[match.end() :])
    return find_date(first)


def schema_date(text: str) -> tuple[datetime, str] | None:
    """The date of a schema.org `"datePublished": "..."` line (JSON-LD shown as text)."""
    match = _SCHEMA_PUBLISHED.search(text)
    return parse_datetime(match.group(1)) if match else None


def captured_date(text: str) -> tuple[datetime, str] | None:
    """The capture date of a "Today: 7 October 2025" line, or None for other lines."""
    match = _TODAY.match(text)
    if not match or len(text) - match.end() > 45:
        return None
    return find_date(text[match.end() :])
