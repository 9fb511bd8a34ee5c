"""Schedules: the nightly refresh."""

from datetime import timedelta

import dagster as dg

from assets.resources import NewsdeskHome
from newsdesk.process import pending_days
from pipelines.jobs import PROCESS_KEYS, refresh_job

#: Days of backlog one nightly tick may request (older pending days wait for the next night).
MAX_DAYS_PER_TICK = 31


@dg.schedule(
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    job=refresh_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 UTC: fetch the sources into today's capture day, and process yesterday "
    "and any day with unprocessed items.",
)
def nightly_refresh(context: dg.ScheduleEvaluationContext, newsdesk: NewsdeskHome):
    """Fetches the sources into today's partition, and refreshes yesterday and pending days."""
    tick = context.scheduled_execution_time
    today = tick.date().isoformat()
    yesterday = (tick - timedelta(days=1)).date().isoformat()
    days = sorted({yesterday, *pending_days(newsdesk.paths())} - {today})[-MAX_DAYS_PER_TICK:]
    requests = [
        dg.RunRequest(
            run_key=f"nightly-{today}-{day}",
            partition_key=day,
            asset_selection=list(PROCESS_KEYS),
            tags={"newsdesk/trigger": "nightly"},
        )
        for day in days
    ]
    requests.append(
        dg.RunRequest(
            run_key=f"nightly-{today}-fetch",
            partition_key=today,
            tags={"newsdesk/trigger": "nightly", "newsdesk/fetch": "true"},
        )
    )
    return requests
