"""Fetching against a real HTTP server on 127.0.0.1: real feeds and pages, bad endpoints.

No client is mocked: requests go through sockets to `tests/fetch_server.py`. Time-based
politeness runs on a fake clock whose `sleep` only advances it, so delays and backoff are
checked exactly and cost no wall time; only read timeouts use real (sub-second) time.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import re
import socket
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from fetch_server import ETAG, LAST_MODIFIED, PAGES, FakeClock, FetchServer, fixture_bytes
from warcio.archiveiterator import ArchiveIterator

from newsdesk.fetch import (
    FetchReport,
    SourcesError,
    fetch_sources,
    load_last_report,
    load_sources,
)
from newsdesk.fetch.client import Decoder, FetchError, HttpClient, is_public_address, resolve
from newsdesk.fetch.fetcher import backoff_delay, parse_retry_after
from newsdesk.fetch.links import feed_item_links, sitemap_links
from newsdesk.fetch.policy import RobotsAnswer, parse_robots
from newsdesk.fetch.sources import Limits, parse_sources
from newsdesk.fetch.state import source_lock
from newsdesk.raw import RawStore
from newsdesk.settings import Paths

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parent.parent
DAY = "2024-05-01"
UA = "newsdesk-test/1.0"
CONTACT = "mailto:ops@example.org"
# Small limits so every bad endpoint trips quickly; timeouts are real seconds.
LIMITS = {
    "connect_timeout_s": 2,
    "read_timeout_s": 2,
    "request_timeout_s": 5,
    "max_body_bytes": 1_000_000,
    "max_decompressed_bytes": 2_000_000,
    "max_redirects": 4,
    "retries": 2,
    "backoff_base_s": 1,
    "backoff_max_s": 30,
    "max_retry_after_s": 60,
    "time_budget_s": 3600,
}
REGISTER_PAGES = [
    "/2019/07/31/orbitbeyond_drops_nasa_moon_contract/",
    "/2019/07/30/french_arming_satellites/",
]
ARS_PAGE = "/tech/2019/08/apple-cash-alphabet/"


# ---------------------------------------------------------------- helpers


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock):
    with FetchServer(clock) as running:
        yield running


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.from_home(tmp_path / "home").ensure()


def write_sources(paths: Paths, sources: list[dict[str, Any]], **limits: Any) -> Path:
    doc = {
        "user_agent": UA,
        "contact": CONTACT,
        "limits": {**LIMITS, **limits},
        "sources": [{"allow_private": True, "min_delay_s": 1, **s} for s in sources],
    }
    paths.sources_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return paths.sources_file


def run(paths: Paths, clock: FakeClock, **kwargs: Any) -> FetchReport:
    return fetch_sources(
        paths,
        capture_day=DAY,
        clock=clock,
        sleep=clock.sleep,
        rng=random.Random(7),
        **kwargs,
    )


def listing(server: FetchServer, *paths_: str) -> str:
    return server.url("/list.rss?" + "&".join(f"u={p}" for p in paths_))


def warc_records(paths: Paths, source: str) -> list[Any]:
    """(type, uri, warc headers, http headers, payload) of every record of a source's WARCs."""
    store = RawStore(paths.raw)
    found = []
    for item in store.items():
        if item.source != f"fetch:{source}":
            continue
        assert item.name.endswith(".warc.gz")
        assert item.origin == "fetch"
        assert item.capture_day == DAY
        with store.path_of(item).open("rb") as handle:
            found.extend(
                (
                    record.rec_type,
                    record.rec_headers.get_header("WARC-Target-URI"),
                    record.rec_headers,
                    record.http_headers,
                    record.content_stream().read(),
                )
                for record in ArchiveIterator(handle)
            )
    return found


def responses(paths: Paths, source: str, path: str) -> list[Any]:
    """Response records of a source whose target is `path` (with its query, if any)."""
    found = []
    for record in warc_records(paths, source):
        parts = urlsplit(record[1] or "")
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if record[0] == "response" and target == path:
            found.append(record)
    return found


# ---------------------------------------------------------------- end to end


def test_first_run_fetches_feeds_and_pages_into_a_warc(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "register",
                "feeds": [server.url("/feeds/register.atom"), server.url("/feeds/ars.rss")],
            }
        ],
    )
    report = run(paths, clock)
    source = report.source("register")
    assert source.errors == []
    assert (source.feeds_fetched, source.feeds_not_modified) == (2, 0)
    assert (source.new_urls, source.pages_fetched, source.skipped_robots) == (3, 3, 0)
    assert source.requests == 6  # robots.txt, 2 feeds, 3 pages
    assert source.bytes > 0 and source.warc is not None

    records = warc_records(paths, "register")
    assert records[0][0] == "warcinfo"
    types = [r[0] for r in records[1:]]
    assert types == ["response", "request"] * 6
    for path in [*REGISTER_PAGES, ARS_PAGE]:
        ((_, uri, warc_headers, http, body),) = responses(paths, "register", path)
        assert uri == server.url(path)
        assert http.get_statuscode() == "200"
        assert http.get_header("Content-Type") == "text/html; charset=utf-8"
        # Stored decoded whatever the transfer encoding (br, identity, gzip).
        assert body == fixture_bytes(PAGES[path][0])
        assert http.get_header("Content-Encoding") is None
        assert http.get_header("Content-Length") == str(len(body))
        assert warc_headers.get_header("WARC-X-Content-Encoding") == PAGES[path][1]
        assert warc_headers.get_header("WARC-Truncated") is None
    ((_, _, _, feed_http, feed_body),) = responses(paths, "register", "/feeds/register.atom")
    assert feed_http.get_header("Content-Type") == "application/atom+xml; charset=utf-8"
    assert feed_http.get_header("ETag") == ETAG
    assert b"<feed" in feed_body
    request = next(r for r in records if r[0] == "request" and r[1].endswith(ARS_PAGE))
    assert request[3].get_header("User-Agent") == f"{UA} (+{CONTACT})"
    assert request[3].protocol == "GET"
    assert request[3].statusline == "/tech/2019/08/apple-cash-alphabet/ HTTP/1.1"

    # The temporary WARC is gone; only the stored copy remains.
    assert not list(paths.raw.glob(".fetch-*"))
    assert server.seen("/robots.txt")[0].headers["user-agent"] == f"{UA} (+{CONTACT})"


def test_second_run_gets_304_and_fetches_no_page_then_refetch_does(paths, server, clock):
    feeds = [server.url("/feeds/register.atom"), server.url("/feeds/ars.rss")]
    write_sources(paths, [{"name": "register", "feeds": feeds}])
    run(paths, clock)
    pages_before = {p: server.hits(p) for p in [*REGISTER_PAGES, ARS_PAGE]}

    second = run(paths, clock).source("register")
    assert (second.feeds_fetched, second.feeds_not_modified) == (0, 2)
    assert (second.new_urls, second.pages_fetched) == (0, 0)
    assert second.errors == []
    assert {p: server.hits(p) for p in pages_before} == pages_before
    assert server.seen("/feeds/register.atom")[-1].headers["if-none-match"] == ETAG
    assert server.seen("/feeds/ars.rss")[-1].headers["if-modified-since"] == LAST_MODIFIED
    # The 304 exchanges are archived too.
    statuses = [r[3].get_statuscode() for r in responses(paths, "register", "/feeds/ars.rss")]
    assert sorted(statuses) == ["200", "304"]

    third = run(paths, clock, refetch=True).source("register")
    assert (third.feeds_not_modified, third.pages_fetched, third.new_urls) == (2, 3, 0)
    assert all(server.hits(p) == 2 for p in pages_before)


def test_stories_end_to_end_and_replay_without_network(paths, server, clock):
    extract_warc = pytest.importorskip("newsdesk.extract.warc").extract_warc
    write_sources(
        paths,
        [
            {
                "name": "register",
                "feeds": [server.url("/feeds/register.atom"), server.url("/feeds/ars.rss")],
            }
        ],
    )
    run(paths, clock)
    server.stop()

    def stories() -> list[tuple[str | None, str | None]]:
        store = RawStore(paths.raw)
        found = []
        for item in store.items():
            with store.path_of(item).open("rb") as handle:
                found += [
                    (s.url, s.title)
                    for s in extract_warc(handle, source_path=item.name)
                    if hasattr(s, "title")
                ]
        return sorted(found)

    first = stories()
    assert {url for url, _ in first} == {server.url(p) for p in [*REGISTER_PAGES, ARS_PAGE]}
    assert all(title for _, title in first)
    assert stories() == first  # raw alone rebuilds the same stories, network gone


def test_max_items_leaves_the_rest_for_the_next_run_even_on_304(paths, server, clock):
    write_sources(
        paths, [{"name": "register", "feeds": [server.url("/feeds/register.atom")], "max_items": 1}]
    )
    first = run(paths, clock).source("register")
    assert (first.new_urls, first.pages_fetched) == (2, 1)
    second = run(paths, clock).source("register")
    assert (second.feeds_not_modified, second.new_urls, second.pages_fetched) == (1, 0, 1)
    assert all(server.hits(p) == 1 for p in REGISTER_PAGES)


def test_feed_only_source_fetches_no_page(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "register",
                "feeds": [server.url("/feeds/register.atom")],
                "fetch_articles": False,
            }
        ],
    )
    report = run(paths, clock).source("register")
    assert (report.feeds_fetched, report.new_urls, report.pages_fetched) == (1, 2, 0)
    assert server.paths() == ["/robots.txt", "/feeds/register.atom"]


def test_report_is_saved_for_status(paths, server, clock):
    assert load_last_report(paths) is None
    write_sources(paths, [{"name": "register", "feeds": [server.url("/feeds/register.atom")]}])
    report = run(paths, clock)
    saved = load_last_report(paths)
    assert saved == json.loads(json.dumps(report.to_dict()))
    assert saved["sources"][0]["pages_fetched"] == 2
    assert saved["totals"]["pages_fetched"] == 2
    assert (paths.raw / "fetch_state" / "register.json").exists()


def test_real_clock_and_sleep_by_default(paths, server):
    write_sources(
        paths, [{"name": "ars", "feeds": [server.url("/feeds/ars.rss")], "min_delay_s": 0}]
    )
    report = fetch_sources(paths, capture_day=DAY, time_budget_s=20)
    assert (report.source("ars").pages_fetched, report.budget_exhausted) == (1, False)


def test_only_the_named_source_is_fetched(paths, server, clock):
    write_sources(
        paths,
        [
            {"name": "register", "feeds": [server.url("/feeds/register.atom")]},
            {"name": "ars", "feeds": [server.url("/feeds/ars.rss")]},
        ],
    )
    report = run(paths, clock, source="ars")
    assert [s.source for s in report.sources] == ["ars"]
    assert server.hits("/feeds/register.atom") == 0
    with pytest.raises(SourcesError, match="no source named 'nope'"):
        run(paths, clock, source="nope")


# ---------------------------------------------------------------- politeness


def test_per_host_delay_is_respected_on_the_injected_clock(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "register",
                "feeds": [server.url("/feeds/register.atom"), server.url("/feeds/ars.rss")],
                "min_delay_s": 5,
            }
        ],
    )
    run(paths, clock)
    times = [seen.at for seen in server.requests]
    assert len(times) == 6
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap >= 5 for gap in gaps), gaps
    assert clock.sleeps == [5.0] * 5


def test_robots_disallow_is_honoured_and_fetched_once_per_host(paths, server, clock):
    write_sources(paths, [{"name": "fireball", "feeds": [server.url("/feeds/fireball.json")]}])
    report = run(paths, clock).source("fireball")
    assert (report.new_urls, report.pages_fetched, report.skipped_robots) == (2, 1, 1)
    assert not any(p.startswith("/private/") for p in server.paths())
    assert server.hits("/robots.txt") == 1


def test_robots_disallowing_everything_blocks_the_feed(paths, server, clock):
    server.robots = "User-agent: newsdesk-test\nDisallow: /\n"
    write_sources(paths, [{"name": "register", "feeds": [server.url("/feeds/register.atom")]}])
    report = run(paths, clock).source("register")
    assert (report.skipped_robots, report.feeds_fetched, report.errors) == (1, 0, [])
    assert server.paths() == ["/robots.txt"]


def test_robots_crawl_delay_raises_the_host_delay(paths, server, clock):
    server.robots = "User-agent: *\nCrawl-delay: 9\n"
    write_sources(paths, [{"name": "register", "feeds": [server.url("/feeds/register.atom")]}])
    run(paths, clock)
    assert clock.sleeps == [9.0, 9.0, 9.0]  # feed and two pages, each after the crawl delay


def test_time_budget_stops_the_run(paths, server, clock):
    write_sources(
        paths,
        [
            {"name": "register", "feeds": [server.url("/feeds/register.atom")], "min_delay_s": 10},
            {"name": "ars", "feeds": [server.url("/feeds/ars.rss")]},
        ],
    )
    report = run(paths, clock, time_budget_s=25)
    assert report.budget_exhausted
    register, ars = report.sources
    assert register.feeds_fetched == 1 and register.pages_fetched == 1
    assert any("time budget of 25s exhausted" in e for e in register.errors)
    assert ars.requests == 0 and "source not fetched" in ars.errors[0]
    assert len(server.requests) == 3
    # The page that was fetched stays captured; the other is fetched by a later run.
    later = run(paths, clock).source("register")
    assert (later.feeds_not_modified, later.pages_fetched) == (1, 1)


# ---------------------------------------------------------------- retries


def test_500s_are_retried_with_exponential_backoff(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "flaky",
                "feeds": [server.url("/flaky/feed.atom?fail=2")],
                "fetch_articles": False,
                "min_delay_s": 0,
            }
        ],
    )
    report = run(paths, clock).source("flaky")
    assert (report.feeds_fetched, report.errors) == (1, [])
    assert server.hits("/flaky/feed.atom") == 3
    first, second = clock.sleeps  # no host delay: only the two backoffs
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0
    statuses = [r[3].get_statuscode() for r in responses(paths, "flaky", "/flaky/feed.atom?fail=2")]
    assert statuses == ["500", "500", "200"]


def test_persistent_5xx_gives_up_after_the_retries(paths, server, clock):
    write_sources(paths, [{"name": "down", "feeds": [server.url("/down/feed.atom")]}])
    report = run(paths, clock).source("down")
    assert report.errors == [f"{server.url('/down/feed.atom')}: HTTP 503 Service Unavailable"]
    assert server.hits("/down/feed.atom") == 3


def test_429_honours_retry_after(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "limited",
                "feeds": [server.url("/limited/feed.rss?wait=7")],
                "fetch_articles": False,
            }
        ],
    )
    report = run(paths, clock).source("limited")
    assert (report.feeds_fetched, report.errors) == (1, [])
    assert 7.0 in clock.sleeps
    assert server.seen("/limited/feed.rss")[1].at - server.seen("/limited/feed.rss")[0].at >= 7


def test_429_with_a_retry_after_over_the_limit_gives_up(paths, server, clock):
    write_sources(
        paths, [{"name": "limited", "feeds": [server.url("/limited/feed.rss?wait=3600")]}]
    )
    report = run(paths, clock).source("limited")
    assert server.hits("/limited/feed.rss") == 1
    assert "Retry-After 3600s" in report.errors[0] and "over the 60s limit" in report.errors[0]


# ---------------------------------------------------------------- limits


def test_slow_body_hits_the_read_timeout(paths, server, clock):
    write_sources(
        paths,
        [{"name": "slow", "feeds": [listing(server, "/slow/page")]}],
        read_timeout_s=0.3,
        retries=1,
    )
    report = run(paths, clock).source("slow")
    assert report.errors == [f"{server.url('/slow/page')}: read timeout (timed out)"]
    assert server.hits("/slow/page") == 2  # a timeout is retried


@pytest.mark.timeout(30)
def test_trickling_body_is_cut_at_the_request_time_limit(paths, server, clock):
    write_sources(
        paths,
        [{"name": "slow", "feeds": [listing(server, "/trickle/page")]}],
        read_timeout_s=1,
        request_timeout_s=0.5,
    )
    report = run(paths, clock).source("slow")
    assert "took over 0.5s; stopped reading" in report.errors[0]
    ((_, _, warc_headers, _, body),) = responses(paths, "slow", "/trickle/page")
    assert warc_headers.get_header("WARC-Truncated") == "time"
    assert body.startswith(b"<p>x</p>")


@pytest.mark.parametrize("path", ["/bomb/gzip", "/bomb/br"])
def test_compression_bomb_is_capped(paths, server, clock, path):
    write_sources(paths, [{"name": "bomb", "feeds": [listing(server, path)]}])
    report = run(paths, clock).source("bomb")
    assert report.pages_fetched == 0
    assert "decompresses to over 2000000 bytes" in report.errors[0]
    assert report.bytes < 1_000_000
    ((_, _, warc_headers, _, body),) = responses(paths, "bomb", path)
    assert warc_headers.get_header("WARC-Truncated") == "length"
    assert len(body) == 2_000_000


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/huge/declared", "body of 524288000 bytes is over the 1000000-byte limit; not read"),
        ("/huge/chunked", "body over the 1000000-byte limit; stopped reading"),
    ],
)
def test_body_far_over_the_limit_is_stopped(paths, server, clock, path, reason):
    write_sources(paths, [{"name": "huge", "feeds": [listing(server, path)]}])
    report = run(paths, clock).source("huge")
    assert report.errors == [f"{server.url(path)}: {reason}"]
    assert report.bytes < 1_100_000


def test_redirects_loop_limit_and_scheme(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "redirects",
                "feeds": [listing(server, "/loop/a", "/hop/1", "/redirect/to-file")],
            }
        ],
    )
    errors = run(paths, clock).source("redirects").errors
    assert errors == [
        f"{server.url('/loop/a')}: redirect loop at {server.url('/loop/a')}",
        f"{server.url('/hop/1')}: too many redirects (more than 4)",
        f"{server.url('/redirect/to-file')}: redirect refused: "
        "'file:///etc/passwd' is not an http(s) URL",
    ]
    assert server.hits("/hop/5") == 1 and server.hits("/hop/6") == 0


def test_moved_feed_is_followed_and_its_hops_archived(paths, server, clock):
    write_sources(
        paths,
        [{"name": "moved", "feeds": [server.url("/moved/feed.atom")], "fetch_articles": False}],
    )
    report = run(paths, clock).source("moved")
    assert (report.feeds_fetched, report.new_urls) == (1, 2)
    assert responses(paths, "moved", "/moved/feed.atom")[0][3].get_statuscode() == "301"


def test_wrong_content_types(paths, server, clock):
    write_sources(
        paths,
        [
            {
                "name": "wrong",
                "feeds": [server.url("/wrong/feed.xml"), listing(server, "/wrong/image")],
            }
        ],
    )
    report = run(paths, clock).source("wrong")
    assert report.errors == [
        f"{server.url('/wrong/feed.xml')}: not a feed: root element is html "
        "(Content-Type text/html)",
        f"{server.url('/wrong/image')}: not an HTML page (Content-Type image/png)",
    ]
    ((_, _, _, http, _),) = responses(paths, "wrong", "/wrong/image")
    assert http.get_header("Content-Type") == "image/png"  # the true type, for the WARC reader


def test_html_sent_as_octet_stream_is_sniffed(paths, server, clock):
    write_sources(paths, [{"name": "untyped", "feeds": [listing(server, "/untyped/page")]}])
    report = run(paths, clock).source("untyped")
    assert (report.pages_fetched, report.errors) == (1, [])


def test_deflate_page_is_decoded(paths, server, clock):
    write_sources(paths, [{"name": "deflate", "feeds": [listing(server, "/deflate/page")]}])
    assert run(paths, clock).source("deflate").pages_fetched == 1
    ((_, _, _, _, body),) = responses(paths, "deflate", "/deflate/page")
    assert body == fixture_bytes("heise.html.gz")


# ---------------------------------------------------------------- safety


def test_private_address_refused_without_allow_private(paths, server, clock):
    write_sources(
        paths,
        [{"name": "private", "feeds": [server.url("/feeds/ars.rss")], "allow_private": False}],
    )
    report = run(paths, clock).source("private")
    (error,) = report.errors
    assert error.startswith(server.url("/feeds/ars.rss"))
    assert "refused: 127.0.0.1 resolves to non-public address 127.0.0.1" in error
    assert server.requests == []  # not even robots.txt reached the server
    assert report.warc is None


def test_cookies_are_never_sent_back(paths, server, clock):
    write_sources(paths, [{"name": "cookies", "feeds": [listing(server, "/cookie/set")]}])
    assert run(paths, clock).source("cookies").pages_fetched == 1
    assert all("cookie" not in seen.headers for seen in server.requests)
    assert all("authorization" not in seen.headers for seen in server.requests)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.0.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert not is_public_address(address)
    with pytest.raises(Exception, match="non-public address"):
        resolve(address, 80, allow_private=False)


def test_public_address_and_allowed_private():
    assert is_public_address("93.184.216.34")
    assert resolve("127.0.0.1", 80, allow_private=True) == ["127.0.0.1"]


def test_client_refuses_other_schemes():
    with HttpClient(user_agent=UA, limits=Limits()) as client:
        for url in ("ftp://example.org/feed", "file:///etc/passwd", "http://user:pw@example.org/"):
            with pytest.raises(FetchError):
                client.exchange(url)


def test_client_refuses_a_private_address_by_connecting_nowhere():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    try:
        with HttpClient(user_agent=UA, limits=Limits()) as client:
            with pytest.raises(FetchError, match="non-public") as caught:
                client.exchange(f"http://127.0.0.1:{port}/")
            assert not caught.value.retryable
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def _billion_laughs(root: bytes) -> bytes:
    entities = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([c]), b"&%s;" % bytes([c - 1]) * 10)
        for c in range(ord("b"), ord("j"))
    )
    return b'<?xml version="1.0"?><!DOCTYPE %s [%s]>' % (root, entities)


@pytest.mark.timeout(10)
def test_xml_entity_expansion_is_off():
    sitemap = _billion_laughs(b"urlset") + (
        b"<urlset><url><loc>https://example.org/a&i;</loc></url>"
        b"<url><loc>https://example.org/b</loc></url></urlset>"
    )
    found = sitemap_links(sitemap, "https://example.org/sitemap.xml")
    assert found.pages and all(len(url) < 100 for url in found.pages)
    feed = _billion_laughs(b"rss") + (
        b'<rss version="2.0"><channel><title>&i;</title>'
        b"<item><title>x&i;</title><link>https://example.org/a</link></item></channel></rss>"
    )
    assert feed_item_links(feed, "https://example.org/feed") == ["https://example.org/a"]


# ---------------------------------------------------------------- parsing helpers


def test_feed_item_links_from_real_feeds():
    atom = fixture_bytes("register-science.atom")
    assert feed_item_links(atom, "http://newsdesk.test/feeds/register.atom") == [
        "http://newsdesk.test" + p for p in REGISTER_PAGES
    ]
    assert feed_item_links(fixture_bytes("daring-fireball.json"), "http://x.test/f.json") == [
        "http://newsdesk.test/linked/2020/01/24/bezos-iphone-x",
        "http://newsdesk.test/private/2020/01/20/instagram-for-win95",
    ]
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    assert feed_item_links(empty, "http://x.test/") == []


def test_sitemap_links_and_index():
    urlset = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>/a</loc></url><url><loc> https://example.org/b </loc></url>"
        b"<url><loc>https://example.org/b?utm_source=x</loc></url></urlset>"
    )
    found = sitemap_links(urlset, "https://example.org/sitemap.xml")
    assert found.pages == ["https://example.org/a", "https://example.org/b"]
    index = (
        b"<sitemapindex><sitemap><loc>https://example.org/news.xml</loc></sitemap></sitemapindex>"
    )
    assert sitemap_links(index, "https://example.org/").sitemaps == ["https://example.org/news.xml"]


def test_sitemap_source_is_fetched(paths, server, clock):
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{server.url(ARS_PAGE)}</loc></url></urlset>"
    ).encode()
    server.feed_overrides["/feeds/register.atom"] = sitemap
    write_sources(paths, [{"name": "maps", "sitemaps": [server.url("/feeds/register.atom")]}])
    report = run(paths, clock).source("maps")
    assert (report.feeds_fetched, report.pages_fetched, report.errors) == (1, 1, [])
    again = run(paths, clock).source("maps")
    assert (again.feeds_not_modified, again.pages_fetched) == (1, 0)


def test_retry_after_forms():
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    from datetime import UTC, datetime

    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=now) == 30


def test_backoff_grows_and_is_capped():
    limits = Limits(backoff_base_s=1, backoff_max_s=5)
    rng = random.Random(1)
    delays = [backoff_delay(attempt, limits, rng) for attempt in range(6)]
    assert all(0.5 * min(5, 2**a) <= d <= min(5, 2**a) for a, d in enumerate(delays))


def test_decoder_caps_output_and_handles_gzip_members():
    data = gzip.compress(b"a" * 10) + gzip.compress(b"b" * 10)
    decoder = Decoder("gzip")
    assert decoder.decode(data, 1000) + decoder.flush() == b"a" * 10 + b"b" * 10
    assert len(Decoder("gzip").decode(gzip.compress(b"\0" * 100_000), 99)) == 99
    assert Decoder("deflate").decode(zlib.compress(b"hello"), 100) == b"hello"
    with pytest.raises(ValueError, match="unsupported Content-Encoding 'zstd'"):
        Decoder("zstd")


def test_robots_status_rules():
    ua = "newsdesk/0.1"
    assert parse_robots(RobotsAnswer(404)).can_fetch(ua, "https://x.test/a")
    assert not parse_robots(RobotsAnswer(503)).can_fetch(ua, "https://x.test/a")
    assert not parse_robots(RobotsAnswer(None)).can_fetch(ua, "https://x.test/a")
    rules = parse_robots(RobotsAnswer(200, b"User-agent: newsdesk\nDisallow: /x\n"))
    assert not rules.can_fetch(ua, "https://x.test/x/1") and rules.can_fetch(ua, "https://x.test/y")


# ---------------------------------------------------------------- sources file


def test_sources_file_problems_are_all_reported_with_lines(tmp_path):
    text = """\
user_agent: newsdesk/0.1
limits:
  read_timeout_s: -1
  max_redirects: many
  colour: blue
sources:
  - name: Bad Name
    feeds: [ftp://example.org/feed]
  - name: ok
    feeds:
      - https://example.org/feed.xml
    max_items: 0
    fetch_articles: maybe
    language: english
    extra: 1
  - name: ok
    feeds: [https://example.org/other.xml]
  - name: nofeeds
  - homepage: https://user:pw@example.org/
    feeds: [https://example.org/f]
    feeds: [https://example.org/g]
"""
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    problems = caught.value.problems
    assert str(caught.value) == "\n".join(problems)
    expected = [
        (3, "limits.read_timeout_s: must be at least 0.001, got -1"),
        (4, "limits.max_redirects: expected an integer, got 'many'"),
        (5, "limits.colour: unknown key"),
        (7, "sources[0].name: 'Bad Name' must be lower case"),
        (8, "sources[0].feeds[0]: 'ftp://example.org/feed' is not an http(s) URL"),
        (12, "sources[1].max_items: must be at least 1, got 0"),
        (13, "sources[1].fetch_articles: expected true or false, got 'maybe'"),
        (14, "sources[1].language: 'english' is not a language tag"),
        (15, "sources[1].extra: unknown key"),
        (16, "sources[2].name: duplicate source name 'ok' (first given on line 9)"),
        (18, "sources[3]: give at least one URL in `feeds` or `sitemaps`"),
        (19, "sources[4].homepage: 'https://user:pw@example.org/' carries credentials"),
        (21, "sources[4].feeds: duplicate key (first given on line 20)"),
        (19, "sources[4]: missing key `name`"),
    ]
    for line, message in expected:
        assert any(p.startswith(f"{path}:{line}: {message}") for p in problems), (line, message)
    assert all(re.match(rf"{re.escape(str(path))}:\d+: ", p) for p in problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", ":1: the sources file is empty"),
        ("sources: [\n  - a\n", ":2: not valid YAML"),
        ("- just a list\n", ":1: expected a mapping"),
        ("user_agent: x\n", ":1: missing key `sources`"),
        ("sources: []\n", ":1: sources: the list is empty"),
        ('user_agent: "a\\nb"\nsources: []\n', ":1: user_agent: must be on one line"),
    ],
)
def test_sources_file_shapes(text, message):
    with pytest.raises(SourcesError) as caught:
        parse_sources(text, path=Path("s.yaml"))
    assert any(p.startswith("s.yaml") and message in p for p in caught.value.problems), (
        caught.value.problems
    )


def test_missing_sources_file(tmp_path):
    with pytest.raises(SourcesError, match="sources file not found"):
        load_sources(tmp_path / "nope.yaml")


def test_sources_defaults_and_user_agent():
    config = parse_sources("sources:\n  - name: a\n    feeds: [https://example.org/f]\n")
    (source,) = config.sources
    assert (source.fetch_articles, source.max_items, source.min_delay_s) == (True, 50, 2.0)
    assert (source.allow_private, source.language, source.line) == (False, None, 2)
    assert config.user_agent.startswith("newsdesk/")
    assert config.limits == Limits()
    with_contact = parse_sources(
        "contact: mailto:me@example.org\nsources:\n  - name: a\n    sitemaps: [https://e.org/s]\n"
    )
    assert with_contact.user_agent.endswith("(+mailto:me@example.org)")


def test_the_example_in_the_docs_is_valid():
    doc = (REPO / "docs" / "sources.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert blocks, "docs/sources.md has no yaml example"
    config = parse_sources(blocks[0], path=Path("docs/sources.md"))
    assert config.sources and config.contact
    # Every key the loader knows is documented.
    for key in ("user_agent", "contact", "limits", "sources", *Limits.__dataclass_fields__):
        assert f"`{key}`" in doc, key
    for key in (
        "name",
        "homepage",
        "feeds",
        "sitemaps",
        "fetch_articles",
        "max_items",
        "min_delay_s",
        "language",
        "allow_private",
    ):
        assert f"`{key}`" in doc, key


def test_a_source_being_fetched_elsewhere_is_skipped(paths, server, clock):
    write_sources(paths, [{"name": "register", "feeds": [server.url("/feeds/register.atom")]}])
    with source_lock(paths.raw, "register") as locked:
        assert locked
        report = run(paths, clock).source("register")
    assert report.errors == ["register: another fetch of this source is running; skipped"]
    assert server.requests == []
    assert run(paths, clock).source("register").pages_fetched == 2


def test_temp_files_removed_even_when_nothing_recorded(paths, clock):
    write_sources(
        paths, [{"name": "a", "feeds": ["http://127.0.0.1:9/feed"], "allow_private": False}]
    )
    report = run(paths, clock).source("a")
    assert report.warc is None and "non-public" in report.errors[0]
    assert not list(paths.raw.glob(".fetch-*"))
