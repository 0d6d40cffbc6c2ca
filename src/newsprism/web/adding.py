"""Adding articles to the store from the web app: URLs, feeds and uploaded files, and the feeds
that ``serve --follow`` polls.

Everything goes through the pipeline's own read and clean stages (``engines.local.read_articles``,
as the command line: the same URL guard that refuses private addresses unless allowed, the same
time and size caps), then ``Store.add``, which skips articles already stored, so adding the same
input twice adds nothing.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import tempfile
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from newsprism.engines.local import read_articles
from newsprism.engines.settings import PipelineSettings
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store import Store, article_key
from newsprism.stories.clock import Clock, as_utc, system_clock

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one addition did: counts, the stories it touched (newest first) and every problem met."""

    added: int
    already_stored: int
    duplicates: int
    stories: tuple[str, ...]
    problems: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "already_stored": self.already_stored, "duplicates": self.duplicates,
                "stories": list(self.stories), "problems": list(self.problems)}


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded file: the name the user's browser gave it and its bytes."""

    name: str
    data: bytes


_SAFE_NAME = re.compile(r"[^\w.-]+")


def safe_file_name(name: str) -> str:
    """The last part of an uploaded file's name, reduced to letters, digits, dot, dash and
    underscore (its extension tells the readers its format), never empty or hidden."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_NAME.sub("_", base).strip("._")[:100]
    return cleaned or "upload.txt"


def outlet_prefix(outlet: str) -> str:
    """``"NAME="`` for an outlet typed in a form (one line, no ``=``), else ""."""
    name = " ".join(outlet.replace("=", " ").split())[:100]
    return f"{name}=" if name else ""


def add_inputs(writer: Store, lock: threading.Lock, inputs: Sequence[str], *, allow_private: bool,
               uploads: Sequence[Upload] = (), outlet: str = "") -> AddResult:
    """Read ``inputs`` (URLs or feeds) and ``uploads``, clean them, and add them to the store."""
    prefix = outlet_prefix(outlet)
    with tempfile.TemporaryDirectory(prefix="newsprism-upload-") as folder:
        targets = [prefix + target for target in inputs]
        uploaded: dict[str, str] = {}
        for number, upload in enumerate(uploads):
            path = Path(folder) / f"{number}" / safe_file_name(upload.name)
            path.parent.mkdir()
            path.write_bytes(upload.data)
            uploaded[str(path)] = upload.name
            targets.append(prefix + str(path))
        result = read_articles(targets, PipelineSettings(allow_private=allow_private))
    usable = [_named(a, uploaded) for a in result.articles]
    problems = [_shown(str(e), uploaded) for e in result.errors]
    if not usable:
        return AddResult(0, 0, 0, (), tuple(problems) or ("no article with text was read",))
    with lock:
        report = writer.add(usable)
        stories = _stories_of(writer._db, [article_key(a) for a in usable])
    problems.extend(report.notes)
    return AddResult(report.added, report.already_stored, report.duplicates, stories, tuple(problems))


def _named(article: Article, uploaded: dict[str, str]) -> Article:
    """An uploaded article's source is the name it was uploaded under, not the temporary file."""
    for path, name in uploaded.items():
        if article.source and article.source.startswith(path):
            return replace(article, source="upload:" + safe_file_name(name) + article.source[len(path):])
    return article


def _shown(message: str, uploaded: dict[str, str]) -> str:
    for path, name in uploaded.items():
        message = message.replace(path, "upload:" + safe_file_name(name))
    return message


def _stories_of(db: sqlite3.Connection, keys: Sequence[str]) -> tuple[str, ...]:
    found: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        part = list(keys[start:start + 500])
        marks = ",".join("?" * len(part))
        for story, updated in db.execute(
            f"SELECT a.story, s.updated FROM articles a JOIN stories s ON s.id = a.story WHERE a.key IN ({marks})", part
        ):
            found[story] = updated
    return tuple(sorted(found, key=lambda s: found[s], reverse=True))


def read_feed_list(path: Path) -> list[str]:
    """The feeds of a ``--follow`` file: one URL (or ``OUTLET=URL``) a line; blank lines and ``#``
    comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise NewsprismError(f"{path}: cannot read the feed list ({error})") from None
    feeds = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not feeds:
        raise NewsprismError(f"{path}: no feed listed (one URL a line)")
    return feeds


@dataclass(slots=True)
class FeedState:
    """The last poll of one feed, for the status page."""

    feed: str
    polls: int = 0
    added: int = 0
    last_poll: str | None = None
    last_added: int = 0
    last_problems: tuple[str, ...] = ()


@dataclass(slots=True)
class FollowStatus:
    """What the follower has done so far; read by the status page, written by the follower."""

    feeds: list[FeedState] = field(default_factory=list)
    every_minutes: float = 0.0
    rounds: int = 0
    running: bool = False
    current: str | None = None
    next_round: str | None = None
    log: deque[str] = field(default_factory=lambda: deque(maxlen=100))
    lock: threading.Lock = field(default_factory=threading.Lock)
    now: Clock = system_clock

    def note(self, message: str) -> None:
        with self.lock:
            self.log.appendleft(f"{_stamp(self.now)} {message}")

    def to_dict(self) -> dict[str, Any]:
        with self.lock:
            return {
                "following": bool(self.feeds), "running": self.running, "every_minutes": self.every_minutes,
                "rounds": self.rounds, "current": self.current, "next_round": self.next_round,
                "feeds": [{"feed": f.feed, "polls": f.polls, "added": f.added, "last_poll": f.last_poll,
                           "last_added": f.last_added, "last_problems": list(f.last_problems)} for f in self.feeds],
                "log": list(self.log),
            }


def _stamp(now: Clock, after: float = 0.0) -> str:
    """The time by ``now`` (the store's clock), ``after`` seconds later, as the status page shows it."""
    return (as_utc(now()) + timedelta(seconds=after)).isoformat(timespec="seconds")


FOLLOW_STATUS = "follow_status"
"""The name under which the store's ``state`` table keeps the follower's status (JSON)."""


def publish_status(writer: Store, status: dict[str, Any] | None) -> None:
    """Keep the follower's status in the store, or forget it (None: no feed is followed)."""
    if status is None:
        writer._db.execute("DELETE FROM state WHERE name = ?", (FOLLOW_STATUS,))
    else:
        writer._db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (FOLLOW_STATUS, json.dumps(status)))


def published_status(db: sqlite3.Connection) -> dict[str, Any]:
    """The follower's status as another process of the server keeps it in the store; nothing
    followed when none is kept."""
    row = db.execute("SELECT value FROM state WHERE name = ?", (FOLLOW_STATUS,)).fetchone()
    try:
        found = json.loads(row[0]) if row else None
    except (TypeError, ValueError):
        found = None
    return found if isinstance(found, dict) else FollowStatus().to_dict()


class Follower:
    """Polls the listed feeds every ``every_minutes`` into the store, in a thread of its own, until
    ``stop``; each feed's new articles are added as ``add_inputs`` adds them (idempotently)."""

    def __init__(self, writer: Store, lock: threading.Lock, feeds: Sequence[str], every_minutes: float, *,
                 allow_private: bool = False, publish: bool = False) -> None:
        if every_minutes <= 0:
            raise NewsprismError(f"the polling interval must be positive, got {every_minutes} minutes")
        self.writer = writer
        self.lock = lock
        self.every = every_minutes * 60
        self.allow_private = allow_private
        self.publish = publish
        """Also keep the status in the store (``published_status``), for the status pages of the
        server's other processes (``serve --workers``)."""
        self.status = FollowStatus([FeedState(f) for f in feeds], every_minutes, now=writer.now)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsprism-follow", daemon=True)

    def start(self) -> None:
        self._published()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _published(self) -> None:
        if not self.publish:
            return
        try:
            with self.lock:
                publish_status(self.writer, self.status.to_dict())
        except (sqlite3.Error, NewsprismError) as error:  # the status page is stale until the next poll
            log.warning("could not keep the follower's status in the store: %s", error)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            self.poll_once()
            wait = max(0.0, self.every - (time.monotonic() - started))
            with self.status.lock:
                self.status.next_round = _stamp(self.writer.now, after=wait)
            self._published()
            self._stop.wait(wait)

    def poll_once(self) -> None:
        """One round over every feed; a failing feed is noted and the others still polled."""
        with self.status.lock:
            self.status.running = True
        for state in self.status.feeds:
            if self._stop.is_set():
                break
            with self.status.lock:
                self.status.current = state.feed
            try:
                result = add_inputs(self.writer, self.lock, [state.feed], allow_private=self.allow_private)
            except NewsprismError as error:
                result = AddResult(0, 0, 0, (), (str(error),))
            with self.status.lock:
                state.polls += 1
                state.added += result.added
                state.last_added = result.added
                state.last_poll = _stamp(self.writer.now)
                state.last_problems = result.problems[:20]
            self.status.note(f"{state.feed}: {result.added} added, {result.already_stored} already stored"
                             + (f", {len(result.problems)} problems" if result.problems else ""))
            self._published()
        with self.status.lock:
            self.status.running = False
            self.status.current = None
            self.status.rounds += 1
        self._published()
