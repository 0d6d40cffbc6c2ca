"""Speaker resolution measured on 100 quotation records of AllSides stories read by hand
(``speaker_annotations_allsides.json``: story, document, span, a short hash and the person or
organisation who said it, "" when the article names no one; no text is stored).

The records were drawn at random (seed 14) from the default output on stories never used for
quotation work, and read more strictly than the PolNeAR sample (``test_quote_speakers_annotated``):
a source left unresolved where the article names it nearby counts as wrong ("the White House",
"data compiled by the Gun Violence Archive", "The head of U.S. Central Command" before "Marine Gen.
Frank McKenzie"), and so does a joint speaker given as one of the two. A found quotation is matched
to an annotated one when each covers at least half of the other; its speaker is right when its last
word agrees with the annotation's, or when both are "".

Measured: 0.73 (73/100) at the first reading; the general fixes that reading led to (institutions
named with title words or in the plural, a document's author, "data compiled by", a name with an
epithet, passive "have been told", a role titled to two people given to the one quoted by name)
bring it to 0.80 (80/100), optimistic for that reason. The floor sits one record under.
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

ANNOTATIONS = Path(__file__).with_name("speaker_annotations_allsides.json")
FLOOR = 0.79


@functools.cache
def _measure() -> tuple[int, int]:
    """(annotated, speaker right)."""
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    wanted = {(q["story"], q["document"]) for q in annotations["quotes"]}
    texts = {}
    with shared_file(annotations["file"]).open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            for index, document in enumerate(story["documents"]):
                if (story["id"], index) in wanted:
                    texts[(story["id"], index)] = document.get("text") or ""
    right = 0
    found: dict[tuple[str, int], tuple] = {}
    for quote in annotations["quotes"]:
        key = (quote["story"], quote["document"])
        text = texts[key]
        assert hashlib.sha1(text[quote["start"] : quote["end"]].encode()).hexdigest()[:10] == quote["sha1"], quote
        if key not in found:
            article = Article(id=f"{key[0]}:{key[1]}", text=text)
            found[key] = extract_quotes(article, segment(article))
        matches = [q for q in found[key] if covers((q.start, q.end), (quote["start"], quote["end"]))]
        right += any(last_word(q.speaker) == last_word(quote["speaker"]) for q in matches)
    print(f"speakers (AllSides): {right}/{len(annotations['quotes'])} right")
    return len(annotations["quotes"]), right


@pytest.mark.data
def test_speakers_of_the_hand_checked_allsides_quotations_are_right_at_the_floor_rate():
    annotated, right = _measure()
    assert right / annotated >= FLOOR
