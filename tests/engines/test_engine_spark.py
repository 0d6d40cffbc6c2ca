"""The Spark engine against the local one, with Spark in local mode (``local[2]``).

One invented stream (events with their own words over seven weeks, so that clustering runs in
several windows; wire copies with a line added, exact copies, one event straddling a window edge
and one broken line) is run once by each engine; the tests compare the two outputs. Equivalence as
issue 16 states it: the same duplicate groups, stories scoring B-cubed F1 >= 0.97 against the local
engine's, identical summaries (and comparisons) for identical stories.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from fuzz_inputs import _warc
from stories.test_story_cluster import make_stream

from newsprism.engines.local import Pipeline
from newsprism.engines.run import RunSettings, run_local
from newsprism.engines.settings import PipelineSettings
from newsprism.engines.windows import WindowSettings, stories_in_windows
from newsprism.evaluate.clusters import score_clusters
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.stories.cluster import ClusterSettings

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="Java is not installed: the Spark engine needs Java 17 (apt-get install openjdk-17-jre-headless)",
)

WINDOWS = WindowSettings(window=timedelta(days=7), overlap=timedelta(days=7))  # 2 rounds
EDGE = datetime(2024, 1, 18, tzinfo=timezone.utc)  # a window edge: 19740 days after the epoch, a multiple of 7


def _stream():
    """The invented articles: 28 events 1.7 days apart, every 5th article copied by a wire service
    (a line added, 3 hours later), every 7th copied word for word, and one event of four articles
    published from 12 hours before a window edge to 12 hours after it."""
    articles, _ = make_stream(28, 4, days_apart=1.7)
    straddling, _ = make_stream(1, 4, seed=7)
    articles += [replace(a, id=f"edge-{n}", published=EDGE + timedelta(hours=8 * n - 12))
                 for n, a in enumerate(straddling)]
    copies = []
    for number, article in enumerate(articles):
        if number % 5 == 0:
            copies.append(replace(article, id=f"{article.id}-wire", outlet="Wire",
                                  text=article.text + " The wire contributed to this report.",
                                  published=article.published + timedelta(hours=3)))
        if number % 7 == 0:
            copies.append(replace(article, id=f"{article.id}-same", outlet="Mirror"))
    return articles + copies


def _record(article):
    dated = {"published": article.published.isoformat()} if article.published else {}
    return {"id": article.id, "text": article.text, "outlet": article.outlet, **dated}


@pytest.fixture(scope="module")
def spark():
    from newsprism.engines.spark import spark_session

    session = spark_session("local[2]", partitions=2)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def runs(spark, tmp_path_factory):
    """Each engine's tables (articles indexed by id; the others by story), and the input's path."""
    from newsprism.engines.spark import SparkSettings, run_spark

    folder = tmp_path_factory.mktemp("runs")
    path = folder / "stream.jsonl"
    lines = [json.dumps(_record(a)) for a in _stream()]
    lines.insert(10, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_local([str(path)], folder / "local")
    run_spark([str(path)], str(folder / "spark"), RunSettings(), SparkSettings(master="local[2]", windows=WINDOWS),
              spark=spark)
    tables = {}
    for engine in ("local", "spark"):
        tables[engine] = {name: pd.read_parquet(folder / engine / name)
                          for name in ("articles", "stories", "summaries", "comparisons", "problems")}
        tables[engine]["articles"] = tables[engine]["articles"].set_index("id").sort_index()
    return tables, path


def _groups(articles: pd.DataFrame) -> set[frozenset[str]]:
    """The duplicate groups: each original with its copies."""
    members: dict[str, set[str]] = {}
    for article, original in articles["duplicate_of"].items():
        members.setdefault(original or article, set()).add(article)
    return {frozenset(group) for group in members.values() if len(group) > 1}


def test_both_engines_keep_every_article_of_the_input(runs):
    tables, _ = runs
    assert list(tables["spark"]["articles"].index) == list(tables["local"]["articles"].index)


def test_the_spark_engine_finds_the_same_duplicate_groups_as_the_local_engine(runs):
    tables, _ = runs
    local = _groups(tables["local"]["articles"])
    assert local and _groups(tables["spark"]["articles"]) == local


def test_a_copy_keeps_its_own_outlet(runs):
    tables, _ = runs
    articles = tables["spark"]["articles"]
    assert set(articles.loc[articles["duplicate_of"].notna(), "outlet"]) == {"Wire", "Mirror"}


def test_the_spark_stories_score_at_least_0_97_bcubed_f1_against_the_local_engines(runs):
    tables, _ = runs
    local, spark = (tables[e]["articles"]["story"].to_dict() for e in ("local", "spark"))
    assert score_clusters(local, spark).bcubed_f1 >= 0.97


def test_a_story_running_across_a_window_edge_stays_one_story(runs):
    tables, _ = runs
    articles = tables["spark"]["articles"]
    assert articles.loc[[f"edge-{n}" for n in range(4)], "story"].nunique() == 1


def test_identical_stories_get_identical_summaries_and_comparisons(runs):
    tables, _ = runs
    members = {e: tables[e]["articles"].groupby("story").groups for e in ("local", "spark")}
    same = [s for s, ids in members["local"].items() if s in members["spark"] and set(members["spark"][s]) == set(ids)]
    assert len(same) >= 25
    for name in ("summaries", "comparisons"):
        local, spark = (tables[e][name].set_index("story").loc[same, "document"] for e in ("local", "spark"))
        assert list(spark) == list(local)


def test_a_broken_line_is_a_problem_naming_its_file_and_line(runs):
    tables, path = runs
    problems = tables["spark"]["problems"]
    assert list(problems["source"]) == [f"{path}:11"] and "invalid JSON" in problems["problem"].iloc[0]


def test_story_ids_do_not_depend_on_how_the_input_is_partitioned(runs, spark, tmp_path):
    from newsprism.engines.spark import SparkSettings, articles_with_stories

    tables, path = runs
    lines = path.read_text(encoding="utf-8").splitlines()
    (tmp_path / "b.jsonl").write_text("\n".join(lines[::2]) + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    spark.conf.set("spark.sql.shuffle.partitions", "5")
    try:
        articles, _ = articles_with_stories(spark, [str(tmp_path / "b.jsonl"), str(tmp_path / "a.jsonl")],
                                            RunSettings(), SparkSettings(windows=WINDOWS))
        stories = dict(articles.select("id", "story").collect())
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", "2")
    assert stories == tables["spark"]["articles"]["story"].to_dict()


def test_parquet_and_warc_inputs_give_the_articles_the_local_readers_give(spark, tmp_path):
    from newsprism.engines.rows import article_from_row
    from newsprism.engines.spark_read import read_items

    articles, _ = make_stream(2, 2)
    pd.DataFrame([_record(a) for a in articles]).to_parquet(tmp_path / "day.parquet")
    (tmp_path / "day.jsonl").write_text("".join(json.dumps(_record(a)) + "\n" for a in articles), encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(_warc(True))
    rows = read_items(spark, [str(tmp_path / "day.parquet"), str(tmp_path / "crawl.warc.gz")]).toPandas()
    read = [article_from_row(row) for row in rows.to_dict("records")]
    local = read_inputs([str(tmp_path / "day.jsonl"), str(tmp_path / "crawl.warc.gz")]).articles

    def fields(a):
        return a.id, a.text, a.outlet, a.url, a.title, a.published

    assert sorted(map(fields, read)) == sorted(map(fields, local))


DORMANT = ClusterSettings(dormant_after=timedelta(days=10))
WEEKS = WindowSettings(window=timedelta(days=7), overlap=timedelta(days=14))  # 3 rounds
COLD = WindowSettings(window=timedelta(days=7), overlap=timedelta(0), warm_rounds=0)  # 1 round, nothing more


def _recurring_stream() -> list[Article]:
    """Five topics that come back every two to seven days for four months, each time with new
    names (the synthetic stream's events made from one seed story), so that the local clusterer,
    which forgets a story after 10 days of silence here, chains each topic across four window edges;
    one topic falls silent for three weeks in the middle, and comes back as a new story."""
    rng = random.Random(5)

    def word() -> str:
        return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    background = [word() for _ in range(300)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    articles = []
    for topic in range(5):
        vocabulary = [word() for _ in range(40)]
        day = rng.uniform(0, 3)
        while day < 120:
            if not (topic == 0 and 50 <= day < 71):
                names = [word().capitalize() for _ in range(3)]
                for copy in range(3):
                    sentences = []
                    for _ in range(8):
                        words = rng.sample(vocabulary, 7) + rng.sample(background, 7)
                        rng.shuffle(words)
                        sentences.append(f"{rng.choice(names)} {' '.join(words)}.")
                    articles.append(Article(id=f"t{topic}-d{day:.1f}-{copy}", text=" ".join(sentences),
                                            outlet=f"Outlet {copy}", published=start + timedelta(days=day, hours=copy)))
            day += rng.uniform(2, 7)
    return articles


@pytest.fixture(scope="module")
def recurring(tmp_path_factory):
    """The four months of recurring topics as JSONL, and the local engine's stories of them."""
    path = tmp_path_factory.mktemp("months") / "months.jsonl"
    path.write_text("".join(json.dumps(_record(a)) + "\n" for a in _recurring_stream()), encoding="utf-8")
    pipeline = Pipeline(PipelineSettings(cluster=DORMANT))
    clustering = pipeline.cluster(pipeline.read([str(path)]).articles)
    return path, {a.id: story.id for story in clustering.stories for a in story.articles}


def _weekly_articles(spark, path, windows, cluster=DORMANT):
    from newsprism.engines.spark import SparkSettings, articles_with_stories

    articles, _ = articles_with_stories(spark, [str(path)], RunSettings(PipelineSettings(cluster=cluster)),
                                        SparkSettings(windows=windows))
    return articles.select("id", "story", "duplicate_of").toPandas().set_index("id")


def test_stories_chained_across_many_short_windows_score_at_least_0_97_bcubed_f1_against_the_local_engines(
        spark, recurring):
    path, local = recurring
    assert len(set(local.values())) < 10
    assert score_clusters(local, _weekly_articles(spark, path, WEEKS)["story"].to_dict()).bcubed_f1 >= 0.97


def _stories(story_of: dict[str, str]) -> set[frozenset[str]]:
    """The stories of ``story_of`` (article -> story) as sets of articles."""
    members: dict[str, set[str]] = {}
    for article, story in story_of.items():
        members.setdefault(story, set()).add(article)
    return {frozenset(m) for m in members.values()}


def _in_one_process(articles: list[Article], found: pd.DataFrame, cluster: ClusterSettings = DORMANT) -> dict[str, str]:
    """The stories of ``articles`` as ``stories_in_windows`` finds them, copies with their original
    as the Spark engine ``found`` them."""
    reference = stories_in_windows([a for a in articles if pd.isna(found.loc[a.id, "duplicate_of"])], cluster, WEEKS)
    reference.update({c: reference[o] for c, o in found["duplicate_of"].dropna().items()})
    return reference


def test_the_spark_engine_finds_the_stories_of_its_windows_run_in_one_process(spark, recurring):
    path, _ = recurring
    found = _weekly_articles(spark, path, WEEKS)
    assert _stories(found["story"].to_dict()) == _stories(_in_one_process(_recurring_stream(), found))


def test_undated_articles_go_through_the_warm_rounds_and_the_reassignment_as_in_one_process(spark, tmp_path):
    articles = [replace(a, published=None) if n % 7 == 0 else a for n, a in enumerate(_recurring_stream())]
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(_record(a)) + "\n" for a in articles), encoding="utf-8")
    found = _weekly_articles(spark, path, WEEKS)
    assert _stories(found["story"].to_dict()) == _stories(_in_one_process(articles, found))
    # started from the dated stories, as the local engine takes them after the dated articles
    pipeline = Pipeline(PipelineSettings(cluster=DORMANT))
    local = {a.id: story.id for story in pipeline.cluster(pipeline.read([str(path)]).articles).stories
             for a in story.articles}
    assert score_clusters(local, found["story"].to_dict()).bcubed_f1 >= 0.97


def test_undated_articles_meet_the_same_few_stories_across_dates_as_in_one_process(spark, tmp_path):
    # every second article undated and max_active 2, below the stories on either side: the undated window
    # starts from the 2 newest dated stories, and the reassignment sends it the 2 newest others and every dated
    # window the 2 largest stories of undated articles only, which Spark picks by a top-k as the replay does
    few = replace(DORMANT, max_active=2)
    articles = [replace(a, published=None) if n % 2 == 0 else a for n, a in enumerate(_recurring_stream())]
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(_record(a)) + "\n" for a in articles), encoding="utf-8")
    found = _weekly_articles(spark, path, WEEKS, few)
    assert _stories(found["story"].to_dict()) == _stories(_in_one_process(articles, found, few))


def test_the_driver_memory_setting_sizes_the_heap_of_the_jvm_it_starts(tmp_path):
    # a JVM of its own (the module's session is already started): the heap is fixed when the JVM starts
    script = (
        "from newsprism.engines.spark import spark_session\n"
        "session = spark_session('local[1]', 1, driver_memory='700m')\n"
        "print(session.sparkContext._jvm.java.lang.Runtime.getRuntime().maxMemory())\n"
        "session.stop()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    heap = int(result.stdout.split()[-1])
    assert 500 * 2**20 < heap <= 700 * 2**20  # the JVM keeps a little of -Xmx700m for itself; Spark's default is 1g


def test_a_driver_memory_that_is_no_size_is_refused():
    from newsprism.engines.spark import SparkSettings
    from newsprism.errors import NewsprismError

    with pytest.raises(NewsprismError, match="driver memory"):
        SparkSettings(driver_memory="six gigabytes")
