"""Shared fixtures: an isolated newsdesk home per test, and the repository's sample folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.settings import Paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh newsdesk home; `$NEWSDESK_HOME` points at it for code that reads it."""
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return Paths.from_home(tmp_path / "home").ensure()
