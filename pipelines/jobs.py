"""Jobs: what a run materialises."""

import dagster as dg

#: Sweep landing into raw, extract one capture day into the lake, and publish the warehouse.
refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.groups("raw", "lake", "warehouse"),
    description="Register new landing files, process one capture day into the lake, and "
    "republish the warehouse.",
)
