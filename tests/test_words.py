"""Word counts across scripts."""

import pytest

from newsdesk.words import count_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, 0),
        ("", 0),
        ("Hello world, 2 cats", 4),
        ("don't stop", 3),  # \w runs: don, t, stop
        ("宇航员在太空中喝酒", 9),  # one per Han character
        ("トレンドマイクロ", 8),  # kana
        ("iPhone发布 new", 4),  # iPhone + 发 + 布 + new
        ("서울 날씨", 4),  # Hangul syllables
    ],
)
def test_count_words(text: str | None, expected: int) -> None:
    assert count_words(text) == expected
