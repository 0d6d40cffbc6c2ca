"""The in-process engine's accounting of articles the cleaner emptied."""

from __future__ import annotations

from newsprism.engines.local import usable_articles
from newsprism.model import Article, Removal


def test_an_article_emptied_by_cleaning_is_reported_with_the_cleaners_reasons():
    emptied = Article("a1", "", outlet="Daily", source="day.jsonl:3",
                      removed=(Removal("Wayback Machine crawl of ...", "archive-notice"),
                               Removal("Sign up for our newsletter", "prompt"),
                               Removal("Captured 12 times", "archive-notice")))
    kept, (error,) = usable_articles([emptied, Article("a2", "Rain fell on Monday.")])
    assert [a.id for a in kept] == ["a2"]
    assert error.source == "day.jsonl:3"
    assert error.reason == "no article text left after cleaning (removed 3 lines: archive-notice 2, prompt 1)"
