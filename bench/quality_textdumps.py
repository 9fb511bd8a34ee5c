"""Quality of `extract_text_dump` on the browser text dumps of the Readability test pages.

Scores every `<case>.txt` of the corpus against its gold `<case>.json`: title exact match
(after `normalise_title`), publication day, author token F1 and body 4-shingle F1, overall and
by page kind (news / article-other / synthetic, from the HTML corpus's CATALOG.csv).

Run: `.venv/bin/python -m bench.quality_textdumps [CORPUS_DIR] [--cases]`.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from bench.scoring import author_f1, body_f1, normalise_title
from newsdesk.dates import parse_datetime
from newsdesk.extract.textdump import extract_text_dump
from newsdesk.model import ExtractionError

DEFAULT_CORPUS = Path("/work/shared/corpus/textdumps/readability")


def _catalog(corpus: Path) -> dict[str, str]:
    path = corpus.parent.parent / "html" / "readability" / "CATALOG.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["case"]: row["kind"] for row in csv.DictReader(handle)}


def _title_in_dump(title: str | None, text: str) -> bool:
    key = normalise_title(title)
    return bool(key) and any(normalise_title(line) == key for line in text.splitlines())


def score_case(gold: dict, text: str, kind: str) -> dict:
    """Score one dump against its gold fields."""
    row: dict = {"id": gold["id"], "kind": kind, "error": None}
    started = time.perf_counter()
    try:
        story = extract_text_dump(text, source_path=gold["id"])
    except ExtractionError as exc:
        story, row["error"] = None, str(exc)
    row["ms"] = (time.perf_counter() - started) * 1000
    title = story.title if story else None
    row["title"] = title
    row["title_ok"] = normalise_title(title) == normalise_title(gold.get("title"))
    row["title_reachable"] = _title_in_dump(gold.get("title"), text)
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
        "title_reachable": _mean([r["title_ok"] for r in reachable]),
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
        f"{'group':<15}{'n':>4}  {'title':>6}  {'title*':>12}  {'date':>11}  "
        f"{'author F1':>11}  {'body F1':>7}  {'max ms':>7}"
    )
    for name, members in groups.items():
        s = summarise(members)
        print(
            f"{name:<15}{s['n']:>4}  {_fmt(s['title']):>6}  "
            f"{_fmt(s['title_reachable']):>6} ({s['n_reachable']:>3})  "
            f"{_fmt(s['date']):>5} ({s['n_dated']:>3})  "
            f"{_fmt(s['author_f1']):>5} ({s['n_authored']:>3})  "
            f"{_fmt(s['body_f1']):>7}  {s['ms_max']:>7.1f}"
        )
    print(
        "title = exact match after normalise_title; title* = same, only where the gold title is "
        "a line of the dump (n); date = publication day where gold has publishedTime (n); "
        "author F1 where gold has a byline (n)."
    )


def print_cases(rows: list[dict]) -> None:
    for r in rows:
        print(
            f"{r['id']:<42} {r['kind']:<13} title={'Y' if r['title_ok'] else 'n'}"
            f"{'' if r['title_reachable'] else '-'} date={r['date_ok']!s:<5} "
            f"auth={_fmt(r['author_f1'])} body={r['body_f1']:.3f} {r['page_type']} "
            f"{r['error'] or ''} | {r['title']!r}"
        )


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    rows = run(corpus)
    if "--cases" in argv:
        print_cases(rows)
    print_table(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
