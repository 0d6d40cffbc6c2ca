"""``newsprism clean``: articles without their junk lines, and with ``--explain`` what went and why.

The point of ``--explain`` is trust: a user who sees a line vanish from a summary can check that
the cleaner removed it and for which reason, instead of guessing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsprism.cli.console import warn
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.render.terminal import visible
from newsprism.render.text import counted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "clean",
        help="print articles with junk lines removed (--explain: what was removed and why)",
        description=(
            "Read each INPUT and print its text without navigation labels, teasers, copyright and edition"
            " lines, sign-up prompts, photo credits, share buttons and other page furniture. The "
            "headline, byline and dateline are shown as metadata, not body text."
        ),
        examples=[
            "newsprism clean examples/001_70f2f9c0c9a27f18.txt --explain",
        ],
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="an article: OUTLET=PATH, a file, a folder of files, or a URL",
    )
    parser.add_argument(
        "--explain", action="store_true",
        help="after each article, list every removed line with the reason it was removed",
    )
    add_allow_private(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.ingest import read_inputs
    from newsprism.text.clean import clean_articles

    result = read_inputs(args.inputs, allow_private=args.allow_private)
    if not result.articles:
        reasons = "; ".join(str(e) for e in result.errors[:3]) or "no inputs given"
        raise NewsprismError(f"no article was read ({reasons})")
    for error in result.errors:
        warn(str(error))
    out = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    articles = clean_articles(result.articles)
    for number, article in enumerate(articles):
        if number:
            out.print()
        _print_article(out, article, heading=len(articles) > 1 or args.explain)
        if args.explain:
            _print_removed(out, article)
    return 0


def _print_article(out: Console, article: Article, *, heading: bool) -> None:
    if heading:
        out.rule(escape(visible(f"{article.display_outlet} · {article.where}")), style="dim")
        details = [("title", article.title), ("byline", article.meta.get("byline")),
                   ("dateline", article.meta.get("dateline"))]
        for label, value in details:
            if value:
                out.print(f"[bold]{label}:[/bold] {escape(visible(str(value)))}")
        out.print()
    out.print(visible(article.text), markup=False)


def _print_removed(out: Console, article: Article) -> None:
    if not article.removed:
        out.print("\n[dim]nothing removed[/dim]")
        return
    counts = Counter(removal.reason for removal in article.removed)
    summary = ", ".join(f"{reason} {count}" for reason, count in counts.most_common())
    table = Table(title=f"removed {counted(len(article.removed), 'line')} ({escape(summary)})", title_justify="left",
                  show_lines=False, expand=False)
    table.add_column("reason", style="yellow", no_wrap=True)
    table.add_column("removed line", overflow="fold")
    for removal in article.removed:
        table.add_row(escape(removal.reason), escape(visible(removal.line)))
    out.print()
    out.print(table)
