"""Scoring loaded words against BASIL-style lexical-bias spans (spans per paragraph, quoted ones apart)."""

from __future__ import annotations

import json

from newsprism.evaluate.lexical_bias import LexicalScore, event_half, lexical_spans, read_events

PARAGRAPHS = ["Critics slammed the fierce plan.", "“It is a disgrace,” she said of the bold move."]


def _note(txt: str, start: int, index: int, bias: str = "lex", quote: str = "no") -> dict:
    return {"txt": txt, "start": start, "end": start + len(txt), "paragraph_index": index, "bias": bias, "quote": quote}


DOCUMENT = {
    "doc_id": "d1", "source": "nyt", "paragraphs": PARAGRAPHS,
    "phrase_level_annotations": [
        _note("fierce", 20, 0),
        _note("bold", 3, 1),  # offsets off: found by its text in its paragraph
        _note("disgrace", 9, 1, quote="yes"),
        _note("Critics", 0, 0, bias="inf"),
    ],
}


def test_spans_are_located_in_the_joined_text_and_offsets_that_miss_are_found_by_their_text():
    text, spans = lexical_spans(DOCUMENT)
    assert [text[lo:hi] for lo, hi in spans] == ["fierce", "bold", "disgrace"]


def test_own_words_leave_out_the_spans_marked_as_quoted():
    text, spans = lexical_spans(DOCUMENT, own_words=True)
    assert [text[lo:hi] for lo, hi in spans] == ["fierce", "bold"]


def test_reading_events_leaves_out_gold_spans_inside_quotation_marks(tmp_path):
    document = {**DOCUMENT, "phrase_level_annotations": [_note("disgrace", 9, 1), _note("fierce", 20, 0)]}
    path = tmp_path / "basil.jsonl"
    path.write_text(json.dumps({"id": "e1", "documents": [document]}) + "\n", encoding="utf-8")
    ((article,),) = list(read_events(path))
    assert [article.text[lo:hi] for lo, hi in article.gold] == ["fierce"]
    assert article.quoted and article.half == event_half("e1")


def test_precision_counts_flags_inside_a_span_and_recall_spans_holding_a_flag():
    score = LexicalScore()
    score.add([(0, 4), (10, 14), (30, 34)], [(0, 20), (40, 50)])
    assert (score.inside, score.flagged, score.found, score.annotated) == (2, 3, 1, 2)
    assert "precision 0.667 (2/3), recall 0.500 (1/2)" == score.summary()


def test_the_halves_split_event_ids_by_a_stable_hash():
    assert {event_half(f"event-{i}") for i in range(20)} == {0, 1}
    assert event_half("event-1") == event_half("event-1")
