"""Sentence splitters compared: boundary F1 on DUC 2004 and speed in sentences per second.

    python benchmarks/segment_bench.py [--data ../shared/data/duc2004/duc2004_task2.jsonl]

DUC 2004 Task 2 gives its 500 documents one sentence per line. Each document is rebuilt two ways
and the splitters must recover the lines:

* ``spaces``: all lines joined with one space (one paragraph per document, the hard case);
* ``paragraphs``: every three lines joined with a space, paragraphs separated by a blank line
  (closer to real articles; paragraph breaks are boundaries every splitter gets for free).

A boundary is the start offset of a sentence other than the first of the document. Precision,
recall and F1 are micro-averaged over all documents. Speed is gold sentences divided by the best of
``--repeat`` wall-clock timings of splitting every document, through ``newsprism.text.segment.split``
(so each peer also gets the same paragraph handling). Peers that cannot be imported are skipped
with a note (``pip install 'newsprism[bench]'``).

Caveat: the DUC copy had its quotation marks removed, so quotes are tested by the unit tests
(tests/text/test_segment.py) and the ``news`` rows, not by DUC.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from newsprism.text.segment import RuleSplitter, Splitter, split

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "duc2004" / "duc2004_task2.jsonl"
LINES_PER_PARAGRAPH = 3


def duc_documents(path: Path) -> list[list[str]]:
    """The documents of DUC 2004 Task 2 as lists of their gold sentences (non-blank lines)."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                sentences = [s.strip() for s in document["text"].split("\n") if s.strip()]
                documents.append(sentences)
    return documents


def join(sentences: list[str], layout: str) -> tuple[str, set[int]]:
    """The document text for ``layout`` and its gold boundaries (sentence starts but the first)."""
    pieces, starts, position = [], set(), 0
    for number, sentence in enumerate(sentences):
        if number:
            separator = "\n\n" if layout == "paragraphs" and number % LINES_PER_PARAGRAPH == 0 else " "
            pieces.append(separator)
            position += len(separator)
            starts.add(position)
        pieces.append(sentence)
        position += len(sentence)
    return "".join(pieces), starts


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
        return [(span.start, span.end) for span in segmenter.segment(paragraph)]

    return split_paragraph


def blingfire_splitter() -> Splitter:
    import blingfire

    def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
        return list(blingfire.text_to_sentences_and_offsets(paragraph)[1])

    return split_paragraph


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "newsprism rules": RuleSplitter,
    "blingfire": blingfire_splitter,
    "pysbd": pysbd_splitter,
}


def score(texts: Iterable[tuple[str, set[int]]], splitter: Splitter) -> tuple[float, float, float]:
    true_positives = found_total = gold_total = 0
    for text, gold in texts:
        found = {start for start, _ in split(text, splitter)[1:]}
        true_positives += len(found & gold)
        found_total += len(found)
        gold_total += len(gold)
    precision = true_positives / found_total if found_total else 0.0
    recall = true_positives / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def speed(texts: list[str], sentences: int, splitter: Splitter, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for text in texts:
            split(text, splitter)
        best = min(best, time.perf_counter() - began)
    return sentences / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="duc2004_task2.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="timings per splitter (best is kept)")
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"DUC 2004 not found at {args.data} (licensed data, never in the repository)")
    documents = duc_documents(args.data)
    sentence_count = sum(len(d) for d in documents)
    print(f"DUC 2004: {len(documents)} documents, {sentence_count} gold sentences")
    print(f"{'splitter':<16} {'layout':<11} {'P':>6} {'R':>6} {'F1':>6} {'sentences/s':>12}")
    for name, build in SPLITTERS.items():
        try:
            splitter = build()
        except ImportError as error:
            print(f"{name:<16} skipped: {error} (pip install 'newsprism[bench]')")
            continue
        for layout in ("spaces", "paragraphs"):
            texts = [join(d, layout) for d in documents]
            precision, recall, f1 = score(texts, splitter)
            rate = speed([t for t, _ in texts], sentence_count, splitter, args.repeat)
            print(f"{name:<16} {layout:<11} {precision:6.4f} {recall:6.4f} {f1:6.4f} {rate:12,.0f}")


if __name__ == "__main__":
    main()
