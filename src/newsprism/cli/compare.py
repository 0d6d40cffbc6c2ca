"""``newsprism compare``: how each outlet covered one story, or every story of a cluster file.

Consensus, each outlet's exclusives and omissions, quotes with their speakers and the outlets that
carry them, figures with conflicts flagged, and framing per outlet (attribution verbs, hedges,
loaded words, naming, tone).
"""

from __future__ import annotations

import argparse

from newsprism.cli.batch import ONE_STORY_OR_CLUSTERS, load_analysis, open_output, render_record, write_cluster_outputs
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError
from newsprism.model import Comparison, StoryAnalysis

FORMATS = ("text", "markdown", "json", "jsonl", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "compare",
        help="compare how each outlet covered a story: consensus, exclusives, omissions, quotes, figures, framing",
        description=(
            "Read the INPUT articles as one story, or with --clusters every story of a JSONL cluster file"
            " ({id, documents: [{text, outlet?|source?, title?, date?, url?}]} per line), and show what "
            "the outlets agree on, what only one of them says, what one leaves out, who is quoted where, "
            "which figures disagree and how each outlet frames the story."
        ),
        examples=[
            "newsprism compare RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt",
            "newsprism compare RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt --format json",
            "newsprism compare --clusters stories.jsonl --format jsonl > comparisons.jsonl",
        ],
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
    add_allow_private(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.compare import compare

    if bool(args.inputs) == bool(args.clusters):
        raise NewsprismError(ONE_STORY_OR_CLUSTERS)
    fmt = args.format or ("jsonl" if args.clusters else "text")
    if args.clusters and fmt == "html":
        raise NewsprismError("--format html writes one page for one story; use `newsprism report` per story, or --format jsonl")
    if args.clusters:
        with open_output(args.out) as out:
            return write_cluster_outputs(
                args.clusters, out, fmt, doing="comparing", build=compare, render=_render, failed_record={},
            )
    analysis = load_analysis(args.inputs, allow_private=args.allow_private)
    text = _render(compare(analysis), analysis, fmt)  # before opening the output: a failure leaves no empty file
    with open_output(args.out) as out:
        out.write(text)
    return 0


def _render(comparison: Comparison, analysis: StoryAnalysis, fmt: str) -> str:
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

    return render_record(comparison_to_dict(comparison, analysis), fmt)
