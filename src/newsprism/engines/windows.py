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
round clusters every article once; the largest task is one window. On a dense stream that start
still lacks the past of every story older than the overlap, rebuilt from the cold start; so the
rounds end with ``warm_rounds`` more, each window starting from the stories the round before found,
summed over all the windows before it (``open_stories``). The IDF needs no rounds: the document
frequencies before each window are the windows' own added up (``frequencies_before``).

The windows run the clusterer's single pass only. Its reassignment pass (``cluster._reassign``)
runs once over the whole stream afterwards, as the local clusterer's does: it weighs every
article with the IDF of the whole stream and compares it with every story whose span comes within
the dormancy of it, each story summed over all its articles, whichever windows they were
clustered in. A pass per window would see only the window's part of each story and the IDF so
far, and would carry the moved articles into the next window's start, which the local single pass
never does. So the reassignment is done window by window too (``reassign_window``), each window
given the stories within reach of it (``StorySums``, summed over the stream first). What each
choice measured is in docs/evaluation.md ("The Spark engine").

Articles with no time go to a window of their own (``UNDATED``), clustered last, as the local
clusterer clusters them last: from the stories of the dated windows, each summed over them, with
the IDF of every dated article. In the reassignment they and the dated stories reach each other
(no time gap between them). Both steps would hand one task every story of the stream; each takes
``max_active`` of them at most (``open_stories``, ``across_dates``).

Every pass (each round, each warm round, the reassignment) weighs the same articles again, with
another IDF or into other stories, but their words never change: each article's words are counted
once (``word_counts``, the raw counts ``StreamVectorizer.counts`` makes) and every function here
takes those counts with the articles (``Counted`` hands them to the clusterer). Counting the words
was most of a pass's time when each pass counted them again.

These are plain functions over articles; ``engines/spark_stories.py`` runs them per window.
"""

from __future__ import annotations

import io
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
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
    best_stories,
    cluster_articles,
    destinations,
)
from newsprism.stories.vectors import StreamVectorizer, VectorSettings

UNDATED = -(2**62)
"""The window of articles with no time (neither a date nor one in the URL). The local clusterer
takes them after every dated article, compared with every story it has found (``wake_all``), with
no time gap; so this window is clustered once, after the rounds and warm rounds of the dated
windows (which it cannot change: nothing dated comes after it), from the dated stories
(``open_stories``), and the reassignment sends stories across dates (``across_dates``)."""


@dataclass(frozen=True, slots=True)
class WindowSettings:
    """How time is cut for clustering in parallel.

    ``window``: the span clustered by one task. The largest window bounds a task's memory and time;
    shorter windows make more, smaller tasks, and need more rounds for the same history.
    ``overlap``: how much of the past each window's starting state is rebuilt from: the windows
    before it within the overlap are clustered again, one round each (``rounds``). At least the
    clusterer's ``dormant_after`` (60 days) carries every story the local clusterer would still
    continue; a month more lets the carried stories warm up (the module's docstring; the IDF is the
    local clusterer's from the first round: that of every article before the window).
    ``warm_rounds``: rounds more, after those, in which every window starts from the stories the
    round before found, each summed over all the windows before it (``open_stories``): no window
    then starts from a story rebuilt without its past, which the rounds' cold start leaves. Three,
    because agreement with the local engine falls with a stream's density and the third keeps a
    margin at 100,000 articles (docs/evaluation.md, "The Spark engine").
    """

    window: timedelta = timedelta(days=30)
    overlap: timedelta = timedelta(days=90)
    warm_rounds: int = 3

    def __post_init__(self) -> None:
        if self.window <= timedelta(0):
            raise NewsprismError(f"window must be positive, got {self.window}")
        if self.overlap < timedelta(0):
            raise NewsprismError(f"overlap must be at least 0, got {self.overlap}")
        if self.warm_rounds < 0:
            raise NewsprismError(f"warm_rounds must be at least 0, got {self.warm_rounds}")

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


def word_counts(articles: Sequence[Article], settings: ClusterSettings) -> sp.csr_matrix:
    """The raw word and name counts of ``articles`` (``StreamVectorizer.counts``, one row each, in
    their order): what every pass over a window weighs, counted once. A window without articles
    has none (the vectorizer cannot count nothing)."""
    vectorizer = StreamVectorizer(settings.vectors)
    if not articles:
        return sp.csr_matrix((0, vectorizer.n_features), dtype=np.float32)
    return vectorizer.counts(articles)


class Counted(StreamVectorizer):
    """A ``StreamVectorizer`` whose articles' words were counted before (``counts``, one row per
    article of ``articles``): it hands out those rows instead of counting again, so that a window
    clustered in every round has its words counted once. It weighs as a fresh vectorizer does."""

    def __init__(self, settings: VectorSettings, articles: Sequence[Article], counts: sp.csr_matrix) -> None:
        super().__init__(settings)
        self._rows = {article.id: k for k, article in enumerate(articles)}
        self._counts = counts

    def counts(self, articles: Sequence[Article]) -> sp.csr_matrix:
        return self._counts[[self._rows[article.id] for article in articles]]


def cluster_seeded(articles: Sequence[Article], counts: sp.csr_matrix, settings: ClusterSettings,
                   carried: CarriedStories | None) -> list[tuple[str, str]]:
    """One window's articles (originals, any order; their ``word_counts``) clustered by the single pass (the reassignment
    runs over the stream afterwards: ``reassign_window``) from the stories and IDF ``carried`` out
    of the previous window (cold when None); what the window carries to the next one is
    ``carry_out``'s, asked for only in the rounds.

    Each article comes back with the id of its story's first article: that of its first article in
    this window for a story that starts here, that of the carried story's first article for one
    that goes on from before. So the stories of all windows are joined by following those ids (the
    connected components of article -> first article), whichever window each was clustered in.
    """
    single = replace(settings, reassign_passes=0)
    assigned = cluster_articles(articles, single, duplicate_of={}, carried=carried,
                                vectorizer=Counted(settings.vectors, articles, counts))
    first: dict[str, tuple[bool, float, str]] = {}
    for article, a in zip(articles, assigned):
        when = article_time(article)
        key = (when is None, when or 0.0, article.id)
        if not a.story.startswith(CARRIED) and (a.story not in first or key < first[a.story]):
            first[a.story] = key
    return [(a.article, a.story[len(CARRIED):] if a.story.startswith(CARRIED) else first[a.story][2])
            for a in assigned]


def carry_out(articles: Sequence[Article], counts: sp.csr_matrix, labels: Sequence[tuple[str, str]],
              carried: CarriedStories | None, settings: ClusterSettings, until: float) -> CarriedStories:
    """The stories still open at ``until`` (their newest article within ``dormant_after`` of it),
    from the ``carried`` ones and this window's ``articles`` (their ``word_counts``) in their stories (``labels``, from
    ``cluster_seeded``: article id and story, matched by id): each centroid the carried one (if any) plus its articles' vectors weighed
    with the IDF that now includes this window, cut to ``centroid_terms``, as the online clusterer
    keeps them. A story is named ``CARRIED`` and its first article's id."""
    first_of = dict(labels)
    stories = [CARRIED + first_of[article.id] for article in articles]
    times = [article_time(a) for a in articles]
    vectorizer = weighing([(carried.df, carried.n_documents)] if carried is not None else [], settings)
    vectors = vectorizer.fit_weigh(counts) if articles else None
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


ALONE = "+"
"""What the label of an article the reassignment leaves on its own starts with, before its id (a
first article's id is already its old story's label)."""


@dataclass(frozen=True, slots=True)
class StorySums:
    """Stories as the reassignment pass sees them: each one's articles' vectors (weighed with the
    IDF of the whole stream) summed (``sums``, one row each), its size, and its dated span
    (``first`` and ``last`` article's time, NaN for a story of undated articles)."""

    ids: tuple[str, ...]
    sums: sp.csr_matrix
    sizes: np.ndarray
    first: np.ndarray
    last: np.ndarray

    def take(self, rows: Sequence[int] | np.ndarray) -> StorySums:
        """The stories at ``rows``."""
        at = np.asarray(rows, dtype=np.int64)
        return StorySums(tuple(self.ids[k] for k in at), self.sums[at], self.sizes[at], self.first[at], self.last[at])


def document_frequencies(counts: sp.csr_matrix) -> tuple[np.ndarray, int]:
    """How many of a window's articles (their ``word_counts``) hold each feature, and how many there
    are: summed over the windows, the IDF of the whole stream, which the local reassignment pass
    weighs with."""
    return np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.int64), counts.shape[0]


def frequencies_before(frequencies: dict[int, tuple[np.ndarray, int]]) -> dict[int, tuple[np.ndarray, int]]:
    """For every dated window from the first of ``frequencies`` (each window's
    ``document_frequencies``) to the one after the last, those of all the windows before it: the
    IDF the local clusterer starts that window with, which each round gives the window exactly
    (``starting``); and for the ``UNDATED`` window, when there is one, those of every dated window:
    the local clusterer takes the undated articles after all the dated ones."""
    dated = sorted(w for w in frequencies if w != UNDATED)
    before: dict[int, tuple[np.ndarray, int]] = {}
    if not dated:
        return before
    df, n = np.zeros_like(frequencies[dated[0]][0]), 0
    for window in range(dated[0], dated[-1] + 2):
        before[window] = (df, n)
        if window in frequencies:
            df, n = df + frequencies[window][0], n + frequencies[window][1]
    if UNDATED in frequencies:
        before[UNDATED] = (df, n)
    return before


def starting(carried: CarriedStories | None, before: tuple[np.ndarray, int] | None) -> CarriedStories | None:
    """What a window starts from: the stories ``carried`` into it (none in the first round), with
    the document frequencies of every article before it (``before``), not only those of the windows
    its carried state was rebuilt from, so that it weighs words as the local clusterer does there."""
    if before is None or before[1] == 0:
        return carried
    df, n = before
    if carried is None:
        return CarriedStories((), sp.csr_matrix((0, len(df)), dtype=np.float32), np.zeros(0), np.zeros(0), df, n)
    return replace(carried, df=df, n_documents=n)


def open_stories(before: StorySums, window: int, frequencies: tuple[np.ndarray, int], settings: ClusterSettings,
                 windows: WindowSettings) -> CarriedStories:
    """What ``window`` starts from in a warm round: the stories of the round before, each summed
    over the windows before this one (``before``, each window's part weighed with the IDF up to its
    end, as ``carry_out`` weighs it), those still open at the window's start (newest article within
    the dormancy), cut to ``centroid_terms``, with the document ``frequencies`` of every article
    before it.

    The ``UNDATED`` window starts, after the last round, from every story of the dated windows, as
    the local clusterer wakes them all for its undated articles (``StoryClusterer.wake_all``); but
    from the ``max_active`` newest only (by their newest article, then id), which bounds the task:
    the local clusterer holds every story of the stream there, so the two differ on a stream of
    more stories."""
    if window == UNDATED:
        alive = np.sort(np.argsort(-before.last, kind="stable")[: settings.max_active])
    else:
        start = window * windows.window.total_seconds()
        with np.errstate(invalid="ignore"):
            alive = np.flatnonzero(before.last >= start - settings.dormant_after.total_seconds())
    sums = _prune_rows(sp.csr_matrix(before.sums[alive], dtype=np.float32), np.arange(len(alive)),
                       settings.centroid_terms)
    return CarriedStories(tuple(CARRIED + before.ids[k] for k in alive), sums, before.sizes[alive], before.last[alive],
                          *frequencies)


def weighing(frequencies: Sequence[tuple[np.ndarray, int]], settings: ClusterSettings) -> StreamVectorizer:
    """A vectorizer that weighs with the IDF of the document ``frequencies`` added up (each a count
    per feature and a number of articles: a window's ``document_frequencies``, or those of all the
    articles before a window); with none, one that has seen nothing. It counts articles it is fitted
    on into a copy, never into ``frequencies``."""
    vectorizer = StreamVectorizer(settings.vectors)
    if frequencies:
        vectorizer.df_ = np.sum([df for df, _ in frequencies], axis=0)
        vectorizer.n_documents_ = sum(n for _, n in frequencies)
    return vectorizer


def story_sums(articles: Sequence[Article], counts: sp.csr_matrix, labels: Sequence[str],
               vectorizer: StreamVectorizer) -> StorySums:
    """The stories (``labels``, one per article) of ``articles`` (their ``word_counts``) summed over
    these articles only (one window's part of each: ``combine`` adds the parts)."""
    x = vectorizer.weigh(counts)
    ids, own = np.unique(np.array(labels, dtype=str), return_inverse=True)
    members = sp.csr_matrix((np.ones(len(own), dtype=np.float32), (own, np.arange(len(own)))), shape=(len(ids), len(own)))
    times = np.array([np.nan if (when := article_time(a)) is None else when for a in articles])
    first, last = np.full(len(ids), np.nan), np.full(len(ids), np.nan)
    np.fmin.at(first, own, times)
    np.fmax.at(last, own, times)
    return StorySums(tuple(str(i) for i in ids), (members @ x).tocsr(), np.bincount(own, minlength=len(ids)).astype(float),
                     first, last)


def combine(parts: Sequence[StorySums]) -> StorySums:
    """The parts of the same stories added up, one after another in the order given (float32 sums
    depend on the order: the windows' parts are given in window order)."""
    ids, own = np.unique(np.array([i for part in parts for i in part.ids], dtype=str), return_inverse=True)
    members = sp.csr_matrix((np.ones(len(own), dtype=np.float32), (own, np.arange(len(own)))), shape=(len(ids), len(own)))
    sizes, first, last = np.zeros(len(ids)), np.full(len(ids), np.nan), np.full(len(ids), np.nan)
    np.add.at(sizes, own, np.concatenate([part.sizes for part in parts]))
    np.fmin.at(first, own, np.concatenate([part.first for part in parts]))
    np.fmax.at(last, own, np.concatenate([part.last for part in parts]))
    sums = members @ sp.vstack([part.sums for part in parts], format="csr")
    return StorySums(tuple(str(i) for i in ids), sums.tocsr(), sizes, first, last)


def added(total: StorySums | None, part: StorySums) -> StorySums:
    """A running total of stories over the windows (``total``, None before the first) with the
    next window's ``part`` added: one addition per story and window, in window order, so that the
    Spark engine, which adds up each story's parts on its own, gets the same float32 sums as the
    replay, which adds up every story at once, and neither sums again the windows already added."""
    return part if total is None else combine([total, part])


def reach(first: float, last: float, settings: ClusterSettings, windows: WindowSettings) -> list[int]:
    """The dated windows holding an article a story spanning ``first`` to ``last`` could take in
    the reassignment: those within the dormancy of its span (beyond, the score is -1); none by time
    for a story of undated articles only (NaN), which ``across_dates`` sends on."""
    if math.isnan(first):
        return []
    dormant = settings.dormant_after.total_seconds()
    return list(range(window_of(first - dormant, windows), window_of(last + dormant, windows) + 1))


def across_dates(stories: StorySums, undated: Collection[str], settings: ClusterSettings) -> tuple[np.ndarray, np.ndarray]:
    """The stories (rows of ``stories``) that the reassignment sends across the line between dated
    and undated articles, which have no time gap to each other (``best_stories``): to the
    ``UNDATED`` window, the stories of its own articles (``undated``) and the ``max_active`` newest
    others (by their newest article, then id); to every dated window, the stories of undated
    articles only, at most ``max_active``, the largest (then by id). The local pass weighs every
    article against every story; these caps bound each task at its own stories and
    ``max_active`` more, and the two engines differ only on a stream of more stories."""
    cap = settings.max_active
    dated = np.flatnonzero(~np.isnan(stories.first))
    newest = dated[np.argsort(-stories.last[dated], kind="stable")[:cap]]
    own = np.flatnonzero(np.isin(np.array(stories.ids, dtype=str), np.array(sorted(undated), dtype=str)))
    timeless = np.flatnonzero(np.isnan(stories.first))
    largest = timeless[np.argsort(-stories.sizes[timeless], kind="stable")[:cap]]
    return np.union1d(own, newest), np.sort(largest)


def reassign_window(articles: Sequence[Article], counts: sp.csr_matrix, labels: Sequence[str], stories: StorySums,
                    vectorizer: StreamVectorizer, settings: ClusterSettings) -> list[tuple[str, str]]:
    """The local reassignment pass (``cluster.best_stories`` and ``destinations``) for one window's ``articles`` (their
    ``word_counts``), each in its story ``labels`` from the windows' single pass, against ``stories``: every story within
    reach of the window (``reach``), summed over the whole stream, weighed by ``vectorizer`` with the
    stream's IDF. Each article comes back with the label of the story it moves to (its own when it
    stays, ``ALONE`` and its id when it leaves its story for none)."""
    if not articles:
        return []
    x = vectorizer.weigh(counts)
    row = {story: k for k, story in enumerate(stories.ids)}
    own = np.array([row[label] for label in labels], dtype=np.int64)
    times = np.array([np.nan if (when := article_time(a)) is None else when for a in articles])
    best = best_stories(x, times, own, stories.sums, stories.sizes, stories.first, stories.last, settings)
    return [(article.id, stories.ids[story] if story >= 0 else ALONE + article.id)
            for article, story in zip(articles, destinations(best, own, stories.sizes))]


def stories_in_windows(articles: Sequence[Article], settings: ClusterSettings,
                       windows: WindowSettings) -> dict[str, str]:
    """Each of ``articles`` (originals) with its story's first article (by time, then id), clustered
    as the Spark engine clusters them (the rounds of windows, each started from the state the
    previous window ended the previous round with, and the warm rounds; the undated window after
    them, from the dated stories; then the reassignment window by window against
    the stories summed over the stream) but one window after another in this process: the
    reference of ``spark_stories.assign_stories``, and a way to measure window settings on a stream
    without Spark."""
    if not articles:
        return {}
    homes: dict[int, list[Article]] = {}
    for article in articles:
        homes.setdefault(window_of(article_time(article), windows), []).append(article)
    counts = {window: word_counts(group, settings) for window, group in homes.items()}
    frequencies = {window: document_frequencies(counts[window]) for window in homes}
    none = word_counts([], settings)  # those of a window with no article, between two with some
    before = frequencies_before(frequencies)
    dated = sorted(w for w in set(before) | set(homes) if w != UNDATED)
    states: dict[int, CarriedStories] = {}
    links: dict[str, str] = {}
    for _ in range(windows.rounds):
        out: dict[int, CarriedStories] = {}
        for window in dated:
            carried = starting(states.get(window - 1), before.get(window))
            group = homes.get(window, [])
            labels = cluster_seeded(group, counts.get(window, none), settings, carried)
            links.update(labels)
            out[window] = carry_out(group, counts.get(window, none), labels, carried, settings,
                                    window_end(window, windows))
        states = out
    when = {a.id: (article_time(a) is None, article_time(a) or 0.0, a.id) for a in articles}
    label = _components(links, when)
    for _ in range(windows.warm_rounds):
        parts = _dated_parts(homes, counts, label, before, settings)
        total: StorySums | None = None  # the parts of the windows so far
        for window in dated:
            carried = (open_stories(total, window, before[window], settings, windows) if total is not None
                       else starting(None, before.get(window)))
            links.update(cluster_seeded(homes.get(window, []), counts.get(window, none), settings, carried))
            if window in parts:
                total = added(total, parts[window])
        label = _components(links, when)
    if UNDATED in homes:
        parts = _dated_parts(homes, counts, label, before, settings)
        held = (open_stories(combine([parts[v] for v in sorted(parts)]), UNDATED, before[UNDATED], settings, windows)
                if parts else None)
        links.update(cluster_seeded(homes[UNDATED], counts[UNDATED], settings, held))
        label = _components(links, when)
    vectorizer = weighing(list(frequencies.values()), settings)
    stories = combine([story_sums(homes[v], counts[v], [label[a.id] for a in homes[v]], vectorizer)
                       for v in sorted(homes)])
    within: dict[int, list[int]] = {}
    for k in range(len(stories.ids)):
        for window in reach(stories.first[k], stories.last[k], settings, windows):
            within.setdefault(window, []).append(k)
    if UNDATED in homes:
        to_undated, to_dated = across_dates(stories, {label[a.id] for a in homes[UNDATED]}, settings)
        within[UNDATED] = list(to_undated)
        for window in dated:
            within[window] = sorted({*within.get(window, []), *to_dated})
    moved: dict[str, str] = {}
    for window, group in homes.items():
        moved.update(reassign_window(group, counts[window], [label[a.id] for a in group], stories.take(within[window]),
                                     vectorizer, settings))
    firsts: dict[str, tuple[bool, float, str]] = {}
    for member, story in moved.items():
        firsts[story] = min(firsts.get(story, when[member]), when[member])
    return {member: firsts[story][2] for member, story in moved.items()}


def _dated_parts(homes: dict[int, list[Article]], counts: dict[int, sp.csr_matrix], label: dict[str, str],
                 before: dict[int, tuple[np.ndarray, int]], settings: ClusterSettings) -> dict[int, StorySums]:
    """Each dated window's part of its stories (``label``: article -> story), weighed with the IDF
    up to the window's end: what a window's carried stories are summed from."""
    return {v: story_sums(group, counts[v], [label[a.id] for a in group], weighing([before[v + 1]], settings))
            for v, group in homes.items() if v != UNDATED}


def _components(links: dict[str, str], when: dict[str, tuple[bool, float, str]]) -> dict[str, str]:
    """Each article of ``links`` (article -> first article of its story in a window) with the first
    article of its connected component."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])
            node = parent[node]
        return node

    for linked, first in links.items():
        one, other = sorted((root(linked), root(first)), key=lambda node: when[node])
        if one != other:
            parent[other] = one
    return {article: root(article) for article in when}


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
