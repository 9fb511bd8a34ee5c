import gzip
import json
import os

from newsdesk.landing import ingest_paths, landing_files, sweep_landing
from newsdesk.raw import RawStore, is_supported, object_suffix


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_supported_suffixes():
    assert is_supported("a.HTML") and is_supported("a.warc.gz") and is_supported("x.jsonl")
    assert not is_supported("notes.md") and not is_supported("a.pdf.gz")
    assert object_suffix("Page.Html.GZ") == ".html.gz"
    assert object_suffix("weird") == ""
    assert is_supported("Saved Page.mhtml") and is_supported("page.MHT")
    assert object_suffix("Saved Page.mhtml") == ".mhtml" and object_suffix("p.mht") == ".mht"


def test_ingest_takes_same_content_once(home, tmp_path):
    a = _write(tmp_path / "in" / "a.txt", "same text")
    b = _write(tmp_path / "in" / "sub" / "copy.txt", "same text")
    c = _write(tmp_path / "in" / "c.html", "<html><title>x</title></html>")
    _write(tmp_path / "in" / "notes.md", "not an input")
    report = ingest_paths(home, [tmp_path / "in"])
    assert len(report.added) == 2
    assert report.duplicates == [b] or report.duplicates == [a]
    assert [p.name for p in report.unsupported] == ["notes.md"]
    again = ingest_paths(home, [c, tmp_path / "missing.txt"])
    assert again.added == [] and again.duplicates == [c]
    assert again.missing == [tmp_path / "missing.txt"]
    assert sorted(p.name for p in landing_files(home.landing)) == ["a.txt", "c.html"]


def test_ingest_keeps_both_files_with_one_name(home, tmp_path):
    _write(tmp_path / "x" / "page.html", "<p>one</p>")
    _write(tmp_path / "y" / "page.html", "<p>two</p>")
    ingest_paths(home, [tmp_path / "x", tmp_path / "y"])
    assert sorted(p.name for p in landing_files(home.landing)) == ["page-1.html", "page.html"]


def test_sweep_registers_each_content_once_and_ignores_partial_files(home):
    _write(home.landing / "one.txt", "first")
    _write(home.landing / "deep" / "two.json", "[]")
    _write(home.landing / "dup.txt", "first")
    _write(home.landing / "big.html.part", "still downloading")
    _write(home.landing / ".hidden.txt", "editor swap")
    first = sweep_landing(home)
    assert sorted(i.name for i in first.registered) in (
        ["one.txt", "two.json"],
        ["dup.txt", "two.json"],
    )
    assert sweep_landing(home).registered == []
    store = RawStore(home.raw)
    items = store.items()
    assert len(items) == 2
    for item in items:
        stored = store.path_of(item)
        assert (stored.exists() and not os.access(stored, os.W_OK)) or os.geteuid() == 0
        assert item.capture_day == items[0].capture_day


def test_manifest_survives_a_torn_last_line(home):
    _write(home.landing / "one.txt", "first")
    sweep_landing(home)
    with (home.raw / "manifest.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"sha256": "abc", "name": ')  # a crash mid-append
    assert len(RawStore(home.raw).items()) == 1
    _write(home.landing / "two.txt", "second")
    # The next append starts on a fresh line so the torn line never merges with a good one.
    assert len(sweep_landing(home).registered) == 1
    assert len(RawStore(home.raw).items()) == 2


def test_gzip_objects_keep_their_suffix(home):
    path = home.landing / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><title>t</title><p>x</p></html>"))
    (item,) = sweep_landing(home).registered
    assert item.object.endswith(".html.gz")
    line = json.loads((home.raw / "manifest.jsonl").read_text().splitlines()[0])
    assert line["origin"] == "landing"


def test_future_modification_times_count_as_now(home):
    path = home.landing / "skewed.txt"
    path.write_text("from a machine with a fast clock", encoding="utf-8")
    os.utime(path, (4_000_000_000, 4_000_000_000))
    (item,) = sweep_landing(home).registered
    from datetime import UTC, datetime

    assert item.capture_day == datetime.now(UTC).date().isoformat()


def test_a_page_saved_with_its_resources_is_one_page(home, tmp_path):
    # "Save as: Webpage, Complete": Story.html plus Story_files/ (frames, scripts, images).
    saved = tmp_path / "saved"
    _write(saved / "Story.html", "<html><title>Story</title></html>")
    _write(saved / "Story_files" / "ad-frame.html", "<html>ad</html>")
    _write(saved / "Story_files" / "app.js", "var x;")
    _write(saved / "Notes_files" / "page.html", "<html>kept: no Notes.html beside it</html>")
    _write(saved / ".git" / "HEAD.txt", "hidden folder")
    report = ingest_paths(home, [saved])
    assert sorted(p.name for p in report.added) == ["Story.html", "page.html"]
    assert report.unsupported == []
    _write(home.landing / "drop" / "Other.htm", "<html>dropped</html>")
    _write(home.landing / "drop" / "Other_files" / "frame.html", "<html>frame</html>")
    names = sorted(p.name for p in landing_files(home.landing))
    assert names == ["Other.htm", "Story.html", "page.html"]
