"""Loaded words in the outlet's own voice against BASIL's lexical-bias spans: the lexicon, and a
learned decision over its candidates.

    python benchmarks/framing_basil.py [--wide] [--meaning] [--min-recall 0.30] [--C 1.0]

``lexicon``: the bundled lexicon alone, as ``FramingSettings`` uses it (words outside quotations,
capitalised words inside a sentence left out), on all events and on each half
(``newsprism.evaluate.lexical_bias.event_half``).

``learned``: every candidate (a lexicon word or phrase; with ``--wide`` also every word of VADER's
lexicon with a valence of at least 1, every adjective of TextBlob's subjectivity lexicon with a
subjectivity of at least 0.5, and every ``-ly`` adverb) is described by general features (below) and
a logistic model (scikit-learn, standardised features, ``--C``) decides whether to flag it. Two
folds by the halves of the events: fitted on one half, measured on the other. The operating
threshold is chosen on the fitting half only: out-of-fold probabilities from five folds by event
inside that half, and the threshold giving the highest precision at recall >= ``--min-recall``.
For reading, the held-out half's best precision at that recall over every threshold is printed too,
marked as an oracle (it chooses on the held-out half, so it bounds what any threshold could give).

Features: the lexicon's polarity class (neg, pos, int) and whether the candidate is a phrase; its
form (``-ly`` adverb, an adjective ending, ``-ed``/``-ing``); its position (offset in the article,
first paragraph); whether it lies inside a stance record or reported speech of ``extract_quotes``;
how often its stem recurs in the article; the share of the story's other articles that use the stem
(a word every outlet uses is less likely one outlet's slant); the words of its sentence and the
other candidates in it. ``--wide`` adds VADER's valence, TextBlob's subjectivity and polarity, the
Brill part of speech TextBlob ships and the word's Zipf frequency (``wordfreq``); these packages are
in the ``bench`` extra and read from their installed files (nothing is downloaded).
"""

from __future__ import annotations

import argparse
import math
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np

from newsprism.analysis.framing import WORD, base_forms, find_loaded, in_name, loaded_lexicon
from newsprism.analysis.quotes import extract_quotes, is_speech
from newsprism.evaluate.lexical_bias import BasilArticle, LexicalScore, read_events
from newsprism.model import Article
from newsprism.text.segment import segment

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil" / "basil_triplets.jsonl"
FEATURES = ("neg", "pos", "int", "lexicon", "phrase", "-ly", "adjective ending", "-ed/-ing", "offset", "lead",
            "in stance", "in reported speech", "repeated", "other outlets", "sentence words", "other candidates in sentence")
"""The names of the general features, in order (printed with the weights the model gives them)."""
ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "ic", "al", "able", "ible", "ant", "ent", "ish")


@dataclass(frozen=True, slots=True)
class Candidate:
    article: BasilArticle
    start: int
    end: int
    word: str
    features: tuple[float, ...]
    right: bool


class WideLexicons:
    """VADER's valences, TextBlob's adjective subjectivity and Brill tags, and wordfreq: each read
    from its installed package (``pip install '.[bench]'``)."""

    FEATURES = ("VADER valence", "in VADER", "subjectivity", "TextBlob polarity", "JJ", "RB", "VB", "NN", "Zipf frequency")

    def __init__(self) -> None:
        import wordfreq  # noqa: F401 (imported here: only --wide needs it)

        self.zipf = wordfreq.zipf_frequency
        vader = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
        self.valence = {p[0]: float(p[1]) for line in vader.splitlines() if len(p := line.split("\t")) > 1}
        self.subjectivity: dict[str, tuple[float, float]] = {}
        xml = resources.files("textblob").joinpath("en/en-sentiment.xml").read_text(encoding="utf-8")
        for word in ET.fromstring(xml).iter("word"):
            form, old = word.get("form", "").lower(), self.subjectivity.get(word.get("form", "").lower(), (0.0, 0.0))
            self.subjectivity[form] = (max(old[0], float(word.get("subjectivity", 0))), max(old[1], abs(float(word.get("polarity", 0)))))
        brill = resources.files("textblob").joinpath("en/en-lexicon.txt").read_text(encoding="utf-8")
        self.tag = {p[0]: p[1] for line in brill.splitlines() if not line.startswith(";") and len(p := line.split()) > 1}

    def lookup(self, table: dict, word: str):  # type: ignore[type-arg]
        return next((table[f] for f in base_forms(word) if f in table), None)

    def is_candidate(self, word: str) -> bool:
        valence, subjective = self.lookup(self.valence, word), self.lookup(self.subjectivity, word)
        return ((valence is not None and abs(valence) >= 1.0) or (subjective is not None and subjective[0] >= 0.5)
                or (word.endswith("ly") and len(word) > 5 and self.tag.get(word, "RB") == "RB"))

    def features(self, word: str) -> list[float]:
        valence, subjective = self.lookup(self.valence, word), self.lookup(self.subjectivity, word)
        tag = self.tag.get(word) or self.lookup(self.tag, word) or ""
        return [abs(valence) / 4 if valence is not None else 0.0, float(valence is not None),
                subjective[0] if subjective else 0.0, subjective[1] if subjective else 0.0,
                *(float(tag.startswith(p)) for p in ("JJ", "RB", "VB", "NN")), self.zipf(word, "en") / 7]


def _stem(word: str) -> str:
    return min(base_forms(word), key=len)


def candidates(event: Sequence[BasilArticle], wide: WideLexicons | None) -> list[Candidate]:
    """The candidates of every article of ``event`` with their features and whether each is right."""
    lexicon = loaded_lexicon()
    stems = {a.id: Counter(_stem(m.group().lower()) for m in WORD.finditer(a.text)) for a in event}
    found = []
    for article in event:
        document = Article(id=article.id, text=article.text)
        sentences = segment(document)
        records = extract_quotes(document, sentences)
        spans = [(s.start, s.end, s.label) for s in find_loaded(article.text, article.id, lexicon, article.quoted, names=False)]
        taken = {i for start, end, _ in spans for i in range(start, end)}
        if wide:
            for m in WORD.finditer(article.text):
                word = m.group().lower().replace("’", "'")
                if (m.start() not in taken and not any(lo <= m.start() < hi for lo, hi in article.quoted)
                        and not in_name(article.text, m.start())
                        and wide.is_candidate(word)):
                    spans.append((m.start(), m.end(), ""))
        lead_end = article.text.find("\n\n") % (len(article.text) + 1)
        others = [stems[a.id] for a in event if a.id != article.id]
        for start, end, label in spans:
            word = article.text[start:end].lower().replace("’", "'")
            sentence = next((s for s in sentences if s.start <= start < s.end), None)
            in_sentence = sum(1 for s0, _, _ in spans if sentence and sentence.start <= s0 < sentence.end) - 1
            record = next((r for r in records if r.start <= start < r.end), None)
            features = [
                float(label == "neg"), float(label == "pos"), float(label == "int"), float(bool(label)), float(" " in word),
                float(word.endswith("ly")), float(word.endswith(ADJECTIVE_ENDINGS)), float(word.endswith(("ed", "ing"))),
                start / len(article.text), float(start < lead_end),
                float(record is not None and not is_speech(record)), float(record is not None and is_speech(record)),
                math.log(max(stems[article.id][_stem(word)], 1)),
                sum(_stem(word) in o for o in others) / max(len(others), 1),
                math.log(len(sentence.text.split())) if sentence else 0.0, float(in_sentence),
                *(wide.features(word) if wide else ()),
            ]
            right = any(lo <= start and end <= hi for lo, hi in article.gold)
            found.append(Candidate(article, start, end, word, tuple(features), right))
    return found


def with_meaning(rows: Sequence[Candidate]) -> list[Candidate]:
    """``rows`` with the MiniLM vector of each candidate's word (alone, lower-cased) added to its
    features: words of like meaning (``grumbled``, ``complained``) then share what is learned."""
    from newsprism.analysis.meaning import shared_encoder

    words = sorted({c.word for c in rows})
    vectors = dict(zip(words, shared_encoder().sentence_vectors(words)))
    return [replace(c, features=(*c.features, *vectors[c.word].tolist())) for c in rows]


def score(articles: Sequence[BasilArticle], flagged: Sequence[Candidate]) -> LexicalScore:
    """The lexical score of ``flagged`` over ``articles`` (an article with no flag still counts its spans)."""
    by_article = defaultdict(list)
    for c in flagged:
        by_article[c.article.id, c.article.event].append((c.start, c.end))
    total = LexicalScore()
    for article in articles:
        total.add(by_article[article.id, article.event], article.gold)
    return total


def fit(rows: Sequence[Candidate], C: float) -> tuple[Callable[[Sequence[Candidate]], np.ndarray], np.ndarray]:
    """A logistic model over standardised features: its probability function and its weights."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([c.features for c in rows])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(x), [c.right for c in rows])
    return (lambda cs: model.predict_proba(scaler.transform(np.array([c.features for c in cs])))[:, 1]), model.coef_[0]


def choose_threshold(articles: Sequence[BasilArticle], rows: Sequence[Candidate], min_recall: float, C: float) -> float:
    """The threshold with the highest out-of-fold precision at recall >= ``min_recall`` (five folds by event)."""
    events = sorted({a.event for a in articles})
    p = np.zeros(len(rows))
    for k in range(5):
        held = {e for i, e in enumerate(events) if i % 5 == k}
        train = [c for c in rows if c.article.event not in held]
        index = [i for i, c in enumerate(rows) if c.article.event in held]
        p[index] = fit(train, C)[0]([rows[i] for i in index])
    return best_threshold(articles, rows, p, min_recall)[0]


def best_threshold(articles: Sequence[BasilArticle], rows: Sequence[Candidate], p: np.ndarray, min_recall: float) -> tuple[float, LexicalScore]:
    best: tuple[float, LexicalScore] = (0.0, score(articles, rows))
    for threshold in sorted(set(p.round(4))):
        s = score(articles, [c for c, q in zip(rows, p) if q >= threshold])
        if s.recall >= min_recall and s.precision > best[1].precision:
            best = (float(threshold), s)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--wide", action="store_true", help="candidates and features from VADER, TextBlob and wordfreq")
    parser.add_argument("--min-recall", type=float, default=0.30, help="the recall the threshold must keep (the goal: 0.30)")
    parser.add_argument("--meaning", action="store_true", help="add each candidate word's MiniLM vector to its features")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength of the logistic model")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent (licensed evaluation data, never in the repository)", file=sys.stderr)
        return 1
    wide = None
    if args.wide:
        try:
            wide = WideLexicons()
        except ImportError as error:
            print(f"skipped --wide: {error} (pip install '.[bench]')", file=sys.stderr)
            return 1
    events = list(read_events(args.data))
    articles = [a for event in events for a in event]
    rows = [c for event in events for c in candidates(event, wide)]
    lexicon_rows = [c for c in rows if c.features[3]]
    if args.meaning:
        rows = with_meaning(rows)
    print(f"lexicon, all events: {score(articles, lexicon_rows).summary()}")
    for half in (0, 1):
        print(f"lexicon, half {half}: {score([a for a in articles if a.half == half], [c for c in lexicon_rows if c.article.half == half]).summary()}")
    ceiling = score(articles, rows)
    print(f"candidates{' (wide)' if wide else ''}: {len(rows)}, of which right {sum(c.right for c in rows)}; every candidate flagged: {ceiling.summary()}")
    for tune in (0, 1):
        held = 1 - tune
        fitting = [a for a in articles if a.half == tune]
        fit_rows, held_rows = [c for c in rows if c.article.half == tune], [c for c in rows if c.article.half == held]
        threshold = choose_threshold(fitting, fit_rows, args.min_recall, args.C)
        probability, weights = fit(fit_rows, args.C)
        p = probability(held_rows)
        measured = score([a for a in articles if a.half == held], [c for c, q in zip(held_rows, p) if q >= threshold])
        oracle, best = best_threshold([a for a in articles if a.half == held], held_rows, p, args.min_recall)
        print(f"learned, fitted on half {tune}, threshold {threshold:.4f} (chosen there): half {held} {measured.summary()}; "
              f"oracle threshold {oracle:.4f} on half {held}: {best.summary()}")
        names = (*FEATURES, *(WideLexicons.FEATURES if wide else ()))
        print("  weights (standardised): " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(names, weights)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
