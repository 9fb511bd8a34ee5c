"""Reading schema.org JSON-LD blocks: tolerant parsing and picking the article node."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Posting|Report|LiveBlog|Review)$", re.I)
_PAGE_TYPE = re.compile(r"^(WebPage|ItemPage|AboutPage|ProfilePage|QAPage|FAQPage)$", re.I)
_LISTING_TYPE = re.compile(r"^(CollectionPage|ItemList|SearchResultsPage|Blog)$", re.I)
_ORG_TYPE = re.compile(r"(Organization|NewsMediaOrganization|Corporation|WebSite)$", re.I)
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_CDATA = re.compile(r"^\s*(//\s*)?<!\[CDATA\[|(//\s*)?\]\]>\s*$", re.M)
_MAX_SCRIPT_CHARS = 1_000_000


# Real JSON-LD nests a few levels (graph, node, author, address); a block nested deeper than
# this is ignored, as the readers of its values recurse.
_MAX_DEPTH = 64


class _TooDeep(Exception):
    """A JSON-LD block nested deeper than `_MAX_DEPTH`, or than the parser can follow."""


def _loads(text: str) -> Any:
    text = _CDATA.sub("", text).strip().rstrip(";")
    if not text or len(text) > _MAX_SCRIPT_CHARS:
        return None
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            value = json.loads(candidate, strict=False)
        except ValueError:
            continue
        except RecursionError as err:
            raise _TooDeep from err
        if _depth(value) > _MAX_DEPTH:
            raise _TooDeep
        return value
    return None


def _depth(value: Any) -> int:
    """How deep lists and objects nest in a parsed JSON value, walked without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            if depth <= _MAX_DEPTH:
                stack.extend((child, depth + 1) for child in item)
    return deepest


def _walk(value: Any, out: list[dict]) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, out)
    elif isinstance(value, dict):
        out.append(value)
        if "@graph" in value:
            _walk(value["@graph"], out)


def types_of(node: dict) -> list[str]:
    """The `@type` values of a JSON-LD node, without schema.org prefixes."""
    raw = node.get("@type") or []
    raw = raw if isinstance(raw, list) else [raw]
    return [str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in raw if t]


class JsonLd:
    """The JSON-LD nodes of a page, with the article node (if any) picked out.

    Attributes:
        nodes: Every top-level node and `@graph` member, in page order.
        article: The node describing the story (NewsArticle, Article, BlogPosting...), or None.
        page: A WebPage-like node, or None.
        listing: True when the page declares itself a collection/listing.
        website_name: The `WebSite`/`Organization` name declared by the page, if any.
        notes: Blocks that were ignored, and why.
    """

    def __init__(self, tree: HtmlElement) -> None:
        self.nodes: list[dict] = []
        self.notes: list[str] = []
        for i, script in enumerate(tree.iterfind('.//script[@type="application/ld+json"]')):
            try:
                _walk(_loads(script.text or ""), self.nodes)
            except _TooDeep:
                self.notes.append(
                    f"JSON-LD block {i + 1} nests deeper than {_MAX_DEPTH} levels; ignored"
                )
        self.by_id = {n["@id"]: n for n in self.nodes if isinstance(n.get("@id"), str)}
        self.article = self._pick(lambda ts: any(_ARTICLE_TYPE.search(t) for t in ts))
        self.page = self._pick(lambda ts: any(_PAGE_TYPE.match(t) for t in ts))
        self.listing = (
            any(_LISTING_TYPE.match(t) for n in self.nodes for t in types_of(n))
            and self.article is None
        )
        org = self._pick(lambda ts: any(_ORG_TYPE.search(t) for t in ts))
        self.website_name = text_of(org.get("name")) if org else None

    def _pick(self, wanted) -> dict | None:
        matches = [n for n in self.nodes if wanted(types_of(n))]
        if not matches:
            return None
        # Pages embed teaser articles too; the one with a headline and body dates is the story.
        return max(matches, key=lambda n: ("headline" in n) + ("datePublished" in n))

    def resolve(self, value: Any) -> Any:
        """Replace a bare `{"@id": ...}` reference by the node it points to, when present."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.by_id.get(value["@id"], value)
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        return value

    def get(self, *keys: str) -> Any:
        """The first non-empty value of `keys` on the article node, then on the page node."""
        for node in (self.article, self.page):
            if not node:
                continue
            for key in keys:
                value = node.get(key)
                if value not in (None, "", [], {}):
                    return self.resolve(value)
        return None


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a named node."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url") or value.get("@id")
    if value is None or isinstance(value, (dict, list)):
        return None
    # Publishers often HTML-escape strings inside JSON ("Q&amp;A").
    text = " ".join(unescape(str(value)).split())
    return text or None


def names_of(value: Any) -> list[str]:
    """All names in a JSON-LD author-like value (string, node, list of either)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [name for item in value for name in names_of(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [unescape(str(n)) for n in name if n]
        if name:
            return [_full_name(unescape(str(name)), value.get("description"))]
        given, family = value.get("givenName"), value.get("familyName")
        return [f"{given or ''} {family or ''}".strip()] if (given or family) else []
    return [unescape(str(value))]


def _full_name(name: str, description: Any) -> str:
    # {"name": "Stefanus", "description": "Stefanus Stahl - Maschinenbauer, ..."}: a profile's
    # bio opening with the name in full completes a given name shown alone.
    if " " in name.strip() or not isinstance(description, str):
        return name
    match = re.match(
        rf"{re.escape(name.strip())}((?:\s+[^\W\d_][\w'’-]*){{1,2}}?)(?=\s*[-–—,(:|]|\s+[a-zß-ÿ]|$)",
        " ".join(unescape(description).split()),
    )
    if not match or not all(w[:1].isupper() for w in match[1].split()):
        return name
    return name.strip() + match[1]


def urls_of(value: Any) -> str | None:
    """The first URL in a JSON-LD image-like value (string, ImageObject, list)."""
    if isinstance(value, list):
        for item in value:
            url = urls_of(item)
            if url:
                return url
        return None
    if isinstance(value, dict):
        return urls_of(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return str(value).strip() if value else None
