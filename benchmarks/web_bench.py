"""Speed of ``newsprism serve`` on a store of 100,000 articles: 20 concurrent clients on 127.0.0.1.

The store is the synthetic stream of ``stories_bench.py`` (articles resampled from the gold sets of
../shared/data into events over a year), ingested with ``Store.add`` as ``newsprism ingest`` does;
it is built once and reused (``--store``). The server runs in a subprocess (``newsprism serve``,
its defaults; ``--workers N`` passes that many server processes on). Before the measured loop, a sample of stories is opened once
each, which computes and keeps their analyses (the time of those first views is reported apart:
it is the analysis, paid once per story change). Then 20 client threads each make a fixed number
of requests (a bounded loop that stops by itself), taking turns over three kinds:

- ``list``: a page of the story list (one of the first 20 pages, newest or largest first, with no
  filter, an outlet filter, or a number-of-outlets filter);
- ``search``: a full-text search for one or two words drawn from the stored titles;
- ``story``: the page of one of the sampled stories.

Before the loop each client makes three requests that are not measured (the first page of the
list, a search and a story page) so that each server process has loaded its templates; the
first views above reach one process only.

Reported per kind: requests, errors (any status but 200, or a failed connection), p50, p95 and max
latency; the server's CPU time per request and its resident memory (VmRSS) and peak (VmHWM) after
the loop, summed over its processes (the parent and its workers; pages they share are counted in
each), and the load average of the machine before and after the loop (the clients share its
cores with the server).

The clients are threads of one process by default; ``--client-processes P`` spreads them over P
forked processes, so that a client's measured latency does not include waiting for the other
clients' turn at one Python interpreter (20 browsers are 20 processes).

Each client keeps one connection open and, before its measured requests, opens the story list
once, whose form-token cookie it sends back from then on, as a browser does. ``--client`` chooses
how it speaks HTTP: ``httpx`` (the client of the earlier runs in docs/evaluation.md) or ``stdlib``
(``http.client``, the default), which spends several times less CPU a request (the figures are in
docs/evaluation.md). The clients share the machine's cores with the server, so on 2 cores a
client's own CPU is part of every latency it measures; the server's CPU a request does not depend
on the client.

    python benchmarks/web_bench.py                    # --articles 100000 --clients 20 --requests 60
    python benchmarks/web_bench.py --workers 2 --client-processes 4
    python benchmarks/web_bench.py --client httpx     # the earlier runs' client
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def build_store(path: Path, n: int) -> None:
    from stories_bench import synthetic_stream

    from newsprism.store import Store

    started = time.perf_counter()
    with Store(path) as store:
        batch = []
        for article in synthetic_stream(n):
            batch.append(article)
            if len(batch) == 10_000:
                store.add(batch, commit_every=5_000)
                batch = []
                print(f"  stored {store.count():,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
        if batch:
            store.add(batch, commit_every=5_000)
        print(f"stored {store.count():,} articles in {time.perf_counter() - started:.0f} s", flush=True)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory_kb(pid: int) -> dict[str, int]:
    found = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux /proc)."""
    import os

    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_processes(pid: int) -> list[int]:
    """The server and its worker processes (its children, Linux /proc)."""
    found = [pid]
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(path.parent.name))
    return found


class Fetcher:
    """One client's connection: ``fetch(path)`` GETs a path and gives its status (0 when the
    request failed), keeping the connection open and sending back the cookies it was given."""

    def __init__(self, url: str, kind: str) -> None:
        import httpx

        self.url = url
        self.cookies: dict[str, str] = {}
        self.httpx = httpx.Client(base_url=url, timeout=60) if kind == "httpx" else None
        self.httpx_error = httpx.HTTPError
        self.connection: http.client.HTTPConnection | None = None

    def __call__(self, path: str) -> int:
        if self.httpx is not None:
            try:
                return self.httpx.get(path).status_code
            except self.httpx_error:
                return 0
        try:
            if self.connection is None:
                host, port = self.url.removeprefix("http://").split(":")
                self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
            self.connection.request("GET", path, headers=headers)
            response = self.connection.getresponse()
            response.read()
            for header in response.headers.get_all("set-cookie") or ():
                name, _, value = header.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value.strip()
            return response.status
        except (OSError, http.client.HTTPException):
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            return 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.httpx is not None:
            self.httpx.close()
        if self.connection is not None:
            self.connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=Path("/tmp/newsprism-web-bench.db"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=60, help="requests per client (default: 60)")
    parser.add_argument("--stories", type=int, default=30, help="stories sampled for story pages (default: 30)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers; default: 1)")
    parser.add_argument("--client-processes", type=int, default=1,
                        help="processes the clients' threads are spread over (default: 1, all 20 in this one)")
    parser.add_argument("--client", choices=("stdlib", "httpx"), default="stdlib",
                        help="how the clients speak HTTP: http.client (default) or httpx (the earlier runs')")
    args = parser.parse_args()
    import httpx

    if not args.store.exists():
        print(f"building {args.store} from {args.articles:,} synthetic articles", flush=True)
        build_store(args.store, args.articles)
    import sqlite3

    with sqlite3.connect(args.store) as db:  # every run measures the first views: no analysis kept from before
        db.execute("DELETE FROM analyses")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = args.store.with_suffix(".serve.log")
    server = subprocess.Popen([sys.executable, "-m", "newsprism", "serve", "--db", str(args.store), "--port", str(port),
                               "--workers", str(args.workers)], stderr=log.open("wb"))
    try:
        started = time.perf_counter()
        while True:
            try:
                httpx.get(url + "/status", timeout=5)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise SystemExit(f"the server did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.5)
        print(f"server ready in {time.perf_counter() - started:.1f} s (first start indexes the store)", flush=True)
        run(url, args, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run(url: str, args: argparse.Namespace, pid: int) -> None:
    import httpx

    rng = random.Random(args.seed)
    with httpx.Client(base_url=url, timeout=120) as client:
        first = client.get("/api/stories", params={"per_page": 200}).json()
        total = first["total"]
        outlets = [o["outlet"] for o in client.get("/api/outlets").json()["outlets"]]
        pages = [client.get("/api/stories", params={"per_page": 200, "page": p}).json()["stories"]
                 for p in rng.sample(range(1, first["pages"] + 1), min(10, first["pages"]))]
        stories = [s for page in pages for s in page]
        words = sorted({w.lower() for s in stories for w in s["title"].split() if w.isalpha() and len(w) > 4})
        sample = rng.sample(stories, min(args.stories, len(stories)))
        print(f"{total:,} stories, {len(outlets)} outlets; sampled {len(sample)} stories of "
              f"{statistics.median(s['articles'] for s in sample):.0f} articles at the median "
              f"(largest {max(s['articles'] for s in sample)})", flush=True)
        first_views = []
        for story in sample:
            began = time.perf_counter()
            response = client.get(f"/stories/{story['story']}")
            first_views.append(time.perf_counter() - began)
            if response.status_code != 200:
                print(f"  story {story['story']}: {response.status_code}", flush=True)
        print(f"first views (analysis kept): median {statistics.median(first_views):.2f} s, "
              f"max {max(first_views):.2f} s over {len(first_views)} stories", flush=True)

    def request(kind: str, rng: random.Random) -> str:
        if kind == "list":
            params: dict = {"page": rng.randint(1, 20), "sort": rng.choice(["newest", "largest"])}
            choice = rng.random()
            if choice < 0.3:
                params["outlet"] = rng.choice(outlets)
            elif choice < 0.5:
                params["min_outlets"] = rng.randint(2, 5)
            return "/?" + str(httpx.QueryParams(params))
        if kind == "search":
            return "/?" + str(httpx.QueryParams({"q": " ".join(rng.sample(words, rng.choice([1, 2])))}))
        return f"/stories/{rng.choice(sample)['story']}"

    def client_group(numbers: list[int]) -> tuple[dict[str, list[float]], dict[str, int], float]:
        """Clients ``numbers`` as threads of this process: their latencies, errors and CPU time."""
        latencies: dict[str, list[float]] = {"list": [], "search": [], "story": []}
        errors: dict[str, int] = {"list": 0, "search": 0, "story": 0}
        lock = threading.Lock()
        cpu = time.process_time()

        def client_loop(number: int) -> None:
            own = random.Random(args.seed * 1000 + number)
            kinds = ["list", "search", "story"]
            with Fetcher(url, args.client) as fetch:
                fetch("/")  # not measured: the form-token cookie, as a browser would have it
                for index in range(args.requests):
                    kind = kinds[(index + number) % 3]
                    path = request(kind, own)
                    began = time.perf_counter()
                    ok = fetch(path) == 200
                    elapsed = time.perf_counter() - began
                    with lock:
                        latencies[kind].append(elapsed)
                        errors[kind] += not ok

        threads = [threading.Thread(target=client_loop, args=(n,)) for n in numbers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return latencies, errors, time.process_time() - cpu

    def in_process(numbers: list[int], queue: multiprocessing.Queue) -> None:
        queue.put(client_group(numbers))

    def warm_up() -> None:
        # Not measured: each client's connection opens with the same three pages, so that every
        # server process (--workers) has loaded its templates before the loop; the first views
        # above reached one process only.
        with httpx.Client(base_url=url, timeout=60) as client:
            for path in ("/", "/?q=" + words[0], f"/stories/{sample[0]['story']}"):
                client.get(path)

    warming = [threading.Thread(target=warm_up) for _ in range(args.clients)]
    for thread in warming:
        thread.start()
    for thread in warming:
        thread.join()
    print(f"load average before the loop {open('/proc/loadavg').read().split()[0]}", flush=True)
    began = time.perf_counter()
    processes = server_processes(pid)
    server_cpu = sum(cpu_seconds(p) for p in processes)
    groups = [list(range(args.clients))[n::args.client_processes] for n in range(args.client_processes)]
    if args.client_processes == 1:
        results = [client_group(groups[0])]
    else:  # forked: each process runs its clients' threads and sends back what it measured
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        forked = [context.Process(target=in_process, args=(group, queue)) for group in groups]
        for process in forked:
            process.start()
        results = [queue.get() for _ in forked]
        for process in forked:
            process.join()
    wall = time.perf_counter() - began
    server_cpu = sum(cpu_seconds(p) for p in processes) - server_cpu
    latencies = {kind: [v for r in results for v in r[0][kind]] for kind in ("list", "search", "story")}
    errors = {kind: sum(r[1][kind] for r in results) for kind in ("list", "search", "story")}
    client_cpu = sum(r[2] for r in results)
    done = sum(len(v) for v in latencies.values())
    print(f"\n{args.clients} clients ({args.client}) in {args.client_processes} processes, {done:,} requests in {wall:.1f} s "
          f"({done / wall:.0f} requests/s); "
          f"server CPU {1000 * server_cpu / done:.1f} ms a request, clients' CPU {1000 * client_cpu / done:.1f} ms; "
          f"load average {open('/proc/loadavg').read().split()[0]} on {__import__('os').cpu_count()} cores")
    print("| request | requests | errors | p50 ms | p95 ms | max ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, values in latencies.items():
        print(f"| {kind} | {len(values)} | {errors[kind]} | {1000 * percentile(values, 0.5):.0f} | "
              f"{1000 * percentile(values, 0.95):.0f} | {1000 * max(values):.0f} |")
    memory = [memory_kb(p) for p in processes]
    print(f"server memory after the loop ({len(processes)} processes): "
          f"{sum(m['VmRSS'] for m in memory) / 1024:.0f} MB resident, peak {sum(m['VmHWM'] for m in memory) / 1024:.0f} MB "
          f"({', '.join(str(round(m['VmRSS'] / 1024)) for m in memory)} MB each)")


if __name__ == "__main__":
    main()
