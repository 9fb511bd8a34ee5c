"""A fetch run: every source's feeds and sitemaps, then its new article pages, into raw.

`fetch_sources` is the entry point for the Dagster asset and `newsdesk fetch`. Per source it
writes one WARC file holding every HTTP exchange, registers it in the raw store, then saves
the source's state (conditional-GET validators, captured URLs). Network problems never raise:
they are counted in the report.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk.fetch.client import HttpClient
from newsdesk.fetch.fetcher import Fetcher, Outcome
from newsdesk.fetch.links import NotAFeedError, feed_item_links, sitemap_links, unique_urls
from newsdesk.fetch.policy import Budget, BudgetExhausted, HostThrottle, RobotsRules
from newsdesk.fetch.report import FetchReport, SourceReport, save_last_report
from newsdesk.fetch.sources import Source, SourcesConfig, load_sources
from newsdesk.fetch.state import SourceState, source_lock
from newsdesk.fetch.warcfile import WarcRecorder
from newsdesk.raw import RawStore
from newsdesk.settings import Paths

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content types under which servers often send HTML; such bodies are sniffed.
SNIFFED_TYPES = frozenset({"", "application/octet-stream", "text/plain"})
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Child sitemaps followed per sitemap index.
MAX_CHILD_SITEMAPS = 20


def fetch_sources(
    paths: Paths,
    *,
    capture_day: str,
    sources_file: Path | None = None,
    source: str | None = None,
    refetch: bool = False,
    time_budget_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> FetchReport:
    """Fetch every source (or one), storing all HTTP exchanges in WARC files under raw.

    Args:
        paths: The newsdesk home.
        capture_day: ISO day the WARC files are registered under.
        sources_file: Sources file; defaults to `paths.sources_file`.
        source: Fetch only the source with this name.
        refetch: Fetch article pages again even when captured before.
        time_budget_s: Total seconds for the run; defaults to the file's `limits.time_budget_s`.
        clock: Monotonic clock for delays and the budget (tests inject a fake one).
        sleep: Sleep function for delays and backoff (tests inject a fake one).
        rng: Jitter source for backoff.

    Returns:
        The run report, also saved as `raw/fetch_state/last_report.json`.

    Raises:
        SourcesError: The sources file is missing or invalid, or `source` is unknown.
    """
    config = load_sources(sources_file or paths.sources_file)
    selected = [config.get(source)] if source else list(config.sources)
    budget = Budget(
        time_budget_s if time_budget_s is not None else config.limits.time_budget_s, clock
    )
    run = _Run(
        paths=paths,
        config=config,
        capture_day=capture_day,
        refetch=refetch,
        budget=budget,
        throttle=HostThrottle(clock, sleep, budget),
        sleep=sleep,
        rng=rng or random.Random(),
        robots_rules={},
    )
    report = FetchReport(capture_day=capture_day, started_at=_now())
    for chosen in selected:
        report.sources.append(_SourceRun(run, chosen).execute())
    report.budget_exhausted = budget.exhausted
    report.finished_at = _now()
    save_last_report(paths, report)
    return report


@dataclass
class _Run:
    """What every source of one run shares."""

    paths: Paths
    config: SourcesConfig
    capture_day: str
    refetch: bool
    budget: Budget
    throttle: HostThrottle
    sleep: Callable[[float], None]
    rng: random.Random
    robots_rules: dict[str, RobotsRules]


class _SourceRun:
    """Fetches one source into one WARC file and updates its state."""

    def __init__(self, run: _Run, source: Source) -> None:
        self.run = run
        self.source = source
        self.report = SourceReport(source=source.name)
        # Loaded in `execute`, under the source's lock.
        self.state = SourceState(path=Path())

    def execute(self) -> SourceReport:
        try:
            self.run.budget.check()
        except BudgetExhausted as exc:
            self.report.error(self.source.name, f"{exc}; source not fetched")
            return self.report
        with source_lock(self.run.paths.raw, self.source.name) as locked:
            if not locked:
                self.report.error(
                    self.source.name, "another fetch of this source is running; skipped"
                )
                return self.report
            self.state = SourceState.load(self.run.paths.raw, self.source.name)
            self._fetch_into_raw()
        return self.report

    def _fetch_into_raw(self) -> None:
        config = self.run.config
        with (
            WarcRecorder(self.run.paths.raw, self._file_name(), self._warcinfo()) as warc,
            HttpClient(
                user_agent=config.user_agent,
                limits=config.limits,
                allow_private=self.source.allow_private,
            ) as client,
        ):
            fetcher = Fetcher(
                client,
                limits=config.limits,
                throttle=self.run.throttle,
                budget=self.run.budget,
                record=warc.record,
                min_delay_s=self.source.min_delay_s,
                sleep=self.run.sleep,
                rng=self.run.rng,
                robots_rules=self.run.robots_rules,
            )
            try:
                items = self._listings(fetcher)
                self._articles(fetcher, items)
            except BudgetExhausted as exc:
                self.report.error(self.source.name, f"{exc}; run stopped")
            self.report.requests = fetcher.requests
            self.report.bytes = fetcher.wire_bytes
            item = warc.register(
                RawStore(self.run.paths.raw),
                capture_day=self.run.capture_day,
                source=f"fetch:{self.source.name}",
            )
            self.report.warc = item.object if item else None
        # Only once the WARC is safely registered: otherwise a lost file would leave the
        # state claiming pages (or feed versions) that raw does not hold.
        self.state.save()

    def _listings(self, fetcher: Fetcher) -> list[str]:
        items: list[str] = []
        for url in self.source.feeds:
            items += self._feed(fetcher, url)
        for url in self.source.sitemaps:
            items += self._sitemap(fetcher, url, follow_index=True)
        return unique_urls(list(items))

    def _feed(self, fetcher: Fetcher, url: str) -> list[str]:
        exchange, links = self._fetch_listing(fetcher, url, FEED_ACCEPT, feed_item_links)
        if exchange is not None:
            self.state.remember_listing(url, exchange, links)
        return links

    def _sitemap(self, fetcher: Fetcher, url: str, *, follow_index: bool) -> list[str]:
        exchange, found = self._fetch_listing(fetcher, url, SITEMAP_ACCEPT, sitemap_links)
        if exchange is None:
            return found
        if not found.sitemaps:
            # Only plain sitemaps are asked conditionally: an index must always be read so
            # that its children are asked (conditionally) in turn.
            self.state.remember_listing(url, exchange, found.pages)
        pages = list(found.pages)
        if follow_index:
            for child in found.sitemaps[:MAX_CHILD_SITEMAPS]:
                pages += self._sitemap(fetcher, child, follow_index=False)
        return pages

    def _fetch_listing(
        self, fetcher: Fetcher, url: str, accept: str, parse: Callable[[bytes, str], Any]
    ) -> tuple[Any, Any]:
        """Fetch a feed or sitemap conditionally and parse it.

        Returns:
            `(exchange, parsed)` for fresh content; `(None, urls)` otherwise, where `urls` are
            the links remembered from the last fetch (304) or none (error, robots, not a feed).
        """
        headers = {"Accept": accept, **self.state.conditional_headers(url)}
        outcome = fetcher.get(url, headers=headers)
        if not self._listing_usable(url, outcome):
            return None, self._unchanged_listing(url, outcome)
        assert outcome.exchange is not None
        try:
            parsed = parse(outcome.exchange.body, outcome.final_url)
        except NotAFeedError as exc:
            self.report.error(url, f"{exc} ({_type_of(outcome)})")
            return None, []
        self.report.feeds_fetched += 1
        return outcome.exchange, parsed

    def _unchanged_listing(self, url: str, outcome: Outcome) -> list[str]:
        if outcome.exchange is not None and outcome.exchange.status == 304:
            return self.state.listing(url)
        return []

    def _listing_usable(self, url: str, outcome: Outcome) -> bool:
        if outcome.robots_blocked:
            self.report.skipped_robots += 1
            return False
        if outcome.error:
            self.report.error(url, outcome.error)
            return False
        assert outcome.exchange is not None
        if outcome.exchange.status == 304:
            self.report.feeds_not_modified += 1
            return False
        if outcome.exchange.truncated:
            self.report.error(url, "; ".join(outcome.exchange.notes) or "body incomplete")
            return False
        return True

    def _articles(self, fetcher: Fetcher, items: list[str]) -> None:
        self.report.new_urls = sum(1 for url in items if not self.state.is_seen(url))
        self.state.mark_seen(items)
        if not self.source.fetch_articles:
            return
        todo = [url for url in items if self.run.refetch or not self.state.is_captured(url)]
        for url in todo[: self.source.max_items]:
            self._article(fetcher, url)

    def _article(self, fetcher: Fetcher, url: str) -> None:
        outcome = fetcher.get(url, headers={"Accept": PAGE_ACCEPT})
        if outcome.robots_blocked:
            self.report.skipped_robots += 1
            return
        if outcome.error or outcome.exchange is None:
            self.report.error(url, outcome.error or "no response")
            return
        problem = _page_problem(outcome)
        if problem:
            self.report.error(url, problem)
            return
        self.report.pages_fetched += 1
        self.state.mark_captured(url, outcome.final_url)

    def _file_name(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return f"{self.source.name}-{self.run.capture_day}-{stamp}.warc.gz"

    def _warcinfo(self) -> dict[str, str]:
        return {
            "software": "newsdesk fetch",
            "http-header-user-agent": self.run.config.user_agent,
            "robots": "obey",
            "isPartOf": self.source.name,
            "format": "WARC File Format 1.0",
            "description": f"newsdesk fetch of source {self.source.name}, "
            f"capture day {self.run.capture_day}",
        }


def _page_problem(outcome: Outcome) -> str | None:
    exchange = outcome.exchange
    assert exchange is not None
    if exchange.truncated:
        return "; ".join(exchange.notes) or "body incomplete"
    if exchange.status != 200 and not exchange.body.strip():
        return f"HTTP {exchange.status} with an empty body"
    if not exchange.body.strip():
        return "empty body"
    if exchange.content_type in HTML_TYPES:
        return None
    if exchange.content_type in SNIFFED_TYPES and _HTML_START.match(exchange.body[:2048]):
        return None
    return f"not an HTML page ({_type_of(outcome)})"


def _type_of(outcome: Outcome) -> str:
    content_type = outcome.exchange.content_type if outcome.exchange else ""
    return f"Content-Type {content_type}" if content_type else "no Content-Type"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
