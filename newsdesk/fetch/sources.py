"""The sources file: outlets to fetch, validated on load with every problem and its line.

The file is YAML (format in `docs/sources.md`). It is composed into a node tree first so that
each problem can name the line it sits on; values are then checked one by one, and all
problems are raised together as one `SourcesError`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

DEFAULT_USER_AGENT = "newsdesk/0.1 (news-ingestion warehouse)"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_MiB = 1 << 20


class SourcesError(Exception):
    """The sources file cannot be used; `problems` holds one `file:line: message` per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Limits:
    """Network limits shared by every source (top-level `limits:` in the sources file).

    Attributes:
        connect_timeout_s: Seconds to open a connection.
        read_timeout_s: Seconds to wait for each read from the socket.
        request_timeout_s: Seconds one request may take in total (stops slow bodies).
        max_body_bytes: Bytes read from the network per response before stopping.
        max_decompressed_bytes: Bytes a response may decompress to before stopping.
        max_redirects: Redirects followed per URL.
        retries: Retries after a timeout, a 429 or a 5xx.
        backoff_base_s: First retry delay; doubled per retry, with jitter.
        backoff_max_s: Largest retry delay from backoff alone.
        max_retry_after_s: Longest `Retry-After` honoured; a longer one gives up the URL.
        max_crawl_delay_s: Largest robots.txt `Crawl-delay` honoured.
        time_budget_s: Seconds one run may take across all sources.
    """

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    request_timeout_s: float = 120.0
    max_body_bytes: int = 10 * _MiB
    max_decompressed_bytes: int = 50 * _MiB
    max_redirects: int = 5
    retries: int = 3
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    max_retry_after_s: float = 300.0
    max_crawl_delay_s: float = 60.0
    time_budget_s: float = 3600.0


@dataclass(frozen=True)
class Source:
    """One outlet.

    Attributes:
        name: Unique id (lower case, digits, `._-`); used in file names and `fetch:<name>`.
        homepage: Outlet home page, informational.
        feeds: RSS, Atom, RDF or JSON Feed URLs.
        sitemaps: News-sitemap (or sitemap index) URLs.
        fetch_articles: Fetch the article pages, or keep the feeds only.
        max_items: Article pages fetched per run at most.
        min_delay_s: Seconds between two requests to one host.
        language: Expected language (BCP 47 tag), informational for extractors.
        allow_private: Allow loopback, private and link-local addresses (tests, intranets).
        line: Line of the entry in the sources file.
    """

    name: str
    homepage: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    fetch_articles: bool = True
    max_items: int = 50
    min_delay_s: float = 2.0
    language: str | None = None
    allow_private: bool = False
    line: int = 0


@dataclass(frozen=True)
class SourcesConfig:
    """A validated sources file.

    Attributes:
        sources: Outlets in file order.
        user_agent: Full User-Agent header value (contact appended when given).
        contact: Contact URL or `mailto:` given in the file.
        limits: Network limits.
        path: The file it was loaded from.
    """

    sources: tuple[Source, ...]
    user_agent: str = DEFAULT_USER_AGENT
    contact: str | None = None
    limits: Limits = field(default_factory=Limits)
    path: Path | None = None

    def get(self, name: str) -> Source:
        """The source called `name`.

        Raises:
            SourcesError: No source has that name.
        """
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none"
        raise SourcesError([f"{self.path}: no source named {name!r} (known: {known})"])


def load_sources(path: Path) -> SourcesConfig:
    """Read and validate a sources file.

    Args:
        path: The YAML file.

    Returns:
        The validated configuration.

    Raises:
        SourcesError: The file is missing, not YAML, or has problems (all listed, with lines).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError([f"{path}: sources file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError([f"{path}: cannot read the sources file: {exc}"]) from None
    return parse_sources(text, path=path)


def parse_sources(text: str, *, path: Path | None = None) -> SourcesConfig:
    """Validate sources-file text.

    Args:
        text: YAML text.
        path: File name used in messages (and kept on the result).

    Returns:
        The validated configuration.

    Raises:
        SourcesError: With one `file:line: message` line per problem.
    """
    checker = _Checker(str(path) if path else "<sources>")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourcesError([f"{checker.label}:{line}: not valid YAML: {exc.problem}"]) from None
    except yaml.YAMLError as exc:
        raise SourcesError([f"{checker.label}:1: not valid YAML: {exc}"]) from None
    config = checker.config(root, path)
    if checker.problems:
        raise SourcesError(checker.problems)
    return config


class _Checker:
    """Walks the YAML node tree, converting values and collecting problems with lines."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[str] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node | None, where: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        prefix = f"{where}: " if where else ""
        self.problems.append(f"{self.label}:{line}: {prefix}{message}")

    def config(self, root: yaml.Node | None, path: Path | None) -> SourcesConfig:
        if root is None:
            self.problem(None, "", "the sources file is empty (it needs a `sources:` list)")
            return SourcesConfig(sources=())
        entries = self.mapping(root, "", _TOP_KEYS)
        if entries is None:
            return SourcesConfig(sources=())
        user_agent = self.text(entries.get("user_agent"), "user_agent")
        contact = self.text(entries.get("contact"), "contact")
        limits = self.limits(entries.get("limits"))
        if "sources" not in entries:
            self.problem(root, "", "missing key `sources` (a list of outlets)")
        sources = self.sources(entries.get("sources"))
        return SourcesConfig(
            sources=tuple(sources),
            user_agent=_user_agent(user_agent, contact),
            contact=contact,
            limits=limits,
            path=path,
        )

    def mapping(
        self, node: yaml.Node, where: str, known: frozenset[str]
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, "expected a mapping of `key: value`")
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            label = f"{where}.{key}" if where else str(key)
            if key in found:
                first = found[key].start_mark.line + 1
                self.problem(key_node, label, f"duplicate key (first given on line {first})")
            elif key not in known:
                expected = ", ".join(sorted(known))
                self.problem(key_node, label, f"unknown key (expected one of: {expected})")
            else:
                found[key] = value_node
        return found

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return _NOT_SCALAR
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            return _NOT_SCALAR

    def text(self, node: yaml.Node | None, where: str) -> str | None:
        if node is None:
            return None
        value = self.scalar(node)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(node, where, "expected a non-empty string")
            return None
        if "\n" in value or "\r" in value:
            self.problem(node, where, "must be on one line")
            return None
        return value.strip()

    def number(self, node: yaml.Node, where: str, kind: type, minimum: float) -> Any:
        value = self.scalar(node)
        ok_type = isinstance(value, int) if kind is int else isinstance(value, int | float)
        if isinstance(value, bool) or not ok_type:
            noun = "an integer" if kind is int else "a number"
            self.problem(node, where, f"expected {noun}, got {_shown(value, node)}")
            return None
        if value < minimum:
            self.problem(node, where, f"must be at least {minimum:g}, got {value}")
            return None
        return kind(value)

    def boolean(self, node: yaml.Node, where: str) -> bool | None:
        value = self.scalar(node)
        if not isinstance(value, bool):
            self.problem(node, where, f"expected true or false, got {_shown(value, node)}")
            return None
        return value

    def url(self, node: yaml.Node, where: str) -> str | None:
        value = self.text(node, where)
        if value is None:
            return None
        reason = url_problem(value)
        if reason:
            self.problem(node, where, reason)
            return None
        return value

    def url_list(self, node: yaml.Node | None, where: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode) and self.scalar(node) is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, where, "expected a list of URLs")
            return ()
        urls = []
        for index, item in enumerate(node.value):
            url = self.url(item, f"{where}[{index}]")
            if url is not None:
                urls.append(url)
        return tuple(urls)

    def limits(self, node: yaml.Node | None) -> Limits:
        if node is None:
            return Limits()
        entries = self.mapping(node, "limits", _LIMIT_KEYS)
        if entries is None:
            return Limits()
        values = {}
        for spec in dataclasses.fields(Limits):
            if spec.name not in entries:
                continue
            kind = int if isinstance(spec.default, int) else float
            minimum = _LIMIT_MINIMUM.get(spec.name, 1 if kind is int else 0.001)
            value = self.number(entries[spec.name], f"limits.{spec.name}", kind, minimum)
            if value is not None:
                values[spec.name] = value
        return Limits(**values)

    def sources(self, node: yaml.Node | None) -> list[Source]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "sources", "expected a list of outlets (`- name: ...`)")
            return []
        if not node.value:
            self.problem(node, "sources", "the list is empty; add at least one outlet")
        found: list[Source] = []
        first_line: dict[str, int] = {}
        for index, item in enumerate(node.value):
            source = self.source(item, f"sources[{index}]")
            name = _name_of(item)
            if name is not None and name in first_line:
                self.problem(
                    item,
                    f"sources[{index}].name",
                    f"duplicate source name {name!r} (first given on line {first_line[name]})",
                )
                continue
            if name is not None:
                first_line[name] = item.start_mark.line + 1
            if source is not None:
                found.append(source)
        return found

    def source(self, node: yaml.Node, where: str) -> Source | None:
        entries = self.mapping(node, where, _SOURCE_KEYS)
        if entries is None:
            return None
        before = len(self.problems)
        name = self.source_name(entries.get("name"), node, where)
        values: dict[str, Any] = {
            "homepage": self.url(entries["homepage"], f"{where}.homepage")
            if "homepage" in entries
            else None,
            "feeds": self.url_list(entries.get("feeds"), f"{where}.feeds"),
            "sitemaps": self.url_list(entries.get("sitemaps"), f"{where}.sitemaps"),
        }
        if not values["feeds"] and not values["sitemaps"] and len(self.problems) == before:
            self.problem(node, where, "give at least one URL in `feeds` or `sitemaps`")
        for key in ("fetch_articles", "allow_private"):
            if key in entries:
                values[key] = self.boolean(entries[key], f"{where}.{key}")
        if "max_items" in entries:
            values["max_items"] = self.number(entries["max_items"], f"{where}.max_items", int, 1)
        if "min_delay_s" in entries:
            values["min_delay_s"] = self.number(
                entries["min_delay_s"], f"{where}.min_delay_s", float, 0
            )
        if "language" in entries:
            values["language"] = self.language(entries["language"], f"{where}.language")
        if len(self.problems) > before or name is None:
            return None
        return Source(name=name, line=node.start_mark.line + 1, **values)

    def source_name(self, node: yaml.Node | None, parent: yaml.Node, where: str) -> str | None:
        if node is None:
            self.problem(parent, where, "missing key `name`")
            return None
        name = self.text(node, f"{where}.name")
        if name is not None and not _NAME.match(name):
            self.problem(
                node,
                f"{where}.name",
                f"{name!r} must be lower case letters, digits, `.`, `_` or `-` "
                "(at most 64, starting with a letter or digit)",
            )
            return None
        return name

    def language(self, node: yaml.Node, where: str) -> str | None:
        value = self.text(node, where)
        if value is not None and not _LANGUAGE.match(value):
            self.problem(node, where, f"{value!r} is not a language tag like `en` or `pt-BR`")
            return None
        return value


_NOT_SCALAR = object()
_LIMIT_MINIMUM = {"retries": 0, "max_redirects": 0}
_TOP_KEYS = frozenset({"user_agent", "contact", "limits", "sources"})
_LIMIT_KEYS = frozenset(spec.name for spec in dataclasses.fields(Limits))
_SOURCE_KEYS = frozenset(spec.name for spec in dataclasses.fields(Source) if spec.name != "line")


def _name_of(node: yaml.Node) -> str | None:
    """The plain `name` value of a source entry, whatever else is wrong with it."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if getattr(key, "value", None) == "name" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def _shown(value: Any, node: yaml.Node) -> str:
    if value is _NOT_SCALAR:
        return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
    return repr(value)


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched (not http(s), no host, credentials), or None when it can."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a bad port
    except ValueError:
        return f"{url!r} is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return f"{url!r} is not an http(s) URL"
    if not parts.hostname:
        return f"{url!r} has no host"
    if parts.username is not None or parts.password is not None:
        return f"{url!r} carries credentials; they are not supported"
    if any(ch.isspace() for ch in url):
        return f"{url!r} contains white space"
    return None


def _user_agent(user_agent: str | None, contact: str | None) -> str:
    agent = user_agent or DEFAULT_USER_AGENT
    if contact and contact not in agent:
        agent = f"{agent} (+{contact})"
    return agent
