"""The Spark engine: ``newsprism run --engine spark``, the local stages on a cluster.

Every stage calls the same functions as the local engine, on the executors: the readers and the
cleaner per partition (``spark_read``), the MinHash signatures and then LSH as a join with connected
components (``spark_dedup``), the local clusterer per time window (``spark_stories``), and the
analysis, summary and comparison per story (``rows.story_results``, one ``applyInPandas`` group per
story). The output is ``run``'s layout, written by Spark as Parquet (any Hadoop file system URI
works as ``--out``; the report pages are written by the driver, so they need a local folder).

PySpark and Java 17 are the ``[spark]`` extra: ``pip install "newsprism[spark]"``.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.engines.rows import RUN_COLUMNS, article_from_row, story_results, story_row, time_key
from newsprism.engines.run import RunCounts, RunSettings, write_report
from newsprism.engines.spark_dedup import mark_duplicates
from newsprism.engines.spark_read import clean_items, read_items, unique_ids
from newsprism.engines.spark_stories import assign_stories
from newsprism.engines.windows import WindowSettings
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.cluster import article_time

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from newsprism.engines.settings import PipelineSettings

log = logging.getLogger(__name__)

RESULT_SCHEMA = ("story string, articles bigint, outlets array<string>, first_published string, "
                 "last_published string, summary string, comparison string, error string, page string, title string")


@dataclass(frozen=True, slots=True)
class SparkSettings:
    """How the Spark engine runs: ``master`` (``local[2]``, ``spark://host:7077``, ``yarn``; None
    keeps the session's own), the clustering ``windows``, and ``max_pairs``, the most earlier
    members of an LSH bucket an article is compared with (a bucket of a thousand templated pages
    would otherwise cost half a million comparisons). ``partitions``: tasks per shuffle
    (``spark.sql.shuffle.partitions``): Spark's 200 suit a cluster; on one machine, a few per
    core keep the overhead of a Python worker per task down. ``driver_memory`` (``6g``): the driver
    JVM's heap, set before the session starts (None: Spark's 1 GB, or what the environment sets);
    in ``local`` mode the executors run in it, and the stories stage of 100,000 articles needs more
    than 1 GB."""

    master: str | None = "local[*]"
    partitions: int = 200
    driver_memory: str | None = None
    windows: WindowSettings = field(default_factory=WindowSettings)
    max_pairs: int = 50

    def __post_init__(self) -> None:
        if self.partitions < 1:
            raise NewsprismError(f"partitions must be at least 1, got {self.partitions}")
        if self.max_pairs < 1:
            raise NewsprismError(f"max_pairs must be at least 1, got {self.max_pairs}")
        if self.driver_memory is not None and not _MEMORY.fullmatch(self.driver_memory):
            raise NewsprismError(f"driver memory must be a size such as 6g or 1500m, got {self.driver_memory!r}")


_MEMORY = re.compile(r"\d+[kmgt]?", re.IGNORECASE)
"""A JVM memory size as Spark takes it: a number of bytes, or of k, m, g or t."""


def spark_session(master: str | None = "local[*]", partitions: int = 200, driver_memory: str | None = None) -> SparkSession:
    """The active Spark session, or a new one on ``master`` with ``partitions`` per shuffle and
    ``driver_memory`` for the driver's heap (which applies only when this starts the JVM); times in
    UTC, executors on this Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise NewsprismError('the Spark engine needs PySpark and Java 17: pip install "newsprism[spark]"') from None
    builder = SparkSession.builder.appName("newsprism")
    if master:
        builder = builder.master(master)
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    return (builder.config("spark.sql.session.timeZone", "UTC")
            .config("spark.pyspark.python", sys.executable)
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(partitions))
            .getOrCreate())


def _time(published: str | None, url: str | None) -> float | None:
    """An article's time as the clusterer takes it (its date, else its URL's)."""
    return article_time(Article(id="", text="", url=url,
                                published=datetime.fromisoformat(published) if published else None))


def story_frame(frame: pd.DataFrame, settings: PipelineSettings, report: bool) -> pd.DataFrame:
    """One story's articles to its ``stories/`` row and its results (``RESULT_SCHEMA``)."""
    import pandas as pd

    articles = [article_from_row(row) for row in frame.to_dict("records")]
    story = str(frame["story"].iloc[0])
    result = {**story_row(story, articles), **story_results(story, articles, settings, report=report)}
    return pd.DataFrame([result])


@contextmanager
def stage(spark: SparkSession, name: str, seconds: dict[str, float]) -> Iterator[None]:
    """Run the jobs of one stage under the job group ``name`` (so that Spark's status pages and REST
    API attribute their tasks and shuffles to it) and add its wall time to ``seconds``."""
    spark.sparkContext.setJobGroup(name, f"newsprism {name}")
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
        log.info("stage %s: %.1f s", name, seconds[name])


def articles_with_stories(spark: SparkSession, inputs: list[str], settings: RunSettings,
                          spark_settings: SparkSettings, seconds: dict[str, float] | None = None,
                          ) -> tuple[DataFrame, DataFrame]:
    """The articles read, cleaned, marked and grouped (``RUN_COLUMNS``), and the problems met; the
    stages ``read``, ``dedup`` and ``stories``, each computed and kept before the next."""
    from pyspark.sql import functions as F

    seconds = {} if seconds is None else seconds
    with stage(spark, "read", seconds):
        items = clean_items(read_items(spark, inputs, settings.pipeline.read), settings.pipeline.clean).localCheckpoint()
        problems = items.where(F.col("problem").isNotNull()).select("source", "problem")
        articles = unique_ids(items.where(F.col("problem").isNull()).drop("problem"))
        articles = articles.withColumn("time", F.udf(lambda published, url: _time(published, url), "double")(
            "published", "url"))
        articles = articles.withColumn("key", F.udf(lambda when, article: time_key(when, article), "string")(
            "time", "id")).localCheckpoint()
    with stage(spark, "dedup", seconds):
        marked = mark_duplicates(articles, settings.pipeline.dedup, spark_settings.max_pairs).localCheckpoint()
    with stage(spark, "stories", seconds):
        storied = assign_stories(marked, settings.pipeline.cluster, spark_settings.windows).select(*RUN_COLUMNS).localCheckpoint()
    return storied, problems


def run_spark(inputs: list[str], out: str, settings: RunSettings = RunSettings(),
              spark_settings: SparkSettings = SparkSettings(), spark: SparkSession | None = None) -> RunCounts:
    """The pipeline on Spark, written as ``run``'s layout under ``out``. Each stage is computed
    once and kept (``localCheckpoint``) before the next, so that its cost can be told apart
    (``RunCounts.seconds``, the job groups ``read``, ``dedup``, ``stories``, ``analysis``, ``write``)."""
    from pyspark.sql import functions as F

    spark = spark or spark_session(spark_settings.master, spark_settings.partitions, spark_settings.driver_memory)
    seconds: dict[str, float] = {}
    storied, problems = articles_with_stories(spark, inputs, settings, spark_settings, seconds)
    counts = storied.agg(F.count("*").alias("n"), F.count("duplicate_of").alias("copies")).first()
    if counts is None or counts["n"] == 0:
        raise NewsprismError("no article with text was read")
    pipeline, report = settings.pipeline, settings.report
    with stage(spark, "analysis", seconds):
        results = storied.groupBy("story").applyInPandas(
            lambda frame: story_frame(frame, pipeline, report), RESULT_SCHEMA).localCheckpoint()
    base = out.rstrip("/")
    with stage(spark, "write", seconds):
        storied.write.mode("overwrite").parquet(f"{base}/articles")
        results.select("story", "articles", "outlets", "first_published", "last_published").write.mode(
            "overwrite").parquet(f"{base}/stories")
        for name, column in (("summaries", "summary"), ("comparisons", "comparison")):
            results.select("story", F.col(column).alias("document"), "error").write.mode("overwrite").parquet(
                f"{base}/{name}")
        problems.write.mode("overwrite").parquet(f"{base}/problems")
        if report:
            stories = {row["story"]: row.asDict() for row in results.select(
                "story", "articles", "outlets", "first_published", "last_published").toLocalIterator()}
            write_report(Path(base), (row.asDict() for row in results.select("story", "page", "title").toLocalIterator()),
                         stories)
        tally = results.agg(F.count("*").alias("n"), F.count("error").alias("failed")).first()
    spark.sparkContext.setJobGroup("newsprism", "newsprism")
    return RunCounts(articles=counts["n"], duplicates=counts["copies"], stories=tally["n"] if tally else 0,
                     failed=tally["failed"] if tally else 0, problems=problems.count(), seconds=seconds)
