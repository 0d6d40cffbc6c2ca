"""No quotation on the BASIL, AllSides and PolNeAR dev articles has a speaker that is not a person
or an organisation: every speaker is unresolved ("") or a name, capitalised words the article writes,
never a connective, a date, a common noun or a pronoun ("Despite Trump", "Earlier", "data", "his
news conference Friday", "Tuesday"); a body named by its owner ("Netanyahu’s office") is an
organisation. Checked with the default settings and with stances read as well."""

from __future__ import annotations

import functools
import json
import re

import pytest
from datapaths import shared_file

from newsprism.analysis.quotes import QuoteSettings, extract_quotes
from newsprism.model import Article
from newsprism.text.segment import segment

FILES = ("basil/basil_triplets.jsonl", "allsides_neus/allsides_stories.jsonl", "polnear/polnear_dev.jsonl")
NOT_NAMES = frozenset(
    """despite earlier later meanwhile data there here it they he she we i his her their its this that
    monday tuesday wednesday thursday friday saturday sunday officials critics sources experts""".split()
)
PARTICLES = frozenset("of and for the on at de van von da bin al del la le du di".split())


@functools.cache
def _speakers(stances: bool = False) -> tuple[tuple[str, str], ...]:
    """(speaker, article text) of every quotation with a resolved speaker."""
    settings = QuoteSettings(stances=stances)
    found = []
    for relative in FILES:
        with shared_file(relative).open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                record = json.loads(line)
                texts = [d.get("text") or "" for d in record["documents"]] if "documents" in record else [record["text"]]
                for index, text in enumerate(texts):
                    article = Article(id=f"{relative}:{number}:{index}", text=text)
                    found += [(q.speaker, text) for q in extract_quotes(article, segment(article), settings) if q.speaker]
    return tuple(found)


def _why_not_a_name(speaker: str, text: str) -> str | None:
    owner = re.sub(r"[’']s\s+(?:office|campaign|government|administration|ministry|team|family|lawyers|attorneys|embassy)$", "", speaker)
    words = re.sub(r"^[Tt]he\s+", "", owner).split()
    if not words or len(speaker.strip(". ")) < 2:
        return "too short"
    if words[0].lower().strip(".,") in NOT_NAMES:
        return "starts with a word that names no one"
    if any(not w[0].isupper() and w.lower() not in PARTICLES for w in words):
        return "has a lower-case word"
    if not any(w.strip(".,’'") in text for w in words):
        return "not written in the article"
    return None


@pytest.mark.data
def test_every_resolved_speaker_on_the_evaluation_articles_is_a_name_the_article_writes():
    speakers = _speakers()
    wrong = sorted({(s, why) for s, text in speakers if (why := _why_not_a_name(s, text))})
    assert len(speakers) > 1000 and not wrong, wrong[:20]


@pytest.mark.data
def test_every_resolved_speaker_of_a_stance_on_the_evaluation_articles_is_a_name_the_article_writes():
    speakers = _speakers(stances=True)
    wrong = sorted({(s, why) for s, text in speakers if (why := _why_not_a_name(s, text))})
    assert len(speakers) > 4000 and not wrong, wrong[:20]
