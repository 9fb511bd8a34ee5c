"""Per-capture-day processing: raw items -> stories, related links, rejections, mentions.

Each function rebuilds exactly one capture day of its lake tables from the raw store, so
re-running a day (a backfill) replaces that day and gives the same rows. A state file per day
records which raw items each stage has processed; `pending_days` compares it with the raw
manifest to find days with new work.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk import lake
from newsdesk.extract.dispatch import extract_path
from newsdesk.model import Rejection, Story
from newsdesk.normalise import finalise_story
from newsdesk.raw import RawItem, RawStore
from newsdesk.settings import Paths


@dataclass
class DayReport:
    """What processing one capture day produced."""

    day: str
    items: int = 0
    stories: int = 0
    links: int = 0
    rejected: int = 0
    extracted: int = 0
    kinds: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    preview: list[dict[str, Any]] = field(default_factory=list)


def manifest_digest(items: list[RawItem]) -> str:
    """Digest of the raw items of a day (order-independent)."""
    joined = "\n".join(sorted(item.sha256 for item in items))
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


def _state_file(paths: Paths, stage: str, day: str) -> Path:
    return paths.lake / "_state" / stage / f"{day}.json"


def read_state(paths: Paths, stage: str, day: str) -> dict[str, Any] | None:
    """The state a stage recorded for a day, or None."""
    path = _state_file(paths, stage, day)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def write_state(paths: Paths, stage: str, day: str, state: dict[str, Any]) -> None:
    """Record a stage's state for a day (atomically)."""
    path = _state_file(paths, stage, day)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle, sort_keys=True)
    os.replace(temp, path)


def pending_days(paths: Paths, stage: str = "entities") -> list[str]:
    """Capture days whose raw items changed since `stage` last processed them, oldest first."""
    by_day: dict[str, list[RawItem]] = {}
    for item in RawStore(paths.raw).items():
        by_day.setdefault(item.capture_day, []).append(item)
    pending = []
    for day, items in sorted(by_day.items()):
        state = read_state(paths, stage, day)
        if state is None or state.get("digest") != manifest_digest(items):
            pending.append(day)
    return pending


def _captured_fallback(item: RawItem) -> datetime:
    return datetime.fromisoformat(item.registered_at).astimezone(UTC)


def build_story_partition(paths: Paths, day: str, *, reprocess: bool = False) -> DayReport:
    """Extract every raw item of a capture day into the lake's stories, links and rejections.

    Items this day's partition already holds are carried over, not extracted again, so a day
    that receives files all day long (one sensor run per arrival) costs one extraction per
    item; `reprocess=True` extracts every item again (after an extractor upgrade).

    Args:
        paths: The newsdesk home.
        day: Capture day (`YYYY-MM-DD`).
        reprocess: Extract items the partition already holds again.

    Returns:
        Counts and a small preview for asset metadata.
    """
    store = RawStore(paths.raw)
    items = store.items(day)
    report = DayReport(day=day, items=len(items))
    state = read_state(paths, "stories", day) or {}
    done = set() if reprocess else set(state.get("items", [])) & {i.sha256 for i in items}
    seen_records: set[str] = set()
    with (
        lake.PartitionWriter(paths.lake, "stories", day) as stories,
        lake.PartitionWriter(paths.lake, "related_links", day) as links,
        lake.PartitionWriter(paths.lake, "rejected_items", day) as rejected,
    ):
        if done:
            _carry_over(paths, day, done, (stories, links, rejected), seen_records, report)
        for item in items:
            if item.sha256 in done:
                continue
            index = 0
            arrived = _captured_fallback(item)
            for extracted in extract_path(
                store.path_of(item),
                name=item.name,
                source_path=item.source,
                url=item.url,
                captured_at=arrived,
            ):
                result = extracted
                if isinstance(extracted, Story):
                    result = finalise_story(
                        extracted,
                        raw_sha256=item.sha256,
                        index=index,
                        source_path=item.source,
                        captured_at=arrived,
                    )
                    index += 1
                if isinstance(result, Rejection):
                    result.raw_sha256 = result.raw_sha256 or item.sha256
                    rejected.write(lake.rejection_row(result, arrived))
                    report.rejected += 1
                    report.reasons[result.reason.split(":")[0]] += 1
                    continue
                if result.record_id in seen_records:
                    continue
                seen_records.add(result.record_id)
                stories.write(lake.story_row(result))
                links.write_many(lake.link_rows(result))
                report.stories += 1
                report.links += len(result.links)
                report.kinds[result.source_kind] += 1
                if len(report.preview) < 5:
                    report.preview.append(
                        {"title": result.title, "outlet": result.outlet, "kind": result.source_kind}
                    )
            report.extracted += 1
        stories.commit()
        links.commit()
        rejected.commit()
    write_state(
        paths,
        "stories",
        day,
        {
            "digest": manifest_digest(items),
            "stories": report.stories,
            "items": sorted(i.sha256 for i in items),
        },
    )
    return report


def _carry_over(
    paths: Paths,
    day: str,
    done: set[str],
    writers: tuple[lake.PartitionWriter, lake.PartitionWriter, lake.PartitionWriter],
    seen_records: set[str],
    report: DayReport,
) -> None:
    """Copy the rows of already extracted items from the day's current partition files."""
    stories, links, rejected = writers
    for row in lake.iter_partition(paths.lake, "stories", day):
        if row["raw_sha256"] in done and row["record_id"] not in seen_records:
            seen_records.add(row["record_id"])
            stories.write(row)
            report.stories += 1
            report.kinds[row["source_kind"]] += 1
    for row in lake.iter_partition(paths.lake, "related_links", day):
        if row["record_id"] in seen_records:
            links.write(row)
            report.links += 1
    for row in lake.iter_partition(paths.lake, "rejected_items", day):
        if row["raw_sha256"] in done:
            rejected.write(row)
            report.rejected += 1
            report.reasons[row["reason"].split(":")[0]] += 1
