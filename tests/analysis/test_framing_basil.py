"""The loaded-word lexicon against BASIL's annotated lexical-bias spans (Fan et al. 2019).

Precision: the share of flagged words that lie inside an annotated lexical-bias span. Recall: the
share of annotated spans that contain a flagged word. BASIL annotates bias sparingly (a few spans
per article), so many subjective words it leaves unmarked count against precision; the numbers
measure agreement with its annotators, not the lexicon's absolute quality.

Measured on the 59 events in ../shared/data (177 articles, 282 located lexical spans):
precision 0.132, recall 0.330. Floors sit 0.02-0.03 below, the margin for small lexicon edits.
"""

from __future__ import annotations

import json

import pytest
from datapaths import shared_file

from newsprism.analysis.framing import find_loaded, loaded_lexicon

PRECISION_FLOOR = 0.11
RECALL_FLOOR = 0.30


def _gold_spans(document: dict) -> tuple[str, list[tuple[int, int]]]:
    """The article text (paragraphs joined by blank lines) and its lexical-bias spans in it.

    Annotation offsets are per paragraph and sometimes slightly off (BASIL README): a span whose
    offsets do not give its text is located by its first occurrence in its paragraph.
    """
    paragraphs = document["paragraphs"]
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    spans = []
    for note in document["phrase_level_annotations"]:
        index = note["paragraph_index"]
        if note["bias"] != "lex" or index is None:
            continue
        paragraph = paragraphs[index]
        start = note["start"] if paragraph[note["start"] : note["end"]] == note["txt"] else paragraph.find(note["txt"])
        if start >= 0:
            spans.append((starts[index] + start, starts[index] + start + len(note["txt"])))
    return "\n\n".join(paragraphs), spans


@pytest.fixture(scope="module")
def scores() -> tuple[float, float]:
    path = shared_file("basil/basil_triplets.jsonl")
    lexicon = loaded_lexicon()
    flagged = inside = found = annotated = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                text, gold = _gold_spans(document)
                words = find_loaded(text, document["doc_id"], lexicon)
                flagged += len(words)
                inside += sum(any(lo <= w.start and w.end <= hi for lo, hi in gold) for w in words)
                annotated += len(gold)
                found += sum(any(lo <= w.start and w.end <= hi for w in words) for lo, hi in gold)
    print(f"BASIL lexical bias: precision {inside / flagged:.3f} ({inside}/{flagged}), "
          f"recall {found / annotated:.3f} ({found}/{annotated})")
    return inside / flagged, found / annotated


@pytest.mark.data
def test_loaded_word_precision_against_basil_holds_its_floor(scores):
    assert scores[0] >= PRECISION_FLOOR


@pytest.mark.data
def test_loaded_word_recall_against_basil_holds_its_floor(scores):
    assert scores[1] >= RECALL_FLOOR
