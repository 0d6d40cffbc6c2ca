"""``newsprism summarize``: an attributed summary of one story, or of every story of a cluster file.

Every summary sentence is a whole sentence of one article, with its exact span and the outlets that
report the same fact, so a reader can check each claim against its sources.
"""

from __future__ import annotations

import argparse

from newsprism.cli.batch import add_story_arguments, pipeline_settings, render_record, run_story_or_clusters
from newsprism.cli.options import add_command
from newsprism.engines.local import Pipeline, StoryResult

FORMATS = ("text", "markdown", "json", "jsonl")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--words must be a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"--words must be at least 1, got {number}")
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "summarize",
        help="write an extractive summary whose every sentence names the outlets that report it",
        description=(
            "Summarise the INPUT articles as one story, or with --clusters every story of a JSONL cluster"
            " file ({id, documents: [{text, outlet?|source?, title?, date?, url?}]} per line). Sentences "
            "are whole sentences of the articles; none is cut, and the summary never exceeds --words "
            "words."
        ),
        examples=[
            "newsprism summarize RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt",
            "newsprism summarize --clusters stories.jsonl --words 100 --out summaries.jsonl",
        ],
    )
    add_story_arguments(parser, formats=FORMATS, clusters_help="summarise every story of this cluster file")
    parser.add_argument("--words", type=_positive, default=100, metavar="N", help="word budget of each summary (default: 100)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline(pipeline_settings(args, words=args.words), compare=False)
    return run_story_or_clusters(
        args, pipeline, doing="summarising", render=_render, failed_record={"summary": "", "sentences": []},
    )


def _render(result: StoryResult, fmt: str) -> str:
    summary, analysis = result.summary, result.analysis
    assert summary is not None and analysis is not None  # a finished story of a summarising pipeline
    if fmt == "text":
        from newsprism.render.text import summary_to_text

        return summary_to_text(summary, analysis)
    if fmt == "markdown":
        from newsprism.render.markdown import summary_to_markdown

        return summary_to_markdown(summary, analysis)
    from newsprism.render.json import summary_to_dict

    return render_record(summary_to_dict(summary, analysis), fmt)
