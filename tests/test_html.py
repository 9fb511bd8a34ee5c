import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.extract.charset import decode_html
from newsdesk.extract.html import extract_html
from newsdesk.extract.html_authors import choose_authors, clean_authors
from newsdesk.extract.html_byline import byline_near, headline_element
from newsdesk.extract.html_jsonld import names_of
from newsdesk.extract.html_links import classify_heading
from newsdesk.extract.html_metadata import split_site_suffix
from newsdesk.extract.html_parse import MAX_HTML_CHARS
from newsdesk.extract.html_title import (
    SiteNames,
    TitleCandidate,
    choose_title,
    strip_site_segments,
)
from newsdesk.model import LINK_KINDS, PAGE_TYPES, PROVENANCES, ExtractionError
from newsdesk.urls import url_date


def norm(text):
    return " ".join((text or "").replace("\u2019", "'").lower().split())


FIXTURES = Path(__file__).parent / "fixtures" / "html"
URL = "https://news.example.com/world/2024/05/01/storm-hits-coast"

BODY = "".join(
    f"<p>Paragraph {i} of the story says the storm hit the coast on Tuesday and that crews "
    f"worked through the night to restore power to thousands of homes nearby.</p>"
    for i in range(8)
)


def page(head: str = "", body: str = BODY, lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body><article><h1>Storm hits the coast</h1>{body}</article></body></html>"
    )


def jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


ARTICLE_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Storm hits the coast (JSON-LD)",
    "datePublished": "2024-05-01T08:30:00+02:00",
    "dateModified": "2024-05-01T10:00:00Z",
    "author": {"@type": "Person", "name": "Jane Doe"},
    "publisher": {"@type": "Organization", "name": "Example News"},
    "articleSection": "World",
    "keywords": "storm, coast, weather",
    "description": "A storm hit the coast.",
    "image": {"@type": "ImageObject", "url": "/img/storm.jpg"},
}
OG = (
    '<meta property="og:title" content="Storm hits the coast (OG)">'
    '<meta property="og:site_name" content="Example OG">'
    '<meta property="og:description" content="OG description">'
    '<meta property="og:image" content="https://cdn.example.com/og.jpg">'
    '<meta property="og:url" content="https://news.example.com/og-url">'
    '<meta property="og:type" content="article">'
    '<meta property="article:published_time" content="2024-04-30T12:00:00Z">'
    '<meta property="article:section" content="OG Section">'
    '<meta property="article:tag" content="Storms"><meta property="article:tag" content="Coasts">'
)
META = (
    '<meta name="description" content="Meta description">'
    '<meta name="author" content="By John Smith">'
    '<meta name="pubdate" content="2024-04-29">'
    '<meta name="keywords" content="one, two">'
    '<meta name="application-name" content="Example App">'
    "<title>Storm hits the coast | Example News</title>"
)


# --- metadata precedence -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "field", "value", "source"),
    [
        (jsonld(ARTICLE_LD) + OG + META, "title", "Storm hits the coast (JSON-LD)", "jsonld"),
        (OG + META, "title", "Storm hits the coast (OG)", "opengraph"),
        (META, "title", "Storm hits the coast", "meta"),
        ("", "title", "Storm hits the coast", "text"),
        (jsonld(ARTICLE_LD) + OG + META, "outlet", "Example News", "jsonld"),
        (OG + META, "outlet", "Example OG", "opengraph"),
        (META, "outlet", "Example App", "meta"),
        (jsonld(ARTICLE_LD) + OG + META, "authors", ["Jane Doe"], "jsonld"),
        (OG + META, "authors", ["John Smith"], "meta"),
        (jsonld(ARTICLE_LD) + OG, "summary", "A storm hit the coast.", "jsonld"),
        (OG + META, "summary", "OG description", "opengraph"),
        (META, "summary", "Meta description", "meta"),
        (jsonld(ARTICLE_LD) + OG, "section", "World", "jsonld"),
        (OG, "section", "OG Section", "opengraph"),
        (jsonld(ARTICLE_LD), "tags", ["storm", "coast", "weather"], "jsonld"),
        (OG + META, "tags", ["Storms", "Coasts"], "opengraph"),
        (META, "tags", ["one", "two"], "meta"),
        (jsonld(ARTICLE_LD), "image_url", "https://news.example.com/img/storm.jpg", "jsonld"),
        (OG, "image_url", "https://cdn.example.com/og.jpg", "opengraph"),
        (OG, "canonical_url", "https://news.example.com/og-url", "opengraph"),
        (
            OG + '<link rel="canonical" href="/canonical">',
            "canonical_url",
            "https://news.example.com/canonical",
            "meta",
        ),
        (
            jsonld(ARTICLE_LD) + OG,
            "published_at",
            datetime(2024, 5, 1, 6, 30, tzinfo=UTC),
            "jsonld",
        ),
        (OG + META, "published_at", datetime(2024, 4, 30, 12, 0, tzinfo=UTC), "opengraph"),
        (META, "published_at", datetime(2024, 4, 29, tzinfo=UTC), "meta"),
        (jsonld(ARTICLE_LD), "modified_at", datetime(2024, 5, 1, 10, 0, tzinfo=UTC), "jsonld"),
    ],
)
def test_metadata_precedence_and_provenance(head, field, value, source):
    story = extract_html(page(head), url=URL)
    assert getattr(story, field) == value
    assert story.provenance[field] == source
    assert set(story.provenance.values()) <= set(PROVENANCES)


def test_full_story_fields():
    story = extract_html(page(jsonld(ARTICLE_LD) + OG + META), url=URL, source_path="x.html")
    assert story.source_kind == "html"
    assert story.url == URL
    assert story.source_path == "x.html"
    assert story.page_type == "article"
    assert story.language == "en"
    assert story.published_precision == "second"
    assert len(story.paragraphs) == 8
    assert story.paragraphs[0].startswith("Paragraph 0 of the story")
    assert "Storm hits the coast" not in story.paragraphs  # headline is not body


@pytest.mark.parametrize(
    ("ld", "expected"),
    [
        ({"@type": "NewsArticle", "headline": "H", "author": "Jane Doe"}, ["Jane Doe"]),
        ({"@type": "Article", "headline": "H", "author": ["A One", "B Two"]}, ["A One", "B Two"]),
        (
            {
                "@type": "Article",
                "headline": "H",
                "author": [{"@type": "Person", "name": "A One"}, {"name": "By B Two"}],
            },
            ["A One", "B Two"],
        ),
        (
            {
                "@type": "BlogPosting",
                "headline": "H",
                "author": {"@type": "Person", "givenName": "Ann", "familyName": "Lee"},
            },
            ["Ann Lee"],
        ),
        (
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "@id": "#site", "name": "Site"},
                    {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
                    {"@type": "NewsArticle", "headline": "H", "author": {"@id": "#jane"}},
                ],
            },
            ["Jane Doe"],
        ),
        (
            {
                "@type": "NewsArticle",
                "headline": "H",
                "author": "Jane Doe and John Roe",
                "publisher": {"name": "Example News"},
            },
            ["Jane Doe", "John Roe"],
        ),
        (
            {
                "@type": "NewsArticle",
                "headline": "H",
                "author": "Example News",
                "publisher": {"name": "Example News"},
            },
            # No person named anywhere: the outlet credits itself (an organisation byline).
            ["Example News"],
        ),
    ],
)
def test_jsonld_authors(ld, expected):
    story = extract_html(page(jsonld(ld)), url=URL)
    assert story.authors == expected


def test_jsonld_graph_article_is_found():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Page"},
            {"@type": ["NewsArticle"], "headline": "Graph headline", "datePublished": "2024-05-01"},
        ],
    }
    story = extract_html(page(jsonld(ld)), url=URL)
    assert story.title == "Graph headline"
    assert story.provenance["title"] == "jsonld"
    assert story.published_precision == "day"


def test_broken_jsonld_is_ignored():
    story = extract_html(page('<script type="application/ld+json">{"@type": broken</script>'))
    assert story.title == "Storm hits the coast"


@pytest.mark.parametrize(
    ("raw", "outlets", "expected"),
    [
        (["By Jane Doe"], [], ["Jane Doe"]),
        (["Jane Doe, John Roe and Ann Lee"], [], ["Jane Doe", "John Roe", "Ann Lee"]),
        (["JANE DOE"], [], ["Jane Doe"]),
        (["Jane Doe | Staff Writer"], [], ["Jane Doe"]),
        (["Jane Doe", "jane doe"], [], ["Jane Doe"]),
        (["https://www.facebook.com/janedoe"], [], []),
        (["Example News"], ["Example News"], []),
        (["By Jane Doe Updated May 1, 2024"], [], ["Jane Doe"]),
        (["Jane Doe jane@example.com"], [], ["Jane Doe"]),
        (["Matt Friedman | NJ Advance Media for NJ.com"], ["NJ.com"], ["Matt Friedman"]),
        # German bylines: "Vom"/"Interview" prefixes, form and date labels, photo credits.
        (["Vom Krimiblogger"], [], ["Krimiblogger"]),
        (["Interview Julia Lauter"], [], ["Julia Lauter"]),
        (["Publiziert am", "uriebe"], [], ["uriebe"]),
        (["Name"], [], []),
        (["Petra Ruland, Autor"], [], ["Petra Ruland"]),
        (["Richard David Precht im Gespräch"], [], ["Richard David Precht"]),
        (["Jens Bergmann Foto: Michael Hudler"], [], ["Jens Bergmann"]),
    ],
)
def test_clean_authors(raw, outlets, expected):
    assert clean_authors(raw, outlets) == expected


@pytest.mark.parametrize(
    ("raw", "outlets", "expected"),
    [
        (["Jobs & Hire"], ["Jobs & Hire"], []),
        (["Pamela Anderson"], ["Pamela Anderson"], ["Pamela Anderson"]),
        (["Adam Aaronson PhillyVoice Staff"], ["PhillyVoice"], ["Adam Aaronson"]),
        (
            ["Nathan Parker and Kiran Nair - Chrome Security team"],
            [],
            ["Nathan Parker", "Kiran Nair"],
        ),
        (["View all posts by Daniel Lemire"], [], ["Daniel Lemire"]),
        (["/authors/ganesh-sitaraman"], [], []),
        (["Google"], ["Google Online Security Blog"], []),
        (["Art Edwards says"], [], ["Art Edwards"]),
    ],
)
def test_clean_authors_more(raw, outlets, expected):
    assert clean_authors(raw, outlets) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Words of a sentence or a category name, not a name; a lone word beside them is a
        # piece of the same phrase.
        (["Hecho en Bolivia", "Drupal por Smartica"], []),
        (["lo mismo, Aravena perdió la paciencia"], []),
        (["Bayerische Landesanstalt für Wald und Forstwirtschaft"], []),
        (
            ["Isabel Caro, Rocío Latorre y José Miguel Wilson Tiempo de lectura"],
            ["Isabel Caro", "Rocío Latorre"],
        ),
        # Particles, abbreviations, inner capitals and handles are names.
        (["Ursula von der Leyen"], ["Ursula von der Leyen"]),
        (["Dr. med. Hans Wolf"], ["Dr. med. Hans Wolf"]),
        (["Lena deCasparis, Contributing Writer"], ["Lena deCasparis"]),
        (["jancak"], ["jancak"]),
        (["c1ph4"], ["c1ph4"]),
        (["oe24.at"], []),
        (["Stand 12"], []),
        # Labels and buttons run into the name, placeholder values.
        (["Heiko Sauer", "SHOW ALL ARTICLES OFHeiko Sauer"], ["Heiko Sauer"]),
        (["Inga HoeltmannFollow"], ["Inga Hoeltmann"]),
        (["null", "Rodolfo Costa"], ["Rodolfo Costa"]),
        (["Datum"], []),
        (["Von"], []),
        (["Eingestellt von Unknown"], []),
        (["created by"], []),
        # "im Gespräch mit" parts two people.
        (
            ["Richard David Precht im Gespräch mit Karin Fischer"],
            ["Richard David Precht", "Karin Fischer"],
        ),
    ],
)
def test_clean_authors_rejects_phrases(raw, expected):
    assert clean_authors(raw) == expected


@pytest.mark.parametrize(
    ("raw", "host", "expected"),
    [
        # The site's own name, by its domain: whole, by one word, by initials, held inside.
        (["Die FURCHE"], "furche.at", []),
        (["Deutsche Welle"], "dw.com", []),
        (["Helmholtz Klima"], "helmholtz-klima.de", []),
        (["NEW WORK Experience"], "nwx.new-work.se", []),
        (["BBC News"], "news.bbc.co.uk", []),
        # A person's site is named after them; a handle may hold the site's name.
        (["Wolfgang Michal"], "wolfgangmichal.de", ["Wolfgang Michal"]),
        (["Krimiblogger"], "archiv.krimiblog.de", ["Krimiblogger"]),
        (["Lisa Petrich"], "badische-zeitung.de", ["Lisa Petrich"]),
    ],
)
def test_the_sites_own_name_is_no_byline(raw, host, expected):
    assert clean_authors(raw, [host]) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["Autor/in: Korinna Hennig"], ["Korinna Hennig"]),
        (["Donnerstag, 4. November 2021"], []),
        (["Joe Wee Monday, February"], ["Joe Wee"]),
        # A role taken off leaves an adjective, not a name.
        (["Deutscher Journalist"], []),
        (["Alle Artikel"], []),
    ],
)
def test_labels_weekdays_and_roles_are_no_names(raw, expected):
    assert clean_authors(raw) == expected


def test_organisation_names_keep_lower_case_words():
    raw = ["Contributors to Wikimedia projects"]
    assert clean_authors(raw) == []
    assert choose_authors([("jsonld", raw)], organisations=True) == (raw, "jsonld")


@pytest.mark.parametrize(
    ("raw", "outlets", "expected"),
    [
        # Credits for other work than the writing, up to the next writing credit.
        (["Photo by Jane Doe"], [], []),
        (["Illustration by Jane Doe"], [], []),
        (["By Jane Doe. Photos by John Roe"], [], ["Jane Doe"]),
        (["Jane Doe; Edited by John Roe"], [], ["Jane Doe"]),
        (["Story by Jane Doe, photos by John Roe and Ann Lee"], [], ["Jane Doe"]),
        (["Photos by Ann Lee and Bo Chan; story by Jane Doe"], [], ["Jane Doe"]),
        (["Reporting by Jane Doe; Editing by John Roe"], [], ["Jane Doe"]),
        (["Publié par Jane Doe"], [], ["Jane Doe"]),
        # A time stamp after the names, an agency beside them.
        (["By Jane Doe and John Roe Updated 3:00 PM"], [], ["Jane Doe", "John Roe"]),
        (["Jane Doe and John Roe, Reuters"], [], ["Jane Doe", "John Roe"]),
        (["Reuters"], [], ["Reuters"]),
        # A nickname in parentheses, a home page URL.
        (["Richard (R.J.) Eskow"], [], ["Richard R.J. Eskow"]),
        (["Bradley M. Kuhn (http://ebb.org/bkuhn/)"], [], ["Bradley M. Kuhn"]),
        # Library-style "Surname, Given name" is one person.
        (["Jong, Michiel de", "Kooman, F."], [], ["Michiel de Jong", "F. Kooman"]),
        (["Jane Doe, John Roe"], [], ["Jane Doe", "John Roe"]),
        # Profile buttons and one-letter fragments are no names.
        (["View my complete profile"], [], []),
        (["Afficher mon profil complet"], [], []),
        (["J"], [], []),
        # A single name that starts the host's name is still a person (only whole words
        # of the outlet are the outlet).
        (["Ela"], ["elavegan.com"], ["Ela"]),
        # The point of a closing initial is part of the name.
        (["By Nicolas Gutierrez C."], [], ["Nicolas Gutierrez C."]),
        (["R. R."], [], ["R. R."]),
        (["Jane Doe."], [], ["Jane Doe"]),
        # A job title before the name.
        (["FOCUS-Online-Experte Robin Tschöpe"], [], ["Robin Tschöpe"]),
        (["Senior Editor Jane Doe"], [], ["Jane Doe"]),
        (["Contributors to Wikimedia projects"], [], []),
        # The site with its address; a host name; a blog's name run into its author's.
        (["hessenschau.de, Frankfurt, Germany"], ["hessenschau.de"], []),
        (["Jane Doe, hessenschau.de, Frankfurt"], ["hessenschau.de"], ["Jane Doe"]),
        (["buchmesse.ARD.de"], [], []),
        (["ABOUTFINTECHTobias Baumgarten"], [], []),
        (["TOGos"], [], ["TOGos"]),
    ],
)
def test_clean_authors_credits_and_forms(raw, outlets, expected):
    assert clean_authors(raw, outlets) == expected


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Storm hits | Example News", ["Example News"], "Storm hits"),
        ("Example News - Storm hits", ["Example News"], "Storm hits"),
        ("Storm hits - a coast story", ["Example News"], "Storm hits - a coast story"),
        ("Storm hits — example", ["news.example.com"], "Storm hits"),
    ],
)
def test_split_site_suffix(title, sites, expected):
    assert split_site_suffix(title, sites) == expected


# --- titles: candidates and votes ----------------------------------------------------------

PLAIN_URL = "https://www.example-daily.com/news/storm-story"
HEADLINE = "Storm hits the coast overnight"


def story_page(head: str = "", header: str = "", body: str = BODY) -> str:
    """A page whose headline block (`header`) and metadata are chosen by the test."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}</head><body>'
        f'<nav><a href="/">Home</a></nav><article>{header}{body}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("head", "header", "expected"),
    [
        # The site segment of the tab title is named by og:site_name.
        (
            f"<title>{HEADLINE} | Daily Example</title>"
            '<meta property="og:site_name" content="Daily Example">',
            "",
            HEADLINE,
        ),
        # ... or by the host (example-daily.com), in front of the headline.
        (f"<title>Example-Daily :: {HEADLINE}</title>", "", HEADLINE),
        # The article's <h1> wins over a social title the other sources repeat.
        (
            '<meta property="og:title" content="You will not believe this storm">'
            '<meta name="twitter:title" content="You will not believe this storm">',
            f"<h1>{HEADLINE}</h1>",
            HEADLINE,
        ),
        # A kicker set in the same <h1> is not part of the headline.
        (
            f'<meta property="og:title" content="{HEADLINE}">',
            f"<h1><span>Weather</span><span>{HEADLINE}</span></h1>",
            HEADLINE,
        ),
        # An <h1> sharing no word with any declared title is a section label.
        (f'<meta property="og:title" content="{HEADLINE}">', "<h1>Sections</h1>", HEADLINE),
        # The tab title is the headline plus a segment the page's other titles lack.
        (f"<title>{HEADLINE} - Coastal Diaries | Blogs</title>", f"<h1>{HEADLINE}</h1>", HEADLINE),
        # "Blog Name: Post" with og:title "Post": the blog name is the site segment.
        (
            f"<title>Silicon Notes: {HEADLINE}</title>"
            f'<meta property="og:title" content="{HEADLINE}">',
            "",
            HEADLINE,
        ),
        # A title cut with an ellipsis supports the full one.
        (
            f'<meta property="og:title" content="Storm hits the coast…"><title>{HEADLINE}</title>',
            "",
            HEADLINE,
        ),
        # "›" and "⋆" separate a site segment too.
        (
            f'<meta property="og:title" content="{HEADLINE} › Nordish by Nature">'
            f"<title>{HEADLINE} › Nordish by Nature</title>",
            f"<h1>{HEADLINE}</h1>",
            HEADLINE,
        ),
        (f"<title>{HEADLINE} ⋆ Coastal Handball</title>", f"<h1>{HEADLINE}</h1>", HEADLINE),
        # A web address closing the heading names a site, unless it is what the heading is about.
        (
            f'<meta property="og:title" content="{HEADLINE}">',
            f"<h1>{HEADLINE} | FASSETTE.NET</h1>",
            HEADLINE,
        ),
        ("", "<h1>BGH: marions-kochbuch.de</h1>", "BGH: marions-kochbuch.de"),
    ],
)
def test_title_choice(head, header, expected):
    story = extract_html(story_page(head, header), url=PLAIN_URL)
    assert story.title == expected


@pytest.mark.parametrize(
    ("header", "footer", "expected"),
    [
        # A visible labelled date when the page declares none, in one text node or two.
        (
            "<div>Written: 2023-11-07 15:03:30</div>",
            "",
            datetime(2023, 11, 7, 15, 3, 30, tzinfo=UTC),
        ),
        (
            "<div><span>Published:</span> <time>3 Dec 2019</time></div>",
            "",
            datetime(2019, 12, 3, tzinfo=UTC),
        ),
        # A bare copyright year is no publication day (htmldate would say 1 January).
        ("", "<footer>Copyright 2004 Example</footer>", None),
    ],
)
def test_visible_dates_when_the_page_declares_none(header, footer, expected):
    html = story_page("<title>Bridge approved</title>", f"<h1>Bridge approved</h1>{header}")
    html = html.replace("</body>", f"{footer}</body>")
    story = extract_html(html, url="https://news.example.com/story/bridge")
    assert story.published_at == expected


def test_a_chinese_article_is_an_article_however_few_spaces_it_has():
    body = "<p>" + "宇航员在太空中喝酒会怎么样？后果很严重。" * 12 + "</p>"
    html = story_page(
        "<title>宇航员在太空中喝酒会怎么样</title>", "<h1>宇航员在太空中喝酒会怎么样</h1>", body
    )
    story = extract_html(html, url="https://news.example.cn/tech/story-123.html")
    assert story.page_type == "article"
    assert story.paragraphs


def test_masthead_h1_is_not_the_title():
    head = f"<title>{HEADLINE} – Coast Watch</title>"
    header = f"<h1>Coast Watch</h1><h1>{HEADLINE}</h1>"
    assert extract_html(story_page(head, header), url=PLAIN_URL).title == HEADLINE


@pytest.mark.parametrize(
    ("head", "header"),
    [
        # The site's name in an <h1> that links home.
        (f"<title>{HEADLINE}</title>", f'<h1><a href="/">Coast Watch</a></h1><h2>{HEADLINE}</h2>'),
        (
            f"<title>{HEADLINE}</title>",
            f'<h1 class="heading"><a href="index.html"><span>Coast Watch</span></a></h1>'
            f"<h2>{HEADLINE}</h2>",
        ),
        # Marked as the logo.
        (
            f"<title>{HEADLINE}</title>",
            f'<h1 class="topbar__logo">Coast Watch</h1><h2>{HEADLINE}</h2>',
        ),
        # The site in brackets after the headline, named by the logo heading.
        (
            f"<title>{HEADLINE} [Coast Watch]</title>",
            f'<h1><a href="https://example.org/">Coast Watch beta</a></h1><h2>{HEADLINE}</h2>',
        ),
        # A permalink anchor inside the headline does not make it a logo.
        (
            f"<title>{HEADLINE} — Coast Watch</title>",
            f'<h1><a href="#top">{HEADLINE}</a><a href="#h">¶</a></h1>',
        ),
    ],
)
def test_logo_heading_is_not_the_title(head, header):
    assert extract_html(story_page(head, header), url=PLAIN_URL).title == HEADLINE


@pytest.mark.parametrize(
    ("title", "names", "hosts", "expected"),
    [
        ("Headline here | Example News", ["Example News"], [], "Headline here"),
        ("Example News - Headline here", [], ["www.examplenews.co.uk"], "Headline here"),
        ("Headline here » Blog Archive » Four Years", [], ["fouryears.eu"], "Headline here"),
        ("Headline - with a dash", ["Other Site"], [], "Headline - with a dash"),
        ("Only the site", ["Only the site"], [], "Only the site"),
        ("Headline here |", [], [], "Headline here"),
        ("Headline here -", [], [], "Headline here"),
        ("- Headline here", [], [], "Headline here"),
        ("Headline - with a dash -", [], [], "Headline - with a dash"),
    ],
)
def test_strip_site_segments(title, names, hosts, expected):
    assert strip_site_segments(title, SiteNames(names, hosts)) == expected


def test_choose_title_reports_the_most_trusted_agreeing_source():
    candidates = [
        TitleCandidate("tab", f"{HEADLINE} | Example"),
        TitleCandidate("opengraph", HEADLINE),
        TitleCandidate("h1", HEADLINE, in_article=True),
    ]
    assert choose_title(candidates, SiteNames(["Example"])) == (HEADLINE, "opengraph")
    assert choose_title([], SiteNames([])) == (None, None)


@pytest.mark.parametrize(
    ("declared", "widget"),
    [
        # A long compound word shares no letters with a widget's <h1> as a word would.
        ("Bundesregierung 2017 #btw17 #groko", "E-Mail-Abo"),
        ("Tag des Zweinutzungshuhns am 22. Januar", "Datenschutzhinweis"),
    ],
)
def test_a_widget_heading_sharing_no_word_with_the_declared_title_is_not_the_headline(
    declared, widget
):
    candidates = [
        TitleCandidate("opengraph", declared),
        TitleCandidate("h1", widget, in_article=True),
    ]
    assert choose_title(candidates, SiteNames([])) == (declared, "opengraph")


def test_the_heading_of_the_most_trusted_declared_title_wins_over_a_section_heading():
    # The tab title is the section's name and the page has an <h1> for it too.
    candidates = [
        TitleCandidate("opengraph", "Auf das erste Elektron kommt es an"),
        TitleCandidate("tab", "News"),
        TitleCandidate("h1", "News", in_article=True),
        TitleCandidate("h1", "Auf das erste Elektron kommt es an", in_article=True),
    ]
    assert choose_title(candidates, SiteNames([]))[0] == "Auf das erste Elektron kommt es an"


def test_of_the_headings_a_tab_title_holds_the_longest_is_the_headline():
    candidates = [
        TitleCandidate("tab", "Zoll online - Fachmeldungen - Verkündung des Steuergesetzes"),
        TitleCandidate("h1", "Zoll"),
        TitleCandidate("h1", "Fachmeldungen", in_article=True),
        TitleCandidate("h1", "Verkündung des Steuergesetzes", in_article=True),
    ]
    assert choose_title(candidates, SiteNames([]))[0] == "Verkündung des Steuergesetzes"


def test_a_heading_in_a_script_without_spaces_shares_characters_with_the_declared_title():
    candidates = [
        TitleCandidate("tab", "武汉的声音：有英勇的你，才有英雄的城！-新华网"),
        TitleCandidate("h1", "武汉的声音：有英勇的你，才有英雄的城！", in_article=True),
    ]
    assert (
        choose_title(candidates, SiteNames(["新华网"]))[0]
        == "武汉的声音：有英勇的你，才有英雄的城！"
    )


AUTHOR_URL = "https://news.example.com/staff/jane-doe"


@pytest.mark.parametrize(
    ("url", "head", "header", "tail", "expected"),
    [
        # A "By" line naming the outlet gives way to the next one, which names a person.
        (
            PLAIN_URL,
            '<meta property="og:site_name" content="Daily Example">',
            f"<h1>{HEADLINE}</h1><p>By Daily Example</p><p>Written by: Julie Mollins</p>",
            "",
            ["Julie Mollins"],
        ),
        # A byline box: the name, not the job title beside it.
        (
            PLAIN_URL,
            "",
            f"<h1>{HEADLINE}</h1><div class='author'><a href='/author/ben'>Ben Silverman</a>"
            "<div class='author-title'>Games Editor</div></div>",
            "",
            ["Ben Silverman"],
        ),
        # A dateline names a place.
        (PLAIN_URL, "", f"<h1>{HEADLINE}</h1><span class='dateline'>KOBE</span>", "", []),
        # The outlet declared as the author, and no person anywhere: an organisation byline.
        (
            PLAIN_URL,
            '<meta property="og:site_name" content="BBC News">'
            '<meta property="article:author" content="BBC News">',
            f"<h1>{HEADLINE}</h1>",
            "",
            ["BBC News"],
        ),
        (PLAIN_URL, '<meta name="author" content="No Author">', f"<h1>{HEADLINE}</h1>", "", []),
        # article:author as a profile URL: the name on the page's link to it.
        (
            PLAIN_URL,
            f'<meta property="article:author" content="{AUTHOR_URL}">',
            f"<h1>{HEADLINE}</h1>",
            '<footer><p>More stories from <a href="https://news.example.com/staff/jane-doe/">'
            "Jane Doe</a></p></footer>",
            ["Jane Doe"],
        ),
        # A personal site named after the person holding its copyright.
        (
            "https://www.janedoe.com/blog/storm-story",
            "",
            f"<h1>{HEADLINE}</h1>",
            "<footer><p>Copyright (c) 2012- Jane Doe. All rights reserved.</p></footer>",
            ["Jane Doe"],
        ),
        (
            PLAIN_URL,
            "",
            f"<h1>{HEADLINE}</h1>",
            "<footer><p>© 2020 Conde Nast. All rights reserved.</p></footer>",
            [],
        ),
        # A byline row filing the post under topics (`rel="category tag"`) names no one.
        (
            PLAIN_URL,
            "",
            f"<h1>{HEADLINE}</h1><div class='postMeta--author vcard author'><span>01.12.2022"
            "</span> / <a href='/thema/csp/' rel='tag'>CSP</a> / "
            "<a href='/thema/top/' rel='category tag'>Top Solar News</a></div>",
            "",
            [],
        ),
        # trafilatura's pieces of one bio are read as the phrase they were.
        (
            PLAIN_URL,
            "",
            f"<h1>{HEADLINE}</h1>",
            "<div class='author-box'><p class='author-bio'>Alles über Lautsprecher, Heimkino "
            "und HiFi-Trends. Zudem haben wir Tipps und Tricks für zu Hause.</p></div>",
            [],
        ),
    ],
)
def test_author_sources(url, head, header, tail, expected):
    html = story_page(head, header, BODY + tail)
    assert extract_html(html, url=url).authors == expected


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        # The list other sources confirm wins over a lone JSON-LD author.
        (
            [
                ("jsonld", ["Kathleen Poster"]),
                ("meta", ["Jessica Holly, Gail Levy"]),
                ("text", ["By Jessica Holly and Gail Levy"]),
            ],
            (["Jessica Holly", "Gail Levy"], "meta"),
        ),
        # On a tie, the most trusted source.
        ([("jsonld", ["Jane Doe"]), ("meta", ["John Smith"])], (["Jane Doe"], "jsonld")),
        # A first name alone is completed from a source that has the full name.
        ([("jsonld", ["Todd"]), ("text", ["Todd Bates"])], (["Todd Bates"], "jsonld")),
        # ... or from the profile's bio that opens with it.
        (
            [
                (
                    "jsonld",
                    names_of(
                        {"name": "Stefanus", "description": "Stefanus Stahl - Maschinenbauer"}
                    ),
                )
            ],
            (["Stefanus Stahl"], "jsonld"),
        ),
        (
            [("jsonld", names_of({"name": "Ela", "description": "Ela is a food blogger"}))],
            (["Ela"], "jsonld"),
        ),
        ([("meta", ["Staff"])], ([], None)),
    ],
)
def test_choose_authors(sources, expected):
    assert choose_authors(sources) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            f"<h1>{HEADLINE}</h1><div><span>By</span><span><a href='/a'>Jane Doe</a></span></div>",
            ["Jane Doe"],
        ),
        (
            f"<h1>{HEADLINE}</h1><address>By <a href='/a'>Tim Anderson</a></address>",
            ["Tim Anderson"],
        ),
        (f"<h1>{HEADLINE}</h1><div>Posted on September 21, 2020 by Adi Tzlil</div>", ["Adi Tzlil"]),
        (f"<p class='kicker'>Written by: Julie Mollins</p><h1>{HEADLINE}</h1>", ["Julie Mollins"]),
        # A photo credit is not the author.
        (f"<h1>{HEADLINE}</h1><p>Photo by Sam Lens</p>", []),
        # Comment authors are not the author.
        (f"<h1>{HEADLINE}</h1><div class='comments'><p>By Troll Person</p></div>", []),
    ],
)
def test_visible_byline(header, expected):
    story = extract_html(story_page("", header), url=PLAIN_URL)
    assert story.authors == expected


def test_byline_outvotes_a_lone_jsonld_poster():
    head = jsonld({"@type": "NewsArticle", "headline": HEADLINE, "author": "Web Producer"})
    head += '<meta name="author" content="Jessica Holly">'
    header = f"<h1>{HEADLINE}</h1><p>By Jessica Holly</p>"
    story = extract_html(story_page(head, header), url=PLAIN_URL)
    assert story.authors == ["Jessica Holly"]


def test_jsonld_organization_author_gives_way_to_a_person():
    ld = {
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "author": [{"@type": "Organization", "name": "Geo Magazine"}],
    }
    header = f"<h1>{HEADLINE}</h1><p>By Michael Hingston</p>"
    story = extract_html(story_page(jsonld(ld), header), url=PLAIN_URL)
    assert story.authors == ["Michael Hingston"]
    ld["author"].append({"@type": "Person", "name": "Ann Lee"})
    story = extract_html(story_page(jsonld(ld), f"<h1>{HEADLINE}</h1>"), url=PLAIN_URL)
    assert story.authors == ["Ann Lee"]


def test_microdata_authors_of_teasers_are_ignored():
    header = (
        f'<div itemscope itemtype="https://schema.org/Article"><h1>{HEADLINE}</h1>'
        '<span itemprop="author">Jake Goulding</span></div>'
        '<div itemscope itemtype="https://schema.org/Article">'
        '<span itemprop="author">Other Writer</span></div>'
    )
    story = extract_html(story_page("", header), url=PLAIN_URL)
    assert story.authors == ["Jake Goulding"]


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/2019/10/21/slug/", datetime(2019, 10, 21, tzinfo=UTC)),
        ("https://x.example/blog/2020-10-18-cdpath/", datetime(2020, 10, 18, tzinfo=UTC)),
        ("https://x.example/news/2020/1/5/slug", datetime(2020, 1, 5, tzinfo=UTC)),
        ("https://x.example/2019/13/21/slug", None),
        ("https://x.example/2019/02/30/slug", None),
        ("https://x.example/article/20190101", None),
        (None, None),
    ],
)
def test_url_date(url, expected):
    found = url_date(url)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("head", "header", "url", "day", "source"),
    [
        # No declared date: the URL's day, before any guessing from the text.
        ("", "", "https://x.example/2019/10/21/slug/", "2019-10-21", "url"),
        # A declared date far from the URL's day is a republication: the URL wins.
        (
            '<meta property="article:published_time" content="2021-06-01T10:00:00Z">',
            "",
            "https://x.example/2019/10/21/slug/",
            "2019-10-21",
            "url",
        ),
        # A declared date near the URL's day keeps its time.
        (
            '<meta property="article:published_time" content="2019-10-21T23:30:00-07:00">',
            "",
            "https://x.example/2019/10/21/slug/",
            "2019-10-22",
            "opengraph",
        ),
        # A garbled JSON-LD date gives way to the next declared one.
        (
            jsonld({"@type": "NewsArticle", "headline": "H", "datePublished": "soon"})
            + '<meta name="pubdate" content="2024-04-29">',
            "",
            PLAIN_URL,
            "2024-04-29",
            "meta",
        ),
        # An "Updated" time is not the publication time.
        (
            "",
            '<p>Updated <time datetime="2024-05-03">May 3</time></p>'
            '<p class="posted"><time datetime="2024-05-01">May 1</time></p>',
            PLAIN_URL,
            "2024-05-01",
            "text",
        ),
    ],
)
def test_published_date_sources(head, header, url, day, source):
    story = extract_html(story_page(head, f"<h1>{HEADLINE}</h1>{header}"), url=url)
    assert story.published_at.date().isoformat() == day
    assert story.provenance["published_at"] == source


def test_url_date_disagreement_is_noted():
    head = '<meta property="article:published_time" content="2021-06-01T10:00:00Z">'
    story = extract_html(story_page(head, ""), url="https://x.example/2019/10/21/slug/")
    assert any("disagrees with the URL" in note for note in story.notes)


def test_impossible_date_is_dropped_with_note():
    head = jsonld({"@type": "NewsArticle", "headline": "H", "datePublished": "2031-01-01"})
    story = extract_html(page(head), url=URL, captured_at=datetime(2024, 5, 2, tzinfo=UTC))
    assert story.published_at is None
    assert any("after capture" in note for note in story.notes)


def test_date_before_1990_is_dropped():
    head = jsonld({"@type": "NewsArticle", "headline": "H", "datePublished": "1970-01-01"})
    story = extract_html(page(head), url=URL)
    assert story.published_at is None
    assert any("before 1990" in note for note in story.notes)


# --- links ---------------------------------------------------------------------------------

RELATED_BODY = BODY + (
    '<p>Read <a href="/world/inline-story">the earlier report on floods</a> for context.</p>'
    '<p>Also read: <a href="/world/also-story">Flood defences fail in the north</a></p>'
    '<nav class="post-nav"><a rel="prev" href="/world/prev-story">Heatwave breaks records</a>'
    '<a rel="next" href="/world/next-story">Rain returns to the valley</a></nav>'
)
BLOCKS = (
    "<aside><h2>More from World</h2><ul>"
    '<li><a href="/world/a">Quake shakes the capital city</a><p>Teaser about the quake.</p></li>'
    '<li><a href="/world/b">Elections called for June</a></li></ul></aside>'
    "<section><h3>Most read</h3><ol>"
    '<li><a href="/pop/1">Ten things to know today</a></li>'
    '<li><a href="/pop/2">Cat rescued from a tree</a></li></ol></section>'
    '<div><h3>Related stories</h3><div><a href="/rel/1">Storm season starts early</a>'
    '<a href="/rel/2">How storms are named</a></div></div>'
    '<div class="box"><h4>Related topics</h4><a href="/t/1">Weather news</a>'
    '<a href="/t/2">Coast news</a></div>'
)


def test_related_links_are_typed():
    html = page(body=RELATED_BODY).replace("</article>", "</article>" + BLOCKS)
    story = extract_html(html, url=URL)
    by_kind = {}
    for link in story.links:
        by_kind.setdefault(link.kind, []).append(link)
        assert link.kind in LINK_KINDS
        assert link.url.startswith("https://news.example.com/")
    assert [link.position for link in story.links] == list(range(len(story.links)))
    assert by_kind["inline"][0].title == "the earlier report on floods"
    assert by_kind["also_read"][0].url == "https://news.example.com/world/also-story"
    assert by_kind["previous_story"][0].title == "Heatwave breaks records"
    assert by_kind["next_story"][0].title == "Rain returns to the valley"
    latest = by_kind["section_latest"]
    assert [link.title for link in latest] == [
        "Quake shakes the capital city",
        "Elections called for June",
    ]
    assert latest[0].section == "World"
    assert latest[0].snippet == "Teaser about the quake."
    assert len(by_kind["recommended"]) == 2
    assert {link.url for link in by_kind["related"]} == {
        "https://news.example.com/rel/1",
        "https://news.example.com/rel/2",
    }
    assert not any("Also read" in p for p in story.paragraphs)
    assert not any(link.url.endswith("/t/1") for link in story.links)


@pytest.mark.parametrize(
    ("line", "also_read"),
    [
        ("Czytaj też: <a href='/a/1'>Wyścig zbrojeń ruszył z kopyta</a>", True),
        ("À lire aussi » <a href='/a/1'>Ballonnements : quel est votre profil ?</a>", True),
        ("Lesen Sie hier: <a href='/a/1'>Spielabbruch in der Kreisliga</a>", True),
        ("VEA TAMBIÉN: <a href='/a/1'>Estrella de la educación no brilla</a>", True),
        ("LE PUEDE INTERESAR: <a href='/a/1'>La ficha de Juan Orlando Hernández</a>", True),
        ("MIRA | <a href='/a/1'>Kenji Fujimori: PJ concluye con interrogatorio</a>", True),
        ("Auch lesen: <a href='/a/1'>Diese 3 Sternzeichen verschenken ihr Herz</a>", True),
        # Such words opening a sentence with a link in it are text.
        ("Lesen Sie auch den <a href='/a/1'>Bericht des Hafenamts</a> zu den Kosten.", False),
    ],
)
def test_also_read_lines_in_other_languages_become_links(line, also_read):
    story = extract_html(page(body=BODY + f"<p>{line}</p>"), url=URL)
    found = [link for link in story.links if link.kind == "also_read"]
    assert bool(found) == also_read
    assert any(line[:12] in p for p in story.paragraphs) != also_read
    if also_read:
        assert found[0].url == "https://news.example.com/a/1"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("More from Politics", ("section_latest", "Politics")),
        ("Latest from Top News", ("section_latest", "Top News")),
        ("Latest in Sport:", ("section_latest", "Sport")),
        ("Don't miss", ("recommended", None)),
        ("Most Read", ("recommended", None)),
        ("Editor's picks", ("recommended", None)),
        ("Trending now", ("recommended", None)),
        ("Related stories", ("related", None)),
        ("You may also like", ("related", None)),
        ("More on this story", ("related", None)),
        ("Related topics", None),
        ("Sign up for our newsletter", None),
    ],
)
def test_classify_heading(heading, expected):
    assert classify_heading(heading) == expected


# --- page types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "url", "page_type"),
    [
        (
            "<html><head><title>404 - Page not found</title></head><body><h1>Page not found</h1>"
            "<p>Sorry, we could not find that page.</p></body></html>",
            "https://news.example.com/missing",
            "error",
        ),
        (
            '<html><head><title>Example News</title><meta property="og:type" content="website">'
            "</head><body>"
            + "".join(f'<h3><a href="/s/{i}">Headline number {i} here</a></h3>' for i in range(20))
            + "</body></html>",
            "https://news.example.com/",
            "home",
        ),
        (
            "<html><head><title>World news</title></head><body><h1>World</h1>"
            + "".join(
                f'<article><h3><a href="/world/{i}">World story {i} headline</a></h3>'
                f"<p>Short teaser {i}.</p></article>"
                for i in range(20)
            )
            + "</body></html>",
            "https://news.example.com/section/world",
            "listing",
        ),
        (page(), URL, "article"),
        # A WordPress post addressed by its id at the site's root is no home page.
        (page(), "https://news.example.com/?p=5031", "article"),
        (page(), "https://news.example.com/?utm_source=feed", "home"),
    ],
)
def test_page_type(html, url, page_type):
    story = extract_html(html, url=url)
    assert story.page_type == page_type
    assert story.page_type in PAGE_TYPES
    if page_type != "article":
        assert story.paragraphs == []
        assert story.authors == []


# --- charsets and broken input -------------------------------------------------------------

FRENCH = "<p>Le café était très animé à l’été, où l’on parlait déjà de la rentrée.</p>" * 6


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (page(body=FRENCH).encode("utf-8"), None),
        (page(body=FRENCH).replace("utf-8", "iso-8859-1").encode("utf-8"), None),
        (page(body=FRENCH).replace("utf-8", "utf-8").encode("cp1252"), None),
        (page(body=FRENCH).encode("cp1252"), "windows-1252"),
        (page(body=FRENCH).encode("utf-8"), "iso-8859-1"),
        (b"\xef\xbb\xbf" + page(body=FRENCH).encode("utf-8"), "windows-1252"),
        (page(body=FRENCH).encode("utf-16"), None),
        (page(body=FRENCH).encode("utf-8").decode("latin-1").encode("utf-8"), None),
        # An excerpt cut mid-character leaves one broken sequence in a UTF-8 page.
        (page(body=FRENCH + "<a>papieros~...</a>").encode("utf-8").replace(b"~", b"\xc3"), None),
    ],
    ids=[
        "utf8",
        "meta-wrong",
        "utf8-declared-cp1252-bytes",
        "http-cp1252",
        "http-wrong",
        "bom",
        "utf16-bom",
        "mojibake",
        "utf8-one-broken-sequence",
    ],
)
def test_decoding(data, declared):
    text = decode_html(data, declared_charset=declared)
    assert "Le café était très animé à l’été" in text
    story = extract_html(text, url=URL)
    assert story.paragraphs[0].startswith("Le café était très animé")


def test_bytes_input_uses_meta_charset():
    data = page(body=FRENCH).replace("utf-8", "windows-1252").encode("cp1252")
    story = extract_html(data, url=URL)
    assert "très animé" in story.paragraphs[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        ("   \n ", "empty"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 50, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("just some plain text, no markup at all", "not HTML"),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "feed",
        ),
    ],
)
def test_bad_input_raises(data, reason):
    with pytest.raises(ExtractionError, match=reason):
        extract_html(data)


def test_truncated_html_does_not_crash():
    html = page(jsonld(ARTICLE_LD))
    story = extract_html(html[: len(html) // 2], url=URL)
    assert story.title == "Storm hits the coast (JSON-LD)"
    assert story.paragraphs


def test_huge_page_is_capped_with_note():
    filler = "<p>" + "word " * 200 + "</p>"
    html = page(body=BODY + filler * (MAX_HTML_CHARS // len(filler) + 10))
    story = extract_html(html, url=URL)
    assert any("truncated" in note for note in story.notes)


# --- real pages (Mozilla Readability test suite, Apache-2.0) -------------------------------


@pytest.mark.parametrize("case", ["aclu", "liberation-1", "lwn-1"])
def test_real_pages_against_gold(case):
    html = gzip.decompress((FIXTURES / f"{case}.html.gz").read_bytes())
    gold = json.loads((FIXTURES / f"{case}.expected-metadata.json").read_text())
    story = extract_html(html, url="http://fakehost/test/page.html")
    assert story.page_type == "article"
    assert len(story.body_text.split()) > 200
    if case != "lwn-1":  # gold keeps the "[LWN.net]" site suffix that we drop
        assert norm(story.title) == norm(gold["title"])
    if gold["siteName"]:
        assert story.outlet == gold["siteName"]
    if gold["publishedTime"]:
        assert story.published_at.date().isoformat() == gold["publishedTime"][:10]
    if case != "liberation-1":  # page metadata names the agency (AFP), the byline a reporter
        assert story.authors and story.authors[0] in gold["byline"]


def test_real_page_links():
    html = gzip.decompress((FIXTURES / "aclu.html.gz").read_bytes())
    story = extract_html(html, url="http://fakehost/test/page.html")
    kinds = {link.kind for link in story.links}
    assert "inline" in kinds
    assert all(link.url and link.url.startswith("http") for link in story.links)


# --- property: only ExtractionError escapes ------------------------------------------------

FRAGMENTS = st.lists(
    st.sampled_from(
        [
            "<html>",
            "</html>",
            "<head>",
            "<body>",
            "<p>",
            "</p>",
            "<div class='related'>",
            "<h2>More from World</h2>",
            "<a href='/x'>",
            "<a href='http://[bad'>",
            "</a>",
            '<script type="application/ld+json">',
            "</script>",
            '{"@type": "NewsArticle"',
            '"author": [',
            "<meta charset='utf-16'>",
            "<meta property='og:title' content='T'>",
            "<title>",
            "</title>",
            "Also read: ",
            "Czytaj też: ",
            "<h1>",
            "</h1>",
            "<p class='lead'>",
            "<meta name='description' content='The lead of the story, as declared.'>",
            ', "articleBody": "One.\\nTwo &amp; <b>three</b>."',
            "The lead of the story, as declared.",
            "Read more",
            "Loading...",
            "<base href='::'>",
            "&amp;",
            "\x00",
            "é",
            "<!--",
        ]
    )
    | st.text(max_size=40),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), FRAGMENTS))
def test_arbitrary_input_only_raises_extraction_error(data):
    try:
        story = extract_html(data, url="https://example.com/a")
    except ExtractionError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert story.page_type in PAGE_TYPES


# --- body furniture, gallery slides, balanced-mode retry, mojibake sampling -------------------

STORY = [f"Paragraph {i} of the story says crews worked through the night." for i in range(8)]


@pytest.mark.parametrize(
    ("extra", "position", "dropped"),
    [
        ("Sign up for our free daily newsletter and never miss a story.", -1, True),
        ("© 2024 Example News. All rights reserved.", -1, True),
        ("Follow The Example on Twitter and Instagram @example.", -1, True),
        ("To view the full story, please subscribe to The Example.", -1, True),
        ("Advertisement", 4, True),
        ("(Credit: Jane Doe / Agency)", 4, True),
        ("subtitles off, selected", 4, True),
        ("Rezept drucken", 4, True),
        ("Print this page", 4, True),
        ("Möchten Sie den Artikel teilen?", -1, True),
        ("War der Artikel nützlich?", -1, True),
        ("Teile diesen Beitrag auf Social Media.", -1, True),
        ("Kommentare sind geschlossen.", -1, True),
        ("Para comentar debes registrarte y completar los datos generales.", -1, True),
        ("Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein.", -1, True),
        ("%d Bloggern gefällt das:", -1, True),
        ("If you enjoyed reading this post – would you consider supporting our work?", -1, True),
        ("Pour lire la suite et accéder gratuitement à 3 articles par mois", -1, True),
        ("Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.", -1, True),
        ("Video verfügbar bis: 14.10.2020 ∙ 14:00 Uhr", -1, True),
        ("Titelbild: Fachy Marín on Unsplash", -1, True),
        ("View Comments", 2, True),
        ("Anzeige", 4, True),
        ("Reklama", 4, True),
        ("Empfohlener redaktioneller Inhalt", 4, True),
        ("{{#topArticle.elements}} {{#title}} {{{title}}} {{/title}}", 4, True),
        # One pair of braces in text (a code sample, a quote) is text.
        ("The template prints {{name}} where the reader's name goes.", 4, False),
        ("This entry was posted in Allgemein. Bookmark the permalink.", -1, True),
        ("Crédits photos : Bestimage", -1, True),
        ("Image illustrative : Lots of Lego Minifigures by Ninja Brick", -1, True),
        # A sentence about sharing is text.
        ("Die Nachbarn teilen sich seit Jahren einen Garten am Hafen.", 4, False),
        ("This is a modal window.", 4, True),
        ("| | | |", 4, True),
        ("Never miss the latest news by signing up to our newsletter today!", 4, True),
        ("News date : 04/21/2022 Category : Press Releases", -1, True),
        ("page.html - Created 03-10-2004 - Last Modified: 03-10-2004", -1, True),
        ("Zurück nach oben", -1, True),
        ("Back to top", 4, True),
        ("Gefällt mir", -1, True),
        ("Like this:", -1, True),
        ("Ähnliche Beiträge", -1, True),
        ("Mirá también", -1, True),
        (
            "Warning: Creating default object from empty value in "
            "/www/htdocs/w0094d70/wp-includes/classes.php on line 407",
            4,
            True,
        ),
        ("Mehr erfahren", 4, True),
        ("Read more »", 4, True),
        # "like this:" ending a sentence before a code listing is text.
        ("like this:", 4, False),
        # Article text that merely mentions such words stays.
        ("The council voted to subscribe to the regional water scheme next year.", 4, False),
        ("LVMH's donation will cover a portion of the purchase price of the painting.", -1, False),
        ("She said the museum is on Twitter, where it posts the daily visitor numbers.", -1, False),
        ("This isn't a manifesto™© we just think it's cool to share what we learned.", -1, False),
        (" ".join(["The subscription model was debated at length by the board."] * 5), -1, False),
    ],
)
def test_drop_furniture(extra, position, dropped):
    from newsdesk.extract.html_boilerplate import drop_furniture

    paragraphs = list(STORY)
    paragraphs.insert(position if position >= 0 else len(paragraphs), extra)
    kept = drop_furniture(paragraphs)
    assert (extra not in kept) == dropped
    assert all(p in kept for p in STORY)


@pytest.mark.parametrize(
    ("tail", "dropped"),
    [
        (["Mehr zum Thema", "Hafen: Neue Brücke kommt", "Tram: Neue Linie ab Mai"], True),
        (["Weiterführende Links:", "Die Seite des Hafenamts"], True),
        (["Related", "Harbour bridge approved", "Tram line opens in May"], True),
        (["Weitere aktuelle Themen aus der Arbeitswelt", "XING-Studie zum Stellenmarkt"], True),
        (["Lesen Sie auch die folgenden Beiträge:", "Der Jobmarkt bleibt vital"], True),
        (["Schon gelesen?", "Luftwaffe beginnt mit dem Training"], True),
        (["Top-Themen bei FIT FOR FUN"], True),
        (["Contenido Relacionado", "La Asamblea aprueba el presupuesto"], True),
        (["Audios et vidéos sur le sujet", "La perte des terres fertiles"], True),
        (["Temas"], True),
        (["Das könnte dich auch interessieren …"], True),
        (["Otras Noticias", "Luego de estrangular a Laura, feminicida se fue a la fiesta"], True),
        (["Zobacz także", "Reuters: Gazprom przelał PGNiG 1,5 mld dolarów"], True),
        (["Pour approfondir", "Coronavirus, un témoignage du front"], True),
        (["Empfohlene Beiträge", "Process Mining und Verhaltensvielfalt versöhnen"], True),
        (["Auch interessant:", "Jobs der Woche: 10 Marketing-Stellen"], True),
        (["Das Thema könnte dich auch interessieren:", "Wellness für das Gesicht"], True),
        (["Mehr zum Thema auf UEPO.de", "Glossar zur Corona-Pandemie"], True),
        # A long paragraph after the header: the article goes on, nothing is cut.
        (["Mehr zum Thema", " ".join(STORY)], False),
        # A sentence that starts like a header is text.
        (
            ["Weitere Beiträge zu unseren Arbeiten sind in diesen", "Medium-Beiträgen zu finden."],
            False,
        ),
    ],
)
def test_a_related_header_near_the_end_takes_its_titles_along(tail, dropped):
    from newsdesk.extract.html_boilerplate import drop_furniture

    kept = drop_furniture(STORY + tail)
    assert kept[: len(STORY)] == STORY
    assert (kept == STORY) == dropped


def test_drop_furniture_keeps_a_page_that_is_only_a_notice():
    from newsdesk.extract.html_boilerplate import drop_furniture

    notice = ["Subscribe now to read the full story."]
    assert drop_furniture(notice) == notice


@pytest.mark.parametrize(
    ("slides", "dropped"),
    [
        ([f"{k}/20 Caption of slide {k} about the markets" for k in range(1, 6)], True),
        (["1/2 cup of sugar goes in first", "2/3 of the flour next"], False),
        (["3/4 of voters agreed", "1/4 disagreed", "2/4 abstained"], True),
    ],
)
def test_gallery_slides_are_dropped(slides, dropped):
    from newsdesk.extract.html_boilerplate import drop_furniture

    kept = drop_furniture(STORY[:4] + slides + STORY[4:])
    assert all((s not in kept) == dropped for s in slides)


def test_newsletter_box_title_goes_with_its_prompt():
    from newsdesk.extract.html_boilerplate import drop_furniture

    box = ["Example Newsletter", "Sign up to get the best content of the week."]
    kept = drop_furniture(STORY[:4] + box + STORY[4:])
    assert kept == STORY


def test_repeated_paragraph_is_kept_once():
    from newsdesk.extract.html_boilerplate import drop_furniture

    kept = drop_furniture([*STORY[:3], "Business news in pictures", "Business news in pictures"])
    assert kept.count("Business news in pictures") == 1


@pytest.mark.parametrize(
    ("recall", "balanced", "chosen"),
    [
        # little text from recall mode, much more from balanced mode that keeps it: balanced
        (["Short intro text here."], ["Short intro text here.", "More " * 400], "balanced"),
        # balanced mode finds a different part of the page: recall kept
        (["Short intro text here."], ["Entirely other words " * 200], "recall"),
        # recall mode already found a full body: balanced never consulted
        (["Long body " * 300], ["Long body " * 300, "more " * 900], "recall"),
    ],
)
def test_balanced_mode_retry(monkeypatch, recall, balanced, chosen):
    from lxml import etree

    from newsdesk.extract import html_body

    def blocks(texts):
        out = []
        for text in texts:
            p = etree.Element("p")
            p.text = text
            out.append(p)
        return out

    runs = {True: blocks(recall), False: blocks(balanced)}
    monkeypatch.setattr(
        html_body, "_trafilatura_blocks", lambda tree, url, *, favor_recall: runs[favor_recall]
    )
    page = lxml.html.fromstring("<html><body><p>Stand-in page.</p></body></html>")
    body = html_body.extract_body(page, None)
    assert body.blocks is runs[chosen == "recall"]


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii " * 50 + "caf\u00c3\u00a9 and \u00e2\u20ac\u2122quotes" + " more" * 50,
        "A clean page with curly \u2019quotes\u2019 and caf\u00e9 " * 30,
        "\u00c3\u00a9t\u00c3\u00a9 au d\u00c3\u00a9but",
        "Stra\u00dfe \u2014 \u00fcber \u201cGr\u00fc\u00dfe\u201d \u00a9 2024",
    ],
)
def test_mojibake_sample_gives_ftfy_the_same_verdict(text):
    from ftfy.badness import is_bad

    from newsdesk.extract.charset import _non_ascii_context

    assert is_bad(_non_ascii_context(text)) == is_bad(text)


def test_punctuation_only_title_without_outlet():
    story = extract_html("<title>:</title>", url="https://example.com/a")
    assert story.outlet is None


_NAV_BODY = "".join(
    f"<p>Paragraph {i} of the main story with enough words to be a real body text here.</p>"
    for i in range(6)
)


@pytest.mark.parametrize(
    ("nav", "expected"),
    [
        # A label-only link keeps its URL but never takes the label as the story title.
        (
            '<a rel="prev" href="/older/"><span>←</span> Previous story</a>',
            [("previous_story", None, "https://example.org/older/")],
        ),
        (
            '<a rel="prev" href="/older/" title="Older harbour story">← Previous story</a>',
            [("previous_story", "Older harbour story", "https://example.org/older/")],
        ),
        # Label and title in one anchor, longer than a short label.
        (
            '<a href="/newer/">Next article: Harbour reopens after long repairs</a>',
            [("next_story", "Harbour reopens after long repairs", "https://example.org/newer/")],
        ),
        # Pagination is not a story.
        ('<a rel="next" href="/page/2">Next »</a>', []),
    ],
)
def test_previous_next_navigation_labels(nav, expected):
    html = (
        "<html><head><title>Main story here today</title></head><body><article>"
        f"<h1>Main story here today</h1>{_NAV_BODY}</article><nav>{nav}</nav></body></html>"
    )
    story = extract_html(html, url="https://example.org/main/")
    found = [
        (link.kind, link.title, link.url)
        for link in story.links
        if link.kind in ("previous_story", "next_story")
    ]
    assert found == expected


def test_a_few_broken_sequences_leave_a_utf8_page_utf8():
    from newsdesk.extract.charset import _decode_lenient

    polish = "Kolejne organizacje sprzeciwiają się atakom na Fundację. Łukasz Brzeziński. " * 8
    data = (polish + "papieros~... " + polish).encode("utf-8").replace(b"~", b"\xc3")
    text = _decode_lenient(data, "utf-8")
    assert text is not None and text.startswith("Kolejne organizacje sprzeciwiają")
    # cp1252 text read as UTF-8 breaks at every accented letter: not UTF-8.
    assert _decode_lenient(("Le café était très animé. " * 20).encode("cp1252"), "utf-8") is None


def test_control_characters_do_not_empty_the_body():
    # A stray BEL (\x07) in one footnote made trafilatura's XML body drop the whole article.
    body = FRENCH + "<p>Source\x07: WWF\x07 (2020), Living Planet Report\x0c2020.</p>"
    story = extract_html(page(body=body), url=URL)
    assert story.paragraphs[0].startswith("Le café était très animé")
    assert story.paragraphs[-1] == "Source: WWF (2020), Living Planet Report 2020."


def test_text_comes_out_in_one_unicode_form():
    decomposed = "Le cafe\u0301 e\u0301tait tre\u0300s anime\u0301 a\u0300 l’e\u0301te\u0301."
    story = extract_html(page(body=f"<p>{decomposed} {FRENCH[3:-4]}</p>" * 3), url=URL)
    assert story.paragraphs[0].startswith("Le café était très animé à l’été.")


@pytest.mark.parametrize(
    ("link", "authors"),
    [
        ('<a href="/autoren/georg-quaas/">Georg Quaas</a>, 21. Jan. 2015', ["Georg Quaas"]),
        (
            '<a href="https://example.com/author/martin">Alles von Martin Junker</a>',
            ["Martin Junker"],
        ),
        # A menu link to the authors' index, or a button, names no one.
        ('<a href="/autoren/">Unsere Autoren</a>', []),
        ('<a href="/author/jane-doe/">See All</a>', []),
    ],
)
def test_a_link_to_an_author_page_names_the_author(link, authors):
    body = f"<div class='meta'>{link}</div>{FRENCH}"
    story = extract_html(page(body=body), url=URL)
    assert story.authors == authors


@pytest.mark.parametrize(
    ("box", "dropped"),
    [
        # A related box inside the body: a capitalised header over a few headlines.
        (
            [
                "Related Coverage",
                "Verizon Announces Deal for Yahoo Business",
                "Yahoo Sale Ends an Era",
            ],
            True,
        ),
        (
            [
                "Mehr zum Thema Gesundheit:",
                "Augenzucken: Das will dein Körper sagen",
                "Vitamine gegen Müdigkeit im Winter",
            ],
            True,
        ),
        # An ingredient list under a comment prompt, and a line of text, are no box.
        (
            [
                "Add a comment",
                "Ingredients",
                "1 medium onion, finely chopped",
                "2 tablespoons butter",
            ],
            False,
        ),
        (["mehr aus unserem Leben hätten", "In der Natur wächst", "alles Oder es stirbt"], False),
    ],
)
def test_a_related_box_inside_the_body_goes(box, dropped):
    from newsdesk.extract.html_boilerplate import drop_furniture

    paragraphs = STORY[:4] + box + STORY[4:]
    kept = drop_furniture(paragraphs)
    assert all(p in kept for p in STORY)
    assert (not any(p in kept for p in box)) == dropped


@pytest.mark.parametrize(
    "heading",
    [
        '<h1><span class="dachzeile">Klimaschutz</span>: Bohren, bis es heiß wird</h1>',
        '<h1><span class="article-header__roofline">Klimaschutz</span> '
        "<span>Bohren, bis es heiß wird</span></h1>",
        '<h1><span class="entry-title__toptitle">Klimaschutz</span>Bohren, bis es heiß wird</h1>',
    ],
)
def test_a_kicker_marked_inside_the_heading_is_not_part_of_the_title(heading):
    html = story_page(
        "<title>Klimaschutz: Bohren, bis es heiß wird | Zeitung</title>"
        '<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">',
        heading,
    )
    story = extract_html(html, url="https://zeitung.example.de/wissen/bohren")
    assert story.title == "Bohren, bis es heiß wird"


@pytest.mark.parametrize("hidden", ["visuallyhidden", "sr-only", "screen-reader-text"])
def test_a_label_only_screen_readers_get_is_not_part_of_the_title(hidden):
    html = story_page(
        "<title>Energiewende und gesellschaftlicher Wandel</title>",
        f'<h1><div><span class="{hidden}">Headline:</span> Energiewende und '
        "gesellschaftlicher Wandel</div></h1>",
    )
    story = extract_html(html, url="https://institut.example.de/forschung/energiewende")
    assert story.title == "Energiewende und gesellschaftlicher Wandel"


@pytest.mark.parametrize(
    ("tab", "heading", "expected"),
    [
        # Blog software and a blog's own name in the tab title, the post title as a heading.
        (
            "Blog Archiv » Podcasts in Plex einbinden",
            "<h2>Podcasts in Plex einbinden</h2>",
            "Podcasts in Plex einbinden",
        ),
        (
            "Alles Neue mach der Mai | Bibliothek 2.0 und mehr",
            "<h3>Alles Neue mach der Mai</h3>",
            "Alles Neue mach der Mai",
        ),
        # A one-word label shown as a heading is no headline.
        ("Forum | Kein App Store über mobile Daten", "<h2>Forum</h2>", None),
    ],
)
def test_the_segment_of_the_tab_title_shown_as_a_heading_is_the_title(tab, heading, expected):
    html = (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{tab}</title>'
        f"</head><body><div class='post'>{heading}{BODY}</div></body></html>"
    )
    story = extract_html(html, url="https://blog.example.de/2020/05/post")
    assert story.title == (expected or tab)


def test_ruby_annotations_are_not_text():
    page = story_page(
        header="<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt>"
        "<rp>)</rp></ruby>を禁止する</h1>",
        body="".join(
            f"<p><ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために{i}回目。</p>"
            for i in range(12)
        ),
    )
    story = extract_html(page.encode("utf-8"))
    assert story.title == "子どもへの体罰を禁止する"
    assert story.paragraphs and all("ほうりつ" not in p for p in story.paragraphs)
    assert any(p.startswith("法律ができて") for p in story.paragraphs)


def test_teaser_cards_closed_by_read_more_buttons_at_the_end_go():
    from newsdesk.extract.html_boilerplate import drop_furniture

    cards = []
    for title in ("Mehr SHEIN als Sein", "Systemwandel selbermachen", "Markenmode als Brennstoff"):
        cards += [title, f"{title}: ein kurzer Anriss des Artikels in einem Satz.", "mehr erfahren"]
    kept = drop_furniture([*STORY, "Zum Weiterlesen", *cards])
    assert kept == list(STORY)


@pytest.mark.parametrize(
    ("teaser", "dropped"),
    [
        # A teaser card: its headline over a snippet run into the read-more link.
        (
            [
                "Corona-Ticker: Länder geben Details bekannt",
                "Die Bundesländer haben Details zu den Lockerungen bekannt gegeben. mehr",
            ],
            True,
        ),
        (["The Petroleum Commission is far more important than the Board. Yet, the... more"], True),
        (["Sommerzeit ist Urlaubszeit, das lässt sich niemand zweimal sagen. Weiterlesen →"], True),
        # "more" inside a sentence, and a sentence that ends on "more", are text.
        (["Crews said they would need more time to clear the harbour."], False),
        (["The harbour needs money, and more."], False),
    ],
)
def test_a_teaser_closed_by_its_read_more_link_goes(teaser, dropped):
    from newsdesk.extract.html_boilerplate import drop_furniture

    kept = drop_furniture(STORY[:4] + teaser + STORY[4:])
    assert all(p in kept for p in STORY)
    assert (not any(p in kept for p in teaser)) == dropped


def test_a_page_that_opens_with_teasers_keeps_them():
    from newsdesk.extract.html_boilerplate import drop_furniture

    # A press-release index: each item a headline and a cut snippet with its link.
    items = []
    for k in range(4):
        items += [
            f"Windpark {k} geht ans Netz",
            f"0{k + 1}.12.2022 | Bremen (pressedienst) - Der Windpark {k} liefert ab sofort "
            "Strom für zehntausend Haushalte und wurde in nur einem Jahr gebaut, nachdem die "
            "Genehmigung im Frühjahr erteilt worden war. Die Anlagen... weiter...",
        ]
    assert drop_furniture(items + STORY[:2]) == items + STORY[:2]


@pytest.mark.parametrize(
    "placeholder",
    ["Loading...", "Kommentare werden geladen...", "Please wait…", "Chargement..."],
)
def test_a_loading_placeholder_goes(placeholder):
    from newsdesk.extract.html_boilerplate import drop_furniture

    assert drop_furniture([*STORY[:4], placeholder, *STORY[4:]]) == STORY


def test_teaser_cards_under_a_related_header_inside_the_body_go():
    from newsdesk.extract.html_boilerplate import drop_furniture

    box = [
        "Mehr zu Klima und Konsum",
        "Verpackungsmüll und Klimakrise",
        "Ölunternehmen produzieren weniger Benzin, dafür mehr Plastik. Das verschärft das Problem.",
        "Was ist der Earth Overshoot Day?",
        "Am Erdüberlastungstag hat der Mensch sämtliche Ressourcen eines Jahres verbraucht.",
    ]
    assert drop_furniture(STORY[:4] + box + STORY[4:]) == STORY


def test_a_declared_title_cut_by_an_unescaped_quote_is_mended():
    page = story_page(
        head='<title>Senador republicano califica a Biden de "incapacitado"</title>'
        '<meta property="og:title" content="Senador republicano califica a Biden de '
        '"incapacitado"" />',
        body="".join(
            f"<p>El senador dijo que el presidente no puede gobernar, parte {i}.</p>"
            for i in range(10)
        ),
    )
    story = extract_html(page.encode("utf-8"))
    assert story.title == 'Senador republicano califica a Biden de "incapacitado"'


LEAD = "Crews worked through the night after the storm cut power to thousands of homes."


def lead_page(lead_html: str, description: str = LEAD, after: str = "") -> str:
    """A page whose standfirst sits in the header, beside the headline, not in the body."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="description" content="{description}"></head><body>'
        f'<header class="article-header"><h1>Storm hits the coast</h1>{lead_html}'
        '<div class="byline">By Jane Doe</div></header>'
        f'<main><div class="article-body">{BODY}</div></main>{after}</body></html>'
    )


@pytest.mark.parametrize(
    ("html", "lead_first"),
    [
        # The standfirst the page shows under its headline opens the body.
        (lead_page(f'<p class="teaser">{LEAD}</p>'), True),
        # A description cut with an ellipsis still finds the full standfirst.
        (lead_page(f"<div><strong>{LEAD}</strong></div>", description=LEAD[:60] + "…"), True),
        # A description the page never shows adds nothing.
        (lead_page("", description=LEAD), False),
        # Shown only after the body (a teaser of this story in a list): not a standfirst.
        (lead_page("", after=f"<aside><p>{LEAD}</p></aside>"), False),
        # Not the description, but classed as the lead: a standfirst too.
        (lead_page(f'<div class="tb-article-intro">{LEAD}</div>', description="Other."), True),
        (lead_page(f'<p class="DefaultEinleitung">{LEAD}</p>', description="Other."), True),
        # A caption or a notice in a lead-classed block is not one.
        (lead_page(f'<p class="lead caption">{LEAD}</p>', description="Other."), False),
        (
            lead_page(
                '<p class="intro">We may receive a commission for purchases made through '
                "links in this article, at no extra cost to you.</p>",
                description="Other.",
            ),
            False,
        ),
    ],
)
def test_the_standfirst_under_the_headline_opens_the_body(html, lead_first):
    story = extract_html(html, url=URL)
    assert (story.paragraphs[0] == LEAD) == lead_first
    assert sum(LEAD in p for p in story.paragraphs) == (1 if lead_first else 0)
    assert story.paragraphs[int(lead_first)].startswith("Paragraph 0")


@pytest.mark.parametrize(
    ("description", "summary"),
    [
        (
            "Die Abgeordnete Aydan&amp;nbsp;Özoğuz ist gewählt.",
            "Die Abgeordnete Aydan Özoğuz ist gewählt.",
        ),
        ("&lt;p&gt;Die frühen 1970er Jahre&lt;/p&gt;", "Die frühen 1970er Jahre"),
        ("Q&amp;A with the mayor", "Q&A with the mayor"),
    ],
)
def test_a_description_escaped_twice_or_written_as_html_is_read_as_text(description, summary):
    story = extract_html(page(f'<meta name="description" content="{description}">'), url=URL)
    assert story.summary == summary


DECLARED_BODY = "\n".join(
    f"Declared paragraph {i} says the harbour bridge will open next spring after the vote."
    for i in range(6)
)


@pytest.mark.parametrize(
    ("visible", "declared_wins"),
    [
        # A paywalled page shows a stub; its JSON-LD carries the article.
        ("<p>Subscribe to read the full story about the harbour bridge.</p>", True),
        # A page that shows its article keeps what it shows.
        (BODY, False),
    ],
)
def test_a_declared_article_body_replaces_a_stub(visible, declared_wins):
    head = jsonld({**ARTICLE_LD, "articleBody": DECLARED_BODY})
    story = extract_html(page(head, body=visible), url=URL)
    assert (story.paragraphs == DECLARED_BODY.split("\n")) == declared_wins
    assert (story.provenance.get("paragraphs") == "jsonld") == declared_wins


@pytest.mark.parametrize(
    "html",
    [
        # Found by the property test: a malformed address in a link inside the headline.
        "<h1><h2>More from World</h2><a href='http://[bad'>",
        "<article><a rel='author' href='http://[bad/author/jane'>Jane Doe</a><p>Text.</p>",
    ],
)
def test_malformed_addresses_in_a_page_are_ignored(html):
    story = extract_html(html, url="https://example.com/a")
    assert story.page_type in PAGE_TYPES


def test_a_malformed_page_address_is_ignored():
    story = extract_html(page(), url="http://[bad/2024/05/01/storm")
    assert story.title == "Storm hits the coast"


def _wordpress_time(day: str) -> str:
    return (
        f'<time class="entry-date published updated" datetime="{day}T10:07:02+01:00">Sonntag</time>'
    )


@pytest.mark.parametrize(
    ("article_times", "aside_times", "published"),
    [
        # A post never edited: WordPress marks its one date both published and updated.
        (["2020-02-23"], [], "2020-02-23"),
        # A list of posts beside the article, each with such a date: none is this page's.
        ([], ["2020-12-03", "2023-01-06"], None),
    ],
)
def test_a_wordpress_date_marked_published_and_updated_is_the_publication(
    article_times, aside_times, published
):
    byline = "".join(f"<p>Von SeglerBlog {_wordpress_time(t)}</p>" for t in article_times)
    aside = "".join(f"<h4>Post</h4>{_wordpress_time(t)}" for t in aside_times)
    # A short post (a poster competition notice): the page's one date is its <time>.
    text = "<p>Der Plakatwettbewerb für Kinder beginnt. Gestalte ein Plakat!</p>"
    html = (
        '<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body><article>'
        f"<h1>Haltet unsere Gewässer sauber</h1>{byline}{text}</article><aside>{aside}</aside>"
        "</body></html>"
    )
    story = extract_html(html, url="https://blog.example.de/haltet-unsere-gewaesser-sauber/")
    day = story.published_at.date().isoformat() if story.published_at else None
    assert day == published


@pytest.mark.parametrize(
    ("after_headline", "expected"),
    [
        ("<div><span>By</span> <a href='/a/jane'>Jane Doe</a></div>", ["Jane Doe"]),
        # The footer's credit for the site's theme, set apart like a byline.
        (
            "<div class='copyright-area'>Crafted with <i class='fa fa-heart'></i> by "
            "<a href='https://www.templatesyard.com/'>TemplatesYard</a></div>",
            [],
        ),
        ("<p>Designed by</p><p><a href='https://themes.example/'>Theme Shop</a></p>", []),
    ],
)
def test_byline_near_the_headline(after_headline: str, expected: list[str]) -> None:
    tree = lxml.html.fromstring(f"<html><body><h1>{HEADLINE}</h1>{after_headline}</body></html>")
    assert byline_near(headline_element(tree, HEADLINE)) == expected
