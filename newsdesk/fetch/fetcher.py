"""Polite GETs: robots.txt, per-host delay, retries with backoff, redirects, recording.

`Fetcher.get` is what the run uses for every URL. Each attempt of each redirect hop waits for
its host's turn, and every HTTP exchange (including robots.txt, errors, 304s and each hop) is
handed to the recorder so it ends up in the WARC file.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from newsdesk.fetch.client import Exchange, FetchError, HttpClient
from newsdesk.fetch.policy import (
    Budget,
    HostThrottle,
    RobotsAnswer,
    RobotsCache,
    RobotsRules,
)
from newsdesk.fetch.sources import Limits, url_problem

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# 501 and 505 say the server will never do it; retrying is pointless.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 508, 509, 520, 521, 522, 523, 524})
_CONDITIONAL = ("if-none-match", "if-modified-since")


@dataclass
class Outcome:
    """The result of fetching one URL (after redirects and retries).

    Attributes:
        url: URL asked for.
        final_url: URL of the last hop.
        exchange: Last exchange, or None when no response came.
        error: Why the URL gave nothing usable, or None.
        robots_blocked: True when robots.txt disallowed a hop.
    """

    url: str
    final_url: str
    exchange: Exchange | None = None
    error: str | None = None
    robots_blocked: bool = False

    @property
    def status(self) -> int | None:
        """Final HTTP status, or None."""
        return self.exchange.status if self.exchange else None


class Fetcher:
    """Fetches URLs for one source politely; shares the throttle and robots cache of the run."""

    def __init__(
        self,
        client: HttpClient,
        *,
        limits: Limits,
        throttle: HostThrottle,
        budget: Budget,
        record: Callable[[Exchange], None],
        min_delay_s: float,
        sleep: Callable[[float], None],
        rng: random.Random | None = None,
        robots_rules: dict[str, RobotsRules] | None = None,
    ) -> None:
        """Create the fetcher.

        Args:
            client: Sends single exchanges.
            limits: Retries, backoff and redirect limits.
            throttle: Per-host spacing (shared by the run).
            budget: The run's time budget.
            record: Receives every exchange (the WARC writer).
            min_delay_s: The source's minimum delay between requests to one host.
            sleep: Sleeps for backoff (injected by tests).
            rng: Jitter source.
            robots_rules: robots.txt rules per origin shared by the run (filled on demand).
        """
        self.client = client
        self.limits = limits
        self.throttle = throttle
        self.budget = budget
        self.record = record
        self.min_delay_s = min_delay_s
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.robots = RobotsCache(client.user_agent, self.load_robots, shared=robots_rules)
        self.requests = 0
        self.wire_bytes = 0

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Outcome:
        """Fetch `url`, obeying robots.txt on every hop.

        Args:
            url: Absolute http(s) URL.
            headers: Extra request headers (conditional ones are dropped after a redirect).

        Returns:
            The outcome; network problems are in `error`, never raised.

        Raises:
            BudgetExhausted: The run's time budget ran out.
        """
        return self._follow(url, headers or {}, obey_robots=True)

    def load_robots(self, robots_url: str) -> RobotsAnswer:
        """Fetch a robots.txt (redirects followed, itself not subject to robots)."""
        outcome = self._follow(robots_url, {}, obey_robots=False)
        if outcome.exchange is None or outcome.exchange.truncated == "time":
            return RobotsAnswer(status=None, error=outcome.error)
        return RobotsAnswer(status=outcome.exchange.status, body=outcome.exchange.body)

    def _follow(self, url: str, headers: dict[str, str], *, obey_robots: bool) -> Outcome:
        current = url
        seen = {url}
        for _hop in range(self.limits.max_redirects + 1):
            if obey_robots and not self.robots.allowed(current):
                unavailable = self.robots.unavailable(current)
                if unavailable:
                    reason = f"robots.txt unavailable ({unavailable}); not fetched"
                    return Outcome(url, current, error=reason)
                return Outcome(url, current, error="disallowed by robots.txt", robots_blocked=True)
            try:
                exchange = self._attempts(current, headers, obey_robots=obey_robots)
            except FetchError as exc:
                return Outcome(url, current, error=str(exc))
            target = _redirect_target(exchange)
            if target is None:
                return Outcome(url, current, exchange=exchange, error=_status_error(exchange))
            problem = url_problem(target)
            if problem:
                return Outcome(url, current, exchange, error=f"redirect refused: {problem}")
            if target in seen:
                return Outcome(url, current, exchange, error=f"redirect loop at {target}")
            seen.add(target)
            current = target
            headers = {k: v for k, v in headers.items() if k.lower() not in _CONDITIONAL}
        return Outcome(
            url, current, error=f"too many redirects (more than {self.limits.max_redirects})"
        )

    def _attempts(self, url: str, headers: dict[str, str], *, obey_robots: bool) -> Exchange:
        delay_s = self._host_delay(url) if obey_robots else self.min_delay_s
        for attempt in range(self.limits.retries + 1):
            last = attempt == self.limits.retries
            self.throttle.wait_turn(url, delay_s)
            self.requests += 1
            try:
                exchange = self.client.exchange(url, headers)
            except FetchError as exc:
                self.throttle.done(url)
                if not exc.retryable or last:
                    raise
                self._back_off(attempt, None)
                continue
            self.throttle.done(url)
            self.wire_bytes += exchange.wire_bytes
            self.record(exchange)
            if exchange.status not in _RETRY_STATUSES or last:
                return exchange
            retry_after = parse_retry_after(exchange.header("retry-after"))
            if retry_after is not None and retry_after > self.limits.max_retry_after_s:
                raise FetchError(
                    f"HTTP {exchange.status} with Retry-After {retry_after:g}s "
                    f"(over the {self.limits.max_retry_after_s:g}s limit)"
                )
            self._back_off(attempt, retry_after)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _back_off(self, attempt: int, retry_after: float | None) -> None:
        delay = backoff_delay(attempt, self.limits, self.rng)
        if retry_after is not None:
            delay = max(delay, retry_after)
        self.budget.check(delay)
        self.sleep(delay)

    def _host_delay(self, url: str) -> float:
        crawl_delay = self.robots.crawl_delay(url)
        if crawl_delay is None:
            return self.min_delay_s
        return max(self.min_delay_s, min(crawl_delay, self.limits.max_crawl_delay_s))


def backoff_delay(attempt: int, limits: Limits, rng: random.Random) -> float:
    """Exponential backoff with jitter: base * 2^attempt, capped, scaled by 0.5-1.0."""
    ceiling = min(limits.backoff_max_s, limits.backoff_base_s * (2**attempt))
    return ceiling * (0.5 + rng.random() / 2)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _redirect_target(exchange: Exchange) -> str | None:
    if exchange.status not in REDIRECT_STATUSES:
        return None
    location = exchange.header("location")
    if not location:
        return None
    return urljoin(exchange.url, location.strip())


def _status_error(exchange: Exchange) -> str | None:
    if exchange.status in REDIRECT_STATUSES:
        return f"HTTP {exchange.status} without a Location header"
    if exchange.status == 304 or 200 <= exchange.status < 300:
        return None
    return f"HTTP {exchange.status} {exchange.reason}".strip()
