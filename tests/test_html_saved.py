"""Tests for newsdesk.extract.html_saved: the address a browser writes into a saved page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.extract.html import extract_html
from newsdesk.extract.html_saved import SAVED_FROM_REACH, saved_from_url


@pytest.mark.parametrize(
    ("page", "url"),
    [
        (
            "<!DOCTYPE html>\n<!-- saved from url=(0042)https://www.bbc.com/burmese/burma-45989453 "
            "-->\n<html><head></head></html>",
            "https://www.bbc.com/burmese/burma-45989453",
        ),
        # The length in brackets ends the address, whatever follows it.
        (
            "<!-- saved from url=(0022)http://example.com/a/b-->\n<html></html>",
            "http://example.com/a/b",
        ),
        ("<!-- saved from url=(0014)about:internet -->\n<html></html>", None),
        ("<html><!-- saved from nowhere --></html>", None),
        ("<html></html>", None),
        # Only the top of the page is read: the comment there is the browser's.
        (
            "<html>" + " " * SAVED_FROM_REACH + "<!-- saved from url=(0018)https://x.example/ -->",
            None,
        ),
    ],
)
def test_saved_from_url(page: str, url: str | None) -> None:
    assert saved_from_url(page) == url


def test_a_saved_page_knows_its_address_without_a_url() -> None:
    page = (
        "<!DOCTYPE html>\n"
        "<!-- saved from url=(0047)https://news.example.com/2021/03/04/bridge-vote -->\n"
        "<html><head><title>Council approves new harbour bridge</title></head><body><article>"
        "<h1>Council approves new harbour bridge</h1>"
        + "<p>The city council approved the construction of a new harbour bridge on Tuesday "
        "after a debate that lasted more than six hours and drew residents to the chamber.</p>"
        * 4
        + '<p>Read <a href="/2021/03/01/bridge-plan">the plan</a>.</p></article></body></html>'
    )
    story = extract_html(page)
    assert story.url == "https://news.example.com/2021/03/04/bridge-vote"
    assert story.published_at == datetime(2021, 3, 4, tzinfo=UTC)
    assert "https://news.example.com/2021/03/01/bridge-plan" in [link.url for link in story.links]


def test_a_page_saved_at_a_site_root_is_placed_as_a_declared_address() -> None:
    # Saved while the site's front page showed one release in full: its text decides.
    page = (
        "<!DOCTYPE html>\n<!-- saved from url=(0031)https://www.iwrpressedienst.de/ -->\n"
        "<html><head><title>Pressemitteilungen</title></head><body><main>"
        "<h2>Windpark geht ans Netz</h2>"
        + "".join(
            f"<p>Der neue Windpark an der Küste hat am {day} den Betrieb aufgenommen und "
            "liefert Strom für rund zwanzigtausend Haushalte in der Region, teilte der "
            "Betreiber mit.</p>"
            for day in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
        )
        + "</main></body></html>"
    )
    story = extract_html(page)
    assert story.page_type == "article"
    assert story.url == "https://www.iwrpressedienst.de/"
