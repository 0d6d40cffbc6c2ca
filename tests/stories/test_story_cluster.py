"""Online story clustering: order independence, dates, dormancy, duplicates and saved state.

The streams are invented: events with their own words, names and dates.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
import scipy.sparse as sp

from newsprism.engines.local import dedup_articles
from newsprism.engines.settings import PipelineSettings
from newsprism.errors import NewsprismError
from newsprism.evaluate.clusters import score_clusters
from newsprism.model import Article
from newsprism.stories.clock import system_clock
from newsprism.stories.cluster import (
    ClusterSettings,
    StoryClusterer,
    _prune_rows,
    arrival_order,
    article_time,
    cluster_articles,
)
from newsprism.stories.vectors import StreamVectorizer

_SYLLABLES = ("ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "pi", "da", "gu", "xe", "bo", "fi", "zu")


def make_stream(events: int, per_event: int, *, seed: int = 0, dated: bool = True,
                days_apart: float = 2.0) -> tuple[list[Article], dict[str, str]]:
    """``events`` invented events of ``per_event`` articles each, and the gold event of each article.

    Each event has its own topic words and names mixed with a shared background vocabulary, so
    articles of one event are similar and articles of different events are not; event ``k``
    happens ``k * days_apart`` days after the start, its articles within a day.
    """
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3))

    background = [word() for _ in range(300)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    articles, gold = [], {}
    for event in range(events):
        topic = [word() for _ in range(40)]
        names = [word().capitalize() + " " + word().capitalize() for _ in range(3)]
        for copy in range(per_event):
            sentences = []
            for _ in range(10):
                words = rng.sample(topic, 7) + rng.sample(background, 7)
                rng.shuffle(words)
                sentences.append(f"{rng.choice(names)} {' '.join(words)}.")
            article_id = f"e{event}-a{copy}"
            published = start + timedelta(days=event * days_apart, hours=copy) if dated else None
            articles.append(Article(id=article_id, text=" ".join(sentences), outlet=f"Outlet {copy}",
                                    published=published))
            gold[article_id] = f"e{event}"
    return articles, gold


@pytest.fixture
def stream():
    return make_stream


def _stories(assignments) -> dict[str, str]:
    return {a.article: a.story for a in assignments}


def test_articles_of_distinct_events_form_one_story_per_event(stream):
    articles, gold = stream(20, 4)
    scores = score_clusters(gold, _stories(_clustered(articles)))
    assert scores.bcubed_f1 == 1.0


def test_a_shuffled_file_gives_the_same_stories(stream):
    articles, _ = stream(15, 3)
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    assert _stories(_clustered(shuffled)) == _stories(_clustered(articles))


def test_assignments_come_back_in_input_order(stream):
    articles, _ = stream(5, 3)
    shuffled = articles[::-1]
    assert [a.article for a in _clustered(shuffled)] == [a.id for a in shuffled]


def test_the_tracker_sees_every_article_once_and_changes_no_story(stream):
    articles, _ = stream(8, 3)
    for article in articles[::3]:  # some undated, so both the dated and the undated phase are tracked
        articles[articles.index(article)] = replace(article, published=None)
    seen = []

    def track(batch):
        for article in batch:
            seen.append(article.id)
            yield article

    assert _clustered(articles, track=track) == _clustered(articles)
    assert sorted(seen) == sorted(a.id for a in articles)


def test_articles_without_dates_are_clustered_by_content(stream):
    articles, gold = stream(10, 3, dated=False)
    assert score_clusters(gold, _stories(_clustered(articles))).bcubed_f1 == 1.0


def test_a_story_takes_no_article_after_its_dormancy_window(stream):
    articles, _ = stream(1, 2)
    late = replace(articles[1], published=articles[0].published + timedelta(days=40))
    short = ClusterSettings(dormant_after=timedelta(days=30))
    long = ClusterSettings(dormant_after=timedelta(days=60))
    first, second = _clustered([articles[0], late], short)
    assert first.story != second.story
    first, second = _clustered([articles[0], late], long)
    assert first.story == second.story


def test_memory_holds_only_the_active_stories(stream):
    articles, _ = stream(60, 2, days_apart=10)
    clusterer = StoryClusterer(ClusterSettings(dormant_after=timedelta(days=15), chunk=8))
    clusterer.add((articles[i] for i in arrival_order(articles)), {})
    assert clusterer.stories_started == 60
    assert clusterer.active_stories <= 2
    assert clusterer.stories_dormant == clusterer.stories_started - clusterer.active_stories


def test_the_active_story_cap_holds_on_an_undated_stream(stream):
    articles, _ = stream(30, 1, dated=False)
    clusterer = StoryClusterer(ClusterSettings(max_active=5, chunk=4))
    clusterer.add(articles, {})
    assert clusterer.active_stories <= 5


def test_a_wire_copy_joins_its_originals_story_as_its_duplicate(stream):
    articles, _ = stream(3, 2)
    original = articles[2]
    copy = Article(id="copy", text=original.text + " Reporting by the wire.", outlet="Other Paper",
                   published=original.published + timedelta(hours=3))
    assignments = _by_id(_clustered([*articles, copy]))
    assert assignments["copy"].duplicate_of == original.id
    assert assignments["copy"].story == assignments[original.id].story


def _by_id(assignments):
    return {a.article: a for a in assignments}


def _clustered(articles, settings=None, **options):
    """Batch mode after the dedup stage: the copies marked (``engines.local.dedup_articles``), then clustered."""
    marks = dedup_articles(articles, PipelineSettings(cluster=settings or ClusterSettings()),
                           now=options.get("now", system_clock))
    return cluster_articles(articles, settings, duplicate_of=marks, **options)


def test_a_date_in_the_future_is_ignored_with_a_note(stream):
    articles, _ = stream(2, 2)
    future = replace(articles[0], id="future", published=datetime.now(timezone.utc) + timedelta(days=400))
    assignments = _by_id(_clustered([*articles[1:], future]))
    assert "in the future" in assignments["future"].note
    assert assignments["future"].story == assignments[articles[1].id].story


def test_which_dates_are_in_the_future_is_decided_by_the_clusterers_clock_not_the_wall_clock(stream):
    from newsprism.stories.clock import FixedClock

    articles, _ = stream(2, 2)
    then = articles[0].published
    assert then is not None
    before = _clustered(articles, now=FixedClock(then - timedelta(days=30)))
    after = _clustered(articles, now=FixedClock(then + timedelta(days=30)))
    assert all(a.note and "in the future" in a.note for a in before)
    assert all(a.note is None for a in after)


def test_saved_state_continues_the_stream_as_if_never_stopped(stream):
    articles, _ = stream(40, 3, days_apart=1)
    ordered = [articles[i] for i in arrival_order(articles)]
    settings = ClusterSettings(chunk=30)
    whole = StoryClusterer(settings).add(ordered, {})
    first = StoryClusterer(settings)
    head = first.add(ordered[:60], {})
    resumed = StoryClusterer.load_state(first.save_state(), settings)
    assert head + resumed.add(ordered[60:], {}) == whole


def test_saved_state_refuses_other_settings(stream):
    articles, _ = stream(2, 2)
    clusterer = StoryClusterer()
    clusterer.add(articles, {})
    with pytest.raises(NewsprismError, match="other settings"):
        StoryClusterer.load_state(clusterer.save_state(), ClusterSettings(threshold=0.5))


class _OneTopicVectorizer(StreamVectorizer):
    """Every article gets the same unit vector: a representation that sees one topic only."""

    def weigh(self, counts):
        rows = super().weigh(counts)
        rows.data[:] = 0.0
        rows = rows.tolil()
        rows[:, 0] = 1.0
        return rows.tocsr()


def test_an_injected_vectorizer_replaces_the_default_representation(stream):
    articles, _ = stream(4, 2, dated=False)
    stories = _stories(_clustered(articles, vectorizer=_OneTopicVectorizer()))
    assert len(set(stories.values())) == 1


def test_a_clusterer_with_an_injected_vectorizer_refuses_to_save_its_state(stream):
    articles, _ = stream(2, 2)
    clusterer = StoryClusterer(vectorizer=_OneTopicVectorizer())
    clusterer.add(articles, {})
    with pytest.raises(NewsprismError, match="its own vectorizer cannot save"):
        clusterer.save_state()


def test_an_article_without_text_is_refused_by_name():
    with pytest.raises(NewsprismError, match="'blank' has no text"):
        _clustered([Article(id="blank", text="  \n")])


def test_repeated_article_ids_are_refused():
    with pytest.raises(NewsprismError, match="unique; repeated: x"):
        _clustered([Article(id="x", text="one text"), Article(id="x", text="another text")])


def test_a_threshold_outside_zero_to_one_is_refused_with_the_value():
    with pytest.raises(NewsprismError, match=r"threshold must be in \(0.0, 1.0\], got 1.5"):
        ClusterSettings(threshold=1.5)


def test_in_batch_mode_an_undated_article_joins_a_story_that_went_dormant(stream):
    articles, _ = stream(2, 2, days_apart=100)
    undated = replace(articles[0], id="undated", published=None, text=articles[0].text + " More later.")
    by_id = _by_id(cluster_articles([*articles, undated], duplicate_of={}))
    assert by_id["undated"].story == by_id[articles[0].id].story


def test_a_date_in_the_url_stands_in_for_a_missing_date():
    dated = Article(id="a", text="x", url="https://news.test/2021/10/18/story.html")
    dashed = Article(id="b", text="x", url="https://news.test/world/story-2021-10-18/")
    plain = Article(id="c", text="x", url="https://news.test/world/story-123456/")
    named = Article(id="d", text="x", url="https://news.test/us-news/2021/oct/18/story")
    expected = datetime(2021, 10, 18, tzinfo=timezone.utc).timestamp()
    assert article_time(dated) == article_time(dashed) == article_time(named) == expected
    assert article_time(plain) is None


def test_a_long_running_story_keeps_only_its_largest_centroid_terms(stream):
    articles, _ = stream(1, 40)
    clusterer = StoryClusterer(ClusterSettings(centroid_terms=50, chunk=8))
    assigned = clusterer.add(articles, {})
    assert len({a.story for a in assigned}) == 1
    assert clusterer._centroids.nnz <= 50
    centroid = clusterer._centroids
    assert clusterer._norm2[0] == pytest.approx(float(centroid.multiply(centroid).sum()), rel=1e-5)


def test_a_word_starting_with_a_month_name_in_the_url_is_not_a_date():
    assert article_time(Article(id="a", text="x", url="https://news.test/2021-decision-05/")) is None


def test_in_batch_mode_an_article_that_came_before_its_story_moves_to_it():
    rng = random.Random(0)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3))

    first, second, background = [word() for _ in range(30)], [word() for _ in range(30)], [word() for _ in range(200)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)

    def article(article_id: str, topic_words: list[str], hours: int) -> Article:
        words = topic_words + rng.sample(background, 20)
        rng.shuffle(words)
        return Article(id=article_id, text=" ".join(words) + ".", published=start + timedelta(hours=hours))

    articles = [article(f"first{k}", rng.sample(first, 15), k) for k in range(4)]
    articles.append(article("early", rng.sample(first, 6) + rng.sample(second, 12), 5))  # mostly the second story
    articles += [article(f"second{k}", rng.sample(second, 15), 6 + k) for k in range(4)]
    single_pass = _by_id(cluster_articles(articles, ClusterSettings(reassign_passes=0), duplicate_of={}))
    reassigned = _by_id(cluster_articles(articles, duplicate_of={}))
    assert single_pass["early"].story == single_pass["first0"].story
    assert reassigned["early"].story == reassigned["second0"].story != reassigned["first0"].story


def test_a_negative_number_of_reassignment_passes_is_refused_with_the_value():
    with pytest.raises(NewsprismError, match="reassign_passes must be >= 0, got -1"):
        ClusterSettings(reassign_passes=-1)


def test_centroid_pruning_keeps_the_largest_magnitudes_negative_ones_included():
    row = np.array([[0.1, -0.9, 0.5, -0.05, 0.3, -0.4]])
    pruned = _prune_rows(sp.csr_matrix(row), np.array([0]), keep=3).toarray()[0]
    assert sorted(np.flatnonzero(pruned)) == [1, 2, 5]
    assert pruned[[1, 2, 5]].tolist() == row[0, [1, 2, 5]].tolist()
