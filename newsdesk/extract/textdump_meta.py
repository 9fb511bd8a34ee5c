"""Metadata readers for plain-text page dumps: bylines, reading time, outlet, language.

Each reader looks at one line (or a few) and returns a value or None; deciding *which* lines
to look at is the job of `newsdesk.extract.textdump`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from newsdesk.extract.date_text import (
    LINE_CACHE,
    MONTH_ALT,
    MONTH_CAPS,
    SEGMENT_SPLIT,
    find_date,
    leading_date_end,
)
from newsdesk.extract.given_names import is_given_name
from newsdesk.extract.textdump_labels import (
    BYLINE_PREFIX,
    CALENDAR_NAMES,
    CREDIT_VERBS,
    DEBRIS_LABELS,
    EXPLICIT_CREDIT,
    META_SEPARATOR,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    STOPWORDS,
    fold,
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
# "…berichtet Asian Lite News", "… rapporte Le Monde": the same credit in other languages.
_ATTRIBUTION_ABROAD = re.compile(
    r"(?:\.{2,}|…+|\s[-–—]\s|[.!?]\s|\s)\s*(?:berichte(?:t|te)|meldet(?:e)?|rapporte|"
    r"indique|informa|reporta|seg[uú]n|riporta)\s+"
    r"(?P<outlet>(?:[A-Z0-9][\w&'’.-]*)(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|the|and|&|de|la|del|der)){0,5})"
    r"\s*[.…]*\s*$"
)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.|,]{2,60}?)\s*(?:,?\s*(?:llc|inc|ltd|plc|gmbh|s\.a)\.?)?\s*"
    r"(?:[.|,]|all\s+rights|$)",
    re.IGNORECASE,
)
_ACRONYM_MAX = 5
_ROMAN = re.compile(r"^[IVX]+$")
# A name on a line of its own (no "By") has this many words at most.
_BARE_NAME_WORDS = 4
# Degrees written after a name in mixed case (upper-case ones go with the acronyms).
_CREDENTIALS = frozenset({"PhD", "Ph.D", "MSc", "DPhil", "BSc", "MEd", "EdD", "PsyD", "DrPH"})
# "(Reuters)", "(AP)": the wire a byline credits, not one of its authors.
_LONE_PARENTHETICAL = re.compile(r"\(\s*[^\s()]+\s*\)")
# A handle, or an e-mail address; "@aprilroach28Daniel O'Mahony": a handle glued to the next
# name ends where the name's capital starts.
_HANDLE = re.compile(r"\S+@\S+\.\w+|@[a-z0-9_]+(?=[A-Z][a-z])|@\w+")
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|herr|frau|mme|mlle|m|sr|sra)\.?$", re.I
)
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$")
# A user name: one token of letters, digits, "_" or "-", with a letter in it; "red." and
# "red" sign a newsroom's own copy in German, not a person.
_HANDLE_NAME = re.compile(r"^(?!red\.?$)(?=[\w\-]*[^\W\d_])[^\W_][\w\-]{1,29}$", re.IGNORECASE)
_NAME_SPLIT = re.compile(
    r"\s*(?:,|&|\b[Aa]nd\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bwith\b|\bavec\b|\bmit\b|"
    r"\bcon\b|;|/|\||\(|\))\s*"
)
_LEADING_DECORATION = re.compile(r"^[^\w(@]+")
_COPYRIGHT_MARK = re.compile(r"^\s*(?:©|\(c\)\s)", re.IGNORECASE)
# A date (optionally "posted on ...") followed by "by Name".
# A credit with a date or time next to the name: optional head (a credit verb and its date,
# or a date), the credit word, then the name and what follows it.
_CREDIT_PHRASE = re.compile(
    r"^(?P<head>.{0,60}?)\s*(?<![\w-])(?:von|by|par|por)\s*:?\s+(?P<rest>\S.*)$", re.IGNORECASE
)
_CREDIT_VERB = re.compile(
    rf"^(?:{CREDIT_VERBS}|eingestellt|posted|written|published|"
    # "Artikel von X", "Ein Interview von X mit Y", "Eine Kolumne von X".
    r"(?:ein(?:e|en)?\s+)?(?:artikel|beitrag|gastbeitrag|kommentar|interview|kolumne|"
    r"rezension|bericht|reportage|analyse)$)",
    re.IGNORECASE,
)
_CREDIT_NAME_END = re.compile(
    r"\s+(?:am|um|on|at|le|el|il|à|a\s+las|in|im|auf|für|for|mit|with|\||·|•|-|–|—)\s|"
    r"\s+(?:veröffentlicht|aktualisiert|published|updated)\b|"
    r"\s*[(|·•,]|\s+\d",
    re.IGNORECASE,
)
_DATED_BYLINE = re.compile(
    r"^(?P<head>.{6,40}?)\s*[,|–—-]?\s+(?P<by>(?:by|von|par|por)\s+\S.*)$", re.IGNORECASE
)
# "Richard Adams Education editor": a role after the name, no separator.
_ROLE = (
    r"(?:\s+(?-i:[A-Z][a-z]+\s+)?(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Cc]olumnist|"
    r"[Ww]riter|[Cc]ontributor)s?\b.*|"
    # "Harald Bauer Autor": roles in other languages, after the name.
    r"\s+(?:[Aa]utor(?:in)?|[Rr]edakteur(?:in)?|[Jj]ournalist(?:in)?|[Aa]uteur|[Rr]édacteur|"
    r"[Rr]edactor|[Pp]eriodista)\b.*)"
)
_BYLINE_TAIL = re.compile(
    r"\s*(?:\s[•·|]\s.*|\s+follow\b.*|"
    rf"\s+(?:{MONTH_ALT})\.?\s+\d.*|"
    r"[,|–—]\s+(?:a|an|the|is|who|senior|staff|chief|our|special|contributing|"
    r"associate|deputy|political|foreign|\w+\s+correspondent|\w+\s+editor|\w+\s+writer)\b.*|"
    r"\s+(?:last\s+)?(?:updated|published|posted|on|at|in)\b.*|\s+\d.*|(?<=[^\W\d_]{2})\d.*|"
    # "Jon Nitz am 24. Januar 2022", "Marie Dupont le 3 mai 2021": the date after the name.
    rf"\s+(?:(?:{CREDIT_VERBS})\s+)?(?:am|le|el|il)\s+\d.*|"
    # Glued on: "Evan HalperStaff Writer", "Shana Nys DambrotNovember 6, 2023".
    r"(?-i:(?<=[a-z])(?=[A-Z]))(?:staff\s+|senior\s+|contributing\s+)?"
    r"(?:writer|editor|reporter|correspondent|columnist)s?\b.*|"
    rf"(?-i:(?<=[a-z])(?:{MONTH_CAPS}))\b.*|"
    r"\s*[-–—|]\s*(?:staff|reporter|correspondent|editor|writer|contributor|for)\b.*|"
    # "Kiran C Nair - Chrome Safe Browsing team": the desk the byline writes for.
    r"\s+[-–—]\s+(?:[\w&'’.]+\s+){0,5}(?:team|desk|bureau|department|newsroom)\b.*|"
    # "By Glen Owen For The Mail On Sunday": the outlet the byline writes for.
    r"\s+for\s+(?:the\s+)?(?-i:[A-Z])\S*(?:\s+\S+){0,6}|"
    # "Text von Christian Seiler Illustration von Markus Roost": credits for other work.
    r"[,;.]?\s+(?:illustrations?|fotos?|photos?|bilder?|grafik)\s*(?:von|by|par|de|:)\s.*|"
    + _ROLE
    + r")$",
    re.IGNORECASE,
)
# "A and B": the conjunctions a line of names may hold besides the names.
_CONJUNCTION = re.compile(r"\s(?:and|und|et|y|e|&)\s", re.IGNORECASE)
_ROLE_TAIL = re.compile(_ROLE + "$", re.IGNORECASE)
_SURNAME = re.compile(r"^[^\W\d_][\w'’-]*$")
_CAPS_NAME_WORDS = 3
_HEADLINE_QUOTES = re.compile(r"[«»„“”\"]")
# A meta line is short; a longer line opening with a date is a sentence.
_DATELINE_WORDS = 16
_STAMP_PARTS = 3
_STAMP_WORDS = 4
# "Name , 01. Dez. 2017, ...": a name (no digits), a separator, then what must be a date.
_NAME_THEN_DATE = re.compile(r"^(?P<name>[^\d,|·•–—]{4,40}?)\s*[,|·•–—]\s*(?P<rest>\d.*)$")
# "91 Ergänzungen", "3 Kommentare", "12 comments": a count after the byline.
_COUNT_PART = re.compile(r"^\d+\s+[^\W\d_]+$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?$", re.IGNORECASE)
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
# "SimplyScience.ch": a host name, not part of a person's.
_HOST_WORD = re.compile(r"[^\W\d_]{2}\.[a-z]{2,6}$")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[.'’-][^\W\d_]*)*$", re.UNICODE)


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
    """Split a standfirst's trailing "…reports Outlet Name" attribution off (also "…berichtet").

    Returns:
        `(text_without_attribution, outlet_or_None)`; the text loses trailing ellipses too.
    """
    match = _ATTRIBUTION.search(text) or _ATTRIBUTION_ABROAD.search(text)
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


def _caps_surname(words: list[str], word: str) -> bool:
    # "Chokri GHARBI", "Jean DUPONT": a surname in capitals after a known given name (the
    # French style).
    return 2 <= len(words) <= _CAPS_NAME_WORDS and word is words[-1] and is_given_name(words[0])


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5 or len(candidate) > 50:
        return False
    if any(re.search(r"\d", w) for w in words):
        return False
    if all(w.strip(".,'’-").lower() in CALENDAR_NAMES for w in words):
        return False
    capitals = 0
    mixed_case = not candidate.isupper()
    for word in words:
        bare = word.strip(".,'’-")
        if not bare or not _NAME_WORD.match(bare) or _HOST_WORD.search(bare):
            return False
        if (
            mixed_case
            and len(bare) >= 3
            and bare.isalpha()
            and bare.isupper()
            and not _ROMAN.match(bare)
            and not _caps_surname(words, word)
        ):
            # "Golem Python API", "Daily News PDF": an acronym among capitalised words is
            # no part of a person's name (a name in capitals is all capitals).
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
        if part and not _is_name(part):
            part = _leading_person(part)
        if part and _is_name(part) and part not in names:
            names.append(part)
    if not names:
        names = [a for a in dict.fromkeys(acronyms) if _is_name(a)]
    if names and " " in names[0]:
        # "Alex Durán, AMP Project Marketing, Google": after a full name, a single word is
        # the employer, the wire or the place.
        names = [name for name in names if " " in name]
    return names


def _leading_person(part: str) -> str:
    """The given name and surname opening a longer part, or "" when none opens it.

    "Sarah Schnieder Reiterrevue International": the outlet's name runs on after the person's.
    """
    words = part.split()
    if (
        len(words) > 2
        and is_given_name(words[0])
        and _is_name(" ".join(words[:2]))
        # What follows is a name too (an outlet, an employer), not a sentence going on.
        and all(word[:1].isupper() for word in words[2:])
    ):
        return " ".join(words[:2])
    return ""


def _prefixed_names(text: str) -> list[str]:
    """Names of a byline that is one part of a longer line.

    Bylines share a line with the outlet and dates ("Le Monde | 04.05.2015 | Par Martin
    Untersinger") or follow the date ("on March 10, 2015 by Nikhil Marathe").
    """
    for segment in SEGMENT_SPLIT.split(text)[1:]:
        if BYLINE_PREFIX.match(segment) and (names := byline_names(segment, allow_bare=False)):
            return names
    dated = _DATED_BYLINE.match(text)
    if dated and find_date(dated["head"]):
        return byline_names(text[dated.start("by") :], allow_bare=False)
    return []


def _credit_phrase_head(text: str) -> bool:
    """Whether a credit verb or noun leads the line's credit word ("Kommentar von")."""
    match = _CREDIT_PHRASE.match(text)
    return bool(match and match["head"] and _CREDIT_VERB.match(match["head"]))


def _credit_phrase_names(text: str) -> list[str]:
    """The author of a credit phrase with a date or time around the name.

    "Veröffentlicht am 03.02.2022 von Sarah Schnieder", "Geschrieben von Cooper am
    25.08.2015 22:30", "Eingestellt von Weinlachgummi um 10:52", "26/12/2019 von revamp-it
    Webteam", "von eseppelt · 31. Oktober 2023": the name runs from the credit word to the
    date, time or separator after it.
    """
    match = _CREDIT_PHRASE.match(text)
    if not match:
        return []
    if match["head"] and not (_CREDIT_VERB.match(match["head"]) or find_date(match["head"])):
        return []
    parts = _CREDIT_NAME_END.split(match["rest"], maxsplit=1)
    name = parts[0].strip(" ,;:·•|-–—")
    if not name or len(name.split()) > _BARE_NAME_WORDS:
        return []
    if not match["head"] and not (len(parts) > 1 and find_date(match["rest"])):
        # "by default", "von Berlin": a credit word alone says nothing without a date.
        return []
    if name.isupper() and len(name) > _ACRONYM_MAX:
        name = name.title()
    if _HANDLE_NAME.match(name) or _is_name(name):
        return [name]
    return []


@functools.lru_cache(maxsize=LINE_CACHE)
def dated_name(text: str) -> str | None:
    """The name in a blog's meta line: date, author, then categories or a comment count.

    "2. Februar 2020 Alexander Roll 1 Kommentar Inklusion", "16. Mai 2019 Markus Elsberger
    Netzwerk, Windows", "1. Februar 2022 Steffi Kaufratgeber, Katzen": a known given name
    right after the date, and the capitalised word after it unless the list of categories
    (words parted by commas) starts there.

    Args:
        text: One line of a dump.

    Returns:
        The author's name, or None when the line is not such a meta line.
    """
    end = leading_date_end(text)
    if end is None or len(text.split()) > _DATELINE_WORDS or text.rstrip()[-1:] in ".!?":
        return None
    words = text[end:].lstrip(" ~|·•-–—,").split()
    if not words or not words[0][:1].isupper() or not is_given_name(words[0]):
        return None
    name = [words[0]]
    # A surname has no comma after it: "Kaufratgeber," opens the list of categories.
    if len(words) > 1 and words[1][:1].isupper() and _SURNAME.match(words[1]):
        name.append(words[1])
    if len(name) == 1 and len(words) > 1 and not words[1].endswith(","):
        # "13. Mai 2020 Anna Fotografie" could be a name or a category, "Anna sagte" is a
        # sentence; a list of categories or a comment count after a lone name shows it.
        return name[0] if words[1].isdigit() else None
    return " ".join(name)


def _name_then_date(text: str) -> str | None:
    """The name before the date of a dateline led by its author.

    "Marco Kratzenberg , 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit" -> "Marco Kratzenberg".
    """
    match = _NAME_THEN_DATE.match(text)
    if not match or leading_date_end(match["rest"]) is None:
        return None
    return match["name"]


def byline_core(text: str) -> str:
    """A byline line without a trailing role ("Jane Doe Education editor" -> "Jane Doe")."""
    return _ROLE_TAIL.sub("", after_stamp(text)).strip()


def stamped(text: str) -> bool:
    """Whether a line prints a date (and time) before a byline ("11.12.2019 - Amelie Loevenich")."""
    return after_stamp(text) != text


def after_stamp(text: str) -> str:
    """A line without the date and time a byline block prints before the name.

    "11.12.2019 - Amelie Loevenich" -> "Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta
    Helkenberg" -> "Uta Helkenberg"; any other line is returned as it is.
    """
    parts = META_SEPARATOR.split(text)
    if len(parts) > 2 and _COUNT_PART.match(parts[-1]):
        # "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen": a comment count.
        parts = parts[:-1]
    if len(parts) < 2 or len(parts) > _STAMP_PARTS:
        return text
    head = parts[:-1]
    if find_date(head[0]) and all(
        len(part.split()) <= _STAMP_WORDS and (find_date(part) or _CLOCK.match(part))
        for part in head
    ):
        return parts[-1]
    return text


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


def names_a_person(names: list[str], common: frozenset[str]) -> bool:
    """Whether bare names name a person, not capitalised words ("Faire Lieferketten").

    A name passes with an honorific ("Mrs H Pyke"), initials ("R.C. Baker") or a known given
    name leading it that the page does not also use as a lower-case word ("take", "alle",
    "young").

    Args:
        names: Names read off one bare line.
        common: The lower-case words of the page.

    Returns:
        True when one of the names looks like a person's.
    """
    for name in names:
        words = name.split()
        if _HONORIFIC.match(words[0]) or any(_INITIALS.match(word) for word in words):
            return True
        # The given name leads ("Alexandra Weber"), or follows a title in a longer name
        # ("Rechtsanwalt Sebastian Einbock"); last in two words it is a word ("Akte Aurora").
        leading = words[:2] if len(words) > 2 else words[:1]
        if any(is_given_name(word) and word.lower() not in common for word in leading):
            return True
    return False


@functools.lru_cache(maxsize=LINE_CACHE)
def _byline_names(text: str, allow_bare: bool) -> tuple[str, ...]:
    if len(text) > 200:
        return ()
    return _read_byline(text, allow_bare) or tuple(_credit_phrase_names(text))


def _read_byline(text: str, allow_bare: bool) -> tuple[str, ...]:
    if len(text) > 200:
        return ()
    if _COPYRIGHT_MARK.match(text):
        # "© Wiebke Jann" under a picture: the photographer's credit, not the byline.
        return ()
    # Decoration before a byline ("// By ...", "— By ...", "• By ...").
    text = _LEADING_DECORATION.sub("", text)
    names = _prefixed_names(text)
    if names:
        return tuple(names)
    prefix = BYLINE_PREFIX.match(text)
    if prefix:
        body = text[prefix.end() :]
    elif allow_bare and (dated := dated_name(text)):
        return (dated,)
    elif allow_bare and (named := _name_then_date(text)):
        body = named
    elif allow_bare and len(text) <= 60 and not text.rstrip().endswith(":"):
        # "Open Journalism Project:" introduces something; a byline does not. "Kommentar
        # von Ingo Arzt" is a credit phrase, not a name with a particle in it.
        if (phrase := _credit_phrase_names(text)) or _credit_phrase_head(text):
            return tuple(phrase)
        body = after_stamp(text)
    else:
        return ()
    if prefix and _HEADLINE_QUOTES.search(body):
        # "Von Sprachregeln, Gender-Politik und «ganz normalen» Familien": a headline that
        # opens with the word; a byline quotes nothing.
        return ()
    body = _LONE_PARENTHETICAL.sub(" ", _HANDLE.sub(", ", body))
    body = _BYLINE_TAIL.sub("", body).strip()
    if not body:
        return ()
    names = split_names(body)
    if not names and prefix and EXPLICIT_CREDIT.match(text):
        handle = text[prefix.end() :].strip()
        if _HANDLE_NAME.match(handle):
            # A user name after an outright credit ("Posted by gnaddrig", "Autor: c1ph4").
            names = [handle]
    if not prefix and (
        len(names) == 0
        or "(" in text
        or any(not 2 <= len(n.split()) <= _BARE_NAME_WORDS for n in names)
    ):
        # A bare line must be full names only; "Apple" or "Design" is not a byline, and
        # "Char Kway Teow (Stir Fry Noodles)" is a headline.
        return ()
    if not prefix and fold(" ".join(names)) != fold(_CONJUNCTION.sub(" ", body)):
        return ()
    return tuple(names)


@functools.cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    # One look-up per word instead of one per word and language.
    languages: dict[str, list[str]] = {}
    for code, stops in STOPWORDS.items():
        for word in stops:
            languages.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


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
    languages = _stopword_languages()
    for word in words:
        counts.update(languages.get(word, ()))
    if not counts:
        return None
    ranked = counts.most_common(2)
    top_code, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top >= 3 and top >= 1.3 * second and top >= 0.08 * len(words):
        return top_code
    return None
