"""Stories on Spark: the local clusterer per time window, stories merged across window edges.

The original articles (copies follow their original) are sent to their windows (``windows_of``: an
article in the overlap at a window's end goes to the next window too), each window is clustered by
``cluster_window`` in one task; each story of a window that took up articles of the overlap is joined
to the story of the previous window that holds most of them (``continued``), and the chains of
window stories so joined are found by the same connected components as the duplicates. A story's id comes from its first article in arrival order
(``story_id``), so it does not depend on how the input was partitioned, nor on the windows.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from newsprism.engines.rows import article_from_row
from newsprism.engines.spark_dedup import connected_components
from newsprism.engines.windows import WindowSettings, cluster_window, continued, windows_of
from newsprism.stories.cluster import ClusterSettings

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

log = logging.getLogger(__name__)


def cluster_frame(frame: pd.DataFrame, settings: ClusterSettings) -> pd.DataFrame:
    """One window's articles (rows with ``window``) to their story labels there."""
    import pandas as pd

    window = int(frame["window"].iloc[0])
    labels = cluster_window(window, [article_from_row(row) for row in frame.to_dict("records")], settings)
    return pd.DataFrame(labels, columns=["id", "label"]).assign(window=window)


def continued_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The votes (``following``, ``previous``, ``count``) of some stories of the next windows to the
    story of the previous window each continues (``a``, ``b``: an edge)."""
    import pandas as pd

    votes = {(str(r["following"]), str(r["previous"])): int(r["count"]) for r in frame.to_dict("records")}
    return pd.DataFrame(list(continued(votes).items()), columns=["a", "b"])


def assign_stories(articles: DataFrame, cluster: ClusterSettings, windows: WindowSettings) -> DataFrame:
    """``articles`` (marked by ``mark_duplicates``) with ``story``."""
    from pyspark.sql import functions as F

    if windows.overlap < cluster.dormant_after:
        log.warning("windows overlap by %s, less than the clusterer's dormancy (%s): a story silent for longer "
                    "than the overlap at a window edge is split in two, which the local engine keeps whole",
                    windows.overlap, cluster.dormant_after)
    place = F.udf(lambda when: windows_of(when, windows), "array<bigint>")
    originals = articles.where(F.col("duplicate_of").isNull())
    spread = originals.withColumn("window", F.explode(place("time")))
    columns = ["window", "id", "text", "outlet", "url", "title", "published", "language", "source", "removed", "meta"]
    labelled = spread.select(*columns).groupBy("window").applyInPandas(
        lambda frame: cluster_frame(frame, cluster), "id string, label string, window bigint")
    labelled = labelled.join(spread.select("id", "window", "key"), ["id", "window"]).localCheckpoint()

    nodes = labelled.groupBy(F.col("label").alias("node")).agg(F.min("key").alias("label"))
    home = F.udf(lambda when: windows_of(when, windows)[0], "bigint")
    homes = originals.select("id", home("time").alias("home"))
    placed = labelled.join(homes, "id")
    previous = placed.where(F.col("window") == F.col("home")).select("id", F.col("label").alias("previous"))
    following = placed.where(F.col("window") != F.col("home")).select("id", F.col("label").alias("following"))
    votes = following.join(previous, "id").groupBy("following", "previous").count()
    edges = votes.groupBy("following").applyInPandas(continued_frame, "a string, b string")
    roots = connected_components(nodes, edges).select(F.col("node").alias("label"), "root")

    first_id = F.regexp_extract("root", r"^[01]\|[^|]*\|(.*)$", 1)
    story = F.concat(F.lit("story-"), F.substring(F.sha1(first_id), 1, 12))
    of_original = placed.where(F.col("window") == F.col("home")).join(roots, "label").select(
        "id", story.alias("story"))
    copies = articles.where(F.col("duplicate_of").isNotNull()).join(
        of_original.withColumnRenamed("id", "duplicate_of"), "duplicate_of")
    return articles.where(F.col("duplicate_of").isNull()).join(of_original, "id").unionByName(copies)
