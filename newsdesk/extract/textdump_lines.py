"""Line splitting and per-line features for plain-text page dumps.

A dump is cut into its non-empty lines; each `Line` carries the cheap features the extractor
scores (length in words, terminal punctuation, stopword density, title case, debris labels),
in the spirit of jusText / boilerpipe block features, with text lines standing in for blocks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from newsdesk.extract.date_text import find_date
from newsdesk.extract.textdump_labels import (
    ALL_STOPWORDS,
    BYLINE_PREFIX,
    CAPTION_PATTERN,
    COMMENTS_HEADER,
    COOKIE_PATTERN,
    CREDIT_PATTERN,
    DEBRIS_LABELS,
    DEBRIS_PREFIX,
    FOLLOW_WIDGET,
    FOOTER_PATTERN,
    LABELLED_LIST,
    NOTICE_PATTERN,
    POST_FILING,
    RIGHTS_RESERVED,
    SERVER_MESSAGE,
    SHARE_WORDS,
    fold,
)
from newsdesk.extract.textdump_meta import byline_names
from newsdesk.words import CJK

# Zero-width joiners (U+200C/D) stay: Persian and Indic spelling and emoji sequences need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?。！？…:;]['\"”’»)\]]*$")
_CODE = re.compile(r"[{};=<>\[\]]|^\s*(?://|#|\$ |>>>)|\(\)|=>|\w\(.*\)")
_COUNT_LINE = re.compile(
    r"^(?:\d[\d.,]*\s*[kKmM]?\s*(?:comments?|shares?|likes?|views?|reactions?|replies|"
    r"responses?|reads?)?|(?:comments?|shares?|likes?|views?)\s*[:(]?\s*\d[\d.,]*[kKmM]?\)?)$",
    re.IGNORECASE,
)
_FOOTER_COPYRIGHT = re.compile(
    rf"^(?:©|\(c\)|copyright\b)\s*(?:\d{{4}}\b|.{{0,80}}\b(?:{RIGHTS_RESERVED})\b)", re.I
)
_LIST_SEPARATOR = re.compile(r"\s[•·|]\s")
# The hidden label of a collapsed menu's button, which innerText runs into the site name
# after it ("Toggle navigation pix-bavaria").
_MENU_BUTTON = re.compile(
    r"^(?:toggle\s+(?:navigation|menu)|navigation\s+umschalten|men[üu]\s+umschalten)\b\s*",
    re.IGNORECASE,
)
# A full-stopped line this long and this capitalised is a Title Case headline.
_TITLE_STOP_MIN_WORDS = 5
_TITLE_STOP_MAX_WORDS = 20
_TITLE_STOP_CASE = 0.75
# "... in the U.S.", "Kleiderschrank & Co.": a full stop that ends an abbreviation, not a
# sentence.
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$|(?:&|\bund|\band)\s+(?:Co|Cie)\.$")
# A web address, or a news ticker's "[ 26. Februar 2020 ] " stamp: never the page's headline.
_NEVER_HEADLINE = re.compile(r"https?://|\bwww\.\w|^\[\s*[^\]]{0,30}\d{4}\s*\]")
_FILE_NAME = re.compile(
    r"^\S+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|mp4|mov|webm|mp3)$", re.IGNORECASE
)
# Hard-wrapped prose: lines cut at a fixed width of at least this many characters, each
# filling at least this share of it.
_WRAP_MIN_WIDTH = 40
_WRAP_FILL = 0.75
_WRAP_MIN_WORDS = 4
_LABEL_ROW_WORDS = 8
# A field label rendered on its own line ("By" / "Todd Bates", "Date" / "February 5, 2020")
# when the page puts label and value in separate blocks.
_BYLINE_LABELS = frozenset(
    fold(w)
    for w in (
        "by",
        "author",
        "authors",
        "written by",
        "posted by",
        "words by",
        "story by",
        "von",
        "autor",
        "autorin",
        "geschrieben von",
        "veröffentlicht von",
        "kommentar von",
        "par",
        "por",
    )
)
_DATE_LABELS = frozenset(
    fold(w)
    for w in (
        "date",
        "published",
        "published on",
        "posted",
        "posted on",
        "first published",
        "publication date",
        "updated",
        "last updated",
        "last modified",
        "datum",
        "veröffentlicht",
        "veröffentlicht am",
        "erstellt am",
        "aktualisiert",
        "publié le",
        "publicado",
    )
)
_LABEL_VALUE_MAX_WORDS = 8
_CONJUNCTIONS = frozenset({"and", "und", "et", "y", "e"})
_SHARE_CORE = frozenset(
    fold(w)
    for w in "share shares tweet facebook twitter linkedin email print whatsapp reddit "
    "pinterest telegram flipboard pocket messenger teilen twittern mailen drucken partager "
    "imprimer compartir imprimir condividi".split()
)


@dataclass
class Line:
    """One non-empty line of a dump with its features.

    Attributes:
        index: Position among the non-empty lines.
        text: The line, with spacing normalised.
        blank_before: Whether a blank line precedes it (a paragraph break in innerText).
        words: Word count; CJK characters count half a word each.
        terminal: Ends with sentence punctuation.
        stop_density: Share of tokens that are stopwords (any supported language).
        cjk: Mostly CJK script (word counts and stopwords mean little there).
        debris: Page furniture: a nav/share/cookie label, a count, a credit line.
        barrier: Ends the article: a comments header or a footer line.
        caption: Looks like a picture caption (ends with a credit).
        templated: One of a run of lines sharing their first words (menus, share rows,
            or a listing's headlines); such lines are also debris.
    """

    index: int
    text: str
    blank_before: bool
    words: float
    terminal: bool
    stop_density: float
    cjk: bool
    debris: bool
    barrier: bool
    caption: bool = False
    templated: bool = False

    @property
    def chars(self) -> int:
        """Length in characters."""
        return len(self.text)


def clean_text(text: str) -> str:
    """Normalise line endings, drop control and zero-width characters, fold odd spaces.

    Unicode's line and paragraph separators (U+2028, U+2029) break lines as a newline does; a
    paragraph separator leaves a blank line, as innerText does between paragraphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


def looks_binary(text: str) -> bool:
    """True for input that is not text: NUL bytes, replacement characters, control codes."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch in "\x00\ufffd" or (ch < " " and ch not in "\n\r\t\f\v"))
    return bad / len(sample) > 0.05


# A notice line repeated within this many lines is page furniture.
_NOTICE_MIN_WORDS = 8
_NOTICE_REACH = 4


def split_lines(text: str) -> list[Line]:
    """Cut cleaned dump text into featured non-empty lines, re-joining hard-wrapped prose."""
    raw_lines: list[tuple[str, bool]] = []
    blank = True
    for raw in text.split("\n"):
        stripped = _MENU_BUTTON.sub("", _SPACES.sub(" ", raw).strip())
        if not stripped:
            blank = True
            continue
        raw_lines.append((stripped, blank))
        blank = False
    lines = [
        make_line(index, stripped, blank)
        for index, (stripped, blank) in enumerate(join_field_labels(join_wrapped(raw_lines)))
    ]
    mark_repeated_prefixes(lines)
    mark_repeated_notices(lines)
    return lines


def mark_repeated_notices(lines: list[Line]) -> None:
    """Mark as debris a site notice shown twice a few lines apart (banner and its copy).

    Only notices (data protection, browser support, sign-up) count: an article may repeat a
    paragraph, a page repeats its notices.
    """
    recent: dict[str, int] = {}
    for line in lines:
        if line.words < _NOTICE_MIN_WORDS:
            continue
        seen = recent.get(line.text)
        if seen is not None and line.index - seen <= _NOTICE_REACH:
            if NOTICE_PATTERN.search(line.text) or COOKIE_PATTERN.search(line.text):
                line.debris = True
                lines[seen].debris = True
        recent[line.text] = line.index


def _blocks(raw_lines: list[tuple[str, bool]]) -> list[list[str]]:
    """Group lines into blocks: runs with no blank line between them."""
    blocks: list[list[str]] = []
    for text, blank in raw_lines:
        if blank or not blocks:
            blocks.append([])
        blocks[-1].append(text)
    return blocks


def _joinable(text: str) -> bool:
    return not (
        _TERMINAL.search(text)
        or "\t" in text
        or "│" in text
        or _LIST_SEPARATOR.search(text)
        or is_code(text)
    )


def _wrapped_block(block: list[str]) -> bool:
    """True for a block cut at a fixed width: most lines fill the width, few end sentences."""
    if len(block) < 3:
        return False
    width = max(len(text) for text in block)
    if width < _WRAP_MIN_WIDTH:
        return False
    body = block[:-1]
    full = sum(1 for text in body if len(text) >= _WRAP_FILL * width)
    open_ended = sum(1 for text in body if _joinable(text))
    # Lists of headlines also fill a width and end without punctuation, but in title case.
    headline_like = sum(1 for text in block if title_case_ratio(text) >= 0.6)
    # A fixed-width cut falls mid-sentence often, so many lines carry on in lower case.
    lower_starts = sum(1 for text in block[1:] if text[:1].islower())
    return (
        full >= 0.6 * len(body)
        and open_ended >= 0.5 * len(body)
        and headline_like <= 0.3 * len(block)
        and lower_starts >= 0.3 * len(body)
    )


def _continues(previous: str, text: str, wrapped: bool) -> bool:
    """True when `text` carries on the sentence `previous` left unfinished."""
    if not _joinable(previous) or is_code(text) or len(_WORD.findall(previous)) < _WRAP_MIN_WORDS:
        return False
    if (
        text[:1].islower()
        and len(_WORD.findall(text)) >= _WRAP_MIN_WORDS
        and not BYLINE_PREFIX.match(text)
        and title_case_ratio(previous) < 0.6
    ):
        return True
    return wrapped


def join_wrapped(raw_lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Re-join prose that was hard-wrapped into several lines (plain-text mail, RFCs, <br>).

    Inside a block, a line joins the previous one when that line leaves its sentence open
    and either this one starts in lower case, or the block is cut at a fixed width.

    Args:
        raw_lines: `(text, blank_before)` pairs of the non-empty lines.

    Returns:
        The same pairs with wrapped runs joined into one line each.
    """
    joined: list[tuple[str, bool]] = []
    for block in _blocks(raw_lines):
        wrapped = _wrapped_block(block)
        width = max(len(text) for text in block)
        current = block[0]
        first = True
        for text in block[1:]:
            last = current.rsplit("\n", 1)[-1]
            if _continues(last, text, wrapped) and (
                not wrapped or len(last) >= _WRAP_FILL * width or text[:1].islower()
            ):
                current = f"{current}\n{text}"
                continue
            joined.append((current.replace("\n", " "), first))
            current, first = text, False
        joined.append((current.replace("\n", " "), first))
    return joined


def _labelled_value(label: str, value: str) -> bool:
    """Whether `value` is what the field label `label` (alone on its line) announces."""
    key = fold(label.rstrip(":"))
    if len(value.split()) > _LABEL_VALUE_MAX_WORDS:
        return False
    if key in _BYLINE_LABELS:
        return bool(byline_names(f"By {value}", allow_bare=False))
    return key in _DATE_LABELS and find_date(value) is not None


def _short_name_part(text: str) -> bool:
    return len(text.split()) <= _LABEL_VALUE_MAX_WORDS // 2 and not _TERMINAL.search(text)


def join_field_labels(raw_lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join a byline or date label alone on its line to the value on the next line.

    Pages that set the label and the value in separate blocks dump them as two lines ("By"
    over "Todd Bates", "Date" over "February 5, 2020"); joined, they read as the byline
    and dateline they are. Two short lines around a lone "and" are joined the same way.

    Args:
        raw_lines: `(text, blank_before)` pairs of the non-empty lines.

    Returns:
        The same pairs, with each label and its value joined into one line.
    """
    joined: list[tuple[str, bool]] = []
    i = 0
    while i < len(raw_lines):
        text, blank = raw_lines[i]
        if (
            fold(text) in _CONJUNCTIONS
            and joined
            and i + 1 < len(raw_lines)
            and _short_name_part(joined[-1][0])
            and _short_name_part(raw_lines[i + 1][0])
        ):
            # "David Brand" / "and" / "Ramsey Khalifeh": one line of names, set in three.
            previous, previous_blank = joined.pop()
            joined.append((f"{previous} {text} {raw_lines[i + 1][0]}", previous_blank))
            i += 2
            continue
        if (
            i + 1 < len(raw_lines)
            and len(text) <= 20
            and _labelled_value(text, raw_lines[i + 1][0])
        ):
            joined.append((f"{text} {raw_lines[i + 1][0]}", blank))
            i += 2
            continue
        joined.append((text, blank))
        i += 1
    return joined


def mark_repeated_prefixes(lines: list[Line]) -> None:
    """Mark runs of short lines sharing their first two words as debris.

    Menus and share rows repeat a template ("Share on X", "Link externo, abre página ...");
    three such lines within five make a run.
    """
    keys = [_prefix_key(line) for line in lines]
    for i, key in enumerate(keys):
        if key is None:
            continue
        window = range(max(0, i - 4), min(len(lines), i + 5))
        same = [j for j in window if keys[j] == key]
        if len(same) >= 3 and _template_run(lines, same):
            lines[i].debris = True
            lines[i].templated = True


def _template_run(lines: list[Line], same: list[int]) -> bool:
    """True when lines sharing a prefix are a template: varied, or one label stacked up.

    A headline shown again a few lines down (with a pilcrow, under a share row) is no menu.
    """
    texts = [fold(lines[j].text) for j in same]
    if len(set(texts)) >= 3:
        return True
    return any(b == a + 1 and texts[k] == texts[k + 1] for k, (a, b) in enumerate(pairwise(same)))


def _prefix_key(line: Line) -> tuple[str, str] | None:
    if line.words > 14 or line.cjk:
        return None
    words = _LETTER_WORD.findall(line.text.lower())
    if len(words) < 3 or _WORD.findall(line.text.lower())[:2] != words[:2]:
        return None
    return words[0], words[1]


def make_line(index: int, text: str, blank_before: bool) -> Line:
    """Compute the features of one line."""
    cjk_chars = len(CJK.findall(text))
    tokens = _WORD.findall(text)
    latin_tokens = [t for t in tokens if not CJK.search(t)]
    words = len(latin_tokens) + cjk_chars / 2
    letter_words = [w.lower() for w in _LETTER_WORD.findall(text) if not CJK.search(w)]
    stops = sum(1 for w in letter_words if w in ALL_STOPWORDS)
    cjk = cjk_chars > len(latin_tokens)
    return Line(
        index=index,
        text=text,
        blank_before=blank_before,
        words=words,
        terminal=bool(_TERMINAL.search(text)),
        stop_density=stops / len(letter_words) if letter_words else 0.0,
        cjk=cjk,
        debris=is_debris(text, words),
        # A footer's "© 2020 Publisher. All rights reserved. ..." may run long (terms of use
        # after it); "© Provided by ..." is a picture credit, which may open a paragraph.
        # A post's filing line ("This entry was posted in ...") closes it, as a footer does.
        barrier=(words <= 25 and bool(COMMENTS_HEADER.search(text) or FOOTER_PATTERN.search(text)))
        or bool(_FOOTER_COPYRIGHT.match(text))
        or (words <= 40 and bool(POST_FILING.search(text))),
        caption=words <= 60 and bool(CAPTION_PATTERN.search(text)),
    )


def is_share_row(text: str) -> bool:
    """True for a row of share buttons ("Share  Tweet  Share", "Facebook Twitter Email")."""
    words = [fold(w) for w in _LETTER_WORD.findall(text)]
    if not words or len(words) > 14:
        return False
    return all(w in SHARE_WORDS for w in words) and any(w in _SHARE_CORE for w in words)


def is_label_row(text: str) -> bool:
    """True for a row of two or more interface labels ("Log out Sign in", "Sign in Register").

    The words must split, in order, into whole furniture labels of one to four words.
    """
    words = [fold(w) for w in _LETTER_WORD.findall(text)]
    if not 2 <= len(words) <= _LABEL_ROW_WORDS or _WORD.findall(text) != _LETTER_WORD.findall(text):
        return False
    # reach[i]: fewest labels covering words[:i] (None when they cannot be covered).
    reach: list[int | None] = [0] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for size in range(1, min(4, end) + 1):
            before = reach[end - size]
            label = "".join(words[end - size : end])
            if before is not None and len(label) > 1 and label in DEBRIS_LABELS:
                reach[end] = before + 1 if reach[end] is None else min(reach[end], before + 1)
    return reach[-1] is not None and reach[-1] >= 2


def is_debris(text: str, words: float) -> bool:
    """True when a line is page furniture rather than content."""
    if words <= 12 and fold(text) in DEBRIS_LABELS:
        return True
    if words <= 40 and LABELLED_LIST.match(text):
        return True
    if words <= 10 and DEBRIS_PREFIX.match(text):
        return True
    if words <= 6 and _COUNT_LINE.match(text):
        return True
    if words <= 14 and (is_share_row(text) or is_label_row(text)):
        return True
    if words <= 60 and COOKIE_PATTERN.search(text):
        return True
    if words <= 40 and FOLLOW_WIDGET.search(text):
        return True
    if words <= 16 and CREDIT_PATTERN.search(text):
        return True
    if _FILE_NAME.match(text) or SERVER_MESSAGE.match(text):
        return True
    return not _WORD.search(text) and not _CODE.search(text)


def is_code(text: str) -> bool:
    """True for a line that looks like program code (kept inside bodies, never scored up)."""
    return bool(_CODE.search(text)) and not text.endswith((".", "?", "!"))


def is_prose(line: Line) -> bool:
    """A line of running text: long, or medium and ending like a sentence."""
    if line.debris or line.barrier or len(_LIST_SEPARATOR.findall(line.text)) >= 2:
        return False
    if line.cjk:
        return line.words >= 12 or (line.words >= 6 and line.terminal)
    if line.words >= 20:
        return line.stop_density >= 0.08 or line.terminal
    return line.words >= 9 and line.terminal and line.stop_density >= 0.12


# A brand written in camel case opens headlines in lower case ("iMac 5K ...", "eBay ...").
_CAMEL_START = re.compile(r"[a-z]{1,5}[A-Z]\w*\b")


def is_heading_like(line: Line) -> bool:
    """A line that could be a headline: a few words, no sentence-final full stop."""
    if line.debris or line.barrier or line.caption:
        return False
    text = line.text
    if line.cjk:
        if not 3 <= line.words <= 45:
            return False
    elif not 2 <= line.words <= 32 or len(text) > 250:
        return False
    if _NEVER_HEADLINE.search(text):
        return False
    if (
        text.endswith((".", ",", ";", ":"))
        and not text.endswith(("...", "…"))
        and not _ABBREVIATION_END.search(text)
        and not _title_cased_statement(line)
    ):
        return False
    if text[:1].isdigit():
        # "3 surprising findings from ...": a number opens many headlines, in lower case after.
        return True
    first = next((ch for ch in text if ch.isalpha()), "")
    return not first or not first.islower() or bool(_CAMEL_START.match(text))


def _title_cased_statement(line: Line) -> bool:
    """A Title Case headline ending in a full stop ("... Community? So Do We.").

    Sentences of running text are not written in Title Case, so a short line ending in a
    full stop whose words are capitalised is still a heading.
    """
    return (
        line.text.endswith(".")
        and not line.text.isupper()  # an all-caps notice is not Title Case
        and _TITLE_STOP_MIN_WORDS <= line.words <= _TITLE_STOP_MAX_WORDS
        and title_case_ratio(line.text) >= _TITLE_STOP_CASE
    )


def title_case_ratio(text: str) -> float:
    """Share of letter words that start with a capital."""
    words = [w for w in _LETTER_WORD.findall(text) if not CJK.search(w)]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)
