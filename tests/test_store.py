"""The SQLite store: identity, idempotent adds, stories, duplicate groups, analyses, bad files."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsprism.engines.local import Pipeline
from newsprism.engines.settings import PipelineSettings
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store import Store, article_key
from newsprism.stories.clock import FixedClock
from newsprism.stories.cluster import ClusterSettings, arrival_order
from newsprism.stories.dedup import DedupSettings

TEXT = "The harbour bridge closes for repairs after engineers found cracks in two of its supports, the mayor said."


def _article(i: int, **changes) -> Article:
    base = Article(id=f"a{i}", text=f"{TEXT} Item {i} of the report.", outlet="Paper",
                   published=datetime(2024, 3, 1 + i % 20, tzinfo=timezone.utc))
    return replace(base, **changes)


def test_an_article_is_identified_by_its_url_without_fragment_else_by_its_text():
    assert article_key(_article(1, url="https://x.test/a#top")) == article_key(_article(2, url="https://x.test/a"))
    assert article_key(_article(1)) == article_key(_article(1, id="other", text=_article(1).text.replace(" ", "  ")))
    assert article_key(_article(1)) != article_key(_article(2))


def test_the_same_article_added_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        first = store.add([_article(1), _article(2)])
        again = store.add([_article(1), _article(2, id="renamed")])
        assert (first.added, again.added, again.already_stored) == (2, 0, 2)
        assert store.count() == 2


def test_stories_are_listed_with_sizes_outlets_and_a_since_filter(tmp_path):
    early = _article(1, published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    late = _article(2, text="A completely different event: the orchestra named a new conductor for the season.",
                    outlet="Other", published=datetime(2024, 6, 1, tzinfo=timezone.utc))
    with Store(tmp_path / "s.db") as store:
        store.add([early, late])
        assert sorted(r.size for r in store.stories()) == [1, 1]
        recent = store.stories(since=datetime(2024, 5, 1, tzinfo=timezone.utc))
        assert [r.outlets for r in recent] == [("Other",)]


def test_a_near_duplicate_is_stored_in_its_originals_group(tmp_path):
    original = _article(1, url="https://wire.test/1")
    copy = _article(1, id="copy", url="https://paper.test/1", outlet="Reprint Daily",
                    text=original.text + " Copyright Reprint Daily.")
    with Store(tmp_path / "s.db") as store:
        assert store.add([original, copy]).duplicates == 1
        rows = store._db.execute("SELECT original, size, copy_outlets FROM duplicate_groups").fetchall()
        assert rows == [("url:https://wire.test/1", 2, "Reprint Daily")]
        assert len(store.stories()) == 1 and store.stories()[0].size == 2


def test_a_store_keeps_the_stories_and_copies_its_pipelines_stream_makes_of_the_articles(tmp_path):
    articles = [_article(1, url="https://wire.test/1"), _article(2, outlet="Other"),
                _article(1, id="copy", url="https://paper.test/1", text=_article(1).text + " Copyright Reprint Daily.",
                         published=datetime(2024, 3, 9, tzinfo=timezone.utc)),
                _article(3, text="The orchestra named a new conductor for the season, its board said on Friday.")]
    clock = FixedClock(datetime(2024, 4, 1, tzinfo=timezone.utc))
    keyed = [replace(a, id=article_key(a)) for a in articles]
    made = Pipeline(now=clock).stream().add([keyed[i] for i in arrival_order(keyed)])
    with Store(tmp_path / "s.db", now=clock) as store:
        store.add(articles)
        stored = {a.meta["store_key"]: a for a in store.articles()}
        story_of = dict(store._db.execute("SELECT key, story FROM articles"))
    assert {a.article: (a.story, a.duplicate_of) for a in made} == {
        key: (story_of[key], article.meta["duplicate_of"]) for key, article in stored.items()}
    assert any(a.duplicate_of for a in made)


def test_the_dedup_settings_a_store_is_given_reach_its_dedup_stage(tmp_path):
    original = _article(1, url="https://wire.test/1")
    copy = _article(1, id="copy", url="https://paper.test/1", text=original.text + " Copyright Reprint Daily.")
    with Store(tmp_path / "s.db", PipelineSettings(dedup=DedupSettings(threshold=1.0, shingle=2))) as store:
        assert store.add([original, copy]).duplicates == 0


def test_a_store_refuses_settings_of_another_kind_naming_the_kind_it_takes(tmp_path):
    with pytest.raises(NewsprismError, match="PipelineSettings, got ClusterSettings"):
        Store(tmp_path / "s.db", ClusterSettings())  # type: ignore[arg-type]


def test_a_story_analysis_is_kept_as_json(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([_article(1)])
        story = store.stories()[0].id
        store.save_analysis(story, "summary", {"text": "Bridge closes."})
        assert store.analysis(story, "summary") == {"text": "Bridge closes."}
        assert store.analysis(story, "comparison") is None


def test_a_store_reopened_goes_on_with_the_same_stories(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([_article(1)])
    with Store(tmp_path / "s.db") as store:
        store.add([_article(2)])
        assert [r.size for r in store.stories()] == [2]
        assert store.check() == []


def test_a_corrupt_store_file_is_a_clear_error_naming_it(tmp_path):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a database " * 200)
    with pytest.raises(NewsprismError, match="broken.db: not a newsprism store or corrupt"):
        Store(bad)


def test_a_damaged_clusterer_state_is_a_clear_error(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([_article(1)])
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute("UPDATE state SET value = x'00ff' WHERE name = 'clusterer'")
    with Store(tmp_path / "s.db") as store, pytest.raises(NewsprismError, match="state is unreadable"):
        store.add([_article(2)])


def test_an_ingest_that_raced_another_is_refused_before_it_mixes_states(tmp_path):
    with Store(tmp_path / "s.db") as first, Store(tmp_path / "s.db") as second:
        first.add([_article(1)])
        stream, version = second._stream()
        first.add([_article(2)])
        with pytest.raises(NewsprismError, match="another ingest wrote to the store meanwhile"):
            second._commit_chunk([], set(), stream.save_state(), version)
        assert first.check() == [] and first.count() == 2


def test_another_programs_sqlite_database_is_refused_and_left_unchanged(tmp_path):
    other = tmp_path / "places.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
    before = other.read_bytes()
    with pytest.raises(NewsprismError, match="places.sqlite: an SQLite database that is not a newsprism store"):
        Store(other)
    assert other.read_bytes() == before
    assert not (tmp_path / "places.sqlite-wal").exists()


def test_an_untitled_story_has_the_opening_words_of_its_earliest_article_as_lead(tmp_path):
    later = _article(1, published=datetime(2024, 3, 9, tzinfo=timezone.utc))
    earlier = _article(2, published=datetime(2024, 3, 2, tzinfo=timezone.utc))
    with Store(tmp_path / "s.db") as store:
        store.add([later, earlier])
        (row,) = store.stories()
        assert row.title is None and row.lead == earlier.text[:200]
        store.add([_article(3, title="Bridge to close")])
        assert [(r.title, r.lead) for r in store.stories()] == [("Bridge to close", "")]


def test_a_date_in_the_future_is_kept_on_its_article_but_not_in_its_storys_dates(tmp_path):
    dated = _article(1, published=datetime(2024, 3, 2, tzinfo=timezone.utc))
    future = _article(2, published=datetime(2099, 1, 1, tzinfo=timezone.utc))
    with Store(tmp_path / "s.db") as store:
        store.add([dated, future])
        (row,) = store.stories()
        assert (row.size, row.first_published, row.last_published) == (2, "2024-03-02T00:00:00+00:00", "2024-03-02T00:00:00+00:00")
        assert store.stories(since=datetime(2030, 1, 1, tzinfo=timezone.utc)) == []
        assert {a.published for a in store.articles()} == {dated.published, future.published}


def test_the_stores_clock_decides_which_dates_are_in_the_future_and_dates_its_rows(tmp_path):
    from newsprism.stories.clock import FixedClock

    march = _article(1, published=datetime(2024, 3, 2, tzinfo=timezone.utc))
    may = _article(2, published=datetime(2024, 5, 2, tzinfo=timezone.utc))
    with Store(tmp_path / "s.db", now=FixedClock(datetime(2024, 4, 1, tzinfo=timezone.utc))) as store:
        store.add([march, may])
        (row,) = store.stories()
        assert (row.first_published, row.last_published) == ("2024-03-02T00:00:00+00:00", "2024-03-02T00:00:00+00:00")
        assert {r[0] for r in store._db.execute("SELECT added FROM articles")} == {"2024-04-01T00:00:00+00:00"}


def test_threads_sharing_a_store_each_read_it_through_their_own_connection(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with Store(tmp_path / "s.db") as store:
        store.add([_article(i) for i in range(6)])
        alone = (store.stories(), [a.id for a in store.articles()])
        with ThreadPoolExecutor(max_workers=2) as pool:
            shared = list(pool.map(lambda _: (store.stories(), [a.id for a in store.articles()]), range(4)))
        connections = len(store._connections)
    assert shared == [alone] * 4
    assert connections >= 2


def test_a_closed_store_refuses_a_new_threads_use(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    store = Store(tmp_path / "s.db")
    store.close()
    with ThreadPoolExecutor(max_workers=1) as pool, pytest.raises(NewsprismError, match="the store is closed"):
        pool.submit(store.count).result()


def test_a_folder_or_a_path_in_a_missing_folder_is_named_as_such_not_as_a_corrupt_store(tmp_path):
    with pytest.raises(NewsprismError, match="a folder, not a store file"):
        Store(tmp_path)
    with pytest.raises(NewsprismError, match=r"cannot create the store, folder .*missing does not exist"):
        Store(tmp_path / "missing" / "news.db")


def _open_in_this_process(path) -> bool:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list this process's open files")
    return any(Path(os.readlink(fd)) == path for fd in fds.iterdir() if fd.is_symlink())


@pytest.mark.parametrize("content", [b"plain text, not SQLite " * 100, "newer version"])
def test_a_file_refused_as_a_store_is_not_left_open(tmp_path, content):
    path = tmp_path / "refused.db"
    if content == "newer version":
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version=999")
        db.close()
    else:
        path.write_bytes(content)
    with pytest.raises(NewsprismError, match="refused.db"):
        Store(path)
    assert not _open_in_this_process(path)


def test_the_objects_a_store_accepts_as_its_own_are_exactly_those_its_schema_creates(tmp_path):
    from newsprism.store_schema import STORE_OBJECTS

    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
    db.close()
    assert names == STORE_OBJECTS
