"""Given names, for telling a bare name on a dump line ("Jonathan Krase") from a label.

Languages that capitalise nouns make any two capitalised words look like a name ("Faire
Lieferketten", "Neueste Beiträge"). A bare line passes for a byline only with a known given
name leading it (`textdump_meta.names_a_person`). The names come from gender-guesser's
dictionary (Jörg Michael's list of about 45,000 first names from 54 countries), loaded once,
on first use.
"""

from __future__ import annotations

import functools
import unicodedata

import gender_guesser.detector as gender_detector


@functools.cache
def _detector() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """Whether `word` is a known first name in any language ("Matthias", "Nuño", "Ibtisam").

    Hyphenated first names count by their first part ("Benjamin-Immanuel"); the dictionary
    spells some names without accents, so a name is also tried with its accents removed.
    """
    word = word.strip(".,'’")
    if not word or not word[0].isalpha():
        return False
    detector = _detector()
    for form in (word, word.split("-")[0], _unaccented(word)):
        if form and detector.get_gender(form) != "unknown":
            return True
    return False


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
