"""The loaded-word lexicon against BASIL's annotated lexical-bias spans (Fan et al. 2019).

Precision: the share of flagged words that lie inside an annotated lexical-bias span. Recall: the
share of annotated spans that contain a flagged word. BASIL annotates bias sparingly (a few spans
per article), so many subjective words it leaves unmarked count against precision; the numbers
measure agreement with its annotators, not the lexicon's absolute quality.

Measured on the 59 events in ../shared/data (177 articles, 282 located lexical spans):
precision 0.132, recall 0.330; 0.142 and 0.330 once five words of literal news sense were taken out
of the lexicon. Floors sit 0.02-0.03 below, the margin for small lexicon edits.

The outlet's own voice (what the framing report counts): words inside quotation marks are left out,
and so are the annotated spans BASIL marks as quoted or that lie inside quotation marks (213 spans
left). Measured: precision 0.144 (62/431), recall 0.286 (61/213) with the earlier lexicon; 0.163
(62/380) and 0.286 (61/213) now; by halves of the events (even / odd lines) 0.149 / 0.295 and
0.178 / 0.280. Leaving out a loaded word capitalised inside a sentence (part of a name: "the
Patriot Act"): 0.166 (62/374), recall unchanged. The goal of issue "Who said what" (precision 0.25
at recall 0.30) is not reached.

By halves of the events (``event_half``: the parity of the SHA-1 of the BASIL event id; half 0 tunes the
lexicon, half 1 is held out), with the literal-sense phrases written from half 0's false flags: see
``HALF_FLOORS`` and docs/evaluation.md. A learned decision over the candidates, fitted on one half
and measured on the other (``benchmarks/framing_basil.py``), did not do better on the held-out half
than the lexicon alone, so the framing counts the lexicon's words and these floors measure them.
"""

from __future__ import annotations

import pytest
from datapaths import shared_file

from newsprism.analysis.framing import find_loaded, loaded_lexicon
from newsprism.evaluate.lexical_bias import LexicalScore, read_events

PRECISION_FLOOR = 0.11
RECALL_FLOOR = 0.30
OWN_PRECISION_FLOOR = 0.15
OWN_RECALL_FLOOR = 0.26
HALF_FLOORS = {"tuning": {"precision": 0.22, "recall": 0.27}, "heldout": {"precision": 0.13, "recall": 0.27}}
"""The outlet's own words on each half of the events (``event_half``): half 0 tunes, half 1 is held out."""


def _measure(own_words: bool, half: int | None = None) -> tuple[float, float]:
    """Precision and recall of the lexicon; with ``own_words``, quoted text and quoted spans left out;
    with ``half``, on that half of the events only (``event_half``)."""
    lexicon = loaded_lexicon()
    score = LexicalScore()
    for event in read_events(shared_file("basil/basil_triplets.jsonl"), own_words):
        for article in event:
            if half is None or article.half == half:
                words = find_loaded(article.text, article.id, lexicon, article.quoted, names=not own_words)
                score.add(((w.start, w.end) for w in words), article.gold)
    print(f"BASIL lexical bias{', own words' if own_words else ''}{'' if half is None else f', half {half}'}: {score.summary()}")
    return score.precision, score.recall


@pytest.fixture(scope="module", params=[False, True], ids=["all words", "own words"])
def scores(request) -> tuple[tuple[float, float], tuple[float, float]]:
    """(precision, recall) measured, and their floors; the second run counts only words outside quotations."""
    floors = (OWN_PRECISION_FLOOR, OWN_RECALL_FLOOR) if request.param else (PRECISION_FLOOR, RECALL_FLOOR)
    return _measure(own_words=request.param), floors


@pytest.mark.data
def test_loaded_word_precision_against_basil_holds_its_floor(scores):
    (precision, _), (floor, _) = scores
    assert precision >= floor


@pytest.mark.data
def test_loaded_word_recall_against_basil_holds_its_floor(scores):
    (_, recall), (_, floor) = scores
    assert recall >= floor


@pytest.fixture(scope="module", params=["tuning", "heldout"])
def half_scores(request) -> tuple[tuple[float, float], dict[str, float]]:
    """(precision, recall) of the outlet's own words on one half of the events, and that half's floors."""
    return _measure(own_words=True, half=0 if request.param == "tuning" else 1), HALF_FLOORS[request.param]


@pytest.mark.data
def test_own_word_precision_on_each_half_of_the_basil_events_holds_its_floor(half_scores):
    (precision, _), floors = half_scores
    assert precision >= floors["precision"]


@pytest.mark.data
def test_own_word_recall_on_each_half_of_the_basil_events_holds_its_floor(half_scores):
    (_, recall), floors = half_scores
    assert recall >= floors["recall"]
