"""The author box an article closes with: the byline's name alone, and a bio under it.

Sites end articles with a box about their author ("Evan Halper" over "Evan Halper writes
about a broad range of policy issues ..."); body extractors take it in as the last
paragraphs. Once the authors are known, the box is told by its name.
"""

from __future__ import annotations

import re

# A bio goes on from the name with a verb in lower case ("is a professor", "writes about",
# "lehrt Geschichte", "ist Head of Social"); a sentence quoting the author opens otherwise.
_GOES_ON = re.compile(r"^[,]?\s+(?:\(\S[^)]{0,40}\)\s+)?[a-zäöüßàâçéèêëîïôûùÿñ]")
# A bio is a paragraph or two; the box is among the last paragraphs of the body.
_BIO_MAX_WORDS = 80
_TAIL_PARAGRAPHS = 8


def drop_author_box(paragraphs: list[str], authors: list[str]) -> list[str]:
    """The body without the author box near its end.

    Args:
        paragraphs: The body, one paragraph per item.
        authors: The story's authors, as read from its byline.

    Returns:
        The paragraphs without those, among the last `_TAIL_PARAGRAPHS` and past the first
        half, that are an author's name alone or a bio opening with it ("Jane Doe is a
        reporter ...").
    """
    names = [name for name in authors if len(name.split()) >= 2]
    if not names or not paragraphs:
        return paragraphs
    # The box closes the article: past its first half, among its last paragraphs.
    start = max(len(paragraphs) // 2, len(paragraphs) - _TAIL_PARAGRAPHS)
    return paragraphs[:start] + [
        paragraph for paragraph in paragraphs[start:] if not _in_box(paragraph, names)
    ]


def _in_box(paragraph: str, names: list[str]) -> bool:
    text = paragraph.strip()
    for name in names:
        if text == name:
            return True
        if (
            text.startswith(name)
            and len(text.split()) <= _BIO_MAX_WORDS
            and _GOES_ON.match(text[len(name) :])
        ):
            return True
    return False
