"""``newsprism ingest``: add articles to a store, idempotently, and update its stories.

Each committed chunk is announced on standard error ("committed N articles"), so a caller (or a
test that kills the process) knows exactly which articles are safe in the store.
"""

from __future__ import annotations

import argparse
import sys

from newsprism.cli.articles import DEFAULT_DB, read_articles, with_text
from newsprism.cli.batch import pipeline_settings
from newsprism.cli.console import warn
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError
from newsprism.render.text import counted
from newsprism.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "ingest",
        help="add articles to a SQLite store and update its stories",
        description=(
            "Read, clean, dedup and cluster INPUTs into a store. An article already in the store (same "
            "URL, or same text when it has no URL) is not added again. A crash or Ctrl-C loses at most "
            "the chunk being committed; run the same command again to finish."
        ),
        examples=[
            "newsprism ingest examples/ --db news.db",
            "newsprism ingest day1.jsonl day2.jsonl https://example.com/feed.xml --db news.db",
            "newsprism stories --db news.db",
        ],
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="articles: files, folders, JSONL, feeds or URLs")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the store file (default: {DEFAULT_DB})")
    parser.add_argument(
        "--commit-every", type=int, default=1000, metavar="N",
        help="articles per transaction (default: 1000)",
    )
    add_allow_private(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.commit_every < 1:
        raise NewsprismError(f"--commit-every must be at least 1, got {args.commit_every}")
    settings = pipeline_settings(args)
    usable = with_text(read_articles(args.inputs, settings), "not stored")
    if not usable:  # like the other commands: nothing usable read is an error, and no store is created
        raise NewsprismError("no article with text to store")
    with Store(args.db, settings) as store:  # the store keeps what this pipeline's stages make of them
        report = store.add(
            usable,
            commit_every=args.commit_every,
            on_commit=lambda n: print(f"committed {counted(n, 'article')}", file=sys.stderr, flush=True),
        )
        total = store.count()
    for note in report.notes:
        warn(note)
    print(
        f"{args.db}: {counted(report.added, 'article')} added "
        f"({counted(report.duplicates, 'near-duplicate copy', 'near-duplicate copies')}), "
        f"{report.already_stored} already stored, {counted(report.stories_touched, 'story', 'stories')} updated; "
        f"{counted(total, 'article')} in the store",
        file=sys.stderr,
    )
    return 0
