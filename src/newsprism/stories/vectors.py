"""Article vectors for story clustering: hashed TF-IDF of title, body and named entities.

Why this shape: Miranda et al. (2018, "Multilingual Clustering of Streaming News") represent an
article by TF-IDF sub-vectors of its title, body and entities; Staykovski et al. (2019) show that
for one language sparse TF-IDF beats dense embeddings for news-stream clustering. A stream has no
vocabulary to fit in advance, so words are hashed into a fixed space (no fit over the whole stream)
and the IDF is estimated incrementally from the articles seen so far (``partial_fit``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.tokens import word_hashes
from newsprism.text.stopwords import ENGLISH_STOP_WORDS

log = logging.getLogger(__name__)

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio: Knuth's multiplicative hashing
_ENTITY = re.compile(r"\b(?:[A-Z][\w'’.-]*[A-Za-z]\.?)(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*[A-Za-z])*")


@dataclass(frozen=True, slots=True)
class VectorSettings:
    """How articles become vectors.

    Every default below was measured on the pooled gold sets (docs/evaluation.md, "Stories:
    clustering quality", the table of settings).
    ``n_features``: hashing space per sub-vector (a power of two). Collisions are frequent for
    a large vocabulary but mostly between rare words; 2**18 keeps the document-frequency table
    (three sub-vectors, int64) at 6 MB.
    Weights of the title, body and entity sub-vectors (after Miranda et al. 2018's title, body and
    entity parts).
    ``body_words``: the body is cut to its first words, which bounds the cost of a long article.
    """

    n_features: int = 2**18
    title_weight: float = 1.5
    body_weight: float = 1.0
    entity_weight: float = 0.5
    body_words: int = 1000

    def __post_init__(self) -> None:
        if self.n_features < 2**10 or self.n_features & (self.n_features - 1):
            raise NewsprismError(f"n_features must be a power of two >= 1024, got {self.n_features}")
        for name in ("title_weight", "body_weight", "entity_weight"):
            if getattr(self, name) < 0:
                raise NewsprismError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.body_words < 1:
            raise NewsprismError(f"body_words must be >= 1, got {self.body_words}")


def entities(text: str) -> list[str]:
    """Capitalised word sequences (names of people, places, organisations), lowercased.

    A cheap stand-in for a named-entity tagger: in English news nearly every name is capitalised,
    and the few sentence-initial common words it catches are removed as stop words.
    """
    found = []
    for match in _ENTITY.finditer(text):
        name = match.group(0).rstrip(".").lower()
        if name not in ENGLISH_STOP_WORDS and len(name) > 1:
            found.append(name)
    return found


@lru_cache(maxsize=1)
def _stop_hashes() -> np.ndarray:
    hashes = np.unique(np.concatenate([word_hashes(w, 1) for w in ENGLISH_STOP_WORDS]))
    hashes.setflags(write=False)  # cached and shared by every caller and thread: never changed in place
    return hashes


def feature_columns(hashes: np.ndarray, n_features: int) -> np.ndarray:
    """The columns of word hashes (``newsprism.stories.tokens.word_hashes``) in a hashing space of
    ``n_features`` (a power of two): the one place that maps a word to its feature, so that code
    which looks at single features (the research scripts' word weights) finds the clusterer's."""
    shift = np.uint64(64 - int(np.log2(n_features)))
    with np.errstate(over="ignore"):  # multiply-shift spreads the hash over the feature space
        return (hashes * _GOLDEN) >> shift


def _word_features(texts: Sequence[str], words: int, n_features: int) -> sp.csr_matrix:
    """Counts of hashed words (stop words and one-letter words left out) of the first ``words``
    words of each text, one row per text."""
    rows, columns = [], []
    for row, text in enumerate(texts):
        hashes = word_hashes(text, words, min_length=2)
        stops = _stop_hashes()
        hashes = hashes[stops[np.minimum(np.searchsorted(stops, hashes), len(stops) - 1)] != hashes]
        columns.append(feature_columns(hashes, n_features))
        rows.append(np.full(len(hashes), row))
    counts = sp.csr_matrix(
        (np.ones(sum(len(c) for c in columns), dtype=np.float32),
         (np.concatenate(rows) if rows else [], np.concatenate(columns).astype(np.int64) if columns else [])),
        shape=(len(texts), n_features),
    )
    counts.sum_duplicates()
    return counts


class StreamVectorizer:
    """Hashed TF-IDF with an IDF estimated from the articles seen so far.

    ``partial_fit(articles)`` counts document frequencies; ``transform(articles)`` returns
    L2-normalised rows (sublinear TF times the current IDF). Learned state: ``df_`` (document
    frequency per hashed feature and sub-vector) and ``n_documents_``.
    """

    def __init__(self, settings: VectorSettings | None = None) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer  # half a second to import: only when clustering

        self.settings = settings or VectorSettings()
        self._names = HashingVectorizer(
            analyzer=entities, lowercase=False, n_features=self.settings.n_features, alternate_sign=False,
            norm=None, dtype=np.float32,
        )

    @property
    def n_features(self) -> int:
        """Width of the vectors: three hashed sub-vectors side by side."""
        return 3 * self.settings.n_features

    def counts(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """Raw word and name counts of the three sub-vectors, before any IDF: what ``weigh`` turns
        into vectors, and what a caller keeps to weigh the same articles again with a later IDF
        without hashing their words twice."""
        s = self.settings
        bodies = [a.text for a in articles]
        leads = [" ".join(a.text[: s.body_words * 40].split(maxsplit=s.body_words)[: s.body_words]) for a in articles]
        return sp.hstack(
            [
                _word_features([a.title or "" for a in articles], s.body_words, s.n_features),
                _word_features(bodies, s.body_words, s.n_features),
                self._names.transform(leads),
            ],
            format="csr",
        )

    def partial_fit(self, articles: Sequence[Article]) -> StreamVectorizer:
        self._count_documents(self.counts(articles))
        return self

    def transform(self, articles: Sequence[Article]) -> sp.csr_matrix:
        return self.weigh(self.counts(articles))

    def fit_weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Count a chunk's document frequencies from its ``counts``, then weigh it: the stream's one
        call per chunk, so that a chunk's own words count in the IDF it is weighed with and its
        words are hashed only once."""
        self._count_documents(counts)
        return self.weigh(counts)

    def _count_documents(self, counts: sp.csr_matrix) -> None:
        if not hasattr(self, "df_"):
            self.df_ = np.zeros(self.n_features, dtype=np.int64)
            self.n_documents_ = 0
        self.df_ += np.bincount(counts.indices, minlength=self.n_features)
        self.n_documents_ += counts.shape[0]

    def weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """L2-normalised rows of ``counts`` (sublinear TF times the current IDF times the sub-vector
        weight); ``counts`` itself is left as it is."""
        if not hasattr(self, "df_"):
            raise NewsprismError("StreamVectorizer is not fitted yet; call partial_fit(articles) first")
        s = self.settings
        idf = np.log((1.0 + self.n_documents_) / (1.0 + self.df_)) + 1.0
        block = np.repeat(np.array([s.title_weight, s.body_weight, s.entity_weight]), s.n_features)
        weighted = counts.copy()
        weighted.data = (np.log1p(weighted.data) * idf[weighted.indices] * block[weighted.indices]).astype(np.float32)
        return normalise_rows(weighted)


def normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """``matrix`` with every non-zero row scaled to unit L2 norm, in place (float32), and returned:
    what makes a dot product of two rows their cosine."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scale = np.repeat(1.0 / norms, np.diff(matrix.indptr))
    matrix.data = (matrix.data * scale).astype(np.float32)
    return matrix
