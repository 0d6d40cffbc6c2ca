"""Speed of the outlet comparison, and a run over every story of the outlet-comparison data.

    taskset -c 0 python benchmarks/compare_bench.py [--limit N] [--all]

Speed: the first ``--limit`` DUC 2004 clusters (10 articles each), read and cleaned by
``newsprism.engines.local`` once; per story, wall-clock seconds of the facts (``align.analyze``:
segmenting and aligning, all the summary needs), of the rest of the analysis (``analysis.story.complete``:
quotations, figures, framing, conflicts) and of ``compare`` reading it (coverage), after one untimed
warm-up story. ``taskset -c 0`` keeps it on one core.

``--all``: every story of ``allsides_neus/allsides_stories.jsonl`` and ``basil/basil_triplets.jsonl``
through ``compare``; counts stories, failures, quotes, quote groups carried by several outlets,
figures and figure conflicts.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

from newsprism.analysis.align import analyze
from newsprism.analysis.story import complete
from newsprism.compare import compare
from newsprism.engines.local import iter_cluster_stories
from newsprism.errors import InputError, NewsprismError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUC = DATA / "duc2004" / "duc2004_task2.jsonl"
COMPARISON_DATA = [DATA / "allsides_neus" / "allsides_stories.jsonl", DATA / "basil" / "basil_triplets.jsonl"]


def speed(limit: int) -> None:
    stories = [s for s in itertools.islice(iter_cluster_stories(str(DUC)), limit + 1) if not isinstance(s, InputError)]
    compare(complete(analyze(stories[0])))  # warm-up: imports, caches, the lexicon
    fact_times, rest_times, compare_times = [], [], []
    for story in stories[1:]:
        start = time.perf_counter()
        facts = analyze(story)
        aligned = time.perf_counter()
        analysis = complete(facts)
        analysed = time.perf_counter()
        compare(analysis)
        end = time.perf_counter()
        fact_times.append(aligned - start)
        rest_times.append(analysed - aligned)
        compare_times.append(end - analysed)
    articles = statistics.mean(len(s.articles) for s in stories[1:])
    print(f"DUC 2004, {len(compare_times)} stories of {articles:.1f} articles on average")
    print("| step | median s | max s |\n| --- | --- | --- |")
    totals = [f + r + c for f, r, c in zip(fact_times, rest_times, compare_times)]
    for name, times in (("facts", fact_times), ("quotations, figures, framing", rest_times),
                        ("compare", compare_times), ("all", totals)):
        print(f"| {name} | {statistics.median(times):.3f} | {max(times):.3f} |")


def run_all() -> int:
    failed = 0
    for path in COMPARISON_DATA:
        if not path.is_file():
            print(f"{path}: absent (licensed data, never in the repository); skipped")
            continue
        counts = dict.fromkeys(("stories", "failed", "quotes", "shared quote groups", "figures", "conflicts"), 0)
        start = time.perf_counter()
        for item in iter_cluster_stories(str(path)):
            if isinstance(item, InputError):
                counts["failed"] += 1
                print(f"  {item}", file=sys.stderr)
                continue
            counts["stories"] += 1
            try:
                comparison = compare(item)
            except NewsprismError as error:
                counts["failed"] += 1
                print(f"  {path.name}: story {item.id}: {error}", file=sys.stderr)
                continue
            counts["quotes"] += sum(len(g.quotes) for g in comparison.quotes)
            counts["shared quote groups"] += sum(len(g.outlets) > 1 for g in comparison.quotes)
            counts["figures"] += len(comparison.figures)
            counts["conflicts"] += sum(r.conflict for r in comparison.figures)
        failed += counts["failed"]
        print(f"{path.name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({time.perf_counter() - start:.1f} s)")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=20, help="DUC 2004 stories to time (default 20)")
    parser.add_argument("--all", action="store_true", help="also run every AllSides and BASIL story")
    args = parser.parse_args()
    if not DUC.is_file():
        print(f"{DUC}: absent (licensed data, never in the repository); speed not measured")
    else:
        speed(args.limit)
    return run_all() if args.all else 0


if __name__ == "__main__":
    sys.exit(main())
