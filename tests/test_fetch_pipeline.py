"""Fetching end to end: a sources file on a loopback server becomes warehouse stories, a second
run fetches only what is new, and replaying raw without the network rebuilds the same warehouse."""

import shutil
from datetime import UTC, datetime

import dagster as dg
import duckdb
import pytest
import yaml
from fetch_server import FetchServer

from newsdesk.warehouse import TABLES
from pipelines.build import run_build
from pipelines.definitions import defs
from pipelines.resources import default_resources

pytestmark = pytest.mark.timeout(180)

PAGES = [
    "/2019/07/31/orbitbeyond_drops_nasa_moon_contract/",
    "/2019/07/30/french_arming_satellites/",
    "/tech/2019/08/apple-cash-alphabet/",
]


def _write_sources(home, server):
    doc = {
        "user_agent": "newsdesk-test/1.0",
        "contact": "mailto:ops@example.org",
        "sources": [
            {
                "name": "register",
                "homepage": server.url("/"),
                "feeds": [server.url("/feeds/register.atom"), server.url("/feeds/ars.rss")],
                "allow_private": True,
                "min_delay_s": 0.05,
            }
        ],
    }
    home.sources_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def _tables(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}
    finally:
        con.close()


def _fetch_run(home, today):
    result = defs.resolve_job_def("refresh").execute_in_process(
        partition_key=today,
        resources=default_resources(str(home.home)),
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    (event,) = [
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey(["raw", "fetched_pages"])
    ]
    return event.materialization.metadata


def test_sources_to_warehouse_then_incremental_then_offline_replay(home):
    today = datetime.now(UTC).date().isoformat()
    with FetchServer() as server:
        _write_sources(home, server)
        first = _fetch_run(home, today)
        assert first["pages_fetched"].value == 3 and first["errors"].value == 0
        published = _tables(home.warehouse)
        urls = {row[1] for row in published["stories"]}
        assert {server.url(p) for p in PAGES} <= urls
        second = _fetch_run(home, today)
        assert second["feeds_not_modified"].value == 2
        assert second["pages_fetched"].value == 0 and second["new_urls"].value == 0
        assert server.hits(PAGES[0]) == 1
        after_second = _tables(home.warehouse)
    # The server is gone: rebuild lake and warehouse from raw alone.
    shutil.rmtree(home.lake)
    home.warehouse.unlink()
    result = run_build(home)
    assert result.published and not result.errors
    assert _tables(home.warehouse) == after_second
