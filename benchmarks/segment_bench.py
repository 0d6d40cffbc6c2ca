"""Sentence splitters compared: boundary F1 on DUC 2004 and speed in sentences per second.

    python benchmarks/segment_bench.py [--data .../duc2004_task2.jsonl] [--basil .../basil_triplets.jsonl]

DUC 2004 Task 2 gives its 500 documents one sentence per line. Each document is rebuilt three
ways and the splitters must recover the lines:

* ``spaces``: all lines joined with one space (one paragraph per document, the hard case);
* ``paragraphs``: every three lines joined with a space, paragraphs separated by a blank line
  (closer to real articles; paragraph breaks are boundaries every splitter gets for free);
* ``lowercase``: as ``spaces``, all lower-cased (Multi-News comes lower-cased; this is harsher,
  as Multi-News keeps a capital at most sentence starts).

A boundary is the start offset of a sentence other than the first of the document. Precision,
recall and F1 are micro-averaged over all documents. Speed is gold sentences divided by the best of
``--repeat`` wall-clock timings of splitting every document (the splitters take turns), through
``newsprism.text.segment.split`` (so each peer also gets the same paragraph handling). Peers that
cannot be imported are skipped with a note (``pip install 'newsprism[bench]'``).

The DUC copy had its quotation marks removed, so two more rows measure quotations:

* ``news``: passages written for this benchmark (``NEWS``: quotations ending inside quotation
  marks, abbreviations, initials, decimals, ellipses, a list), one sentence per line, each passage
  joined with spaces. They were written alongside the rule set, so they check its documented cases
  rather than measure it independently.
* ``basil``: sentence ends hand-annotated in five BASIL articles rich in quotations
  (``BASIL_ENDS``, read from ``--basil``); paragraph starts are not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from newsprism.text.segment import RuleSplitter, Splitter, paragraphs, split

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DATA = SHARED_DATA / "duc2004" / "duc2004_task2.jsonl"
BASIL_DATA = SHARED_DATA / "basil" / "basil_triplets.jsonl"
LINES_PER_PARAGRAPH = 3
LAYOUTS = ("spaces", "paragraphs", "lowercase")


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
    if layout == "lowercase":  # character by character, so that no offset moves
        sentences = ["".join(c.lower() if len(c.lower()) == 1 else c for c in s) for s in sentences]
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


# Realistic news passages written for this benchmark (not taken from any dataset), one sentence per
# line and paragraphs separated by a blank line: the quotes, abbreviations and lists DUC lacks.
NEWS = """\
\u201cWe are not going to back down,\u201d Sen. Elizabeth Warren, D-Mass., told reporters on Tuesday.
\u201cThis is about fairness.\u201d
The bill, which passed the House 218-210 on Nov. 10, now heads to the Senate.

Gov. Gavin Newsom signed the measure at 3 p.m. in Sacramento, Calif., his office said.
The state\u2019s budget office expects revenue to rise 3.5 percent next year.
\u201cIs it enough?\u201d asked Dr. Maria Lopez, a Ph.D. economist at the University of California.
\u201cNobody knows yet.\u201d

The company, Acme Corp., reported earnings of $1.25 a share for the quarter.
Analysts had expected $1.10.
Shares of Acme, the No. 2 maker of widgets in the U.S., rose 4.2 percent to $87.50.
(The company also raised its dividend.)

J. R. R. Tolkien\u2019s letters were auctioned in London on Jan. 5 by Sotheby\u2019s.
The buyer, identified only as a collector from St. Louis, paid about 1.2 million pounds.
\u201cIt was worth every penny,\u201d the collector said in a statement.

\"I was scared ... I didn\u2019t know what would happen next,\" said Ana Perez, 34.
She had waited outside the U.N. headquarters since 6 a.m. with her two children.
Officials did not say when the gates would reopen.

The report lists three demands: 1. Free and fair elections.
2. The release of political prisoners.
3. An independent investigation.

President George W. Bush met Prime Minister Tony Blair at Camp David on Friday.
The two leaders discussed Iraq, trade and the Middle East.
\u201cWe had a very good conversation,\u201d Bush said.
\u201cThe prime minister is a friend.\u201d
Blair, asked whether he agreed, smiled.
\u201cOf course!\u201d he said.

Police in Portland, Ore., arrested two men early Sunday.
A spokesman, Lt. John Smith, said the suspects were held on $50,000 bail each.
Neither had a lawyer, according to court records.
The case will be heard by U.S. District Judge Ann Aiken on Dec. 3.

Dmitry Peskov said relations with the U.S. were \u201cregrettable.\u201d
Moscow wants good ties, he said, but \u201cit takes two to tango.\u201d
The Kremlin spokesman spoke to reporters by phone.
"""


def news_passages() -> list[tuple[str, set[int]]]:
    """The ``NEWS`` passages, each with its sentences joined by spaces, and their gold boundaries."""
    return [join(passage.splitlines(), "spaces") for passage in NEWS.strip().split("\n\n")]


# Hand-annotated sentence ends in five BASIL articles rich in quotations (Fox News, HuffPost and the
# New York Times), by article id: for every place where terminal punctuation and closing marks are
# followed by a space on the same line (BASIL_PLACE, in order), "B" if a sentence ends there, "N" if
# not. Conventions: sentences inside a quotation are sentences; a short attribution after a
# quotation ('..." Justice Breyer asked.') belongs to it; an ellipsis after a full stop opens the
# next sentence. Only ids and labels are kept here; the texts stay in ../shared/data.
BASIL_PLACE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?:\s[\u201d\"](?=\s))?[ \t\xa0]+(?=\S)")
BASIL_ENDS = {
    "c7c1dccd-747f-4f19-98f1-8e323096efe3": "BBBBBBBBBBBBBB",
    "93ba0f89-9a38-4100-bdbe-6f4d9c06b1ff": "BBBBBNBBBNBBNNBBN",
    "2114860f-e96f-41dd-b5e2-56f755b0e6f6": "BBBBNNBNBNNNBNBBNBNBBB",
    "55b70267-66ec-4822-a139-ab582ef6faea": "NBNNNBBBBBBBBBBBBBBBNBNB",
    "208ea167-d640-45c8-8769-68723bd74399": "BNNBBBNNBBBNBNBNBNBBNBBNBBBNNBNBNNNNBBBNNBBNBNNNBN",
}


def basil_articles(path: Path) -> list[tuple[str, set[int]]]:
    """The annotated BASIL articles and their gold sentence ends inside paragraphs."""
    texts = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                if document["doc_id"] in BASIL_ENDS:
                    texts[document["doc_id"]] = document["text"]
    articles = []
    for doc_id, labels in BASIL_ENDS.items():
        text = texts[doc_id]
        places = [match.end() for match in BASIL_PLACE.finditer(text)]
        if len(places) != len(labels):
            raise ValueError(f"BASIL article {doc_id}: the annotation no longer lines up with the text")
        articles.append((text, {place for place, label in zip(places, labels) if label == "B"}))
    return articles


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "newsprism rules": RuleSplitter,
    "blingfire": blingfire_splitter,
    "pysbd": pysbd_splitter,
}


def score(texts: Iterable[tuple[str, set[int]]], splitter: Splitter) -> tuple[float, float, float]:
    """Micro-averaged boundary precision, recall and F1; paragraph starts count only when gold."""
    true_positives = found_total = gold_total = 0
    for text, gold in texts:
        paragraph_starts = {start for start, _ in paragraphs(text)}
        found = {start for start, _ in split(text, splitter)}
        found -= paragraph_starts - gold
        true_positives += len(found & gold)
        found_total += len(found)
        gold_total += len(gold)
    precision = true_positives / found_total if found_total else 0.0
    recall = true_positives / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def seconds(texts: list[str], splitter: Splitter) -> float:
    began = time.perf_counter()
    for text in texts:
        split(text, splitter)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="duc2004_task2.jsonl")
    parser.add_argument("--basil", type=Path, default=BASIL_DATA, help="basil_triplets.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="timings per splitter (best is kept)")
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"DUC 2004 not found at {args.data} (licensed data, never in the repository)")
    documents = duc_documents(args.data)
    sentence_count = sum(len(d) for d in documents)
    print(f"DUC 2004: {len(documents)} documents, {sentence_count} gold sentences")
    splitters = {}
    for name, build in SPLITTERS.items():
        try:
            splitters[name] = build()
        except ImportError as error:
            print(f"{name}: skipped, {error} (pip install 'newsprism[bench]')")
    layouts = {layout: [join(d, layout) for d in documents] for layout in LAYOUTS}
    # Timings take turns across splitters, so that load from other processes falls on all alike.
    best = {(name, layout): float("inf") for name in splitters for layout in layouts}
    for _ in range(args.repeat):
        for name, splitter in splitters.items():
            for layout, texts in layouts.items():
                elapsed = seconds([text for text, _ in texts], splitter)
                best[name, layout] = min(best[name, layout], elapsed)
    print(f"{'splitter':<16} {'layout':<11} {'P':>6} {'R':>6} {'F1':>6} {'sentences/s':>12}")
    for name, splitter in splitters.items():
        for layout, texts in layouts.items():
            precision, recall, f1 = score(texts, splitter)
            rate = sentence_count / best[name, layout]
            print(f"{name:<16} {layout:<11} {precision:6.4f} {recall:6.4f} {f1:6.4f} {rate:12,.0f}")
        extra = {"news": news_passages()}
        if args.basil.is_file():
            extra["basil"] = basil_articles(args.basil)
        for layout, texts in extra.items():
            precision, recall, f1 = score(texts, splitter)
            print(f"{name:<16} {layout:<11} {precision:6.4f} {recall:6.4f} {f1:6.4f} {'':>12}")


if __name__ == "__main__":
    main()
