"""The embedded store: articles, duplicate groups, stories and their analyses in one SQLite file.

SQLite in WAL mode: readers (``newsprism stories``, the web app) never block the ingest, and a
transaction that was committed survives a crash or a kill. An ingest commits one chunk at a time,
and each commit holds the chunk's articles, their stories and the state of the stages that made
them together (the dedup stage's and the clusterer's, each in a row of its own), so a kill between
commits loses only the uncommitted chunk and leaves a store that the next ingest simply continues.
The store stores what the pipeline made: ``add`` takes the stages' work from the pipeline of its
settings (``engines.local.Pipeline.stream``: copies marked, then clustered with their marks) and
wires no stage itself; what it decides is what a store is for, which articles are new (by
identity, below), their order, and what is committed together.

Threads: a ``Store`` may be shared by threads (a web server's workers); each thread gets its own
SQLite connection, opened on its first use, since an SQLite connection must not be used by two
threads at once. The clock that dates rows and decides which publication dates are in the future
is an argument (``now``, ``newsprism.stories.clock``), not the wall clock read inside.

Identity: an article is the same article when it has the same URL (without its #fragment), or,
without a URL, the same text (SHA-1 of its whitespace-normalised text). Storing it again is a no-op.
Duplicate groups: an article whose text copies an earlier one (``newsprism.stories.dedup``) is
stored with ``duplicate_of`` = the key of that original; ``duplicate_groups`` is a view over them.
An article keeps what ``read`` gave it (removed lines, notes, metadata), so a story analysed from the
store is the story its files give. The schema is versioned and migrated on open
(``newsprism.store_schema``; docs/store.md).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.engines.local import Pipeline, StoryStream
from newsprism.errors import NewsprismError, first_named
from newsprism.model import Article, Removal
from newsprism.store_schema import SCHEMA_VERSION, STORE_OBJECTS, migrate
from newsprism.stories.clock import Clock, as_utc, latest_believable, system_clock
from newsprism.stories.cluster import arrival_order

if TYPE_CHECKING:  # imported when first used: the settings records pull in every stage's modules
    from newsprism.engines.settings import PipelineSettings

log = logging.getLogger(__name__)

def article_key(article: Article) -> str:
    """The identity of an article in the store: its URL, else a hash of its text."""
    if article.url:
        return "url:" + article.url.split("#", 1)[0]
    digest = hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).hexdigest()
    return "sha1:" + digest


def _iso(value: datetime | None) -> str | None:
    """A date as the store writes it: ISO 8601 in UTC (a date without a zone is taken as UTC)."""
    return None if value is None else as_utc(value).isoformat()


_AS_READ_COLUMNS = ("outlet_as_read", "published_as_read", "language", "removed", "meta")
"""Columns of schema version 2: what ``read`` gives that the columns of version 1 do not keep."""

_ARTICLE_COLUMNS = ("key", "id", "outlet", "url", "title", "published", "source", "text", "story", "duplicate_of",
                    "added", *_AS_READ_COLUMNS)


def _as_read(article: Article) -> tuple[str | None, ...]:
    """The values of ``_AS_READ_COLUMNS`` for ``article``: its outlet and date exactly as read, its
    language, and its removed lines and metadata as JSON (``newsprism read``'s forms of them)."""
    return (
        article.outlet,
        article.published.isoformat() if article.published else None,
        article.language,
        json.dumps([[r.line, r.reason] for r in article.removed], ensure_ascii=False),
        json.dumps(dict(article.meta), ensure_ascii=False, default=_json_value),
    )


def _json_value(value: Any) -> Any:
    """What JSON cannot hold by itself, as ``newsprism read`` writes it: dates as ISO 8601, other
    mappings as objects, sets as lists, anything else as its text."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset)):
        return list(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ``Store.add`` did: new articles, ones already stored, and copies among the new."""

    added: int
    already_stored: int
    duplicates: int
    stories_touched: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str | None
    size: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    lead: str = ""
    """For a story none of whose articles has a title: the opening words of its earliest article,
    so that a listing can still say what the story is about."""


class ReadOnlyStore(NewsprismError):
    """The store file (or its folder) cannot be written: it can still be opened with ``read_only``."""


def store_problem(path: Path, error: sqlite3.Error, doing: str) -> NewsprismError:
    """The one-line error for an SQLite failure while ``doing`` something with the store at ``path``:
    a full disk, a read-only file and a damaged file are different problems with different fixes,
    and each message says which it is."""
    code = getattr(error, "sqlite_errorname", "") or ""
    detail = " ".join(str(error).split())
    if code.startswith("SQLITE_FULL"):
        return NewsprismError(f"{path}: cannot {doing}: the disk is full ({detail}); free some space and run it again")
    if code.startswith("SQLITE_READONLY"):
        return ReadOnlyStore(f"{path}: cannot {doing}: the store is read-only ({detail})")
    if code.startswith("SQLITE_CANTOPEN"):
        return NewsprismError(f"{path}: cannot {doing}: the file cannot be opened ({detail}; check its permissions)")
    if code.startswith("SQLITE_IOERR"):
        return NewsprismError(f"{path}: cannot {doing}: the disk failed to read or write ({detail})")
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return NewsprismError(f"{path}: not a newsprism store or corrupt ({detail})")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return NewsprismError(f"{path}: cannot {doing}: the store is locked by another program ({detail})")
    return NewsprismError(f"{path}: cannot {doing} ({type(error).__name__}: {detail})")


@contextmanager
def _failures(path: Path, doing: str) -> Iterator[None]:
    """Every SQLite failure inside becomes ``store_problem``'s one-line error."""
    try:
        yield
    except sqlite3.Error as error:
        raise store_problem(path, error, doing) from None


def _sqlite_failures(doing: str) -> Callable:
    """Decorate a ``Store`` method so that its SQLite failures are ``store_problem``'s one-line errors."""
    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapped(self: Store, *args: Any, **kwargs: Any) -> Any:
            with _failures(self.path, doing):
                return method(self, *args, **kwargs)
        return wrapped
    return decorate


def _text_column(value: Any, column: str, where: str, path: Path, *, nullable: bool = True) -> Any:
    """``value`` when it is text (or NULL where allowed); otherwise the store was written by
    something else, and that is said rather than failing later on a number where text belongs."""
    if isinstance(value, str) or (nullable and value is None):
        return value
    raise NewsprismError(f"{path}: {where}: column {column!r} holds {type(value).__name__} "
                         f"{str(value)[:40]!r}, not text; the store is damaged")


class Store:
    """One SQLite store file. Use as a context manager, or call ``close``.

    ``read_only`` opens an existing store without writing anything to it (not even its schema or
    journal mode), so that a store on read-only media, or someone else's, can be listed and
    reported from; ``add`` and ``save_analysis`` then raise ``ReadOnlyStore``. A store whose file
    turns out not to be writable is opened read-only too (``read_only`` is then True).

    ``settings``: the settings of the pipeline whose dedup and stories stages ``add`` runs
    (``pipeline``; their ``dedup`` and ``cluster`` parts count); a store's saved stage states are
    refused by other ones.
    ``now``: the clock that dates the rows and tells which publication dates are in the future.
    Each thread that uses the store gets its own connection (see the module docstring).
    """

    def __init__(self, path: str | Path, settings: PipelineSettings | None = None, *, read_only: bool = False,
                 now: Clock = system_clock) -> None:
        self.pipeline = Pipeline(settings, summarize=False, compare=False, now=now)
        self.settings = self.pipeline.settings
        self.path = Path(path)
        self.read_only = read_only
        self.now = now
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        if self.path.is_dir():
            raise NewsprismError(f"{self.path}: a folder, not a store file (name a file, such as {self.path / 'news.db'})")
        if not self.path.parent.is_dir():
            raise NewsprismError(f"{self.path}: cannot create the store, folder {self.path.parent} does not exist")
        if self.path.exists() and not self.path.is_file():  # a FIFO or device would block or mislead SQLite
            raise NewsprismError(f"{self.path}: not a regular file, so not a store")
        if read_only and not self.path.is_file():
            raise NewsprismError(f"{self.path}: no such store")
        with _failures(self.path, "open the store for reading" if read_only else "open the store"):
            self._local.db = self._connect()
            try:
                self._prepare()
            except BaseException:
                self.close()  # a file refused here is not kept open by the failed Store
                raise

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection, opened on the thread's first use."""
        db = getattr(self._local, "db", None)
        if db is None:
            if self._closed:
                raise NewsprismError(f"{self.path}: the store is closed")
            with _failures(self.path, "open the store for reading" if self.read_only else "open the store"):
                db = self._local.db = self._connect()
                if not self.read_only:
                    self._configure(db)
        return db

    def _connect(self) -> sqlite3.Connection:
        """A new connection, remembered so that ``close`` closes it (from whichever thread)."""
        if not self.read_only:
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        else:
            uri = self.path.resolve().as_uri()
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30.0, isolation_level=None,
                                 check_same_thread=False)
            try:
                db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL store in a folder that cannot be written has no shared-memory file to open;
                # read as an unchanging file, it is still readable.
                db.close()
                db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                     check_same_thread=False)
        with self._lock:
            self._connections.append(db)
        return db

    @staticmethod
    def _configure(db: sqlite3.Connection) -> None:
        """The settings each writing connection needs (SQLite keeps them per connection)."""
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")

    def _prepare(self) -> None:
        """Check the file is a store (or a new file), and bring its schema to this version's
        (``newsprism.store_schema``: numbered migrations, applied in one transaction)."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewsprismError(f"{self.path}: store schema version {version}, this newsprism reads up to "
                                 f"{SCHEMA_VERSION}; use a newer newsprism")
        if version == 0:
            self._refuse_foreign_database()
        self.schema_version = version
        if self.read_only:
            if version == 0:
                raise NewsprismError(f"{self.path}: not a newsprism store (no store tables in it)")
            return
        self._configure(self._db)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            migrate(self._db, self.path)  # also finds out whether the file can be written
        except sqlite3.OperationalError as error:
            if version == 0 or not (error.sqlite_errorname or "").startswith("SQLITE_READONLY"):
                raise
            # A store in a file this process cannot write (another user's, read-only media): it can
            # still be listed and reported from, at the version it has.
            log.info("%s cannot be written (%s); opened read-only", self.path, error)
            self.read_only = True
            return
        self.schema_version = SCHEMA_VERSION

    def _refuse_foreign_database(self) -> None:
        """Refuse, before changing anything, an SQLite file that holds another program's tables.

        A mistyped ``--db`` pointing at some other application's database must not get the
        store's tables and WAL mode written into it. A file with no tables, or only the store's
        own (a store whose first open was interrupted), becomes a store.
        """
        names = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
        foreign = sorted(names - STORE_OBJECTS)
        if foreign:
            raise NewsprismError(f"{self.path}: an SQLite database that is not a newsprism store "
                                 f"(it holds {first_named(foreign)}); give a new file or an existing store")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used afterwards."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for db in connections:
            db.close()

    def _version(self) -> int:
        """How many chunks have been committed: another ingest's commit shows as a new version."""
        row = self._db.execute("SELECT value FROM state WHERE name = 'version'").fetchone()
        try:
            return int(row[0]) if row else 0
        except (TypeError, ValueError):
            raise NewsprismError(f"{self.path}: the store's state version is unreadable ({row[0]!r})") from None

    def _stream(self) -> tuple[StoryStream, int]:
        """The dedup and stories stages as the last commit left them, and the store's version."""
        self._db.execute("BEGIN")  # read the states and their version as one snapshot
        try:
            saved = dict(self._db.execute("SELECT name, value FROM state WHERE name IN ('clusterer', 'duplicates')"))
            version = self._version()
        finally:
            self._db.execute("COMMIT")
        return self.pipeline.stream(saved.get("clusterer"), saved.get("duplicates")), version

    @_sqlite_failures("add articles to the store")
    def add(
        self,
        articles: Sequence[Article],
        *,
        commit_every: int = 1000,
        on_commit: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Store the articles not stored yet with what the pipeline's dedup and stories stages make
        of them (``Pipeline.stream``), and update their stories.

        New articles are taken in date order; every ``commit_every`` articles the articles, their
        stories and the two stages' states are committed in one transaction, after which
        ``on_commit`` is called with the number of articles committed so far.
        """
        if self.read_only:
            raise ReadOnlyStore(f"{self.path}: the store is read-only (opened so, or its file cannot be written); "
                                "articles cannot be added")
        new: list[tuple[str, Article]] = []
        keys_seen: set[str] = set()
        for article in articles:
            key = article_key(article)
            if key in keys_seen:
                continue
            keys_seen.add(key)
            new.append((key, article))
        already = self._stored_keys(k for k, _ in new)
        new = [(k, a) for k, a in new if k not in already]
        order = arrival_order([a for _, a in new])
        new = [new[i] for i in order]
        stream, version = self._stream()
        duplicates, touched, notes = 0, set(), []
        for start in range(0, len(new), commit_every):
            chunk = new[start : start + commit_every]
            # The stages see store keys as ids: unique across ingests, unlike file-made ids.
            assignments = stream.add([replace(a, id=k) for k, a in chunk])
            rows = []
            for (key, article), assignment in zip(chunk, assignments):
                duplicates += assignment.duplicate_of is not None
                touched.add(assignment.story)
                if assignment.note:
                    notes.append(f"{article.where}: {assignment.note}")
                rows.append(
                    (key, article.id, article.display_outlet, article.url, article.title, _iso(article.published),
                     article.source, article.text, assignment.story, assignment.duplicate_of, _iso(self.now()),
                     *_as_read(article))
                )
            self._commit_chunk(rows, {a.story for a in assignments}, stream.save_state(), version)
            version += 1
            if on_commit is not None:
                on_commit(start + len(chunk))
        return IngestReport(len(new), len(already), duplicates, len(touched), tuple(notes))

    def _stored_keys(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        batch = list(keys)
        for start in range(0, len(batch), 500):
            part = batch[start : start + 500]
            marks = ",".join("?" * len(part))
            found.update(r[0] for r in self._db.execute(f"SELECT key FROM articles WHERE key IN ({marks})", part))
        return found

    def _commit_chunk(self, rows: list[tuple[Any, ...]], stories: set[str], states: tuple[bytes, bytes],
                      version: int) -> None:
        """Commit one chunk with the clusterer's and the dedup stage's ``states``, unless another
        ingest committed since this one read them: then its stories would be computed from states
        that are no longer the store's."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if self._version() != version:
                raise NewsprismError(
                    f"{self.path}: another ingest wrote to the store meanwhile; run this one again "
                    "(what it committed so far is kept, and articles already stored are skipped)"
                )
            db.executemany(f"INSERT OR IGNORE INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                           f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})", rows)
            # A date in the future is a wrong date (the clusterer ignores it too): it is kept on its
            # article but does not stretch the story's dates, which --since filters on.
            believable = _iso(latest_believable(self.now, self.settings.cluster.future_tolerance))
            for story in stories:
                db.execute(
                    """INSERT INTO stories (id, title, size, first_published, last_published, updated)
                       SELECT story, (SELECT title FROM articles a WHERE a.story = ? AND a.title IS NOT NULL
                                      ORDER BY a.published LIMIT 1),
                              COUNT(*), MIN(CASE WHEN published <= ? THEN published END),
                              MAX(CASE WHEN published <= ? THEN published END), ?
                       FROM articles WHERE story = ? GROUP BY story
                       ON CONFLICT(id) DO UPDATE SET title = excluded.title, size = excluded.size,
                           first_published = excluded.first_published,
                           last_published = excluded.last_published, updated = excluded.updated""",
                    (story, believable, believable, _iso(self.now()), story),
                )
            db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", zip(("clusterer", "duplicates"), states))
            db.execute("INSERT OR REPLACE INTO state VALUES ('version', ?)", (str(version + 1),))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # a failed COMMIT (a full disk) may have ended the transaction already
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    log.debug("rollback after a failed commit failed too", exc_info=True)
            raise

    @_sqlite_failures("list the stories of the store")
    def stories(self, since: datetime | None = None) -> list[StoryRow]:
        """Stories, largest first; with ``since``, only those with an article published since then."""
        query = "SELECT id, title, size, first_published, last_published FROM stories"
        params: tuple[Any, ...] = ()
        if since is not None:
            query += " WHERE last_published >= ?"
            params = (_iso(since),)
        query += " ORDER BY size DESC, last_published DESC, id"
        rows = self._db.execute(query, params).fetchall()
        for row in rows:
            for column, value in (("id", row[0]), ("title", row[1]), ("first_published", row[3]),
                                  ("last_published", row[4])):
                _text_column(value, column, f"story {row[0]!r}", self.path, nullable=column != "id")
            if not isinstance(row[2], int):
                raise NewsprismError(f"{self.path}: story {row[0]!r}: its size is {row[2]!r}, not a number; "
                                     "the store is damaged")
        return [StoryRow(r[0], r[1], r[2], self._outlets(r[0]), r[3], r[4], "" if r[1] else self._lead(r[0]))
                for r in rows]

    def _lead(self, story: str, chars: int = 200) -> str:
        row = self._db.execute(
            "SELECT substr(text, 1, ?) FROM articles WHERE story = ? ORDER BY published IS NULL, published, rowid LIMIT 1",
            (chars, story),
        ).fetchone()
        return " ".join(_text_column(row[0], "text", f"story {story}", self.path, nullable=False).split()) if row else ""

    def _outlets(self, story: str) -> tuple[str, ...]:
        rows = self._db.execute("SELECT DISTINCT outlet FROM articles WHERE story = ? ORDER BY outlet", (story,))
        return tuple(_text_column(r[0], "outlet", f"story {story}", self.path, nullable=False) for r in rows)

    def articles(self, story: str | None = None) -> Iterator[Article]:
        """Stored articles (of one story, when given), in the order they were added: each as ``read``
        gave it (articles stored before schema version 2 lack what that version added), with
        ``store_key`` and ``duplicate_of`` added to its ``meta``."""
        as_read = ", ".join(_AS_READ_COLUMNS) if self.schema_version >= 2 else ", ".join(["NULL"] * len(_AS_READ_COLUMNS))
        query = f"SELECT id, text, outlet, url, title, published, source, key, duplicate_of, {as_read} FROM articles"
        params: tuple[Any, ...] = ()
        if story is not None:
            query += " WHERE story = ?"
            params = (story,)
        with _failures(self.path, "read the articles of the store"):
            for r in self._db.execute(query + " ORDER BY rowid", params):
                yield self._article(r)

    def _article(self, r: tuple[Any, ...]) -> Article:
        """The article of one row, refused when the row holds what this store never writes."""
        where = f"article {r[7]!r}"
        names = ("id", "text", "outlet", "url", "title", "published", "source", "key", "duplicate_of", *_AS_READ_COLUMNS)
        for index, name in enumerate(names):
            _text_column(r[index], name, where, self.path, nullable=name not in ("id", "text", "outlet", "key"))
        outlet_as_read, published_as_read, language, removed, meta = r[9:]
        published = self._date(published_as_read or r[5], where)
        try:
            removals = tuple(Removal(line, reason) for line, reason in json.loads(removed)) if removed else ()
            extra = json.loads(meta) if meta else {}
            if not isinstance(extra, dict):
                raise TypeError(extra)
        except (TypeError, ValueError, RecursionError):
            raise NewsprismError(f"{self.path}: {where}: its removed lines or metadata are not readable JSON; "
                                 "the store is damaged") from None
        return Article(id=r[0], text=r[1], outlet=r[2] if outlet_as_read is None else outlet_as_read, url=r[3],
                       title=r[4], published=published, language=language, source=r[6], removed=removals,
                       meta={**extra, "store_key": r[7], "duplicate_of": r[8]})

    def _date(self, value: str | None, where: str) -> datetime | None:
        if not value:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise NewsprismError(f"{self.path}: {where}: 'published' is not a date ({value[:40]!r}); "
                                 "the store is damaged") from None

    @_sqlite_failures("count the articles of the store")
    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    @_sqlite_failures("keep an analysis in the store")
    def save_analysis(self, story: str, kind: str, payload: Any) -> None:
        """Keep a story's analysis (``kind`` = "summary", "comparison", ...) as JSON."""
        if self.read_only:
            raise ReadOnlyStore(f"{self.path}: the store is read-only (opened so, or its file cannot be written); "
                                "analyses cannot be kept in it")
        self._db.execute(
            "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)", (story, kind, json.dumps(payload), _iso(self.now()))
        )

    @_sqlite_failures("read an analysis from the store")
    def analysis(self, story: str, kind: str) -> Any | None:
        row = self._db.execute("SELECT payload FROM analyses WHERE story = ? AND kind = ?", (story, kind)).fetchone()
        try:
            return json.loads(row[0]) if row else None
        except (TypeError, ValueError, RecursionError):
            raise NewsprismError(f"{self.path}: the {kind} of story {story!r} is not readable JSON; "
                                 "the store is damaged") from None

    @_sqlite_failures("check the store")
    def check(self) -> list[str]:
        """Problems found by SQLite's integrity check and the store's own invariants (empty when sound)."""
        problems = [r[0] for r in self._db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self._db.execute("PRAGMA foreign_key_check")]
        orphans = self._db.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN stories s ON s.id = a.story WHERE s.id IS NULL"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} articles belong to no stored story")
        wrong = self._db.execute(
            "SELECT COUNT(*) FROM stories s WHERE size != (SELECT COUNT(*) FROM articles a WHERE a.story = s.id)"
        ).fetchone()[0]
        if wrong:
            problems.append(f"{wrong} stories have a size that does not match their articles")
        return problems
