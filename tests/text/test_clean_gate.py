"""Quality gate for the cleaner: hand-annotated lines of real articles, with pinned floors.

``clean_gate.json`` names documents of the evaluation data (BASIL, AllSides, DUC 2004, Multi-News)
and the two example articles, each marked "development" or "held-out", and for each the lines that must be kept, the lines that must be
removed, and the junk prefixes that must be cut off a line whose rest is kept. It holds references
only (line index, a short hash of the whitespace-collapsed line, the length of a prefix), never the
text, which may not be redistributed. Each story is cleaned as a batch, as the engine does.

A must-keep line counts as kept when it is a line of the cleaned text, or when a cleaned line is
the line with a dateline or lead-in cut off (the body survives); a must-drop line counts as
removed when no line of the cleaned text holds it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import pytest
from datapaths import EXAMPLES, SHARED_DATA

from newsprism.ingest.outlets import normalize_outlet
from newsprism.model import Article
from newsprism.text.clean import clean_articles

GATE = Path(__file__).with_name("clean_gate.json")
DATASETS = {
    "basil": "basil/basil_triplets.jsonl",
    "allsides": "allsides_neus/allsides_stories.jsonl",
    "duc": "duc2004/duc2004_task2.jsonl",
    "multinews": "multinews/multinews_test.jsonl",
}

# Measured on 2026-11-24 over all 66 annotated documents: must-keep 545/545 = 1.000, must-drop
# 35/36 = 0.972, cut 17/18 = 0.944. The 49 "development" documents were also looked at while the
# patterns were written (keep 418/418, drop 34/35, cut 15/15); the 17 "held-out" ones were drawn at
# random afterwards and annotated before the cleaner ran on them (keep 127/127, drop 1/1, cut 2/3).
# The misses: a video caption in a BASIL Fox article that no pattern describes, and a lowercased
# Multi-News byline run into the first sentence. Noise margin: one more miss in each of the small
# sets (drop 34/36, cut 16/18) and about five in the must-keep set. Lowering a floor needs a
# measurement that says why.
KEEP_FLOOR = 0.99
DROP_FLOOR = 0.94
CUT_FLOOR = 0.88


def line_hash(line: str) -> str:
    return hashlib.sha1(" ".join(line.split()).encode()).hexdigest()[:10]


def document_key(document: dict, position: int) -> str:
    return str(document.get("doc_id") or position)


@cache
def _records(dataset: str) -> dict[str, dict]:
    path = SHARED_DATA / DATASETS[dataset]
    if not path.is_file():
        pytest.skip(f"evaluation data file {path} is absent (licensed, never in the repository)")
    with path.open(encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def load_story(dataset: str, story: str) -> list[Article]:
    """The articles of one annotated story, raw, as a reader of that dataset gives them."""
    if dataset == "seed":
        return [Article(id=path.name, text=path.read_text(encoding="utf-8"))
                for path in sorted(EXAMPLES.glob("*.txt"))]
    record = _records(dataset)[story]
    return [
        Article(
            id=document_key(document, position),
            text=document.get("text") or "",
            title=document.get("title"),
            outlet=normalize_outlet(document.get("source_name") or document.get("source")),
        )
        for position, document in enumerate(record["documents"])
    ]


@cache
def measure() -> dict[str, tuple[int, int]]:
    """(hits, total) for must-keep lines, must-drop lines and must-cut prefixes."""
    annotations = json.loads(GATE.read_text(encoding="utf-8"))["documents"]
    counts = {"keep": [0, 0], "drop": [0, 0], "cut": [0, 0]}
    cleaned_stories: dict[tuple[str, str], dict[str, Article]] = {}
    for entry in annotations:
        key = (entry["dataset"], entry["story"])
        if key not in cleaned_stories:
            raw = load_story(*key)
            cleaned_stories[key] = {"raw": {a.id: a for a in raw},
                                    "clean": {a.id: a for a in clean_articles(raw)}}
        raw = cleaned_stories[key]["raw"][entry["document"]]
        clean = cleaned_stories[key]["clean"][entry["document"]]
        lines = raw.text.splitlines()
        kept = {line.strip() for line in clean.text.splitlines() if line.strip()}
        for index, expected_hash in entry["keep"]:
            assert line_hash(lines[index]) == expected_hash, f"annotation out of date: {key} {index}"
            line = lines[index].strip()
            counts["keep"][0] += line in kept or any(line.endswith(k) and len(k) * 2 > len(line) for k in kept)
            counts["keep"][1] += 1
        for index, expected_hash, _reason in entry["drop"]:
            assert line_hash(lines[index]) == expected_hash, f"annotation out of date: {key} {index}"
            line = lines[index].strip()
            counts["drop"][0] += not any(line in k for k in kept)
            counts["drop"][1] += 1
        for index, length, prefix_hash in entry["cut"]:
            assert line_hash(lines[index][:length]) == prefix_hash, f"annotation out of date: {key} {index}"
            counts["cut"][0] += lines[index][length:].strip() in kept
            counts["cut"][1] += 1
    return {kind: (hits, total) for kind, (hits, total) in counts.items()}


def test_the_gate_covers_the_seeds_and_at_least_thirty_real_articles():
    annotations = json.loads(GATE.read_text(encoding="utf-8"))["documents"]
    real = {(e["dataset"], e["story"], e["document"]) for e in annotations if e["dataset"] != "seed"}
    assert len(real) >= 30
    assert {e["dataset"] for e in annotations} == {"seed", *DATASETS}
    assert {e["document"] for e in annotations if e["dataset"] == "seed"} == {p.name for p in EXAMPLES.glob("*.txt")}


@pytest.mark.data
def test_must_keep_lines_survive_cleaning(shared_data):
    hits, total = measure()["keep"]
    assert hits / total >= KEEP_FLOOR, f"must-keep recall {hits}/{total}"


@pytest.mark.data
def test_must_drop_lines_are_removed(shared_data):
    hits, total = measure()["drop"]
    assert hits / total >= DROP_FLOOR, f"must-drop recall {hits}/{total}"


@pytest.mark.data
def test_junk_prefixes_are_cut_and_the_rest_of_their_line_kept(shared_data):
    hits, total = measure()["cut"]
    assert hits / total >= CUT_FLOOR, f"cut accuracy {hits}/{total}"
