"""The JSON the commands write stays byte for byte the same while the code under them is reshaped.

Two recorded SHA-256 digests pin the outputs that must not change when stages move between
modules: ``newsprism summarize --clusters`` on all 50 stories of DUC 2004 (``--format jsonl``) and
``newsprism compare`` on the two seed articles (``--format json``). The commands run in-process
through ``newsprism.cli.main``, so the test covers the whole path from the files to the bytes.

When an output changes ON PURPOSE (a better summary, a new comparison field), regenerate the digest
and say so in the commit message. First tell whose change it is: run this test on ``main``; if it
fails there too, the change came from main, not from your branch. To print the new digests::

    NEWSPRISM_PRINT_DIGESTS=1 pytest -q tests/engines/test_output_digests.py -s

and paste them below. The seed comparison runs from ``../shared/examples`` with relative paths,
because each article's ``source`` (the path as given) is part of the JSON.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from datapaths import ROOT, shared_file

from newsprism.cli import main

DUC_SUMMARIES_DIGEST = "920e32d43a262ec33f9c39ed65aeb40e4fd65c22571524292b9a17d4cea69aa0"
"""sha256 of ``summarize --clusters duc2004/duc2004_task2.jsonl --format jsonl`` (50 stories)."""

SEED_COMPARISON_DIGEST = "b1509b6e119d032efe1743f4d9f528d56809b0eb7c9e9db45fda69a7f9b0b4ac"
"""sha256 of ``compare seeds/000_431b17eb286845b6.txt seeds/001_70f2f9c0c9a27f18.txt --format json``."""

SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
SEED_NAMES = ("seeds/000_431b17eb286845b6.txt", "seeds/001_70f2f9c0c9a27f18.txt")


def _digest(path: Path, name: str) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if os.environ.get("NEWSPRISM_PRINT_DIGESTS"):
        print(f"\n{name} = {digest!r}")
    return digest


@pytest.mark.data
def test_summaries_of_duc2004_clusters_are_unchanged(tmp_path):
    clusters = shared_file("duc2004/duc2004_task2.jsonl")
    out = tmp_path / "summaries.jsonl"
    assert main(["summarize", "--clusters", str(clusters), "--format", "jsonl", "--out", str(out)]) == 0
    assert _digest(out, "DUC_SUMMARIES_DIGEST") == DUC_SUMMARIES_DIGEST


def test_comparison_of_the_seeds_is_unchanged(tmp_path, monkeypatch):
    if not all((SHARED_EXAMPLES / name).is_file() for name in SEED_NAMES):
        pytest.skip(f"the seed articles are absent from {SHARED_EXAMPLES / 'seeds'}")
    out = tmp_path / "comparison.json"
    monkeypatch.chdir(SHARED_EXAMPLES)
    assert main(["compare", *SEED_NAMES, "--format", "json", "--out", str(out)]) == 0
    assert _digest(out, "SEED_COMPARISON_DIGEST") == SEED_COMPARISON_DIGEST
