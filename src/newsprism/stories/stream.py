"""The dedup and stories stages over a stream that never ends: what a store runs at each ingest.

Batch mode (``engines.local.cluster_stories``) marks the copies of a whole set at once
(``engines.local.dedup_articles``) and then clusters it. A stream cannot wait for the whole set, so
``StoryStream`` runs the same two stages one chunk at a time: the dedup stage
(``dedup.CopyMarker``) marks each copy with its original, then the online clusterer
(``cluster.StoryClusterer``) takes the chunk and those marks. Each stage keeps its own state, saved
and loaded apart (a store keeps them in two rows), and the clusterer forgets the story of an
original once the dedup stage can no longer mark a copy of it, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Article
from newsprism.stories.clock import Clock, system_clock
from newsprism.stories.cluster import Assignment, ClusterSettings, StoryClusterer, believed_times
from newsprism.stories.dedup import CopyMarker, DedupSettings


class StoryStream:
    """``add(articles)`` in arrival order: the copies marked, then every article assigned to a story.

    ``settings`` are clustering's and ``dedup`` the dedup stage's (each stage's own, as
    ``PipelineSettings`` holds them); ``now`` is the clock both stages believe dates by
    (``newsprism.stories.clock``).
    """

    def __init__(self, settings: ClusterSettings | None = None, *, dedup: DedupSettings | None = None,
                 now: Clock = system_clock, marker: CopyMarker | None = None,
                 clusterer: StoryClusterer | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self.now = now
        self.marker = marker or CopyMarker(dedup)
        self.clusterer = clusterer or StoryClusterer(self.settings, now=now)

    def add(self, articles: Sequence[Article]) -> list[Assignment]:
        """Each article's assignment (its story, the original it copies, a note on an ignored date)."""
        times, _ = believed_times(articles, self.settings, self.now)
        marks = self.marker.mark(articles, times)
        copies = {article.id: original for article, original in zip(articles, marks) if original is not None}
        assigned = self.clusterer.add(articles, copies)
        self.clusterer.forget_originals(self.marker)
        return assigned

    def save_state(self) -> tuple[bytes, bytes]:
        """The clusterer's state and the dedup stage's, each an ``.npz`` of its own."""
        return self.clusterer.save_state(), self.marker.save_state()

    @classmethod
    def load_state(cls, clusterer: bytes | None, duplicates: bytes | None, settings: ClusterSettings | None = None,
                   *, dedup: DedupSettings | None = None, now: Clock = system_clock) -> StoryStream:
        """A stream that goes on where the one that saved these states stopped (None: a stage that
        has not run yet starts afresh)."""
        settings = settings or ClusterSettings()
        return cls(settings, dedup=dedup, now=now,
                   marker=None if duplicates is None else CopyMarker.load_state(duplicates, dedup),
                   clusterer=None if clusterer is None else StoryClusterer.load_state(clusterer, settings, now=now))
