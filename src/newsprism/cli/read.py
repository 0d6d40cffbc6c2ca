"""``newsprism read``: what newsprism makes of its inputs, before any story is built.

Prints each article read, cleaned and split into sentences: as JSON lines for other tools (the
field names are a contract, see ``render.json.article_to_dict``) or as a table to eyeball a batch.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.table import Table

from newsprism.cli.console import progress, table_console, warn, warn_notes
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError
from newsprism.model import Article, Sentence
from newsprism.render.terminal import visible


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "read",
        help="read, clean and split articles into sentences; print JSON lines or a table",
        description=(
            "Read each INPUT (a text/HTML/JSONL/WARC/feed file, a folder, an http(s) URL or feed, or "
            "OUTLET=PATH to name the outlet), clean it and split it into sentences. Problems with single "
            "inputs are reported as warnings; the command fails only when nothing was read."
        ),
        examples=[
            "newsprism read RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt",
            "newsprism read examples/ --format table",
        ],
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="OUTLET=PATH, a file, a folder, a JSONL/WARC/feed file, or an http(s) URL")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                        help="jsonl: one JSON object per article (default); table: an overview")
    add_allow_private(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.cli.batch import pipeline_settings
    from newsprism.engines.local import emptied_reason, sentences_of
    from newsprism.ingest import read_inputs
    from newsprism.text.clean import clean_articles

    settings = pipeline_settings(args)  # the pipeline's read, clean and segment stages, one at a time
    result = read_inputs(progress(args.inputs, "reading"), allow_private=settings.allow_private, settings=settings.read)
    warn_notes(result.articles)
    for error in result.errors:
        warn(str(error))
    if not result.articles:
        raise NewsprismError(f"no article was read from {len(args.inputs)} input(s)")
    articles = clean_articles(result.articles, settings.clean)
    segmented = [(article, sentences_of(article, settings)) for article in progress(articles, "segmenting")]
    for article, _ in segmented:
        if not article.text.strip():
            warn(f"{article.where}: {emptied_reason(article)}")
    if args.format == "table":
        _print_table(segmented)
    else:
        _print_jsonl(segmented)
    if not any(article.text.strip() for article in articles):
        raise NewsprismError("no article has text left after cleaning")
    return 0


def _print_jsonl(segmented: list[tuple[Article, tuple[Sentence, ...]]]) -> None:
    from newsprism.render.json import article_to_dict

    for article, sentences in segmented:
        sys.stdout.write(json.dumps(article_to_dict(article, sentences), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _print_table(segmented: list[tuple[Article, tuple[Sentence, ...]]]) -> None:
    table = Table(title=f"{len(segmented)} article{'s' * (len(segmented) != 1)}", show_lines=False)
    table.add_column("id", min_width=8, max_width=28, overflow="fold")
    table.add_column("outlet", min_width=8, max_width=24, overflow="fold")
    table.add_column("published", min_width=10, no_wrap=True)
    for column in ("sentences", "removed"):
        table.add_column(column, min_width=len(column), justify="right", no_wrap=True)
    table.add_column("title", min_width=12, overflow="fold")
    for article, sentences in segmented:
        table.add_row(
            visible(article.id),
            visible(article.display_outlet),
            article.published.date().isoformat() if article.published else "",
            str(len(sentences)),
            str(len(article.removed)),
            visible(article.title or ""),
        )
    table_console().print(table)
