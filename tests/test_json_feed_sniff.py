"""JSON Feeds are recognised whatever their slashes and key order, as files and in WARCs."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.extract.dispatch import extract_path
from newsdesk.extract.feeds import looks_like_feed
from newsdesk.extract.warc import extract_warc
from newsdesk.model import Story

VERSION = "https://jsonfeed.org/version/1.1"


def _feed(items: int = 3) -> dict:
    return {
        "version": VERSION,
        "title": "Harbour Notes",
        "home_page_url": "https://harbour.example/",
        "language": "en",
        "items": [
            {
                "id": str(i),
                "url": f"https://harbour.example/posts/{i}",
                "title": f"Post {i}",
                "content_html": f"<p>Body of post {i}, long enough to read.</p>" * 4,
                "authors": [{"name": "Ann Example"}],
            }
            for i in range(items)
        ],
    }


def _escaped_slashes(doc: dict) -> bytes:
    # PHP's json_encode and WordPress escape every "/" as "\/".
    return json.dumps(doc, indent=2).replace("/", "\\/").encode()


def _sorted_keys(doc: dict) -> bytes:
    # "items" sorts before "version": with 60 items the version is far past the first 4 KB.
    return json.dumps(doc, sort_keys=True, indent=1).encode()


LAYOUTS = [
    pytest.param(lambda: json.dumps(_feed()).encode(), id="plain"),
    pytest.param(lambda: _escaped_slashes(_feed()), id="escaped-slashes"),
    pytest.param(lambda: _sorted_keys(_feed(60)), id="sorted-keys"),
    pytest.param(lambda: _escaped_slashes(_sorted_keys_doc()), id="sorted-and-escaped"),
    pytest.param(lambda: b"\xef\xbb\xbf" + _sorted_keys(_feed(60)), id="bom-sorted"),
]


def _sorted_keys_doc() -> dict:
    return json.loads(_sorted_keys(_feed(60)))


@pytest.mark.parametrize("make", LAYOUTS)
def test_looks_like_feed(make) -> None:
    assert looks_like_feed(make()) == "jsonfeed"


@pytest.mark.parametrize(
    "data",
    [
        json.dumps([{"title": "An export", "body": "mentions https://jsonfeed.org/version/1"}]),
        json.dumps({"version": "2.3", "items": [{"title": "x"}], "about": "jsonfeed.org"}),
        json.dumps({"articles": [{"title": "No feed here"}]}),
    ],
    ids=["list-naming-jsonfeed", "other-version", "export-object"],
)
def test_other_json_is_not_a_feed(data: str) -> None:
    assert looks_like_feed(data.encode()) is None


@pytest.mark.parametrize("make", LAYOUTS)
@pytest.mark.parametrize("name", ["feed.json", "feed.json.gz", "feed"])
def test_a_json_feed_file_is_read_as_a_feed(tmp_path: Path, make, name: str) -> None:
    data = make()
    if name.endswith(".gz"):
        data = gzip.compress(data)
    path = tmp_path / name
    path.write_bytes(data)
    stories = [r for r in extract_path(path) if isinstance(r, Story)]
    assert stories and all(s.source_kind == "feed" for s in stories)
    first = stories[0]
    assert first.outlet == "Harbour Notes"
    assert first.language == "en"
    assert first.authors == ["Ann Example"]
    assert first.paragraphs and first.paragraphs[0].startswith("Body of post 0")


@pytest.mark.parametrize("make", LAYOUTS)
@pytest.mark.parametrize(
    "content_type", ["application/feed+json", "application/json", "application/octet-stream"]
)
def test_a_json_feed_inside_a_warc_gives_its_items(make, content_type: str) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/feed.json",
            "response",
            payload=io.BytesIO(make()),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
        )
    )
    out.seek(0)
    stories = [r for r in extract_warc(out, source_path="f.warc.gz") if isinstance(r, Story)]
    assert stories and stories[0].title == "Post 0"
    assert {s.outlet for s in stories} == {"Harbour Notes"}
