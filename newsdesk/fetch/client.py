"""One HTTP exchange at a time, with limits and address checks.

`HttpClient.exchange` sends one GET (no redirects, no retries: `newsdesk.fetch.fetcher` does
those) and streams the body under a wire-size cap, a decompressed-size cap and a total time
limit. The connection layer resolves every host itself and refuses loopback, private and
link-local addresses unless allowed, so the check holds for each redirect hop and cannot be
dodged by DNS answering differently the second time.
"""

from __future__ import annotations

import http.cookiejar
import ipaddress
import socket
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import brotli
import httpcore
import httpx

from newsdesk.fetch.sources import Limits, url_problem

_FLUSH_LIMIT = 1 << 24
ACCEPT_ENCODING = "gzip, deflate, br"


class FetchError(Exception):
    """A request failed without a usable HTTP response; the message is the reason.

    Attributes:
        retryable: True for transient failures (timeouts, dropped connections).
    """

    def __init__(self, reason: str, *, retryable: bool = False) -> None:
        super().__init__(reason)
        self.retryable = retryable


class BlockedAddressError(httpcore.ConnectError):
    """The host resolves to an address this source may not reach."""


@dataclass
class Exchange:
    """One HTTP request and its response, as it goes into the WARC file.

    The body is stored decoded (Content-Encoding removed) so every reader sees the same bytes;
    `content_encoding` keeps what the server sent.

    Attributes:
        url: Requested URL.
        request_headers: Headers sent, in order.
        status: HTTP status code.
        reason: Reason phrase.
        http_version: e.g. `HTTP/1.1`.
        response_headers: Headers received, in order.
        body: Decoded body (possibly cut short, see `truncated`).
        started_at: When the request was sent (UTC).
        wire_bytes: Bytes read from the network for the body.
        content_encoding: Content-Encoding as received, or None.
        truncated: Why the body is incomplete (`length`, `time`, `unsupported`,
            `undecodable`), or None when complete.
        notes: Human-readable details on truncation.
    """

    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    http_version: str
    response_headers: list[tuple[str, str]]
    body: bytes
    started_at: datetime
    wire_bytes: int = 0
    content_encoding: str | None = None
    truncated: str | None = None
    notes: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        """First response header called `name` (case-insensitive), or None."""
        lower = name.lower()
        for key, value in self.response_headers:
            if key.lower() == lower:
                return value
        return None

    @property
    def content_type(self) -> str:
        """Media type of the response without parameters, lower case (empty when absent)."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()


def is_public_address(address: str) -> bool:
    """True when `address` is a globally routable unicast IP address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int, *, allow_private: bool) -> list[str]:
    """Addresses to connect to for `host`, refusing non-public ones unless allowed.

    Args:
        host: Host name or literal address.
        port: TCP port.
        allow_private: Allow loopback, private, link-local and other non-public addresses.

    Returns:
        Distinct addresses in resolver order.

    Raises:
        BlockedAddressError: A resolved address is not public and that is not allowed.
        httpcore.ConnectError: The host does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve host {host}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise BlockedAddressError(
                    f"refused: {host} resolves to non-public address {address} "
                    "(set allow_private on the source to allow it)"
                )
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore network backend that vets every address before connecting to it."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to the first vetted address of `host` that accepts the connection."""
        last: Exception | None = None
        for address in resolve(host, port, allow_private=self.allow_private):
            try:
                return self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Refuse: only TCP to vetted addresses is allowed."""
        raise BlockedAddressError("refused: unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        """Delegate to the standard backend."""
        self._inner.sleep(seconds)


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Accept and return no cookies at all, so none can leak from one host to another."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


class HttpClient:
    """Sends single GET requests with limits; one instance per source (its address policy)."""

    def __init__(self, *, user_agent: str, limits: Limits, allow_private: bool = False) -> None:
        """Create the client.

        Args:
            user_agent: User-Agent header value.
            limits: Timeouts and size caps.
            allow_private: Allow non-public addresses.
        """
        self.limits = limits
        self.user_agent = user_agent
        transport = httpx.HTTPTransport(trust_env=False)
        # httpx has no public hook for the network backend; the pool reads this attribute
        # each time it opens a connection. Setting a misspelt attribute would silently leave
        # the address checks off, hence the check.
        pool = transport._pool
        if not isinstance(getattr(pool, "_network_backend", None), httpcore.NetworkBackend):
            raise RuntimeError("httpcore changed: cannot install the address-checking backend")
        pool._network_backend = GuardedBackend(allow_private=allow_private)
        self._client = httpx.Client(
            transport=transport,
            trust_env=False,
            follow_redirects=False,
            # A CookieJar is kept as given (a Cookies object would be copied into a default jar).
            cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
            timeout=httpx.Timeout(
                connect=limits.connect_timeout_s,
                read=limits.read_timeout_s,
                write=limits.read_timeout_s,
                pool=limits.connect_timeout_s,
            ),
            headers={"User-Agent": user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections."""
        self._client.close()

    def exchange(self, url: str, headers: dict[str, str] | None = None) -> Exchange:
        """Send one GET and read the response under the limits.

        Args:
            url: Absolute http(s) URL.
            headers: Extra request headers (conditional GET, Accept).

        Returns:
            The exchange, whatever the status code.

        Raises:
            FetchError: No usable response (refused URL or address, timeout, connection).
        """
        problem = url_problem(url)
        if problem:
            raise FetchError(problem)
        try:
            request = self._client.build_request("GET", url, headers=headers)
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise FetchError(f"invalid URL {url!r}: {exc}") from exc
        started_at = datetime.now(UTC)
        deadline = time.monotonic() + self.limits.request_timeout_s
        try:
            response = self._client.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise _fetch_error(exc) from exc
        try:
            return self._read(request, response, started_at, deadline)
        except httpx.HTTPError as exc:
            raise _fetch_error(exc) from exc
        finally:
            response.close()

    def _read(
        self,
        request: httpx.Request,
        response: httpx.Response,
        started_at: datetime,
        deadline: float,
    ) -> Exchange:
        encoding = response.headers.get("content-encoding")
        exchange = Exchange(
            url=str(request.url),
            request_headers=_decoded(request.headers.raw),
            status=response.status_code,
            reason=response.reason_phrase,
            http_version=response.http_version,
            response_headers=_decoded(response.headers.raw),
            body=b"",
            started_at=started_at,
            content_encoding=encoding,
        )
        declared = _content_length(response)
        if declared is not None and declared > self.limits.max_body_bytes:
            exchange.truncated = "length"
            exchange.notes.append(
                f"body of {declared} bytes is over the {self.limits.max_body_bytes}-byte limit; "
                "not read"
            )
            return exchange
        try:
            decoder = Decoder(encoding)
        except ValueError as exc:
            exchange.truncated = "unsupported"
            exchange.notes.append(str(exc))
            return exchange
        self._stream_body(response, decoder, exchange, deadline)
        return exchange

    def _stream_body(
        self, response: httpx.Response, decoder: Decoder, exchange: Exchange, deadline: float
    ) -> None:
        cap = self.limits.max_decompressed_bytes
        body = bytearray()
        try:
            # Without a chunk size httpx yields each read as it arrives (a size would buffer).
            for chunk in response.iter_raw():
                exchange.wire_bytes += len(chunk)
                if exchange.wire_bytes > self.limits.max_body_bytes:
                    exchange.truncated = "length"
                    exchange.notes.append(
                        f"body over the {self.limits.max_body_bytes}-byte limit; stopped reading"
                    )
                    break
                body += decoder.decode(chunk, cap - len(body) + 1)
                if len(body) > cap:
                    exchange.truncated = "length"
                    exchange.notes.append(f"body decompresses to over {cap} bytes; stopped reading")
                    break
                if time.monotonic() > deadline:
                    exchange.truncated = "time"
                    exchange.notes.append(
                        f"body took over {self.limits.request_timeout_s:g}s; stopped reading"
                    )
                    break
            else:
                body += decoder.flush()
        except DecodeError as exc:
            exchange.truncated = "undecodable"
            exchange.notes.append(str(exc))
        exchange.body = bytes(body[:cap])


class DecodeError(Exception):
    """A compressed body is corrupt."""


class Decoder:
    """Incremental Content-Encoding decoder with a cap on each call's output."""

    def __init__(self, encoding: str | None) -> None:
        """Prepare decoders for `encoding` (a comma-separated list, applied in order).

        Raises:
            ValueError: An encoding newsdesk cannot decode.
        """
        names = [part.strip().lower() for part in (encoding or "").split(",") if part.strip()]
        self._stages = [_stage(name) for name in reversed(names) if name != "identity"]

    def decode(self, data: bytes, max_out: int) -> bytes:
        """Decode the next chunk, returning at most about `max_out` bytes."""
        for stage in self._stages:
            data = stage.decode(data, max_out)
        return data

    def flush(self) -> bytes:
        """Bytes held back by the decoders at the end of the body."""
        data = b""
        for stage in self._stages:
            data = (stage.decode(data, _FLUSH_LIMIT) if data else b"") + stage.flush()
        return data


class _Zlib:
    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._inner = zlib.decompressobj(wbits)
        self._started = False

    def decode(self, data: bytes, max_out: int) -> bytes:
        try:
            out = self._inner.decompress(data, max(max_out, 1))
        except zlib.error as exc:
            # Some servers send raw deflate for "deflate"; retry once without the zlib header.
            if self._wbits == zlib.MAX_WBITS and not self._started:
                self._wbits = -zlib.MAX_WBITS
                self._inner = zlib.decompressobj(self._wbits)
                return self.decode(data, max_out)
            raise DecodeError(f"corrupt compressed body: {exc}") from exc
        self._started = True
        if self._inner.eof and self._inner.unused_data and self._wbits > zlib.MAX_WBITS:
            # Another gzip member follows.
            rest = self._inner.unused_data
            self._inner = zlib.decompressobj(self._wbits)
            out += self.decode(rest, max(max_out - len(out), 1))
        return out

    def flush(self) -> bytes:
        try:
            return self._inner.flush()
        except zlib.error as exc:
            raise DecodeError(f"corrupt compressed body: {exc}") from exc


class _Brotli:
    def __init__(self) -> None:
        self._inner = brotli.Decompressor()

    def decode(self, data: bytes, max_out: int) -> bytes:
        try:
            return self._inner.process(data, output_buffer_limit=max(max_out, 1))
        except brotli.error as exc:
            raise DecodeError(f"corrupt brotli body: {exc}") from exc

    def flush(self) -> bytes:
        return b""


def _stage(name: str) -> _Zlib | _Brotli:
    if name in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if name == "br":
        return _Brotli()
    raise ValueError(f"unsupported Content-Encoding {name!r}")


def _fetch_error(exc: httpx.HTTPError) -> FetchError:
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, BlockedAddressError) or isinstance(exc.__context__, BlockedAddressError):
        return FetchError(str(cause), retryable=False)
    if isinstance(exc, httpx.TimeoutException):
        kind = type(exc).__name__.replace("Timeout", " timeout").lower().strip()
        return FetchError(f"{kind} ({exc or 'no detail'})", retryable=True)
    if isinstance(exc, httpx.TransportError):
        return FetchError(f"{type(exc).__name__}: {exc}", retryable=True)
    return FetchError(f"{type(exc).__name__}: {exc}")


def _decoded(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw]


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None
