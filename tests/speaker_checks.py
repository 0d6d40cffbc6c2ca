"""How the hand-checked speaker samples compare a quotation record with an annotated one."""

from __future__ import annotations


def last_word(speaker: str | None) -> str:
    """The word a speaker is checked by: the surname of a name, so "Paul R. LePage" is "LePage"."""
    return speaker.split()[-1].lower().strip(".,") if speaker else ""


def covers(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans cover each other: their overlap is at least half of each."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap >= 0.5 * (a[1] - a[0]) and overlap >= 0.5 * (b[1] - b[0])
