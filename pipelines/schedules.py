"""Schedules: the nightly refresh."""

from datetime import timedelta

import dagster as dg

from assets.resources import NewsdeskHome
from newsdesk.process import pending_days
from pipelines.jobs import refresh_job

#: Days of backlog one nightly tick may request (older pending days wait for the next night).
MAX_DAYS_PER_TICK = 31


@dg.schedule(
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    job=refresh_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 UTC: process yesterday's capture day and any day with unprocessed items.",
)
def nightly_refresh(context: dg.ScheduleEvaluationContext, newsdesk: NewsdeskHome):
    """Requests a refresh of yesterday's partition plus every pending capture day."""
    tick = context.scheduled_execution_time
    yesterday = (tick - timedelta(days=1)).date().isoformat()
    days = sorted({yesterday, *pending_days(newsdesk.paths())})[-MAX_DAYS_PER_TICK:]
    return [
        dg.RunRequest(
            run_key=f"nightly-{tick.date().isoformat()}-{day}",
            partition_key=day,
            tags={"newsdesk/trigger": "nightly"},
        )
        for day in days
    ]
