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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories, analyses, the clusterer state and the duplicate_groups view", _VERSION_1),
    Migration(2, "articles keep what read gives: the outlet and date as read, language, removed lines, metadata",
              _VERSION_2),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

STORE_OBJECTS = frozenset(
    name for migration in MIGRATIONS for step in migration.steps if isinstance(step, str)
    for name in re.findall(r"CREATE \w+ IF NOT EXISTS (\w+)", step)
)
"""The tables, indexes and views the migrations create (read from them, so the two cannot drift)."""


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
