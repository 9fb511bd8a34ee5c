"""Quality of HTML extraction on human gold, newsdesk beside bare trafilatura (not a test).

Sources:
- `readability`: the Mozilla Readability test pages (real pages; the tiny synthetic cases are
  scored separately as `readability-synthetic`). Gold: `expected-metadata.json` (title,
  byline, publishedTime) and the text of `expected.html` (the textdump's `articleBody`).
- `trafilatura-eval-en`: the English subset of the trafilatura evaluation corpus. Body is
  scored as in that evaluation: `with` snippets found are true positives, missing ones false
  negatives, `without` snippets found false positives; summed over pages, then F1.
- `trafilatura-eval-other`: the rest of its annotated pages (822: about 650 German, then
  Spanish, French, Polish and a few other languages), scored the same way.

Titles are scored two ways:

- strict: the extracted title equals the gold title (after `normalise_title`).
- fair: the extracted title equals the gold title, or the gold title with ONE leading or
  trailing site segment removed. Readability's gold is often the browser-tab `<title>`
  ("Headline | eHow", "Headline - Wikipedia") while the trafilatura gold is the bare headline;
  a headline without the site name is a right answer for both. A segment is split off at the
  first or last ` | `, ` - `, ` – `, ` — `, ` :: `, ` : ` or `: ` and removed only when it
  has at most 5 words and looks like a site name: folded (case, spacing and punctuation
  dropped) it equals, contains or is contained in one of the gold site name (Readability's
  `siteName`, the eval's `sitename`), the page's own `og:site_name`, `application-name`,
  `apple-mobile-web-app-title`, JSON-LD publisher / WebSite / Organization names, titles of
  `<link rel=search|alternate>`, the words of the URL's host (`www.ehow.com` -> "ehow"), or
  it appears in a copyright line (`©`, `(c)`, `Copyright`) of the page. Site names are read
  from the page by this bench, never from what an extractor returns.

Dates are compared by day. The gold day is the calendar day as the page writes it (local
time); newsdesk stores UTC instants, so a timestamp counts as that day when it falls within it
in some real time zone (UTC-12 to UTC+14); day-precision dates must match exactly.

Both systems run on the same pages, interleaved page by page, so the speed ratio holds on a
busy machine. Run: `.venv/bin/python -m bench.quality_html [corpus_dir]`.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml.html import HTMLParser, document_fromstring

from bench.scoring import author_f1, body_f1, collapse, normalise_title
from newsdesk.extract.html import extract_html
from newsdesk.model import ExtractionError

DEFAULT_CORPUS = Path("/work/shared/corpus")
READABILITY_URL = "http://fakehost/test/page.html"
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SITE_SEPARATOR = re.compile(r" (?:\||-|–|—|::|:) |: ")
_SITE_MAX_WORDS = 5
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)[^\n]{0,150}", re.IGNORECASE)
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass
class Page:
    """One benchmark page and its gold fields (None where the gold has no value)."""

    id: str
    html: bytes
    url: str | None
    title: str | None = None
    authors: list[str] | str | None = None
    day: date | None = None
    body: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    site_name: str | None = None
    title_forms: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        """Work out the fair forms of the gold title (see the module docstring)."""
        if self.title:
            self.title_forms = fair_titles(self.title, site_names(self))


@dataclass
class Output:
    """What one system extracted from a page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    precision: str | None = None
    day: date | None = None
    body: str = ""


# --- corpora ---------------------------------------------------------------------------------


def _gold_day(text: str | None) -> date | None:
    match = _DAY.search(text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def readability_pages(corpus: Path, synthetic: bool) -> Iterator[Page]:
    """Readability test pages (real ones, or only the synthetic cases)."""
    root = corpus / "html" / "readability"
    with (root / "CATALOG.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (row["kind"] == "synthetic") != synthetic:
                continue
            case = row["case"]
            gold = json.loads((corpus / "textdumps" / "readability" / f"{case}.json").read_text())
            yield Page(
                id=case,
                html=gzip.decompress((root / case / "source.html.gz").read_bytes()),
                url=READABILITY_URL,
                title=gold.get("title") or None,
                authors=gold.get("byline") or None,
                day=_gold_day(gold.get("publishedTime")),
                body=gold.get("articleBody"),
                site_name=row.get("siteName") or None,
            )


def trafilatura_eval_pages(corpus: Path, english: bool = True) -> Iterator[Page]:
    """The annotated pages of the trafilatura evaluation corpus, English or the others."""
    root = corpus / "html" / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    english_keys = set(json.loads((root / "english_subset_heuristic.json").read_text()))
    for line in (root / "pages.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["key"] not in evaldata or (row["key"] in english_keys) != english:
            continue
        entry = evaldata[row["key"]]
        url = re.sub(r"^(hard|recall)::", "", row["key"])
        authors = entry.get("author")
        yield Page(
            id=row["key"],
            html=gzip.decompress((root / row["path"]).read_bytes()),
            url=url if url.startswith("http") else None,
            title=entry.get("title") or None,
            authors=_gold_authors(authors),
            day=_gold_day(entry.get("date")),
            with_snippets=entry.get("with") or [],
            without_snippets=entry.get("without") or [],
            site_name=entry.get("sitename") or None,
        )


def _gold_authors(value: str | list | None) -> list[str] | None:
    parts = value if isinstance(value, list) else str(value or "").split(";")
    names = [str(p).strip() for p in parts if str(p).strip()]
    return names or None


# --- fair titles ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFKC", text).lower())


def site_names(page: Page) -> list[str]:
    """Names the page's site goes by, read from the gold and the page (module docstring)."""
    names = [page.site_name or ""]
    try:
        tree = document_fromstring(page.html, parser=HTMLParser(encoding="utf-8"))
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is not None:
        names += tree.xpath(
            "//meta[@property='og:site_name' or @name='application-name' or "
            "@name='apple-mobile-web-app-title' or @name='og:site_name']/@content"
        )
        names += tree.xpath("//link[@rel='search' or @rel='alternate']/@title")
        names += _jsonld_site_names(tree)
        tail = " ".join(tree.xpath("//body//text()")[-400:])
        names += ["©" + line for line in _COPYRIGHT.findall(tail)]
    host = urlsplit(page.url or "").hostname or ""
    if host and host != "fakehost":
        labels = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co")]
        names += labels[:-1] if len(labels) > 1 else labels
    return [name for name in names if _fold(name)]


def _jsonld_site_names(tree: etree._Element) -> list[str]:
    names: list[str] = []
    stack: list = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            stack.append(json.loads(script, strict=False))
        except ValueError:
            continue
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = " ".join(kinds) if isinstance(kinds, list) else str(kinds or "")
            if re.search(r"WebSite|Organization", kinds) and isinstance(node.get("name"), str):
                names.append(node["name"])
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return names


def _looks_like_site(segment: str, names: list[str]) -> bool:
    key = _fold(segment)
    if not key or len(segment.split()) > _SITE_MAX_WORDS:
        return False
    for name in names:
        site = _fold(name)
        if name.startswith("©"):  # a copyright line: the segment must occur in it
            if key in site:
                return True
        elif key == site or key in site or site in key:
            return True
    return False


def fair_titles(title: str, names: list[str]) -> set[str]:
    """Normalised gold title plus its forms with one site segment removed."""
    forms = {normalise_title(title)}
    matches = list(_SITE_SEPARATOR.finditer(title))
    if matches:
        first, last = matches[0], matches[-1]
        if _looks_like_site(title[: first.start()], names):
            forms.add(normalise_title(title[first.end() :]))
        if _looks_like_site(title[last.end() :], names):
            forms.add(normalise_title(title[: last.start()]))
    return {form for form in forms if form}


# --- systems ---------------------------------------------------------------------------------


def run_newsdesk(page: Page) -> Output:
    """newsdesk's `extract_html` on the raw page bytes."""
    try:
        story = extract_html(page.html, url=page.url)
    except ExtractionError:
        return Output()
    return Output(
        title=story.title,
        authors=story.authors,
        published=story.published_at,
        precision=story.published_precision,
        body="\n\n".join(story.paragraphs),
    )


def run_trafilatura(page: Page) -> Output:
    """Bare `trafilatura.extract` (JSON output with metadata) on the raw page bytes."""
    raw = trafilatura.extract(page.html, url=page.url, output_format="json", with_metadata=True)
    if not raw:
        return Output()
    data = json.loads(raw)
    author = data.get("author") or ""
    return Output(
        title=data.get("title"),
        authors=[a.strip() for a in author.split(";") if a.strip()],
        day=_gold_day(data.get("date")),
        body=data.get("text") or "",
    )


SYSTEMS: dict[str, Callable[[Page], Output]] = {
    "newsdesk": run_newsdesk,
    "trafilatura": run_trafilatura,
}


# --- scoring ---------------------------------------------------------------------------------


def same_day(out: Output, gold: date) -> bool:
    """Whether the extracted date is the gold calendar day (see the module docstring)."""
    if out.day is not None:
        return out.day == gold
    if out.published is None:
        return False
    if out.precision == "day":
        return out.published.date() == gold
    start = datetime(gold.year, gold.month, gold.day, tzinfo=out.published.tzinfo)
    return start - timedelta(hours=14) <= out.published < start + timedelta(hours=36)


def _snippet_counts(body: str, page: Page) -> tuple[int, int, int]:
    text = collapse(body)
    tp = sum(1 for s in page.with_snippets if collapse(s) in text)
    fp = sum(1 for s in page.without_snippets if collapse(s) in text)
    return tp, len(page.with_snippets) - tp, fp


class Scores:
    """Running totals for one (source, system) pair."""

    def __init__(self) -> None:
        """Start empty."""
        self.n = 0
        self.seconds = 0.0
        self.title: list[bool] = []
        self.fair_title: list[bool] = []
        self.date: list[bool] = []
        self.author: list[float] = []
        self.body: list[float] = []
        self.snippets = [0, 0, 0]
        self.details: list[tuple[Page, Output]] = []

    def add(self, page: Page, out: Output, seconds: float) -> None:
        """Score one page (and remember its per-field verdicts for `--details`)."""
        self.details.append((page, out))
        self.n += 1
        self.seconds += seconds
        if page.title:
            self.title.append(normalise_title(out.title) == normalise_title(page.title))
            self.fair_title.append(normalise_title(out.title) in page.title_forms)
        if page.day:
            self.date.append(same_day(out, page.day))
        if page.authors:
            self.author.append(author_f1(out.authors, page.authors))
        if page.body is not None:
            self.body.append(body_f1(out.body, page.body))
        if page.with_snippets or page.without_snippets:
            for i, count in enumerate(_snippet_counts(out.body, page)):
                self.snippets[i] += count

    def row(self, source: str, system: str) -> dict:
        """The summary row for the table."""
        tp, fn, fp = self.snippets
        if self.body:
            body = sum(self.body) / len(self.body)
        else:
            body = 2 * tp / (2 * tp + fn + fp) if tp else 0.0
        return {
            "source": source,
            "system": system,
            "n": self.n,
            "title": _mean(self.title),
            "n_title": len(self.title),
            "fair_title": _mean(self.fair_title),
            "date": _mean(self.date),
            "n_date": len(self.date),
            "author_f1": _mean(self.author),
            "n_author": len(self.author),
            "body_f1": body,
            "body_scoring": "shingle-f1" if self.body else "snippet-f1",
            "pages_per_s": self.n / self.seconds if self.seconds else 0.0,
        }


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def run(corpus: Path = DEFAULT_CORPUS, details: bool = False) -> list[dict]:
    """Score newsdesk and bare trafilatura on every source; one row per (source, system)."""
    # Pages are read one at a time: the other-language set alone is 800 pages.
    sources = {
        "readability": readability_pages(corpus, synthetic=False),
        "trafilatura-eval-en": trafilatura_eval_pages(corpus),
        "trafilatura-eval-other": trafilatura_eval_pages(corpus, english=False),
        "readability-synthetic": readability_pages(corpus, synthetic=True),
    }
    rows = []
    for source, pages in sources.items():
        scores = {name: Scores() for name in SYSTEMS}
        for page in pages:
            for name, system in SYSTEMS.items():
                start = time.perf_counter()
                out = system(page)
                scores[name].add(page, out, time.perf_counter() - start)
        rows.extend(scores[name].row(source, name) for name in SYSTEMS)
        if details:
            print_details(source, scores["newsdesk"])
    return rows


def print_details(source: str, scores: Scores) -> None:
    """Print newsdesk's misses on one source (for development)."""
    for page, out in scores.details:
        misses = []
        if page.title and normalise_title(out.title) not in page.title_forms:
            misses.append(f"title {out.title!r} != {page.title!r}")
        if page.day and not same_day(out, page.day):
            misses.append(f"date {out.published} != {page.day}")
        if page.authors and author_f1(out.authors, page.authors) < 0.99:
            misses.append(f"author {out.authors} != {page.authors!r}")
        if page.body is not None and body_f1(out.body, page.body) < 0.9:
            misses.append(f"body {body_f1(out.body, page.body):.2f}")
        _tp, fn, fp = _snippet_counts(out.body, page)
        if fn or fp:
            misses.append(f"snippets fn={fn} fp={fp}")
        if misses:
            print(f"[{source}] {page.id}: " + " | ".join(misses))


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_table(rows: list[dict]) -> None:
    """Print the rows as a fixed-width table."""
    print(
        f"{'source':22} {'system':12} {'n':>4} {'title':>6} {'fair':>6} {'date':>6} {'author':>6} "
        f"{'body':>6} {'pages/s':>8}  (field n: title/date/author; body scoring)\n"
        "title = strict match; fair = gold or gold without one site segment (module docstring)"
    )
    for r in rows:
        print(
            f"{r['source']:22} {r['system']:12} {r['n']:4d} {_fmt(r['title'])} "
            f"{_fmt(r['fair_title'])} {_fmt(r['date'])} {_fmt(r['author_f1'])} "
            f"{_fmt(r['body_f1'])} "
            f"{r['pages_per_s']:8.1f}  ({r['n_title']}/{r['n_date']}/{r['n_author']}; "
            f"{r['body_scoring']})"
        )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print_table(run(Path(args[0]) if args else DEFAULT_CORPUS, details="--details" in sys.argv))
