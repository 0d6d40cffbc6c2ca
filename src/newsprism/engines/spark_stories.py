"""Stories on Spark: the local clusterer per time window, stories merged across window edges.

The original articles (copies follow their original) are sent to their windows (``windows_of``: an
article in the overlap at a window's end goes to the next window too), each window is clustered by
``cluster_window`` in one task, and the window stories that share an article are joined by the same
connected components as the duplicates. A story's id comes from its first article in arrival order
(``story_id``), so it does not depend on how the input was partitioned, nor on the windows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.engines.rows import article_from_row
from newsprism.engines.spark_dedup import connected_components
from newsprism.engines.windows import WindowSettings, cluster_window, windows_of
from newsprism.stories.cluster import ClusterSettings

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame


def cluster_frame(frame: pd.DataFrame, settings: ClusterSettings) -> pd.DataFrame:
    """One window's articles (rows with ``window``) to their story labels there."""
    import pandas as pd

    window = int(frame["window"].iloc[0])
    labels = cluster_window(window, [article_from_row(row) for row in frame.to_dict("records")], settings)
    return pd.DataFrame(labels, columns=["id", "label"]).assign(window=window)


def assign_stories(articles: DataFrame, cluster: ClusterSettings, windows: WindowSettings) -> DataFrame:
    """``articles`` (marked by ``mark_duplicates``) with ``story``."""
    from pyspark.sql import functions as F

    place = F.udf(lambda when: windows_of(when, windows), "array<bigint>")
    originals = articles.where(F.col("duplicate_of").isNull())
    spread = originals.withColumn("window", F.explode(place("time")))
    columns = ["window", "id", "text", "outlet", "url", "title", "published", "language", "source", "removed", "meta"]
    labelled = spread.select(*columns).groupBy("window").applyInPandas(
        lambda frame: cluster_frame(frame, cluster), "id string, label string, window bigint")
    labelled = labelled.join(spread.select("id", "window", "key"), ["id", "window"]).localCheckpoint()

    nodes = labelled.groupBy(F.col("label").alias("node")).agg(F.min("key").alias("label"))
    shared = labelled.groupBy("id").agg(F.sort_array(F.collect_set("label")).alias("labels")).where(
        F.size("labels") > 1)
    edges = shared.select(F.col("labels")[0].alias("a"), F.col("labels")[1].alias("b"))
    roots = connected_components(nodes, edges).select(F.col("node").alias("label"), "root")

    home = F.udf(lambda when: windows_of(when, windows)[0], "bigint")
    first_id = F.regexp_extract("root", r"^[01]\|[^|]*\|(.*)$", 1)
    story = F.concat(F.lit("story-"), F.substring(F.sha1(first_id), 1, 12))
    homes = originals.select("id", home("time").alias("window"))
    of_original = labelled.join(homes, ["id", "window"]).join(roots, "label").select(
        "id", story.alias("story"))
    copies = articles.where(F.col("duplicate_of").isNotNull()).join(
        of_original.withColumnRenamed("id", "duplicate_of"), "duplicate_of")
    return articles.where(F.col("duplicate_of").isNull()).join(of_original, "id").unionByName(copies)
