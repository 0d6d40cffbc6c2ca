"""The one union-find and the two groupings by links that facts, quotations, figures and summaries share."""

from __future__ import annotations

from newsprism.analysis.graph import UnionFind, centred_groups, connected_groups


def test_the_root_of_the_first_argument_stays_the_root_of_a_union():
    sets = UnionFind(4)
    sets.union(3, 0)
    sets.union(3, 1)
    assert sets.union(2, 1) == 2
    assert {sets.find(i) for i in range(4)} == {2}


def test_connected_groups_follow_chains_of_links_and_keep_item_order():
    assert connected_groups(6, [(4, 2), (2, 0), (5, 3)]) == [[0, 2, 4], [1], [3, 5]]


def test_a_centred_group_holds_only_items_linked_to_its_centre():
    assert centred_groups(5, [(0, 1), (1, 2), (2, 3), (1, 3)]) == [[0, 1, 2, 3], [4]]
    assert centred_groups(4, [(0, 1), (1, 2), (2, 3)]) == [[0, 1, 2], [3]]
