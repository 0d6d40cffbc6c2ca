"""Fuzzing: damaged and random inputs of every kind never escape their reader, and what is read
goes through cleaning, segmentation and analysis. Derandomised, so a failure here is repeatable;
``benchmarks/robustness_bench.py`` runs the same checks on many more random cases."""

from __future__ import annotations

import pytest
from fuzz_inputs import EDIT_KINDS, NEEDS_NETWORK, READ_FROM_STDIN, TOKENS, check_pipeline, check_read, check_stdin, mutate, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = seeds()
NAMES = sorted(SEEDS)
EDITS = st.lists(st.tuples(st.integers(0, EDIT_KINDS - 1), st.integers(0, 1 << 16), st.integers(0, 1 << 10),
                           st.integers(0, len(TOKENS) - 1)), min_size=1, max_size=8)
FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("name", NAMES)
def test_every_undamaged_seed_gives_articles_unless_it_is_a_feed_needing_the_network(folder, name):
    (folder / name).write_bytes(SEEDS[name])
    articles = check_read(folder / name)
    assert bool(articles) != (name in NEEDS_NETWORK)


@pytest.mark.parametrize("name", READ_FROM_STDIN)
def test_every_undamaged_seed_standard_input_can_tell_gives_articles_from_it(name):
    assert check_stdin(SEEDS[name])


@settings(FUZZ, max_examples=1500)
@given(name=st.sampled_from(NAMES), edits=EDITS)
def test_no_damaged_input_of_any_kind_escapes_its_reader(folder, name, edits):
    path = folder / name
    path.write_bytes(mutate(SEEDS[name], edits))
    check_read(path)


@settings(FUZZ, max_examples=500)
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=4096))
def test_no_random_bytes_under_any_name_escape_their_reader(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    check_read(path)


@settings(FUZZ, max_examples=300)
@given(name=st.sampled_from(NAMES), edits=EDITS)
def test_whatever_is_read_from_a_damaged_input_goes_through_clean_segment_and_analyze(folder, name, edits):
    path = folder / name
    path.write_bytes(mutate(SEEDS[name], edits))
    check_pipeline(check_read(path))


@settings(FUZZ, max_examples=300)
@given(name=st.sampled_from(NAMES), edits=EDITS)
def test_no_damaged_input_of_any_kind_escapes_the_standard_input_reader(name, edits):
    check_stdin(mutate(SEEDS[name], edits))


@settings(FUZZ, max_examples=150)
@given(data=st.binary(max_size=4096))
def test_no_random_bytes_on_standard_input_escape_its_reader(data):
    check_stdin(data)
