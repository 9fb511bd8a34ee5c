"""A real HTTP server on 127.0.0.1 for the fetch tests: real feeds and pages, and bad endpoints.

Feeds come from `tests/fixtures/fetch/` with their `http://newsdesk.test` links pointed at
this server. Every request is recorded with its headers and the fake clock's time, so tests
can check politeness without measuring wall time.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import brotli

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
PLACEHOLDER = "http://newsdesk.test"
ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"

# Article paths the fixture feeds link to, and the page each serves (with its encoding).
PAGES = {
    "/2019/07/31/orbitbeyond_drops_nasa_moon_contract/": ("herald-sun-1.html.gz", "br"),
    "/2019/07/30/french_arming_satellites/": ("heise.html.gz", None),
    "/tech/2019/08/apple-cash-alphabet/": ("ars-1.html.gz", "gzip"),
    "/linked/2020/01/24/bezos-iphone-x": ("ars-1.html.gz", None),
    "/private/2020/01/20/instagram-for-win95": ("heise.html.gz", None),
}
FEEDS = {
    "/feeds/register.atom": ("register-science.atom", "application/atom+xml; charset=utf-8"),
    "/feeds/ars.rss": ("ars-technica.rss", "application/rss+xml; charset=utf-8"),
    "/feeds/fireball.json": ("daring-fireball.json", "application/feed+json"),
}
ETAG = '"register-v1"'
LAST_MODIFIED = "Tue, 06 Aug 2019 00:03:56 GMT"
BOMB_SIZE = 20 * 1024 * 1024


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Seen:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    at: float


def fixture_bytes(name: str) -> bytes:
    data = (FIXTURES / name).read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") else data


@cache
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)


@cache
def brotli_bomb() -> bytes:
    return brotli.compress(b"\0" * BOMB_SIZE)


class FetchServer:
    """ThreadingHTTPServer with the routes below; use as a context manager."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock()
        self.requests: list[Seen] = []
        self.counters: dict[str, int] = {}
        self.stop_event = threading.Event()
        self.robots = ROBOTS
        self.feed_overrides: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> FetchServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stop_event.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def record(self, path: str, headers: dict[str, str]) -> int:
        with self._lock:
            self.requests.append(Seen(path, headers, self.clock()))
            self.counters[path] = self.counters.get(path, 0) + 1
            return self.counters[path]

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if urlsplit(seen.path).path == path)

    def seen(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if urlsplit(seen.path).path == path]

    def localise(self, data: bytes) -> bytes:
        return data.replace(PLACEHOLDER.encode(), self.base.encode())


Route = Callable[["_Handler", int], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: FetchServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        state = self.server_state
        headers = {k.lower(): v for k, v in self.headers.items()}
        count = state.record(self.path, headers)
        route = _route(urlsplit(self.path).path)
        if route is None:
            self.send_body(404, b"not found", "text/plain")
            return
        try:
            route(self, count)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # -- helpers used by routes

    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status: int, location: str, headers: dict[str, str] | None = None) -> None:
        self.send_body(status, b"", "text/plain", {"Location": location, **(headers or {})})

    def query(self, name: str) -> list[str]:
        return parse_qs(urlsplit(self.path).query).get(name, [])


def _handler_for(state: FetchServer) -> type[_Handler]:
    return type("Handler", (_Handler,), {"server_state": state})


# ---------------------------------------------------------------- routes


def _robots(h: _Handler, count: int) -> None:
    h.send_body(200, h.server_state.robots.encode(), "text/plain")


def _feed(h: _Handler, count: int) -> None:
    path = urlsplit(h.path).path
    name, content_type = FEEDS[path]
    body = h.server_state.feed_overrides.get(path) or fixture_bytes(name)
    body = h.server_state.localise(body)
    if path == "/feeds/register.atom":
        if h.headers.get("If-None-Match") == ETAG:
            h.send_body(304, b"", None, {"ETag": ETAG})
            return
        h.send_body(200, body, content_type, {"ETag": ETAG})
    elif path == "/feeds/ars.rss":
        if h.headers.get("If-Modified-Since") == LAST_MODIFIED:
            h.send_body(304, b"", None, {"Last-Modified": LAST_MODIFIED})
            return
        h.send_body(200, body, content_type, {"Last-Modified": LAST_MODIFIED})
    else:
        h.send_body(200, gzip.compress(body), content_type, {"Content-Encoding": "gzip"})


def _page(h: _Handler, count: int) -> None:
    name, encoding = PAGES[urlsplit(h.path).path]
    html = fixture_bytes(name)
    headers = {}
    if encoding == "gzip":
        html, headers = gzip.compress(html), {"Content-Encoding": "gzip"}
    elif encoding == "br":
        html, headers = brotli.compress(html), {"Content-Encoding": "br"}
    h.send_body(200, html, "text/html; charset=utf-8", headers)


def _listing(h: _Handler, count: int) -> None:
    """RSS whose items link to the paths given as `u` query parameters."""
    base = h.server_state.base
    items = "".join(
        f"<item><title>{escape(p)}</title><link>{escape(base + p)}</link></item>"
        for p in h.query("u")
    )
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Listing</title><link>{base}/</link><description>test</description>"
        f"{items}</channel></rss>"
    )
    h.send_body(200, rss.encode(), "application/rss+xml")


def _flaky(h: _Handler, count: int) -> None:
    failures = int((h.query("fail") or ["2"])[0])
    if count <= failures:
        h.send_body(500, b"<h1>Internal Server Error</h1>", "text/html")
        return
    h.send_body(200, h.server_state.localise(fixture_bytes("register-science.atom")), "text/xml")


def _limited(h: _Handler, count: int) -> None:
    wait = (h.query("wait") or ["7"])[0]
    if count == 1 or wait == "3600":
        h.send_body(429, b"slow down", "text/plain", {"Retry-After": wait})
        return
    h.send_body(200, h.server_state.localise(fixture_bytes("ars-technica.rss")), "text/xml")


def _down(h: _Handler, count: int) -> None:
    h.send_body(503, b"maintenance", "text/plain")


def _slow(h: _Handler, count: int) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h.wfile.write(b"<html><body>")
    h.wfile.flush()
    h.server_state.stop_event.wait(5)
    h.close_connection = True


def _trickle(h: _Handler, count: int) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not h.server_state.stop_event.is_set():
        h.wfile.write(b"<p>x</p>")
        h.wfile.flush()
        time.sleep(0.05)


def _loop(h: _Handler, count: int) -> None:
    target = "/loop/b" if urlsplit(h.path).path == "/loop/a" else "/loop/a"
    h.redirect(302, target)


def _hop(h: _Handler, count: int) -> None:
    number = int(urlsplit(h.path).path.rsplit("/", 1)[1])
    h.redirect(302, f"/hop/{number + 1}")


def _to_file(h: _Handler, count: int) -> None:
    h.redirect(302, "file:///etc/passwd")


def _moved(h: _Handler, count: int) -> None:
    h.redirect(301, "/feeds/register.atom")


def _wrong_feed(h: _Handler, count: int) -> None:
    h.send_body(200, fixture_bytes("heise.html.gz"), "text/html; charset=utf-8")


def _untyped_page(h: _Handler, count: int) -> None:
    h.send_body(200, fixture_bytes("heise.html.gz"), "application/octet-stream")


def _wrong_page(h: _Handler, count: int) -> None:
    h.send_body(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")


def _bomb(h: _Handler, count: int) -> None:
    if urlsplit(h.path).path.endswith("/br"):
        h.send_body(200, brotli_bomb(), "text/html", {"Content-Encoding": "br"})
    else:
        h.send_body(200, gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})


def _huge(h: _Handler, count: int) -> None:
    declared = urlsplit(h.path).path.endswith("/declared")
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    if declared:
        h.send_header("Content-Length", str(500 * 1024 * 1024))
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    chunk = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>\n"
    for _ in range(3200):  # 200 MiB at most
        if h.server_state.stop_event.is_set():
            return
        h.wfile.write(chunk)


def _set_cookie(h: _Handler, count: int) -> None:
    h.redirect(302, "/cookie/check", {"Set-Cookie": "session=secret; Path=/"})


def _cookie_check(h: _Handler, count: int) -> None:
    h.send_body(200, fixture_bytes("ars-1.html.gz"), "text/html")


def _deflate_page(h: _Handler, count: int) -> None:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    body = raw.compress(fixture_bytes("heise.html.gz")) + raw.flush()
    h.send_body(200, body, "text/html", {"Content-Encoding": "deflate"})


_EXACT: dict[str, Route] = {
    "/robots.txt": _robots,
    "/list.rss": _listing,
    "/flaky/feed.atom": _flaky,
    "/limited/feed.rss": _limited,
    "/down/feed.atom": _down,
    "/slow/page": _slow,
    "/trickle/page": _trickle,
    "/loop/a": _loop,
    "/loop/b": _loop,
    "/redirect/to-file": _to_file,
    "/moved/feed.atom": _moved,
    "/wrong/feed.xml": _wrong_feed,
    "/wrong/image": _wrong_page,
    "/untyped/page": _untyped_page,
    "/bomb/gzip": _bomb,
    "/bomb/br": _bomb,
    "/huge/declared": _huge,
    "/huge/chunked": _huge,
    "/cookie/set": _set_cookie,
    "/cookie/check": _cookie_check,
    "/deflate/page": _deflate_page,
}


def _route(path: str) -> Route | None:
    if path in _EXACT:
        return _EXACT[path]
    if path in FEEDS:
        return _feed
    if path in PAGES:
        return _page
    if path.startswith("/hop/"):
        return _hop
    return None
