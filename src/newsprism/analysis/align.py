"""A story analysed once into facts: sentences of different articles that say the same thing.

The summary and the comparison both read the ``StoryAnalysis`` this module builds, so its shape is
the stable interface between them (see ``newsprism.model.StoryAnalysis``):

- ``analysis.sentences[article_id]``: the article's sentences in order (from ``text.segment``);
- ``analysis.facts``: every sentence belongs to exactly one fact; a fact holds at most one sentence
  per article, its ``outlets`` are the distinct outlets of those articles (story order) and its
  ``representative`` is the member most similar to the others; facts are ordered by first
  appearance (article order, then sentence position), and ``Fact.id`` is the position in that order;
- ``analysis.fact_of[(article_id, sentence_index)]``: the position of a sentence's fact.

How sentences are aligned, and why: two sentences are linked when the cosine of their TF-IDF
vectors reaches ``AlignSettings.link_threshold``. The vectors hold stemmed content words and word
bigrams (stop words kept inside bigrams), weighted by inverse sentence frequency within the story.
IDF weighting makes shared names and figures count most (the lexical core of paraphrase detection
in news, e.g. the MSR paraphrase baselines of Dolan et al. 2004); bigrams let a shared quotation
("takes two to tango") link sentences whose other words differ. Links are taken strongest first and
merged like single-link clustering, except that a merge which would put two sentences of one
article into one fact is refused: an article tells a fact once, and the constraint stops chains of
loosely similar sentences from growing into one giant fact.
Sentence embeddings (the ``[neural]`` extra) are not used: no measurement has shown them to pay for
their cost here yet.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.errors import NewsprismError
from newsprism.model import Article, Fact, Sentence, Story, StoryAnalysis
from newsprism.text.segment import segment

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+")

Segmenter = Callable[[Article], Sequence[Sentence]]


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # installed with rouge-score

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """rouge-score's stemming rule: Porter stems for words longer than three characters."""
    return _porter().stem(word) if len(word) > 3 else word


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits of any script)."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=2**16)
def terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(tokens, stems)`` of ``text``: the same Porter stems rouge-score compares.

    Cached, because the alignment and the summary both read every sentence of a story.
    """
    tokens = tuple(words(text))
    return tokens, tuple(_stem(token) for token in tokens)


def content_bigrams(tokens: Sequence[str], stems: Sequence[str]) -> set[tuple[str, str]]:
    """Stemmed word bigrams, except those made of two stop words ("of the").

    Gillick & Favre (2009) use exactly these as the concepts a summary should cover.
    """
    return {
        (stems[i], stems[i + 1])
        for i in range(len(tokens) - 1)
        if not (tokens[i] in ENGLISH_STOP_WORDS and tokens[i + 1] in ENGLISH_STOP_WORDS)
    }


def content_stems(tokens: Sequence[str], stems: Sequence[str]) -> list[str]:
    """Stems of the words that are not stop words, in order: the single-word concepts and features."""
    return [stem for token, stem in zip(tokens, stems) if token not in ENGLISH_STOP_WORDS]


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """How sentences are linked into facts.

    ``link_threshold``: the cosine two sentences need to tell the same fact. 0.2 was set on the
    seed pair in ``examples/``: it links RT's and the LA Times' paraphrases of the "biggest
    disappointment of 2017" (cosine 0.25), while RT's Minsk sentences reach at most 0.04 and the LA
    Times' Olympic flag sentence at most 0.03 against the other outlet. On DUC 2004 it puts 40% of
    the sentences into facts of two or more articles; summary ROUGE there is flat (37.7-37.9
    ROUGE-1) for thresholds from 0.15 to 1.0 (``benchmarks/summarize_bench.py``).
    ``shared_run`` / ``shared_run_content_words``: a run of that many words, that many of them not
    stop words, found in two sentences links them whatever their cosine (see ``shared_runs``);
    Peskov's "it takes two to tango" links the two seed sentences that carry it (cosine 0.17).
    """

    link_threshold: float = 0.2
    shared_run: int = 5
    shared_run_content_words: int = 2

    def __post_init__(self) -> None:
        if not 0.0 < self.link_threshold <= 1.0:
            raise NewsprismError(f"link_threshold must be in (0, 1], got {self.link_threshold}")
        if self.shared_run < 2:
            raise NewsprismError(f"shared_run must be at least 2 words, got {self.shared_run}")
        if not 0 <= self.shared_run_content_words <= self.shared_run:
            raise NewsprismError(
                f"shared_run_content_words must be in [0, shared_run={self.shared_run}], "
                f"got {self.shared_run_content_words}"
            )


def _features(sentence: Sentence) -> list[str]:
    tokens, stems = terms(sentence.text)
    unigrams = content_stems(tokens, stems)
    bigrams = [f"{a} {b}" for a, b in zip(stems, stems[1:])]
    return unigrams + bigrams


def sentence_vectors(sentences: Sequence[Sentence]) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows, IDF taken over the sentences given (one story)."""
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for row, sentence in enumerate(sentences):
        for feature in _features(sentence):
            rows.append(row)
            cols.append(vocabulary.setdefault(feature, len(vocabulary)))
            counts.append(1.0)
    shape = (len(sentences), max(len(vocabulary), 1))
    matrix = sp.csr_matrix((counts, (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    document_frequency = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    matrix = matrix @ sp.diags(idf)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def shared_runs(sentences: Sequence[Sentence], settings: AlignSettings) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of sentences sharing a run of words, such as a quotation.

    A run counts when it has ``shared_run`` words of which ``shared_run_content_words`` are not
    stop words: outlets that repeat a quotation ("it takes two to tango") tell the same fact even
    when the rest of their sentences differ, which dilutes the cosine.
    """
    holders: dict[tuple[str, ...], set[int]] = {}
    n = settings.shared_run
    for index, sentence in enumerate(sentences):
        tokens = terms(sentence.text)[0]
        content = list(itertools.accumulate((t not in ENGLISH_STOP_WORDS for t in tokens), initial=0))
        for k in range(len(tokens) - n + 1):
            if content[k + n] - content[k] >= settings.shared_run_content_words:
                holders.setdefault(tokens[k : k + n], set()).add(index)
    pairs = set()
    for indices in holders.values():
        # A run in more than 2 * sqrt(n) of the n sentences is a stock phrase of the story (a
        # recurring name or boilerplate line), not one fact told again; it links nothing.
        if 1 < len(indices) <= 2 * len(sentences) ** 0.5:
            ordered = sorted(indices)
            pairs.update((a, b) for k, a in enumerate(ordered) for b in ordered[k + 1 :])
    return pairs


class _Groups:
    """Union-find over sentences that refuses merges putting two sentences of one article together."""

    def __init__(self, article_of: Sequence[int]) -> None:
        self.parent = list(range(len(article_of)))
        self.articles = [{a} for a in article_of]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.articles[a] & self.articles[b]:
            return
        if len(self.articles[a]) < len(self.articles[b]):
            a, b = b, a
        self.parent[b] = a
        self.articles[a] |= self.articles[b]
        self.articles[b] = set()


def analyze(
    story: Story,
    *,
    settings: AlignSettings = AlignSettings(),
    segmenter: Segmenter = segment,
) -> StoryAnalysis:
    """Split every article of ``story`` into sentences and align them across articles into facts."""
    sentences = {article.id: tuple(segmenter(article)) for article in story.articles}
    if len(sentences) != len(story.articles):
        raise NewsprismError(f"story {story.id!r} has two articles with the same id")
    flat = [s for article in story.articles for s in sentences[article.id]]
    article_of = [index for index, article in enumerate(story.articles) for _ in sentences[article.id]]
    groups = _Groups(article_of)
    similarity = sp.csr_matrix((len(flat), len(flat)))
    if len(story.articles) > 1 and flat:
        vectors = sentence_vectors(flat)
        similarity = sp.csr_matrix(vectors @ vectors.T)
        runs = list(shared_runs(flat, settings))
        if runs:  # a shared run links whatever the cosine: it counts as a perfect match
            rows, cols = np.array(runs).T
            boost = sp.csr_matrix((np.ones(2 * len(runs)), (np.r_[rows, cols], np.r_[cols, rows])), shape=similarity.shape)
            similarity = similarity.maximum(boost)
        pairs = sp.triu(similarity, k=1).tocoo()
        article_ids = np.asarray(article_of)
        keep = (pairs.data >= settings.link_threshold) & (article_ids[pairs.row] != article_ids[pairs.col])
        first, second, score = pairs.row[keep], pairs.col[keep], pairs.data[keep]
        for k in np.lexsort((second, first, -score)):  # strongest first; ties in sentence order
            groups.merge(int(first[k]), int(second[k]))
    members: dict[int, list[int]] = {}
    for i in range(len(flat)):
        members.setdefault(groups.find(i), []).append(i)
    facts = []
    fact_of = {}
    for position, indices in enumerate(sorted(members.values(), key=min)):
        chosen = [flat[i] for i in indices]
        centrality = similarity[indices][:, indices].sum(axis=1).A1 if len(indices) > 1 else [0.0]
        representative = chosen[int(np.argmax(centrality))]
        outlets = tuple(dict.fromkeys(story.articles[article_of[i]].display_outlet for i in indices))
        facts.append(Fact(id=position, sentences=tuple(chosen), outlets=outlets, representative=representative))
        for sentence in chosen:
            fact_of[(sentence.article, sentence.index)] = position
    log.info("story %s: %d sentences in %d facts", story.id, len(flat), len(facts))
    return StoryAnalysis(story=story, sentences=sentences, facts=tuple(facts), fact_of=fact_of)
