"""The records that flow through newsprism's stages.

Every stage takes and returns these types. They are frozen and slotted: a stage that wants to
change a record builds a new one (``dataclasses.replace``), so an input is never mutated behind a
caller's back and the same records can be shipped to other processes (they pickle).

Character offsets (``start``/``end``) always index into ``Article.text`` of the article named by
``article``: ``article.text[start:end]`` is exactly the text a record carries. That invariant is what
lets every sentence newsprism prints be traced back to its source span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, Mapping

UNKNOWN_OUTLET = ""
"""``Article.outlet`` when no outlet could be found; displays fall back to the input's name."""


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True, slots=True)
class Removal:
    """One line a cleaner took out of an article, and why (DESIGN convention 2)."""

    line: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article from one outlet.

    ``outlet`` is the normalised display name ("Los Angeles Times"), or ``UNKNOWN_OUTLET``.
    ``source`` names where the article came from (a file path, URL or ``file.jsonl:12``) so that
    errors and displays can point at it. ``removed`` lists the lines the cleaner removed from the
    text it was given; ``meta`` holds anything else a reader found (author, site name, dataset ids).
    """

    id: str
    text: str
    outlet: str = UNKNOWN_OUTLET
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    source: str | None = None
    removed: tuple[Removal, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", _frozen_mapping(self.meta))

    def __reduce__(self):  # MappingProxyType does not pickle; rebuild from a plain dict
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["meta"] = dict(self.meta)
        return (_rebuild_article, (values,))

    @property
    def where(self) -> str:
        """Where the article came from, for messages about it: its source, else its id."""
        return self.source or self.id

    @property
    def display_outlet(self) -> str:
        """The outlet, or, when it is unknown, the input's file name (a URL or record name as it is)."""
        if self.outlet:
            return self.outlet
        if not self.source:
            return self.id
        if "://" in self.source:
            return self.source
        return PurePath(self.source).name or self.source


def _rebuild_article(values: dict[str, Any]) -> Article:
    return Article(**values)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text == article.text[start:end]``."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Story:
    """Articles from one or more outlets about one event or development."""

    id: str
    articles: tuple[Article, ...]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(f"story {self.id!r} has no article {article_id!r}")

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct display outlets in order of first appearance."""
        return tuple(dict.fromkeys(a.display_outlet for a in self.articles))


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences from one or more articles of a story that say the same thing.

    ``outlets`` are the distinct outlets whose articles carry the fact; ``representative`` is the
    sentence that best states it. ``confidence`` is how sure the alignment is of the grouping: for a
    fact of several sentences, the lowest same-fact probability between two of them; for a sentence alone, one minus
    the probability that its closest sentence of another article tells the same thing.
    """

    id: int
    sentences: tuple[Sentence, ...]
    outlets: tuple[str, ...]
    representative: Sentence
    confidence: float = 1.0

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article for s in self.sentences))


@dataclass(frozen=True, slots=True)
class Mention:
    """The words of an article that name a speaker ("he", "the Kremlin spokesman", "Peskov"):
    ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, with their span in the article.

    ``speaker`` is the person or organisation the mention was resolved to, "" when it could not be
    resolved (never a guess); ``speaker_mention`` the words that name the speaker, None when the
    quotation has none (a quote-only paragraph continuing the last speaker); ``direct`` is True for
    verbatim words (inside quotation marks), False for reported speech; ``verb`` is the cue
    ("said", "according to"); ``speaker_id`` names one person across a story's articles.
    """

    speaker: str
    text: str
    article: str
    start: int
    end: int
    direct: bool = True
    verb: str | None = None
    speaker_mention: Mention | None = None
    speaker_id: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and what it counts, with its span in the article.

    ``previous``: the value the figure is compared with, not its current one ("rose to 6.1 percent
    from 6 percent"; "up from 5 percent a year earlier").
    """

    value: float
    unit: str
    counts: str
    article: str
    start: int
    end: int
    text: str
    previous: bool = False


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence chosen for a summary, the fact it states and the outlets that report that fact."""

    sentence: Sentence
    fact: Fact
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive, attributed summary of one story."""

    story: str
    sentences: tuple[SummarySentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.sentence.text for s in self.sentences)


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """A story analysed once into facts; the summary and the comparison both read it.

    ``sentences`` maps each article id to its sentences in order. ``facts`` are ordered by first
    appearance (article order, then sentence position); every sentence of the story belongs to
    exactly one fact, so a fact with one sentence is something only one article says.
    ``fact_of`` maps ``(article id, sentence index)`` to the fact's position in ``facts``.
    ``matches`` holds, for the pairs of sentences of different articles the alignment weighed, the
    probability that they tell the same thing (``((article, index), (article, index))`` in story
    order); a pair not in it was too unlike to weigh. The comparison reads it to tell whether an
    outlet conveys a fact in a sentence the alignment did not join to it.
    """

    story: Story
    sentences: Mapping[str, tuple[Sentence, ...]]
    facts: tuple[Fact, ...]
    fact_of: Mapping[tuple[str, int], int]
    matches: Mapping[tuple[tuple[str, int], tuple[str, int]], float] = field(default_factory=dict)
    link_probability: float = 0.5
    """The probability from which the alignment's judge takes two sentences for one fact."""
    quotes: tuple[Quote, ...] | None = None
    """Every quotation of the story, article by article, its speakers unified across articles;
    None in an analysis of facts only (``newsprism.analysis.align.analyze``)."""
    quote_groups: tuple[QuoteGroup, ...] | None = None
    """The same quotation as carried by one or more outlets; None with facts only."""
    figures: tuple[FigureReading, ...] | None = None
    """Every figure as its outlet gives it, the same quantity across outlets in one group and
    conflicting values flagged; None with facts only."""
    framing: Mapping[str, Framing] | None = None
    """How each outlet frames the story, by display outlet in story order; None with facts only."""
    conflicts: tuple[Conflict, ...] | None = None
    """Sentences of two outlets that cannot both be true; None with facts only."""

    @property
    def complete(self) -> bool:
        """Whether the quotations, figures, framing and conflicts were analysed, not only the facts."""
        return all(part is not None for part in (self.quotes, self.quote_groups, self.figures, self.framing, self.conflicts))

    def outlet_of(self, article_id: str) -> str:
        return self.story.article(article_id).display_outlet

    def outlets_conveying(self, probability: float | None = None) -> dict[int, tuple[str, ...]]:
        """For each fact (by id), its outlets, then those with a sentence that matches one of its
        sentences with at least ``probability`` (default: ``link_probability``) but that the alignment
        could not join to it (the article already tells the fact, or another member is unlike it)."""
        floor = self.link_probability if probability is None else probability
        outlets = {fact.id: dict.fromkeys(fact.outlets) for fact in self.facts}
        for (first, second), p in self.matches.items():
            if p >= floor:
                for own, other in ((first, second), (second, first)):
                    outlets[self.fact_of[own]].setdefault(self.outlet_of(other[0]))
        return {fact: tuple(names) for fact, names in outlets.items()}

    def sentence_at(self, article_id: str, offset: int) -> Sentence | None:
        """The sentence of ``article_id`` holding character ``offset``, if any."""
        sentences = self.sentences.get(article_id, ())
        position = bisect.bisect_right([s.start for s in sentences], offset) - 1
        if position >= 0 and sentences[position].start <= offset < sentences[position].end:
            return sentences[position]
        return None

    def fact_at(self, article_id: str, offset: int) -> int | None:
        """The position in ``facts`` of the fact whose sentence holds character ``offset`` of
        ``article_id`` (where a quotation or figure sits), if any."""
        sentence = self.sentence_at(article_id, offset)
        return None if sentence is None else self.fact_of.get((article_id, sentence.index))


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of an article's text (a loaded word, a hedge)."""

    text: str
    article: str
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same quotation as carried by one or more outlets (worded alike or not)."""

    speaker: str
    quotes: tuple[Quote, ...]
    outlets: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.quotes[0].text


@dataclass(frozen=True, slots=True)
class FigureReading:
    """A figure as one outlet gives it; ``conflict`` when other outlets give another value."""

    figure: Figure
    outlet: str
    conflict: bool = False
    group: int = -1
    """Readings of the same quantity across outlets share a group number; -1 when no other outlet gives it."""


@dataclass(frozen=True, slots=True)
class Framing:
    """How one outlet frames the story: its words, not its facts."""

    outlet: str
    loaded: tuple[Span, ...] = ()
    hedges: tuple[Span, ...] = ()
    attribution_verbs: Mapping[str, int] = field(default_factory=dict)
    naming: Mapping[str, str] = field(default_factory=dict)
    tone: float = 0.0
    headline: str | None = None
    """The outlet's headline (its first article's title), where outlets differ most in slant."""
    headline_loaded: tuple[Span, ...] = ()
    """Loaded words of the headline; offsets index the title, not the text."""
    headline_naming: Mapping[str, str] = field(default_factory=dict)
    sourcing: Mapping[str, int] = field(default_factory=dict)
    """How the outlet sources the story: quotations, direct, reported, named, unnamed, anonymous."""
    quoted: Mapping[str, int] = field(default_factory=dict)
    """Whom the outlet quotes: resolved speaker -> number of quotations, most quoted first."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two outlets' sentences about the same thing that cannot both be true.

    ``kind``: ``"figure"`` (different values for one quantity), ``"year"`` or ``"day"`` (different
    dates for one event), ``"superseded"`` (a claim and its negation, the later report second).
    ``note`` says what differs; ``first`` and ``second`` are the two sentences, each labelled with
    its outlet.
    """

    kind: str
    note: str
    first: Span
    second: Span


@dataclass(frozen=True, slots=True)
class Comparison:
    """How the outlets of one story covered it, built from its ``StoryAnalysis``."""

    story: str
    outlets: tuple[str, ...]
    consensus: tuple[Fact, ...]
    exclusives: Mapping[str, tuple[Fact, ...]]
    omissions: Mapping[str, tuple[Fact, ...]]
    quotes: tuple[QuoteGroup, ...]
    figures: tuple[FigureReading, ...]
    framing: Mapping[str, Framing]
    facts: tuple[Fact, ...] = ()
    """Every fact of the story, in story order; consensus, exclusives and omissions are drawn from it
    (an exclusive that is a piece of a quotation of several sentences is shown whole: its id and
    sentences those of the pieces, its ``representative`` the whole quotation; see
    ``newsprism.compare.whole_quotations``)."""
    conflicts: tuple[Conflict, ...] = ()
    doubtful: frozenset[int] = frozenset()
    """The consensus facts (by id) whose sentences the alignment joined with less confidence than an
    omission needs: the outputs show them as less sure matches."""
