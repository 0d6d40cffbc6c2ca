"""What ``summarize`` and ``compare`` share: one story from INPUTs or every story of a cluster
file, rendered in the chosen format, to standard output or a file."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from newsprism.cli.console import progress, warn
from newsprism.errors import InputError, NewsprismError
from newsprism.model import StoryAnalysis

ONE_STORY_OR_CLUSTERS = "give either INPUT articles or --clusters FILE.jsonl, not both and not neither"


def load_analysis(inputs: Sequence[str], *, allow_private: bool = False) -> StoryAnalysis:
    """Read and clean ``inputs`` as the articles of one story and analyse it; inputs that could not
    be read are reported and left out."""
    from newsprism.analysis.align import analyze
    from newsprism.engines.local import load_story

    story, errors = load_story(inputs, allow_private=allow_private)
    for error in errors:
        warn(str(error))
    return analyze(story)


def render_record(record: Mapping[str, Any], fmt: str) -> str:
    """One JSON document: indented for ``json`` (to read), one line for ``jsonl`` (to stream)."""
    return json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """``path`` opened for writing, or standard output when it is None (and then not closed)."""
    if path is None:
        yield sys.stdout
        return
    try:
        out = Path(path).open("w", encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"cannot write to {path}: {error.strerror}") from error
    with out:
        yield out


def write_cluster_outputs(
    path: str,
    out: TextIO,
    fmt: str,
    *,
    doing: str,
    build: Callable[[StoryAnalysis], Any],
    render: Callable[[Any, StoryAnalysis, str], str],
    failed_record: Mapping[str, Any],
) -> int:
    """One output per story of the cluster file, in input order; a story that fails is reported
    and the batch goes on.

    In ``jsonl`` a failed story still gets its line (its ``id``, ``failed_record`` and ``"error"``),
    so output lines stay aligned with the stories that were read. ``doing`` labels the progress
    bar. Returns the exit status: 1 when any story failed; no story read at all is an error.
    """
    from newsprism.analysis.align import analyze
    from newsprism.engines.local import iter_cluster_stories

    failed = read = 0
    for item in progress(iter_cluster_stories(path), doing):
        if isinstance(item, InputError):
            warn(str(item))
            continue
        read += 1
        try:
            analysis = analyze(item)
            result = build(analysis)
        except NewsprismError as error:
            failed += 1
            warn(f"{path}: story {item.id}: {error}")
            if fmt == "jsonl":
                out.write(render_record({"id": item.id, **failed_record, "error": str(error)}, fmt))
            continue
        out.write(render(result, analysis, fmt))
        if fmt in ("text", "markdown"):
            out.write("\n")
    if not read:
        raise NewsprismError(f"no story was read from {path}")
    return 1 if failed else 0
