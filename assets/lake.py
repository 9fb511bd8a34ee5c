"""Lake layer: normalised Parquet per capture day (stories, related links, rejections, mentions)."""

import dagster as dg
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pydantic import Field

from assets.partitions import capture_days
from assets.resources import EntityModel, NewsdeskHome
from newsdesk import lake
from newsdesk.mentions import build_mention_partition
from newsdesk.process import build_story_partition

STORIES = dg.AssetKey(["lake", "stories"])
RELATED_LINKS = dg.AssetKey(["lake", "related_links"])
REJECTED_ITEMS = dg.AssetKey(["lake", "rejected_items"])
ENTITY_MENTIONS = dg.AssetKey(["lake", "entity_mentions"])
RAW = dg.AssetKey(["raw", "news_items"])
FETCHED = dg.AssetKey(["raw", "fetched_pages"])


def _table(paths, table: str, day: str, columns: list[str]):
    path = lake.partition_file(paths.lake, table, day)
    return pq.read_table(path, columns=columns) if path.exists() else None


def story_checks(paths, day: str) -> list[dg.AssetCheckResult]:
    """Blocking checks on one day of lake stories and links."""
    stories = _table(paths, "stories", day, ["record_id", "story_id", "title"])
    links = _table(paths, "related_links", day, ["record_id"])
    record_ids = set(stories.column("record_id").to_pylist()) if stories is not None else set()
    n = stories.num_rows if stories is not None else 0
    titles = stories.column("title") if stories is not None else None
    empty_titles = (
        0
        if titles is None
        else int(
            pc.sum(pc.equal(pc.utf8_trim_whitespace(pc.fill_null(titles, "")), "")).as_py() or 0
        )
    )
    orphan_links = (
        0
        if links is None
        else sum(1 for r in links.column("record_id").to_pylist() if r not in record_ids)
    )
    return [
        dg.AssetCheckResult(
            asset_key=STORIES,
            check_name="record_ids_unique",
            passed=len(record_ids) == n,
            metadata={"records": n, "unique": len(record_ids)},
        ),
        dg.AssetCheckResult(
            asset_key=STORIES,
            check_name="titles_non_empty",
            passed=empty_titles == 0,
            metadata={"empty_titles": empty_titles},
        ),
        dg.AssetCheckResult(
            asset_key=RELATED_LINKS,
            check_name="links_point_to_stories",
            passed=orphan_links == 0,
            metadata={"orphan_links": orphan_links},
        ),
    ]


class ReprocessConfig(dg.Config):
    """Run options of the lake assets."""

    reprocess: bool = Field(
        default=False,
        description="Extract (or recognise) every item of the day again, not only new ones: "
        "after an extractor or model upgrade, or for a full backfill.",
    )


_EXTRACTED = {
    STORIES: "One record per story per input of the capture day: every field a news page "
    "carries (lake/stories/capture_day=.../part-0.parquet).",
    RELATED_LINKS: "Typed related links of each story record (also read, previous/next, "
    "section teasers, recommended, related, inline).",
    REJECTED_ITEMS: "Inputs of the capture day that did not become stories, with reasons.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key, deps=[RAW, FETCHED], group_name="lake", kinds={"parquet"}, description=text
        )
        for key, text in _EXTRACTED.items()
    ],
    check_specs=[
        dg.AssetCheckSpec("record_ids_unique", asset=STORIES, blocking=True),
        dg.AssetCheckSpec("titles_non_empty", asset=STORIES, blocking=True),
        dg.AssetCheckSpec("links_point_to_stories", asset=RELATED_LINKS, blocking=True),
    ],
    partitions_def=capture_days,
    name="story_records",
)
def story_records(
    context: dg.AssetExecutionContext, newsdesk: NewsdeskHome, config: ReprocessConfig
):
    """Extracts every raw item of the capture day into stories, links and rejections."""
    paths = newsdesk.paths()
    day = context.partition_key
    report = build_story_partition(paths, day, reprocess=config.reprocess)
    context.log.info(
        f"{day}: {report.items} raw items -> {report.stories} stories, {report.links} links, "
        f"{report.rejected} rejected"
    )
    yield dg.MaterializeResult(
        asset_key=STORIES,
        metadata={
            "row_count": report.stories,
            "raw_items": report.items,
            "extracted_now": report.extracted,
            "by_kind": dict(report.kinds),
            "preview": dg.MetadataValue.json(report.preview),
            "path": str(lake.partition_file(paths.lake, "stories", day)),
        },
    )
    yield dg.MaterializeResult(asset_key=RELATED_LINKS, metadata={"row_count": report.links})
    yield dg.MaterializeResult(
        asset_key=REJECTED_ITEMS,
        metadata={"row_count": report.rejected, "reasons": dict(report.reasons.most_common(10))},
    )
    yield from story_checks(paths, day)


@dg.asset(
    key=ENTITY_MENTIONS,
    deps=[STORIES],
    group_name="lake",
    kinds={"parquet", "spacy"},
    partitions_def=capture_days,
    check_specs=[
        dg.AssetCheckSpec("mentions_point_to_stories", asset=ENTITY_MENTIONS, blocking=True)
    ],
    description="Named-entity mentions (people, organisations, places, ...) of each story "
    "record of the capture day, normalised to stable entity ids.",
)
def entity_mentions(
    context: dg.AssetExecutionContext,
    newsdesk: NewsdeskHome,
    entity_model: EntityModel,
    config: ReprocessConfig,
):
    """Recognises and normalises the entities each story of the capture day mentions."""
    paths = newsdesk.paths()
    day = context.partition_key
    report = build_mention_partition(
        paths,
        day,
        model=entity_model.model,
        n_process=entity_model.n_process,
        batch_size=entity_model.batch_size,
        reprocess=config.reprocess,
    )
    yield dg.MaterializeResult(
        metadata={
            "row_count": report.mentions,
            "stories": report.stories,
            "recognised_now": report.recognised,
            "skipped_stories": report.skipped,
            "top_entities": dg.MetadataValue.md(report.top_markdown()),
        }
    )
    stories = _table(paths, "stories", day, ["record_id"])
    mentions = _table(paths, "entity_mentions", day, ["record_id"])
    known = set(stories.column("record_id").to_pylist()) if stories is not None else set()
    orphans = (
        0
        if mentions is None
        else sum(1 for r in mentions.column("record_id").to_pylist() if r not in known)
    )
    yield dg.AssetCheckResult(passed=orphans == 0, metadata={"orphan_mentions": orphans})
