"""What makes the story list cheap: rendered pages kept until the store changes, a story's first
outlets read without the others, and the indexes of store version 5 in the listing's orders."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store import Store
from newsprism.web.listing import StoryQuery, list_stories
from newsprism.web.page_cache import PageCache

TEXT = "The river flooded the old town on March {day}, and the mayor ordered the schools closed for the week."


def article(outlet: str, day: int, number: int = 0, text: str = TEXT) -> Article:
    return Article(id=f"{outlet}-{number}", text=f"Report {number}. " + text.format(day=day), outlet=outlet,
                   url=f"https://{outlet.lower()}.example/{day}/{number}", title=None,
                   published=datetime(2024, 3, day, 12, tzinfo=timezone.utc))


def test_a_kept_page_is_given_back_for_the_version_it_was_read_from():
    cache = PageCache()
    cache.put(3, ("stories", "1"), "<p>page</p>")
    assert cache.get(3, ("stories", "1")) == "<p>page</p>"


def test_a_newer_store_version_forgets_every_kept_page():
    cache = PageCache()
    cache.put(3, "a", "old")
    cache.put(4, "b", "new")
    assert (cache.get(4, "a"), cache.get(4, "b"), len(cache)) == (None, "new", 1)


def test_a_page_read_from_an_older_version_than_one_seen_is_not_kept():
    cache = PageCache()
    cache.put(4, "b", "new")
    cache.put(3, "a", "read just before the store changed")
    assert (cache.get(3, "a"), cache.get(4, "a")) == (None, None)


def test_the_cache_forgets_the_least_recently_used_page_beyond_its_capacity():
    cache = PageCache(capacity=2)
    cache.put(1, "a", "A")
    cache.put(1, "b", "B")
    cache.get(1, "a")
    cache.put(1, "c", "C")
    assert (cache.get(1, "a"), cache.get(1, "b"), cache.get(1, "c")) == ("A", None, "C")


def test_the_cache_holds_no_more_characters_than_its_bound():
    cache = PageCache(max_chars=10)
    cache.put(1, "a", "x" * 6)
    cache.put(1, "b", ("y" * 6, "csp"))
    cache.put(1, "c", "z" * 11)  # larger than the whole cache: not kept
    assert (cache.get(1, "a"), cache.get(1, "b"), cache.get(1, "c")) == (None, ("y" * 6, "csp"), None)


def test_a_cache_without_room_is_refused_with_its_size_named():
    with pytest.raises(NewsprismError, match="got 0"):
        PageCache(capacity=0)


def test_a_listing_names_a_storys_most_prolific_outlets_up_to_the_limit_and_counts_all(tmp_path):
    outlets = ["Alpha", "Beta", "Gamma", "Delta"]
    with Store(tmp_path / "s.db") as store:
        store.add([article(name, 5, number) for index, name in enumerate(outlets) for number in range(index + 1)])
        found = list_stories(store._db, StoryQuery(), chips=2)
        everything = list_stories(store._db, StoryQuery())
    assert len(found.items) == 1
    assert (found.items[0].outlets, found.items[0].outlet_count) == (("Delta", "Gamma"), 4)
    assert everything.items[0].outlets == ("Delta", "Gamma", "Beta", "Alpha")


def test_a_story_of_one_outlet_is_flagged_when_only_its_first_outlets_are_read(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("Alpha", 5, 0), article("Alpha", 5, 1)])
        item = list_stories(store._db, StoryQuery(), chips=1).items[0]
    assert item.single_outlet


def test_a_page_far_into_the_list_gives_the_stories_of_the_sort_order(tmp_path):
    topics = ["A volcano erupted near the coast and ash covered fishing villages.",
              "Engineers closed the harbour bridge for urgent repairs to cracked cables.",
              "Counting of provincial election ballots continued through the night.",
              "The museum opened a glass wing for its collection of medieval tapestries.",
              "A winter storm cut electricity to thousands of farms across the valley."]
    with Store(tmp_path / "s.db") as store:
        store.add([article(f"Outlet{day}", day, 0, text=topic) for day, topic in enumerate(topics, start=1)])
        pages = [list_stories(store._db, StoryQuery(per_page=2, page=page)) for page in (1, 2, 3)]
        every = list_stories(store._db, StoryQuery(per_page=10))
    assert [item.id for page in pages for item in page.items] == [item.id for item in every.items]
    assert [item.last_published[:10] for item in every.items] == [f"2024-03-0{day}" for day in (5, 4, 3, 2, 1)]
    assert {page.total for page in pages} == {5}


def test_the_listing_reads_stories_newest_and_largest_first_from_their_indexes(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([article("Alpha", 5)])
        plans = {
            sort: " ".join(row[3] for row in store._db.execute(
                f"EXPLAIN QUERY PLAN SELECT s.id FROM stories s ORDER BY {order} LIMIT 30 OFFSET 600"))
            for sort, order in (("newest", "s.last_published DESC, s.size DESC, s.id"),
                                ("largest", "s.size DESC, s.last_published DESC, s.id"))
        }
    assert "COVERING INDEX stories_newest" in plans["newest"] and "TEMP B-TREE" not in plans["newest"]
    assert "COVERING INDEX stories_largest" in plans["largest"] and "TEMP B-TREE" not in plans["largest"]


def test_a_version_3_store_gets_the_listing_indexes_when_opened(tmp_path):
    from newsprism.store_schema import MIGRATIONS, migrate

    path = tmp_path / "s.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, MIGRATIONS[:3])
    db.close()
    Store(path).close()
    db = sqlite3.connect(path)
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    db.close()
    assert {"story_outlets_top", "stories_newest", "stories_largest"} <= names


def test_a_storys_row_is_rendered_once_and_shown_in_every_listing_of_that_store_version(tmp_path):
    pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')
    from fastapi.testclient import TestClient

    from newsprism.web.app import create_app
    from newsprism.web.settings import WebSettings

    with Store(tmp_path / "s.db") as store:
        store.add([article("Alpha", 5)])
    app = create_app(WebSettings(db=tmp_path / "s.db"))
    with TestClient(app) as web:
        newest, largest = web.get("/").text, web.get("/?sort=largest").text
        rows = app.state.web.rows
    assert len(rows) == 1
    row = str(next(iter(rows._entries.values())))
    assert "Alpha" in row and row in newest and row in largest


def _state(tmp_path):
    pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')
    from newsprism.web.app import WebState
    from newsprism.web.settings import WebSettings

    return WebState(WebSettings(db=tmp_path / "s.db"))


def test_the_store_version_stays_while_worker_threads_come_and_go_and_moves_on_a_commit(tmp_path):
    import threading

    state = _state(tmp_path)
    try:
        before = state.store_version()
        for _ in range(3):
            thread = threading.Thread(target=lambda: state.reader().execute("SELECT 1"))
            thread.start()
            thread.join()
        unchanged = state.store_version()
        with Store(tmp_path / "s.db") as other:  # another connection, as another process would be
            other.add([article("Alpha", 5)])
        assert (unchanged, state.store_version()) == (before, before + 1)
    finally:
        state.close()


def test_the_connections_of_ended_worker_threads_are_closed(tmp_path):
    import threading

    state = _state(tmp_path)
    try:
        for _ in range(5):
            thread = threading.Thread(target=state.reader)
            thread.start()
            thread.join()
        assert state.open_readers() == 2  # the last thread's, closed when the next is made, and the version's
    finally:
        state.close()
