"""How many summary sentences break a rule of a brief, on BASIL events and AllSides stories.

    python benchmarks/brief_bench.py [--datasets basil allsides] [--words 100] [--limit N]
    python benchmarks/brief_bench.py --summaries basil=OLD_BASIL.jsonl allsides=OLD_ALLSIDES.jsonl

The rules are those of ``newsprism.evaluate.brief`` (a sentence cut short by its source, a piece of
a quotation, a quotation with no word outside it, a table row, an e-mail address, a prompt to the
reader, a first sentence that opens with a bare pronoun); a row gives, per data set, the stories,
those without a summary (a story with no usable article, or one the summariser failed on, counts
as an empty summary), the summary sentences, those breaking at least one rule and their share, and
the sentences breaking each rule.

Without ``--summaries`` every story of each data set is read and cleaned by
``newsprism.engines.local`` and summarised by ``newsprism.summarize`` at ``--words`` words (what
``newsprism summarize --clusters FILE --words 100`` writes). With ``--summaries NAME=FILE``, the
summaries of a JSONL file that ``newsprism summarize --clusters ... --format jsonl`` wrote are
scored instead (for example one written by an older version, to compare before and after).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsprism.engines.local import EmptyStory, iter_cluster_stories
from newsprism.errors import NewsprismError
from newsprism.evaluate.brief import RULES, BriefScore, score_briefs
from newsprism.model import Story

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DATASETS = {
    "basil": DATA / "basil" / "basil_triplets.jsonl",
    "allsides": DATA / "allsides_neus" / "allsides_stories.jsonl",
}


def summaries_of(path: Path, words: int, limit: int | None) -> Iterator[list[str]]:
    """The sentences of each story's summary, in order; an empty list for a story with none."""
    from newsprism.summarize import summarize

    seen = 0
    for item in iter_cluster_stories(str(path)):
        if not isinstance(item, (Story, EmptyStory)):
            continue  # an article that could not be read: its story is still yielded
        if limit is not None and seen >= limit:
            return
        seen += 1
        if isinstance(item, EmptyStory):
            yield []
            continue
        try:
            yield [chosen.sentence.text for chosen in summarize(item, words).sentences]
        except NewsprismError as error:
            print(f"{item.id}: {error}", file=sys.stderr)
            yield []


def summaries_in(path: Path, limit: int | None) -> Iterator[list[str]]:
    """The sentences of each summary of a ``newsprism summarize --format jsonl`` file."""
    with path.open(encoding="utf-8") as lines:
        for k, line in enumerate(lines):
            if limit is not None and k >= limit:
                return
            yield [sentence["text"] for sentence in json.loads(line).get("sentences", [])]


def row(name: str, score: BriefScore) -> str:
    rules = " | ".join(str(score.by_rule[rule]) for rule in RULES)
    return (
        f"| {name} | {score.summaries} | {score.empty} | {score.sentences} | {score.breaking} | "
        f"{100 * score.share:.1f} % | {rules} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="+", choices=sorted(DATASETS), default=sorted(DATASETS))
    parser.add_argument("--words", type=int, default=100, help="word budget of each summary (default: 100)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories of each data set")
    parser.add_argument("--summaries", nargs="+", metavar="NAME=FILE", default=[],
                        help="score the summaries in FILE (JSONL of newsprism summarize) under NAME")
    args = parser.parse_args(argv)
    scores: dict[str, BriefScore] = {}
    if args.summaries:
        for spec in args.summaries:
            name, sep, file = spec.partition("=")
            if not sep or not Path(file).is_file():
                parser.error(f"--summaries takes NAME=FILE with an existing FILE, got {spec!r}")
            scores[name] = score_briefs(summaries_in(Path(file), args.limit))
    else:
        for name in args.datasets:
            path = DATASETS[name]
            if not path.is_file():
                print(f"skipping {name}: {path} is absent (licensed evaluation data, never in the repository)")
                continue
            scores[name] = score_briefs(summaries_of(path, args.words, args.limit))
    if not scores:
        return 1
    print(f"| data | stories | no summary | sentences | breaking | share | {' | '.join(RULES)} |")
    print("| --- " * (6 + len(RULES)) + "|")
    for name, score in scores.items():
        print(row(name, score))
    if len(scores) > 1:
        print(row("all", score_briefs_total(scores.values())))
    return 0


def score_briefs_total(scores) -> BriefScore:
    """The scores of several data sets added up."""
    scores = list(scores)
    return BriefScore(
        sentences=sum(s.sentences for s in scores),
        breaking=sum(s.breaking for s in scores),
        by_rule={rule: sum(s.by_rule[rule] for s in scores) for rule in RULES},
        summaries=sum(s.summaries for s in scores),
        empty=sum(s.empty for s in scores),
    )


if __name__ == "__main__":
    raise SystemExit(main())
