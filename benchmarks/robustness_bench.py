"""Robustness: a long fuzz run over every reader, a 10 MB article through ``newsprism report``, and a
few-kilobyte response that decodes to gigabytes.

    python benchmarks/robustness_bench.py                     # 100,000 fuzz cases, then the two limits
    python benchmarks/robustness_bench.py --cases 2000 --seed 7 --skip-limits

The fuzz cases are the suite's (``tests/fuzz_inputs.py``: one valid input of each kind, damaged by
one to eight random edits, or random bytes under its name), drawn here with ``random`` instead of
hypothesis so that a run counts every escape instead of stopping at the first. An escape is any
exception out of reading, or out of cleaning, segmenting or analysing what was read (every
``--pipeline-every``-th case), other than ``NewsprismError``; the first few are printed with the
input that caused them (saved under ``benchmarks/results/``).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import tracemalloc
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import EDIT_KINDS, TOKENS, check_pipeline, check_read, mutate, seeds  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def fuzz(cases: int, seed: int, pipeline_every: int) -> int:
    """Run ``cases`` fuzz cases; print the counts; return the number of escapes."""
    rng = random.Random(seed)
    inputs = seeds()
    names = sorted(inputs)
    escapes: Counter[str] = Counter()
    shown = 0
    read = errors_only = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(cases):
            name = rng.choice(names)
            if rng.random() < 0.2:
                data = rng.randbytes(rng.randint(0, 4096))
            else:
                edits = [(rng.randrange(EDIT_KINDS), rng.randrange(1 << 16), rng.randrange(1 << 10),
                          rng.randrange(len(TOKENS))) for _ in range(rng.randint(1, 8))]
                data = mutate(inputs[name], edits)
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                articles = check_read(path)
                read += bool(articles)
                errors_only += not articles
                if number % pipeline_every == 0:
                    check_pipeline(articles)
            except Exception as error:  # noqa: BLE001 - counting them is the point
                kind = f"{name}: {type(error).__name__}"
                escapes[kind] += 1
                if shown < 5:
                    shown += 1
                    RESULTS.mkdir(parents=True, exist_ok=True)
                    kept = RESULTS / f"escape-{shown}-{name}"
                    kept.write_bytes(data)
                    print(f"escape {shown} ({kept}):", "".join(traceback.format_exception_only(error)).strip()[:400])
            if (number + 1) % 10_000 == 0:
                print(f"  {number + 1:,} cases, {sum(escapes.values())} escapes, "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    print(f"fuzz: {cases:,} cases (seed {seed}) in {elapsed:.0f} s ({cases / elapsed:.0f}/s): "
          f"{read:,} gave articles, {errors_only:,} only errors; {sum(escapes.values())} escapes")
    for kind, count in escapes.most_common():
        print(f"  {count:6d}  {kind}")
    return sum(escapes.values())


def huge_article(megabytes: int) -> None:
    """Time ``newsprism report`` on a one-line article of ``megabytes`` MB beside the two examples."""
    rng = random.Random(1)
    words = (ROOT / "examples" / "001_70f2f9c0c9a27f18.txt").read_text(encoding="utf-8").split()
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30))).rstrip(".") + ". "
        parts.append(sentence)
        size += len(sentence)
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "huge.txt"
        article.write_text("".join(parts), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "newsprism", "report", str(article), str(ROOT / "examples"),
                              "--out", str(Path(folder) / "report.html")], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"huge article: {article.stat().st_size if article.exists() else size:,} bytes on one line through "
          f"report: exit {run.returncode}, {elapsed:.1f} s, peak memory {max(peak, before) / 1024:.0f} MB")
    for line in run.stderr.splitlines():
        if "cut" in line:
            print("  " + line)


def nested_gzip() -> None:
    """Fetch a few-kilobyte ``Content-Encoding: gzip, gzip`` response that decodes to 1 GB."""
    import gzip
    import zlib

    from newsprism.ingest import ReadSettings, read_inputs

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    body = gzip.compress(b"".join([*(packer.compress(block) for _ in range(1024)), packer.flush()]), 9)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip, gzip")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    tracemalloc.start()
    started = time.perf_counter()
    result = read_inputs([f"http://127.0.0.1:{server.server_port}/"], allow_private=True, settings=ReadSettings())
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    server.shutdown()
    print(f"nested gzip: a {len(body):,}-byte response (1 GB decoded) read in {elapsed:.2f} s, "
          f"peak traced memory {peak / 1e6:.0f} MB: {result.errors[0] if result.errors else 'no error?'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pipeline-every", type=int, default=10, metavar="K",
                        help="also clean, segment and analyse what every K-th case read (default: 10)")
    parser.add_argument("--huge-mb", type=int, default=10, help="size of the one-line article (default: 10)")
    parser.add_argument("--skip-limits", action="store_true", help="only the fuzz run")
    args = parser.parse_args()
    escapes = fuzz(args.cases, args.seed, args.pipeline_every) if args.cases else 0
    if not args.skip_limits:
        huge_article(args.huge_mb)
        nested_gzip()
    return 1 if escapes else 0


if __name__ == "__main__":
    sys.exit(main())
