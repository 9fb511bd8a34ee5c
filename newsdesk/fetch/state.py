"""What the fetcher remembers between runs, per source, under `raw/fetch_state/`.

For each feed the last ETag and Last-Modified (for conditional GET) and the item URLs of its
last full response (so a 304 still yields the items not captured yet, e.g. those left over by
`max_items`), the normalised URLs of article pages already captured, and the item URLs
already seen. The state only saves work: the warehouse is rebuilt from the WARC files alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.fetch.client import Exchange
from newsdesk.urls import normalize_url

STATE_DIR = "fetch_state"


def state_dir(raw: Path) -> Path:
    """The folder holding fetch state and the last run report."""
    return raw / STATE_DIR


@dataclass
class SourceState:
    """Fetch state of one source.

    Attributes:
        path: File it is saved to.
        validators: Feed URL -> `{"etag": ..., "last_modified": ...}`.
        listings: Feed URL -> item URLs of its last full response.
        captured: Normalised URLs of article pages captured.
        seen: Normalised item URLs seen in feeds or sitemaps.
    """

    path: Path
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    listings: dict[str, list[str]] = field(default_factory=dict)
    captured: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, raw: Path, source_name: str) -> SourceState:
        """Read a source's state; a missing or unreadable file gives an empty state."""
        path = state_dir(raw) / f"{source_name}.json"
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            return cls(path)
        return cls(
            path,
            validators=dict(data.get("validators") or {}),
            listings=dict(data.get("listings") or {}),
            captured=set(data.get("captured") or ()),
            seen=set(data.get("seen") or ()),
        )

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since headers for a feed URL."""
        known = self.validators.get(url, {})
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def listing(self, url: str) -> list[str]:
        """Item URLs of a feed's last full response (empty when unknown)."""
        return list(self.listings.get(url, ()))

    def remember_listing(self, url: str, exchange: Exchange, items: list[str]) -> None:
        """Keep a feed's items and the ETag / Last-Modified of its full response."""
        self.listings[url] = list(items)
        etag = exchange.header("etag")
        modified = exchange.header("last-modified")
        if etag or modified:
            self.validators[url] = {
                k: v for k, v in (("etag", etag), ("last_modified", modified)) if v
            }
        else:
            self.validators.pop(url, None)

    def is_captured(self, url: str) -> bool:
        """True when the article page at `url` was captured before."""
        return _key(url) in self.captured

    def is_seen(self, url: str) -> bool:
        """True when `url` was listed by a feed or sitemap before, or captured."""
        key = _key(url)
        return key in self.seen or key in self.captured

    def mark_captured(self, *urls: str) -> None:
        """Record article pages as captured."""
        self.captured.update(k for k in map(_key, urls) if k)

    def mark_seen(self, urls: list[str]) -> None:
        """Record item URLs as seen."""
        self.seen.update(k for k in map(_key, urls) if k)

    def save(self) -> None:
        """Write the state atomically."""
        data = {
            "validators": dict(sorted(self.validators.items())),
            "listings": dict(sorted(self.listings.items())),
            "captured": sorted(self.captured),
            "seen": sorted(self.seen),
        }
        write_json_atomic(self.path, data)


@contextlib.contextmanager
def source_lock(raw: Path, source_name: str) -> Iterator[bool]:
    """Hold the source's lock file if no other run holds it.

    Yields:
        True when the lock is held for the duration of the block, False when another
        process (or run) is fetching this source.
    """
    path = state_dir(raw) / f"{source_name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _key(url: str) -> str:
    return normalize_url(url) or url


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to `path` via a temporary file and a rename, so readers never see half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
