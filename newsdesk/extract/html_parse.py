"""Reading an HTML page's bytes into a checked text and an element tree.

Decoding, size and control-character limits, and a parser that survives deep nesting and
an unclosed comment or script (which would otherwise swallow the rest of the page).
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from newsdesk.extract.charset import decode_html, looks_binary, repair_mojibake
from newsdesk.model import ExtractionError

#: Characters of HTML processed per page; the rest of a bigger page is dropped (with a note).
MAX_HTML_CHARS = 3_000_000

_HTML_MARKER = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|a|article|span|h[1-6]|table|ul|br|"
    r"section|main|script|link|img)\b",
    re.IGNORECASE,
)
_FEED_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# huge_tree lifts libxml2's nesting limit of 256 elements, past which it silently drops the
# rest of the page (a quote nested in 252 <div>s lost a whole article). It is a size limit
# only: the HTML parser expands no custom entities.
_PARSER = HTMLParser(
    collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8", huge_tree=True
)
# An opener that is never closed swallows the rest of the page as one comment or script.
_RAW_OPENER = re.compile(r"<!--|<(script|style|title|textarea)\b[^>]*>", re.IGNORECASE)
# Where markup resumes after such an opener: the first structural tag.
_RESUMED_MARKUP = re.compile(
    r"<(?:/head|body|main|article|section|header|div|p|h[1-6]|table|ul|ol|nav|footer)\b",
    re.IGNORECASE,
)
# A recovered parse must show this many more words, and this many times as many, to win.
_RECOVERED_GAIN_WORDS = 50
_RECOVERED_GAIN = 2
#: XPath of the text a reader sees in the body (no scripts, styles or form fields).
VISIBLE_TEXT = (
    "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::textarea)]"
)


def page_text(html: str | bytes, notes: list[str]) -> str:
    """The page as checked, normalised text, ready to parse.

    Bytes are decoded (`decode_html`), text has its mojibake repaired; control characters go,
    text is put in NFC, and a page over `MAX_HTML_CHARS` is cut (with a note).

    Args:
        html: The page, as text or raw bytes.
        notes: Where to record what was done to the page.

    Returns:
        The page's text.

    Raises:
        ExtractionError: Empty, binary, feed or non-HTML input.
    """
    if html is None:
        raise ExtractionError("empty input: no HTML given")
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if not data.strip():
            raise ExtractionError("empty input: 0 bytes of HTML")
        if looks_binary(data):
            raise ExtractionError("binary input: not an HTML page")
        text = decode_html(data)
    else:
        text = repair_mojibake(str(html))
    if not text.strip():
        raise ExtractionError("empty input: no HTML text")
    if "\x00" in text[:4096]:
        raise ExtractionError("binary input: not an HTML page")
    if _FEED_ROOT.match(text[:4096]):
        raise ExtractionError("not HTML: the input is an RSS/Atom/RDF feed")
    if not _HTML_MARKER.search(text[:65536]):
        raise ExtractionError("not HTML: no HTML markup found")
    # Control characters are not allowed in XML; trafilatura's XML body loses every block
    # that holds one (a stray BEL in a footnote emptied a whole article).
    text = _CONTROL_CHARS.sub("", text.replace("\x0b", " ").replace("\x0c", " "))
    # One Unicode form (NFC) for all text, as the warehouse stores it: pages mix composed
    # and decomposed forms (Bengali nukta letters, Vietnamese accents).
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_HTML_CHARS:
        notes.append(f"page truncated to the first {MAX_HTML_CHARS} of {len(text)} characters")
        text = text[:MAX_HTML_CHARS]
    return text


def parse_page(text: str, notes: list[str]) -> HtmlElement:
    """The page's element tree, with markup an unclosed comment or script hid recovered.

    Args:
        text: The page's text (`page_text`).
        notes: Where to record a page nested too deep or a recovered opener.

    Returns:
        The root element.

    Raises:
        ExtractionError: The page does not parse or has no elements.
    """
    tree = _parse_text(text)
    if any("Excessive depth" in error.message for error in _PARSER.error_log):
        # Even huge_tree stops at 2,048 levels; what follows is not in the tree.
        notes.append("page nested too deep for the parser; the text after that point is lost")
    unclosed = _unclosed_opener(text)
    resume = _resumed_markup(text, *unclosed[1:]) if unclosed else None
    if unclosed and resume is not None:
        # A dangling "<!--", <script> or <style> turns the rest of the page into one comment
        # or script; closing it where the markup resumes gets the text back.
        start, _, name = unclosed
        closer = "-->" if name == "<!--" else f"</{name}>"
        repaired = _parse_text(text[:resume] + closer + text[resume:])
        before, after = _visible_words(tree), _visible_words(repaired)
        if after >= max(before * _RECOVERED_GAIN, before + _RECOVERED_GAIN_WORDS):
            label = name if name == "<!--" else f"<{name}>"
            notes.append(
                f"unclosed {label} at character {start} hid the rest of the page; "
                "it was closed where the markup resumes"
            )
            tree = repaired
    # Ruby annotations (furigana over kanji, "子<rt>こ</rt>ども") are reading aids, not text:
    # kept, they would double every annotated word of the title and body.
    etree.strip_elements(tree, "rt", "rp", with_tail=False)
    return tree


def _parse_text(text: str) -> HtmlElement:
    try:
        tree = document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as err:
        raise ExtractionError(f"not HTML: the page does not parse ({err})") from err
    if tree is None or not len(tree):
        raise ExtractionError("not HTML: the page has no elements")
    return tree


def _unclosed_opener(text: str) -> tuple[int, int, str] | None:
    """`(start, end, name)` of the first comment, script, style, title or textarea never closed."""
    lower = text.lower()
    position = 0
    while True:
        match = _RAW_OPENER.search(text, position)
        if match is None:
            return None
        name = (match.group(1) or "").lower() or "<!--"
        close = lower.find("-->" if name == "<!--" else f"</{name}", match.end())
        if close < 0:
            return match.start(), match.end(), name
        # What sits inside a closed comment or script opens nothing.
        position = close


def _resumed_markup(text: str, position: int, name: str) -> int | None:
    while True:
        match = _RESUMED_MARKUP.search(text, position)
        if match is None:
            return None
        # "var tag = '<p>';" in a script is a string, not the page's markup.
        if name == "<!--" or text[match.start() - 1 : match.start()] not in ("'", '"'):
            return match.start()
        position = match.end()


def _visible_words(tree: HtmlElement) -> int:
    return sum(len(t.split()) for t in tree.xpath(VISIBLE_TEXT))
