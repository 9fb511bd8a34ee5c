"""Readers and publishes at the same time: a BI reader never breaks, a publish never waits.

`publish(paths)` builds a staging file and renames it over the published warehouse. These tests
hold the published file open read-only from a second, real process (as a BI tool does) and from
a second thread, while the test process publishes again and again with a new story each time.
No wall-clock assertions: ordering comes from a handshake (ready / stop files).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from newsdesk import warehouse
from newsdesk.landing import ingest_paths, sweep_landing
from newsdesk.process import build_story_partition, pending_days
from newsdesk.settings import Paths
from newsdesk.warehouse import publish
from tests.support import SAMPLES

PUBLISHES = 4

#: The reader process: holds one read-only connection, counts stories on it in a loop and
#: reports every result or error as a JSON line, until the stop file appears. Then it shows
#: what a reconnect sees: a second connection while the first is open (same process: DuckDB
#: reuses the open database instance), and a connection after closing both.
READER = r"""
import json, os, sys, time
import duckdb

path, ready, stop, max_loops = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def report(**row):
    sys.stdout.write(json.dumps(row) + "\n")
    sys.stdout.flush()

def count(con):
    return con.execute("select count(*) from stories").fetchone()[0]

try:
    held = duckdb.connect(path, read_only=True)
    report(kind="held", count=count(held))
except Exception as exc:
    report(kind="open", error=f"{type(exc).__name__}: {exc}")
    sys.exit(1)
open(ready, "w").close()
loops = 0
while not os.path.exists(stop) and loops < max_loops:
    loops += 1
    try:
        report(kind="held", count=count(held))
    except Exception as exc:
        report(kind="held", error=f"{type(exc).__name__}: {exc}")
    time.sleep(0.02)
report(kind="stopped", loops=loops, saw_stop=os.path.exists(stop))
try:
    report(kind="held", count=count(held))
    second = duckdb.connect(path, read_only=True)
    report(kind="second_while_held", count=count(second))
    second.close()
    held.close()
    fresh = duckdb.connect(path, read_only=True)
    report(kind="fresh", count=count(fresh))
    fresh.close()
except Exception as exc:
    report(kind="reconnect", error=f"{type(exc).__name__}: {exc}")
"""


def _new_story(n: int) -> str:
    return json.dumps(
        {
            "url": f"https://news.example.org/2025/11/0{n % 9 + 1}/concurrency-{n}",
            "headline": f"Council publishes update number {n} on the harbour works",
            "source": "Example City News",
            "published": "2025-11-01T08:00:00Z",
            "text": f"Update {n}: the harbour works continue on schedule, the council said.",
        }
    )


def _add_story_and_rebuild_lake(paths: Paths, tmp: Path, n: int) -> None:
    """Land one new export file and rebuild the lake's stories for its capture day."""
    source = tmp / f"extra-{n}.jsonl"
    source.write_text(_new_story(n) + "\n", encoding="utf-8")
    ingest_paths(paths, [source])
    sweep_landing(paths)
    for day in pending_days(paths, "stories"):
        build_story_partition(paths, day)


def _count(paths: Paths) -> int:
    con = duckdb.connect(str(paths.warehouse), read_only=True)
    try:
        return con.execute("select count(*) from stories").fetchone()[0]
    finally:
        con.close()


def _leftovers(paths: Paths) -> list[str]:
    return sorted(
        p.name
        for p in paths.warehouse_dir.iterdir()
        if p.name.startswith(".staging-") or p.name.endswith(".wal")
    )


@pytest.fixture
def published(home: Paths, tmp_path: Path) -> Paths:
    """A home with the samples in the lake (stories only, no entity model) and published."""
    ingest_paths(home, [SAMPLES])
    sweep_landing(home)
    for day in pending_days(home, "stories"):
        build_story_partition(home, day)
    publish(home)
    return home


@pytest.mark.timeout(240)
def test_reader_process_keeps_its_snapshot_while_publishes_swap_the_file(
    published: Paths, tmp_path: Path
):
    ready, stop = tmp_path / "reader.ready", tmp_path / "reader.stop"
    script = tmp_path / "reader.py"
    script.write_text(READER, encoding="utf-8")
    initial = _count(published)
    reader = subprocess.Popen(
        [sys.executable, str(script), str(published.warehouse), str(ready), str(stop), "6000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if ready.exists() or reader.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), f"reader did not start: {reader.stderr.read()[-2000:]}"
        counts = [initial]
        for n in range(PUBLISHES):
            _add_story_and_rebuild_lake(published, tmp_path, n)
            report = publish(published)  # a lock error here would fail the test
            assert report.incremental
            counts.append(_count(published))  # a new connection sees the new data
            assert counts[-1] == counts[-2] + 1 == report.row_counts["stories"]
            assert _leftovers(published) == []
        stop.touch()
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.communicate()
    assert reader.returncode == 0, err[-3000:]
    rows = [json.loads(line) for line in out.splitlines()]
    errors = [r for r in rows if "error" in r]
    assert errors == [], errors
    (stopped,) = [r for r in rows if r["kind"] == "stopped"]
    assert stopped["saw_stop"], "the reader hit its loop limit before the publishes ended"
    held = [r["count"] for r in rows if r["kind"] == "held"]
    assert len(held) >= 3 and set(held) == {initial}, "the open connection's snapshot changed"
    # A second connection in the same process shares the open database instance (old
    # snapshot); once every connection is closed, a new one sees the last publish.
    (second,) = [r["count"] for r in rows if r["kind"] == "second_while_held"]
    (fresh,) = [r["count"] for r in rows if r["kind"] == "fresh"]
    assert second == initial
    assert fresh == counts[-1] == initial + PUBLISHES
    assert _leftovers(published) == []


@pytest.mark.timeout(240)
def test_published_file_is_readable_while_a_publish_runs(
    published: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _add_story_and_rebuild_lake(published, tmp_path, 99)
    before = _count(published)
    # Pause each publish after its staging file is built and before the rename, so the main
    # thread reads the published file while a publish is certainly in progress.
    in_progress, resume = threading.Event(), threading.Event()
    real_validate = warehouse.validate

    def pausing_validate(con: duckdb.DuckDBPyConnection) -> list[str]:
        problems = real_validate(con)
        in_progress.set()
        resume.wait(timeout=60)
        resume.clear()
        return problems

    monkeypatch.setattr(warehouse, "validate", pausing_validate)
    failures: list[BaseException] = []
    reports: list[warehouse.PublishReport] = []

    def publisher() -> None:
        try:
            reports.extend(publish(published) for _ in range(3))
        except BaseException as exc:  # reported to the main thread
            failures.append(exc)

    thread = threading.Thread(target=publisher, name="publisher")
    thread.start()
    during: list[int] = []
    seen: list[int] = []
    errors: list[str] = []
    try:
        for _ in range(3):
            assert in_progress.wait(timeout=120), "publish did not reach validation"
            in_progress.clear()
            during.append(_count(published))
            staging = [p.name for p in published.warehouse_dir.glob(".staging-*")]
            assert staging, "no staging file while the publish is paused"
            resume.set()
            # Keep connecting while the publish finishes and renames.
            while resume.is_set() and thread.is_alive():
                try:
                    seen.append(_count(published))
                except duckdb.Error as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        resume.set()
        thread.join(timeout=120)
    assert not thread.is_alive()
    assert failures == [] and len(reports) == 3
    assert errors == []
    # The first paused publish still shows the old data; every connection saw a complete
    # warehouse, the old one or the new one.
    assert during[0] == before and set(during) <= {before, before + 1}
    assert set(seen) <= {before, before + 1}
    assert _count(published) == before + 1
    assert _leftovers(published) == []


@pytest.mark.timeout(240)
def test_a_full_rebuild_publish_also_leaves_the_reader_alone(published: Paths, tmp_path: Path):
    """The non-incremental path (`full=True`) swaps the file the same way."""
    held = duckdb.connect(str(published.warehouse), read_only=True)
    try:
        (initial,) = held.execute("select count(*) from stories").fetchone()
        _add_story_and_rebuild_lake(published, tmp_path, 7)
        report = publish(published, full=True)
        assert not report.incremental
        assert held.execute("select count(*) from stories").fetchone()[0] == initial
    finally:
        held.close()
    assert _count(published) == initial + 1
    assert _leftovers(published) == []
