"""Per-capture-day entity stage: lake stories -> lake entity mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsdesk import lake
from newsdesk.entities.recognise import EntityRecogniser
from newsdesk.entities.records import StoryText
from newsdesk.entities.salience import story_entities
from newsdesk.entities.tables import mention_rows
from newsdesk.process import read_state, write_state
from newsdesk.settings import Paths

_STORY_COLUMNS = ["record_id", "story_id", "title", "summary", "paragraphs", "language", "outlet"]


@dataclass
class MentionReport:
    """What the entity stage produced for one capture day."""

    day: str
    stories: int = 0
    mentions: int = 0
    skipped: int = 0
    recognised: int = 0
    skip_reasons: Counter = field(default_factory=Counter)
    top: Counter = field(default_factory=Counter)

    def top_markdown(self, limit: int = 10) -> str:
        """The day's most mentioned entities as a Markdown table."""
        if not self.top:
            return "no entities"
        rows = ["| entity | type | mentions |", "|---|---|---|"]
        rows += [f"| {name} | {kind} | {n} |" for (name, kind), n in self.top.most_common(limit)]
        return "\n".join(rows)


@lru_cache(maxsize=4)
def recogniser(model: str, n_process: int, batch_size: int) -> EntityRecogniser:
    """One loaded recogniser per process and configuration (the model takes seconds to load)."""
    return EntityRecogniser(model=model, n_process=n_process or None, batch_size=batch_size)


def _story_texts(
    paths: Paths, day: str, index: dict[str, dict[str, Any]], done: set[str]
) -> Iterator[StoryText]:
    for row in lake.iter_partition(paths.lake, "stories", day, columns=_STORY_COLUMNS):
        if row["record_id"] in done:
            continue
        index[row["record_id"]] = row
        yield StoryText(
            key=row["record_id"],
            title=row["title"],
            summary=row["summary"],
            paragraphs=row["paragraphs"] or [],
            language=row["language"],
            outlet=row["outlet"],
        )


def _paragraph_starts(paragraphs: list[str]) -> list[int]:
    starts, offset = [], 0
    for text in paragraphs:
        starts.append(offset)
        offset += len(text) + 2
    return starts


def build_mention_partition(
    paths: Paths,
    day: str,
    *,
    model: str,
    n_process: int = 0,
    batch_size: int = 64,
    reprocess: bool = False,
) -> MentionReport:
    """Recognise and normalise the entities of every story record of a capture day.

    Records whose entities this day's partition already holds are carried over rather than
    recognised again (`reprocess=True` recognises every record again, e.g. after a model or
    rule change).

    Args:
        paths: The newsdesk home.
        day: Capture day (`YYYY-MM-DD`).
        model: spaCy pipeline package.
        n_process: Worker processes for spaCy (0 = every core for large batches).
        batch_size: Texts per spaCy batch.
        reprocess: Recognise records the partition already holds again.

    Returns:
        Counts and the day's top entities.
    """
    report = MentionReport(day=day)
    index: dict[str, dict[str, Any]] = {}
    engine = recogniser(model, n_process, batch_size)
    current = {
        row["record_id"]
        for row in lake.iter_partition(paths.lake, "stories", day, columns=["record_id"])
    }
    state = read_state(paths, "entities", day) or {}
    done = set() if reprocess else set(state.get("records", [])) & current
    with (
        lake.PartitionWriter(paths.lake, "entity_mentions", day) as mentions_out,
        lake.PartitionWriter(paths.lake, "story_entities", day) as summary_out,
        lake.PartitionWriter(paths.lake, "entity_skips", day) as skips_out,
    ):
        if done:
            _carry_over(paths, day, done, (mentions_out, summary_out, skips_out), report)
        for record_id, mentions, skip_reason in engine.mentions_for_stories(
            _story_texts(paths, day, index, done)
        ):
            row = index.pop(record_id)
            report.stories += 1
            report.recognised += 1
            if skip_reason:
                report.skipped += 1
                report.skip_reasons[skip_reason] += 1
                skips_out.write(
                    {"record_id": record_id, "story_id": row["story_id"], "reason": skip_reason}
                )
                continue
            starts = _paragraph_starts(row["paragraphs"] or [])
            for m, base in zip(mentions, mention_rows(row["story_id"], mentions), strict=True):
                mentions_out.write(
                    {
                        **base,
                        "record_id": record_id,
                        "name": m.name,
                        "type": m.type,
                        "country_code": m.country_code,
                        "body_offset": starts[m.paragraph] + m.start if m.paragraph >= 0 else None,
                    }
                )
                report.top[(m.name, m.type)] += 1
            report.mentions += len(mentions)
            for summary in story_entities(mentions, row["story_id"], paragraph_offsets=starts):
                summary_out.write({"record_id": record_id, **summary})
        mentions_out.commit()
        summary_out.commit()
        skips_out.commit()
    # The entity stage is as current as the stories it read, not as the raw store is now.
    stories_state = read_state(paths, "stories", day) or {}
    write_state(
        paths,
        "entities",
        day,
        {"digest": stories_state.get("digest"), "records": sorted(current)},
    )
    return report


def _carry_over(
    paths: Paths,
    day: str,
    done: set[str],
    writers: tuple[lake.PartitionWriter, lake.PartitionWriter, lake.PartitionWriter],
    report: MentionReport,
) -> None:
    """Copy the entity rows of already processed records from the day's current files."""
    mentions_out, summary_out, skips_out = writers
    for row in lake.iter_partition(paths.lake, "entity_mentions", day):
        if row["record_id"] in done:
            mentions_out.write(row)
            report.mentions += 1
            report.top[(row["name"], row["type"])] += 1
    for row in lake.iter_partition(paths.lake, "story_entities", day):
        if row["record_id"] in done:
            summary_out.write(row)
    for row in lake.iter_partition(paths.lake, "entity_skips", day):
        if row["record_id"] in done:
            skips_out.write(row)
            report.skipped += 1
            report.skip_reasons[row["reason"]] += 1
    report.stories += len(done)
