"""Shared fixtures. The paths they use are in ``datapaths.py``; import paths from there."""

from __future__ import annotations

from pathlib import Path

import pytest
from datapaths import SHARED_DATA


@pytest.fixture
def shared_data() -> Path:
    """The ../shared/data folder, or a skip saying why the test cannot run without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {SHARED_DATA} (licensed, never in the repository)")
    return SHARED_DATA
