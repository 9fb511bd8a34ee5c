"""The author box an article closes with leaves its body once the authors are known."""

from __future__ import annotations

import pytest

from newsdesk.extract.author_box import drop_author_box
from newsdesk.extract.textdump import extract_text_dump

ARTICLE = [
    f"Paragraph {k} of the story says the council met again on Tuesday night." for k in range(6)
]
BIO = (
    "Evan Halper writes about a broad range of policy issues out of Washington D.C., with "
    "particular emphasis on how Washington regulates."
)


@pytest.mark.parametrize(
    ("tail", "authors", "kept"),
    [
        # The name alone and a bio opening with it.
        (["Evan Halper", BIO], ["Evan Halper"], []),
        (["Celia Parbey ist Berlinerin und Afrikawissenschaftlerin."], ["Celia Parbey"], []),
        (["Leah C. Stokes is an assistant professor."], ["Leah C. Stokes"], []),
        # Another person's bio, or the author quoted, stays.
        (["Jane Roe is a reporter in Ohio."], ["Evan Halper"], ["Jane Roe is a reporter in Ohio."]),
        (
            ["Evan Halper: “We will be back next year,” he said."],
            ["Evan Halper"],
            ["Evan Halper: “We will be back next year,” he said."],
        ),
        # A one-word credit names no one to match.
        (["Paddy"], ["Paddy"], ["Paddy"]),
        # Without authors nothing goes.
        (["Evan Halper", BIO], [], ["Evan Halper", BIO]),
    ],
)
def test_drop_author_box(tail: list[str], authors: list[str], kept: list[str]) -> None:
    assert drop_author_box(ARTICLE + tail, authors) == ARTICLE + kept


def test_a_name_early_in_a_short_body_is_text() -> None:
    # The first half of the body is the article, whoever it is about.
    body = ["Evan Halper was named the paper's new Washington bureau chief.", *ARTICLE[:2]]
    assert drop_author_box(body, ["Evan Halper"]) == body


def test_a_dump_loses_the_author_box_under_its_article() -> None:
    text = (
        "Home\n\nCouncil approves new harbour bridge after long debate\n\nBy Evan Halper\n"
        "Published: 03/04/2024 10:31\n\n" + "\n\n".join(ARTICLE) + f"\n\nEvan Halper\n\n{BIO}\n"
    )
    story = extract_text_dump(text)
    assert story.authors == ["Evan Halper"]
    assert story.paragraphs == ARTICLE
