"""Fetch layer: feeds and article pages from the sources users list, archived as WARC in raw/."""

import dagster as dg

from assets.lake import FETCHED
from assets.partitions import capture_days
from assets.resources import NewsdeskHome, SourcesFile
from newsdesk.fetch import SourcesError, fetch_sources


@dg.asset(
    key=FETCHED,
    group_name="raw",
    kinds={"python", "warc"},
    partitions_def=capture_days,
    description="Every HTTP exchange of a day's fetch (feeds, robots.txt, article pages), stored "
    "as one WARC file per source in raw/ and registered under that capture day.",
)
def fetched_pages(
    context: dg.AssetExecutionContext, newsdesk: NewsdeskHome, sources: SourcesFile
) -> dg.MaterializeResult:
    """Fetches every source's feeds and new article pages, politely, into the raw store."""
    paths = newsdesk.paths()
    sources_file = sources.path(paths)
    if not sources_file.exists():
        context.log.info(f"no sources file at {sources_file}; nothing to fetch")
        return dg.MaterializeResult(metadata={"sources": 0, "note": f"no {sources_file}"})
    try:
        report = fetch_sources(
            paths,
            capture_day=context.partition_key,
            sources_file=sources_file,
            time_budget_s=sources.time_budget_s,
        )
    except SourcesError as exc:
        raise dg.Failure(description=f"invalid sources file:\n{exc}") from exc
    totals = report.totals()
    rows = [
        "| source | feeds | 304 | new urls | pages | robots | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    rows += [
        f"| {s.source} | {s.feeds_fetched} | {s.feeds_not_modified} | {s.new_urls} | "
        f"{s.pages_fetched} | {s.skipped_robots} | {len(s.errors)} |"
        for s in report.sources
    ]
    errors = [e for s in report.sources for e in s.errors][:20]
    return dg.MaterializeResult(
        metadata={
            "sources": len(report.sources),
            **{key: int(value) for key, value in totals.items()},
            "budget_exhausted": report.budget_exhausted,
            "report": dg.MetadataValue.md("\n".join(rows)),
            "error_details": dg.MetadataValue.md("\n".join(f"- {e}" for e in errors) or "none"),
        }
    )
