"""A page's visible text laid out in lines, as a browser's `innerText` gives it.

Block elements (paragraphs, headings, list items, table rows, divisions) start new lines;
inline elements run on within a line; scripts, styles, form controls and elements hidden
by the `hidden` or `aria-hidden` attribute or an inline `display: none` are left out, and
on request so are reader comment threads. The text-dump reader can then read a page's
bylines as it reads a copied page (`newsdesk.extract.html`).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody thead tfoot tr ul caption".split()
)
_SKIP = frozenset(
    "script style noscript template head title meta link svg iframe object embed canvas "
    "select option datalist button input textarea map audio video source track".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A comment thread's container, by a whole class or id token: "comments", "comment-list",
# "disqus_thread", "respond"; not a state such as "comments-open" on <body>.
_COMMENTS = re.compile(
    r"(?:^|\s)(?:comments?|commentlist|comment-?(?:list|area|section|thread|wrapper|respond)|"
    r"comments-?(?:area|list|section|thread|wrapper|container)|disqus_thread|respond)(?=\s|$)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# innerText of a very large page is not worth reading in full for a byline.
_MAX_CHARS = 400_000


def inner_text(tree: HtmlElement, *, comments: bool = True) -> str:
    """The visible text of a parsed page, one line per block, like `innerText`.

    Args:
        tree: The parsed page (`lxml.html`).
        comments: Keep reader comment threads (elements whose class or id says "comment").

    Returns:
        The text, lines separated by newlines; empty when the page shows no text.
    """
    parts: list[str] = []
    size = 0
    body = tree.find("body")
    stack: list[tuple[etree._Element, bool]] = [(body if body is not None else tree, False)]
    # Iterative walk (pages nest deep enough to overflow recursion): an entry is an element
    # to open, or (element, True) to close it and emit its tail.
    while stack and size < _MAX_CHARS:
        el, closing = stack.pop()
        if closing:
            if el.tag in _BLOCK or el.tag == "br":
                parts.append("\n")
            if el.tail:
                parts.append(_SPACES.sub(" ", el.tail))
                size += len(el.tail)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP or _hidden(el) or (not comments and _comment_thread(el)):
            if el.tail:
                parts.append(_SPACES.sub(" ", el.tail))
            continue
        if tag in _BLOCK:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append("\t")
        if el.text:
            # Source line breaks are spaces; only blocks and <br> break lines.
            parts.append(_SPACES.sub(" ", el.text))
            size += len(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _comment_thread(el: etree._Element) -> bool:
    return bool(_COMMENTS.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
