"""How each outlet covered one story, read from the story's analysis.

The comparison is the coverage of facts by outlets: a fact several
outlets tell is consensus, a fact one outlet alone tells is its exclusive, a fact most of the other
outlets tell and one does not is that outlet's omission. Quotes, figures, framing and conflicts are
set side by side per outlet as the analysis stage found them (``newsprism.analysis.story``); a
fact whose quotation other outlets carry in other words is not an exclusive.

``compare`` accepts a ``Story`` (analysed here) or the ``StoryAnalysis`` the summary was built from,
so that a report analyses a story once.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsprism.analysis.quotes import is_speech
from newsprism.analysis.samefact import parse
from newsprism.analysis.story import analyze, complete
from newsprism.errors import NewsprismError
from newsprism.evaluate.brief import cut_short, joined_sentence, quotation, quotation_units
from newsprism.model import Comparison, Fact, Story, StoryAnalysis

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """What counts as consensus, exclusive and omission.

    An omission needs a fact told by at least ``omission_min_outlets`` outlets (so, with two outlets,
    the other outlet's exclusives are not also listed as this one's omissions) and by at least
    ``omission_share`` of the other outlets ("most other outlets").
    ``min_fact_words``: shorter facts (datelines, bylines, "Latest updates") are neither exclusives
    nor omissions; the same floor as the summary's shortest candidate sentence would hide real
    short facts, so this is lower, set by reading the seed pair and AllSides stories.

    ``conveys``: the same-fact probability (``StoryAnalysis.matches``) from which a sentence may
    convey a fact the alignment did not join it to. An outlet with such a sentence does not "leave
    out" the fact, and a sentence with such a match in another outlet is not "only here": an editor
    is better served by a missing item than by a wrong one. Well below the linking probability,
    such a sentence still conveys the fact too often to call the fact missing from its outlet.
    ``omission_confidence``: an outlet "leaves out" only a fact whose sentences the alignment joined
    with at least this confidence (``Fact.confidence``): a wrong consensus fact (two sentences
    sharing a name or a phrase) would otherwise make a wrong omission of every outlet without it.
    A consensus fact under it is listed as a less sure match (``Comparison.doubtful``): on the
    annotated stories most wrong consensus facts are there.
    Both were chosen on the annotated dev stories and hold on the held-out ones (docs/evaluation.md,
    "Exclusives and omissions against the gold facts").
    ``quotation_sentences``: an exclusive that is a piece of a quotation running over up to this
    many sentences is listed as the whole quotation (``whole_quotations``), as the summary quotes it
    (``SummarySettings.quotation_sentences``).
    """

    omission_min_outlets: int = 2
    omission_share: float = 0.5
    min_fact_words: int = 6
    conveys: float = 0.2
    omission_confidence: float = 0.7
    quotation_sentences: int = 4

    def __post_init__(self) -> None:
        if not 0.0 < self.omission_share <= 1.0:
            raise NewsprismError(f"omission_share must be in (0, 1], got {self.omission_share}")
        if not 0.0 < self.conveys <= 1.0:
            raise NewsprismError(f"conveys must be in (0, 1], got {self.conveys}")
        if not 0.0 <= self.omission_confidence <= 1.0:
            raise NewsprismError(f"omission_confidence must be in [0, 1], got {self.omission_confidence}")
        if self.quotation_sentences < 1:
            raise NewsprismError(f"quotation_sentences must be at least 1, got {self.quotation_sentences}")
        if self.omission_min_outlets < 2:
            raise NewsprismError(f"omission_min_outlets must be at least 2, got {self.omission_min_outlets}")


def _words(fact: Fact) -> int:
    return len(fact.representative.text.split())


def _cut_short(fact: Fact) -> bool:
    """Every sentence of the fact ends in "..." (its source cut it, as AllSides' excerpts and teasers
    do): what it tells is not known, so it is no outlet's exclusive (a fact other outlets tell in
    whole sentences can still be an omission)."""
    return bool(fact.sentences) and all(cut_short(s.text) for s in fact.sentences)


def _asks(analysis: StoryAnalysis, fact: Fact) -> bool:
    """Every sentence of the fact is the outlet's own question ("How and why did this happen?"): it
    states nothing an outlet could alone report or leave out. A question in a quotation (one the
    quotation reader found over the sentence, which may have opened sentences earlier) is what a
    speaker asked, and stays; a stance read inside the question ("Did the officials who backed the
    dam know ...?") is no one's words, and does not make it one."""
    quotes = [q for q in analysis.quotes or () if is_speech(q)]
    return bool(fact.sentences) and all(
        quotation(s.text).outside.rstrip().endswith("?")
        and not any(q.article == s.article and q.start < s.end and s.start < q.end for q in quotes)
        for s in fact.sentences
    )


def consensus_facts(analysis: StoryAnalysis) -> tuple[Fact, ...]:
    """Facts told by two or more outlets, the most widely told first (story order among equals)."""
    shared = [fact for fact in analysis.facts if len(fact.outlets) >= 2]
    return tuple(sorted(shared, key=lambda fact: (-len(fact.outlets), fact.id)))


def importance(analysis: StoryAnalysis, fact: Fact, used: Sequence[frozenset[str]] | None = None) -> float:
    """How much an editor needs to see a fact, for ranking exclusives and omissions: told early in
    its article (news writing puts what matters first), made of words most of the story's articles
    use (``used``: each article's content words, computed here when not given), and carrying a
    figure or a named person or place."""
    lead = max(1.0 - s.index / max(1, len(analysis.sentences[s.article])) for s in fact.sentences)
    words = parse(fact.representative.text)
    used = used if used is not None else _article_words(analysis)
    support = sum(sum(w in article for article in used) for w in words.content) / max(1, len(words.content)) / len(used)
    return lead + support + 0.5 * bool(words.numbers) + 0.25 * bool(words.names)


def _article_words(analysis: StoryAnalysis) -> list[frozenset[str]]:
    return [frozenset().union(*(parse(s.text).content for s in analysis.sentences[a.id])) for a in analysis.story.articles]


def exclusive_facts(
    analysis: StoryAnalysis, settings: CompareSettings, quoted_elsewhere: frozenset[int] = frozenset(),
    conveyed: Mapping[int, tuple[str, ...]] | None = None,
) -> dict[str, tuple[Fact, ...]]:
    """For each outlet, the facts only it tells, the most important first (``importance``).

    A fact is not exclusive when another outlet has a sentence that may convey it (``conveys``), or
    when its sentence carries a quotation other outlets also carry, worded differently enough that
    the alignment kept the sentences apart (``quoted_elsewhere``: a translation, "it is necessary
    to dance tango, as they say"), or when its sentences were cut short by their source or are the
    outlet's own questions (``_cut_short``, ``_asks``). The pieces of one quotation of several
    sentences are one entry, shown as the whole quotation (``whole_quotations``): an entry is then
    no fact of ``analysis.facts`` but carries the first piece's id. ``conveyed``:
    ``analysis.outlets_conveying(settings.conveys)``, computed here when not given.
    """
    conveyed = conveyed if conveyed is not None else analysis.outlets_conveying(settings.conveys)
    used = _article_words(analysis)
    exclusives: dict[str, list[Fact]] = {outlet: [] for outlet in analysis.story.outlets}
    for fact in analysis.facts:
        alone = len(conveyed[fact.id]) == 1
        if (alone and _words(fact) >= settings.min_fact_words and fact.id not in quoted_elsewhere
                and not _cut_short(fact) and not _asks(analysis, fact)):
            exclusives[fact.outlets[0]].append(fact)
    return {
        outlet: _ranked(analysis, whole_quotations(analysis, facts, settings.quotation_sentences), used)
        for outlet, facts in exclusives.items()
    }


def whole_quotations(analysis: StoryAnalysis, facts: Sequence[Fact], limit: int) -> list[Fact]:
    """``facts`` (one outlet's exclusives), each one-sentence fact that is a piece of a quotation
    running over several sentences (``quotation_units``, at most ``limit``) shown as the whole
    quotation, and the pieces of one quotation made one entry, under the first one's id.

    The splitter cuts a quotation of several sentences in pieces, and a piece alone ("“Make no
    mistake, this evacuation mission is dangerous.") or a quote-only sentence going on from the one
    before ("“Costco and BJ lines are extremely long this morning ...”") never says who speaks:
    shown whole, the speaker's words come with the speaker, as the summary quotes them. An entry's
    ``sentences`` are the facts' own; its ``representative`` is the span of the whole quotation.
    """
    unit_of: dict[tuple[str, int], tuple[int, int]] = {}
    for article in analysis.story.articles:
        for first, last in quotation_units(article.text, analysis.sentences[article.id], limit):
            if last > first:
                unit_of.update({(article.id, index): (first, last) for index in range(first, last + 1)})
    entries: list[Fact] = []
    placed: dict[tuple[str, tuple[int, int]], int] = {}
    for fact in facts:
        only = fact.sentences[0]
        unit = unit_of.get((only.article, only.index)) if len(fact.sentences) == 1 else None
        if unit is None:
            entries.append(fact)
            continue
        if (only.article, unit) in placed:
            k = placed[(only.article, unit)]
            entries[k] = replace(entries[k], sentences=entries[k].sentences + fact.sentences,
                                 confidence=min(entries[k].confidence, fact.confidence))
            continue
        article = analysis.story.article(only.article)
        whole = joined_sentence(article.text, analysis.sentences[article.id][unit[0] : unit[1] + 1])
        placed[(only.article, unit)] = len(entries)
        entries.append(replace(fact, representative=whole))
    return entries


def omitted_facts(analysis: StoryAnalysis, settings: CompareSettings,
                  conveyed: Mapping[int, tuple[str, ...]] | None = None) -> dict[str, tuple[Fact, ...]]:
    """For each outlet, the facts most other outlets tell, with the confidence an omission needs, and
    none of its sentences conveys, the most important first: one entry per fact, however many
    sentences tell it (``conveyed`` as for ``exclusive_facts``)."""
    outlets = analysis.story.outlets
    conveyed = conveyed if conveyed is not None else analysis.outlets_conveying(settings.conveys)
    used = _article_words(analysis)
    omissions: dict[str, tuple[Fact, ...]] = {}
    for outlet in outlets:
        others = len(outlets) - 1
        needed = max(settings.omission_min_outlets, math.ceil(settings.omission_share * others))
        missing = [
            fact for fact in analysis.facts
            if outlet not in conveyed[fact.id]
            and len(fact.outlets) >= needed and fact.confidence >= settings.omission_confidence
            and _words(fact) >= settings.min_fact_words and not _asks(analysis, fact)
        ]
        omissions[outlet] = _ranked(analysis, missing, used)
    return omissions


def _ranked(analysis: StoryAnalysis, facts: list[Fact], used: Sequence[frozenset[str]]) -> tuple[Fact, ...]:
    """``facts``, the most widely told and then the most important first (story order among equals)."""
    return tuple(sorted(facts, key=lambda fact: (-len(fact.outlets), -importance(analysis, fact, used), fact.id)))


def compare(story_or_analysis: Story | StoryAnalysis, settings: CompareSettings | None = None) -> Comparison:
    """The outlet-by-outlet comparison of one story, read from its analysis.

    A ``Story`` is analysed here (``newsprism.analysis.story.analyze``), and so is an analysis of
    facts only (``newsprism.analysis.align.analyze``) completed; pass the analysis the summary
    was built from to analyse a story once.
    """
    settings = settings or CompareSettings()
    if isinstance(story_or_analysis, Story):
        analysis = analyze(story_or_analysis)
    elif isinstance(story_or_analysis, StoryAnalysis):
        analysis = complete(story_or_analysis)
    else:
        raise NewsprismError(f"compare needs a Story or a StoryAnalysis, got {type(story_or_analysis).__name__}")
    assert analysis.quote_groups is not None and analysis.figures is not None  # complete() gave them
    assert analysis.framing is not None and analysis.conflicts is not None
    story = analysis.story
    quoted_elsewhere = frozenset(
        fact for group in analysis.quote_groups if len(group.outlets) > 1 for q in group.quotes
        if (fact := analysis.fact_at(q.article, q.start)) is not None
    )
    conveyed = analysis.outlets_conveying(settings.conveys)
    consensus = consensus_facts(analysis)
    log.info("story %s: compared %d outlets, %d quote groups, %d figures", story.id, len(story.outlets),
             len(analysis.quote_groups), len(analysis.figures))
    return Comparison(
        story=story.id,
        outlets=story.outlets,
        consensus=consensus,
        exclusives=exclusive_facts(analysis, settings, quoted_elsewhere, conveyed),
        omissions=omitted_facts(analysis, settings, conveyed),
        quotes=analysis.quote_groups,
        figures=analysis.figures,
        framing=analysis.framing,
        facts=analysis.facts,
        conflicts=analysis.conflicts,
        doubtful=frozenset(fact.id for fact in consensus if fact.confidence < settings.omission_confidence),
    )
