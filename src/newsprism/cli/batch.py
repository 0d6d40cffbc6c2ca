"""What ``summarize`` and ``compare`` share: one story from INPUTs or every story of a cluster
file, rendered in the chosen format, to standard output or a file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsprism.cli.console import progress, warn, warn_notes
from newsprism.cli.options import add_allow_private, add_meaning
from newsprism.engines.local import Pipeline, StoryResult
from newsprism.errors import InputError, NewsprismError
from newsprism.render.terminal import visible

if TYPE_CHECKING:
    from newsprism.engines.settings import PipelineSettings


def add_story_arguments(parser: argparse.ArgumentParser, *, formats: Sequence[str], clusters_help: str, format_help: str = "") -> None:
    """INPUTs or ``--clusters``, ``--format``, ``--out`` and ``--allow-private``, the same for every
    command that reads one story or a cluster file."""
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="an article of the story: OUTLET=PATH, a file, a folder of files, or a URL",
    )
    parser.add_argument("--clusters", metavar="FILE.jsonl", help=clusters_help)
    parser.add_argument(
        "--format", choices=formats, default=None,
        help="output format (default: text for INPUTs, jsonl for --clusters: one story per line" + format_help + ")",
    )
    parser.add_argument("--out", "-o", metavar="FILE", help="write to FILE instead of standard output")
    add_allow_private(parser)
    add_meaning(parser)


def output_format(args: argparse.Namespace) -> str:
    """The format asked for, else text for one story and jsonl (one line per story) for a cluster file."""
    if bool(args.inputs) == bool(args.clusters):
        raise NewsprismError("give either INPUT articles or --clusters FILE.jsonl, not both and not neither")
    return args.format or ("jsonl" if args.clusters else "text")


def run_story_or_clusters(
    args: argparse.Namespace,
    pipeline: Pipeline,
    *,
    doing: str,
    render: Callable[[StoryResult, str], str],
    failed_record: Mapping[str, Any],
) -> int:
    """The INPUTs as one story, or each story of ``--clusters``, through ``pipeline``; ``render``
    writes a finished story in the chosen format to ``--out`` or standard output. One story is
    rendered before the output is opened, so a failure leaves no empty file."""
    fmt = output_format(args)
    if args.clusters:
        with open_output(args.out) as out:
            return write_cluster_outputs(
                args.clusters, out, fmt, pipeline, doing=doing, render=render, failed_record=failed_record,
            )
    text = render(story_result(args.inputs, pipeline), fmt)
    with open_output(args.out) as out:
        out.write(text)
    return 0


def story_result(inputs: Sequence[str], pipeline: Pipeline) -> StoryResult:
    """Read and clean ``inputs`` as the articles of one story and run it through ``pipeline``;
    inputs that could not be read are reported and left out, and a story that fails stops the
    command with its error."""
    story, errors = pipeline.story(inputs)
    warn_notes(story.articles)
    for error in errors:
        warn(str(error))
    result = pipeline.result(story)
    if result.error is not None:
        raise result.error
    return result


def pipeline_settings(args: argparse.Namespace, **changes: Any) -> PipelineSettings:
    """The pipeline's settings as the command line gives them: ``--allow-private``, ``--meaning`` and
    ``changes`` (``words=args.words``) over the defaults."""
    from newsprism.analysis.align import AlignSettings
    from newsprism.analysis.story import AnalysisSettings
    from newsprism.engines.settings import PipelineSettings

    if getattr(args, "meaning", False):
        changes.setdefault("analysis", AnalysisSettings(align=AlignSettings(meaning=True)))
    return PipelineSettings(allow_private=getattr(args, "allow_private", False), **changes)


def render_record(record: Mapping[str, Any], fmt: str) -> str:
    """One JSON document: indented for ``json`` (to read), one line for ``jsonl`` (to stream)."""
    return json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """``path`` opened for writing, or standard output when it is None (and then not closed).

    A failed write (a full disk, often seen only when the file is flushed on closing) is a
    ``NewsprismError`` naming the file, like a failed open."""
    if path is None:
        yield sys.stdout
        return
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)  # "--out reports/today.json" into a new folder
        out = Path(path).open("w", encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"cannot write to {path}: {error.strerror}") from error
    try:
        with out:
            yield out
    except OSError as error:
        if error.filename is not None:  # not a write to ``out``: some other file's problem
            raise
        raise NewsprismError(f"cannot write to {path}: {error.strerror or error}") from error


def write_cluster_outputs(
    path: str,
    out: TextIO,
    fmt: str,
    pipeline: Pipeline,
    *,
    doing: str,
    render: Callable[[StoryResult, str], str],
    failed_record: Mapping[str, Any],
) -> int:
    """One output per story of the cluster file, in input order; a story that fails is reported
    and the batch goes on.

    In ``jsonl`` and ``json`` a failed story, or one with no article text left after cleaning,
    still gets its record (its ``id``, ``failed_record`` and ``"error"``), so the output stays
    aligned with the stories of the file; ``json`` writes
    one JSON array, so that the file parses as JSON. ``doing`` labels the progress bar. Returns the
    exit status: 1 when any story failed; no story read at all is an error.
    """
    failed = read = 0
    for item in progress(pipeline.run_clusters(path), doing):
        if isinstance(item, InputError):
            warn(str(item))
            continue
        read += 1
        if fmt == "json":
            out.write("[\n" if read == 1 else ",\n")
        if item.story is not None:
            warn_notes(item.story.articles)
        if item.error is not None:
            failed += 1
            warn(f"{path}: story {item.story_id}: {item.error}")
            if fmt in ("jsonl", "json"):
                record = {"id": item.story_id, **failed_record, "error": str(item.error)}
                out.write(_array_item(render_record(record, fmt), fmt))
            continue
        out.write(_array_item(_story_heading(item, fmt) + render(item, fmt), fmt))
        if fmt in ("text", "markdown"):
            out.write("\n")
    if not read:
        raise NewsprismError(f"no story was read from {path}")
    if fmt == "json":
        out.write("\n]\n")
    return 1 if failed else 0


def _array_item(text: str, fmt: str) -> str:
    """A story's JSON document as an element of the ``json`` array (no newline before its comma)."""
    return text.rstrip("\n") if fmt == "json" else text


def _story_heading(item: StoryResult, fmt: str) -> str:
    """Which story of the file follows, for the formats people read (JSON carries its ``id``): its
    id and, when its articles have titles, the headline they agree on most (``story_title``, as the
    report page is titled), so that a reader of many stories knows each one by name."""
    if fmt not in ("text", "markdown"):
        return ""
    from newsprism.render.html import story_title
    from newsprism.render.markdown import escape

    title = story_title(item.story.articles) if item.story is not None else None
    if fmt == "text":
        return visible(f"Story {item.story_id}" + (f": {title}" if title else "") + "\n")
    return f"# Story {escape(item.story_id)}" + (f": {escape(title)}" if title else "") + "\n\n"
