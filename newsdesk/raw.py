"""The raw store: immutable, content-addressed copies of every input, with a manifest.

Everything downstream reads from here, so a build can be replayed without the landing folder
or the network. Each object is stored once per content hash (`objects/ab/abcdef....<ext>`);
`manifest.jsonl` has one line per registered object, appended under a file lock so a sensor
run and a CLI build can register at the same time.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

#: File name suffixes newsdesk reads (each also gzip-compressed).
SUPPORTED_SUFFIXES = (
    ".html",
    ".htm",
    ".mhtml",
    ".mht",
    ".txt",
    ".json",
    ".jsonl",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".arc",
)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class RawItem:
    """One registered raw object.

    Attributes:
        sha256: Hash of the bytes as stored (gzip files are hashed compressed).
        name: Original file name (kept for format detection and for users).
        source: Where it came from: the original path, or the URL for fetched items.
        size: Size in bytes.
        capture_day: ISO day (UTC) the item arrived in newsdesk; the lake partition key.
        registered_at: ISO timestamp of registration.
        origin: `landing`, `fetch` or `ingest`.
        object: Path of the stored copy, relative to the raw folder.
        url: Page URL when known (fetched items).
    """

    sha256: str
    name: str
    source: str
    size: int
    capture_day: str
    registered_at: str
    origin: str
    object: str
    url: str | None = None


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_supported(name: str) -> bool:
    """True when the file name has a suffix newsdesk reads (optionally `.gz`)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(SUPPORTED_SUFFIXES)


def object_suffix(name: str) -> str:
    """The suffix kept on a stored object (`.html`, `.warc.gz`, ...), empty when unknown."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    for suffix in SUPPORTED_SUFFIXES:
        if lower.endswith(suffix):
            return suffix + (".gz" if gz else "")
    return ".gz" if gz else ""


def arrival_time(stat: os.stat_result) -> float:
    """When a file arrived: the later of its modification and status-change times, not after now.

    A file moved into a folder keeps its old modification time but gets a new change time;
    a clock-skewed future time is capped at now.
    """
    return min(max(stat.st_mtime, stat.st_ctime), time.time())


def day_of(timestamp: float) -> str:
    """ISO UTC day of a Unix timestamp."""
    return datetime.fromtimestamp(timestamp, tz=UTC).date().isoformat()


class RawStore:
    """Content-addressed store under `root` with an append-only JSONL manifest."""

    def __init__(self, root: Path) -> None:
        """Open (and create) the store.

        Args:
            root: The raw folder (`$NEWSDESK_HOME/raw`).
        """
        self.root = root
        self.objects = root / "objects"
        self.manifest = root / "manifest.jsonl"
        self._lock_path = root / ".manifest.lock"
        self._known: set[str] = set()
        self._offset = 0

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with self._lock_path.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def items(self, capture_day: str | None = None) -> list[RawItem]:
        """Registered items, in registration order, optionally for one capture day."""
        if not self.manifest.exists():
            return []
        found = []
        with self.manifest.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    # A line cut by a crash mid-append; the object is re-registered next sweep.
                    continue
                if capture_day is None or row.get("capture_day") == capture_day:
                    found.append(RawItem(**row))
        return found

    def known_hashes(self) -> set[str]:
        """Hashes of every registered object."""
        self._refresh()
        return set(self._known)

    def _refresh(self) -> None:
        """Read only the manifest lines appended since the last call."""
        if not self.manifest.exists():
            return
        with self.manifest.open("rb") as handle:
            handle.seek(self._offset)
            for line in handle:
                if not line.endswith(b"\n"):
                    break
                self._offset += len(line)
                with contextlib.suppress(json.JSONDecodeError, KeyError):
                    self._known.add(json.loads(line)["sha256"])

    def has(self, sha256: str) -> bool:
        """True when content with this hash is registered."""
        if sha256 not in self._known:
            self._refresh()
        return sha256 in self._known

    def days(self) -> dict[str, int]:
        """Registered item count per capture day."""
        counts: dict[str, int] = {}
        for item in self.items():
            counts[item.capture_day] = counts.get(item.capture_day, 0) + 1
        return counts

    def path_of(self, item: RawItem) -> Path:
        """Absolute path of an item's stored copy."""
        return self.root / item.object

    def register_file(
        self,
        path: Path,
        *,
        origin: str,
        capture_day: str | date | None = None,
        url: str | None = None,
        source: str | None = None,
        sha256: str | None = None,
    ) -> RawItem | None:
        """Copy a file into the store and append it to the manifest.

        Args:
            path: File to register.
            origin: `landing`, `fetch` or `ingest`.
            capture_day: Partition day; defaults to the UTC day the file arrived (the later of
                its modification and status-change times, so a moved file counts when moved).
            url: Page URL, when known.
            source: What to record as the item's source (defaults to the path).
            sha256: Precomputed hash, to avoid reading the file twice.

        Returns:
            The new item, or None when the same content is already registered.
        """
        digest = sha256 or sha256_file(path)
        if capture_day is None:
            capture_day = day_of(arrival_time(path.stat()))
        relative = Path("objects") / digest[:2] / f"{digest}{object_suffix(path.name)}"
        with self._locked():
            if self.has(digest):
                return None
            target = self.root / relative
            if not target.exists():
                _atomic_copy(path, target)
            item = RawItem(
                sha256=digest,
                name=path.name,
                source=source or str(path),
                size=path.stat().st_size,
                capture_day=str(capture_day),
                registered_at=datetime.now(UTC).isoformat(timespec="seconds"),
                origin=origin,
                object=str(relative),
                url=url,
            )
            line = json.dumps(asdict(item), ensure_ascii=False) + "\n"
            with self.manifest.open("a", encoding="utf-8") as handle:
                if handle.tell() and not _ends_with_newline(self.manifest):
                    line = "\n" + line  # a crash cut the last line; never merge with it
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            self._known.add(digest)
        return item


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _atomic_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, _CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o444)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
