"""The version is pyproject.toml's, read from the installed package's metadata, not kept twice."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest

import newsprism
from newsprism.cli import main

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_the_version_is_the_installed_metadata_and_the_project_file():
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert newsprism.__version__ == importlib.metadata.version("newsprism")
    assert newsprism.__version__ == declared, "pyproject.toml's version changed: reinstall (pip install -e .)"


def test_the_command_line_reports_that_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsprism {importlib.metadata.version('newsprism')}"
