"""The tables the web app adds to a store stay current whoever writes the articles."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from newsprism.model import Article
from newsprism.store import Store
from newsprism.web.listing import StoryQuery, lead_of, list_stories
from newsprism.web.tables import prepare_web_tables

TEXT = "The river flooded the old town on {day}, and the mayor ordered the schools closed for the week."


def article(name: str, day: int, words: str = "") -> Article:
    return Article(id=name, text=words + TEXT.format(day=f"March {day}"), outlet=name.title(), url=f"https://{name}.example/x",
                   title=None, published=datetime(2024, 3, day, 12, tzinfo=timezone.utc))


def test_articles_stored_before_the_tables_existed_are_searchable(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("alpha", 5)])
        prepare_web_tables(store._db)
        found = list_stories(store._db, StoryQuery(q="flooded mayor"))
    assert found.total == 1


def test_articles_stored_after_the_tables_exist_are_searchable(tmp_path):
    with Store(tmp_path / "s.db") as store:
        prepare_web_tables(store._db)
        store.add([article("alpha", 5)])
        assert list_stories(store._db, StoryQuery(q="flooded")).total == 1
        assert list_stories(store._db, StoryQuery(q="volcano")).total == 0


def test_a_story_lead_follows_an_earlier_article_that_arrives_later(tmp_path):
    with Store(tmp_path / "s.db") as store:
        prepare_web_tables(store._db)
        store.add([article("alpha", 5, "Late report. ")])
        story = store.stories()[0].id
        store.add([article("beta", 2, "Early report. ")])
        assert len(store.stories()) == 1
        assert lead_of(store._db, story).startswith("Early report.")


def test_the_number_of_outlets_of_a_story_counts_each_outlet_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        prepare_web_tables(store._db)
        store.add([article("alpha", 5), article("beta", 5, "Also: ")])
        store.add([Article(id="again", text="Again: " + TEXT.format(day="March 5"), outlet="Alpha",
                           url="https://alpha.example/y", published=datetime(2024, 3, 5, 13, tzinfo=timezone.utc))])
        reach = store._db.execute("SELECT outlets FROM story_reach").fetchall()
    assert reach == [(2,)]


def test_preparing_the_tables_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("alpha", 5)])
        prepare_web_tables(store._db)
        prepare_web_tables(store._db)
        db: sqlite3.Connection = store._db
        counts = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("story_outlets", "story_leads", "article_story")]
    assert counts == [1, 1, 1]
