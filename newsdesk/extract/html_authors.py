"""Cleaning author bylines into person names."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:(?:view|see|read|more)\s+)?(?:all\s+)?(?:(?:posts|articles|stories)\s+)?"
    r"(?:(?:written|posted|reported|story|text|words)\s+)?"
    r"(?:by|from|von|par|por|door|di|da|af|av|autor(?:in)?:?|author:?|auteur:?)\s*[:\-]?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|\(|\)|\s&\s|\b(?:and|und|et|plus|with|avec|mit|con|y|e)\b|\s\+\s|\n)\s*",
    re.I,
)
# "Jane Doe - Chrome Security team", "Jane Doe says": what follows the name is no name.
_ROLE_TAIL = re.compile(r"\s+(?:[-–—]\s+\S.*|says:?)$", re.I)
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
    raw = _ROLE_TAIL.sub("", raw)
    parts = [_PREFIX.sub("", part).strip(" .:-–—|•·()[]\"'") for part in _SPLIT.split(raw)]
    return [_MONTH_TAIL.sub("", part) for part in parts]


# Words of organisation names: a byline equal to the outlet's name is kept only when it has
# none of these (a personal site named after its author).
_ORG_WORDS = frozenset(
    """news times post daily media press journal magazine blog network tv radio group inc ltd
    llc foundation institute university company corp online weekly herald tribune gazette
    review report today digital world channel wire agency the and of""".split()
)


def _trim_tail(fragment: str, outlet_keys: set[str]) -> str:
    # "Adam Aaronson PhillyVoice Staff": job words and the outlet's name after the name.
    words = fragment.split()
    while len(words) > 1 and (
        words[-1].lower().strip(".:,") in _ROLE_WORDS or _squash(words[-1]) in outlet_keys
    ):
        words.pop()
    return " ".join(words)


def _is_person_like(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.lower().strip(".") not in _ORG_WORDS for w in words
    )


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
    if (lowered in outlet_keys or _squash(lowered) in outlet_keys) and not _is_person_like(
        fragment
    ):
        return False
    # "Google" for the "Google Online Security Blog": the outlet's first word.
    key = _squash(lowered)
    if len(words) == 1 and any(k.startswith(key) and " " not in k for k in outlet_keys):
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
        if not raw or _URLISH.match(raw.strip()) or _is_path(raw):
            continue
        # "Jobs & Hire" as a whole is the outlet, not two people.
        if _squash(raw) in outlet_keys and not _is_person_like(" ".join(raw.split())):
            continue
        for part in _fragments(str(raw)):
            fragment = _trim_tail(part, outlet_keys)
            if not _is_name(fragment, outlet_keys):
                continue
            name = _recase(fragment)
            key = _squash(name)
            if key not in seen:
                seen.add(key)
                names.append(name)
    return _drop_extended(names)


def _is_path(raw: str) -> bool:
    # "/authors/ganesh-sitaraman": a profile path, not a name.
    text = raw.strip()
    return "/" in text and " " not in text


def choose_authors(
    sources: list[tuple[str, list[str]]], outlet_names: list[str | None] = ()
) -> tuple[list[str], str | None]:
    """Pick the author list the page's sources agree on.

    Each source (JSON-LD, OpenGraph, meta tags, microdata, the visible byline...) gives a
    list of names; the list sharing a name with the most other sources wins, and on a tie
    the most trusted (earliest) source. A name cut short in the winner ("Todd") is completed
    from another source that has it in full ("Todd Bates").

    Args:
        sources: `(provenance, raw byline strings)`, most trusted first.
        outlet_names: Names of the publishing outlet, never kept as authors.

    Returns:
        `(names, provenance)`, or `([], None)` when no source names a person.
    """
    cleaned = [(src, names) for src, raw in sources if (names := clean_authors(raw, outlet_names))]
    if not cleaned:
        return [], None
    keys = [{_squash(n) for n in names} for _, names in cleaned]
    firsts = [{_squash(n.split()[0]) for n in names} for _, names in cleaned]

    def support(i: int) -> int:
        return sum(
            1 for j in range(len(cleaned)) if j != i and (keys[i] & keys[j] or keys[i] & firsts[j])
        )

    best = max(range(len(cleaned)), key=lambda i: (support(i), -i))
    source, names = cleaned[best]
    others = [n for i, (_, ns) in enumerate(cleaned) if i != best for n in ns]
    return [_completed(name, others) for name in names], source


def _completed(name: str, others: list[str]) -> str:
    if " " in name:
        return name
    longer = [o for o in others if o.lower().startswith(name.lower() + " ") and len(o.split()) <= 4]
    return longer[0] if longer else name


def _drop_extended(names: list[str]) -> list[str]:
    # "Ben Silverman Games Editor" beside "Ben Silverman": the longer one carries a job title.
    return [
        name
        for name in names
        if not any(other != name and name.startswith(other + " ") for other in names)
    ]
