"""newsprism's summaries against the peers a Python user would pick, on DUC 2004 and Multi-News.

    python benchmarks/summarize_bench.py [--datasets duc mds] [--limit N] [--systems ...]

Every system gets the same stories, read and cleaned by ``newsprism.engines.local`` once, and the
same sentences (``newsprism.text.segment``), so the comparison is about what each one selects:

* ``newsprism``: ``analysis.align.analyze`` + ``summarize.summarize`` (at most the budget, whole sentences);
* sumy's ``LexRank``, ``TextRank``, ``LSA``, ``KL`` and ``SumBasic`` with sumy's English stop words and
  Snowball stemmer, given a word tokenizer of ours (sumy's own needs NLTK data that cannot be
  downloaded here); they take sentences in their rank order until the budget is reached (the last
  one may run over: "filled to at least" the budget);
* ``Lead``: the first article's sentences in order, filled to at least the budget;
* ``First-k``: the first sentence of each article, then the second of each, ..., filled likewise;
* on DUC 2004, the 13 published systems' own summaries (SumRepo, Hong et al. 2014) as reference rows.

Scores: ``newsprism.evaluate.rouge`` (rouge-score, Porter stemming); DUC 2004 in ``duc`` mode
(100 words, recall averaged over the 4 references), Multi-News in ``mds`` mode (F1). A story a
system fails on (or that has no usable article) scores as an empty summary. Seconds per story
are CPU seconds of this process (the machine may be shared; wall time would count the others) and
cover splitting, the peers' document building and selection, not reading and cleaning (shared by
every system, measured once per data set over the whole file and printed as a row of its own, so
that a whole-process ratio can be worked out) nor one untimed warm-up story per system;
``x LexRank`` is LexRank's time divided by the system's, measured in the same run. Peers that
cannot be imported are skipped with a note (``pip install 'newsprism[bench]'``); a system whose
first timed story takes more than ``--max-seconds`` CPU seconds is stopped and listed as such
(sumy's KL ranks every sentence of a story by greedy KL divergence, cubic in the number of
sentences, which on the 500-sentence DUC 2004 stories takes minutes per story).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.engines.local import iter_cluster_stories
from newsprism.errors import InputError, NewsprismError
from newsprism.evaluate.rouge import aggregate, read_references, score_duc, score_mds
from newsprism.model import Story
from newsprism.text.segment import segment

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DATASETS = {
    "duc": (DATA / "duc2004" / "duc2004_task2.jsonl", 100),
    "mds": (DATA / "multinews" / "multinews_test.jsonl", 260),
}
SYSTEM_SUMMARIES = DATA / "duc2004" / "duc2004_task2_system_summaries.jsonl"
SUMY = ("LexRank", "TextRank", "LSA", "KL", "SumBasic")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

Summarizer = Callable[[Story, int], list[str]]


def newsprism_system(story: Story, words: int) -> list[str]:
    from newsprism.summarize import summarize

    return [chosen.sentence.text for chosen in summarize(story, words).sentences]


def _fill(sentences: list[str], words: int) -> list[str]:
    """Sentences in the given order until at least ``words`` words are taken."""
    taken, count = [], 0
    for sentence in sentences:
        if count >= words:
            break
        taken.append(sentence)
        count += len(sentence.split())
    return taken


def lead_system(story: Story, words: int) -> list[str]:
    return _fill([s.text for s in segment(story.articles[0])], words)


def first_k_system(story: Story, words: int) -> list[str]:
    articles = [segment(article) for article in story.articles]
    rounds = max((len(a) for a in articles), default=0)
    return _fill([a[k].text for k in range(rounds) for a in articles if k < len(a)], words)


class _Tokenizer:
    """What sumy asks of a tokenizer; sentences come from newsprism's segmenter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        raise AssertionError("sentences are given to sumy already split")

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


class _Budget:
    """A sumy ``sentences_count``: the best-rated sentences until ``words`` words are reached."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, ranked):
        taken, count = [], 0
        for info in ranked:
            if count >= self.words:
                break
            taken.append(info)
            count += len(str(info.sentence).split())
        return taken


def sumy_system(name: str) -> Summarizer:
    """A sumy summarizer as a ``Summarizer``; ImportError when sumy is missing."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer,
               "KL": KLSummarizer, "SumBasic": SumBasicSummarizer}
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _Tokenizer()

    def run(story: Story, words: int) -> list[str]:
        paragraphs = [Paragraph([Sentence(s.text, tokenizer) for s in segment(a)]) for a in story.articles]
        return [str(s) for s in summarizer(ObjectDocumentModel(paragraphs), _Budget(words))]

    return run


def load(path: Path) -> tuple[list[Story], dict[str, list[str]]]:
    stories, references = [], {}
    for item in read_references(path):
        if not isinstance(item, InputError):
            references[item[0]] = item[1]
    for item in iter_cluster_stories(str(path)):
        if isinstance(item, Story):
            stories.append(item)
    return stories, references


def run_system(
    system: Summarizer, stories: list[Story], words: int, max_seconds: float
) -> tuple[dict[str, list[str]] | None, float]:
    """Each story's summary sentences (empty when the system fails) and CPU seconds per story.

    The first story is summarised once untimed first, so that one-time imports and caches do not
    count as per-story time. A system whose timed first story takes more than ``max_seconds`` is
    stopped there: ``(None, its seconds)``, reported as too slow instead of being scored.
    """
    out: dict[str, list[str]] = {}
    if stories:
        try:
            system(stories[0], words)
        except NewsprismError:
            pass
    start = time.process_time()
    for number, story in enumerate(stories):
        try:
            out[story.id] = system(story, words)
        except NewsprismError:
            out[story.id] = []
        if number == 0 and time.process_time() - start > max_seconds:
            return None, time.process_time() - start
    return out, (time.process_time() - start) / max(len(stories), 1)


def score(mode: str, summaries: dict[str, list[str]], references: dict[str, list[str]]) -> dict:
    if mode == "duc":
        rows = [score_duc(" ".join(summaries.get(k, [])), refs) for k, refs in references.items()]
    else:
        rows = [score_mds(summaries.get(k, []), refs) for k, refs in references.items()]
    return aggregate(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="+", choices=sorted(DATASETS), default=["duc", "mds"])
    parser.add_argument("--systems", nargs="+", default=["newsprism", "Lead", "First-k", *SUMY])
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories of each data set")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    parser.add_argument("--max-seconds", type=float, default=30.0,
                        help="stop a system whose first story takes longer (CPU seconds; default 30)")
    args = parser.parse_args(argv)
    rows = []
    for dataset in args.datasets:
        path, words = DATASETS[dataset]
        if not path.is_file():
            print(f"note: {path} not found; {dataset} skipped", file=sys.stderr)
            continue
        start = time.process_time()
        stories, references = load(path)
        reading = (time.process_time() - start) / max(len(stories), 1)
        if args.limit:
            stories = stories[: args.limit]
            references = {s.id: references[s.id] for s in stories}
        print(f"{dataset}: {len(stories)} stories read ({len(references)} with references)", file=sys.stderr)
        rows.append({"dataset": dataset, "system": "(reading and cleaning, shared, not in the rows below)",
                     "seconds": reading, "x LexRank": None})
        timed = []
        for name in args.systems:
            try:
                system = {"newsprism": newsprism_system, "Lead": lead_system, "First-k": first_k_system}.get(name) \
                    or sumy_system(name)
            except ImportError as error:
                print(f"note: {name} skipped ({error}); pip install 'newsprism[bench]'", file=sys.stderr)
                continue
            summaries, seconds = run_system(system, stories, words, args.max_seconds)
            if summaries is None:
                print(f"note: {name} stopped on {dataset}: {seconds:.0f} s for one story", file=sys.stderr)
                rows.append({"dataset": dataset, "system": f"{name} (stopped: {seconds:.0f} s for one story)",
                             "seconds": seconds, "x LexRank": None})
                continue
            scores = score(dataset, summaries, references)
            row = {"dataset": dataset, "system": name, "seconds": seconds,
                   **{k: round(v.mean, 2) for k, v in scores.items()},
                   **{f"{k} CI": [round(v.low, 2), round(v.high, 2)] for k, v in scores.items()}}
            print(json.dumps(row), file=sys.stderr)
            rows.append(row)
            timed.append(row)
        lexrank = next((r["seconds"] for r in timed if r["system"] == "LexRank"), None)
        for row in timed:
            row["x LexRank"] = round(lexrank / row["seconds"], 1) if lexrank and row["seconds"] else None
        if dataset == "duc" and SYSTEM_SUMMARIES.is_file():
            published = {}
            for line in SYSTEM_SUMMARIES.open(encoding="utf-8"):
                record = json.loads(line)
                for name, text in record["system_summaries"].items():
                    published.setdefault(name, {})[record["id"]] = [text]
            for name, summaries in sorted(published.items()):
                scores = score("duc", summaries, references)
                rows.append({"dataset": dataset, "system": f"published {name}", "seconds": None, "x LexRank": None,
                             **{k: round(v.mean, 2) for k, v in scores.items()}})
    print_table(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(rows: list[dict]) -> None:
    """A Markdown table (pasted into docs/evaluation.md as it is)."""
    print("| data | system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | s/story | x LexRank |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        r1 = r.get("rouge1 recall", r.get("rouge1 F1"))
        r2 = r.get("rouge2 recall", r.get("rouge2 F1"))
        lsum = r.get("rougeLsum F1")
        cells = [f"{v:.2f}" if v is not None else "" for v in (r1, r2, lsum)]
        seconds = f"{r['seconds']:.3f}" if r["seconds"] is not None else ""
        ratio = r["x LexRank"] if r["x LexRank"] is not None else ""
        print(f"| {r['dataset']} | {r['system']} | {' | '.join(cells)} | {seconds} | {ratio} |")


if __name__ == "__main__":
    sys.exit(main())
