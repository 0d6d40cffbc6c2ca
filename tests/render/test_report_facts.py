"""The report shows, for a consensus fact, each outlet's own sentence and how sure the match is."""

from __future__ import annotations

import re

from newsprism.analysis.align import analyze
from newsprism.compare import compare
from newsprism.model import Article, Story
from newsprism.render.html import render_report
from newsprism.summarize import summarize

FIRST = "Floods in the northern province killed at least 40 people and forced thousands from their homes on Sunday."
SECOND = "Floods in the northern province killed at least 40 people on Sunday and forced thousands from their homes."


def test_a_consensus_fact_lists_the_other_outlets_sentence_and_the_match_confidence():
    story = Story("s", (Article("a0", FIRST, outlet="Alpha"), Article("a1", SECOND, outlet="Beta")))
    analysis = analyze(story)
    page = render_report(analysis, summarize(analysis), compare(analysis))
    consensus = page[page.index("<h3>Consensus"):]
    versions = re.search(r'<ul class="versions">(.*?)</ul>', consensus, re.S).group(1)
    assert "Alpha" in versions or "Beta" in versions
    assert FIRST in consensus and SECOND in consensus
    assert re.search(r"match \d+%", consensus)
