"""Plain-text page dump extraction: the seed dump, synthetic dumps, real dumps, arbitrary text."""

from __future__ import annotations

import json
import string
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.scoring import body_f1, normalise_title
from newsdesk.extract.date_text import labelled_published, numeric_day_first
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.extract.textdump_classify import teaser_list_size, title_context_penalty
from newsdesk.extract.textdump_lines import is_debris, is_heading_like, split_lines
from newsdesk.extract.textdump_meta import byline_names
from newsdesk.extract.textdump_overlap import content_tokens, overlap
from newsdesk.model import LINK_KINDS, PAGE_TYPES, PROVENANCES, ExtractionError, Story

SEED = Path(__file__).resolve().parent.parent / "samples" / "000_eff8da0c94a8cb24.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "textdumps"

BODY = [
    "The city council on Tuesday approved plans for a new bridge across the harbour, ending a "
    "debate that has lasted for more than a decade.",
    "Supporters say the bridge will cut commuting times for thousands of residents and bring "
    "new business to the waterfront district.",
    "Opponents argued that the cost, estimated at 400 million euros, would be better spent on "
    "schools and on the existing tram network.",
    "The first construction work is expected to begin next spring, the mayor said after the vote.",
]
TITLE = "Council approves new harbour bridge after long debate"


def _dump(
    *, date_line: str = "Published: 03/04/2024 10:31", between: str = "", after: str = ""
) -> str:
    body = f"\n\n{between}\n\n".join(BODY) if between else "\n\n".join(BODY)
    return f"""Home
World
Politics
Business
Sport
Sign in
We use cookies to improve your experience on our site. By continuing you accept our cookie policy.
Accept cookies

{TITLE}

By Jane Smith and Tom Brown
{date_line}

{body}

{after}
Share
Tweet
Email

Related

Tram network expansion delayed again
Council members say funding for the new lines will not be available before the end of 2026.

Harbour district gets a new park
The park opens next month with a playground, a small lake and a café.

12 Comments
© 2024 Harbour Times. All rights reserved.
"""


# --- the seed ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Story:
    return extract_text_dump(SEED.read_text(encoding="utf-8"), source_path=str(SEED))


def test_seed_metadata(seed: Story) -> None:
    assert seed.source_kind == "text"
    assert seed.page_type == "article"
    assert seed.title == "US, allies pushing Pakistan to vote against Russia at UN"
    assert seed.published_at == datetime(2022, 10, 9, tzinfo=UTC)
    assert seed.published_precision == "day"
    assert seed.captured_at is not None and seed.captured_at.date().isoformat() == "2025-10-07"
    assert seed.reading_time_minutes == 2
    assert seed.outlet == "Asian Lite News"
    assert seed.language == "en"
    assert seed.summary == (
        "Pakistan at the time joined China, India and other countries to stay away from voting, "
        "something that drew strong reaction from European countries and the US"
    )
    assert set(seed.provenance.values()) <= set(PROVENANCES)


def test_seed_body(seed: Story) -> None:
    assert seed.paragraphs[0].startswith("The United States and its allies are seeking")
    assert seed.paragraphs[-1].endswith("not ready to reveal its strategy before the UNGA voting.")
    assert len(seed.paragraphs) == 14
    body = seed.body_text
    for debris in (
        "Go toTop",
        "ALSO READ",
        "Previous Story",
        "Next Story",
        "Latest from",
        "Don't Miss",
        "mins read",
        "Today:",
        "Guterres",
        "Asian Lite News",
    ):
        assert debris not in body


def test_seed_links(seed: Story) -> None:
    links = seed.links
    assert [link.position for link in links] == list(range(len(links)))
    assert all(link.url is None and link.kind in LINK_KINDS for link in links)
    by_kind = {kind: [link for link in links if link.kind == kind] for kind in LINK_KINDS}
    assert [link.title for link in by_kind["also_read"]] == [
        "Russia preparing society for possible use of nukes: Zelensky"
    ]
    assert [link.title for link in by_kind["previous_story"]] == [
        "Qatar Strikes Deal With MFA To Reform Migrant Workers’ Rights"
    ]
    assert [link.title for link in by_kind["next_story"]] == ["Inflation dogs Turkish elders"]
    latest = by_kind["section_latest"]
    assert len(latest) == 4
    assert latest[0].title == "OCTOBER 7: Stop the Violence Now, Says Guterres"
    assert [link.title for link in latest[1:]] == [
        "Piyush Goyal Heads to Doha for Trade Talks",
        "Hamas Heads to Egypt for Gaza Talks",
        "Multi-alignment, upgraded",
    ]
    assert all(link.section == "Top News" for link in latest)
    assert latest[0].snippet.startswith("Guterres recalled that")
    assert latest[3].snippet.startswith("With US ties strained and China tense")
    recommended = by_kind["recommended"]
    assert [link.title for link in recommended] == [
        "US to veto Algerian resolution for Gaza ceasefire",
        "Bush calls US pull out from Afghanistan ‘a mistake’",
    ]
    assert recommended[0].snippet == (
        "The resolution rejects the forced displacement of Palestinians and demands"
    )
    assert recommended[1].snippet == "The former US President’s comment comes amid a surge in"
    assert not by_kind["related"] and not by_kind["inline"]


# --- synthetic dumps -----------------------------------------------------------------------


def test_menu_cookie_byline_related() -> None:
    story = extract_text_dump(_dump())
    assert story.title == TITLE
    assert story.paragraphs == BODY
    assert story.authors == ["Jane Smith", "Tom Brown"]
    assert story.outlet == "Harbour Times"
    assert story.page_type == "article"
    assert [(link.kind, link.title) for link in story.links] == [
        ("related", "Tram network expansion delayed again"),
        ("related", "Harbour district gets a new park"),
    ]
    assert story.links[1].snippet == (
        "The park opens next month with a playground, a small lake and a café."
    )


@pytest.mark.parametrize(
    ("date_line", "expected", "precision"),
    [
        ("Published: 03/04/2024 10:31", datetime(2024, 3, 4, 10, 31, tzinfo=UTC), "minute"),
        ("Oct 9, 2022", datetime(2022, 10, 9, tzinfo=UTC), "day"),
        ("2024-03-04T10:31:00Z", datetime(2024, 3, 4, 10, 31, tzinfo=UTC), "second"),
        ("9 October 2022", datetime(2022, 10, 9, tzinfo=UTC), "day"),
        ("Jun 7, 2023, 8:54 PM UTC", datetime(2023, 6, 7, 20, 54, tzinfo=UTC), "minute"),
        ("March 18, 2015 at 3:57 PM EDT", datetime(2015, 3, 18, 19, 57, tzinfo=UTC), "minute"),
        ("Veröffentlicht am 12.05.2023", datetime(2023, 5, 12, tzinfo=UTC), "day"),
        ("1 de diciembre de 2017", datetime(2017, 12, 1, tzinfo=UTC), "day"),
        ("2019年3月5日", datetime(2019, 3, 5, tzinfo=UTC), "day"),
        ("Yahoo FinanceOctober 13, 2016", datetime(2016, 10, 13, tzinfo=UTC), "day"),
        # Published and updated dates glued together; spaced dotted dates.
        ("Posted on28. Juli 201928. Juli 2019", datetime(2019, 7, 28, tzinfo=UTC), "day"),
        ("17/11/201917/11/2019 ~ Cem Basman", datetime(2019, 11, 17, tzinfo=UTC), "day"),
        ("18. 05. 2014 22:38", datetime(2014, 5, 18, 22, 38, tzinfo=UTC), "minute"),
    ],
)
def test_date_formats(date_line: str, expected: datetime, precision: str) -> None:
    story = extract_text_dump(_dump(date_line=date_line))
    assert story.published_at == expected
    assert story.published_precision == precision
    assert story.provenance["published_at"] == "text"


@pytest.mark.parametrize(
    "debris",
    [
        "34 comments",
        "Comments (12)",
        "Share  Tweet  Share",
        "Facebook Twitter Email",
        "Share on WhatsApp",
        "Go toTop",
        "Advertisement",
        "Continue reading the main story",
        "Sign up for our newsletter",
        "Zum Inhalt springen",
        "Aller au contenu",
    ],
)
def test_debris_between_paragraphs_is_dropped(debris: str) -> None:
    story = extract_text_dump(_dump(between=debris))
    assert story.paragraphs == BODY


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("2 mins read", 2),
        ("5 min read", 5),
        ("Reading time: 7 minutes", 7),
        ("21 minutes - 4312 words", 21),
    ],
)
def test_reading_time(line: str, minutes: int) -> None:
    story = extract_text_dump(_dump(date_line=f"9 October 2022\n{line}"))
    assert story.reading_time_minutes == minutes
    assert line not in story.body_text


def test_captured_date_and_impossible_publication_date() -> None:
    text = "Today: 7 October 2025\n" + _dump(date_line="9 October 2031")
    story = extract_text_dump(text)
    assert story.captured_at == datetime(2025, 10, 7, tzinfo=UTC)
    assert story.published_at is None
    assert any("after capture" in note for note in story.notes)


def test_previous_next_and_also_read() -> None:
    after = (
        "ALSO READ: Ferry fares to rise in the summer\n\n"
        "Previous article\nNew tram stop opens in the old town\n\n"
        "Next article\nMayor promises more cycle lanes\n"
    )
    story = extract_text_dump(_dump(after=after))
    assert story.paragraphs == BODY
    kinds = [(link.kind, link.title) for link in story.links]
    assert kinds[:3] == [
        ("also_read", "Ferry fares to rise in the summer"),
        ("previous_story", "New tram stop opens in the old town"),
        ("next_story", "Mayor promises more cycle lanes"),
    ]
    assert [link.position for link in story.links] == list(range(len(story.links)))


def test_spanish_dump_language() -> None:
    text = (
        "Inicio\nPolítica\nDeportes\n\nEl Gobierno aprueba el nuevo plan de vivienda\n\n"
        "Por María López\n\n"
        "El Consejo de Ministros aprobó este martes el plan de vivienda, que prevé la "
        "construcción de miles de pisos en los próximos años.\n\n"
        "La medida fue recibida con críticas por parte de la oposición, que la considera "
        "insuficiente para los jóvenes que buscan su primera casa.\n"
    )
    story = extract_text_dump(text)
    assert story.language == "es"
    assert story.title == "El Gobierno aprueba el nuevo plan de vivienda"
    assert story.authors == ["María López"]


NOT_FOUND = """Home
News
Sport
Weather
Page not found
Sorry, the page you are looking for does not exist or has been moved.
Go to homepage
Most read
Storm closes schools across the region
Local team wins the cup final
© 2024 Example News
"""

LISTING = "\n".join(
    ["Home", "Latest news", ""]
    + [f"Headline number {n} about the city budget and the new tram" for n in range(1, 16)]
)


@pytest.mark.parametrize(
    ("text", "page_type"),
    [(NOT_FOUND, "error"), (LISTING, "listing"), (_dump(), "article")],
)
def test_page_type(text: str, page_type: str) -> None:
    story = extract_text_dump(text)
    assert story.page_type == page_type
    assert story.page_type in PAGE_TYPES


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\x00\x01\x02\x03" * 50, "!!! ... ---"])
def test_no_text_raises(text: str) -> None:
    with pytest.raises(ExtractionError):
        extract_text_dump(text)


# --- real dumps ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["ars-1", "cnet", "wikia"])
def test_real_dumps(case: str) -> None:
    gold = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    story = extract_text_dump((FIXTURES / f"{case}.txt").read_text(encoding="utf-8"))
    assert normalise_title(story.title) == normalise_title(gold["title"])
    assert body_f1(story.body_text, gold["articleBody"]) >= 0.9
    assert story.page_type == "article"


# --- arbitrary text ------------------------------------------------------------------------

_ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=string.punctuation + " \n\t"),
    st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=400),
    st.builds(
        lambda word, n: (word + " ") * n, st.text(min_size=1, max_size=12), st.integers(1, 3000)
    ),
    st.lists(
        st.sampled_from(
            [
                "Share",
                "",
                "By Jo Doe",
                "9 October 2022",
                "Related",
                "x" * 300,
                "A sentence that ends with a full stop and has enough words in it.",
                "\x00",
                "\u200b",
                "Next Story",
                "© 2024",
                "Up Next",
                "MELANIE MCFARLAND",
                "ByAlex Doe@alexdoe7Jane Roe",
                "Written by Ana Sandoiu, PhD on July 27, 2017",
                "12/04/2020",
                "14/04/2020 | Updated 15/04/2020",
                "Published: 3 Dec 2019",
                "Richard Adams Education editor",
                "Next-Gen drives arrive",
                "We process your personal data as our privacy policy explains to every reader.",
                "The decision ends years of argument over the cost of the bridge.",
                "Das könnte dich auch interessieren …",
                "Hier gibt es Screenshots: https://example.com/a.html",
                "[ 26. Februar 2020 ] Ticker line",
                "Truckwash A31, 6.0 out of 6 based on 1 rating",
                "",
            ]
        ),
        max_size=40,
    ).map("\n".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY_TEXT)
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        story = extract_text_dump(text)
    except ExtractionError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert story.source_kind == "text"
    assert all(isinstance(p, str) and p.strip() for p in story.paragraphs)
    assert story.page_type in PAGE_TYPES
    assert [link.position for link in story.links] == list(range(len(story.links)))
    assert all(link.kind in LINK_KINDS for link in story.links)


# --- rules added for real news pages -------------------------------------------------------

WRAPPED = """Home
News

Storage protocol draft published

This draft describes a protocol by which client-side applications,
running inside a web browser, can communicate with a data storage
server that is hosted on a different domain name. This way, the
provider of a web application need not also play the role of data
storage provider, and access control is based on bearer tokens.

The protocol supports storing, retrieving, and removing individual
documents, as well as listing the contents of an individual folder
that the user has chosen to share with the application in question.
"""


def test_hard_wrapped_prose_is_rejoined() -> None:
    story = extract_text_dump(WRAPPED)
    assert len(story.paragraphs) == 2
    assert story.paragraphs[0].startswith("This draft describes a protocol")
    assert story.paragraphs[0].endswith("access control is based on bearer tokens.")
    assert story.title == "Storage protocol draft published"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # A headline over a lower-case byline stays apart.
        (["Angry media won’t buckle over new surveillance laws", "by: Laurie Oakes"], 2),
        # A list of headlines filling the width is not wrapped prose.
        (
            [
                "Marissa Mayer’s Media Problem at Yahoo Is Now Verizon’s to Solve",
                "Verizon Announces Deal to Buy Yahoo’s Core Business for Billions",
                "Why Verizon Can’t Quit Yahoo Even After the Data Breaches Came",
            ],
            3,
        ),
        # A sentence carried on in lower case joins.
        (["The mayor said the bridge would open in spring", "next year, after the vote."], 1),
    ],
)
def test_wrapped_line_joining(lines: list[str], joined: int) -> None:
    from newsdesk.extract.textdump_lines import join_wrapped

    pairs = [(text, k == 0) for k, text in enumerate(lines)]
    assert len(join_wrapped(pairs)) == joined


def _news_page(head: str) -> str:
    return head + "\n\n" + "\n\n".join(BODY) + "\n\nRelated\n\nTram network expansion delayed\n"


@pytest.mark.parametrize(
    ("name", "head"),
    [
        (
            "byline under share rows",
            f"Home\nWorld\n{TITLE}\nShare on Facebook\nShare on Twitter\nShare via Email\n"
            "Print Article\nBy Erin Cunningham March 18 at 3:57 PM\n"
            "Mayor promises more cycle lanes for the city",
        ),
        (
            "section label over the headline is not a byline",
            f"Home\nFree Future\n{TITLE}\nBy Jane Smith, Staff Writer\nApril 5, 2018",
        ),
        (
            "repeated headline beats a photo caption near the body",
            f"The Harbour Times\n{TITLE}\nSign In\nSubscribe\nLocal News\n{TITLE}\n"
            "Share on Facebook\nShare on Twitter\nBy Jane Smith\n1 of 24\nFull Screen\n"
            "Crowds gather at the harbour front for the vote",
        ),
        (
            "breadcrumb trail ending with the headline",
            f"Home > News > 2024 > {TITLE}\n« Previous | Next »\n03.04.2024 10:31\n{TITLE}",
        ),
        (
            "a line with a web address is not a headline",
            f"Home\nHier gibt es Screenshots: https://example.com/imac-5k.html\n{TITLE}\n"
            "By Jane Smith\nApril 5, 2018",
        ),
        (
            "a news ticker's dated line is not a headline",
            f"Home\n[ 26. Februar 2020 ] Am Windows Server 2019 einen Datenträger bereitstellen\n"
            f"{TITLE}\nBy Jane Smith\nApril 5, 2018",
        ),
        (
            "a cookie notice is not a headline",
            "Weitere Informationen, beispielsweise zur Kontrolle von Cookies, findest du hier: "
            f"Cookie-Richtlinie\n{TITLE}\nBy Jane Smith\nApril 5, 2018",
        ),
        (
            "an image file name is not a headline",
            f"Home\n{TITLE}\nBy Jane Smith\nApril 5, 2018\nTags\nHarbour Bridge\n"
            "Council News\nbridge-render-1160x768.jpg",
        ),
    ],
)
def test_title_rules(name: str, head: str) -> None:
    story = extract_text_dump(_news_page(head))
    assert story.title == TITLE, name
    assert story.paragraphs[: len(BODY)] == BODY, name


def test_repeated_prefix_menu_is_debris_whatever_the_case() -> None:
    head = (
        "Link externo, abre página da Gazeta no Twitter\n"
        "Link externo, abre página da Gazeta no Linkedin\n"
        "Link externo, abre página da Gazeta no Instagram\n"
        f"{TITLE}\n"
        "Na ocasião, o conselho aprovou a ponte depois de um longo debate na câmara"
    )
    story = extract_text_dump(_news_page(head))
    assert story.title == TITLE


def test_table_rows_with_dates_are_not_datelines() -> None:
    rows = "\n".join(f"2020-08-01 17:{m:02d}:00+00 │ 400 │ {m}" for m in range(50, 60))
    text = _dump(after="\n\n".join(BODY) + "\n\n" + rows + "\n\n" + "\n\n".join(BODY))
    story = extract_text_dump(text.replace("\n\n".join(BODY), "", 1))
    assert "2020-08-01 17:55:00+00 │ 400 │ 55" in story.paragraphs
    assert story.paragraphs[-1] == BODY[-1]


@pytest.mark.parametrize(
    "dateline",
    [
        "04.02.2022 | 15:33 Uhr | Dennis Steimels",
        "Published:Tuesday | April 26, 2022 | 9:52 PM",
        "18.02.2022, 10:27 | Recht & Gesetz | Jetzt kommentieren",
    ],
)
def test_a_dateline_parted_by_bars_is_a_dateline_not_a_table_row(dateline: str) -> None:
    story = extract_text_dump(_dump(date_line=dateline))
    assert story.title == TITLE
    assert story.summary is None
    assert story.paragraphs == BODY
    assert story.published_at is not None and story.published_at.year == 2022


@pytest.mark.parametrize(
    "headline",
    ["iMac 5K performance finally fixed after the update", "eBay ends its auction house era"],
)
def test_a_headline_opening_with_a_camel_case_brand_is_a_headline(headline: str) -> None:
    story = extract_text_dump(_dump().replace(TITLE, headline))
    assert story.title == headline


def test_a_headline_ending_in_an_abbreviation_and_repeated_over_the_text() -> None:
    # "& Co." ends in a full stop that closes no sentence; the page sets the headline again
    # as the first heading of the text, under the lead.
    headline = "Die besten Tricks für Kleiderschrank & Co."
    text = (
        f"Start|Magazin|Tipps|Ordnung\n\n{headline}\n\n{BODY[0]}\n\n{headline}\n\n"
        + "\n\n".join(BODY[1:])
    )
    story = extract_text_dump(text)
    assert story.title == headline
    assert story.paragraphs[0] == BODY[0]
    assert all(paragraph in story.paragraphs for paragraph in BODY)


def test_a_headline_parted_from_the_text_by_a_box_of_specs_is_found() -> None:
    # A review's header (headline, byline, date), then a long box of scores and specs,
    # then a subhead over the text: the headline window over the text holds no byline.
    specs = "".join(f"Spec {k}\n{k * 10}\n" for k in range(1, 40))
    text = (
        f"Home\nReviews\n\n{TITLE}\n\nBy Jane Smith\nPublished: 03/04/2024 10:31\n\n"
        f"Score\n87\nKey Specs\n{specs}\nEveryone else might be better off waiting\n\n"
        + "\n\n".join(BODY)
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Jane Smith"]


def test_one_line_page_is_text_not_title() -> None:
    line = (
        "AI has not meaningfully changed anything in cybersecurity so far and deep fake "
        "phishing is still rare"
    )
    story = extract_text_dump(line)
    assert story.title is None
    assert story.paragraphs == [line]


# --- end of article and headline context (second pass) ------------------------------------

COMMENT = (
    "I completely disagree with the council on this one, the money should have gone to the "
    "schools and the tram network instead of yet another bridge."
)
TEASERS = (
    "Mayor opens new cycle lane on the harbour road\n"
    "Ferry fares set to rise again in the summer\n"
    "Old town market returns after two years away\n"
    "Storm damages roofs across the eastern suburbs\n"
)
SNIPPET = (
    "The storm brought down trees and power lines, and crews worked through the night to "
    "restore power to the homes that lost it."
)
MORE_BODY = [
    "Engineers will now spend a year on detailed designs, including a lifting section that "
    "lets tall ships reach the inner harbour.",
    "Residents of the waterfront district will be able to comment on the designs at public "
    "meetings planned for the autumn.",
    "The council expects the bridge to open to traffic within five years of the first work.",
]
INLINE_BODY = "\n\n".join(BODY) + "\n\n{insert}\n\n" + "\n\n".join(MORE_BODY)


def _article(after_body: str, body: str | None = None) -> str:
    text = body if body is not None else "\n\n".join(BODY)
    return f"Home\nNews\n\n{TITLE}\n\nBy Jane Smith\n9 October 2022\n\n{text}\n\n{after_body}\n"


@pytest.mark.parametrize(
    ("name", "after"),
    [
        (
            "comment count header",
            f"There are 13 comments\n\nAnn Reader · March 10, 2017\n{COMMENT}\n\n{COMMENT}",
        ),
        ("view comments", f"View comments (27)\n\n{COMMENT}\n\n{COMMENT}"),
        ("leave a reply", f"Leave a Reply\n\n{COMMENT}\n\n{COMMENT}"),
        ("editor mark", f"[责任编辑：王小明]\n\n{COMMENT}\n\n{COMMENT}"),
        ("related header then snippets", f"Related coverage\n\n{TEASERS}{SNIPPET}"),
        (
            "share row header",
            f"Share this:\nFacebook\nTwitter\n\nMore from Harbour Times\n{SNIPPET}",
        ),
        ("teaser list", f"{TEASERS}\n{SNIPPET}\nPhoto gallery of the week\n{SNIPPET}"),
        ("comment rules", f"HOUSE RULES\n\n{COMMENT}\n\n{COMMENT}"),
        (
            "long copyright footer",
            "© 2020 Harbour Media. All rights reserved. Use of this site constitutes acceptance "
            "of our User Agreement and Privacy Policy and Cookie Statement and your California "
            "Privacy Rights. The material on this site may not be reproduced, distributed, "
            "transmitted, cached or otherwise used, except with the prior written permission.",
        ),
    ],
)
def test_body_ends_at_end_of_article_signals(name: str, after: str) -> None:
    story = extract_text_dump(_article(after))
    assert story.paragraphs == BODY, name


@pytest.mark.parametrize(
    ("name", "insert"),
    [
        (
            "inline related box",
            "Related\nFerry fares set to rise again in the summer\nAdvertisement",
        ),
        ("share row after the lead", "Share this story\nFacebook Twitter Email"),
        ("bulleted list without punctuation", TEASERS.strip()),
    ],
)
def test_inline_blocks_do_not_end_the_body(name: str, insert: str) -> None:
    story = extract_text_dump(_article("", body=INLINE_BODY.format(insert=insert)))
    assert story.paragraphs[: len(BODY)] == BODY, name
    assert story.paragraphs[-len(MORE_BODY) :] == MORE_BODY, name


def test_end_signal_before_enough_body_is_not_an_end() -> None:
    story = extract_text_dump(_article("", body="Share this story\n\n" + "\n\n".join(BODY)))
    assert story.paragraphs == BODY


@pytest.mark.parametrize(
    ("name", "head"),
    [
        (
            "an editor prompt above the headline",
            f"Change the story’s title, subtitle, and visibility as needed\nJane Smith\n{TITLE}",
        ),
        (
            "a gallery headline next to photo labels",
            f"{TITLE}\nShare on Facebook\nBy Jane Smith\n1 of 24\nFull Screen\n"
            "Crowds gather at the harbour front for the vote\nView Photos",
        ),
        (
            "a teaser list ending just above the headline",
            "Mayor opens new cycle lane\nFerry fares set to rise\nOld town market returns\n"
            f"Storm damages roofs\nFont Size\n{TITLE}\nBy Jane Smith",
        ),
    ],
)
def test_title_context_rules(name: str, head: str) -> None:
    story = extract_text_dump(_news_page(head))
    assert story.title == TITLE, name


# --- headline choice against the body (third round) ---------------------------------------

PROMPT_PROSE = (
    "The author chose to make this story unlisted, which means only people with a link can "
    "see it. Are you sure you want to share it? Yes, show me sharing options"
)
LONG_TEASERS = (
    "Hidden secrets of the fishing fleet: why the boats stay in port all winter long\n"
    "The quest to save the vanishing old town markets before the developers arrive\n"
    "Ferry fares set to rise again as the council debates the harbour budget\n"
)
LONG_BODY = "\n\n".join(BODY + MORE_BODY * 8)


def test_content_overlap_counts_shared_word_stems() -> None:
    share, tokens = overlap(TITLE, BODY[:1])
    assert tokens == len(content_tokens(TITLE)) == 7
    assert share == pytest.approx(6 / 7)  # all but "long"; "approves" meets "approved"
    assert overlap("Zoo welcomes twin panda cubs", BODY) == (0.0, 5)
    assert overlap("。!", BODY) == (0.0, 0)
    assert content_tokens("海外留学生") == {"海外", "外留", "留学", "学生"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Log out Sign in", True),
        ("Sign in Register", True),
        ("Menu Search", True),
        ("Search Go", False),
        ("Harbour News Sport", False),
        ("Photo: Jane Doe/Agency", True),
        ("Click to enlarge", True),
        ("VIDEO: Voting on the Harbour's Future", False),
    ],
)
def test_rows_of_interface_labels_are_debris(text: str, expected: bool) -> None:
    assert is_debris(text, len(text.split())) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Evolve: Shared Mutable History", []),
        ("Jane Smith¶", []),
        ("By J.R. Smith", ["J.R. Smith"]),
        ("Jean-Luc O'Neil", ["Jean-Luc O'Neil"]),
    ],
)
def test_name_words_are_letters_with_inner_dots_and_hyphens(text: str, names: list[str]) -> None:
    assert byline_names(text, allow_bare=True) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("by Lucas Nolan22 Dec 2016651", ["Lucas Nolan"]),  # date and count glued on
        ("by Laura June Topolsky July 10, 2015", ["Laura June Topolsky"]),
        ("April Roach", ["April Roach"]),
        ("June July", []),
        ("on March 10, 2015 by Nikhil Marathe", ["Nikhil Marathe"]),
        ("Posted on 12 May 2020 by Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Stand by me", []),
        (
            "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger (avec Damien Leloup)",
            ["Martin Untersinger", "Damien Leloup"],
        ),
        ("By Jane Doe (Reuters)", ["Jane Doe"]),
        ("By Jane Doe with Tom Lee", ["Jane Doe", "Tom Lee"]),
        ("Devindra Hardawar, @devindra", ["Devindra Hardawar"]),
        ("Open Journalism Project:", []),
        ("Harbour Project", []),
        ("Rewrite With Content Depth", []),
        ("From Wikipedia", []),
        ("// By Arun Sai Krishnan • Nov 11, 2020", ["Arun Sai Krishnan"]),
        ("Richard Adams Education editor", ["Richard Adams"]),
        ("By Evan HalperStaff Writer", ["Evan Halper"]),
        ("Shana Nys DambrotNovember 6, 2023", ["Shana Nys Dambrot"]),
        ("By Alejandro Villamor Last updated Nov 8, 2023", ["Alejandro Villamor"]),
        ("ByAlex Bozarjian", ["Alex Bozarjian"]),
        ("ByJ.R. Stone", ["J.R. Stone"]),
        ("Byron Smith", ["Byron Smith"]),
        ("By April Roach@aprilroach28Daniel O'Mahony", ["April Roach", "Daniel O'Mahony"]),
        ("By Rob Picheta, CNN", ["Rob Picheta"]),
        ("By JIJI", ["JIJI"]),
        ("Written by Grant Tinsley, PhD on April 29, 2018", ["Grant Tinsley"]),
        ("By Brenda Goodman, MA", ["Brenda Goodman"]),
        ("Reading Time", []),
        ("Vegan Styled Char Kway Teow (Stir Fry Flat Rice Noodles)", []),
        ("Stir Fry Flat Rice Noodles Tonight", []),
        ("Recent Posts", []),
        ("Today's Paper", []),
        ("Jane Doe Senior Writer", ["Jane Doe"]),
        # German, French and Spanish credits, glued or spaced.
        ("Veröffentlicht von Cem Basman", ["Cem Basman"]),
        ("Veröffentlicht am 17. Dezember 2019 von Simon Dückert", ["Simon Dückert"]),
        ("Veröffentlicht vonChris Jung 28. Februar 2016", ["Chris Jung"]),
        ("Geschrieben vonElisa Marvena", ["Elisa Marvena"]),
        ("Publié par Jeanne Corriveau", ["Jeanne Corriveau"]),
        ("Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),
        ("Vonovia kauft Deutsche Wohnen", []),
        # A credit phrase is not a name with a particle in it; a name leading its dateline;
        # a comment count after the byline.
        ("Kommentar von Ingo Arzt", ["Ingo Arzt"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        (
            "Marco Kratzenberg , 01. Dez. 2017, 12:01 Uhr 3 min LesezeitKommentare4",
            ["Marco Kratzenberg"],
        ),
        ("23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen", ["Markus Reuter"]),
        ("Berlin, 12. Mai 2020", []),
    ],
)
def test_bylines_in_their_many_shapes(text: str, names: list[str]) -> None:
    assert byline_names(text, allow_bare=True) == names


def test_an_explicit_credit_under_the_article_names_the_author() -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Home\n\n{TITLE}\n\n{body}\n\nWritten by Ana Sandoiu on July 27, 2017\nShare\n"
    assert extract_text_dump(text).authors == ["Ana Sandoiu"]


def test_bare_name_over_a_reading_time_above_the_headline_is_the_byline() -> None:
    body = "\n\n".join(BODY)
    text = f"Sign in\nJane Smith\n4 min read\nShare\n\n{TITLE}\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Jane Smith"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published: 03 December 2019", "2019-12-03"),
        ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-08 15:30:46", "2023-11-07"),
        ("Date: 12 May 2020", "2020-05-12"),
        ("Posted on March 3, 2020 by Jane Doe", "2020-03-03"),
        ("Dates of the tour: 12 May 2020", None),
        ("Published by Penguin in 1999", None),
        (
            "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Canon Powershot, "
            "Fotografie, Reisen",
            "2020-01-05",
        ),
        # German, French, Spanish and Italian labels.
        ("Veröffentlichung: 04.02.2022", "2022-02-04"),
        ("Datum: 18.10.2021", "2021-10-18"),
        ("Erschienen am 1. November 2023", "2023-11-01"),
        ("Fecha de publicación: 4 de mayo de 2022", "2022-05-04"),
        ("Date de publication : 13 juin 2019", "2019-06-13"),
        # A community's founding date is no publication date.
        ("Created Jan 25, 2008", None),
    ],
)
def test_labelled_publication_dates(line: str, day: str | None) -> None:
    found = labelled_published(line)
    assert (found[0].date().isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("text", "day_first"),
    [
        ("12/04/2020 and 14/04/2020", True),
        ("12/04/2020 and 04/14/2020", False),
        ("12/04/2020", None),
        ("14/04/2020 and 04/14/2020", None),
        ("14.04.2020", True),
        # No numeric date decides: the reading nearer the page's written dates does.
        ("The Guardian 02/10/2020\nMANCHESTER, Sept. 29, 2020 -- students", True),
        ("Posted 02/10/2020\nPhoto taken February 8, 2020", False),
        ("Posted 02/10/2020\nCopyright 2008-2020, founded June 1, 2008", None),
        ("03/03/2024 and March 1, 2024", None),
    ],
)
def test_numeric_date_order_of_a_page(text: str, day_first: bool | None) -> None:
    assert numeric_day_first(text) is day_first


@pytest.mark.parametrize(
    ("line", "debris"),
    [
        (
            "The administrator of your personal data will be Example Inc. Details are in the "
            "privacy policy.",
            True,
        ),
        (
            "The city council on Tuesday approved plans for a new bridge across the harbour, "
            "ending a long debate.",
            False,
        ),
    ],
)
def test_a_site_notice_shown_twice_is_debris_a_repeated_paragraph_is_not(
    line: str, debris: bool
) -> None:
    lines = split_lines(f"{line}\n\nNewsletter\n\n{line}\n\nMore text here.")
    assert [lines[0].debris, lines[2].debris] == [debris, debris]


def test_a_notice_rendered_twice_above_the_headline_does_not_hide_it() -> None:
    notice = (
        "Thank you for visiting example.org. You are using a browser version with limited "
        "support for CSS. To obtain the best experience, we recommend you use a more up to "
        "date browser or turn off compatibility mode in Internet Explorer."
    )
    extra = [
        f"Council officers said the {n} phase of the works would follow a public review, and "
        f"that contractors for phase {n} would be chosen by open tender later this year."
        for n in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    ]
    paragraphs = BODY + MORE_BODY + extra
    body = "\n\n".join(paragraphs)
    text = (
        f"Skip to main content\n\n{notice}\n\nSkip to main content\n\n{notice}\n\nMenu\n"
        f"NEWS\n24 September 2019\n{TITLE}\nRichard Adams Education editor\n\n{body}\n"
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Richard Adams"]
    assert story.paragraphs == paragraphs


def test_a_paragraph_after_a_titles_only_box_is_not_the_last_teasers_snippet() -> None:
    box = "Related\nMicrosoft Is Using DNA to Store Data\nWe Can Watch Superman for Many Years\n"
    box += "Seagate Will Ship 20TB Drives Soon\n"
    tail = (
        "Conventional magnetic recording methods today achieve a little over one terabit per "
        "square inch, but the new platters are expected to raise that several times over in "
        "the next few years, which would allow drives far larger than any sold today."
    )
    body = "\n\n".join(BODY)
    story = extract_text_dump(f"Home\n\n{TITLE}\nBy Jane Smith\n\n{body}\n{box}{tail}\n")
    assert [link.snippet for link in story.links] == [None, None, None]
    assert all(link.kind == "related" for link in story.links)


@pytest.mark.parametrize("sep", [" >> ", ">", " > ", " › "])
def test_a_breadcrumb_ending_with_the_headline_is_not_the_headline(sep: str) -> None:
    crumbs = sep.join(["Home", "Recipes", "Cake Recipes", TITLE])
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"{crumbs}\n{TITLE}\nBy Jane Smith\nJune 19, 2019\n\n{body}\n"
    assert extract_text_dump(text).title == TITLE


def test_the_last_crumb_of_a_breadcrumb_names_the_page() -> None:
    from newsdesk.extract.textdump_dump import Dump
    from newsdesk.extract.textdump_title import _ends_breadcrumb

    lines = split_lines(
        "Home » Vegan Desserts » Peanut Butter Truffles\nPeanut Butter Truffles\n"
        "Creamy Sweet Chocolate Peanut Butter Balls"
    )
    dump = Dump(lines)
    assert _ends_breadcrumb(dump, lines[1]) is True
    assert _ends_breadcrumb(dump, lines[2]) is False


def test_a_title_case_headline_may_end_with_a_full_stop() -> None:
    title = "Want to See a More Diverse Contributor Community? So Do We."
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"The Example Blog\n{title}\nBy Jane Smith\nJune 19, 2019\n\n{body}\n"
    assert extract_text_dump(text).title == title
    assert is_heading_like(split_lines("The council approved the plan on Tuesday.")[0]) is False
    notice = "LETTERS REPRESENT THE OPINION OF THE LETTER WRITERS."
    assert is_heading_like(split_lines(notice)[0]) is False


def test_counts_under_a_headline_do_not_make_it_a_teaser_list() -> None:
    lines = split_lines("Easy Pineapple Upside-Down Cake\n652 Ratings\n459 Reviews\n1.2K shares")
    assert teaser_list_size(lines, lines[0], lambda line: False) == 1
    lines = split_lines("Easy Pineapple Upside-Down Cake\nChocolate Mousse\nPumpkin Cookies")
    assert teaser_list_size(lines, lines[0], lambda line: False) == 3


def test_a_short_by_line_naming_no_one_is_not_the_headline() -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Opinion\n{TITLE}\nBy LETTERS TO THE EDITOR |\nNovember 8, 2023\n\n{body}\n"
    assert extract_text_dump(text).title == TITLE


def test_a_list_of_names_is_not_a_byline_under_a_headline() -> None:
    cast = "Characters:\nMidoriya Izuku\nSensei | All For One\nTsukauchi Naomasa\n"
    cast += "Bakugou Katsuki\nTodoroki Shouto\n"
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Works\n{cast}Summary\n\n{TITLE}\nBy Jane Smith\n9 October 2022\n\n{body}\n"
    assert extract_text_dump(text).title == TITLE


def test_title_case_headline_over_a_prefixed_byline_is_the_headline() -> None:
    # "Managing Python Environments" passes for a name; the byline under it says who wrote it.
    body = "\n\n".join(BODY)
    text = f"Managing Python Environments\nBy John Walk - January 10, 2020\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == "Managing Python Environments"
    assert story.authors == ["John Walk"]


def test_a_long_share_panel_does_not_push_the_headline_out_of_reach() -> None:
    panel = "\n".join(f"Share this with {s}\n{s}" for s in ["Email", "Facebook", "Twitter"] * 6)
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Home\nNews\n\n{TITLE}\n10 April 2020\n{panel}\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.paragraphs == BODY + MORE_BODY


def test_reader_directed_furniture_at_the_end_of_the_body_is_dropped() -> None:
    prompt = "Sign up for Harbour Weekly, our newsletter about the waterfront, every Friday."
    body = "\n\n".join(BODY + MORE_BODY)
    story = extract_text_dump(f"Home\n\n{TITLE}\nBy Jane Smith\n\n{body}\n\n{prompt}\n")
    assert story.paragraphs == BODY + MORE_BODY


def test_code_lines_stay_in_a_dump_body() -> None:
    code = ["const config = {", "retries: 3,", "}"]
    paragraphs = [BODY[0], *code, *BODY[1:], *MORE_BODY]
    body = "\n".join(paragraphs)
    story = extract_text_dump(f"Home\n\n{TITLE}\nBy Jane Smith\n\n{body}\n")
    assert story.paragraphs == paragraphs


def test_a_headline_starting_with_next_hyphen_is_not_a_next_story_link() -> None:
    title = "Next-Gen HAMR Platters Promise 80TB Hard Drives"
    body = "\n\n".join(BODY + MORE_BODY)
    story = extract_text_dump(
        f"Home\nStorage\n{title}\nBy Jane Smith\nFebruary 7, 2020\n\n{body}\n"
    )
    assert story.title == title
    assert story.links == []


def test_an_up_next_block_stops_at_the_articles_own_header() -> None:
    teasers = "Up Next\nLITTLE AMERICA IS A JOYFUL ROAD TRIP\nMELANIE MCFARLAND\n"
    teasers += "CLINTON URGES VOTERS TO TAKE OUT TRUMP\nMELANIE MCFARLAND\n"
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"News\n{teasers}{TITLE}\nJANE SMITH\nJANUARY 10, 2020 9:00AM (UTC)\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Jane Smith"]
    assert story.published_at == datetime(2020, 1, 10, 9, 0, tzinfo=UTC)
    assert [link.title for link in story.links] == [
        "LITTLE AMERICA IS A JOYFUL ROAD TRIP",
        "CLINTON URGES VOTERS TO TAKE OUT TRUMP",
    ]


def test_headline_over_deck_over_byline_is_the_title_not_the_deck() -> None:
    deck = "Experts say the new crossing will halve journey times for thousands of commuters"
    body = "\n\n".join(BODY)
    text = f"Home\n\n{TITLE}\n{deck}\nBy Jane Smith\nThu 3 Jan 2019 02.00 EST Last modified on "
    text += f"Wed 16 Jan 2019 06.16 EST\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Jane Smith"]
    assert story.published_at.date().isoformat() == "2019-01-03"


@pytest.mark.parametrize(
    ("name", "head", "title"),
    [
        (
            "a teaser with a byline over the body loses to the headline sharing its words",
            f"Home\nNews\n{TITLE}\n9 October 2022 10:31\nShare\nTweet\nOpinion\n"
            "City zoo welcomes twin panda cubs at last\nBy Tom Brown",
            TITLE,
        ),
        (
            "three long teasers in a row above the dateline",
            f"{LONG_TEASERS}Sunday, Feb 1, 2015 11:57 AM UTC\n{TITLE}\nJane Smith",
            TITLE,
        ),
        (
            "two capitalised words are a headline when no dateline is near",
            "Harbour Bridge",
            "Harbour Bridge",
        ),
        (
            "a headline opening like a name is not a byline",
            "Categories: News\nThese Weeks in Harbour Politics: Issue 85\nJane Smith\n"
            "December 18, 2020",
            "These Weeks in Harbour Politics: Issue 85",
        ),
        (
            "a headline opening with a number",
            "Blog\nInsights\n3 surprising findings from the harbour bridge vote\n"
            "Published on: June 25, 2024",
            "3 surprising findings from the harbour bridge vote",
        ),
        (
            "copies of the headline around a table of contents are not a menu",
            "Harbour bridge guide\nHarbour bridge: the long debate\n"
            "« Guide :: Contents :: Concepts »\nHarbour bridge: the long debate¶\nContents\n"
            "Harbour bridge: the long debate\nThe vote\nThe cost\nThe plans",
            "Harbour bridge: the long debate",
        ),
        (
            "an editor prompt in prose does not make the headline a teaser",
            "Ready to publish?\nChange the story’s title, subtitle, and visibility as needed\n"
            f"Jane Smith\n14 min read\nNext story\nNext story\n{PROMPT_PROSE}\n{TITLE}\n"
            "Share on Twitter\n"
            "Share on Facebook\nShare by email",
            TITLE,
        ),
        (
            "a photo gallery's headline under many gallery labels",
            f"Home\n{TITLE}\nShare on Facebook\nShare on Twitter\nShare via Email\n"
            "More Options\nMiddle East\nBy Jane Smith\n1 of 24\nFull Screen\nAutoplay\nSkip Ad\n"
            "New harbour bridge approved by the city council\nView Photos",
            TITLE,
        ),
        (
            "a line spelling out the kicker and the headline under it",
            "Home\nHarbour Council's New Bridge -- APPROVED!!!\nHarbour Council\n"
            "New Bridge ... APPROVED!!!!\n2/26/2015 7:11 AM PST",
            "Harbour Council's New Bridge -- APPROVED!!!",
        ),
    ],
)
def test_headline_against_body_rules(name: str, head: str, title: str) -> None:
    story = extract_text_dump(_news_page(head))
    assert story.title == title, name
    assert story.paragraphs[: len(BODY)] == BODY, name


def test_anchored_headline_cuts_off_a_little_leading_prose() -> None:
    notice = "Please read our updated terms before you go on, they say how we handle your data."
    account = "Log in with your Harbour Times account to create or edit your custom homepage."
    signup = "Sign up for a free Harbour Times account to choose the news you want to see."
    head = (
        f"{notice}\nSign in\n{account}\nRegister\nRegister for free\n{signup}\nRegister\n"
        f"take the tour\n{TITLE}\n9 October 2022"
    )
    story = extract_text_dump(f"{head}\n\n{LONG_BODY}\n")
    assert story.title == TITLE
    assert story.paragraphs[: len(BODY)] == BODY


def test_page_without_prose_has_no_headline() -> None:
    story = extract_text_dump("Harbour Bridge Plans\nOpening Times And Fares\n")
    assert story.title is None
    assert story.paragraphs == ["Harbour Bridge Plans", "Opening Times And Fares"]


@pytest.mark.parametrize(
    ("name", "text", "penalised"),
    [
        (
            "teaser under a related header, past a kicker",
            "More on this story\nInterview\nMayor says the bridge will change the harbour\n",
            True,
        ),
        (
            "a 'See also' entry of a table of contents",
            "(Top)\nSee also\nReferences\nMayor says the bridge will change the harbour\n",
            False,
        ),
        (
            "the article resumed after the header",
            f"Related\n{BODY[0]}\nMayor says the bridge will change the harbour\n",
            False,
        ),
    ],
)
def test_candidates_under_related_headers(name: str, text: str, penalised: bool) -> None:
    lines = split_lines(text)
    penalty = title_context_penalty(lines, lines[-1], lambda line: line.debris)
    assert (penalty < 0) is penalised, name


TEASER_CARDS = [
    (
        "Ferry fares set to rise again in the summer",
        "Fares on the harbour ferries will go up by "
        "ten percent in June, the operator said, blaming the cost of fuel and of new boats.",
    ),
    (
        "Old town market returns after two years away",
        "The Saturday market is back in the old "
        "town square, with more than forty stalls selling food, flowers and second-hand books.",
    ),
    (
        "Storm damages roofs across the eastern suburbs",
        "High winds tore tiles off hundreds of "
        "roofs on Sunday night and the council has opened a help line for the residents.",
    ),
    (
        "School holidays to start a week earlier",
        "Pupils in the region will break up a week "
        "earlier this year after the education board agreed a new calendar for the schools.",
    ),
    (
        "New tram stop opens near the hospital",
        "The stop, which took two years to build, is "
        "the first of four new stops planned on the eastern line before the end of next year.",
    ),
    (
        "Harbour museum wins national award",
        "The museum was praised for its new gallery on "
        "the history of the fishing fleet and for the work it does with local schools.",
    ),
]


def _teaser_stream() -> str:
    cards = [f"Harbour Times\n4 comments\n{head}\n{snippet}" for head, snippet in TEASER_CARDS]
    return "\n".join(cards)


def test_headline_under_a_teaser_stream_restarts_the_body() -> None:
    # Teaser cards and the article run on as one stretch of prose; the article's headline,
    # with its byline under it, starts the body once the prose above it is lone snippets.
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Home\nNews\n\n{_teaser_stream()}\n\n{TITLE}\nBy Jane Smith\n9 October 2022\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.paragraphs == BODY + MORE_BODY
    assert story.authors == ["Jane Smith"]


def test_snippets_packed_under_a_related_header_end_the_body() -> None:
    # Each teaser runs its headline into its snippet, with no blank line between teasers;
    # the article's own paragraphs are separated by blank lines.
    packed = "\n".join(f"{head} {snippet}" for head, snippet in TEASER_CARDS[:4])
    story = extract_text_dump(_article(f"Related coverage\n{packed}\n\nShare\n"))
    assert story.paragraphs == BODY


@pytest.mark.parametrize(
    ("name", "text", "published", "modified"),
    [
        (
            "published and updated on one line",
            f"Home\n\n{TITLE}\nBy Jane Smith\nDec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, "
            f"12:43 PM UTC\n\n" + "\n\n".join(BODY),
            datetime(2024, 12, 6, 22, 0, tzinfo=UTC),
            datetime(2024, 12, 7, 12, 43, tzinfo=UTC),
        ),
        (
            "only an update date: publication unknown, not guessed",
            f"Home\n\n{TITLE}\nBy Jane Smith\nUpdated Jul 24, 2018, 2:15pm EDT\n\n"
            + "\n\n".join(BODY),
            None,
            datetime(2018, 7, 24, 18, 15, tzinfo=UTC),
        ),
        (
            "month-first dotted date",
            f"Home\n\n{TITLE}\nBy Jane Smith\n01.21.2020 07:00 AM\n\n" + "\n\n".join(BODY),
            datetime(2020, 1, 21, 7, 0, tzinfo=UTC),
            None,
        ),
        (
            "dateline under a deck and a picture caption",
            f"Home\n\n{TITLE}\n{BODY[0]}\n{BODY[1]}\nCredit...\nJane Doe/Agency\n"
            "By Jane Smith\nAug. 16, 2020\n\n" + "\n\n".join(BODY[2:] + MORE_BODY),
            datetime(2020, 8, 16, tzinfo=UTC),
            None,
        ),
        (
            "labelled publication date in the footer",
            f"Home\n\n{TITLE}\n\n"
            + "\n\n".join(BODY + MORE_BODY)
            + "\n\nShare\nPublished: 03 December 2019\nUpdated: 06 December 2019\n",
            datetime(2019, 12, 3, tzinfo=UTC),
            datetime(2019, 12, 6, tzinfo=UTC),
        ),
        (
            "ambiguous numeric date read in the order the page's other dates show",
            f"Home\n\n{TITLE}\nBy Jane Smith\n12/04/2020\n\n"
            + "\n\n".join(BODY)
            + "\n\nComments\nAnna, 14/04/2020\nGreat news for the harbour!\n",
            datetime(2020, 4, 12, tzinfo=UTC),
            None,
        ),
        (
            "a date in a photo caption above the dateline is not the publication date",
            f"Home\n\n{TITLE}\nDoctors examine the old bridge piers before the works began "
            "on Oct. 21, 2023, in the harbour district of the city. Photo: Jane Doe/Agency\n"
            "By Jane Smith\nNovember 8 2023, 3:18 p.m.\n\n" + "\n\n".join(BODY),
            datetime(2023, 11, 8, 15, 18, tzinfo=UTC),
            None,
        ),
        (
            "dateline under a lead paragraph",
            f"Home\n\n{TITLE}\n{BODY[0]}\nGet more news\nDec. 6, 2024, 10:00 PM UTC\n"
            "By Jane Smith\n\n" + "\n\n".join(BODY[1:] + MORE_BODY),
            datetime(2024, 12, 6, 22, 0, tzinfo=UTC),
            None,
        ),
        (
            "schema.org JSON shown as text",
            _article(
                "Share\nAbout us\nContact\nJobs\nPrivacy\nTerms\nHelp\nSitemap\n"
                '{\n"@type": "NewsArticle",\n"datePublished": "2017-11-03 03:01:00",\n}'
            ).replace("9 October 2022\n", ""),
            datetime(2017, 11, 3, 3, 1, tzinfo=UTC),
            None,
        ),
    ],
)
def test_publication_date_rules(
    name: str, text: str, published: datetime | None, modified: datetime | None
) -> None:
    story = extract_text_dump(text)
    assert story.published_at == published, name
    assert story.modified_at == modified, name


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["By", "Todd Bates", "Date", "February 5, 2020"],
            ["By Todd Bates", "Date February 5, 2020"],
        ),
        (["Author", "Recent Posts", "Jane Smith"], ["Author", "Recent Posts", "Jane Smith"]),
        (
            ["Updated", "Parasite scores historic upset"],
            ["Updated", "Parasite scores historic upset"],
        ),
        (["Posted on", "21 April 2022"], ["Posted on 21 April 2022"]),
        (["Kommentar von", "Ingo Arzt"], ["Kommentar von Ingo Arzt"]),
        (["Veröffentlicht am", "17. Dezember 2019"], ["Veröffentlicht am 17. Dezember 2019"]),
        (["By"], ["By"]),
        (["David Brand", "and", "Ramsey Khalifeh"], ["David Brand and Ramsey Khalifeh"]),
        (
            ["The council said", "and", "it was final."],
            ["The council said", "and", "it was final."],
        ),
    ],
)
def test_a_field_label_alone_on_its_line_joins_its_value(
    lines: list[str], joined: list[str]
) -> None:
    from newsdesk.extract.textdump_lines import join_field_labels

    pairs = [(text, True) for text in lines]
    assert [text for text, _ in join_field_labels(pairs)] == joined


def test_split_byline_and_date_labels_are_read() -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"News\n{TITLE}\nBy\nTodd Bates\nDate\nFebruary 5, 2020\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Todd Bates"]
    assert story.published_at is not None and story.published_at.date().isoformat() == "2020-02-05"


def test_a_heading_between_the_article_header_and_the_body_is_not_the_headline() -> None:
    # Menu, headline, a byline and date split from their labels, a share row, then a
    # subtitle right over the body.
    subtitle = "First clinical trial of an automated harbour bridge inspection"
    body = "\n\n".join(BODY + MORE_BODY)
    text = (
        f"Research & Innovation\nStudent Success\nHealth Care\nIn Memoriam\n{TITLE}\nBy\n"
        "Todd Bates\nDate\nFebruary 5, 2020\nShare\nFacebook\nTwitter\nEmail\n"
        f"{subtitle}\n\n{body}\n"
    )
    assert extract_text_dump(text).title == TITLE


@pytest.mark.parametrize(
    ("head", "below"),
    [
        # Headline, byline, share row, then a picture title: below the header.
        (f"{TITLE}\nBy Jane Smith\nShare\nFacebook\nHarbour Bridge Works", True),
        # Headline, deck, byline and date, then the headline again: not below it.
        (f"{TITLE}\nBy Jane Smith on Thu, Nov 9, 2023\nMain image: the bridge\n{TITLE}", False),
        # A teaser with its date, then the article headline right under that date.
        (f"{TITLE}\nSunday, Feb 1, 2015 11:57 AM UTC\nHarbour Bridge Works Start Today", False),
    ],
)
def test_a_line_below_the_article_header(head: str, below: bool) -> None:
    from newsdesk.extract.textdump_dump import Dump, mark_links, mark_meta
    from newsdesk.extract.textdump_title import _below_header

    dump = Dump(split_lines(head))
    mark_meta(dump)
    mark_links(dump)
    assert _below_header(dump, dump.lines[-1], [dump.lines[0]]) is below


def test_a_dateline_over_a_line_marks_it_as_the_headline() -> None:
    # Blogs put the date over the title; a question in the interview is not the headline.
    title = "People behind the code: The Axios ascent"
    question = "Thanks for joining us! To kick us off, could you share a bit about your background?"
    body = "\n\n".join([BODY[0], "Marissa and Rick", question, *BODY[1:], *MORE_BODY])
    text = f"Blog\nSupport\nFAQ\nApril 7, 2020\n{title}\nWebsites\n\n{body}\n"
    assert extract_text_dump(text).title == title


def test_a_label_shown_twice_is_not_a_byline() -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Opinion\n{TITLE}\nOpen Future\nOpen Future\nJun 18th 2018\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == []
    single = f"Opinion\n{TITLE}\nJane Smith\nJun 18th 2018\n\n{body}\n"
    assert extract_text_dump(single).authors == ["Jane Smith"]


def test_a_site_tagline_over_a_title_case_headline_is_not_the_headline() -> None:
    title = "Enhanced Harbour Bridge Protection Now Available in the City"
    tagline = "The latest news and insights from the city on roads and safety online"
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Council Blog\n{tagline}\n{title}\nMay 19, 2020\nPosted by Jane Smith\n\n{body}\n"
    assert extract_text_dump(text).title == title


def test_the_dateline_under_the_headline_outranks_a_date_above_it() -> None:
    # Today's date in the site's top bar sits above the headline; the story's follows it.
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Sections\nMay 11, 2022\nBREAKING\n{TITLE}\nMay 10, 2022 01:52 PM\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.published_at == datetime(2022, 5, 10, 13, 52, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tail", "authors"),
    [
        ("Posted by T. V. Raman at 2:33 PM\nNewer Post Older Post Home", ["T. V. Raman"]),
        ("Date 19.01.2020\nAuthor Ben Knight\nRelated Subjects Berlin", ["Ben Knight"]),
        # Under a comments header, a "Posted by" belongs to a comment.
        ("12 comments:\nPosted by Jane Reader at 3:10 PM", []),
        # A signature under the dateline, but not a press contact under the article.
        ("28. November 2022\n- Nadja Podbregar\nTeilen:\nFacebook", ["Nadja Podbregar"]),
        ("15.10.2021\nPresseteam\nJane Smith\nPressesprecherin", []),
        # A reader's comment credited "Kommentar von".
        ("2 Kommentare »\nKommentar von Jane Reader — 2019-01-01 @ 00:39 | Antworten", []),
    ],
)
def test_a_credit_line_under_the_article_names_its_author(tail: str, authors: list[str]) -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    story = extract_text_dump(f"Harbour Blog\n{TITLE}\n\n{body}\n\n{tail}\n")
    assert story.authors == authors


def test_a_picture_credit_opening_a_paragraph_is_no_footer() -> None:
    credit = f"© Provided by Harbour Times Inc {BODY[0]} {BODY[1]} {BODY[2]}"
    story = extract_text_dump(f"{TITLE}\nBy Jane Smith\n\n{credit}\n\n" + "\n\n".join(MORE_BODY))
    assert story.paragraphs[0] == credit


def test_a_label_repeated_over_each_teaser_is_not_a_teaser() -> None:
    after = (
        "More from Harbour Media\nRead on\nFerry fares to rise in the summer\nRead on\n"
        "New tram stop opens in the old town\nRead on\nMayor promises more cycle lanes\n"
    )
    story = extract_text_dump(_dump(after=after))
    assert [link.title for link in story.links][:3] == [
        "Ferry fares to rise in the summer",
        "New tram stop opens in the old town",
        "Mayor promises more cycle lanes",
    ]


def test_a_box_of_teasers_under_the_headline_does_not_hide_it() -> None:
    # Headline, a box of teasers, then the byline block and the body.
    teasers = "".join(
        f"Read on\n{title}\n"
        for title in (
            "Ferry fares to rise in the summer as fuel costs climb",
            "New tram stop opens in the old town after two years",
            "Mayor promises more cycle lanes along the waterfront",
            "Harbour festival returns with fireworks and a regatta",
            "City library extends its opening hours for students",
            "Storm warning issued for the coast on Thursday night",
            "Council to vote on new parking charges next month",
            "Schools close early as heatwave grips the region",
            "Bus drivers agree new contract after long talks",
            "Old lighthouse to reopen as a museum this summer",
            "Harbour pilots warn of busier shipping lanes",
            "New ferry terminal design unveiled to the public",
            "Cycle hire scheme extended to the eastern suburbs",
            "Fish market moves to a new site by the docks",
        )
    )
    body = "\n\n".join(BODY + MORE_BODY)
    menu = "\n".join(f"Section {n}" for n in range(12))
    text = (
        f"{menu}\n{TITLE}\nMore from Harbour Media\n{teasers}Subscribe\n"
        f"Your guide to the city, daily.\nJane Smith\n9/11/13 10:00AM\n\n{body}\n"
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.authors == ["Jane Smith"]
    assert story.published_at is not None and story.published_at.date().isoformat() == "2013-09-11"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Golem Python API", []),
        ("R.C. Baker", ["R.C. Baker"]),
        ("JOE HILDEBRAND", ["Joe Hildebrand"]),
        ("Richard Adams III", ["Richard Adams III"]),
    ],
)
def test_an_acronym_among_capitalised_words_is_no_name(line: str, names: list[str]) -> None:
    assert byline_names(line, allow_bare=True) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("David Brand and Ramsey Khalifeh", ["David Brand", "Ramsey Khalifeh"]),
        (
            "Posted by Nathan Parker, Eric Mill and Kiran C Nair - Chrome Safe Browsing team",
            ["Nathan Parker", "Eric Mill", "Kiran C Nair"],
        ),
        ("Sun and Moon", []),
    ],
)
def test_names_joined_by_and(line: str, names: list[str]) -> None:
    assert byline_names(line, allow_bare=True) == names


def test_appeals_and_credits_under_the_headline_are_no_standfirst() -> None:
    body = "\n\n".join(BODY + MORE_BODY)
    text = (
        f"NEWS\n{TITLE}\nCare of Harbour Associates LLC\nBy Jane Smith\nPublished Nov 8, 2023\n"
        "Share\nWe rely on your support to make local news available to all\n"
        f"Make your contribution now and help us thrive in 2023. Donate today\n\n{body}\n"
    )
    story = extract_text_dump(text)
    assert story.title == TITLE
    assert story.summary is None
    assert story.authors == ["Jane Smith"]


STANDFIRST = (
    "The decision ends years of argument over the cost and brings the first tram to the "
    "waterfront before 2030."
)


@pytest.mark.parametrize(
    ("standfirst", "opens_body"),
    [
        # A standfirst of its own is the article's opening: it is the summary and opens the body.
        (STANDFIRST, True),
        # An excerpt is not: cut short, or repeating a paragraph of the body.
        (STANDFIRST[:60] + "…", False),
        (BODY[1], False),
    ],
)
def test_a_standfirst_opens_the_body_unless_it_is_an_excerpt(standfirst, opens_body) -> None:
    text = (
        f"Home\nWorld\n\n{TITLE}\n\n{standfirst}\n\nBy Jane Smith\nPublished: 03/04/2024 10:31"
        "\n\n" + "\n\n".join(BODY) + "\n\nShare\nTweet\n"
    )
    story = extract_text_dump(text)
    assert story.summary and standfirst.startswith(story.summary[:40])
    assert (story.paragraphs[0] == standfirst) == opens_body
    assert story.paragraphs[int(opens_body) :][: len(BODY)] == BODY


def test_a_rating_plugin_suffix_is_not_part_of_the_headline() -> None:
    text = (
        f"Home\n\n{TITLE}, 6.0 out of 6 based on 1 rating\n\nBy Jane Smith\n"
        "Published: 03/04/2024 10:31\n\n" + "\n\n".join(BODY)
    )
    assert extract_text_dump(text).title == TITLE


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Hier gibt es Screenshots: https://example.com/imac-5k.html", False),
        ("Mehr dazu auf www.example.com", False),
        ("[ 26. Februar 2020 ] Am Windows Server 2019 einen Datenträger bereitstellen", False),
        (
            "Weitere Informationen, beispielsweise zur Kontrolle von Cookies, findest du hier: "
            "Cookie-Richtlinie",
            False,
        ),
        ("Council approves new harbour bridge after long debate", True),
        ("[Update] Council approves new harbour bridge", True),
    ],
)
def test_lines_that_are_never_headlines(line: str, heading: bool) -> None:
    assert is_heading_like(split_lines(line)[0]) is heading


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        (
            'Ein Kippmoment in "Rain": Die Menge wird zum Mob, treibt ihr Opfer in die Enge. '
            "Bild: X",
            True,
        ),
        ("M:Wer rutscht als nächstes aus auf dem Glatteis? Ich: Ich wette, du bist es", True),
        ("A pure white empty space was all that I saw; an expansive blank canvas filled it", True),
        # An ordinal, an abbreviation or an initial is no sentence end.
        (
            "Tagung: Macht in den europäischen Revolutionen der ersten Hälfte des 19. Jahrhunderts",
            False,
        ),
        ("Dr. Müller übernimmt die Leitung der Klinik", False),
        ("U.S. Customs and Border Protection intercepts a vessel", False),
    ],
)
def test_a_sentence_ending_inside_a_line_marks_prose(line: str, prose: bool) -> None:
    from newsdesk.extract.textdump_title import _MID_SENTENCE

    assert bool(_MID_SENTENCE.search(line)) is prose


def test_a_caption_naming_the_headline_s_subject_is_no_byline() -> None:
    title = "Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos"
    body = "\n\n".join(BODY + MORE_BODY)
    text = f"Home\n{title}\nLinkNaija October 06, 2018\n\nKate Henshaw\n\n{body}\n"
    story = extract_text_dump(text)
    assert story.title == title
    assert story.authors == []


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://blog.example.org/2019/08/02/json-parsing/", datetime(2019, 8, 2, tzinfo=UTC)),
        ("https://blog.example.org/json-parsing/", None),
        (None, None),
    ],
)
def test_the_url_dates_a_dump_that_shows_no_date(url: str | None, published) -> None:
    story = extract_text_dump(f"{TITLE}\n\n" + "\n\n".join(BODY + MORE_BODY), url=url)
    assert story.published_at == published
    assert (story.provenance.get("published_at") == "url") is (published is not None)
