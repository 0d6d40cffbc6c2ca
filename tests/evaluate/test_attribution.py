"""Scoring quotation records against gold attributions (content overlap, speaker-mention overlap)."""

from __future__ import annotations

import json

from newsprism.evaluate.attribution import AttributionScore, GoldArticle, GoldAttribution, read_gold, score_article
from newsprism.model import Mention, Quote

TEXT = "Smith said the plan would fail. The mayor added that taxes would rise next year."
GOLD = GoldArticle("a", TEXT, "", (
    GoldAttribution((0, 5), (6, 10), ((11, 30),)),
    GoldAttribution((32, 41), (42, 47), ((53, 79),)),
))


def _score(*quotes: Quote) -> AttributionScore:
    score = AttributionScore()
    score_article(GOLD, quotes, score)
    return score


def test_a_quotation_covering_half_of_the_shorter_content_matches_its_gold_attribution():
    score = _score(Quote("Smith", TEXT[11:20], "a", 11, 20, False, "said", Mention("Smith", 0, 5)))
    assert (score.precision, score.recall) == (1.0, 0.5)


def test_a_quotation_over_no_gold_content_is_a_false_positive():
    score = _score(Quote("Smith", TEXT[0:10], "a", 0, 10, False))
    assert (score.found, score.found_matched) == (1, 0)


def test_a_speaker_mention_counts_only_when_it_overlaps_the_gold_source():
    right = Quote("Smith", TEXT[11:30], "a", 11, 30, False, "said", Mention("Smith", 0, 5))
    wrong = Quote("mayor", TEXT[53:79], "a", 53, 79, False, "added", Mention("Smith", 0, 5))
    assert _score(right, wrong).mention == 0.5


def test_gold_records_are_read_from_polnear_style_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXT, "attributions": [
        {"source": None, "cue": [6, 10], "content": [[11, 20], [21, 30]]}]}) + "\n", encoding="utf-8")
    (article,) = read_gold(path)
    assert article.attributions[0] == GoldAttribution(None, (6, 10), ((11, 20), (21, 30)))


def test_a_quotation_matching_nested_attributions_is_checked_against_the_outer_one():
    text = "Sanders said he will vote for Clinton but he has not conceded the race."
    nested = GoldArticle("n", text, "", (
        GoldAttribution((0, 7), (8, 12), ((13, 70),)),  # Sanders said [he will vote ... the race]
        GoldAttribution((42, 44), (53, 61), ((62, 70),)),  # he [has not conceded] [the race]
    ))
    score = AttributionScore()
    score_article(nested, [Quote("Bernie Sanders", text[13:70], "n", 13, 70, False, "said", Mention("Sanders", 0, 7))], score)
    assert (score.gold_matched, score.mention) == (2, 1.0)
