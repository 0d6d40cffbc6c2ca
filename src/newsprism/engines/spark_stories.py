"""Stories on Spark: the local clusterer per time window, each window starting from the stories the
previous one leaves open.

The original articles (copies follow their original) go to their window (``window_of``). In each of
``WindowSettings.rounds`` rounds every window is clustered by ``cluster_seeded`` in one task, from
the state (``CarriedStories``, packed as bytes) the previous window ended the previous round with;
the first round starts every window cold. In the last round each window also clusters the first
``WindowSettings.ahead`` of the next one after its own articles, for the reassignment pass. The last
round's labels say, for each article, the first
article of its story (in its window, or the carried story's); the stories are the connected
components of those links, found as for the duplicates. A story's id comes from its first article
in arrival order (``story_id``), so it does not depend on how the input was partitioned, nor on the
windows.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from newsprism.engines.rows import article_from_row
from newsprism.engines.spark_dedup import connected_components
from newsprism.engines.windows import UNDATED, WindowSettings, cluster_seeded, pack, unpack, window_end, window_of
from newsprism.stories.cluster import ClusterSettings

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

log = logging.getLogger(__name__)

LABEL_SCHEMA = "window bigint, id string, first string, state binary"
"""A window's output: one row per article (``id`` and its story's ``first`` article), and one row
with the ``state`` it carries to the next window (``id`` null)."""
LABEL_SCHEMA_COLUMNS = ["window", "id", "first", "state"]


def seeded_frame(articles: pd.DataFrame, states: pd.DataFrame, cluster: ClusterSettings,
                 windows: WindowSettings) -> pd.DataFrame:
    """One window's articles (rows; those with ``ahead`` are the next window's first, clustered
    after them) clustered from the state carried into it (``states``: none or one row), with the
    state it carries out. A window holding no article passes the state on."""
    import pandas as pd

    window = int((articles if len(articles) else states)["window"].iloc[0])
    carried = unpack(states["state"].iloc[0]) if len(states) and window != UNDATED else None
    rows = {ahead: [article_from_row(row) for row in part.drop(columns=["window", "ahead"]).to_dict("records")]
            for ahead, part in ((False, articles[~articles["ahead"]]), (True, articles[articles["ahead"]]))}
    labels, out = cluster_seeded(rows[False], cluster, carried, window_end(window, windows), rows[True])
    frame = pd.DataFrame([(window, article, first, None) for article, first in labels], columns=LABEL_SCHEMA_COLUMNS)
    if window == UNDATED:
        return frame
    return pd.concat([frame, pd.DataFrame([(window, None, None, pack(out))], columns=LABEL_SCHEMA_COLUMNS)])


def assign_stories(articles: DataFrame, cluster: ClusterSettings, windows: WindowSettings) -> DataFrame:
    """``articles`` (marked by ``mark_duplicates``) with ``story``."""
    from pyspark.sql import functions as F

    if windows.overlap < cluster.dormant_after:
        log.warning("windows start from %s of the past, less than the clusterer's dormancy (%s): a story silent for "
                    "longer may be split at a window edge, which the local engine keeps whole",
                    windows.overlap, cluster.dormant_after)
    spark = articles.sparkSession
    home = F.udf(lambda when: window_of(when, windows), "bigint")
    originals = articles.where(F.col("duplicate_of").isNull())
    columns = ["window", "id", "text", "outlet", "url", "title", "published", "language", "source", "removed", "meta"]
    placed = originals.withColumn("window", home("time")).select(*columns, F.lit(False).alias("ahead"))
    placed = placed.localCheckpoint()
    span, ahead = windows.window.total_seconds(), windows.look_ahead.total_seconds()
    early = (originals.where(F.col("time") - F.floor(F.col("time") / span) * span < ahead)
             .withColumn("window", home("time") - 1).select(*columns, F.lit(True).alias("ahead")))
    states = spark.createDataFrame([], "window bigint, state binary")
    for number in range(1, windows.rounds + 1):
        clustered = placed.unionByName(early) if number == windows.rounds and ahead > 0 else placed
        out = clustered.groupBy("window").cogroup(states.groupBy("window")).applyInPandas(
            lambda left, right: seeded_frame(left, right, cluster, windows), LABEL_SCHEMA).localCheckpoint()
        states = out.where(F.col("id").isNull()).select((F.col("window") + 1).alias("window"), "state")
        log.info("stories: round %d of %d", number, windows.rounds)
    links = out.where(F.col("id").isNotNull()).select("id", "first")

    keys = originals.select("id", "key")
    nodes = keys.select(F.col("id").alias("node"), F.col("key").alias("label"))
    roots = connected_components(nodes, links.select(F.col("id").alias("a"), F.col("first").alias("b")))
    first_id = F.regexp_extract("root", r"^[01]\|[^|]*\|(.*)$", 1)
    story = F.concat(F.lit("story-"), F.substring(F.sha1(first_id), 1, 12))
    of_original = roots.select(F.col("node").alias("id"), story.alias("story"))
    copies = articles.where(F.col("duplicate_of").isNotNull()).join(
        of_original.withColumnRenamed("id", "duplicate_of"), "duplicate_of")
    return originals.join(of_original, "id").unionByName(copies)
