"""Date parsing and sanity rules shared by every extractor."""

from __future__ import annotations

import re
import unicodedata
import warnings
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from dateutil import parser as dateutil_parser

from newsdesk.extract.textdump_labels import MONTHS

if TYPE_CHECKING:
    from newsdesk.model import Story

#: Dates before this are not news publication dates (typos, epoch zeros, placeholders).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\b\d{1,2}h\d{2}\b")
# "a las 10:00", "alle 10:00", "às 10h30": words before a clock time; dateutil reads the
# "a" of "a las" as a.m. and gives up.
_TIME_CONNECTOR = re.compile(
    r"\s(?:a\s+las?|alle|às|um|à|at|om|kl\.?|o\s+godz\.?|godz\.?)\s+(?=\d{1,2}[:h.]\d{2})",
    re.IGNORECASE,
)
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")

#: Zone abbreviations -> UTC offset in seconds. dateutil knows only UTC/GMT/Z; the rest it would
#: read as UTC. Abbreviations that several zones share take the meaning news feeds use:
#: CST and CDT are US Central (RFC 822's meaning, not China Standard Time), IST is India
#: (Indian outlets write it far more often than Irish or Israel time), BST is British Summer
#: Time. AST/ADT (Atlantic or Arabia) are left out: neither reading is safe.
TZ_OFFSETS: dict[str, int] = {
    name: int(hours * 3600)
    for name, hours in {
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1,
        "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "MEZ": 1, "MESZ": 2,
        "EET": 2, "EEST": 3, "MSK": 3, "SAST": 2, "IST": 5.5, "PKT": 5,
        "HKT": 8, "SGT": 8, "AWST": 8, "JST": 9, "KST": 9,
        "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
    }.items()
}  # fmt: skip

#: Month forms `textdump_labels.MONTHS` lacks (Italian, German and Dutch abbreviations, Polish
#: and Czech genitives, Scandinavian and Russian names). Kept apart so the text-dump patterns
#: built from that table do not change.
_MORE_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "gen stycznia styczeń sty ledna januar januari января",
            "lutego luty lut února февраля",
            "mär mrz mrt marca marzec března marts марта",
            "kwietnia kwiecień kwi dubna апреля",
            "maja maj května мая",
            "giu czerwca czerwiec cze června июня",
            "lug lipca lipiec lip července июля",
            "sierpnia sierpień sie srpna augusti августа",
            "sett września wrzesień wrz září сентября",
            "ott października październik paź října октября",
            "listopada lis listopadu ноября",
            "grudnia grudzień gru prosince des desember декабря",
        ],
        start=1,
    )
    for name in names.split()
}


def _unaccent(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTH_NUMBERS: dict[str, int] = {}
for _name, _number in (*MONTHS.items(), *_MORE_MONTHS.items()):
    _MONTH_NUMBERS.setdefault(_name, _number)
    _MONTH_NUMBERS.setdefault(_unaccent(_name), _number)
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
#: Weekday abbreviations that are also month words ("mar" is Tuesday in Spanish, Italian and
#: French); in front of a date they would be read as a second month.
_WEEKDAY_MONTHS = re.compile(r"^\s*mar\.?,?\s+(?=\d)", re.IGNORECASE)
#: Month abbreviations that are also everyday English, French or German words.
_WORDS_TOO = frozenset("ago out set des sie lis mag gen".split())
_LETTERS = re.compile(r"[^\W\d_]+\.?")
_DATEUTIL = dateutil_parser.parserinfo()
# Clock times, French "10h30" and zone offsets: numbers that are not day, month or year.
_NOT_DATE_NUMBERS = re.compile(
    r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?|\b\d{1,2}h\d{2}\b|[+-]\d{2}:?\d{2}\b"
)
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2}")
_NUMBER_BEFORE = re.compile(r"\d\.?(?:\s+del?)?\s*$")
_NUMBER_AFTER = re.compile(r"[\s,.]*(?:del?\s+)?\d")


def to_utc(value: datetime) -> datetime:
    """Return `value` as an aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_YEAR_LAST = re.compile(r"(?<![\d./-])\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2,4}(?![\d./-])")


def _reads_day_first(text: str, day_first: bool) -> bool:
    """Whether an ambiguous numeric date in `text` is read day first.

    Dotted dates ("01.11.2023") are day first wherever they are written; dashed ones follow
    the page's locale; slashed ones stay month first, the form CMSs write into metadata
    even on European sites. dateutil's `dayfirst` would also swap "2023-11-06", so only
    year-last dates take it.
    """
    match = _YEAR_LAST.search(text)
    if match is None:
        return False
    return match["sep"] == "." or (match["sep"] == "-" and day_first)


def parse_datetime(text: str | None, *, day_first: bool = False) -> tuple[datetime, str] | None:
    """Parse a date or timestamp written by a page, a feed or an export.

    Args:
        text: ISO 8601, RFC 822, or a human date ("9 October 2022", "Oct 9, 2022 10:31 AM").
            Month names may be written in the languages of `textdump_labels.MONTHS` and
            `_MORE_MONTHS` ("Do, 05 Dez 2024", "5 de enero de 2024", "5 grudnia 2024"); a
            date whose month word is not known gives None rather than a guess. Zone
            abbreviations in `TZ_OFFSETS` ("EST", "CET", "IST") set the offset.
        day_first: The page writes in a day-first locale (everywhere but the United
            States): an ambiguous dashed date ("01-11-2023") is read day first. Dotted dates
            are day first anyway, slashed ones month first.

    Returns:
        `(utc_datetime, precision)` where precision is `day`, `minute` or `second`, or None
        when the text holds no recognisable date.
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text or len(text) > 80 or not re.search(r"\d", text):
        return None
    iso = _ISO_DAY.match(text)
    if iso:
        try:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
        return datetime.combine(day, time(), tzinfo=UTC), "day"
    text = _english_months(_TIME_CONNECTOR.sub(" ", text))
    if text is None:
        return None
    try:
        with warnings.catch_warnings():
            # An unknown zone name ("ZZ") is read as UTC below; the warning would only be noise
            # in a nightly run's log.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(
                text,
                fuzzy=True,
                default=datetime(1900, 1, 1),
                dayfirst=_reads_day_first(text, day_first),
                tzinfos=TZ_OFFSETS,
            )
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1900:
        return None
    if _HAS_SECONDS.search(text):
        precision = "second"
    elif _HAS_TIME.search(text):
        precision = "minute"
    else:
        precision = "day"
    return to_utc(parsed), precision


def _english_months(text: str) -> str | None:
    """`text` with month words of other languages written in English, as dateutil reads them.

    dateutil skips a month word it does not know and takes the day for the month ("05 Dez
    2024" would be 1 May), so a date whose month is neither a known word nor a number gives
    None instead.

    Args:
        text: A date as written ("Do, 05 Dez 2024", "5 de enero de 2024").

    Returns:
        The text to hand to dateutil, or None when it names no month dateutil could read.
    """
    without_weekday = _WEEKDAY_MONTHS.sub("", text)
    if without_weekday != text and (
        _has_english_month(without_weekday) or _translated(without_weekday) != without_weekday
    ):
        text = without_weekday
    if _has_english_month(text):
        return text
    translated = _translated(text)
    if translated != text:
        return translated
    return None if _month_missing(text) else text


def _has_english_month(text: str) -> bool:
    return any(_DATEUTIL.month(m[0].rstrip(".")) is not None for m in _LETTERS.finditer(text))


def _translated(text: str) -> str:
    """`text` with every known foreign month word beside a number replaced by its English name."""
    parts: list[str] = []
    end = 0
    for match in _LETTERS.finditer(text):
        word = match[0].rstrip(".").lower()
        number = _MONTH_NUMBERS.get(word) or _MONTH_NUMBERS.get(_unaccent(word))
        before = _NUMBER_BEFORE.search(text, 0, match.start())
        after = _NUMBER_AFTER.match(text, match.end())
        # Only beside a number ("5 mai", "janv. 2024"); month words that are also common words
        # ("3 days ago, 2024") only between a day and a year.
        if number and (before and after if word in _WORDS_TOO else before or after):
            parts += [text[end : match.start()], _ENGLISH_MONTHS[number - 1]]
            end = match.end()
    return "".join(parts) + text[end:] if parts else text


def _month_missing(text: str) -> bool:
    """Whether `text` holds a year and at most a day, but no month.

    A bare year ("2024") is left to dateutil as before; with a word beside it ("Published
    2024", "05 Aralık 2024") the word may be a month nobody here can read.
    """
    numbers = _NUMBER.findall(_NOT_DATE_NUMBERS.sub(" ", text))
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(numbers) != len(years) + len(days):
        return False
    if not days:
        return bool(_WORD.search(text))
    # "05/2024" and "2024-05" give the month as a number.
    numeric = rf"(?<!\d){days[0]}\s*[./-]\s*{years[0]}|{years[0]}\s*[./-]\s*{days[0]}(?!\d)"
    return not re.search(numeric, text)


def from_timestamp(seconds: float) -> datetime:
    """An aware UTC datetime from a Unix timestamp."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def check_published(
    published: datetime | None, captured: datetime | None
) -> tuple[datetime | None, str | None]:
    """Apply the sanity rule for publication dates.

    A publication date before 1990 or after the capture time (with a day of slack for time
    zones) is impossible: it is dropped with a note rather than guessed.

    Args:
        published: Candidate publication time (UTC).
        captured: When the page was captured, if known.

    Returns:
        `(published_or_None, note_or_None)`.
    """
    if published is None:
        return None, None
    if published < EARLIEST:
        return None, f"published_at {published.isoformat()} is before 1990; dropped"
    if captured is not None and (published - captured).total_seconds() > 86400:
        return None, (
            f"published_at {published.isoformat()} is after capture {captured.isoformat()}; dropped"
        )
    return published, None


def keep_published(story: Story, found: tuple[datetime, str], provenance: str) -> None:
    """Set a story's publication date and precision, unless the date is impossible.

    Args:
        story: The story to fill in place.
        found: `(utc_datetime, precision)` as `parse_datetime` gives.
        provenance: Where the date came from (`jsonld`, `text`, `url`...).
    """
    kept, note = check_published(found[0], story.captured_at)
    if note:
        story.notes.append(note)
    if kept:
        story.published_at, story.published_precision = kept, found[1]
        story.provenance["published_at"] = provenance
