"""Library code changes no process-wide state, so that a threaded server or a notebook can call it.

Read from the source of every module of the package but the command line's (``cli/``: the
command's own process, which may set up its logging and the environment of the worker processes
it starts). A swapped file descriptor or standard stream catches every thread's output, a seeded
global generator changes every caller's draws, an environment variable reaches every library of
the process, and a date read from the wall clock inside a stage makes its result depend on when it
ran (``stories/clock.py`` is the one place that reads it, as the default clock a caller replaces).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from datapaths import ROOT

PACKAGE = ROOT / "src" / "newsprism"
LIBRARY = sorted(path for path in PACKAGE.rglob("*.py") if "cli" not in path.relative_to(PACKAGE).parts)


def _nodes(paths: list[Path]) -> Iterator[tuple[str, ast.AST]]:
    for path in paths:
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            yield where, node


def _called(names: set[str], paths: list[Path] = LIBRARY) -> list[str]:
    """Where a function of ``names`` (as written: ``os.dup2``, ``redirect_stderr``) is called."""
    return [f"{where}:{node.lineno} {ast.unparse(node.func)}" for where, node in _nodes(paths)
            if isinstance(node, ast.Call) and ast.unparse(node.func) in names]


def _assigned(names: set[str]) -> list[str]:
    """Where one of ``names`` (``sys.stderr``, ``os.environ``, or an item of it) is assigned."""
    found = []
    for where, node in _nodes(LIBRARY):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            written = target.value if isinstance(target, ast.Subscript) else target
            if ast.unparse(written) in names:
                found.append(f"{where}:{node.lineno} {ast.unparse(target)}")
    return found


def test_the_library_is_read_from_the_package_source():
    assert len(LIBRARY) > 50 and PACKAGE / "store.py" in LIBRARY and not any("cli" in p.parts for p in LIBRARY)


def test_library_code_redirects_no_file_descriptor_or_standard_stream():
    swaps = {"os.dup", "os.dup2", "redirect_stdout", "redirect_stderr", "contextlib.redirect_stdout",
             "contextlib.redirect_stderr"}
    assert _called(swaps) + _assigned({"sys.stdout", "sys.stderr", "sys.stdin"}) == []


def test_library_code_seeds_no_global_random_generator():
    assert _called({"np.random.seed", "numpy.random.seed", "random.seed", "torch.manual_seed"}) == []


def test_library_code_writes_no_environment_variable():
    writes = {"os.putenv", "os.unsetenv", "os.environ.update", "os.environ.setdefault", "os.environ.pop",
              "os.environ.clear"}
    assert _called(writes) + _assigned({"os.environ"}) == []


def test_library_code_reads_the_wall_clock_only_in_the_stories_clock():
    wall_clock = {"datetime.now", "datetime.datetime.now", "datetime.utcnow", "datetime.datetime.utcnow",
                  "date.today", "datetime.date.today", "time.time"}
    elsewhere = [path for path in LIBRARY if path != PACKAGE / "stories" / "clock.py"]
    assert _called(wall_clock, elsewhere) == []
    assert _called(wall_clock, [PACKAGE / "stories" / "clock.py"]) != []
