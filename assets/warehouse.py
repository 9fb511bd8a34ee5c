"""Warehouse layer: the DuckDB file BI tools open, rebuilt from the lake and swapped in."""

from datetime import UTC, datetime, timedelta

import dagster as dg

from assets.lake import ENTITY_MENTIONS, REJECTED_ITEMS, RELATED_LINKS, STORIES
from assets.resources import NewsdeskHome
from newsdesk.warehouse import TABLES, publish, query

_DESCRIPTIONS = {
    "stories": "One row per story, merged from every input that carried it.",
    "story_authors": "Authors of each story (bridge table).",
    "story_tags": "Tags of each story (bridge table).",
    "related_links": "Typed links between stories, resolved to held stories.",
    "entities": "Canonical named entities with stable ids.",
    "entity_aliases": "Surface forms seen for each entity.",
    "entity_mentions": "Each entity mention with offsets.",
    "story_entities": "Entities per story with counts and salience.",
    "rejected_items": "Inputs that did not become stories, with reasons.",
    "outlets": "Outlets with story counts and date ranges.",
}
WAREHOUSE_KEYS = {table: dg.AssetKey(["warehouse", table]) for table in TABLES}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            WAREHOUSE_KEYS[table],
            deps=[STORIES, RELATED_LINKS, REJECTED_ITEMS, ENTITY_MENTIONS],
            group_name="warehouse",
            kinds={"duckdb"},
            description=_DESCRIPTIONS[table] + " Table in warehouse/newsdesk.duckdb.",
        )
        for table in TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec("story_id_unique", asset=WAREHOUSE_KEYS["stories"]),
        dg.AssetCheckSpec("stories_match_lake", asset=WAREHOUSE_KEYS["stories"]),
        dg.AssetCheckSpec("fresh_capture_day", asset=WAREHOUSE_KEYS["stories"]),
        dg.AssetCheckSpec("links_point_to_stories", asset=WAREHOUSE_KEYS["related_links"]),
        dg.AssetCheckSpec("mentions_point_to_stories", asset=WAREHOUSE_KEYS["entity_mentions"]),
        dg.AssetCheckSpec("mentions_point_to_entities", asset=WAREHOUSE_KEYS["entity_mentions"]),
        dg.AssetCheckSpec("rejections_match_lake", asset=WAREHOUSE_KEYS["rejected_items"]),
    ],
    pool="duckdb",
    name="warehouse_tables",
)
def warehouse_tables(context: dg.AssetExecutionContext, newsdesk: NewsdeskHome):
    """Builds a staging DuckDB file from the whole lake, validates it and publishes it."""
    paths = newsdesk.paths()
    report = publish(paths)
    context.log.info(f"published {report.path}: {report.row_counts}")
    preview = query(report.path, "select_recent_stories", {"limit": 5})
    top = query(report.path, "select_top_entities", {"limit": 10})
    (check,) = query(report.path, "check_published")
    for table in TABLES:
        metadata = {
            "row_count": report.row_counts[table],
            "published_at": dg.MetadataValue.timestamp(report.published_at),
            "path": str(report.path),
            "refresh": "incremental" if report.incremental else "full rebuild",
            "reloaded_lake_days": len(report.reloaded),
        }
        if table == "stories":
            metadata["preview"] = dg.MetadataValue.md(
                "| title | outlet | published |\n|---|---|---|\n"
                + "\n".join(
                    f"| {r['title']} | {r['outlet'] or ''} | {r['published_day'] or ''} |"
                    for r in preview
                )
            )
        if table == "entities":
            metadata["top_entities"] = dg.MetadataValue.md(
                "| entity | type | stories |\n|---|---|---|\n"
                + "\n".join(f"| {r['name']} | {r['type']} | {r['stories']} |" for r in top)
            )
        yield dg.MaterializeResult(asset_key=WAREHOUSE_KEYS[table], metadata=metadata)
    yield from _check_results(check)


def _check_results(check: dict) -> list[dg.AssetCheckResult]:
    """Asset check results from the `check_published` row."""
    violations = {
        ("stories", "story_id_unique"): check["duplicate_story_ids"],
        ("stories", "stories_match_lake"): check["stories_missing_from_lake_count"],
        ("related_links", "links_point_to_stories"): check["orphan_links"],
        ("entity_mentions", "mentions_point_to_stories"): check["orphan_mentions"],
        ("entity_mentions", "mentions_point_to_entities"): check["mentions_without_entity"],
        ("rejected_items", "rejections_match_lake"): check["rejected_missing_from_lake_count"],
    }
    results = [
        dg.AssetCheckResult(
            asset_key=WAREHOUSE_KEYS[table],
            check_name=name,
            passed=count == 0,
            metadata={"violations": int(count)},
        )
        for (table, name), count in violations.items()
    ]
    newest = check["newest_capture_day"]
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    results.append(
        dg.AssetCheckResult(
            asset_key=WAREHOUSE_KEYS["stories"],
            check_name="fresh_capture_day",
            passed=newest is not None and newest >= yesterday,
            # Quiet days happen; stale data is worth a warning, not a failed run.
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"newest_capture_day": str(newest), "expected_at_least": str(yesterday)},
        )
    )
    return results
