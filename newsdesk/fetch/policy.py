"""Politeness: robots.txt per host, a minimum delay per host, and the run's time budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

#: RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt; more is ignored.
ROBOTS_MAX_BYTES = 512 * 1024


class BudgetExhausted(Exception):
    """The run's time budget is spent; no more requests may be made."""


class Budget:
    """A total time allowance measured on an injectable monotonic clock."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        """Start the budget now.

        Args:
            seconds: Total allowance.
            clock: Monotonic clock in seconds.
        """
        self.seconds = seconds
        self._clock = clock
        self._start = clock()
        self.exhausted = False

    def remaining(self) -> float:
        """Seconds left (negative when over)."""
        return self.seconds - (self._clock() - self._start)

    def check(self, wait_s: float = 0.0) -> None:
        """Raise unless there is time left after waiting `wait_s` seconds.

        Raises:
            BudgetExhausted: Not enough time left.
        """
        # Once a request could not be made in time the run is over, even if a later,
        # shorter wait would still fit.
        if self.exhausted or self.remaining() - wait_s <= 0:
            self.exhausted = True
            raise BudgetExhausted(f"time budget of {self.seconds:g}s exhausted")


def host_key(url: str) -> str:
    """The host a URL is throttled under (lower-case host name, port ignored)."""
    return (urlsplit(url).hostname or "").lower()


class HostThrottle:
    """Spaces requests to one host by a minimum delay, counted from the end of the last one."""

    def __init__(
        self, clock: Callable[[], float], sleep: Callable[[float], None], budget: Budget
    ) -> None:
        """Create the throttle.

        Args:
            clock: Monotonic clock in seconds.
            sleep: Sleeps that many seconds (injected by tests).
            budget: The run's budget; a wait past it raises `BudgetExhausted`.
        """
        self._clock = clock
        self._sleep = sleep
        self._budget = budget
        self._last_done: dict[str, float] = {}

    def wait_turn(self, url: str, delay_s: float) -> None:
        """Sleep until `url`'s host may be asked again.

        Raises:
            BudgetExhausted: The wait would run past the time budget.
        """
        last = self._last_done.get(host_key(url))
        wait = 0.0 if last is None else last + delay_s - self._clock()
        self._budget.check(max(wait, 0.0))
        if wait > 0:
            self._sleep(wait)

    def done(self, url: str) -> None:
        """Record that a request to `url`'s host just finished."""
        self._last_done[host_key(url)] = self._clock()


@dataclass(frozen=True)
class RobotsAnswer:
    """What fetching a robots.txt gave.

    Attributes:
        status: Final HTTP status, or None when no response came.
        body: Response body.
        error: Why no usable response came (network error, refused address), if so.
    """

    status: int | None
    body: bytes = b""
    error: str | None = None


@dataclass(frozen=True)
class RobotsRules:
    """Parsed rules of one origin.

    Attributes:
        parser: The rules.
        unavailable: Why robots.txt could not be read (everything is then disallowed).
    """

    parser: RobotFileParser
    unavailable: str | None = None


class RobotsCache:
    """robots.txt rules per origin, fetched once per run through `load`."""

    def __init__(
        self,
        user_agent: str,
        load: Callable[[str], RobotsAnswer],
        shared: dict[str, RobotsRules] | None = None,
    ) -> None:
        """Create the cache.

        Args:
            user_agent: Our User-Agent (its product token is matched against the rules).
            load: Fetches a robots.txt URL (following redirects).
            shared: Rules per origin shared with other caches of the same run.
        """
        self.user_agent = user_agent
        self._load = load
        self._rules: dict[str, RobotsRules] = {} if shared is None else shared

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets us fetch `url`."""
        return self.rules(url).parser.can_fetch(self.user_agent, url)

    def unavailable(self, url: str) -> str | None:
        """Why `url`'s robots.txt could not be read, or None when it was."""
        return self.rules(url).unavailable

    def crawl_delay(self, url: str) -> float | None:
        """The host's `Crawl-delay` for us, if it sets one."""
        delay = self.rules(url).parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    def rules(self, url: str) -> RobotsRules:
        """Parsed rules for `url`'s origin, loading them on first use."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._rules:
            answer = self._load(f"{origin}/robots.txt")
            self._rules[origin] = RobotsRules(parse_robots(answer), _unavailable(answer))
        return self._rules[origin]


def parse_robots(answer: RobotsAnswer) -> RobotFileParser:
    """Rules from a robots.txt answer, following RFC 9309.

    A 2xx body is parsed; any 4xx means no rules (allow all); a 5xx, a 429 or no response
    means the site is unreachable, so everything is disallowed for this run.
    """
    rules = RobotFileParser()
    status = answer.status
    if status is not None and 200 <= status < 300:
        text = answer.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
    elif status is not None and 400 <= status < 500 and status != 429:
        rules.allow_all = True
    else:
        rules.disallow_all = True
    return rules


def _unavailable(answer: RobotsAnswer) -> str | None:
    if answer.status is None:
        return answer.error or "no response"
    if answer.status >= 500 or answer.status == 429:
        return f"HTTP {answer.status}"
    return None
