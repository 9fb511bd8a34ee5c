"""Damaged and extreme HTML: stray bytes, deep nesting, unclosed comments and scripts, huge
element counts, pathological JSON-LD, and links against `<base>` and the page's scheme."""

from __future__ import annotations

import json

import pytest

from newsdesk.extract import html_body
from newsdesk.extract.charset import decode_html, mostly_utf8
from newsdesk.extract.html import extract_html

WORDS = "council budget schools roads hospitals families officials region rural towns".split()
URL = "https://dailyledger.example/news/2024/05/02/council-budget"
LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves record budget",
        "datePublished": "2024-05-02T08:00:00Z",
        "author": {"@type": "Person", "name": "Jane Porter"},
    }
)


def prose(n: int, seed: int = 0) -> str:
    words = [WORDS[(i * 7 + seed) % len(WORDS)] for i in range(n)]
    return " ".join(" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, n, 12))


PARAGRAPHS = [prose(60, i) for i in range(5)]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def article(body: str = BODY, head: str = "", before_body: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Council approves record budget | The Daily Ledger</title>"
        f'<script type="application/ld+json">{LD}</script>{head}</head>{before_body}<body>'
        '<header><a href="/">The Daily Ledger</a></header><main><article>'
        "<h1>Council approves record budget</h1><p class='byline'>By Jane Porter</p>"
        f"{body}</article></main></body></html>"
    )


def body_text(story) -> str:
    return "\n".join(story.paragraphs)


# --- H6: charsets ---------------------------------------------------------------------------

GERMAN = (
    "Die Bürger äußerten Kritik an den Maßnahmen, der Größe und der Qualität der Straßen. "
    "Der Gemeinderat beschließt trotzdem für Städte und Gemeinden höhere Zuschüsse."
)
CZECH = (
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Městská rada schválila rozpočet na příští rok, "
    "který počítá s opravami silnic, škol a nemocnic v celém kraji. Občané žádají větší "
    "průhlednost při rozhodování o veřejných zakázkách a investicích."
)
POLISH = (
    "Zażółć gęślą jaźń. Rada miasta przyjęła budżet na przyszły rok, który przewiduje remonty "
    "dróg, szkół i szpitali w całym regionie. Mieszkańcy żądają większej przejrzystości."
)
FRENCH = (
    "Le café était très animé à l’été, où l’on parlait déjà de la rentrée. Les élèves "
    "préféraient les cours d’éducation civique « à l’ancienne » et les débats animés."
)


def _html_bytes(text: str, charset: str | None, encoding: str, stray: bytes = b"") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    head = f"<!DOCTYPE html><html><head>{meta}<title>Titel</title></head><body>"
    return head.encode() + f"<p>{text}</p>".encode(encoding) + stray + b"</body></html>"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Short UTF-8 pages with a few stray legacy bytes stay UTF-8.
        (_html_bytes(GERMAN, "utf-8", "utf-8", b"<p>Preis: 5\xa0\x80 f\xfcr alle</p>"), GERMAN),
        (_html_bytes(GERMAN, None, "utf-8", b"<p>caf\xe9</p>"), GERMAN),
        (_html_bytes(GERMAN * 3, "utf-8", "utf-8", b"\xe4\xf6\xfc\x80"), GERMAN),
        # Genuine legacy pages are still read in their code page.
        (_html_bytes(CZECH, "windows-1250", "cp1250"), CZECH),
        (_html_bytes(POLISH, "windows-1250", "cp1250"), POLISH),
        (_html_bytes(CZECH * 3, None, "cp1250"), CZECH),
        (_html_bytes(FRENCH, "windows-1252", "cp1252"), FRENCH),
        (_html_bytes(FRENCH, None, "cp1252"), FRENCH),
        (_html_bytes(FRENCH, "utf-8", "cp1252"), FRENCH),
        (_html_bytes(GERMAN, "iso-8859-1", "latin-1"), GERMAN),
        (_html_bytes(GERMAN, "utf-8", "latin-1"), GERMAN),
    ],
    ids=[
        "utf8-declared-3-stray-bytes",
        "utf8-undeclared-stray-byte",
        "utf8-4-stray-bytes",
        "cp1250-czech",
        "cp1250-polish",
        "cp1250-undeclared",
        "cp1252-declared",
        "cp1252-undeclared",
        "cp1252-labelled-utf8",
        "latin1-declared",
        "latin1-labelled-utf8",
    ],
)
def test_decoding_short_pages(data, expected):
    text = decode_html(data)
    assert expected in text
    assert "Ă" not in text and "Ã" not in text


@pytest.mark.parametrize(
    ("valid", "broken", "utf8"),
    [
        (27, 3, True),
        (8, 2, True),
        (400, 20, True),
        (2_000, 60, True),
        (7, 1, False),
        (5, 2, False),
        (10, 4, False),
        (100, 40, False),
        (0, 3, False),
    ],
)
def test_mostly_utf8_scales_with_page_size(valid, broken, utf8):
    assert mostly_utf8(valid, broken) is utf8


def test_stray_bytes_keep_the_title_readable():
    title = "Gemeinderat beschließt Rekordhaushalt für Städte und Gemeinden"
    data = (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1><p>{GERMAN}</p><p>{prose(80)}</p>"
    ).encode() + b"<p>Preis: 5\xa0\x80 f\xfcr alle Haushalte.</p></article></body></html>"
    story = extract_html(data)
    assert story.title == title
    assert GERMAN in body_text(story)


# --- M1: deep nesting -----------------------------------------------------------------------


@pytest.mark.parametrize("depth", [256, 300, 1000])
def test_text_after_deep_nesting_is_kept(depth):
    quote = "<div>" * depth + "Inner quote." + "</div>" * depth
    story = extract_html(article(body=quote + BODY))
    assert story.page_type == "article"
    for paragraph in PARAGRAPHS:
        assert paragraph in body_text(story)


def test_nesting_past_the_parser_limit_is_noted():
    story = extract_html(article(body="<div>" * 3000 + "deep" + "</div>" * 3000 + BODY))
    assert any("nested too deep" in note for note in story.notes)


# --- M2: unclosed comment, script, style, title, textarea -----------------------------------


@pytest.mark.parametrize(
    ("html", "opener"),
    [
        (article(body="<!-- ad slot start <div class='ad'>" + BODY), "<!--"),
        (article(body="<script>var slot = '<p>';" + BODY), "<script>"),
        (article(head="<style>body{color:red}"), "<style>"),
        (article(head="<!-- tracking pixel"), "<!--"),
        # A comment form's field left open swallows the text as its value, markup and all.
        (article(body="<textarea>" + BODY), "<textarea>"),
    ],
    ids=["comment-in-body", "script-in-body", "style-in-head", "comment-in-head", "textarea"],
)
def test_unclosed_opener_is_closed_and_noted(html, opener):
    story = extract_html(html)
    assert story.page_type == "article"
    for paragraph in PARAGRAPHS:
        assert paragraph in body_text(story)
    assert any(f"unclosed {opener}" in note for note in story.notes)


def test_closed_comments_and_scripts_are_left_alone():
    html = article(body="<!-- ad --><script>var a = '<p>';</script>" + BODY + "<!-- end")
    story = extract_html(html)
    assert not any("unclosed" in note for note in story.notes)
    assert PARAGRAPHS[0] in body_text(story)


def test_empty_article_is_noted():
    story = extract_html(article(body=""))
    assert story.page_type == "article"
    assert any(note.startswith("almost no body text found") for note in story.notes)


# --- M6: element cap ------------------------------------------------------------------------


def test_page_over_the_element_cap_is_read_without_trafilatura(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("trafilatura must not run over the element cap")

    monkeypatch.setattr(html_body, "MAX_TRAFILATURA_ELEMENTS", 300)
    monkeypatch.setattr(html_body, "_trafilatura_blocks", fail)
    tiny = "".join(f"<p>w{i}</p>" for i in range(400))
    story = extract_html(article(body=BODY + tiny), url=URL)
    assert story.page_type == "article"
    assert PARAGRAPHS[0] in story.paragraphs
    assert any("too complex for the body extractor" in note for note in story.notes)


def test_caps_are_above_the_largest_real_pages():
    # The quality corpus's largest page has 10,106 elements and nests 42 deep.
    assert html_body.MAX_TRAFILATURA_ELEMENTS >= 50_000
    assert html_body.MAX_BALANCED_ELEMENTS >= 10_000
    assert html_body.MAX_TRAFILATURA_DEPTH >= 256


# --- M8: JSON-LD nested too deep ------------------------------------------------------------


@pytest.mark.parametrize(
    "block",
    ["[" * 5000 + "]" * 5000, '{"a":' * 3000 + "1" + "}" * 3000, "[" * 100 + "]" * 100],
    ids=["list-5000", "object-3000", "list-100"],
)
def test_deep_json_ld_block_is_ignored_with_a_note(block):
    head = f'<script type="application/ld+json">{block}</script>'
    story = extract_html(article(head=head))
    assert story.page_type == "article"
    assert story.title == "Council approves record budget"
    assert story.authors == ["Jane Porter"]
    assert any("JSON-LD block 2" in note and "ignored" in note for note in story.notes)


# --- L4: links against <base> and the page's scheme -----------------------------------------


@pytest.mark.parametrize(
    ("head", "href", "expected"),
    [
        (
            '<base href="https://cdn.other.example/assets/">',
            "../news/2024/05/01/related-story",
            "https://cdn.other.example/news/2024/05/01/related-story",
        ),
        ("", "related-story", "https://dailyledger.example/news/2024/05/02/related-story"),
        ("", "//other.example/x", "https://other.example/x"),
    ],
    ids=["base-href", "path-relative", "protocol-relative-on-https"],
)
def test_inline_links_resolve_like_a_browser(head, href, expected):
    body = f"<p>Read <a href='{href}'>the earlier report</a> for more.</p>" + BODY
    story = extract_html(article(body=body, head=head), url=URL)
    inline = [link.url for link in story.links if link.kind == "inline"]
    assert inline == [expected]
