"""Text preparation before the model sees it: control characters, shouting, oversized paragraphs.

Every transformation here keeps the text's length and character positions, so offsets found in
the prepared text are offsets in the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsdesk.entities.aliases import known_acronyms

_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\ufeff\ufff9-\uffff\ud800-\udfff]"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n+")

#: Words a headline writer would not capitalise in title case.
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or per the to vs via with".split()
)
#: Upper-case aliases that are also everyday words: never kept upper-case when recasing.
_WORDLIKE_ACRONYMS = frozenset("AN AS AT BE DO HE IN IS IT ME NO ON OR SO TO UP WE".split())


def clean_text(text: str) -> str:
    """Replace control, format and surrogate characters by spaces (length-preserving).

    Args:
        text: Raw text; tabs and line breaks are kept.

    Returns:
        Text of the same length safe to hand to the tokenizer.
    """
    return _CONTROL.sub(" ", text)


def is_shouting(text: str, threshold: float = 0.8, min_letters: int = 8) -> bool:
    """Whether a text is (almost) all capitals, as some headlines and kickers are.

    Args:
        text: Any text.
        threshold: Share of cased letters that must be upper-case.
        min_letters: Shorter texts are never considered shouting (acronyms, codes).

    Returns:
        True when recasing is worth it.
    """
    head = text[:200]
    if sum(ch.islower() for ch in head) > 0.5 * len(head) * (1 - threshold) + 5:
        # Plainly mixed case at the start: most paragraphs stop here.
        return False
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    cased = upper + lower
    return cased >= min_letters and upper / cased >= threshold


def _same_length_lower(word: str) -> str:
    # Some characters change length when case-mapped ("İ".lower() is two code points).
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in word)


def recase_shouting(text: str) -> str:
    """Turn an ALL-CAPS text into title case, keeping known acronyms upper-case.

    "OCTOBER 7: STOP THE VIOLENCE NOW, SAYS UN" -> "October 7: Stop the Violence Now, Says UN".
    The statistical model reads title case far better than capitals. Length is preserved.

    Args:
        text: Text for which `is_shouting` is true.

    Returns:
        The recased text.
    """
    acronyms = known_acronyms() - _WORDLIKE_ACRONYMS

    def recase(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in acronyms:
            return word
        lowered = _same_length_lower(word)
        if match.start() > 0 and lowered in _MINOR_WORDS:
            return lowered
        return word[0] + lowered[1:]

    return _LETTERS.sub(recase, text)


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Split a text on blank lines into paragraphs with their start offsets.

    Args:
        text: A text with paragraphs separated by blank lines.

    Returns:
        (offset, paragraph) pairs; empty paragraphs are dropped.
    """
    blocks = []
    position = 0
    for match in _BLANK_LINES.finditer(text):
        blocks.append((position, text[position : match.start()]))
        position = match.end()
    blocks.append((position, text[position:]))
    return [(offset, block) for offset, block in blocks if block.strip()]


def chunk_text(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """Split an oversized paragraph into pieces of at most `max_chars`, at sentence ends.

    Args:
        text: The paragraph.
        max_chars: Largest piece handed to the model.

    Yields:
        (offset, piece) pairs covering the text in order.
    """
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for match in _SENTENCE_END.finditer(window, max_chars // 2):
            cut = match.end()
        if not cut:
            cut = window.rfind(" ", max_chars // 2) + 1
        if cut <= 0:
            cut = max_chars
        yield start, window[:cut]
        start += cut
    if start < len(text):
        yield start, text[start:]
