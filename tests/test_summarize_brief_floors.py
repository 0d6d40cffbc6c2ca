"""Summaries that read like a brief, on real stories (skipped when the evaluation data is absent).

The rules are those of ``newsprism.evaluate.brief``. On every BASIL event and AllSides story here,
``benchmarks/brief_bench.py`` measured 28.2 % of the summary sentences breaking one before the
rules were applied and 0.0 % after (docs/briefs.md); the issue's bar is
3 %. The floor runs on a fixed subset, the first 15 BASIL events and the first 60 AllSides
stories in file order, so it takes seconds.
"""

from __future__ import annotations

import itertools

import pytest
from datapaths import shared_file

from newsprism.engines.local import EmptyStory, iter_cluster_stories
from newsprism.evaluate.brief import score_briefs
from newsprism.model import Story
from newsprism.summarize import summarize

pytestmark = pytest.mark.data

MAX_BREAKING_SHARE = 0.03
"""At most this share of summary sentences may break a rule of a brief (issue 13's bar)."""
SUBSET = {"basil/basil_triplets.jsonl": 15, "allsides_neus/allsides_stories.jsonl": 60}


@pytest.fixture(scope="module")
def briefs():
    summaries = []
    for relative, stories in SUBSET.items():
        items = (i for i in iter_cluster_stories(str(shared_file(relative))) if isinstance(i, (Story, EmptyStory)))
        for item in itertools.islice(items, stories):
            summaries.append([c.sentence.text for c in summarize(item, 100).sentences] if isinstance(item, Story) else [])
    return score_briefs(summaries)


def test_at_most_3_percent_of_summary_sentences_break_a_rule_of_a_brief(briefs):
    assert briefs.share <= MAX_BREAKING_SHARE, briefs.by_rule


def test_every_basil_and_allsides_story_of_the_subset_has_a_summary(briefs):
    assert briefs.summaries == sum(SUBSET.values()) and briefs.empty == 0
