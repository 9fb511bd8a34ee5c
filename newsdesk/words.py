"""Counting words the same way for every script, and the few text checks built on words.

Whitespace splitting undercounts languages written without spaces: a Chinese or Japanese
paragraph is one "word" to `str.split`. Here each CJK character (Han, kana, Hangul syllable)
counts as a word, as word counters for those languages do, and every other run of letters or
digits counts once.
"""

from __future__ import annotations

import re

#: Characters of scripts written without spaces: kana, CJK ideographs, Hangul syllables.
CJK_CHARS = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
_TOKEN = re.compile(r"\w+", re.UNICODE)
# A sentence's close, quotes and brackets after it allowed ("… gewählt.“").
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")


def count_words(text: str | None) -> int:
    """Words in `text`: runs of letters/digits, with each CJK character counted on its own.

    Args:
        text: Any text (None counts as empty).

    Returns:
        The word count.
    """
    if not text:
        return 0
    count = 0
    for token in _TOKEN.findall(text):
        cjk = len(CJK.findall(token))
        # "iPhone发布": the CJK characters one each, the Latin part once.
        count += cjk + len(CJK.sub(" ", token).split()) if cjk else 1
    return count


def ends_sentence(text: str) -> bool:
    """True when `text` closes like a sentence (. ! ? …), quotes after the mark allowed."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def holds(paragraphs: list[str], text: str, chars: int = 60) -> bool:
    """Whether some paragraph holds the opening `chars` characters of `text`.

    Case and spacing are ignored, so a standfirst the body repeats is found however the
    page set it.

    Args:
        paragraphs: Body paragraphs.
        text: The text looked for.
        chars: How much of its opening must be found.

    Returns:
        True when a paragraph contains that opening.
    """
    key = " ".join(text.split()).casefold()[:chars]
    return any(key in " ".join(p.split()).casefold() for p in paragraphs)
