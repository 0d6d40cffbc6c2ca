"""``PipelineSettings``: the settings of every stage in one frozen record.

One record goes from the command line or a caller to every stage, so that what a run used can be
printed, compared and shipped to other processes (it pickles) as one value. Each stage's own record
validates its values where it is built; this one checks that each part is of the right kind and
that the summary's word budget is a positive whole number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.analysis.story import AnalysisSettings
from newsprism.compare import CompareSettings
from newsprism.errors import NewsprismError
from newsprism.ingest.settings import ReadSettings
from newsprism.stories.cluster import ClusterSettings
from newsprism.stories.dedup import DedupSettings
from newsprism.summarize import SummarySettings
from newsprism.text.clean import CleanSettings
from newsprism.text.segment import RuleSettings

DEFAULT_WORDS = 100
"""Summary length in words: the length of the newser.com briefs of Multi-News and of DUC 2004's
reference summaries, the two kinds of summary newsprism is measured against."""


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    """The settings of read -> clean -> segment -> dedup -> stories -> analyze -> summarize/compare.

    ``allow_private``: URLs may reach loopback, private and link-local addresses (refused by
    default, so that a URL in a feed cannot point newsprism at the user's own network).
    ``words``: the word budget of each summary. ``dedup``: the dedup stage's, which marks the copies
    before clustering (by the dates clustering believes: ``cluster.future_tolerance``).
    """

    read: ReadSettings = field(default_factory=ReadSettings)
    allow_private: bool = False
    clean: CleanSettings = field(default_factory=CleanSettings)
    segment: RuleSettings = field(default_factory=RuleSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    words: int = DEFAULT_WORDS
    compare: CompareSettings = field(default_factory=CompareSettings)

    def __post_init__(self) -> None:
        for name, kind in (("read", ReadSettings), ("clean", CleanSettings), ("segment", RuleSettings),
                           ("dedup", DedupSettings), ("cluster", ClusterSettings), ("analysis", AnalysisSettings),
                           ("summary", SummarySettings), ("compare", CompareSettings)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                raise NewsprismError(f"PipelineSettings.{name} must be a {kind.__name__}, got {type(value).__name__}")
        if not isinstance(self.allow_private, bool):
            raise NewsprismError(f"PipelineSettings.allow_private must be True or False, got {self.allow_private!r}")
        if isinstance(self.words, bool) or not isinstance(self.words, int) or self.words < 1:
            raise NewsprismError(f"PipelineSettings.words: the word budget must be a positive whole number, "
                                 f"got {self.words!r}")
