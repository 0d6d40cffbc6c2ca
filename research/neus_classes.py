"""Story clustering with a weight per word class learned from the NeuS training triplets.

    python research/neus_classes.py fit [--c C]          # class weights from NeuS train pairs, checked on NeuS val
    python research/neus_classes.py curve [--thresholds T ...]
                                                           # the fitted weights on the three gold sets

Why: ``neus_terms.py`` learned a weight per word and found that it does not carry over to other
stories (a word's story-specificity belongs to its month). A weight per kind of word might: are
shared numbers, names, weekdays and months worth more or less than shared common words? Every
title and body word is put in one class when the articles are vectorised, from its own text:
``number`` (holds a digit), ``calendar`` (a weekday or month name), ``name`` (capitalised more often
than not where it does not start a sentence, counted over the articles seen so far), else
``word``; the entity sub-vector is its own class. A pair's similarity is then the sum of one term
per sub-vector and class (title, body x 4 classes, entities: 9 terms), and a logistic regression on
NeuS training pairs (leaked triplets dropped as in ``neus_terms.py``: every same-triplet pair, and
every pair of different triplets whose default cosine is at least 0.05, the pairs a clusterer has
to tell apart) weighs them. The square root of each coefficient over the body-word coefficient
becomes a multiplier of that class's TF-IDF (a dot product of the scaled vectors is then the
fitted sum, up to the normalisation), so the result would ship as nine constants.

Measured (docs/evaluation.md "Stories: clustering quality"): NeuS validation 0.823 against the default's 0.824
at 0.15; on the three gold sets it trades DUC 2004 against AllSides and Multi-News.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from neus_terms import _score_with, candidate_pairs, neus_articles, run
from stories_bench import GOLD_SETS, pooled

CLASSES = ("title word", "title name", "title number", "title calendar", "body word", "body name", "body number",
           "body calendar", "entities")
_TOKEN = re.compile(r"(?:[A-Za-z0-9_]|[^\x00-\x7f])+")
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                      "june july august september october november december".split())
_SENTENCE_END = re.compile(r"[.!?:\"'“”‘’]\s*$")


def class_vectorizer(multiplier: np.ndarray | None = None):
    """The default vectorizer that also tracks each title and body feature's word class, and, given
    ``multiplier`` (one per class of ``CLASSES``), scales each feature's TF-IDF by its class's."""
    from newsprism.stories.tokens import word_hashes
    from newsprism.stories.vectors import StreamVectorizer, feature_columns, normalise_rows

    class ClassTracking(StreamVectorizer):
        def __init__(self) -> None:
            super().__init__()
            n = self.settings.n_features
            self.capitalised = np.zeros(2 * n, dtype=np.int64)  # title and body features
            self.lowercase = np.zeros(2 * n, dtype=np.int64)
            self.fixed = np.zeros(2 * n, dtype=np.int8)  # 0 word-or-name, 2 number, 3 calendar
            self._column: dict[str, int] = {}

        def column(self, token: str) -> int:
            found = self._column.get(token)
            if found is None:
                found = int(feature_columns(word_hashes(token, 1), self.settings.n_features)[0])
                self._column[token] = found
            return found

        def counts(self, articles):
            n = self.settings.n_features
            for offset, texts in ((0, [a.title or "" for a in articles]), (n, [a.text for a in articles])):
                seen: Counter = Counter()
                for text in texts:
                    for match in _TOKEN.finditer(text[: self.settings.body_words * 40]):
                        token = match.group(0)
                        if len(token.encode()) < 2:
                            continue
                        lower = token.lower()
                        column = offset + self.column(lower)
                        if any(c.isdigit() for c in token):
                            self.fixed[column] = 2
                        elif lower in _CALENDAR:
                            self.fixed[column] = 3
                        elif match.start() and not _SENTENCE_END.search(text[max(0, match.start() - 3): match.start()]):
                            seen[(column, token[0].isupper())] += 1
                for (column, upper), number in seen.items():
                    (self.capitalised if upper else self.lowercase)[column] += number
            return super().counts(articles)

        def feature_class(self) -> np.ndarray:
            """Index into ``CLASSES`` of every feature of the three sub-vectors."""
            n = self.settings.n_features
            kind = np.where(self.fixed > 0, self.fixed, (self.capitalised > self.lowercase).astype(np.int8))
            return np.concatenate([kind[:n], 4 + kind[n:], np.full(n, 8, dtype=np.int8)])

        def weigh(self, counts):
            rows = super().weigh(counts)
            if multiplier is None:
                return rows
            rows.data = (rows.data * multiplier[self.feature_class()[rows.indices]]).astype(np.float32)
            return normalise_rows(rows)

    return ClassTracking()


def pair_terms(articles, gold, minimum: float):
    """For the same-triplet pairs and the other pairs of default cosine >= ``minimum``: the 9 class
    terms of their default similarity, and whether they are one triplet."""
    vectorizer = class_vectorizer()
    x = vectorizer.fit_weigh(vectorizer.counts(articles))
    story = np.array([gold[a.id] for a in articles])
    i, j = candidate_pairs(x, story, minimum)
    classes = vectorizer.feature_class()
    terms = np.zeros((len(i), len(CLASSES)))
    product = x[i].multiply(x[j]).tocsr()
    rows = np.repeat(np.arange(len(i)), np.diff(product.indptr))
    np.add.at(terms, (rows, classes[product.indices]), product.data)
    return terms, story[i] == story[j]


def fitted_multiplier(c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    articles, gold = neus_articles("train")
    terms, same = pair_terms(articles, gold, 0.05)
    model = LogisticRegression(C=c, max_iter=1000).fit(terms, same)
    coef = model.coef_[0]
    print(f"NeuS train: {len(same)} pairs, {same.sum()} in one triplet; intercept {model.intercept_[0]:.2f}")
    print("| class | share of pair similarity (same / other) | coefficient | multiplier |")
    print("| --- | --- | --- | --- |")
    multiplier = np.sqrt(np.clip(coef, 0.0, None) / coef[CLASSES.index("body word")])
    for k, name in enumerate(CLASSES):
        shares = f"{terms[same, k].sum() / terms[same].sum():.3f} / {terms[~same, k].sum() / terms[~same].sum():.3f}"
        print(f"| {name} | {shares} "
              f"| {coef[k]:.2f} | {multiplier[k]:.2f} |")
    return multiplier


def fit(args: argparse.Namespace) -> None:
    multiplier = fitted_multiplier(args.c)
    articles, gold = neus_articles("val")
    print(f"\nNeuS validation, {len(articles)} articles:")
    _table({"NeuS val": (articles, gold)}, multiplier, args.thresholds)


def curve(args: argparse.Namespace) -> None:
    multiplier = fitted_multiplier(args.c)
    print()
    _table({name: pooled(path) for name, path in GOLD_SETS.items()}, multiplier, args.thresholds)


def _table(sets, multiplier, thresholds) -> None:
    print("| weighting | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sets) + " |")
    for label, weights in (("TF-IDF (default)", None), ("NeuS word classes", multiplier)):
        for threshold in thresholds:
            cells = [_score_with(articles, gold, threshold, class_vectorizer(weights) if weights is not None else None)
                     for articles, gold in sets.values()]
            print(f"| {label} | {threshold} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    for name, func in (("fit", fit), ("curve", curve)):
        p = sub.add_parser(name)
        p.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
        p.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.15, 0.2, 0.25, 0.3])
        p.set_defaults(func=func)
    run(parser)


if __name__ == "__main__":
    main()
