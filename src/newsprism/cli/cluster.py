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
from newsprism.cli.console import progress, warn
from newsprism.cli.options import add_allow_private, add_command
from newsprism.engines.local import emptied_reason
from newsprism.errors import NewsprismError
from newsprism.stories.cluster import cluster_articles


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
    settings = settings_from(args)
    articles = read_articles(args.inputs, allow_private=args.allow_private)
    usable = with_text(articles, "not clustered")
    if not usable:
        raise NewsprismError("no article with text to cluster")
    assigned = {a.article: a for a in cluster_articles(usable, settings, track=lambda a: progress(a, "clustering"))}
    out = sys.stdout
    for article in articles:
        assignment = assigned.get(article.id)
        if assignment is None:
            record = {
                "article": article.id, "story": None, "duplicate_of": None,
                "skipped": emptied_reason(article),
            }
        else:
            if assignment.note:
                warn(f"{article.where}: {assignment.note}")
            record = {"article": article.id, "story": assignment.story, "duplicate_of": assignment.duplicate_of}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
