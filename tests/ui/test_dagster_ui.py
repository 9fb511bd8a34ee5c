"""Smoke test of the Dagster UI in headless Chromium: the asset graph loads and a
materialisation launched from the UI publishes the warehouse.

Needs Debian's `chromium` (`apt-get install -y chromium`) and the `playwright` package (the `ui`
extra); never `playwright install`. Run with `make test-ui`.

Steps: ingest `samples/` into a temporary home, start `dagster dev` on a free port with a
temporary DAGSTER_HOME, wait for the code location, let the landing sensor's own run finish,
open the global asset lineage, dismiss the "Join the Dagster community" dialog, click
"Materialize all…", choose the latest capture-day partition, launch it (one partition makes one
run), wait for the run to succeed by polling the GraphQL API, then check the Runs page and the
published warehouse.
Screenshots go to a temporary folder; the last one is copied to `docs/img/dagster-assets.png`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsdesk.landing import ingest_paths
from newsdesk.settings import Paths
from tests.support import REPO, SAMPLES, SEED_TITLE

pytestmark = [pytest.mark.ui, pytest.mark.timeout(900)]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DAGSTER = Path(sys.executable).parent / "dagster"
DOC_IMAGE = REPO / "docs" / "img" / "dagster-assets.png"
STARTUP_SECONDS = 240
RUN_SECONDS = 600
TERMINAL_RUN = {"SUCCESS", "FAILURE", "CANCELED"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Dagster:
    """A running `dagster dev`."""

    url: str
    process: subprocess.Popen
    log: Path
    paths: Paths

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = json.loads(response.read())
        if payload.get("errors"):
            raise AssertionError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def runs(self) -> list[dict[str, Any]]:
        data = self.graphql(
            "{ runsOrError(limit: 50) { ... on Runs { results { runId status "
            "tags { key value } } } } }"
        )
        return data["runsOrError"]["results"]


def _wait(what: str, check: Callable[[], Any], seconds: float, dagster: Dagster) -> Any:
    """Poll `check` until it returns something truthy; fail with the dagster log tail."""
    deadline = time.monotonic() + seconds
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if dagster.process.poll() is not None:
            pytest.fail(
                f"dagster dev exited ({dagster.process.returncode}) while waiting for "
                f"{what}; log {dagster.log}:\n{dagster.log_tail()}"
            )
        try:
            value = check()
            if value:
                return value
        except (OSError, urllib.error.URLError, AssertionError, KeyError) as exc:
            last_error = exc
        time.sleep(1.0)
    pytest.fail(
        f"timed out after {seconds:.0f} s waiting for {what} (last error: {last_error}); "
        f"log {dagster.log}:\n{dagster.log_tail()}"
    )


@pytest.fixture
def dagster_dev(tmp_path: Path) -> Iterator[Dagster]:
    """`dagster dev` on a free port with temporary DAGSTER_HOME and NEWSDESK_HOME."""
    paths = Paths.from_home(tmp_path / "home").ensure()
    ingest_paths(paths, [SAMPLES])
    dagster_home = tmp_path / "dagster"
    dagster_home.mkdir()
    shutil.copyfile(REPO / "dagster.yaml", dagster_home / "dagster.yaml")
    port = _free_port()
    log = tmp_path / "dagster-dev.log"
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home), "NEWSDESK_HOME": str(paths.home)}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(DAGSTER), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    dagster = Dagster(url=f"http://127.0.0.1:{port}", process=process, log=log, paths=paths)
    try:
        yield dagster
    finally:
        # SIGTERM to the whole process group (webserver, daemon, code server, run workers).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def _location_loaded(dagster: Dagster) -> bool:
    data = dagster.graphql(
        "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } }"
    )
    entries = data["workspaceOrError"]["locationEntries"]
    return bool(entries) and all(e["loadStatus"] == "LOADED" for e in entries)


def _idle(dagster: Dagster) -> bool:
    return all(run["status"] in TERMINAL_RUN for run in dagster.runs())


def test_materialize_all_from_the_asset_graph(dagster_dev: Dagster, tmp_path: Path):
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: uv pip install playwright==1.65.2 (the ui extra)")

    dagster = dagster_dev
    shots = tmp_path / "screenshots"
    shots.mkdir()
    _wait("the webserver", lambda: dagster.graphql("{ version }"), STARTUP_SECONDS, dagster)
    _wait("the code location to load", lambda: _location_loaded(dagster), STARTUP_SECONDS, dagster)
    # The landing sensor (default RUNNING) may launch its own run for the landed samples; let
    # it finish so the UI's run does not race it over the same capture day.
    _wait("the sensor's runs to finish", lambda: _idle(dagster), RUN_SECONDS, dagster)
    before = {run["runId"] for run in dagster.runs()}

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(60_000)
        step = {"n": 0}

        def shot(name: str) -> Path:
            step["n"] += 1
            path = shots / f"{step['n']:02d}-{name}.png"
            page.screenshot(path=str(path), full_page=False)
            return path

        # Dismiss the community dialog whenever it covers what we click.
        page.add_locator_handler(page.get_by_role("button", name="Skip"), lambda skip: skip.click())
        last = None
        try:
            page.goto(f"{dagster.url}/asset-groups")
            materialize = page.get_by_role("button", name="Materialize all…")
            expect(materialize).to_be_visible(timeout=120_000)
            for group in ("raw", "lake", "warehouse"):
                expect(page.get_by_text(group, exact=True).first).to_be_visible()
            last = shot("asset-graph")

            materialize.click()
            # The community dialog can pop up beside the launch dialog: pick the launch one.
            dialog = page.get_by_role("dialog").filter(has_text="Launch runs to materialize")
            expect(dialog).to_contain_text("Launch runs to materialize", timeout=60_000)
            dialog.get_by_role("button", name="Latest", exact=True).click()
            expect(dialog).to_contain_text("1 partition", timeout=30_000)
            last = shot("launch-dialog")
            # One partition launches one run ("Launch 1 run"); more would make a backfill.
            launch = dialog.get_by_role("button", name=re.compile(r"^Launch (\d+ runs?|backfill)$"))
            expect(launch).to_be_enabled()
            launch.click()
            expect(dialog).to_be_hidden(timeout=60_000)
            last = shot("launched")

            def launched() -> list[dict[str, Any]]:
                return [
                    r
                    for r in dagster.runs()
                    if r["runId"] not in before
                    and not any(t["key"] == "dagster/sensor_name" for t in r["tags"])
                ]

            _wait("the run launched from the UI to appear", launched, 120, dagster)
            _wait("the UI's runs to finish", lambda: _idle(dagster), RUN_SECONDS, dagster)
            statuses = {r["runId"]: r["status"] for r in launched()}
            page.goto(f"{dagster.url}/runs")
            expect(page.get_by_text("Success").first).to_be_visible(timeout=60_000)
            last = shot("runs")
            page.goto(f"{dagster.url}/asset-groups")
            expect(page.get_by_role("button", name="Materialize all…")).to_be_visible()
            page.wait_for_timeout(3000)
            last = shot("asset-graph-materialized")
        except Exception as exc:
            with contextlib.suppress(Exception):
                last = shot("failure")
            pytest.fail(
                f"UI step failed: {exc}\nscreenshots: {shots} (last: {last})\n"
                f"dagster log {dagster.log}:\n{dagster.log_tail(2000)}"
            )
        finally:
            browser.close()

    assert statuses and set(statuses.values()) == {"SUCCESS"}, (
        f"runs launched from the UI: {statuses}; screenshots {shots}\n{dagster.log_tail()}"
    )
    DOC_IMAGE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(last, DOC_IMAGE)
    con = duckdb.connect(str(dagster.paths.warehouse), read_only=True)
    try:
        titles = [r[0] for r in con.execute("select title from stories").fetchall()]
    finally:
        con.close()
    assert SEED_TITLE in titles
