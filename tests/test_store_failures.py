"""The store's failures are one-line errors that say what is wrong (a full disk, a read-only file, a
damaged file), and a store that cannot be written can still be listed and reported from."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store import ReadOnlyStore, Store


def _article(n: int) -> Article:
    return Article(id=f"a{n}", text=f"The harbour bridge will close for repairs number {n}, the mayor said.",
                   outlet="Harbour Post", url=f"https://example.com/{n}", title=f"Bridge {n}",
                   published=datetime(2024, 3, 1))


def _store(tmp_path, count: int = 2):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add([_article(n) for n in range(count)])
    return path


def _read_only_connection(self):  # what SQLite gives a process that may read the file but not write it
    return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def test_a_full_disk_during_an_ingest_is_one_error_that_says_the_disk_is_full(tmp_path, monkeypatch):
    path = _store(tmp_path)
    size = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    def connect_with_no_room(self):
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute(f"PRAGMA max_page_count={size}")  # the file may not grow: as on a full disk
        return db

    monkeypatch.setattr(Store, "_connect", connect_with_no_room)
    with Store(path) as store, pytest.raises(NewsprismError, match=r"s\.db: cannot add articles to the store: "
                                                                    r"the disk is full") as caught:
        store.add([_article(n) for n in range(2, 300)])
    assert caught.value.__cause__ is None and "\n" not in str(caught.value)


def test_a_new_store_on_a_full_disk_says_the_disk_is_full_not_that_the_file_is_corrupt(tmp_path, monkeypatch):
    def connect_with_no_room(self):
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA max_page_count=1")
        return db

    monkeypatch.setattr(Store, "_connect", connect_with_no_room)
    with pytest.raises(NewsprismError, match=r"cannot open the store: the disk is full"):
        Store(tmp_path / "new.db")


def test_a_corrupted_page_is_an_error_naming_the_store(tmp_path):
    path = _store(tmp_path, count=40)
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page: 4 * page] = b"\xa5" * (2 * page)
    path.write_bytes(bytes(data))
    with pytest.raises(NewsprismError, match=r"s\.db: not a newsprism store or corrupt"):
        with Store(path) as store:
            store.stories()
            list(store.articles())


@pytest.mark.parametrize(("state", "message"), [("clusterer", "saved clustering state is unreadable"),
                                                ("duplicates", "saved dedup state is unreadable")])
def test_a_stage_state_that_is_not_a_zip_archive_is_a_clear_error(tmp_path, state, message):
    path = _store(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE state SET value = ? WHERE name = ?", (b"PK\x03\x04" + b"\x00" * 40, state))
    with Store(path) as store, pytest.raises(NewsprismError, match=message):
        store.add([_article(9)])


def test_bytes_where_the_store_keeps_text_are_an_error_naming_the_column(tmp_path):
    path = _store(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET text = x'00ff'")
    with Store(path) as store, pytest.raises(NewsprismError, match="column 'text' holds bytes"):
        list(store.articles())


def test_bytes_where_a_story_keeps_its_title_are_an_error_when_listing(tmp_path):
    path = _store(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE stories SET title = x'41'")
    with Store(path) as store, pytest.raises(NewsprismError, match="column 'title' holds bytes"):
        store.stories()


def test_a_store_opened_read_only_lists_its_stories_and_writes_nothing(tmp_path):
    path = _store(tmp_path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    before = path.read_bytes()
    with Store(path, read_only=True) as store:
        assert [row.size for row in store.stories()] == [2]
        with pytest.raises(ReadOnlyStore):
            store.add([_article(5)])
    assert path.read_bytes() == before


def test_a_store_whose_file_cannot_be_written_is_opened_read_only_and_still_lists(tmp_path, monkeypatch):
    path = _store(tmp_path)
    monkeypatch.setattr(Store, "_connect", _read_only_connection)
    with Store(path) as store:
        assert store.read_only and [row.size for row in store.stories()] == [2]


def test_writing_to_a_store_that_cannot_be_written_says_it_is_read_only(tmp_path, monkeypatch):
    path = _store(tmp_path)
    monkeypatch.setattr(Store, "_connect", _read_only_connection)
    with Store(path) as store, pytest.raises(ReadOnlyStore, match="the store is read-only"):
        store.add([_article(5)])


def test_a_missing_store_opened_read_only_is_an_error_and_not_created(tmp_path):
    with pytest.raises(NewsprismError, match="no such store"):
        Store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_fifo_named_as_the_store_is_refused_before_sqlite_waits_on_it(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.db")
    with pytest.raises(NewsprismError, match="not a regular file"):
        Store(tmp_path / "pipe.db")
