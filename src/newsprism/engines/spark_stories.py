"""Stories on Spark: the local clusterer's single pass per time window, each window starting from
the stories the previous one leaves open, then its reassignment pass over the whole stream.

The original articles (copies follow their original) go to their window (``window_of``). In each of
``WindowSettings.rounds`` rounds every window is clustered by ``cluster_seeded`` in one task, from
the state (``CarriedStories``, packed as bytes) the previous window ended the previous round with;
the first round starts every window cold. The last round's labels say, for each article, the first
article of its story (in its window, or the carried story's); the stories are the connected
components of those links, found as for the duplicates. Every window starts with the document
frequencies of the windows before it, added up on the driver. In each warm round
(``WindowSettings.warm_rounds``) every window sums its part of each story, each story's parts are
added up in window order (a running total, ``added``), each running total goes to the windows after
its own up to the story's next part while the story is open, and each window starts from those
(``open_stories``). The undated articles (``UNDATED``) stay out of the rounds: their window is
clustered once after them, from the ``max_active`` newest dated stories (a top-k of the stories
summed over their windows), as the local clusterer takes them after every dated article.

Then the reassignment pass (``engines/windows.py``): the document frequencies of every window are
added up into the stream's IDF; each window sums its part of each story's vectors, the parts are
added up per story (``StorySums``, one row a story), and each story is sent to the windows within
its reach, where ``reassign_window`` moves each article to the story it is now most similar to; with undated
articles, also across dates (``across_dates``: the undated window gets its own stories and the
``max_active`` newest dated ones, every dated window the largest ``max_active`` stories of undated
articles only).
A story's id comes from its first article in arrival order (``story_id``), so it does not depend
on how the input was partitioned, nor on the windows.

Each article's words are counted once, before the rounds (``word_counts``), and travel with it as two
columns (``terms`` and ``counts``) through every pass instead of its text, title and the rest of
its fields: a pass weighs the counts and never reads the words again, and the rows each pass
shuffles (every article of the stream) are smaller.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from newsprism.engines.rows import article_from_row
from newsprism.engines.spark_dedup import connected_components
from newsprism.engines.windows import (
    UNDATED,
    StorySums,
    WindowSettings,
    added,
    carry_out,
    cluster_seeded,
    combine,
    document_frequencies,
    frequencies_before,
    open_stories,
    pack,
    reach,
    reassign_window,
    starting,
    story_sums,
    unpack,
    weighing,
    window_end,
    window_of,
    word_counts,
)
from newsprism.stories.cluster import ClusterSettings
from newsprism.stories.vectors import StreamVectorizer

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

log = logging.getLogger(__name__)

LABEL_SCHEMA = "window bigint, id string, first string, state binary"
"""A window's output: one row per article (``id`` and its story's ``first`` article), and one row
with the ``state`` it carries to the next window (``id`` null)."""
LABEL_SCHEMA_COLUMNS = ["window", "id", "first", "state"]
SUMS_SCHEMA = "story string, size double, first double, last double, terms binary, weights binary"
"""One story's part of ``StorySums`` (its summed vector as the features' indices and weights)."""
SUMS_COLUMNS = ["story", "size", "first", "last", "terms", "weights"]
ARTICLE_COLUMNS = ["id", "text", "outlet", "url", "title", "published", "language", "source", "removed", "meta"]
PASS_COLUMNS = ["id", "url", "published"]
"""What the passes read of an article once its words are counted: its id and its time (from its
date or its URL)."""
PASS_SCHEMA = "window bigint, id string, url string, published string, terms binary, counts binary"
"""An article as the passes get it: its window, ``PASS_COLUMNS`` and its ``word_counts``."""
COUNTED = "(words counted before the passes)"
"""The text of an article in the passes, which carry its ``word_counts`` instead: every pass weighs
those, and the only reader of the text left is the clusterer's check that an article has some
(reading left out every article without)."""


def _articles(frame: pd.DataFrame) -> list:
    return [article_from_row({**row, "text": COUNTED}) for row in frame[PASS_COLUMNS].to_dict("records")]


def counted_frames(frames: Iterator[pd.DataFrame], cluster: ClusterSettings) -> Iterator[pd.DataFrame]:
    """Articles (rows of ``ARTICLE_COLUMNS`` and their ``window``) as the passes get them
    (``PASS_SCHEMA``): their words counted once, here."""
    for frame in frames:
        counts = word_counts([article_from_row(row) for row in frame[ARTICLE_COLUMNS].to_dict("records")], cluster)
        terms, values = _row_bytes(counts)
        yield frame[["window", *PASS_COLUMNS]].assign(terms=terms, counts=values)


def _counts(frame: pd.DataFrame, cluster: ClusterSettings) -> sp.csr_matrix:
    """The ``word_counts`` of the articles of ``frame`` (``PASS_SCHEMA``), one row each."""
    return _matrix(frame["terms"], frame["counts"], StreamVectorizer(cluster.vectors).n_features)


def _row_bytes(matrix: sp.csr_matrix) -> tuple[list[bytes], list[bytes]]:
    """Each row of ``matrix`` as its features' indices (int32) and values (float32), as bytes."""
    matrix = matrix.tocsr()
    rows = [slice(matrix.indptr[k], matrix.indptr[k + 1]) for k in range(matrix.shape[0])]
    return ([matrix.indices[r].astype(np.int32).tobytes() for r in rows],
            [matrix.data[r].astype(np.float32).tobytes() for r in rows])


def _matrix(terms: Iterable[bytes], values: Iterable[bytes], width: int) -> sp.csr_matrix:
    """What ``_row_bytes`` made, rows of ``width`` features, the entries of each row in their order."""
    indices = [np.frombuffer(t, dtype=np.int32) for t in terms]
    data = [np.frombuffer(v, dtype=np.float32) for v in values]
    indptr = np.concatenate([[0], np.cumsum([len(t) for t in indices], dtype=np.int64)])
    return sp.csr_matrix((np.concatenate([np.zeros(0, np.float32), *data]),
                          np.concatenate([np.zeros(0, np.int32), *indices]), indptr), shape=(len(indices), width))


def seeded_frame(articles: pd.DataFrame, starts: pd.DataFrame, cluster: ClusterSettings,
                 windows: WindowSettings, carries: bool) -> pd.DataFrame:
    """One window's articles (rows) clustered from what it starts from (``starts``: none or one row,
    the ``state`` carried into it, if any, and the document frequencies ``df`` of the ``n`` articles
    before it), with the state it carries out when ``carries`` (in the rounds; a warm round's
    windows start from the running totals instead). A window holding no article passes the state
    on."""
    import pandas as pd

    window = int((articles if len(articles) else starts)["window"].iloc[0])
    carried = None
    if len(starts):
        start = starts.iloc[0]
        state = unpack(bytes(start["state"])) if isinstance(start["state"], (bytes, bytearray)) else None
        carried = starting(state, (_array(start["df"]), int(start["n"])))
    members, counts = _articles(articles), _counts(articles, cluster)
    labels = cluster_seeded(members, counts, cluster, carried)
    frame = pd.DataFrame([(window, article, first, None) for article, first in labels], columns=LABEL_SCHEMA_COLUMNS)
    if window == UNDATED or not carries:
        return frame
    out = carry_out(members, counts, labels, carried, cluster, window_end(window, windows))
    return pd.concat([frame, pd.DataFrame([(window, None, None, pack(out))], columns=LABEL_SCHEMA_COLUMNS)])


def frequencies_frame(articles: pd.DataFrame, cluster: ClusterSettings) -> pd.DataFrame:
    """One window's document frequencies (``_bytes``) and its number of articles."""
    import pandas as pd

    df, n = document_frequencies(_counts(articles, cluster))
    return pd.DataFrame({"window": [int(articles["window"].iloc[0])], "df": [_bytes(df)], "n": [n]})


def _bytes(array: np.ndarray) -> bytes:
    """An array of counts, mostly zeros, as a compressed ``.npz`` (no pickle)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, counts=array)
    return buffer.getvalue()


def _array(blob: bytes) -> np.ndarray:
    return np.load(io.BytesIO(blob), allow_pickle=False)["counts"]


def part_frame(articles: pd.DataFrame, idf: pd.DataFrame, cluster: ClusterSettings) -> pd.DataFrame:
    """One window's part of each of its stories (``label``), weighed with the IDF up to the window's
    end (``idf``: the document frequencies before the next window), with the window."""
    import pandas as pd

    if not len(articles) or not len(idf) or int(articles["window"].iloc[0]) == UNDATED:
        return pd.DataFrame(columns=["window", *SUMS_COLUMNS])
    vectorizer = weighing([(_array(idf["df"].iloc[0]), int(idf["n"].iloc[0]))], cluster)
    frame = sums_frame(story_sums(_articles(articles), _counts(articles, cluster), list(articles["label"]), vectorizer))
    return frame.assign(window=int(articles["window"].iloc[0]))[["window", *SUMS_COLUMNS]]


def running_frame(parts: pd.DataFrame, cluster: ClusterSettings, windows: WindowSettings) -> pd.DataFrame:
    """One story's parts (a row per window) added up in window order (``added``), each running
    total sent to the windows that start from it in a warm round: those after its window, up to the
    story's next part and while the story is open (``open_stories``). A story over k windows makes
    about k rows, and its sums do not depend on the order Spark delivers the parts in."""
    import pandas as pd

    ordered = parts.sort_values("window", kind="stable")
    at = [int(w) for w in ordered["window"]]
    stories = sums_of(ordered, StreamVectorizer(cluster.vectors).n_features)
    dormant = cluster.dormant_after.total_seconds()
    total, frames = None, []
    for k, window in enumerate(at):
        total = added(total, stories.take([k]))
        open_until = window_of(float(total.last[0]) + dormant, windows)
        next_part = at[k + 1] if k + 1 < len(at) else open_until
        targets = list(range(window + 1, min(open_until, next_part) + 1))
        if targets:  # only frames with rows: pandas deprecates concatenating empty ones
            frames.append(sums_frame(total).loc[[0] * len(targets)].assign(window=targets))
    if not frames:
        return pd.DataFrame(columns=["window", *SUMS_COLUMNS])
    return pd.concat(frames)[["window", *SUMS_COLUMNS]]


def warm_frame(totals: pd.DataFrame, idf: pd.DataFrame, cluster: ClusterSettings,
               windows: WindowSettings) -> pd.DataFrame:
    """What one window starts from in a warm round (``open_stories``): the running totals of the
    stories over the windows before it (``totals``, one row a story), in story order as the replay
    holds them, and the document frequencies before it (``idf``)."""
    import pandas as pd

    if not len(totals) or not len(idf):
        return pd.DataFrame(columns=["window", "state"])
    window = int(idf["window"].iloc[0])
    stories = sums_of(totals.sort_values("story", kind="stable"), StreamVectorizer(cluster.vectors).n_features)
    start = open_stories(stories, window, (_array(idf["df"].iloc[0]), int(idf["n"].iloc[0])), cluster, windows)
    return pd.DataFrame({"window": [window], "state": [pack(start)]})


def sums_frame(stories: StorySums) -> pd.DataFrame:
    """``stories`` as rows of ``SUMS_SCHEMA``."""
    import pandas as pd

    terms, weights = _row_bytes(stories.sums)
    return pd.DataFrame({"story": list(stories.ids), "size": stories.sizes, "first": stories.first,
                         "last": stories.last, "terms": terms, "weights": weights})


def sums_of(frame: pd.DataFrame, width: int) -> StorySums:
    """The rows of ``sums_frame`` (vectors of ``width`` features) as ``StorySums``."""
    sums = _matrix(frame["terms"], frame["weights"], width)
    return StorySums(tuple(str(s) for s in frame["story"]), sums, frame["size"].to_numpy(dtype=float),
                     frame["first"].to_numpy(dtype=float), frame["last"].to_numpy(dtype=float))


def assign_stories(articles: DataFrame, cluster: ClusterSettings, windows: WindowSettings) -> DataFrame:
    """``articles`` (marked by ``mark_duplicates``) with ``story``."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if windows.overlap < cluster.dormant_after:
        log.warning("windows start from %s of the past, less than the clusterer's dormancy (%s): a story silent for "
                    "longer may be split at a window edge, which the local engine keeps whole",
                    windows.overlap, cluster.dormant_after)
    spark = articles.sparkSession
    home = F.udf(lambda when: window_of(when, windows), "bigint")
    originals = articles.where(F.col("duplicate_of").isNull())
    placed = originals.withColumn("window", home("time")).select("window", *ARTICLE_COLUMNS).mapInPandas(
        lambda frames: counted_frames(frames, cluster), PASS_SCHEMA).localCheckpoint()
    counted = {row["window"]: (_array(row["df"]), row["n"]) for row in placed.groupBy("window").applyInPandas(
        lambda frame: frequencies_frame(frame, cluster), "window bigint, df binary, n bigint").collect()}
    starting_with = spark.createDataFrame([(w, _bytes(df), n) for w, (df, n) in frequencies_before(counted).items()],
                                          "window bigint, df binary, n bigint").localCheckpoint()
    # the undated articles are clustered once, after the dated ones (``undated_links``)
    before = starting_with.where(F.col("window") != UNDATED)
    dated = placed.where(F.col("window") != UNDATED)
    states = spark.createDataFrame([], "window bigint, state binary")
    for number in range(1, windows.rounds + 1):
        starts = before.join(states, "window", "left")
        out = dated.groupBy("window").cogroup(starts.groupBy("window")).applyInPandas(
            lambda left, right: seeded_frame(left, right, cluster, windows, True), LABEL_SCHEMA).localCheckpoint()
        states = out.where(F.col("id").isNull()).select((F.col("window") + 1).alias("window"), "state")
        log.info("stories: round %d of %d", number, windows.rounds)
    keys = originals.select("id", "key")
    nodes = keys.select(F.col("id").alias("node"), F.col("key").alias("label"))
    first_id = F.regexp_extract("root", r"^[01]\|[^|]*\|(.*)$", 1)

    def labelled_by(out: DataFrame) -> DataFrame:
        """The articles of ``placed`` labelled with their story's first article, from a round's links."""
        links = out.where(F.col("id").isNotNull()).select(F.col("id").alias("a"), F.col("first").alias("b"))
        roots = connected_components(nodes, links)
        return placed.join(roots.select(F.col("node").alias("id"), first_id.alias("label")), "id").localCheckpoint()

    vectorizer = weighing(list(counted.values()), cluster)
    width = vectorizer.n_features
    labelled = labelled_by(out)
    upto = before.select((F.col("window") - 1).alias("window"), "df", "n")  # the IDF up to each window's end

    def parts_of(labelled: DataFrame) -> DataFrame:
        """Each dated window's part of its stories (``part_frame``)."""
        return labelled.groupBy("window").cogroup(upto.groupBy("window")).applyInPandas(
            lambda frame, idf: part_frame(frame, idf, cluster), "window bigint, " + SUMS_SCHEMA)

    for number in range(1, windows.warm_rounds + 1):
        totals = parts_of(labelled).groupBy("story").applyInPandas(lambda frame: running_frame(frame, cluster, windows),
                                                      "window bigint, " + SUMS_SCHEMA)
        warm = totals.groupBy("window").cogroup(before.groupBy("window")).applyInPandas(
            lambda frame, idf: warm_frame(frame, idf, cluster, windows), "window bigint, state binary")
        starts = before.join(warm, "window", "left")
        out = dated.groupBy("window").cogroup(starts.groupBy("window")).applyInPandas(
            lambda left, right: seeded_frame(left, right, cluster, windows, False), LABEL_SCHEMA).localCheckpoint()
        labelled = labelled_by(out)
        log.info("stories: warm round %d of %d", number, windows.warm_rounds)

    def summed(frame: pd.DataFrame) -> pd.DataFrame:
        # in window order, as the replay adds up the windows: the float32 sums are then the same
        return sums_frame(combine([sums_of(frame.sort_values("window", kind="stable"), width)]))

    if UNDATED in counted:
        # every dated story, summed over its windows (each part weighed with the IDF up to its window's end),
        # the ``max_active`` newest (``open_stories``, which takes the same ones again): the undated window's start
        held = (parts_of(labelled).groupBy("story").applyInPandas(summed, SUMS_SCHEMA)
                .orderBy(F.desc("last"), "story").limit(cluster.max_active).withColumn("window", F.lit(UNDATED)))
        undated_idf = starting_with.where(F.col("window") == UNDATED)
        start = held.groupBy("window").cogroup(undated_idf.groupBy("window")).applyInPandas(
            lambda frame, idf: warm_frame(frame, idf, cluster, windows), "window bigint, state binary")
        starts = undated_idf.join(start, "window", "left")
        undated_links = placed.where(F.col("window") == UNDATED).groupBy("window").cogroup(starts.groupBy("window"))\
            .applyInPandas(lambda left, right: seeded_frame(left, right, cluster, windows, False), LABEL_SCHEMA)
        labelled = labelled_by(out.unionByName(undated_links))
        log.info("stories: the undated articles")

    def window_sums(frame: pd.DataFrame) -> pd.DataFrame:
        sums = sums_frame(story_sums(_articles(frame), _counts(frame, cluster), list(frame["label"]), vectorizer))
        return sums.assign(window=int(frame["window"].iloc[0]))[["window", *SUMS_COLUMNS]]

    def moved(group: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        # in story order, as the replay holds them: a tie between two stories is then broken the same
        # way whatever order Spark delivers the rows in
        in_order = stories.sort_values("story", kind="stable")
        labels = reassign_window(_articles(group), _counts(group, cluster), list(group["label"]), sums_of(in_order, width),
                                 vectorizer, cluster)
        return pd.DataFrame(labels, columns=["id", "label"])

    within = F.udf(lambda first, last: reach(first, last, cluster, windows), "array<bigint>")
    whole = (labelled.groupBy("window").applyInPandas(window_sums, "window bigint, " + SUMS_SCHEMA)
             .groupBy("story").applyInPandas(summed, SUMS_SCHEMA))
    if UNDATED in counted:
        whole = whole.localCheckpoint()  # read three times below; once (no job of its own) on a dated stream
    earliest, latest = F.coalesce("first", F.lit(float("nan"))), F.coalesce("last", F.lit(float("nan")))
    stories = whole.withColumn("window", F.explode(within(earliest, latest)))
    if UNDATED in counted:  # the stories ``across_dates`` sends between dated and undated articles
        timeless = F.isnan(earliest)
        own = labelled.where(F.col("window") == UNDATED).select(F.col("label").alias("story"))
        newest = whole.where(~timeless).orderBy(F.desc("last"), "story").limit(cluster.max_active).select("story")
        largest = whole.where(timeless).orderBy(F.desc("size"), "story").limit(cluster.max_active)
        windows_dated = spark.createDataFrame([(w,) for w in counted if w != UNDATED], "window bigint")
        stories = (stories.unionByName(whole.join(own.union(newest).distinct(), "story", "left_semi")
                                       .withColumn("window", F.lit(UNDATED)))
                   .unionByName(largest.crossJoin(windows_dated)))
    reassigned = labelled.groupBy("window").cogroup(stories.groupBy("window")).applyInPandas(
        moved, "id string, label string")
    first = F.min("key").over(Window.partitionBy("label"))
    of_original = (reassigned.join(keys, "id").withColumn("root", first)
                   .select("id", F.concat(F.lit("story-"), F.substring(F.sha1(first_id), 1, 12)).alias("story")))
    copies = articles.where(F.col("duplicate_of").isNotNull()).join(
        of_original.withColumnRenamed("id", "duplicate_of"), "duplicate_of")
    return originals.join(of_original, "id").unionByName(copies)
