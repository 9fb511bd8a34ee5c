"""The article body of a parsed page, as paragraphs, via trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from newsdesk.extract.html_text import inner_text

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
#: Pages with more elements than this, or nested deeper, are not given to trafilatura, whose
#: cost grows with the square of both (200,000 one-word paragraphs took 28 s; tables nested
#: 2,000 deep 17 s): the fallback reader reads their visible text instead. Measured: 50,000
#: elements take trafilatura about 2 s, 100,000 about 6 s; tables nested 512 deep 2 s. The
#: largest page of the quality corpus has 10,106 elements and is nested 42 deep.
MAX_TRAFILATURA_ELEMENTS = 50_000
MAX_TRAFILATURA_DEPTH = 400
#: The balanced-mode retry is quadratic in the number of sibling blocks (8,000 one-word
#: paragraphs 5 s, 16,000 18 s); above this many elements only recall mode runs.
MAX_BALANCED_ELEMENTS = 10_000
_FALLBACK_ROOTS = ("article", "main")


@dataclass
class Body:
    """The extracted body.

    Attributes:
        blocks: Top-level body elements (trafilatura XML: p, head, list, quote, table...).
        refs: `(href, anchor text)` of links inside body paragraphs, in order.
        note: Why the body was read another way than usual, if it was.
    """

    blocks: list[etree._Element] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    note: str | None = None


def extract_body(tree: HtmlElement, url: str | None) -> Body:
    """Run trafilatura on `tree` (which it copies, leaving ours intact) and keep the XML body.

    trafilatura's recall mode is tried first; when it finds little text, the balanced mode is
    tried too and wins if it finds much more (recall mode sometimes settles on a small block
    beside the article).

    Args:
        tree: The parsed page.
        url: Page URL, used to resolve links.

    Pages too big or too deep for trafilatura (`MAX_TRAFILATURA_ELEMENTS`,
    `MAX_TRAFILATURA_DEPTH`) are read by a fallback that takes the visible text of the page's
    `<article>` or `<main>` (else its body) line by line; `Body.note` says so.

    Returns:
        The body blocks and inline links (empty when trafilatura finds no main text).
    """
    elements = _element_count(tree)
    why = _too_complex(tree, elements)
    if why:
        return Body(
            blocks=_fallback_blocks(tree),
            note=f"page too complex for the body extractor ({why}); its visible text was read",
        )
    blocks = _trafilatura_blocks(tree, url, favor_recall=True)
    chars = _text_chars(blocks)
    if chars < SHORT_BODY_CHARS and elements <= MAX_BALANCED_ELEMENTS:
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


def _element_count(tree: HtmlElement) -> int:
    return int(tree.xpath("count(//*)"))


def _too_complex(tree: HtmlElement, elements: int) -> str | None:
    """Why the page is too big or too deep for trafilatura, or None when it is not.

    Counted by XPath in libxml2: walking every element in Python cost as much per page as a
    tenth of the rest of the extraction.
    """
    if elements > MAX_TRAFILATURA_ELEMENTS:
        return f"{elements} elements (over {MAX_TRAFILATURA_ELEMENTS})"
    if tree.xpath(f"boolean(//*[count(ancestor::*) > {MAX_TRAFILATURA_DEPTH}])"):
        return f"nesting over {MAX_TRAFILATURA_DEPTH} deep"
    return None


def _fallback_blocks(tree: HtmlElement) -> list[etree._Element]:
    # The widest <article> or <main> holds the story when there is one; inner_text reads it
    # without recursion, so depth costs nothing.
    roots = [el for tag in _FALLBACK_ROOTS for el in tree.iter(tag)]
    root = max(roots, key=lambda el: len(el.text_content()), default=tree)
    blocks = []
    for raw in inner_text(root).split("\n"):
        line = " ".join(raw.split())
        if line:
            block = etree.Element("p")
            block.text = line
            blocks.append(block)
    return blocks


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
