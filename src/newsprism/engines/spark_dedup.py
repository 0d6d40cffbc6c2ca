"""Duplicates on Spark: exact copies by hash first, then near-copies by MinHash LSH.

The same signatures as on one machine (``MinHasher`` with the run's ``DedupSettings``), computed on
the executors; LSH as a join: each signature is cut into ``bands`` keys, articles sharing a key are
candidates, a candidate pair whose signatures agree on ``threshold`` of their values (and whose
dates lie within ``window``) is a pair of copies, and the groups are the connected components of
those pairs, found by DataFrame iterations (each article takes the smallest label among its
neighbours' until none changes). Every group's original is its first article in arrival order, as
on one machine, where the first arrival is indexed and later copies find it; every copy keeps its
row, outlet and all, marked ``duplicate_of`` the original.

A bucket holding very many articles (boilerplate, a template) would make its pairs quadratic; each
article is paired with at most ``max_pairs`` earlier members of a bucket.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from newsprism.stories.dedup import DedupSettings, MinHasher

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

log = logging.getLogger(__name__)


def signature_frames(frames: Iterable[pd.DataFrame], settings: DedupSettings) -> Iterator[pd.DataFrame]:
    """Each article's MinHash signature (``num_perm`` uint32 as bytes), a batch at a time."""
    hasher = MinHasher(settings)
    for frame in frames:
        signatures = hasher.signatures(list(frame["text"]))
        yield frame[["id", "key", "time"]].assign(signature=[row.tobytes() for row in signatures])


def agreement(left: bytes, right: bytes) -> float:
    """The share of positions where two signatures agree: the MinHash estimate of their Jaccard
    similarity, as ``DuplicateIndex`` computes it."""
    return float(np.mean(np.frombuffer(left, dtype=np.uint32) == np.frombuffer(right, dtype=np.uint32)))


def connected_components(nodes: DataFrame, edges: DataFrame, max_iterations: int = 100) -> DataFrame:
    """``nodes`` (``node``, ``label``) with each node's ``root``: the smallest label of its component
    in the undirected graph ``edges`` (``a``, ``b``). Labels spread one hop per iteration, so the
    iterations are the components' diameter (2 for the star of a wire story and its copies)."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").unionByName(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = both.where(F.col("a") != F.col("b")).distinct().localCheckpoint()
    labels = nodes.select("node", F.col("label").alias("root")).localCheckpoint()
    for iteration in range(1, max_iterations + 1):
        spread = both.join(labels, both.a == labels.node).select(F.col("b").alias("node"), "root")
        updated = labels.unionByName(spread).groupBy("node").agg(F.min("root").alias("root")).localCheckpoint()
        changed = updated.join(labels.withColumnRenamed("root", "before"), "node").where(
            F.col("root") != F.col("before")).count()
        labels = updated
        log.info("connected components: iteration %d, %d labels changed", iteration, changed)
        if not changed:
            break
    else:
        log.warning("connected components: still changing after %d iterations", max_iterations)
    return nodes.join(labels, "node")


def mark_duplicates(articles: DataFrame, settings: DedupSettings, max_pairs: int = 50) -> DataFrame:
    """``articles`` (with ``id``, ``key`` from ``arrival_key``, ``time`` and ``text``) with
    ``duplicate_of``: the id of the original of its group, null for an original."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    # exact copies: one representative (the first) per distinct text
    hashed = articles.withColumn("_hash", F.sha2("text", 256))
    firsts = hashed.groupBy("_hash").agg(F.min("key").alias("_exact"))
    hashed = hashed.join(firsts, "_hash")
    representatives = hashed.where(F.col("key") == F.col("_exact")).select("id", "key", "time", "text")

    schema = "id string, key string, time double, signature binary"
    signed = representatives.mapInPandas(lambda f: signature_frames(f, settings), schema).localCheckpoint()
    width = (settings.num_perm // settings.bands) * 4  # bytes per band
    bands = F.explode(F.array(*[
        F.struct(F.lit(b).alias("band"), F.substring("signature", b * width + 1, width).alias("bucket"))
        for b in range(settings.bands)
    ]))
    keyed = signed.select("key", bands.alias("b")).select("key", "b.band", "b.bucket")
    ranked = keyed.withColumn("_rank", F.row_number().over(Window.partitionBy("band", "bucket").orderBy("key")))
    early = ranked.select(F.col("band"), F.col("bucket"), F.col("key").alias("a"), F.col("_rank").alias("_ra"))
    later = ranked.select(F.col("band"), F.col("bucket"), F.col("key").alias("b"), F.col("_rank").alias("_rb"))
    pairs = early.join(later, ["band", "bucket"]).where(
        (F.col("_ra") < F.col("_rb")) & (F.col("_rb") - F.col("_ra") <= max_pairs)).select("a", "b").distinct()

    agree = F.udf(lambda left, right: agreement(left, right), "double")
    left = signed.select(F.col("key").alias("a"), F.col("signature").alias("sa"), F.col("time").alias("ta"))
    right = signed.select(F.col("key").alias("b"), F.col("signature").alias("sb"), F.col("time").alias("tb"))
    close = F.col("ta").isNull() | F.col("tb").isNull() | (
        F.abs(F.col("ta") - F.col("tb")) <= settings.window.total_seconds())
    copies = pairs.join(left, "a").join(right, "b").where(close).where(
        agree("sa", "sb") >= settings.threshold).select("a", "b")

    roots = connected_components(signed.select(F.col("key").alias("node"), F.col("key").alias("label")), copies)
    roots = roots.select(F.col("node").alias("_exact"), F.col("root"))
    marked = hashed.join(roots, "_exact")
    original = F.regexp_extract("root", r"^[01]\|[^|]*\|(.*)$", 1)
    return marked.withColumn("duplicate_of", F.when(F.col("root") != F.col("key"), original)).drop(
        "_hash", "_exact", "root")
