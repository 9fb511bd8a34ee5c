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

    Args:
        tree: The parsed page.
        url: Page URL, used to resolve links.

    Returns:
        The body blocks and inline links (empty when trafilatura finds no main text).
    """
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_links=True,
            include_tables=True,
            with_metadata=False,
            favor_recall=True,
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError):
        return Body()
    if document is None or document.body is None:
        return Body()
    body = Body(blocks=list(document.body))
    for block in body.blocks:
        if block.tag in ("p", "quote", "item", "list"):
            for ref in block.iter("ref"):
                text = " ".join("".join(ref.itertext()).split())
                if ref.get("target") and text:
                    body.refs.append((ref.get("target"), text))
    return body


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
