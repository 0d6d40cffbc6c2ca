"""The tables the web app lists and searches by (store schema version 3) stay current whoever
stores the articles, and a store of an earlier version gets them filled from what it holds."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from newsprism.model import Article
from newsprism.store import Store
from newsprism.store_schema import MIGRATIONS, migrate
from newsprism.web.listing import StoryQuery, lead_of, list_stories

TEXT = "The river flooded the old town on {day}, and the mayor ordered the schools closed for the week."


def article(name: str, day: int, words: str = "") -> Article:
    return Article(id=name, text=words + TEXT.format(day=f"March {day}"), outlet=name.title(), url=f"https://{name}.example/x",
                   title=None, published=datetime(2024, 3, day, 12, tzinfo=timezone.utc))


def test_articles_of_a_version_2_store_are_searchable_once_it_is_migrated(tmp_path):
    path = tmp_path / "s.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, MIGRATIONS[:2])
    db.execute("INSERT INTO articles (key, id, outlet, url, title, published, source, text, story, duplicate_of, added) "
               "VALUES ('url:a', 'a', 'Alpha', 'https://a.example', NULL, '2024-03-05T12:00:00+00:00', NULL, ?, 's1', "
               "NULL, '2024-03-05T12:00:00+00:00')", (TEXT.format(day="March 5"),))
    db.execute("INSERT INTO stories VALUES ('s1', NULL, 1, '2024-03-05T12:00:00+00:00', '2024-03-05T12:00:00+00:00', "
               "'2024-03-05T12:00:00+00:00')")
    db.close()
    with Store(path) as store:
        found = list_stories(store._db, StoryQuery(q="flooded mayor"))
        assert (found.total, found.items[0].outlets) == (1, ("Alpha",))
        assert lead_of(store._db, "s1").startswith("The river flooded")


def test_articles_stored_after_the_tables_exist_are_searchable(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("alpha", 5)])
        assert list_stories(store._db, StoryQuery(q="flooded")).total == 1
        assert list_stories(store._db, StoryQuery(q="volcano")).total == 0


def test_a_story_lead_follows_an_earlier_article_that_arrives_later(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("alpha", 5, "Late report. ")])
        story = store.stories()[0].id
        store.add([article("beta", 2, "Early report. ")])
        assert len(store.stories()) == 1
        assert lead_of(store._db, story).startswith("Early report.")


def test_the_number_of_outlets_of_a_story_counts_each_outlet_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("alpha", 5), article("beta", 5, "Also: ")])
        store.add([Article(id="again", text="Again: " + TEXT.format(day="March 5"), outlet="Alpha",
                           url="https://alpha.example/y", published=datetime(2024, 3, 5, 13, tzinfo=timezone.utc))])
        reach = store._db.execute("SELECT outlets FROM story_reach").fetchall()
    assert reach == [(2,)]
