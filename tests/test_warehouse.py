"""Lake processing and warehouse publishing on a real temporary home (no Dagster)."""

import shutil

import duckdb
import pytest

from newsdesk import lake, process, warehouse
from newsdesk.landing import ingest_paths, sweep_landing
from newsdesk.process import build_story_partition, pending_days
from newsdesk.raw import RawStore
from newsdesk.warehouse import (
    TABLES,
    WarehouseError,
    connect_read_only,
    publish,
)
from tests.support import SAMPLES, SEED_TITLE


def _stories_only_build(home):
    ingest_paths(home, [SAMPLES])
    sweep_landing(home)
    (day,) = pending_days(home, "stories")
    return day, build_story_partition(home, day)


def _dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}
    finally:
        con.close()


def test_day_partition_is_rebuilt_identically(home):
    day, first = _stories_only_build(home)
    assert first.items == 6 and first.stories >= 7 and first.rejected >= 1
    stories_file = lake.partition_file(home.lake, "stories", day)
    before = stories_file.read_bytes()
    again = build_story_partition(home, day, reprocess=True)
    assert again.extracted == 6
    assert (again.stories, again.links, again.rejected) == (
        first.stories,
        first.links,
        first.rejected,
    )
    import pyarrow.parquet as pq

    assert pq.read_table(stories_file).equals(pq.read_table(__import__("io").BytesIO(before)))
    assert not list(stories_file.parent.glob(".tmp-*"))


def test_publish_builds_bi_friendly_tables(home):
    _stories_only_build(home)
    report = publish(home)
    assert report.row_counts["stories"] >= 7
    con = connect_read_only(home.warehouse)
    try:
        (title,) = con.execute(
            "select title from stories where title = $t", {"t": SEED_TITLE}
        ).fetchone()
        assert title == SEED_TITLE
        # BI drivers bundle DuckDB 1.x: the file must use the v1 storage format.
        (tags,) = con.execute(
            "select tags from duckdb_databases() where database_name = 'newsdesk'"
        ).fetchone()
        assert tags["storage_version"].startswith("v1.0.0")
        types = con.execute(
            "select table_name, column_name, data_type from duckdb_columns() "
            "where database_name = 'newsdesk' and schema_name = 'main'"
        ).fetchall()
        assert not [
            t for t in types if t[2].endswith("[]") or t[2].startswith(("STRUCT", "HUGEINT"))
        ]
        undocumented = con.execute(
            "select table_name, column_name from duckdb_columns() "
            "where database_name = 'newsdesk' and schema_name = 'main' and comment is null "
            "and table_name in (select table_name from duckdb_tables())"
        ).fetchall()
        assert undocumented == []
        seed_links = con.execute(
            "select l.kind, l.title from related_links l join stories s using (story_id) "
            "where s.title = $t order by l.position",
            {"t": SEED_TITLE},
        ).fetchall()
        assert (
            "also_read",
            "Russia preparing society for possible use of nukes: Zelensky",
        ) in seed_links
    finally:
        con.close()
    assert not list(home.warehouse_dir.glob(".staging-*"))


def test_publishing_twice_gives_identical_tables(home):
    _stories_only_build(home)
    publish(home)
    first = _dump(home.warehouse)
    publish(home)
    assert _dump(home.warehouse) == first


def test_failed_validation_keeps_the_published_warehouse(home, monkeypatch):
    _stories_only_build(home)
    publish(home)
    published = home.warehouse.read_bytes()

    real_derive = warehouse.derive_tables

    def broken(con):
        real_derive(con)
        con.execute(
            "insert into stories (story_id, title, capture_day, word_count, source_kind, "
            "raw_sha256, record_id, records) "
            "values ('x', ' ', current_date, 0, 'html', 'r', 'r', 1)"
        )

    monkeypatch.setattr(warehouse, "derive_tables", broken)
    with pytest.raises(WarehouseError, match="empty title"):
        publish(home)
    assert home.warehouse.read_bytes() == published
    assert not list(home.warehouse_dir.glob(".staging-*"))


def test_empty_lake_publishes_empty_tables(home):
    report = publish(home)
    assert set(report.row_counts.values()) == {0}


def test_feed_item_merges_into_its_page(home, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour reopens</title>"
        '<link rel="canonical" href="https://news.example.org/harbour-reopens">'
        '<meta property="og:site_name" content="Example News"></head><body><article>'
        + "".join(
            f"<p>Paragraph {i} about the harbour reopening after a long winter of repairs.</p>"
            for i in range(8)
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
        "<item><title>Harbour reopens</title>"
        "<link>http://www.news.example.org/harbour-reopens/?utm_source=rss</link>"
        "<author>ed@example.org (Jane Reporter)</author>"
        "<pubDate>Mon, 06 Oct 2025 08:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    shutil.copy(page, home.landing / page.name)
    shutil.copy(feed, home.landing / feed.name)
    sweep_landing(home)
    for day in pending_days(home, "stories"):
        build_story_partition(home, day)
    publish(home)
    con = connect_read_only(home.warehouse)
    try:
        rows = con.execute(
            "select records, source_kind, published_day, word_count from stories"
        ).fetchall()
    finally:
        con.close()
    assert len(rows) == 1
    records, kind, published_day, words = rows[0]
    assert records == 2 and kind == "html" and words > 50
    # The page has no date; the feed's is kept.
    assert str(published_day) == "2025-10-06"


def test_refresh_reloads_only_changed_days_and_matches_a_full_rebuild(home, tmp_path):
    _stories_only_build(home)
    first = publish(home)
    assert not first.incremental
    unchanged = publish(home)
    assert unchanged.incremental and unchanged.reloaded == []
    # A second capture day arrives.
    later = home.landing / "later.jsonl"
    later.write_text(
        '{"url": "https://example.org/later", "title": "A later story", '
        '"text": "Body of the later story, long enough to count as text."}\n',
        encoding="utf-8",
    )
    item = RawStore(home.raw).register_file(later, origin="ingest", capture_day="2025-06-01")
    build_story_partition(home, item.capture_day)
    refreshed = publish(home)
    assert refreshed.incremental
    assert sorted(refreshed.reloaded) == [
        ("rejected_items", "2025-06-01"),
        ("related_links", "2025-06-01"),
        ("stories", "2025-06-01"),
    ]
    assert refreshed.row_counts["stories"] == first.row_counts["stories"] + 1
    incremental_tables = _dump(home.warehouse)
    full = publish(home, full=True)
    assert not full.incremental
    assert _dump(home.warehouse) == incremental_tables


KILL_DURING_PUBLISH = """
import os, signal, sys
from newsdesk import warehouse
from newsdesk.settings import Paths

real = warehouse.derive_tables

def derive_then_die(con):
    real(con)
    os.kill(os.getpid(), signal.SIGKILL)  # killed half-way: staging built, not yet renamed

warehouse.derive_tables = derive_then_die
warehouse.publish(Paths.from_home(sys.argv[1]), full=True)
"""


def test_a_publish_killed_half_way_leaves_the_warehouse_as_it_was(home):
    import subprocess
    import sys

    _stories_only_build(home)
    publish(home)
    before = _dump(home.warehouse)
    done = subprocess.run(
        [sys.executable, "-c", KILL_DURING_PUBLISH, str(home.home)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -9, done.stderr[-2000:]
    assert list(home.warehouse_dir.glob(".staging-*"))  # the killed run's leftovers
    assert _dump(home.warehouse) == before
    publish(home)
    assert _dump(home.warehouse) == before
    assert not list(home.warehouse_dir.glob(".staging-*"))


def test_a_day_receiving_more_files_extracts_only_the_new_ones(home, tmp_path, monkeypatch):
    day, first = _stories_only_build(home)
    assert first.extracted == 6
    extra = home.landing / "late.jsonl"
    extra.write_text(
        '{"url": "https://example.org/late", "title": "A late story", '
        '"text": "Body of a story that arrived later the same day."}\n',
        encoding="utf-8",
    )
    RawStore(home.raw).register_file(extra, origin="landing", capture_day=day)
    calls = []
    real = process.extract_path

    def counting(path, **kwargs):
        calls.append(kwargs["name"])
        return real(path, **kwargs)

    monkeypatch.setattr(process, "extract_path", counting)
    second = build_story_partition(home, day)
    assert calls == ["late.jsonl"] and second.extracted == 1
    assert second.stories == first.stories + 1
    assert (second.links, second.rejected) == (first.links, first.rejected)
    # The carried-over day equals a day extracted from scratch.
    publish(home)
    carried = _dump(home.warehouse)
    build_story_partition(home, day, reprocess=True)
    publish(home)
    assert _dump(home.warehouse) == carried
