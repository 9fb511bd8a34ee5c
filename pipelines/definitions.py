"""The one code location: every asset, check, job, schedule, sensor and resource of newsdesk."""

import dagster as dg

from assets.fetch import fetched_pages
from assets.lake import entity_mentions, story_records
from assets.raw import raw_news_items
from assets.warehouse import warehouse_tables
from pipelines.jobs import refresh_job
from pipelines.resources import default_resources
from pipelines.schedules import nightly_refresh
from pipelines.sensors import landing_sensor

ASSETS = [fetched_pages, raw_news_items, story_records, entity_mentions, warehouse_tables]

defs = dg.Definitions(
    assets=ASSETS,
    jobs=[refresh_job],
    schedules=[nightly_refresh],
    sensors=[landing_sensor],
    resources=default_resources(),
)
