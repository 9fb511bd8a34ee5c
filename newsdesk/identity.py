"""Stable identities: story ids, record ids, title keys and content fingerprints."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

import numpy as np

from newsdesk.urls import is_site_root, normalize_url

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def text_key(text: str | None) -> str:
    """Comparison key for titles and names: case, accents, quotes and punctuation folded.

    Args:
        text: Any title or name.

    Returns:
        Lower-case ASCII-folded words joined by single spaces ('' for None).
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(folded.lower()))


def story_id_for(
    *,
    canonical_url: str | None,
    url: str | None,
    outlet: str | None,
    title: str | None,
    published_at: datetime | None,
) -> str:
    """The stable id of a story.

    From the normalised canonical URL (else the page URL) when there is one, so a feed item
    and the page it links to share an id; otherwise from outlet + title key + published day.
    A canonical URL that is a site's home page (`https://example.com/`) names no story: a
    CMS that gives it as every article's canonical URL would merge them all, so it is passed
    over (a page URL is taken as it is).

    Args:
        canonical_url: The story's canonical URL, if declared.
        url: The address the story was read from, if known.
        outlet: The publishing outlet's name.
        title: The story's title.
        published_at: When the story was published.

    Returns:
        16 hex characters.
    """
    canonical = normalize_url(canonical_url)
    if is_site_root(canonical):
        canonical = None
    key_url = canonical or normalize_url(url)
    if key_url:
        return _short_hash(f"url|{key_url}")
    day = published_at.date().isoformat() if published_at else ""
    return _short_hash(f"title|{text_key(outlet)}|{text_key(title)}|{day}")


def record_id_for(raw_sha256: str, index: int) -> str:
    """Id of one extracted record: the `index`-th story of one raw object."""
    return _short_hash(f"record|{raw_sha256}|{index}")


def simhash(text: str | None, *, shingle: int = 3) -> int | None:
    """64-bit simhash over word shingles, as a signed int64 (None for short texts).

    Near-identical bodies (syndicated wire copies with a changed line or two) differ in few
    bits; the warehouse marks a story `duplicate_of` an earlier one within 3 bits.
    """
    words = _WORD.findall((text or "").lower())
    if len(words) < 40:
        return None
    digests = b"".join(
        hashlib.blake2b(" ".join(words[i : i + shingle]).encode("utf-8"), digest_size=8).digest()
        for i in range(len(words) - shingle + 1)
    )
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 > bits.shape[0]
    result = int.from_bytes(np.packbits(votes).tobytes(), "big")
    return result - (1 << 64) if result >> 63 else result


def hamming(a: int, b: int) -> int:
    """Bits that differ between two 64-bit fingerprints."""
    return ((a ^ b) & _MASK64).bit_count()
