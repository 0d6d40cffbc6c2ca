"""Questions behind the clustering settings, asked of the pooled gold sets and the SemEval pairs.

    python research/stories_analysis.py errors          # which article pairs are wrongly split or merged, by date gap
    python research/stories_analysis.py time-oracle     # AllSides given its gold story dates vs DUC 2004, by time penalty
    python research/stories_analysis.py semeval         # story vectors against SemEval 2022 task 8 similarity ratings

Not peer comparisons: error analysis, an oracle no real stream has, and a check of the sub-vector
weights on pairs outside the gold sets. The gold sets are pooled exactly as the benchmarks pool them
(``benchmarks/stories_bench.py``). What they found is in docs/evaluation.md, "Stories: clustering
quality".
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # stories_bench: the gold sets as the benchmarks pool them
from stories_bench import DATA, GOLD_SETS, pair_cosines, pooled, semeval_articles


def time_oracle(args: argparse.Namespace) -> None:
    """Whether dating AllSides' undated articles could reach its floor, and what the time penalty it
    would need does to DUC 2004. An analysis with an oracle, never a setting: each AllSides article is
    given the date of its gold story's roundup (56 % of them have no date of their own), which no
    real stream has, and both sets are clustered with ever stronger time penalties."""
    from newsprism.engines.local import dedup_articles
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.stories.cluster import ClusterSettings, cluster_articles

    allsides, allsides_gold = pooled(GOLD_SETS["AllSides"])
    roundup = {}
    with open(DATA / GOLD_SETS["AllSides"], encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            roundup[story["id"]] = datetime.fromisoformat(story["date"])
    streams = {
        "AllSides, dates as read": (allsides, allsides_gold),
        "AllSides, gold story dates (oracle)": ([replace(a, published=roundup[allsides_gold[a.id]]) for a in allsides],
                                                allsides_gold),
        "DUC 2004": pooled(GOLD_SETS["DUC 2004"]),
    }
    print("| time penalty | threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in streams) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in streams) + " |")
    for penalty, days in args.penalties:
        for threshold in args.thresholds:
            settings = ClusterSettings(threshold=threshold, time_penalty=penalty, dormant_after=timedelta(days=days))
            cells = []
            for articles, gold in streams.values():
                s = score_clusters(gold, {a.article: a.story for a in cluster_articles(
                    articles, settings, duplicate_of=dedup_articles(articles))})
                cells.append(f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**")
            print(f"| {penalty:g} per {days:g} d | {threshold} | " + " | ".join(cells) + " |", flush=True)


def _penalty(text: str) -> tuple[float, float]:
    penalty, days = text.split("/")
    return float(penalty), float(days)


_GAPS = ((0.0, 1.5), (1.5, 4.0), (4.0, 10.0), (10.0, 30.0), (30.0, float("inf")))
_BANDS = ((0.15, 0.25), (0.25, 0.4), (0.4, 1.01))


def _gap_label(low: float, high: float) -> str:
    return f"> {low:g} d" if high == float("inf") else f"{low:g}-{high:g} d"


def errors(args: argparse.Namespace) -> None:
    """Error analysis of the default clustering on each pooled gold set, counted in article pairs.

    Wrongly merged pairs (same predicted story, different gold stories) and wrongly split pairs
    (same gold story, different predicted stories), by the days between the two articles' dates;
    then, over all dated pairs, how often two articles of a given similarity and date gap are in one
    gold story. The second table shows where the gold sets disagree about what a story is, which
    no setting of the similarity or the time penalty can satisfy on both.
    """
    import numpy as np

    from newsprism.engines.local import dedup_articles
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.stories.cluster import article_time, cluster_articles
    from newsprism.stories.vectors import StreamVectorizer

    print("| set | B³ P / R / F1 | pairs | " + " | ".join(_gap_label(*g) for g in _GAPS) + " | undated |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in _GAPS) + " | --- |")
    agreement = {}
    for name, path in GOLD_SETS.items():
        articles, gold = pooled(path)
        pred = {a.article: a.story for a in cluster_articles(articles, duplicate_of=dedup_articles(articles))}
        score = score_clusters(gold, pred)
        days = np.array([np.nan if (t := article_time(a)) is None else t / 86400 for a in articles])
        g = np.array([gold[a.id] for a in articles])
        p = np.array([pred[a.id] for a in articles])
        upper = np.triu_indices(len(articles), 1)
        same_gold = (g[:, None] == g[None, :])[upper]
        same_pred = (p[:, None] == p[None, :])[upper]
        gap = np.abs(days[:, None] - days[None, :])[upper]
        for kind, wrong in (("merged", same_pred & ~same_gold), ("split", same_gold & ~same_pred)):
            cells = [int((wrong & (gap >= lo) & (gap < hi)).sum()) for lo, hi in _GAPS]
            print(f"| {name} | {score.bcubed_precision:.3f} / {score.bcubed_recall:.3f} / {score.bcubed_f1:.3f} | "
                  f"{kind} {int(wrong.sum()):,} | " + " | ".join(f"{c:,}" for c in cells)
                  + f" | {int((wrong & np.isnan(gap)).sum()):,} |")
        vectorizer = StreamVectorizer().partial_fit(articles)
        x = vectorizer.transform(articles)
        similarity = (x @ x.T).toarray()[upper]
        agreement[name] = (similarity, gap, same_gold)
    print("\nShare of article pairs in one gold story, by similarity (story vectors, IDF of the whole set) and "
          "date gap (pairs counted in brackets):\n")
    print("| set | similarity | " + " | ".join(_gap_label(*g) for g in _GAPS) + " | undated |")
    print("| --- | --- | " + " | ".join("---" for _ in _GAPS) + " | --- |")
    for name, (similarity, gap, same_gold) in agreement.items():
        for lo, hi in _BANDS:
            band = (similarity >= lo) & (similarity < hi)
            cells = [band & (gap >= a) & (gap < b) for a, b in _GAPS] + [band & np.isnan(gap)]
            print(f"| {name} | {lo}-{min(hi, 1.0)} | " + " | ".join(
                f"{same_gold[c].mean():.2f} ({int(c.sum())})" if c.any() else "-" for c in cells) + " |")


def semeval(args: argparse.Namespace) -> None:
    """How well the story vectors' cosine ranks the 193 English SemEval 2022 task 8 pairs (ROC AUC
    for "same story": an overall rating of at most 1.5 or 2 on its 1 = very similar to 4 scale),
    by title and entity weight, and pair precision / recall / F1 by threshold. These pairs are not an evaluation set of the clustering, so they
    check the sub-vector weights chosen on the pooled gold sets from outside them."""
    from sklearn.metrics import roc_auc_score

    from newsprism.stories.vectors import VectorSettings

    articles, ratings = semeval_articles()
    print(f"| title weight | entity weight | AUC, overall <= 1.5 ({sum(r <= 1.5 for r in ratings)} pairs) | "
          f"AUC, overall <= 2 ({sum(r <= 2 for r in ratings)} pairs) |")
    print("| --- | --- | --- | --- |")
    for title_weight in args.title_weights:
        for entity_weight in args.entity_weights:
            cosine = pair_cosines(articles, VectorSettings(title_weight=title_weight, entity_weight=entity_weight))
            aucs = [roc_auc_score([r <= cut for r in ratings], cosine) for cut in (1.5, 2.0)]
            print(f"| {title_weight} | {entity_weight} | {aucs[0]:.3f} | {aucs[1]:.3f} |", flush=True)
    cosine = pair_cosines(articles)
    print("\n| threshold (default weights) | pair P / R / F1, overall <= 1.5 | pair P / R / F1, overall <= 2 |")
    print("| --- | --- | --- |")
    for threshold in args.thresholds:
        cells = []
        for cut in (1.5, 2.0):
            joined = [c >= threshold for c in cosine]
            same = [r <= cut for r in ratings]
            hits = sum(j and t for j, t in zip(joined, same))
            precision, recall = hits / max(sum(joined), 1), hits / sum(same)
            f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
            cells.append(f"{precision:.2f} / {recall:.2f} / {f1:.3f}")
        print(f"| {threshold} | {cells[0]} | {cells[1]} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("errors")
    p.set_defaults(func=errors)
    p = sub.add_parser("time-oracle")
    p.add_argument("--penalties", nargs="+", type=_penalty, default=[(0.1, 60), (0.3, 14), (0.5, 7), (1.0, 3)],
                   metavar="PENALTY/DAYS", help="time penalty per dormancy window of DAYS (default: 0.1/60 ... 1/3)")
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.125, 0.15])
    p.set_defaults(func=time_oracle)
    p = sub.add_parser("semeval")
    p.add_argument("--title-weights", nargs="+", type=float, default=[0.5, 1.0, 1.5, 2.0, 3.0])
    p.add_argument("--entity-weights", nargs="+", type=float, default=[0.25, 0.5, 1.0])
    p.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.125, 0.15, 0.175, 0.2, 0.25])
    p.set_defaults(func=semeval)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"evaluation data not found at {DATA}")
    args.func(args)


if __name__ == "__main__":
    main()
