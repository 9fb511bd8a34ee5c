"""Roles of organisations inside a story: outlets cited as sources, and the story's own outlet."""

from __future__ import annotations

import re

from newsdesk.entities.keys import normalise_key
from newsdesk.entities.records import ROLE_CITED_SOURCE, ROLE_OWN_OUTLET, Mention

_CITED_AFTER = re.compile(
    r"^['’]?s?\s*(?:has\s+|had\s+|also\s+|earlier\s+)?"
    r"(?:reported|reports|reporting|quoted|wrote|writes|cited|citing|said\s+in\s+(?:a|its)\s+report"
    r"|newspaper|daily|news\s+agency|correspondent)\b",
    re.IGNORECASE,
)
_CITED_BEFORE = re.compile(
    r"\b(?:according\s+to|reported\s+by|reports|quoted\s+by|cited\s+by|interview\s+with"
    r"|writing\s+in|wrote\s+in|told\s+(?:the\s+)?(?:daily|newspaper)|published\s+(?:by|in))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_LABELS = frozenset(("ORG", "WORK_OF_ART", "PRODUCT"))
_DOMAIN_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|\.(?:com|net|org|co|news|in|pk|uk)\b.*$")


def _outlet_key(outlet: str) -> str:
    return normalise_key(_DOMAIN_NOISE.sub("", outlet.strip().casefold())).replace(" ", "")


def is_cited(text: str, start: int, end: int) -> bool:
    """Whether the span [start, end) of `text` is cited as a source ("X reported").

    Args:
        text: The piece of text.
        start: Span start.
        end: Span end.

    Returns:
        True when a reporting phrase sits right before or after the span.
    """
    return bool(
        _CITED_AFTER.match(text[end : end + 40])
        or _CITED_BEFORE.search(text[max(0, start - 40) : start])
    )


def assign_roles(mentions: list[Mention], cited: list[bool], outlet: str | None) -> None:
    """Set `role` on one story's mentions, in place.

    Every mention of an entity that is cited at least once gets `cited_source`; mentions of the
    story's own outlet get `own_outlet` instead.

    Args:
        mentions: The story's mentions, linked (`entity_id` set).
        cited: Per mention, whether its context marks it as a cited source.
        outlet: The story's own outlet name, if known.
    """
    outlet_key = _outlet_key(outlet) if outlet else ""
    cited_ids = {
        m.entity_id
        for m, flag in zip(mentions, cited, strict=True)
        if flag and m.label in _SOURCE_LABELS
    }
    for mention in mentions:
        keys = {
            normalise_key(mention.name).replace(" ", ""),
            normalise_key(mention.text).replace(" ", ""),
        }
        if outlet_key and mention.type == "ORG" and outlet_key in keys:
            mention.role = ROLE_OWN_OUTLET
        elif mention.entity_id in cited_ids:
            mention.role = ROLE_CITED_SOURCE
