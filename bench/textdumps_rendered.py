"""Quality of `extract_text_dump` on browser dumps rendered here from the trafilatura eval pages.

The corpus ships text dumps of the Readability pages only (`bench.quality_textdumps`). This
bench makes a second set from the 168 English pages of the trafilatura evaluation corpus, whose
gold was annotated by hand, and scores the dumps against that gold.

Rendering follows `textdumps/readability/MANIFEST.md` of the corpus: Playwright's sync API
drives the system Chromium (`shutil.which("chromium")`) headless with the same arguments,
JavaScript off, every request aborted; `page.set_content(..., wait_until="domcontentloaded")`,
then `wait_for_load_state("load")`, then `inner_text("body")`. The page bytes are decoded with
newsdesk's `decode_html` (as `extract_html` does), so pages that are not UTF-8 render right.
Dumps are cached as `<key>.txt` plus the gold `<key>.json` (`key` = first 12 hex digits of the
SHA-1 of the page id) in `~/.cache/newsdesk-bench/eval-dumps/` (`--cache DIR` to move it); a
page is rendered again when its files are missing, when its gold or source bytes changed, or
with `--refresh`. Pages that fail to render (timeout, browser error) are reported and left out
of the scores. Chromium and Playwright are needed only when something has to be rendered.

Scores:

- title: exact match after `normalise_title`, where the gold has a title; `reach` is the same
  on the pages whose normalised gold title occurs in the normalised dump text (the best a
  dump-only extractor can be expected to do).
- date: the publication day (`published_at.date()`) equals the gold day, where the gold has one.
- author F1: `author_f1` where the gold has authors.
- body: the evaluation's snippet scoring, summed over all pages: gold `with` snippets found in
  the extracted paragraphs are true positives, missing ones false negatives, `without`
  snippets found are false positives (whitespace collapsed on both sides).

Run: `.venv/bin/python -m bench.textdumps_rendered [CORPUS_DIR] [--cache DIR] [--refresh]
[--cases] [--timeout SECONDS] [--other-languages]`; `--other-languages` renders and scores the
822 annotated pages in other languages (mostly German) instead of the 168 English ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from bench.quality_html import DEFAULT_CORPUS, Page, trafilatura_eval_pages
from bench.quality_textdumps import timed_extract
from bench.scoring import author_f1, collapse, normalise_title
from newsdesk.extract.charset import decode_html

DEFAULT_CACHE = Path("~/.cache/newsdesk-bench/eval-dumps")
DEFAULT_TIMEOUT = 30.0
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_MISSING_TOOLS = (
    "needs Chromium and Playwright to render the dumps: `make test-ui` installs chromium, "
    "`pip install -e '.[ui]'` installs playwright (never `playwright install`)"
)


class MissingToolsError(RuntimeError):
    """Chromium or Playwright is not installed."""


# --- rendering -----------------------------------------------------------------------------


def cache_key(page_id: str) -> str:
    """Short file name for a page: the first 12 hex digits of the SHA-1 of its id."""
    return hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:12]


def gold_record(page: Page) -> dict[str, Any]:
    """The gold fields of a page as stored beside its dump (JSON-ready)."""
    authors = page.authors
    return {
        "id": page.id,
        "url": page.url,
        "title": page.title,
        "authors": [authors] if isinstance(authors, str) else authors,
        "day": page.day.isoformat() if page.day else None,
        "with": page.with_snippets,
        "without": page.without_snippets,
        "source_sha256": hashlib.sha256(page.html).hexdigest(),
    }


class Renderer:
    """One headless Chromium (JavaScript off, no network) turning HTML into `innerText`."""

    def __init__(self, playwright: Any, chromium: str, timeout_s: float) -> None:
        """Launch the browser.

        Args:
            playwright: The object `sync_playwright().start()` returned.
            chromium: Path of the Chromium binary.
            timeout_s: Seconds allowed for each step of rendering one page.
        """
        self._playwright = playwright
        self._chromium = chromium
        self._timeout_ms = timeout_s * 1000
        self._browser: Any = None
        self._page: Any = None
        self.version = ""
        self._launch()

    def _launch(self) -> None:
        self._browser = self._playwright.chromium.launch(
            executable_path=self._chromium, headless=True, args=ARGS
        )
        self.version = self._browser.version
        ctx = self._browser.new_context(java_script_enabled=False)
        ctx.set_default_timeout(self._timeout_ms)
        ctx.route("**/*", lambda route: route.abort())
        self._page = ctx.new_page()

    def inner_text(self, html: str) -> str:
        """The `innerText` of the body of `html`, rendered as the corpus MANIFEST describes."""
        self._page.set_content(html, wait_until="domcontentloaded")
        self._page.wait_for_load_state("load")
        return self._page.inner_text("body")

    def reset(self) -> None:
        """Start a fresh browser after a failure, so one bad page cannot spoil the next."""
        self.close()
        self._launch()

    def close(self) -> None:
        """Close the browser (ignoring a browser that already died)."""
        try:
            self._browser.close()
        except Exception:  # a crashed browser may fail to close in many ways
            pass


@contextmanager
def open_renderer(timeout_s: float) -> Iterator[Renderer]:
    """A `Renderer` on the system Chromium; raises `MissingToolsError` without the tools."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise MissingToolsError(_MISSING_TOOLS) from exc
    if not chromium:
        raise MissingToolsError(_MISSING_TOOLS)
    playwright = sync_playwright().start()
    try:
        renderer = Renderer(playwright, chromium, timeout_s)
        try:
            yield renderer
        finally:
            renderer.close()
    finally:
        playwright.stop()


def _cached(cache: Path, gold: dict[str, Any]) -> bool:
    key = cache_key(gold["id"])
    text_path, gold_path = cache / f"{key}.txt", cache / f"{key}.json"
    if not (text_path.exists() and gold_path.exists()):
        return False
    try:
        stored = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    stored.pop("renderer", None)
    return stored == gold


def render_all(
    pages: list[Page], cache: Path, refresh: bool, timeout_s: float
) -> tuple[list[tuple[dict[str, Any], str]], dict[str, str], int]:
    """Make sure every page has a dump in `cache`; return what is there.

    Args:
        pages: The pages to render.
        cache: Folder of the cached dumps and gold files.
        refresh: Render every page again even when cached.
        timeout_s: Seconds allowed for each rendering step of one page.

    Returns:
        `(gold, dump text)` pairs of the pages that have a dump, the pages that failed to
        render (id -> error), and how many pages were rendered in this run.

    Raises:
        MissingToolsError: Some page needs rendering and Chromium or Playwright is missing.
    """
    cache.mkdir(parents=True, exist_ok=True)
    golds = [gold_record(page) for page in pages]
    todo = [
        (page, gold)
        for page, gold in zip(pages, golds, strict=True)
        if refresh or not _cached(cache, gold)
    ]
    failures: dict[str, str] = {}
    if todo:
        with open_renderer(timeout_s) as renderer:
            for page, gold in todo:
                key = cache_key(page.id)
                try:
                    text = renderer.inner_text(decode_html(page.html))
                except Exception as exc:  # Playwright errors, timeouts, a crashed browser
                    first_line = (str(exc).strip().splitlines() or [""])[0]
                    failures[page.id] = f"{type(exc).__name__}: {first_line}"
                    (cache / f"{key}.txt").unlink(missing_ok=True)
                    renderer.reset()
                    continue
                with (cache / f"{key}.txt").open("w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
                record = {**gold, "renderer": f"Chromium {renderer.version}"}
                (cache / f"{key}.json").write_text(
                    json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )
    dumps = []
    for gold in golds:
        if gold["id"] in failures:
            continue
        text_path = cache / f"{cache_key(gold['id'])}.txt"
        dumps.append((gold, text_path.read_text(encoding="utf-8")))
    return dumps, failures, len(todo)


# --- scoring -------------------------------------------------------------------------------


def score_case(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """Score one dump against its gold fields."""
    row: dict[str, Any] = {"id": gold["id"]}
    story, row["error"], row["ms"] = timed_extract(text, gold["id"])
    row["title"] = story.title if story else None
    row["gold_title"] = gold.get("title")
    row["title_ok"] = None
    row["title_reachable"] = False
    if gold.get("title"):
        expected = normalise_title(gold["title"])
        row["title_ok"] = normalise_title(row["title"]) == expected
        row["title_reachable"] = expected in normalise_title(text)
    published = story.published_at if story else None
    row["day"] = published.date() if published else None
    row["gold_day"] = date.fromisoformat(gold["day"]) if gold.get("day") else None
    row["date_ok"] = None if row["gold_day"] is None else row["day"] == row["gold_day"]
    row["authors"] = story.authors if story else []
    row["gold_authors"] = gold.get("authors")
    row["author_f1"] = author_f1(row["authors"], gold["authors"]) if gold.get("authors") else None
    body = collapse(" ".join(story.paragraphs)) if story else ""
    found = [collapse(s) in body for s in gold.get("with") or []]
    row["tp"] = sum(found)
    row["fn"] = len(found) - row["tp"]
    row["fp"] = sum(collapse(s) in body for s in gold.get("without") or [])
    return row


def _mean(values: list) -> float | None:
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate scores of some rows."""
    titled = [r["title_ok"] for r in rows if r["title_ok"] is not None]
    reachable = [r["title_ok"] for r in rows if r["title_reachable"]]
    dated = [r["date_ok"] for r in rows if r["date_ok"] is not None]
    authored = [r["author_f1"] for r in rows if r["author_f1"] is not None]
    tp, fn, fp = (sum(r[k] for r in rows) for k in ("tp", "fn", "fp"))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fn + fp) if tp + fn + fp else None
    return {
        "n": len(rows),
        "title": _mean(titled),
        "n_titled": len(titled),
        "title_reachable": _mean(reachable),
        "n_reachable": len(reachable),
        "date": _mean(dated),
        "n_dated": len(dated),
        "author_f1": _mean(authored),
        "n_authored": len(authored),
        "snippet_p": precision,
        "snippet_r": recall,
        "snippet_f1": f1,
        "ms_max": max((r["ms"] for r in rows), default=0.0),
    }


# --- output --------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(rows: list[dict[str, Any]], group: str = "eval-en dumps") -> None:
    """Print the summary table and its legend."""
    s = summarise(rows)
    print(
        f"{'group':<15}{'n':>4}  {'title':>11}  {'reach':>11}  {'date':>11}  {'author F1':>11}  "
        f"{'snip P':>6}  {'snip R':>6}  {'snip F1':>7}  {'max ms':>7}"
    )
    print(
        f"{group:<15}{s['n']:>4}  "
        f"{_fmt(s['title']):>5} ({s['n_titled']:>3})  "
        f"{_fmt(s['title_reachable']):>5} ({s['n_reachable']:>3})  "
        f"{_fmt(s['date']):>5} ({s['n_dated']:>3})  "
        f"{_fmt(s['author_f1']):>5} ({s['n_authored']:>3})  "
        f"{_fmt(s['snippet_p']):>6}  {_fmt(s['snippet_r']):>6}  {_fmt(s['snippet_f1']):>7}  "
        f"{s['ms_max']:>7.1f}"
    )
    print(
        "title = exact match after normalise_title where gold has a title (n); reach = title, "
        "only where the gold title occurs in the dump text (n); date = publication day where "
        "gold has a day (n); author F1 where gold has authors (n); snip = eval snippet "
        "precision / recall / F1 of the paragraphs, summed over pages; max ms = slowest "
        "extraction."
    )


def print_cases(rows: list[dict[str, Any]]) -> None:
    """Print one line per page with its misses (for development)."""
    for r in rows:
        misses = []
        if r["title_ok"] is False:
            reach = "" if r["title_reachable"] else " (unreachable)"
            misses.append(f"title {r['title']!r} != {r['gold_title']!r}{reach}")
        if r["date_ok"] is False:
            misses.append(f"date {r['day']} != {r['gold_day']}")
        if r["author_f1"] is not None and r["author_f1"] < 0.99:
            misses.append(f"authors {r['authors']} != {r['gold_authors']}")
        if r["fn"] or r["fp"]:
            misses.append(f"snippets fn={r['fn']} fp={r['fp']}")
        if r["error"]:
            misses.append(f"error {r['error']}")
        print(f"{r['id']}: " + (" | ".join(misses) or "ok"))


def main(argv: list[str]) -> int:
    """Render (or reuse) the dumps, score them and print the table; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.textdumps_rendered")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="dump cache folder")
    parser.add_argument("--refresh", action="store_true", help="render every page again")
    parser.add_argument("--cases", action="store_true", help="one line per page with misses")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per rendering step"
    )
    parser.add_argument(
        "--other-languages",
        action="store_true",
        help="the 822 annotated pages in other languages instead of the English ones",
    )
    args = parser.parse_args(argv)
    pages = list(trafilatura_eval_pages(args.corpus, english=not args.other_languages))
    started = time.perf_counter()
    try:
        dumps, failures, rendered = render_all(
            pages, args.cache.expanduser(), args.refresh, args.timeout
        )
    except MissingToolsError as exc:
        print(f"bench.textdumps_rendered: {exc}", file=sys.stderr)
        return 2
    if rendered:
        print(
            f"rendered {rendered} of {len(pages)} pages in {time.perf_counter() - started:.1f} s "
            f"into {args.cache}"
        )
    for page_id, error in failures.items():
        print(f"failed to render (left out): {page_id}: {error}")
    rows = [score_case(gold, text) for gold, text in dumps]
    if args.cases:
        print_cases(rows)
    print_table(rows, "eval-other dumps" if args.other_languages else "eval-en dumps")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
