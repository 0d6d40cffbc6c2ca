"""The in-process engine: the stages composed for one machine, from one ``PipelineSettings``.

read -> clean -> segment -> dedup -> stories -> analyze -> summarize/compare -> render. ``Pipeline``
runs them and yields one ``StoryResult`` per story; the commands (``summarize``, ``compare``,
``report``, ``stories``, ``cluster``, the web app's story pages) and any caller go through it, so
reading, cleaning and analysing happen the same way everywhere and the settings a user gives reach
every stage. Dedup marks each near copy with its original (``dedup_articles``); clustering takes
the articles and those marks, and puts each copy in its original's story. The same two stages run
over a stream that never ends, a chunk at a time, in ``Pipeline.stream`` (``StoryStream``): a store
stores what they make of each chunk (``Store.add``).

Each stage is a plain function of the package; the pipeline holds no state but its settings, so
one pipeline may run stories from several threads at once.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import ReadResult, read_inputs, read_stories
from newsprism.model import Article, Comparison, Sentence, Story, StoryAnalysis, Summary
from newsprism.stories.clock import Clock, system_clock
from newsprism.text.clean import clean_articles

if TYPE_CHECKING:  # imported when first used: the settings records pull in every stage's modules
    from newsprism.engines.settings import PipelineSettings
    from newsprism.stories.cluster import Assignment, StoryClusterer
    from newsprism.stories.dedup import CopyMarker

log = logging.getLogger(__name__)


def usable_articles(articles: Sequence[Article]) -> tuple[list[Article], list[InputError]]:
    """The articles with text left after cleaning, and an error for each other one, so that an
    article emptied by cleaning is reported rather than dropped silently."""
    kept, errors = [], []
    for article in articles:
        if article.text.strip():
            kept.append(article)
        else:
            errors.append(InputError(article.where, emptied_reason(article)))
    return kept, errors


def emptied_reason(article: Article) -> str:
    """Why an article has no text left: the cleaner's reasons, so a user can judge them."""
    reasons = Counter(removal.reason for removal in article.removed)
    if not reasons:
        return "no article text left after cleaning"
    removed = len(article.removed)
    listed = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
    return f"no article text left after cleaning (removed {removed} line{'s' * (removed != 1)}: {listed})"


def _settings(settings: PipelineSettings | None) -> PipelineSettings:
    """``settings``, or the defaults when None; anything else is refused with its type named."""
    from newsprism.engines.settings import PipelineSettings

    if settings is None:
        return PipelineSettings()
    if not isinstance(settings, PipelineSettings):
        raise NewsprismError(f"the pipeline takes PipelineSettings, got {type(settings).__name__}")
    return settings


def _story_id(articles: Sequence[Article]) -> str:
    digest = hashlib.sha1("\n".join(a.id for a in articles).encode()).hexdigest()
    return f"story-{digest[:10]}"


def load_story(inputs: Sequence[str], *, allow_private: bool = False,
               settings: PipelineSettings | None = None) -> tuple[Story, list[InputError]]:
    """Read and clean ``inputs`` as the articles of one story.

    Returns the story and the problems met on the way (each names its input); raises
    ``NewsprismError`` when no input gave a usable article. ``allow_private`` or
    ``settings.allow_private`` lets URLs reach the user's own network.
    """
    settings = _settings(settings)
    read = read_articles(inputs, replace(settings, allow_private=settings.allow_private or allow_private))
    articles, errors = read.articles, read.errors
    if not articles:
        reasons = "; ".join(str(e) for e in errors[:3]) or "no inputs given"
        raise NewsprismError(f"no usable article was read ({reasons})")
    log.info("read %d articles from %d inputs", len(articles), len(inputs))
    return Story(id=_story_id(articles), articles=tuple(articles)), errors


class EmptyStory(InputError):
    """A story of a cluster file none of whose articles has text left after cleaning; it carries
    the story's id, so that a batch can still give the story its line of output."""

    def __init__(self, source: str, story_id: str) -> None:
        super().__init__(source, "story has no article with text")
        self.story_id = story_id

    def __reduce__(self):
        return (type(self), (self.source, self.story_id))


def iter_cluster_stories(path: str, settings: PipelineSettings | None = None) -> Iterator[Story | InputError]:
    """Each story of a cluster file, its articles cleaned; problems are yielded in place, in order
    (a story left with no article as an ``EmptyStory``)."""
    settings = _settings(settings)
    for item in read_stories(path, settings.read):
        if isinstance(item, InputError):
            yield item
            continue
        articles, errors = usable_articles(clean_articles(item.articles, settings.clean))
        yield from errors
        if articles:
            yield replace(item, articles=tuple(articles))
        else:
            yield EmptyStory(f"{path}:{item.id}", item.id)


def read_articles(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                  settings: PipelineSettings | None = None) -> ReadResult:
    """The read and clean stages: the articles of ``inputs`` (a file, a folder, a URL, ``OUTLET=PATH``,
    or several of them) with the text left after cleaning, and the problems met, each naming its
    input (an article that cleaning emptied among them)."""
    read = read_cleaned(inputs, settings)
    articles, emptied = usable_articles(read.articles)
    return ReadResult(articles, [*read.errors, *emptied])


def read_cleaned(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                 settings: PipelineSettings | None = None) -> ReadResult:
    """The read and clean stages, every article kept: also one that cleaning emptied, for a caller
    that accounts for each article itself (``newsprism cluster`` gives it a line saying why it was
    skipped); the errors are those of reading."""
    settings = _settings(settings)
    names = [os.fspath(inputs)] if isinstance(inputs, (str, os.PathLike)) else [os.fspath(i) for i in inputs]
    result = read_inputs(names, allow_private=settings.allow_private, settings=settings.read)
    return ReadResult(clean_articles(result.articles, settings.clean), result.errors)


def sentences_of(article: Article, settings: PipelineSettings | None = None) -> tuple[Sentence, ...]:
    """The segment stage: ``article``'s sentences, with their spans, split by the rule splitter of
    ``settings.segment``."""
    return _segmenter(_settings(settings))(article)


def _segmenter(settings: PipelineSettings) -> Callable[[Article], tuple[Sentence, ...]]:
    from newsprism.text.segment import DEFAULT_SPLITTER, RuleSettings, RuleSplitter, segment

    splitter = DEFAULT_SPLITTER if settings.segment == RuleSettings() else RuleSplitter(settings.segment)
    return partial(segment, splitter=splitter)


def dedup_articles(articles: Sequence[Article], settings: PipelineSettings | None = None, *,
                   now: Clock = system_clock) -> dict[str, str]:
    """The dedup stage: each near copy's id and the id of the earlier article it copies, the
    articles taken in arrival order (by date, then id) with the dates clustering believes by
    ``now`` (``newsprism.stories.clock``)."""
    from newsprism.stories.cluster import arrival_order, believed_times
    from newsprism.stories.dedup import mark_copies

    settings = _settings(settings)
    ordered = [articles[i] for i in arrival_order(articles)]
    times, _ = believed_times(ordered, settings.cluster, now)
    marks = mark_copies(ordered, times, settings.dedup)
    return {article.id: original for article, original in zip(ordered, marks) if original is not None}


@dataclass(frozen=True, slots=True)
class Clustering:
    """The stories the dedup and clustering stages made of a set of articles.

    ``stories``: in the order their first article was given; ``duplicate_of``: each copy's id and
    the id of the article it copies; ``notes``: by article id, in the order the articles were
    given, what about an article was not used (a date in the future).
    """

    stories: tuple[Story, ...]
    duplicate_of: dict[str, str]
    notes: dict[str, str]


def cluster_stories(articles: Sequence[Article], settings: PipelineSettings | None = None, *,
                    track: Callable[[Sequence[Article]], Iterable[Article]] = iter,
                    now: Clock = system_clock) -> Clustering:
    """The dedup and stories stages: near copies among ``articles`` (cleaned, with text) marked
    (``dedup_articles``), then the articles grouped into stories, each copy in its original's story.
    ``track`` wraps the articles in the order they are clustered (a progress bar); ``now`` is the
    clock that says which dates are in the future."""
    from newsprism.stories.cluster import cluster_articles

    settings = _settings(settings)
    copies = dedup_articles(articles, settings, now=now)
    members: dict[str, list[Article]] = defaultdict(list)
    duplicate_of, notes = {}, {}
    for article, assignment in zip(articles, cluster_articles(articles, settings.cluster, track=track,
                                                              duplicate_of=copies, now=now)):
        members[assignment.story].append(article)
        if assignment.duplicate_of is not None:
            duplicate_of[article.id] = assignment.duplicate_of
        if assignment.note:
            notes[article.id] = assignment.note
    return Clustering(tuple(Story(story, tuple(items)) for story, items in members.items()), duplicate_of, notes)


class StoryStream:
    """The dedup and stories stages over a stream that never ends, made by ``Pipeline.stream``:
    ``add(articles)``, in arrival order, marks the copies (``marker``, a ``dedup.CopyMarker``) and
    then assigns every article to a story (``clusterer``, a ``cluster.StoryClusterer`` given the
    marks), both by the clusterer's clock.

    Batch mode (``cluster_stories``) marks the copies of a whole set at once and then clusters it; a
    stream cannot wait for the whole set. Each stage keeps its own state, saved and loaded apart (a
    store keeps them in two rows), and the clusterer forgets the story of an original once the
    dedup stage can no longer mark a copy of it, so memory stays bounded.
    """

    def __init__(self, marker: CopyMarker, clusterer: StoryClusterer) -> None:
        self.marker = marker
        self.clusterer = clusterer

    def add(self, articles: Sequence[Article]) -> list[Assignment]:
        """Each article's assignment (its story, the original it copies, a note on an ignored date)."""
        from newsprism.stories.cluster import believed_times

        times, _ = believed_times(articles, self.clusterer.settings, self.clusterer.now)
        marks = self.marker.mark(articles, times)
        copies = {article.id: original for article, original in zip(articles, marks) if original is not None}
        assigned = self.clusterer.add(articles, copies)
        self.clusterer.forget_originals(self.marker)
        return assigned

    def save_state(self) -> tuple[bytes, bytes]:
        """The clusterer's state and the dedup stage's, each an ``.npz`` of its own (what
        ``Pipeline.stream`` takes to go on)."""
        return self.clusterer.save_state(), self.marker.save_state()


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What the pipeline made of one story: its analysis, summary, comparison and rendered output
    (each None when not asked for), or the error that stopped it.

    ``story`` is None only for a story none of whose articles had text (``error`` says so).
    """

    story_id: str
    story: Story | None = None
    analysis: StoryAnalysis | None = None
    summary: Summary | None = None
    comparison: Comparison | None = None
    output: str | None = None
    error: NewsprismError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


Renderer = Callable[[StoryResult], str]
"""The render stage: a finished story's text in some format (JSON, Markdown, HTML)."""


class Pipeline:
    """The stages composed from one ``PipelineSettings``.

    ``summarize`` and ``compare`` say which of the two the results carry (the analysis is made
    once either way); ``render``, when given, turns each finished story into its ``output``;
    ``now`` is the clock by which dedup and clustering tell a date in the future (a replay of an
    old stream gives its own, ``newsprism.stories.clock.FixedClock``). Errors of one story are kept
    in its result, so that a batch goes on.
    """

    def __init__(self, settings: PipelineSettings | None = None, *, summarize: bool = True, compare: bool = True,
                 render: Renderer | None = None, now: Clock = system_clock) -> None:
        self.settings = _settings(settings)
        self.summarize = summarize
        self.compare = compare
        self.render = render
        self.now = now

    def read(self, inputs: Sequence[str]) -> ReadResult:
        """The read and clean stages (``read_articles``)."""
        return read_articles(inputs, self.settings)

    def story(self, inputs: Sequence[str]) -> tuple[Story, list[InputError]]:
        """``inputs`` read and cleaned as the articles of one story (``load_story``)."""
        return load_story(inputs, settings=self.settings)

    def dedup(self, articles: Sequence[Article]) -> dict[str, str]:
        """The dedup stage (``dedup_articles``)."""
        return dedup_articles(articles, self.settings, now=self.now)

    def cluster(self, articles: Sequence[Article], *,
                track: Callable[[Sequence[Article]], Iterable[Article]] = iter) -> Clustering:
        """The dedup and stories stages (``cluster_stories``)."""
        return cluster_stories(articles, self.settings, track=track, now=self.now)

    def stream(self, clusterer: bytes | None = None, duplicates: bytes | None = None) -> StoryStream:
        """The dedup and stories stages over a stream (``StoryStream``), from this pipeline's
        settings and clock; with the states a stream saved (``StoryStream.save_state``: the
        clusterer's, the dedup stage's), it goes on where that stream stopped (None: a stage that
        has not run yet starts afresh). A state made with other settings is refused."""
        from newsprism.stories.cluster import StoryClusterer
        from newsprism.stories.dedup import CopyMarker

        dedup, cluster = self.settings.dedup, self.settings.cluster
        return StoryStream(
            CopyMarker(dedup) if duplicates is None else CopyMarker.load_state(duplicates, dedup),
            StoryClusterer(cluster, now=self.now) if clusterer is None
            else StoryClusterer.load_state(clusterer, cluster, now=self.now),
        )

    def analyze(self, story: Story) -> StoryAnalysis:
        """The segment and analyze stages: the story's facts, quotations, figures and framing."""
        from newsprism.analysis.story import analyze

        return analyze(story, self.settings.analysis, segmenter=_segmenter(self.settings))

    def result(self, story: Story) -> StoryResult:
        """One story through analyze -> summarize/compare -> render; a ``NewsprismError`` on the way
        is kept in the result."""
        from newsprism.compare import compare
        from newsprism.summarize import summarize

        try:
            analysis = self.analyze(story)
            summary = summarize(analysis, self.settings.words, settings=self.settings.summary) if self.summarize else None
            comparison = compare(analysis, self.settings.compare) if self.compare else None
            result = StoryResult(story.id, story, analysis, summary, comparison)
            return replace(result, output=self.render(result)) if self.render else result
        except NewsprismError as error:
            log.info("story %s: %s", story.id, error)
            return StoryResult(story.id, story, error=error)

    def run(self, stories: Iterable[Story | InputError]) -> Iterator[StoryResult | InputError]:
        """A ``StoryResult`` for each story, in order; problems met on the way (``InputError``) are
        passed on in place, and an ``EmptyStory`` gets a failed result of its own."""
        for item in stories:
            if isinstance(item, EmptyStory):
                yield StoryResult(item.story_id, error=NewsprismError(item.reason))
            elif isinstance(item, InputError):
                yield item
            else:
                yield self.result(item)

    def run_clusters(self, path: str) -> Iterator[StoryResult | InputError]:
        """Every story of a cluster file (cluster JSONL, Multi-News, a DUC folder) through the stages."""
        return self.run(iter_cluster_stories(path, self.settings))

    def run_inputs(self, inputs: Sequence[str]) -> Iterator[StoryResult | InputError]:
        """Articles read from ``inputs``, grouped into stories, each story through the stages:
        first the problems of reading and clustering, then a result per story."""
        read = self.read(inputs)
        yield from read.errors
        if not read.articles:
            return
        clustering = self.cluster(read.articles)
        yield from (InputError(a.where, clustering.notes[a.id]) for a in read.articles if a.id in clustering.notes)
        yield from self.run(clustering.stories)
