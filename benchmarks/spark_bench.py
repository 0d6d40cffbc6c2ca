"""The Spark engine against the local engine on the synthetic stream, and a cost model from it.

    python benchmarks/spark_bench.py 100000                  # one size; writes the stream once under --work
    python benchmarks/spark_bench.py 100000 --stories 300    # analyse a sample of 300 stories (default 200)
    python benchmarks/spark_bench.py 100000 --rescore         # the last run's stories against the stream's gold events
    python benchmarks/spark_bench.py 20000 --window-days 7 --overlap-days 14   # Spark's windows
    python benchmarks/spark_bench.py 100000 --cost-model      # the cost model again, from the last run's figures
    python benchmarks/spark_bench.py 100000 --reuse-local     # Spark only, against the last run's local engine
    python benchmarks/spark_bench.py 1000000 --engine local   # the two halves at once, in two shells ...
    python benchmarks/spark_bench.py 1000000 --engine spark   # ... (Spark's analysis waits for the local half)
    python benchmarks/spark_bench.py 1000000 --reuse-local --reuse-spark   # ... then score and print them
    python benchmarks/spark_bench.py 20000 --replay --window-days 7 --overlap-days 90   # no Spark

Each engine runs in its own process (so that peak memory is its own) on the same JSONL file of
``stories_bench.synthetic_stream(n)`` (the gold sets resampled into events over a year; needs
../shared/data). Measured per engine: wall seconds of each stage, articles per second through
read + dedup + stories, peak resident memory (the Spark figure sums the driver, the JVM and the
Python workers, sampled every 0.2 s), and for Spark the shuffle bytes and executor CPU of each
stage, read from Spark's REST API on localhost (the jobs of each stage run under a job group of
its name). The per-story analysis (summary and comparison) is measured on a sample of stories,
the same story ids in both engines, because analysing every story of 100,000 articles takes hours
on one core; its cost is reported per story. Each half saves each article's story and each copy's
original, and the two engines' stories and duplicate groups are scored against each other.

The cost model for 100 million articles on N executors is printed from these figures; what it
assumes is stated in docs/spark.md. ``--reuse-local`` takes the local engine's figures and stories
from the last run of the same size (saved as soon as the local engine is done) instead of running it again (its code is not what is being
changed when only Spark's windows are); the analysis sample is chosen again from its stories.
Each half saves its figures as soon as it is done (``local-N.json``, ``spark-N.json``), so the two
can also run at once, each alone with ``--engine``: at 1,000,000 articles each takes an hour or more,
and the local engine's one process leaves a core of two free. Spark analyses the local engine's
sample, so it waits for the local half's figures before its analysis (the local half removes the
previous run's as it starts); ``--reuse-spark`` (with ``--reuse-local``) then scores
and prints the saved halves without running either.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from newsprism.engines.windows import WindowSettings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_stream(n: int, path: Path) -> dict:
    """The synthetic stream of ``n`` articles as JSONL (once; reused when it exists)."""
    from stories_bench import synthetic_stream

    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            for article in synthetic_stream(n):
                out.write(json.dumps({"id": article.id, "text": article.text, "title": article.title,
                                      "outlet": article.outlet, "published": article.published.isoformat()}) + "\n")
    return {"bytes": path.stat().st_size}


def saved_file(stream: Path, engine: str, kind: str = "stories") -> Path:
    """Where an engine's stories (``kind`` "stories": each article's story) or copies ("copies": each
    copy's original) of ``stream`` (``stream-N.jsonl``) are saved: one file per engine and size,
    so that a run at another size leaves them for ``--reuse-local`` and ``--rescore``."""
    return stream.with_name(f"{engine}-{kind}-{stream.stem.removeprefix('stream-')}.json")


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def _sample_peak(stop: threading.Event, peak: list[float]) -> None:
    while not stop.wait(0.2):
        peak[0] = max(peak[0], _tree_rss_mb(os.getpid()))


def _sample_stories(story_of: dict[str, str], count: int) -> list[str]:
    """``count`` story ids spread over the stream: every k-th story in order of first article."""
    ordered = sorted(set(story_of.values()))
    step = max(len(ordered) // count, 1)
    return ordered[::step][:count]


def _saved_sample(path: Path, saved: Path, count: int) -> list[str]:
    """The analysis sample ``run_local`` would choose, from the stories it saved and the stream's dates."""
    from datetime import datetime

    story_of = json.loads(saved.read_text())
    first: dict[str, tuple[datetime, str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in story_of:
                key, story = (datetime.fromisoformat(record["published"]), record["id"]), story_of[record["id"]]
                first[story] = min(first.get(story, key), key)
    return _sample_stories({a: first[s][1] for a, s in story_of.items()}, count)


def _local_sample(path: Path, figures: Path, count: int) -> list[str]:
    """The local engine's analysis sample, once its half has saved ``figures`` (a run of it may still be going on)."""
    while not figures.exists():
        time.sleep(30)
    return _saved_sample(path, saved_file(path, "local"), count)


def run_local(path: Path, stories: int) -> dict:
    from newsprism.engines.local import dedup_articles
    from newsprism.engines.rows import as_analysed, story_results
    from newsprism.engines.settings import PipelineSettings
    from newsprism.ingest import read_inputs
    from newsprism.stories.cluster import cluster_articles
    from newsprism.text.clean import clean_articles

    seconds = {}
    started = time.perf_counter()
    articles = [as_analysed(a) for a in clean_articles(read_inputs([str(path)]).articles) if a.text.strip()]
    seconds["read"] = time.perf_counter() - started
    started = time.perf_counter()
    copies = dedup_articles(articles)
    assigned = cluster_articles(articles, duplicate_of=copies)
    seconds["dedup + stories"] = time.perf_counter() - started
    saved_file(path, "local", "copies").write_text(json.dumps(copies))
    members: dict[str, list] = {}
    for article, assignment in zip(articles, assigned):
        members.setdefault(assignment.story, []).append(article)
    first = {label: min(group, key=lambda a: (a.published, a.id)).id for label, group in members.items()}
    chosen = _sample_stories({a.id: first[s.story] for a, s in zip(articles, assigned)}, stories)
    by_first = {first[label]: label for label in members}
    saved_file(path, "local").write_text(json.dumps({a.id: s.story for a, s in zip(articles, assigned)}))
    started = time.perf_counter()
    analysed = sum(len(members[by_first[f]]) for f in chosen)
    for f in chosen:
        story_results(f, members[by_first[f]], PipelineSettings())
    seconds["analysis (sample)"] = time.perf_counter() - started
    return {
        "engine": "local", "articles": len(articles), "duplicates": sum(a.duplicate_of is not None for a in assigned),
        "stories": len(members), "seconds": seconds, "sample_stories": len(chosen), "sample_articles": analysed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "sample": chosen,
    }


def _rest(ui: str, app: str, what: str) -> list[dict]:
    with urllib.request.urlopen(f"{ui}/api/v1/applications/{app}/{what}", timeout=60) as response:
        return json.loads(response.read())


def stage_metrics(spark) -> dict[str, dict[str, float]]:
    """Per job group (stage of the pipeline): shuffle bytes written and read, executor run and CPU
    seconds, tasks; from Spark's REST API on localhost."""
    ui, app = spark.sparkContext.uiWebUrl, spark.sparkContext.applicationId
    stages = {s["stageId"]: s for s in _rest(ui, app, "stages?status=complete")}
    totals: dict[str, dict[str, float]] = {}
    for job in _rest(ui, app, "jobs"):
        group = job.get("jobGroup") or "other"
        into = totals.setdefault(group, {"shuffle_write_mb": 0.0, "shuffle_read_mb": 0.0, "executor_run_s": 0.0,
                                         "executor_cpu_s": 0.0, "tasks": 0})
        for stage_id in job["stageIds"]:
            stage = stages.pop(stage_id, None)  # a stage shared by jobs (skipped) counts once
            if stage is None:
                continue
            into["shuffle_write_mb"] += stage["shuffleWriteBytes"] / 2**20
            into["shuffle_read_mb"] += stage["shuffleReadBytes"] / 2**20
            into["executor_run_s"] += stage["executorRunTime"] / 1000
            into["executor_cpu_s"] += stage["executorCpuTime"] / 1e9
            into["tasks"] += stage["numCompleteTasks"]
    return totals


def run_spark(path: Path, sample: Callable[[], list[str]], master: str, partitions: int, windows: WindowSettings) -> dict:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from newsprism.engines.run import RunSettings
    from newsprism.engines.settings import PipelineSettings
    from newsprism.engines.spark import RESULT_SCHEMA, SparkSettings, articles_with_stories, spark_session, stage, story_frame

    stop, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_sample_peak, args=(stop, peak), daemon=True)
    sampler.start()
    started = time.perf_counter()
    spark = spark_session(master, partitions)
    spark.sparkContext.setLogLevel("ERROR")
    seconds: dict[str, float] = {"session": time.perf_counter() - started}
    articles, _ = articles_with_stories(spark, [str(path)], RunSettings(), SparkSettings(master=master, windows=windows),
                                        seconds)
    counts = articles.agg(F.count("*").alias("n"), F.count("duplicate_of").alias("copies"),
                          F.countDistinct("story").alias("stories")).first()
    saved_file(path, "spark").write_text(json.dumps(dict(articles.select("id", "story").collect())))
    saved_file(path, "spark", "copies").write_text(json.dumps(dict(
        articles.where(F.col("duplicate_of").isNotNull()).select("id", "duplicate_of").collect())))
    ids = spark.createDataFrame([(s,) for s in sample()], "first string")
    first = F.min(F.struct("time", "id")).over(Window.partitionBy("story"))  # every article of the stream is dated
    stories = articles.withColumn("first", first["id"]).join(ids, "first")
    with stage(spark, "analysis (sample)", seconds):
        analysed = stories.drop("first").groupBy("story").applyInPandas(
            lambda frame: story_frame(frame, PipelineSettings(), False), RESULT_SCHEMA).localCheckpoint()
        sample_stories = analysed.count()
        sample_articles = analysed.agg(F.sum("articles")).first()[0]
    metrics = stage_metrics(spark)
    stop.set()
    sampler.join()
    spark.stop()
    return {
        "engine": f"spark {master}", "articles": counts["n"], "duplicates": counts["copies"],
        "stories": counts["stories"], "seconds": seconds, "sample_stories": sample_stories,
        "sample_articles": sample_articles, "peak_rss_mb": peak[0], "stages": metrics,
    }


def cost_model(local: dict, spark: dict, articles: float, executors: tuple[int, ...], cores: int,
               window_articles: float, measured_spread: float, spread: float, rounds: int) -> list[str]:
    """Hours for ``articles`` on N executors of ``cores`` cores, from the measured executor CPU per
    article of each stage (analysis per story), assuming linear work per stage, shuffle at the
    measured bytes per article, and the stories stage no faster than its longest chain of tasks:
    ``window_articles``, the articles of one window in each round (warm rounds too) and in the
    reassignment pass (``rounds`` tasks one after another)."""
    n = spark["articles"]
    per_article = {name: spark["stages"][name]["executor_run_s"] / n for name in ("read", "dedup", "stories")}
    per_story = spark["stages"]["analysis (sample)"]["executor_run_s"] / max(spark["sample_stories"], 1)
    stories_per_article = spark["stories"] / n
    # each article is clustered once per round (warm rounds too) and goes once through the reassignment pass
    # (``spread``); one window is one task, and the rounds follow one another: their largest tasks
    # are a floor; the measured cost is per article clustered
    per_clustered = per_article["stories"] / measured_spread
    per_article["stories"] = per_clustered * spread
    window_task = per_clustered * window_articles
    shuffle_gb = sum(spark["stages"][s]["shuffle_write_mb"] for s in ("read", "dedup", "stories")) / n * articles / 1024
    lines = [
        f"per article: read {per_article['read'] * 1e3:.2f} ms, dedup {per_article['dedup'] * 1e3:.2f} ms, "
        f"stories {per_article['stories'] * 1e3:.2f} ms of executor time; analysis {per_story:.2f} s per story, "
        f"{stories_per_article:.3f} stories per article; shuffle {shuffle_gb:,.0f} GB written for {articles:,.0f} articles",
        f"| executors x cores | read h | dedup h | stories h (the {rounds} passes over one window) | "
        "analysis h | total h |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for count in executors:
        slots = count * cores
        read = per_article["read"] * articles / slots / 3600
        dedup = per_article["dedup"] * articles / slots / 3600
        stories = max(per_article["stories"] * articles / slots, window_task) / 3600
        analysis = per_story * stories_per_article * articles / slots / 3600
        lines.append(f"| {count} x {cores} | {read:.1f} | {dedup:.1f} | {stories:.1f} ({window_task / 3600:.1f}) | "
                     f"{analysis:.1f} | {read + dedup + stories + analysis:.1f} |")
    return lines


def _windows(window: float, overlap: float, warm: int = WindowSettings().warm_rounds) -> WindowSettings:
    return WindowSettings(window=timedelta(days=window), overlap=timedelta(days=overlap), warm_rounds=warm)


def _passes(windows: WindowSettings) -> int:
    """How many times the stories stage goes through every article: each round, each warm round,
    and the reassignment pass."""
    return windows.rounds + windows.warm_rounds + 1


def print_cost_models(run: dict) -> None:
    """The cost model for 100 million articles over a year, with the run's windows and with 7-day
    windows built from 90 days before them (the stories stage's cost per clustered article taken as
    measured), and the local engine's one process at its measured speed and memory per article."""
    articles = 100e6
    measured = _windows(run["window_days"], run["overlap_days"], run.get("warm_rounds", 0))
    for shape in (measured, _windows(7.0, 90.0)):  # the run's own windows, as it ran them; 7-day ones by default
        window, overlap = shape.window / timedelta(days=1), shape.overlap / timedelta(days=1)
        print(f"\ncost model, 100 million articles over a year, {window:g}-day windows started from the "
              f"{overlap:g} days before them ({shape.rounds} rounds), {shape.warm_rounds} warm and the reassignment pass:")
        print("\n".join(cost_model(run["local"], run["spark"], articles, (1, 4, 16, 64), 4,
                                  articles / 365 * _passes(shape) * window, _passes(measured), _passes(shape),
                                  _passes(shape))))
    local = run["local"]
    through = local["seconds"]["read"] + local["seconds"]["dedup + stories"]
    print(f"\nthe local engine, one process: {articles / (local['articles'] / through) / 3600:,.0f} h from reading to "
          f"stories and {local['peak_rss_mb'] / local['articles'] * articles / 1024:,.0f} GB of memory at its "
          "measured speed and memory per article")


def replay(path: Path, windows: WindowSettings) -> None:
    """Spark's window stage run in this process (``windows.stories_in_windows``, no Spark) against
    the local engine's stories of the same stream: the cheap way to measure window settings. The
    local engine's stories are those the last run saved when they cover the same articles, else
    computed here and saved for the next replay."""
    from newsprism.engines.local import dedup_articles
    from newsprism.engines.rows import as_analysed
    from newsprism.engines.windows import stories_in_windows
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.ingest import read_inputs
    from newsprism.stories.cluster import ClusterSettings, cluster_articles
    from newsprism.text.clean import clean_articles

    articles = [as_analysed(a) for a in clean_articles(read_inputs([str(path)]).articles) if a.text.strip()]
    copies = dedup_articles(articles)
    saved = saved_file(path, "local")
    local = json.loads(saved.read_text()) if saved.exists() else {}
    if set(local) != {a.id for a in articles}:  # the local clusterer: minutes at 100,000 articles
        local = {a.article: a.story for a in cluster_articles(articles, duplicate_of=copies)}
        saved.write_text(json.dumps(local))
    started = time.perf_counter()
    story = stories_in_windows([a for a in articles if a.id not in copies], ClusterSettings(), windows)
    seconds = time.perf_counter() - started
    story.update({copy: story[original] for copy, original in copies.items()})
    s = score_clusters(local, story)
    print(f"{len(articles):,} articles, {windows.window.days}-day windows, {windows.rounds} rounds, {windows.warm_rounds} "
          f"warm: B-cubed F1 {s.bcubed_f1:.3f} (precision {s.bcubed_precision:.3f}, "
          f"recall {s.bcubed_recall:.3f}) against the local engine; {len(set(story.values())):,} stories against "
          f"{len(set(local.values())):,}; {seconds:.0f} s in one process")


def rescore(n: int, work: Path) -> None:
    """Both engines' stories of the last run (saved under ``work``) scored against the synthetic
    stream's gold events (regenerated: the stream is deterministic) and against each other."""
    from stories_bench import synthetic_stream

    from newsprism.evaluate.clusters import score_clusters

    gold: dict[str, str] = {}
    for _ in synthetic_stream(n, gold=gold):
        pass
    found = {name: json.loads(saved_file(work / f"stream-{n}.jsonl", name).read_text()) for name in ("local", "spark")}
    print("| stories | against | B-cubed precision | recall | F1 |")
    print("| --- | --- | --- | --- | --- |")
    for name, stories in found.items():
        s = score_clusters({a: gold[a] for a in stories}, stories)
        print(f"| {name} | gold events | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f} | {s.bcubed_f1:.3f} |")
    s = score_clusters(found["local"], found["spark"])
    print(f"| spark | local | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f} | {s.bcubed_f1:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=int, nargs="?", default=100_000)
    parser.add_argument("--stories", type=int, default=200, help="stories analysed by each engine (a sample)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsprism-spark-bench"))
    parser.add_argument("--rescore", action="store_true", help="score the last run's stories against the gold events")
    parser.add_argument("--cost-model", action="store_true", help="print the cost model from the last run's figures")
    parser.add_argument("--replay", action="store_true",
                        help="Spark's window stage in one process against the local engine (no Spark)")
    parser.add_argument("--window-days", type=float, default=30.0, help="Spark's clustering windows (default 30)")
    parser.add_argument("--overlap-days", type=float, default=90.0,
                        help="days before a window its start is built from, a round per window (default 90)")
    parser.add_argument("--warm-rounds", type=int, default=WindowSettings().warm_rounds,
                        help="rounds after those, each window started from the stories found before (default %(default)s)")
    parser.add_argument("--reuse-spark", action="store_true",
                        help="take Spark's figures and stories from its last run of the same size (with --reuse-local)")
    parser.add_argument("--reuse-local", action="store_true",
                        help="take the local engine's figures and stories from the last run of this size")
    parser.add_argument("--engine", choices=("local", "spark"),
                        help="run one half alone and save its figures (the stream must have been written)")
    parser.add_argument("--sample", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reuse_spark and not args.reuse_local:
        parser.error("--reuse-spark scores saved halves: give --reuse-local too, or Spark's figures are set against a new local run")
    path = args.work / f"stream-{args.size}.jsonl"
    if args.rescore:
        rescore(args.size, args.work)
        return
    if args.replay:
        args.work.mkdir(parents=True, exist_ok=True)
        write_stream(args.size, path)
        replay(path, _windows(args.window_days, args.overlap_days, args.warm_rounds))
        return
    if args.cost_model:
        print_cost_models(json.loads((args.work / f"run-{args.size}.json").read_text()))
        return
    if args.engine == "local":
        # a previous run's figures go first: a Spark half run at once waits for this run's, not those
        (args.work / f"local-{args.size}.json").unlink(missing_ok=True)
        local = run_local(path, args.stories)
        # saved at once, so that a Spark run that fails or is stopped can be run again with --reuse-local
        (args.work / f"local-{args.size}.json").write_text(json.dumps({k: v for k, v in local.items() if k != "sample"}))
        print(json.dumps(local))
        return
    windows = _windows(args.window_days, args.overlap_days, args.warm_rounds)
    if args.engine == "spark":
        figures = args.work / f"local-{args.size}.json"
        sample = ((lambda: json.loads(args.sample)) if args.sample
                  else (lambda: _local_sample(path, figures, args.stories)))
        spark = run_spark(path, sample, args.master, args.partitions, windows)
        (args.work / f"spark-{args.size}.json").write_text(json.dumps(spark))
        print(json.dumps(spark))
        return
    if not (ROOT.parent / "shared" / "data").is_dir():
        print("skipped: the synthetic stream is made from ../shared/data, which is absent")
        return
    args.work.mkdir(parents=True, exist_ok=True)
    size = write_stream(args.size, path)
    common = [sys.executable, __file__, str(args.size), "--work", str(args.work), "--stories", str(args.stories)]
    if args.reuse_local:
        saved = args.work / f"local-{args.size}.json"
        local = (json.loads(saved.read_text()) if saved.exists()
                 else json.loads((args.work / f"run-{args.size}.json").read_text())["local"])
    else:
        local = json.loads(subprocess.run([*common, "--engine", "local"], capture_output=True, text=True,
                                          check=True).stdout.strip().splitlines()[-1])
    sample = local.pop("sample", None)
    if args.reuse_spark:
        spark = json.loads((args.work / f"spark-{args.size}.json").read_text())
    else:
        spark = _spark_half(args, common, sample if sample is not None
                            else _saved_sample(path, saved_file(path, "local"), args.stories))
    report(args, path, size, local, spark)


def _spark_half(args: argparse.Namespace, common: list[str], sample: list[str]) -> dict:
    """Spark's half in its own process, its whole log kept; its figures."""
    done = subprocess.run([*common, "--engine", "spark", "--sample", json.dumps(sample),
                           "--master", args.master, "--partitions", str(args.partitions),
                           "--window-days", str(args.window_days), "--overlap-days", str(args.overlap_days),
                           "--warm-rounds", str(args.warm_rounds)],
                          capture_output=True, text=True)
    (args.work / "spark-stderr.log").write_text(done.stderr)
    if done.returncode:  # Spark's own error, not only the exit status
        sys.exit(f"the Spark run failed (exit status {done.returncode}; its whole log: {args.work / 'spark-stderr.log'}):\n"
                 f"{done.stderr[-5000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_agreement(path: Path, articles: list[str]) -> str | None:
    """How far the two engines' duplicate groups (an original with its copies) agree, from the copies
    each half saved; None when a half saved none (a run made before they were saved)."""
    from newsprism.evaluate.clusters import score_clusters

    files = [saved_file(path, engine, "copies") for engine in ("local", "spark")]
    if not all(f.exists() for f in files):
        return None
    local, spark = (json.loads(f.read_text()) for f in files)
    groups = [{a: copies.get(a, a) for a in articles} for copies in (local, spark)]
    members: list[dict[str, set[str]]] = [{}, {}]
    for group, into in zip(groups, members):
        for article, original in group.items():
            into.setdefault(original, set()).add(article)
    same = sum(members[0][groups[0][a]] == members[1][groups[1][a]] for a in articles)
    scores = score_clusters(*groups)
    return (f"duplicate groups: {len(local):,} copies locally, {len(spark):,} on Spark, {len(set(local) & set(spark)):,} "
            f"in both ({sum(local[a] == spark[a] for a in set(local) & set(spark)):,} with the same original); "
            f"{same:,} of {len(articles):,} articles in identical groups; B-cubed F1 {scores.bcubed_f1:.4f} "
            f"(precision {scores.bcubed_precision:.4f}, recall {scores.bcubed_recall:.4f})")


def report(args: argparse.Namespace, path: Path, size: dict, local: dict, spark: dict) -> None:
    """The two halves' agreement, tables and cost model, printed and saved as ``run-N.json``."""
    from newsprism.evaluate.clusters import score_clusters

    local_stories = json.loads(saved_file(path, "local").read_text())
    agreement = score_clusters(local_stories, json.loads(saved_file(path, "spark").read_text()))
    print(f"input: {args.size:,} articles, {size['bytes'] / 2**20:.0f} MB of JSONL; Spark's stories against the local "
          f"engine's: B-cubed F1 {agreement.bcubed_f1:.3f} (precision {agreement.bcubed_precision:.3f}, "
          f"recall {agreement.bcubed_recall:.3f})")
    copies = copy_agreement(path, list(local_stories))
    if copies:
        print(copies)
    print("| engine | articles | copies | stories | seconds by stage | articles/s (read to stories) | "
          "analysis s per story (sample) | peak RSS MB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in (local, spark):
        through = sum(v for k, v in r["seconds"].items() if k in ("read", "dedup", "stories", "dedup + stories"))
        stages = ", ".join(f"{k} {v:.0f}" for k, v in r["seconds"].items())
        print(f"| {r['engine']} | {r['articles']:,} | {r['duplicates']:,} | {r['stories']:,} | {stages} | "
              f"{r['articles'] / through:,.0f} | {r['seconds']['analysis (sample)'] / max(r['sample_stories'], 1):.2f} "
              f"({r['sample_stories']} stories, {r['sample_articles']} articles) | {r['peak_rss_mb']:,.0f} |")
    print("\n| Spark stage | tasks | shuffle write MB | shuffle read MB | executor run s | executor CPU s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, m in spark["stages"].items():
        print(f"| {name} | {m['tasks']:.0f} | {m['shuffle_write_mb']:.1f} | {m['shuffle_read_mb']:.1f} | "
              f"{m['executor_run_s']:.0f} | {m['executor_cpu_s']:.0f} |")
    run = {"local": local, "spark": spark, "window_days": args.window_days, "overlap_days": args.overlap_days,
           "warm_rounds": args.warm_rounds, "agreement": [agreement.bcubed_f1, agreement.bcubed_precision,
                                                        agreement.bcubed_recall], "reused_local": args.reuse_local,
           "reused_spark": args.reuse_spark}
    (args.work / f"run-{args.size}.json").write_text(json.dumps(run))
    print_cost_models(run)
    print("\n" + json.dumps(run))


if __name__ == "__main__":
    main()
