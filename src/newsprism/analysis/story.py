"""The analysis stage: a story analysed once into everything the summary and the comparison read.

``analyze`` aligns the sentences of a story's articles into facts (``align``), then reads from the
articles what the outlets say beside their facts: the quotations with their speakers, unified
across articles, and the same quotation carried by several outlets (``quotes``); the figures, the
same quantity across outlets and the values that disagree (``figures``); how each outlet frames the
story (``framing``); and the sentences of two outlets that cannot both be true (``conflicts``).
Quotations and figures use the facts to tell when two outlets carry the same quotation or quantity,
which is why they come after the alignment and belong to the same stage.

``summarize`` and ``compare`` only read the resulting ``StoryAnalysis``; a report, a web page or a
batch job that needs both analyses the story once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from newsprism.analysis import align
from newsprism.analysis.conflicts import ConflictSettings, find_conflicts
from newsprism.analysis.figures import FigureSettings, align_figures, extract_figures
from newsprism.analysis.framing import FramingSettings, frame_outlet
from newsprism.analysis.quotes import QuoteSettings, extract_quotes, group_quotes, story_idf, unify_speakers
from newsprism.analysis.samefact import SameFactJudge
from newsprism.errors import NewsprismError
from newsprism.model import Figure, Quote, Story, StoryAnalysis

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """The settings of every step of the analysis, each validated by its own record."""

    align: align.AlignSettings = field(default_factory=align.AlignSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    figures: FigureSettings = field(default_factory=FigureSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)
    conflicts: ConflictSettings = field(default_factory=ConflictSettings)

    def __post_init__(self) -> None:
        for name, kind in (("align", align.AlignSettings), ("quotes", QuoteSettings), ("figures", FigureSettings),
                           ("framing", FramingSettings), ("conflicts", ConflictSettings)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                raise NewsprismError(f"AnalysisSettings.{name} must be a {kind.__name__}, got {type(value).__name__}")


def analyze(
    story: Story,
    settings: AnalysisSettings | None = None,
    *,
    segmenter: align.Segmenter | None = None,
    judge: SameFactJudge | None = None,
) -> StoryAnalysis:
    """The whole analysis of ``story``: its facts, quotations, figures, framing and conflicts.

    ``segmenter`` splits an article into sentences (default: ``newsprism.text.segment.segment``);
    ``judge`` tells whether two sentences state the same fact (default: the shipped model).
    """
    settings = settings or AnalysisSettings()
    if not isinstance(story, Story):
        raise NewsprismError(f"analyze needs a Story, got {type(story).__name__}")
    facts = align.analyze(story, settings=settings.align, judge=judge,
                          **({"segmenter": segmenter} if segmenter is not None else {}))
    return complete(facts, settings)


def complete(analysis: StoryAnalysis, settings: AnalysisSettings | None = None) -> StoryAnalysis:
    """``analysis`` with its quotations, figures, framing and conflicts read from its story and
    facts; an analysis that already holds them is returned as it is."""
    if analysis.complete:
        return analysis
    settings = settings or AnalysisSettings()
    story = analysis.story
    fact_at = functools.cache(analysis.fact_at)

    def same_fact(a: Quote | Figure, b: Quote | Figure) -> bool:
        fact = fact_at(a.article, a.start)
        return fact is not None and fact == fact_at(b.article, b.start)

    quotes = tuple(unify_speakers([  # one name and id per person across the story's articles
        q for article in story.articles
        for q in extract_quotes(article, analysis.sentences.get(article.id, ()), settings.quotes)
    ]))
    quotes_by_article = {article.id: tuple(q for q in quotes if q.article == article.id) for article in story.articles}
    idf = story_idf(s.text for sentences in analysis.sentences.values() for s in sentences)
    groups = group_quotes(
        [q for article in story.articles for q in quotes_by_article[article.id]],
        analysis.outlet_of, idf, same_fact, settings.quotes,
    )
    figures = [f for article in story.articles for f in extract_figures(article, analysis.sentences.get(article.id, ()))]
    readings = align_figures(figures, analysis.outlet_of, _context_of(analysis), same_fact, settings.figures)
    framing = {}
    for outlet in story.outlets:
        articles = [a for a in story.articles if a.display_outlet == outlet]
        outlet_quotes = [q for a in articles for q in quotes_by_article[a.id]]
        framing[outlet] = frame_outlet(outlet, articles, outlet_quotes, settings.framing)
    analysis = replace(analysis, quotes=quotes, quote_groups=tuple(groups), figures=tuple(readings), framing=framing)
    conflicts = find_conflicts(analysis, readings, settings.conflicts, settings.figures)
    log.info("story %s: %d quotations in %d groups, %d figures, %d conflicts", story.id, len(quotes), len(groups),
             len(readings), len(conflicts))
    return replace(analysis, conflicts=tuple(conflicts))


def _context_of(analysis: StoryAnalysis) -> Callable[[Figure], str]:
    """The sentence a figure stands in, which says what the figure counts."""
    def context_of(figure: Figure) -> str:
        sentence = analysis.sentence_at(figure.article, figure.start)
        return sentence.text if sentence else figure.text

    return context_of
