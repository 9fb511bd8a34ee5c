"""End to end through the `newsdesk` command, as users and scripts run it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support import SAMPLES, SEED, SEED_TITLE

NEWSDESK = str(Path(sys.executable).parent / "newsdesk")


def run(*args, home, stdin=None, check=True):
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    env.pop("DAGSTER_HOME", None)
    done = subprocess.run(
        [NEWSDESK, *args],
        env=env,
        input=stdin,
        capture_output=True,
        check=False,
        text=True,
        timeout=240,
    )
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_ingest_build_status_on_the_samples(tmp_path):
    home = tmp_path / "home"
    out = run("ingest", str(SAMPLES), home=home).stdout
    assert "landed 6 new file(s)" in out
    assert "landed 0 new file(s), 6 already taken" in run("ingest", str(SAMPLES), home=home).stdout
    build = run("build", home=home)
    assert (
        "stories:" in build.stdout and str(home / "warehouse" / "newsdesk.duckdb") in build.stdout
    )
    assert "Traceback" not in build.stderr
    con = duckdb.connect(str(home / "warehouse" / "newsdesk.duckdb"), read_only=True)
    try:
        titles = [r[0] for r in con.execute("select title from stories").fetchall()]
        first = {
            t: con.execute(f"select * from {t} order by all").fetchall()
            for t in ("stories", "related_links", "entities", "entity_mentions", "rejected_items")
        }
        (rejected,) = con.execute("select count(*) from rejected_items").fetchone()
    finally:
        con.close()
    assert SEED_TITLE in titles and len(titles) >= 7 and rejected >= 1
    # Same landed content, second build: identical tables.
    second = run("build", home=home)
    assert "nothing new to process" in second.stderr
    con = duckdb.connect(str(home / "warehouse" / "newsdesk.duckdb"), read_only=True)
    try:
        for table, rows in first.items():
            assert con.execute(f"select * from {table} order by all").fetchall() == rows
    finally:
        con.close()
    status = json.loads(run("status", "--json", home=home).stdout)
    assert status["raw_items"] == 6 and status["pending_days"] == []
    assert status["warehouse_rows"]["stories"] == len(titles)


def test_extract_prints_the_seed_story(tmp_path):
    out = run("extract", str(SEED), home=tmp_path / "home").stdout.strip().splitlines()
    (story,) = [json.loads(line) for line in out]
    assert story["source_path"] == str(SEED)
    assert story["title"] == SEED_TITLE
    assert story["outlet"] == "Asian Lite News"
    assert story["published_at"].startswith("2022-10-09")
    assert [link["kind"] for link in story["links"]][:3] == [
        "also_read",
        "previous_story",
        "next_story",
    ]
    assert not (tmp_path / "home" / "raw" / "manifest.jsonl").exists()


def test_extract_with_url(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Quiet harbour</title></head><body><article>"
        + "".join(
            f"<p>On day {i} the harbour was quiet as ferry crews rested after a busy week of "
            f"storms, repairs and {i + 2} late sailings to the outer islands.</p>"
            for i in range(6)
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    out = run(
        "extract", str(page), "--url", "https://example.org/a?utm_source=x", home=tmp_path / "h"
    ).stdout
    story = json.loads(out)
    assert story["url"] == "https://example.org/a?utm_source=x"
    assert story["url_key"] == "https://example.org/a"


def test_entities_from_stdin_have_offsets_into_the_text():
    text = "Prime Minister Shehbaz Sharif met Joe Biden in Washington.\n\nSharif later left."
    out = run("entities", "-", home=Path("/tmp/unused-home"), stdin=text).stdout.splitlines()
    rows = [json.loads(line) for line in out]
    assert rows, "no entities"
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["source_path"] == "-"
    names = {r["name"] for r in rows}
    assert {"Shehbaz Sharif", "Joe Biden"} <= names
    sharif = {r["entity_id"] for r in rows if r["name"] == "Shehbaz Sharif"}
    assert len(sharif) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/no/such/file.html"], "no such file or folder: /no/such/file.html"),
        (["extract", "/no/such/file.html"], "no such file or folder: /no/such/file.html"),
        (["extract", "a", "b", "--url", "https://x.org"], "no such file or folder: a"),
    ],
)
def test_user_mistakes_get_one_line(tmp_path, args, message):
    done = run(*args, home=tmp_path / "home", check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert message in done.stderr


def test_an_empty_folder_is_one_line(tmp_path):
    empty = tmp_path / "empty"
    (empty / "Page_files").mkdir(parents=True)
    done = run("extract", str(empty), home=tmp_path / "home", check=False)
    assert done.returncode == 2
    assert "no files in folder" in done.stderr and "Traceback" not in done.stderr


def test_unusable_home_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run("status", home=blocker, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "exists and is not a folder" in done.stderr


def test_fetch_reports_every_sources_problem_with_its_line(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources.yaml").write_text(
        "sources:\n  - name: a\n    feeds: [ftp://example.org/feed]\n  - homepage: 3\n",
        encoding="utf-8",
    )
    done = run("fetch", home=home, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) >= 2
    assert all("sources.yaml:" in line for line in lines[1:] or lines)


def test_fetch_without_a_sources_file_is_one_line(tmp_path):
    done = run("fetch", home=tmp_path / "home", check=False)
    assert done.returncode == 2
    assert "sources" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0


def test_fetch_then_status_shows_the_report(tmp_path):
    from fetch_server import FetchServer

    home = tmp_path / "home"
    home.mkdir()
    with FetchServer() as server:
        (home / "sources.yaml").write_text(
            "user_agent: newsdesk-test/1.0\ncontact: mailto:ops@example.org\nsources:\n"
            f"  - name: register\n    feeds: ['{server.url('/feeds/register.atom')}']\n"
            "    allow_private: true\n    min_delay_s: 0.05\n",
            encoding="utf-8",
        )
        report = json.loads(run("fetch", home=home).stdout)
    assert report["totals"]["pages_fetched"] == 2
    status = json.loads(run("status", "--json", home=home).stdout)
    assert status["last_fetch"]["totals"]["pages_fetched"] == 2
    assert status["waiting_files"] == 0 and status["pending_days"]


def test_build_reprocess_redoes_a_day_and_checks_the_days_given(tmp_path):
    home = tmp_path / "home"
    run("ingest", str(SEED), home=home)
    run("build", home=home)
    status = json.loads(run("status", "--json", home=home).stdout)
    assert status["pending_days"] == []
    again = run("build", "--reprocess", "all", home=home)
    assert "processed capture days:" in again.stderr
    assert "stories:         1" in again.stdout
    wrong = run("build", "--reprocess", "2020-01-01", home=home, check=False)
    assert wrong.returncode == 2
    assert "no items were captured on 2020-01-01" in wrong.stderr
    for typo in ("2025-13-45", "yesterday", "2020-1-1"):
        bad = run("build", "--reprocess", typo, home=home, check=False)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
        assert bad.stderr.strip() == (
            f"newsdesk: --reprocess takes days as YYYY-MM-DD or 'all', not {typo}"
        )


def test_ingest_names_what_it_skips_and_takes_legacy_archives(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "notes.docx").write_bytes(b"PK\x03\x04")
    (drop / "crawl.arc").write_bytes(b"filedesc://crawl.arc 0.0.0.0 20200101000000 text/plain 0\n")
    done = run("ingest", str(drop), home=tmp_path / "home")
    assert "landed 1 new file(s), 0 already taken, 1 unsupported" in done.stdout
    (line,) = [ln for ln in done.stderr.splitlines() if "notes.docx" in ln]
    assert "unknown format" in line and ".arc" in line and ".warc" in line
