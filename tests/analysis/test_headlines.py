"""The story title: the headline the outlets agree on most, not the first outlet's."""

from __future__ import annotations

from newsprism.analysis.headlines import agreed_title
from newsprism.model import Article


def _article(outlet: str, title: str | None) -> Article:
    return Article(id=outlet, text="x", outlet=outlet, title=title)


def test_a_headline_the_other_outlets_contradict_does_not_name_the_story():
    articles = [
        _article("Fox", "LePage opens door to early exit"),
        _article("AP", "Maine governor LePage says he will not resign"),
        _article("Press Herald", "LePage says he will not resign after voicemail"),
    ]
    assert agreed_title(articles) in {articles[1].title, articles[2].title}


def test_one_outlets_many_headlines_count_once():
    articles = [_article("A", "Storm hits coast"), _article("A", "Storm hits coast again"), _article("B", "Rain floods town")]
    assert agreed_title(articles) == "Storm hits coast"


def test_a_story_without_titles_has_no_agreed_title():
    assert agreed_title([_article("A", None), _article("B", "  ")]) is None
