"""``newsprism compare``: how each outlet covered one story, or every story of a cluster file.

Consensus, each outlet's exclusives and omissions, quotes with their speakers and the outlets that
carry them, figures with conflicts flagged, and framing per outlet (attribution verbs, hedges,
loaded words, naming, tone).
"""

from __future__ import annotations

import argparse

from newsprism.cli.batch import (
    add_story_arguments,
    output_format,
    pipeline_settings,
    render_record,
    run_story_or_clusters,
)
from newsprism.cli.options import add_command
from newsprism.engines.local import Pipeline, StoryResult
from newsprism.errors import NewsprismError

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
    add_story_arguments(
        parser, formats=FORMATS, clusters_help="compare the outlets of every story of this cluster file",
        format_help="; html writes the full report page",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    if args.clusters and fmt == "html":
        raise NewsprismError("--format html writes one page for one story; use `newsprism report` per story, or --format jsonl")
    pipeline = Pipeline(pipeline_settings(args), summarize=fmt == "html")  # the page opens with the summary
    return run_story_or_clusters(args, pipeline, doing="comparing", render=_render, failed_record={})


def _render(result: StoryResult, fmt: str) -> str:
    comparison, analysis = result.comparison, result.analysis
    assert comparison is not None and analysis is not None  # a finished story of a comparing pipeline
    if fmt == "text":
        from newsprism.render.text import comparison_to_text

        return comparison_to_text(comparison, analysis)
    if fmt == "markdown":
        from newsprism.render.markdown import comparison_to_markdown

        return comparison_to_markdown(comparison, analysis)
    if fmt == "html":
        from newsprism.render.html import render_report

        assert result.summary is not None
        return render_report(analysis, result.summary, comparison)
    from newsprism.render.json import comparison_to_dict

    return render_record(comparison_to_dict(comparison, analysis), fmt)
