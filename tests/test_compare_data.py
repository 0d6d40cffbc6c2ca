"""The comparison on real multi-outlet stories: it runs on each, and every span it reports is exact.

Subset (to keep the test run short): the first 60 stories of AllSides and the first 15 BASIL events;
``benchmarks/compare_bench.py --all`` runs every story of both files.
"""

from __future__ import annotations

import itertools

import pytest
from datapaths import shared_file

from newsprism.analysis.align import analyze
from newsprism.compare import compare
from newsprism.engines.local import iter_cluster_stories
from newsprism.errors import InputError

SUBSETS = [("allsides_neus/allsides_stories.jsonl", 60), ("basil/basil_triplets.jsonl", 15)]


def _comparisons(relative: str, count: int):
    for item in itertools.islice(iter_cluster_stories(str(shared_file(relative))), count):
        assert not isinstance(item, InputError), str(item)
        analysis = analyze(item)
        yield analysis, compare(analysis)


@pytest.mark.data
@pytest.mark.parametrize(("relative", "count"), SUBSETS)
def test_every_story_of_the_subset_compares_and_every_reported_span_is_exact(relative, count):
    compared = 0
    for analysis, comparison in _comparisons(relative, count):
        story = analysis.story
        spans = [*(q for g in comparison.quotes for q in g.quotes), *(r.figure for r in comparison.figures),
                 *(s for f in comparison.framing.values() for s in (*f.loaded, *f.hedges))]
        for span in spans:
            assert story.article(span.article).text[span.start : span.end] == span.text
        assert set(comparison.framing) == set(story.outlets)
        compared += 1
    assert compared == count


@pytest.mark.data
def test_basil_stories_have_quotes_carried_by_more_than_one_outlet():
    """Measured: all 15 of the subset have a quotation grouped across outlets (53 of all 59 events)."""
    shared = sum(
        any(len(g.outlets) > 1 for g in comparison.quotes)
        for _, comparison in _comparisons("basil/basil_triplets.jsonl", 15)
    )
    assert shared >= 12
