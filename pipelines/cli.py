"""The `newsdesk` command: ingest, build, extract, entities, fetch, status.

Output meant for scripts goes to stdout (JSON lines, or the summary); progress and messages go
to stderr. A mistake a user can make (missing path, unwritable home, bad sources file) prints
one line starting with `newsdesk:` and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsdesk.settings import HomeError, Paths

USER_ERROR = 2


class UserError(Exception):
    """A mistake the user can fix; printed as one line."""


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _emit(row: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


@contextmanager
def _progress(total: int | None, label: str) -> Iterator[Any]:
    """A rich progress bar on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty():
        yield lambda *_: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda description=None: bar.update(task, advance=1, description=description)


def _paths(args: argparse.Namespace) -> Paths:
    return Paths.from_home(args.home).ensure()


def cmd_ingest(args: argparse.Namespace) -> int:
    """Copy files and folders into the landing area."""
    from newsdesk.landing import ingest_paths
    from newsdesk.raw import SUPPORTED_SUFFIXES

    paths = _paths(args)
    report = ingest_paths(paths, [Path(p) for p in args.paths])
    for missing in report.missing:
        _say(f"newsdesk: no such file or folder: {missing}")
    for path in report.unsupported:
        _say(
            f"newsdesk: skipped {path}: unknown format "
            f"(expected {' '.join(SUPPORTED_SUFFIXES)}, optionally .gz)"
        )
    print(  # noqa: T201 - the command's output
        f"landed {len(report.added)} new file(s), {len(report.duplicates)} already taken, "
        f"{len(report.unsupported)} unsupported -> {paths.landing}"
    )
    if report.missing and not report.added and not report.duplicates:
        return USER_ERROR
    return 0


def summary_lines(paths: Paths, counts: dict[str, int] | None) -> list[str]:
    """The build summary: stories, links, entities, rejected items, warehouse path."""
    counts = counts or {}
    return [
        f"stories:         {counts.get('stories', 0)}",
        f"related links:   {counts.get('related_links', 0)}",
        f"entities:        {counts.get('entities', 0)}",
        f"entity mentions: {counts.get('entity_mentions', 0)}",
        f"rejected items:  {counts.get('rejected_items', 0)}",
        f"warehouse:       {paths.warehouse}",
    ]


def cmd_build(args: argparse.Namespace) -> int:
    """Materialise the asset graph in process and publish the warehouse."""
    from pipelines.build import run_build

    paths = _paths(args)
    with _progress(None, "building") as tick:
        result = run_build(
            paths,
            on_day=lambda day: tick(f"processing capture day {day}"),
            reprocess_days=_reprocess_days(paths, args.reprocess),
        )
    for error in result.errors:
        _say(f"newsdesk: {error}")
    if result.days:
        _say(f"processed capture days: {', '.join(result.days)}")
    else:
        _say("nothing new to process")
    print("\n".join(summary_lines(paths, result.counts)))  # noqa: T201
    return 0 if result.published and not result.failed_days else 1


def _is_iso_day(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _reprocess_days(paths: Paths, asked: list[str] | None) -> list[str]:
    """Days named by `--reprocess` (`all` = every capture day in the raw store)."""
    from newsdesk.raw import RawStore

    if not asked:
        return []
    known = set(RawStore(paths.raw).days())
    if "all" in asked:
        return sorted(known)
    malformed = [day for day in asked if not _is_iso_day(day)]
    if malformed:
        raise UserError(
            f"--reprocess takes days as YYYY-MM-DD or 'all', not {', '.join(malformed)}"
        )
    unknown = [day for day in asked if day not in known]
    if unknown:
        raise UserError(f"no items were captured on {', '.join(unknown)} (see: newsdesk status)")
    return sorted(set(asked))


def _story_json(story: Any) -> dict[str, Any]:
    from newsdesk.lake import story_row

    row = story_row(story)
    row.pop("paragraphs")
    row["provenance"] = story.provenance
    row["links"] = [dict(link.__dict__) for link in story.links]
    row["page_type"] = story.page_type
    return row


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the stories extracted from files as JSON lines; store nothing."""
    from newsdesk.extract.dispatch import extract_path
    from newsdesk.model import Rejection
    from newsdesk.normalise import finalise_story
    from newsdesk.raw import sha256_file

    files = _expand(args.paths)
    if args.url and len(files) != 1:
        raise UserError("--url needs exactly one file")
    rejected = emitted = 0
    for path in files:
        digest = sha256_file(path)
        index = 0
        captured = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
        for extracted in extract_path(path, url=args.url, captured_at=captured):
            result = extracted
            if not isinstance(extracted, Rejection):
                result = finalise_story(
                    extracted,
                    raw_sha256=digest,
                    index=index,
                    source_path=str(path),
                    captured_at=captured,
                )
                index += 1
            if isinstance(result, Rejection):
                rejected += 1
                _say(f"newsdesk: rejected {result.path}: {result.reason}")
                continue
            _emit({"source_path": str(path), **_story_json(result)})
            emitted += 1
    return 1 if rejected and not emitted else 0


def _expand(given: list[str]) -> list[Path]:
    from newsdesk.landing import walk_files

    files: list[Path] = []
    for name in given:
        path = Path(name)
        if path.is_dir():
            # As ingest reads folders: no hidden files, partial downloads or "Page_files".
            found = list(walk_files(path))
            if not found:
                raise UserError(f"no files in folder: {name}")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UserError(f"no such file or folder: {name}")
    return files


def cmd_entities(args: argparse.Namespace) -> int:
    """Print entity mentions of plain text as JSON lines (offsets into the text as given)."""
    from newsdesk.entities.recognise import EntityRecogniser

    sources: list[tuple[str, str]] = []
    for name in args.paths:
        if name == "-":
            sources.append(("-", sys.stdin.read()))
            continue
        sources.extend(
            (str(path), path.read_text(encoding="utf-8", errors="replace"))
            for path in _expand([name])
        )
    recogniser = EntityRecogniser()
    texts = [text for _, text in sources]
    for (source, _), mentions in zip(sources, recogniser.mentions_for_texts(texts), strict=True):
        for m in mentions:
            _emit(
                {
                    "source_path": source,
                    "text": m.text,
                    "label": m.label,
                    "start": m.start,
                    "end": m.end,
                    "entity_id": m.entity_id,
                    "name": m.name,
                    "type": m.type,
                    "role": m.role,
                }
            )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print what is landed, processed, rejected, and the warehouse's row counts."""
    from newsdesk.landing import landing_files, unregistered_files
    from newsdesk.process import pending_days
    from newsdesk.raw import RawStore
    from newsdesk.warehouse import published_counts

    paths = _paths(args)
    items = RawStore(paths.raw).items()
    pending = pending_days(paths)
    landed = sum(1 for _ in landing_files(paths.landing))
    waiting = len(unregistered_files(paths))
    counts = published_counts(paths)
    status: dict[str, Any] = {
        "home": str(paths.home),
        "landing_files": landed,
        "waiting_files": waiting,
        "raw_items": len(items),
        "capture_days": len({i.capture_day for i in items}),
        "pending_days": pending,
        "warehouse": str(paths.warehouse) if counts is not None else None,
        "warehouse_rows": counts,
    }
    fetch_report = _last_fetch_report(paths)
    if fetch_report is not None:
        status["last_fetch"] = fetch_report
    if args.json:
        _emit(status)
        return 0
    lines = [
        f"home:            {paths.home}",
        f"landing files:   {landed} ({waiting} waiting for the next build)",
        f"raw items:       {len(items)} over {status['capture_days']} capture day(s)",
        f"pending days:    {', '.join(pending) or 'none'}",
    ]
    if counts is None:
        lines.append("warehouse:       not built yet (run: newsdesk build)")
    else:
        lines.append(f"warehouse:       {paths.warehouse}")
        lines += [f"  {table:<16} {n}" for table, n in counts.items()]
    if fetch_report is not None:
        lines.append(f"last fetch:      {json.dumps(fetch_report, default=_json_default)[:500]}")
    print("\n".join(lines))  # noqa: T201
    return 0


def _last_fetch_report(paths: Paths) -> dict[str, Any] | None:
    from newsdesk.fetch import load_last_report

    return load_last_report(paths)


def cmd_fetch(args: argparse.Namespace) -> int:
    """Fetch every source's feeds and new article pages into raw/."""
    from newsdesk.fetch import SourcesError, fetch_sources

    paths = _paths(args)
    sources = Path(args.sources) if args.sources else None
    today = datetime.now(UTC).date().isoformat()
    try:
        report = fetch_sources(
            paths,
            capture_day=today,
            sources_file=sources,
            source=args.source,
            refetch=args.refetch,
        )
    except SourcesError as exc:
        raise UserError(str(exc)) from exc
    _emit(report.to_dict())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="News items (pages, text dumps, feeds, exports, WARCs) into a DuckDB "
        "warehouse.",
    )
    parser.add_argument(
        "--home", help="home folder (default: $NEWSDESK_HOME, else ./data)", default=None
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="register files or folders into the landing area")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("build", help="process everything landed and publish the warehouse")
    p.add_argument(
        "--reprocess",
        nargs="+",
        metavar="DAY",
        help="extract and recognise these capture days (YYYY-MM-DD, or all) again from raw",
    )
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("extract", help="print extracted stories as JSON lines; store nothing")
    p.add_argument("paths", nargs="+")
    p.add_argument("--url", help="page URL, when one file is given")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("entities", help="print entity mentions of plain text as JSON lines")
    p.add_argument("paths", nargs="+", help="text files, or - for standard input")
    p.set_defaults(func=cmd_entities)
    p = sub.add_parser("status", help="landed, processed, rejected, warehouse row counts")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("fetch", help="fetch the sources' feeds and new pages into raw/")
    p.add_argument("--source", help="only this source (by name)")
    p.add_argument("--sources", help="sources file (default: $NEWSDESK_HOME/sources.yaml)")
    p.add_argument("--refetch", action="store_true", help="fetch already captured pages again")
    p.set_defaults(func=cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `newsdesk` console script."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except (UserError, HomeError) as exc:
        _say(f"newsdesk: {exc}")
        return USER_ERROR
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say("newsdesk: interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
