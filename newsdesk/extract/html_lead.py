"""The standfirst a page prints between its headline and the article body.

Body extractors often leave it out: sites set it in the article header, beside the headline
and byline, not in the container that holds the paragraphs. We recognise it by its text (the
page declares the same words as its description) or by its markup (a block classed as the
lead, intro or teaser, in the languages sites name their classes in).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from newsdesk.extract.html_boilerplate import is_furniture
from newsdesk.extract.html_byline import VISIBLE_TEXT
from newsdesk.extract.textdump_labels import CREDIT_PATTERN
from newsdesk.words import ends_sentence, holds

_FOLLOWING = etree.XPath(f"following::text(){VISIBLE_TEXT}[position() <= 80]")
_BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "section", "header", "span", "strong", "em"})
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…|\[\.{3}\]|\[…\])\s*$")
# Class names of a standfirst: "lead", "article-intro", "ce-news--teaser", "DefaultEinleitung",
# "chapo", "bajada", "entradilla", "copete", "standfirst", "dek".
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|intro|introduction|teaser|teaser-text|standfirst|dek|deck|"
    r"summary|excerpt|abstract|subtitle|subline|sub-headline|subheadline|einleitung|vorspann|"
    r"chapo|chapeau|bajada|entradilla|copete|sumario|occhiello|catenaccio)(?:$|[\s_-])|"
    r"(?:lead|intro|teaser|einleitung|standfirst|summary|excerpt)(?:text|paragraph)?$",
    re.I,
)
_NOT_LEAD_CLASS = re.compile(r"caption|credit|copyright|author|byline|date|meta|share", re.I)
# How much of the description a text node must open with to be the standfirst's start.
_OPENING_CHARS = 24
# The standfirst may say a little more than the declared description, not much more.
_MAX_GROWTH = 1.5
_MIN_LEAD_CHARS = 40
# The body's first paragraph of this many words marks where the article text begins.
_BODY_WORDS = 20
# Ancestors whose class can name a text node's block as the lead.
_CLASS_DEPTH = 3
# A standfirst found by its markup has this many words.
_LEAD_WORDS = (8, 80)


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
        text between the headline and the body's first paragraph, or the body holds it.
    """
    if headline is None:
        return None
    wanted = _key(_ELLIPSIS.sub("", summary or ""))
    body_start = next(
        (_key(p)[:_OPENING_CHARS] for p in paragraphs if len(p.split()) >= _BODY_WORDS), None
    )
    for node in _FOLLOWING(headline):
        text = _key(str(node))
        if body_start and text.startswith(body_start):
            return None
        block = node.getparent()
        while block is not None and block.tag not in _BLOCKS:
            block = block.getparent()
        if block is None:
            continue
        shown = " ".join(block.text_content().split())
        key = shown.casefold()
        if len(key) < _MIN_LEAD_CHARS or holds(paragraphs, shown):
            continue
        if _described(key, text, wanted) or (_reads_as_lead(shown) and _classed_as_lead(block)):
            return shown
    return None


def _reads_as_lead(text: str) -> bool:
    # A standfirst is a sentence or three of prose, not a list, a caption or a notice.
    words = len(text.split())
    return (
        _LEAD_WORDS[0] <= words <= _LEAD_WORDS[1]
        and ends_sentence(text)
        and not is_furniture(text)
        and not CREDIT_PATTERN.search(text)
    )


def _described(key: str, node_text: str, wanted: str) -> bool:
    # The block shows the declared description: in full, or all of a cut one.
    if len(wanted) < _MIN_LEAD_CHARS or not wanted.startswith(node_text[:_OPENING_CHARS]):
        return False
    if key.startswith(wanted) and len(key) <= len(wanted) * _MAX_GROWTH:
        return True
    return wanted.startswith(key)


def _classed_as_lead(block: HtmlElement) -> bool:
    element: HtmlElement | None = block
    for _ in range(_CLASS_DEPTH):
        if element is None:
            return False
        names = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if names and _NOT_LEAD_CLASS.search(names):
            return False
        if names and _LEAD_CLASS.search(names):
            return True
        element = element.getparent()
    return False
