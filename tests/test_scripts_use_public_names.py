"""Benchmarks and research scripts use the package as a user would: through its public names.

A script that imports ``newsprism.x._private`` breaks silently when the package renames what it
never promised to keep; what a script needs is made public on purpose instead.
"""

from __future__ import annotations

import ast

import pytest
from datapaths import ROOT

SCRIPTS = sorted([*(ROOT / "benchmarks").glob("*.py"), *(ROOT / "research").glob("*.py")])


def private_imports(path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "newsprism":
            modules = node.module.split(".")
            found += [f"{node.module}.{alias.name}" for alias in node.names if alias.name.startswith("_")]
            found += [node.module] if any(part.startswith("_") for part in modules) else []
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("newsprism.") and "._" in a.name]
    return found


def test_there_are_research_scripts_apart_from_the_benchmarks():
    assert any(path.parent.name == "research" for path in SCRIPTS)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_benchmark_or_research_script_imports_a_private_name_of_the_package(path):
    assert private_imports(path) == []
