"""Windows that start from the stories the previous window leaves open (``engines/windows.py``,
``CarriedStories``), in one process. The articles are invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
import scipy.sparse as sp
from stories.test_story_cluster import make_stream

from newsprism.engines.windows import (
    WindowSettings,
    carry_out,
    cluster_seeded,
    pack,
    stories_in_windows,
    unpack,
    word_counts,
)
from newsprism.errors import NewsprismError
from newsprism.evaluate.clusters import score_clusters
from newsprism.stories.cluster import CarriedStories, ClusterSettings, StoryClusterer, cluster_articles
from newsprism.stories.vectors import VectorSettings

EDGE = datetime(2024, 1, 18, tzinfo=timezone.utc)
SETTINGS = ClusterSettings()


def _across_the_edge():
    """One event of six articles, three before ``EDGE`` and three after, with another event
    before it; the articles of the two windows."""
    event, _ = make_stream(1, 6, seed=3)
    other, _ = make_stream(1, 3, seed=4)
    event = [replace(a, published=EDGE + timedelta(hours=10 * n - 28)) for n, a in enumerate(event)]
    other = [replace(a, id=f"o{n}", published=EDGE - timedelta(days=2, hours=n)) for n, a in enumerate(other)]
    return other + event[:3], event[3:]


def _carried(articles, until):
    """What a window of ``articles`` started cold carries to the next one, which starts at ``until``."""
    counts = word_counts(articles, SETTINGS)
    return carry_out(articles, counts, cluster_seeded(articles, counts, SETTINGS, None), None, SETTINGS, until)


def test_an_article_that_continues_a_carried_story_is_labelled_with_that_storys_first_article():
    before, after = _across_the_edge()
    carried = _carried(before, EDGE.timestamp())
    labels = cluster_seeded(after, word_counts(after, SETTINGS), SETTINGS, carried)
    assert {first for _, first in labels} == {before[3].id}


def test_a_window_started_cold_begins_the_same_event_as_a_story_of_its_own():
    _, after = _across_the_edge()
    labels = cluster_seeded(after, word_counts(after, SETTINGS), SETTINGS, None)
    assert {first for _, first in labels} == {after[0].id}


def test_a_window_carries_out_every_story_still_open_at_its_end():
    before, _ = _across_the_edge()
    carried = _carried(before, EDGE.timestamp())
    assert sorted(carried.ids) == ["@" + before[3].id, "@o2"] and sorted(carried.sizes) == [3, 3]


def test_a_window_carries_out_the_same_stories_whatever_the_order_of_its_labels():
    before, _ = _across_the_edge()
    counts = word_counts(before, SETTINGS)
    labels = cluster_seeded(before, counts, SETTINGS, None)
    in_order = carry_out(before, counts, labels, None, SETTINGS, EDGE.timestamp())
    reversed_labels = carry_out(before, counts, labels[::-1], None, SETTINGS, EDGE.timestamp())
    assert reversed_labels.ids == in_order.ids and list(reversed_labels.sizes) == list(in_order.sizes)
    assert (reversed_labels.centroids != in_order.centroids).nnz == 0


def test_a_story_silent_for_longer_than_the_dormancy_is_not_carried_out():
    before, _ = _across_the_edge()
    later = EDGE.timestamp() + SETTINGS.dormant_after.total_seconds() + 86_400
    carried = _carried(before, later)
    assert carried.ids == () and carried.n_documents == len(before)


def test_carried_stories_read_back_the_same_from_their_bytes():
    before, _ = _across_the_edge()
    carried = _carried(before, EDGE.timestamp())
    again = unpack(pack(carried))
    assert again.ids == carried.ids and (again.centroids != carried.centroids).nnz == 0
    assert list(again.sizes) == list(carried.sizes) and list(again.last) == list(carried.last)
    assert (again.df == carried.df).all() and again.n_documents == carried.n_documents


def test_stories_can_only_be_carried_into_a_clusterer_that_has_seen_no_article():
    before, _ = _across_the_edge()
    carried = _carried(before, EDGE.timestamp())
    clusterer = StoryClusterer(SETTINGS)
    clusterer.add(before[:1], {})
    with pytest.raises(NewsprismError, match="seen no article"):
        clusterer.carry(carried)


def test_stories_carried_from_other_vector_settings_are_refused():
    before, _ = _across_the_edge()
    carried = _carried(before, EDGE.timestamp())
    with pytest.raises(NewsprismError, match="vector settings"):
        StoryClusterer(replace(SETTINGS, vectors=VectorSettings(n_features=2**10))).carry(carried)


def test_carried_stories_need_one_centroid_size_and_time_per_id():
    with pytest.raises(NewsprismError, match="one centroid"):
        CarriedStories(("@a",), sp.csr_matrix((2, 8), dtype=np.float32), np.ones(1), np.ones(1),
                       np.zeros(8, dtype=np.int64), 0)


def _recurring():
    """The four months of recurring topics of the Spark tests, the local engine's stories of them
    (10-day dormancy), and the ids of the originals."""
    from engines.test_engine_spark import DORMANT, _recurring_stream

    articles = _recurring_stream()
    local = {a.article: a.story for a in cluster_articles(articles, DORMANT, duplicate_of={})}
    return articles, local


def test_short_windows_started_from_carried_stories_score_at_least_0_97_bcubed_f1_against_the_local_engine():
    from engines.test_engine_spark import DORMANT, WEEKS

    articles, local = _recurring()
    assert score_clusters(local, stories_in_windows(articles, DORMANT, WEEKS)).bcubed_f1 >= 0.97


def test_undated_articles_join_the_dated_stories_as_the_local_engine_joins_them():
    from engines.test_engine_spark import DORMANT, WEEKS

    articles = [replace(a, published=None) if n % 7 == 0 else a for n, a in enumerate(_recurring()[0])]
    local = {a.article: a.story for a in cluster_articles(articles, DORMANT, duplicate_of={})}
    assert score_clusters(local, stories_in_windows(articles, DORMANT, WEEKS)).bcubed_f1 >= 0.97


def test_the_same_short_windows_started_cold_fall_below_that_floor():
    from engines.test_engine_spark import COLD, DORMANT

    articles, local = _recurring()
    assert score_clusters(local, stories_in_windows(articles, DORMANT, COLD)).bcubed_f1 < 0.97


def test_one_warm_round_after_the_same_cold_windows_reaches_the_floor():
    from engines.test_engine_spark import COLD, DORMANT

    articles, local = _recurring()
    warm = WindowSettings(window=COLD.window, overlap=COLD.overlap, warm_rounds=1)
    assert score_clusters(local, stories_in_windows(articles, DORMANT, warm)).bcubed_f1 >= 0.97
