"""``newsprism evaluate``: score newsprism's output against the gold data of a cluster file.

Each evaluation is a sub-command added by a ``register_<name>(subparsers)`` function listed in
``EVALUATIONS``, so adding one is a new function and one more entry there.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from newsprism.cli.console import progress, warn
from newsprism.cli.options import add_command
from newsprism.render.text import counted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "evaluate",
        help="score summaries (rouge) or story clusterings (clusters) against gold data",
        description=(
            "Score newsprism's output against the gold data of a cluster file."
        ),
        examples=[
            "newsprism summarize --clusters duc2004_task2.jsonl > summaries.jsonl",
            "newsprism evaluate rouge --clusters duc2004_task2.jsonl --summaries summaries.jsonl --mode duc",
            "newsprism cluster articles.jsonl > assignments.jsonl",
            "newsprism evaluate clusters --gold gold.jsonl --pred assignments.jsonl",
        ],
    )
    evaluations = parser.add_subparsers(title="evaluations", metavar="EVALUATION")
    for add in EVALUATIONS:
        add(evaluations)
    parser.set_defaults(func=lambda args: _help(parser))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def register_rouge(evaluations: argparse._SubParsersAction) -> None:
    parser = add_command(
        evaluations, "rouge",
        help="ROUGE of summaries against the references, with bootstrap 95%% confidence intervals",
        description=(
            "Score the summaries (newsprism summarize --clusters ... --format jsonl) against the "
            "references in the cluster file's 'summaries' field, with rouge-score and Porter stemming. "
            "duc: ROUGE-1/2 recall, summary cut to 100 words, averaged over the references (DUC 2004). "
            "mds: ROUGE-1/2/Lsum F1 (Multi-News)."
        ),
        examples=[
            "newsprism evaluate rouge --clusters duc2004_task2.jsonl --summaries summaries.jsonl --mode duc",
        ],
    )
    parser.add_argument("--clusters", required=True, metavar="FILE.jsonl", help="cluster file with reference summaries")
    parser.add_argument("--summaries", required=True, metavar="OUT.jsonl", help="summaries, one story per line")
    parser.add_argument("--mode", required=True, choices=("duc", "mds"), help="scoring convention (see above)")
    parser.set_defaults(func=run_rouge)


def run_rouge(args: argparse.Namespace) -> int:
    from newsprism.evaluate.rouge import evaluate

    report = evaluate(args.clusters, args.summaries, args.mode, warn=warn,
                      track=lambda stories: progress(stories, "scoring"))
    _print_table(
        f"ROUGE, {report.mode} mode",
        ("measure", "score", "95% CI"),
        [
            (measure, f"{interval.mean:.2f}", f"{interval.low:.2f} - {interval.high:.2f}")
            for measure, interval in report.scores.items()
        ],
        caption=f"{counted(report.stories, 'story', 'stories')}; 95% bootstrap confidence intervals",
    )
    return 0


def register_clusters(evaluations: argparse._SubParsersAction) -> None:
    parser = add_command(
        evaluations, "clusters",
        help="B-cubed, pairwise F1 and adjusted Rand index of a clustering against a gold one",
        description=(
            'Score predicted stories against gold stories; both files have one {"article", "story"} JSON '
            "object per line (the output of newsprism cluster). Both must cover the same articles; an "
            "article the clusterer skipped (story null) is scored as a story of its own, with a warning."
        ),
        examples=[
            "newsprism evaluate clusters --gold gold.jsonl --pred assignments.jsonl",
        ],
    )
    parser.add_argument("--gold", required=True, metavar="GOLD.jsonl", help="gold story of each article")
    parser.add_argument("--pred", required=True, metavar="PRED.jsonl", help="predicted story of each article")
    parser.set_defaults(func=run_clusters)


def run_clusters(args: argparse.Namespace) -> int:
    from newsprism.errors import first_named
    from newsprism.evaluate.clusters import read_assignments, read_skipped, score_clusters

    gold, pred = read_assignments(args.gold), read_assignments(args.pred)
    skipped = [article for article in read_skipped(args.pred) if article in gold and article not in pred]
    if skipped:
        # Like a story without a summary for ROUGE: counted, so that skipping cannot hide an article.
        named = first_named(skipped)
        warn(f"{args.pred}: the clusterer skipped {len(skipped)} article{'s' * (len(skipped) != 1)} of "
             f"{args.gold} (their 'skipped' field says why); each is scored as a story of its own: {named}")
        pred.update({article: f"skipped:{article}" for article in skipped})
    scores = score_clusters(gold, pred)
    _print_table(
        f"Clustering: {counted(scores.items, 'article')}, {scores.gold_clusters} gold and "
        f"{counted(scores.predicted_clusters, 'predicted story', 'predicted stories')}",
        ("measure", "precision", "recall", "F1"),
        [
            ("B-cubed", f"{scores.bcubed_precision:.3f}", f"{scores.bcubed_recall:.3f}", f"{scores.bcubed_f1:.3f}"),
            ("pairwise", f"{scores.pairwise_precision:.3f}", f"{scores.pairwise_recall:.3f}", f"{scores.pairwise_f1:.3f}"),
            ("adjusted Rand index", "", "", f"{scores.ari:.3f}"),
        ],
    )
    return 0


def _print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], caption: str | None = None) -> None:
    """A score table on standard output: the measure's name left, its numbers right-aligned."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption)
    for number, column in enumerate(columns):
        table.add_column(column, justify="right" if number else "left")
    for row in rows:
        table.add_row(*row)
    Console(file=sys.stdout, highlight=False).print(table)


EVALUATIONS = (register_rouge, register_clusters)
"""The ``register_<name>`` function of each ``evaluate`` sub-command, in ``--help`` order."""
