"""UTF-16/32 JSON and JSON Lines exports, and ARC archives taken by `ingest`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsdesk.extract.dispatch import extract_path
from newsdesk.landing import ingest_paths, landing_files
from newsdesk.model import Rejection, Story
from newsdesk.raw import is_supported, object_suffix
from newsdesk.settings import Paths

ROWS = [
    {"title": f"Ünïcode {i}", "url": f"https://u.example/{i}", "text": "Grüße aus Köln. " * 8}
    for i in range(20)
]


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False)


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


@pytest.mark.parametrize(
    ("name", "text", "codec", "count"),
    [
        ("big.json", _json(ROWS), "utf-16", 20),
        ("big-le.json", _json(ROWS), "utf-16-le-bom", 20),
        ("big-be.json", _json(ROWS), "utf-16-be-bom", 20),
        ("small.json", _json(ROWS[:1]), "utf-16", 1),
        ("lines.jsonl", _jsonl(ROWS[:3]), "utf-16", 3),
        ("lines-be.jsonl", _jsonl(ROWS[:3]), "utf-16-be-bom", 3),
        ("big32.json", _json(ROWS), "utf-32", 20),
        ("lines.jsonl.gz", _jsonl(ROWS[:3]), "utf-16-gz", 3),
    ],
)
def test_wide_unicode_json_is_decoded_by_its_bom(
    tmp_path: Path, name: str, text: str, codec: str, count: int
) -> None:
    if codec == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    elif codec == "utf-16-gz":
        data = gzip.compress(text.encode("utf-16"))
    else:
        data = text.encode(codec)
    assert len(data) > 1000 or count < 20
    path = tmp_path / name
    path.write_bytes(data)
    results = list(extract_path(path))
    assert not [r for r in results if isinstance(r, Rejection)]
    assert [r.title for r in results] == [row["title"] for row in ROWS[:count]]
    assert all(isinstance(r, Story) and r.source_kind == "jsonl" for r in results)


def test_utf16_text_that_is_not_json_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = "<html><head><title>Wide page</title></head><body><p>Grüße.</p></body></html>"
    path.write_bytes(page.encode("utf-16"))
    (result,) = extract_path(path)
    # HTML decoding reads the BOM itself; the JSON transcoding must not touch it.
    assert not (isinstance(result, Rejection) and "JSON" in result.reason)


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("capture.arc", ".arc"), ("capture.arc.gz", ".arc.gz"), ("CAPTURE.ARC.GZ", ".arc.gz")],
)
def test_arc_names_are_supported(name: str, suffix: str) -> None:
    assert is_supported(name)
    assert object_suffix(name) == suffix


FIXTURE_ARC = Path(__file__).parent / "fixtures" / "warc" / "example.arc.gz"


@pytest.mark.parametrize("name", ["example.arc.gz", "example.arc"])
def test_ingest_takes_arc_files_that_extract_reads(home: Paths, tmp_path: Path, name: str) -> None:
    data = FIXTURE_ARC.read_bytes()
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(data if name.endswith(".gz") else gzip.decompress(data))
    report = ingest_paths(home, [source])
    assert report.unsupported == []
    (landed,) = landing_files(home.landing)
    assert landed.name == name
    (story,) = [r for r in extract_path(landed) if isinstance(r, Story)]
    assert story.url == "http://example.com/"
    assert story.source_kind == "warc"
