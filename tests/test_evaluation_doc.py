"""The figures docs/evaluation.md quotes from the tests are the figures the tests pin.

docs/evaluation.md keeps every measurement in one place; the floors and measured values a test
holds are written once, in the test, and the page's table of floors quotes them. These tests read
that table and compare each row with the constant it names, so a floor raised in a test and not in
the page (or the other way round) fails here instead of leaving two numbers that disagree. The
stage guides, the README and the benchmark and research notes link to the page instead of quoting
its figures, and a test here finds any measured figure they keep.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from datapaths import ROOT

PAGE = ROOT / "docs" / "evaluation.md"
ROW = re.compile(r"^\| `(tests/[^`]+\.py)` \| `([^`]+)` \| ([0-9.]+) \|", re.M)
NAME = re.compile(r"^([A-Za-z_]\w*)((?:\[[^\]]+\])*)$")
FIGURE_NAME = re.compile(r"^[A-Z][A-Z0-9_]*(?:FLOOR|MEASURED)[A-Z0-9_]*$")


def quoted_rows() -> list[tuple[str, str, str]]:
    section = PAGE.read_text(encoding="utf-8").split("## Floors the tests pin", 1)[1].split("\n## ", 1)[0]
    return ROW.findall(section)


def load(relative: str):
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location("evaluation_doc_" + re.sub(r"\W", "_", relative), path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pinned(relative: str, expression: str) -> object:
    """The value of ``NAME["key"]["key"]`` in the test module at ``relative``."""
    match = NAME.match(expression)
    assert match, f"{expression!r} is not NAME or NAME[key]..."
    value = getattr(load(relative), match.group(1))
    for key in re.findall(r"\[([^\]]+)\]", match.group(2)):
        value = value[ast.literal_eval(key)]
    return value


def floor_names(path: Path) -> set[str]:
    """Module-level names of a test file that hold a floor or a measured value."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        target.id
        for node in tree.body if isinstance(node, ast.Assign)
        for target in node.targets if isinstance(target, ast.Name) and FIGURE_NAME.match(target.id)
    }


def test_the_page_quotes_at_least_twenty_floors():
    assert len(quoted_rows()) >= 20


@pytest.mark.parametrize(("relative", "expression", "quoted"), quoted_rows())
def test_every_figure_in_the_table_of_floors_equals_the_constant_the_test_pins(relative, expression, quoted):
    assert float(pinned(relative, expression)) == pytest.approx(float(quoted), abs=1e-12), f"{relative} {expression}"


def test_every_floor_a_test_pins_is_quoted_in_the_table_of_floors():
    quoted = {(relative, NAME.match(expression).group(1)) for relative, expression, _ in quoted_rows()}
    found = {
        (path.relative_to(ROOT).as_posix(), name)
        for path in sorted((ROOT / "tests").rglob("test_*.py"))
        for name in floor_names(path)
    }
    assert found <= quoted, sorted(found - quoted)


# Every measured figure is kept on docs/evaluation.md only (the floors of the table above too), so
# that a guide never keeps a second copy that goes stale. A measured figure is a decimal number of
# three or more significant digits ("0.875", "38.07") or a count of a sample ("(42/48)"). Settings
# and limits are rounder ("0.6", "0.75", "5 %"); commands and quoted examples, inside backticks or
# code blocks, are not figures.
FIGURE = re.compile(r"(?<![\w.,])(?:0\.0*[1-9]\d{2,}|[1-9]\.\d{2,}|[1-9]\d+\.\d+)(?![\w.])|\(\d+/\d+\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
GUIDES = sorted({*(ROOT / "docs").glob("*.md"), ROOT / "README.md", ROOT / "benchmarks" / "README.md",
                 ROOT / "research" / "README.md"} - {PAGE})


def figures(text: str) -> list[str]:
    return FIGURE.findall(CODE.sub(" ", text))


def test_the_figure_pattern_tells_measurements_from_settings():
    assert figures("precision 0.875 (42/48), ROUGE-1 38.07, 12.5 s") == ["0.875", "(42/48)", "38.07", "12.5"]
    assert figures("a threshold of 0.6, 0.75 of the words, 5 %, 1,000 terms, `$5.60`, v1.2.3") == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_guide_keeps_a_measured_figure_of_its_own(guide):
    assert figures(guide.read_text(encoding="utf-8")) == [], (
        f"{guide.relative_to(ROOT)} quotes measured figures; move them to docs/evaluation.md and link to it")

