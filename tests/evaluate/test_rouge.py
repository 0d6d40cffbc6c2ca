"""The ROUGE wrapper: the DUC and Multi-News conventions, intervals, and files that do not match."""

from __future__ import annotations

import json

import numpy as np
import pytest
from datapaths import shared_file

from newsprism.errors import NewsprismError
from newsprism.evaluate.rouge import aggregate, evaluate, score_duc, score_mds


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_duc_mode_cuts_the_summary_to_its_first_100_words():
    reference = "alpha beta gamma"
    summary = " ".join(["filler"] * 100 + ["alpha", "beta", "gamma"])
    assert score_duc(summary, [reference])["rouge1 recall"] == 0.0


def test_duc_mode_averages_recall_over_the_references():
    scores = score_duc("storm hits coast", ["storm hits coast", "floods close schools"])
    assert scores["rouge1 recall"] == pytest.approx(0.5)


def test_duc_mode_stems_words_like_rouge_155_with_m():
    assert score_duc("the markets falling", ["market falls"])["rouge1 recall"] == pytest.approx(1.0)


def test_mds_mode_gives_f1_of_unigrams_bigrams_and_summary_level_lcs():
    scores = score_mds(["storm hits coast."], ["storm hits coast. schools close."])
    assert set(scores) == {"rouge1 F1", "rouge2 F1", "rougeLsum F1"}
    assert scores["rouge1 F1"] == pytest.approx(2 * 1 * 0.6 / 1.6)


def test_aggregate_interval_brackets_the_mean():
    interval = aggregate([{"m": 0.1}, {"m": 0.5}, {"m": 0.3}, {"m": 0.9}])["m"]
    assert interval.low <= interval.mean <= interval.high
    assert interval.mean == pytest.approx(45.0)


def test_aggregate_gives_rouge_scores_own_intervals_without_touching_numpys_global_generator():
    from rouge_score import scoring

    rng = np.random.default_rng(7)
    rows = [{"r1": float(a), "r2": float(b)} for a, b in rng.random((23, 2))]
    saved = np.random.get_state()
    try:
        np.random.seed(0)  # how rouge-score's aggregator is seeded: its own resamples, for reference
        reference = scoring.BootstrapAggregator()
        for row in rows:
            reference.add_scores({k: scoring.Score(precision=v, recall=v, fmeasure=v) for k, v in row.items()})
        expected = {k: (100 * v.low.fmeasure, 100 * v.high.fmeasure) for k, v in reference.aggregate().items()}
        np.random.seed(12345)
        before = np.random.get_state()[1].copy()
        ours = aggregate(rows, seed=0)
        untouched = np.array_equal(np.random.get_state()[1], before)
    finally:
        np.random.set_state(saved)
    assert {k: (v.low, v.high) for k, v in ours.items()} == expected
    assert untouched


def test_a_story_without_summary_scores_zero_and_is_listed(tmp_path):
    clusters = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "s1", "summaries": ["storm hits coast"]}, {"id": "s2", "summaries": ["floods close schools"]},
    ])
    summaries = write_jsonl(tmp_path / "o.jsonl", [{"id": "s1", "sentences": [{"text": "storm hits coast"}]}])
    warnings = []
    report = evaluate(clusters, summaries, "mds", warn=warnings.append)
    assert report.missing == ("s2",)
    assert report.scores["rouge1 F1"].mean == pytest.approx(50.0)
    assert warnings == [f"1 story of {clusters} has no summary in {summaries}; scored as empty: s2"]


def test_a_summary_of_a_story_the_clusters_lack_is_an_error(tmp_path):
    clusters = write_jsonl(tmp_path / "c.jsonl", [{"id": "s1", "summaries": ["a b"]}])
    summaries = write_jsonl(tmp_path / "o.jsonl", [{"id": "zz", "sentences": [{"text": "a b"}]}])
    with pytest.raises(NewsprismError, match="'zz' is not in"):
        evaluate(clusters, summaries, "duc")


def test_an_unknown_mode_is_refused(tmp_path):
    with pytest.raises(NewsprismError, match="mode must be one of"):
        evaluate(tmp_path / "c.jsonl", tmp_path / "o.jsonl", "bleu")


def test_a_malformed_summary_line_is_reported_and_the_others_scored(tmp_path):
    clusters = write_jsonl(tmp_path / "c.jsonl", [{"id": "s1", "summaries": ["storm hits coast"]}])
    summaries = tmp_path / "o.jsonl"
    summaries.write_text('not json\n{"id": "s1", "sentences": [{"text": "storm hits coast"}]}\n')
    warnings = []
    report = evaluate(clusters, summaries, "duc", warn=warnings.append)
    assert report.stories == 1 and "o.jsonl:1" in warnings[0]


@pytest.mark.data
def test_published_icsisumm_summaries_score_as_the_issue_states():
    """The wrapper reproduces the reference numbers of ICSISumm on DUC 2004 (37.19 / 9.57)."""
    clusters = shared_file("duc2004/duc2004_task2.jsonl")
    systems = shared_file("duc2004/duc2004_task2_system_summaries.jsonl")
    peers = {r["id"]: r["system_summaries"]["ICSISumm"] for r in map(json.loads, systems.open())}
    rows = [score_duc(peers[r["id"]], [s["text"] for s in r["summaries"]]) for r in map(json.loads, clusters.open())]
    scores = aggregate(rows)
    assert round(scores["rouge1 recall"].mean, 2) == 37.19
    assert round(scores["rouge2 recall"].mean, 2) == 9.57


def test_many_stories_without_summary_are_named_up_to_five(tmp_path):
    clusters = write_jsonl(tmp_path / "c.jsonl", [{"id": f"s{i}", "summaries": ["storm hits coast"]} for i in range(8)])
    summaries = write_jsonl(tmp_path / "o.jsonl", [{"id": "s0", "sentences": [{"text": "storm hits coast"}]}])
    warnings = []
    evaluate(clusters, summaries, "duc", warn=warnings.append)
    assert warnings[0].endswith("scored as empty: s1, s2, s3, s4, s5 and 2 more")


def test_a_cluster_file_given_as_the_summaries_is_refused_not_scored_as_zero(tmp_path):
    clusters = write_jsonl(tmp_path / "c.jsonl", [{"id": "s1", "documents": [{"text": "Storm hits coast."}],
                                                   "summaries": ["storm hits coast"]}])
    warnings = []
    with pytest.raises(NewsprismError, match="no summary to score"):
        evaluate(clusters, clusters, "duc", warn=warnings.append)
    assert warnings == [f"{clusters}:1: not a summary with id and sentences: no 'sentences' field"]


def test_two_threads_aggregating_at_once_get_the_intervals_each_gets_alone():
    from concurrent.futures import ThreadPoolExecutor

    rng = np.random.default_rng(11)
    sets = [[{"m": float(v)} for v in rng.random(40)] for _ in range(2)]
    alone = [aggregate(rows) for rows in sets]
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = list(pool.map(aggregate, sets * 4))
    assert together == alone * 4
