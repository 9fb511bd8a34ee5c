"""Cheap language identification, good enough to keep non-English text away from an English model.

Scripts other than Latin decide at once (Cyrillic, Arabic, CJK, ...). Latin text is scored by
the share of its words that are frequent function words of each language; function words are
short, closed-class and dense in any running text, so a few dozen words suffice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it on was with as by at from are be this have has"
        " had not but an they which were will their said its would been who after also"
        " about more than when there or can over into he she his her him we you our what"
        " if out up just do did does them then these those very should could".split()
    ),
    "fr": frozenset(
        "le la les des du de et est une un que qui dans pour pas sur au aux avec ce cette"
        " il elle sont ont par plus mais ou nous vous leur été était".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine zu den dem mit von auf für sich des im auch"
        " es wird als bei sind nach wie aus noch wurde oder hat durch".split()
    ),
    "es": frozenset(
        "el la los las de del y que en un una es por con para se no al lo como más pero"
        " sus su fue ha este esta entre también desde".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della che e è un una per con non si sono nel nella alla"
        " anche come più ma dei delle questo stato".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e que em um uma para com não por se no na mais ao"
        " como foi mas seu sua também são pelo pela".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te zijn met voor niet die aan er ook als bij door"
        " maar om naar werd worden heeft nog uit".split()
    ),
    "sv": frozenset(
        "och att det som en på är av för med till den har inte om ett var de jag sig men"
        " från vid eller kan".split()
    ),
    "da": frozenset(
        "og at det som en på er af for med til den har ikke om et var de jeg sig men fra"
        " ved eller kan".split()
    ),
    "pl": frozenset(
        "i w na z się nie do że to jest o jak po przez dla od ale czy tak być które który"
        " została został".split()
    ),
    "tr": frozenset(
        "ve bir bu da de için ile olarak çok daha gibi ama en olan kadar sonra ise değil"
        " olan ya".split()
    ),
    "id": frozenset(
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh ada"
        " karena bahwa mereka".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: Scripts (first word of the Unicode character name) that settle the language by themselves.
_SCRIPT_LANGUAGE = {
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "TAMIL": "ta",
    "GURMUKHI": "pa",
    "GUJARATI": "gu",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "SINHALA": "si",
    "ETHIOPIC": "am",
    "KHMER": "km",
    "MYANMAR": "my",
}

#: Letters found in Urdu and Persian text but not in Arabic proper.
_URDU_LETTERS = frozenset("ٹڈڑںےۓ")
_PERSIAN_LETTERS = frozenset("پچژگ")


@dataclass(frozen=True)
class LanguageGuess:
    """A language guess.

    Attributes:
        code: ISO 639-1 code, or None when the text is too short or too mixed to tell.
        confidence: Share of the evidence that supports `code` (0..1).
    """

    code: str | None
    confidence: float


def _script_guess(text: str, sample_chars: int) -> LanguageGuess | None:
    scripts: Counter[str] = Counter()
    letters = 0
    for ch in text[:sample_chars]:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            scripts["LATIN"] += 1
            continue
        name = unicodedata.name(ch, "")
        scripts[name.split(" ", 1)[0] if name else "UNKNOWN"] += 1
    if not letters:
        return None
    script, count = max(
        ((s, c) for s, c in scripts.items() if s in _SCRIPT_LANGUAGE),
        key=lambda item: item[1],
        default=("", 0),
    )
    if not script or count / letters < 0.3:
        return None
    code = _SCRIPT_LANGUAGE[script]
    if code == "zh" and (scripts["HIRAGANA"] + scripts["KATAKANA"]):
        code = "ja"
    if code == "ar":
        sample = set(text[:sample_chars])
        if sample & _URDU_LETTERS:
            code = "ur"
        elif sample & _PERSIAN_LETTERS:
            code = "fa"
    return LanguageGuess(code, count / letters)


def detect_language(text: str, min_words: int = 8, sample_chars: int = 3000) -> LanguageGuess:
    """Guess the language of a text.

    Args:
        text: Running text (title, summary and first paragraphs are plenty).
        min_words: Below this many words of Latin script the guess is `None`.
        sample_chars: Only this many leading characters are examined.

    Returns:
        The guess; `code` is None when the text gives too little evidence.
    """
    by_script = _script_guess(text, sample_chars)
    if by_script is not None:
        return by_script
    words = [w.casefold() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < min_words:
        return LanguageGuess(None, 0.0)
    hits = Counter()
    for word in words:
        for code, stopwords in _STOPWORDS.items():
            if word in stopwords:
                hits[code] += 1
    if not hits:
        return LanguageGuess(None, 0.0)
    (best, best_hits), *rest = [*hits.most_common(2), ("", 0)]
    runner_up = rest[0][1]
    # Function words are a third or more of running text; short texts share some across
    # languages ("in", "met"), so a clear lead is required.
    if best_hits < 3 or best_hits / len(words) < 0.12 or best_hits < 2 * runner_up:
        return LanguageGuess(None, best_hits / (best_hits + runner_up))
    return LanguageGuess(best, best_hits / (best_hits + runner_up))


def primary_subtag(language: str | None) -> str | None:
    """The primary subtag of a BCP 47 tag ("en-GB" -> "en"), lower-cased; None if empty."""
    if not language:
        return None
    code = re.split(r"[-_]", language.strip(), maxsplit=1)[0].casefold()
    return code or None
