"""The README's tour of the commands runs as written on a fresh clone.

Each command of the tour's shell block is run in order, from a folder holding what a clone brings
(``examples/`` and ``sample/``), so that the files one command writes (``assignments.jsonl``,
``news.db``, ``summaries.jsonl``) are there for the next. ``newsprism`` is the interpreter running
the tests with ``-m newsprism``, so the check does not depend on which ``newsprism`` is on PATH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from datapaths import ROOT

TOUR = re.search(r"## A tour of the commands\n+```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
COMMANDS = [line for line in TOUR.group(1).splitlines() if line.strip() and not line.startswith("#")] if TOUR else []


@pytest.fixture(scope="module")
def tour(tmp_path_factory):
    clone = tmp_path_factory.mktemp("clone")
    for folder in ("examples", "sample"):
        shutil.copytree(ROOT / folder, clone / folder)
    results = {}
    for command in COMMANDS:
        line = re.sub(r"^newsprism\b", f'"{sys.executable}" -m newsprism', command)
        results[command] = subprocess.run(line, shell=True, cwd=clone, capture_output=True, text=True, timeout=300)
    return clone, results


def test_the_readme_has_a_tour_of_at_least_ten_commands():
    assert len(COMMANDS) >= 10


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_of_the_readme_tour_runs_on_a_fresh_clone(tour, command):
    done = tour[1][command]
    assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"


def test_the_tour_clusters_the_sample_exactly_as_its_gold_stories(tour):
    clone, results = tour
    scored = results["newsprism evaluate clusters --gold sample/gold.jsonl --pred assignments.jsonl"]
    assert re.search(r"B-cubed\s*│\s*1\.000\s*│\s*1\.000\s*│\s*1\.000", scored.stdout), scored.stdout
