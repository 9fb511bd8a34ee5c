"""Page furniture that body extraction lets through: calls to action, legal lines, ad labels.

Extractors keep a paragraph when it sits in the article container; sites put subscription
prompts, newsletter boxes, "follow us" lines, copyright notices and affiliate disclosures in
that same container. They share a small, site-independent vocabulary addressed to the reader
("sign up", "subscribe", "all rights reserved"), and are short. We drop such paragraphs at the
edges of the body (where sites put them), and a few unmistakable ones anywhere.
"""

from __future__ import annotations

import re

from newsdesk.extract.textdump_labels import (
    END_STRONG,
    END_WEAK,
    NAV_LABEL,
    POST_FILING,
    RIGHTS_RESERVED,
    SERVER_MESSAGE,
)

# Reader-directed furniture, grouped by what it asks or declares.
_FURNITURE = re.compile(
    r"|".join(
        (
            # subscriptions and paywalls
            r"\bsubscri(?:be|ber|bers|bing|ption|ptions)\b",
            r"\bsign(?:ing)?[ -]up\b",
            r"\bnewsletters?\b",
            r"\b(?:log|sign) ?in (?:for|to)\b",
            r"\bfull story\b",
            r"\bdownload (?:the|our)\b[^.]{0,40}\bapps?\b",
            # following and contacting the outlet
            r"\bfollow (?:us|me|him|her|them|(?-i:[A-Z])[\w.]*(?: (?-i:[A-Z])[\w.]*){0,3}) on\b",
            r"\bletters? to the editor\b",
            r"\bwe want to hear\b",
            r"\bdonate\b",
            # appeals for support
            r"\bwe rely on (?:your|the) (?:support|generosity)\b",
            r"\bmake (?:a|your) (?:contribution|donation)\b",
            r"\bsupport (?:our|local|independent) (?:journalism|news|reporting)\b",
            r"\bfunded by\b[^.]{0,40}\b(?:donations|donors|members|readers)\b",
            # legal lines and disclosures
            r"^\s*©",
            r"(?:©|\bcopyright\b)\s*(?:©\s*)?(?:19|20)\d\d\b",
            rf"\b(?:{RIGHTS_RESERVED})\b",
            r"\bcopyrighted\b",
            r"\bwritten permission\b",
            r"\b(?:trust|editorial) principles\b",
            r"\badvertis(?:e|ers|ing) (?:with|do not|does not)\b",
            r"\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)\b",
            r"\bcontains references to products\b",
            # sharing, rating and commenting prompts in other languages
            r"\bteile(?:n sie)? diese[nm]? (?:beitrag|artikel)\b",
            r"\b(?:möchten sie|willst du) (?:den|diesen) (?:artikel|beitrag) teilen\b",
            r"^war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\b",
            r"^(?:was this (?:article|page|post) (?:helpful|useful))\b",
            r"^(?:kommentare (?:sind )?geschlossen|comments (?:are )?closed)\b",
            r"\bpara comentar debes\b|^(?:jetzt|hier) (?:kostenlos )?(?:registrieren|anmelden)\b",
            r"\b(?:müssen sie|musst du) (?:eingeloggt|angemeldet) sein\b",
            r"\byou must be logged in to (?:post a )?comment\b",
            r"\b(?:bloggern gefällt das|bloggers like this)\b",
            r"\bif you enjoyed (?:reading )?this (?:post|article)\b",
            r"\bwould you consider supporting (?:our|us)\b",
            r"\bpour (?:lire la suite|accéder en illimité)\b",
            # an embed waiting for consent: "Klicken Sie auf den Button, um den Inhalt von
            # www.komoot.de zu laden."
            r"\bum den inhalt von\b.{0,60}\bzu laden\b",
            r"\bclick (?:on )?(?:the button )?(?:below )?to load the content\b",
            r"^video verfügbar bis\b",
            POST_FILING.pattern,
            # filing lines: "Category : Press Releases", "Last Modified: 03-10-2004"
            r"\b(?:categor(?:y|ies)|filed under|posted in|release date|last modified)\s*:",
        )
    ),
    re.IGNORECASE,
)
# A lone label or credit line, or the menu text of an embedded video player: never text,
# wherever it sits.
_LABEL = re.compile(
    r"^\(?(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|reklama|"
    r"publicidad|publicit[ée]|pubblicit[àa]|empfohlener redaktioneller inhalt|"
    r"(?:photo|image|picture)?\s*credits?:[^()]{0,80}|"
    r"(?:titelbild|beitragsbild|aufmacherbild|cr[ée]dits?\s+photos?|image\s+illustrative)"
    r"\s*:[^()]{0,120}|"
    r"(?:captions|subtitles|descriptions|chapters|audio track)(?: off)?, selected|"
    r"(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments?(?: \(\d+\))?|"
    r"this is a modal window\..*|"
    # what a script shows until it has loaded ("Kommentare werden geladen...")
    r"(?:\w+\s+){0,2}(?:loading|wird geladen|werden geladen|lädt|please wait|bitte warten|"
    r"chargement|cargando|caricamento)\s*(?:\.{3}|…))\)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w")
# Speaking to the reader: an imperative opening or "you"/"our".
_ADDRESS = re.compile(
    r"^(?:sign|subscribe|follow|download|get|join|register|click|never|want|submit)\b|"
    r"\b(?:you|your|our|us)\b",
    re.IGNORECASE,
)
# "3/50 Caption": a slide of an embedded gallery.
_SLIDE = re.compile(r"^(\d{1,3}) ?/ ?(\d{1,3})\b")
_MIN_SLIDES = 3
# "{{#topArticle.elements}} {{{title}}} ...": a script's template shown before it ran.
_TEMPLATE_TAG = re.compile(r"\{\{[#/^]?\s*[\w.]+\s*\}\}")
_MIN_TEMPLATE_TAGS = 2
# Furniture is a sentence or two; a paragraph this long is text that mentions such words.
_MAX_FURNITURE_WORDS = 45
# How far in from either edge furniture is looked for; inside the body only very short
# furniture (a one-line prompt) is dropped.
_EDGE = 3
_SHORT_WORDS = 25
# A related-links header ("Mehr zum Thema") this short, within this many paragraphs of the
# end, over teaser titles this short, is the page's, not the article's; inside the body it
# needs this many headline-like titles of at least this many words under it.
_TAIL = 6
_HEADER_WORDS = 8
_TEASER_WORDS = 20
_MIN_BOX_TITLES = 2
_MIN_TITLE_WORDS = 3
_TITLE_WORDS = 5
# A read-more button alone in a paragraph; teaser cards (title, snippet, button) close with
# one, at least this many in a row, each at most this many paragraphs long.
_READ_MORE = re.compile(
    r"^(?:(?:read|learn|see|find\s+out)\s+more|continue\s+reading|keep\s+reading|"
    r"mehr\s+(?:erfahren|lesen)|weiter\s*lesen|zum\s+(?:artikel|beitrag)|lire\s+la\s+suite|"
    r"en\s+savoir\s+plus|leer\s+m[áa]s|seguir\s+leyendo|leggi\s+(?:tutto|di\s+pi[ùu])|"
    r"czytaj\s+dalej)\s*(?:»|›|→|>|\.{3}|…)?$",
    re.IGNORECASE,
)
_MIN_CARDS = 2
_MAX_CARD = 4
# "… erläutert Hintergründe. mehr": a teaser's snippet run into its read-more link.
_TEASER_SNIPPET = re.compile(
    r"(?:[.!?]|\.{3}|…)\s*(?:read\s+more|more|mehr|weiter(?:lesen)?|"
    r"leer\s+m[áa]s|lire\s+la\s+suite|czytaj\s+dalej|więcej|lees\s+meer)\s*"
    r"(?:»|›|→|>|\.{3}|…)?$",
    re.IGNORECASE,
)
_MIN_SNIPPET_WORDS = 5
_SNIPPET_WORDS = 40
_HEADLINE_WORDS = 12


def is_furniture(paragraph: str) -> bool:
    """Whether one paragraph reads as page furniture rather than article text.

    Args:
        paragraph: One body paragraph.

    Returns:
        True for a short paragraph addressed to the reader (subscribe, follow, copyright...).
    """
    if _LABEL.match(paragraph.strip()) or SERVER_MESSAGE.match(paragraph.strip()):
        return True
    if len(paragraph.split()) > _MAX_FURNITURE_WORDS:
        return False
    return bool(_FURNITURE.search(paragraph))


def drop_furniture(
    paragraphs: list[str], *, drop_symbols: bool = True, drop_repeats: bool = True
) -> list[str]:
    """Drop page furniture from the body.

    Labels, empty table rows, repeated paragraphs and the slides of an embedded gallery go
    wherever they are; reader-directed furniture goes near the start or end of the body, or
    anywhere when it is very short.

    Args:
        paragraphs: Body paragraphs in order.
        drop_symbols: Drop paragraphs without a word character. Text dumps keep them: there
            a line of "]" or "}" belongs to a code listing.
        drop_repeats: Drop a paragraph equal to the one before it (HTML repeats a block for
            another screen size; a dump is what the reader saw, repeats included).

    Returns:
        The paragraphs without furniture (all of them when every paragraph looks like it, so a
        page that is only a notice keeps its text).
    """
    n = len(paragraphs)
    slides = _gallery_slides(paragraphs)
    dropped = set(slides) | _related_boxes(paragraphs) | _teaser_cards(paragraphs)
    dropped |= _teaser_snippets(paragraphs)
    for i, p in enumerate(paragraphs):
        if (
            (drop_symbols and not _WORD.search(p))
            or _LABEL.match(p.strip())
            or SERVER_MESSAGE.match(p.strip())
            or len(_TEMPLATE_TAG.findall(p)) >= _MIN_TEMPLATE_TAGS
        ):
            dropped.add(i)
        elif len(p.split()) <= _HEADER_WORDS and NAV_LABEL.match(p.strip()):
            dropped.add(i)
        elif is_furniture(p) and (i < _EDGE or i >= n - _EDGE or _is_prompt(p)):
            dropped.add(i)
    # "Example Newsletter" over its sign-up prompt: the box's title goes with the box.
    for i in sorted(dropped):
        if i > 0 and len(paragraphs[i - 1].split()) <= _TITLE_WORDS:
            if is_furniture(paragraphs[i - 1]):
                dropped.add(i - 1)
    kept: list[str] = []
    for i, p in enumerate(paragraphs):
        if i not in dropped and not (drop_repeats and kept and p == kept[-1]):
            kept.append(p)
    return kept or paragraphs


def _teaser_cards(paragraphs: list[str]) -> set[int]:
    """Read-more buttons, and the teaser cards they close at the end of the body.

    A lone "Read more" / "Weiterlesen" paragraph is a button. Two or more of them closing
    cards of the same size (a title and a snippet each) that run to the end of the body are
    a box of teasers, taken with the short header over it ("Zum Weiterlesen").
    """
    n = len(paragraphs)
    buttons = [i for i, p in enumerate(paragraphs) if _READ_MORE.match(p.strip())]
    dropped = set(buttons)
    if len(buttons) < _MIN_CARDS or buttons[-1] < n - _EDGE:
        return dropped
    size = buttons[-1] - buttons[-2]
    if not 2 <= size <= _MAX_CARD:
        return dropped
    first = len(buttons) - 1
    while first > 0 and buttons[first] - buttons[first - 1] == size:
        first -= 1
    start = buttons[first] - size + 1
    if start > 0 and _is_box_header(paragraphs[start - 1]):
        start -= 1
    return dropped | set(range(max(start, 0), n))


def _teaser_snippets(paragraphs: list[str]) -> set[int]:
    """Teasers whose snippet ends in its read-more link, with the headline over each.

    When the body opens with such a teaser (its first paragraph of a few sentences is one),
    or they hold half its words, the page is a list of them (a blog's front page, a
    press-release index) and they are its text.
    """
    dropped: set[int] = set()
    for i, p in enumerate(paragraphs):
        if len(p.split()) >= _MIN_SNIPPET_WORDS and _TEASER_SNIPPET.search(p):
            dropped.add(i)
            if i > 0 and _is_box_header(paragraphs[i - 1], _HEADLINE_WORDS):
                dropped.add(i - 1)
    opening = next((i for i, p in enumerate(paragraphs) if len(p.split()) > _TEASER_WORDS), None)
    teaser_words = sum(len(paragraphs[i].split()) for i in dropped)
    if opening in dropped or teaser_words * 2 >= sum(len(p.split()) for p in paragraphs):
        return set()
    return dropped


def _is_box_header(paragraph: str, max_words: int = _HEADER_WORDS) -> bool:
    text = paragraph.strip().rstrip("\"'“”„«»’)")
    return len(text.split()) <= max_words and not text.endswith((".", "!", "?", ";", ","))


def _related_boxes(paragraphs: list[str]) -> set[int]:
    """Related-links boxes: a "Related" / "Mehr zum Thema" header and the titles under it.

    Near the end, the header takes everything short after it; inside the body, the run of
    headline-like titles under it (no sentence punctuation), at least two of them.
    """
    n = len(paragraphs)
    dropped: set[int] = set()
    for i in range(1, n):
        header = paragraphs[i].strip()
        if len(header.split()) > _HEADER_WORDS or not (
            END_WEAK.match(header) or END_STRONG.match(header)
        ):
            continue
        if i >= n - _TAIL and all(len(p.split()) <= _TEASER_WORDS for p in paragraphs[i + 1 :]):
            return dropped | set(range(i, n))
        if not header[:1].isupper() or not END_WEAK.match(header):
            # Inside the body only a capitalised "Related" / "Mehr zum Thema" header opens a
            # box ("mehr aus unserem Leben ..." is a line of text).
            continue
        j = i + 1
        while j < n and _teaser_title(paragraphs[j]):
            j += 1
        if j - i - 1 >= _MIN_BOX_TITLES:
            dropped.update(range(i, j))
            continue
        j = i + 1
        while j + 1 < n and _teaser_card(paragraphs[j], paragraphs[j + 1]):
            j += 2
        if (j - i - 1) // 2 >= _MIN_BOX_TITLES:
            dropped.update(range(i, j))
    return dropped


def _teaser_card(title: str, snippet: str) -> bool:
    # A card: a headline (a question is one too) over a snippet of a sentence or two.
    headline = title.strip()
    return (
        len(headline.split()) <= _HEADLINE_WORDS
        and headline[:1].isupper()
        and not headline.endswith((".", ";", ",", ":"))
        and _MIN_SNIPPET_WORDS <= len(snippet.split()) <= _SNIPPET_WORDS
        and snippet.rstrip().endswith((".", "!", "?", "…"))
    )


def _teaser_title(paragraph: str) -> bool:
    # A headline: a few capitalised words without sentence punctuation ("2 tablespoons
    # butter" under "Ingredients" is a list item, not a teaser).
    text = paragraph.strip()
    return (
        _MIN_TITLE_WORDS <= len(text.split()) <= _TEASER_WORDS
        and text[:1].isupper()
        and not text.endswith((".", "!", "?", ":", ";"))
    )


def _is_prompt(paragraph: str) -> bool:
    # Inside the body, furniture must be short and speak to the reader: a story sentence
    # that mentions a subscription or a newsletter stays.
    return len(paragraph.split()) <= _SHORT_WORDS and bool(_ADDRESS.search(paragraph))


def _gallery_slides(paragraphs: list[str]) -> set[int]:
    # Captions numbered "k/N" with one N, at least a few of them: a slideshow, not the story.
    by_total: dict[str, list[int]] = {}
    for i, p in enumerate(paragraphs):
        match = _SLIDE.match(p)
        if match and 0 < int(match[1]) <= int(match[2]):
            by_total.setdefault(match[2], []).append(i)
    return {i for found in by_total.values() if len(found) >= _MIN_SLIDES for i in found}
