"""A page's visible text in lines (`inner_text`), and the bylines read from it."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from newsdesk.extract.html import extract_html
from newsdesk.extract.html_text import inner_text

PARAGRAPHS = [
    "Am Sonntag sind wir bei schönstem Wetter mit den Rädern durch den Osten der Stadt "
    "gefahren, vorbei am Tierpark und an den alten Villen von Karlshorst.",
    "Die Strecke ist gut dreißig Kilometer lang und führt fast nur über ruhige Nebenstraßen, "
    "sodass man sie auch mit Kindern gut fahren kann, und am Ende wartet ein Café am Wasser.",
    "Unterwegs lohnt sich ein Halt am alten Wasserwerk, dessen Backsteinhallen heute ein "
    "kleines Museum beherbergen, das sonntags kostenlos geöffnet ist.",
]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # Blocks make lines; inline elements run on; <br> breaks a line.
        (
            "<div><h1>Title</h1><p>One <b>bold</b> word</p><p>a<br>b</p></div>",
            "Title\nOne bold word\na\nb",
        ),
        # Scripts, styles, hidden elements and form controls show nothing.
        (
            "<p>Shown</p><script>var x = 1;</script><style>p {}</style>"
            '<div hidden>Hidden</div><p style="display: none">Gone</p><button>Share</button>',
            "Shown",
        ),
        # Table cells stay on their row's line.
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        # Whitespace inside a line collapses; empty blocks leave no blank lines.
        ("<p>  many \n  spaces  </p><div></div><p>next</p>", "many spaces\nnext"),
    ],
)
def test_inner_text(html: str, text: str) -> None:
    assert inner_text(document_fromstring(f"<html><body>{html}</body></html>")) == text


def _page(header: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        "<title>Radtour durch Friedrichsfelde</title></head><body>"
        '<nav><a href="/">Start</a> <a href="/blog">Blog</a></nav>'
        f"<main><h1>Radtour durch Friedrichsfelde</h1>{header}{body}</main></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # A name over the dateline, marked up as nothing in particular.
        ("<div><span>Jonathan Krase</span></div><div>2. Februar 2020</div>", ["Jonathan Krase"]),
        # A labelled credit in German.
        ("<div>Veröffentlicht am 2. Februar 2020 von Tine Berger</div>", ["Tine Berger"]),
        # Capitalised words over the dateline name no one.
        ("<div><span>Faire Lieferketten</span></div><div>2. Februar 2020</div>", []),
    ],
)
def test_visible_bylines_when_the_markup_names_no_author(header: str, authors: list[str]) -> None:
    story = extract_html(_page(header), url="https://blog.example.de/2020/02/radtour")
    assert story.authors == authors
    if authors:
        assert story.provenance["authors"] == "heuristic"


def test_comment_threads_are_left_out_on_request_but_not_pages_open_for_comments() -> None:
    tree = document_fromstring(
        '<html><body class="post comments-open"><p>Text</p>'
        '<div id="comments" class="comments-area"><p>By Troll Person</p></div>'
        '<ol class="commentlist"><li>Nice post</li></ol>'
        '<div class="has-comments"><p>Kept</p></div></body></html>'
    )
    assert inner_text(tree, comments=False) == "Text\nKept"
    assert "By Troll Person" in inner_text(tree)
