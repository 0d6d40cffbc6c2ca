"""Errors for expected problems: each names what was wrong and, where it can, the fix.

The command line prints these as one line without a traceback; anything else is a bug.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")


class NewsprismError(Exception):
    """An expected problem (bad input, bad argument, missing optional dependency)."""


class InputError(NewsprismError):
    """One input (a file, URL, line or record) could not be read; the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        # A problem is reported on one line, whatever a parser said or a file or link is called.
        reason = _LINE_BREAKS.sub(" ", reason)
        shown = source.replace("\r", "\\r").replace("\n", "\\n")
        super().__init__(f"{shown}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # rebuilt from both fields, so errors can cross process boundaries
        return (type(self), (self.source, self.reason))


def first_named(names: Sequence[str], shown: int = 5) -> str:
    """The first ``shown`` of ``names`` and how many more there are ("s1, s2 and 3 more"): a message
    names what it is about, but a long list would bury it."""
    listed = ", ".join(names[:shown])
    return listed + (f" and {len(names) - shown} more" if len(names) > shown else "")


def missing_extra(package: str, extra: str) -> NewsprismError:
    """The error for an optional dependency that is not installed (DESIGN convention 6)."""
    return NewsprismError(
        f"{package} is not installed; install it with: pip install 'newsprism[{extra}]'"
    )
