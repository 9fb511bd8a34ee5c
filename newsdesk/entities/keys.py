"""Normalised lookup keys and stable entity ids.

A key folds away what does not distinguish one entity from another in news text: case,
diacritics, a leading "the", a trailing possessive and punctuation. Ids hash the entity type
with the key of the canonical name, so they are identical across runs and machines.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:['’`´]s|s['’`´])$|['’`´]$")
_JOINERS = re.compile(r"[-‐‑‒–—/_]+")
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def strip_diacritics(text: str) -> str:
    """Remove combining marks after compatibility decomposition ("Türkiye" -> "Turkiye").

    Args:
        text: Any text.

    Returns:
        The text with accents and other combining marks removed.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive ("Biden's" -> "Biden", "Jesus'" -> "Jesus").

    Args:
        text: A name as written.

    Returns:
        The name without a final possessive marker.
    """
    stripped = text.rstrip()
    match = _POSSESSIVE.search(stripped)
    if not match:
        return stripped
    if match.group(0).startswith("s"):
        # "Jones'" keeps its s; only the apostrophe goes.
        return stripped[: match.start() + 1]
    return stripped[: match.start()]


@lru_cache(maxsize=100_000)
def normalise_key(text: str) -> str:
    """The lookup key of a name: case, diacritics, "the", possessive and punctuation ignored.

    Args:
        text: A name as written ("the U.S.", "Türkiye's", "U.N.").

    Returns:
        A lower-case ASCII-ish key with single spaces ("us", "turkiye", "un"); empty when
        nothing word-like is left.
    """
    folded = strip_diacritics(strip_possessive(text.strip())).casefold()
    folded = _JOINERS.sub(" ", folded)
    folded = _PUNCT.sub("", folded)
    folded = _SPACES.sub(" ", folded).strip()
    return _LEADING_THE.sub("", folded)


def entity_id(entity_type: str, canonical_name: str) -> str:
    """Stable short id of an entity: first 16 hex digits of sha256("TYPE:key").

    Args:
        entity_type: The entity type (`PERSON`, `ORG`, `PLACE`, ...).
        canonical_name: The canonical name; it is keyed with `normalise_key` first.

    Returns:
        16 lower-case hex characters.
    """
    payload = f"{entity_type}:{normalise_key(canonical_name)}".encode()
    return hashlib.sha256(payload).hexdigest()[:16]
