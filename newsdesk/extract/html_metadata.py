"""Story metadata from a parsed page.

Sources in order of trust: JSON-LD, OpenGraph, meta tags and microdata, visible-text
heuristics. Each field records which of these it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author as trafilatura_extract_author

from newsdesk.extract.html_authors import clean_authors, is_person_like
from newsdesk.extract.html_jsonld import JsonLd, names_of, text_of, types_of, urls_of
from newsdesk.extract.html_title import (
    TitleCandidate,
    heading_candidates,
    logo_names,
    title_key,
)
from newsdesk.urls import absolute_url, host_of, url_parts

_META_KEYS = ("property", "name", "itemprop", "http-equiv")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»/\\]|::|_)\s+")
# A dateline ("KOBE –") names a place, not a writer.
_BYLINE_CLASS = re.compile(r"byline|author|writer|contributor", re.I)
_BYLINE_SKIP = re.compile(r"comment|avatar|bio|profile|about", re.I)
# Parts of a byline box that are not the name: job title, date, follow buttons.
_BYLINE_EXTRAS = re.compile(
    r"title|role|job|position|date|time|bio|follow|social|share|twitter|email", re.I
)

_TAG = re.compile(r"<[^>]*>")


@dataclass
class PageMeta:
    """Metadata candidates picked for one page, with where each came from.

    Attributes:
        values: Field name -> value (str, list of str) for the Story.
        provenance: Field name -> one of `newsdesk.model.PROVENANCES`.
        titles: Every title the page declares, for `html_title.choose_title`.
        site_names: Names the site declares for itself (site name, publisher, app name).
        logo_names: Texts of the site's logo headings (`<h1>` linking home or marked logo).
        published: Every publication date offered, `(raw, provenance)`, most trusted first
            (the caller takes the first one that parses).
        author_sources: Raw author strings per source, `(provenance, values)`, most trusted
            first (the caller adds the visible byline and votes).
        organisation_authors: JSON-LD authors typed as organisations (used only when no
            source names a person).
    """

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    titles: list[TitleCandidate] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    logo_names: list[str] = field(default_factory=list)
    published: list[tuple[str, str]] = field(default_factory=list)
    author_sources: list[tuple[str, list[str]]] = field(default_factory=list)
    organisation_authors: list[str] = field(default_factory=list)

    def offer(self, name: str, value: Any, source: str) -> None:
        """Set `name` unless an earlier (more trusted) source already gave a value."""
        if isinstance(value, str) and name == "summary":
            value = _plain(value)
        if isinstance(value, str):
            value = " ".join(value.split()) or None
        if name == "published" and isinstance(value, str):
            self.published.append((value, source))
        if value in (None, [], "") or name in self.values:
            return
        self.values[name] = value
        self.provenance[name] = source


def _plain(text: str, tag_gap: str = " ") -> str:
    # Descriptions escaped twice ("Aydan&nbsp;Özoğuz") or written as HTML ("<p>Die frühen
    # 1970er ...") are read as the text they show; a tag becomes `tag_gap`.
    if "<" in text:
        text = _TAG.sub(tag_gap, text)
    if "&" in text:
        text = unescape(text)
    return text.replace("\xa0", " ")


def _paragraphs_of(value: Any) -> list[str] | None:
    # JSON-LD articleBody: plain text (sometimes HTML) with line breaks between paragraphs.
    if not isinstance(value, str):
        return None
    lines = _plain(value, tag_gap="\n").splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()] or None


def collect_meta(tree: HtmlElement) -> dict[str, list[str]]:
    """All `<meta>` tags of the page as lower-cased key -> contents (in page order)."""
    metas: dict[str, list[str]] = defaultdict(list)
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in _META_KEYS:
            key = meta.get(attr)
            # Microdata authors are read per item (see `_main_item_authors`), not here.
            if key and not (attr == "itemprop" and key.lower() == "author"):
                for part in key.lower().split():
                    metas[part].append(content.strip())
    return metas


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in metas.get(key, ()):
            if value.strip():
                return value
    return None


def _all(metas: dict[str, list[str]], *keys: str) -> list[str]:
    return [v for key in keys for v in metas.get(key, ())]


def _split_tags(values: list[Any]) -> list[str]:
    tags: list[str] = []
    seen: set[str] = set()
    for value in values:
        parts = value if isinstance(value, list) else re.split(r"[,;]", unescape(str(value)))
        for part in parts:
            tag = " ".join(str(part).split())
            if tag and len(tag) <= 80 and tag.lower() not in seen:
                seen.add(tag.lower())
                tags.append(tag)
    return tags


def _itemprop(tree: HtmlElement, prop: str) -> list[HtmlElement]:
    return tree.xpath(f'//*[@itemprop="{prop}" or starts-with(@itemprop, "{prop} ")]')


def _split_organisations(value: Any) -> tuple[list[Any], list[Any]]:
    """JSON-LD author values split into people (and untyped values) and organisations."""
    items = value if isinstance(value, list) else [value] if value else []
    people, organisations = [], []
    for item in items:
        kinds = types_of(item) if isinstance(item, dict) else []
        if any(_ORGANISATION.search(k) for k in kinds):
            organisations.append(item)
        else:
            people.append(item)
    return people, organisations


_ORGANISATION = re.compile(r"Organi[sz]ation|Corporation|NewsMedia|WebSite|Brand", re.I)


def _main_item_authors(elements: list[HtmlElement]) -> list[HtmlElement]:
    # Teasers for other stories carry their own itemprop=author: keep the authors of the
    # item the first author belongs to.
    if not elements:
        return []
    scope = _item_scope(elements[0])
    return [el for el in elements if _item_scope(el) is scope]


def _item_scope(el: HtmlElement) -> HtmlElement | None:
    parent = el.getparent()
    while parent is not None and parent.get("itemscope") is None:
        parent = parent.getparent()
    return parent


def _itemprop_value(el: HtmlElement) -> str | None:
    for attr in ("content", "datetime", "href", "src"):
        if el.get(attr):
            return el.get(attr)
    names = el.xpath('.//*[@itemprop="name"]')
    target = names[0] if names else el
    return " ".join(target.text_content().split()) or None


class MetadataReader:
    """Reads every metadata source of a parsed page into one `PageMeta`."""

    def __init__(self, tree: HtmlElement, base_url: str | None) -> None:
        """Prepare the sources of `tree`; `base_url` resolves relative links."""
        self.tree = tree
        self.base = base_url
        self.jsonld = JsonLd(tree)
        self.metas = collect_meta(tree)
        self.meta = PageMeta()
        self.author_candidates: list[tuple[str, list[str]]] = []
        self.organisation_authors: list[str] = []

    def read(self) -> PageMeta:
        """Fill and return the page metadata, most trusted source first."""
        self._from_jsonld()
        self._from_opengraph()
        self._from_meta()
        self._from_microdata()
        self._from_text()
        self._authors()
        self._titles()
        self.meta.offer("og_type", _first(self.metas, "og:type"), "opengraph")
        self.meta.offer("ld_article", self.jsonld.article is not None or None, "jsonld")
        self.meta.offer("ld_listing", self.jsonld.listing or None, "jsonld")
        return self.meta

    # --- sources -----------------------------------------------------------------------

    def _from_jsonld(self) -> None:
        ld, offer = self.jsonld, self.meta.offer
        article = ld.article or {}
        offer("title", self._jsonld_title(article), "jsonld")
        offer("published", text_of(ld.get("datePublished", "dateCreated", "uploadDate")), "jsonld")
        offer("modified", text_of(ld.get("dateModified")), "jsonld")
        publisher = ld.resolve(article.get("publisher") or (ld.page or {}).get("publisher"))
        offer(
            "outlet", text_of(publisher) if isinstance(publisher, (dict, list)) else None, "jsonld"
        )
        offer("section", text_of(ld.get("articleSection")), "jsonld")
        keywords = ld.get("keywords")
        offer("tags", _split_tags([keywords]) if keywords else None, "jsonld")
        offer("summary", text_of(ld.get("description")), "jsonld")
        offer("image", urls_of(ld.get("image", "thumbnailUrl")), "jsonld")
        offer("language", text_of(ld.get("inLanguage")), "jsonld")
        offer("canonical", text_of(article.get("mainEntityOfPage") or article.get("url")), "jsonld")
        offer("article_body", _paragraphs_of(article.get("articleBody")), "jsonld")
        people, organisations = _split_organisations(ld.resolve(ld.get("author", "creator")))
        self._raw_authors("jsonld", names_of(people))
        self.organisation_authors = names_of(organisations)

    def _jsonld_title(self, article: dict) -> str | None:
        headline, name = text_of(article.get("headline")), text_of(article.get("name"))
        if not (headline and name) or headline == name:
            return headline or name
        # Some sites put a description in "headline" or the site in "name": trust whichever
        # agrees with the page's own <title>.
        page_title = self.tree.findtext(".//title") or _first(self.metas, "og:title") or ""
        if _overlap(name, page_title) > _overlap(headline, page_title):
            return name
        return headline

    def _from_opengraph(self) -> None:
        m, offer = self.metas, self.meta.offer
        offer("title", _first(m, "og:title"), "opengraph")
        offer("outlet", _first(m, "og:site_name"), "opengraph")
        offer("canonical", _first(m, "og:url"), "opengraph")
        offer("summary", _first(m, "og:description"), "opengraph")
        offer("image", _first(m, "og:image", "og:image:url", "og:image:secure_url"), "opengraph")
        offer(
            "published",
            _first(m, "article:published_time", "og:published_time", "og:article:published_time"),
            "opengraph",
        )
        offer(
            "modified",
            _first(m, "article:modified_time", "og:updated_time", "og:article:modified_time"),
            "opengraph",
        )
        offer("section", _first(m, "article:section", "og:article:section"), "opengraph")
        offer("tags", _split_tags(_all(m, "article:tag", "og:article:tag")), "opengraph")
        offer("language", _first(m, "og:locale"), "opengraph")
        declared = _all(m, "article:author", "og:article:author")
        self._raw_authors("opengraph", [*declared, *self._linked_names(declared)])

    def _from_meta(self) -> None:
        m, offer = self.metas, self.meta.offer
        offer(
            "title",
            _first(
                m,
                "twitter:title",
                "dc.title",
                "dcterms.title",
                "parsely-title",
                "sailthru.title",
                "citation_title",
                "headline",
            ),
            "meta",
        )
        offer(
            "published",
            _first(
                m,
                "article.published",
                "article:published",
                "publish-date",
                "publish_date",
                "published_date",
                "publication_date",
                "pubdate",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "citation_publication_date",
                "citation_date",
                "date",
                "datepublished",
                "originalpublicationdate",
                "og:pubdate",
                "article_date_original",
                "cxenseparse:recs:publishtime",
            ),
            "meta",
        )
        offer(
            "modified",
            _first(
                m, "article.updated", "last-modified", "dcterms.modified", "datemodified", "lastmod"
            ),
            "meta",
        )
        offer(
            "outlet",
            _first(
                m,
                "application-name",
                "apple-mobile-web-app-title",
                "twitter:app:name:iphone",
                "publisher",
                "dc.publisher",
                "citation_publisher",
            ),
            "meta",
        )
        offer(
            "summary",
            _first(m, "description", "twitter:description", "dc.description", "dcterms.abstract"),
            "meta",
        )
        offer("image", _first(m, "twitter:image", "twitter:image:src", "thumbnail"), "meta")
        offer(
            "section",
            _first(
                m, "section", "parsely-section", "sailthru.section", "article.section", "category"
            ),
            "meta",
        )
        offer(
            "tags",
            _split_tags(_all(m, "news_keywords", "keywords", "parsely-tags", "sailthru.tags")),
            "meta",
        )
        offer("language", _first(m, "content-language", "language", "dc.language"), "meta")
        self._raw_authors(
            "meta",
            _all(
                m,
                "author",
                "dc.creator",
                "dcterms.creator",
                "parsely-author",
                "sailthru.author",
                "byl",
                "citation_author",
                "article.author",
                "twitter:creator:name",
                "cxenseparse:author",
            ),
        )

    def _from_microdata(self) -> None:
        offer = self.meta.offer
        for field_name, prop in (
            ("title", "headline"),
            ("published", "datePublished"),
            ("modified", "dateModified"),
        ):
            found = _itemprop(self.tree, prop)
            offer(field_name, _itemprop_value(found[0]) if found else None, "meta")
        self._raw_authors(
            "meta",
            [
                v
                for el in _main_item_authors(_itemprop(self.tree, "author"))
                if (v := _itemprop_value(el)) and not v.startswith("http")
            ],
        )

    def _from_text(self) -> None:
        tree, offer = self.tree, self.meta.offer
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        # <link rel=canonical> is authoritative for the canonical URL, above og:url and JSON-LD.
        if canonical and canonical[0].strip():
            self.meta.values.pop("canonical", None)
            offer("canonical", canonical[0], "meta")
        html_lang = tree.get("lang") or tree.get("xml:lang")
        if html_lang:
            self.meta.values.pop("language", None)
            offer("language", html_lang, "meta")
        offer("outlet", self.jsonld.website_name, "jsonld")
        titles = tree.xpath("//title")
        offer("page_title", titles[0].text_content() if titles else None, "meta")
        headings = tree.xpath("//h1")
        offer("h1", " ".join(headings[0].text_content().split()) if headings else None, "text")
        for raw in _time_elements(tree):
            offer("published", raw, "text")
        self._raw_authors("text", [a.text_content() for a in tree.xpath('//a[@rel="author"]')])

    def _linked_names(self, values: list[str]) -> list[str]:
        """Visible names of the links to author pages given as URLs (`article:author`)."""
        wanted = {_url_key(resolve_url(v, self.base)) for v in values if _URL_VALUE.match(v)}
        wanted.discard("")
        if not wanted:
            return []
        names = []
        for link in self.tree.iterfind(".//a[@href]"):
            if _url_key(resolve_url(link.get("href"), self.base)) in wanted:
                text = " ".join(link.text_content().split())
                if text and text not in names:
                    names.append(text)
        return names

    def _byline_texts(self) -> list[str]:
        texts: list[str] = []
        for el in self.tree.xpath("//*[@class or @id]"):
            marker = f"{el.get('class', '')} {el.get('id', '')}"
            if not _BYLINE_CLASS.search(marker) or _BYLINE_SKIP.search(marker):
                continue
            text = _name_text(el)
            if 3 <= len(text) <= 120:
                texts.append(text)
            if len(texts) >= 3:
                break
        return texts

    # --- titles -------------------------------------------------------------------------

    def _titles(self) -> None:
        m, titles = self.metas, self.meta.titles
        article = self.jsonld.article or {}
        declared = [("jsonld", self._jsonld_title(article))]
        declared += [("opengraph", t) for t in dict.fromkeys(_all(m, "og:title"))]
        declared.append(("twitter", _first(m, "twitter:title")))
        for key in ("dc.title", "dcterms.title", "parsely-title", "sailthru.title", "headline"):
            declared.append(("meta", _first(m, key)))
        headline = _itemprop(self.tree, "headline")
        declared.append(("meta", _itemprop_value(headline[0]) if headline else None))
        declared.append(("tab", self.meta.values.get("page_title")))
        for kind, raw in declared:
            text = " ".join(unescape(str(raw or "")).split())
            if text:
                titles.append(TitleCandidate(kind, text))
        titles.extend(heading_candidates(self.tree))
        publisher = self.jsonld.resolve(
            article.get("publisher") or (self.jsonld.page or {}).get("publisher")
        )
        names = [text_of(publisher) if isinstance(publisher, (dict, list)) else None]
        names += [self.jsonld.website_name, *_all(m, "og:site_name")]
        names += _all(m, "application-name", "apple-mobile-web-app-title")
        # Some pages put the headline in application-name: a "site name" equal to one of the
        # page's titles is no site name.
        title_keys = {title_key(t.text) for t in titles}
        self.meta.site_names = [n for n in names if n and title_key(n) not in title_keys]
        self.meta.logo_names = logo_names(self.tree)
        outlet = self.meta.values.get("outlet")
        # A title of punctuation only has an empty key, which "no outlet" must not match.
        if outlet and title_key(outlet) in title_keys:
            del self.meta.values["outlet"], self.meta.provenance["outlet"]

    # --- authors -----------------------------------------------------------------------

    def _raw_authors(self, source: str, values: list[str]) -> None:
        if values:
            self.author_candidates.append((source, [str(v) for v in values if v]))

    def _authors(self) -> None:
        self.meta.author_sources = list(self.author_candidates)
        self.meta.organisation_authors = list(self.organisation_authors)
        # The provisional choice (the caller votes again with the visible byline).
        outlet = self.meta.values.get("outlet")
        for source, raw in self.author_candidates:
            names = clean_authors(raw, [outlet, host_of(self.base)])
            if names:
                self.meta.offer("authors", names, source)
                return

    def fallback_authors(self) -> list[str]:
        """Bylines found by their markup, for pages that name no author anywhere else.

        trafilatura's byline XPaths first (they copy the tree, so they run only then), then
        elements whose class or id says byline/author, then links to author pages, then the
        copyright holder of a personal site.
        """
        outlets = [self.meta.values.get("outlet"), host_of(self.base)]
        topics = _filing_topics(self.tree)
        marked = _not_topics(clean_authors(self._byline_texts(), outlets), topics)
        names = _not_topics(clean_authors(_trafilatura_author(self.tree), outlets), topics)
        # "Ben Silverman Games Editor" from the whole box, "Ben Silverman" from its name part.
        return (
            [_shortest_form(n, marked) for n in names]
            or marked
            or self._author_link_names(outlets)
            or self._copyright_holder()
        )

    def _author_link_names(self, outlets: list[str | None]) -> list[str]:
        # "<a href="/autoren/georg-quaas/">Georg Quaas</a>": a link to an author's page
        # ("/author/", "/autoren/", "/auteur/"...) names an author of the page.
        found: list[str] = []
        for link in _AUTHOR_LINKS(self.tree):
            text = " ".join(link.text_content().split())
            if not _author_slug(link.get("href", "")) or len(text) > _AUTHOR_LINK_CHARS:
                continue
            names = clean_authors([text], outlets)
            if names and all(is_person_like(name) for name in names):
                found.extend(name for name in names if name not in found)
                if len(found) >= _AUTHOR_LINKS_KEPT:
                    break
        return found

    def _copyright_holder(self) -> list[str]:
        # "Copyright (c) 2012- Gregory Szorc" on gregoryszorc.com: a personal site, named
        # after the person holding its copyright, is written by them. Publishers hold the
        # copyright of most pages, so the holder must be the site's own name.
        host = _key(host_of(self.base) or "")
        if not host:
            return []
        # ... and not the name the site declares for itself (a masthead, "Village Voice").
        names = [_key(n) for n in (self.meta.values.get("outlet"), *self.meta.site_names) if n]
        tail = " ".join(_VISIBLE_TEXT(self.tree)[-60:])
        for match in _COPYRIGHT.finditer(tail):
            holder = " ".join(match["holder"].split())
            key = _key(holder)
            if is_person_like(holder) and key in host and not any(key in n for n in names):
                return clean_authors([holder])
        return []


# WordPress's `rel="category tag"` links: the topics a byline row files the post under.
_FILING_REL = frozenset(("tag", "category"))
_REL_LINKS = etree.XPath("//a[@rel]")


def _filing_topics(tree: HtmlElement) -> set[str]:
    """Texts of the links filing the page under a topic, which a byline row may list."""
    return {
        " ".join(link.text_content().split())
        for link in _REL_LINKS(tree)
        if _FILING_REL.intersection(link.get("rel", "").lower().split())
    }


def _not_topics(names: list[str], topics: set[str]) -> list[str]:
    # "Top Solar" is what cleaning leaves of the topic "Top Solar News".
    return [n for n in names if not any(t == n or t.startswith(f"{n} ") for t in topics)]


def _name_text(el: HtmlElement) -> str:
    """Text of a byline element without its job title, date and button parts."""
    parts = [el.text or ""]
    for child in el.iterchildren():
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        marker = f"{child.get('class', '')} {child.get('id', '')}"
        if not _BYLINE_EXTRAS.search(marker) and child.tag not in ("time", "button", "script"):
            parts.append(_name_text(child))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


_COPYRIGHT = re.compile(
    r"(?:©|&copy;|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d{2}\s*[-–]?\s*)*"
    r"(?:(?:19|20)\d{2})?\s*(?P<holder>[^\W\d_][^.,;|©()\d]{2,40}?)\s*(?:[.,;|©(]|\d|all\b|$)",
    re.I,
)
_VISIBLE_TEXT = etree.XPath(
    "//body//text()[normalize-space()][not(ancestor::script or ancestor::style)]"
)
_URL_VALUE = re.compile(r"^(?:https?:)?//|^/\S+$")
_AUTHOR_PATHS = (
    "author",
    "authors",
    "autor",
    "autoren",
    "autorin",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "redakteur",
    "journalist",
    "journalisten",
    "writers",
)
_AUTHOR_LINKS = etree.XPath(
    "//body//a[@href]["
    + " or ".join(f"contains(@href, '/{p}/')" for p in _AUTHOR_PATHS)
    + "][not(ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]"
)
_AUTHOR_LINK_CHARS = 60
_AUTHOR_LINKS_KEPT = 3


def _author_slug(href: str) -> str:
    """The part of an author-page address after "/author/" ("jane-doe"), or ""."""
    split = url_parts(href)
    parts = [p for p in split.path.split("/") if p] if split else []
    for i, part in enumerate(parts[:-1]):
        if part.lower() in _AUTHOR_PATHS:
            return parts[i + 1]
    return ""


def _url_key(url: str | None) -> str:
    return re.sub(r"^https?://(?:www\.)?|/+$", "", url or "").lower()


def _shortest_form(name: str, others: list[str]) -> str:
    shorter = [o for o in others if name.startswith(o + " ")]
    return shorter[0] if shorter else name


_UPDATED = re.compile(r"updat|modif|edited|revis", re.I)


def _time_elements(tree: HtmlElement) -> list[str]:
    """`<time datetime>` values, those marked as the publication time first.

    A time whose element or parent is marked as an update ("updated", "modified") is not a
    publication time and is left out, unless the element itself is marked as published too
    (WordPress's `class="entry-date published updated"` on a post never edited) and it is
    the page's only such date (several are the dates of a list of posts).
    """
    marked, plain, both = [], [], []
    for el in tree.xpath("//time[@datetime] | //*[@pubdate][@datetime]")[:20]:
        parent = el.getparent()
        own = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        context = " ".join(
            f"{e.get('class', '')} {e.get('id', '')} {e.get('itemprop', '')}"
            for e in (el, parent)
            if e is not None
        )
        label = parent.text_content() if parent is not None else ""
        label = label if len(label) <= 120 else el.text_content()
        if _UPDATED.search(context) or _UPDATED.search(label):
            if "publish" in own.lower():
                both.append(el.get("datetime"))
            continue
        target = marked if el.get("pubdate") is not None or "publish" in context.lower() else plain
        target.append(el.get("datetime"))
    if len(set(both)) == 1:
        marked.append(both[0])
    return marked + plain


def _trafilatura_author(tree: HtmlElement) -> list[str]:
    try:
        found = trafilatura_extract_author(tree)
    except (ValueError, TypeError, AttributeError):
        return []
    # trafilatura splits one byline into "; "-joined names; read them as the one byline they
    # were, so a bio's words ("Alles über Lautsprecher, Heimkino und ...") stay a phrase.
    return [", ".join(found.split(";"))] if found else []


def split_site_suffix(title: str, site_names: list[str | None]) -> str:
    """Drop a leading or trailing site name ("Headline | Site") from a page title.

    Only a part equal to one of `site_names` (or to the host's name) is dropped, so titles
    that merely contain a dash keep their words.

    Args:
        title: A page or OpenGraph title.
        site_names: Names the site goes by (site name, host).

    Returns:
        The title without the site part.
    """
    keys = {_key(n) for n in site_names if n}
    keys |= {_key(n.split(".")[-2]) for n in site_names if n and n.count(".") >= 1}
    keys.discard("")
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not keys:
        return title
    while len(parts) > 1 and _key(parts[-1]) in keys:
        parts = parts[:-1]
    while len(parts) > 1 and _key(parts[0]) in keys:
        parts = parts[1:]
    if len(parts) == len(_TITLE_SEPARATORS.split(title)):
        return title
    # Rejoin with the separators the title used, by cutting the original string.
    first, last = parts[0], parts[-1]
    start = title.find(first)
    end = title.rfind(last) + len(last)
    return title[start:end].strip() if start >= 0 and end > start else title


def _overlap(a: str, b: str) -> float:
    """Share of the words of `a` that also occur in `b`."""
    words_a = set(re.findall(r"\w+", a.lower()))
    words_b = set(re.findall(r"\w+", b.lower()))
    return len(words_a & words_b) / len(words_a) if words_a else 0.0


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def resolve_url(value: str | None, base: str | None) -> str | None:
    """`value` made absolute against `base`; None if it is not a (well-formed) web link."""
    if not value:
        return None
    try:
        return absolute_url(value, base)
    except ValueError:  # urllib rejects malformed hosts such as "http://[not-an-ip]/"
        return None
