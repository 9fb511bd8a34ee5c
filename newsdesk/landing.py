"""The landing folder: where files arrive, and how they move into the raw store.

`ingest_paths` copies user files into `landing/` (the same content is taken once);
`sweep_landing` registers every landing file into the raw store. A small index remembers the
size, modification time and hash of each landing file so a sweep hashes only what changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.raw import RawItem, RawStore, is_supported, sha256_file
from newsdesk.settings import Paths

#: Names of files still being written (browser downloads, editors, rsync) are left alone.
_PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", "~", ".swp")
#: A page saved with its resources: "Page.html" and the folder "Page_files".
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_RESOURCES_SUFFIX = "_files"


@dataclass
class IngestReport:
    """What `ingest_paths` did."""

    added: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    unsupported: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


@dataclass
class SweepReport:
    """What `sweep_landing` registered."""

    registered: list[RawItem] = field(default_factory=list)
    duplicates: int = 0
    seen: int = 0


def is_partial(path: Path) -> bool:
    """True for hidden files and files that are still being written."""
    return path.name.startswith(".") or path.name.lower().endswith(_PARTIAL_SUFFIXES)


def page_resource_dirs(dirs: list[str], files: list[str]) -> set[str]:
    """The folders a browser saved beside a page ("Page_files" next to "Page.html").

    "Save as: Webpage, Complete" writes the page and a folder of its scripts, styles, images
    and embedded frames; the frames are HTML too, but they are parts of the page, not pages.

    Args:
        dirs: Folder names in one folder.
        files: File names in the same folder.

    Returns:
        The names in `dirs` that hold a saved page's resources.
    """
    pages = {name.rsplit(".", 1)[0] for name in files if name.lower().endswith(_PAGE_SUFFIXES)}
    return {
        d for d in dirs if d.endswith(_RESOURCES_SUFFIX) and d[: -len(_RESOURCES_SUFFIX)] in pages
    }


def walk_files(folder: Path) -> Iterator[Path]:
    """Every complete file under `folder`, in a stable order, without saved pages' resources.

    Args:
        folder: The folder to walk.

    Yields:
        Files, skipping hidden ones, partial downloads and "Page_files" folders.
    """
    for root, dirs, files in os.walk(folder):
        skipped = page_resource_dirs(dirs, files)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in skipped)
        for name in sorted(files):
            path = Path(root) / name
            if not is_partial(path) and path.is_file():
                yield path


def landing_files(landing: Path) -> Iterator[Path]:
    """Every complete file under the landing folder, in a stable order."""
    if landing.exists():
        yield from walk_files(landing)


class LandingIndex:
    """Remembers `(size, mtime_ns) -> sha256` per landing file, persisted under raw/."""

    def __init__(self, paths: Paths) -> None:
        """Load the index of a home (empty if none yet)."""
        self.path = paths.raw / "landing_index.json"
        self.landing = paths.landing
        try:
            self.entries: dict[str, list] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            self.entries = {}

    def sha_of(self, path: Path) -> str:
        """Hash of a landing file, from the index when size and mtime are unchanged."""
        key = str(path.relative_to(self.landing))
        stat = path.stat()
        cached = self.entries.get(key)
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            return cached[2]
        digest = sha256_file(path)
        self.entries[key] = [stat.st_size, stat.st_mtime_ns, digest]
        return digest

    def hashes(self) -> set[str]:
        """Hashes of every indexed landing file."""
        return {entry[2] for entry in self.entries.values()}

    def save(self) -> None:
        """Write the index atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.entries, handle)
        os.replace(temp, self.path)


def _walk_inputs(inputs: list[Path], report: IngestReport) -> Iterator[Path]:
    for given in inputs:
        if not given.exists():
            report.missing.append(given)
        elif given.is_dir():
            for path in walk_files(given):
                if is_supported(path.name):
                    yield path
                else:
                    report.unsupported.append(path)
        elif is_supported(given.name):
            yield given
        else:
            report.unsupported.append(given)


def ingest_paths(paths: Paths, inputs: list[Path]) -> IngestReport:
    """Copy files and folders (recursively) into the landing folder, each content once.

    Args:
        paths: The newsdesk home (created if needed).
        inputs: Files or folders to take.

    Returns:
        Which files were added, were duplicates, unsupported or missing.
    """
    paths.ensure()
    report = IngestReport()
    store = RawStore(paths.raw)
    index = LandingIndex(paths)
    for existing in landing_files(paths.landing):
        index.sha_of(existing)
    taken = index.hashes()
    for source in _walk_inputs(inputs, report):
        digest = sha256_file(source)
        if digest in taken or store.has(digest):
            report.duplicates.append(source)
            continue
        target = _free_name(paths.landing / source.name)
        _copy_into_landing(source, target)
        index.sha_of(target)
        taken.add(digest)
        report.added.append(target)
    index.save()
    return report


def _free_name(target: Path) -> Path:
    if not target.exists():
        return target
    stem, suffix = target.name.split(".", 1) if "." in target.name else (target.name, "")
    n = 1
    while True:
        candidate = target.with_name(f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def _copy_into_landing(source: Path, target: Path) -> None:
    # Copy under a hidden name, then rename: the sensor never sees half a file, and the copy
    # gets a fresh modification time (arrival time), unlike shutil.copy2.
    temp = target.with_name(f".{target.name}.ingesting")
    try:
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def sweep_landing(paths: Paths) -> SweepReport:
    """Register every landing file in the raw store (each content once).

    The capture day of a file is the UTC day it arrived in the landing folder.
    """
    paths.ensure()
    store = RawStore(paths.raw)
    index = LandingIndex(paths)
    report = SweepReport()
    for path in landing_files(paths.landing):
        report.seen += 1
        digest = index.sha_of(path)
        if store.has(digest):
            report.duplicates += 1
            continue
        item = store.register_file(path, origin="landing", sha256=digest)
        if item is None:
            report.duplicates += 1
        else:
            report.registered.append(item)
    index.save()
    return report


def unregistered_files(paths: Paths) -> list[Path]:
    """Landing files whose content is not in the raw store yet (waiting for a build)."""
    store = RawStore(paths.raw)
    index = LandingIndex(paths)
    waiting = [path for path in landing_files(paths.landing) if not store.has(index.sha_of(path))]
    index.save()
    return waiting
