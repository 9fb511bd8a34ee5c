"""Rules that correct the statistical model where it is systematically wrong.

Span rules look at one piece of text (a paragraph, the title or the summary): they trim
determiners, possessives, honorifics and stray lower-case words from span edges, and split spans
that swallowed a line break, a parenthesised acronym or a list. Story rules look at all pieces of
one story: they cut spans that run past a name known from elsewhere in the story, give a name
one label throughout the story, and find repeats of a name that the model missed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsdesk.entities.aliases import lookup_country, lookup_org, lookup_place
from newsdesk.entities.keys import normalise_key
from newsdesk.entities.records import KEPT_LABELS, Span

Piece = tuple[str, list[Span]]

_TOKEN = re.compile(r"\S+")
_DETERMINERS = frozenset(("the", "a", "an"))
#: Lower-case particles that belong to personal names ("Ludwig van Beethoven", "de Gaulle").
_NAME_PARTICLES = frozenset("al bin da de del della der di du el ibn la le van von".split())
#: Honorifics that make the following capitalised words a person, whatever the model said.
_HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady King Queen Prince Princess Pope Emperor Empress"
    " President Senator Sen Rep Gov Sheikh Ayatollah Rabbi Imam Rev Reverend".split()
)
#: Further title words stripped from the front of spans already labelled PERSON.
_PERSON_TITLES = _HONORIFICS | frozenset(
    "Prime Minister Vice Deputy Chief Foreign Finance Interior Defence Defense Army General Gen"
    " Lt Lieutenant Col Colonel Capt Captain Major Maj Sgt Sergeant Admiral Adm Commander"
    " Marshal Field Governor Mayor Chancellor Premier Secretary Secretary-General Speaker"
    " Ambassador Judge Justice Professor Prof Father Cardinal Bishop Archbishop Saint St Coach"
    " Chairman Chairwoman Chairperson Minister Detective Inspector Officer Constable".split()
)
_HONORIFIC_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            _HONORIFICS
            | {
                "Minister",
                "Chancellor",
                "Premier",
                "Governor",
                "Mayor",
                "Judge",
                "General",
                "Gen",
                "Colonel",
                "Col",
                "Captain",
                "Capt",
                "Professor",
                "Prof",
            },
            key=len,
            reverse=True,
        )
    )
    + r")\.?\s+$"
)
_POSSESSIVE_TAIL = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?*•·|/\\-–—_"
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Bros|Plc)\.$")
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_SENTENCE_OPENERS = frozenset('.!?:;"“‘([\n')
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{1,9}$")

#: Last words that make a name a natural place (LOC) or a facility (FAC), whatever the model said.
_LOC_HEADS = frozenset(
    "River Sea Seas Ocean Lake Lakes Mountains Mountain Hills Hill Island Islands Isles Valley"
    " Bay Gulf Strait Straits Peninsula Desert Coast Forest Canyon Plateau Basin Delta Falls"
    " Glacier Archipelago Oblast Province Prefecture County District Region Krai Governorate"
    " Canton Park".split()
)
_FAC_HEADS = frozenset(
    "Street Avenue Road Boulevard Square Bridge Airport Station Stadium Arena Circuit Tower"
    " Towers Palace Castle Cathedral Mosque Temple Church Abbey Plaza Highway Motorway Tunnel"
    " Dam Canal Harbour Harbor".split()
)
_LOC_PREFIXES = frozenset(("Mount", "Mt.", "Lake", "Cape"))
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|across|throughout)\s+$")
#: Era markers the model sometimes takes for organisations.
_ERA_MARKERS = frozenset(("BC", "AD", "BCE", "CE"))
#: Labels a gazetteer or a head word may override (the model is weakest on these for places).
_OVERRIDABLE = frozenset(("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"))

#: When votes tie, the label earlier here wins.
_LABEL_PRIORITY = (
    "PERSON",
    "GPE",
    "ORG",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
)


def _tokens(text: str, span: Span) -> list[tuple[int, int, str]]:
    return [
        (span.start + m.start(), span.start + m.end(), m.group(0))
        for m in _TOKEN.finditer(text[span.start : span.end])
    ]


def _has_upper_or_digit(token: str) -> bool:
    return any(ch.isupper() or ch.isdigit() for ch in token)


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCT + ".")


def split_span(text: str, span: Span) -> list[Span]:
    """Split a span that crosses a line break, holds a parenthesised part, or lists names.

    Args:
        text: The piece of text the span is in.
        span: The span.

    Returns:
        One or more spans (unchanged span if nothing to split).
    """
    surface = text[span.start : span.end]
    cuts = [m.span() for m in re.finditer(r"\s*\n\s*|\s*[()]\s*", surface)]
    if "," in surface and _LIST_SEPARATOR.search(surface) and span.label in ("ORG", "PERSON"):
        # "Tesla, Uber and Snapchat": a list, not one name (only when commas make it a list).
        cuts += [m.span() for m in _LIST_SEPARATOR.finditer(surface)]
    if not cuts:
        return [span]
    pieces, position = [], 0
    for start, end in sorted(cuts):
        if start > position:
            pieces.append(Span(span.start + position, span.start + start, span.label))
        position = max(position, end)
    if position < len(surface):
        pieces.append(Span(span.start + position, span.end, span.label))
    return pieces


def trim_span(text: str, span: Span) -> Span | None:
    """Trim determiners, lower-case edge words, edge punctuation and a possessive.

    Args:
        text: The piece of text the span is in.
        span: The span.

    Returns:
        The trimmed span, or None when no name-like word is left.
    """
    tokens = _tokens(text, span)
    while tokens and (
        _bare(tokens[0][2]).casefold() in _DETERMINERS
        or (
            not _has_upper_or_digit(tokens[0][2])
            and not (
                span.label == "PERSON"
                and _bare(tokens[0][2]) in _NAME_PARTICLES
                and len(tokens) > 1
            )
        )
    ):
        tokens.pop(0)
    while tokens and not _has_upper_or_digit(tokens[-1][2]):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    while start < end and text[start] in _EDGE_PUNCT + ".":
        start += 1
    while start < end:
        surface = text[start:end]
        if surface[-1] in _EDGE_PUNCT:
            end -= 1
        elif surface[-1] == "." and not _ABBREVIATION.search(surface):
            end -= 1
        elif match := _POSSESSIVE_TAIL.search(surface):
            end -= len(match.group(0))
        else:
            break
    if start >= end or not _has_upper_or_digit(text[start:end]):
        return None
    return Span(start, end, span.label, span.certain)


def strip_titles(text: str, span: Span) -> Span:
    """Drop honorifics and titles at the start of a person's name ("Ms Pugh" -> "Pugh").

    A span of another label that starts with an honorific ("King Gongmin" as ORG) becomes a
    PERSON; other title words are only stripped from spans already labelled PERSON.

    Args:
        text: The piece of text the span is in.
        span: A trimmed span.

    Returns:
        The span without its leading titles (unchanged if nothing is left after them).
    """
    tokens = _tokens(text, span)
    titles = _PERSON_TITLES if span.label == "PERSON" else _HONORIFICS
    count = 0
    while count < len(tokens) - 1 and tokens[count][2].rstrip(".") in titles:
        count += 1
    if not count:
        return span
    rest = tokens[count:]
    if not all(_has_upper_or_digit(token) or token in _NAME_PARTICLES for _, _, token in rest):
        return span
    label, certain = span.label, span.certain
    if span.label != "PERSON" and tokens[0][2].rstrip(".") in _HONORIFICS:
        label, certain = "PERSON", True
    return Span(rest[0][0], rest[-1][1], label, certain)


def honorific_context(text: str, span: Span) -> Span:
    """Relabel as PERSON a short capitalised span preceded by an honorific ("President Trump").

    Args:
        text: The piece of text the span is in.
        span: A trimmed span.

    Returns:
        The span, relabelled when the context says it is a person.
    """
    before = text[max(0, span.start - 40) : span.start]
    if span.label == "PERSON" or not _HONORIFIC_BEFORE.search(before):
        return span
    surface = text[span.start : span.end]
    words = surface.split()
    if len(words) > 3 or not all(w[:1].isupper() for w in words):
        return span
    if lookup_place(surface) is not None or lookup_org(surface) is not None:
        return span
    return Span(span.start, span.end, "PERSON", True)


def place_label(text: str, span: Span) -> Span | None:
    """Relabel spans that a gazetteer or a geographic head word says are places.

    "Papua New Guinea" tagged PERSON becomes GPE; "Yas Marina Circuit" tagged ORG becomes FAC;
    "Danube River" becomes LOC. Organisations are only overridden by country names, as a city
    name tagged ORG is usually a team or a government. Era markers (BC, AD) are dropped.

    Args:
        text: The piece of text the span is in.
        span: A trimmed span.

    Returns:
        The span, possibly relabelled; None when it is no entity at all.
    """
    surface = text[span.start : span.end]
    if surface in _ERA_MARKERS:
        return None
    if span.label not in _OVERRIDABLE or span.certain:
        return span
    words = surface.split()
    if len(words) >= 2 and words[-1] in _FAC_HEADS:
        return Span(span.start, span.end, "FAC", True)
    if len(words) >= 2 and (words[-1] in _LOC_HEADS or words[0] in _LOC_PREFIXES):
        return Span(span.start, span.end, "LOC", True)
    if span.label in ("ORG", "NORP", "EVENT"):
        if lookup_country(surface) is not None:
            return Span(span.start, span.end, "GPE")
        return span
    if lookup_place(surface) is not None:
        return Span(span.start, span.end, "GPE")
    return span


def locative_context(text: str, span: Span) -> Span:
    """Relabel as GPE a "person" right after a locative preposition ("flew in from Glasgow").

    People are rarely the object of "in", "near" or "outside", places often are; a possessive
    after the span ("in Trump's speech") keeps it a person.

    Args:
        text: The piece of text the span is in.
        span: A trimmed span.

    Returns:
        The span, relabelled when the context says it is a place.
    """
    if span.label != "PERSON" or span.certain:
        return span
    if not _LOCATIVE_BEFORE.search(text[max(0, span.start - 12) : span.start]):
        return span
    if text[span.end : span.end + 2] in ("'s", "’s"):
        return span
    return Span(span.start, span.end, "GPE")


def refine_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Apply all span rules to the model's spans in one piece of text.

    Args:
        text: The piece (as the model saw it).
        spans: The model's spans, any label.

    Returns:
        Cleaned, non-overlapping spans with kept labels, in text order.
    """
    refined = []
    for span in spans:
        if span.label not in KEPT_LABELS:
            continue
        for piece in split_span(text, span):
            trimmed = trim_span(text, piece)
            if trimmed is None:
                continue
            placed = honorific_context(text, strip_titles(text, trimmed))
            placed = place_label(text, locative_context(text, placed))
            if placed is not None:
                refined.append(placed)
    refined.extend(parenthesised_acronyms(text, refined))
    return remove_overlaps(refined)


def parenthesised_acronyms(text: str, spans: list[Span]) -> list[Span]:
    """Spans for "(ACRONYM)" right after an organisation ("Real Estate Council of Ontario (RECO)").

    Args:
        text: The piece of text.
        spans: Its spans so far.

    Returns:
        New ORG spans for acronyms the model left out.
    """
    taken = {(s.start, s.end) for s in spans}
    found = []
    for span in spans:
        if span.label != "ORG":
            continue
        match = _PAREN_ACRONYM.match(text, span.end)
        if match and _ACRONYM.match(match.group(1)) and match.span(1) not in taken:
            found.append(Span(match.start(1), match.end(1), "ORG", True))
    return found


def remove_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring rule-certain, then longer, then earlier ones.

    Args:
        spans: Spans of one piece of text.

    Returns:
        Non-overlapping spans in text order.
    """
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (not s.certain, s.start - s.end, s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def cut_swallowed(pieces: list[Piece], known_names: Iterable[str] = ()) -> None:
    """Cut spans that run on past a name known from elsewhere in the story, in place.

    "Asian Lite News Union Commerce" becomes "Asian Lite News" when "Asian Lite News" is a span
    of its own elsewhere in the story or the story's outlet: the model glued the next phrase on.

    Args:
        pieces: (text, spans) of every piece of the story.
        known_names: Extra names known to be whole (the story's outlet).
    """
    known = {normalise_key(n) for n in known_names if n and len(n.split()) >= 2}
    for text, spans in pieces:
        surfaces = (text[s.start : s.end] for s in spans)
        known.update(normalise_key(surface) for surface in surfaces if len(surface.split()) >= 2)
    if not known:
        return
    for text, spans in pieces:
        for span in spans:
            tokens = _tokens(text, span)
            for size in range(len(tokens) - 1, 1, -1):
                if normalise_key(text[span.start : tokens[size - 1][1]]) in known:
                    span.end = tokens[size - 1][1]
                    break


def person_name_parts(pieces: list[Piece]) -> dict[str, set[str]]:
    """First and last words of the multi-word person names in a story.

    Args:
        pieces: (text, spans) of every piece of the story.

    Returns:
        Key of a part ("sharif") -> keys of the full names it belongs to.
    """
    parts: dict[str, set[str]] = defaultdict(set)
    for text, spans in pieces:
        for span in spans:
            words = text[span.start : span.end].split()
            if span.label != "PERSON" or len(words) < 2:
                continue
            full = normalise_key(" ".join(words))
            for word in (words[0], words[-1]):
                key = normalise_key(word)
                if key and word[:1].isupper() and lookup_country(word) is None:
                    parts[key].add(full)
    return parts


def harmonise_labels(pieces: list[Piece]) -> None:
    """Give every mention of one name the same label across the story, in place.

    A name that is the first or last word of a person named in full elsewhere in the story is a
    PERSON. Otherwise labels fixed by rules win, then the majority, then `_LABEL_PRIORITY`.

    Args:
        pieces: (text, spans) of every piece of the story.
    """
    parts = person_name_parts(pieces)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    certain: dict[str, set[str]] = defaultdict(set)
    for text, spans in pieces:
        for span in spans:
            key = normalise_key(text[span.start : span.end])
            if key in parts:
                span.label, span.certain = "PERSON", True
            votes[key][span.label] += 1
            if span.certain:
                certain[key].add(span.label)
    for text, spans in pieces:
        for span in spans:
            key = normalise_key(text[span.start : span.end])
            candidates = certain[key] or set(votes[key])
            if len(candidates) == 1:
                span.label = next(iter(candidates))
                continue
            span.label = max(
                candidates, key=lambda lab: (votes[key][lab], -_LABEL_PRIORITY.index(lab))
            )


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _fillable(surface: str, label: str) -> bool:
    if len(surface.split()) >= 2 or label == "PERSON":
        return True
    return bool(_ACRONYM.match(surface)) or lookup_place(surface) is not None


def fill_missed(pieces: list[Piece]) -> None:
    """Tag repeats of a story's names that the model missed, in place.

    Only names unlikely to be ordinary words are repeated: several words, persons, acronyms and
    gazetteer places; a single capitalised word at a sentence start is never added.

    Args:
        pieces: (text, spans) of every piece of the story.
    """
    labels: dict[str, str] = {}
    for text, spans in pieces:
        for span in spans:
            surface = text[span.start : span.end]
            if _fillable(surface, span.label):
                labels.setdefault(surface, span.label)
    if not labels:
        return
    pattern = re.compile(
        r"(?<![\w.-])(?:"
        + "|".join(re.escape(s) for s in sorted(labels, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for text, spans in pieces:
        added = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < s.end and end > s.start for s in spans):
                continue
            surface = match.group(0)
            single_word = len(surface.split()) == 1 and not _ACRONYM.match(surface)
            if single_word and _at_sentence_start(text, start):
                continue
            added.append(Span(start, end, labels[surface]))
        if added:
            spans.extend(added)
            spans.sort(key=lambda s: s.start)


def apply_story_rules(pieces: list[Piece], outlet: str | None = None) -> None:
    """Run the story-level rules on every piece of one story, in place.

    Args:
        pieces: (text, spans) of every piece of the story, spans already refined.
        outlet: The story's own outlet name, if known.
    """
    cut_swallowed(pieces, [outlet] if outlet else [])
    harmonise_labels(pieces)
    fill_missed(pieces)
