"""URL normalisation used for story identity and link resolution."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import idna

_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<sep>[/_-])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])"
    r"(?=[/_-]|\.html?$|$)"
)

# Query parameters that only track the reader; dropping them makes share links and canonical
# links of one article compare equal.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ref|ref_src|ref_url|cmpid|cmp|ito|ns_mchannel|ns_source|ns_campaign|"
    r"ns_linkname|ns_fee|ocid|smid|share|sharetype|src|taid|at_medium|at_campaign|"
    r"rss|rssfeed|feature|__twitter_impression|s_cid|mbid|guccounter|outputtype|amp)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# AMP variants of an article: /amp, /amp/, /amp.html, ?amp, amp. subdomain, /article/amp/123.
_AMP_SUFFIX = re.compile(r"/(amp|amp\.html)$", re.IGNORECASE)
_AMP_SEGMENT = re.compile(r"/amp/", re.IGNORECASE)
_INDEX_PAGE = re.compile(r"/index\.(html?|php|aspx?)$", re.IGNORECASE)
# Session ids a server puts in the address: each visit would otherwise make a new story id.
_SESSION_PATH_PARAM = re.compile(r";jsessionid=[^/;?#]*", re.IGNORECASE)
_SESSION_QUERY_PARAM = re.compile(r"^(jsessionid|phpsessid)$", re.IGNORECASE)
# Google's AJAX-crawling form of a `#!` address: `?_escaped_fragment_=/x` is `#!/x`.
_ESCAPED_FRAGMENT = "_escaped_fragment_"
# RFC 3986: unreserved characters never need escaping; a path may also hold the sub-delims
# and ":" "@" "/" as they are. Anything else (non-ASCII, spaces) is percent-encoded.
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_FRAGMENT_SAFE = _PATH_SAFE | frozenset("?")
_HEX = frozenset(string.hexdigits)


def url_parts(url: str | None) -> SplitResult | None:
    """`urlsplit` that answers None for a malformed address ("http://[not-an-ip]").

    Args:
        url: Any address, relative or absolute.

    Returns:
        Its parts, or None when the address cannot be split.
    """
    if url is None:
        return None
    try:
        return urlsplit(url)
    except ValueError:
        return None


def absolute_url(href: str | None, base: str | None) -> str | None:
    """Resolve `href` against `base`; None for empty, script or mail links.

    Args:
        href: A link as written in a page.
        base: The page URL (or the document's `<base href>`).

    Returns:
        An absolute http(s) URL, or None when the link is not a web link.
    """
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # malformed hosts such as "http://[not-an-ip]"
        return None
    return url


def normalize_url(url: str | None) -> str | None:
    """Normalise a URL so that equivalent article URLs compare equal.

    Lower-cases scheme and host, drops default ports, `www.` and `amp.` host prefixes,
    fragments, tracking parameters (utm_*, fbclid, ...), AMP path variants, index pages and
    the trailing slash; sorts the remaining query parameters. The scheme becomes `https`
    because outlets serve the same article on both.

    One spelling per address: internationalised hosts are written in IDNA (punycode); in
    the path, escapes of unreserved characters are decoded (`%7E` -> `~`), other escapes
    are upper-cased and non-ASCII characters are percent-encoded as UTF-8, so `/café`,
    `/caf%C3%A9` and `/caf%c3%a9` compare equal. Session ids (`;jsessionid=...`,
    `jsessionid` / `PHPSESSID` parameters) go. A hash-bang fragment (`#!/story/123`) names
    the page in script-driven sites and is kept, as is its crawler form
    `?_escaped_fragment_=/story/123`, written as `#!/story/123`; other fragments go.

    Args:
        url: Any URL string.

    Returns:
        The normalised URL, or None when `url` is empty or not http(s).
    """
    parts = url_parts(url.strip()) if url else None
    if parts is None:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = _ascii_host(parts.hostname.lower().rstrip("."))
    for prefix in ("www.", "amp.", "m."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    port = parts.port if _safe_port(parts) else None
    if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    path = _SESSION_PATH_PARAM.sub("", parts.path or "/")
    path = re.sub(r"/{2,}", "/", _canonical_escapes(path) or "/")
    path = _AMP_SUFFIX.sub("", path)
    path = _AMP_SEGMENT.sub("/", path)
    path = _INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.match(k) and not _SESSION_QUERY_PARAM.match(k)
    ]
    fragment = parts.fragment if parts.fragment.startswith("!") else ""
    escaped = [v for k, v in query if k == _ESCAPED_FRAGMENT]
    if escaped:
        query = [(k, v) for k, v in query if k != _ESCAPED_FRAGMENT]
        fragment = fragment or "!" + escaped[0]
    if fragment:
        fragment = "!" + _canonical_escapes(fragment[1:], _FRAGMENT_SAFE)
    query.sort()
    return urlunsplit(("https", host, path or "/", urlencode(query), fragment))


def _canonical_escapes(text: str, safe: frozenset[str] = _PATH_SAFE) -> str:
    """`text` (a path or hash-bang fragment) with one percent-encoding per character."""
    if "%" not in text and all(char in safe for char in text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "%" and text[i + 1 : i + 2] in _HEX and text[i + 2 : i + 3] in _HEX:
            byte = int(text[i + 1 : i + 3], 16)
            out.append(chr(byte) if chr(byte) in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.extend(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def _ascii_host(host: str) -> str:
    """An internationalised host in its IDNA (punycode) form, as DNS and HTTP see it."""
    if host.isascii():
        return host
    # UTS 46 mapping, as browsers and httpx apply it.
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return host


def _safe_port(parts) -> bool:
    try:
        return parts.port is not None
    except ValueError:
        return False


def host_of(url: str | None) -> str | None:
    """The lower-cased host of `url` without `www.`, or None."""
    parts = url_parts(url) if url else None
    host = parts.hostname if parts else None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def is_site_root(url: str | None) -> bool:
    """Whether `url` is written as a site's home page (`https://example.com/`).

    An item named by its query (`/?p=5031`) or by a hash-bang (`/#!/story/1`) is not, nor is
    a page under the root (`/index.html` as written; pass `normalize_url(url)` to count
    index pages as the root).

    Args:
        url: Any URL string.

    Returns:
        True for the address of a site's home page.
    """
    parts = url_parts(url)
    if parts is None or parts.path not in ("", "/"):
        return False
    normal = url_parts(normalize_url(url) or "")
    return bool(normal) and not normal.query and not normal.fragment


def url_date(url: str | None) -> tuple[datetime, str] | None:
    """The publication day written in a story URL ("/2017/03/14/slug", "/2017-03-14-slug").

    Args:
        url: A page URL.

    Returns:
        `(midnight UTC of that day, "day")`, or None when the path holds no full date.
    """
    if not url:
        return None
    parts = url_parts(url)
    match = _URL_DATE.search(parts.path) if parts else None
    if not match:
        return None
    try:
        day = datetime(int(match["y"]), int(match["m"]), int(match["d"]), tzinfo=UTC)
    except ValueError:
        return None
    return day, "day"
