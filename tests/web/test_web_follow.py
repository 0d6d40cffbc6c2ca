"""``newsprism serve --follow``: feeds on a local server (127.0.0.1) polled into the store, again
and again without adding anything twice, with progress and errors on the status page."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler

import httpx
import pytest
from localserver import serving
from webserver import Server

pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Post</title>
<link>https://harbour.example/</link><description>d</description>
<item><title>Ferry strike ends</title><link>https://harbour.example/ferry</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The ferry strike ended on Tuesday after the union accepted a 4 percent raise.</p>
<p>Crossings resume on Wednesday morning, the operator said.</p>]]></content:encoded></item>
<item><title>Market hall reopens</title><link>https://harbour.example/market</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The old market hall reopened on Wednesday after two years of restoration.</p>]]></content:encoded></item>
</channel></rss>"""


class _Feeds(BaseHTTPRequestHandler):
    polls: list[str] = []
    """Every path asked for, in order (the followers' requests)."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.polls.append(self.path)
        if self.path.split("?")[0] == "/feed.xml":
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
        else:
            body = b"gone"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def feed_server():
    with serving(_Feeds) as server:
        yield f"http://127.0.0.1:{server.server_port}"


def _status_after(url: str, rounds: int) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = httpx.get(url + "/api/status", timeout=5).json()
        if status["rounds"] >= rounds:
            return status
        time.sleep(0.2)
    raise AssertionError(f"the follower did not finish {rounds} rounds in 60 s: {status}")


@pytest.fixture(scope="module")
def followed(tmp_path_factory, feed_server):
    folder = tmp_path_factory.mktemp("follow")
    feeds = folder / "feeds.txt"
    feeds.write_text(f"# local feeds\n{feed_server}/feed.xml\n{feed_server}/missing.xml\n", encoding="utf-8")
    with Server(folder / "news.db", "--follow", str(feeds), "--every", "0.01", "--allow-private") as running:
        status = _status_after(running.url, 3)
        stories = httpx.get(running.url + "/api/stories", timeout=5).json()
        page = httpx.get(running.url + "/status", timeout=5).text
        yield status, stories, page


def test_following_a_feed_adds_its_articles(followed):
    status, stories, _ = followed
    assert status["feeds"][0]["added"] == 2
    assert sorted(s["title"] for s in stories["stories"]) == ["Ferry strike ends", "Market hall reopens"]


def test_polling_a_feed_again_adds_nothing_twice(followed):
    status, stories, _ = followed
    assert status["feeds"][0]["polls"] >= 3 and status["feeds"][0]["last_added"] == 0
    assert sum(s["articles"] for s in stories["stories"]) == 2


def test_a_failing_feed_shows_its_error_on_the_status_page(followed):
    status, _, page = followed
    assert status["feeds"][1]["last_problems"] and "404" in status["feeds"][1]["last_problems"][0]
    assert "missing.xml" in page and "404" in page


def test_the_followers_status_is_dated_by_the_stores_clock_not_the_wall_clock(tmp_path, feed_server):
    from newsprism.store import Store
    from newsprism.stories.clock import FixedClock
    from newsprism.web.adding import Follower

    clock = FixedClock(datetime(2024, 3, 7, 12, tzinfo=timezone.utc))
    with Store(tmp_path / "news.db", now=clock) as store:
        follower = Follower(store, threading.Lock(), [f"{feed_server}/feed.xml"], 1.0, allow_private=True)
        follower.poll_once()
    assert follower.status.feeds[0].last_poll == "2024-03-07T12:00:00+00:00"
    assert follower.status.log[0].startswith("2024-03-07T12:00:00+00:00 ")


def test_with_several_server_processes_one_follows_and_every_one_shows_its_status(tmp_path, feed_server):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed_server}/feed.xml?several\n", encoding="utf-8")
    with Server(tmp_path / "news.db", "--follow", str(feeds), "--every", "0.01", "--allow-private",
                "--workers", "2") as running:
        status = _status_after(running.url, 3)
        polled = _Feeds.polls.count("/feed.xml?several")
        seen = [httpx.get(running.url + "/api/status", timeout=5).json() for _ in range(8)]
        stories = httpx.get(running.url + "/api/stories", timeout=5).json()
    assert polled <= status["rounds"] + 1  # one follower: two would poll twice a round
    assert all(s["following"] and s["rounds"] >= 3 for s in seen)
    assert sum(s["articles"] for s in stories["stories"]) == 2
