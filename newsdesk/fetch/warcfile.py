"""One WARC file per source per run: every HTTP exchange as a request + response pair.

Records are gzip-compressed one by one (`.warc.gz`). Response bodies are stored decoded: the
`Content-Encoding` and `Transfer-Encoding` headers are removed and `Content-Length` set to
the stored length, with the original encoding kept in `WARC-X-Content-Encoding`. A body cut
short by a limit carries `WARC-Truncated`. The file is written under `raw/`, registered in
the raw store and the temporary copy removed.
"""

from __future__ import annotations

import shutil
import tempfile
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from newsdesk.fetch.client import Exchange
from newsdesk.raw import RawItem, RawStore

_DROPPED_RESPONSE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcRecorder:
    """Collects exchanges into a temporary `.warc.gz` and registers it in the raw store."""

    def __init__(self, raw: Path, file_name: str, info: dict[str, str]) -> None:
        """Prepare the recorder (the file is created on `__enter__`).

        Args:
            raw: The raw folder; the temporary file lives in a hidden folder inside it.
            file_name: Name of the WARC file, ending in `.warc.gz`.
            info: Fields of the leading `warcinfo` record.
        """
        self.raw = raw
        self.file_name = file_name
        self.info = info
        self.exchanges = 0
        self._folder: Path | None = None
        self._handle: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    @property
    def path(self) -> Path:
        """Path of the temporary WARC file."""
        if self._folder is None:
            raise RuntimeError("the recorder is not open")
        return self._folder / self.file_name

    def __enter__(self) -> WarcRecorder:
        self.raw.mkdir(parents=True, exist_ok=True)
        self._folder = Path(tempfile.mkdtemp(dir=self.raw, prefix=".fetch-"))
        self._handle = self.path.open("wb")
        self._writer = WARCWriter(self._handle, gzip=True)
        self._writer.write_record(self._writer.create_warcinfo_record(self.file_name, self.info))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._close_file()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _close_file(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def record(self, exchange: Exchange) -> None:
        """Append one exchange as a response record and its request record."""
        if self._writer is None:
            raise RuntimeError("the recorder is not open")
        date = datetime_to_iso_date(exchange.started_at.replace(tzinfo=None))
        response = self._writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict=_response_warc_headers(exchange, date),
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(),
                _stored_response_headers(exchange),
                protocol=exchange.http_version or "HTTP/1.1",
            ),
        )
        request = self._writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(b""),
            length=0,
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(
                f"GET {_request_target(exchange.url)} HTTP/1.1",
                exchange.request_headers,
                is_http_request=True,
            ),
        )
        self._writer.write_request_response_pair(request, response)
        self.exchanges += 1

    def register(self, store: RawStore, *, capture_day: str, source: str) -> RawItem | None:
        """Close the file and register it, when it holds at least one exchange.

        Args:
            store: The raw store.
            capture_day: Partition day.
            source: Value of the item's `source` (`fetch:<name>`).

        Returns:
            The registered item; None when nothing was recorded or the same bytes are
            already registered.
        """
        self._close_file()
        if not self.exchanges:
            return None
        return store.register_file(
            self.path, origin="fetch", capture_day=capture_day, source=source, url=None
        )


def _response_warc_headers(exchange: Exchange, date: str) -> dict[str, str]:
    headers = {"WARC-Date": date}
    if exchange.content_encoding:
        headers["WARC-X-Content-Encoding"] = exchange.content_encoding
    if exchange.truncated:
        # The WARC standard names only these reasons; anything else is "unspecified".
        known = exchange.truncated in ("length", "time", "disconnect")
        headers["WARC-Truncated"] = exchange.truncated if known else "unspecified"
    return headers


def _stored_response_headers(exchange: Exchange) -> list[tuple[str, str]]:
    kept = [
        (name, value)
        for name, value in exchange.response_headers
        if name.lower() not in _DROPPED_RESPONSE_HEADERS
    ]
    kept.append(("Content-Length", str(len(exchange.body))))
    return kept


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path
