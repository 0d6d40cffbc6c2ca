"""A real ingest killed with SIGKILL mid-way loses no committed article and leaves a sound store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newsprism.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _write_articles(path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            words = " ".join(f"w{(i * 7 + j) % 5000}" for j in range(120))
            record = {"id": f"n{i}", "text": f"Report number {i}. {words}.", "outlet": f"Outlet {i % 13}",
                      "url": f"https://news.test/{i}", "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            out.write(json.dumps(record) + "\n")


def _ingest(source, db, *, commit_every: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism", "ingest", str(source), "--db", str(db), "--commit-every", str(commit_every)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )


def test_an_ingest_killed_mid_way_keeps_every_committed_article_and_a_consistent_store(tmp_path):
    source, db = tmp_path / "articles.jsonl", tmp_path / "news.db"
    total = 3000
    _write_articles(source, total)
    process = _ingest(source, db, commit_every=100)
    committed = 0
    deadline = time.monotonic() + 120
    while committed < 300 and time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        if line.startswith("committed "):
            committed = int(line.split()[1])
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 300 <= committed < total, "the ingest should be killed mid-way"

    with Store(db) as store:
        assert store.check() == []
        stored = {a.meta["store_key"] for a in store.articles()}
    assert len(stored) >= committed
    assert len(stored) % 100 == 0  # only whole chunks: a killed transaction leaves nothing behind

    finish = _ingest(source, db, commit_every=500)
    _, errors = finish.communicate(timeout=300)
    assert finish.returncode == 0, errors
    with Store(db) as store:
        assert store.count() == total
        assert store.check() == []
