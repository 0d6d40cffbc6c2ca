"""Quality gate for the cleaner on real web pages: the 181 pages of the article extraction benchmark.

Each page is read as ``newsprism read page.html`` reads it and scored against the gold article body
a person marked on it (``newsprism.evaluate.extraction``), next to trafilatura's text alone. The
whole set is read (6 to 15 s). The pages are licensed and never in the repository: the test skips
when ../shared/data is absent.

Measured on 2026-12-06 (``python benchmarks/extraction_bench.py``): must-drop snippets left
125/7435 = 0.0168 against trafilatura's 278/7435 = 0.0374 (45 % of it); must-keep snippets kept
2835/2906 = 0.9756 against 2862/2906 = 0.9849; line precision 3995/4118 = 0.9701 (trafilatura
0.9258); line recall 4038/4330 = 0.9326 (trafilatura 0.9607: the cleaner removes data tables, tweet
bylines, credits and copyright lines that the gold bodies keep). The first two floors are the issue's check as stated;
the last two leave a noise margin of about ten lines each.
"""

from __future__ import annotations

from functools import cache

import pytest
from datapaths import SHARED_DATA

from newsprism.evaluate.extraction import load_pages, measure_pages

PAGES = SHARED_DATA / "article_extraction"
MAX_DROP_LEFT_RATIO = 0.5
MAX_KEEP_GAP = 0.02
PRECISION_FLOOR = 0.965
RECALL_FLOOR = 0.930


@cache
def totals():
    if not (PAGES / "ground-truth.json").is_file():
        pytest.skip(f"evaluation data {PAGES} is absent (licensed, never in the repository)")
    return measure_pages(load_pages(PAGES))


@pytest.mark.data
def test_the_cleaner_leaves_at_most_half_the_page_furniture_trafilatura_leaves(shared_data):
    counts = totals()
    assert counts["newsprism"].drop_left <= MAX_DROP_LEFT_RATIO * counts["trafilatura"].drop_left


@pytest.mark.data
def test_the_cleaner_keeps_body_sentences_within_two_points_of_trafilatura(shared_data):
    counts = totals()
    assert counts["newsprism"].keep_kept >= counts["trafilatura"].keep_kept - MAX_KEEP_GAP


@pytest.mark.data
def test_the_lines_the_cleaner_keeps_are_body_lines(shared_data):
    assert totals()["newsprism"].precision >= PRECISION_FLOOR


@pytest.mark.data
def test_the_cleaner_keeps_the_gold_body_lines(shared_data):
    assert totals()["newsprism"].recall >= RECALL_FLOOR
