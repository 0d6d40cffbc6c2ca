"""What every command shares on the terminal: progress on long work and one-line problem reports.

Output meant for other programs goes to standard output; progress and problems go to standard
error, so ``newsprism read ... --format jsonl > out.jsonl`` stays clean.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.model import Article
from newsprism.render.terminal import visible

T = TypeVar("T")

stderr = Console(stderr=True, highlight=False)


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


TABLE_FILE_WIDTH = 160
"""Table width when standard output is a file or pipe (rich would assume 80 and wrap every cell)."""


def table_console() -> Console:
    """Where tables go: standard output, as wide as the terminal, or ``TABLE_FILE_WIDTH`` when redirected."""
    width = None if sys.stdout.isatty() else TABLE_FILE_WIDTH
    return Console(file=sys.stdout, highlight=False, markup=False, width=width)


def warn_notes(articles: Iterable[Article]) -> None:
    """Report what a reader noted on an article (an unparseable date, a guessed text encoding): the
    article is kept, but a user should know that a field was left empty or the bytes reinterpreted."""
    for article in articles:
        for note in article.meta.get("notes", ()):
            warn(f"{article.where}: {note}")


def warn(message: str) -> None:
    """Report a problem with one input; the command goes on with the others."""
    stderr.print(f"newsprism: warning: {visible(message)}", markup=False, soft_wrap=True)
