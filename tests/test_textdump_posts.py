"""Plain-text dumps of blog posts and pages in other languages: comment sections, user names,
consent banners in German and French, server errors and invisible characters."""

from __future__ import annotations

import pytest

from newsdesk.extract.date_text import leading_date_end
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.extract.textdump_dump import Dump, mark_meta
from newsdesk.extract.textdump_lines import is_debris, split_lines
from newsdesk.extract.textdump_links import match_header
from newsdesk.extract.textdump_meta import byline_names, names_a_person
from newsdesk.normalise import clean_text

TITLE = "Radtour durch Friedrichsfelde und Karlshorst"
POST = [
    "Am Sonntag sind wir bei schönstem Wetter mit den Rädern durch den Osten der Stadt "
    "gefahren, vorbei am Tierpark und an den alten Villen von Karlshorst.",
    "Die Strecke ist gut dreißig Kilometer lang und führt fast nur über ruhige Nebenstraßen, "
    "sodass man sie auch mit Kindern gut fahren kann.",
]
# A discussion far longer than the post above it.
COMMENTS = [
    (
        "Anna sagt:",
        "Was für eine schöne Tour! Wir sind sie letzten Sommer auch gefahren und haben am "
        "Ende noch ein Eis am Bahnhof gegessen, das war der perfekte Abschluss des Tages, "
        "und die Kinder haben noch Wochen später davon erzählt, wie schön es am Wasser war.",
    ),
    (
        "Bernd sagt:",
        "Danke für den Tipp mit den Nebenstraßen. Ich fahre sonst immer die große Straße "
        "entlang und ärgere mich jedes Mal über den Verkehr, die Ampeln und die Baustellen, "
        "deshalb werde ich eure Strecke am kommenden Wochenende gleich ausprobieren.",
    ),
    (
        "Clara sagt:",
        "Gibt es unterwegs eigentlich gute Stellen für eine Pause mit Picknick? Wir wollen "
        "im Mai mit der ganzen Familie fahren, die Großeltern kommen auch mit, und da wäre "
        "eine Wiese mit ein paar Bänken und etwas Schatten genau das Richtige für uns alle.",
    ),
]


def _post(*, head: str, title: str = TITLE, tail: str = "") -> str:
    comments = "".join(f"{who}\n2. Februar 2020 um 18:03\n{said}\n\n" for who, said in COMMENTS)
    return (
        f"Zum Inhalt springen\nMein Stadtblog\nStartseite\nÜber mich\n{head}{title}\n"
        f"2. Februar 2020 · Tine\n\n" + "\n\n".join(POST) + f"\n\nTeilen mit:\nGefällt mir:\n"
        f"3 Gedanken zu „{title}“\n{comments}{tail}Schreibe einen Kommentar\n"
        "Deine E-Mail-Adresse wird nicht veröffentlicht.\n"
    )


def test_a_short_post_above_a_long_discussion_is_the_article() -> None:
    story = extract_text_dump(_post(head=""))
    assert story.page_type == "article"
    assert story.title == TITLE
    assert story.paragraphs == POST
    assert story.published_at is not None and story.published_at.date().isoformat() == "2020-02-02"


def test_a_counted_comments_header_closes_a_post_far_shorter_than_its_thread() -> None:
    # Thesis-style blogs head the thread "{ N comments… read them below or add one }"; a
    # post of a paragraph and a list is the article, however long the discussion under it.
    ranking = "".join(f"{rank:02d}. Harbour number {rank}\n" for rank in range(1, 31))
    thread = "".join(
        f"Reader{k} June {k}, 2015 at 10:25 pm\n\n{said}\n\n"
        for k in range(1, 13)
        for _, said in COMMENTS[k % 3 : k % 3 + 1]
    )
    text = (
        "About Us\nLive Sessions\nSubscribe\n\nHarbour Notes - A Sailing Blog\n\n"
        "Sailing stories, harbour news and weekly boat reviews.\n\n"
        "The Thirty Best Harbours on the Baltic Coast\n\nby jo on December 4, 2006\n\n"
        f"{POST[0]}\n\n{POST[1]}\n\n{ranking}\nTweet\n\n"
        f"{{ 12 comments… read them below or add one }}\n\n{thread}"
    )
    story = extract_text_dump(text)
    assert story.title == "The Thirty Best Harbours on the Baltic Coast"
    assert story.paragraphs[:2] == POST
    assert not any("Eis am Bahnhof" in paragraph for paragraph in story.paragraphs)
    assert story.published_at is not None and story.published_at.date().isoformat() == "2006-12-04"


def test_a_site_name_and_tagline_over_the_posts_header_are_not_its_headline() -> None:
    # The tagline repeats the site name, so it reads as that name's deck; the headline with
    # the byline right under it is the post's own header.
    text = (
        "Über mich\nArchiv\n\nRadblog Berlin - Touren und Tipps\n\n"
        "Radblog Berlin, Touren, Tipps und Strecken für Familien.\n\n"
        "Ein Sonntag im Sattel\n\nvon Tine am 2. Februar 2020\n\n" + "\n\n".join(POST) + "\n"
    )
    story = extract_text_dump(text)
    assert story.title == "Ein Sonntag im Sattel"
    assert story.paragraphs == POST


@pytest.mark.parametrize(
    ("headline", "deck"),
    [
        (
            "Wild goats ruled this island for a century. Now, it is being reborn.",
            "The rocky island, once stripped of its plants and birds by invasive species, makes "
            "a quick comeback. What is the secret to its recovery?",
        ),
        (
            "Der Hafen ist gerettet. Vorerst.",
            "Nach langem Streit hat der Stadtrat das Geld für die Sanierung der Kaimauer "
            "bewilligt, doch die Reederei droht weiter mit dem Umzug.",
        ),
    ],
)
def test_a_headline_written_as_sentences_over_its_deck_and_byline(headline: str, deck: str) -> None:
    text = (
        "Skip to main content\nMAGAZINE\nENVIRONMENT\n"
        f"{headline}\n{deck}\nMonday, 6 January 2020\nBy Michael Harbour\n\n"
        + "\n\n".join(POST)
        + "\n"
    )
    story = extract_text_dump(text)
    assert story.title == headline
    assert story.paragraphs[-2:] == POST


# Teaser cards under the article: a kicker, a headline and a two-sentence snippet each.
MORE_ARTICLES = [
    (
        "Nachwuchs",
        "Jung, cool und mit Blasmusik durch den Sommer",
        "Warum verbringen junge Menschen ihre Freizeit mit Blasmusik? Zwei junge Frauen aus "
        "dem Glottertal und eine Band aus dem Hochschwarzwald erzählen von ihren Proben.",
    ),
    (
        "Bergwacht",
        "Bergwacht rettet Kletterer aus 15 Metern Höhe",
        "So einen Einsatz hat die Bergwacht selten: Ein junger Kletterer steigt bei Freiburg "
        "auf einen Baum. Auf dem Rückweg kommt er nicht mehr weiter und ruft um Hilfe.",
    ),
    (
        "Festival",
        "Neues Festival bringt Wein und Livemusik nach Breisach",
        "Im kommenden Jahr hat in Breisach ein Festival Premiere, das Livemusik mit Wein und "
        "guter Küche verbinden soll. Die ersten Bands für die Bühne am Rhein stehen fest.",
    ),
]


# A paywall's offer box: short lines of prices and buttons.
OFFER = (
    "Digital Basis\n3 € / Monat\nin den ersten 3 Monaten\nAlle Artikel online\nNews-App\n"
    "Jetzt weiterlesen\nnach 3 Monaten jederzeit kündbar\nRegistrieren\nkostenlos\nWeiter\n"
)


@pytest.mark.parametrize("header", ["Weitere Artikel", "Meistgelesene Artikel"])
def test_a_paywalled_article_is_not_outweighed_by_the_teasers_under_it(header: str) -> None:
    teasers = "".join(f"{kicker}\n{head}\n{snippet}\n" for kicker, head, snippet in MORE_ARTICLES)
    text = (
        f"Startseite\nLokales\nKontakt\nSemesterstart\n{TITLE}\nVon Lisa Petrich\n"
        f"Mi, 18. Oktober 2023 um 12:50 Uhr\n{POST[0]}\n{POST[1]}\n"
        "Bereits Abonnent/in? Anmelden\nJetzt diesen Artikel lesen!\n"
        f"Gleich können Sie weiterlesen!\n{OFFER}{OFFER}{header}\n{teasers}Impressum\n"
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Lisa Petrich"]
    assert story.paragraphs == POST


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        ("© 2019 Sven Schreivogel", ["Sven Schreivogel"]),
        ("© 2009-2012 Jonathan Krase. Impressum & Datenschutz", ["Jonathan Krase"]),
        (
            "Copyright (c) 2012- Gregory Szorc. All rights reserved. Design by CSS Templates.",
            ["Gregory Szorc"],
        ),
        ("About the Author - Florina Ionescu", ["Florina Ionescu"]),
        # A picture credit carries no year; companies and templates are no authors.
        ("© Hermann Bredehorst", []),
        ("© 2022 Quinta Digital GmbH | Cookie Einstellungen", []),
        ("Copyright 2022 SA LA NACION | Todos los derechos reservados", []),
        ("Copyright © 2016 Free Blogger Templates | Distributed By Gooyaabi Templates.", []),
    ],
)
def test_a_footer_names_the_author_of_a_post_without_a_byline(
    footer: str, authors: list[str]
) -> None:
    text = (
        f"Mein Stadtblog\nStartseite\n\n{TITLE}\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + f"\n\nImpressum\n{footer}\n"
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == authors


@pytest.mark.parametrize(
    "filing",
    [
        "This entry was posted in Allgemein. Bookmark the permalink.",
        "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin, gkc19.",
        "Vous avez lu 1 des 4 articles gratuits ce mois-ci.",
    ],
)
def test_a_posts_filing_line_closes_it(filing: str) -> None:
    sidebar = (
        "Du bist bei Facebook? Werde gemeinsam mit anderen ein Fan dieses Blogs und lies "
        "jeden neuen Beitrag als Erste oder Erster.\n"
    )
    text = (
        f"Mein Stadtblog\n\n{TITLE}\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + f"\n\n{filing}\n\n{sidebar}"
    )
    story = extract_text_dump(text)
    assert story.paragraphs == POST


def test_the_comments_header_names_the_headline() -> None:
    # One word is too short to pass for a headline on its own, and the blog's tagline is
    # heading-like; the comments header quotes the post's headline and settles it.
    text = (
        "Mein Stadtblog\nDas Leben, der Meister und ich…\nStartseite\nÜber mich\n"
        "Nebelsuppe\n2. Februar 2020 · Tine\n\n" + "\n\n".join(POST) + "\n\n"
        "Ein Gedanke zu „Nebelsuppe“\nAnna sagt:\nSchöne Tour!\n"
    )
    assert extract_text_dump(text).title == "Nebelsuppe"


def test_a_short_post_with_sidebar_headlines_is_not_a_listing() -> None:
    sidebar = "".join(
        f"Neueste Beiträge\nSpaziergang am {place} im Herbst\n"
        for place in ("Müggelsee", "Tegeler See", "Wannsee", "Schlachtensee", "Griebnitzsee")
    )
    text = (
        f"Mein Stadtblog\nElektro-Zapfsäulen.\n17/11/2019 ~ Cem Basman\n\n"
        "Ich würde ja in smarte Elektro-Zapfsäulen investieren. Wundere mich, dass es sie "
        f"noch nicht gibt.\n\nTeilen mit:\nSchreibe einen Kommentar\n{sidebar}"
        "Erstelle eine Website wie diese mit WordPress.com\n"
    )
    story = extract_text_dump(text)
    assert story.page_type == "article"
    assert story.title == "Elektro-Zapfsäulen."


# Outright credits name user names too.
OUTRIGHT_CREDITS = [
    ("Autor: Cem Basman", ["Cem Basman"]),
    ("Autor: gnaddrig", ["gnaddrig"]),
    ("Posted by gnaddrig", ["gnaddrig"]),
    ("Author: c1ph4", ["c1ph4"]),
    ("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie", ["gnaddrig"]),
    # A bare "by" and a newsroom's sign-off name no one.
    ("by default", []),
    ("Autor: red", []),
    ("Autor des Buches ist", []),
]


@pytest.mark.parametrize(
    ("line", "debris"),
    [
        (
            "Wir verwenden Cookies auf unserer Website, um Ihnen die relevanteste Erfahrung zu "
            "bieten, indem wir uns an Ihre Präferenzen erinnern.",
            True,
        ),
        ("Diese Website verwendet Cookies, um Ihre Erfahrungen zu verbessern.", True),
        ("Ce site utilise des cookies pour améliorer votre expérience de navigation.", True),
        # A blog's follow-by-email widget.
        ("Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.", True),
        (
            "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail "
            "Benachrichtigungen über neue Beiträge zu erhalten.",
            True,
        ),
        (
            "Enter your email address to follow this blog and receive notifications of new "
            "posts by email.",
            True,
        ),
        ("Schließe dich 600 Followern an", True),
        ("Join 66,707,982 other followers", True),
        ("Rejoignez 1 234 autres abonnés", True),
        ("Teilen Sie dies mit:", True),
        ("Anzeige", True),
        ("Reklama", True),
        (
            "Geben Sie Ihre E-Mail-Adresse an, um diesen Blog zu abonnieren und "
            "Benachrichtigungen über neue Beiträge via E-Mail zu erhalten.",
            True,
        ),
        ("Send me email every new post.", True),
        ("Jetzt kommentieren", True),
        # An article that mentions e-mail and a blog is text.
        ("Die Leser schrieben uns per E-Mail, dass sie den Artikel gut fanden.", False),
        ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", True),
        (
            "Warning: mysql_get_server_info(): Access denied for user ''@'localhost' (using "
            "password: NO) in /www/htdocs/wordpress/wp-content/plugins/tagging.php on line 299",
            True,
        ),
        ("Die Kekse (Cookies) backen zwölf Minuten bei 180 Grad im Ofen.", False),
        ("Warning: the bridge will close on Monday for repairs, the council said.", False),
    ],
)
def test_consent_texts_and_server_errors_are_debris(line: str, debris: bool) -> None:
    assert is_debris(line, len(line.split())) is debris


@pytest.mark.parametrize(
    "footer",
    [
        "© 2022 Beispiel Verlag GmbH. Alle Rechte vorbehalten.",
        "2022 - Todos los derechos reservados.",
        "Copyright © 2021 Exemple SA, tous droits réservés",
        "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.",
    ],
)
def test_rights_reserved_notices_in_other_languages_end_the_article(footer: str) -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\n2. Februar 2020\n\n" + "\n\n".join(POST) + f"\n\n{footer}\n"
        "Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem haben wir jede Menge "
        "praktische Tipps und Tricks für zu Hause, die wir hier jede Woche mit euch teilen.\n"
    )
    assert extract_text_dump(text).paragraphs == POST


def test_a_menu_buttons_hidden_label_is_not_text() -> None:
    lines = split_lines("Toggle navigation FlowFX\nToggle navigation\nMenü umschalten Start")
    assert [line.text for line in lines] == ["FlowFX", "Start"]


def test_soft_hyphens_are_dropped_from_dumps_and_stories() -> None:
    story = extract_text_dump(_post(head="", title="Rad\u00adtour durch Friedrichs\u00adfelde"))
    assert story.title == "Radtour durch Friedrichsfelde"
    assert clean_text("Bundes\u00adregierung\u2060 und Mi\u200dnisterium") == (
        "Bundesregierung und Mi\u200dnisterium"
    )


@pytest.mark.parametrize(
    "line", ["vor 4 Monaten", "vor einer Woche", "il y a 3 heures", "hace 2 horas", "2 ore fa"]
)
def test_relative_times_in_other_languages_are_datelines(line: str) -> None:
    dump = Dump(split_lines(f"{TITLE}\n{line}\n"), day_first=True)
    mark_meta(dump)
    assert dump.meta == {1}


def test_teaser_titles_parted_by_dates_are_each_a_link() -> None:
    teasers = [
        "Transfer! Stürmer reist aus dem Trainingslager ab",
        "Aufbau und System: Reibungen sind gut",
        "Kaderplanung: Es ist vieles am Köcheln",
        "Trainer schreibt den Kapitän noch nicht ab",
    ]
    box = "".join(f"vor {n} Tagen\n{title}\n" for n, title in enumerate(teasers, 2))
    text = (
        f"Mein Stadtblog\n{TITLE}\n2. Februar 2020 · Tine\n\n" + "\n\n".join(POST) + "\n\n"
        f"Mehr zum Thema\n{box}Zum Seitenanfang »\n"
    )
    story = extract_text_dump(text)
    assert [(link.title, link.snippet) for link in story.links] == [(t, None) for t in teasers]


@pytest.mark.parametrize(
    ("name", "common", "person"),
    [
        ("Jonathan Krase", "", True),
        ("Nuño Domínguez", "", True),
        ("Mrs H Pyke", "", True),
        ("R.C. Baker", "", True),
        # Capitalised nouns and labels name no one.
        ("Faire Lieferketten", "", False),
        ("Neueste Beiträge", "", False),
        ("Britax Affinity", "", False),
        # A given name that the page also writes as a common word ("take note").
        ("Take Note", "take a note", False),
        ("Alle Meldungen", "alle anderen", False),
    ],
)
def test_a_bare_name_needs_a_known_given_name(name: str, common: str, person: bool) -> None:
    assert names_a_person([name], frozenset(common.split())) is person


def test_a_label_under_the_headline_is_no_byline_and_the_headline_stays() -> None:
    text = (
        "Mein Stadtblog\nFaire Lieferketten\nUnstillbares Heimweh\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + "\n"
    )
    story = extract_text_dump(text)
    assert story.title == "Unstillbares Heimweh"
    assert story.authors == []


@pytest.mark.parametrize(
    ("line", "share"),
    [
        ("Teilen Twittern", True),
        ("Teilen Pin it Mailen Drucken", True),
        ("Cerrar Compartir en Linkedin Compartir en Pinterest", True),
        ("Partager sur Facebook Partager sur Twitter", True),
        ("Auf Facebook teilen Auf Twitter teilen", True),
        ("Per E-Mail teilen", True),
        # Words of a share row inside a headline do not make it one.
        ("Facebook en el Congreso", False),
    ],
)
def test_share_buttons_in_other_languages_are_debris(line: str, share: bool) -> None:
    assert is_debris(line, len(line.split())) is share


def test_a_sentence_that_mentions_a_date_is_text_not_a_dateline() -> None:
    sentence = (
        "Die Ticketpreise im Verbund werden ab 1. Januar 2024 um durchschnittlich "
        "12,7 Prozent angehoben."
    )
    text = f"Mein Stadtblog\n{TITLE}\n2. Februar 2020\n\n{sentence}\n\n" + "\n\n".join(POST)
    story = extract_text_dump(text + "\n")
    assert story.paragraphs[0] == sentence or story.summary == sentence
    assert story.published_at is not None and story.published_at.date().isoformat() == "2020-02-02"


def test_the_dateline_under_the_first_copy_of_a_repeated_headline_is_read() -> None:
    # A player box repeats the headline under its dateline.
    text = (
        f"Mein Stadtblog\n{TITLE}\n23/10/2020\npartager\nPlay / pause\nJavaScript is required.\n"
        f"0:00\n/\n0:00\nvolume\n{TITLE}\n"
        "< previous\n> next\nDurée de l'audio 4:22\n\n" + "\n\n".join(POST) + "\n"
    )
    story = extract_text_dump(text)
    assert story.published_at is not None and story.published_at.date().isoformat() == "2020-10-23"


def test_a_dateline_under_the_articles_share_buttons_is_read() -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\n\n" + "\n\n".join(POST) + "\n\nHomepage: www.example.de\n"
        "Spendenkonto bei der Stadtsparkasse\nteilen\ntwittern\nteilen\nE-Mail\nDrucken\nMerken\n"
        "8. November 2021\nUnser Programm\n"
    )
    story = extract_text_dump(text)
    assert story.published_at is not None and story.published_at.date().isoformat() == "2021-11-08"


@pytest.mark.parametrize(
    "trail",
    [
        "Home / Fotografie / 2017 / Januar / Radtour durch Friedrichsfelde",
        "Sie sind hier:Home»Newsarchiv»Radtour durch Friedrichsfelde",
        "Home ›› Blog im Überblick ›› Blog",
    ],
)
def test_breadcrumb_trails_in_their_many_shapes_are_no_headline(trail: str) -> None:
    # The trail carries the dateline under it; the headline stands over the text.
    text = (
        f"Mein Stadtblog\nStartseite\nÜber mich\nKontakt\n{trail}\n2. Februar 2020\n"
        "Radtour durch Friedrichsfelde\n\n" + "\n\n".join(POST) + "\n"
    )
    assert extract_text_dump(text).title == "Radtour durch Friedrichsfelde"


@pytest.mark.parametrize(
    ("headline_line", "title"),
    [
        # A kicker run into the headline, which the page also shows alone (share text).
        ("Lokales Lübeck Radtour durch Friedrichsfelde und Karlshorst", TITLE),
        ("StartseiteBlogRadtour durch Friedrichsfelde und Karlshorst", TITLE),
        # A rubric set off by a colon stays: it may be part of the headline.
        (f"Reisetipp: {TITLE}", f"Reisetipp: {TITLE}"),
    ],
)
def test_a_kicker_run_into_the_headline_goes_when_the_headline_is_shown_alone(
    headline_line: str, title: str
) -> None:
    text = (
        f"Mein Stadtblog\n{headline_line}\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + f"\n\nTeilen mit:\n{TITLE}\n"
    )
    assert extract_text_dump(text).title == title


# Credit phrases with dates around the name.
DATED_CREDIT_PHRASES = [
    ("Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Creeny", ["Creeny"]),
    ("Geschrieben von Cooper am 25.08.2015 22:30 (1599 x gelesen)", ["Cooper"]),
    ("Eingestellt von Weinlachgummi um 10:52", ["Weinlachgummi"]),
    ("EINGESTELLT VON DER MICHEL UM 21:11", ["Der Michel"]),
    ("Verfasst von: mitundvoneinander | 31. Dezember 2008", ["mitundvoneinander"]),
    ("von eseppelt · 31. Oktober 2023", ["eseppelt"]),
    # Several names after a plain "Posted by" are all read.
    (
        "Posted by Nathan Parker, Eric Mill and Kiran C Nair - Chrome Safe Browsing team",
        ["Nathan Parker", "Eric Mill", "Kiran C Nair"],
    ),
    # "von" and "by" in running text name no one.
    ("Das Haus von Peter Müller", []),
    ("Wir fahren von Berlin nach Hamburg", []),
]


def test_a_labelled_author_line_anywhere_names_the_author() -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + "\n\nFotos: Helmut Elstrodt, Frank Jäger\nAutor: Klausmartin Friedrich\n"
        "Weitere Beiträge\nRadtour am Müggelsee im Herbst\n"
    )
    assert extract_text_dump(text).authors == ["Klausmartin Friedrich"]


def test_an_author_label_among_the_parts_of_a_meta_line_names_the_author() -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\n"
        "22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute\n\n"
        + "\n\n".join(POST)
        + "\n\nWeitere Beiträge\nRadtour am Müggelsee im Herbst\n"
    )
    assert extract_text_dump(text).authors == ["c1ph4"]


# A bare name after the date and time.
NAMES_AFTER_DATE_AND_TIME = [
    ("11.12.2019 - Amelie Loevenich", ["Amelie Loevenich"]),
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
    # What follows the date must be names only.
    ("11.12.2019 - Neue Regeln für Radfahrer in der Stadt", []),
    ("11.12.2019 - Köln - Amelie Loevenich", []),
]


def test_a_byline_block_with_the_date_before_the_name_over_the_headline() -> None:
    text = (
        "Mein Stadtblog\nNews\nAktuelle Meldungen\n04.02.2022 | 13:10 Uhr | Uta Helkenberg\n"
        f"{TITLE}\n" + "\n".join(POST)
    )
    assert extract_text_dump(text).authors == ["Uta Helkenberg"]


# A text credit names the author, not the illustrator.
TEXT_CREDITS = [
    ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
    ("Text: Harald Willenbrock, Fotos: Max Muster", ["Harald Willenbrock"]),
    ("Texte de Marie Curie", ["Marie Curie"]),
]


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("2. Februar 20202. Februar 2020 Alexander Roll", " Alexander Roll"),
        ("17/11/201917/11/2019 ~ Cem Basman", " ~ Cem Basman"),
        ("September 17, 2019 Helmut Rubik 0", " Helmut Rubik 0"),
        ("Helmut Rubik 2019", None),
    ],
)
def test_the_date_a_line_opens_with_and_a_glued_second_date(line: str, rest: str | None) -> None:
    end = leading_date_end(line)
    assert (line[end:] if end is not None else None) == rest


# Dated meta lines name the author.
DATED_META_LINES = [
    # A blog's meta line: date, author, then a comment count or categories.
    ("2. Februar 20202. Februar 2020 Alexander Roll 1 Kommentar Inklusion", ["Alexander Roll"]),
    ("16. Mai 2019 Markus Elsberger Netzwerk, Windows 2", ["Markus Elsberger"]),
    ("1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen", ["Steffi"]),
    ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", ["Ulrike Stockhausen"]),
    # A sentence or a headline after a date names no one.
    ("3. März 2020 Anna sagte heute", []),
    ("12. Mai 2020 Angela Merkel sagte im Bundestag, dass es so nicht weitergeht.", []),
    ("3. März 2020 Neue Regeln für alle", []),
    # The date after the name.
    ("Jon Nitz am 24. Januar 2022 um 15:47", ["Jon Nitz"]),
    ("Marie Dupont le 3 mai 2021", ["Marie Dupont"]),
    ("von Diane Buckstegge Veröffentlicht am 1. Mai 2019", ["Diane Buckstegge"]),
]


# Capital surnames, gender-star labels and roles.
CAPITAL_SURNAMES_AND_STAR_LABELS = [
    # A surname in capitals after a known given name (the French style).
    ("Par Chokri GHARBI", ["Chokri GHARBI"]),
    ("Par Jean DUPONT et Marie CURIE", ["Jean DUPONT", "Marie CURIE"]),
    ("By Golem Python API", []),
    # After a full name, a single word is the employer, the wire or the place.
    ("By Bob Yirka, Phys.org", ["Bob Yirka"]),
    ("Von Steffen PACHE, Köllitsch", ["Steffen PACHE"]),
    # Labels with a gender star, roles after the name.
    ("Kolumnist*in: Evan Tepest", ["Evan Tepest"]),
    ("Autor*in: Kim Lee", ["Kim Lee"]),
]


# Bare names with a role after them.
NAMES_WITH_A_ROLE = [
    ("Harald Bauer Autor", ["Harald Bauer"]),
    ("Hans Wolf Redakteur Politik", ["Hans Wolf"]),
    ("San Mateo County UBI", []),
]


# A picture credit is no byline.
PICTURE_CREDITS = [("© Wiebke Jann", []), ("(c) Karina Hessland-Wissel", [])]


# An author word without a colon opens a byline.
AUTHOR_WORDS_WITHOUT_COLON = [
    ("Autor Nikolai Huke,", ["Nikolai Huke"]),
    ("Autoren Jelko Djuren und Jutta Klaukien", ["Jelko Djuren", "Jutta Klaukien"]),
    ("AUTOR/IN Julius Richter", ["Julius Richter"]),
    ("Verfasser Hans Meier", ["Hans Meier"]),
    ("Autor Max Frisch im Porträt: Ein Leben", []),
    # A menu's "Authors / Submit" names a button, not a person.
    ("Authors / Submit", []),
    # The outlet after the name comes off.
    (
        "Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International",
        ["Sarah Schnieder"],
    ),
    # A headline that opens with the word quotes something; a byline does not.
    ("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»", []),
    ('By "popular demand", the Fair Returns', []),
]


def test_the_comment_form_ends_the_article() -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\n2. Februar 2020\n\n"
        + "\n\n".join(POST)
        + "\n\nIhr Kommentar wird von einem Moderator überprüft.\nKommentar *\nName *\n"
        "E-Mail (wird nicht veröffentlicht) *\nWebsite\n"
        "Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem haben wir jede Menge "
        "praktische Tipps und Tricks für zu Hause, die wir hier jede Woche mit euch teilen.\n"
        "In diesem Blog schreiben Kollegen und Fans zu buntgemischten Themen aus dem "
        "Audio-Universum, und jeder ist herzlich eingeladen, selbst mitzuschreiben.\n"
    )
    assert extract_text_dump(text).paragraphs == POST


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Lea también: Impiden ingreso a Nicaragua a reportera", "also_read"),
        ("VEA TAMBIÉN: Entre heces y guaricha", "also_read"),
        ("Veja Também: Pacheco e o STF", "also_read"),
        ("Czytaj też: Były dowódca wojsk USA", "also_read"),
        ("Zobacz także", "also_read"),
        ("Das könnte Dich auch interessieren:", "also_read"),
        ("También te puede interesar", "also_read"),
        ("Die meistgelesenen Artikel", "recommended"),
        ("Beliebte Beiträge zum Thema:", "recommended"),
        ("Top Themen der Redaktion", "recommended"),
        ("TEMAS RELACIONADOS", "related"),
        # A "read on" button after a teaser opens no block.
        ("Weiterlesen", None),
    ],
)
def test_related_link_headers_in_other_languages(header: str, kind: str | None) -> None:
    line = split_lines(header)[0]
    found = match_header(line)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # Outside English a numeric date is day first, unless the page's own dates say not.
        (POST, "2022-07-05"),
        ([*POST, "Aktualisiert am 12/13/2022."], "2022-05-07"),
    ],
)
def test_numeric_dates_follow_the_pages_language(body: list[str], day: str) -> None:
    text = f"Mein Stadtblog\n{TITLE}\n05/07/2022\n\n" + "\n\n".join(body)
    published = extract_text_dump(text).published_at
    assert published is not None and published.date().isoformat() == day


def test_the_same_dated_name_over_each_post_of_a_list_is_no_byline() -> None:
    text = (
        f"Mein Stadtblog\n{TITLE}\nNeueste Beiträge\n"
        "30. Oktober 2020 Kate May\nRadtour am Müggelsee im Herbst\n"
        "28. Oktober 2020 Kate May\nDer Turm der Wünsche\n\n" + "\n\n".join(POST)
    )
    assert extract_text_dump(text).authors == []


def test_a_bare_name_after_the_date_under_the_headline_is_the_author() -> None:
    text = f"Mein Stadtblog\n{TITLE}\n11.12.2019 - Amelie Loevenich\n\n" + "\n\n".join(POST)
    assert extract_text_dump(text).authors == ["Amelie Loevenich"]


# A piece credited to its author.
PIECE_CREDITS = [
    ("Artikel von Alexa von Heyden", ["Alexa von Heyden"]),
    ("Ein Interview von Eugen Zentner mit Sonja Silberhorn.", ["Eugen Zentner"]),
    ("Der Artikel von gestern", []),
]


@pytest.mark.parametrize(
    "caption",
    [
        "Ein Pinguin am Wasser, fotografiert am 11. Februar. EFE",
        "Die Radfahrer am alten Wasserwerk in Friedrichsfelde © Stadtblog / Tine",
        "Die Strecke führt am Tierpark vorbei. KUVA: ALEXANDER BECHER",
        "Das alte Wasserwerk (Quelle: Hume/Unsplash)",
    ],
)
def test_picture_captions_in_other_languages_are_no_headline(caption: str) -> None:
    text = f"Mein Stadtblog\n{TITLE}\n2. Februar 2020\n{caption}\n\n" + "\n\n".join(POST) + "\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert caption not in story.paragraphs
    assert story.summary is None
    assert story.published_at is not None and story.published_at.date().isoformat() == "2020-02-02"


def test_a_dateline_naming_april_is_no_caption() -> None:
    text = f"Mein Stadtblog\n{TITLE}\n10. April 2019\n\n" + "\n\n".join(POST) + "\n"
    story = extract_text_dump(text)
    assert story.published_at is not None and story.published_at.date().isoformat() == "2019-04-10"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("250 Gramm Butter", False),
        ("120 Minuten ( + 300 Minuten Wartezeit )", False),
        ("2 EL Zucker", False),
        ("3G, 2G oder 2G Plus: Was gilt jetzt beim Friseurbesuch?", True),
        ("100 Jahre Loriot: Eine Hommage", True),
    ],
)
def test_a_recipe_quantity_is_no_headline(line: str, headline: bool) -> None:
    from newsdesk.extract.textdump_title import _QUANTITY

    assert (_QUANTITY.match(line) is None) is headline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        *OUTRIGHT_CREDITS,
        *DATED_CREDIT_PHRASES,
        *TEXT_CREDITS,
        *CAPITAL_SURNAMES_AND_STAR_LABELS,
        *AUTHOR_WORDS_WITHOUT_COLON,
        *PIECE_CREDITS,
    ],
)
def test_credit_lines_name_their_authors(line: str, names: list[str]) -> None:
    assert byline_names(line, allow_bare=False) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        *NAMES_AFTER_DATE_AND_TIME,
        *DATED_META_LINES,
        *NAMES_WITH_A_ROLE,
        *PICTURE_CREDITS,
    ],
)
def test_bare_lines_name_their_authors(line: str, names: list[str]) -> None:
    assert byline_names(line, allow_bare=True) == names
