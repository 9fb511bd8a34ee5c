"""Lexical overlap between a headline candidate and the text under it.

A headline is about its article: most of its content words come back in the standfirst and
the first paragraphs. Teasers, sidebar headlines and interface labels next to the article are
about something else and share few words with it. The measure is IDF-free: the share of the
candidate's content tokens (non-stopwords, cut to a short prefix so "servers" meets "server"
and "tué" is not needed to meet "tués") that occur in the reference text. CJK text has no
spaces, so it is compared by character bigrams.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.extract.textdump_labels import ALL_STOPWORDS
from newsdesk.words import CJK_CHARS

_LETTER_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_PREFIX = 5
_MIN_LETTERS = 3


def content_tokens(text: str) -> set[str]:
    """Content tokens of `text`: word prefixes without stopwords, plus CJK bigrams."""
    tokens = {
        word[:_PREFIX]
        for word in (w.lower() for w in _LETTER_WORD.findall(_CJK_RUN.sub(" ", text)))
        if len(word) >= _MIN_LETTERS and word not in ALL_STOPWORDS
    }
    for run in _CJK_RUN.findall(text):
        tokens.update(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


def overlap(candidate: str, reference: Iterable[str]) -> tuple[float, int]:
    """Share of the candidate's content tokens found in the reference texts.

    Returns:
        `(share, token_count)`: the share is 0.0 when the candidate has no content tokens;
        callers weigh short candidates by the count.
    """
    tokens = content_tokens(candidate)
    if not tokens:
        return 0.0, 0
    seen: set[str] = set()
    for text in reference:
        seen |= content_tokens(text)
    return len(tokens & seen) / len(tokens), len(tokens)
