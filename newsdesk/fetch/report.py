"""Run reports: what one fetch run did, per source, kept as the last report for `status`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.fetch.state import state_dir, write_json_atomic
from newsdesk.settings import Paths

LAST_REPORT = "last_report.json"


@dataclass
class SourceReport:
    """What a run did for one source.

    Attributes:
        source: Source name.
        feeds_fetched: Feeds and sitemaps answered with a full (2xx) response.
        feeds_not_modified: Feeds and sitemaps answered 304 Not Modified.
        new_urls: Item URLs not seen in earlier runs.
        pages_fetched: Article pages captured.
        skipped_robots: URLs not fetched because robots.txt disallows them.
        errors: One `url: reason` line per failure.
        requests: HTTP requests sent (retries and redirect hops included).
        bytes: Body bytes received from the network.
        warc: Stored object of the run's WARC file (relative to raw), or None.
    """

    source: str
    feeds_fetched: int = 0
    feeds_not_modified: int = 0
    new_urls: int = 0
    pages_fetched: int = 0
    skipped_robots: int = 0
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    bytes: int = 0
    warc: str | None = None

    def error(self, url: str, reason: str) -> None:
        """Record a failure."""
        self.errors.append(f"{url}: {reason}")


@dataclass
class FetchReport:
    """What a run did.

    Attributes:
        capture_day: Partition day the WARC files were registered under.
        started_at: ISO start time (UTC).
        finished_at: ISO end time (UTC).
        budget_exhausted: True when the time budget stopped the run early.
        sources: One report per source, in file order.
    """

    capture_day: str
    started_at: str
    finished_at: str | None = None
    budget_exhausted: bool = False
    sources: list[SourceReport] = field(default_factory=list)

    def source(self, name: str) -> SourceReport:
        """The report of the source called `name`.

        Raises:
            KeyError: No such source in this run.
        """
        for report in self.sources:
            if report.source == name:
                return report
        raise KeyError(name)

    def totals(self) -> dict[str, int]:
        """Counters summed over sources (errors counted)."""
        keys = (
            "feeds_fetched",
            "feeds_not_modified",
            "new_urls",
            "pages_fetched",
            "skipped_robots",
            "requests",
            "bytes",
        )
        totals = {key: sum(getattr(report, key) for report in self.sources) for key in keys}
        totals["errors"] = sum(len(report.errors) for report in self.sources)
        return totals

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (with `totals`), for asset metadata and the status command."""
        data = asdict(self)
        data["totals"] = self.totals()
        return data


def save_last_report(paths: Paths, report: FetchReport) -> Path:
    """Write the report as the latest run report; returns its path."""
    path = state_dir(paths.raw) / LAST_REPORT
    write_json_atomic(path, report.to_dict())
    return path


def load_last_report(paths: Paths) -> dict[str, Any] | None:
    """The latest run report as saved by `fetch_sources`, or None when there is none."""
    try:
        return json.loads((state_dir(paths.raw) / LAST_REPORT).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return None
