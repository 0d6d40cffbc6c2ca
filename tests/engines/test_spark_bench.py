"""benchmarks/spark_bench.py's two halves run at once: each must read the other's figures of this run only."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "spark_bench.py"


@pytest.fixture
def spark_bench():
    spec = importlib.util.spec_from_file_location("spark_bench_under_test", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_local_half_removes_a_previous_runs_figures_before_it_runs(spark_bench, tmp_path, monkeypatch):
    # a Spark half started at once waits for local-N.json: a stale one would hand it another run's sample
    (tmp_path / "local-10.json").write_text('{"stale": true}')
    seen = []

    def run_local(path, stories):
        seen.append((tmp_path / "local-10.json").exists())
        return {"articles": 10, "sample": ["a"]}

    monkeypatch.setattr(spark_bench, "run_local", run_local)
    monkeypatch.setattr(sys, "argv", ["spark_bench.py", "10", "--engine", "local", "--work", str(tmp_path)])
    spark_bench.main()
    assert seen == [False]
    assert (tmp_path / "local-10.json").read_text() == '{"articles": 10}'


def test_saved_spark_figures_are_scored_only_against_saved_local_ones(spark_bench, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["spark_bench.py", "10", "--reuse-spark", "--work", str(tmp_path)])
    with pytest.raises(SystemExit):
        spark_bench.main()


def test_the_duplicate_groups_of_the_two_halves_are_compared_from_their_saved_copies(spark_bench, tmp_path):
    stream = tmp_path / "stream-4.jsonl"
    articles = ["a", "b", "c", "d"]
    assert spark_bench.copy_agreement(stream, articles) is None  # a run made before the copies were saved
    spark_bench.saved_file(stream, "local", "copies").write_text('{"b": "a"}')
    spark_bench.saved_file(stream, "spark", "copies").write_text('{"b": "a", "c": "a"}')
    line = spark_bench.copy_agreement(stream, articles)
    # Spark joined c to the group of a and b: only d's group is the same in both
    assert "1 copies locally, 2 on Spark, 1 in both (1 with the same original)" in line
    assert "1 of 4 articles in identical groups" in line
    assert "recall 1.0000" in line and "precision 1.0000" not in line
