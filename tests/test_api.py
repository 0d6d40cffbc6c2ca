"""The Python API: what a user imports from ``newsprism``."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from datapaths import ROOT

import newsprism


def test_every_name_the_api_lists_can_be_imported_from_newsprism():
    for name in newsprism.__all__:
        assert getattr(newsprism, name) is not None, name


def test_the_api_names_the_stage_functions_themselves():
    from newsprism.analysis.story import analyze
    from newsprism.compare import compare
    from newsprism.store import Store
    from newsprism.summarize import summarize

    assert (newsprism.analyze, newsprism.summarize, newsprism.compare, newsprism.Store) == (analyze, summarize, compare, Store)


def test_an_unknown_name_is_an_attribute_error():
    try:
        newsprism.no_such_stage  # noqa: B018
    except AttributeError as error:
        assert "no_such_stage" in str(error)
    else:
        raise AssertionError("no AttributeError")


def test_importing_newsprism_loads_no_stage_until_one_is_asked_for():
    code = "import sys, newsprism; print(any(m.startswith('newsprism.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_package_is_marked_as_typed_and_ships_the_marker():
    assert (Path(newsprism.__file__).parent / "py.typed").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["newsprism"]


def test_summarize_and_compare_stay_functions_after_their_modules_are_imported():
    code = ("import newsprism.summarize, newsprism.compare, newsprism; "
            "from newsprism.summarize import SummarySettings; "
            "print(callable(newsprism.summarize), callable(newsprism.compare), SummarySettings.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "SummarySettings"]
