"""A real ``newsprism serve`` on 127.0.0.1 in a subprocess, for the web app's tests.

A plain module (like ``datapaths``) so that several test files can import it. The server is
started on a free port, waited for until it answers, and stopped (SIGTERM, then SIGKILL) at the end.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``newsprism serve --db DB`` with ``extra`` arguments, as a context manager giving its URL."""

    def __init__(self, db: Path, *extra: str, log: Path | None = None) -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra = extra
        self.log = log or db.with_suffix(".serve.log")
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        command = [sys.executable, "-m", "newsprism", "serve", "--db", str(self.db), "--port", str(self.port), *self.extra]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log.open("wb"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"newsprism serve exited with {self.process.returncode}: {self.log.read_text()[-2000:]}")
            try:
                httpx.get(self.url + "/status", timeout=2)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"newsprism serve did not answer within 60 s: {self.log.read_text()[-2000:]}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def errors(self) -> str:
        """What the server logged as an error (tracebacks included)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(line for line in text.splitlines() if "ERROR" in line or "Traceback" in line)
