"""Speaker resolution measured on 110 quotation records of PolNeAR dev read by hand
(``speaker_annotations.json``: article, span, a short hash and the person or organisation who said
it, "" when the article names no one; no text is stored).

A found quotation is matched to an annotated one when each covers at least half of the other; its
speaker is right when its last word agrees with the annotation's ("Obama" for "Barack Obama"), or
when both are "". The records were drawn from the extractor's output before the fixes that this
measurement led to (organisations named with a description, "― Name" bylines of quotes, roles
resolved only to a person named with that role), so the later number is optimistic.

Measured: 0.791 (87/110) before those fixes, 0.845 (93/110) after, 0.827 (91/110) once two records
whose words were an appositive ("..., said Jeffrey N. Trimble, a senior official ...": the speaker
was right, the words were not) stopped being extracted, 0.845 (93/110) once "he" and "she" skip
a person whose first name is of the other sex, 0.864 (95/110) once a quotation inside a sentence
is given to the sentence's subject, 0.873 (96/110) once a role titled to two people ("President
Joe Biden", "Russian President Vladimir Putin") goes to the one the article quotes by name; the
floor sits one record under. Of the 15 wrong: 4 pronouns
given to the wrong person, 7 quotations whose attribution is not read or is misread (a headline
label with more words, "shouted", "Another critic, Laurence H. Tribe, likened", "― Name" on its own
line), one subject misread ("Small" of "Small groups of protesters ... chanting"), the 2 no longer
extracted, and "the president" left unresolved.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import pytest
from datapaths import shared_file
from speaker_checks import covers, last_word

from newsprism.analysis.quotes import extract_quotes
from newsprism.model import Article
from newsprism.text.segment import segment

ANNOTATIONS = Path(__file__).with_name("speaker_annotations.json")
FLOOR = 0.86
COVERAGE_FLOOR = 0.95


@functools.cache
def _measure() -> tuple[int, int, int]:
    """(annotated, found again, speaker right)."""
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    texts = {}
    with shared_file(annotations["file"]).open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    found_again = right = 0
    by_article: dict[str, list[dict]] = {}
    for quote in annotations["quotes"]:
        text = texts[quote["article"]]
        assert hashlib.sha1(text[quote["start"] : quote["end"]].encode()).hexdigest()[:10] == quote["sha1"], quote
        by_article.setdefault(quote["article"], []).append(quote)
    for article_id, annotated in by_article.items():
        article = Article(id=article_id, text=texts[article_id])
        found = extract_quotes(article, segment(article))
        for quote in annotated:
            matches = [q for q in found if covers((q.start, q.end), (quote["start"], quote["end"]))]
            found_again += bool(matches)
            right += any(last_word(q.speaker) == last_word(quote["speaker"]) for q in matches)
    print(f"speakers: {right}/{len(annotations['quotes'])} right, {found_again} found again")
    return len(annotations["quotes"]), found_again, right


@pytest.mark.data
def test_the_hand_checked_quotations_of_polnear_dev_are_still_found():
    annotated, found_again, _ = _measure()
    assert found_again / annotated >= COVERAGE_FLOOR


@pytest.mark.data
def test_the_speaker_of_hand_checked_quotations_is_right_at_the_floor_rate():
    annotated, _, right = _measure()
    assert right / annotated >= FLOOR
