"""Shared fixtures. The paths they use are in ``datapaths.py``; import paths from there."""

from __future__ import annotations

from pathlib import Path

import pytest

# Re-exported for test modules that still import these names from conftest.
from datapaths import EXAMPLES, LATIMES_SEED, ROOT, RT_SEED, SHARED_DATA, shared_file  # noqa: F401


@pytest.fixture
def shared_data() -> Path:
    """The ../shared/data folder, or a skip saying why the test cannot run without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {SHARED_DATA} (licensed, never in the repository)")
    return SHARED_DATA
