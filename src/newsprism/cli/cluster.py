"""``newsprism cluster``: which story each article belongs to, and which articles are copies.

Output is one JSON line per input article, in input order:
``{"article": id, "story": story_id, "duplicate_of": id | null}``. An article that could not be
clustered (no text left after cleaning) gets ``"story": null`` and a ``"skipped"`` reason, so the
output still lines up with the input and nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import json
import sys

from newsprism.cli.articles import add_settings_arguments, read_articles, settings_from, with_text
from newsprism.cli.batch import pipeline_settings
from newsprism.cli.console import progress, warn
from newsprism.cli.options import add_allow_private, add_command
from newsprism.engines.local import Pipeline, emptied_reason
from newsprism.errors import NewsprismError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "cluster",
        help="group articles into stories and mark near-duplicate copies",
        description=(
            "Find near-duplicate copies (MinHash LSH) and group the articles into stories (online, "
            "time-ordered TF-IDF clustering; the input order does not matter). Prints one JSON line per "
            'input article, in input order: {"article", "story", "duplicate_of"}.'
        ),
        examples=[
            "newsprism cluster examples/",
            "newsprism cluster articles.jsonl > assignments.jsonl",
        ],
    )
    parser.add_argument("inputs", nargs="+", metavar="ARTICLES", help="articles: a JSONL file (one article per line), files, folders or URLs")
    parser.add_argument("--format", choices=("jsonl",), default="jsonl", help="output format (default: jsonl)")
    add_allow_private(parser)
    add_settings_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline(pipeline_settings(args, cluster=settings_from(args)))
    articles = read_articles(args.inputs, pipeline.settings)
    usable = with_text(articles, "not clustered")
    if not usable:
        raise NewsprismError("no article with text to cluster")
    clustering = pipeline.cluster(usable, track=lambda a: progress(a, "clustering"))
    story_of = {article.id: story.id for story in clustering.stories for article in story.articles}
    out = sys.stdout
    for article in articles:
        story = story_of.get(article.id)
        if story is None:
            record = {
                "article": article.id, "story": None, "duplicate_of": None,
                "skipped": emptied_reason(article),
            }
        else:
            if article.id in clustering.notes:
                warn(f"{article.where}: {clustering.notes[article.id]}")
            record = {"article": article.id, "story": story, "duplicate_of": clustering.duplicate_of.get(article.id)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
