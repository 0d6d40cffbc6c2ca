"""Clustering metrics: B-cubed and pairwise scores on hand-computed cases, and their input checks."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import InputError, NewsprismError
from newsprism.evaluate.clusters import read_assignments, score_clusters

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_a_perfect_clustering_scores_one_everywhere():
    scores = score_clusters(GOLD, {k: f"p{v}" for k, v in GOLD.items()})
    assert (scores.bcubed_f1, scores.pairwise_f1, scores.ari) == (1.0, 1.0, 1.0)


def test_one_cluster_for_everything_has_full_recall_and_bcubed_precision_by_hand():
    scores = score_clusters(GOLD, {k: "all" for k in GOLD})
    # precision per item: 3/5 for a, b, c and 2/5 for d, e -> (9/5 + 4/5) / 5 = 13/25
    assert scores.bcubed_precision == pytest.approx(13 / 25)
    assert scores.bcubed_recall == 1.0
    # pairs: 4 gold pairs out of 10 predicted
    assert scores.pairwise_precision == pytest.approx(4 / 10)


def test_singletons_have_full_precision_and_recall_of_one_over_cluster_size():
    scores = score_clusters(GOLD, {k: k for k in GOLD})
    assert scores.bcubed_precision == 1.0
    assert scores.bcubed_recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    assert scores.pairwise_recall == 0.0


def test_clusterings_of_different_items_are_refused_with_an_example():
    with pytest.raises(NewsprismError, match="1 differ, e.g. \\['e'\\]"):
        score_clusters(GOLD, {k: 1 for k in "abcd"})


def test_read_assignments_skips_unclustered_articles_and_names_bad_lines(tmp_path):
    path = tmp_path / "pred.jsonl"
    lines = [{"article": "a", "story": "s1"}, {"article": "b", "story": None, "skipped": "no text"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{not json\n")
    with pytest.raises(InputError, match="pred.jsonl:3"):
        read_assignments(path)
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    assert read_assignments(path) == {"a": "s1"}


def test_a_missing_assignments_file_is_an_input_error_naming_it(tmp_path):
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(InputError, match="missing.jsonl: cannot open"):
        read_assignments(missing)
