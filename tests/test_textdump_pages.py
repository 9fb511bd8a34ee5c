"""Text dumps that are not one plain article: consent walls, search results, right-to-left
scripts, two saved articles, Unicode line separators, German link labels, runaway sizes."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.extract import textdump
from newsdesk.extract.date_text import find_date
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.extract.textdump_dump import (
    Dump,
    body_line_ok,
    mark_links,
    mark_meta,
    rtl_byline_names,
)
from newsdesk.extract.textdump_lines import clean_text, is_prose, split_lines
from newsdesk.extract.textdump_links import match_header

SEED = Path(__file__).resolve().parent.parent / "samples" / "000_eff8da0c94a8cb24.txt"

PARAGRAPHS = [
    "Heavy rain caused rivers to burst their banks across the Emilia-Romagna region on Sunday, "
    "forcing the closure of the A14 motorway, officials said.",
    "Emergency crews evacuated more than 2,000 residents from low-lying villages as water levels "
    "rose through the night, the regional civil protection agency said.",
    "The regional president said damage would run into hundreds of millions of euros and asked "
    "the government in Rome to declare a state of emergency.",
    "Farmers said entire harvests had been lost and warned that prices for fruit and vegetables "
    "could rise in the coming weeks as a result.",
    "Forecasters expect more rain later in the week, and authorities have told residents in the "
    "affected areas to stay away from rivers and canals.",
]
ARTICLE = "\n\n".join(
    ["12 March 2023", "3 mins read", "Flooding closes main highway in northern Italy", *PARAGRAPHS]
)


# --- consent walls (audit H5) -------------------------------------------------------------------

CONSENT_EN = """We value your privacy

We and our 842 partners store and/or access information on a device, such as cookies and \
process personal data, such as unique identifiers and standard information sent by a device for \
personalised advertising and content, advertising and content measurement, audience research \
and services development.

With your permission we and our partners may use precise geolocation data and identification \
through device scanning. You may click to consent to our and our 842 partners' processing as \
described above. Alternatively you may access more detailed information and change your \
preferences before consenting or to refuse consenting.

Please note that some processing of your personal data may not require your consent, but you \
have a right to object to such processing. Your preferences will apply to this website only. \
You can change your preferences or withdraw your consent at any time by returning to this site \
and clicking the "Privacy" button at the bottom of the webpage.

MORE OPTIONS
DISAGREE
AGREE
"""

CONSENT_GOOGLE = """Sign in
Before you continue to Google
We use cookies and data to
Deliver and maintain Google services
Track outages and protect against spam, fraud and abuse
Measure audience engagement and site statistics to understand how our services are used and \
enhance the quality of those services
If you choose to 'Accept all', we will also use cookies and data to
Develop and improve new services
Deliver and measure the effectiveness of ads
Show personalised content, depending on your settings
Show personalised ads, depending on your settings
If you choose to 'Reject all', we will not use cookies for these additional purposes.
Non-personalised content is influenced by things like the content that you're currently \
viewing, activity in your active Search session, and your location. Non-personalised ads are \
influenced by the content that you're currently viewing and your general location. \
Personalised content and ads can also include more relevant results, recommendations and \
tailored ads based on past activity from this browser, like previous Google searches. We also \
use cookies and data to tailor the experience to be age-appropriate, if relevant.
Select 'More options' to see additional information, including details about managing your \
privacy settings. You can also visit g.co/privacytools at any time.
Reject all
Accept all
More options
Privacy · Terms
"""

CONSENT_DE = """Datenschutzeinstellungen

Wir und unsere 312 Partner speichern Informationen auf Ihrem Gerät und greifen darauf zu, etwa \
Kennungen, und verarbeiten personenbezogene Daten für personalisierte Werbung und Inhalte, \
Messung von Werbung und Inhalten sowie Zielgruppenforschung und die Entwicklung von Angeboten.

Mit Ihrer Einwilligung dürfen wir und unsere Partner genaue Standortdaten nutzen. Sie können \
Ihre Einwilligung jederzeit über den Link Datenschutz am Ende jeder Seite widerrufen oder \
anpassen; manche Partner berufen sich auf ein berechtigtes Interesse, dem Sie widersprechen \
können.

Einstellungen
Zustimmen
Alle akzeptieren
"""


@pytest.mark.parametrize(
    "text", [CONSENT_EN, CONSENT_GOOGLE, CONSENT_DE], ids=["privacy", "google", "de"]
)
def test_a_dump_of_only_a_consent_wall_is_no_article(text: str) -> None:
    assert extract_text_dump(text).page_type == "other"


def test_an_article_under_a_consent_banner_stays_an_article() -> None:
    banner = CONSENT_EN.split("\n\n", 2)[1]
    story = extract_text_dump(f"{banner}\n\nAccept all\nReject all\n\n{ARTICLE}")
    assert story.page_type == "article"
    assert PARAGRAPHS[0] in story.paragraphs


# --- search results and other teaser listings (audit M4) -------------------------------------


def _results(count: int, *, dated: bool = True, cut: bool = True) -> str:
    items = []
    for k in range(count):
        snippet = (
            "Officials said the new budget would fund schools, roads and hospitals across the "
            "region while critics argued that the plan ignored rising costs"
        )
        snippet = f"May {k + 1}, 2024 — {snippet}" if dated else snippet
        items.append(
            f"Budget row {k}: what happens next for the council\n{snippet}{'…' if cut else '.'}"
        )
    return "\n\n".join(items)


@pytest.mark.parametrize(
    ("text", "page_type"),
    [
        (f"Search results for: budget\n248 results\n\n{_results(10)}", "listing"),
        (f"Suchergebnisse für „Haushalt“\n\n{_results(4, dated=False, cut=False)}", "listing"),
        (f"12 résultats pour budget\n\n{_results(4)}", "listing"),
        # No search header: dated, cut-short snippets under each headline.
        (_results(8), "listing"),
        (_results(8, dated=False), "listing"),
        # A listicle: a subhead over each whole paragraph is an article.
        (_results(8, dated=False, cut=False), "article"),
    ],
    ids=["search-en", "search-de", "search-fr", "dated-cut", "cut", "listicle"],
)
def test_headline_and_snippet_pairs_make_a_listing(text: str, page_type: str) -> None:
    assert extract_text_dump(text).page_type == page_type


def test_teasers_under_an_article_leave_it_an_article() -> None:
    story = extract_text_dump(f"{ARTICLE}\n\n{_results(6)}")
    assert story.page_type == "article"
    assert story.title == "Flooding closes main highway in northern Italy"


# --- right-to-left scripts (audit M3) -----------------------------------------------------------

ARABIC = """الأحد 12 مارس 2023

فيضانات تغلق الطريق السريع الرئيسي في شمال إيطاليا

{byline}

تسببت الأمطار الغزيرة في فيضان الأنهار في منطقة إميليا رومانيا يوم الأحد، مما أدى إلى إغلاق الطريق \
السريع A14، حسبما قال مسؤولون.

وقامت فرق الطوارئ بإجلاء أكثر من ألفي ساكن من القرى المنخفضة مع ارتفاع منسوب المياه \
خلال الليل، وفقا لوكالة الحماية المدنية الإقليمية.

وقال رئيس المنطقة إن الأضرار ستصل إلى مئات الملايين من اليورو، وطلب من الحكومة في روما إعلان حالة \
الطوارئ في المناطق المتضررة.

وقال مزارعون إن محاصيل كاملة قد فقدت، وحذروا من أن أسعار الفاكهة والخضروات قد ترتفع في الأسابيع \
المقبلة نتيجة لذلك.
"""

HEBREW = """יום ראשון, 12 במרץ 2023

שיטפונות סוגרים את הכביש המהיר הראשי בצפון איטליה

{byline}

גשמים עזים גרמו לנהרות לעלות על גדותיהם באזור אמיליה-רומאניה ביום ראשון, מה שאילץ את סגירת הכביש \
המהיר, כך מסרו גורמים רשמיים.

צוותי חירום פינו יותר מאלפיים תושבים מכפרים נמוכים כאשר מפלס המים עלה במהלך הלילה, כך מסרה סוכנות \
ההגנה האזרחית האזורית.

נשיא האזור אמר כי הנזק יגיע למאות מיליוני יורו וביקש מהממשלה ברומא להכריז על מצב חירום באזורים \
שנפגעו.

חקלאים אמרו כי יבולים שלמים אבדו והזהירו כי מחירי הפירות והירקות עלולים לעלות בשבועות הקרובים.
"""


@pytest.mark.parametrize(
    ("template", "byline", "title", "authors"),
    [
        (
            ARABIC,
            "بقلم أحمد خالد",
            "فيضانات تغلق الطريق السريع الرئيسي في شمال إيطاليا",
            ["أحمد خالد"],
        ),
        (
            ARABIC,
            "كتب: أحمد خالد وسارة علي",
            "فيضانات تغلق الطريق السريع الرئيسي في شمال إيطاليا",
            ["أحمد خالد", "سارة علي"],
        ),
        (HEBREW, "מאת דנה לוי", "שיטפונות סוגרים את הכביש המהיר הראשי בצפון איטליה", ["דנה לוי"]),
    ],
    ids=["ar-biqalam", "ar-kataba-two", "he-meet"],
)
def test_right_to_left_dumps_read_headline_byline_and_date(
    template: str, byline: str, title: str, authors: list[str]
) -> None:
    story = extract_text_dump(template.format(byline=byline))
    assert story.page_type == "article"
    assert story.title == title
    assert story.authors == authors
    assert story.published_at == datetime(2023, 3, 12, tzinfo=UTC)
    assert story.summary is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("الأحد 12 مارس 2023", "2023-03-12"),
        ("١٢ كانون الثاني ٢٠٢٣", "2023-01-12"),
        ("الجمعة 8 فيفري 2019", "2019-02-08"),
        ("3 آب 2021", "2021-08-03"),
        ("יום ראשון, 12 במרץ 2023", "2023-03-12"),
        ("5 בדצמבר 2022", "2022-12-05"),
    ],
)
def test_arabic_and_hebrew_month_names_are_dates(text: str, day: str) -> None:
    found = find_date(text)
    assert found is not None and found[0].date().isoformat() == day


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("بقلم أحمد خالد - القاهرة", ["أحمد خالد"]),
        ("بقلم وليد سعيد", ["وليد سعيد"]),
        ("מאת דנה לוי ויוסי כהן", ["דנה לוי", "יוסי כהן"]),
        ("كتب جديدة في معرض القاهرة", []),  # "books", not "wrote"
        ("بقلم الكاتب 12", []),
        ("By Jane Porter", []),
    ],
)
def test_right_to_left_bylines(text: str, names: list[str]) -> None:
    assert rtl_byline_names(text) == names


# --- two saved articles in one dump (audit M5) -----------------------------------------------


def test_a_second_saved_article_is_not_appended_to_the_first() -> None:
    seed = SEED.read_text(encoding="utf-8")
    story = extract_text_dump(f"{ARTICLE}\n\n\n{seed}")
    assert story.title == "Flooding closes main highway in northern Italy"
    assert story.paragraphs == PARAGRAPHS


def test_a_dated_subhead_inside_an_article_does_not_end_it() -> None:
    update = "\n\n".join(["Updated: 13 March 2023", "Rescue work goes on", *PARAGRAPHS[:2]])
    story = extract_text_dump(f"{ARTICLE}\n\n{update}")
    assert story.paragraphs[-1] == PARAGRAPHS[1]
    assert len(story.paragraphs) == len(PARAGRAPHS) + 2


# --- Unicode line and paragraph separators (audit L6) -----------------------------------------


@pytest.mark.parametrize(
    ("newline", "blank"),
    [("\u2028", "\u2028\u2028"), ("\u2028", "\u2029"), ("\r\n", "\r\n\r\n")],
    ids=["line-separator", "paragraph-separator", "crlf"],
)
def test_unicode_separators_break_lines(newline: str, blank: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    expected = extract_text_dump(seed)
    text = seed.replace("\n\n", "\0").replace("\n", newline).replace("\0", blank)
    story = extract_text_dump(text)
    assert story.title == expected.title
    assert story.paragraphs == expected.paragraphs
    assert story.published_at == expected.published_at


# --- German link labels and outlet credit (audit L7) -----------------------------------------

SEED_DE = """Heute: 7. Oktober 2025
9. Oktober 2022
2 Min. Lesezeit

USA und Verbündete drängen Pakistan zur Stimme gegen Russland bei der UNO

Pakistan hatte sich damals gemeinsam mit China, Indien und anderen Ländern der Stimme \
enthalten, was eine scharfe Reaktion der europäischen Länder und der USA hervorrief…berichtet \
Asian Lite News

Die Vereinigten Staaten und ihre Verbündeten bemühen sich um die Unterstützung Pakistans für \
die Resolution, die nächste Woche in der Generalversammlung der Vereinten Nationen gegen \
Russland eingebracht werden soll, berichtete die Express Tribune.

Um maximale Unterstützung zu gewinnen, setzen die USA besonders auf die Länder, die sich im \
März bei einer ähnlichen Resolution enthalten hatten, hieß es in dem Bericht.

Pakistan hatte sich damals gemeinsam mit China, Indien und anderen Ländern der Stimme \
enthalten, was eine scharfe Reaktion der europäischen Länder und der USA hervorrief.

Pakistan hat in Bezug auf die russische Invasion der Ukraine ein empfindliches Gleichgewicht \
gewahrt, verzichtete aber darauf, Russland zu verurteilen.

LESEN SIE AUCH: Russland bereitet Gesellschaft auf möglichen Einsatz von Atomwaffen vor

Vorheriger Artikel

Katar schließt Abkommen mit Arbeitsministerium zur Reform der Rechte von Wanderarbeitern

Nächster Artikel

Inflation plagt türkische Senioren

Neueste aus -Top News

7. OKTOBER: Stoppt die Gewalt jetzt, sagt Guterres

Guterres erinnerte daran, dass die Angreifer mehr als 1.250 Menschen getötet haben….berichtet \
Asian Lite News UN-Generalsekretär Antonio Guterres forderte einen sofortigen Stopp der Gewalt

Piyush Goyal reist zu Handelsgesprächen nach Doha

Während des Besuchs werden beide Seiten voraussichtlich das geplante Freihandelsabkommen \
erörtern….berichtet Asian Lite News Handels- und Industrieminister Piyush Goyal wird reisen

Nicht verpassen

USA legen Veto gegen algerische Resolution für Waffenruhe in Gaza ein

Die Resolution lehnt die Zwangsumsiedlung der Palästinenser ab und fordert einen Waffenstillstand \
sowie freien Zugang für humanitäre Hilfe

Bush nennt den Abzug aus Afghanistan einen Fehler

Die Äußerung des früheren Präsidenten kommt inmitten einer Welle
"""


def test_german_seed_reads_its_link_blocks_and_outlet() -> None:
    story = extract_text_dump(SEED_DE)
    kinds = [link.kind for link in story.links]
    assert kinds.count("section_latest") == 2
    assert kinds.count("recommended") == 2
    assert {"also_read", "previous_story", "next_story"} <= set(kinds)
    assert story.section == "Top News"
    assert story.outlet == "Asian Lite News"
    assert story.summary is not None and story.summary.endswith("hervorrief")
    assert story.paragraphs[0].startswith("Die Vereinigten Staaten")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Nicht verpassen", "recommended"),
        ("À ne pas manquer", "recommended"),
        ("No te lo pierdas", "recommended"),
        ("Neueste aus Politik", "section_latest"),
        ("Mehr aus Lübeck", "section_latest"),
        ("Lo último de Política", "section_latest"),
        ("Auch lesen: Ein Titel", "also_read"),
        ("Vorheriger Beitrag", "previous_story"),
        ("Article précédent", "previous_story"),
        ("Artículo siguiente", "next_story"),
        ("Nachfolgender Beitrag »", "next_story"),
        ("Siehe auch", "related"),
        # Not headers: a word that only starts like a preposition, a comment sort order.
        ("Mehr Informationen", None),
        ("More information Privacy policy", None),
        ("Aktuelle Ausgabe", None),
        ("Neueste zuerst", None),
    ],
)
def test_link_headers_in_other_languages(line: str, kind: str | None) -> None:
    header = match_header(split_lines(line)[0])
    assert (header[0] if header else None) == kind


def test_two_buttons_on_one_line_are_no_link() -> None:
    story = extract_text_dump(f"{ARTICLE}\n\nVorheriges | Nächstes\n")
    assert story.links == []


# --- size cap and linear line work (audit M7) ---------------------------------------------------


def test_a_runaway_dump_is_cut_at_a_line_break_with_a_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(textdump, "MAX_TEXT_CHARS", len(ARTICLE) + 5)
    story = extract_text_dump(ARTICLE + "\n\n" + "Line number 1 of a menu\n" * 50)
    assert story.paragraphs == PARAGRAPHS
    assert len(story.notes) == 1
    assert story.notes[0].startswith(f"dump truncated to the first {len(ARTICLE) + 1} of ")


def test_a_dump_under_the_cap_has_no_note() -> None:
    assert extract_text_dump(ARTICLE).notes == []


def test_prose_runs_answer_as_a_scan_of_the_lines_does() -> None:
    """The prefix sums behind the teaser test give the old per-headline scan's numbers."""
    seed = SEED.read_text(encoding="utf-8")
    lines = split_lines(clean_text(f"{_results(5)}\n\n{seed}\n\n{ARTICLE}"))
    dump = Dump(lines)
    mark_meta(dump)
    mark_links(dump)
    runs = textdump._ProseRuns(dump, (0, len(lines) - 1))

    def scan(low: int, high: int) -> tuple[float, float]:
        content = [line for line in lines[low:high] if body_line_ok(dump, line)]
        prose = [is_prose(line) for line in content]
        total = sum(line.words for k, line in enumerate(content) if prose[k])
        running = sum(
            line.words
            for k, line in enumerate(content)
            if prose[k] and ((k > 0 and prose[k - 1]) or (k + 1 < len(content) and prose[k + 1]))
        )
        return total, running / total if total else 0.0

    rng = random.Random(7)
    for _ in range(300):
        low = rng.randrange(len(lines) + 1)
        high = rng.randrange(low, len(lines) + 1)
        assert runs.share(low, high) == pytest.approx(scan(low, high))


@pytest.mark.parametrize(
    ("text", "page_type"),
    [
        ("Page introuvable\n\nLa page que vous cherchez n'existe pas.\n\nAccueil\n", "error"),
        ("Seite nicht gefunden\n\nZur Startseite\n", "error"),
        ("Pagina niet gevonden\n\nTerug naar de homepage\n", "error"),
    ],
)
def test_error_dumps_in_other_languages(text: str, page_type: str) -> None:
    assert extract_text_dump(text).page_type == page_type
