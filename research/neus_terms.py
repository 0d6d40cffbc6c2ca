"""Story clustering with term weights learned from the NeuS training triplets.

    python research/neus_terms.py leak                  # NeuS triplets dropped for overlapping AllSides
    python research/neus_terms.py select                # choose the weighting on NeuS validation
    python research/neus_terms.py curve [--strength S ...] [--thresholds T ...]
                                                          # the chosen weighting on the three gold sets

Why: the clusterer weighs a shared word by its IDF alone, a guess at how much sharing it says
about two articles being one story. NeuS (Lee et al. 2022; ``../shared/data/allsides_neus``) has
2,452 training triplets, three outlets' title and lead on one AllSides story, so the guess can be
checked word by word: a word shared inside triplets more often than its document frequency
predicts ("kerry", "shadow") signals a story; one shared mostly across triplets ("coronavirus",
"biden", "tuesday") signals a subject. NeuS is a training split, yet some of its stories are also
in ``allsides_stories.jsonl``, the AllSides evaluation set: every NeuS triplet with a document whose
title (lowercased, NeuS's trailing "." removed, spaces collapsed) or text (word 5-gram containment
of at least 0.5 either way) matches an article of that file is dropped first (``leak`` prints how
many). Nothing is learned from the evaluation sets.

The weight of a hashed feature ``t`` (title, body or entity word, as the clusterer hashes them) is a
smoothed ratio: over the pairs of training articles that share ``t``, the share in one triplet,
``(same_t + k * base(df_t)) / (pairs_t + k)``, divided by ``base(df_t)``, the same share pooled
over all features of about the same document frequency (quarter-octave bins, so that IDF keeps
doing its part). The multiplier applied after IDF is that ratio to the power ``strength``, clipped
to [1/4, 4] (``--clip``); features in fewer than ``min_df`` training articles keep 1. ``k``, ``strength`` and
``min_df`` are chosen on NeuS validation (pooled blind like the gold sets, leaked triplets dropped
too), then the three gold sets are clustered with the result at several thresholds.

Measured (docs/evaluation.md "Stories: clustering quality"): no setting beats the default on NeuS validation.
A word's weight learned this way is mostly its topicality: topical words are repeated by every
article of a story, so they are "shared inside triplets" more than generic words of the same
document frequency, and boosting them merges stories on one subject.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from stories_bench import DATA, GOLD_SETS, pooled

NEUS = DATA / "allsides_neus"
ALLSIDES = NEUS / "allsides_stories.jsonl"
SHINGLE = 5
CONTAINMENT = 0.5


def _title_key(title: str | None) -> str:
    return " ".join((title or "").lower().strip().rstrip(".").split())


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


@lru_cache(maxsize=4)
def leaked(split: str) -> frozenset[str]:
    """Ids of the NeuS triplets of ``split`` that share a title or near-identical text with an
    article of the AllSides evaluation set."""
    titles, shingles = set(), []
    with ALLSIDES.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                titles.add(_title_key(document.get("title")))
                shingles.append(_shingles(document.get("text") or ""))
    owner = {}
    for number, found in enumerate(shingles):
        for shingle in found:
            owner.setdefault(shingle, set()).add(number)
    by_title, by_text = set(), set()
    with (NEUS / f"neus_{split}.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for document in record["documents"]:
                if _title_key(document.get("title")) in titles:
                    by_title.add(record["id"])
                mine = _shingles(document.get("text") or "")
                hits: dict[int, int] = {}
                for shingle in mine:
                    for number in owner.get(shingle, ()):
                        hits[number] = hits.get(number, 0) + 1
                if any(n / len(mine) >= CONTAINMENT or n / len(shingles[k]) >= CONTAINMENT for k, n in hits.items()):
                    by_text.add(record["id"])
    print(f"NeuS {split}: dropped {len(by_title | by_text)} triplets overlapping allsides_stories.jsonl "
          f"({len(by_title)} by title, {len(by_text)} by text, {len(by_title & by_text)} both)", file=sys.stderr)
    return frozenset(by_title | by_text)


def neus_articles(split: str):
    """The cleaned articles of the NeuS triplets of ``split`` that are not leaked, and the triplet
    of each (as ``pooled`` gives a gold set)."""
    from newsprism.engines.local import iter_cluster_stories
    from newsprism.evaluate.clusters import pool_stories
    from newsprism.model import Story

    drop = leaked(split)
    kept = (s for s in iter_cluster_stories(str(NEUS / f"neus_{split}.jsonl")) if isinstance(s, Story)
            and s.id not in drop)
    return pool_stories(kept)


def candidate_pairs(x, story: np.ndarray, minimum: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` of rows of ``x`` to learn from: every pair of one story, and every other pair
    whose dot product is at least ``minimum`` (the pairs a clusterer has to tell apart)."""
    left, right = [], []
    for start in range(0, x.shape[0], 512):
        block = (x[start : start + 512] @ x.T).toarray()
        i, j = np.nonzero(block >= minimum)
        i += start
        left.append(i[j > i])
        right.append(j[j > i])
    i, j = np.concatenate(left), np.concatenate(right)
    found = set(zip(i.tolist(), j.tolist()))
    members: dict[str, list[int]] = {}
    for position, name in enumerate(story):
        members.setdefault(name, []).append(position)
    extra = np.array([(p, q) for group in members.values() for p in group for q in group
                      if p < q and (p, q) not in found], dtype=int).reshape(-1, 2)
    return np.concatenate([i, extra[:, 0]]), np.concatenate([j, extra[:, 1]])


def term_statistics(articles, gold, vectorizer):
    """Per hashed feature: the number of training articles holding it, the pairs of them, and
    the pairs inside one triplet."""
    present = vectorizer.counts(articles)
    present.data[:] = 1.0
    triplets, member = np.unique([gold[a.id] for a in articles], return_inverse=True)
    groups = sp.csr_matrix((np.ones(len(articles)), (member, np.arange(len(articles)))),
                           shape=(len(triplets), len(articles)))
    per_group = (groups @ present).tocsr()
    same = np.bincount(per_group.indices, weights=per_group.data * (per_group.data - 1) / 2,
                       minlength=present.shape[1])
    df = np.bincount(present.indices, minlength=present.shape[1]).astype(float)
    return df, df * (df - 1) / 2, same


def multipliers(df, pairs, same, k: float, strength: float, min_df: int,
                clip: tuple[float, float] = (0.25, 4.0)) -> np.ndarray:
    """Weight per feature: its same-triplet share of pairs against the share pooled over features of
    the same document frequency, smoothed by ``k`` pseudo-pairs, to the power ``strength``; features
    in fewer than ``min_df`` training articles keep weight 1 (a name seen in one training story says
    nothing about the stories of another month)."""
    weight = np.ones(len(df))
    seen = df >= 2
    levels = np.round(4 * np.log2(np.maximum(df, 1))).astype(int)  # quarter-octave bins of document frequency
    base_same = np.bincount(levels[seen], weights=same[seen], minlength=levels.max() + 1)
    base_pairs = np.bincount(levels[seen], weights=pairs[seen], minlength=levels.max() + 1)
    base = np.divide(base_same, base_pairs, out=np.zeros(len(base_pairs)), where=base_pairs > 0)[levels]
    ok = seen & (base > 0) & (df >= min_df)
    share = (same[ok] + k * base[ok]) / (pairs[ok] + k)
    weight[ok] = np.clip((share / base[ok]) ** strength, *clip)
    return weight


def weighted_vectorizer(weight: np.ndarray):
    """The default vectorizer with each feature's TF-IDF multiplied by ``weight``."""
    from newsprism.stories.vectors import StreamVectorizer, normalise_rows

    class TermWeighted(StreamVectorizer):
        def weigh(self, counts):
            rows = super().weigh(counts)
            rows.data = (rows.data * weight[rows.indices]).astype(np.float32)
            return normalise_rows(rows)

    return TermWeighted()


@lru_cache(maxsize=1)
def training_statistics():
    from newsprism.stories.vectors import StreamVectorizer

    articles, gold = neus_articles("train")
    print(f"NeuS train: {len(articles)} articles in {len(set(gold.values()))} triplets", file=sys.stderr)
    return term_statistics(articles, gold, StreamVectorizer())


def _score(articles, gold, threshold: float, weight: np.ndarray | None) -> str:
    return _score_with(articles, gold, threshold, weighted_vectorizer(weight) if weight is not None else None)


def _score_with(articles, gold, threshold: float, vectorizer) -> str:
    """B-cubed P / R / F1 of batch clustering at ``threshold`` with ``vectorizer`` (None: the default)."""
    from newsprism.engines.local import dedup_articles
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.stories.cluster import ClusterSettings, cluster_articles

    settings = ClusterSettings(threshold=threshold)
    assigned = cluster_articles(articles, settings, duplicate_of=dedup_articles(articles), vectorizer=vectorizer)
    s = score_clusters(gold, {a.article: a.story for a in assigned})
    return f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**"


def leak(args: argparse.Namespace) -> None:
    for split in ("train", "val"):
        leaked(split)


def select(args: argparse.Namespace) -> None:
    df, pairs, same = training_statistics()
    articles, gold = neus_articles("val")
    print(f"NeuS validation: {len(articles)} articles in {len(set(gold.values()))} triplets")
    print("| k | strength | min df | " + " | ".join(f"B³ P / R / F1 at {t}" for t in args.thresholds) + " |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in args.thresholds) + " |")
    print("| - | 0 (default) | - | " + " | ".join(_score(articles, gold, t, None) for t in args.thresholds) + " |",
          flush=True)
    for k, strength, min_df in itertools.product(args.k, args.strength, args.min_df):
        weight = multipliers(df, pairs, same, k, strength, min_df, args.clip)
        cells = [_score(articles, gold, t, weight) for t in args.thresholds]
        print(f"| {k:g} | {strength:g} | {min_df} | " + " | ".join(cells) + " |", flush=True)


def curve(args: argparse.Namespace) -> None:
    df, pairs, same = training_statistics()
    sets = {name: pooled(path) for name, path in GOLD_SETS.items()}
    print("| weighting | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sets) + " |")
    for strength in args.strength:
        weight = multipliers(df, pairs, same, args.k, strength, args.min_df) if strength else None
        label = (f"NeuS terms, k {args.k:g}, strength {strength:g}, min df {args.min_df}" if strength
                 else "TF-IDF (default)")
        for threshold in args.thresholds:
            cells = [_score(articles, gold, threshold, weight) for articles, gold in sets.values()]
            print(f"| {label} | {threshold} | " + " | ".join(cells) + " |", flush=True)


def run(parser: argparse.ArgumentParser) -> None:
    """Run the command chosen on the command line; without the NeuS data, stop saying where it was looked for."""
    args = parser.parse_args()
    if not NEUS.is_dir():
        sys.exit(f"NeuS data not found at {NEUS}")
    args.func(args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    sub.add_parser("leak").set_defaults(func=leak)
    p = sub.add_parser("select")
    p.add_argument("--k", nargs="+", type=float, default=[10.0, 100.0, 1000.0])
    p.add_argument("--strength", nargs="+", type=float, default=[0.25, 0.5, 1.0])
    p.add_argument("--min-df", nargs="+", type=int, default=[2, 10, 30, 100, 300])
    p.add_argument("--clip", nargs=2, type=float, default=[0.25, 4.0], help="lowest and highest weight")
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.15, 0.2, 0.25, 0.3])
    p.set_defaults(func=select)
    p = sub.add_parser("curve")
    p.add_argument("--k", type=float, default=100.0)
    p.add_argument("--strength", nargs="+", type=float, default=[0.0, 0.5])
    p.add_argument("--min-df", type=int, default=30)
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.15, 0.2, 0.25, 0.3])
    p.set_defaults(func=curve)
    run(parser)


if __name__ == "__main__":
    main()
