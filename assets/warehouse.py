"""Warehouse layer: the DuckDB file BI tools open, rebuilt from the lake and swapped in."""

import dagster as dg

from assets.lake import ENTITY_MENTIONS, REJECTED_ITEMS, RELATED_LINKS, STORIES
from assets.resources import NewsdeskHome
from newsdesk.warehouse import TABLES, connect_read_only, publish

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
        dg.AssetCheckSpec("links_point_to_stories", asset=WAREHOUSE_KEYS["related_links"]),
        dg.AssetCheckSpec("mentions_point_to_stories", asset=WAREHOUSE_KEYS["entity_mentions"]),
    ],
    pool="duckdb",
    name="warehouse_tables",
)
def warehouse_tables(context: dg.AssetExecutionContext, newsdesk: NewsdeskHome):
    """Builds a staging DuckDB file from the whole lake, validates it and publishes it."""
    paths = newsdesk.paths()
    report = publish(paths)
    context.log.info(f"published {report.path}: {report.row_counts}")
    con = connect_read_only(report.path)
    try:
        preview = con.execute(
            "select title, outlet, cast(published_day as varchar) from stories "
            "order by captured_at desc nulls last, story_id limit 5"
        ).fetchall()
        top = con.execute(
            "select name, type, stories from entities order by stories desc, name limit 10"
        ).fetchall()
        checks = {
            "story_id_unique": con.execute(
                "select count(*) - count(distinct story_id) from stories"
            ).fetchone()[0],
            "links_point_to_stories": con.execute(
                "select count(*) from related_links anti join stories using (story_id)"
            ).fetchone()[0],
            "mentions_point_to_stories": con.execute(
                "select count(*) from entity_mentions anti join stories using (story_id)"
            ).fetchone()[0],
        }
    finally:
        con.close()
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
                + "\n".join(f"| {t} | {o or ''} | {d or ''} |" for t, o, d in preview)
            )
        if table == "entities":
            metadata["top_entities"] = dg.MetadataValue.md(
                "| entity | type | stories |\n|---|---|---|\n"
                + "\n".join(f"| {n} | {k} | {s} |" for n, k, s in top)
            )
        yield dg.MaterializeResult(asset_key=WAREHOUSE_KEYS[table], metadata=metadata)
    checked = {
        "story_id_unique": "stories",
        "links_point_to_stories": "related_links",
        "mentions_point_to_stories": "entity_mentions",
    }
    for name, table in checked.items():
        yield dg.AssetCheckResult(
            asset_key=WAREHOUSE_KEYS[table],
            check_name=name,
            passed=checks[name] == 0,
            metadata={"violations": checks[name]},
        )
