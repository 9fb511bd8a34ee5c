"""Turn an extractor's Story into a warehouse-ready record (identity, counts, date sanity)."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import datetime

import pycountry

from newsdesk.dates import check_published, to_utc
from newsdesk.identity import record_id_for, simhash, story_id_for
from newsdesk.model import Rejection, Story
from newsdesk.urls import normalize_url
from newsdesk.words import count_words

# Soft hyphens and word joiners are invisible; kept, they split words for search and NER.
# Zero-width joiners (U+200C/D) stay: Persian and Indic spelling and emoji sequences need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
#: Longest title kept; longer "titles" are body text that an extractor mistook.
MAX_TITLE_CHARS = 500
# Where an untitled story's first sentence ends, and how long a title taken from it may be.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_OPENING_CHARS = 100
#: Kinds whose items may lack a title: RSS 2.0 and JSON Feed allow untitled items (micro-blog
#: posts), and an export object with body text is a story (docs/formats.md). A page without
#: any title is rather not an article.
UNTITLED_KINDS = frozenset({"feed", "jsonl"})
# Language names pycountry does not know (native names, common English ones) -> ISO 639-1.
_LANGUAGE_NAMES = {
    "deutsch": "de", "français": "fr", "francais": "fr", "español": "es", "espanol": "es",
    "castellano": "es", "italiano": "it", "português": "pt", "portugues": "pt",
    "nederlands": "nl", "polski": "pl", "svenska": "sv", "dansk": "da", "norsk": "no",
    "suomi": "fi", "čeština": "cs", "magyar": "hu", "română": "ro", "türkçe": "tr",
    "русский": "ru", "українська": "uk", "ελληνικά": "el", "עברית": "he", "العربية": "ar",
    "हिन्दी": "hi", "中文": "zh", "日本語": "ja", "한국어": "ko", "bahasa indonesia": "id",
    "greek": "el", "farsi": "fa", "malay": "ms", "swahili": "sw", "nepali": "ne",
    "punjabi": "pa", "pashto": "ps", "kyrgyz": "ky", "mandarin": "zh",
}  # fmt: skip
# Withdrawn ISO 639-1 codes still written by old CMSs and Java locales.
_OLD_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}
# "Undetermined", "multiple", "no linguistic content", "missing": no language to filter on.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def clean_text(text: str | None) -> str | None:
    """NFC-normalise, drop control and invisible characters, collapse spaces; None when empty."""
    if text is None:
        return None
    text = _CONTROL.sub("", unicodedata.normalize("NFC", str(text)))
    text = _SPACES.sub(" ", text).strip()
    return text or None


def finalise_story(
    story: Story,
    *,
    raw_sha256: str,
    index: int,
    source_path: str,
    captured_at: datetime | None,
) -> Story | Rejection:
    """Derive identity and counts, apply date rules, and reject what is not a story.

    Args:
        story: What an extractor produced.
        raw_sha256: Hash of the raw object it came from.
        index: Position of this story within the raw object.
        source_path: Original path or URL, for users.
        captured_at: Fallback capture time (when the item arrived) if the extractor has none.

    Returns:
        The finished Story, or a Rejection saying why it is not one.
    """
    # An extractor that points inside the raw object (a WARC's "#record-N") said better
    # where the story is than its position among the object's stories.
    inside = bool(story.source_path and story.source_path.startswith(f"{source_path}#"))
    if inside:
        where = story.source_path
    else:
        where = source_path if index == 0 else f"{source_path}#{index}"
    if story.page_type != "article":
        return Rejection(where, raw_sha256, "extract", f"not a story: {story.page_type} page")
    story.title = clean_text(story.title)
    if story.title and len(story.title) > MAX_TITLE_CHARS:
        story.title = story.title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
        story.notes.append(f"title cut to {MAX_TITLE_CHARS} characters")
    story.paragraphs = [p for p in (clean_text(p) for p in story.paragraphs) if p]
    for name in ("summary", "outlet", "section", "language", "url", "canonical_url"):
        setattr(story, name, clean_text(getattr(story, name)))
    if not story.title:
        # A feed keeps a description-only item's text in `summary`.
        has_text = bool(story.paragraphs or (story.source_kind == "feed" and story.summary))
        if not has_text:
            return Rejection(where, raw_sha256, "extract", "no title and no text found")
        if story.source_kind not in UNTITLED_KINDS:
            return Rejection(where, raw_sha256, "extract", "no title found")
        # The warehouse and BI tools list stories by title: an untitled post is shown by
        # its opening words, as feed readers do, and says so.
        story.title = _opening_title(story)
        story.provenance["title"] = "heuristic"
        story.notes.append("no title given; title taken from the opening of the text")
    story.authors = _unique(clean_text(a) for a in story.authors)
    story.tags = _unique(clean_text(t) for t in story.tags)
    if story.language:
        story.language = language_code(story.language)
    _normalise_times(story, captured_at)
    if not inside:
        story.source_path = source_path
    story.raw_sha256 = raw_sha256
    story.record_id = record_id_for(raw_sha256, index)
    story.story_id = story_id_for(
        canonical_url=story.canonical_url,
        url=story.url,
        outlet=story.outlet,
        title=story.title,
        published_at=story.published_at,
    )
    body = story.body_text
    story.word_count = count_words(body)
    story.fingerprint = simhash(body)
    for i, link in enumerate(story.links):
        link.position = i
        link.title = clean_text(link.title)
        link.snippet = clean_text(link.snippet)
        link.section = clean_text(link.section)
    story.links = [link for link in story.links if link.title or link.url]
    return story


def _opening_title(story: Story) -> str:
    """The first sentence of an untitled story's text, cut at a word to `_OPENING_CHARS`."""
    text = (story.paragraphs[0] if story.paragraphs else story.summary) or ""
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= _OPENING_CHARS:
        return sentence
    cut = sentence[:_OPENING_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return f"{cut}…"


@functools.lru_cache(maxsize=1024)
def language_code(value: str) -> str | None:
    """The ISO 639-1 code of a language tag or name, else its ISO 639-3 code, else None.

    Args:
        value: A tag or name as a source writes it: ``en-GB``, ``en_US.UTF-8``, ``eng``,
            ``ger``, ``English``, ``Deutsch``, ``English (US)``.

    Returns:
        ``en``, ``de``... (``yue`` when the language has no two-letter code), or None when
        the value names no language ("und", "utf", "Klingonish").
    """
    text = value.strip().lower().replace("_", "-")
    primary = re.split(r"[-\s,;(/.]", text, maxsplit=1)[0]
    if re.fullmatch(r"[a-z]{2}", primary):
        primary = _OLD_CODES.get(primary, primary)
        return primary if pycountry.languages.get(alpha_2=primary) else None
    if re.fullmatch(r"[a-z]{3}", primary):
        if primary in _NO_LANGUAGE:
            return None
        found = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(
            bibliographic=primary
        )
        return _code_of(found) if found else None
    name = re.sub(r"\s*\(.*\)\s*$", "", text)
    for candidate in (name, primary):
        if candidate in _LANGUAGE_NAMES:
            return _LANGUAGE_NAMES[candidate]
        try:
            return _code_of(pycountry.languages.lookup(candidate))
        except LookupError:
            continue
    return None


def _code_of(language: object) -> str | None:
    code = getattr(language, "alpha_2", None) or getattr(language, "alpha_3", None)
    return None if code in _NO_LANGUAGE else code


def _normalise_times(story: Story, captured_at: datetime | None) -> None:
    if story.captured_at is None and captured_at is not None:
        story.captured_at = captured_at
    for name in ("published_at", "modified_at", "captured_at"):
        value = getattr(story, name)
        if value is not None:
            setattr(story, name, to_utc(value))
    published, note = check_published(story.published_at, story.captured_at)
    if note:
        story.notes.append(note)
        story.published_precision = None
    story.published_at = published
    if story.published_at is None:
        story.published_precision = None
    elif story.published_precision is None:
        story.published_precision = "second"
    modified, note = check_published(story.modified_at, story.captured_at)
    if note:
        story.notes.append(note.replace("published_at", "modified_at"))
    story.modified_at = modified


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.lower() not in {k.lower() for k in seen}:
            seen[value] = None
    return list(seen)


def link_key(url: str | None) -> str | None:
    """Normalised URL used to resolve a related link to a story."""
    return normalize_url(url)
