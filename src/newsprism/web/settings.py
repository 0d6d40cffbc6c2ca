"""How ``newsprism serve`` runs: where it listens, who may write, what it accepts, what it follows."""

from __future__ import annotations

import ipaddress
import json
import secrets
from dataclasses import dataclass, fields, replace
from pathlib import Path

from newsprism.errors import NewsprismError

LOOPBACK_NAMES = ("localhost",)

MAX_WORKERS = 32

SETTINGS_VARIABLE = "NEWSPRISM_SERVE_SETTINGS"
"""The environment variable through which ``serve --workers`` hands its settings to the worker
processes uvicorn starts (they import the app by name, so they cannot be given an object)."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost): nobody else can connect."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The web app's settings, checked where they enter."""

    db: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    """Needed by every write (a form or the API) when set; set, generated if not given, whenever the
    server listens beyond loopback."""
    max_upload_bytes: int = 20_000_000
    """Largest request body accepted (all uploaded files together): ``ReadSettings.max_file_bytes``,
    the size a single file may have on the command line."""
    allow_private: bool = False
    """Let URL and feed ingest reach private and loopback addresses (the command line's --allow-private)."""
    per_page: int = 30
    """Stories per page of the listing (the API takes ``per_page`` up to 200)."""
    words: int = 100
    """Summary length of each story page, in words (the command line's default)."""
    follow: Path | None = None
    """A file listing feeds (one URL a line) to poll into the store."""
    every_minutes: float = 15.0
    """How often the followed feeds are polled."""
    workers: int = 1
    """Server processes. More than one lets requests use more than one core (each process runs
    Python one thread at a time); the feed follower then runs in the parent process alone."""

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise NewsprismError(f"--port must be between 0 and 65535, got {self.port}")
        if self.max_upload_bytes < 1024:
            raise NewsprismError(f"the upload cap must be at least 1024 bytes, got {self.max_upload_bytes}")
        if not 1 <= self.per_page <= 200:
            raise NewsprismError(f"per_page must be between 1 and 200, got {self.per_page}")
        if self.words < 1:
            raise NewsprismError(f"--words must be at least 1, got {self.words}")
        if self.every_minutes <= 0:
            raise NewsprismError(f"--every must be a positive number of minutes, got {self.every_minutes}")
        if not 1 <= self.workers <= MAX_WORKERS:
            raise NewsprismError(f"--workers must be between 1 and {MAX_WORKERS}, got {self.workers}")
        if self.token is not None and len(self.token) < 16:
            raise NewsprismError("the write token must be at least 16 characters long")

    def to_json(self) -> str:
        """These settings as JSON (paths as strings), for ``from_json`` in another process."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in values.items()})

    @classmethod
    def from_json(cls, text: str) -> WebSettings:
        """Settings ``to_json`` wrote, checked again as any settings are."""
        try:
            values = json.loads(text)
            values["db"] = Path(values["db"])
            values["follow"] = Path(values["follow"]) if values.get("follow") else None
            return cls(**values)
        except (ValueError, TypeError, KeyError) as error:
            raise NewsprismError(f"{SETTINGS_VARIABLE} does not hold the server's settings ({error})") from None

    def secured(self) -> WebSettings:
        """These settings with a generated token when the server is reachable from elsewhere."""
        if self.token is None and not is_loopback(self.host):
            return replace(self, token=secrets.token_urlsafe(24))
        return self
