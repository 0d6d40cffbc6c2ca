"""``newsprism run`` on one machine, and the engine-independent pieces the Spark engine relies on
(article rows, arrival keys, story ids, time windows). The articles are invented."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from stories.test_story_cluster import make_stream

from newsprism.cli import main
from newsprism.engines.rows import arrival_key, article_from_row, article_row, story_id
from newsprism.engines.run import RunSettings, clear_table, run_local
from newsprism.engines.windows import UNDATED, WindowSettings, window_of
from newsprism.errors import NewsprismError
from newsprism.model import Article, Removal
from newsprism.stories.cluster import arrival_order

WEEK = WindowSettings(window=timedelta(days=7), overlap=timedelta(days=2))
DAY = 86_400.0


def _write_jsonl(path, articles):
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet,
                                  "published": a.published.isoformat() if a.published else None}) + "\n")
    return path


def test_an_article_row_reads_back_as_the_same_article():
    article = Article(id="a1", text="Talks resumed on Monday.", outlet="Reuters", url="https://example.com/a",
                      title="Talks resume", published=datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=2))),
                      language="en", source="day.jsonl:3", removed=(Removal("Advertisement", "ad-label"),),
                      meta={"author": "A. Writer", "rank": 2})
    assert article_from_row(article_row(article)) == article


def test_arrival_keys_sort_articles_in_arrival_order():
    rng = random.Random(3)
    articles = []
    for number in range(200):
        when = None if rng.random() < 0.2 else datetime(1960, 1, 1, tzinfo=timezone.utc) + timedelta(
            days=rng.uniform(0, 30_000))
        articles.append(Article(id=f"a{rng.randrange(10_000)}-{number}", text="x", published=when))
    by_key = sorted(range(len(articles)), key=lambda i: arrival_key(articles[i]))
    assert by_key == arrival_order(articles)


def test_a_story_id_depends_only_on_its_first_article():
    assert story_id("x17") == story_id("x17") != story_id("x18")


def test_an_article_is_clustered_in_the_window_of_its_time():
    assert [window_of(t * DAY, WEEK) for t in (0, 6.9, 7, 15)] == [0, 0, 1, 2]


def test_an_undated_article_is_clustered_with_the_undated_ones():
    assert window_of(None, WEEK) == UNDATED


def test_a_negative_overlap_is_refused():
    with pytest.raises(NewsprismError, match="overlap"):
        WindowSettings(window=timedelta(days=2), overlap=timedelta(days=-1))


def test_a_negative_number_of_warm_rounds_is_refused():
    with pytest.raises(NewsprismError, match="warm_rounds"):
        WindowSettings(warm_rounds=-1)


def test_each_window_in_the_overlap_takes_one_more_round():
    assert [WindowSettings(window=timedelta(days=30), overlap=timedelta(days=d)).rounds for d in (0, 30, 31, 90)] == [
        1, 2, 3, 4]


def test_the_default_windows_overlap_by_at_least_the_clusterers_dormancy():
    from newsprism.stories.cluster import ClusterSettings

    assert WindowSettings().overlap >= ClusterSettings().dormant_after


def test_a_run_writes_every_article_with_its_story_and_original(tmp_path):
    articles, _ = make_stream(3, 3)
    copy = Article(id="wire-1", text=articles[0].text, outlet="Wire", published=articles[0].published + timedelta(hours=1))
    counts = run_local([str(_write_jsonl(tmp_path / "in.jsonl", [*articles, copy]))], tmp_path / "out")
    table = pd.read_parquet(tmp_path / "out" / "articles").set_index("id")
    assert (counts.articles, counts.duplicates, counts.stories) == (10, 1, 3)
    assert table.loc["wire-1", "duplicate_of"] == articles[0].id
    assert table.loc["wire-1", "story"] == table.loc[articles[0].id, "story"]


def test_a_run_writes_a_summary_and_a_comparison_per_story(tmp_path):
    articles, _ = make_stream(2, 3)
    run_local([str(_write_jsonl(tmp_path / "in.jsonl", articles))], tmp_path / "out")
    stories = set(pd.read_parquet(tmp_path / "out" / "stories")["story"])
    for name in ("summaries", "comparisons"):
        table = pd.read_parquet(tmp_path / "out" / name)
        assert set(table["story"]) == stories
        assert all(json.loads(d)["id"] == story for story, d in zip(table["story"], table["document"]))


def test_a_run_refuses_to_replace_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "notes.txt").write_text("mine")
    with pytest.raises(NewsprismError, match="did not write"):
        clear_table(tmp_path / "articles")


def test_the_run_command_writes_the_report_pages_on_request(tmp_path, capsys):
    articles, _ = make_stream(2, 2)
    status = main(["run", str(_write_jsonl(tmp_path / "in.jsonl", articles)), "--out", str(tmp_path / "out"), "--report"])
    assert status == 0 and len(list((tmp_path / "out" / "report" / "stories").glob("*.html"))) == 2
    assert "2 stories" in capsys.readouterr().err


def test_run_settings_refuse_pipeline_settings_of_another_kind():
    with pytest.raises(NewsprismError, match="PipelineSettings"):
        RunSettings(pipeline={"words": 60})  # type: ignore[arg-type]
