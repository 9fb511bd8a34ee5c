"""Story extraction quality per input kind, on data newsdesk did not write.

Runs the HTML bench (Readability and trafilatura-eval pages, newsdesk beside bare trafilatura
in the same run), the text-dump bench (browser innerText dumps of the Readability pages) and
the rendered text-dump bench (dumps made here, with the system Chromium, of the hand-annotated
trafilatura-eval pages; skipped with a note when Chromium or Playwright is missing), and prints
each table with the project's floors. Not a test: nothing here is timed or asserted.

    .venv/bin/python -m bench.extraction
"""

from bench import quality_html, quality_textdumps, textdumps_rendered

FLOORS = {
    "html": "title >= 0.95, date >= 0.95, author F1 >= 0.85, body F1 >= 0.95",
    "text dumps": "title >= 0.90, body F1 >= 0.90",
}


def main() -> None:
    """Print the HTML and text-dump quality tables."""
    print("== HTML pages ==")
    print(f"floors: {FLOORS['html']}")
    quality_html.print_table(quality_html.run())
    print()
    print("== Plain-text page dumps ==")
    print(f"floors: {FLOORS['text dumps']}")
    quality_textdumps.print_table(quality_textdumps.run())
    print()
    print("== Plain-text page dumps rendered from the trafilatura-eval pages ==")
    print(f"floors: {FLOORS['text dumps']} (body here: snippet F1)")
    textdumps_rendered.main([])


if __name__ == "__main__":
    main()
