"""URL normalisation used for story identity and link resolution."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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
    host = parts.hostname.lower().rstrip(".")
    for prefix in ("www.", "amp.", "m."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    port = parts.port if _safe_port(parts) else None
    if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = _AMP_SUFFIX.sub("", path)
    path = _AMP_SEGMENT.sub("/", path)
    path = _INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.match(k)
    ]
    query.sort()
    return urlunsplit(("https", host, path or "/", urlencode(query), ""))


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
