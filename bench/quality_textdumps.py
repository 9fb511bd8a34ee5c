"""Quality of `extract_text_dump` on the browser text dumps of the Readability test pages.

Scores every `<case>.txt` of the corpus against its gold `<case>.json`: title exact match
(after `normalise_title`), publication day, author token F1 and body 4-shingle F1, overall and
by page kind (news / article-other / synthetic, from the HTML corpus's CATALOG.csv).

Titles are scored two ways:

- strict: the extracted title equals the gold title.
- fair: the extracted title equals the gold title, or the gold title with ONE leading or
  trailing site segment removed. The gold title is Readability's browser-tab `<title>`, which
  often carries the site name ("Headline | Site", "Headline - Breitbart", "Site: Headline")
  that the page text never shows. A segment is split off at one of ` | `, ` - `, ` – `,
  ` — `, ` :: ` or `: ` and is removed only when it looks like a site name: at most 5 words,
  and either it matches the gold `siteName` (folded; equal, or one contains the other), or it
  is a whole line among the first 40 lines of the dump (the masthead), or it is named in a
  copyright line of the dump (the outlet). Nothing the extractor outputs is used to decide.
- reachable: the gold title, or one of its fair (de-suffixed) forms, is a line of the dump;
  the `reach` column gives the fair score on those cases only (the best a dump-only
  extractor can be expected to do).

Run: `.venv/bin/python -m bench.quality_textdumps [CORPUS_DIR] [--cases | -v]`.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from pathlib import Path

from bench.scoring import author_f1, body_f1, normalise_title
from newsdesk.dates import parse_datetime
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.extract.textdump_labels import fold
from newsdesk.model import ExtractionError, Story

DEFAULT_CORPUS = Path("/work/shared/corpus/textdumps/readability")
_SITE_SEPARATOR = re.compile(r" (?:\||-|–|—|::) |: ")
_MASTHEAD_LINES = 40
_SITE_MAX_WORDS = 5


def _catalog(corpus: Path) -> dict[str, str]:
    path = corpus.parent.parent / "html" / "readability" / "CATALOG.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["case"]: row["kind"] for row in csv.DictReader(handle)}


def _looks_like_site(segment: str, site_name: str | None, text: str) -> bool:
    """True when a title segment names the site (see the module docstring for the rule)."""
    key = fold(segment)
    if not key or len(segment.split()) > _SITE_MAX_WORDS:
        return False
    site = fold(site_name or "")
    if site and (key == site or key in site or site in key):
        return True
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(fold(line) == key for line in lines[:_MASTHEAD_LINES]):
        return True
    return any(
        key in fold(line)
        for line in lines
        if len(line) < 200 and re.match(r"(?i)\s*(?:©|\(c\)|copyright)", line)
    )


def fair_titles(gold: dict, text: str) -> set[str]:
    """Normalised gold title plus its forms with one site segment removed."""
    title = gold.get("title") or ""
    forms = {normalise_title(title)} if title.strip() else set()
    matches = list(_SITE_SEPARATOR.finditer(title))
    if matches:
        first, last = matches[0], matches[-1]
        if _looks_like_site(title[: first.start()], gold.get("siteName"), text):
            forms.add(normalise_title(title[first.end() :]))
        if _looks_like_site(title[last.end() :], gold.get("siteName"), text):
            forms.add(normalise_title(title[: last.start()]))
    return {form for form in forms if form}


def _in_dump(forms: set[str], text: str) -> bool:
    return any(normalise_title(line) in forms for line in text.splitlines())


def timed_extract(text: str, source_path: str) -> tuple[Story | None, str | None, float]:
    """`extract_text_dump` on one dump: the story (or None), the error if any, milliseconds."""
    started = time.perf_counter()
    try:
        story, error = extract_text_dump(text, source_path=source_path), None
    except ExtractionError as exc:
        story, error = None, str(exc)
    return story, error, (time.perf_counter() - started) * 1000


def score_case(gold: dict, text: str, kind: str) -> dict:
    """Score one dump against its gold fields."""
    row: dict = {"id": gold["id"], "kind": kind}
    story, row["error"], row["ms"] = timed_extract(text, gold["id"])
    title = story.title if story else None
    row["title"] = title
    forms = fair_titles(gold, text)
    row["title_ok"] = normalise_title(title) == normalise_title(gold.get("title"))
    row["title_fair"] = row["title_ok"] or normalise_title(title) in forms
    row["title_reachable"] = _in_dump(forms, text)
    row["date_ok"] = None
    if gold.get("publishedTime"):
        expected = parse_datetime(gold["publishedTime"])
        got = story.published_at if story else None
        row["date_ok"] = bool(expected and got and got.date() == expected[0].date())
    row["author_f1"] = None
    if gold.get("byline"):
        row["author_f1"] = author_f1(story.authors if story else [], gold["byline"])
    row["body_f1"] = body_f1(story.body_text if story else "", gold.get("articleBody") or "")
    row["page_type"] = story.page_type if story else None
    return row


def run(corpus: Path = DEFAULT_CORPUS) -> list[dict]:
    """Score every dump of `corpus` that has a gold JSON; one dict per case."""
    kinds = _catalog(corpus)
    rows = []
    for gold_path in sorted(corpus.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        rows.append(score_case(gold, text, kinds.get(gold["id"], "unknown")))
    return rows


def _mean(values: list) -> float | None:
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None


def summarise(rows: list[dict]) -> dict:
    """Aggregate scores of some rows."""
    reachable = [r for r in rows if r["title_reachable"]]
    dated = [r["date_ok"] for r in rows if r["date_ok"] is not None]
    authored = [r["author_f1"] for r in rows if r["author_f1"] is not None]
    return {
        "n": len(rows),
        "title": _mean([r["title_ok"] for r in rows]),
        "title_fair": _mean([r["title_fair"] for r in rows]),
        "title_reachable": _mean([r["title_fair"] for r in reachable]),
        "n_reachable": len(reachable),
        "date": _mean(dated),
        "n_dated": len(dated),
        "author_f1": _mean(authored),
        "n_authored": len(authored),
        "body_f1": _mean([r["body_f1"] for r in rows]),
        "ms_max": max((r["ms"] for r in rows), default=0.0),
    }


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(rows: list[dict]) -> None:
    groups = {"all": rows}
    for kind in sorted({r["kind"] for r in rows}):
        groups[kind] = [r for r in rows if r["kind"] == kind]
    print(
        f"{'group':<15}{'n':>4}  {'strict':>6}  {'fair':>6}  {'reach':>12}  {'date':>11}  "
        f"{'author F1':>11}  {'body F1':>7}  {'max ms':>7}"
    )
    for name, members in groups.items():
        s = summarise(members)
        print(
            f"{name:<15}{s['n']:>4}  {_fmt(s['title']):>6}  {_fmt(s['title_fair']):>6}  "
            f"{_fmt(s['title_reachable']):>6} ({s['n_reachable']:>3})  "
            f"{_fmt(s['date']):>5} ({s['n_dated']:>3})  "
            f"{_fmt(s['author_f1']):>5} ({s['n_authored']:>3})  "
            f"{_fmt(s['body_f1']):>7}  {s['ms_max']:>7.1f}"
        )
    print(
        "strict = title exact match after normalise_title; fair = match to the gold title or "
        "its form without one site segment; reach = fair, only where a fair form is a line of "
        "the dump (n); date = publication day where gold has publishedTime (n); author F1 "
        "where gold has a byline (n)."
    )


def print_cases(rows: list[dict]) -> None:
    for r in rows:
        print(
            f"{r['id']:<42} {r['kind']:<13} title={'Y' if r['title_ok'] else 'n'}"
            f"{'Y' if r['title_fair'] else 'n'}"
            f"{'' if r['title_reachable'] else '-'} date={r['date_ok']!s:<5} "
            f"auth={_fmt(r['author_f1'])} body={r['body_f1']:.3f} {r['page_type']} "
            f"{r['error'] or ''} | {r['title']!r}"
        )


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    rows = run(corpus)
    if "--cases" in argv or "-v" in argv:
        print_cases(rows)
    print_table(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
