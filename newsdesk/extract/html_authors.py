"""Cleaning author bylines into person names."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|text|words|photos?)\s+)?"
    r"(?:by|from|von|par|por|door|di|da|af|av|autor(?:in)?:?|author:?|auteur:?)\s*[:\-]?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|\(|\)|\s&\s|\b(?:and|und|et|plus|with|avec|mit|con|y|e)\b|\s\+\s|\n)\s*",
    re.I,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_DATE_TAIL = re.compile(
    r"\s*(?:[-–—|•·]\s*)?(?:updated|published|posted|last updated|on)?\s*"
    r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b).*$",
    re.IGNORECASE,
)
# Words that make a byline fragment a job title or a desk, not a person.
_ROLE_WORDS = frozenset(
    """staff writer reporter correspondent editor editors contributor contributors columnist
    senior chief political business science health sports desk team news staff newsroom
    redaktion rédaction redacción redazione agency agencies wire services service online
    digital editorial associate assistant deputy managing producer photographer photography
    illustration illustrations graphics video special guest author admin administrator
    updated published min read minutes comments comment share follow email twitter facebook
    more articles posts view profile bio contact about the follow last by read full no
    unknown anonymous guest posted written shares""".split()
)
# Post-nominal letters and credentials written after a name in bylines.
_CREDENTIALS = frozenset("ma mba md phd msc bsc rn dr jd cpa mph dds do pa np lcsw".split())
# A byline cut just before its date leaves the month behind ("Jane Doe March").
_MONTH_TAIL = re.compile(
    r"\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_URLISH = re.compile(r"^(https?:|www\.)|\.(com|org|net|html?)\b", re.I)


def _fragments(raw: str) -> list[str]:
    raw = _EMAIL.sub(" ", raw)
    raw = _HANDLE.sub(" ", raw)
    raw = _PREFIX.sub("", " ".join(raw.split()))
    raw = _DATE_TAIL.sub("", raw)
    parts = [_PREFIX.sub("", part).strip(" .:-–—|•·()[]\"'") for part in _SPLIT.split(raw)]
    return [_MONTH_TAIL.sub("", part) for part in parts]


def _is_name(fragment: str, outlet_keys: set[str]) -> bool:
    words = fragment.split()
    if not 1 <= len(words) <= 5 or len(fragment) > 60:
        return False
    if (
        not _LETTER.search(fragment)
        or _URLISH.search(fragment)
        or any(c.isdigit() for c in fragment)
    ):
        return False
    lowered = fragment.lower()
    if _squash(lowered) in _CREDENTIALS:
        return False
    if lowered in outlet_keys or _squash(lowered) in outlet_keys:
        return False
    return not all(w.lower().strip(".:") in _ROLE_WORDS for w in words)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _recase(name: str) -> str:
    # Bylines shouted in capitals are styling, not the name's spelling.
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() for w in name.split())
    return name


def clean_authors(raw_values: list[str], outlet_names: list[str | None] = ()) -> list[str]:
    """Person names from raw byline strings.

    Strips "By"-style prefixes, e-mail addresses, handles and trailing dates; splits several
    names ("A, B and C"); drops job titles, desks, URLs and the outlet's own name; de-duplicates
    case-insensitively, keeping page order.

    Args:
        raw_values: Byline strings as found in the page (may hold several names each).
        outlet_names: Names of the publishing outlet (site name, host), never kept as authors.

    Returns:
        Clean person names.
    """
    outlet_keys: set[str] = set()
    for outlet in outlet_names:
        if outlet:
            outlet_keys.update({outlet.lower(), _squash(outlet)})
    names: list[str] = []
    seen: set[str] = set()
    for raw in raw_values:
        if not raw or _URLISH.match(raw.strip()):
            continue
        for fragment in _fragments(str(raw)):
            if not _is_name(fragment, outlet_keys):
                continue
            name = _recase(fragment)
            key = _squash(name)
            if key not in seen:
                seen.add(key)
                names.append(name)
    return _drop_extended(names)


def _drop_extended(names: list[str]) -> list[str]:
    # "Ben Silverman Games Editor" beside "Ben Silverman": the longer one carries a job title.
    return [
        name
        for name in names
        if not any(other != name and name.startswith(other + " ") for other in names)
    ]
