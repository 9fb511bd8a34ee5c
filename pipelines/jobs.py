"""Jobs: what a run materialises."""

import dagster as dg

from assets.lake import ENTITY_MENTIONS, RAW, REJECTED_ITEMS, RELATED_LINKS, STORIES
from assets.warehouse import WAREHOUSE_KEYS

#: Everything but fetching: what the landing sensor and runs for past days materialise.
PROCESS_KEYS = (
    RAW,
    STORIES,
    RELATED_LINKS,
    REJECTED_ITEMS,
    ENTITY_MENTIONS,
    *WAREHOUSE_KEYS.values(),
)


#: Fetch the sources, register landing files, process one capture day, republish the warehouse.
#: Runs may select a subset (the sensor and pending-day runs leave fetching out).
refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.groups("raw", "lake", "warehouse"),
    description="Fetch the sources (optional per run), register new landing files, process one "
    "capture day into the lake, and republish the warehouse.",
)
