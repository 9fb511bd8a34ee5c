"""The address a browser records in a page it saves ("Mark of the Web")."""

from __future__ import annotations

import re

# Browsers that save a page as HTML write where it came from in a comment near its top:
# `<!-- saved from url=(0042)https://www.bbc.com/burmese/burma-45989453 -->`, the number
# giving the address's length.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\((?P<length>\d{4})\)(?P<rest>[^\s>]+)", re.I)
#: How far into the page the comment is looked for: it precedes or follows the doctype.
SAVED_FROM_REACH = 4096


def saved_from_url(page: str) -> str | None:
    """The http(s) address a saved page's "saved from url" comment names.

    Args:
        page: The page's text (only its first `SAVED_FROM_REACH` characters are read).

    Returns:
        The address, or None when the page carries no such comment or it names no web
        address (`about:internet` for a page saved from disk).
    """
    match = _SAVED_FROM.search(page[:SAVED_FROM_REACH])
    if not match:
        return None
    url = match["rest"][: int(match["length"])]
    return url if re.match(r"https?://[^/\s]+", url, re.I) else None
