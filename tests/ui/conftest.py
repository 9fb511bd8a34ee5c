"""UI tests run only on request: `make test-ui` (`pytest -m ui tests/ui`) or NEWSDESK_UI_TESTS=1.

Plain `pytest` (and `make test`) skips every test in this folder: they start `dagster dev` and
drive headless Chromium, which needs Debian's `chromium` package and a minute or two.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ENV = "NEWSDESK_UI_TESTS"


def ui_requested(config: pytest.Config) -> bool:
    """True when `-m` selects the ui marker (not `not ui`) or the environment asks for it."""
    if os.environ.get(ENV) == "1":
        return True
    expression = config.getoption("markexpr", default="") or ""
    return re.search(r"(?<!not )\bui\b", expression) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip this folder's tests unless UI tests were requested."""
    if ui_requested(config):
        return
    skip = pytest.mark.skip(reason=f"UI test: run `make test-ui` or set {ENV}=1")
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(skip)
