"""Tests for newsdesk.dates.parse_datetime: month names in other languages and zone names."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.dates import parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German, with a weekday abbreviation dateutil does not know.
        ("Do, 05 Dez 2024 10:00:00 +0100", datetime(2024, 12, 5, 9, tzinfo=UTC)),
        ("Di, 04 Mär 2025 10:00:00 +0100", datetime(2025, 3, 4, 9, tzinfo=UTC)),
        ("5. Dezember 2024", datetime(2024, 12, 5, tzinfo=UTC)),
        ("Sonntag, 5. Mai 2024 10:00", datetime(2024, 5, 5, 10, tzinfo=UTC)),
        # Spanish and Portuguese, with "de".
        ("vie, 05 ene 2024 10:00:00 +0100", datetime(2024, 1, 5, 9, tzinfo=UTC)),
        ("5 de enero de 2024", datetime(2024, 1, 5, tzinfo=UTC)),
        ("sáb, 03 ago 2024", datetime(2024, 8, 3, tzinfo=UTC)),
        ("5 de setembro de 2024", datetime(2024, 9, 5, tzinfo=UTC)),
        ("1 out 2024, 10:00", datetime(2024, 10, 1, 10, tzinfo=UTC)),
        # French abbreviations end in a dot.
        ("ven., 05 juil. 2024 10:00:00 +0200", datetime(2024, 7, 5, 8, tzinfo=UTC)),
        ("12 mai 2024", datetime(2024, 5, 12, tzinfo=UTC)),
        ("lun. 2 déc. 2024", datetime(2024, 12, 2, tzinfo=UTC)),
        ("3 févr. 2024", datetime(2024, 2, 3, tzinfo=UTC)),
        # "mar" is Tuesday in Spanish, Italian and French, and a month in English.
        ("mar, 05 ene 2024", datetime(2024, 1, 5, tzinfo=UTC)),
        ("mar 05 gen 2024", datetime(2024, 1, 5, tzinfo=UTC)),
        ("Mar 5, 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        # Italian, Dutch.
        ("12 ott 2023", datetime(2023, 10, 12, tzinfo=UTC)),
        ("3 mrt 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("3 okt. 2024", datetime(2024, 10, 3, tzinfo=UTC)),
        # Polish and Czech genitives, Russian.
        ("5 grudnia 2024 r.", datetime(2024, 12, 5, tzinfo=UTC)),
        ("21 października 2024, 10:15", datetime(2024, 10, 21, 10, 15, tzinfo=UTC)),
        ("7. května 2024", datetime(2024, 5, 7, tzinfo=UTC)),
        ("5 декабря 2024", datetime(2024, 12, 5, tzinfo=UTC)),
    ],
)
def test_month_names_of_other_languages(text, expected):
    found = parse_datetime(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A month word nobody here reads must not leave the day to be taken for the month.
        "05 Aralık 2024",
        "Do, 05 Xyz 2024 10:00:00 +0100",
        "3 days ago, 2024",
        "Published 2024",
        "5 2024",
    ],
)
def test_unreadable_month_gives_none(text):
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English month words and numeric months are read as before.
        ("9 October 2022", datetime(2022, 10, 9, tzinfo=UTC)),
        ("05/2024", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05", datetime(2024, 5, 1, tzinfo=UTC)),
        ("05.12.2024 um 10:00 Uhr", datetime(2024, 12, 5, 10, tzinfo=UTC)),
    ],
)
def test_known_forms_unchanged(text, expected):
    assert parse_datetime(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fri, 05 Jan 2024 10:00:00 EST", datetime(2024, 1, 5, 15, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 EDT", datetime(2024, 7, 5, 14, tzinfo=UTC)),
        ("Fri, 05 Jan 2024 10:00:00 PST", datetime(2024, 1, 5, 18, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 PDT", datetime(2024, 7, 5, 17, tzinfo=UTC)),
        # CST is US Central, as RFC 822 defines it.
        ("Fri, 05 Jan 2024 10:00:00 CST", datetime(2024, 1, 5, 16, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 CDT", datetime(2024, 7, 5, 15, tzinfo=UTC)),
        ("Fri, 05 Jan 2024 10:00:00 MST", datetime(2024, 1, 5, 17, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 MDT", datetime(2024, 7, 5, 16, tzinfo=UTC)),
        ("Thu, 05 Dec 2024 10:00:00 CET", datetime(2024, 12, 5, 9, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 CEST", datetime(2024, 7, 5, 8, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 BST", datetime(2024, 7, 5, 9, tzinfo=UTC)),
        # IST is India Standard Time, the reading Indian outlets mean.
        ("Thu, 05 Dec 2024 10:00:00 IST", datetime(2024, 12, 5, 4, 30, tzinfo=UTC)),
        ("Fri, 05 Jul 2024 10:00:00 AEST", datetime(2024, 7, 5, 0, tzinfo=UTC)),
        ("Thu, 05 Dec 2024 10:00:00 AEDT", datetime(2024, 12, 4, 23, tzinfo=UTC)),
        ("2024-12-05 10:00 JST", datetime(2024, 12, 5, 1, tzinfo=UTC)),
        ("2024-12-05 10:00 MSK", datetime(2024, 12, 5, 7, tzinfo=UTC)),
        ("Thu, 05 Dec 2024 10:00:00 GMT", datetime(2024, 12, 5, 10, tzinfo=UTC)),
        ("2024-12-05 10:00 UTC", datetime(2024, 12, 5, 10, tzinfo=UTC)),
        ("2024-12-05T10:00:00Z", datetime(2024, 12, 5, 10, tzinfo=UTC)),
    ],
)
def test_zone_abbreviations(text, expected):
    assert parse_datetime(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        # Words before the clock time; dateutil takes the "a" of "a las" for a.m.
        ("5 de marzo de 2024 a las 10:00", datetime(2024, 3, 5, 10, tzinfo=UTC), "minute"),
        ("5 marzo 2024 alle 10:00", datetime(2024, 3, 5, 10, tzinfo=UTC), "minute"),
        ("5 marca 2024 o godz. 10:00", datetime(2024, 3, 5, 10, tzinfo=UTC), "minute"),
        ("5. März 2024 um 10:00 Uhr", datetime(2024, 3, 5, 10, tzinfo=UTC), "minute"),
        # The French "10h30" is a time of day.
        ("5 mars 2024 à 10h30", datetime(2024, 3, 5, 10, 30, tzinfo=UTC), "minute"),
        ("Mar 5, 2024 at 10:00 AM", datetime(2024, 3, 5, 10, tzinfo=UTC), "minute"),
    ],
)
def test_words_before_the_time(text, expected, precision):
    assert parse_datetime(text) == (expected, precision)
