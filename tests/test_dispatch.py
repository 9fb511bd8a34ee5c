"""Reading one input file: size caps, gzip, format detection."""

import gzip
from pathlib import Path

from newsdesk.extract.dispatch import extract_path
from newsdesk.model import Rejection, Story

PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour bridge approved</title></head><body><article>"
    "<h1>Harbour bridge approved</h1>"
    + "".join(
        f"<p>On day {i} the council's harbour committee met again to weigh the objections, "
        f"the ferry timetable and {i + 2} late amendments to the bridge plan.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def test_a_broken_gzip_file_is_rejected_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "page.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (rejected,) = extract_path(broken)
    assert isinstance(rejected, Rejection)
    assert rejected.reason.startswith("corrupt gzip data")


def test_a_gzip_stream_cut_short_still_gives_its_page(tmp_path: Path) -> None:
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(PAGE.encode("utf-8"))[:-20])
    (story,) = extract_path(cut)
    assert isinstance(story, Story) and story.title == "Harbour bridge approved"
