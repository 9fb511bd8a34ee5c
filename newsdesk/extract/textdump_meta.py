"""Metadata readers for plain-text page dumps: dates, bylines, reading time, outlet, language.

Each reader looks at one line (or a few) and returns a value or None; deciding *which* lines
to look at is the job of `newsdesk.extract.textdump`.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections import Counter
from datetime import date, datetime

from newsdesk.dates import parse_datetime
from newsdesk.extract.textdump_labels import (
    BYLINE_PREFIX,
    CALENDAR_NAMES,
    DEBRIS_LABELS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    STOPWORDS,
    fold,
)

_MONTH_CAPS = "|".join(
    sorted((m.capitalize() for m in MONTHS if m.isascii() and len(m) >= 3), key=len, reverse=True)
)
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
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
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\d.])" + _TIME,
    re.IGNORECASE,
)
# One reading of the page's ambiguous numeric dates must lie this many times nearer its
# written dates than the other to decide their order.
_NEARER_RATIO = 3
# Lines remembered by the cached line readers (a dump has a few hundred to a few thousand).
_LINE_CACHE = 8192
_DATE_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T|\s+)?" + _TIME, re.IGNORECASE
    ),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+)?"
        rf"(?P<mon>{_MONTH_ALT})\.?,?\s*(?:de\s+)?(?P<y>\d{{4}})(?!\d)" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        # "DambrotNovember 6, 2023": a byline glued to the date.
        rf"(?:\b|(?<=[a-z])(?=[A-Z]))(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
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
    r"^\s*(?:first\s+)?(?:published|posted|written|date|publication\s+date|date\s+published|publié|"
    r"veröffentlicht|publicado|pubblicato)\b(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_SCHEMA_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TODAY = re.compile(
    r"^\s*(?:today(?:'s\s+date)?|captured(?:\s+on)?|retrieved(?:\s+on)?)"
    r"(?:\s*[:\-–—]\s*|\s+is\s+|\s+(?=\d))",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"(?:^|\b)(\d{1,3})\s*[-\s]?(?:min|mins|minute|minutes|minuten|minutos|minuti)\.?\s*"
    r"(?:read|reading|read\s+time|de\s+lectura|de\s+lecture|lesezeit|di\s+lettura|"
    r"de\s+leitura|leestijd)\b|"
    r"(?:reading\s+time|read\s+time|lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura)"
    r"\s*[:\-–]?\s*(?:about\s+|approx\.?\s+|ca\.?\s+)?(\d{1,3})\s*(?:min|mins|minutes?|minuten)|"
    # "21 minutes - 4312 words": the length of the piece both ways.
    r"^\s*(\d{1,3})\s*(?:min|mins|minutes?)\.?\s*[-–—|·•,]?\s*[\d,.]+\s+words\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"(?:\.{2,}|…+|\s[-–—]\s|[.!?]\s|\s)\s*(?:reports?|reported\s+by|says?|via)\s+"
    r"(?P<outlet>(?:[A-Z0-9][\w&'’.-]*)(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|the|and|&)){0,5})"
    r"\s*[.…]*\s*$"
)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.|,]{2,60}?)\s*(?:,?\s*(?:llc|inc|ltd|plc|gmbh|s\.a)\.?)?\s*"
    r"(?:[.|,]|all\s+rights|$)",
    re.IGNORECASE,
)
_ACRONYM_MAX = 5
# A name on a line of its own (no "By") has this many words at most.
_BARE_NAME_WORDS = 4
# Degrees written after a name in mixed case (upper-case ones go with the acronyms).
_CREDENTIALS = frozenset({"PhD", "Ph.D", "MSc", "DPhil", "BSc", "MEd", "EdD", "PsyD", "DrPH"})
# "(Reuters)", "(AP)": the wire a byline credits, not one of its authors.
_LONE_PARENTHETICAL = re.compile(r"\(\s*[^\s()]+\s*\)")
# A handle, or an e-mail address; "@aprilroach28Daniel O'Mahony": a handle glued to the next
# name ends where the name's capital starts.
_HANDLE = re.compile(r"\S+@\S+\.\w+|@[a-z0-9_]+(?=[A-Z][a-z])|@\w+")
_NAME_SPLIT = re.compile(
    r"\s*(?:,|&|\b[Aa]nd\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bwith\b|\bavec\b|\bmit\b|"
    r"\bcon\b|;|/|\||\(|\))\s*"
)
_LEADING_DECORATION = re.compile(r"^[^\w(@]+")
# Separators between the parts of a header line: outlet | date | byline.
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+")
# A date (optionally "posted on ...") followed by "by Name".
_DATED_BYLINE = re.compile(r"^(?P<head>.{6,40}?)\s*[,|–—-]?\s+(?P<by>by\s+\S.*)$", re.IGNORECASE)
# "Richard Adams Education editor": a role after the name, no separator.
_ROLE = (
    r"\s+(?-i:[A-Z][a-z]+\s+)?(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Cc]olumnist|"
    r"[Ww]riter|[Cc]ontributor)s?\b.*"
)
_BYLINE_TAIL = re.compile(
    r"\s*(?:\s[•·|]\s.*|\s+follow\b.*|"
    rf"\s+(?:{_MONTH_ALT})\.?\s+\d.*|"
    r"[,|–—]\s+(?:a|an|the|is|who|senior|staff|chief|our|special|contributing|"
    r"associate|deputy|political|foreign|\w+\s+correspondent|\w+\s+editor|\w+\s+writer)\b.*|"
    r"\s+(?:last\s+)?(?:updated|published|posted|on|at|in)\b.*|\s+\d.*|(?<=[^\W\d_]{2})\d.*|"
    # Glued on: "Evan HalperStaff Writer", "Shana Nys DambrotNovember 6, 2023".
    r"(?-i:(?<=[a-z])(?=[A-Z]))(?:staff\s+|senior\s+|contributing\s+)?"
    r"(?:writer|editor|reporter|correspondent|columnist)s?\b.*|"
    rf"(?-i:(?<=[a-z])(?:{_MONTH_CAPS}))\b.*|"
    r"\s*[-–—|]\s*(?:staff|reporter|correspondent|editor|writer|contributor|for)\b.*|"
    # "By Glen Owen For The Mail On Sunday": the outlet the byline writes for.
    r"\s+for\s+(?:the\s+)?(?-i:[A-Z])\S*(?:\s+\S+){0,6}|" + _ROLE + r")$",
    re.IGNORECASE,
)
_ROLE_TAIL = re.compile(_ROLE + "$", re.IGNORECASE)
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Letters with inner dots, apostrophes and hyphens ("J.R.", "O'Neil", "Jean-Luc").
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[.'’-][^\W\d_]*)*$", re.UNICODE)


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


@functools.lru_cache(maxsize=_LINE_CACHE)
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
    if len(text) > 80:
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


def reading_time(text: str) -> int | None:
    """Minutes from a "2 mins read" / "Reading time: 4 minutes" line, or None."""
    if len(text) > 60:
        return None
    match = _READING_TIME.search(text)
    if not match:
        return None
    minutes = int(next(group for group in match.groups() if group))
    return minutes if 0 < minutes < 600 else None


def split_attribution(text: str) -> tuple[str, str | None]:
    """Split a standfirst's trailing "…reports Outlet Name" attribution off.

    Returns:
        `(text_without_attribution, outlet_or_None)`; the text loses trailing ellipses too.
    """
    match = _ATTRIBUTION.search(text)
    if not match:
        return text, None
    head = text[: match.start()].rstrip(" .…-–—")
    if len(head) < 20:
        return text, None
    return head, match["outlet"].strip()


def copyright_holder(text: str) -> str | None:
    """The name in a "© 2024 Outlet Name. All rights reserved." line, or None."""
    if len(text) > 160:
        return None
    match = _COPYRIGHT.match(text.strip())
    if not match:
        return None
    name = match["name"].strip(" -–")
    if not re.search(r"[^\W\d_]", name) or fold(name) in {"allrightsreserved", "copyright"}:
        return None
    return name


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5 or len(candidate) > 50:
        return False
    if any(re.search(r"\d", w) for w in words):
        return False
    if all(w.strip(".,'’-").lower() in CALENDAR_NAMES for w in words):
        return False
    capitals = 0
    for word in words:
        bare = word.strip(".,'’-")
        if not bare or not _NAME_WORD.match(bare):
            return False
        if bare.lower() in NOT_NAME_WORDS:
            return False
        if bare[0].isupper():
            capitals += 1
        elif bare.lower() not in NAME_PARTICLES:
            return False
    return capitals >= 1 and fold(candidate) not in DEBRIS_LABELS


def split_names(text: str) -> list[str]:
    """Split a cleaned byline into person names ("A and B, C" -> three names)."""
    names = []
    acronyms = []
    for raw in _NAME_SPLIT.split(text):
        part = raw.strip(" .,:;-–—")
        if part.rstrip(".") in _CREDENTIALS:
            continue  # "Grant Tinsley, PhD"
        if part.isupper() and " " not in part and len(part) <= _ACRONYM_MAX:
            # "By Rob Picheta, CNN": the outlet or wire, unless it is the only name.
            acronyms.append(part)
            continue
        if part.isupper():
            part = part.title()
        if part and _is_name(part) and part not in names:
            names.append(part)
    if not names:
        names = [a for a in dict.fromkeys(acronyms) if _is_name(a)]
    return names


def _prefixed_names(text: str) -> list[str]:
    """Names of a byline that is one part of a longer line.

    Bylines share a line with the outlet and dates ("Le Monde | 04.05.2015 | Par Martin
    Untersinger") or follow the date ("on March 10, 2015 by Nikhil Marathe").
    """
    for segment in _SEGMENT_SPLIT.split(text)[1:]:
        if BYLINE_PREFIX.match(segment) and (names := byline_names(segment, allow_bare=False)):
            return names
    dated = _DATED_BYLINE.match(text)
    if dated and find_date(dated["head"]):
        return byline_names(text[dated.start("by") :], allow_bare=False)
    return []


def byline_core(text: str) -> str:
    """A byline line without a trailing role ("Jane Doe Education editor" -> "Jane Doe")."""
    return _ROLE_TAIL.sub("", text).strip()


def byline_names(text: str, *, allow_bare: bool) -> list[str]:
    """Authors named by a byline line.

    Args:
        text: One line of a dump.
        allow_bare: Accept a line that is only names ("Sarah Archer", "A and B"); callers
            allow it only right around the title, where such a line is a byline.

    Returns:
        The names, or an empty list when the line is not a byline.
    """
    # Line predicates ask this of the same lines many times over: read each line once.
    return list(_byline_names(text, allow_bare))


@functools.lru_cache(maxsize=_LINE_CACHE)
def _byline_names(text: str, allow_bare: bool) -> tuple[str, ...]:
    if len(text) > 200:
        return ()
    # Decoration before a byline ("// By ...", "— By ...", "• By ...").
    text = _LEADING_DECORATION.sub("", text)
    names = _prefixed_names(text)
    if names:
        return tuple(names)
    prefix = BYLINE_PREFIX.match(text)
    if prefix:
        body = text[prefix.end() :]
    elif allow_bare and len(text) <= 60 and not text.rstrip().endswith(":"):
        # "Open Journalism Project:" introduces something; a byline does not.
        body = text
    else:
        return ()
    body = _LONE_PARENTHETICAL.sub(" ", _HANDLE.sub(", ", body))
    body = _BYLINE_TAIL.sub("", body).strip()
    if not body:
        return ()
    names = split_names(body)
    if not prefix and (
        len(names) == 0
        or "(" in text
        or any(not 2 <= len(n.split()) <= _BARE_NAME_WORDS for n in names)
    ):
        # A bare line must be full names only; "Apple" or "Design" is not a byline, and
        # "Char Kway Teow (Stir Fry Noodles)" is a headline.
        return ()
    if not prefix and fold(" ".join(names)) != fold(body):
        return ()
    return tuple(names)


def detect_language(text: str) -> str | None:
    """A cheap language guess: script first, then stopword counts for Latin scripts.

    Returns:
        An ISO 639-1 code, or None when the text gives no clear signal.
    """
    sample = text[:20000]
    letters = len(_LATIN_WORD.findall(sample)) or 1
    for code, pattern in _SCRIPTS:
        hits = len(pattern.findall(sample))
        if code == "zh" and hits and len(_SCRIPTS[0][1].findall(sample)) > hits * 0.05:
            return "ja"
        if hits >= 20 or hits > letters:
            return code
    counts: Counter[str] = Counter()
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    for word in words:
        for code, stops in STOPWORDS.items():
            if word in stops:
                counts[code] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    top_code, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top >= 3 and top >= 1.3 * second and top >= 0.08 * len(words):
        return top_code
    return None
