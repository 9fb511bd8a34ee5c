"""Visible bylines: the "By Jane Doe" line printed near a story's headline."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree
from lxml.html import HtmlElement

# "By", "Written by:", "Posted by", "— by" alone in a text node: the name follows.
_BY = r"(?:by|par|von|por|door)"
_BY_ALONE = re.compile(
    rf"^[\W_]*(?:(?:written|posted|reported|words|story|text)\s+)?{_BY}\s*:?[\W_]*$", re.I
)
# "By Jane Doe", "Written by: Jane Doe", "---- by Jane Doe", "Posted on May 1, 2020 by Jane Doe".
_BY_NAME = re.compile(
    rf"^[\W_]*(?:(?:written|posted|reported|words|story|text)\s+)?{_BY}\s*:?\s+(?P<name>\w.*)$"
    r"|\b(?:posted|written|published)\b[^.]{0,60}?\bby\s*:?\s+(?P<after>\w.*)$",
    re.I,
)
# Credits that are not the story's author.
_NOT_AUTHOR = re.compile(r"\b(?:photo|photos|image|images|illustration|video|graphic)s?\b", re.I)
# What a site's footer credits its maker with, before a "by" set apart.
_SITE_CREDIT = re.compile(
    r"\b(?:crafted|made|designed|developed|built|powered|created|hosted|coded|theme|template|"
    r"design)\b(?:\s+with\b.*)?[\W_]*$",
    re.I,
)
#: XPath predicate of text a reader sees next to the headline: outside scripts, captions,
#: buttons and comment threads.
VISIBLE_TEXT = (
    "[normalize-space()][not(ancestor::script or ancestor::style or ancestor::template or "
    "ancestor::noscript or ancestor::figcaption or ancestor::button or "
    "ancestor::*[contains(@class, 'comment') or contains(@id, 'comment') or "
    "contains(@class, 'reply')])]"
)
#: Text nodes looked at after the headline (and before it, for bylines set above it).
_AFTER, _BEFORE = 60, 12
_FOLLOWING = etree.XPath(f"following::text(){VISIBLE_TEXT}[position() <= {_AFTER}]")
_PRECEDING = etree.XPath(f"preceding::text(){VISIBLE_TEXT}[position() <= {_BEFORE}]")
# Long text means the story has begun; a byline further down is someone else's.
_MAX_PROSE_NODES = 3
_PROSE_CHARS = 200


def headline_element(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The element showing the story's headline: the heading whose text is `title`.

    Falls back to the first `<h1>` inside the article, then the first `<h1>`.
    """
    key = _key(title or "")
    headings = tree.xpath("//h1 | //h2")[:40]
    if key:
        for heading in headings:
            if _key(heading.text_content()) == key:
                return heading
    h1s = [h for h in headings if h.tag == "h1"]
    in_article = [h for h in h1s if h.xpath("ancestor::article or ancestor::main")]
    return (in_article or h1s or [None])[0]


def byline_near(
    headline: HtmlElement | None, accept: Callable[[str], bool] | None = None
) -> list[str]:
    """Raw byline strings printed just after (or just before) the headline element.

    Args:
        headline: The headline element (see `headline_element`).
        accept: Whether a found byline names someone; a rejected one ("By The Daily
            Example", the outlet) lets the search go on to the next "By ..." line.

    Returns:
        The text naming the author(s), e.g. ["Jane Doe and John Roe"], or [] when no
        "By ..." line is found near the headline.
    """
    if headline is None:
        return []
    for candidate in _bylines(_texts_around(headline)):
        if accept is None or accept(candidate):
            return [candidate]
    return []


def _bylines(nodes: list[str]) -> Iterator[str]:
    prose = 0
    for i, text in enumerate(nodes):
        if len(text) > _PROSE_CHARS:
            prose += 1
            if prose >= _MAX_PROSE_NODES:
                return
            continue
        if _NOT_AUTHOR.search(text.split(" by ")[0] if " by " in text.lower() else text):
            continue
        if _BY_ALONE.match(text):
            if i and _SITE_CREDIT.search(nodes[i - 1]):
                # "Crafted with <heart> by" / "TemplatesYard": the footer credits the theme.
                continue
            following = [t for t in nodes[i + 1 : i + 3] if t.strip(" |,")]
            if following and len(following[0]) <= 120:
                yield following[0]
            continue
        match = _BY_NAME.search(text)
        if match and len(text) <= 160:
            yield match["name"] or match["after"]


def _texts_around(headline: HtmlElement) -> list[str]:
    # Text nodes after the headline (document order), then a few before it (nearest first).
    after = _FOLLOWING(headline)
    before = _PRECEDING(headline)[::-1]
    return [" ".join(t.split()) for t in (*after, *before)]


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
