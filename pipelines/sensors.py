"""Sensors: react to files arriving in the landing folder."""

import hashlib
import json

import dagster as dg

from assets.resources import NewsdeskHome
from newsdesk.landing import landing_files
from newsdesk.raw import arrival_time, day_of
from pipelines.jobs import PROCESS_KEYS, refresh_job


def new_files(landing, cursor: str | None) -> tuple[dict[str, int], str]:
    """Files that arrived after the cursor, and the cursor that covers them.

    The cursor keeps the newest arrival time seen and the files seen at exactly that time, so
    a file is taken once however many ticks pass, even when several share a timestamp.
    """
    state = json.loads(cursor) if cursor else {"t": 0, "at_t": []}
    last, at_last = state["t"], set(state["at_t"])
    found: dict[str, int] = {}
    for path in landing_files(landing):
        arrived = int(arrival_time(path.stat()) * 1e9)
        rel = str(path.relative_to(landing))
        if arrived > last or (arrived == last and rel not in at_last):
            found[rel] = arrived
    if not found:
        return {}, json.dumps(state)
    newest = max(found.values())
    at_newest = [rel for rel, t in found.items() if t == newest]
    if newest == last:
        at_newest = sorted(at_last | set(at_newest))
    return found, json.dumps({"t": newest, "at_t": sorted(at_newest)})


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts a refresh for each capture day that new landing files belong to.",
)
def landing_sensor(context: dg.SensorEvaluationContext, newsdesk: NewsdeskHome):
    """Requests one refresh run per arrival day of files new since the cursor."""
    found, cursor = new_files(newsdesk.paths().landing, context.cursor)
    by_day: dict[str, list[str]] = {}
    for rel, arrived in sorted(found.items()):
        by_day.setdefault(day_of(arrived / 1e9), []).append(f"{rel}@{arrived}")
    requests = [
        dg.RunRequest(
            run_key="landing-" + hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:16],
            partition_key=day,
            asset_selection=list(PROCESS_KEYS),
            tags={"newsdesk/trigger": "landing", "newsdesk/files": str(len(names))},
        )
        for day, names in sorted(by_day.items())
    ]
    if not requests:
        return dg.SkipReason("no new files in landing/")
    return dg.SensorResult(run_requests=requests, cursor=cursor)
