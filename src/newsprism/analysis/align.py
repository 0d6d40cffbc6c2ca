"""A story analysed once into facts: sentences of different articles that say the same thing.

The summary and the comparison both read the ``StoryAnalysis`` this module builds, so its shape is
the stable interface between them (see ``newsprism.model.StoryAnalysis``):

- ``analysis.sentences[article_id]``: the article's sentences in order (from ``text.segment``);
- ``analysis.facts``: every sentence belongs to exactly one fact; a fact holds at most one sentence
  per article, its ``outlets`` are the distinct outlets of those articles (story order) and its
  ``representative`` is the member most similar to the others; facts are ordered by first
  appearance (article order, then sentence position), and ``Fact.id`` is the position in that order;
- ``analysis.fact_of[(article_id, sentence_index)]``: the position of a sentence's fact;
- ``analysis.matches``: the same-fact probability of every pair of sentences that was weighed.

How sentences are aligned, and why. Candidates: pairs of sentences of different articles whose
TF-IDF cosine reaches ``AlignSettings.candidate_threshold`` or that share a run of words. The
vectors hold stemmed content words and word bigrams, weighted by inverse sentence frequency within
the story, so that shared names and figures count most. Decision: each candidate is weighed by a
same-fact judge (``analysis.samefact``: a logistic model over the details that tell a paraphrase
from a near miss, learned on MSRP and on hand-annotated stories); a shared run of words that one
sentence quotes is one statement told twice and is linked whatever the judge says. Grouping: links
are taken strongest first, and a merge is refused when it would put two sentences of one article
into one fact (an article tells a fact once) or join a sentence to a member it is unlike (below
``group_floor``), so that a chain of matches does not make one fact of sentences saying different
things. Measured in ``benchmarks/facts_bench.py`` and pinned in ``tests/analysis/test_facts_annotated.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from newsprism.analysis.graph import UnionFind
from newsprism.analysis.samefact import PairEvidence, SameFactJudge, default_model, parse, quoted_spans
from newsprism.errors import NewsprismError
from newsprism.evaluate.brief import cut_short
from newsprism.model import Article, Fact, Sentence, Story, StoryAnalysis
from newsprism.text.segment import segment
from newsprism.text.stems import stem
from newsprism.text.stopwords import ENGLISH_STOP_WORDS

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+")

Segmenter = Callable[[Article], Sequence[Sentence]]


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits of any script)."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=2**16)
def terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(tokens, stems)`` of ``text``: the same Porter stems rouge-score compares.

    Cached, because the alignment and the summary both read every sentence of a story.
    """
    tokens = tuple(words(text))
    return tokens, tuple(map(stem, tokens))


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

    The runs behind ``candidate_threshold`` and ``group_floor`` are in docs/evaluation.md, "Where the
    fact and quotation settings come from".
    ``candidate_threshold``: the cosine from which a pair of sentences is weighed by the same-fact
    judge at all; it also keeps the judge's work small on large stories.
    ``group_floor``: the lowest probability any two members of a fact may have.
    ``shared_run`` / ``shared_run_content_words``: a run of that many words, that many of them not
    stop words, found in two sentences makes them candidates whatever their cosine, and links them
    when one of them quotes (see ``shared_runs``): Peskov's "it takes two to tango" links the two seed
    sentences that carry it (cosine 0.17).
    ``max_pairs`` / ``neighbours``: the similarity of every pair of sentences grows with the square
    of a story's sentences, and repetitive text fills it (two articles of 3,000 like sentences took
    1.6 GB). When an upper bound of its entries (the sum over features of the squared number of
    sentences holding them) passes ``max_pairs``, each sentence keeps only its ``neighbours`` most
    similar sentences of other articles, so memory stays linear in the sentences. No story of DUC
    2004, Multi-News or AllSides comes near the limit: the largest bound is 0.33 million (DUC 2004,
    608 sentences). Two articles of 1,000 like sentences (a bound of 36 million) peaked at 0.31 GB
    with every pair, 0.24 GB with the nearest; two of 10,000 take 0.4 GB with the nearest.
    """

    candidate_threshold: float = 0.1
    group_floor: float = 0.3
    shared_run: int = 5
    shared_run_content_words: int = 2
    max_pairs: int = 10_000_000
    neighbours: int = 50
    meaning: bool = False
    """Weigh the candidate pairs with MiniLM's sense of meaning as well as their words
    (``analysis.meaning``, the ``[neural]`` extra): about 30 CPU seconds per 1,000 sentences; what it
    buys is in docs/facts.md, "With meaning"."""

    def __post_init__(self) -> None:
        if not 0.0 < self.candidate_threshold <= 1.0:
            raise NewsprismError(f"candidate_threshold must be in (0, 1], got {self.candidate_threshold}")
        if not 0.0 <= self.group_floor <= 1.0:
            raise NewsprismError(f"group_floor must be in [0, 1], got {self.group_floor}")
        if self.shared_run < 2:
            raise NewsprismError(f"shared_run must be at least 2 words, got {self.shared_run}")
        if not 0 <= self.shared_run_content_words <= self.shared_run:
            raise NewsprismError(
                f"shared_run_content_words must be in [0, shared_run={self.shared_run}], "
                f"got {self.shared_run_content_words}"
            )
        if self.max_pairs < 1 or self.neighbours < 1:
            raise NewsprismError(f"max_pairs and neighbours must be at least 1, got {self.max_pairs} and {self.neighbours}")


@dataclass(frozen=True, slots=True)
class StoryWords:
    """Every word of a story's sentences in one run of integer arrays.

    ``rows[w]``: the sentence of word ``w``; ``tokens[w]`` and ``stems[w]``: numbers standing for
    its lower-cased token and its stem (equal numbers, equal strings); ``content[w]``: it is not a
    stop word. Counting features and runs over these arrays with NumPy, instead of over strings in
    Python, is what keeps the alignment fast; the story is read into them once.
    """

    sentences: int
    rows: np.ndarray
    tokens: np.ndarray
    stems: np.ndarray
    content: np.ndarray

    @classmethod
    def of(cls, sentences: Sequence[Sentence]) -> StoryWords:
        tokens: list[str] = []
        stems: list[str] = []
        lengths: list[int] = []
        for sentence in sentences:
            sentence_tokens, sentence_stems = terms(sentence.text)
            tokens.extend(sentence_tokens)
            stems.extend(sentence_stems)
            lengths.append(len(sentence_tokens))
        token_ids: dict[str, int] = {}
        stem_ids: dict[str, int] = {}
        token_numbers = np.array([token_ids.setdefault(t, len(token_ids)) for t in tokens], dtype=np.int64)
        stopped = np.array([t in ENGLISH_STOP_WORDS for t in token_ids], dtype=bool)
        return cls(
            sentences=len(sentences),
            rows=np.repeat(np.arange(len(sentences)), lengths),
            tokens=token_numbers,
            stems=np.array([stem_ids.setdefault(t, len(stem_ids)) for t in stems], dtype=np.int64),
            content=~stopped[token_numbers],
        )


def sentence_vectors(words: StoryWords) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of a story's sentences, IDF taken over those sentences.

    Features: the stems of content words and every pair of adjacent stems in a sentence. Columns
    are numbered in order of first appearance (each sentence's words, then its pairs), so that
    sums run in the same order, and similarities come out the same to the last bit, whichever
    way the features are counted.
    """
    stems, rows = words.stems, words.rows
    base = int(stems.max()) + 1 if len(stems) else 1
    adjacent = np.flatnonzero(rows[:-1] == rows[1:])
    content = np.flatnonzero(words.content)
    features = np.r_[stems[content], base + stems[adjacent] * base + stems[adjacent + 1]]
    feature_rows = np.r_[rows[content], rows[adjacent]]
    emitted = np.lexsort((np.r_[content, adjacent], np.r_[np.zeros(len(content)), np.ones(len(adjacent))], feature_rows))
    features, feature_rows = features[emitted], feature_rows[emitted]
    kinds, first, columns = np.unique(features, return_index=True, return_inverse=True)
    appearance = np.empty(len(kinds), dtype=np.int64)
    appearance[np.argsort(first)] = np.arange(len(kinds))
    shape = (words.sentences, max(len(kinds), 1))
    matrix = sp.csr_matrix((np.ones(len(features)), (feature_rows, appearance[columns.ravel()])), shape=shape)
    matrix.sum_duplicates()
    document_frequency = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    matrix = matrix @ sp.diags(idf)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def story_cosine(first: str, second: str) -> float:
    """The cosine ``analyze`` gives two texts that form a story of two one-sentence articles."""
    pair = [Sentence("first", 0, 0, len(first), first), Sentence("second", 0, 0, len(second), second)]
    vectors = sentence_vectors(StoryWords.of(pair))
    return float(vectors[0].multiply(vectors[1]).sum())


def shared_runs(words: StoryWords, settings: AlignSettings) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of sentences sharing a run of words, such as a quotation (rows).

    A run counts when it has ``shared_run`` words of which ``shared_run_content_words`` are not
    stop words: outlets that repeat a quotation ("it takes two to tango") tell the same fact even
    when the rest of their sentences differ, which dilutes the cosine.
    """
    none = np.zeros((0, 2), dtype=np.int64)
    n = settings.shared_run
    if len(words.tokens) < n:
        return none
    starts = np.arange(len(words.tokens) - n + 1)
    contents = np.r_[0, np.cumsum(words.content)]
    counted = starts[
        (words.rows[starts] == words.rows[starts + n - 1])
        & (contents[starts + n] - contents[starts] >= settings.shared_run_content_words)
    ]
    # Number each distinct run: extend the number of the first k words by the next word, k = 1..n-1.
    runs = words.tokens[counted]
    base = int(words.tokens.max()) + 1
    for k in range(1, n):
        runs = np.unique(runs * base + words.tokens[counted + k], return_inverse=True)[1].ravel()
    holders = np.unique(runs * words.sentences + words.rows[counted])  # (run, sentence) once each
    run_of, sentence_of = np.divmod(holders, words.sentences)
    _, first, count = np.unique(run_of, return_index=True, return_counts=True)
    # A run in more than 2 * sqrt(n) of the n sentences is a stock phrase of the story (a
    # recurring name or boilerplate line), not one fact told again; it links nothing.
    linking = (count > 1) & (count <= 2 * words.sentences**0.5)
    pairs = [none]
    for size in np.unique(count[linking]):
        starts_of_size = first[linking & (count == size)]
        group = sentence_of[starts_of_size[:, None] + np.arange(size)]  # one row per run, ascending
        a, b = np.triu_indices(size, 1)
        pairs.append(np.c_[group[:, a].ravel(), group[:, b].ravel()])
    return np.unique(np.concatenate(pairs), axis=0)


_BLOCK_ENTRIES = 1 << 22
"""Sentence pairs compared at once by ``_nearest_cosines`` (32 MB of float64)."""


def sentence_cosines(vectors: sp.csr_matrix, article_of: np.ndarray, settings: AlignSettings,
                     story_id: str = "") -> sp.csr_matrix:
    """Cosines between a story's sentences: all of them, or the nearest ones when all would not fit
    (said in a warning naming ``story_id``, since it can change the story's facts)."""
    sentences_with = np.bincount(vectors.indices, minlength=vectors.shape[1]).astype(np.int64)
    bound = int(np.sum(sentences_with**2))
    if bound <= settings.max_pairs:
        return sp.csr_matrix(vectors @ vectors.T)
    log.warning(
        "story %s: %d sentences too alike to compare all pairs (up to %d): each keeps its %d nearest of other articles",
        story_id, vectors.shape[0], bound, settings.neighbours,
    )
    return _nearest_cosines(vectors, article_of, settings.neighbours)


def _nearest_cosines(vectors: sp.csr_matrix, article_of: np.ndarray, neighbours: int) -> sp.csr_matrix:
    """Each sentence's cosine with itself and with its ``neighbours`` most similar sentences of other
    articles (symmetric), computed a block of rows at a time so that memory stays linear."""
    n = vectors.shape[0]
    keep = min(neighbours, n)
    step = max(1, _BLOCK_ENTRIES // n)
    transposed = vectors.T  # CSC: the transpose of a CSR matrix, without a copy
    self_cosine = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    rows, columns, values = [np.arange(n)], [np.arange(n)], [self_cosine]
    for start in range(0, n, step):
        block = (vectors[start : start + step] @ transposed).toarray()
        own = np.arange(start, start + len(block))
        block[article_of[own][:, None] == article_of[None, :]] = 0.0  # one article's sentences never link
        nearest = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
        cosines = np.take_along_axis(block, nearest, axis=1)
        found = cosines > 0
        rows.append(np.repeat(own, keep)[found.ravel()])
        columns.append(nearest[found])
        values.append(cosines[found])
    matrix = sp.csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))), shape=(n, n))
    return sp.csr_matrix(matrix.maximum(matrix.T))


class _Groups:
    """Union-find over sentences that refuses two kinds of merge: one putting two sentences of one
    article together (an article tells a fact once), and one joining a sentence to a fact some of
    whose members it is unlike (a pair probability below ``floor``, or never weighed): a chain of
    pairwise matches A~B~C must not make A and C one fact when A and C say different things."""

    def __init__(self, article_of: Sequence[int], probability: Mapping[tuple[int, int], float], floor: float) -> None:
        self.sets = UnionFind(len(article_of))
        self.articles = [{a} for a in article_of]
        self.members = [[i] for i in range(len(article_of))]
        self.probability = probability
        self.floor = floor

    def find(self, i: int) -> int:
        return self.sets.find(i)

    def merge(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.articles[a] & self.articles[b]:
            return
        if any(self.probability.get((min(x, y), max(x, y)), 0.0) < self.floor for x in self.members[a] for y in self.members[b]):
            return
        if len(self.articles[a]) < len(self.articles[b]):
            a, b = b, a
        self.sets.union(a, b)
        self.articles[a] |= self.articles[b]
        self.articles[b] = set()
        self.members[a] += self.members[b]
        self.members[b] = []


@dataclass(frozen=True, slots=True)
class Candidates:
    """The pairs of sentences of different articles worth weighing (positions in the story's
    sentence order, ``first < second``), the evidence for each, and the story's cosine matrix."""

    first: np.ndarray
    second: np.ndarray
    evidence: tuple[PairEvidence, ...]
    similarity: sp.csr_matrix
    quoted_run: np.ndarray
    """Pairs that share a run of words one of them puts in quotation marks: the same quoted words in
    two outlets are one statement told twice, however differently the rest of the sentences run."""


def _quotes_shared_words(first: str, second: str, settings: AlignSettings) -> bool:
    """Whether one sentence quotes words the other also has (as many content words as a shared run
    needs), and a run of words the two share lies inside a quotation of one of them: the same quoted
    words are one statement. A run shared outside the quotations ("the Department of Health and Human
    Services") is a name both sentences give, however much the quotation of one shares with the
    other's words ("“Fear of discrimination can lead individuals to forgo care ...,” the Department
    of Health and Human Services Secretary said" against a sentence on the department's rule against
    discrimination)."""
    a, b = parse(first), parse(second)
    needed = max(1, settings.shared_run_content_words)
    if len(a.quoted & b.content) < needed and len(b.quoted & a.content) < needed:
        return False
    one, two = _runs(first, settings), _runs(second, settings)
    return any(
        _inside(span, quoted_spans(text))
        for shared in one.keys() & two.keys()
        for text, spans in ((first, one[shared]), (second, two[shared]))
        for span in spans
    )


def _runs(text: str, settings: AlignSettings) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """The runs of ``settings.shared_run`` words of ``text`` with ``shared_run_content_words`` content
    words, each with the character spans where it stands."""
    found = list(_WORD.finditer(text))
    n = settings.shared_run
    runs: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for k in range(len(found) - n + 1):
        run = tuple(match.group().lower() for match in found[k : k + n])
        if sum(word not in ENGLISH_STOP_WORDS for word in run) >= settings.shared_run_content_words:
            runs.setdefault(run, []).append((found[k].start(), found[k + n - 1].end()))
    return runs


def _inside(span: tuple[int, int], quotations: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in quotations)


def candidate_pairs(flat: Sequence[Sentence], article_of: Sequence[int], settings: AlignSettings,
                    story_id: str = "") -> Candidates:
    """Pairs whose cosine reaches ``settings.candidate_threshold`` or that share a run of words (a
    quotation is weighed whatever its cosine), each with how close it is to being each sentence's
    nearest in the other's article (``PairEvidence``)."""
    none = np.zeros(0, dtype=np.int64)
    if len(set(article_of)) < 2:
        return Candidates(none, none, (), sp.csr_matrix((len(flat), len(flat))), none.astype(bool))
    words = StoryWords.of(flat)
    articles = np.asarray(article_of)
    similarity = sentence_cosines(sentence_vectors(words), articles, settings, story_id)
    entries = sp.triu(similarity, k=1).tocoo()
    across = articles[entries.row] != articles[entries.col]
    rows, cols, values = entries.row[across], entries.col[across], entries.data[across]
    # best[i, a]: sentence i's highest cosine with a sentence of article a
    best = np.zeros((len(flat), int(articles.max()) + 1))
    np.maximum.at(best, (rows, articles[cols]), values)
    np.maximum.at(best, (cols, articles[rows]), values)
    pairs = {(i, j): c for i, j, c in zip(rows.tolist(), cols.tolist(), values.tolist()) if c >= settings.candidate_threshold}
    quoting = {(i, j) for i, j in shared_runs(words, settings).tolist() if articles[i] != articles[j]}
    for i, j in quoting:
        pairs.setdefault((i, j), float(similarity[i, j]))
    if not pairs:
        return Candidates(none, none, (), similarity, none.astype(bool))
    first, second = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    lengths = np.bincount(articles)
    evidence = tuple(
        PairEvidence(flat[i].text, flat[j].text, c, c / max(best[i, articles[j]], 1e-9),
                     c / max(best[j, articles[i]], 1e-9), int(lengths[articles[i]] + lengths[articles[j]]))
        for (i, j), c in pairs.items()
    )
    quoted_run = np.array([(i, j) in quoting and _quotes_shared_words(flat[i].text, flat[j].text, settings) for i, j in pairs])
    return Candidates(first, second, evidence, similarity, quoted_run)


def story_sentences(story: Story, segmenter: Segmenter = segment) -> tuple[dict[str, tuple[Sentence, ...]], list[Sentence], list[int]]:
    """Each article's sentences, all of them in story order, and the position of each one's article."""
    sentences = {article.id: tuple(segmenter(article)) for article in story.articles}
    if len(sentences) != len(story.articles):
        raise NewsprismError(f"story {story.id!r} has two articles with the same id")
    flat = [s for article in story.articles for s in sentences[article.id]]
    article_of = [index for index, article in enumerate(story.articles) for _ in sentences[article.id]]
    return sentences, flat, article_of


def analyze(
    story: Story,
    *,
    settings: AlignSettings = AlignSettings(),
    segmenter: Segmenter = segment,
    judge: SameFactJudge | None = None,
) -> StoryAnalysis:
    """Split every article of ``story`` into sentences and align them across articles into facts.

    The ``candidate_pairs`` are weighed by ``judge`` (default: the shipped ``SameFactModel``); a pair
    whose probability reaches the judge's threshold is linked, strongest first, never putting two
    sentences of one article into one fact.
    """
    judge = judge or default_model(settings.meaning)
    sentences, flat, article_of = story_sentences(story, segmenter)
    candidates = candidate_pairs(flat, article_of, settings, story.id)
    first, second = candidates.first, candidates.second
    probability = judge.probabilities(candidates.evidence)
    probability[candidates.quoted_run] = np.maximum(probability[candidates.quoted_run], judge.threshold)
    weighed = dict(zip(zip(first.tolist(), second.tolist()), probability.tolist()))
    groups = _Groups(article_of, weighed, settings.group_floor)
    linked = probability >= judge.threshold
    for k in np.lexsort((second, first, -probability)):  # strongest first; ties in sentence order
        if linked[k]:
            groups.merge(int(first[k]), int(second[k]))
    members: dict[int, list[int]] = {}
    group_of = np.array([groups.find(i) for i in range(len(flat))], dtype=np.int64)
    for i, group in enumerate(group_of.tolist()):
        members.setdefault(group, []).append(i)
    centrality = _centrality(candidates.similarity, group_of, len(flat))
    confidence = _confidences(group_of, first, second, probability)
    outlet_of = [article.display_outlet for article in story.articles]
    facts = []
    fact_of = {}
    for position, indices in enumerate(sorted(members.values(), key=min)):
        chosen = [flat[i] for i in indices]
        representative = flat[_representative(indices, centrality, flat)]
        outlets = tuple(dict.fromkeys(outlet_of[article_of[i]] for i in indices))
        facts.append(Fact(id=position, sentences=tuple(chosen), outlets=outlets, representative=representative,
                          confidence=float(confidence[indices[0]])))
        for sentence in chosen:
            fact_of[(sentence.article, sentence.index)] = position
    matches = {
        ((flat[i].article, flat[i].index), (flat[j].article, flat[j].index)): round(float(p), 4)
        for i, j, p in zip(first.tolist(), second.tolist(), probability.tolist())
    }
    log.info("story %s: %d sentences in %d facts", story.id, len(flat), len(facts))
    return StoryAnalysis(story=story, sentences=sentences, facts=tuple(facts), fact_of=fact_of, matches=matches,
                         link_probability=judge.threshold)


def _representative(indices: Sequence[int], centrality: np.ndarray, flat: Sequence[Sentence]) -> int:
    """The member that shows a fact: the most central one its source did not cut short, so that a
    fact told whole by one outlet is not shown by another's teaser ending in "..." (the most central
    of all when every member is cut)."""
    whole = [i for i in indices if not cut_short(flat[i].text)]
    return max(whole or indices, key=lambda i: centrality[i])


def _centrality(similarity: sp.csr_matrix, group_of: np.ndarray, n: int) -> np.ndarray:
    """Each sentence's similarity summed over the members of its fact (itself included), all facts
    at once: the representative of a fact is its most central member. Each row's entries are summed
    in stored order by NumPy's add reduction, as scipy sums the rows of a submatrix, so that
    near-ties between copies of one sentence go the same way as when each fact was summed alone."""
    entries = similarity.tocoo()
    within = group_of[entries.row] == group_of[entries.col]
    rows, values = entries.row[within], entries.data[within]
    centrality = np.zeros(n)
    if len(rows):
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        centrality[rows[starts]] = np.add.reduceat(values, starts)
    return centrality


def _confidences(group_of: np.ndarray, first: np.ndarray, second: np.ndarray, probability: np.ndarray) -> np.ndarray:
    """Per sentence, its fact's confidence (``Fact.confidence``): the lowest probability between two
    sentences of a fact of several (members joined through others may be less alike than the links
    that joined them); for a sentence alone, one minus its best probability of a match."""
    n = len(group_of)
    sizes = np.bincount(group_of, minlength=n)
    weakest = np.ones(n)
    best = np.zeros(n)
    inside = group_of[first] == group_of[second]
    np.minimum.at(weakest, group_of[first[inside]], probability[inside])
    np.maximum.at(best, first, probability)
    np.maximum.at(best, second, probability)
    return np.where(sizes[group_of] > 1, weakest[group_of], 1.0 - best)
