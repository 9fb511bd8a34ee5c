"""Refresh benchmark: full build and a 1% nightly refresh through the real Dagster graph.

Run: `.venv/bin/python -m bench.refresh [--stories 100000] [--n-process 2] [--home DIR]`.

Method.
1. Generate an N-story home from mutated copies of real inputs, read at run time: the files in
   `samples/`, the Readability pages (`html/readability/*/source.html.gz`) and text dumps
   (`textdumps/readability/*.txt` with their gold JSON) of the shared corpus. Mutations make
   story ids and body fingerprints differ: new URLs (path suffix), titles (a number and a word
   from another title), paragraph subsets in a new order, and every number in the body changed.
   About 95% of the stories come as JSONL export files of ~1,000 rows (bodies of 120-250 words
   made of real corpus paragraphs), 3% as mutated HTML pages and 2% as mutated text dumps.
2. Register every generated file in the raw store with capture day D1 (yesterday, UTC), as the
   landing sweep would, and run `pipelines.build.run_build(paths)`: raw sweep, extraction and
   entity recognition of D1, then publish (a full warehouse build).
3. Generate 1% more stories the same way, register them with capture day D2 (today) and run
   `run_build(paths)` again: only D2 is processed and the warehouse is republished
   incrementally.

Timings are wall clock. Per-stage times come from wrapping the functions the assets call
(`build_story_partition`, `build_mention_partition`, `publish`). Peak RSS is
`ru_maxrss` of this process and, separately, of its largest child (the spaCy workers when
`--n-process` > 1). `--n-process` is passed to the `entity_model` resource by wrapping
`pipelines.build.default_resources` (the project default is 1 process). No assertion is timed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpus"
PAGES = CORPUS / "html" / "readability"
DUMPS = CORPUS / "textdumps" / "readability"

ROWS_PER_EXPORT = 1000
HTML_SHARE = 0.03
DUMP_SHARE = 0.02
OUTLETS = (
    "Example City News",
    "Harbour Herald",
    "The Daily Ledger",
    "Northern Wire",
    "Metro Evening Post",
    "Coastal Times",
    "Valley Chronicle",
    "Capital Report",
)
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"\S+")
_PARA = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL | re.IGNORECASE)
_TITLE = re.compile(r"(<title[^>]*>)(.*?)(</title>)", re.DOTALL | re.IGNORECASE)
_URL_ATTRS = (
    re.compile(r"""rel=["']canonical["'][^>]*href=["']([^"']+)""", re.IGNORECASE),
    re.compile(r"""href=["']([^"']+)["'][^>]*rel=["']canonical["']""", re.IGNORECASE),
    re.compile(r"""og:url["'][^>]*content=["']([^"']+)""", re.IGNORECASE),
    re.compile(r"""content=["']([^"']+)["'][^>]*og:url""", re.IGNORECASE),
)


@dataclass
class Pool:
    """Real material read at run time."""

    paragraphs: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    pages: list[tuple[str, str]] = field(default_factory=list)  # (name, html)
    dumps: list[tuple[str, str, str]] = field(default_factory=list)  # (name, text, title)
    export_rows: list[dict] = field(default_factory=list)


def load_pool() -> Pool:
    """Read samples and corpus files: paragraphs, titles, pages and dumps to mutate."""
    pool = Pool()
    for line in (SAMPLES / "newsroom-export.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("headline"):
            pool.export_rows.append(row)
            pool.titles.append(row["headline"])
    for gz in sorted(SAMPLES.glob("*.html.gz")):
        pool.pages.append((gz.name.removesuffix(".html.gz"), gzip.open(gz, "rt", "replace").read()))
    seed = next(SAMPLES.glob("*.txt"), None)
    for txt in sorted(DUMPS.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        if gold.get("lang") not in (None, "None", "en") or not gold.get("title"):
            continue
        body = gold.get("articleBody") or ""
        paragraphs = [p.strip() for p in body.split("\n") if len(_WORD.findall(p)) >= 25]
        pool.paragraphs.extend(paragraphs)
        pool.titles.append(gold["title"].split(" | ")[0].strip())
        if len(paragraphs) >= 3:
            pool.dumps.append((txt.stem, txt.read_text(encoding="utf-8"), gold["title"]))
    if seed is not None:
        pool.dumps.append((seed.stem, seed.read_text(encoding="utf-8"), ""))
    for case in sorted(PAGES.iterdir()):
        source = case / "source.html.gz"
        meta = case / "expected-metadata.json"
        if not source.exists() or not meta.exists():
            continue
        if json.loads(meta.read_text(encoding="utf-8")).get("readerable") is False:
            continue
        page = gzip.open(source, "rt", encoding="utf-8", errors="replace").read()
        if len(_PARA.findall(page)) >= 4:
            pool.pages.append((case.name, page))
    if not pool.paragraphs or not pool.pages or not pool.dumps:
        sys.exit(f"bench.refresh: corpus not found or empty under {CORPUS}")
    return pool


def mutate_numbers(text: str, rng: random.Random) -> str:
    """Replace every number with another of the same length."""
    return _NUMBER.sub(
        lambda m: (
            str(rng.randrange(10 ** (len(m[0]) - 1), 10 ** len(m[0])))
            if len(m[0]) > 1
            else str(rng.randrange(10))
        ),
        text,
    )


def mutate_title(title: str, n: int, rng: random.Random, pool: Pool) -> str:
    """A real title with a word from another title and a number added."""
    other = rng.choice(pool.titles).split()
    word = rng.choice(other) if other else "update"
    return f"{title.strip()} {word} {n}"


def make_body(rng: random.Random, pool: Pool) -> str:
    """120-250 words of real paragraphs, in a new order, with numbers changed."""
    target = rng.randint(120, 250)
    words: list[str] = []
    paragraphs: list[str] = []
    while len(words) < target:
        para = rng.choice(pool.paragraphs).split()
        take = para[: max(20, target - len(words))]
        words.extend(take)
        paragraphs.append(" ".join(take))
    return mutate_numbers("\n\n".join(paragraphs), rng)


def export_row(n: int, rng: random.Random, pool: Pool, day: datetime) -> dict:
    """One JSONL export row (the samples' export field names)."""
    outlet = rng.choice(OUTLETS)
    slug = re.sub(r"[^a-z0-9]+", "-", rng.choice(pool.titles).lower()).strip("-")[:60]
    published = day - timedelta(minutes=rng.randrange(60 * 24 * 30))
    row = {
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/{slug}-{n}",
        "headline": mutate_title(rng.choice(pool.titles), n, rng, pool),
        "byline": rng.choice(["Maria Lopez", "Tom Becker", "Aisha Khan", "Li Wei", "Sam Okafor"]),
        "published": published.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "source": outlet,
        "section": rng.choice(["Local", "World", "Business", "Science", "Politics"]),
    }
    body = make_body(rng, pool)
    if rng.random() < 0.5:
        row["body"] = body.split("\n\n")
    else:
        row["text"] = body
    return row


def mutate_page(page: str, n: int, rng: random.Random, pool: Pool) -> str:
    """A real page with new canonical URLs, title, paragraph order and numbers."""
    for pattern in _URL_ATTRS:
        for url in set(pattern.findall(page)):
            page = page.replace(url, f"{url.rstrip('/')}-m{n}")
    page = _TITLE.sub(lambda m: f"{m[1]}{m[2].strip()} {n}{m[3]}", page, count=1)
    paras = _PARA.findall(page)
    keep = rng.sample(paras, k=max(3, int(len(paras) * rng.uniform(0.6, 0.9))))
    rng.shuffle(keep)
    replacement = iter(keep + [""] * (len(paras) - len(keep)))
    page = _PARA.sub(lambda _m: mutate_numbers(next(replacement), rng), page)
    return page


def mutate_dump(text: str, title: str, n: int, rng: random.Random) -> str:
    """A real text dump with a new title, two long paragraphs swapped and numbers changed."""
    if title:
        text = text.replace(title, f"{title} {n}", 1)
    else:
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if 4 <= len(line.split()) <= 20:
                lines[i] = f"{line} {n}"
                break
        text = "\n".join(lines)
    blocks = text.split("\n\n")
    long = [i for i, b in enumerate(blocks) if len(b.split()) > 30]
    if len(long) >= 2:
        i, j = rng.sample(long, 2)
        blocks[i], blocks[j] = blocks[j], blocks[i]
    return mutate_numbers("\n\n".join(blocks), rng) + f"\n\nRef {n}\n"


def generate(folder: Path, stories: int, start: int, seed: int, pool: Pool, day: datetime):
    """Write about `stories` stories as export, HTML and dump files; return counts by kind."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_html = round(stories * HTML_SHARE)
    n_dump = round(stories * DUMP_SHARE)
    n_rows = stories - n_html - n_dump
    n = start
    for f in range(0, n_rows, ROWS_PER_EXPORT):
        rows = []
        for _ in range(min(ROWS_PER_EXPORT, n_rows - f)):
            rows.append(json.dumps(export_row(n, rng, pool, day), ensure_ascii=False))
            n += 1
        (folder / f"export-{start}-{f // ROWS_PER_EXPORT:04d}.jsonl").write_text(
            "\n".join(rows) + "\n", encoding="utf-8"
        )
    for _ in range(n_html):
        name, page = rng.choice(pool.pages)
        (folder / f"page-{n}-{name}.html").write_text(
            mutate_page(page, n, rng, pool), encoding="utf-8"
        )
        n += 1
    for _ in range(n_dump):
        name, text, title = rng.choice(pool.dumps)
        (folder / f"dump-{n}-{name}.txt").write_text(
            mutate_dump(text, title, n, rng), encoding="utf-8"
        )
        n += 1
    return {"jsonl rows": n_rows, "html pages": n_html, "text dumps": n_dump}, n


def register(paths, folder: Path, day: str) -> int:
    """Register generated files in the raw store with an explicit capture day."""
    from newsdesk.raw import RawStore

    store = RawStore(paths.raw)
    added = 0
    for path in sorted(folder.iterdir()):
        if store.register_file(path, origin="landing", capture_day=day) is not None:
            added += 1
    return added


class StageTimer:
    """Wall-clock time spent in the functions the assets call."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, module, name: str, label: str) -> None:
        real = getattr(module, name)

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - t0

        setattr(module, name, timed)

    @contextmanager
    def phase(self):
        self.seconds.clear()
        yield self.seconds


def install(n_process: int) -> StageTimer:
    """Wrap stage functions for timing; give the entity model `n_process` workers."""
    import assets.lake
    import assets.warehouse
    import pipelines.build
    from assets.resources import EntityModel

    timer = StageTimer()
    timer.wrap(assets.lake, "build_story_partition", "extraction")
    timer.wrap(assets.lake, "build_mention_partition", "entities")
    timer.wrap(assets.warehouse, "publish", "publish")
    real_resources = pipelines.build.default_resources

    def resources(home: str = "") -> dict[str, object]:
        chosen = real_resources(home)
        chosen["entity_model"] = EntityModel(n_process=n_process)
        return chosen

    pipelines.build.default_resources = resources
    return timer


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest (waited-for) child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run(args: argparse.Namespace) -> None:
    from newsdesk.settings import Paths
    from pipelines.build import run_build

    timer = install(args.n_process)
    base = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    paths = Paths.from_home(base / "home").ensure()
    if any(paths.raw.iterdir()):
        sys.exit(f"bench.refresh: {paths.home} is not empty")
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    day1, day2 = (today - timedelta(days=1)), today

    t0 = time.perf_counter()
    pool = load_pool()
    kinds, next_n = generate(base / "gen-day1", args.stories, 0, args.seed, pool, day1)
    files = register(paths, base / "gen-day1", day1.date().isoformat())
    gen_seconds = time.perf_counter() - t0
    print(
        f"generated {args.stories} stories ({', '.join(f'{v} {k}' for k, v in kinds.items())}) "
        f"in {files} files, {gen_seconds:.1f} s; home {paths.home}",
        flush=True,
    )

    results = []
    with timer.phase() as stages:
        t0 = time.perf_counter()
        full = run_build(paths)
        results.append(("full build", time.perf_counter() - t0, dict(stages), full))
    new = max(1, args.stories // 100)
    generate(base / "gen-day2", new, next_n, args.seed + 1, pool, day2)
    register(paths, base / "gen-day2", day2.date().isoformat())
    with timer.phase() as stages:
        t0 = time.perf_counter()
        refresh = run_build(paths)
        results.append(
            (f"refresh (+{new} stories, 1 day)", time.perf_counter() - t0, dict(stages), refresh)
        )
    own, child = peak_rss_mb()

    print()
    print(f"stories requested: {args.stories}; entity model n_process={args.n_process}")
    header = (
        f"| {'run':<30} | {'wall s':>8} | {'extract s':>9} | {'entities s':>10} | "
        f"{'publish s':>9} | {'days':>4} | {'stories':>8} | {'mentions':>9} | {'rejected':>8} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for name, seconds, st, result in results:
        counts = result.counts or {}
        print(
            f"| {name:<30} | {seconds:>8.1f} | {st.get('extraction', 0):>9.1f} | "
            f"{st.get('entities', 0):>10.1f} | {st.get('publish', 0):>9.1f} | "
            f"{len(result.days):>4} | {counts.get('stories', 0):>8} | "
            f"{counts.get('entity_mentions', 0):>9} | {counts.get('rejected_items', 0):>8} |"
        )
    full_s, refresh_s = results[0][1], results[1][1]
    print()
    print(f"refresh / full build: {100 * refresh_s / full_s:.1f}% of the time")
    print(f"peak RSS: this process {own:.0f} MB, largest child {child:.0f} MB")
    from newsdesk.warehouse import connect_read_only

    con = connect_read_only(paths.warehouse)
    try:
        by_kind = con.execute(
            "select source_kind, count(*), count(duplicate_of) from stories group by 1 order by 1"
        ).fetchall()
        (words,) = con.execute("select cast(sum(word_count) as bigint) from stories").fetchone()
    finally:
        con.close()
    entity_s = results[0][2].get("entities", 0)
    print(
        f"body words: {words}; full-build entity stage {words / max(entity_s, 1e-9):.0f} "
        "body words/s (titles and summaries are recognised too)"
    )
    print(
        "stories by kind (near-duplicates): " + ", ".join(f"{k} {n} ({d})" for k, n, d in by_kind)
    )
    for name, _, _, result in results:
        if result.errors or not result.published:
            print(f"{name}: published={result.published} errors={result.errors}")
    if not args.home and not args.keep:
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=100_000, help="stories on day 1")
    parser.add_argument("--n-process", type=int, default=2, help="spaCy worker processes")
    parser.add_argument("--seed", type=int, default=20251006)
    parser.add_argument("--home", help="build here (an empty folder) and keep it")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
