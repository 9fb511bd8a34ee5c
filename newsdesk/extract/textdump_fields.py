"""Filling a `Story` from a text dump once its title, standfirst and body run are known.

Title, standfirst and paragraphs; dates, authors and reading time read around the title;
the outlet and the section.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsdesk.dates import keep_published
from newsdesk.extract.date_text import (
    find_date,
    is_updated_label,
    labelled_published,
    schema_date,
    split_updated,
)
from newsdesk.extract.html_boilerplate import drop_furniture
from newsdesk.extract.textdump_dump import (
    BARE_NAME_REACH,
    HEADER_WINDOW,
    Dump,
    bare_names,
    body_line_ok,
    byline_line,
)
from newsdesk.extract.textdump_labels import AUTHOR_LABELS, META_SEPARATOR, fold
from newsdesk.extract.textdump_lines import Line, is_prose
from newsdesk.extract.textdump_meta import (
    byline_names,
    copyright_holder,
    names_a_person,
    reading_time,
    split_attribution,
    stamped,
)
from newsdesk.model import Story
from newsdesk.words import ends_sentence, holds

# How far under the body run a credit line ("Posted by ...") may sit.
_TAIL_CREDIT_LINES = 4
# A headline shown alone elsewhere on the page, and a kicker run into it, are this long.
_MIN_SHOWN_HEADLINE_WORDS = 3
_SHOWN_HEADLINE_SHARE = 0.55
_MIN_KICKER_LETTERS = 4
_TAIL_DATE_LINES = 5
# A rating plugin's suffix: "Truckwash A31, 6.0 out of 6 based on 1 rating".
_RATING = re.compile(r",?\s*\d+(?:[.,]\d+)?\s+out\s+of\s+\d+\s+based\s+on\s+\d+\s+ratings?\.?$")
_COMMENTS_COUNT = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"commenti|reacties|komentarz[ey]?)\b",
    re.IGNORECASE,
)
# Writing verbs only: "Veröffentlicht von" may credit a publisher, not the author.
_CREDIT_LINE = re.compile(
    r"^\s*(?:(?:written|words|reported|story|text)\s+by|"
    r"(?:geschrieben|verfasst|écrit|escrito|scritto)\s+(?:von|par|por|da)|"
    rf"(?:{AUTHOR_LABELS}|author)\s*:)\s*\S",
    re.IGNORECASE,
)
# "About the Author - Florina Ionescu", "Über den Autor: Max Muster": an author box's header.
_AUTHOR_BOX = re.compile(
    r"^(?:about\s+the\s+author|über\s+(?:den|die)\s+autor(?:in)?|"
    r"à\s+propos\s+de\s+l['’]auteur|sobre\s+el\s+autor)\s*[-–—:|]\s*(?P<name>.+)$",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"\b(?:gmbh|ag|se|kg|e\.\s?v|inc|ltd|llc|llp|plc|corp|co|media|medien|verlag|group|"
    r"gruppe|press|news|foundation|stiftung|publishing|limited|company|team|redaktion|"
    r"s\.?a|templates?|themes?|schule|verein|verband)\b",
    re.IGNORECASE,
)
_FOOTER_MAX_WORDS = 25
_COMPANY_FORM_CHARS = 6
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_BREADCRUMB = re.compile(r"\s*(?:>|›|»|/|\\|→)\s*")
_SECTION_LABEL = re.compile(
    r"^(?:section|category|rubrik|sección|rubrique)\s*:\s*(.{2,40})$", re.IGNORECASE
)
_HOMEPAGE = re.compile(r"^(?P<name>[A-Z][\w&.'’ -]{1,40}?)\s+(?:homepage|home page)$")
# How far above the headline a bare-name byline block may sit.
_BYLINE_SEARCH = 40
# How far into the body run a dateline is still read as the story's.
_TOP_OF_BODY = 10
_ABOVE_BODY = 8
# A dateline is short; a longer sentence holding a date is narrative.
_DATELINE_MAX_WORDS = 16


def fill_text_fields(
    story: Story,
    dump: Dump,
    title_index: int | None,
    summary_index: int | None,
    span: tuple[int, int] | None,
) -> None:
    """Set the story's title, summary (with an outlet it credits) and paragraphs.

    Args:
        story: The story to fill in place.
        dump: The dump, with meta and link lines marked.
        title_index: The headline's line index, or None.
        summary_index: The standfirst's line index, or None.
        span: The body run (inclusive line indices), or None.
    """
    lines = dump.lines
    if title_index is not None:
        story.title = _RATING.sub("", _without_kicker(dump, lines[title_index])) or None
        story.provenance["title"] = "heuristic"
    opening = None
    if summary_index is not None:
        summary, outlet = split_attribution(lines[summary_index].text)
        story.summary = summary.rstrip(" …").removesuffix("...").rstrip()
        if story.summary == summary.rstrip() and ends_sentence(story.summary):
            opening = story.summary
        story.provenance["summary"] = "heuristic"
        if outlet:
            story.outlet = outlet
            story.provenance["outlet"] = "text"
    if span is not None:
        skip = {title_index, summary_index}
        # Reader-directed furniture inside the run (newsletter boxes, disclosures, author
        # bios at the end) reads the same in a dump as in HTML.
        story.paragraphs = drop_furniture(
            [
                line.text
                for line in lines[span[0] : span[1] + 1]
                if line.index not in skip and body_line_ok(dump, line)
            ],
            drop_symbols=False,
            drop_repeats=False,
        )
        if opening and not holds(story.paragraphs, opening):
            # A standfirst written as sentences is the article's opening unless it is an
            # excerpt: cut short ("…") or repeating the body (which is whole without it).
            story.paragraphs.insert(0, opening)
        if story.paragraphs:
            story.provenance["paragraphs"] = "heuristic"


def _without_kicker(dump: Dump, title: Line) -> str:
    """The headline without a kicker that innerText ran into it.

    `<h1><span>Lokales Lübeck</span> <span>So lief die Auktion ...</span></h1>` reads as one
    line; when the page shows the headline alone elsewhere (a breadcrumb, the share text, a
    teaser), the line ends with that text, and that text is the headline. The headline must
    make most of the line and the kicker must be a label, not a word of the headline ("The",
    "15.") or a rubric set off by a colon ("Editor's Letter:").
    """
    text = " ".join(title.text.split())
    folded = text.casefold()
    best = None
    for line in dump.lines:
        other = " ".join(line.text.split())
        kicker = text[: len(text) - len(other)].rstrip()
        if (
            line.index != title.index
            and len(other.split()) >= _MIN_SHOWN_HEADLINE_WORDS
            and len(other) >= _SHOWN_HEADLINE_SHARE * len(text)
            and len(other) < len(text)
            and folded.endswith(other.casefold())
            and (other[0].isupper() or not other[0].isalnum())
            and sum(ch.isalpha() for ch in kicker) >= _MIN_KICKER_LETTERS
            and not kicker.endswith(":")
            and (best is None or len(other) < len(best))
        ):
            best = other
    return best or title.text


def _header_range(dump: Dump, title_index: int | None, span: tuple[int, int] | None) -> range:
    """Lines around the title where bylines and dates live (from its first copy on)."""
    if title_index is None:
        start = span[0] if span else 0
        return range(max(0, start - 8), min(len(dump.lines), start + 1))
    end = span[0] if span and span[0] > title_index else title_index + 10
    end = min(end, title_index + 25, len(dump.lines))
    return range(max(0, _first_copy(dump, title_index) - 6), end)


def _first_copy(dump: Dump, title_index: int) -> int:
    """The first of the headline's copies just above it (a player or share box repeats it).

    The dateline sits under the first copy: "Headline / 23/10/2020 / [player] / Headline".
    """
    text = dump.lines[title_index].text
    for line in dump.lines[max(0, title_index - HEADER_WINDOW) : title_index]:
        if line.text == text:
            return line.index
    return title_index


def fill_meta(
    story: Story, dump: Dump, title_index: int | None, span: tuple[int, int] | None
) -> None:
    """Set the capture, publication and update dates, the authors and the reading time.

    They are read around the title and at the top of the body run; dates also just under
    the run.

    Args:
        story: The story to fill in place.
        dump: The dump, with meta and link lines marked.
        title_index: The headline's line index, or None.
        span: The body run (inclusive line indices), or None.
    """
    if dump.captured:
        story.captured_at = dump.captured[1]
        story.provenance["captured_at"] = "text"
    header = [dump.lines[i] for i in _header_range(dump, title_index, span)]
    if title_index is not None:
        # The dateline follows the headline; one above it (a site's date of today in the
        # top bar, or a blog's date over its title) counts only when none follows, nearest
        # to the headline first.
        first = _first_copy(dump, title_index)
        header = [line for line in header if line.index >= first] + [
            line for line in reversed(header) if line.index < first
        ]
    if span:
        # The dateline may sit under a lead paragraph (or a deck and a caption), at the top
        # of the body run: before its third paragraph.
        top = []
        paragraphs = 0
        for line in dump.lines[span[0] : span[0] + _TOP_OF_BODY]:
            paragraphs += is_prose(line) and line.index not in dump.meta
            if paragraphs > 2:
                break
            top.append(line)
        header += [line for line in top if line.index in dump.meta and line not in header]
        # The dateline just over the body is the article's even when the headline was not
        # found next to it; it comes after everything near the headline.
        above = dump.lines[max(0, span[0] - _ABOVE_BODY) : span[0]]
        header += [line for line in above if line.index in dump.meta and line not in header]
    tail: list[Line] = []
    if span:
        # Under the article, past its share buttons: "teilen / twittern / 8. November 2021".
        for line in dump.lines[span[1] + 1 :]:
            if len(tail) >= _TAIL_DATE_LINES:
                break
            if not line.debris or line.index in dump.meta:
                tail.append(line)
    _fill_dates(story, dump, header + tail)
    _fill_authors(story, dump, header, title_index, span)
    for line in header + dump.lines[:HEADER_WINDOW]:
        minutes = reading_time(line.text)
        if minutes is not None:
            story.reading_time_minutes = minutes
            story.provenance["reading_time_minutes"] = "text"
            break


def _fill_dates(story: Story, dump: Dump, lines: list[Line]) -> None:
    published: tuple[datetime, str] | None = None
    by_label = False
    modified: datetime | None = None
    for line in lines:
        if line.words > 30 or (dump.captured and line.index == dump.captured[0]):
            continue
        if line.caption or (
            is_prose(line) and line.words > _DATELINE_MAX_WORDS and line.index not in dump.meta
        ):
            # "Doctors examine a child ... on Oct. 21, 2023. Photo: ...": a date in a
            # caption or a sentence is what it tells of, not when the story was filed.
            continue
        first, updated = split_updated(line.text)
        found = find_date(first, dump.day_first)
        if not found:
            continue
        labelled = labelled_published(line.text)
        if labelled and not by_label:
            # "Published: 26 September 2020" outranks an unlabelled date near the headline
            # (today's date in a weather strip, a dateline of a teaser).
            published, by_label = labelled, True
        if updated is not None:
            # "6 Dec 2024 / Updated 7 Dec 2024": the first date is the publication.
            published = published or found
            changed = find_date(updated, dump.day_first)
            modified = modified or (changed[0] if changed else None)
        elif is_updated_label(line.text):
            modified = modified or found[0]
        elif published is None:
            published = found
    if published is None:
        # A labelled publication date anywhere ("Published: 3 December 2019" in a footer),
        # or JSON-LD shown as text (scripts off), names the publication date outright.
        published = next(filter(None, (labelled_published(ln.text) for ln in dump.lines)), None)
    if published is None:
        published = next(filter(None, (schema_date(ln.text) for ln in dump.lines)), None)
    if published is None and modified is not None:
        # An update date says when the page last changed, not when the story was filed:
        # publication stays unknown rather than guessed (the HTML path does the same).
        story.notes.append("only an update date is shown; publication date unknown")
    if published:
        keep_published(story, published, "text")
    if modified:
        story.modified_at = modified
        story.provenance["modified_at"] = "text"


def _fill_authors(
    story: Story,
    dump: Dump,
    header: list[Line],
    title_index: int | None,
    span: tuple[int, int] | None,
) -> None:
    found = _authors(dump, header, title_index, span)
    if found:
        story.authors, story.provenance["authors"] = found


def _authors(
    dump: Dump, header: list[Line], title_index: int | None, span: tuple[int, int] | None
) -> tuple[list[str], str] | None:
    """The story's authors and their provenance, from the most telling place that has them."""
    for line in header:
        # The headline itself may open like a byline ("Von Sprachregeln, Gender-Politik ...").
        if line.index != title_index and (names := byline_names(line.text, allow_bare=False)):
            return names, "text"
    below_title = dump.lines[title_index + 1 : title_index + 6] if title_index is not None else []
    headline = fold(dump.lines[title_index].text) if title_index is not None else ""
    for line in below_title:
        if line.index not in dump.link_lines and (names := bare_names(dump, line)):
            if all(fold(name) in headline for name in names):
                # "Kate Henshaw" under "Nollywood Actress, Kate Henshaw Is Looking Stunning":
                # a caption naming the story's subject, not its byline.
                continue
            return names, "heuristic"
    if span and title_index is not None and span[0] - title_index > _ABOVE_BODY:
        # Far under the headline (a box of teasers in between), the byline block sits just
        # over the body: a bare name there beside a dateline.
        for line in dump.lines[span[0] - _ABOVE_BODY : span[0]]:
            if line.index not in dump.link_lines and byline_line(dump, line):
                return bare_names(dump, line), "heuristic"
    # "Written by Ana Sandoiu on July 27, 2017" under the article or in a side box: an
    # explicit credit wherever it is (a bare "By" line elsewhere may belong to a teaser).
    for line in dump.lines:
        if line.index in dump.link_lines:
            continue
        for part in _credit_parts(line.text):
            if _CREDIT_LINE.match(part) and (names := byline_names(part, allow_bare=False)):
                return names, "text"
    # "Posted by T. V. Raman at 2:33 PM", "Author: Jacopo Cascioli": a credit line right
    # under the article (before any comments header) names its author.
    if span:
        for line in dump.lines[span[1] + 1 : span[1] + 1 + _TAIL_CREDIT_LINES]:
            if line.barrier or _COMMENTS_COUNT.match(line.text):
                break
            if line.index in dump.link_lines:
                continue
            if names := byline_names(line.text, allow_bare=False):
                return names, "text"
            if byline_line(dump, line) and (stamped(line.text) or line.index - 1 in dump.meta):
                # "28. November 2022" / "- Nadja Podbregar": a signature under the dateline.
                return bare_names(dump, line), "heuristic"
    # A bare name beside a dateline or reading time ("Joseph Cox / 14 min read") above the
    # article, nearest to it first: page headers put the byline block before the headline.
    top = min((i for i in (title_index, span[0] if span else None) if i is not None), default=0)
    for line in reversed(dump.lines[max(0, top - _BYLINE_SEARCH) : top]):
        if line.index in dump.link_lines or not byline_line(dump, line):
            continue
        near = range(line.index - BARE_NAME_REACH, min(top, line.index + BARE_NAME_REACH + 1))
        # A dateline under the headline instead makes this a label over the headline; the
        # date may sit on the byline's own line ("04.02.2022 | 13:10 Uhr | Uta Helkenberg").
        if stamped(line.text) or any(i in dump.meta for i in near if i != line.index):
            return bare_names(dump, line), "heuristic"
    return _footer_author(dump, span)


def _footer_author(dump: Dump, span: tuple[int, int] | None) -> tuple[list[str], str] | None:
    """A person an author box or the copyright line under the article names, as a last resort.

    "About the Author - Florina Ionescu" heads an author box; on a personal blog the footer's
    "Copyright (c) 2012- Gregory Szorc" names the one who writes it. A name must lead with a
    known given name and carry no company form ("Axel Springer SE" is a publisher).
    """
    if span is None:
        return None
    below = [line for line in dump.lines[span[1] + 1 :] if line.words <= _FOOTER_MAX_WORDS]
    # An author box may sit inside the body run, which the comments under it can stretch.
    boxes = [
        match["name"]
        for line in dump.lines[span[0] :]
        if line.words <= _FOOTER_MAX_WORDS
        and (match := _AUTHOR_BOX.match(line.text))
        and not _ORGANISATION.search(match["name"])
    ]
    # A picture credit ("© Hermann Bredehorst") carries no year; the site's notice does.
    holders = [
        holder
        for line in below
        if _YEAR.search(line.text)
        and (holder := copyright_holder(line.text))
        and not _ORGANISATION.search(_with_company_form(line.text, holder))
    ]
    for name in (*boxes, *holders):
        names = byline_names(name.strip(" -–"), allow_bare=True)
        if len(names) == 1 and names_a_person(names, dump.common_words):
            return names, "heuristic"
    return None


def _with_company_form(text: str, holder: str) -> str:
    """The holder with the word after it ("Quinta Digital" + " GmbH"), to tell companies."""
    start = text.find(holder)
    if start < 0:
        return holder
    return text[start : start + len(holder) + _COMPANY_FORM_CHARS]


def _credit_parts(text: str) -> list[str]:
    # "22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute": a credit among the
    # parts of a meta line.
    parts = META_SEPARATOR.split(text)
    return [text, *parts[1:]] if len(parts) > 1 else [text]


def fill_outlet(story: Story, dump: Dump, title_index: int | None) -> None:
    """Set the outlet, unless already known, from the page's own naming of itself.

    A line repeating the title with a site name after a separator ("<title> | Site"), a
    "Site homepage" link near the top, or the copyright holder in the footer.

    Args:
        story: The story, with its title filled; filled in place.
        dump: The dump.
        title_index: The headline's line index, or None.
    """
    if story.outlet:
        return
    title = story.title
    for line in dump.lines:
        if title and line.index != title_index and line.text.startswith(title):
            parts = _TITLE_SEPARATOR.split(line.text[len(title) :].strip(), maxsplit=1)
            rest = line.text[len(title) :].strip()
            if _TITLE_SEPARATOR.match(" " + rest) and parts[-1] and len(parts[-1]) <= 40:
                story.outlet = parts[-1].strip()
                story.provenance["outlet"] = "heuristic"
                return
        match = _HOMEPAGE.match(line.text)
        if match and line.index < 20:
            story.outlet = match["name"].strip()
            story.provenance["outlet"] = "heuristic"
            return
    for line in reversed(dump.lines[-40:]):
        holder = copyright_holder(line.text)
        if holder:
            story.outlet = holder
            story.provenance["outlet"] = "text"
            return


def fill_section(story: Story, dump: Dump, title_index: int | None) -> None:
    """Set the section from a label or breadcrumb trail just above the title.

    Failing that, a "latest in <section>" link block names it.

    Args:
        story: The story to fill in place.
        dump: The dump, with link blocks read.
        title_index: The headline's line index, or None.
    """
    if title_index is not None:
        for line in dump.lines[max(0, title_index - 4) : title_index]:
            label = _SECTION_LABEL.match(line.text)
            crumbs = [c for c in _BREADCRUMB.split(line.text) if c.strip()]
            if label:
                story.section = label.group(1).strip()
            elif 2 <= len(crumbs) <= 6 and line.words <= 10 and _BREADCRUMB.search(line.text):
                named = [c for c in crumbs if fold(c) not in {"home", "start", "inicio", "accueil"}]
                story.section = named[0].strip() if named else None
            if story.section:
                story.provenance["section"] = "text"
                return
    for block in dump.blocks:
        if block.kind == "section_latest" and block.section:
            story.section = block.section
            story.provenance["section"] = "heuristic"
            return
