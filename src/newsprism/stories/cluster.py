"""Stories from a stream of articles: online, time-aware, single-pass clustering.

Articles arrive in time order; each joins the most similar active story (cosine between its
TF-IDF vector and the story's centroid, Miranda et al. 2018) when the similarity reaches a
threshold, else it starts a new story. A story whose newest article is older than the dormancy
window goes dormant: its centroid is dropped, so memory depends on the active stories only, never
on how long the stream has run. An article without a date takes the date in its URL, if any;
without either it is placed by content alone, at the current stream time. Near-duplicates, marked
by the dedup stage before (``dedup``: the clusterer never looks for copies itself), join their
original's story without touching the centroid, so a wire copy carried by 40 outlets counts as
coverage, not as 40 votes.

The work is done a chunk at a time with sparse matrix products, yet gives the result of
one-article-at-a-time processing (with the IDF and the centroid pruning updated once per chunk):
the similarity of an article to a centroid that earlier articles of the same chunk joined is the
precomputed similarity to the old centroid plus its similarities to those articles. ``cluster_articles`` is the batch mode: it sorts by date and id
first, so a shuffled file gives the same stories as the same file in order.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import islice
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.clock import Clock, as_utc, latest_believable, system_clock
from newsprism.stories.vectors import StreamVectorizer, VectorSettings
from newsprism.text.words import MONTHS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Online clustering settings.

    The defaults were chosen on the threshold and settings curves of the pooled gold clusterings
    (DUC 2004, AllSides, Multi-News), the best sum of their B-cubed F1 over the grid measured there;
    no held-out set was left for them. The runs behind each default are in docs/evaluation.md,
    "Stories: clustering quality".
    ``threshold``: similarity to a story needed to join it.
    ``size_weight``: 0 compares an article with a story's centroid (cosine); 1 with the mean of
    its similarities to the story's articles (average link); between, a blend. The cosine to a
    centroid grows with the story's size for every article near its topic, so large stories
    swallow neighbours; 0.75 corrects most of that.
    ``time_penalty``: similarity taken off per dormancy window of time since a story's newest
    article.
    ``dormant_after``: a story with no new article for this long stops taking articles. DUC 2004
    topics have gaps of up to 76 days between articles (TDT topics run for months).
    ``max_active``: a hard cap on active stories (the least recently updated go dormant first), so
    memory stays bounded even on an undated stream, where time never moves.
    ``centroid_terms``: a story's centroid keeps its largest terms only, so that a story that runs
    for months does not grow without bound.
    ``future_tolerance``: dates up to this far past the present (by the clusterer's clock,
    ``newsprism.stories.clock``) are believed (time zones, clock skew); later ones are ignored.
    ``chunk``: articles vectorised and compared per sparse product; the result does not depend on
    it except through the IDF and the centroid pruning, which are updated once per chunk.
    ``reassign_passes``: batch mode only. After the single pass, each article is moved to the story
    it is now most similar to (the story without itself, scored as in the pass, with the IDF of the
    whole set), all at once, like a k-means step; this mends the choices made before an article's
    real story existed or before the IDF knew the set (one pass raised all three pooled gold sets;
    more changed little).
    """

    threshold: float = 0.15
    size_weight: float = 0.75
    time_penalty: float = 0.1
    dormant_after: timedelta = timedelta(days=60)
    max_active: int = 20_000
    centroid_terms: int = 1_000
    future_tolerance: timedelta = timedelta(days=1)
    chunk: int = 256
    reassign_passes: int = 1
    story_prefix: str = "s"
    vectors: VectorSettings = field(default_factory=VectorSettings)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise NewsprismError(f"threshold must be in (0.0, 1.0], got {self.threshold}")
        if self.dormant_after <= timedelta(0):
            raise NewsprismError(f"dormant_after must be positive, got {self.dormant_after}")
        if not 0.0 <= self.size_weight <= 1.0:
            raise NewsprismError(f"size_weight must be in [0.0, 1.0], got {self.size_weight}")
        if self.max_active < 1 or self.chunk < 1:
            raise NewsprismError(f"max_active and chunk must be >= 1, got {self.max_active}, {self.chunk}")
        if self.reassign_passes < 0:
            raise NewsprismError(f"reassign_passes must be >= 0, got {self.reassign_passes}")


@dataclass(frozen=True, slots=True)
class CarriedStories:
    """Stories carried into a batch from the stream before it, so that clustering a stretch of time
    on its own can start where the online clusterer would be rather than cold: the stories it would
    still have open (``ids``; ``centroids``, their summed vectors, one row each; ``sizes``; ``last``,
    their newest article's time in seconds) and the IDF it had learnt (``df``, the document
    frequency of each feature, over ``n_documents``). Articles that join a carried story take its id.
    ``engines/windows.py`` builds them from the end of the previous window.
    """

    ids: tuple[str, ...]
    centroids: sp.csr_matrix
    sizes: np.ndarray
    last: np.ndarray
    df: np.ndarray
    n_documents: int

    def __post_init__(self) -> None:
        rows = len(self.ids)
        if self.centroids.shape[0] != rows or len(self.sizes) != rows or len(self.last) != rows:
            raise NewsprismError(f"carried stories need one centroid, size and time per id ({rows} ids), got "
                                 f"{self.centroids.shape[0]}, {len(self.sizes)} and {len(self.last)}")
        if self.centroids.shape[1] != len(self.df):
            raise NewsprismError(f"carried centroids have {self.centroids.shape[1]} features and the IDF "
                                 f"{len(self.df)}: they come from different vector settings")


class Assignment(NamedTuple):
    """Where one article went: its story, the original it copies (None when it is one), and a note
    when something about the article was not used (a date in the future)."""

    article: str
    story: str
    duplicate_of: str | None
    note: str | None = None


def timestamp(published: datetime | None) -> float | None:
    """Seconds since the epoch; a date without a zone is taken as UTC."""
    if published is None:
        return None
    return as_utc(published).timestamp()


_URL_DATE = re.compile(
    r"[/_-]((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2]|"
    + "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS)
    + r")[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.IGNORECASE,
)


def article_time(article: Article) -> float | None:
    """When an article was published (seconds since the epoch): its date, else a date in its URL
    (``/2021/10/18/``, ``-2021-10-18/``, ``/2021/may/26/``: news sites put the publication day
    there), else None."""
    if article.published is not None:
        return timestamp(article.published)
    if article.url:
        match = _URL_DATE.search(article.url)
        if match:
            year, month, day = match.groups()
            number = int(month) if month.isdigit() else [m[:3] for m in MONTHS].index(month[:3].lower()) + 1
            try:
                return datetime(int(year), number, int(day), tzinfo=timezone.utc).timestamp()
            except ValueError:
                return None
    return None


def believed_times(articles: Sequence[Article], settings: ClusterSettings,
                   now: Clock = system_clock) -> tuple[list[float | None], list[str | None]]:
    """Each article's time (``article_time``), None when it has none, and a note for each date that
    is not believed.

    A date after now by ``now`` (plus ``future_tolerance``) is a wrong date, not news from the
    future: it would move the stream clock ahead and put every story to sleep, so it is ignored and
    the article placed by content alone.
    """
    latest = latest_believable(now, settings.future_tolerance).timestamp()
    times: list[float | None] = []
    notes: list[str | None] = []
    for article in articles:
        t = article_time(article)
        note = None
        if t is not None and t > latest:
            when = article.published.isoformat() if article.published else article.url
            note = f"date {when} is in the future; clustered by content alone"
            log.info("article %s: %s", article.id, note)
            t = None
        times.append(t)
        notes.append(note)
    return times, notes


class StoryClusterer:
    """The online clusterer: ``add(articles)`` in arrival order returns their assignments.

    Clustering only: which articles are copies of which is the dedup stage's answer
    (``dedup.CopyMarker``, ``dedup.mark_copies``), given to ``add`` with the articles.

    State that lives as long as the stream: the vectorizer's IDF, the active stories' centroids
    (bounded by ``dormant_after`` and ``max_active``), the story of each original that copies may
    still be marked with (until ``forget_originals``) and a story counter.

    ``vectorizer`` replaces the hashed TF-IDF of ``settings.vectors`` (DESIGN convention 4), so that
    another representation, such as TF-IDF blended with sentence embeddings, can be measured in the
    same clusterer (``benchmarks/pair_model.py``). It needs StreamVectorizer's ``n_features``,
    ``counts``, ``fit_weigh`` and ``weigh``, and its rows must be L2-normalised; a clusterer built on one cannot
    save its state, since ``load_state`` rebuilds the default vectorizer.

    ``now`` says what time it is (``newsprism.stories.clock``): a date after it, plus
    ``settings.future_tolerance``, is ignored as wrong. It is not part of the saved state.
    """

    def __init__(self, settings: ClusterSettings | None = None, *, keep_dormant: bool = False,
                 keep_counts: bool = False, vectorizer: StreamVectorizer | None = None,
                 now: Clock = system_clock) -> None:
        self.settings = settings or ClusterSettings()
        self.now = now
        self.keep_dormant = keep_dormant
        # batch mode's reassignment weighs every original article again with the final IDF
        self.kept_counts: list[sp.csr_matrix] | None = [] if keep_counts else None
        self._dormant: list[tuple[sp.csr_matrix, np.ndarray, np.ndarray, list[str]]] = []
        self._timeless = False
        self._own_vectorizer = vectorizer is not None
        self.vectorizer = vectorizer or StreamVectorizer(self.settings.vectors)
        self.clock = -np.inf
        self.stories_started = 0
        self.stories_dormant = 0
        self._story_of_original: dict[str, str] = {}
        self._centroids = sp.csr_matrix((0, self.vectorizer.n_features), dtype=np.float32)
        self._norm2 = np.zeros(0)
        self._last = np.zeros(0)
        self._sizes = np.zeros(0)
        self._ids: list[str] = []

    @property
    def active_stories(self) -> int:
        return len(self._ids)

    def add(self, articles: Iterable[Article], duplicate_of: Mapping[str, str]) -> list[Assignment]:
        """Assign each article (in the order given, taken as arrival order) to a story.

        ``duplicate_of``: the dedup stage's marks (copy id -> original id; ``dedup.CopyMarker``), an
        empty mapping when there are no copies. An original must arrive before its copies, in this
        call or an earlier one.
        """
        result: list[Assignment] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == self.settings.chunk:
                result.extend(self._add_chunk(batch, duplicate_of))
                batch = []
        if batch:
            result.extend(self._add_chunk(batch, duplicate_of))
        return result

    def _times(self, articles: Sequence[Article]) -> tuple[np.ndarray, list[str | None]]:
        """Each article's time (NaN when it has none), and a note for each date that was ignored
        (``believed_times``, by the clusterer's clock); the stream clock moves to the latest time."""
        believed, notes = believed_times(articles, self.settings, self.now)
        times = np.array([np.nan if t is None else t for t in believed], dtype=float)
        if np.any(~np.isnan(times)):
            self.clock = max(self.clock, float(np.nanmax(times)))
        return times, notes

    def _add_chunk(self, articles: Sequence[Article], duplicate_of: Mapping[str, str]) -> list[Assignment]:
        for article in articles:
            if not article.text.strip():
                raise NewsprismError(f"article {article.id!r} has no text; leave it out before clustering")
        times, notes = self._times(articles)
        originals = [duplicate_of.get(a.id) for a in articles]
        position = {a.id: i for i, a in enumerate(articles)}
        for i, (a, original) in enumerate(zip(articles, originals)):
            if original is None or original in self._story_of_original:
                continue
            j = position.get(original, i)
            if j >= i or originals[j] is not None:
                raise NewsprismError(f"article {a.id!r} is marked a copy of {original!r}, which did not arrive "
                                     "before it as an original")
        fresh = [i for i, original in enumerate(originals) if original is None]
        stories = self._cluster_fresh([articles[i] for i in fresh], times[fresh])
        for i, story in zip(fresh, stories):
            self._story_of_original[articles[i].id] = story
        assignments = [
            Assignment(a.id, self._story_of_original[originals[i] or a.id], originals[i], notes[i])
            for i, a in enumerate(articles)
        ]
        self._forget_dormant()
        return assignments

    def _cluster_fresh(self, articles: Sequence[Article], times: np.ndarray) -> list[str]:
        if not articles:
            return []
        s = self.settings
        counts = self.vectorizer.counts(articles)
        if self.kept_counts is not None:
            self.kept_counts.append(counts)
        q = self.vectorizer.fit_weigh(counts)
        n_old, n_new = len(self._ids), 0
        size = n_old + len(articles)
        dots = np.zeros((len(articles), size))  # dots[i, k]: article i . centroid k, kept current
        dots[:, :n_old] = (self._centroids @ q.T).T.toarray()  # transposes the chunk, not the centroids
        among = (q @ q.T).toarray()
        norm2 = np.concatenate([self._norm2, np.zeros(len(articles))])
        sizes = np.concatenate([self._sizes, np.zeros(len(articles))])
        last = np.concatenate([self._last, np.full(len(articles), -np.inf)])
        target = np.empty(len(articles), dtype=np.int64)
        for i in range(len(articles)):
            live = n_old + n_new
            with np.errstate(invalid="ignore"):  # an undated article (NaN) has no gap to any story
                gap = times[i] - last[:live]
            cosine = _story_score(dots[i, :live] / _story_scale(norm2[:live], sizes[:live], s.size_weight), gap, s)
            best = int(np.argmax(cosine)) if live else -1
            if best < 0 or cosine[best] < s.threshold:
                best = live
                n_new += 1
                # a story started by an undated article is as recent as the stream
                last[best] = self.clock if np.isnan(times[i]) else times[i]
            norm2[best] += 2.0 * dots[i, best] + among[i, i]
            sizes[best] += 1
            last[best] = np.fmax(last[best], times[i])  # fmax: an undated article leaves it
            dots[:, best] += among[:, i]
            target[i] = best
        self._merge(q, target, n_old + n_new, norm2, last, sizes)
        for _ in range(n_new):
            self.stories_started += 1
            self._ids.append(f"{s.story_prefix}{self.stories_started}")
        return [self._ids[k] for k in target]

    def _merge(self, q: sp.csr_matrix, target: np.ndarray, size: int, norm2: np.ndarray, last: np.ndarray,
               sizes: np.ndarray) -> None:
        """Add each article's vector to its story's centroid (new stories get new rows)."""
        n = len(target)
        joins = sp.csr_matrix((np.ones(n, dtype=np.float32), (target, np.arange(n))), shape=(size, n))
        grown = sp.vstack(
            [self._centroids, sp.csr_matrix((size - self._centroids.shape[0], q.shape[1]), dtype=np.float32)],
            format="csr",
        )
        touched = np.unique(target)
        self._centroids = _prune_rows((grown + joins @ q).tocsr(), touched, self.settings.centroid_terms)
        self._norm2 = norm2[:size].copy()  # kept exact in the loop: |c + q|^2 = |c|^2 + 2 c.q + |q|^2
        self._norm2[touched] = _row_norms2(self._centroids, touched)  # unless pruning cut the row
        self._last = last[:size].copy()
        self._sizes = sizes[:size].copy()

    def carry(self, carried: CarriedStories) -> None:
        """Start from ``carried`` (stories and IDF from before the articles this clusterer will be
        given) instead of from nothing; only a clusterer that has seen no article yet can."""
        if self._ids or hasattr(self.vectorizer, "df_"):
            raise NewsprismError("stories can only be carried into a clusterer that has seen no article yet")
        if carried.centroids.shape[1] != self.vectorizer.n_features:
            raise NewsprismError(f"carried centroids have {carried.centroids.shape[1]} features, this clusterer's "
                                 f"vectors {self.vectorizer.n_features}: use the same vector settings")
        self.vectorizer.df_ = carried.df.astype(np.int64).copy()
        self.vectorizer.n_documents_ = int(carried.n_documents)
        self._centroids = carried.centroids.astype(np.float32).tocsr()
        self._norm2 = np.asarray(self._centroids.multiply(self._centroids).sum(axis=1)).ravel()
        self._sizes = np.asarray(carried.sizes, dtype=float).copy()
        self._last = np.asarray(carried.last, dtype=float).copy()
        self._ids = list(carried.ids)
        if len(self._last):
            self.clock = float(np.max(self._last))

    def wake_all(self) -> None:
        """Make every story active again and stop putting stories to sleep: what batch mode does
        before the undated articles, which have no time that could place them near a story.
        Only a clusterer made with ``keep_dormant=True`` still has the sleeping stories."""
        if not self.keep_dormant:
            raise NewsprismError("only a StoryClusterer(keep_dormant=True) can wake its dormant stories")
        for centroids, last, sizes, ids in self._dormant:
            self._centroids = sp.vstack([self._centroids, centroids], format="csr")
            self._last = np.concatenate([self._last, last])
            self._sizes = np.concatenate([self._sizes, sizes])
            self._ids.extend(ids)
        self._norm2 = np.asarray(self._centroids.multiply(self._centroids).sum(axis=1)).ravel()
        self.stories_dormant = 0
        self._dormant = []
        self._timeless = True

    def _forget_dormant(self) -> None:
        if self._timeless:
            return
        horizon = self.clock - self.settings.dormant_after.total_seconds()
        keep = self._last >= horizon
        if keep.sum() > self.settings.max_active:
            newest = np.argsort(-self._last, kind="stable")[: self.settings.max_active]
            keep = np.zeros_like(keep)
            keep[newest] = True
        if keep.all():
            return
        self.stories_dormant += int((~keep).sum())
        if self.keep_dormant:
            asleep = ~keep
            self._dormant.append(
                (self._centroids[asleep], self._last[asleep], self._sizes[asleep],
                 [s for s, a in zip(self._ids, asleep) if a])
            )
        self._centroids = self._centroids[keep]
        self._norm2 = self._norm2[keep]
        self._last = self._last[keep]
        self._sizes = self._sizes[keep]
        self._ids = [story for story, kept in zip(self._ids, keep) if kept]

    def forget_originals(self, findable: Container[str]) -> None:
        """Forget the story of every original not in ``findable``: the originals the dedup stage can
        still mark copies of (a ``dedup.CopyMarker``, which forgets them after its window). A stream
        that runs for months calls this after each ``add``, so that memory stays bounded."""
        self._story_of_original = {a: story for a, story in self._story_of_original.items() if a in findable}

    def save_state(self) -> bytes:
        """Everything the stream needs to go on later, as an ``.npz`` (no pickle: a store file may
        come from someone else, and loading it must not run code)."""
        if self._own_vectorizer:
            raise NewsprismError("a StoryClusterer made with its own vectorizer cannot save its state")
        df = getattr(self.vectorizer, "df_", np.zeros(0, dtype=np.int64))
        seen = np.flatnonzero(df)
        originals = sorted(self._story_of_original.items())
        arrays = {
            "settings": np.array(repr(self.settings)),
            "df_index": seen,
            "df_count": df[seen],
            "counters": np.array(
                [getattr(self.vectorizer, "n_documents_", 0), self.stories_started, self.stories_dormant]
            ),
            "clock": np.array(self.clock),
            "centroid_data": self._centroids.data,
            "centroid_indices": self._centroids.indices,
            "centroid_indptr": self._centroids.indptr,
            "last": self._last,
            "sizes": self._sizes,
            "ids": np.array(self._ids, dtype=str),
            "original_ids": np.array([a for a, _ in originals], dtype=str),
            "original_stories": np.array([story for _, story in originals], dtype=str),
        }
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def load_state(cls, blob: bytes, settings: ClusterSettings | None = None, *,
                   now: Clock = system_clock) -> StoryClusterer:
        """A clusterer that goes on where the one that saved ``blob`` stopped (``now``: its clock)."""
        clusterer = cls(settings, now=now)
        try:
            return clusterer._restore(blob)
        except NewsprismError:
            raise
        except Exception as error:  # noqa: BLE001 - a damaged blob fails in numpy, zipfile or scipy in many ways
            raise NewsprismError(f"saved clustering state is unreadable ({type(error).__name__}: {error})") from None

    def _restore(self, blob: bytes) -> StoryClusterer:
        """This clusterer with the state of ``blob`` (which may fail in any way when it is damaged)."""
        clusterer = self
        arrays = dict(np.load(io.BytesIO(blob), allow_pickle=False))
        if str(arrays["settings"]) != repr(clusterer.settings):
            raise NewsprismError(
                "saved clustering state was made with other settings; use the same settings or a new store"
            )
        n_documents, clusterer.stories_started, clusterer.stories_dormant = (int(v) for v in arrays["counters"])
        if n_documents:
            vectorizer = clusterer.vectorizer
            vectorizer.df_ = np.zeros(vectorizer.n_features, dtype=np.int64)
            vectorizer.df_[arrays["df_index"]] = arrays["df_count"]
            vectorizer.n_documents_ = n_documents
        clusterer.clock = float(arrays["clock"])
        ids = [str(i) for i in arrays["ids"]]
        clusterer._centroids = sp.csr_matrix(
            (arrays["centroid_data"], arrays["centroid_indices"], arrays["centroid_indptr"]),
            shape=(len(ids), clusterer.vectorizer.n_features),
        )
        clusterer._norm2 = np.asarray(clusterer._centroids.multiply(clusterer._centroids).sum(axis=1)).ravel()
        clusterer._last = arrays["last"]
        clusterer._sizes = arrays["sizes"]
        clusterer._ids = ids
        clusterer._story_of_original = dict(
            zip((str(a) for a in arrays["original_ids"]), (str(s) for s in arrays["original_stories"]))
        )
        return clusterer


def _prune_rows(matrix: sp.csr_matrix, rows: np.ndarray, keep: int) -> sp.csr_matrix:
    """``matrix`` with each of ``rows`` cut to its ``keep`` entries of largest magnitude: by
    absolute value, because a centroid can carry negative weights (an injected vectorizer with
    dense embedding columns) that matter to the dot product as much as positive ones."""
    counts = np.diff(matrix.indptr)
    long_rows = rows[counts[rows] > keep]
    if len(long_rows) == 0:
        return matrix
    mask = np.ones(len(matrix.data), dtype=bool)
    for row in long_rows:
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        smallest = np.argpartition(np.abs(matrix.data[start:end]), end - start - keep)[: end - start - keep]
        mask[start + smallest] = False
    row_of = np.repeat(np.arange(matrix.shape[0]), counts)[mask]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of, minlength=matrix.shape[0]))])
    return sp.csr_matrix((matrix.data[mask], matrix.indices[mask], indptr), shape=matrix.shape)


def _story_scale(norm2: np.ndarray, sizes: np.ndarray, size_weight: float) -> np.ndarray:
    """What an article's dot product with a story's summed vector is divided by to give its
    similarity: the vector's length for a cosine to the centroid (``size_weight`` 0), the story's
    size for the mean similarity to its articles (1), a blend between (``ClusterSettings``). A story
    without words (squared length about 0) gets an infinite scale: it matches nothing."""
    return np.sqrt(np.where(norm2 > 1e-9, norm2, np.inf)) ** (1 - size_weight) * np.maximum(sizes, 1.0) ** size_weight


def _story_score(similarity: np.ndarray, gap: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """The score of an article for a story, in the single pass and in the reassignment alike: its
    ``similarity`` less ``time_penalty`` per dormancy window of ``gap`` (seconds from the story to
    the article; NaN, an undated side, is no gap), and -1 (never joins) beyond one window."""
    with np.errstate(invalid="ignore"):
        windows = np.nan_to_num(np.clip(gap / settings.dormant_after.total_seconds(), 0.0, None), nan=0.0)
    score = similarity - settings.time_penalty * np.minimum(windows, 1.0)
    score[windows > 1.0] = -1.0
    return score


def _row_norms2(matrix: sp.csr_matrix, rows: np.ndarray) -> np.ndarray:
    return np.array([float(np.dot(d, d)) for d in (matrix.data[matrix.indptr[r]:matrix.indptr[r + 1]] for r in rows)])


def arrival_order(articles: Sequence[Article]) -> list[int]:
    """Positions of ``articles`` sorted by time then id; articles without a time come last, by id.

    This order depends only on the articles, not on how they were listed, which is what makes
    batch clustering of a shuffled file give the same stories.
    """
    times = [article_time(a) for a in articles]

    def key(i: int) -> tuple[bool, float, str]:
        return (times[i] is None, times[i] or 0.0, articles[i].id)

    return sorted(range(len(articles)), key=key)


def cluster_articles(articles: Sequence[Article], settings: ClusterSettings | None = None, *,
                     duplicate_of: Mapping[str, str],
                     vectorizer: StreamVectorizer | None = None,
                     track: Callable[[Sequence[Article]], Iterable[Article]] = iter,
                     now: Clock = system_clock, carried: CarriedStories | None = None) -> list[Assignment]:
    """Batch mode: cluster ``articles``, their copies marked by the dedup stage before
    (``duplicate_of``: copy id -> original id, from ``engines.local.dedup_articles``; empty when
    there are none); assignments come back in input order.

    The dated articles go first, online in time order; then the undated ones, compared with every
    story, since nothing says when they happened (a stream that is all undated is clustered by
    content alone from the start). ``vectorizer``: as in ``StoryClusterer``. ``track`` wraps the
    articles in the order they are clustered (the command line draws a progress bar with it).
    ``now``: the clock that decides which dates are in the future (``newsprism.stories.clock``).
    ``carried``: stories and IDF to start from (``StoryClusterer.carry``), when ``articles`` are one
    stretch of a longer stream; an article that joins a carried story takes its id.
    """
    counts = Counter(a.id for a in articles)
    if len(counts) != len(articles):
        repeated = sorted(i for i, n in counts.items() if n > 1)[:5]
        raise NewsprismError(f"article ids must be unique; repeated: {', '.join(repeated)}")
    order = arrival_order(articles)
    dated = sum(article_time(a) is not None for a in articles)
    settings = settings or ClusterSettings()
    clusterer = StoryClusterer(settings, keep_dormant=True, keep_counts=settings.reassign_passes > 0,
                               vectorizer=vectorizer, now=now)
    if carried is not None:
        clusterer.carry(carried)
    arriving = iter(track([articles[i] for i in order]))
    assigned = clusterer.add(islice(arriving, dated), duplicate_of)
    clusterer.wake_all()
    assigned += clusterer.add(arriving, duplicate_of)
    for _ in range(clusterer.settings.reassign_passes):
        assigned = _reassign([articles[i] for i in order], assigned, clusterer, carried)
    result: list[Assignment | None] = [None] * len(articles)
    for position, assignment in zip(order, assigned):
        result[position] = assignment
    return result  # type: ignore[return-value]


def _reassign(articles: Sequence[Article], assigned: list[Assignment], clusterer: StoryClusterer,
              carried: CarriedStories | None = None) -> list[Assignment]:
    """One k-means-like step over a finished batch: every original article moves, all at once, to
    the story most similar to it without it (scored as in the pass: centroid and size blend, time
    penalty from the gap to the story's dated span, nothing beyond the dormancy window), or to a
    story of its own when none reaches the threshold; duplicates follow their original. A story
    ``carried`` into the batch counts with its carried centroid and size, its span ending at its
    newest carried article (the choice itself: ``best_stories``)."""
    s = clusterer.settings
    originals = [i for i, a in enumerate(assigned) if a.duplicate_of is None]
    if not originals:
        return assigned
    x = clusterer.vectorizer.weigh(sp.vstack(clusterer.kept_counts, format="csr"))  # with the whole batch's IDF
    before = carried.ids if carried is not None else ()
    ids, own = np.unique([assigned[i].story for i in originals] + list(before), return_inverse=True)
    own, held = own[: len(originals)], own[len(originals):]
    members = sp.csr_matrix((np.ones(len(originals), dtype=np.float32), (own, np.arange(len(originals)))),
                            shape=(len(ids), len(originals)))
    sums = (members @ x).tocsr()
    sizes = np.asarray(members.sum(axis=1)).ravel()
    times = np.array([np.nan if (when := article_time(articles[i])) is None else when for i in originals])
    first = np.full(len(ids), np.nan)
    last = np.full(len(ids), np.nan)
    if carried is not None and len(held):
        sums = (sums + sp.csr_matrix((np.ones(len(held), dtype=np.float32), (held, np.arange(len(held)))),
                                     shape=(len(ids), len(held))) @ carried.centroids).tocsr()
        np.add.at(sizes, held, carried.sizes)
        np.fmin.at(first, held, carried.last)
        np.fmax.at(last, held, carried.last)
    np.fmin.at(first, own, times)
    np.fmax.at(last, own, times)
    moved: dict[str, str] = {}
    for r, story in enumerate(destinations(best_stories(x, times, own, sums, sizes, first, last, s), own, sizes)):
        article = assigned[originals[r]].article
        if story >= 0:
            moved[article] = str(ids[story])
        else:
            clusterer.stories_started += 1
            moved[article] = f"{s.story_prefix}{clusterer.stories_started}"
    return [a._replace(story=moved[a.duplicate_of or a.article]) for a in assigned]


def destinations(best: np.ndarray, own: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Where the reassignment sends each article, from ``best_stories``' choice ``best`` for it (a
    member of story ``own``; stories of ``sizes``): the story chosen; when none is, its own story if
    it is alone in it already (it keeps it), else -1, a new story of its own. Shared by
    ``_reassign`` and the Spark engine's pass over its windows (``engines/windows.py``)."""
    return np.where(best >= 0, best, np.where(sizes[own] == 1, own, -1))


def best_stories(x: sp.csr_matrix, times: np.ndarray, own: np.ndarray, sums: sp.csr_matrix, sizes: np.ndarray,
                 first: np.ndarray, last: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """The reassignment's choice for each article (row of ``x``, weighed with the IDF of the whole
    set, at ``times``, a member of story ``own``): the story (row of ``sums``, the summed vectors of
    their members, with ``sizes`` and dated spans ``first`` to ``last``) most similar to it without
    it, scored as in the pass (centroid and size blend, time penalty from the gap to the story's
    span, nothing beyond the dormancy window); -1 when none reaches the threshold. Shared by
    ``_reassign`` and the Spark engine's pass over its windows (``engines/windows.py``).

    The time penalty only lowers a score, so it is computed for the pairs that reach the threshold
    without it, which are few."""
    s = settings
    norm2 = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    self_dot = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    story_scale = _story_scale(norm2, sizes, s.size_weight)
    chosen = np.full(x.shape[0], -1, dtype=np.int64)
    for start in range(0, x.shape[0], s.chunk):
        rows = np.arange(start, min(start + s.chunk, x.shape[0]))
        here, mine = np.arange(len(rows)), own[rows]
        dots = (x[rows] @ sums.T).toarray()
        score = dots / story_scale
        without_me = _story_scale(norm2[mine] - 2.0 * dots[here, mine] + self_dot[rows], sizes[mine] - 1, s.size_weight)
        score[here, mine] = np.where(sizes[mine] > 1, (dots[here, mine] - self_dot[rows]) / without_me, -1.0)
        row, story = np.nonzero(score >= s.threshold)
        t = times[rows][row]
        with np.errstate(invalid="ignore"):  # undated article or story: no gap
            gap = np.fmax(first[story] - t, t - last[story])
        candidate = _story_score(score[row, story], gap, s)
        keep = candidate >= s.threshold  # beyond the dormancy window the score is -1, below any threshold
        row, story, candidate = row[keep], story[keep], candidate[keep]
        order = np.lexsort((-candidate, row))
        best = dict(zip(row[order][::-1], story[order][::-1]))  # the first of each row's run wins
        for r, k in best.items():
            chosen[start + r] = k
    return chosen
