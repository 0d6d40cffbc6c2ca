"""Where the example articles and the evaluation data live, for tests to import.

A plain module rather than ``conftest.py``: ``from conftest import ...`` picks whichever
``conftest`` module was collected first, which breaks as soon as a second one exists. The folder
is on ``sys.path`` through ``pythonpath`` in pyproject.toml.

The evaluation data in ../shared/data may not be redistributed, so it is never copied into the
repository; tests that need it skip with a stated reason when it is absent (a user's fresh clone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"
RT_SEED = EXAMPLES / "000_431b17eb286845b6.txt"
LATIMES_SEED = EXAMPLES / "001_70f2f9c0c9a27f18.txt"


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or a skip saying it is absent."""
    path = SHARED_DATA / relative
    if not path.is_file():
        pytest.skip(f"evaluation data file {path} is absent (licensed, never in the repository)")
    return path
