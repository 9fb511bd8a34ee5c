"""Build the DuckDB warehouse from the Parquet lake and publish it without disturbing readers.

The published file is never written in place: a staging file is built next to it from the
lake (the source of truth), validated, checkpointed and closed, then renamed over the
published name. Readers holding the old file keep their snapshot; new connections see the new
data; a crash before the rename leaves the published warehouse as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
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
#: DuckDB memory while building the warehouse; beyond it DuckDB spills to a temporary folder
#: next to the staging file instead of growing with the lake.
MEMORY_LIMIT = "1GB"

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
    incremental: bool = False
    reloaded: list[tuple[str, str]] = field(default_factory=list)


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


#: Lake tables mirrored in the warehouse's `lake` schema, one capture day at a time.
LAKE_TABLES = (
    "stories",
    "related_links",
    "entity_mentions",
    "story_entities",
    "rejected_items",
)


def schema_version(sql_dir: Path = SQL_DIR) -> str:
    """Hash of the lake schema DDL: a warehouse built with another one is rebuilt in full."""
    return hashlib.sha256(sql("create_lake_tables", sql_dir).encode("utf-8")).hexdigest()[:16]


def _signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def lake_partitions(paths: Paths) -> dict[tuple[str, str], Path]:
    """Every lake partition file, keyed by (table, capture day)."""
    return {
        (table, day): lake.partition_file(paths.lake, table, day)
        for table in LAKE_TABLES
        for day in lake.partition_days(paths.lake, table)
    }


def sync_lake(con: duckdb.DuckDBPyConnection, paths: Paths) -> list[tuple[str, str]]:
    """Bring the warehouse's `lake` schema in line with the Parquet lake, day by day.

    Each changed day is replaced in one transaction (delete the day, insert its file), so a
    re-run or backfill of a day replaces exactly that day; unchanged days are not touched.

    Returns:
        The (table, day) partitions that were (re)loaded or dropped.
    """
    loaded = {
        (table, str(day)): signature
        for table, day, signature in con.execute(
            "select table_name, capture_day, file_signature from lake.loaded_partitions"
        ).fetchall()
    }
    current = lake_partitions(paths)
    changed = []
    for (table, day), path in sorted(current.items()):
        signature = _signature(path)
        if loaded.get((table, day)) == signature:
            continue
        con.execute("begin transaction")
        run_sql(con, f"replace_lake_{table}_day", {"day": day, "path": str(path)})
        con.execute(
            "insert or replace into lake.loaded_partitions values ($table, $day, $signature)",
            {"table": table, "day": day, "signature": signature},
        )
        con.execute("commit")
        changed.append((table, day))
    for table, day in sorted(set(loaded) - set(current)):
        con.execute("begin transaction")
        con.execute(f"delete from lake.{table} where capture_day = $day", {"day": day})
        con.execute(
            "delete from lake.loaded_partitions where table_name = $table and capture_day = $day",
            {"table": table, "day": day},
        )
        con.execute("commit")
        changed.append((table, day))
    return changed


def derive_tables(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the BI-facing tables and views of `main` from the `lake` schema."""
    run_sql(con, "drop_derived")
    run_sql(con, "create_tables")
    run_sql(con, "insert_stories")
    run_sql(con, "insert_story_bridges")
    run_sql(con, "update_duplicates")
    run_sql(con, "create_story_keys")
    run_sql(con, "insert_related_links")
    run_sql(con, "insert_entities")
    run_sql(con, "insert_rejected_items")
    run_sql(con, "create_views")
    run_sql(con, "comment_schema")
    con.execute("drop table if exists story_keys")
    con.execute("drop table if exists chosen_mentions")


def load_tables(con: duckdb.DuckDBPyConnection, paths: Paths) -> None:
    """Create the lake schema in an empty warehouse, load every lake day, derive the tables."""
    run_sql(con, "create_lake_tables")
    con.execute("insert into lake.schema_version values ($v)", {"v": schema_version()})
    sync_lake(con, paths)
    derive_tables(con)


def _reusable(path: Path) -> bool:
    """True when the published warehouse can be refreshed in place of a full rebuild."""
    if not path.exists():
        return False
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return False
    try:
        row = con.execute("select version from lake.schema_version").fetchone()
    except duckdb.Error:
        return False
    finally:
        con.close()
    return row is not None and row[0] == schema_version()


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


def publish(paths: Paths, *, full: bool = False) -> PublishReport:
    """Refresh a staging copy of the warehouse from the lake, validate it, rename it into place.

    The staging file starts as a copy of the published warehouse (only changed lake days are
    reloaded), or empty for a full rebuild (`full=True`, no published file yet, or a schema
    change). Either way the result is the same tables.

    Returns:
        Row counts, the reloaded partitions and the publish time.

    Raises:
        WarehouseError: The staging warehouse failed validation (the published file is kept).
    """
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    with _publish_lock(paths):
        _remove_stale_staging(paths)
        return _publish_locked(paths, full=full)


@contextlib.contextmanager
def _publish_lock(paths: Paths) -> Iterator[None]:
    """One publish at a time per home, whoever starts it (the CLI, a Dagster run, a bench)."""
    with (paths.warehouse_dir / ".publish.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_stale_staging(paths: Paths) -> None:
    """Delete staging files a killed publish left behind (safe: we hold the publish lock)."""
    for leftover in paths.warehouse_dir.glob(".staging-*"):
        if leftover.is_dir():  # DuckDB's spill folder
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _publish_locked(paths: Paths, *, full: bool) -> PublishReport:
    staging = paths.warehouse_dir / f".staging-{uuid.uuid4().hex}.duckdb"
    incremental = not full and _reusable(paths.warehouse)
    try:
        if incremental:
            shutil.copyfile(paths.warehouse, staging)
        con = duckdb.connect(
            str(staging),
            config={
                "storage_compatibility_version": STORAGE_COMPATIBILITY,
                "memory_limit": MEMORY_LIMIT,
            },
        )
        try:
            if incremental:
                changed = sync_lake(con, paths)
                derive_tables(con)
            else:
                load_tables(con, paths)
                changed = sorted(lake_partitions(paths))
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
        _remove_stale_staging(paths)
    return PublishReport(
        path=paths.warehouse,
        row_counts=counts,
        published_at=datetime.now(UTC),
        incremental=incremental,
        reloaded=changed,
    )


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


def query(path: Path, name: str, params: dict | None = None) -> list[dict]:
    """Rows of a `sql/<name>.sql` query against the published warehouse, as dicts."""
    con = connect_read_only(path)
    try:
        cursor = con.execute(sql(name), params or None)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()
