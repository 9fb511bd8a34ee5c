"""Turning the bytes of a web page into text: BOMs, declared charsets, detection, mojibake."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-16 without a byte-order mark: at least this many bytes, and this share of NULs in
# every other place (ASCII markup and text; a page in a non-Latin script has fewer).
_UTF16_MIN_BYTES = 64
_UTF16_NUL_SHARE = 0.7
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")
# Browsers (WHATWG Encoding Standard) treat these labels as windows-1252; pages rely on it.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# Detection on a bounded prefix keeps huge pages fast; the charset does not change mid-page.
_DETECT_BYTES = 200_000
_SNIFF_BYTES = 4096
_LATIN_FAMILY = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "iso8859-2",
        "iso8859-15",
        "iso8859-9",
        "iso8859-13",
        "iso8859-4",
        "mac-roman",
        "mac-latin2",
        "latin-1",
    }
)
_WESTERN_PUNCTUATION = frozenset("’‘“”„–—…«»€•·°§©®™\u00a0")
# Mojibake repair costs time on big texts and can misfire: only when ftfy sees signs of it.
_MOJIBAKE_SAMPLE = 100_000
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
# A UTF-8 page may hold broken sequences (a stray byte, an excerpt cut mid-character) when
# valid non-ASCII characters outnumber them this many times; text in a legacy code page
# breaks at nearly every non-ASCII byte and forms a valid sequence only by rare accident.
_VALID_PER_BROKEN = 20
# A short page has few non-ASCII characters to outnumber its broken ones: up to this many
# broken sequences are allowed when at least `_MIN_VALID_UTF8` valid characters outnumber
# them `_SHORT_VALID_PER_BROKEN` times (27 umlauts and 3 stray bytes).
_MAX_BROKEN_UTF8 = 20
_MIN_VALID_UTF8 = 8
_SHORT_VALID_PER_BROKEN = 3
# ftfy's badness patterns look at most this many characters around a non-ASCII one.
_MOJIBAKE_CONTEXT = 3


def normalise_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label, or None when Python does not know it.

    Args:
        label: A charset label as written by a server or page (`UTF8`, `iso-8859-1`, `gb2312`).

    Returns:
        A codec name (`utf-8`, `cp1252`, `gb18030`, ...), or None.
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("gb2312", "gbk", "x-gbk"):
        return "gb18030"  # superset; pages labelled gb2312 routinely use GBK characters
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    return _WHATWG_ALIASES.get(name, name)


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset declared by `<meta charset>`/`http-equiv` or an XML prolog in the page head."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def unmarked_utf16(data: bytes) -> str | None:
    """The UTF-16 codec of text saved without a byte-order mark, or None.

    Mostly-ASCII text in UTF-16 has a NUL in every other byte: in the odd places for
    little-endian, in the even places for big-endian. Binary data has NULs scattered.

    Args:
        data: Raw bytes.

    Returns:
        `"utf-16-le"`, `"utf-16-be"`, or None.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(sample) < _UTF16_MIN_BYTES:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd >= _UTF16_NUL_SHARE and even <= 1 - _UTF16_NUL_SHARE:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE and odd <= 1 - _UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when `data` is evidently not text (NUL bytes or many control bytes, no UTF-16)."""
    sample = data[:_SNIFF_BYTES]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if unmarked_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    return None


def _try_decode(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> str:
    best = from_bytes(data[:_DETECT_BYTES]).best()
    codec = normalise_charset(best.encoding) if best else None
    # Single-byte Latin code pages are hard to tell apart statistically; when windows-1252
    # (by far the most common on the web) fits the bytes as well, prefer it.
    if codec in _LATIN_FAMILY and _fits_cp1252(data[:_DETECT_BYTES]):
        codec = "cp1252"
    return data.decode(codec or "utf-8", errors="replace")


def _fits_cp1252(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(c.isalpha() or c in _WESTERN_PUNCTUATION for c in set(text) if not c.isascii())


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Latin-1 style mojibake, only where ftfy clearly detects it.

    Args:
        text: Decoded page text.

    Returns:
        The repaired text, or `text` itself when it shows no sign of mojibake.
    """
    if not text or text.isascii() or not is_bad(_non_ascii_context(text[:_MOJIBAKE_SAMPLE])):
        return text
    return ftfy.fix_text(
        text,
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
    )


def _non_ascii_context(text: str) -> str:
    # Mojibake is made of non-ASCII characters; scanning only them and their neighbours gives
    # ftfy the same verdict at a fraction of the cost on mostly-ASCII pages.
    spans: list[list[int]] = []
    for match in _NON_ASCII.finditer(text):
        start = max(match.start() - _MOJIBAKE_CONTEXT, 0)
        stop = match.end() + _MOJIBAKE_CONTEXT
        if spans and start <= spans[-1][1]:
            spans[-1][1] = stop
        else:
            spans.append([start, stop])
    return "\n".join(text[start:stop] for start, stop in spans)


def decode_html(data: bytes, *, declared_charset: str | None = None) -> str:
    """Decode a web page, trusting the declared charset only as far as the bytes agree.

    Order: a byte-order mark wins; then the HTTP charset, then `<meta charset>`; a declaration
    the bytes do not decode under (or a single-byte label on bytes that are valid UTF-8) is
    overruled by valid UTF-8 or by charset detection. Mojibake left in the text is repaired
    conservatively with ftfy.

    Args:
        data: Raw page bytes.
        declared_charset: Charset from the HTTP `Content-Type` header, if any.

    Returns:
        The page as text (possibly empty).
    """
    if not data:
        return ""
    text = _decode_bom(data)
    if text is None and (codec := unmarked_utf16(data)):
        text = data.decode(codec, errors="replace")
    if text is None:
        text = _decode_declared(data, declared_charset)
    return repair_mojibake(text)


def _decode_declared(data: bytes, declared_charset: str | None) -> str:
    candidates = [normalise_charset(declared_charset), normalise_charset(sniff_meta_charset(data))]
    utf8 = _decode_lenient(data, "utf-8")
    for codec in candidates:
        if codec is None:
            continue
        # Non-ASCII bytes that form valid UTF-8 are almost never legacy-encoded text: a page
        # labelled latin-1 that decodes as UTF-8 is a mislabelled UTF-8 page.
        if utf8 is not None and not utf8.isascii():
            return utf8
        text = _try_decode(data, codec)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    # A declared charset with a few undecodable bytes (a truncated page, one stray byte) is
    # still a better guess than statistics.
    for codec in candidates:
        text = _decode_lenient(data, codec)
        if text is not None:
            return text
    return _detect(data)


def mostly_utf8(valid: int, broken: int) -> bool:
    """Whether bytes with `valid` good and `broken` bad UTF-8 sequences are UTF-8 text.

    Args:
        valid: Non-ASCII characters that decoded as UTF-8.
        broken: Invalid byte sequences.

    Returns:
        True when valid sequences outnumber broken ones `_VALID_PER_BROKEN` times, or, for a
        short page, when a few broken ones (at most `_MAX_BROKEN_UTF8`) are outnumbered
        `_SHORT_VALID_PER_BROKEN` times by at least `_MIN_VALID_UTF8` valid ones.
    """
    if valid >= _VALID_PER_BROKEN * broken:
        return True
    return (
        broken <= _MAX_BROKEN_UTF8
        and valid >= _MIN_VALID_UTF8
        and valid >= _SHORT_VALID_PER_BROKEN * broken
    )


def _decode_lenient(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    if codec == "utf-8":
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err:
            text = data.decode(codec, errors="replace")
            if err.start >= len(data) - 4:
                return text  # a cut-off tail
            # A few broken sequences among many valid ones (an excerpt cut mid-character,
            # one stray byte) leave a UTF-8 page UTF-8; text in a legacy code page breaks
            # at nearly every non-ASCII character instead.
            bad = text.count("\ufffd")
            good = len(_NON_ASCII_CHAR.findall(text)) - bad
            return text if mostly_utf8(good, bad) else None
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    return text if text.count("\ufffd") <= max(2, len(text) // 1000) else None
