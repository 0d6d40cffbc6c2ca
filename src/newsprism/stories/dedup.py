"""Near-duplicate articles: wire copies, the same article fetched twice, updated versions.

MinHash over word shingles estimates the Jaccard similarity of two articles' shingle sets; LSH
banding finds the candidate pairs without comparing every pair (Broder 1997; Leskovec, Rajaraman
and Ullman, "Mining of Massive Datasets", ch. 3). The signatures are computed for a whole chunk of
articles at once with NumPy (multiply-shift hashing, Dietzfelbinger et al. 1997), which
``benchmarks/stories_bench.py`` measures against datasketch's per-article ``MinHash.update``.

A duplicate is not thrown away: it keeps its id and outlet and is recorded as
``duplicate_of`` the first article of its group, so coverage stays complete (a wire story carried by
40 outlets is information about coverage) while its text is analysed once.
"""

from __future__ import annotations

import io
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.tokens import word_hashes

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """Near-duplicate detection settings.

    ``shingle``: words per shingle; 5 is the usual choice for news-length documents (Leskovec et al.,
    MMDS §3.2: long enough that unrelated articles share almost none).
    ``num_perm`` = ``bands`` x rows: 64 = 16 x 4 puts the LSH S-curve midpoint at
    (1/16)^(1/4) = 0.5, below ``threshold``: a pair with Jaccard 0.6 becomes a candidate with
    probability 1 - (1 - 0.6^4)^16 = 0.89, one with 0.7 with 0.99.
    ``threshold``: estimated Jaccard of shingle sets at or above which two articles are copies.
    Chosen on injected wire copies (``benchmarks/stories_bench.py dedup-curve``; the copies found
    and the other pairs flagged at each threshold are in docs/evaluation.md, "Near-duplicates").
    ``max_words``: only an article's first words are shingled; a copy shows in its lead, and a
    hostile 50 MB "article" must not cost gigabytes of hashes.
    ``window``: how long an article stays findable as the original of later copies; the same
    dormancy idea as stories, which bounds the index's memory on an endless stream.
    """

    shingle: int = 5
    num_perm: int = 64
    bands: int = 16
    threshold: float = 0.6
    max_words: int = 5_000
    window: timedelta = timedelta(days=30)
    seed: int = 1

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise NewsprismError(f"threshold must be in (0.0, 1.0], got {self.threshold}")
        if self.shingle < 1:
            raise NewsprismError(f"shingle must be >= 1 word, got {self.shingle}")
        if self.bands < 1 or self.num_perm % self.bands:
            raise NewsprismError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")
        if self.window <= timedelta(0):
            raise NewsprismError(f"window must be positive, got {self.window}")


def shingle_hashes(text: str, size: int, limit: int = 5_000) -> np.ndarray:
    """Hashes of the distinct ``size``-word shingles of the first ``limit`` words of ``text``
    (a shorter text is one shingle)."""
    words = word_hashes(text, limit)  # stable across processes: signatures are stored
    if len(words) == 0:
        return words
    n = max(len(words) - size + 1, 1)
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # a polynomial hash: wrap-around is intended
        for offset in range(min(size, len(words))):
            combined = combined * np.uint64(1_000_003) + words[offset : offset + n]
    return np.unique(combined)


class MinHasher:
    """MinHash signatures for many texts at once: ``signatures(texts)`` -> (n, num_perm) uint32."""

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        rng = np.random.default_rng(self.settings.seed)
        self._a = rng.integers(1, 2**63, size=self.settings.num_perm, dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, 2**63, size=self.settings.num_perm, dtype=np.uint64)

    def signatures(self, texts: Sequence[str]) -> np.ndarray:
        shingles = [shingle_hashes(t, self.settings.shingle, self.settings.max_words) for t in texts]
        sizes = np.array([len(s) for s in shingles])
        signatures = np.full((len(texts), self.settings.num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
        filled = np.flatnonzero(sizes)
        if len(filled) == 0:
            return signatures
        flat = np.concatenate([shingles[i] for i in filled])
        starts = np.concatenate([[0], np.cumsum(sizes[filled])[:-1]])
        with np.errstate(over="ignore"):  # multiply-shift hashing relies on wrap-around
            hashed = (flat[None, :] * self._a[:, None] + self._b[:, None]) >> np.uint64(32)
        signatures[filled] = np.minimum.reduceat(hashed, starts, axis=1).T.astype(np.uint32)
        return signatures


class DuplicateIndex:
    """An online LSH index: ``add`` each article's signature, get the original it copies, if any.

    Articles are expected in time order; ``clock`` (seconds) is the stream time of each article.
    Originals older than ``settings.window`` before the clock are forgotten.
    """

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        self._rows = self.settings.num_perm // self.settings.bands
        self._buckets: list[dict[bytes, str]] = [{} for _ in range(self.settings.bands)]
        self._signatures: dict[str, np.ndarray] = {}
        self._arrivals: deque[tuple[float, str, list[bytes]]] = deque()

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        rows = self._rows
        return [signature[b * rows : (b + 1) * rows].tobytes() for b in range(self.settings.bands)]

    def add(self, article_id: str, signature: np.ndarray, clock: float) -> str | None:
        """The id of the indexed original ``article_id`` copies, or None (then it is indexed itself)."""
        self._forget_before(clock - self.settings.window.total_seconds())
        keys = self._band_keys(signature)
        seen: set[str] = set()
        best, best_similarity = None, self.settings.threshold
        for band, key in enumerate(keys):
            candidate = self._buckets[band].get(key)
            if candidate is None or candidate in seen:
                continue
            seen.add(candidate)
            similarity = float(np.mean(self._signatures[candidate] == signature))
            if similarity >= best_similarity:
                best, best_similarity = candidate, similarity
        if best is not None:
            return best
        self._index(article_id, signature, clock, keys)
        return None

    def _index(self, article_id: str, signature: np.ndarray, clock: float, keys: list[bytes]) -> None:
        for band, key in enumerate(keys):
            self._buckets[band].setdefault(key, article_id)
        self._signatures[article_id] = signature
        self._arrivals.append((clock, article_id, keys))

    def export(self) -> dict[str, np.ndarray]:
        """The indexed originals as arrays (arrival clock, id, signature), oldest first."""
        ids = [article_id for _, article_id, _ in self._arrivals]
        return {
            "clocks": np.array([clock for clock, _, _ in self._arrivals], dtype=np.float64),
            "ids": np.array(ids, dtype=str),
            "signatures": np.array([self._signatures[i] for i in ids], dtype=np.uint32).reshape(
                len(ids), self.settings.num_perm
            ),
        }

    @classmethod
    def restore(cls, arrays: dict[str, np.ndarray], settings: DedupSettings) -> DuplicateIndex:
        """An index holding the originals ``export`` gave."""
        index = cls(settings)
        for clock, article_id, signature in zip(arrays["clocks"], arrays["ids"], arrays["signatures"]):
            index._index(str(article_id), signature, float(clock), index._band_keys(signature))
        return index

    def _forget_before(self, horizon: float) -> None:
        while self._arrivals and self._arrivals[0][0] < horizon:
            _, article_id, keys = self._arrivals.popleft()
            del self._signatures[article_id]
            for band, key in enumerate(keys):
                if self._buckets[band].get(key) == article_id:
                    del self._buckets[band][key]


MARK_CHUNK = 256
"""Articles hashed at once by ``CopyMarker.mark``: the clusterer's chunk, which bounds the memory of
the hashing (every shingle times ``num_perm``)."""


class CopyMarker:
    """The dedup stage over a stream: ``mark`` gives each article, in arrival order, the id of the
    earlier article it copies, or None for an original; the originals stay findable by later calls
    for ``settings.window``.

    Its state (the index of originals and the stream clock) is its own, apart from clustering's, so
    that a store keeps the two side by side (``save_state``, ``load_state``) and the clusterer only
    follows the marks it is given. An article without a time is placed at the latest time seen so
    far, as the clusterer's stream clock places it.
    """

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        self.hasher = MinHasher(self.settings)
        self.index = DuplicateIndex(self.settings)
        self.clock = -np.inf

    def __contains__(self, article_id: object) -> bool:
        """Whether ``article_id`` is an original that later copies can still be marked with."""
        return article_id in self.index

    def mark(self, articles: Sequence[Article], times: Sequence[float | None]) -> list[str | None]:
        """For each of ``articles`` (in arrival order), the id of the original it copies, or None.

        ``times``: each article's time in seconds, None when it has none. Originals older than
        ``settings.window`` before an article are not looked at.
        """
        if len(times) != len(articles):
            raise NewsprismError(f"the dedup stage needs one time per article, got {len(times)} for {len(articles)}")
        marks: list[str | None] = []
        for start in range(0, len(articles), MARK_CHUNK):  # hashing a chunk at once holds its shingles x num_perm
            chunk = articles[start:start + MARK_CHUNK]
            signatures = self.hasher.signatures([a.text for a in chunk])
            for article, time, signature in zip(chunk, times[start:start + MARK_CHUNK], signatures):
                if time is not None:
                    self.clock = max(self.clock, time)
                marks.append(self.index.add(article.id, signature, self.clock if time is None else time))
        return marks

    def save_state(self) -> bytes:
        """The originals still findable and the clock, as an ``.npz`` (no pickle: a store file may
        come from someone else, and loading it must not run code)."""
        arrays: dict[str, Any] = {"settings": np.array(repr(self.settings)), "clock": np.array(self.clock),
                                  **self.index.export()}
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def load_state(cls, blob: bytes, settings: DedupSettings | None = None) -> CopyMarker:
        """A dedup stage that goes on where the one that saved ``blob`` stopped."""
        marker = cls(settings)
        try:
            arrays = dict(np.load(io.BytesIO(blob), allow_pickle=False))
            made_with = str(arrays["settings"])
            clock = float(arrays["clock"])
            index = DuplicateIndex.restore(arrays, marker.settings)
        except Exception as error:  # noqa: BLE001 - a damaged blob fails in numpy or zipfile in many ways
            raise NewsprismError(f"saved dedup state is unreadable ({type(error).__name__}: {error})") from None
        if made_with != repr(marker.settings):
            raise NewsprismError("saved dedup state was made with other settings; use the same settings or a new store")
        marker.index, marker.clock = index, clock
        return marker


def mark_copies(articles: Sequence[Article], times: Sequence[float | None],
                settings: DedupSettings | None = None) -> list[str | None]:
    """The dedup stage of a batch: ``CopyMarker.mark`` by a new marker (see there)."""
    return CopyMarker(settings).mark(articles, times)
