"""Run the asset graph in process for everything landed and not yet processed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg

from assets.lake import entity_mentions, story_records
from assets.raw import raw_news_items
from assets.warehouse import warehouse_tables
from newsdesk.process import pending_days
from newsdesk.settings import Paths
from newsdesk.warehouse import published_counts
from pipelines.resources import default_resources

#: Keep Dagster's per-step log lines out of the CLI's output; failures still surface.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


@dataclass
class BuildResult:
    """Outcome of `run_build`."""

    days: list[str] = field(default_factory=list)
    failed_days: list[str] = field(default_factory=list)
    published: bool = False
    counts: dict[str, int] | None = None
    errors: list[str] = field(default_factory=list)


def _instance() -> dg.DagsterInstance:
    # Runs show up in the UI when DAGSTER_HOME points at its instance; otherwise they are
    # recorded in a throwaway instance (state lives in the newsdesk home, not in Dagster).
    if os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def _failure(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.is_failure and event.step_failure_data:
            return event.step_failure_data.error.message.strip().splitlines()[-1]
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data.evaluation
            if not data.passed:
                return f"blocking check {data.check_name} failed"
    return "run failed"


def run_build(
    paths: Paths,
    *,
    instance: dg.DagsterInstance | None = None,
    on_day: Callable[[str], None] | None = None,
    reprocess_days: list[str] | None = None,
) -> BuildResult:
    """Register landing files, process every pending capture day, then publish.

    Args:
        paths: The newsdesk home.
        instance: Dagster instance (default: `$DAGSTER_HOME`'s, else an ephemeral one).
        on_day: Called before each day is processed (progress reporting).
        reprocess_days: Capture days to extract and recognise again from raw, whole, even
            when nothing new arrived for them (after an upgrade).

    Returns:
        Which days were processed, which failed, and the published row counts.
    """
    instance = instance or _instance()
    resources = default_resources(str(paths.home))
    result = BuildResult()
    raw = dg.materialize(
        [raw_news_items],
        resources=resources,
        instance=instance,
        run_config=QUIET,
        raise_on_error=False,
    )
    if not raw.success:
        result.errors.append(f"raw: {_failure(raw)}")
        return result
    redo = set(reprocess_days or [])
    for day in sorted(set(pending_days(paths)) | redo):
        if on_day:
            on_day(day)
        config = {"config": {"reprocess": day in redo}}
        run = dg.materialize(
            [story_records, entity_mentions],
            partition_key=day,
            resources=resources,
            instance=instance,
            run_config={
                **QUIET,
                "ops": {"story_records": config, "lake__entity_mentions": config},
            },
            raise_on_error=False,
        )
        result.days.append(day)
        if not run.success:
            result.failed_days.append(day)
            result.errors.append(f"{day}: {_failure(run)}")
    publish = dg.materialize(
        [warehouse_tables],
        resources=resources,
        instance=instance,
        run_config=QUIET,
        raise_on_error=False,
    )
    result.published = publish.success
    if not publish.success:
        result.errors.append(f"warehouse: {_failure(publish)}")
    result.counts = published_counts(paths)
    return result
