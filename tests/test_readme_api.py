"""The README's Python API example runs as written, from a folder holding what a clone brings.

The ``python`` block under the README's "Python API" heading is run in a fresh interpreter from a
folder with a copy of ``examples/``, and must finish without error and print a summary sentence of
the seeds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from datapaths import ROOT

EXAMPLE = re.search(r"## Python API\n.*?```python\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_shows_the_python_api_in_a_python_block():
    assert EXAMPLE is not None, "README.md has no ```python block under '## Python API'"
    assert "import newsprism" in EXAMPLE.group(1)


@pytest.mark.skipif(EXAMPLE is None, reason="README.md has no Python API example")
def test_the_readme_python_api_example_runs_on_the_examples(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    done = subprocess.run([sys.executable, "-c", EXAMPLE.group(1)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Peskov" in done.stdout
