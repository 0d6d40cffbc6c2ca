"""Story clustering with MiniLM embeddings projected by a matrix learned on the NeuS training triplets.

    python research/neus_projection.py select [--cache DIR]     # train, then choose dims / blend on NeuS val
    python research/neus_projection.py curve --dims D --weight W [--thresholds T ...] [--cache DIR]
                                                                   # the chosen blend on the three gold sets

Why: MiniLM sentence embeddings blended with the TF-IDF similarity help AllSides and hurt DUC 2004
(docs/evaluation.md "Stories: clustering quality"): a general-purpose embedding says "same subject", not
"same story". A linear projection ``W`` (384 x D, D small enough to ship as float16) trained
contrastively on NeuS triplets (three outlets' title and lead on one AllSides story; triplets
overlapping the AllSides evaluation set dropped as in ``neus_terms.py``) might keep the directions
that tell stories apart. The loss is the supervised contrastive loss (Khosla et al. 2020): within
a batch of triplets, each article's two triplet mates against every other article, on cosines of
``normalise(e @ W)`` at temperature 0.05. ``W`` starts as the training embeddings' top D principal
directions. Dimensions, epochs and the blend (``1 - W`` TF-IDF cosine + ``W`` projected cosine,
``pair_model.blended_vectorizer``) are chosen on NeuS validation, then measured on the three gold
sets. Needs the ``[neural]`` extra; ``--cache DIR`` keeps each set's embeddings (encoding all sets
takes about 7 minutes on 2 cores).

Measured (docs/evaluation.md "Stories: clustering quality"): training raises the ROC AUC of the training pairs
and lowers validation's (the projection learns the training stories); centring alone helps a
little, and no blend beats the default on all three gold sets at one threshold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from neus_terms import candidate_pairs, neus_articles, run
from pair_model import _encoder, cluster_blended, embed
from stories_bench import GOLD_SETS, pooled

TEMPERATURE = 0.05
BATCH = 128
"""Triplets per batch: 384 articles, each contrasted with the other 381 of other triplets."""


def embeddings(name: str, articles, cache: Path | None) -> np.ndarray:
    """MiniLM embeddings of ``articles`` (``pair_model.embed``), kept in ``cache`` when given."""
    ids = np.array([a.id for a in articles])
    path = cache / f"{name.replace(' ', '_')}.npz" if cache else None
    if path and path.exists():
        stored = np.load(path)
        if np.array_equal(stored["ids"], ids):
            return stored["emb"]
    found = embed(_encoder(), articles)
    if path:
        np.savez(path, ids=ids, emb=found)
    return found


def train(e: np.ndarray, triplet: np.ndarray, dims: int, epochs: int, seed: int = 0) -> np.ndarray:
    """The projection matrix (384 x ``dims``) learned with the supervised contrastive loss on the
    centred embeddings (``e`` minus its mean); no epochs: the top principal directions."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    centred = e - e.mean(axis=0)
    start = np.linalg.svd(centred, full_matrices=False)[2][:dims].T
    w = torch.tensor(start.copy(), dtype=torch.float32, requires_grad=True)
    x = torch.tensor(centred, dtype=torch.float32)
    groups = [np.flatnonzero(triplet == t) for t in np.unique(triplet)]
    optimiser = torch.optim.Adam([w], lr=1e-3)
    for _ in range(epochs):
        order = rng.permutation(len(groups))
        for begin in range(0, len(order), BATCH):
            members = [groups[g] for g in order[begin : begin + BATCH]]
            rows = torch.tensor(np.concatenate(members))
            label = torch.tensor(np.repeat(np.arange(len(members)), [len(m) for m in members]))
            z = torch.nn.functional.normalize(x[rows] @ w, dim=1)
            logits = z @ z.T / TEMPERATURE
            own = torch.eye(len(rows), dtype=torch.bool)
            logits = logits.masked_fill(own, -1e9)
            positive = (label[:, None] == label[None, :]) & ~own
            log_p = logits - torch.logsumexp(logits, dim=1, keepdim=True)
            loss = -(log_p * positive).sum(1) / positive.sum(1).clamp(min=1)
            optimiser.zero_grad()
            loss.mean().backward()
            optimiser.step()
    return w.detach().numpy()


def project(e: np.ndarray, w: np.ndarray | None, mean: np.ndarray | None = None) -> np.ndarray:
    """Unit rows of ``(e - mean) @ w`` (``w`` rounded to float16, as it would ship); without ``w``,
    of ``e - mean``; without ``mean`` either, ``e`` itself."""
    z = e if mean is None else e - mean.astype(np.float16).astype(np.float32)
    z = z if w is None else z @ w.astype(np.float16).astype(np.float32)
    return (z / np.linalg.norm(z, axis=1, keepdims=True)).astype(np.float32)


def pair_auc(z: np.ndarray, story: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]) -> float:
    """ROC AUC of the cosine of ``z`` rows for "one story" over ``pairs``."""
    from sklearn.metrics import roc_auc_score

    i, j = pairs
    return roc_auc_score(story[i] == story[j], (z[i] * z[j]).sum(axis=1))


def _training(cache):
    articles, gold = neus_articles("train")
    return embeddings("neus_train", articles, cache), np.array([gold[a.id] for a in articles])


def _cells(sets, mean, w, weight, threshold) -> list[str]:
    from newsprism.evaluate.clusters import score_clusters

    cells = []
    for articles, gold, e in sets.values():
        vectors = dict(zip((a.id for a in articles), project(e, w, mean)))
        assigned = cluster_blended(articles, threshold, vectors, weight)
        s = score_clusters(gold, {a.article: a.story for a in assigned})
        cells.append(f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**")
    return cells


def select(args: argparse.Namespace) -> None:
    from newsprism.stories.vectors import StreamVectorizer

    e_train, triplet = _training(args.cache)
    mean = e_train.mean(axis=0)
    articles, gold = neus_articles("val")
    e_val = embeddings("neus_val", articles, args.cache)
    story = np.array([gold[a.id] for a in articles])
    sets = {"NeuS val": (articles, gold, e_val)}
    pairs = candidate_pairs(StreamVectorizer().partial_fit(articles).transform(articles), story, 0.05)
    train_articles, train_gold = neus_articles("train")
    train_pairs = candidate_pairs(StreamVectorizer().partial_fit(train_articles).transform(train_articles), triplet,
                                  0.05)
    print(f"NeuS train {len(e_train)} articles, val {len(e_val)}; val pairs for the ROC AUC: {len(pairs[0])} "
          f"(every same-triplet pair, {(story[pairs[0]] == story[pairs[1]]).sum()}, and every other pair of "
          "default TF-IDF cosine >= 0.05)")
    print("| MiniLM embedding | train pair ROC AUC | val pair ROC AUC | blend weight | " +
          " | ".join(f"B³ P / R / F1 at {t}" for t in args.thresholds) + " |")
    print("| --- | --- | --- | --- | " + " | ".join("---" for _ in args.thresholds) + " |")

    def rows(label: str, centre, w, weights) -> None:
        auc = pair_auc(project(e_val, w, centre), story, pairs)
        fitted = pair_auc(project(e_train, w, centre), triplet, train_pairs)
        for weight in weights:
            print(f"| {label} | {fitted:.4f} | {auc:.4f} | {weight} | " + " | ".join(
                _cells(sets, centre, w, weight, t)[0] for t in args.thresholds) + " |", flush=True)

    print("| none (TF-IDF default) | - | - | 0 | " + " | ".join(
        _cells(sets, None, None, 0.0, t)[0] for t in args.thresholds) + " |", flush=True)
    rows("as it is (384)", None, None, args.weights)
    rows("centred (384)", mean, None, args.weights)
    for dims in args.dims:
        for epochs in args.epochs:
            rows(f"centred x W (384 x {dims}), {epochs} epochs", mean, train(e_train, triplet, dims, epochs),
                 args.weights)


def curve(args: argparse.Namespace) -> None:
    e_train, triplet = _training(args.cache)
    mean = e_train.mean(axis=0)
    w = train(e_train, triplet, args.dims, args.epochs)
    sets = {}
    for name, path in GOLD_SETS.items():
        articles, gold = pooled(path)
        sets[name] = (articles, gold, embeddings(name, articles, args.cache))
    print("| representation | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sets) + " |")
    blend = f"{1 - args.weight:g} TF-IDF + {args.weight:g} MiniLM"
    rows = [("TF-IDF (default)", None, None, 0.0), (blend, None, None, args.weight),
            (f"{blend} centred", mean, None, args.weight),
            (f"{blend} centred x W (384 x {args.dims}, {args.epochs} epochs on NeuS)", mean, w, args.weight)]
    for label, centre, projection, weight in rows:
        for threshold in args.thresholds:
            print(f"| {label} | {threshold} | " + " | ".join(_cells(sets, centre, projection, weight, threshold))
                  + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("select")
    p.add_argument("--dims", nargs="+", type=int, default=[32, 64, 128])
    p.add_argument("--epochs", nargs="+", type=int, default=[0, 5, 20])
    p.add_argument("--weights", nargs="+", type=float, default=[0.25, 0.5])
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    p.set_defaults(func=select)
    p = sub.add_parser("curve")
    p.add_argument("--dims", type=int, default=64)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--weight", type=float, default=0.25)
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    p.set_defaults(func=curve)
    for p in sub.choices.values():
        p.add_argument("--cache", type=Path, help="folder keeping each set's MiniLM embeddings")
    run(parser)


if __name__ == "__main__":
    main()
