"""Groups of linked items: the one union-find, and the two ways the analysis groups by links.

Facts group sentences (``align``), quotations group remarks told twice (``quotes.groups``),
figures group readings of one count (``figures``) and the summary groups near-duplicate candidates
(``summarize``); all of them are items ``0..n-1`` joined by links, and they share this code.
"""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of the items ``0..count-1`` (path halving).

    ``union(keep, other)`` puts ``other``'s set into ``keep``'s, and the root of ``keep``'s set
    stays its root: callers that read something off a group's root (its first item, its largest
    member) decide which root survives by the order of the arguments.
    """

    __slots__ = ("parent",)

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def find(self, i: int) -> int:
        """The root of ``i``'s set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, keep: int, other: int) -> int:
        """Join ``other``'s set to ``keep``'s; returns the root of the joined set (``keep``'s root)."""
        root, joined = self.find(keep), self.find(other)
        if joined != root:
            self.parent[joined] = root
        return root

    def groups(self) -> list[list[int]]:
        """The sets, each in item order, ordered by their first item."""
        members: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            members.setdefault(self.find(i), []).append(i)
        return list(members.values())


def connected_groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items ``0..count-1`` grouped by the links in ``pairs`` (single link), each group in item order."""
    sets = UnionFind(count)
    for i, j in pairs:
        sets.union(i, j)
    return sets.groups()


def centred_groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items ``0..count-1`` grouped so that every member is linked to its group's centre.

    Within each single-link group the item with the most links left becomes a centre and takes the
    items linked to it; the rest are grouped again the same way. Each group is in item order.
    """
    pairs = list(pairs)
    linked: dict[int, set[int]] = {}
    for i, j in pairs:
        linked.setdefault(i, set()).add(j)
        linked.setdefault(j, set()).add(i)
    groups = []
    for component in connected_groups(count, pairs):
        remaining = set(component)
        while remaining:
            centre = max(sorted(remaining), key=lambda i: len(linked.get(i, set()) & remaining))
            members = {centre} | (linked.get(centre, set()) & remaining)
            groups.append(sorted(members))
            remaining -= members
    return sorted(groups)
