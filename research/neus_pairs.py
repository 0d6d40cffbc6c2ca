"""A "same story?" pair model trained on NeuS pairs, against the SemEval one, and in the clusterer.

    python research/neus_pairs.py fit [--cache DIR]        # AUCs of the NeuS and SemEval pair models
    python research/neus_pairs.py cluster [--cache DIR] [--thresholds T ...]
                                                             # the NeuS model's mix in the clusterer

Why: ``pair_model.py`` learned the mix of title, body and entity TF-IDF cosines and MiniLM's cosine
from 193 SemEval-2022 pairs. NeuS has far more labelled pairs: in its training triplets (leaked
triplets dropped as in ``neus_terms.py``), every pair of one triplet is "same story", and every
pair of different triplets with a default TF-IDF cosine of at least 0.05 is "other" (the pairs a
clusterer has to tell apart; the rest are easy). A logistic regression on the pair's cosines
(title, body, entities, each sub-vector normalised on its own, IDF over the set; MiniLM of title
and first words, centred on the NeuS training mean; the clusterer's default TF-IDF vector) is
scored by ROC AUC: 5-fold cross-validation grouped by triplet on NeuS train, and on the pairs of
NeuS validation and of SemEval, for the model fitted on NeuS and the one fitted on SemEval (the
same features; on SemEval the latter is in sample). A sum of cosines is a dot product
of the sub-vectors each normalised and scaled by the square root of its coefficient, so ``cluster``
runs the clusterer on exactly that vector (weights normalised to sum to 1): NeuS validation first,
then the three gold sets. Name and number overlap are in the TF-IDF sub-vectors already
(``neus_classes.py`` weighs them apart). Needs the ``[neural]`` extra.

Measured (docs/evaluation.md "Stories: clustering quality"): the NeuS- and SemEval-fitted models rank pairs
alike; a learned TF-IDF mix is no better than the default vector, and the mix with MiniLM does not
beat the default on all three gold sets at one threshold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from neus_projection import embeddings, project
from neus_terms import _score_with, candidate_pairs, neus_articles, run
from stories_bench import GOLD_SETS, pooled, semeval_articles

BLOCKS = ("title", "body", "entities")
FEATURES = (*BLOCKS, "MiniLM", "default TF-IDF")
MINIMUM = 0.05


def block_vectorizer(weights, mean: np.ndarray, vectors: dict[str, np.ndarray] | None = None):
    """Title, body and entity TF-IDF each normalised on its own and scaled by the square root of its
    weight, beside the centred unit MiniLM vector (from ``vectors``, by article id) scaled by the
    square root of the last weight: a dot product is the weighted sum of the four cosines. Without
    ``vectors``, the three TF-IDF blocks only."""
    from newsprism.stories.vectors import StreamVectorizer, normalise_rows

    class Blocks(StreamVectorizer):
        @property
        def n_features(self) -> int:
            return 3 * self.settings.n_features + (0 if vectors is None else len(mean))

        def counts(self, articles):
            found = super().counts(articles)
            if vectors is None:
                return found
            dense = project(np.stack([vectors[a.id] for a in articles]), None, mean)
            return sp.hstack([found, sp.csr_matrix(dense)], format="csr")

        def weigh(self, counts):
            n = self.settings.n_features
            idf = np.log((1.0 + self.n_documents_) / (1.0 + self.df_[: 3 * n])) + 1.0
            words = counts[:, : 3 * n].copy()
            words.data = np.log1p(words.data) * idf[words.indices]
            parts = [normalise_rows(words[:, k * n : (k + 1) * n].tocsr()) * np.sqrt(weights[k])
                     for k in range(3)]
            if vectors is not None:
                parts.append(counts[:, 3 * n :] * np.sqrt(weights[3]))
            return sp.hstack(parts, format="csr")

    return Blocks()


def pair_features(articles, e: np.ndarray, mean: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The five cosines (``FEATURES``) of each pair ``(i[k], j[k])`` of ``articles``."""
    from newsprism.stories.vectors import StreamVectorizer

    unit = np.eye(4)
    columns = []
    for k in range(3):
        vectorizer = block_vectorizer(unit[k], mean)
        x = vectorizer.fit_weigh(vectorizer.counts(articles))
        columns.append(np.asarray(x[i].multiply(x[j]).sum(axis=1)).ravel())
    z = project(e, None, mean)
    columns.append((z[i] * z[j]).sum(axis=1))
    x = StreamVectorizer().partial_fit(articles).transform(articles)
    columns.append(np.asarray(x[i].multiply(x[j]).sum(axis=1)).ravel())
    return np.column_stack(columns)


def neus_pairs(split: str, cache: Path | None, mean: np.ndarray | None = None):
    """Features and labels of the learning pairs of a NeuS split, the triplet of each pair, and
    the split's embedding mean."""
    from newsprism.stories.vectors import StreamVectorizer

    articles, gold = neus_articles(split)
    e = embeddings(f"neus_{split}", articles, cache)
    mean = e.mean(axis=0) if mean is None else mean
    story = np.array([gold[a.id] for a in articles])
    i, j = candidate_pairs(StreamVectorizer().partial_fit(articles).transform(articles), story, MINIMUM)
    return pair_features(articles, e, mean, i, j), story[i] == story[j], story[i], mean


def semeval_pairs(cache: Path | None, mean: np.ndarray):
    articles, overall = semeval_articles()
    e = embeddings("semeval", articles, cache)
    i = np.arange(0, len(articles), 2)
    return pair_features(articles, e, mean, i, i + 1), overall <= 2.0


def _fit(x, y, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=1000).fit(x, y)


def fit(args: argparse.Namespace) -> None:
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    x, y, group, mean = neus_pairs("train", args.cache)
    x_val, y_val, _, _ = neus_pairs("val", args.cache, mean)
    x_sem, y_sem = semeval_pairs(args.cache, mean)
    print(f"pairs: NeuS train {len(y)} ({y.sum()} same), NeuS val {len(y_val)} ({y_val.sum()} same), "
          f"SemEval {len(y_sem)} ({y_sem.sum()} same, overall <= 2)")
    print("| features | fitted on | CV ROC AUC (NeuS train, 5 folds by triplet) | ROC AUC NeuS val | ROC AUC SemEval | "
          "weights (coefficients / their sum) | threshold (p = 0.5) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    sets = [[k] for k in range(5)] + [[0, 1, 2], [4, 3], [0, 1, 2, 3]]
    for columns in sets:
        names = " + ".join(FEATURES[k] for k in columns)
        cv = np.zeros(len(y))
        for train, test in GroupKFold(5).split(x, y, group):
            cv[test] = _fit(x[train][:, columns], y[train], args.c).decision_function(x[test][:, columns])
        fitted = (("NeuS", _fit(x[:, columns], y, args.c)), ("SemEval", _fit(x_sem[:, columns], y_sem, args.c)))
        for label, model in fitted:
            coef, b = model.coef_[0], model.intercept_[0]
            semeval = roc_auc_score(y_sem, model.decision_function(x_sem[:, columns]))
            print(f"| {names} | {label} | {f'{roc_auc_score(y, cv):.3f}' if label == 'NeuS' else '-'} | "
                  f"{roc_auc_score(y_val, model.decision_function(x_val[:, columns])):.3f} | "
                  f"{semeval:.3f}{' (in sample)' if label == 'SemEval' and len(columns) > 1 else ''} | "
                  f"{' / '.join(f'{v / coef.sum():.2f}' for v in coef)} | {-b / coef.sum():.3f} |", flush=True)


def cluster(args: argparse.Namespace) -> None:
    x, y, _, mean = neus_pairs("train", args.cache)
    columns = list(range(4)) if args.minilm else [0, 1, 2]
    model = _fit(x[:, columns], y, args.c)
    weights = np.clip(model.coef_[0], 0.0, None)
    weights = weights / weights.sum()
    print(f"NeuS pair model weights ({' / '.join(FEATURES[k] for k in columns)}): "
          f"{' / '.join(f'{w:.2f}' for w in weights)}; p = 0.5 at {-model.intercept_[0] / model.coef_[0].sum():.3f}")
    sets = {"NeuS val": neus_articles("val")} if args.val else {n: pooled(p) for n, p in GOLD_SETS.items()}
    cached = {name: embeddings(name if name != "NeuS val" else "neus_val", articles, args.cache)
              for name, (articles, _) in sets.items()} if args.minilm else {}
    print("| representation | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sets) + " |")
    label = "NeuS pair model" + (" (with MiniLM)" if args.minilm else " (TF-IDF blocks)")
    for threshold in args.thresholds:
        cells = []
        for name, (articles, gold) in sets.items():
            vectors = dict(zip((a.id for a in articles), cached[name])) if args.minilm else None
            vectorizer = block_vectorizer(weights, mean, vectors)
            cells.append(_score_with(articles, gold, threshold, vectorizer))
        print(f"| {label} | {threshold} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("fit")
    p.set_defaults(func=fit)
    p = sub.add_parser("cluster")
    p.add_argument("--val", action="store_true", help="NeuS validation instead of the three gold sets")
    p.add_argument("--no-minilm", dest="minilm", action="store_false", help="the TF-IDF blocks only")
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4])
    p.set_defaults(func=cluster)
    for p in sub.choices.values():
        p.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
        p.add_argument("--cache", type=Path, help="folder keeping each set's MiniLM embeddings")
    run(parser)


if __name__ == "__main__":
    main()
