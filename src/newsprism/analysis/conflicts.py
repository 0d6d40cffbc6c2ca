"""Conflicts: two outlets' sentences about the same thing that cannot both be true.

Fact-checkers look for these first. Three kinds are flagged, each with both sentences:

- ``figure``: one quantity given different values by two outlets (the figure alignment's groups,
  where rounding within its tolerances is agreement, not conflict);
- ``year`` / ``day``: two sentences that tell the same event in the same words, apart from the
  year or the weekday they give it; and ``figure`` too when such sentences give different numbers;
- ``superseded``: a claim and its negation in otherwise alike sentences of two dated reports; the
  later report comes second, since it is the one a reader should believe now.

"The same event in the same words" is measured on the sentences' content words with their
numbers and dates taken out: most of each sentence's words are shared (``ConflictSettings``), so a
sentence about another year's event ("the 2012 campaign") is not taken for a dispute.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsprism.analysis.figures import FigureSettings, dates_conflict, display_value, extract_figures, values_match
from newsprism.analysis.samefact import DATE_WORDS, NUMBER_WORDS, numbers_differ, parse
from newsprism.errors import NewsprismError
from newsprism.model import Conflict, FigureReading, Sentence, Span, StoryAnalysis
from newsprism.stories.cluster import timestamp
from newsprism.text.stems import stem
from newsprism.text.words import MONTHS

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SINCE_YEAR = re.compile(r"\bsince\s+(?:[a-z]+[\s-]+){0,4}?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)\b")
"""The year a record is measured from ("the highest since April 1982", "since the summer of 2008"):
compared only with another such year, never with the year of the event itself."""


_MONTH_NAMES = "|".join(MONTHS)
_BASES = {
    "year": re.compile(
        r"\b(?:a\s+year\s+(?:earlier|ago|before)|year[\s-]+(?:over|on)[\s-]+year|(?:from|over)\s+the\s+(?:same\s+(?:period|month)"
        r"|year)\b|annual(?:ly)?\b|(?:over|in)\s+the\s+(?:past|last)\s+(?:year|12\s+months))", re.IGNORECASE
    ),
    "month": re.compile(
        rf"\b(?:a\s+month\s+(?:earlier|ago|before)|month[\s-]+(?:over|on|to)[\s-]+month|from\s+(?:{_MONTH_NAMES})\b"
        r"|from\s+the\s+(?:previous|prior)\s+month|from\s+the\s+month\s+before)", re.IGNORECASE
    ),
}
"""The period a change is measured over ("from a year earlier", "from the same period in 2020";
"from March", "month-over-month"): two changes over different periods are two quantities."""


def _bases(text: str) -> set[str]:
    """The periods the changes of ``text`` are measured over (``_BASES``)."""
    return {period for period, pattern in _BASES.items() if pattern.search(text)}


def _years(text: str) -> tuple[set[str], set[str]]:
    """The years of ``text`` apart from those a record is measured from, and those (``_SINCE_YEAR``)."""
    since = set(_SINCE_YEAR.findall(text))
    return set(_YEAR.findall(_SINCE_YEAR.sub(" ", text))), since


@dataclass(frozen=True, slots=True)
class ConflictSettings:
    """How alike two sentences must be, dates and numbers aside, to be about the same thing.

    ``overlap``: the share of the shorter sentence's content words the other holds; ``shared``: the
    fewest shared content words. Set by reading the date conflicts they flag on BASIL and AllSides
    stories (below 0.6, sentences about two events of one story came in).
    """

    overlap: float = 0.6
    shared: int = 4

    def __post_init__(self) -> None:
        if not 0.0 < self.overlap <= 1.0:
            raise NewsprismError(f"conflict overlap must be in (0, 1], got {self.overlap}")
        if self.shared < 1:
            raise NewsprismError(f"conflict shared words must be at least 1, got {self.shared}")


def _span(analysis: StoryAnalysis, sentence: Sentence) -> Span:
    return Span(sentence.text, sentence.article, sentence.start, sentence.end, analysis.outlet_of(sentence.article))


def _dateless(text: str) -> set[str]:
    """The content stems of ``text`` less its numbers, number words, months and weekdays."""
    parsed = parse(text)
    return {stem(t) for t in parsed.tokens if not t[:1].isdigit() and t not in DATE_WORDS and t not in NUMBER_WORDS} & parsed.content


def _alike(first: str, second: str, settings: ConflictSettings) -> bool:
    a, b = _dateless(first), _dateless(second)
    shared = len(a & b)
    smaller = min(len(a), len(b))
    return shared >= settings.shared and smaller > 0 and shared / smaller >= settings.overlap


_AROUND = 3
"""How many content words on each side of a year or a weekday tell what happened then."""


def _date_words(text: str, pattern: re.Pattern[str]) -> set[str]:
    """The content stems of the ``_AROUND`` content words nearest each date of ``pattern`` in ``text``
    on either side: counted in content words, so that a run of small words ("signed the bill into law
    on Friday") keeps the verb in reach."""
    words: set[str] = set()
    for match in pattern.finditer(text):
        for side in (reversed(text[: match.start()].split()), text[match.end() :].split()):
            words.update(itertools.islice((w for word in side for w in _dateless(word)), _AROUND))
    return words


def _same_event(kind: str, first: str, second: str) -> bool:
    """Whether two alike sentences' years or weekdays are those of one event: the words around them
    share a content word ("voted on Tuesday to pass" / "On Wednesday, the Senate voted"), where
    "suspended an account on Thursday" and "The 45th president on Tuesday revealed his new website" tell
    two events of one story; words that say nothing (none around a date) cannot tell them apart."""
    pattern = _WEEKDAY if kind == "day" else _YEAR
    around_first, around_second = _date_words(first, pattern), _date_words(second, pattern)
    return not around_first or not around_second or bool(around_first & around_second)


def _sentence_pairs(analysis: StoryAnalysis) -> Iterator[tuple[Sentence, Sentence]]:
    """The pairs of sentences of different outlets that the alignment weighed."""
    by_key = {(s.article, s.index): s for sentences in analysis.sentences.values() for s in sentences}
    for first, second in analysis.matches:
        a, b = by_key[first], by_key[second]
        if analysis.outlet_of(a.article) != analysis.outlet_of(b.article):
            yield a, b


_SCALE = re.compile(r"\b(?:million|billion|trillion)\b", re.IGNORECASE)


def _figure_values(analysis: StoryAnalysis, sentence: Sentence) -> list[float]:
    """The values of the figures ``sentence`` gives, dates apart, read as the figure table reads them:
    scaled ("five million", "1.6 million"), where its bare numbers would set the 1.6 of "more than 1.6
    million" against "1,626,042" and leave "five million" out. A number word alone ("two people",
    "four decades") is left out, as before: small counts of two sentences are mostly of two things."""
    figures = extract_figures(analysis.story.article(sentence.article), [sentence])
    return [
        figure.value for figure in figures
        if figure.unit != "date" and (any(c.isdigit() for c in figure.text) or _SCALE.search(figure.text))
    ]


def detail_conflicts(analysis: StoryAnalysis, settings: ConflictSettings = ConflictSettings(),
                     figures: FigureSettings = FigureSettings()) -> list[Conflict]:
    """Alike sentences of two outlets that give one event different years or weekdays, or one
    count different numbers (beyond the figures' rounding tolerance); never two changes measured
    over different periods (``_BASES``)."""
    found = []
    read: dict[tuple[str, int], list[float]] = {}  # a sentence is alike to several: its figures are read once

    def values_of(sentence: Sentence) -> list[float]:
        key = (sentence.article, sentence.index)
        if key not in read:
            read[key] = _figure_values(analysis, sentence)
        return read[key]

    for a, b in _sentence_pairs(analysis):
        if not _alike(a.text, b.text, settings):
            continue
        readings = [("year", *pair) for pair in zip(_years(a.text), _years(b.text), strict=True)]
        readings.append(("day", set(_WEEKDAY.findall(a.text)), set(_WEEKDAY.findall(b.text))))
        for kind, first, second in readings:
            if first and second and not first & second and _same_event(kind, a.text, b.text):
                note = f"{' / '.join(sorted(first))} against {' / '.join(sorted(second))}"
                found.append(Conflict(kind, note, _span(analysis, a), _span(analysis, b)))
        values_a, values_b = values_of(a), values_of(b)
        bases_a, bases_b = _bases(a.text), _bases(b.text)
        if bases_a and bases_b and not bases_a & bases_b:
            continue  # "rose 3% from a year earlier" and "rose 0.9% from March": changes over two periods
        if numbers_differ(values_a, values_b, figures.exact_tolerance):
            note = f"{' / '.join(f'{v:,.15g}' for v in values_a)} against {' / '.join(f'{v:,.15g}' for v in values_b)}"
            found.append(Conflict("figure", note, _span(analysis, a), _span(analysis, b)))
    return found


def superseded_claims(analysis: StoryAnalysis, settings: ConflictSettings = ConflictSettings()) -> list[Conflict]:
    """Alike sentences of two reports of different dates, one negating what the other says, both in
    the outlets' own words: a quotation is someone's claim, not the report's, and one outlet quoting
    a denial of what another explains is no later report of the same thing."""
    found = []
    for a, b in _sentence_pairs(analysis):
        # a date without a zone is taken as UTC, so that feeds' zoned dates compare with plain ones
        first, second = (timestamp(analysis.story.article(s.article).published) for s in (a, b))
        if first is None or second is None or first == second or parse(a.text).negated == parse(b.text).negated:
            continue
        if parse(a.text).quoted or parse(b.text).quoted:
            continue
        if _alike(a.text, b.text, settings):
            earlier, later = (a, b) if first < second else (b, a)
            found.append(Conflict("superseded", f"later report by {analysis.outlet_of(later.article)}",
                                  _span(analysis, earlier), _span(analysis, later)))
    return found


def figure_conflicts(analysis: StoryAnalysis, readings: Sequence[FigureReading],
                     settings: FigureSettings = FigureSettings()) -> list[Conflict]:
    """One conflict per quantity and pair of outlets whose values for it disagree."""

    def sentence_of(reading: FigureReading) -> Span:
        figure = reading.figure
        sentence = analysis.sentence_at(figure.article, figure.start)
        return _span(analysis, sentence) if sentence else Span(figure.text, figure.article, figure.start, figure.end, reading.outlet)

    found, seen = [], set()
    flagged = [r for r in readings if r.conflict and r.group >= 0]
    for k, first in enumerate(flagged):
        for second in flagged[k + 1 :]:
            key = (first.group, *sorted((first.outlet, second.outlet)))
            if first.group != second.group or first.outlet == second.outlet or key in seen:
                continue
            dated = first.figure.unit == "date"
            if not dates_conflict(first.figure, second.figure) if dated else values_match(first.figure, second.figure, settings):
                continue
            seen.add(key)
            noun = first.figure.counts or second.figure.counts or first.figure.unit
            note = f"{noun}: {display_value(first.figure)} against {display_value(second.figure)}"
            kind = "figure"
            if dated:  # told as the alike sentences' year or day conflict is, so that one pair is flagged once
                kind = "year" if int(first.figure.value) // 10000 != int(second.figure.value) // 10000 else "day"
            found.append(Conflict(kind, note, sentence_of(first), sentence_of(second)))
    return found


def find_conflicts(analysis: StoryAnalysis, readings: Sequence[FigureReading],
                   settings: ConflictSettings = ConflictSettings(),
                   figures: FigureSettings = FigureSettings()) -> tuple[Conflict, ...]:
    """Every conflict of the story: figures, dates, superseded claims; one per pair of sentences
    and kind (a figure both the figure alignment and the alike sentences find is told once)."""
    found: dict[tuple[str, str, int, str, int], Conflict] = {}
    for conflict in (*figure_conflicts(analysis, readings, figures), *detail_conflicts(analysis, settings, figures),
                     *superseded_claims(analysis, settings)):
        ends = sorted(((conflict.first.article, conflict.first.start), (conflict.second.article, conflict.second.start)))
        found.setdefault((conflict.kind, *ends[0], *ends[1]), conflict)
    return tuple(found.values())
