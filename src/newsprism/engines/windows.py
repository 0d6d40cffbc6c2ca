"""Time windows for clustering a stream that no single process holds, each window starting where
the online clusterer would be.

The online clusterer needs the articles in time order, which a cluster cannot give for millions of
articles at once. So time is cut into windows of ``window`` seconds, each clustered by the local
batch clusterer in one task. A window clustered cold (no stories, no IDF) splits every story that
runs across its start and merges stories that the local clusterer, which knows their past, keeps
apart. So each window starts from the stories the previous window leaves open and from its IDF
(``CarriedStories``: the clusterer's state at the edge, bounded by its dormancy and ``max_active``),
and an article that joins a carried story takes the id of that story's first article: the stories
of all windows are then joined by following those ids.

A window's start depends on the previous window's end, so the windows cannot all be clustered at
once with their true starts. They are clustered in rounds instead: in each round every window is
clustered in parallel, from the state the previous window ended the previous round with (round one
starts every window cold). After ``rounds`` rounds a window's start is built from the
``rounds - 1`` windows before it, clustered one after another: what the local clusterer does at a
moment depends on the last ``dormant_after`` (60 days) of stories and on its IDF, so a history of
that dormancy and some more (``overlap``: 90 days) gives about the local engine's start. Each
round clusters every article once; the largest task is one window. What each choice measured is
in docs/evaluation.md ("The Spark engine").

These are plain functions over articles; ``engines/spark_stories.py`` runs them per window.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import scipy.sparse as sp

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.cluster import (
    CarriedStories,
    ClusterSettings,
    _prune_rows,
    article_time,
    cluster_articles,
)
from newsprism.stories.vectors import StreamVectorizer

UNDATED = -(2**62)
"""The window of articles with no time (neither a date nor one in the URL): they are clustered
together, by content alone, from no carried state."""


@dataclass(frozen=True, slots=True)
class WindowSettings:
    """How time is cut for clustering in parallel.

    ``window``: the span clustered by one task. The largest window bounds a task's memory and time;
    shorter windows make more, smaller tasks, and need more rounds for the same history.
    ``overlap``: how much of the past each window's starting state is rebuilt from: the windows
    before it within the overlap are clustered again, one round each (``rounds``). At least the
    clusterer's ``dormant_after`` (60 days) carries every story the local clusterer would still
    continue; a month more lets the carried stories and IDF warm up (the module's docstring).
    ``ahead``: how much of the next window is clustered after a window's own articles in the last
    round, so that the clusterer's reassignment pass can move an article at the window's end to a
    story that begins just after it, as the local clusterer's pass over the whole stream does (the
    articles ahead keep the labels of their own window); one longer than the window is cut to it
    (``look_ahead``).
    """

    window: timedelta = timedelta(days=30)
    overlap: timedelta = timedelta(days=90)
    ahead: timedelta = timedelta(days=30)

    def __post_init__(self) -> None:
        if self.window <= timedelta(0):
            raise NewsprismError(f"window must be positive, got {self.window}")
        if self.overlap < timedelta(0):
            raise NewsprismError(f"overlap must be at least 0, got {self.overlap}")
        if self.ahead < timedelta(0):
            raise NewsprismError(f"ahead must be at least 0, got {self.ahead}")

    @property
    def look_ahead(self) -> timedelta:
        """``ahead``, at most the window."""
        return min(self.ahead, self.window)

    @property
    def rounds(self) -> int:
        """Rounds of clustering every window: one, and one more per window in the overlap."""
        return 1 + math.ceil(self.overlap / self.window)


def window_of(when: float | None, settings: WindowSettings) -> int:
    """The window an article at ``when`` (seconds) is clustered in (``UNDATED`` without a time)."""
    if when is None or math.isnan(when):
        return UNDATED
    return math.floor(when / settings.window.total_seconds())


def window_end(window: int, settings: WindowSettings) -> float:
    """When (seconds) the next window starts."""
    return (window + 1) * settings.window.total_seconds()


CARRIED = "@"
"""What a carried story's id starts with, before the id of its first article: the clusterer names
its new stories ``story_prefix`` and a number, so the two never meet."""


def cluster_seeded(articles: Sequence[Article], settings: ClusterSettings, carried: CarriedStories | None,
                   until: float, ahead: Sequence[Article] = ()) -> tuple[list[tuple[str, str]], CarriedStories]:
    """One window's articles (originals, any order) clustered from the stories and IDF ``carried``
    out of the previous window (cold when None), and what this window carries to the next one,
    which starts at ``until`` (seconds).

    ``ahead``: articles of the next window clustered after these (``WindowSettings.ahead``); they
    come back with no label and carry nothing out.

    Each article comes back with the id of its story's first article: that of its first article in
    this window for a story that starts here, that of the carried story's first article for one
    that goes on from before. So the stories of all windows are joined by following those ids (the
    connected components of article -> first article), whichever window each was clustered in.
    """
    assigned = cluster_articles([*articles, *ahead], settings, duplicate_of={}, carried=carried)[: len(articles)]
    times = [article_time(a) for a in articles]
    first: dict[str, tuple[bool, float, str]] = {}
    for article, when, a in zip(articles, times, assigned):
        key = (when is None, when or 0.0, article.id)
        if not a.story.startswith(CARRIED) and (a.story not in first or key < first[a.story]):
            first[a.story] = key
    name = {story: CARRIED + key[2] for story, key in first.items()}
    labels = [(a.article, name.get(a.story, a.story)[len(CARRIED):]) for a in assigned]
    return labels, carry_out(articles, [name.get(a.story, a.story) for a in assigned], times, carried, settings,
                             until)


def carry_out(articles: Sequence[Article], stories: Sequence[str], times: Sequence[float | None],
              carried: CarriedStories | None, settings: ClusterSettings, until: float) -> CarriedStories:
    """The stories still open at ``until`` (their newest article within ``dormant_after`` of it),
    from the carried ones and this window's ``articles`` in ``stories``: each centroid the carried
    one (if any) plus its articles' vectors weighed with the IDF that now includes this window, cut
    to ``centroid_terms``, as the online clusterer keeps them."""
    vectorizer = StreamVectorizer(settings.vectors)
    if carried is not None:
        vectorizer.df_, vectorizer.n_documents_ = carried.df.copy(), carried.n_documents
    vectors = vectorizer.fit_weigh(vectorizer.counts(articles)) if articles else None
    ids = sorted(set(stories) | set(carried.ids if carried else ()))
    row = {story: k for k, story in enumerate(ids)}
    width = vectorizer.n_features
    sums = sp.csr_matrix((len(ids), width), dtype=np.float32)
    sizes, last = np.zeros(len(ids)), np.full(len(ids), -np.inf)
    if carried is not None:
        at = np.array([row[story] for story in carried.ids], dtype=np.int64)
        sums = sums + sp.csr_matrix((np.ones(len(at), dtype=np.float32), (at, np.arange(len(at)))),
                                    shape=(len(ids), len(at))) @ carried.centroids
        sizes[at] += carried.sizes
        last[at] = np.fmax(last[at], carried.last)
    if vectors is not None:
        own = np.array([row[story] for story in stories], dtype=np.int64)
        sums = sums + sp.csr_matrix((np.ones(len(own), dtype=np.float32), (own, np.arange(len(own)))),
                                    shape=(len(ids), len(own))) @ vectors
        np.add.at(sizes, own, 1)
        np.fmax.at(last, own, np.array([np.nan if t is None else t for t in times]))
    alive = np.flatnonzero(last >= until - settings.dormant_after.total_seconds())
    sums = _prune_rows(sp.csr_matrix(sums[alive], dtype=np.float32), np.arange(len(alive)), settings.centroid_terms)
    df = getattr(vectorizer, "df_", np.zeros(width, dtype=np.int64))
    return CarriedStories(tuple(ids[k] for k in alive), sums, sizes[alive], last[alive], df,
                          getattr(vectorizer, "n_documents_", 0))


def stories_in_windows(articles: Sequence[Article], settings: ClusterSettings,
                       windows: WindowSettings) -> dict[str, str]:
    """Each of ``articles`` (originals) with its story's first article (by time, then id), clustered
    as the Spark engine clusters them (the rounds of windows, each started from the state the
    previous window ended the previous round with, the days ahead in the last round) but one window
    after another in this process: the reference of ``spark_stories.assign_stories``, and a way to
    measure window settings on a stream without Spark."""
    homes: dict[int, list[Article]] = {}
    for article in articles:
        homes.setdefault(window_of(article_time(article), windows), []).append(article)
    span, ahead = windows.window.total_seconds(), windows.look_ahead.total_seconds()
    early = {w - 1: [a for a in group if (article_time(a) or 0.0) - w * span < ahead]
             for w, group in homes.items() if w != UNDATED}
    states: dict[int, CarriedStories] = {}
    links: dict[str, str] = {}
    for number in range(1, windows.rounds + 1):
        last = number == windows.rounds
        out: dict[int, CarriedStories] = {}
        for window in sorted(set(homes) | {w + 1 for w in states}):
            carried = states.get(window - 1) if window != UNDATED else None
            labels, out[window] = cluster_seeded(homes.get(window, []), settings, carried,
                                                 window_end(window, windows),
                                                 early.get(window, []) if last and ahead > 0 else ())
            links.update(labels)
        states = {w: state for w, state in out.items() if w != UNDATED}
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])
            node = parent[node]
        return node

    when = {a.id: (article_time(a) is None, article_time(a) or 0.0, a.id) for a in articles}
    for linked, first in links.items():
        one, other = sorted((root(linked), root(first)), key=lambda node: when[node])
        if one != other:
            parent[other] = one
    return {a.id: root(a.id) for a in articles}


def pack(carried: CarriedStories) -> bytes:
    """Carried stories as bytes (an ``.npz``, no pickle) to move between tasks."""
    buffer = io.BytesIO()
    np.savez(buffer, ids=np.array(carried.ids, dtype=str), data=carried.centroids.data,
             indices=carried.centroids.indices, indptr=carried.centroids.indptr, sizes=carried.sizes,
             last=carried.last, df=carried.df, n_documents=np.array(carried.n_documents))
    return buffer.getvalue()


def unpack(blob: bytes) -> CarriedStories:
    """What ``pack`` wrote."""
    arrays = np.load(io.BytesIO(blob), allow_pickle=False)
    ids = tuple(str(i) for i in arrays["ids"])
    centroids = sp.csr_matrix((arrays["data"], arrays["indices"], arrays["indptr"]),
                              shape=(len(ids), len(arrays["df"])))
    return CarriedStories(ids, centroids, arrays["sizes"], arrays["last"], arrays["df"], int(arrays["n_documents"]))
