"""Cleaning author bylines into person names."""

from __future__ import annotations

import re

from newsdesk.extract.given_names import is_given_name
from newsdesk.extract.textdump_labels import NAME_PARTICLES

_PREFIX = re.compile(
    r"^\s*(?:(?:view|see|read|more|mehr)\s+)?(?:all|alles|alle)?\s*"
    r"(?:(?:posts|articles|stories|artikel|beiträge)\s+)?"
    r"(?:(?:written|posted|reported|reporting|story|text|words|publié|écrit|publicado|escrito|"
    r"pubblicato|scritto|geschrieben|veröffentlicht|eingestellt|erstellt|gepostet|created)\s+)?"
    r"(?:by|from|von|vom|par|por|door|di|da|af|av|autor(?:in|/in|\*in|:in)?:?|author:?|auteur:?|"
    r"interview(?:\s+von)?:?)\s*[:\-]?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|\(|\)|\s&\s|\bim\s+(?:gespräch|interview)\s+mit\b|"
    r"\bin\s+conversation\s+with\b|\b(?:and|und|et|plus|with|avec|mit|con|y|e)\b|\s\+\s|\n)\s*",
    re.I,
)
# "Jane Doe - Chrome Security team", "Jane Doe says": what follows the name is no name.
_ROLE_TAIL = re.compile(
    r"\s+(?:[-–—]\s+\S.*|says:?|im\s+(?:gespräch|interview)|(?:fotos?|photos?|bilder?)\s*:.*)$",
    re.I,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
# "Jong, Michiel de", "Kooman, F.": a surname, then the given name or initials (library style).
_INVERTED = re.compile(
    r"^(?P<last>[^\W\d_][\w'’-]+),\s+(?P<first>(?:[^\W\d_]\.\s*)+|[^\W\d_][^\W\d_'’-]+)"
    r"(?P<particles>(?:\s+(?:de|del|der|den|van|von|da|di|du|la|le|ter|ten))*)$"
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# "Richard (R.J.) Eskow": a nickname or middle name inside a name, not a second person.
_NICKNAME = re.compile(r"\(([^()]{1,25})\)(?=\s+[^\W\d_])")
# "Photo by", "Edited by", "Additional reporting by": credits for work other than the story's
# writing; the names after them (up to the next writing credit) are not authors.
_CREDIT = re.compile(
    r"^(?:(?:additional|further)\s+(?:reporting|research)|(?:photo|photograph|image|picture|"
    r"illustration|graphic|video|animation|cartoon|map|chart)(?:s|y|ed|graphy)?|"
    r"edit(?:ed|ing)?|cop(?:y|ies)[- ]?edit(?:ed|ing)?|produc(?:ed|tion)|design(?:ed)?|"
    r"translat(?:ed|ion)|fact[- ]check(?:ed|ing)?|interviews?|curated|compiled|music|"
    r"fotos?|bild(?:er)?|illustrations?)\s+(?:by|von|par)\b",
    re.I,
)
_WRITING = re.compile(r"^(?:(?:written|story|text|words|reporting|reported)\s+)?by\b", re.I)
# "By Jane Doe. Photos by John Roe": a sentence break before another credit.
_CREDIT_BREAK = re.compile(r"(?<=\w{2})\.\s+(?=\S+\s+by\b)", re.I)
# "Jane Doe Updated 3:00 PM", "Jane Doe Published 10 hours ago": a time stamp after the name.
_STAMP_TAIL = re.compile(
    r"\s+(?:(?:last\s+)?updated|published|posted\s+(?:on|at)|\d{1,2}:\d{2})\b.*$", re.I
)
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
    unknown anonymous guest posted written shares name autor autorin stand publiziert
    veröffentlicht am see all text datum von null none undefined created erstellt eingestellt
    gepostet reblogged rebloggt contributing artikel beitrag journalist journalistin kolumnist
    kolumnistin redakteur redakteurin experte expertin korrespondent korrespondentin
    reporterin chefredakteur chefredakteurin gastautor gastautorin""".split()
) | frozenset(
    # Weekdays and months left of a date stamp ("Joe Wee Monday, February"); months that
    # are also given names (April, May, June) are not among them.
    """monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch
    donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado domingo january february march september
    october november december januar februar märz oktober dezember janvier février mars
    septembre octobre novembre décembre""".split()
)
# Post-nominal letters and credentials written after a name in bylines.
_CREDENTIALS = frozenset("ma mba md phd msc bsc rn dr jd cpa mph dds do pa np lcsw".split())
# A byline cut just before its date leaves the month behind ("Jane Doe March").
_MONTH_TAIL = re.compile(
    r"\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$",
    re.IGNORECASE,
)
# Link texts of profile buttons ("View my complete profile", "Afficher mon profil complet").
_PROFILE_LINK = re.compile(r"\b(?:profile|profil|perfil)\b", re.I)
_LETTER = re.compile(r"[^\W\d_]")
# Second-level labels under a country's domain ("co.uk", "com.br").
_SECOND_LEVEL = frozenset("co com org net gov ac edu".split())
_MIN_LABEL = 2
_MIN_CONTAINED_LABEL = 6
# "c1ph4", "freeman1984": a user name, one lower-case word with digits in it.
_USER_HANDLE = re.compile(r"^[a-z][a-z0-9_-]*$")
# "Inga HoeltmannFollow": a profile button's label run into the name.
_GLUED_BUTTON = re.compile(r"(?<=[a-zà-ÿ])(?:Follow|Folgen|Suivre|Seguir|Abonnieren)$")
# "buchmesse.ARD.de": a host name, whatever its domain.
_DOMAIN = re.compile(r"^[\w-]{2,}(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
# "ABOUTFINTECHTobias Baumgarten": a blog's name in capitals run into its author's.
_GLUED_CAPITALS = re.compile(r"[A-Z]{3,}[A-Z][a-z]")
_FINAL_INITIAL = re.compile(r"(?<=\s)[A-Z]\.$")
_URLISH = re.compile(r"^(https?:|www\.)|\.(com|org|net|html?)\b", re.I)


def _uninverted(raw: str) -> str:
    match = _INVERTED.match(" ".join(raw.split()))
    if not match or (match["first"].isupper() and "." not in match["first"]):
        return raw
    return f"{match['first'].strip()}{match['particles']} {match['last']}"


def _fragments(raw: str) -> list[str]:
    raw = _uninverted(raw)
    raw = _EMAIL.sub(" ", raw)
    raw = _URL.sub(" ", raw)
    raw = _HANDLE.sub(" ", raw)
    raw = _NICKNAME.sub(r"\1", " ".join(raw.split()))
    raw = _CREDIT_BREAK.sub("; ", raw)
    raw = _PREFIX.sub("", raw)
    raw = _DATE_TAIL.sub("", raw)
    raw = _STAMP_TAIL.sub("", raw)
    raw = _ROLE_TAIL.sub("", raw)
    parts: list[str] = []
    crediting = bool(_CREDIT.match(raw))
    for piece in _SPLIT.split(raw):
        part = piece.strip()
        if _CREDIT.match(part):
            crediting = True
        elif _WRITING.match(part):
            crediting = False
        if not crediting:
            part = _MONTH_TAIL.sub("", _unframed(_PREFIX.sub("", part)))
            parts.append(_GLUED_BUTTON.sub("", part))
    return _drop_lone_words(parts)


def _unframed(part: str) -> str:
    """A byline fragment without the punctuation around it, bar a closing initial's point."""
    bare = part.strip(" .:-–—|•·()[]\"'")
    # "Nicolas Gutierrez C.", "R. R.": the point belongs to the initial.
    if _FINAL_INITIAL.search(part.rstrip(" :-–—|•·()[]\"'")) and " " in bare:
        return f"{bare}."
    return bare


def _drop_lone_words(parts: list[str]) -> list[str]:
    # "Jane Doe and John Roe, Reuters", "Kobe - Jane Doe": beside full names, a single word is
    # an agency, a desk or a place.
    if not any(is_person_like(p) for p in parts):
        return parts
    return [p for p in parts if len(p.split()) != 1]


# Words of organisation names: a byline equal to the outlet's name is kept only when it has
# none of these (a personal site named after its author).
_ORG_WORDS = frozenset(
    """news times post daily media press journal magazine blog network tv radio group inc ltd
    llc foundation institute university company corp corporation online weekly herald tribune
    gazette review report today digital world channel wire agency the and of interactive holdings
    limited gmbh ag sa co plc communications publishing publishers enterprises productions
    studios studio partners labs solutions services systems technologies software
    international association society club council league""".split()
)


_AFFILIATION_WORDS = frozenset({"for", "at", "of", "from", "with"})


def _is_role(word: str) -> bool:
    # "FOCUS-Online-Experte": a compound ending in a job word is a job title.
    lowered = word.lower().strip(".:,")
    return lowered in _ROLE_WORDS or lowered.rsplit("-", 1)[-1] in _ROLE_WORDS


def _trim_tail(fragment: str, outlet_keys: set[str]) -> str:
    # "Adam Aaronson PhillyVoice Staff": job words and the outlet's name after the name;
    # "FOCUS-Online-Experte Robin Tschöpe": a job title before it.
    words = fragment.split()
    lead = next((i for i, word in enumerate(words) if not _is_role(word)), len(words))
    if 0 < lead <= len(words) - 2 and words[lead].istitle() and is_given_name(words[lead]):
        words = words[lead:]
    fragment = " ".join(words)
    while len(words) > 1 and (
        words[-1].lower().strip(".:,") in _ROLE_WORDS or _squash(words[-1]) in outlet_keys
    ):
        words.pop()
    if len(words) < len(fragment.split()) and (
        words[-1].lower() in _AFFILIATION_WORDS or len(words) == 1
    ):
        # "NJ Advance Media for NJ.com" without the outlet: an affiliation, not a name;
        # "Deutscher Journalist", "Alle Artikel" without the role: an adjective.
        return ""
    return " ".join(words)


def is_person_like(name: str) -> bool:
    """Whether `name` reads as a person's name: 2-4 capitalised words, none of an organisation."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and len(words[-1].strip(".")) > 1
        and all(w[:1].isupper() and w.lower().strip(".") not in _ORG_WORDS for w in words)
    )


def _is_name(fragment: str, outlet_keys: set[str]) -> bool:
    words = fragment.split()
    if not 1 <= len(words) <= 5 or len(fragment) > 60 or len(fragment.strip(".")) < 2:
        return False
    if (
        not _LETTER.search(fragment)
        or _URLISH.search(fragment)
        or _DOMAIN.match(fragment)
        or _GLUED_CAPITALS.search(fragment)
        or (any(c.isdigit() for c in fragment) and not _USER_HANDLE.match(fragment))
    ):
        return False
    lowered = fragment.lower()
    if _squash(lowered) in _CREDENTIALS:
        return False
    if (lowered in outlet_keys or _squash(lowered) in outlet_keys) and not is_person_like(fragment):
        return False
    # "Google" for the "Google Online Security Blog": the outlet's first word (whole words:
    # "Ela" of elavegan.com is a person).
    if len(words) == 1 and any(k.split()[0] == lowered for k in outlet_keys if " " in k):
        return False
    return not all(w.lower().strip(".:") in _ROLE_WORDS for w in words)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _recase(name: str) -> str:
    # Bylines shouted in capitals are styling, not the name's spelling.
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() for w in name.split())
    return name


def clean_authors(
    raw_values: list[str], outlet_names: list[str | None] = (), organisations: bool = False
) -> list[str]:
    """Person names from raw byline strings.

    Strips "By"-style prefixes, e-mail addresses, handles and trailing dates; splits several
    names ("A, B and C"); drops job titles, desks, URLs and the outlet's own name; de-duplicates
    case-insensitively, keeping page order.

    Args:
        raw_values: Byline strings as found in the page (may hold several names each).
        outlet_names: Names of the publishing outlet (site name, host), never kept as authors.
        organisations: The values name organisations, whose names may hold lower-case words
            ("Contributors to Wikimedia projects"); by default such words mark a phrase.

    Returns:
        Clean person (or organisation) names.
    """
    outlet_keys: set[str] = set()
    labels: set[str] = set()
    for outlet in outlet_names:
        if outlet:
            outlet_keys.update({outlet.lower(), _squash(outlet)})
            labels.update(_domain_labels(outlet))
    names: list[str] = []
    seen: set[str] = set()
    for raw in raw_values:
        if not raw or _URLISH.match(raw.strip()) or _is_path(raw) or _PROFILE_LINK.search(raw):
            continue
        # "Jobs & Hire" as a whole is the outlet, not two people.
        if _squash(raw) in outlet_keys and not is_person_like(" ".join(raw.split())):
            continue
        fragments = [_trim_tail(part, outlet_keys) for part in _fragments(str(raw))]
        if not organisations and any(_is_prose(fragment) for fragment in fragments):
            # "Hecho en Bolivia", "Tiempo de lectura": words of a sentence, no name. A single
            # word beside them is a piece of the same phrase ("Landesanstalt für Wald und
            # Forstwirtschaft") or of a list of categories, not a person.
            fragments = [f for f in fragments if len(f.split()) > 1 and not _is_prose(f)]
        if _site_address(fragments, outlet_keys, labels):
            continue
        for fragment in fragments:
            if not _is_name(fragment, outlet_keys) or _names_the_site(fragment, labels):
                continue
            name = _recase(fragment)
            key = _squash(name)
            if key not in seen:
                seen.add(key)
                names.append(name)
    return _drop_extended(names)


# "Frankfurt, Germany" beside the site: a town and a country at least.
_ADDRESS_PARTS = 2


def _site_address(fragments: list[str], outlet_keys: set[str], labels: set[str]) -> bool:
    # "hessenschau.de, Frankfurt, Germany": the site with its address, no one's name.
    fragments = [f for f in fragments if f.strip()]
    sites = [
        f
        for f in fragments
        if _URLISH.search(f) or _squash(f) in outlet_keys or _names_the_site(f, labels)
    ]
    return (
        bool(sites)
        and len(fragments) - len(sites) >= _ADDRESS_PARTS
        and not any(map(is_person_like, fragments))
    )


def _domain_labels(outlet: str) -> set[str]:
    # "www.helmholtz-klima.de" -> "helmholtzklima", "news.bbc.co.uk" -> "bbc".
    if " " in outlet or "." not in outlet:
        return set()
    parts = outlet.lower().split(".")[:-1]
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts = parts[:-1]
    label = _squash(parts[-1]) if parts else ""
    return {label} if len(label) >= _MIN_LABEL else set()


def _names_the_site(fragment: str, labels: set[str]) -> bool:
    # "Die FURCHE" on furche.at, "Deutsche Welle" on dw.com, "NEW WORK Experience" on
    # new-work.se: the site's own name as a byline. A person's site is named after them
    # ("Wolfgang Michal" on wolfgangmichal.de): a known given name leads such a byline.
    words = fragment.split()
    if not labels or is_given_name(words[0]):
        return False
    squashed = _squash(fragment)
    initials = "".join(w[0] for w in words).lower() if len(words) > 1 else ""
    return any(
        squashed == label
        or label in {_squash(w) for w in words}
        or initials == label
        # "Krimiblogger" on krimiblog.de is a handle; several words holding it are a name.
        or (initials and len(label) >= _MIN_CONTAINED_LABEL and label in squashed)
        for label in labels
    )


def _is_prose(fragment: str) -> bool:
    # A name writes its words with capitals, bar particles ("de", "von") and abbreviations
    # ("Dr. med."); a single lower-case word is a handle ("jancak").
    words = fragment.split()
    return len(words) > 1 and any(
        word[:1].islower()
        and word not in NAME_PARTICLES
        and not word.endswith(".")
        # "deCasparis", "d'Alembert"
        and word == word.lower()
        for word in words
    )


def _is_path(raw: str) -> bool:
    # "/authors/ganesh-sitaraman": a profile path, not a name.
    text = raw.strip()
    return "/" in text and " " not in text


def choose_authors(
    sources: list[tuple[str, list[str]]],
    outlet_names: list[str | None] = (),
    organisations: bool = False,
) -> tuple[list[str], str | None]:
    """Pick the author list the page's sources agree on.

    Each source (JSON-LD, OpenGraph, meta tags, microdata, the visible byline...) gives a
    list of names; the list sharing a name with the most other sources wins, and on a tie
    the most trusted (earliest) source. A name cut short in the winner ("Todd") is completed
    from another source that has it in full ("Todd Bates").

    Args:
        sources: `(provenance, raw byline strings)`, most trusted first.
        outlet_names: Names of the publishing outlet, never kept as authors.
        organisations: The sources name organisations (see `clean_authors`).

    Returns:
        `(names, provenance)`, or `([], None)` when no source names a person.
    """
    cleaned = [
        (src, names)
        for src, raw in sources
        if (names := clean_authors(raw, outlet_names, organisations))
    ]
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
    # "Ben Silverman Games Editor" beside "Ben Silverman": the longer one carries a job title;
    # "SHOW ALL ARTICLES OFHeiko Sauer" beside "Heiko Sauer": a label run into the name.
    return [
        name
        for name in names
        if not any(
            other != name and (name.startswith(other + " ") or name.endswith(other))
            for other in names
        )
    ]


def organisation_author(sources: list[tuple[str, list[str]]]) -> tuple[list[str], str | None]:
    """The outlet or organisation a page declares as its author, when it names no person.

    "BBC News" in `article:author`, a `rel=author` link to "Wikimedia Foundation": the page
    credits the organisation itself. Desks and placeholders ("Staff", "No Author") and
    profile links are not credits.

    Args:
        sources: `(provenance, raw byline strings)`, most trusted first.

    Returns:
        `([name], provenance)` from the most trusted source, or `([], None)`.
    """
    for source, raws in sources:
        for raw in raws:
            name = _PREFIX.sub("", " ".join(str(raw).split())).strip(" .:-–—|•·")
            words = name.split()
            if (
                1 <= len(words) <= 6
                and len(name) <= 60
                and _LETTER.search(name)
                and not _URLISH.search(name)
                and "," not in name
                and not _is_path(name)
                and not _PROFILE_LINK.search(name)
                and not any(c.isdigit() for c in name)
                and not all(w.lower().strip(".:") in _ROLE_WORDS for w in words)
            ):
                return [_recase(name) if len(words) > 1 else name], source
    return [], None
