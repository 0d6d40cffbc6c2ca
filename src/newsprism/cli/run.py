"""``newsprism run INPUT... --out DIR``: the whole pipeline into Parquet tables, on one machine or
on Spark (``--engine spark``); the layout is described in ``newsprism.engines.run``."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from newsprism.cli.articles import add_settings_arguments, settings_from
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "run",
        help="read, dedup, cluster, summarise and compare INPUTs into a folder of Parquet tables",
        description=(
            "Run the whole pipeline on INPUTs and write Parquet tables under --out: articles/ (each "
            "article with its story and the original it copies), stories/, summaries/ and "
            "comparisons/ (the JSON documents of summarize and compare), problems/; with --report also "
            "an HTML page per story. --engine spark runs the same stages on Apache Spark (JSONL, "
            "Parquet and WARC inputs, local paths or Hadoop file system URIs; see docs/spark.md)."
        ),
        examples=[
            "newsprism run day.jsonl --out runs/day",
            "newsprism run --engine spark 'hdfs:///news/2024-*.jsonl' --out hdfs:///runs/2024 --master yarn",
            "newsprism run --engine spark crawl.warc.gz --out runs/crawl --master 'local[2]' --report",
        ],
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="articles: JSONL, Parquet, WARC (and, locally, "
                        "any input newsprism read takes)")
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder of the output tables")
    parser.add_argument("--engine", choices=("local", "spark"), default="local",
                        help="where the stages run (default: local, this process)")
    parser.add_argument("--master", default="local[*]", metavar="URL",
                        help="the Spark master (default: local[*], every core of this machine)")
    parser.add_argument("--driver-memory", metavar="SIZE",
                        help="Spark: the driver's memory, e.g. 6g (default: Spark's 1g). With --master local[N] "
                             "the work runs in the driver too: 100,000 articles ran in 6g")
    parser.add_argument("--window-days", type=float, default=30.0, metavar="DAYS",
                        help="Spark: days of articles clustered by one task (default: 30)")
    parser.add_argument("--overlap-days", type=float, default=90.0, metavar="DAYS",
                        help="Spark: days before a window clustered again (one round per window) to give it the "
                             "stories open at its start; at least the clusterer's dormancy (60 days) gives the "
                             "local engine's stories (default: 90)")
    parser.add_argument("--words", type=int, default=100, metavar="N", help="summary length in words (default: 100)")
    parser.add_argument("--report", action="store_true", help="also write an HTML report per story under DIR/report/")
    add_allow_private(parser)
    add_settings_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.cli.batch import pipeline_settings
    from newsprism.engines.run import RunSettings, run_local

    settings = RunSettings(pipeline_settings(args, cluster=settings_from(args), words=args.words), report=args.report)
    if args.engine == "local":
        counts = run_local(args.inputs, Path(args.out), settings)
    else:
        from newsprism.engines.spark import SparkSettings, run_spark
        from newsprism.engines.windows import WindowSettings

        if args.window_days <= 0 or args.overlap_days < 0:
            raise NewsprismError(f"--window-days must be positive and --overlap-days at least 0, "
                                 f"got {args.window_days} and {args.overlap_days}")
        windows = WindowSettings(window=timedelta(days=args.window_days), overlap=timedelta(days=args.overlap_days))
        counts = run_spark(list(args.inputs), args.out, settings, SparkSettings(master=args.master, windows=windows, driver_memory=args.driver_memory))
    print(f"wrote {args.out}: {counts.articles:,} articles ({counts.duplicates:,} copies), {counts.stories:,} stories"
          + (f", {counts.failed:,} failed" if counts.failed else "")
          + (f"; {counts.problems:,} problems (see {args.out}/problems)" if counts.problems else ""), file=sys.stderr)
    return 1 if counts.failed else 0
