"""The tables the web app adds to a store: full-text search, each article's story, the outlets of
each story, and the lines the cleaner removed.

They are created idempotently beside the store's own tables, and kept current by triggers on
``articles``, so an ingest by the command line (which knows nothing of them) updates them too. A
store opened for the first time by the web app gets them filled from the articles already in it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from newsprism.model import Article
from newsprism.store import article_key

log = logging.getLogger(__name__)

WEB_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS article_story (
    article INTEGER PRIMARY KEY,
    story TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_leads (
    story TEXT PRIMARY KEY,
    published TEXT,
    lead TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_outlets (
    story TEXT NOT NULL,
    outlet TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (story, outlet)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_outlets_outlet ON story_outlets(outlet, story);
CREATE TABLE IF NOT EXISTS story_reach (
    story TEXT PRIMARY KEY,
    outlets INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_reach_outlets ON story_reach(outlets);
CREATE INDEX IF NOT EXISTS stories_size ON stories(size, last_published);
CREATE TABLE IF NOT EXISTS removed_lines (
    article TEXT NOT NULL,
    line TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS removed_lines_article ON removed_lines(article);
CREATE TRIGGER IF NOT EXISTS articles_web_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    INSERT OR REPLACE INTO article_story VALUES (new.rowid, new.story);
    INSERT INTO story_leads VALUES (new.story, new.published, substr(new.text, 1, 300))
        ON CONFLICT(story) DO UPDATE SET published = excluded.published, lead = excluded.lead
        WHERE excluded.published IS NOT NULL
          AND (story_leads.published IS NULL OR excluded.published < story_leads.published);
    INSERT OR IGNORE INTO story_outlets VALUES (new.story, new.outlet, 0);
    UPDATE story_outlets SET articles = articles + 1 WHERE story = new.story AND outlet = new.outlet;
END;
CREATE TRIGGER IF NOT EXISTS story_outlets_reach AFTER INSERT ON story_outlets BEGIN
    INSERT OR IGNORE INTO story_reach VALUES (new.story, 0);
    UPDATE story_reach SET outlets = outlets + 1 WHERE story = new.story;
END;
"""

_FILLED = "web_tables_filled"
"""The name in the store's ``state`` table that says which version of the web tables holds every
stored article."""

WEB_TABLES_VERSION = "3"
"""Version 2 added ``article_story``: an article's story found from its row number without reading
the article's row (whose text comes before its story, so reading it walks the text's pages: the
stories of the 73,978 of 100,000 articles that contain "said" took 1.4 s instead of 0.2 s). Version 3 added
``story_leads``: the opening words of each story's earliest article, which a listing shows for a
story without a headline (read from the articles, a page of 30 such stories took 80 ms)."""


def prepare_web_tables(db: sqlite3.Connection) -> None:
    """Create the web tables in the store of ``db`` (autocommit), and fill them once from the
    articles stored before they existed. Safe to call on every start."""
    filled = db.execute("SELECT value FROM state WHERE name = ?", (_FILLED,)).fetchone()
    stale = filled is None or str(filled[0]) != WEB_TABLES_VERSION
    if stale:  # triggers of an earlier version are replaced by this version's
        db.execute("DROP TRIGGER IF EXISTS articles_web_insert")
        db.execute("DROP TRIGGER IF EXISTS story_outlets_reach")
    db.executescript(WEB_SCHEMA)  # each statement is idempotent on its own
    db.execute("BEGIN IMMEDIATE")
    try:
        if stale:
            count = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            log.info("indexing %d stored articles for search", count)
            db.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")
            db.execute("DELETE FROM article_story")
            db.execute("INSERT INTO article_story SELECT rowid, story FROM articles")
            db.execute("DELETE FROM story_leads")
            db.execute("INSERT INTO story_leads SELECT story, published, substr(text, 1, 300) FROM ("
                       "SELECT story, published, text, ROW_NUMBER() OVER (PARTITION BY story "
                       "ORDER BY published IS NULL, published, rowid) AS n FROM articles) WHERE n = 1")
            db.execute("DELETE FROM story_outlets")
            db.execute("INSERT INTO story_outlets SELECT story, outlet, COUNT(*) FROM articles GROUP BY story, outlet")
            db.execute("DELETE FROM story_reach")  # the trigger counted them one by one; recount at once
            db.execute("INSERT INTO story_reach SELECT story, COUNT(*) FROM story_outlets GROUP BY story")
            db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (_FILLED, WEB_TABLES_VERSION))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def keep_removed_lines(db: sqlite3.Connection, articles: Sequence[Article]) -> int:
    """Keep what the cleaner removed from each article (line and reason), for its article page;
    an article whose lines are kept already is skipped. Returns the number of lines kept."""
    rows: list[tuple[str, str, str]] = []
    for article in articles:
        key = article_key(article)
        if db.execute("SELECT 1 FROM removed_lines WHERE article = ? LIMIT 1", (key,)).fetchone():
            continue
        rows.extend((key, removal.line, removal.reason) for removal in article.removed)
    if rows:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT INTO removed_lines VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return len(rows)
