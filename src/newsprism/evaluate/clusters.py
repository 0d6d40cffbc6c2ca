"""Clustering quality against a gold clustering: B-cubed, pairwise F1 and adjusted Rand index.

B-cubed (Bagga and Baldwin 1998; Amigó et al. 2009 show it is the one metric that meets all their
formal constraints) averages, over items, the precision and recall of the item's predicted cluster
with respect to its gold cluster. Pairwise F1 counts item pairs placed together. The adjusted Rand
index is scikit-learn's ``adjusted_rand_score``. Items in only one of the two clusterings are an
error (named), not silently scored.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.jsonl import iter_records
from newsprism.model import Article, Story


@dataclass(frozen=True, slots=True)
class ClusterScores:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    ari: float
    items: int
    gold_clusters: int
    predicted_clusters: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> ClusterScores:
    """Scores of ``pred`` (item -> cluster) against ``gold`` (item -> cluster) on the same items."""
    from sklearn.metrics import adjusted_rand_score

    missing = sorted(set(gold) ^ set(pred))
    if missing:
        raise NewsprismError(
            f"gold and predicted clusterings must cover the same items; {len(missing)} differ, e.g. {missing[:3]}"
        )
    if not gold:
        raise NewsprismError("no items to score")
    items = sorted(gold)
    both = Counter((gold[i], pred[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    pred_size = Counter(pred[i] for i in items)
    # B-cubed: an item in cell (g, p) has precision |g & p| / |p| and recall |g & p| / |g|.
    precision = sum(n * n / pred_size[p] for (g, p), n in both.items()) / len(items)
    recall = sum(n * n / gold_size[g] for (g, p), n in both.items()) / len(items)
    together = sum(n * (n - 1) / 2 for n in both.values())
    pred_pairs = sum(n * (n - 1) / 2 for n in pred_size.values())
    gold_pairs = sum(n * (n - 1) / 2 for n in gold_size.values())
    pair_p = together / pred_pairs if pred_pairs else 1.0
    pair_r = together / gold_pairs if gold_pairs else 1.0
    ari = adjusted_rand_score([gold[i] for i in items], [pred[i] for i in items])
    return ClusterScores(
        bcubed_precision=precision,
        bcubed_recall=recall,
        bcubed_f1=_f1(precision, recall),
        pairwise_precision=pair_p,
        pairwise_recall=pair_r,
        pairwise_f1=_f1(pair_p, pair_r),
        ari=float(ari),
        items=len(items),
        gold_clusters=len(gold_size),
        predicted_clusters=len(pred_size),
    )


def read_assignments(path: str | Path) -> dict[str, str]:
    """``{"article": id, "story": id}`` per line (the output of ``newsprism cluster``) as a mapping.

    Lines whose ``story`` is null (articles the clusterer skipped) are left out; a malformed line
    or an article listed twice is an ``InputError`` naming the file and line.
    """
    assignments: dict[str, str] = {}
    for source, article, story in _assignment_lines(path):
        if story is None:
            continue
        if article in assignments:
            raise InputError(source, f"article {article!r} is listed twice")
        assignments[article] = story
    return assignments


def read_skipped(path: str | Path) -> list[str]:
    """The articles an assignments file lists with a null ``story`` (the clusterer skipped them)."""
    return [article for _, article, story in _assignment_lines(path) if story is None]


def _assignment_lines(path: str | Path) -> Iterator[tuple[str, str, str | None]]:
    for line in iter_records(Path(path)):
        if isinstance(line, InputError):
            raise line
        try:
            article, story = line.record["article"], line.record["story"]
        except (KeyError, TypeError) as error:
            raise InputError(line.source, f'expected {{"article": ..., "story": ...}} ({error})') from None
        yield line.source, str(article), None if story is None else str(story)


def pool_stories(stories: Iterable[Story | InputError], *, seed: int = 0) -> tuple[list[Article], dict[str, str]]:
    """Every article of a gold clustering in one shuffled stream, and the gold story of each.

    Blind on purpose: ids become anonymous hashes and sources are dropped, so a clusterer can
    learn nothing from names or order (a batch clusterer orders undated articles by id). Problems
    the reader yielded (``InputError``) are skipped here; the caller reports them.
    """
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for story in stories:
        if isinstance(story, InputError):
            continue
        for position, article in enumerate(story.articles):
            anonymous = "a" + hashlib.sha1(f"{story.id}/{position}".encode()).hexdigest()[:12]
            articles.append(replace(article, id=anonymous, source=None))
            gold[anonymous] = story.id
    random.Random(seed).shuffle(articles)
    return articles, gold
