"""Fetching from the web: feeds and article pages, politely, incrementally, replayably.

Entry point: `fetch_sources` (see `newsdesk.fetch.run`); the sources file format is in
`docs/sources.md`.
"""

from newsdesk.fetch.report import FetchReport, SourceReport, load_last_report
from newsdesk.fetch.run import fetch_sources
from newsdesk.fetch.sources import SourcesConfig, SourcesError, load_sources

__all__ = [
    "FetchReport",
    "SourceReport",
    "SourcesConfig",
    "SourcesError",
    "fetch_sources",
    "load_last_report",
    "load_sources",
]
