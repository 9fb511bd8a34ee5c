"""The code location loads, and its schedule and sensor request the right runs."""

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipelines.definitions import defs
from pipelines.resources import default_resources
from pipelines.sensors import new_files
from tests.support import REPO


def test_definitions_hold_the_expected_graph():
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {
        "raw/news_items",
        "raw/fetched_pages",
        "lake/stories",
        "lake/related_links",
        "lake/rejected_items",
        "lake/entity_mentions",
        "warehouse/stories",
        "warehouse/related_links",
        "warehouse/entities",
        "warehouse/entity_mentions",
        "warehouse/rejected_items",
    } <= keys
    assert defs.resolve_job_def("refresh") is not None
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "UTC"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert (
        defs.resolve_sensor_def("landing_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    )


def test_dagster_validates_the_workspace(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "NEWSDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "dagster"),
            "definitions",
            "validate",
            "-w",
            "workspace.yaml",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_nightly_refresh_requests_yesterday_and_pending_days(home):
    (home.landing / "late.txt").write_text("Title line\n\nSome body text.", encoding="utf-8")
    from newsdesk.landing import sweep_landing

    (item,) = sweep_landing(home).registered
    schedule = defs.resolve_schedule_def("nightly_refresh")
    tick = datetime(2030, 5, 2, 2, 0, tzinfo=UTC)
    with dg.build_schedule_context(
        scheduled_execution_time=tick,
        resources=default_resources(str(home.home)),
        repository_def=defs.get_repository_def(),
    ) as context:
        requests = schedule.evaluate_tick(context).run_requests
    processing = [r for r in requests if "newsdesk/fetch" not in r.tags]
    (fetch,) = [r for r in requests if "newsdesk/fetch" in r.tags]
    assert sorted(r.partition_key for r in processing) == sorted({"2030-05-01", item.capture_day})
    assert all(dg.AssetKey(["raw", "fetched_pages"]) not in r.asset_selection for r in processing)
    # Fetching lands today's items; it runs the whole graph for today's partition.
    assert fetch.partition_key == "2030-05-02" and fetch.asset_selection is None
    assert len({r.run_key for r in requests}) == len(requests)


def test_landing_sensor_takes_each_file_once(home):
    sensor = defs.resolve_sensor_def("landing_sensor")
    resources = default_resources(str(home.home))

    def tick(cursor):
        with dg.build_sensor_context(
            cursor=cursor, resources=resources, repository_def=defs.get_repository_def()
        ) as context:
            result = sensor.evaluate_tick(context)
            return result.run_requests, result.cursor

    requests, cursor = tick(None)
    assert requests == []
    (home.landing / "a.txt").write_text("a", encoding="utf-8")
    (home.landing / "b.html").write_text("<p>b</p>", encoding="utf-8")
    requests, cursor = tick(cursor)
    assert len(requests) == 1
    assert requests[0].tags["newsdesk/files"] == "2"
    today = datetime.now(UTC).date().isoformat()
    assert requests[0].partition_key == today
    for _ in range(3):
        again, cursor = tick(cursor)
        assert again == []
    time.sleep(0.01)
    (home.landing / "sub").mkdir()
    (home.landing / "sub" / "c.json").write_text("[]", encoding="utf-8")
    (home.landing / ".partial.txt").write_text("x", encoding="utf-8")
    requests, cursor = tick(cursor)
    assert len(requests) == 1 and requests[0].tags["newsdesk/files"] == "1"


def test_sensor_cursor_handles_files_sharing_a_timestamp(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    stamp = time.time_ns()
    os.utime(tmp_path / "a.txt", ns=(stamp, stamp))
    os.utime(tmp_path / "b.txt", ns=(stamp, stamp))
    found, cursor = new_files(tmp_path, None)
    assert sorted(found) == ["a.txt", "b.txt"]
    assert new_files(tmp_path, cursor)[0] == {}
