"""Where newsdesk keeps its data: one home folder, resolved once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Environment variable naming the home folder; read only by entry points, never at import.
HOME_ENV = "NEWSDESK_HOME"
DEFAULT_HOME = "./data"


class HomeError(Exception):
    """The home folder cannot be used (not a folder, not writable); the message says why."""


@dataclass(frozen=True)
class Paths:
    """Every location newsdesk reads or writes, derived from one absolute home folder.

    Attributes:
        home: Absolute home folder (`NEWSDESK_HOME`, default `./data`).
    """

    home: Path

    @classmethod
    def from_home(cls, home: str | os.PathLike[str] | None = None) -> Paths:
        """Resolve the home folder once: the argument, else `$NEWSDESK_HOME`, else `./data`.

        Args:
            home: Explicit home folder, or None to use the environment or the default.

        Returns:
            Paths rooted at the absolute, resolved home folder.
        """
        chosen = home if home not in (None, "") else os.environ.get(HOME_ENV) or DEFAULT_HOME
        return cls(Path(chosen).expanduser().resolve())

    @property
    def landing(self) -> Path:
        """Folder where users (and `newsdesk ingest`) drop files."""
        return self.home / "landing"

    @property
    def raw(self) -> Path:
        """Immutable content-addressed copies of every input, plus the manifest."""
        return self.home / "raw"

    @property
    def lake(self) -> Path:
        """Normalised Parquet, hive-partitioned by capture day."""
        return self.home / "lake"

    @property
    def warehouse_dir(self) -> Path:
        """Folder of the published DuckDB file and its staging files."""
        return self.home / "warehouse"

    @property
    def warehouse(self) -> Path:
        """The published DuckDB file BI tools open (read-only)."""
        return self.warehouse_dir / "newsdesk.duckdb"

    @property
    def sources_file(self) -> Path:
        """Default sources file listing outlets to fetch."""
        return self.home / "sources.yaml"

    def ensure(self) -> Paths:
        """Create the home layout, or raise HomeError with one clear line.

        Returns:
            self, for chaining.
        """
        if self.home.exists() and not self.home.is_dir():
            raise HomeError(f"{HOME_ENV} {self.home} exists and is not a folder")
        try:
            for folder in (self.landing, self.raw, self.lake, self.warehouse_dir):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HomeError(f"cannot create the newsdesk home {self.home}: {exc.strerror}") from exc
        if not os.access(self.home, os.W_OK):
            raise HomeError(f"the newsdesk home {self.home} is not writable")
        return self
