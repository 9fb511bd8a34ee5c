"""The standfirst a page prints between its headline and the article body.

Body extractors often leave it out: sites set it in the article header, beside the headline
and byline, not in the container that holds the paragraphs. The page usually declares the
same text as its description, which is how we recognise it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# Visible text after the headline, outside scripts, captions and buttons.
_FOLLOWING = etree.XPath(
    "following::text()[normalize-space()][not(ancestor::script or ancestor::style or "
    "ancestor::template or ancestor::noscript or ancestor::figcaption or ancestor::button)]"
    "[position() <= 80]"
)
_BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "section", "header", "span", "strong", "em"})
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…|\[\.{3}\]|\[…\])\s*$")
# How much of the description a text node must open with to be the standfirst's start.
_OPENING_CHARS = 24
# The standfirst may say a little more than the declared description, not much more.
_MAX_GROWTH = 1.5
_MIN_LEAD_CHARS = 40
# This much of the description inside a body paragraph means the body holds the standfirst.
_HELD_CHARS = 60


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def shown_lead(
    headline: HtmlElement | None, summary: str | None, paragraphs: list[str]
) -> str | None:
    """The standfirst shown under the headline, when the extracted body lacks it.

    Args:
        headline: The element showing the story's headline (see `headline_element`).
        summary: The page's declared description.
        paragraphs: The body paragraphs found so far.

    Returns:
        The standfirst's text as the page shows it, or None when the page shows no such
        text between the headline and the body, or the body already holds it.
    """
    if headline is None or not summary:
        return None
    wanted = _key(_ELLIPSIS.sub("", summary))
    if len(wanted) < _MIN_LEAD_CHARS:
        return None
    opening = wanted[:_OPENING_CHARS]
    body_keys = [_key(p) for p in paragraphs]
    if any(wanted[:_HELD_CHARS] in p for p in body_keys):
        return None
    body_start = body_keys[0][:_OPENING_CHARS] if body_keys else None
    for node in _FOLLOWING(headline):
        text = _key(str(node))
        if body_start and text.startswith(body_start):
            return None
        if not text or not opening.startswith(text[:_OPENING_CHARS]):
            continue
        block = node.getparent()
        while block is not None and block.tag not in _BLOCKS:
            block = block.getparent()
        if block is None:
            return None
        shown = " ".join(block.text_content().split())
        key = shown.casefold()
        if key.startswith(wanted) and len(key) <= len(wanted) * _MAX_GROWTH:
            return shown
        if wanted.startswith(key) and len(key) >= _MIN_LEAD_CHARS:
            return shown
    return None
