from datetime import UTC, datetime

import pytest

from newsdesk.dates import check_published, parse_datetime


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("9 October 2022", datetime(2022, 10, 9, tzinfo=UTC), "day"),
        ("2022-10-09", datetime(2022, 10, 9, tzinfo=UTC), "day"),
        ("2024-03-04T10:31:00Z", datetime(2024, 3, 4, 10, 31, tzinfo=UTC), "second"),
        # Offsets are converted to UTC.
        ("2024-03-04T10:31+02:00", datetime(2024, 3, 4, 8, 31, tzinfo=UTC), "minute"),
        ("Mon, 05 Aug 2019 23:11:09 +0000", datetime(2019, 8, 5, 23, 11, 9, tzinfo=UTC), "second"),
        ("Oct 9, 2022", datetime(2022, 10, 9, tzinfo=UTC), "day"),
    ],
)
def test_parse_datetime(text, expected, precision):
    assert parse_datetime(text) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        # Dotted dates are day first wherever they are written.
        ("01.11.2023", False, datetime(2023, 11, 1, tzinfo=UTC)),
        # Dashed ones follow the page's locale.
        ("01-11-2023 10:29", True, datetime(2023, 11, 1, 10, 29, tzinfo=UTC)),
        ("01-11-2023 10:29", False, datetime(2023, 1, 11, 10, 29, tzinfo=UTC)),
        # Slashed ones stay month first (CMS metadata writes them so on any site).
        ("11/01/2023 12:43", True, datetime(2023, 11, 1, 12, 43, tzinfo=UTC)),
        # Year-first dates are never swapped.
        ("2023-11-06T10:00:00Z", True, datetime(2023, 11, 6, 10, tzinfo=UTC)),
        ("2023-11-06 10:00", True, datetime(2023, 11, 6, 10, tzinfo=UTC)),
    ],
)
def test_numeric_date_order(text, day_first, expected):
    assert parse_datetime(text, day_first=day_first)[0] == expected


@pytest.mark.parametrize("text", [None, "", "no date here", "2022-13-45", "x" * 200])
def test_parse_datetime_rejects(text):
    assert parse_datetime(text) is None


CAPTURED = datetime(2025, 10, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("published", "kept", "noted"),
    [
        (datetime(2022, 10, 9, tzinfo=UTC), True, False),
        (datetime(1970, 1, 1, tzinfo=UTC), False, True),
        (datetime(2030, 1, 1, tzinfo=UTC), False, True),
        # Within a day after capture: time zones, not an impossible date.
        (datetime(2025, 10, 7, 20, tzinfo=UTC), True, False),
        (None, False, False),
    ],
)
def test_check_published(published, kept, noted):
    value, note = check_published(published, CAPTURED)
    assert (value is not None) == kept
    assert (note is not None) == noted
