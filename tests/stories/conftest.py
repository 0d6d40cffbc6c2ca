"""Invented news streams for the stories tests: events with their own words, names and dates."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from newsprism.model import Article

_SYLLABLES = ("ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "pi", "da", "gu", "xe", "bo", "fi", "zu")


def make_stream(events: int, per_event: int, *, seed: int = 0, dated: bool = True,
                days_apart: float = 2.0) -> tuple[list[Article], dict[str, str]]:
    """``events`` invented events of ``per_event`` articles each, and the gold event of each article.

    Each event has its own topic words and names mixed with a shared background vocabulary, so
    articles of one event are similar and articles of different events are not; event ``k``
    happens ``k * days_apart`` days after the start, its articles within a day.
    """
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3))

    background = [word() for _ in range(300)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    articles, gold = [], {}
    for event in range(events):
        topic = [word() for _ in range(40)]
        names = [word().capitalize() + " " + word().capitalize() for _ in range(3)]
        for copy in range(per_event):
            sentences = []
            for _ in range(10):
                words = rng.sample(topic, 7) + rng.sample(background, 7)
                rng.shuffle(words)
                sentences.append(f"{rng.choice(names)} {' '.join(words)}.")
            article_id = f"e{event}-a{copy}"
            published = start + timedelta(days=event * days_apart, hours=copy) if dated else None
            articles.append(Article(id=article_id, text=" ".join(sentences), outlet=f"Outlet {copy}",
                                    published=published))
            gold[article_id] = f"e{event}"
    return articles, gold


@pytest.fixture
def stream():
    return make_stream
