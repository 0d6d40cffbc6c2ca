"""Time windows for clustering a stream that no single process holds.

The online clusterer needs the articles in time order, which a cluster cannot give for millions of
articles at once. So time is cut into windows of ``window`` seconds, each window clustered by the
local clusterer on its own, and stories merged across each edge: the last ``overlap`` seconds of a
window are clustered again as the start of the next one, and a story of one window that shares an
article with a story of the next is the same story. A story that runs across an edge is therefore
kept whole as long as no gap in it is longer than ``overlap`` right at the edge.

These are plain functions over articles; ``engines/spark_stories.py`` runs them per window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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

    ``window``: the span clustered by one task. Longer windows cut fewer stories at an edge and give
    fewer, larger tasks; a week keeps the tasks of a year of news in the dozens.
    ``overlap``: how much of a window's end is clustered again at the start of the next, so that a
    story running across the edge shows in both and is merged; two days covers the daily rhythm of
    follow-up coverage. It must be shorter than ``window``.
    """

    window: timedelta = timedelta(days=7)
    overlap: timedelta = timedelta(days=2)

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


def cluster_window(window: int, articles: Sequence[Article], settings: ClusterSettings) -> list[tuple[str, str]]:
    """Each article of one window with its story label there (``"<window>:<story>"``), by the local
    batch clusterer. ``articles`` are originals: their copies were marked by the dedup stage before
    (``spark_dedup``), and follow them."""
    assigned = cluster_articles(articles, settings, duplicate_of={})
    return [(a.article, f"{window}:{a.story}") for a in assigned]
