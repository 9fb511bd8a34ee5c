"""Scoring functions shared by the quality benchmarks (not timed, not tests)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Invisible format characters (soft hyphen, zero-width space/joiners, BOM): a page shows no
# trace of them, and gold annotations keep or drop them depending on how they were copied.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def collapse(text: str | None) -> str:
    """`text` without invisible format characters, runs of whitespace collapsed to one space."""
    if not text:
        return ""
    return " ".join(_INVISIBLE.sub("", text).split())


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens, as the public article-extraction benchmark tokenises."""
    if not text:
        return []
    return _TOKEN.findall(unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).lower())


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of n-token shingles of `text` (whole text as one shingle if shorter)."""
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def prf(predicted: Counter, expected: Counter) -> tuple[float, float, float]:
    """Precision, recall and F1 of two multisets; both empty counts as a perfect match."""
    if not predicted and not expected:
        return 1.0, 1.0, 1.0
    overlap = sum((predicted & expected).values())
    p = overlap / sum(predicted.values()) if predicted else 0.0
    r = overlap / sum(expected.values()) if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def body_f1(predicted: str | None, expected: str | None) -> float:
    """4-token shingle F1 between an extracted body and the expected body."""
    return prf(shingles(predicted), shingles(expected))[2]


def normalise_title(text: str | None) -> str:
    """Title key for exact-match scoring: case, spacing, quotes and dashes folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    text = re.sub(r"[\u2018\u2019\u201a\u201b]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.lower().split())


def author_f1(predicted: list[str] | None, expected: list[str] | str | None) -> float:
    """Token F1 between predicted author names and the expected byline."""
    if isinstance(expected, str):
        expected_tokens = Counter(tokens(re.sub(r"(?i)^\s*by\s+", "", expected)))
    else:
        expected_tokens = Counter(t for name in expected or [] for t in tokens(name))
    predicted_tokens = Counter(t for name in predicted or [] for t in tokens(name))
    return prf(predicted_tokens, expected_tokens)[2]
