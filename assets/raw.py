"""Raw layer: everything that arrived, kept as immutable content-addressed copies."""

import dagster as dg

from assets.resources import NewsdeskHome
from newsdesk.landing import sweep_landing
from newsdesk.raw import RawStore


@dg.asset(
    key=["raw", "news_items"],
    group_name="raw",
    kinds={"python", "file"},
    description="Every file that arrived in landing/ (or was fetched), copied once per content "
    "hash into raw/ and listed in raw/manifest.jsonl with its capture day.",
)
def raw_news_items(
    context: dg.AssetExecutionContext, newsdesk: NewsdeskHome
) -> dg.MaterializeResult:
    """Registers new landing files into the raw store."""
    paths = newsdesk.paths()
    report = sweep_landing(paths)
    days = RawStore(paths.raw).days()
    new_days = sorted({item.capture_day for item in report.registered})
    context.log.info(f"registered {len(report.registered)} new items for days {new_days}")
    return dg.MaterializeResult(
        metadata={
            "new_items": len(report.registered),
            "total_items": sum(days.values()),
            "landing_files": report.seen,
            "new_item_days": ", ".join(new_days) or "none",
            "preview": dg.MetadataValue.md(
                "\n".join(f"- `{i.name}` ({i.capture_day})" for i in report.registered[:10])
                or "no new items"
            ),
        }
    )
