"""The web app over a store: ``create_app(settings)`` gives the ASGI app ``newsprism serve`` runs.

One ``WebState`` per app holds what its requests share: the one writing ``Store`` (behind a lock,
so additions, follows and kept analyses never race), a read-only SQLite connection per worker
thread (WAL: readers never wait for the writer), the story analyses, and the feed follower.
Nothing is global: two apps over two stores can run in one process.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.web.adding import Follower, FollowStatus, published_status, read_feed_list
from newsprism.web.page_cache import PageCache
from newsprism.web.settings import WebSettings
from newsprism.web.story_pages import AnalysisSettings, StoryAnalyses

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

INSTALL = 'pip install "newsprism[web]"'

PAGE_CACHE_ENTRIES = 512
"""Rendered listing pages and counts kept until the store changes (a page of 30 stories is about
40 kB, so at most about 20 MB)."""

ROW_CACHE_ENTRIES = 10_000
"""Rendered rows of the story list kept until the store changes (a row is under 2,000 characters)."""


class WebState:
    """What the requests of one app share (see the module's docstring)."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.writer = Store(settings.db)
        if self.writer.read_only:
            self.writer.close()
            raise NewsprismError(f"{settings.db}: the store cannot be written; the web app keeps analyses in it")
        self.lock = threading.Lock()
        self.analyses = StoryAnalyses(self.writer, self.lock, AnalysisSettings(words=settings.words))
        self._local = threading.local()
        self._readers: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._readers_lock = threading.Lock()
        self._watcher = self._connect()
        self._watched = self._watcher.execute("PRAGMA data_version").fetchone()[0]
        self._generation = 0
        self._version_lock = threading.Lock()
        self.pages = PageCache(PAGE_CACHE_ENTRIES)
        self.rows = PageCache(ROW_CACHE_ENTRIES, max_chars=ROW_CACHE_ENTRIES * 2_000)
        self.datalist_lock = threading.Lock()
        self.follower: Follower | None = None
        if settings.follow is not None and settings.workers == 1:  # several: the parent process follows
            feeds = read_feed_list(settings.follow)
            self.follower = Follower(self.writer, self.lock, feeds, settings.every_minutes,
                                     allow_private=settings.allow_private)

    def store_version(self) -> int:
        """A number that grows whenever the store has changed since it was last asked: an article
        stored or an analysis kept, by this process or any other. It is SQLite's ``data_version``
        of one connection kept for this alone (the number moves when another connection commits),
        counted here so that it only grows. What is rendered from the store is kept under this
        number (``pages``, ``rows``)."""
        with self._version_lock:
            seen = self._watcher.execute("PRAGMA data_version").fetchone()[0]
            if seen != self._watched:
                self._watched = seen
                self._generation += 1
            return self._generation

    def follow_status(self) -> dict[str, Any]:
        """What the feed follower has done: this process's, or the one the parent process of
        ``serve --workers`` keeps in the store."""
        if self.follower is not None:
            return self.follower.status.to_dict()
        if self.settings.workers > 1:
            return published_status(self.reader())
        return FollowStatus().to_dict()

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection to the store. Worker threads come and go (an idle
        one ends after a while), so making a connection closes those of threads that have ended."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
            with self._readers_lock:
                ended = [conn for thread, conn in self._readers if not thread.is_alive()]
                self._readers = [(thread, conn) for thread, conn in self._readers if thread.is_alive()]
                self._readers.append((threading.current_thread(), db))
            for conn in ended:
                conn.close()
        return db

    def open_readers(self) -> int:
        """How many read connections are open (one per live worker thread, and the version's)."""
        with self._readers_lock:
            return len(self._readers) + 1

    def _connect(self) -> sqlite3.Connection:
        uri = self.settings.db.resolve().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA query_only=ON")
        return db

    def start(self) -> None:
        if self.follower is not None:
            self.follower.start()

    def close(self) -> None:
        if self.follower is not None:
            self.follower.stop()
        with self._readers_lock:
            for _, db in self._readers:
                db.close()
            self._readers.clear()
        with self._version_lock:
            self._watcher.close()
        self.writer.close()


def create_app(settings: WebSettings) -> FastAPI:
    """The app: HTML pages at ``/``, the JSON API under ``/api`` (schema at ``/api/openapi.json``)."""
    try:
        from fastapi import FastAPI
        from fastapi.responses import JSONResponse
    except ImportError as error:
        raise NewsprismError(f"the web app needs FastAPI and uvicorn ({error.name} is missing): {INSTALL}") from None
    from starlette.requests import Request

    from newsprism.web.api import api_router
    from newsprism.web.kept_pages import KeptPages
    from newsprism.web.pages import page_router
    from newsprism.web.security import GuardMiddleware

    state = WebState(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state.start()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="newsprism",
        summary="Stories across outlets: summaries, comparisons and the articles they come from.",
        version=_version(),
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; /api lists the endpoints instead
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.web = state

    @app.exception_handler(NewsprismError)
    async def refused(request: Request, error: NewsprismError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(Exception)
    async def failed(request: Request, error: Exception) -> JSONResponse:
        # Logged here in full; the response never carries a traceback.
        log.exception("request %s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error ({type(error).__name__})"}, status_code=500)

    app.include_router(api_router())
    app.include_router(page_router())
    app.add_middleware(KeptPages, state=state)  # inside the guard: its responses get the same headers
    app.add_middleware(GuardMiddleware, max_body=settings.max_upload_bytes)
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``serve --workers``: its settings come from the parent
    process through the environment (``SETTINGS_VARIABLE``)."""
    import os

    from newsprism.web.settings import SETTINGS_VARIABLE

    text = os.environ.get(SETTINGS_VARIABLE)
    if not text:
        raise NewsprismError(f"{SETTINGS_VARIABLE} is not set: worker processes are started by newsprism serve")
    return create_app(WebSettings.from_json(text))


def parent_follower(settings: WebSettings) -> tuple[Store, Follower | None]:
    """What the parent process of ``serve --workers`` does itself: opens the store first (so the
    workers find it migrated), forgets the status of an earlier follower, and, with ``--follow``,
    makes the one feed follower, which keeps its status in the store for the workers' status
    pages. Returns the store (to close at exit) and the follower (to start and stop)."""
    import threading

    from newsprism.web.adding import publish_status

    feeds = read_feed_list(settings.follow) if settings.follow is not None else None
    writer = Store(settings.db)
    if writer.read_only:
        writer.close()
        raise NewsprismError(f"{settings.db}: the store cannot be written; the web app keeps analyses in it")
    publish_status(writer, None)
    if feeds is None:
        return writer, None
    follower = Follower(writer, threading.Lock(), feeds, settings.every_minutes,
                        allow_private=settings.allow_private, publish=True)
    return writer, follower


def _version() -> str:
    from newsprism import __version__

    return __version__


def state_of(request: Any) -> WebState:
    return request.app.state.web
