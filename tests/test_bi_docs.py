"""docs/bi.md is executable: every SQL block, Python block and runnable shell line works.

A warehouse is built from `samples/` in a temporary home through the real pipeline
(`ingest_paths` + `run_build`), and every ```sql block of the doc is run on a read-only
connection to the published file. A block preceded by `<!-- bi-test: rows -->` must return
rows on the samples; `<!-- bi-test: extras -->` must return rows once a refresh adds a story
the seed dump links to ("also read") and a syndicated copy of a story (the samples hold
neither); `<!-- bi-test: any -->` only has to succeed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml

from newsdesk.landing import ingest_paths
from newsdesk.settings import Paths
from pipelines.build import run_build
from tests.support import REPO, SAMPLES

DOC = REPO / "docs" / "bi.md"
NEWSDESK = Path(sys.executable).parent / "newsdesk"
EXPECTATIONS = {"rows", "extras", "any"}
#: Shell lines the doc shows for tools this machine does not have (the duckdb CLI).
ILLUSTRATIVE_PREFIXES = ("duckdb ",)

_FENCE = re.compile(
    r"(?:<!--\s*bi-test:\s*(?P<expect>[\w-]+)\s*-->\s*\n)?```(?P<lang>[\w-]*)\n(?P<body>.*?)```",
    re.DOTALL,
)

#: A story the seed dump links to as "also read" (resolved by title), and two copies of one
#: wire story (long enough for a body fingerprint) from different outlets.
_WIRE_BODY = " ".join(
    [
        "The regional transport authority said on Tuesday that the harbour ferry would return",
        "to its full weekday timetable from Monday, after engineers finished repairs to the east",
        "pier two weeks ahead of schedule. Commuters had relied on replacement buses since the",
        "pier was closed in August, adding up to forty minutes to journeys into the city centre.",
        "The authority said fares would not change and that weekend sailings would follow later.",
    ]
)
EXTRAS = [
    {
        "url": "https://asianlite.example/russia-preparing-society-nukes-zelensky",
        "headline": "Russia preparing society for possible use of nukes: Zelensky",
        "source": "Asian Lite News",
        "published": "2022-10-08T10:00:00Z",
        "text": "Ukrainian President Volodymyr Zelensky said Russia was preparing its society "
        "for the possible use of nuclear weapons.",
    },
    {
        "url": "https://wire.example.com/2025/10/08/harbour-ferry-returns",
        "headline": "Harbour ferry returns to full timetable",
        "source": "Example Wire",
        "published": "2025-10-08T06:00:00Z",
        "text": _WIRE_BODY,
    },
    {
        "url": "https://news.example.org/2025/10/08/ferry-back-monday",
        "headline": "Ferry back on Monday after pier repairs",
        "source": "Example City News",
        "published": "2025-10-08T09:30:00Z",
        "text": _WIRE_BODY,
    },
]


@dataclass(frozen=True)
class Block:
    """One fenced block of the doc."""

    lang: str
    body: str
    expect: str | None
    line: int

    @property
    def label(self) -> str:
        first = next((ln.strip() for ln in self.body.splitlines() if ln.strip()), "")
        return f"line{self.line}:{first[:40]}"


def doc_blocks(lang: str) -> list[Block]:
    """Fenced blocks of docs/bi.md in the given language, with their expectation marker."""
    text = DOC.read_text(encoding="utf-8")
    return [
        Block(
            lang=m["lang"],
            body=m["body"],
            expect=m["expect"],
            line=text.count("\n", 0, m.start("body")) + 1,
        )
        for m in _FENCE.finditer(text)
        if m["lang"] == lang
    ]


SQL_BLOCKS = doc_blocks("sql")


def _build(home: Path, inputs: list[Path]) -> Paths:
    paths = Paths.from_home(home).ensure()
    ingest_paths(paths, inputs)
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("DAGSTER_HOME", raising=False)
        result = run_build(paths)
    assert result.published and not result.failed_days, result.errors
    return paths


@pytest.fixture(scope="module")
def samples_home(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """A home with `samples/` ingested and the warehouse published."""
    return _build(tmp_path_factory.mktemp("bi") / "home", [SAMPLES])


@pytest.fixture(scope="module")
def refreshed_home(samples_home: Paths, tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """A copy of the samples home refreshed with the extra stories (a second build)."""
    base = tmp_path_factory.mktemp("bi-extras")
    home = base / "home"
    shutil.copytree(samples_home.home, home)
    extras = base / "bi-extras.jsonl"
    extras.write_text("".join(json.dumps(row) + "\n" for row in EXTRAS), encoding="utf-8")
    return _build(home, [extras])


@contextlib.contextmanager
def read_only(paths: Paths) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(paths.warehouse), read_only=True)
    try:
        yield con
    finally:
        con.close()


def test_doc_has_sql_blocks_with_known_expectations():
    assert len(SQL_BLOCKS) >= 15
    unmarked = [b.label for b in SQL_BLOCKS if b.expect not in EXPECTATIONS]
    assert unmarked == [], f"every ```sql block needs <!-- bi-test: rows|extras|any -->: {unmarked}"


@pytest.mark.timeout(600)
@pytest.mark.parametrize("block", SQL_BLOCKS, ids=lambda b: b.label)
def test_sql_block_runs_read_only_on_the_samples(block: Block, samples_home: Paths):
    with read_only(samples_home) as con:
        try:
            rows = con.execute(block.body).fetchall()
        except duckdb.Error as exc:
            pytest.fail(f"docs/bi.md {block.label} failed: {exc}\n{block.body}")
    if block.expect == "rows":
        assert rows, f"docs/bi.md {block.label} returned no rows on the samples"


@pytest.mark.timeout(600)
def test_extras_blocks_return_rows_after_a_refresh(refreshed_home: Paths):
    extras = [b for b in SQL_BLOCKS if b.expect == "extras"]
    assert extras
    with read_only(refreshed_home) as con:
        for block in SQL_BLOCKS:
            rows = con.execute(block.body).fetchall()
            if block.expect in ("rows", "extras"):
                assert rows, f"docs/bi.md {block.label} returned no rows after the refresh"
        (also_read,) = con.execute(
            "select count(*) from story_link_graph where kind = 'also_read'"
        ).fetchone()
        (copies,) = con.execute(
            "select count(*) from stories where duplicate_of is not null"
        ).fetchone()
    assert also_read >= 1 and copies == 1
    assert not list(refreshed_home.warehouse_dir.glob("*.wal"))


def test_every_table_and_view_is_described(samples_home: Paths):
    text = DOC.read_text(encoding="utf-8")
    with read_only(samples_home) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main' "
                "union all select view_name from duckdb_views() "
                "where schema_name = 'main' and not internal"
            ).fetchall()
        ]
    assert len(names) >= 14
    missing = [n for n in names if f"| `{n}` |" not in text]
    assert missing == [], f"tables/views without a row in docs/bi.md: {missing}"


def test_python_blocks_run(samples_home: Paths, monkeypatch: pytest.MonkeyPatch):
    blocks = doc_blocks("python")
    assert blocks
    monkeypatch.setenv("NEWSDESK_HOME", str(samples_home.home))
    with read_only(samples_home) as con:
        (stories,) = con.execute("select count(*) from stories").fetchone()
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block.body, f"docs/bi.md:{block.line}", "exec"), {})
        assert out.getvalue().strip() == str(stories)


def test_shell_lines_run_or_are_illustrative(samples_home: Paths):
    lines = [
        line.strip()
        for block in doc_blocks("sh")
        for line in block.body.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    runnable = [ln for ln in lines if ln.startswith(".venv/bin/newsdesk ")]
    others = [ln for ln in lines if ln not in runnable]
    assert runnable, "the doc should show at least one newsdesk command"
    assert all(ln.startswith(ILLUSTRATIVE_PREFIXES) for ln in others), others
    env = {**os.environ, "NEWSDESK_HOME": str(samples_home.home)}
    env.pop("DAGSTER_HOME", None)
    for line in runnable:
        argv = [str(NEWSDESK), *shlex.split(line)[1:]]
        done = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, f"{line}: {done.stderr[-2000:]}"
        assert str(samples_home.warehouse) in done.stdout, line


def test_yaml_blocks_parse():
    for block in doc_blocks("yaml"):
        assert isinstance(yaml.safe_load(block.body), dict), block.label
