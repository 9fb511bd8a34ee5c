"""Link the mentions of one story to canonical entities with stable ids.

Within a story, a partial person name maps to the one full name it is part of, and an acronym
maps to an organisation named in full whose initials it spells. Across stories, entities meet
only through their canonical name's key, so two people merge only on the full normalised name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.entities.aliases import lookup_country, lookup_demonym, lookup_org, lookup_place
from newsdesk.entities.keys import entity_id, normalise_key, strip_possessive
from newsdesk.entities.records import ENTITY_TYPES, Mention

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$|^[A-Z][A-Z&-]{1,7}$")
_INITIAL_SKIP = frozenset("of the and for on in at to de del la le du des für & -".split())


@dataclass(frozen=True)
class Resolved:
    """The entity a mention resolves to."""

    name: str
    type: str
    country_code: str | None


def display_name(surface: str) -> str:
    """A mention's text as an entity name: no possessive, no leading "the", single spaces.

    Args:
        surface: The mention text.

    Returns:
        The cleaned name.
    """
    name = " ".join(strip_possessive(surface).split())
    return _LEADING_THE.sub("", name) or name


def initials(name: str) -> set[str]:
    """Acronyms a name could be abbreviated to ("United Nations General Assembly" -> "UNGA").

    Args:
        name: A multi-word name.

    Returns:
        Candidate acronyms, upper-case, without dots: with and without minor words.
    """
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words if w[0].isalnum()).upper()
    major = "".join(w[0] for w in words if w.casefold() not in _INITIAL_SKIP and w[0].isalnum())
    return {every, major.upper()}


class StoryResolver:
    """Resolves the mentions of one story (call `resolve` per mention after construction).

    Args:
        mentions: All mentions of the story, labels final; `name` is unused on input.
    """

    def __init__(self, mentions: list[Mention]) -> None:
        self._full_names = self._person_full_names(mentions)
        self._expansions = self._org_expansions(mentions)

    @staticmethod
    def _person_full_names(mentions: list[Mention]) -> dict[str, set[str]]:
        parts: dict[str, set[str]] = {}
        for mention in mentions:
            name = display_name(mention.text)
            words = name.split()
            if mention.label != "PERSON" or len(words) < 2:
                continue
            for size in range(1, len(words)):
                for part in (words[:size], words[-size:]):
                    parts.setdefault(normalise_key(" ".join(part)), set()).add(name)
        return parts

    @staticmethod
    def _org_expansions(mentions: list[Mention]) -> dict[str, set[str]]:
        expansions: dict[str, set[str]] = {}
        for mention in mentions:
            if mention.label != "ORG":
                continue
            name = display_name(mention.text)
            canonical = lookup_org(name) or name
            for acronym in initials(name):
                if len(acronym) >= 2:
                    expansions.setdefault(acronym, set()).add(canonical)
        return expansions

    def _person(self, name: str) -> Resolved:
        full = self._full_names.get(normalise_key(name), set())
        if len(full) == 1:
            # Longest full name wins when "Joe Biden" and "Joe R. Biden" name one person.
            name = next(iter(full))
        return Resolved(name, "PERSON", None)

    def _org(self, name: str) -> Resolved:
        country = lookup_country(name)
        if country is not None:
            # "Russia said ..." tagged ORG is still the country.
            return Resolved(country.name, "PLACE", country.country_code)
        if _ACRONYM.match(name):
            expansions = self._expansions.get(name.replace(".", ""), set())
            if len(expansions) == 1:
                return Resolved(next(iter(expansions)), "ORG", None)
        return Resolved(lookup_org(name) or name, "ORG", None)

    def resolve(self, mention: Mention, name: str | None = None) -> Resolved:
        """The canonical entity of one mention.

        Args:
            mention: The mention (its `label` and `text` are used).
            name: The name to resolve instead of `mention.text` (e.g. the recased headline text).

        Returns:
            Canonical name, entity type and country code.
        """
        name = display_name(name if name is not None else mention.text)
        label = mention.label
        if label == "PERSON":
            return self._person(name)
        if label == "ORG":
            return self._org(name)
        if label in ("GPE", "LOC", "FAC"):
            place = lookup_place(name)
            if place is not None:
                return Resolved(place.name, "PLACE", place.country_code)
            return Resolved(name, "PLACE", None)
        if label == "NORP":
            demonym = lookup_demonym(name)
            if demonym is not None:
                return Resolved(demonym.name, "NORP", demonym.country_code)
            place = lookup_country(name)
            if place is not None:
                return Resolved(place.name, "PLACE", place.country_code)
            return Resolved(lookup_org(name) or name, "NORP", None)
        return Resolved(name, ENTITY_TYPES.get(label, label), None)


def link_mentions(mentions: list[Mention], names: list[str] | None = None) -> None:
    """Fill `entity_id`, `name`, `type` and `country_code` of one story's mentions, in place.

    Args:
        mentions: All mentions of one story.
        names: Optional per-mention text to resolve instead of `Mention.text` (same order).
    """
    resolver = StoryResolver(mentions)
    for index, mention in enumerate(mentions):
        resolved = resolver.resolve(mention, names[index] if names else None)
        mention.name = resolved.name
        mention.type = resolved.type
        mention.country_code = resolved.country_code
        mention.entity_id = entity_id(resolved.type, resolved.name)
