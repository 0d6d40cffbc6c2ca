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
from collections.abc import Sequence

from newsprism.cli.console import warn
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.stories.cluster import ClusterSettings, cluster_articles
from newsprism.text.clean import clean_articles


def read_articles(inputs: Sequence[str], *, allow_private: bool = False) -> tuple[list[Article], list[InputError]]:
    """Read and clean ``inputs``; articles with no text left stay in the list, the problems are
    returned, and what a reader noted about an article (an unparseable date) is shown."""
    result = read_inputs(inputs, allow_private=allow_private)
    for article in result.articles:
        for note in article.meta.get("notes", ()):
            warn(f"{article.source or article.id}: {note}")
    return clean_articles(result.articles), list(result.errors)


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    defaults = ClusterSettings()
    parser.add_argument(
        "--threshold", type=float, default=defaults.threshold, metavar="SIMILARITY",
        help=f"similarity an article needs to join a story (default: {defaults.threshold}; "
             "lower merges more, see the README's threshold table)",
    )
    parser.add_argument(
        "--dormant-days", type=float, default=defaults.dormant_after.days, metavar="DAYS",
        help=f"a story with no new article for this long takes no more (default: {defaults.dormant_after.days})",
    )


def settings_from(args: argparse.Namespace) -> ClusterSettings:
    from datetime import timedelta

    if args.dormant_days <= 0:
        raise NewsprismError(f"--dormant-days must be positive, got {args.dormant_days}")
    return ClusterSettings(threshold=args.threshold, dormant_after=timedelta(days=args.dormant_days))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cluster",
        help="group articles into stories and mark near-duplicate copies",
        description=(
            "Find near-duplicate copies (MinHash LSH) and group the articles into stories (online, "
            "time-ordered TF-IDF clustering; the input order does not matter). Prints one JSON line "
            'per input article, in input order: {"article", "story", "duplicate_of"}.'
        ),
        epilog="example: newsprism cluster articles.jsonl --format jsonl > stories.jsonl",
    )
    parser.add_argument("inputs", nargs="+", metavar="ARTICLES", help="articles: a JSONL file (one article per line), files, folders or URLs")
    parser.add_argument("--format", choices=("jsonl",), default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--allow-private", action="store_true", help="allow URLs on private and local network addresses")
    add_settings_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    articles, errors = read_articles(args.inputs, allow_private=args.allow_private)
    for error in errors:
        warn(str(error))
    usable = [a for a in articles if a.text.strip()]
    if not usable:
        raise NewsprismError("no article with text to cluster")
    assigned = {a.article: a for a in cluster_articles(usable, settings)}
    out = sys.stdout
    for article in articles:
        assignment = assigned.get(article.id)
        if assignment is None:
            reason = "no article text left after cleaning"
            warn(f"{article.source or article.id}: {reason}; not clustered")
            record = {"article": article.id, "story": None, "duplicate_of": None, "skipped": reason}
        else:
            if assignment.note:
                warn(f"{article.source or article.id}: {assignment.note}")
            record = {"article": article.id, "story": assignment.story, "duplicate_of": assignment.duplicate_of}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
