"""The Parquet lake: one folder per table, hive-partitioned by capture day.

`lake/<table>/capture_day=YYYY-MM-DD/part-0.parquet` holds exactly one capture day of one table.
A partition is rewritten whole (temporary file, then rename), so re-running a day replaces that
day and a crash leaves the previous file in place. Writers stream row batches, so no step holds
a whole day (let alone the lake) in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsdesk.identity import text_key
from newsdesk.model import Rejection, Story
from newsdesk.urls import normalize_url

_TS = pa.timestamp("us", tz="UTC")

STORIES = pa.schema(
    [
        ("record_id", pa.string()),
        ("story_id", pa.string()),
        ("url", pa.string()),
        ("canonical_url", pa.string()),
        ("url_key", pa.string()),
        ("title_key", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("summary", pa.string()),
        ("body_text", pa.string()),
        ("paragraphs", pa.list_(pa.string())),
        ("authors", pa.list_(pa.string())),
        ("section", pa.string()),
        ("tags", pa.list_(pa.string())),
        ("language", pa.string()),
        ("published_at", _TS),
        ("published_precision", pa.string()),
        ("modified_at", _TS),
        ("captured_at", _TS),
        ("reading_time_minutes", pa.int32()),
        ("image_url", pa.string()),
        ("guid", pa.string()),
        ("word_count", pa.int64()),
        ("fingerprint", pa.int64()),
        ("source_kind", pa.string()),
        ("source_path", pa.string()),
        ("raw_sha256", pa.string()),
        ("provenance", pa.string()),
        ("notes", pa.list_(pa.string())),
    ]
)

RELATED_LINKS = pa.schema(
    [
        ("record_id", pa.string()),
        ("story_id", pa.string()),
        ("kind", pa.string()),
        ("position", pa.int32()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("snippet", pa.string()),
        ("section", pa.string()),
        ("url_key", pa.string()),
        ("title_key", pa.string()),
    ]
)

REJECTED_ITEMS = pa.schema(
    [
        ("path", pa.string()),
        ("raw_sha256", pa.string()),
        ("stage", pa.string()),
        ("reason", pa.string()),
        ("rejected_at", _TS),
    ]
)

ENTITY_MENTIONS = pa.schema(
    [
        ("record_id", pa.string()),
        ("story_id", pa.string()),
        ("entity_id", pa.string()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("paragraph", pa.int32()),
        ("in_title", pa.bool_()),
        ("role", pa.string()),
        ("name", pa.string()),
        ("type", pa.string()),
        ("country_code", pa.string()),
        ("body_offset", pa.int64()),
    ]
)

STORY_ENTITIES = pa.schema(
    [
        ("record_id", pa.string()),
        ("story_id", pa.string()),
        ("entity_id", pa.string()),
        ("mentions", pa.int64()),
        ("first_paragraph", pa.int32()),
        ("first_offset", pa.int64()),
        ("salience", pa.float64()),
        ("role", pa.string()),
    ]
)

ENTITY_SKIPS = pa.schema(
    [("record_id", pa.string()), ("story_id", pa.string()), ("reason", pa.string())]
)

SCHEMAS: dict[str, pa.Schema] = {
    "stories": STORIES,
    "related_links": RELATED_LINKS,
    "rejected_items": REJECTED_ITEMS,
    "entity_mentions": ENTITY_MENTIONS,
    "story_entities": STORY_ENTITIES,
    "entity_skips": ENTITY_SKIPS,
}


def partition_dir(lake: Path, table: str, day: str) -> Path:
    """Folder of one capture day of one table."""
    return lake / table / f"capture_day={day}"


def partition_file(lake: Path, table: str, day: str) -> Path:
    """The single Parquet file of one capture day of one table."""
    return partition_dir(lake, table, day) / "part-0.parquet"


def table_glob(lake: Path, table: str) -> str:
    """Absolute glob of every partition file of a table (for DuckDB's read_parquet)."""
    return str(lake / table / "capture_day=*" / "*.parquet")


def has_files(lake: Path, table: str) -> bool:
    """True when a table has at least one partition file."""
    return any((lake / table).glob("capture_day=*/*.parquet"))


def story_row(story: Story) -> dict[str, Any]:
    """Lake row of a finalised story."""
    return {
        "record_id": story.record_id,
        "story_id": story.story_id,
        "url": story.url,
        "canonical_url": story.canonical_url,
        "url_key": normalize_url(story.canonical_url) or normalize_url(story.url),
        "title_key": text_key(story.title) or None,
        "outlet": story.outlet,
        "title": story.title,
        "summary": story.summary,
        "body_text": story.body_text,
        "paragraphs": story.paragraphs,
        "authors": story.authors,
        "section": story.section,
        "tags": story.tags,
        "language": story.language,
        "published_at": story.published_at,
        "published_precision": story.published_precision,
        "modified_at": story.modified_at,
        "captured_at": story.captured_at,
        "reading_time_minutes": story.reading_time_minutes,
        "image_url": story.image_url,
        "guid": story.guid,
        "word_count": story.word_count,
        "fingerprint": story.fingerprint,
        "source_kind": story.source_kind,
        "source_path": story.source_path,
        "raw_sha256": story.raw_sha256,
        "provenance": json.dumps(story.provenance, sort_keys=True) if story.provenance else None,
        "notes": story.notes,
    }


def link_rows(story: Story) -> list[dict[str, Any]]:
    """Lake rows of a finalised story's related links."""
    return [
        {
            "record_id": story.record_id,
            "story_id": story.story_id,
            "kind": link.kind,
            "position": link.position,
            "title": link.title,
            "url": link.url,
            "snippet": link.snippet,
            "section": link.section,
            "url_key": normalize_url(link.url),
            "title_key": text_key(link.title) or None,
        }
        for link in story.links
    ]


def rejection_row(rejection: Rejection, rejected_at: Any) -> dict[str, Any]:
    """Lake row of a rejection."""
    return {
        "path": rejection.path,
        "raw_sha256": rejection.raw_sha256,
        "stage": rejection.stage,
        "reason": rejection.reason,
        "rejected_at": rejected_at,
    }


class PartitionWriter:
    """Streams rows of one table partition into a temporary file; `commit` renames it in place.

    Use as a context manager: leaving the block without `commit()` discards the temporary file,
    so a failed or killed run never leaves half a partition behind.
    """

    def __init__(self, lake: Path, table: str, day: str, *, batch_rows: int = 2000) -> None:
        """Prepare a writer.

        Args:
            lake: Lake root folder.
            table: Table name (a key of `SCHEMAS`).
            day: Capture day (`YYYY-MM-DD`).
            batch_rows: Rows buffered before a row group is written.
        """
        self.schema = SCHEMAS[table]
        self.target = partition_file(lake, table, day)
        self.batch_rows = batch_rows
        self.rows = 0
        self._buffer: list[dict[str, Any]] = []
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.target.parent, prefix=".tmp-", suffix=".parquet")
        os.close(fd)
        self._temp = Path(temp)
        self._writer = pq.ParquetWriter(self._temp, self.schema, compression="zstd")

    def write(self, row: dict[str, Any]) -> None:
        """Buffer one row; a full buffer becomes a row group."""
        self._buffer.append(row)
        if len(self._buffer) >= self.batch_rows:
            self._flush()

    def write_many(self, rows: list[dict[str, Any]]) -> None:
        """Buffer several rows."""
        for row in rows:
            self.write(row)

    def _flush(self) -> None:
        if self._buffer:
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
            self.rows += len(self._buffer)
            self._buffer = []

    def commit(self) -> int:
        """Finish the file and rename it over the partition; returns the row count."""
        self._flush()
        self._writer.close()
        os.replace(self._temp, self.target)
        return self.rows

    def __enter__(self) -> PartitionWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._temp.exists():
            with contextlib.suppress(Exception):
                self._writer.close()
            self._temp.unlink(missing_ok=True)


def iter_partition(
    lake: Path, table: str, day: str, columns: list[str] | None = None, batch_size: int = 512
) -> Iterator[dict[str, Any]]:
    """Stream rows of one partition as dicts, a row group batch at a time."""
    path = partition_file(lake, table, day)
    if not path.exists():
        return
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=batch_size, columns=columns):
        yield from batch.to_pylist()


def partition_days(lake: Path, table: str) -> list[str]:
    """Capture days that have a partition file for a table, sorted."""
    folder = lake / table
    if not folder.exists():
        return []
    return sorted(
        p.name.split("=", 1)[1]
        for p in folder.glob("capture_day=*")
        if (p / "part-0.parquet").exists()
    )
