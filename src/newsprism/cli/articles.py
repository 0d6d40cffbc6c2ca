"""What the commands that group articles into stories share: reading the articles and the
clustering options (``cluster``, ``ingest`` and ``stories``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from newsprism.cli.console import warn, warn_notes
from newsprism.engines.local import read_cleaned, usable_articles
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.cluster import ClusterSettings

if TYPE_CHECKING:
    from newsprism.engines.settings import PipelineSettings

DEFAULT_DB = "newsprism.db"
"""The store ``ingest`` writes and ``stories`` reads when no ``--db`` is given."""


def read_articles(inputs: Sequence[str], settings: PipelineSettings) -> list[Article]:
    """Read and clean ``inputs`` by the pipeline's stages (``engines.local.read_cleaned``), warning
    about each input that could not be read and about what a reader noted on an article (an
    unparseable date). Articles with no text left stay in the list, so a caller can account for
    every one of them."""
    result = read_cleaned(inputs, settings)
    warn_notes(result.articles)
    for error in result.errors:
        warn(str(error))
    return result.articles


def with_text(articles: Sequence[Article], consequence: str) -> list[Article]:
    """The articles with text left after cleaning; each other one is reported with ``consequence``
    (what happens to it), so nothing is dropped silently."""
    kept, emptied = usable_articles(articles)
    for error in emptied:
        warn(f"{error}; {consequence}")
    return kept


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """The two clustering settings worth tuning per corpus (see the threshold table of docs/evaluation.md); the
    defaults shown are ``ClusterSettings``'s own, so help and library cannot disagree."""
    defaults = ClusterSettings()
    parser.add_argument(
        "--threshold", type=float, default=defaults.threshold, metavar="SIMILARITY",
        help=f"similarity an article needs to join a story (default: {defaults.threshold}; "
             "lower merges more; docs/evaluation.md has the threshold table)",
    )
    parser.add_argument(
        "--dormant-days", type=float, default=defaults.dormant_after.days, metavar="DAYS",
        help=f"a story with no new article for this long takes no more (default: {defaults.dormant_after.days})",
    )


def settings_from(args: argparse.Namespace) -> ClusterSettings:
    if args.dormant_days <= 0:
        raise NewsprismError(f"--dormant-days must be positive, got {args.dormant_days}")
    return ClusterSettings(threshold=args.threshold, dormant_after=timedelta(days=args.dormant_days))
