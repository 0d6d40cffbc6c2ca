"""``newsprism serve``: the web app over a store, on 127.0.0.1:8000 by default."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.cli.articles import DEFAULT_DB
from newsprism.cli.options import add_allow_private, add_command
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.web.settings import WebSettings

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "serve",
        help="serve a store as a local web app: stories, search, comparisons, sources, and a JSON API",
        description=(
            "Serve the store as a web app: stories newest or largest first with full-text search and "
            "filters, each story's summary and outlet comparison with every sentence linked to its "
            "source, outlets, articles, a page to add URLs, feeds and files, and a JSON API under /api. "
            "Listens on 127.0.0.1 (this machine only) unless --host says otherwise; then every write "
            "needs the token it prints. Needs the [web] extra: pip install \"newsprism[web]\"."
        ),
        examples=[
            "newsprism serve --db news.db",
            "newsprism serve --db news.db --follow feeds.txt --every 10",
            "newsprism serve --db news.db --host 0.0.0.0 --port 8080",
        ],
    )
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the store (default: {DEFAULT_DB}; created if absent)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--token", metavar="TOKEN",
                        help="the token writes need (default: none on loopback, a generated one elsewhere)")
    parser.add_argument("--follow", metavar="FILE", help="poll the feeds listed in FILE (one URL a line) into the store")
    parser.add_argument("--every", type=float, default=15.0, metavar="MINUTES",
                        help="with --follow: minutes between polls (default: 15)")
    parser.add_argument("--max-upload-mb", type=float, default=20.0, metavar="MB",
                        help="largest request (all uploaded files together), in MB (default: 20)")
    parser.add_argument("--words", type=int, default=100, metavar="N", help="summary length in words (default: 100)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="server processes (default: 1); more let many clients use more than one core; "
                             "the feed follower then runs in the parent process")
    add_allow_private(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.web.settings import WebSettings

    settings = WebSettings(
        db=Path(args.db), host=args.host, port=args.port, token=args.token,
        max_upload_bytes=int(args.max_upload_mb * 1_000_000), allow_private=args.allow_private,
        words=args.words, follow=Path(args.follow) if args.follow else None, every_minutes=args.every,
        workers=args.workers,
    ).secured()
    try:
        import uvicorn
    except ImportError:
        raise NewsprismError('newsprism serve needs uvicorn and FastAPI: pip install "newsprism[web]"') from None
    shown_host = f"[{settings.host}]" if ":" in settings.host else settings.host
    address = f"http://{shown_host}:{settings.port}/"
    options: dict[str, Any] = dict(host=settings.host, port=settings.port, log_level="warning", access_log=False,
                                   server_header=False)
    if settings.workers == 1:
        from newsprism.web.app import create_app

        server = uvicorn.Server(uvicorn.Config(create_app(settings), **options))
        _announce(settings, address)
        server.run()
        return 0
    return _run_workers(settings, address, options)


def _run_workers(settings: WebSettings, address: str, options: dict[str, Any]) -> int:
    """Several server processes (uvicorn's supervisor starts them and restarts one that dies);
    this process opens the store first and runs the one feed follower."""
    import os

    import uvicorn

    from newsprism.web.app import parent_follower
    from newsprism.web.settings import SETTINGS_VARIABLE

    writer, follower = parent_follower(settings)
    os.environ[SETTINGS_VARIABLE] = settings.to_json()  # the workers import the app by name and read it there
    _announce(settings, address)
    if follower is not None:
        follower.start()
    try:
        uvicorn.run("newsprism.web.app:app_from_environment", factory=True, workers=settings.workers, **options)
    finally:
        if follower is not None:
            follower.stop()
        writer.close()
    return 0


def _announce(settings: WebSettings, address: str) -> None:
    workers = f" with {settings.workers} processes" if settings.workers > 1 else ""
    print(f"newsprism: serving {settings.db} at {address}{workers}", file=sys.stderr, flush=True)
    if settings.token is not None:
        print(f"newsprism: writes need the token; open {address}login?token={settings.token} once in your browser, "
              f"or send 'Authorization: Bearer {settings.token}'", file=sys.stderr, flush=True)
