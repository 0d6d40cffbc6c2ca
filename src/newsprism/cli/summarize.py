"""``newsprism summarize``: an attributed summary of one story, or of every story of a cluster file.

Every summary sentence is a whole sentence of one article, with its exact span and the outlets that
report the same fact, so a reader can check each claim against its sources.
"""

from __future__ import annotations

import argparse
import json
import sys

from newsprism.cli.console import progress, warn
from newsprism.errors import InputError, NewsprismError

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
    parser = subparsers.add_parser(
        "summarize",
        help="write an extractive summary whose every sentence names the outlets that report it",
        description=(
            "Summarise the INPUT articles as one story, or with --clusters every story of a JSONL "
            "cluster file ({id, documents: [{text, outlet?|source?, title?, date?, url?}]} per line). "
            "Sentences are whole sentences of the articles; none is cut, and the summary never "
            "exceeds --words words."
        ),
        epilog=(
            "examples:\n"
            "  newsprism summarize RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt\n"
            "  newsprism summarize --clusters stories.jsonl --words 100 --format jsonl > summaries.jsonl"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="an article of the story: OUTLET=PATH, a file, a folder of files, or a URL",
    )
    parser.add_argument("--clusters", metavar="FILE.jsonl", help="summarise every story of this cluster file")
    parser.add_argument("--words", type=_positive, default=100, help="word budget of each summary (default: 100)")
    parser.add_argument(
        "--format", choices=FORMATS, default=None,
        help="output format (default: text for INPUTs, jsonl for --clusters: one story per line)",
    )
    parser.add_argument("--allow-private", action="store_true", help="allow URLs on private and local network addresses")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.inputs) == bool(args.clusters):
        raise NewsprismError("give either INPUT articles or --clusters FILE.jsonl, not both and not neither")
    if args.clusters:
        return _run_clusters(args.clusters, args.words, args.format or "jsonl")
    return _run_story(args.inputs, args.words, args.format or "text", args.allow_private)


def _render(summary, analysis, fmt: str) -> str:
    if fmt == "text":
        from newsprism.render.text import summary_to_text

        return summary_to_text(summary, analysis)
    if fmt == "markdown":
        from newsprism.render.markdown import summary_to_markdown

        return summary_to_markdown(summary, analysis)
    from newsprism.render.json import summary_to_dict

    indent = 2 if fmt == "json" else None
    return json.dumps(summary_to_dict(summary, analysis), ensure_ascii=False, indent=indent) + "\n"


def _run_story(inputs: list[str], words: int, fmt: str, allow_private: bool) -> int:
    from newsprism.analysis.align import analyze
    from newsprism.engines.local import load_story
    from newsprism.summarize import summarize

    story, errors = load_story(inputs, allow_private=allow_private)
    for error in errors:
        warn(str(error))
    analysis = analyze(story)
    sys.stdout.write(_render(summarize(analysis, words), analysis, fmt))
    return 0


def _run_clusters(path: str, words: int, fmt: str) -> int:
    """One output per story, in input order; a story that fails is reported and the batch goes on.

    In ``jsonl`` a failed story still gets its line, with ``"error"`` and no sentences, so output
    lines stay aligned with the stories that were read.
    """
    from newsprism.analysis.align import analyze
    from newsprism.engines.local import iter_cluster_stories
    from newsprism.summarize import summarize

    failed = 0
    for item in progress(iter_cluster_stories(path), "summarising"):
        if isinstance(item, InputError):
            warn(str(item))
            continue
        try:
            analysis = analyze(item)
            summary = summarize(analysis, words)
        except NewsprismError as error:
            failed += 1
            warn(f"{path}: story {item.id}: {error}")
            if fmt == "jsonl":
                print(json.dumps({"id": item.id, "summary": "", "sentences": [], "error": str(error)}))
            continue
        sys.stdout.write(_render(summary, analysis, fmt))
        if fmt in ("text", "markdown"):
            sys.stdout.write("\n")
    return 1 if failed else 0
