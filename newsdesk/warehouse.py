"""Build the DuckDB warehouse from the Parquet lake and publish it without disturbing readers.

The published file is never written in place: a staging file is built next to it from the
lake (the source of truth), validated, checkpointed and closed, then renamed over the
published name. Readers holding the old file keep their snapshot; new connections see the new
data; a crash before the rename leaves the published warehouse as it was.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from newsdesk import lake
from newsdesk.settings import Paths

#: SQL files live in the repository's `sql/` folder, next to the package.
SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
#: DuckDB storage format readable by DuckDB 1.1+ clients (the drivers BI tools bundle).
STORAGE_COMPATIBILITY = "v1.0.0"

TABLES = (
    "stories",
    "story_authors",
    "story_tags",
    "related_links",
    "entities",
    "entity_aliases",
    "entity_mentions",
    "story_entities",
    "rejected_items",
    "outlets",
)


class WarehouseError(Exception):
    """The built warehouse failed validation; nothing was published."""


@dataclass
class PublishReport:
    """What a publish produced."""

    path: Path
    row_counts: dict[str, int] = field(default_factory=dict)
    published_at: datetime | None = None


def sql(name: str, sql_dir: Path = SQL_DIR) -> str:
    """Text of `sql/<name>.sql`."""
    return (sql_dir / f"{name}.sql").read_text(encoding="utf-8")


def run_sql(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> None:
    """Run every statement of a SQL file, binding the named parameters each one uses."""
    for statement in con.extract_statements(sql(name)):
        used = {k: v for k, v in (params or {}).items() if f"${k}" in statement.query}
        con.execute(statement.query, used or None)


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the published warehouse read-only, as BI tools should."""
    return duckdb.connect(str(path), read_only=True)


def _lake_params(paths: Paths) -> dict[str, str]:
    return {
        "stories_glob": lake.table_glob(paths.lake, "stories"),
        "links_glob": lake.table_glob(paths.lake, "related_links"),
        "rejected_glob": lake.table_glob(paths.lake, "rejected_items"),
        "mentions_glob": lake.table_glob(paths.lake, "entity_mentions"),
    }


def load_tables(con: duckdb.DuckDBPyConnection, paths: Paths) -> None:
    """Create every table and fill it from the lake."""
    params = _lake_params(paths)
    run_sql(con, "create_tables")
    if lake.has_files(paths.lake, "stories"):
        run_sql(con, "insert_stories", params)
        run_sql(con, "insert_story_bridges", params)
        run_sql(con, "update_duplicates")
        run_sql(con, "create_story_keys", params)
        if lake.has_files(paths.lake, "related_links"):
            run_sql(con, "insert_related_links", params)
        if lake.has_files(paths.lake, "entity_mentions"):
            run_sql(con, "insert_entities", params)
    if lake.has_files(paths.lake, "rejected_items"):
        run_sql(con, "insert_rejected_items", params)
    run_sql(con, "create_views")
    run_sql(con, "comment_schema")


def validate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Integrity problems of a built warehouse (empty when it may be published)."""
    problems = []
    checks = {
        "stories with an empty title": "select count(*) from stories where trim(title) = ''",
        "related links to a missing story": (
            "select count(*) from related_links l anti join stories s using (story_id)"
        ),
        "entity mentions of a missing story": (
            "select count(*) from entity_mentions m anti join stories s using (story_id)"
        ),
        "entity mentions of a missing entity": (
            "select count(*) from entity_mentions m anti join entities e using (entity_id)"
        ),
    }
    for label, query in checks.items():
        count = con.execute(query).fetchone()[0]
        if count:
            problems.append(f"{count} {label}")
    return problems


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every warehouse table."""
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def publish(paths: Paths) -> PublishReport:
    """Build a staging warehouse from the lake, validate it, and rename it into place.

    Returns:
        Row counts and the publish time.

    Raises:
        WarehouseError: The staging warehouse failed validation (the published file is kept).
    """
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    staging = paths.warehouse_dir / f".staging-{uuid.uuid4().hex}.duckdb"
    try:
        con = duckdb.connect(
            str(staging), config={"storage_compatibility_version": STORAGE_COMPATIBILITY}
        )
        try:
            load_tables(con, paths)
            problems = validate(con)
            if problems:
                raise WarehouseError("warehouse not published: " + "; ".join(problems))
            counts = row_counts(con)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(staging, paths.warehouse)
        _fsync_dir(paths.warehouse_dir)
    finally:
        for leftover in (staging, staging.with_name(staging.name + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return PublishReport(path=paths.warehouse, row_counts=counts, published_at=datetime.now(UTC))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def published_counts(paths: Paths) -> dict[str, int] | None:
    """Row counts of the published warehouse, or None when there is none yet."""
    if not paths.warehouse.exists():
        return None
    con = connect_read_only(paths.warehouse)
    try:
        return row_counts(con)
    finally:
        con.close()
