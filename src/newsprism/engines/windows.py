"""Time windows for clustering a stream that no single process holds.

The online clusterer needs the articles in time order, which a cluster cannot give for millions of
articles at once. So time is cut into windows of ``window`` seconds, each window clustered by the
local clusterer on its own, and stories merged across each edge: the last ``overlap`` seconds of a
window are clustered again as the start of the next one, and each story of the next window that
holds some of them continues the story of this window that holds most of them (``continued``).

What makes this the local engine's result: the online clusterer forgets a story after
``dormant_after`` (60 days) of silence, so what it does at any moment depends on the last 60 days
only, apart from the IDF. An overlap as long as that dormancy gives the next window the stories the
local clusterer still has open at its start, and some more (a month) lets the next window's IDF
and stories warm up before them; the overlap's articles keep the stories of the window they were
published in (which saw their past), and a story of the next window that took them up is the
continuation of the one most of them are in. Joining every pair of stories that share an article
instead lets one story of the next window, built from a cold start, glue two stories of this one
together. What each choice measured is in docs/evaluation.md ("The Spark engine").

These are plain functions over articles; ``engines/spark_stories.py`` runs them per window.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.cluster import ClusterSettings, cluster_articles

UNDATED = -(2**62)
"""The window of articles with no time (neither a date nor one in the URL): they are clustered
together, by content alone."""


@dataclass(frozen=True, slots=True)
class WindowSettings:
    """How time is cut for clustering in parallel.

    ``window``: the span clustered by one task. Longer windows put fewer articles in two windows
    and give the clusterer's IDF more to learn from, but fewer, larger tasks (the largest bounds
    the stage's time); with the default overlap each article is clustered 1.5 times.
    ``overlap``: how much of a window's end is clustered again at the start of the next. At least
    the clusterer's ``dormant_after`` (60 days) keeps every story the local clusterer would still
    continue, and a month more warms the next window up (the module's docstring); shorter overlaps
    split stories with a longer silence at an edge. It must be shorter than ``window``.
    """

    window: timedelta = timedelta(days=180)
    overlap: timedelta = timedelta(days=90)

    def __post_init__(self) -> None:
        if self.window <= timedelta(0):
            raise NewsprismError(f"window must be positive, got {self.window}")
        if not timedelta(0) <= self.overlap < self.window:
            raise NewsprismError(f"overlap must be at least 0 and shorter than the window ({self.window}), "
                                 f"got {self.overlap}")


def windows_of(when: float | None, settings: WindowSettings) -> list[int]:
    """The windows an article at ``when`` (seconds) is clustered in: its own first, then the next
    one when it falls in the overlap at the end of its own."""
    if when is None or math.isnan(when):
        return [UNDATED]
    span = settings.window.total_seconds()
    home = math.floor(when / span)
    if when >= (home + 1) * span - settings.overlap.total_seconds():
        return [home, home + 1]
    return [home]


def continued(votes: Mapping[tuple[str, str], int]) -> dict[str, str]:
    """Each story of a window that holds articles of the overlap with the previous window, and the
    story of the previous window it continues: the one that holds most of those articles (the
    smaller label on a tie, so that the choice depends on the articles only). ``votes``: for each
    (story of the next window, story of the previous one), the overlap articles they share."""
    best: dict[str, tuple[int, str]] = {}
    for (following, previous), count in votes.items():
        if following not in best or (-count, previous) < (-best[following][0], best[following][1]):
            best[following] = (count, previous)
    return {following: previous for following, (_, previous) in best.items()}


def cluster_window(window: int, articles: Sequence[Article], settings: ClusterSettings) -> list[tuple[str, str]]:
    """Each article of one window with its story label there (``"<window>:<story>"``), by the local
    batch clusterer. ``articles`` are originals: their copies were marked by the dedup stage before
    (``spark_dedup``), and follow them."""
    assigned = cluster_articles(articles, settings, duplicate_of={})
    return [(a.article, f"{window}:{a.story}") for a in assigned]
