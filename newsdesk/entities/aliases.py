"""Curated alias tables (data files in `newsdesk/data/`) and the gazetteer built from pycountry.

Everything is loaded on first use and cached; nothing is read at import time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsdesk.entities.keys import normalise_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ORG_ALIASES = DATA_DIR / "org_aliases.csv"
PLACE_ALIASES = DATA_DIR / "place_aliases.csv"
DEMONYMS = DATA_DIR / "demonyms.csv"

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+-]{1,7}$")


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows.

    Attributes:
        name: Canonical name ("United States").
        country_code: ISO 3166-1 alpha-2 code of the country it is (or is in); None if disputed.
        kind: `country`, `subdivision` or `place`.
        code: ISO 3166 code of the place itself (alpha-2 for countries, 3166-2 for subdivisions).
    """

    name: str
    country_code: str | None
    kind: str
    code: str | None = None


@dataclass(frozen=True)
class Demonym:
    """A demonym and the country it belongs to."""

    name: str
    country_code: str


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a curated CSV, skipping blank lines and lines starting with "#".

    Args:
        path: CSV file with a header row.

    Yields:
        One dict per data row, values stripped.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for row in csv.DictReader(lines):
            yield {key: (value or "").strip() for key, value in row.items()}


@cache
def org_aliases() -> dict[str, str]:
    """Organisation alias key -> canonical name from `org_aliases.csv`; names map to themselves."""
    table: dict[str, str] = {}
    for row in read_rows(ORG_ALIASES):
        table.setdefault(normalise_key(row["name"]), row["name"])
        table[normalise_key(row["alias"])] = row["name"]
    return table


@cache
def countries() -> dict[str, Place]:
    """Country code -> canonical country `Place` (curated names win over pycountry's)."""
    import pycountry

    curated = {
        row["country_code"]: row["name"]
        for row in read_rows(PLACE_ALIASES)
        if row["kind"] == "country"
    }
    table: dict[str, Place] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        name = curated.get(code) or getattr(country, "common_name", None) or country.name
        table[code] = Place(name, code, "country", code)
    for code, name in curated.items():
        table.setdefault(code, Place(name, code, "country", code))
    return table


@cache
def places() -> dict[str, Place]:
    """Place alias key -> `Place`: curated aliases, pycountry country names, unique subdivisions."""
    import pycountry

    by_code = countries()
    table: dict[str, Place] = {}
    subdivision_names: dict[str, list] = {}
    for sub in pycountry.subdivisions:
        subdivision_names.setdefault(normalise_key(sub.name), []).append(sub)
    for key, subs in subdivision_names.items():
        # A name shared by subdivisions of several countries (Punjab) cannot be placed.
        if len({sub.country_code for sub in subs}) == 1:
            sub = subs[0]
            table[key] = Place(sub.name, sub.country_code, "subdivision", sub.code)
    for country in pycountry.countries:
        place = by_code[country.alpha_2]
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                table[normalise_key(value)] = place
    for row in read_rows(PLACE_ALIASES):
        code = row["country_code"] or None
        if row["kind"] == "country" and code:
            place = by_code[code]
        else:
            place = Place(row["name"], code, row["kind"] or "place")
        table[normalise_key(row["alias"])] = place
        table.setdefault(normalise_key(row["name"]), place)
    return table


@cache
def demonyms() -> dict[str, Demonym]:
    """Demonym key (singular and plural) -> `Demonym`, from `demonyms.csv`."""
    table: dict[str, Demonym] = {}
    for row in read_rows(DEMONYMS):
        demonym = Demonym(row["demonym"], row["country_code"])
        key = normalise_key(row["demonym"])
        table[key] = demonym
        if not key.endswith(("s", "ch", "sh", "ese")):
            table.setdefault(key + "s", demonym)
    return table


@cache
def known_acronyms() -> frozenset[str]:
    """All-capital aliases from the curated tables (kept upper-case when a headline is recased)."""
    words = set()
    for path, column in ((ORG_ALIASES, "alias"), (PLACE_ALIASES, "alias")):
        for row in read_rows(path):
            words.update(w for w in re.split(r"[\s.]+", row[column]) if _ACRONYM.match(w))
    return frozenset(words)


def lookup_place(text: str) -> Place | None:
    """The place a name refers to, if the gazetteer knows it.

    Args:
        text: A place name as written ("the U.S.", "Türkiye").

    Returns:
        The `Place`, or None.
    """
    return places().get(normalise_key(text))


def lookup_country(text: str) -> Place | None:
    """Like `lookup_place`, but only countries."""
    place = lookup_place(text)
    return place if place is not None and place.kind == "country" else None


def lookup_demonym(text: str) -> Demonym | None:
    """The demonym entry for "Russian", "Israelis", ...; None if unknown."""
    return demonyms().get(normalise_key(text))


def lookup_org(text: str) -> str | None:
    """Canonical organisation name for an alias ("U.N." -> "United Nations"); None if unknown."""
    return org_aliases().get(normalise_key(text))
