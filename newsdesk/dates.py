"""Date parsing and sanity rules shared by every extractor."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from dateutil import parser as dateutil_parser

if TYPE_CHECKING:
    from newsdesk.model import Story

#: Dates before this are not news publication dates (typos, epoch zeros, placeholders).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


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
