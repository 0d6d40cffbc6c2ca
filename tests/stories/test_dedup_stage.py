"""Dedup as a stage of its own: it marks copies, and clustering follows the marks it is given."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsprism.engines.local import Pipeline, dedup_articles
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.cluster import StoryClusterer, arrival_order, cluster_articles
from newsprism.stories.dedup import CopyMarker, mark_copies

BRIDGE = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs after engineers "
    "found cracks in two of its supports. The bridge carries about twelve thousand cars a day and "
    "will stay closed until the spring, the mayor said, adding that a ferry service would run in the "
    "meantime. Shop owners on the east bank said the closure would cost them customers."
)
CHESS = (
    "The chess club of Lakeside won its regional final on Saturday, beating the defending champions "
    "from Hillcrest by four and a half points to three and a half after a long last game that ended "
    "in a knight ending. The club now goes to the national finals in Leeds next month."
)


def _article(id_: str, text: str, day: int | None = None) -> Article:
    published = datetime(2024, 5, day, tzinfo=timezone.utc) if day else None
    return Article(id_, text, outlet=id_, published=published)


def test_the_dedup_stage_marks_a_copy_with_the_original_that_came_first():
    articles = [_article("a1", BRIDGE, 1), _article("c1", CHESS, 1), _article("a2", BRIDGE + " More later.", 2)]
    assert mark_copies(articles, [1.0, 2.0, 3.0]) == [None, None, "a1"]


def test_clustering_puts_an_article_in_the_story_of_the_original_it_is_marked_a_copy_of():
    articles = [_article("a1", BRIDGE, 1), _article("c1", CHESS, 2)]
    assigned = cluster_articles(articles, duplicate_of={"c1": "a1"})
    assert assigned[1].duplicate_of == "a1" and assigned[0].story == assigned[1].story


def test_a_copy_marked_before_its_original_arrives_is_refused():
    articles = [_article("a1", BRIDGE, 1), _article("c1", CHESS, 2)]
    with pytest.raises(NewsprismError, match="did not arrive before"):
        StoryClusterer().add(articles, duplicate_of={"a1": "c1"})


def test_a_stream_marks_the_same_copies_as_the_dedup_stage_of_a_batch():
    articles = [_article("a1", BRIDGE, 3), _article("c1", CHESS, 1), _article("a2", BRIDGE + " More later.", 4),
                _article("c2", "Undated: " + CHESS), _article("a3", "Copy: " + BRIDGE)]
    ordered = [articles[i] for i in arrival_order(articles)]
    streamed = Pipeline().stream().add(ordered[:2]) + Pipeline().stream(*_saved(ordered[:2])).add(ordered[2:])
    assert {a.article: a.duplicate_of for a in streamed if a.duplicate_of} == dedup_articles(articles)
    assert len(dedup_articles(articles)) == 3


def _saved(articles):
    stream = Pipeline().stream()
    stream.add(articles)
    return stream.save_state()


def test_the_clusterer_finds_no_copy_it_is_not_told_of():
    articles = [_article("a1", BRIDGE, 1), _article("a2", BRIDGE, 2)]
    assert [a.duplicate_of for a in StoryClusterer().add(articles, {})] == [None, None]


def test_the_clusterer_forgets_the_story_of_an_original_the_dedup_stage_no_longer_finds():
    marker = CopyMarker()
    clusterer = StoryClusterer()
    clusterer.add([_article("a1", BRIDGE, 1)], {})
    clusterer.forget_originals(marker)
    with pytest.raises(NewsprismError, match="did not arrive before"):
        clusterer.add([_article("a2", BRIDGE, 2)], {"a2": "a1"})


def test_a_saved_dedup_state_made_with_other_settings_is_refused():
    from newsprism.stories.dedup import DedupSettings

    marker = CopyMarker()
    marker.mark([_article("a1", BRIDGE, 1)], [1.0])
    with pytest.raises(NewsprismError, match="other settings"):
        CopyMarker.load_state(marker.save_state(), DedupSettings(threshold=0.9))


def test_the_pipeline_reports_the_copies_its_dedup_stage_marked():
    articles = [_article("a1", BRIDGE, 1), _article("a2", BRIDGE + " More later.", 2), _article("c1", CHESS, 1)]
    clustering = Pipeline().cluster(articles)
    assert clustering.duplicate_of == {"a2": "a1"}
    assert sorted(sorted(a.id for a in story.articles) for story in clustering.stories) == [["a1", "a2"], ["c1"]]


def test_a_copy_marked_as_the_copy_of_a_copy_is_refused():
    articles = [_article("a1", BRIDGE, 1), _article("a2", BRIDGE, 2), _article("c1", CHESS, 3)]
    with pytest.raises(NewsprismError, match="as an original"):
        StoryClusterer().add(articles, duplicate_of={"a2": "a1", "c1": "a2"})


def test_the_pipelines_clock_decides_which_dates_dedup_and_clustering_believe():
    from newsprism.stories.clock import FixedClock

    articles = [_article("a1", BRIDGE, 1), _article("c1", CHESS, 9)]
    clustering = Pipeline(now=FixedClock(datetime(2024, 5, 1, 12, tzinfo=timezone.utc))).cluster(articles)
    assert list(clustering.notes) == ["c1"] and "in the future" in clustering.notes["c1"]
