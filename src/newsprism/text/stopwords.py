"""English stop words, read from the bundled copy of scikit-learn's list.

The alignment, the quote grouping and the story vectors all leave these words out. Reading them from
a bundled file instead of importing scikit-learn keeps every command's start-up about half a second
shorter; a test checks that the file still matches scikit-learn's list, so the behaviour is the same.
"""

from __future__ import annotations

from importlib import resources


def _read_stop_words() -> frozenset[str]:
    text = resources.files("newsprism").joinpath("data/english_stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


ENGLISH_STOP_WORDS: frozenset[str] = _read_stop_words()
