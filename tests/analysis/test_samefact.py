"""The same-fact judge: the details that tell a paraphrase from a near miss move its probability."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from newsprism.analysis.samefact import (
    FEATURES,
    PairEvidence,
    SameFactModel,
    default_model,
    details_differ,
    pair_features,
    shares_a_figure,
)
from newsprism.errors import NewsprismError

JOBS = "The US economy added 266,000 jobs in April, the Labor Department said."


def probability(first: str, second: str, similarity: float = 0.6) -> float:
    return float(default_model().probabilities([PairEvidence(first, second, similarity)])[0])


def test_a_differing_number_makes_a_pair_less_likely_one_fact():
    same = probability(JOBS, "The US economy added 266,000 jobs in April, the Labor Department reported.")
    other = probability(JOBS, "The US economy added 226,000 jobs in April, the Labor Department reported.")
    assert other < same


def test_a_negation_on_one_side_makes_a_pair_less_likely_one_fact():
    same = probability("The governor will resign next month.", "The governor will resign next month, aides said.")
    negated = probability("The governor will resign next month.", "The governor will not resign next month, aides said.")
    assert negated < same


def test_a_negation_of_something_the_other_sentence_does_not_mention_is_no_denial():
    cleared = "Police had ordered everyone to leave the school an hour before the fire."
    assert not details_differ("No injuries were reported, as police had ordered everyone to leave the school an hour before the fire.",
                              cleared)
    assert details_differ("Police had not ordered everyone to leave the school an hour before the fire.", cleared)


def test_two_statements_differ_but_a_quoted_phrase_is_no_statement():
    repeal = "The mayor said on Monday he would repeal the tax, a “financial burden” for families."
    assert not details_differ(repeal, "The mayor said on Monday he would repeal the tax, “a weight on every family in town.”")
    assert details_differ("The mayor said on Monday: “We will repeal the tax this year.”",
                          "The mayor said on Monday: “Our budget depends on every dollar it brings.”")


def test_a_sentence_that_is_not_the_nearest_in_the_other_article_is_less_likely_its_match():
    nearest = default_model().probabilities([PairEvidence(JOBS, JOBS, 0.6, 1.0, 1.0, 40)])[0]
    farther = default_model().probabilities([PairEvidence(JOBS, JOBS, 0.6, 0.5, 0.5, 40)])[0]
    assert farther < nearest


def test_the_features_are_the_named_ones_in_order():
    assert len(pair_features(PairEvidence(JOBS, JOBS, 1.0))) == len(FEATURES)


def test_the_shipped_model_states_how_it_was_fitted():
    assert "MSRP" in default_model().about and "cross-validation" in default_model().about


def test_a_model_fitted_on_other_features_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": ["overlap"], "weights": [1.0], "bias": 0.0, "mean": [0.0],
                                "scale": [1.0], "threshold": 0.5}), encoding="utf-8")
    with pytest.raises(NewsprismError, match="other features"):
        SameFactModel.load(str(path))


def test_a_threshold_outside_zero_and_one_is_refused():
    size = len(FEATURES)
    with pytest.raises(NewsprismError, match="threshold"):
        SameFactModel((0.0,) * size, 0.0, (0.0,) * size, (1.0,) * size, threshold=1.0)


def test_a_pair_sharing_an_uncommon_figure_is_linked_once_it_has_some_evidence():
    model = default_model()
    tally = ("The 54-35 vote, with six Republicans breaking ranks, came after the leader lobbied against the bill.",
             "Senators voted 54-35 on the House-passed bill, falling short of the votes it needed.")
    pair = PairEvidence(*tally, 0.3)
    without = replace(model, shared_figure=1.0).probabilities([pair])[0]
    assert model.shared_figure <= without < model.threshold <= model.probabilities([pair])[0]


def test_only_an_uncommon_figure_both_sentences_give_is_shared():
    assert shares_a_figure("Gas cost $3.04 a gallon on Friday.", "The average gallon costs $3.04, AAA said.")
    assert not shares_a_figure("The riot of Jan. 6 left two dead in 2021.", "Since Jan. 6, two panels have met in 2021.")
    assert not shares_a_figure("The vote was 54-35.", "The vote was 55-34.")
    assert not shares_a_figure("Sales rose 5.2% to $1.2 billion.", "Sales rose 5.2% to $3.4 billion.")


def test_a_number_in_a_name_is_no_figure():
    assert shares_a_figure("Daily COVID-19 cases fell below 30,000.", "Infections fell below 30,000 in 11 months.")
    assert not shares_a_figure("The F-35 fleet grew.", "The fleet grew by 35 jets.")
    assert not details_differ("COVID-19 vaccines reached the city on Monday.", "The first 500 vaccines reached the city on Monday.")


def test_a_shared_figure_probability_outside_zero_and_one_is_refused():
    with pytest.raises(NewsprismError, match="shared_figure"):
        replace(default_model(), shared_figure=1.5)
