"""What the web app's pages and API read from the store: stories filtered, searched and paged,
outlets, and articles. Plain SQL over one read connection; nothing here writes.

A story row carries what a listing shows: its neutral title (the headline the outlets agree on,
once the story has been analysed; until then its earliest headline or opening words), its outlets,
its dates, and whether one outlet alone carries it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from newsprism.errors import NewsprismError

SORTS = {
    "newest": "s.last_published DESC, s.size DESC, s.id",
    "largest": "s.size DESC, s.last_published DESC, s.id",
}
"""The orders a listing can take: the most recent story first, or the most widely reported
(undated stories last: SQLite sorts NULL last in a descending order). Each is the order of an
index, so a page is read in order rather than all stories sorted."""


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """A listing request, checked where it enters: each bad value is named in the error."""

    q: str = ""
    since: date | None = None
    until: date | None = None
    outlet: str = ""
    min_outlets: int = 1
    max_outlets: int | None = None
    sort: str = "newest"
    page: int = 1
    per_page: int = 30

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise NewsprismError(f"sort {self.sort!r} is not one of {', '.join(SORTS)}")
        if self.page < 1:
            raise NewsprismError(f"page must be at least 1, got {self.page}")
        if not 1 <= self.per_page <= 200:
            raise NewsprismError(f"per_page must be between 1 and 200, got {self.per_page}")
        if self.min_outlets < 1:
            raise NewsprismError(f"min_outlets must be at least 1, got {self.min_outlets}")
        if self.max_outlets is not None and self.max_outlets < self.min_outlets:
            raise NewsprismError(f"max_outlets ({self.max_outlets}) must not be below min_outlets ({self.min_outlets})")
        if len(self.q) > 500:
            raise NewsprismError(f"the search is {len(self.q)} characters long; at most 500")
        if self.since and self.until and self.until < self.since:
            raise NewsprismError(f"until ({self.until}) is before since ({self.since})")


@dataclass(frozen=True, slots=True)
class StoryListItem:
    id: str
    title: str
    articles: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    analysed: bool = False
    lead: str | None = None
    reach: int | None = None
    """How many outlets carry the story, when ``outlets`` names only the first few of them."""

    @property
    def outlet_count(self) -> int:
        return len(self.outlets) if self.reach is None else self.reach

    @property
    def single_outlet(self) -> bool:
        """Whether one outlet alone carries the story (a blindspot of all the others)."""
        return self.outlet_count == 1

    def to_dict(self) -> dict[str, Any]:
        """The record of ``newsprism stories --format jsonl``, plus ``single_outlet``."""
        return {
            "story": self.id, "title": self.title, "articles": self.articles, "outlets": list(self.outlets),
            "first_published": self.first_published, "last_published": self.last_published,
            "lead": self.lead, "single_outlet": self.single_outlet, "analysed": self.analysed,
        }


@dataclass(frozen=True, slots=True)
class StoryPage:
    """One page of a listing and how many stories match in all."""

    items: tuple[StoryListItem, ...]
    total: int
    query: StoryQuery
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pages", page_count(self.total, self.query.per_page))


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` stories fill (one, empty, when there are none)."""
    return max(1, -(-total // per_page))


_WORD = re.compile(r"\w+", re.UNICODE)


def match_expression(text: str) -> str:
    """An FTS5 query for what a user typed: every word must occur (in any order), each quoted, so
    that no input is read as FTS5 syntax (``AND``, ``NEAR``, ``*``, a stray quote)."""
    words = _WORD.findall(text)[:20]
    return " ".join(f'"{w}"' for w in words)


def list_stories(db: sqlite3.Connection, query: StoryQuery, *, chips: int | None = None,
                 total: int | None = None) -> StoryPage:
    """One page of the stories ``query`` asks for: ``pick_stories`` then ``story_items``.

    ``chips``: at most this many outlets per story (see ``story_items``). ``total``: the number of
    stories matching, when the caller knows it already (it depends on the filters, not on the
    page), which spares the count.
    """
    ids, total = pick_stories(db, query, total=total)
    return StoryPage(tuple(story_items(db, ids, chips)), total, query)


def pick_stories(db: sqlite3.Connection, query: StoryQuery, *, total: int | None = None) -> tuple[list[str], int]:
    """The ids of the stories on the page ``query`` asks for, in its order, and how many stories
    match in all (``total`` when the caller knows it already).

    The ids are read in the sort's index order (an offset skips index entries, not joined rows);
    the columns of the page's stories are read apart (``story_items``), and only for the stories
    whose row the caller has not kept.
    """
    where: list[str] = []
    params: list[Any] = []
    searched = bool(query.q.strip())
    if searched:
        expression = match_expression(query.q)
        if not expression:
            return [], 0
        where.append("s.id IN (SELECT a.story FROM article_search f JOIN article_story a ON a.article = f.rowid "
                     "WHERE article_search MATCH ?)")
        params.append(expression)
    if query.since:
        where.append("s.last_published >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("s.first_published < ?")
        params.append((query.until + timedelta(days=1)).isoformat())
    if query.outlet:
        where.append("s.id IN (SELECT story FROM story_outlets WHERE outlet = ?)")
        params.append(query.outlet)
    if query.min_outlets > 1:
        where.append("+r.outlets >= ?")  # "+": read the stories in the sort's index order, not by reach
        params.append(query.min_outlets)
    if query.max_outlets is not None:
        where.append("+r.outlets <= ?")
        params.append(query.max_outlets)
    reach = " JOIN story_reach r ON r.story = s.id" if query.min_outlets > 1 or query.max_outlets is not None else ""
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    # A search counts its matches in the query that picks the page (a window over all of them):
    # the full-text match, the costly part, is then made once, not twice.
    counted = ", COUNT(*) OVER ()" if searched and total is None else ", NULL"
    picked = db.execute(
        f"SELECT s.id{counted} FROM stories s{reach}{clause} ORDER BY {SORTS[query.sort]} LIMIT ? OFFSET ?",
        [*params, query.per_page, (query.page - 1) * query.per_page],
    ).fetchall()
    if total is None:
        if picked and picked[0][1] is not None:
            total = int(picked[0][1])
        else:
            total = db.execute(f"SELECT COUNT(*) FROM stories s{reach}{clause}", params).fetchone()[0]
    return [row[0] for row in picked], total


def story_items(db: sqlite3.Connection, ids: list[str], chips: int | None = None) -> list[StoryListItem]:
    """What a listing shows of each of the stories ``ids``, in that order (an id not stored is
    left out). ``chips``: at most this many outlets per story, the most prolific first (a listing
    shows a few as chips and the number of the others), where all of a story's outlets (up to 187
    in the 100,000-article benchmark store) would be read otherwise."""
    if not ids:
        return []
    outlets = outlets_of(db, ids, chips)
    rows = {row[0]: row for row in db.execute(
        "SELECT s.id, s.title, s.size, s.first_published, s.last_published, h.payload, h.updated >= s.updated, "
        "COALESCE(r.outlets, 0), CASE WHEN h.payload IS NULL AND s.title IS NULL THEN l.lead END "
        "FROM stories s LEFT JOIN story_reach r ON r.story = s.id "
        "LEFT JOIN analyses h ON h.story = s.id AND h.kind = 'headline' LEFT JOIN story_leads l ON l.story = s.id "
        f"WHERE s.id IN ({','.join('?' * len(ids))})", ids)}
    items = []
    for story in ids:
        if story not in rows:
            continue
        _, title, size, first, last, headline, fresh, count, lead_text = rows[story]
        kept = json.loads(headline) if headline else None
        lead = " ".join(str(lead_text)[:200].split()) if lead_text is not None and not (kept or title) else None
        items.append(StoryListItem(story, kept or title or _excerpt(lead or ""), size, outlets.get(story, ()),
                                   first, last, bool(fresh), lead, count))
    return items


def outlets_of(db: sqlite3.Connection, stories: list[str], limit: int | None = None) -> dict[str, tuple[str, ...]]:
    """Each story's outlets, the one with the most articles first; at most ``limit`` of them when
    given, each story's read from the index in that order (``story_outlets_top``, store version 5)."""
    if limit is not None:
        return _first_outlets_of(db, stories, limit)
    found: dict[str, list[str]] = {}
    for start in range(0, len(stories), 500):
        part = stories[start:start + 500]
        marks = ",".join("?" * len(part))
        rows = db.execute(f"SELECT story, outlet FROM story_outlets WHERE story IN ({marks}) "
                          "ORDER BY story, articles DESC, outlet", part)
        for story, outlet in rows:
            found.setdefault(story, []).append(outlet)
    return {story: tuple(names) for story, names in found.items()}


def _first_outlets_of(db: sqlite3.Connection, stories: list[str], limit: int) -> dict[str, tuple[str, ...]]:
    """Each story's first ``limit`` outlets: one correlated subquery a story, which reads those
    entries of the index and stops (SQLite has no lateral join; a join of all of a story's outlets
    against its first few read every outlet of a story a few times over). The stories are given
    as one JSON array, so there is no limit to their number."""
    rows = db.execute(
        "SELECT p.value, (SELECT json_group_array(json_array(articles, outlet)) FROM (SELECT articles, outlet "
        "FROM story_outlets WHERE story = p.value ORDER BY articles DESC, outlet LIMIT ?)) FROM json_each(?) p",
        (limit, json.dumps(stories)))
    found: dict[str, tuple[str, ...]] = {}
    for story, first in rows:
        # The order is made again here: an aggregate's order is not promised by SQLite.
        ranked = sorted(json.loads(first), key=lambda entry: (-entry[0], entry[1]))
        if ranked:
            found[story] = tuple(outlet for _, outlet in ranked)
    return found


def lead_of(db: sqlite3.Connection, story: str, chars: int = 200) -> str:
    """The opening words of the story's earliest article (undated articles count after dated ones)."""
    row = db.execute("SELECT lead FROM story_leads WHERE story = ?", (story,)).fetchone()
    return " ".join(str(row[0])[:chars].split()) if row else ""


def _excerpt(lead: str, words: int = 14) -> str:
    shown = lead.split()[:words]
    return " ".join(shown) + "…" if shown else "(no text)"


def story_row(db: sqlite3.Connection, story: str) -> StoryListItem | None:
    row = db.execute(
        "SELECT s.id, s.title, s.size, s.first_published, s.last_published, h.payload, h.updated >= s.updated "
        "FROM stories s LEFT JOIN analyses h ON h.story = s.id AND h.kind = 'headline' WHERE s.id = ?",
        (story,),
    ).fetchone()
    if row is None:
        return None
    kept = json.loads(row[5]) if row[5] else None
    lead = None if (kept or row[1]) else lead_of(db, story)
    return StoryListItem(row[0], kept or row[1] or _excerpt(lead or ""), row[2], outlets_of(db, [story]).get(story, ()),
                         row[3], row[4], bool(row[6]), lead)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article as its page shows it; ``number`` is its row number, the id in web links."""

    number: int
    key: str
    id: str
    outlet: str
    url: str | None
    title: str | None
    published: str | None
    source: str | None
    text: str
    story: str
    duplicate_of: str | None
    added: str
    removed: tuple[tuple[str, str], ...] = ()
    removed_kept: bool = False
    """Whether the store kept the removed lines (not for an article stored before its version 2)."""

    def to_dict(self, *, text: bool = True) -> dict[str, Any]:
        record: dict[str, Any] = {
            "number": self.number, "key": self.key, "id": self.id, "outlet": self.outlet, "url": self.url,
            "title": self.title, "published": self.published, "source": self.source, "story": self.story,
            "duplicate_of": self.duplicate_of, "added": self.added,
        }
        if text:
            record["text"] = self.text
            record["removed"] = [{"line": line, "reason": reason} for line, reason in self.removed]
        return record


_ARTICLE_COLUMNS = "rowid, key, id, outlet, url, title, published, source, text, story, duplicate_of, added"


def article_row(db: sqlite3.Connection, number: int) -> ArticleRow | None:
    row = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE rowid = ?", (number,)).fetchone()
    if row is None:
        return None
    kept = db.execute("SELECT removed IS NOT NULL FROM articles WHERE rowid = ?", (number,)).fetchone()[0]
    return replace(ArticleRow(*row), removed=_removed(db, number), removed_kept=bool(kept))


def _removed(db: sqlite3.Connection, number: int) -> tuple[tuple[str, str], ...]:
    """The lines the cleaner removed from an article, as the store keeps them (none for an article
    stored before version 2 of the store, or whose JSON is unreadable)."""
    kept = db.execute("SELECT removed FROM articles WHERE rowid = ?", (number,)).fetchone()[0]
    try:
        return tuple((str(line), str(reason)) for line, reason in json.loads(kept)) if kept else ()
    except (TypeError, ValueError):
        return ()


def story_articles(db: sqlite3.Connection, story: str) -> list[ArticleRow]:
    """The articles of a story in time order (undated last), without their removed lines."""
    rows = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story = ? ORDER BY published IS NULL, published, rowid",
        (story,),
    ).fetchall()
    return [ArticleRow(*row) for row in rows]


def article_numbers(db: sqlite3.Connection, story: str) -> dict[str, int]:
    """Each article key of a story with its row number (the id of its page)."""
    return dict(db.execute("SELECT key, rowid FROM articles WHERE story = ?", (story,)).fetchall())


@dataclass(frozen=True, slots=True)
class OutletRow:
    name: str
    articles: int
    stories: int
    alone: int
    """Stories this outlet alone carries."""

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.name, "articles": self.articles, "stories": self.stories, "alone": self.alone}


def top_outlets(db: sqlite3.Connection, limit: int) -> list[str]:
    """The ``limit`` outlets with the most articles: the choices a filter form offers."""
    rows = db.execute("SELECT outlet FROM story_outlets GROUP BY outlet ORDER BY SUM(articles) DESC, outlet LIMIT ?",
                      (limit,))
    return [row[0] for row in rows]


def list_outlets(db: sqlite3.Connection, page: int = 1, per_page: int = 100) -> tuple[list[OutletRow], int]:
    """One page of the outlets, the most prolific first, and how many there are in all."""
    total = db.execute("SELECT COUNT(DISTINCT outlet) FROM story_outlets").fetchone()[0]
    rows = db.execute(
        "SELECT o.outlet, SUM(o.articles), COUNT(*), SUM(r.outlets = 1) FROM story_outlets o "
        "JOIN story_reach r ON r.story = o.story GROUP BY o.outlet ORDER BY SUM(o.articles) DESC, o.outlet "
        "LIMIT ? OFFSET ?", (per_page, (page - 1) * per_page)
    ).fetchall()
    return [OutletRow(*row) for row in rows], total
