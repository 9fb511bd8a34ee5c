"""Partitions shared by the lake assets."""

import dagster as dg

#: One partition per UTC capture day (the day an item arrived in newsdesk, so never before
#: newsdesk existed). `end_offset=1` includes today, so the landing sensor can process files
#: the day they arrive.
capture_days = dg.DailyPartitionsDefinition(start_date="2025-01-01", timezone="UTC", end_offset=1)
