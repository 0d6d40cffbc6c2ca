"""Quotation extraction scored against gold attribution relations (PolNeAR's labels).

A gold attribution has a source span (the words naming the speaker, as written), a cue span and a
content made of one or more spans. A found quotation matches a gold attribution when their content
spans overlap by at least half of the shorter of the two (the measure of issue "Who said what",
looser than the exact-span F1 of the PARC 3.0 literature and close to its "overlap" score).

- precision: found quotations that match some gold attribution, over all found;
- recall: gold attributions matched by some found quotation, over all gold;
- speaker mention: of the matched found quotations whose best-matching gold attribution (of those
  matched, the one sharing most of both contents: the outer of two nested ones) has a source, the share whose ``speaker_mention`` span overlaps that source span by at least one
  character (a quotation without a mention counts as wrong).

Scoring needs no model: it reads records of the shape ``{"text", "attributions": [{"source",
"cue", "content"}]}`` (``polnear_*.jsonl``) and any extractor with ``extract_quotes``'s signature.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.model import Article, Quote, Sentence
from newsprism.text.segment import segment

log = logging.getLogger(__name__)

Extractor = Callable[[Article, Sequence[Sentence]], Sequence[Quote]]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: the source mention (or None), the cue (or None), the content pieces."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]

    @property
    def content_length(self) -> int:
        return sum(end - start for start, end in self.content)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    title: str
    attributions: tuple[GoldAttribution, ...]


@dataclass
class AttributionScore:
    """Counts behind precision, recall and speaker-mention accuracy (``add`` one article at a time)."""

    found: int = 0
    found_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    with_source: int = 0
    mention_right: int = 0
    articles: int = 0
    misses: list[tuple[str, GoldAttribution]] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float:
        return self.found_matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def mention(self) -> float:
        return self.mention_right / self.with_source if self.with_source else 0.0

    def summary(self) -> str:
        return (
            f"{self.articles} articles: precision {self.precision:.3f} ({self.found_matched}/{self.found}), "
            f"recall {self.recall:.3f} ({self.gold_matched}/{self.gold}), "
            f"speaker mention {self.mention:.3f} ({self.mention_right}/{self.with_source})"
        )


def read_gold(path: str | Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """Articles with their gold attributions from a PolNeAR-style JSONL file."""
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            try:
                attributions = tuple(
                    GoldAttribution(
                        tuple(a["source"]) if a.get("source") else None,
                        tuple(a["cue"]) if a.get("cue") else None,
                        tuple(tuple(piece) for piece in a["content"]),
                    )
                    for a in record["attributions"]
                )
            except (KeyError, TypeError) as error:
                raise NewsprismError(f"{path}:{number + 1}: not an attribution record ({error})") from error
            yield GoldArticle(record["id"], record["text"], record.get("title") or "", attributions)


def _overlap(span: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], end) - max(span[0], start)) for start, end in pieces)


def content_match(quote: Quote, gold: GoldAttribution) -> float:
    """Overlap of the two contents over the shorter one's length (0 when either is empty)."""
    shorter = min(quote.end - quote.start, gold.content_length)
    return _overlap((quote.start, quote.end), gold.content) / shorter if shorter > 0 else 0.0


def _likeness(quote: Quote, gold: GoldAttribution) -> float:
    """Shared characters over the longer of the two contents: of several gold attributions a quotation
    matches (an attribution nested in another: "Sanders said he will vote for Clinton but has not
    conceded"), the one it stands for is the one most like it, not the innermost."""
    longer = max(quote.end - quote.start, gold.content_length)
    return _overlap((quote.start, quote.end), gold.content) / longer if longer > 0 else 0.0


def score_article(
    gold: GoldArticle, quotes: Sequence[Quote], score: AttributionScore, min_overlap: float = 0.5
) -> None:
    """Add one article's found ``quotes`` against its gold attributions to ``score``."""
    if not 0.0 < min_overlap <= 1.0:
        raise NewsprismError(f"min_overlap must be in (0, 1], got {min_overlap}")
    score.articles += 1
    score.found += len(quotes)
    score.gold += len(gold.attributions)
    matched_gold: set[int] = set()
    for quote in quotes:
        overlaps = [(content_match(quote, g), i) for i, g in enumerate(gold.attributions)]
        matched = [i for value, i in overlaps if value >= min_overlap]
        if not matched:
            continue
        score.found_matched += 1
        matched_gold.update(matched)
        index = max(matched, key=lambda i: _likeness(quote, gold.attributions[i]))
        source = gold.attributions[index].source
        if source is None:
            continue
        score.with_source += 1
        mention = quote.speaker_mention
        if mention is not None and mention.start < source[1] and mention.end > source[0]:
            score.mention_right += 1
    score.gold_matched += len(matched_gold)
    score.misses.extend((gold.id, g) for i, g in enumerate(gold.attributions) if i not in matched_gold)


def evaluate(gold_articles: Iterable[GoldArticle], extractor: Extractor, min_overlap: float = 0.5) -> AttributionScore:
    """``extractor`` run on each article alone (segmented with the default splitter) and scored."""
    score = AttributionScore()
    for gold in gold_articles:
        article = Article(id=gold.id, text=gold.text, title=gold.title or None)
        score_article(gold, extractor(article, segment(article)), score, min_overlap)
    log.info("attribution score: %s", score.summary())
    return score
