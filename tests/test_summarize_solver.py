"""The selection program's exact search against brute force, and its hand-over to HiGHS."""

from __future__ import annotations

import itertools
import logging

import numpy as np
import pytest

from newsprism.summarize import SummarySettings, _branch_and_bound, _highs, _Program, _undominated


def random_program(seed: int, n: int = 11, groups: int = 14) -> _Program:
    rng = np.random.default_rng(seed)
    return _Program(
        own=rng.uniform(0, 5, n).round(1) + 1e-3 / (1 + rng.integers(0, 20, n)),
        covers=(rng.random((n, groups)) < 0.3).astype(float),
        shared=rng.uniform(1, 10, groups).round(1),
        words=rng.integers(8, 40, n).astype(float),
        facts=rng.integers(0, n - 3, n),
    )


def brute_force_value(program: _Program, budget: int) -> float:
    n = len(program.own)
    best = 0.0
    for size in range(1, n + 1):
        for chosen in itertools.combinations(range(n), size):
            if program.words[list(chosen)].sum() <= budget and len(set(program.facts[list(chosen)])) == size:
                best = max(best, program.value(chosen))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_branch_and_bound_finds_the_brute_force_optimum(seed):
    program = random_program(seed)
    chosen = _branch_and_bound(program, np.ones(len(program.own), bool), 90, node_limit=100_000)
    assert program.value(chosen) == pytest.approx(brute_force_value(program, 90), abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_leaving_out_dominated_candidates_keeps_the_optimum(seed):
    program = random_program(seed)
    chosen = _branch_and_bound(program, _undominated(program), 90, node_limit=100_000)
    assert program.value(chosen) == pytest.approx(brute_force_value(program, 90), abs=1e-9)


def test_of_two_identical_candidates_of_one_fact_the_earlier_is_kept():
    program = _Program(
        own=np.array([1.0, 1.0, 2.0]),
        covers=np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]),
        shared=np.array([3.0, 3.0]),
        words=np.array([10.0, 10.0, 10.0]),
        facts=np.array([0, 0, 1]),
    )
    assert _undominated(program).tolist() == [True, False, True]


def test_branch_and_bound_gives_up_with_none_past_its_node_limit():
    program = random_program(0)
    assert _branch_and_bound(program, np.ones(len(program.own), bool), 90, node_limit=1) is None


@pytest.mark.parametrize("seed", range(5))
def test_highs_reaches_the_same_value_as_the_exact_search(seed):
    program = random_program(seed)
    allowed = np.ones(len(program.own), bool)
    exact = program.value(_branch_and_bound(program, allowed, 90, node_limit=100_000))
    assert program.value(_highs(program, allowed, 90, SummarySettings())) == pytest.approx(exact, rel=1e-4)


def test_settings_with_a_node_limit_below_one_are_refused():
    from newsprism.errors import NewsprismError

    with pytest.raises(NewsprismError, match="node_limit"):
        SummarySettings(node_limit=0)


def test_a_story_whose_search_stops_at_the_node_limit_is_summarised_by_highs_with_the_same_sentences(caplog):
    from datapaths import LATIMES_SEED, RT_SEED

    from newsprism.engines.local import load_story
    from newsprism.summarize import summarize

    story, _ = load_story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    with caplog.at_level(logging.INFO, logger="newsprism.summarize"):
        by_highs = summarize(story, 100, settings=SummarySettings(node_limit=1))
    assert "solving with HiGHS" in caplog.text
    assert by_highs.sentences == summarize(story, 100).sentences
