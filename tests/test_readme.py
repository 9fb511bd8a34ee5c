"""The README's command examples work as written (a command in the docs is a command that works)."""

import os
import re
import shlex
import subprocess

import pytest

from tests.support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _try_it_block() -> list[str]:
    match = re.search(r"Try it on the seed page dump:\n\n```sh\n(.*?)```", README, re.DOTALL)
    assert match, "README lost its 'Try it' example"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_readme_starts_with_the_three_make_commands():
    head = README.split("\n## ", 1)[0]
    for command in ("make run", "make test", "make dev"):
        assert command in head
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("run:", "test:", "dev:"):
        assert f"\n{target}" in makefile


def test_try_it_example_runs(tmp_path):
    lines = _try_it_block()
    assert lines[0].startswith("export NEWSDESK_HOME=")
    if not (REPO.parent / "shared" / "seed").exists():
        pytest.skip("../shared/seed is not beside this checkout")
    env = {**os.environ, "NEWSDESK_HOME": str(tmp_path / "home")}
    env.pop("DAGSTER_HOME", None)
    outputs = []
    for line in lines[1:]:
        for command in line.split("&&"):
            done = subprocess.run(
                shlex.split(command),
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=240,
                check=False,
            )
            assert done.returncode == 0, f"{command}: {done.stderr[-2000:]}"
            outputs.append(done.stdout)
    assert "stories:         1" in "".join(outputs)
    assert '"title": "US, allies pushing Pakistan to vote against Russia at UN"' in outputs[-1]
