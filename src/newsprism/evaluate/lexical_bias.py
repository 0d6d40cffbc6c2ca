"""Loaded words scored against BASIL's lexical-bias spans (Fan et al. 2019).

BASIL marks, per article, the phrases its annotators read as the outlet's slant in words
(``"bias": "lex"``). A flagged word counts as right when it lies inside such a span (precision over
the flagged words); a span counts as found when a flagged word lies inside it (recall over the
spans). Counting the outlet's own words only, spans BASIL marks as quoted or that lie inside
quotation marks are left out, and so are the words flagged inside quotation marks.

The events are split in two halves by the parity of the SHA-1 of the event id (``event_half``):
half 0 tunes, half 1 is held out; a learned decision is fitted on one half and measured on the other.
Scoring needs no model: it reads ``basil_triplets.jsonl`` (one event a line, its three articles with
their paragraphs and annotations).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.analysis.quotes import quoted_spans


def event_half(event_id: str) -> int:
    """0 (the tuning half) or 1 (held out): the parity of the SHA-1 of a BASIL event id."""
    return int(hashlib.sha1(event_id.encode()).hexdigest(), 16) % 2


def lexical_spans(document: dict[str, Any], own_words: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """The article text (paragraphs joined by blank lines) and its lexical-bias spans in it.

    Annotation offsets are per paragraph and sometimes slightly off (BASIL's README): a span whose
    offsets do not give its text is located by its first occurrence in its paragraph. With
    ``own_words``, spans BASIL marks as inside a quotation are left out.
    """
    paragraphs = document["paragraphs"]
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    spans = []
    for note in document["phrase_level_annotations"]:
        index = note["paragraph_index"]
        if note["bias"] != "lex" or index is None or (own_words and note.get("quote") == "yes"):
            continue
        paragraph = paragraphs[index]
        start = note["start"] if paragraph[note["start"] : note["end"]] == note["txt"] else paragraph.find(note["txt"])
        if start >= 0:
            spans.append((starts[index] + start, starts[index] + start + len(note["txt"])))
    return "\n\n".join(paragraphs), spans


@dataclass(frozen=True, slots=True)
class BasilArticle:
    """One annotated article: its text, gold spans, and (counting own words) the quoted stretches."""

    event: str
    id: str
    outlet: str
    text: str
    gold: tuple[tuple[int, int], ...]
    quoted: tuple[tuple[int, int], ...]

    @property
    def half(self) -> int:
        return event_half(self.event)


def read_events(path: Path, own_words: bool = True) -> Iterator[list[BasilArticle]]:
    """The events of ``path``, each as its list of articles; with ``own_words`` the quoted stretches
    of each article are found and the gold spans that open inside them are left out."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            articles = []
            for document in event["documents"]:
                text, gold = lexical_spans(document, own_words)
                quoted = [(s.start, s.end) for s in quoted_spans(text)] if own_words else []
                gold = [(lo, hi) for lo, hi in gold if not any(a <= lo < b for a, b in quoted)]
                articles.append(BasilArticle(event["id"], document["doc_id"], document["source"], text, tuple(gold), tuple(quoted)))
            yield articles


@dataclass(slots=True)
class LexicalScore:
    """Flagged words inside a gold span over all flagged; gold spans holding a flagged word over all spans."""

    flagged: int = 0
    inside: int = 0
    found: int = 0
    annotated: int = 0

    def add(self, flags: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        flags, gold = list(flags), list(gold)
        self.flagged += len(flags)
        self.inside += sum(any(lo <= start and end <= hi for lo, hi in gold) for start, end in flags)
        self.annotated += len(gold)
        self.found += sum(any(lo <= start and end <= hi for start, end in flags) for lo, hi in gold)

    @property
    def precision(self) -> float:
        return self.inside / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.annotated if self.annotated else 0.0

    def summary(self) -> str:
        return (f"precision {self.precision:.3f} ({self.inside}/{self.flagged}), "
                f"recall {self.recall:.3f} ({self.found}/{self.annotated})")
