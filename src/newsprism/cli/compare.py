"""``newsprism compare``: how each outlet covered one story, or every story of a cluster file.

Consensus, each outlet's exclusives and omissions, quotes with their speakers and the outlets that
carry them, figures with conflicts flagged, and framing per outlet (attribution verbs, hedges,
loaded words, naming, tone).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsprism.cli.console import progress, warn
from newsprism.errors import InputError, NewsprismError

FORMATS = ("text", "markdown", "json", "jsonl", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare how each outlet covered a story: consensus, exclusives, omissions, quotes, figures, framing",
        description=(
            "Read the INPUT articles as one story, or with --clusters every story of a JSONL cluster "
            "file ({id, documents: [{text, outlet?|source?, title?, date?, url?}]} per line), and show "
            "what the outlets agree on, what only one of them says, what one leaves out, who is "
            "quoted where, which figures disagree and how each outlet frames the story."
        ),
        epilog=(
            "examples:\n"
            "  newsprism compare RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt\n"
            "  newsprism compare RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt --format json\n"
            "  newsprism compare --clusters stories.jsonl --format jsonl > comparisons.jsonl"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="an article of the story: OUTLET=PATH, a file, a folder of files, or a URL",
    )
    parser.add_argument("--clusters", metavar="FILE.jsonl", help="compare the outlets of every story of this cluster file")
    parser.add_argument(
        "--format", choices=FORMATS, default=None,
        help="output format (default: text for INPUTs, jsonl for --clusters: one story per line; "
             "html writes the full report page)",
    )
    parser.add_argument("--out", "-o", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--allow-private", action="store_true", help="allow URLs on private and local network addresses")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.inputs) == bool(args.clusters):
        raise NewsprismError("give either INPUT articles or --clusters FILE.jsonl, not both and not neither")
    fmt = args.format or ("jsonl" if args.clusters else "text")
    if args.clusters and fmt == "html":
        raise NewsprismError("--format html writes one page for one story; use `newsprism report` per story, or --format jsonl")
    if not args.clusters:  # read and compare before opening the output: a failure leaves no empty file
        text = _story_output(args.inputs, fmt, args.allow_private)
    out = _open(args.out)
    try:
        if args.clusters:
            return _run_clusters(args.clusters, fmt, out)
        out.write(text)
        return 0
    finally:
        if out is not sys.stdout:
            out.close()


def _open(path: str | None):
    if path is None:
        return sys.stdout
    try:
        return Path(path).open("w", encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"cannot write to {path}: {error.strerror}") from error


def _render(comparison, analysis, fmt: str) -> str:
    if fmt == "text":
        from newsprism.render.text import comparison_to_text

        return comparison_to_text(comparison, analysis)
    if fmt == "markdown":
        from newsprism.render.markdown import comparison_to_markdown

        return comparison_to_markdown(comparison, analysis)
    if fmt == "html":
        from newsprism.render.html import render_report
        from newsprism.summarize import summarize

        return render_report(analysis, summarize(analysis), comparison)
    from newsprism.render.json import comparison_to_dict

    indent = 2 if fmt == "json" else None
    return json.dumps(comparison_to_dict(comparison, analysis), ensure_ascii=False, indent=indent) + "\n"


def _story_output(inputs: list[str], fmt: str, allow_private: bool) -> str:
    from newsprism.analysis.align import analyze
    from newsprism.compare import compare
    from newsprism.engines.local import load_story

    story, errors = load_story(inputs, allow_private=allow_private)
    for error in errors:
        warn(str(error))
    analysis = analyze(story)
    return _render(compare(analysis), analysis, fmt)


def _run_clusters(path: str, fmt: str, out) -> int:
    """One output per story, in input order; a story that fails is reported and the batch goes on.

    In ``jsonl`` a failed story still gets its line, with its ``id`` and ``"error"``, so output lines
    stay aligned with the stories that were read.
    """
    from newsprism.analysis.align import analyze
    from newsprism.compare import compare
    from newsprism.engines.local import iter_cluster_stories

    failed = 0
    for item in progress(iter_cluster_stories(path), "comparing"):
        if isinstance(item, InputError):
            warn(str(item))
            continue
        try:
            analysis = analyze(item)
            comparison = compare(analysis)
        except NewsprismError as error:
            failed += 1
            warn(f"{path}: story {item.id}: {error}")
            if fmt == "jsonl":
                out.write(json.dumps({"id": item.id, "error": str(error)}) + "\n")
            continue
        out.write(_render(comparison, analysis, fmt))
        if fmt in ("text", "markdown"):
            out.write("\n")
    return 1 if failed else 0
