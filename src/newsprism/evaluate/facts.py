"""Fact alignment against hand-annotated facts: pair precision and recall, the outlets a summary
sentence names, and the comparison's exclusives and omissions.

The gold (``tests/analysis/fact_annotations_*.json``) was made by reading whole stories of
``../shared/data``: every fact that two or more articles tell, with one snippet per article that
tells it (character offsets into the document's raw text, and a hash of the snippet, never the text).

A *pair* is two articles' sentences placed in one fact. A predicted pair is right when a gold fact
has a snippet in each of its two sentences' articles and each sentence overlaps its article's
snippet; a gold pair (a fact, two of its articles) is found when some predicted pair links a
sentence overlapping one snippet to a sentence overlapping the other. The gold lists every fact
two or more articles tell, so a predicted pair outside it is an error, and a fact an article tells
twice counts at the snippet the annotator chose (a pair made with the other sentence counts
against precision).

Offsets: the story is read and cleaned as the commands read it, so a snippet is found again in the
cleaned text by its words (the cleaner removes whole lines, or a dateline at a paragraph's start,
and keeps the rest verbatim); a snippet not found there is reported and counts as a gold pair missed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.model import Comparison, StoryAnalysis, SummarySentence


@dataclass(frozen=True, slots=True)
class GoldFact:
    story: str
    note: str
    snippets: Mapping[int, str]
    """Document index -> the snippet's text (read from the data, checked against its hash)."""


@dataclass(frozen=True, slots=True)
class GoldStory:
    file: str
    story: str
    split: str
    facts: tuple[GoldFact, ...]


@dataclass(slots=True)
class PairCounts:
    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0
    snippets_lost: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    def add(self, other: PairCounts) -> None:
        self.predicted += other.predicted
        self.predicted_right += other.predicted_right
        self.gold += other.gold
        self.gold_found += other.gold_found
        self.snippets_lost.extend(other.snippets_lost)


@dataclass(slots=True)
class OutletCounts:
    """The other outlets summary sentences name against those the gold says tell their fact: a
    sentence inside a gold fact's snippet should name the fact's other outlets, any other sentence
    none (the gold lists every fact two or more articles tell)."""

    named: int = 0
    named_right: int = 0
    conveying: int = 0
    sentences: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.named_right / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.named_right / self.conveying if self.conveying else 1.0

    @property
    def exact_share(self) -> float:
        """The share of sentences naming exactly the right outlets."""
        return self.exact / self.sentences if self.sentences else 1.0

    def add(self, other: OutletCounts) -> None:
        self.named += other.named
        self.named_right += other.named_right
        self.conveying += other.conveying
        self.sentences += other.sentences
        self.exact += other.exact


@dataclass(slots=True)
class ComparisonCounts:
    """The comparison's consensus, exclusives and omissions judged by the gold facts. A consensus
    entry is right when one gold fact has a snippet in a sentence of the entry from every outlet it
    names; an exclusive ("only here") is right when none of its sentences lies in a gold fact's
    snippet (the gold lists every fact two or more articles tell); an omission ("left out" by an
    outlet) is right when a gold fact holds two or more of its sentences and none of that outlet's
    articles has a snippet in it."""

    exclusives: int = 0
    exclusives_right: int = 0
    omissions: int = 0
    omissions_right: int = 0
    consensus: int = 0
    consensus_right: int = 0

    @property
    def exclusive_precision(self) -> float:
        return self.exclusives_right / self.exclusives if self.exclusives else 1.0

    @property
    def omission_precision(self) -> float:
        return self.omissions_right / self.omissions if self.omissions else 1.0

    @property
    def consensus_precision(self) -> float:
        return self.consensus_right / self.consensus if self.consensus else 1.0

    def add(self, other: ComparisonCounts) -> None:
        self.exclusives += other.exclusives
        self.exclusives_right += other.exclusives_right
        self.omissions += other.omissions
        self.omissions_right += other.omissions_right
        self.consensus += other.consensus
        self.consensus_right += other.consensus_right


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def load_gold(paths: Iterable[Path], data: Path, split: str | None = None) -> list[GoldStory]:
    """The annotated stories of ``paths`` (of ``split``, or all), snippets read from ``data``.

    ``split`` names one split ("dev", "heldout", "heldout-b") or several joined by "+"
    ("heldout+heldout-b"): the held-out sets were annotated at different times and keep floors of
    their own, but are measured together too."""
    annotations = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    chosen = None if split is None else set(split.split("+"))
    wanted = {(s["file"], s["story"]): s["split"] for a in annotations for s in a["stories"]
              if chosen is None or s["split"] in chosen}
    texts: dict[tuple[str, str], list[str]] = {}
    for relative in {file for file, _ in wanted}:
        with (data / relative).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if (relative, record["id"]) in wanted:
                    texts[(relative, record["id"])] = [d["text"] for d in record["documents"]]
    stories = []
    for (file, story), story_split in wanted.items():
        facts = []
        for fact in (f for a in annotations for f in a["facts"] if (f["file"], f["story"]) == (file, story)):
            snippets = {}
            for snippet in fact["snippets"]:
                text = texts[(file, story)][snippet["document"]][snippet["start"] : snippet["end"]]
                if _digest(text) != snippet["sha1"]:
                    raise NewsprismError(f"fact annotation drifted from the data: {file} {story} {snippet}")
                snippets[snippet["document"]] = text
            facts.append(GoldFact(story=story, note=fact["note"], snippets=snippets))
        stories.append(GoldStory(file=file, story=story, split=story_split, facts=tuple(facts)))
    return stories


def _overlapping(analysis: StoryAnalysis, document: int, snippet: str) -> set[int]:
    """The indices (within their article) of the sentences of ``document`` that hold part of
    ``snippet`` in the cleaned text; empty when the snippet's words are not found there."""
    article = analysis.story.articles[document]
    wanted = snippet.strip()
    for removal in article.removed:  # a dateline the cleaner took off the snippet's start
        if wanted.startswith(removal.line.strip()):
            wanted = wanted[len(removal.line.strip()):].strip()
    start = article.text.find(wanted)
    if start < 0:
        return set()
    end = start + len(wanted)
    return {s.index for s in analysis.sentences[article.id] if s.start < end and start < s.end}


def _located_facts(analysis: StoryAnalysis, gold: GoldStory, lost: list[str] | None = None) -> list[dict[int, set[int]]]:
    """Each gold fact as ``{document: the indices of its sentences that overlap the fact's snippet
    there}``; snippets not found in the cleaned text are named in ``lost``."""
    located = []
    for fact in gold.facts:
        sentences = {document: _overlapping(analysis, document, snippet) for document, snippet in fact.snippets.items()}
        if lost is not None:
            lost.extend(f"{gold.story} document {document}: {fact.note}" for document, found in sentences.items() if not found)
        located.append(sentences)
    return located


def gold_pairs(analysis: StoryAnalysis, gold: GoldStory, lost: list[str] | None = None) -> list[tuple[int, set[int], int, set[int]]]:
    """Each gold pair as ``(document, its sentences, other document, its sentences)``: the sentences
    (indices) of each article that overlap the fact's snippet there; snippets not found in the
    cleaned text are named in ``lost``."""
    return [(d1, s1, d2, s2) for fact in _located_facts(analysis, gold, lost)
            for (d1, s1), (d2, s2) in combinations(sorted(fact.items()), 2)]


def score_story(analysis: StoryAnalysis, gold: GoldStory) -> PairCounts:
    """Pair counts of one analysed story against its gold facts (articles in document order)."""
    counts = PairCounts()
    position = {article.id: i for i, article in enumerate(analysis.story.articles)}
    expected = gold_pairs(analysis, gold, counts.snippets_lost)
    counts.gold = len(expected)
    predicted: set[tuple[int, int, int, int]] = set()
    for fact in analysis.facts:
        members = sorted((position[s.article], s.index) for s in fact.sentences)
        for (d1, i1), (d2, i2) in combinations(members, 2):
            if d1 != d2:
                predicted.add((d1, i1, d2, i2))
    counts.predicted = len(predicted)
    counts.predicted_right = sum(
        any(d1 == g1 and d2 == g2 and i1 in s1 and i2 in s2 for g1, s1, g2, s2 in expected)
        for d1, i1, d2, i2 in predicted
    )
    counts.gold_found = sum(
        any(d1 == g1 and d2 == g2 and i1 in s1 and i2 in s2 for d1, i1, d2, i2 in predicted)
        for g1, s1, g2, s2 in expected
    )
    return counts


def score_outlets(analysis: StoryAnalysis, gold: GoldStory, sentences: Sequence[SummarySentence]) -> OutletCounts:
    """How well ``sentences`` (of a summary of ``analysis``) name the other outlets that tell their
    fact, against the gold facts; a sentence's own outlet is left out on both sides."""
    position = {article.id: i for i, article in enumerate(analysis.story.articles)}
    outlet = [article.display_outlet for article in analysis.story.articles]
    telling: dict[tuple[int, int], set[str]] = {}
    for fact in _located_facts(analysis, gold):
        for document, indices in fact.items():
            for index in indices:
                telling.setdefault((document, index), set()).update(outlet[d] for d in fact)
    counts = OutletCounts()
    for sentence in sentences:
        document = position[sentence.sentence.article]
        own = outlet[document]
        expected = telling.get((document, sentence.sentence.index), set()) - {own}
        named = set(sentence.outlets) - {own}
        counts.named += len(named)
        counts.named_right += len(named & expected)
        counts.conveying += len(expected)
        counts.sentences += 1
        counts.exact += named == expected
    return counts


def score_comparison(analysis: StoryAnalysis, gold: GoldStory, comparison: Comparison) -> ComparisonCounts:
    """How many of ``comparison``'s consensus entries, exclusives and omissions (of the story of
    ``analysis``) the gold facts bear out (``ComparisonCounts``)."""
    position = {article.id: i for i, article in enumerate(analysis.story.articles)}
    documents_of: dict[str, set[int]] = {}
    for i, article in enumerate(analysis.story.articles):
        documents_of.setdefault(article.display_outlet, set()).add(i)
    located = _located_facts(analysis, gold)
    in_gold = {(document, index) for fact in located for document, indices in fact.items() for index in indices}
    counts = ComparisonCounts()
    for facts in comparison.exclusives.values():
        for fact in facts:
            counts.exclusives += 1
            counts.exclusives_right += not any((position[s.article], s.index) in in_gold for s in fact.sentences)
    for outlet, facts in comparison.omissions.items():
        for fact in facts:
            members = {(position[s.article], s.index) for s in fact.sentences}
            counts.omissions += 1
            counts.omissions_right += any(
                sum(any((document, index) in members for index in indices) for document, indices in gold_fact.items()) >= 2
                and not documents_of[outlet] & set(gold_fact)
                for gold_fact in located
            )
    for entry in comparison.consensus:
        counts.consensus += 1
        counts.consensus_right += any(
            all(any(position[s.article] in documents_of[outlet] and s.index in gold_fact.get(position[s.article], ())
                    for s in entry.sentences) for outlet in entry.outlets)
            for gold_fact in located
        )
    return counts


def score(analyses: Sequence[StoryAnalysis], gold: Sequence[GoldStory]) -> PairCounts:
    """Pair counts summed over stories (``analyses[k]`` is the analysis of ``gold[k]``)."""
    total = PairCounts()
    for analysis, story in zip(analyses, gold, strict=True):
        total.add(score_story(analysis, story))
    return total
