"""An outlet's record across the store: the stories it covered and the large ones it missed, the
stories it alone carries, the facts only it reports and those it leaves out, and the loaded words
of its headlines month by month.

Stories and reach come from the store's tables; facts and headline words from the comparisons
kept for analysed stories (a story is analysed when its page or API record is first asked for),
so those figures say how many analysed stories they count.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from newsprism.web.listing import StoryListItem, outlets_of

MISSED_MIN_OUTLETS = 3
"""A story counts as missed by an outlet when at least this many other outlets carry it (a story
two outlets carry is not a sign of a gap) and it ran while the outlet was publishing."""

ANALYSED_LIMIT = 500
"""Most kept comparisons read for one outlet page (the latest first), so the page stays fast."""


@dataclass(frozen=True, slots=True)
class OutletReport:
    name: str
    articles: int
    stories: int
    covered: tuple[StoryListItem, ...]
    missed: tuple[StoryListItem, ...]
    alone: tuple[StoryListItem, ...]
    alone_total: int
    missed_total: int
    analysed: int
    exclusive_facts: int
    omitted_facts: int
    omitting_stories: int
    headline_words: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    """(month, ((word, count), ...)) for the months with loaded headline words, latest first."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.name, "articles": self.articles, "stories": self.stories,
            "covered": [s.to_dict() for s in self.covered], "missed": [s.to_dict() for s in self.missed],
            "missed_total": self.missed_total, "alone": [s.to_dict() for s in self.alone], "alone_total": self.alone_total,
            "analysed_stories": self.analysed, "exclusive_facts": self.exclusive_facts,
            "omitted_facts": self.omitted_facts, "stories_with_omissions": self.omitting_stories,
            "headline_loaded_words": [{"month": m, "words": [{"word": w, "count": c} for w, c in words]}
                                      for m, words in self.headline_words],
        }


_ROW = ("SELECT s.id, COALESCE(json_extract(h.payload, '$'), s.title, ''), s.size, s.first_published, s.last_published "
        "FROM stories s LEFT JOIN analyses h ON h.story = s.id AND h.kind = 'headline' ")


def _items(db: sqlite3.Connection, rows: list[tuple]) -> tuple[StoryListItem, ...]:
    outlets = outlets_of(db, [r[0] for r in rows])
    return tuple(StoryListItem(r[0], r[1] or "(untitled)", r[2], outlets.get(r[0], ()), r[3], r[4]) for r in rows)


def outlet_report(db: sqlite3.Connection, name: str, shown: int = 20) -> OutletReport | None:
    counts = db.execute("SELECT SUM(articles), COUNT(*) FROM story_outlets WHERE outlet = ?", (name,)).fetchone()
    if not counts or not counts[1]:
        return None
    span = db.execute("SELECT MIN(published), MAX(published) FROM articles WHERE outlet = ?", (name,)).fetchone()
    covered = db.execute(_ROW + "WHERE s.id IN (SELECT story FROM story_outlets WHERE outlet = ?) "
                         "ORDER BY s.last_published DESC LIMIT ?", (name, shown)).fetchall()
    missed_where = ("FROM stories s JOIN story_reach r ON r.story = s.id WHERE r.outlets >= ? "
                    "AND s.id NOT IN (SELECT story FROM story_outlets WHERE outlet = ?) "
                    "AND s.last_published >= COALESCE(?, '') AND s.first_published <= COALESCE(?, '9999')")
    missed_params = (MISSED_MIN_OUTLETS, name, span[0], span[1])
    missed_total = db.execute("SELECT COUNT(*) " + missed_where, missed_params).fetchone()[0]
    missed = db.execute(_ROW.replace("FROM stories s", "FROM stories s JOIN story_reach r ON r.story = s.id")
                        + missed_where[missed_where.index("WHERE"):] + " ORDER BY r.outlets DESC, s.size DESC LIMIT ?",
                        (*missed_params, shown)).fetchall()
    alone_where = "FROM story_outlets o JOIN story_reach r ON r.story = o.story WHERE o.outlet = ? AND r.outlets = 1"
    alone_total = db.execute("SELECT COUNT(*) " + alone_where, (name,)).fetchone()[0]
    alone = db.execute(_ROW + "WHERE s.id IN (SELECT o.story " + alone_where + ") ORDER BY s.size DESC, "
                       "s.last_published DESC LIMIT ?", (name, shown)).fetchall()
    analysed, exclusive, omitted, omitting, words = _from_comparisons(db, name)
    return OutletReport(
        name=name, articles=counts[0], stories=counts[1], covered=_items(db, covered), missed=_items(db, missed),
        alone=_items(db, alone), alone_total=alone_total, missed_total=missed_total, analysed=analysed,
        exclusive_facts=exclusive, omitted_facts=omitted, omitting_stories=omitting, headline_words=words,
    )


def _from_comparisons(db: sqlite3.Connection, name: str) -> tuple[int, int, int, int, tuple]:
    rows = db.execute(
        "SELECT a.payload, s.last_published FROM analyses a JOIN stories s ON s.id = a.story "
        "WHERE a.kind = 'comparison' AND a.updated >= s.updated "
        "AND a.story IN (SELECT story FROM story_outlets WHERE outlet = ?) ORDER BY s.last_published DESC LIMIT ?",
        (name, ANALYSED_LIMIT),
    ).fetchall()
    exclusive = omitted = omitting = 0
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for payload, last in rows:
        comparison = json.loads(payload)
        exclusive += len(comparison.get("exclusives", {}).get(name, ()))
        left_out = len(comparison.get("omissions", {}).get(name, ()))
        omitted += left_out
        omitting += left_out > 0
        framing = comparison.get("framing", {}).get(name) or {}
        for span in framing.get("headline_loaded", ()):
            months[(last or "undated")[:7]][span["text"].lower()] += 1
    words = tuple((month, tuple(counter.most_common(8))) for month, counter in sorted(months.items(), reverse=True))
    return len(rows), exclusive, omitted, omitting, words
