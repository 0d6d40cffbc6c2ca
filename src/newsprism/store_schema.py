"""The store's schema, as numbered migrations from an empty file to the current version.

Why migrations: a store follows a stream of news for months, so it outlives the newsprism that
created it. Each change to its tables is a new numbered ``Migration`` appended to ``MIGRATIONS``;
opening a store applies, in order, every migration above the version recorded in the file
(SQLite's ``PRAGMA user_version``), so a store of any earlier version is brought up to date and
keeps everything it held. The rule (docs/store.md): a migration that has been released is never
edited, only followed by a new one; versions run 1, 2, 3... without gaps; a store of a newer
version than this code knows is refused, never downgraded.

All pending migrations run in one transaction together with the new ``user_version``: a crash, a
kill or a failed step mid-way rolls everything back, and the store is left at the version it had,
with nothing lost, to be migrated again at the next open.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import NewsprismError

log = logging.getLogger(__name__)

Step = str | Callable[[sqlite3.Connection], None]
"""One SQL statement, or a function that changes the store through the connection it is given
(for data a statement alone cannot move). Neither may commit: the migration's transaction does."""


@dataclass(frozen=True, slots=True)
class Migration:
    """Version ``version`` of the store: what ``steps`` change, and why (``why``, for the docs and logs)."""

    version: int
    why: str
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        if self.version < 1:
            raise NewsprismError(f"a migration's version must be >= 1, got {self.version}")
        if not self.steps:
            raise NewsprismError(f"migration {self.version} has no steps")


_VERSION_1 = (
    """CREATE TABLE IF NOT EXISTS articles (
        key TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        source TEXT,
        text TEXT NOT NULL,
        story TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(key),
        added TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story)",
    """CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        size INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS stories_last ON stories(last_published)",
    """CREATE TABLE IF NOT EXISTS analyses (
        story TEXT NOT NULL REFERENCES stories(id),
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (story, kind)
    )""",
    "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
    """CREATE VIEW IF NOT EXISTS duplicate_groups AS
        SELECT duplicate_of AS original, COUNT(*) + 1 AS size, GROUP_CONCAT(outlet, '|') AS copy_outlets
        FROM articles WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of""",
)
"""The schema of the first released store. ``IF NOT EXISTS`` because a store whose first open was
interrupted under earlier code may hold some of these objects at version 0."""

_VERSION_2 = (
    "ALTER TABLE articles ADD COLUMN outlet_as_read TEXT",
    "ALTER TABLE articles ADD COLUMN published_as_read TEXT",
    "ALTER TABLE articles ADD COLUMN language TEXT",
    "ALTER TABLE articles ADD COLUMN removed TEXT",
    "ALTER TABLE articles ADD COLUMN meta TEXT",
)
"""What ``read`` gives that version 1 dropped. ``outlet`` stays the display outlet that listings
show and ``published`` the UTC date that ordering and ``--since`` compare; ``outlet_as_read`` and
``published_as_read`` keep them as read ("" for an unknown outlet, a date without a zone as it
was). ``removed`` is the JSON list of ``[line, reason]`` the cleaner took out, ``meta`` the JSON
object of the reader's notes and metadata. Articles stored before are NULL in all five and read
back as version 1 gave them."""

_VERSION_3 = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TABLE IF NOT EXISTS article_story (
        article INTEGER PRIMARY KEY,
        story TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS story_leads (
        story TEXT PRIMARY KEY,
        published TEXT,
        lead TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS story_outlets (
        story TEXT NOT NULL,
        outlet TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story, outlet)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS story_outlets_outlet ON story_outlets(outlet, story)",
    """CREATE TABLE IF NOT EXISTS story_reach (
        story TEXT PRIMARY KEY,
        outlets INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS story_reach_outlets ON story_reach(outlets)",
    "CREATE INDEX IF NOT EXISTS stories_size ON stories(size, last_published)",
    # The web app created these triggers itself before they were a migration; they are made anew.
    "DROP TRIGGER IF EXISTS articles_web_insert",
    "DROP TRIGGER IF EXISTS story_outlets_reach",
    """CREATE TRIGGER IF NOT EXISTS articles_web_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        INSERT OR REPLACE INTO article_story VALUES (new.rowid, new.story);
        INSERT INTO story_leads VALUES (new.story, new.published, substr(new.text, 1, 300))
            ON CONFLICT(story) DO UPDATE SET published = excluded.published, lead = excluded.lead
            WHERE excluded.published IS NOT NULL
              AND (story_leads.published IS NULL OR excluded.published < story_leads.published);
        INSERT OR IGNORE INTO story_outlets VALUES (new.story, new.outlet, 0);
        UPDATE story_outlets SET articles = articles + 1 WHERE story = new.story AND outlet = new.outlet;
    END""",
    """CREATE TRIGGER IF NOT EXISTS story_outlets_reach AFTER INSERT ON story_outlets BEGIN
        INSERT OR IGNORE INTO story_reach VALUES (new.story, 0);
        UPDATE story_reach SET outlets = outlets + 1 WHERE story = new.story;
    END""",
    "INSERT INTO article_search(article_search) VALUES ('rebuild')",
    "DELETE FROM article_story",
    "INSERT INTO article_story SELECT rowid, story FROM articles",
    "DELETE FROM story_leads",
    """INSERT INTO story_leads SELECT story, published, substr(text, 1, 300) FROM (
        SELECT story, published, text,
               ROW_NUMBER() OVER (PARTITION BY story ORDER BY published IS NULL, published, rowid) AS n
        FROM articles) WHERE n = 1""",
    "DELETE FROM story_outlets",
    "INSERT INTO story_outlets SELECT story, outlet, COUNT(*) FROM articles GROUP BY story, outlet",
    "DELETE FROM story_reach",  # the trigger counted the rows above one by one; counted again at once
    "INSERT INTO story_reach SELECT story, COUNT(*) FROM story_outlets GROUP BY story",
    "DELETE FROM state WHERE name = 'web_tables_filled'",
)
"""What the web app lists and searches by (``newsprism serve``, docs/web.md), kept current by
triggers on ``articles`` whoever stores them: ``article_search``, a full-text index (FTS5) of
titles and texts over ``articles``; ``article_story``, each article's story by row number (read
from the article's own row, whose text comes before its story, a search matching most articles
was several times slower: docs/evaluation.md, "The web app"); ``story_leads``, the opening
words of each story's earliest article (what a listing shows for an untitled story); and
``story_outlets`` and ``story_reach``, the outlets of each story and their number (the listing's
filters). The steps after the triggers fill them from the articles already stored."""

_DEDUP_SETTINGS = re.compile(r"dedup=(DedupSettings\((?:[^()]|\([^()]*\))*\))")


def _split_duplicate_index(db: sqlite3.Connection) -> None:
    """Move the duplicate index out of the clusterer's saved state into a ``duplicates`` state of
    its own: the clustering state of versions 1 to 3 held the dedup stage's index (arrays named
    ``dedup_clocks``, ``dedup_ids``, ``dedup_signatures``) beside its own arrays.

    The dedup state is written as the dedup stage reads it: the settings it was made with (the
    ``DedupSettings`` part of the clusterer's saved settings), the stream clock (the clusterer's,
    which the index was filled by) and the index's arrays. A clustering state that cannot be read
    is left as it is: the next ingest reports it as unreadable, as before.
    """
    import io

    import numpy as np

    row = db.execute("SELECT value FROM state WHERE name = 'clusterer'").fetchone()
    if row is None:
        return
    try:
        arrays = dict(np.load(io.BytesIO(row[0]), allow_pickle=False))
        settings = _DEDUP_SETTINGS.search(str(arrays["settings"]))
        index = {name: arrays.pop(f"dedup_{name}") for name in ("clocks", "ids", "signatures")}
    except Exception as error:  # noqa: BLE001 - a damaged state fails in numpy or zipfile in many ways
        log.warning("the saved clustering state cannot be read (%s: %s); left as it is", type(error).__name__, error)
        return
    if settings is None:
        log.warning("the saved clustering state names no dedup settings; left as it is")
        return
    clusterer, duplicates = io.BytesIO(), io.BytesIO()
    np.savez(clusterer, **arrays)
    np.savez(duplicates, settings=np.array(settings.group(1)), clock=arrays["clock"], **index)
    db.execute("UPDATE state SET value = ? WHERE name = 'clusterer'", (clusterer.getvalue(),))
    db.execute("INSERT OR REPLACE INTO state VALUES ('duplicates', ?)", (duplicates.getvalue(),))


_VERSION_5 = (
    "CREATE INDEX IF NOT EXISTS story_outlets_top ON story_outlets(story, articles DESC, outlet)",
    "CREATE INDEX IF NOT EXISTS stories_newest ON stories(last_published DESC, size DESC, id)",
    "CREATE INDEX IF NOT EXISTS stories_largest ON stories(size DESC, last_published DESC, id)",
)
"""Indexes in the orders the web app's story list reads (docs/web.md, "Speed"): each story's
outlets the most prolific first (a row shows the first few as chips, read without the others: a
story of the 100,000-article benchmark store has up to 187 outlets), and the stories newest and
largest first with the ties broken as the listing breaks them, each index holding the story's id,
so that a page far into the list skips index entries rather than rows."""

_CLUSTER_DEDUP_PART = re.compile(r", dedup=DedupSettings\((?:[^()]|\([^()]*\))*\)")


def _dedup_settings_out_of_clustering(db: sqlite3.Connection) -> None:
    """Rewrite the settings saved with the clusterer's state without their dedup part: up to
    version 5, ``ClusterSettings`` held the dedup stage's settings (``dedup=DedupSettings(...)``);
    they are the pipeline's now (``PipelineSettings.dedup``), and the dedup stage's own state
    already names them. Without this, a clusterer would refuse a state of the earlier code as
    "made with other settings".

    A clustering state that cannot be read, or whose settings name no dedup part, is left as it is
    (the next ingest reports an unreadable state, as before).
    """
    import io

    import numpy as np

    row = db.execute("SELECT value FROM state WHERE name = 'clusterer'").fetchone()
    if row is None:
        return
    try:
        arrays = dict(np.load(io.BytesIO(row[0]), allow_pickle=False))
        settings = str(arrays["settings"])
    except Exception as error:  # noqa: BLE001 - a damaged state fails in numpy or zipfile in many ways
        log.warning("the saved clustering state cannot be read (%s: %s); left as it is", type(error).__name__, error)
        return
    rewritten = _CLUSTER_DEDUP_PART.sub("", settings, count=1)
    if rewritten == settings:
        return
    arrays["settings"] = np.array(rewritten)
    clusterer = io.BytesIO()
    np.savez(clusterer, **arrays)
    db.execute("UPDATE state SET value = ? WHERE name = 'clusterer'", (clusterer.getvalue(),))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories, analyses, the clusterer state and the duplicate_groups view", _VERSION_1),
    Migration(2, "articles keep what read gives: the outlet and date as read, language, removed lines, metadata",
              _VERSION_2),
    Migration(3, "the web app's full-text index, each article's story, story leads and outlets per story", _VERSION_3),
    Migration(4, "the dedup stage's index of originals in a state row of its own, out of the clusterer's",
              (_split_duplicate_index,)),
    Migration(5, "indexes in the orders of the web app's story list and of each story's outlets", _VERSION_5),
    Migration(6, "the clusterer's saved settings without the dedup stage's, which are the pipeline's now",
              (_dedup_settings_out_of_clustering,)),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

FTS5_SHADOW_TABLES = ("data", "idx", "docsize", "config")
"""The tables SQLite makes for an FTS5 index with external content (``name_data``, ...)."""


def _created(step: str) -> list[str]:
    """The objects one SQL step creates: its table, index, view or trigger, and an FTS5 index's
    shadow tables."""
    names = re.findall(r"CREATE (?:VIRTUAL TABLE|TABLE|INDEX|VIEW|TRIGGER) IF NOT EXISTS (\w+)", step)
    if re.search(r"CREATE VIRTUAL TABLE IF NOT EXISTS \w+ USING fts5", step):
        names += [f"{names[0]}_{shadow}" for shadow in FTS5_SHADOW_TABLES]
    return names


STORE_OBJECTS = frozenset(
    name for migration in MIGRATIONS for step in migration.steps if isinstance(step, str) for name in _created(step)
)
"""The tables, indexes, views and triggers the migrations create (read from them, so the two cannot drift)."""


def check_migrations(migrations: Sequence[Migration]) -> None:
    """Refuse a list of migrations whose versions do not run 1, 2, 3... without gaps."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise NewsprismError(f"store migrations must be numbered 1, 2, 3... in order, got {versions}")


def migrate(db: sqlite3.Connection, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the store on ``db`` (opened with ``isolation_level=None``) to the last of ``migrations``.

    Every pending migration and the new ``user_version`` are one transaction, so a failure at any
    step leaves the store as it was. Returns the version the store had before. A store of a newer
    version than ``migrations`` reach is refused with an error naming both versions.
    """
    check_migrations(migrations)
    target = migrations[-1].version
    db.execute("BEGIN IMMEDIATE")  # the version is read and written under one write lock
    try:
        found = db.execute("PRAGMA user_version").fetchone()[0]
        if found > target:
            raise NewsprismError(f"{path}: store schema version {found}, this newsprism reads up to {target}; "
                                 "use a newer newsprism")
        for migration in migrations[found:]:
            log.info("%s: migrating the store to version %d (%s)", path, migration.version, migration.why)
            for step in migration.steps:
                if isinstance(step, str):
                    db.execute(step)
                else:
                    step(db)
        # Written even when already current: the write is what finds out, at open, that a file
        # cannot be written (SQLite grants the write lock of a read-only file).
        db.execute(f"PRAGMA user_version={int(target)}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return found
