"""Quality floors of the summaries on DUC 2004 and Multi-News (skipped when the data is absent).

Floors are measured values less a stated noise margin, never lowered to make a test pass; see
docs/evaluation.md "Summaries" for the targets and the full-set numbers from ``benchmarks/summarize_bench.py``.
DUC 2004 runs in full (50 stories); Multi-News on the fixed subset of its first 300 lines, so the
floors run in well under a minute. A story with no usable article scores as an empty summary.
"""

from __future__ import annotations

import itertools

import pytest
from datapaths import shared_file

from newsprism.analysis.align import analyze
from newsprism.engines.local import iter_cluster_stories
from newsprism.evaluate.rouge import aggregate, read_references, score_duc, score_mds
from newsprism.model import Story
from newsprism.summarize import summarize, word_count

pytestmark = pytest.mark.data

NOISE_MARGIN = 0.3
"""ROUGE points between a measured value and its floor: the spread of reruns after changes to the
cleaner and splitter upstream, well inside the bootstrap intervals (about +-1.2 ROUGE-1)."""

MULTINEWS_SUBSET = 300
"""Lines of multinews_test.jsonl in the subset: ids multinews-test-0000 onwards, in file order."""


def summaries_of(relative: str, words: int, lines: int | None = None):
    path = shared_file(relative)
    references = dict(item for item in itertools.islice(read_references(path), lines) if isinstance(item, tuple))
    stories, summaries = {}, {}
    last = list(references)[-1]
    for item in iter_cluster_stories(str(path)):
        if isinstance(item, Story) and item.id in references:
            stories[item.id] = item
            summaries[item.id] = summarize(analyze(item), words)
        if isinstance(item, Story) and item.id == last:
            break
    return references, stories, summaries


@pytest.fixture(scope="module")
def duc():
    return summaries_of("duc2004/duc2004_task2.jsonl", 100)


@pytest.fixture(scope="module")
def multinews():
    return summaries_of("multinews/multinews_test.jsonl", 260, MULTINEWS_SUBSET)


def duc_scores(duc):
    references, _, summaries = duc
    rows = [score_duc(summaries[k].text if k in summaries else "", refs) for k, refs in references.items()]
    return aggregate(rows)


def multinews_scores(multinews):
    references, _, summaries = multinews
    rows = [
        score_mds([s.sentence.text for s in summaries[k].sentences] if k in summaries else [], refs)
        for k, refs in references.items()
    ]
    return aggregate(rows)


# Measured with the default settings on these stories (docs/evaluation.md "Summaries"); floor = measured - NOISE_MARGIN.
DUC_ROUGE1_RECALL = 38.07  # issue target 38.0 (ICSISumm 37.19 scored the same way)
DUC_ROUGE2_RECALL = 10.09  # issue target 9.6 (ICSISumm 9.57)
MULTINEWS_300_ROUGE1_F1 = 45.45
MULTINEWS_300_ROUGE2_F1 = 16.04


def test_duc2004_rouge1_recall_holds_its_floor(duc):
    assert duc_scores(duc)["rouge1 recall"].mean >= DUC_ROUGE1_RECALL - NOISE_MARGIN


def test_duc2004_rouge2_recall_holds_its_floor_above_icsisumm(duc):
    floor = DUC_ROUGE2_RECALL - NOISE_MARGIN
    assert floor > 9.57  # ICSISumm, scored the same way
    assert duc_scores(duc)["rouge2 recall"].mean >= floor


def test_multinews_subset_rouge1_f1_holds_its_floor(multinews):
    assert multinews_scores(multinews)["rouge1 F1"].mean >= MULTINEWS_300_ROUGE1_F1 - NOISE_MARGIN


def test_multinews_subset_rouge2_f1_holds_its_floor(multinews):
    assert multinews_scores(multinews)["rouge2 F1"].mean >= MULTINEWS_300_ROUGE2_F1 - NOISE_MARGIN


def test_every_duc2004_summary_stays_within_100_words(duc):
    _, _, summaries = duc
    assert all(word_count(summary.text) <= 100 for summary in summaries.values())


def test_every_summary_sentence_span_slices_its_text_out_of_its_article(duc, multinews):
    for _, stories, summaries in (duc, multinews):
        for story_id, summary in summaries.items():
            for chosen in summary.sentences:
                s = chosen.sentence
                assert stories[story_id].article(s.article).text[s.start : s.end] == s.text


def test_every_story_with_an_article_gets_a_summary(duc):
    references, stories, summaries = duc
    assert set(summaries) == set(stories) == set(references)
