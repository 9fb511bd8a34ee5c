"""What kind of page an HTML file is: article, home, listing, error page or consent wall.

Saved pages (`newsdesk ingest`) come without their URL, so the page's own declarations
(canonical URL, og:url, og:type, JSON-LD) and its teaser structure must place it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsdesk.extract.html import extract_html
from newsdesk.identity import story_id_for

NEWSDESK = str(Path(sys.executable).parent / "newsdesk")
SITE = "https://dailyledger.example"
DATED = f"{SITE}/news/2024/05/02/council-budget"
WORDS = "council budget schools roads hospitals families officials region rural towns".split()


def prose(n: int, seed: int = 0) -> str:
    """`n` words of filler prose, in sentences of twelve words."""
    words = [WORDS[(i * 7 + seed) % len(WORDS)] for i in range(n)]
    sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, n, 12)]
    return " ".join(sentences)


BODY = "".join(f"<p>{prose(60, i)}</p>" for i in range(5))


def article(
    title: str = "Council approves record budget",
    head: str = "",
    body: str = BODY,
    ld: bool = True,
) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": "2024-05-02T08:00:00Z",
        "author": {"@type": "Person", "name": "Jane Porter"},
    }
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>' if ld else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} | The Daily Ledger</title>{script}{head}</head><body>"
        f'<header><a href="/">The Daily Ledger</a></header><main><article><h1>{title}</h1>'
        f'<p class="byline">By Jane Porter</p>{body}</article></main></body></html>'
    )


def teasers(n: int, snippet_words: int = 30, tag: str = "article") -> str:
    return "".join(
        f"<{tag} class='teaser'><h2><a href='/news/2024/05/{i:02d}/story-{i}'>"
        f"Headline number {i} about the regional council</a></h2>"
        + (f"<p class='standfirst'>{prose(snippet_words, i)}</p>" if snippet_words else "")
        + f"<time datetime='2024-05-01T10:00:00Z'>May 1, 2024</time></{tag}>"
        for i in range(n)
    )


def page(head: str, main: str, title: str = "The Daily Ledger") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'{head}</head><body><header><a href="/" class="logo">The Daily Ledger</a><nav>'
        '<a href="/politics">Politics</a> <a href="/business">Business</a></nav></header>'
        f"<main>{main}</main><footer><p>© 2024 The Daily Ledger</p></footer></body></html>"
    )


# --- H2: home, section, tag and search pages saved without their URL ----------------------


@pytest.mark.parametrize(
    ("html", "page_type"),
    [
        pytest.param(
            page(
                f'<meta property="og:type" content="website"><link rel="canonical" href="{SITE}/">',
                "<h1>The Daily Ledger</h1><h2>Top stories</h2>" + teasers(40),
            ),
            "home",
            id="home-canonical-root-og-website",
        ),
        pytest.param(
            page(
                f'<meta property="og:type" content="website"><meta property="og:url" '
                f'content="{SITE}/">',
                teasers(30, snippet_words=0),
            ),
            "home",
            id="home-og-url-headlines-only",
        ),
        pytest.param(
            page(
                f'<link rel="canonical" href="{SITE}/politics/page/2">'
                '<link rel="next" href="/politics/page/3">',
                "<h1>Politics</h1>" + teasers(20),
                title="Politics – Page 2 – The Daily Ledger",
            ),
            "listing",
            id="section-page-2",
        ),
        pytest.param(
            page(
                f'<link rel="canonical" href="{SITE}/tag/climate-change/">',
                "<h1>Climate change</h1><p>All our coverage of climate change.</p>" + teasers(20),
                title="Tag: climate change | The Daily Ledger",
            ),
            "listing",
            id="tag-page",
        ),
        pytest.param(
            page(
                "",
                "<h1>Search results for “budget”</h1><p>Showing 1–10 of 248 results</p><ol>"
                + teasers(10, snippet_words=25, tag="li")
                + "</ol>",
                title="Search results for “budget” | The Daily Ledger",
            ),
            "listing",
            id="search-results-teaser-stream",
        ),
        pytest.param(
            page(
                '<script type="application/ld+json">'
                '{"@context":"https://schema.org","@type":"CollectionPage","name":"Sport"}'
                "</script>",
                "<h1>Sport</h1>" + teasers(12),
            ),
            "listing",
            id="jsonld-collection-page",
        ),
        # A long article with a related box of teasers stays an article.
        pytest.param(
            article(body=BODY + "<h2>Related stories</h2>" + teasers(6), ld=False),
            "article",
            id="article-with-related-teasers",
        ),
        # Site-wide og:type=website on a real article without a canonical root is no home.
        pytest.param(
            article(head='<meta property="og:type" content="website">', ld=False),
            "article",
            id="article-with-og-website",
        ),
    ],
)
def test_saved_pages_are_placed_by_what_they_declare(html, page_type):
    story = extract_html(html)
    assert story.page_type == page_type
    if page_type != "article":
        assert story.paragraphs == [] and story.published_at is None


def test_relative_teaser_links_resolve_against_the_canonical_url():
    html = page(
        f'<link rel="canonical" href="{SITE}/news/2024/05/02/council-budget">',
        "<article><h1>Council approves record budget</h1>"
        + BODY
        + "<h2>Related stories</h2><ul>"
        + "".join(
            f"<li><a href='/news/2024/05/0{i}/s{i}'>Story number {i} here</a></li>"
            for i in range(3)
        )
        + "</ul></article>",
    )
    story = extract_html(html)
    related = [link.url for link in story.links if link.kind == "related"]
    assert related == [f"{SITE}/news/2024/05/0{i}/s{i}" for i in range(3)]


# --- H1: a canonical URL naming the home page or a listing is no identity -------------------


@pytest.mark.parametrize(
    ("canonical", "url", "kept", "note"),
    [
        (f"{SITE}/", None, None, "home page"),
        (SITE, DATED, None, "home page"),
        (f"{SITE}/tag/budget/", None, None, "listing"),
        (f"{SITE}/politics/page/3", DATED, None, "listing"),
        # Normal canonicals are kept as they are.
        (f"{SITE}/news/2024/05/02/council-budget", None, DATED, None),
        (f"{SITE}/politics/council-budget", DATED, f"{SITE}/politics/council-budget", None),
        (f"{SITE}/?p=5031", None, f"{SITE}/?p=5031", None),
    ],
)
def test_canonical_naming_no_story_is_ignored(canonical, url, kept, note):
    story = extract_html(article(head=f'<link rel="canonical" href="{canonical}">'), url=url)
    assert story.page_type == "article"
    assert story.canonical_url == kept
    if note:
        assert any(note in n and "ignored" in n for n in story.notes)
        assert "canonical_url" not in story.provenance
    else:
        assert not any("canonical" in n for n in story.notes)


def test_og_url_replaces_a_home_page_canonical():
    head = f'<link rel="canonical" href="{SITE}/"><meta property="og:url" content="{DATED}">'
    story = extract_html(article(head=head))
    assert story.canonical_url == DATED
    assert story.provenance["canonical_url"] == "opengraph"


@pytest.mark.parametrize(
    ("canonical", "url", "same_as"),
    [
        (f"{SITE}/", None, None),
        (f"{SITE}/", DATED, DATED),
        # A page URL at the root is kept as it always was (ids must not change).
        (None, f"{SITE}/", f"{SITE}/"),
    ],
)
def test_story_id_passes_over_a_home_page_canonical(canonical, url, same_as):
    story_id = story_id_for(
        canonical_url=canonical, url=url, outlet="Ledger", title="A", published_at=None
    )
    expected = story_id_for(
        canonical_url=None, url=same_as, outlet="Ledger", title="A", published_at=None
    )
    assert story_id == expected


def _newsdesk(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    env.pop("DAGSTER_HOME", None)
    done = subprocess.run(
        [NEWSDESK, *args], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_articles_sharing_a_home_page_canonical_stay_apart_in_the_warehouse(tmp_path):
    head = f'<link rel="canonical" href="{SITE}/">'
    files = []
    for i, title in enumerate(["Council approves record budget", "Storm hits the coast"]):
        path = tmp_path / "in" / f"a{i}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(article(title=title, head=head, body=BODY.replace("Council", title[:5])))
        files.append(str(path))
    home = tmp_path / "home"
    _newsdesk("ingest", *files, home=home)
    _newsdesk("build", home=home)
    con = duckdb.connect(str(home / "warehouse" / "newsdesk.duckdb"), read_only=True)
    try:
        titles = sorted(r[0] for r in con.execute("select title from stories").fetchall())
    finally:
        con.close()
    assert titles == ["Council approves record budget", "Storm hits the coast"]


# --- H3 / H4: error pages, and articles whose headline only mentions an error ---------------

POPULAR = "<h2>Popular right now</h2>" + teasers(6)


@pytest.mark.parametrize(
    ("html", "url", "page_type"),
    [
        pytest.param(
            page(
                "",
                "<h1>Sorry, we couldn't find that page</h1><p>The page you were looking for may "
                "have been moved or deleted. Try searching or go back to the "
                "<a href='/'>home page</a>.</p>" + POPULAR,
                title="Oops! We can't find that page | The Daily Ledger",
            ),
            DATED,
            "error",
            id="couldnt-find-dated-url",
        ),
        pytest.param(
            page(
                "",
                "<h1>Page not found</h1><p>The page you were looking for may have been moved.</p>"
                + "<h2>Popular right now</h2>"
                + teasers(10, snippet_words=40),
                title="Page not found | The Daily Ledger",
            ),
            None,
            "error",
            id="teaser-words-do-not-count",
        ),
        pytest.param(
            page(
                "",
                "<h1>This article has been removed</h1><p>This article has been removed for "
                "legal reasons. We apologise for any inconvenience.</p>",
                title="Gone | The Daily Ledger",
            ),
            DATED,
            "error",
            id="410-removed",
        ),
        pytest.param(
            page(
                "",
                "<h1>This article is no longer available</h1><p>It was withdrawn.</p>",
                title="The Daily Ledger",
            ),
            None,
            "error",
            id="no-longer-available",
        ),
        pytest.param(
            page("", "<h1>Pagina niet gevonden</h1><p>De pagina die u zoekt bestaat niet.</p>"),
            DATED,
            "error",
            id="dutch",
        ),
        pytest.param(
            page("", "<h1>Página não encontrada</h1><p>A página que você procura não existe.</p>"),
            DATED,
            "error",
            id="portuguese",
        ),
        pytest.param(
            page("", "<h1>抱歉，页面地址不存在</h1><p>请检查您输入的网址是否正确。</p>"),
            DATED,
            "error",
            id="chinese",
        ),
        pytest.param(
            page("", "<h1>Страница не найдена</h1><p>Проверьте адрес страницы.</p>"),
            DATED,
            "error",
            id="russian",
        ),
        pytest.param(
            page("", "<h1>Hoppla!</h1><p>Die aufgerufene Seite existiert leider nicht mehr.</p>"),
            None,
            "error",
            id="german-text",
        ),
        pytest.param(
            page(
                "",
                "<div class='error'><h2>Diese Seite gibt es leider nicht (Fehler 404)</h2>"
                f"<p>{prose(50)}</p><p>{prose(40, 3)}</p></div>",
                title="Tagesblatt – Nachrichten aus der Region",
            ),
            None,
            "error",
            id="german-h2-with-90-words",
        ),
        pytest.param(
            page("", "<h1>Cette page n’existe pas</h1><p>Elle a été déplacée.</p>"),
            None,
            "error",
            id="french",
        ),
        pytest.param(
            page("", "<h1>Lo sentimos</h1><p>No se ha encontrado la página solicitada.</p>"),
            None,
            "error",
            id="spanish-text",
        ),
        pytest.param(
            page("", "<h1>Ops! Pagina non trovata</h1><p>La pagina che cerchi non esiste.</p>"),
            None,
            "error",
            id="italian",
        ),
        # A dated address does not make two lines an article.
        pytest.param(
            page("", "<h1>Budget</h1><p>Short note about the budget, seven words.</p>"),
            DATED,
            "other",
            id="dated-url-few-words",
        ),
        pytest.param(
            article(
                title="Missing hiker still not found after three days",
                head='<meta property="og:type" content="article">',
                body=f"<p>{prose(45)}</p><p>{prose(45, 2)}</p>",
            ),
            None,
            "article",
            id="declared-article-headline-not-found",
        ),
        pytest.param(
            article(
                title="Route 404 bridge to close for repairs",
                head='<meta property="og:type" content="article">',
                body=f"<p>{prose(55)}</p><p>{prose(55, 2)}</p>",
                ld=False,
            ),
            None,
            "article",
            id="route-404-headline",
        ),
        pytest.param(
            article(title="Page not found: the web's oddest error messages", ld=False),
            None,
            "article",
            id="long-article-about-404s",
        ),
    ],
)
def test_error_pages(html, url, page_type):
    story = extract_html(html, url=url)
    assert story.page_type == page_type
    if page_type == "error":
        assert story.paragraphs == [] and story.published_at is None


# --- H5: cookie-consent walls ---------------------------------------------------------------

GOOGLE = (
    "<div><h1>Before you continue to Google</h1>"
    "<p>We use cookies and data to deliver and maintain Google services, track outages and "
    "protect against spam, fraud and abuse, measure audience engagement and site statistics "
    "to understand how our services are used and enhance the quality of those services.</p>"
    "<p>If you choose to 'Accept all', we will also use cookies and data to develop and "
    "improve new services, deliver and measure the effectiveness of ads, and show "
    "personalised content, depending on your settings.</p><p>Non-personalised content is "
    "influenced by things like the content that you're currently viewing, activity in your "
    "active Search session, and your location.</p><button>Reject all</button>"
    "<button>Accept all</button></div>"
)
PRIVACY = (
    "<div class='cmp'><h2>Privacy notice</h2><p>We and our 842 partners store and access "
    "information on your device, such as cookies, and process personal data for "
    "personalised advertising and content, advertising and content measurement, audience "
    "research and services development.</p><p>With your consent, we and our partners may use "
    "precise geolocation data and identification through device scanning. You may click to "
    "consent to our and our partners' processing as described above.</p><p>Your choices on "
    "this site will be applied globally and you can change your privacy settings at any "
    "time by returning to this site.</p><button>Accept all</button>"
    "<button>More options</button></div>"
)
YAHOO = (
    "<div class='consent-form'><h2>Yahoo ist Teil der Yahoo Markenfamilie</h2><p>Wir und "
    "unsere Partner nutzen Cookies und ähnliche Technologien, um Informationen auf Ihrem Gerät "
    "zu speichern und abzurufen und um Ihre Nutzung unserer Websites und Apps zu messen.</p>"
    "<p>Wenn Sie auf „Alle akzeptieren“ klicken, verarbeiten wir und unsere Partner, "
    "einschließlich 238 Partner, die dem IAB Transparency &amp; Consent Framework angehören, "
    "außerdem personenbezogene Daten wie IP-Adresse, präzise Standortdaten, Browsing-Daten und "
    "Suchdaten, um personalisierte Werbung und Inhalte anzuzeigen, Werbung und Inhalte zu "
    "messen, Informationen über Zielgruppen zu gewinnen und Produkte zu entwickeln.</p>"
    "<p>Sie können Ihre Auswahl jederzeit ändern, indem Sie in unseren Websites und Apps auf "
    "den Link „Datenschutz- und Cookie-Einstellungen“ klicken.</p>"
    "<button>Alle akzeptieren</button><button>Alle ablehnen</button></div>"
)


@pytest.mark.parametrize(
    ("html", "page_type"),
    [
        (page("", GOOGLE, title="Before you continue to Google"), "other"),
        (page("", YAHOO, title="Yahoo ist Teil der Yahoo Markenfamilie"), "other"),
        (page("", PRIVACY, title="Daily Ledger"), "other"),
        # News about cookie rules is an article, however often it says "cookies".
        (
            article(
                title="EU fines site over cookie banners",
                body="".join(
                    f"<p>The regulator said cookies and consent banners {prose(50, i)}</p>"
                    for i in range(4)
                ),
            ),
            "article",
        ),
    ],
    ids=["google", "yahoo-de", "we-value-your-privacy-buttons", "article-about-cookies"],
)
def test_consent_walls_are_not_stories(html, page_type):
    assert extract_html(html).page_type == page_type
