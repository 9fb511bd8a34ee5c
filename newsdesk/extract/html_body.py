"""The article body of a parsed page, as paragraphs, via trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

# trafilatura logs every page it discards at WARNING; for us that is an ordinary outcome.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+")
_TABLE_EDGE = re.compile(r"^\|\s*|\s*\|\s*$")
#: A recall-mode body shorter than this (characters) is checked against the balanced mode.
SHORT_BODY_CHARS = 1500
# How much more text the balanced mode must find to replace the recall-mode body, and how
# much of the recall-mode words it must keep.
_RETRY_GAIN = 2.0
_MIN_COVER = 0.6
_WORD = re.compile(r"\w+")


@dataclass
class Body:
    """The extracted body.

    Attributes:
        blocks: Top-level body elements (trafilatura XML: p, head, list, quote, table...).
        refs: `(href, anchor text)` of links inside body paragraphs, in order.
    """

    blocks: list[etree._Element] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)


def extract_body(tree: HtmlElement, url: str | None) -> Body:
    """Run trafilatura on `tree` (which it copies, leaving ours intact) and keep the XML body.

    trafilatura's recall mode is tried first; when it finds little text, the balanced mode is
    tried too and wins if it finds much more (recall mode sometimes settles on a small block
    beside the article).

    Args:
        tree: The parsed page.
        url: Page URL, used to resolve links.

    Returns:
        The body blocks and inline links (empty when trafilatura finds no main text).
    """
    blocks = _trafilatura_blocks(tree, url, favor_recall=True)
    chars = _text_chars(blocks)
    if chars < SHORT_BODY_CHARS:
        balanced = _trafilatura_blocks(tree, url, favor_recall=False)
        if _text_chars(balanced) >= chars * _RETRY_GAIN and _covers(balanced, blocks):
            blocks = balanced
    body = Body(blocks=blocks)
    for block in body.blocks:
        if block.tag in ("p", "quote", "item", "list"):
            for ref in block.iter("ref"):
                text = " ".join("".join(ref.itertext()).split())
                if ref.get("target") and text:
                    body.refs.append((ref.get("target"), text))
    return body


def _trafilatura_blocks(
    tree: HtmlElement, url: str | None, *, favor_recall: bool
) -> list[etree._Element]:
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_links=True,
            include_tables=True,
            with_metadata=False,
            favor_recall=favor_recall,
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError):
        return []
    if document is None or document.body is None:
        return []
    return list(document.body)


def _text_chars(blocks: list[etree._Element]) -> int:
    return sum(len("".join(block.itertext()).strip()) for block in blocks)


def _words(blocks: list[etree._Element]) -> set[str]:
    return {w for block in blocks for w in _WORD.findall("".join(block.itertext()).lower())}


def _covers(wider: list[etree._Element], narrower: list[etree._Element]) -> bool:
    # A longer body that leaves out most of what the shorter one found is another part of the
    # page (a sidebar, a teaser list), not more of the article.
    found = _words(narrower)
    return not found or len(found & _words(wider)) >= _MIN_COVER * len(found)


def block_paragraphs(block: etree._Element) -> list[str]:
    """The paragraphs of one body block (a list gives one paragraph per item)."""
    etree.strip_tags(block, "ref")
    text = xmltotxt(block, False) or ""
    paragraphs = []
    for raw in text.split("\n"):
        line = raw
        if block.tag == "list":
            line = _BULLET.sub("", line)
        elif block.tag == "table":
            line = _TABLE_EDGE.sub("", line)
        line = " ".join(line.split())
        if line:
            paragraphs.append(line)
    # Line breaks inside one paragraph (<br>) are layout; lists and tables are real items.
    if block.tag in ("p", "quote", "head") and len(paragraphs) > 1:
        return [" ".join(paragraphs)]
    return paragraphs
