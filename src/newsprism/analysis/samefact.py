"""Do two sentences of different articles tell the same fact? Evidence beyond shared words.

Shared words are the lexical core of paraphrase detection, but they confuse two cases an editor
tells apart at once: a paraphrase with few words in common ("The US economy added only 266,000
jobs in April" / "America's employers added just 266,000 jobs last month") and a near miss with
many ("Yucaipa bought Dominick's in 1995 for $693 million" / "Yucaipa owned Dominick's before
selling the chain to Safeway in 1998"). The difference is in the details: a number or a date that
differs, a name one sentence has and the other lacks, a negation on one side only, a different
speaker, and how much one sentence says that the other does not.

``pair_features`` measures those details for a pair of sentences; ``SameFactModel`` turns them into
a probability with a logistic model whose weights are learned on the Microsoft Research Paraphrase
Corpus (news sentence pairs from different outlets judged same-meaning or not) and on the candidate
pairs of hand-annotated stories (``tests/analysis/fact_annotations_*.json``), shipped as a
small data file (``data/samefact_model.json``; ``benchmarks/facts_bench.py fit`` writes it and
states how it was fitted), plus the rules the weights alone do not enforce: numbers, months or
quotations that differ make two facts (``details_differ``), and the same uncommon figures make one
from a lower probability (``shares_a_figure``). The decision is an injected part: anything with a
``threshold`` and a ``probabilities(pairs)`` method can stand in for it (``SameFactJudge``).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

from newsprism.analysis.meaning import MEANING_FEATURES, MiniLMEncoder, meaning_features, shared_encoder
from newsprism.errors import NewsprismError
from newsprism.text.stems import stem
from newsprism.text.stopwords import ENGLISH_STOP_WORDS
from newsprism.text.words import SPEECH_VERBS

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_NAMED_NUMBER = re.compile(r"[^\W\d_]-")
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)(?:[\"“”]|$)")
_NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "n't", "cannot"})
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12",
}
_SPEECH = frozenset(SPEECH_VERBS)


@dataclass(frozen=True, slots=True)
class _Parsed:
    """The parts of a sentence the features compare (computed once per sentence)."""

    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool
    speaker_words: frozenset[str]
    length: int
    tokens: tuple[str, ...]
    chars: frozenset[str]
    values: tuple[float, ...]
    """The numbers the sentence gives, years apart."""
    dates: frozenset[str]
    quoted: frozenset[str]
    """Content stems inside quotation marks (to the sentence's end when a quotation runs on)."""
    said: frozenset[str]
    """The content stems of the quotations of five words or more: what someone said, not a phrase
    the outlet borrows or holds at a distance ("a financial “burden”", "the “lab leak theory”", "a
    “very heavy price”")."""
    negated_words: frozenset[str]
    """The stem of the first content word after each negation: what is denied ("resign" in "will
    not resign", "casualti" in "No casualties were reported")."""


def _number_key(token: str) -> str:
    """"266,000" and "266000" compare equal, and "10.0" and "10"; "1.5" keeps its point."""
    plain = token.replace(",", "")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


@lru_cache(maxsize=2**16)
def parse(text: str) -> _Parsed:
    raw = _TOKEN.findall(text)
    lowered = [t.lower().replace("’", "'") for t in raw]
    tokens: list[str] = []
    for token in lowered:  # "didn't" -> "did", "n't" so that the negation is one token
        if token.endswith("n't") and len(token) > 3:
            tokens.extend((token[:-3], "n't"))
        else:
            tokens.append(token)
    stems = [stem(t) for t in tokens]
    squeezed = " ".join(lowered)
    content = [s for t, s in zip(tokens, stems) if t not in ENGLISH_STOP_WORDS and t not in _NEGATIONS]
    numbers = {_number_key(t) for t in tokens if t[0].isdigit()}
    numbers |= {NUMBER_WORDS[t] for t in tokens if t in NUMBER_WORDS}
    dates = {word.lower()[:3] for word in raw if word[:1].isupper() and word.lower() in DATE_WORDS}
    numbers |= dates  # months and weekdays, capitalised: the verb "may" is not May
    names = {
        stem(word.lower()) for position, word in enumerate(raw)
        if position > 0 and word[:1].isupper() and word.lower() not in ENGLISH_STOP_WORDS and word.lower() not in DATE_WORDS
    }
    speaker: set[str] = set()
    for position, token in enumerate(tokens):
        if token in _SPEECH:
            speaker.update(s for t, s in zip(tokens[max(0, position - 3) : position + 4], stems[max(0, position - 3) : position + 4])
                           if t not in ENGLISH_STOP_WORDS and t not in _SPEECH)
    return _Parsed(
        content=frozenset(content),
        bigrams=frozenset(zip(stems, stems[1:])),
        numbers=frozenset(numbers),
        names=frozenset(names),
        negated=any(t in _NEGATIONS for t in tokens),
        speaker_words=frozenset(speaker),
        length=len(tokens),
        tokens=tuple(tokens),
        chars=frozenset(squeezed[i : i + 4] for i in range(len(squeezed) - 3)),
        values=_values(text),
        dates=frozenset(dates),
        quoted=frozenset(
            stem(word) for part in _QUOTED.findall(text)
            for word in (t.lower() for t in _TOKEN.findall(part)) if word not in ENGLISH_STOP_WORDS
        ),
        said=frozenset(
            stem(word) for part in _QUOTED.findall(text) if len(_TOKEN.findall(part)) >= 5
            for word in (t.lower() for t in _TOKEN.findall(part)) if word not in ENGLISH_STOP_WORDS
        ),
        negated_words=_negated_words(tokens, stems),
    )


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the words inside quotation marks (to the end of ``text`` when a
    quotation runs on past it), as ``_Parsed.quoted`` reads them."""
    return [match.span(1) for match in _QUOTED.finditer(text)]


def _negated_words(tokens: Sequence[str], stems: Sequence[str]) -> frozenset[str]:
    """The stem of the first content word within three words after each negation."""
    found = set()
    for position, token in enumerate(tokens):
        if token in _NEGATIONS:
            following = zip(tokens[position + 1 : position + 4], stems[position + 1 : position + 4])
            found.update(next(([s] for t, s in following if t not in ENGLISH_STOP_WORDS and t not in _NEGATIONS), []))
    return frozenset(found)


def _values(text: str) -> tuple[float, ...]:
    """The numbers a sentence gives, years apart, and numbers that are part of a name left out: the
    19 of "COVID-19", the 35 of "F-35" (a hyphen after a letter) give no figure, so that "cases fell
    below 30,000" and "COVID-19 cases fell below 30,000" share every figure."""
    return tuple(
        float(t.replace(",", "")) for match in _TOKEN.finditer(text)
        if _PLAIN_NUMBER.fullmatch(t := match.group()) and not _YEAR.fullmatch(t) and not _NAMED_NUMBER.match(text, max(0, match.start() - 2), match.start())
    )


FEATURES = (
    "content_min", "content_max", "bigram_min", "bigram_max", "unmatched_log", "length_ratio",
    "numbers_differ", "numbers_shared", "names_differ", "negation_differs", "speaker_differs",
    "words1_min", "words1_max", "words2_min", "words2_max", "words3_min", "words3_max", "words4_min", "words4_max",
    "chars_min", "chars_max", "similarity", "rank_min", "rank_max", "context_log",
)
"""The names of ``pair_features``' columns, in order (the model file lists them to refuse a mismatch)."""


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Two sentences of different articles as the alignment sees them.

    ``similarity``: their TF-IDF cosine within the story. ``rank_first``: that cosine over the best
    cosine of the first sentence with any sentence of the second's article (1.0: the second is the
    first's closest sentence there); ``rank_second`` the other way. A paraphrase is nearly always
    the closest sentence on both sides; a near miss often is not, because the article tells the
    fact elsewhere in other words.
    """

    first: str
    second: str
    similarity: float
    rank_first: float = 1.0
    rank_second: float = 1.0
    context: int = 2
    """How many sentences the two articles hold together: the more sentences the second article offers
    the first, the less likely any one of them is its paraphrase (the prior the model's intercept alone
    would fix for one kind of story)."""


def _overlaps(a: frozenset, b: frozenset) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    first, second = shared / len(a), shared / len(b)
    return min(first, second), max(first, second)


def _ngram_precisions(a: Sequence[str], b: Sequence[str], n: int) -> tuple[float, float]:
    """BLEU's clipped n-gram precision of each sentence against the other, (lower, higher)."""
    first, second = Counter(zip(*(a[i:] for i in range(n)))), Counter(zip(*(b[i:] for i in range(n))))
    if not first or not second:
        return 0.0, 0.0
    shared = sum((first & second).values())
    one, two = shared / sum(first.values()), shared / sum(second.values())
    return min(one, two), max(one, two)


def pair_features(pair: PairEvidence) -> list[float]:
    """The evidence for one pair, in the order of ``FEATURES``: stemmed word and word-pair overlap
    both ways, what each adds that the other lacks, differing numbers and dates, differing names, a
    negation on one side, a differing speaker, the clipped precisions of word n-grams (1 to 4, as the
    MT metrics that do well on MSRP count them) and of character 4-grams, the story's TF-IDF cosine,
    how close each sentence is to being the other's nearest, and how many sentences the articles hold."""
    a, b = parse(pair.first), parse(pair.second)
    content_min, content_max = _overlaps(a.content, b.content)
    bigram_min, bigram_max = _overlaps(a.bigrams, b.bigrams)
    numbers_differ = len(a.numbers ^ b.numbers) if a.numbers and b.numbers else 0
    names_differ = len(a.names ^ b.names) / max(1, len(a.names | b.names))
    speakers_differ = bool(a.speaker_words and b.speaker_words and not (a.speaker_words & b.speaker_words))
    features = [
        content_min, content_max, bigram_min, bigram_max, math.log1p(len(a.content ^ b.content)),
        min(a.length, b.length) / max(1, a.length, b.length),
        math.log1p(numbers_differ), float(bool(a.numbers & b.numbers)), names_differ,
        float(a.negated != b.negated), float(speakers_differ),
    ]
    for n in (1, 2, 3, 4):
        features.extend(_ngram_precisions(a.tokens, b.tokens, n))
    features.extend(_overlaps(a.chars, b.chars))
    features.extend((pair.similarity, min(pair.rank_first, pair.rank_second), max(pair.rank_first, pair.rank_second),
                     math.log(max(2, pair.context))))
    return features


def details_differ(first: str, second: str, tolerance: float = 0.05) -> bool:
    """Whatever else they share, two sentences do not tell one fact when

    - both give numbers and none of one's is within ``tolerance`` of one of the other's ("266,000
      jobs" against "226,000 jobs"; "$43,000" and "$43,350" are rounding), years left out: a shared
      "2018" does not hide two different counts, and two years in otherwise alike sentences are
      left to the conflicts (as a rule here, they cost 4 of 134 held-out gold pairs: sentences
      telling one fact often mention another year in passing); or both name months or weekdays and
      share none;
    - both quote and their quotations share less than half of the shorter one's words: two
      statements, however alike the words around them ("..., Pelosi said" twice); a quotation of
      fewer than five words is a phrase, not a statement ("deemed a “financial burden”" and
      "“does not advance the interests of the United States”" can tell one decision);
    - one negates what the other, sharing most of its words, says ("will resign" / "will not
      resign"); a negation in otherwise different words ("did not respond" / "declined to comment")
      is left to the model, and so is one of something the other does not mention ("No one was
      hurt, as the police had cleared the building" / "the police cleared the building an hour
      before"): the sentences then share a clause, not a claim and its denial;
    - they share fewer than two content words: a short sentence matches much by sharing little
      ("Guess again." / "Guess what?").
    """
    a, b = parse(first), parse(second)
    shared = len(a.content & b.content)
    quotes_differ = bool(a.said and b.said) and len(a.said & b.said) < 0.5 * min(len(a.said), len(b.said))
    negation_differs = (a.negated != b.negated and shared >= 0.6 * min(len(a.content), len(b.content))
                        and bool(a.negated_words & b.content or b.negated_words & a.content))
    return (numbers_differ(a.values, b.values, tolerance) or bool(a.dates and b.dates and not a.dates & b.dates)
            or quotes_differ or negation_differs or shared < 2)


def numbers_differ(first: Sequence[float], second: Sequence[float], tolerance: float = 0.05) -> bool:
    """Both give numbers and none of one's is within ``tolerance`` of one of the other's."""
    return bool(first and second) and not any(
        abs(x - y) <= tolerance * max(abs(x), abs(y)) for x in first for y in second
    )



def shares_a_figure(first: str, second: str) -> bool:
    """Both sentences give uncommon numbers (10 or more, or with a fraction; years left out: "54-35",
    "$3.04", "928 billion", not "Jan. 6", "two", "2021"), and every one of one sentence's is among the
    other's: "rose 5.2% to $1.2 billion" and "rose 5.2% to $3.4 billion" share a figure but tell two
    quantities, as MSRP's near misses often do."""
    a, b = _uncommon_values(first), _uncommon_values(second)
    return bool(a and b) and (a <= b or b <= a)


def _uncommon_values(text: str) -> set[float]:
    return {v for v in parse(text).values if v >= 10 or v != int(v)}


def feature_rows(pairs: Sequence[PairEvidence], encoder: MiniLMEncoder | None = None) -> np.ndarray:
    """A same-fact model's input: per pair, its ``pair_features``, then (with ``encoder``) its
    ``meaning_features``."""
    rows = np.array([pair_features(pair) for pair in pairs], dtype=np.float64).reshape(len(pairs), len(FEATURES))
    if encoder is None or not pairs:
        return rows
    first, second = encoder.encode([pair.first for pair in pairs]), encoder.encode([pair.second for pair in pairs])
    return np.c_[rows, np.array([meaning_features(a, b) for a, b in zip(first, second)], dtype=np.float64)]


class SameFactJudge(Protocol):
    """What the alignment asks of a same-fact decision: a probability for each pair of texts, given
    the pair's meaning similarity (the plain default is ``SameFactModel``)."""

    @property
    def threshold(self) -> float: ...  # read-only, so a frozen dataclass such as ``SameFactModel`` fits

    def probabilities(self, pairs: Sequence[PairEvidence]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class SameFactModel:
    """A logistic decision over ``pair_features`` (and, for a model fitted with them, MiniLM's
    ``meaning_features``): ``sigmoid(w . x + b)`` per pair.

    ``threshold`` is the probability at which two sentences are one fact; the shipped model's value
    and how it was fitted are in its file (``about``).
    """

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    about: str = ""
    contradiction: float = 0.5
    """The factor on the probability of a pair whose ``details_differ``: the design's rule that a
    differing number, date or speaker's words make two facts, which the learned weights alone do
    not enforce."""
    shared_figure: float = 0.3
    """The probability from which a pair that ``shares_a_figure`` is linked (raised to ``threshold``):
    two outlets' sentences giving the same uncommon numbers ("The 54-35 vote, with six Republicans
    breaking ranks, ..." / "Senators voted 54-35 on the House-passed bill, ...") tell one fact
    however differently the rest runs, which the learned weights, over word overlap, miss. Chosen
    on the annotated dev stories (docs/evaluation.md, "Pairs, MSRP and encoders")."""
    encoder: MiniLMEncoder | None = field(default=None, compare=False, hash=False)
    """Given, the model reads ``MEANING_FEATURES`` after ``FEATURES`` (a model fitted with them)."""

    def __post_init__(self) -> None:
        names = self.features
        if not len(self.weights) == len(self.mean) == len(self.scale) == len(names):
            raise NewsprismError(f"a same-fact model needs {len(names)} weights, means and scales ({', '.join(names)})")
        if not 0.0 < self.threshold < 1.0:
            raise NewsprismError(f"same-fact threshold must be in (0, 1), got {self.threshold}")
        if not 0.0 <= self.shared_figure <= 1.0:
            raise NewsprismError(f"shared_figure must be in [0, 1], got {self.shared_figure}")

    @property
    def features(self) -> tuple[str, ...]:
        return FEATURES + MEANING_FEATURES if self.encoder is not None else FEATURES

    def feature_rows(self, pairs: Sequence[PairEvidence]) -> np.ndarray:
        """The model's input: one row of ``features`` per pair."""
        rows = np.array([pair_features(pair) for pair in pairs], dtype=np.float64).reshape(len(pairs), len(FEATURES))
        if self.encoder is None or not pairs:
            return rows
        first = self.encoder.encode([pair.first for pair in pairs])
        second = self.encoder.encode([pair.second for pair in pairs])
        return np.c_[rows, np.array([meaning_features(a, b) for a, b in zip(first, second)], dtype=np.float64)]

    def probabilities(self, pairs: Sequence[PairEvidence]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        x = feature_rows(pairs, self.encoder)
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights) + self.bias
        contradicted = np.array([details_differ(pair.first, pair.second) for pair in pairs])
        probability = np.where(contradicted, self.contradiction, 1.0) / (1.0 + np.exp(-z))
        sharing = np.array([shares_a_figure(pair.first, pair.second) for pair in pairs])
        return np.where(sharing & (probability >= self.shared_figure), np.maximum(probability, self.threshold), probability)

    @classmethod
    def load(cls, path: str | None = None, *, meaning: bool = False) -> SameFactModel:
        """The model in ``path`` (JSON), or the one shipped with newsprism: over the lexical features
        alone, or (``meaning``) with MiniLM's as well."""
        if path is None:
            name = "data/samefact_model_meaning.json" if meaning else "data/samefact_model.json"
            text = resources.files("newsprism").joinpath(name).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        values = json.loads(text)
        wanted = FEATURES + MEANING_FEATURES if meaning else FEATURES
        if tuple(values.get("features", ())) != wanted:
            raise NewsprismError(f"same-fact model {path or 'shipped'} was fitted on other features: {values.get('features')}")
        return cls(
            weights=tuple(values["weights"]), bias=float(values["bias"]), mean=tuple(values["mean"]),
            scale=tuple(values["scale"]), threshold=float(values["threshold"]), about=values.get("about", ""),
            encoder=shared_encoder() if meaning else None,
        )


@lru_cache(maxsize=2)
def default_model(meaning: bool = False) -> SameFactModel:
    """The shipped model, loaded once per process (with ``meaning``, reading the process's one
    MiniLM encoder)."""
    return SameFactModel.load(meaning=meaning)
