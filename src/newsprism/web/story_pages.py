"""A story's analysis, computed once per change of the story and kept in the store.

A story page is what ``newsprism report`` writes for the story (the summary, the facts with every
outlet's sentence, consensus, exclusives, omissions, quotations, figures, framing), with links back
into the web app. Computing it takes seconds for a large story, so it is done on the first request
after the story changed and kept in the store's ``analyses`` table beside the summary and the
comparison (the JSON contracts of ``summarize`` and ``compare``, which the API serves) and the
story's neutral headline (which listings show). Each kept analysis is stamped with the ``updated``
time of the story it was computed from: an ingest that changes the story makes it stale, and the
next request recomputes it; nothing else does.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.store import Store

log = logging.getLogger(__name__)

KINDS = ("summary", "comparison", "headline", "page")
"""What is kept per story in the store's ``analyses`` table."""


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """How story analyses are made for the web app."""

    words: int = 100
    """Summary length in words: the command line's default (newser.com briefs, DUC 2004 summaries)."""

    def __post_init__(self) -> None:
        if self.words < 1:
            raise NewsprismError(f"AnalysisSettings.words must be at least 1, got {self.words}")


class StoryAnalyses:
    """Reads a story's kept analyses, computing and keeping them first when the story changed.

    ``writer`` is the app's one writing ``Store``; ``lock`` serialises everything that writes, so
    that two requests for one stale story compute it once.
    """

    def __init__(self, writer: Store, lock: threading.Lock, settings: AnalysisSettings = AnalysisSettings()) -> None:
        self.writer = writer
        self.lock = lock
        self.settings = settings

    def kept(self, reader: sqlite3.Connection, story: str, kind: str) -> Any | None:
        """The kept ``kind`` of ``story``, current with the story; None when the story does not exist."""
        found = _fresh(reader, story, kind)
        if found is _MISSING_STORY:
            return None
        if found is not _STALE:
            return found
        with self.lock:
            found = _fresh(self.writer._db, story, kind)  # another request may have computed it meanwhile
            if found is _STALE:
                self._compute(story)
                found = _fresh(self.writer._db, story, kind)
        return None if found in (_STALE, _MISSING_STORY) else found

    def _compute(self, story_id: str) -> None:
        from newsprism.engines.local import Pipeline
        from newsprism.engines.settings import PipelineSettings
        from newsprism.render.html import render_report, story_headline
        from newsprism.render.json import comparison_to_dict, summary_to_dict

        db = self.writer._db
        row = db.execute("SELECT updated FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return
        stamp = row[0]
        articles, numbers = _story_articles(self.writer, story_id)
        story = Story(story_id, tuple(articles))
        result = Pipeline(PipelineSettings(words=self.settings.words)).result(story)
        if result.error is not None:
            raise result.error
        analysis, summary, comparison = result.analysis, result.summary, result.comparison
        assert analysis is not None and summary is not None and comparison is not None
        pages = {a.id: f"/articles/{numbers[a.meta['store_key']]}" for a in articles}
        page = render_report(analysis, summary, comparison, index_href="/", article_pages=pages)
        payloads = {
            "summary": summary_to_dict(summary, analysis),
            "comparison": comparison_to_dict(comparison, analysis),
            "headline": story_headline(articles, summary),
            "page": page,
        }
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)",
                           [(story_id, kind, json.dumps(payloads[kind]), stamp) for kind in KINDS])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        log.info("analysed story %s: %d articles, %d facts", story_id, len(articles), len(analysis.facts))


_STALE = object()
_MISSING_STORY = object()


def _fresh(db: sqlite3.Connection, story: str, kind: str) -> Any:
    row = db.execute(
        "SELECT s.updated, a.payload, a.updated FROM stories s "
        "LEFT JOIN analyses a ON a.story = s.id AND a.kind = ? WHERE s.id = ?",
        (kind, story),
    ).fetchone()
    if row is None:
        return _MISSING_STORY
    if row[1] is None or row[2] < row[0]:
        return _STALE
    return json.loads(row[1])


def _story_articles(store: Store, story_id: str) -> tuple[list[Article], dict[str, int]]:
    """The story's articles in time order, each id unique within the story (two uploads named
    ``story.txt`` both have the id "story"), and each store key's row number."""
    articles = sorted(store.articles(story_id), key=lambda a: (a.published is None, str(a.published or "")))
    seen: Counter[str] = Counter()
    unique = []
    for article in articles:
        seen[article.id] += 1
        unique.append(article if seen[article.id] == 1 else replace(article, id=f"{article.id}#{seen[article.id]}"))
    numbers = dict(store._db.execute("SELECT key, rowid FROM articles WHERE story = ?", (story_id,)).fetchall())
    return unique, numbers
