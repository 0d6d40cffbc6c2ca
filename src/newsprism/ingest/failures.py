"""One place where a reader's failure becomes its input's error, so one bad input never sinks a batch.

The parsers newsprism reads with (json, gzip and zlib, feedparser, lxml through trafilatura, warcio,
charset detection) answer bad bytes with many exception types: ``ValueError`` for a 5,000-digit
integer, ``RecursionError`` for deep nesting, ``zlib.error`` for a corrupt ``.gz``, ``KeyError``
from a mis-nested feed, ``PermissionError`` from a file that cannot be opened. Whatever a reader
raises while it reads one input is that input's fault, not the batch's: ``guarded`` turns it into
an ``InputError`` naming the input (the articles read before it are kept), and the batch goes on.
Only ``KeyboardInterrupt`` and ``SystemExit`` pass through.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TypeVar

from newsprism.errors import InputError

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_REASON_CHARS = 300
"""A parser's message is cut here: a warning is one line, and some messages quote the whole input."""


def guarded(source: str, items: Iterable[T]) -> Iterator[T | InputError]:
    """``items`` as they come; an exception raised while producing them ends them with one
    ``InputError`` naming ``source`` and the exception."""
    try:
        yield from items
    except InputError as error:
        yield error
    except Exception as error:  # noqa: BLE001 - any parser failure on bad bytes is the input's
        log.debug("reading %s failed", source, exc_info=True)
        yield InputError(source, f"cannot be read ({one_line(error)})")


def one_line(error: BaseException) -> str:
    """``"ValueError: message"`` on one line, at most ``MAX_REASON_CHARS`` long."""
    message = " ".join(str(error).split())
    if len(message) > MAX_REASON_CHARS:
        message = message[: MAX_REASON_CHARS - 1] + "…"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
