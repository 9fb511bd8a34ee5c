"""Visible bylines: the "By Jane Doe" line printed near a story's headline."""

from __future__ import annotations

import re

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
_SKIP_TAGS = frozenset({"script", "style", "template", "figcaption", "button"})
_COMMENT_AREA = re.compile(r"comment|reply|respond|discussion", re.I)
#: Text nodes looked at after the headline (and before it, for bylines set above it).
_AFTER, _BEFORE = 60, 12
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


def byline_near(headline: HtmlElement | None) -> list[str]:
    """Raw byline strings printed just after (or just before) the headline element.

    Args:
        headline: The headline element (see `headline_element`).

    Returns:
        The text naming the author(s), e.g. ["Jane Doe and John Roe"], or [] when no
        "By ..." line is found near the headline.
    """
    if headline is None:
        return []
    nodes = _texts_around(headline)
    prose = 0
    for i, text in enumerate(nodes):
        if len(text) > _PROSE_CHARS:
            prose += 1
            if prose >= _MAX_PROSE_NODES:
                break
            continue
        if _NOT_AUTHOR.search(text.split(" by ")[0] if " by " in text.lower() else text):
            continue
        if _BY_ALONE.match(text):
            following = [t for t in nodes[i + 1 : i + 3] if t.strip(" |,")]
            if following and len(following[0]) <= 120:
                return [following[0]]
            continue
        match = _BY_NAME.search(text)
        if match and len(text) <= 160:
            return [match["name"] or match["after"]]
    return []


def _texts_around(headline: HtmlElement) -> list[str]:
    # Text nodes in document order: a few before the headline, then those after it.
    root = headline.getroottree().getroot()
    body = root.find("body") if root.find("body") is not None else root
    before: list[str] = []
    after: list[str] = []
    seen_headline = False
    for el in body.iter():
        if el is headline:
            seen_headline = True
            continue
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or _in_skipped(el):
            continue
        if seen_headline and _is_inside(el, headline):
            continue
        for raw in (el.text, el.tail):
            text = " ".join((raw or "").split())
            if not text:
                continue
            (after if seen_headline else before).append(text)
        if len(after) >= _AFTER:
            break
    return after[: _AFTER] + before[-_BEFORE:][::-1]


def _in_skipped(el: HtmlElement) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _SKIP_TAGS:
            return True
        marker = f"{parent.get('class', '')} {parent.get('id', '')}"
        if _COMMENT_AREA.search(marker):
            return True
        parent = parent.getparent()
    return False


def _is_inside(el: HtmlElement, ancestor: HtmlElement) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
