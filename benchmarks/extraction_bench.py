"""Real pages read by newsprism against trafilatura alone: body lines kept, page furniture left.

    python benchmarks/extraction_bench.py [--data ../shared/data/article_extraction] [--limit N] [--show-junk]

The article extraction benchmark gives 181 real news and blog pages with the article body a person
marked on each. Every page is read as ``newsprism read page.html`` reads it (decoded, main text
extracted by trafilatura, then cleaned on its own) and scored with ``newsprism.evaluate.extraction``:

* lines: precision of the kept lines (share that are part of the gold body), recall of the gold
  body's paragraphs, and the share of trafilatura's junk lines (lines of its output outside the gold
  body) still left;
* snippets: the share of must-drop snippets (page text blocks of four or more words outside the gold
  body) left in the text, and of must-keep snippets (gold paragraphs) kept.

"trafilatura" scores trafilatura's text as it comes; "newsprism" the same text after cleaning.
``--show-junk`` prints the junk lines newsprism leaves (to read them; never copy them into the
repository: the pages are copyrighted).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsprism.errors import InputError
from newsprism.evaluate.extraction import Page, is_body_line, load_pages, measure_pages, normalize, paragraphs, read_page
from newsprism.text.clean import clean_article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_extraction"


def show_junk(pages: list[Page]) -> None:
    """Print the junk lines newsprism leaves and the gold body lines it removes, page by page."""
    for page in pages:
        try:
            cleaned = clean_article(read_page(page))
        except InputError:
            continue
        gold_paragraphs = paragraphs(page.gold)
        gold_body = " ".join(gold_paragraphs)
        for line in cleaned.text.splitlines():
            if line.strip() and not is_body_line(normalize(line), gold_body, gold_paragraphs):
                print(f"junk  {page.key[:8]}  {line[:150]}")
        for removal in cleaned.removed:
            if is_body_line(normalize(removal.line), gold_body, gold_paragraphs):
                print(f"LOST  {page.key[:8]}  {removal.reason}: {removal.line[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="read only the first N pages (in key order)")
    parser.add_argument("--show-junk", action="store_true", help="print the junk lines left and body lines lost")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file():
        raise SystemExit(f"no article extraction data at {args.data} (licensed, never in the repository)")
    started = time.perf_counter()
    pages = load_pages(args.data, args.limit)
    if args.show_junk:
        show_junk(pages)
    totals = measure_pages(pages)
    print(f"{len(pages)} pages in {time.perf_counter() - started:.0f} s")
    print("| reader | line precision | line recall | junk lines left | must-drop left | must-keep kept |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, c in totals.items():
        print(f"| {name} | {c.precision:.4f} ({c.kept_body_lines}/{c.kept_lines}) "
              f"| {c.recall:.4f} ({c.gold_paragraphs_kept}/{c.gold_paragraphs}) "
              f"| {c.junk_left:.4f} ({c.junk_lines_left}/{c.junk_lines}) "
              f"| {c.drop_left:.4f} ({c.drop_snippets_left}/{c.drop_snippets}) "
              f"| {c.keep_kept:.4f} ({c.keep_snippets_kept}/{c.keep_snippets}) |")


if __name__ == "__main__":
    main()
