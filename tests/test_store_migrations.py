"""Store schema migrations: numbered from 1, applied in one transaction, nothing lost on the way;
and stored articles keep what ``read`` gives, so a story analysed from the store is the one its
files give.

A version-1 store is built here with the schema exactly as version 1 created it (written out in
this file, not imported, so that a change to the migrations cannot change what "version 1" means
to these tests).
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from datetime import datetime

import numpy as np
import pytest
from datapaths import LATIMES_SEED, ROOT, RT_SEED

from newsprism.analysis.align import analyze
from newsprism.compare import compare
from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.model import Article, Story
from newsprism.render.html import render_report
from newsprism.render.json import article_to_dict, comparison_to_dict, summary_to_dict
from newsprism.store import Store
from newsprism.store_schema import MIGRATIONS, SCHEMA_VERSION, Migration, check_migrations, migrate
from newsprism.stories.clock import FixedClock
from newsprism.stories.cluster import ClusterSettings
from newsprism.stories.dedup import DedupSettings
from newsprism.summarize import summarize
from newsprism.text.clean import clean_articles
from newsprism.text.segment import segment

VERSION_1_SCHEMA = """
CREATE TABLE articles (
    key TEXT PRIMARY KEY, id TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT, title TEXT, published TEXT,
    source TEXT, text TEXT NOT NULL, story TEXT NOT NULL, duplicate_of TEXT REFERENCES articles(key),
    added TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story);
CREATE TABLE stories (
    id TEXT PRIMARY KEY, title TEXT, size INTEGER NOT NULL, first_published TEXT, last_published TEXT,
    updated TEXT NOT NULL
);
CREATE INDEX stories_last ON stories(last_published);
CREATE TABLE analyses (
    story TEXT NOT NULL REFERENCES stories(id), kind TEXT NOT NULL, payload TEXT NOT NULL, updated TEXT NOT NULL,
    PRIMARY KEY (story, kind)
);
CREATE TABLE state (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE VIEW duplicate_groups AS
    SELECT duplicate_of AS original, COUNT(*) + 1 AS size, GROUP_CONCAT(outlet, '|') AS copy_outlets
    FROM articles WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of;
PRAGMA journal_mode=WAL;
PRAGMA user_version=1;
"""

TEXT = "The harbour bridge closes for repairs after engineers found cracks in two of its supports, the mayor said."
VERSION_1_ROWS = {
    "articles": [
        ("url:https://a.test/1", "a1", "Paper", "https://a.test/1", "Bridge closes", "2024-03-01T09:00:00+00:00",
         "day1.jsonl:1", TEXT, "s1", None, "2024-03-02T00:00:00+00:00"),
        ("sha1:ab12", "b1", "Other Paper", None, None, None, "b1.txt", TEXT + " Copied.", "s1",
         "url:https://a.test/1", "2024-03-02T00:00:00+00:00"),
    ],
    "stories": [("s1", "Bridge closes", 2, "2024-03-01T09:00:00+00:00", "2024-03-01T09:00:00+00:00",
                 "2024-03-02T00:00:00+00:00")],
    "analyses": [("s1", "summary", json.dumps({"summary": "The bridge closes."}), "2024-03-02T00:00:00+00:00")],
    "state": [("version", "1")],
}


@pytest.fixture
def version_1_store(tmp_path):
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    db.executescript(VERSION_1_SCHEMA)
    for table, rows in VERSION_1_ROWS.items():
        db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
    db.commit()
    db.close()
    return path


def rows_of(path, table: str, columns: int) -> list[tuple]:
    """The rows of ``table``, cut to their first ``columns`` (those version 1 had)."""
    db = sqlite3.connect(path)
    try:
        return [row[:columns] for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        db.close()


def user_version(path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def article_columns(path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [row[1] for row in db.execute("PRAGMA table_info(articles)")]
    finally:
        db.close()


def assert_version_1_rows_intact(path):
    for table, rows in VERSION_1_ROWS.items():
        assert rows_of(path, table, len(rows[0])) == rows, table


def test_migrations_are_numbered_from_one_without_gaps():
    check_migrations(MIGRATIONS)
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_migrations_numbered_with_a_gap_are_refused():
    with pytest.raises(NewsprismError, match=r"\[1, 3\]"):
        check_migrations((MIGRATIONS[0], Migration(3, "a gap", ("SELECT 1",))))


def test_a_new_store_is_created_at_the_last_version(tmp_path):
    Store(tmp_path / "new.db").close()
    assert user_version(tmp_path / "new.db") == SCHEMA_VERSION
    assert {"outlet_as_read", "published_as_read", "language", "removed", "meta"} <= set(article_columns(tmp_path / "new.db"))


def test_a_version_1_store_is_migrated_to_the_last_version_with_every_row_kept(version_1_store):
    with Store(version_1_store) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.check() == []
    assert user_version(version_1_store) == SCHEMA_VERSION
    assert_version_1_rows_intact(version_1_store)


def test_a_migrated_version_1_store_gives_its_articles_stories_and_analyses_as_before(version_1_store):
    with Store(version_1_store) as store:
        articles = list(store.articles())
        stories = store.stories()
        summary = store.analysis("s1", "summary")
    assert [(a.id, a.outlet, a.url, a.title, a.published, a.source, a.text) for a in articles] == [
        ("a1", "Paper", "https://a.test/1", "Bridge closes", datetime.fromisoformat("2024-03-01T09:00:00+00:00"),
         "day1.jsonl:1", TEXT),
        ("b1", "Other Paper", None, None, None, "b1.txt", TEXT + " Copied."),
    ]
    assert [dict(a.meta) for a in articles] == [
        {"store_key": "url:https://a.test/1", "duplicate_of": None},
        {"store_key": "sha1:ab12", "duplicate_of": "url:https://a.test/1"},
    ]
    assert [(s.id, s.size, s.outlets) for s in stories] == [("s1", 2, ("Other Paper", "Paper"))]
    assert summary == {"summary": "The bridge closes."}


def test_a_migrated_version_1_store_takes_new_articles(version_1_store):
    new = Article(id="c1", text="A ferry service starts across the harbour while the bridge is shut, the council said.",
                  outlet="Paper", removed=(), meta={"byline": "A. Writer"})
    with Store(version_1_store) as store:
        assert store.add([new]).added == 1
        stored = {a.id: a for a in store.articles()}
        assert store.check() == []
    assert stored["c1"].meta["byline"] == "A. Writer"
    assert rows_of(version_1_store, "articles", 11)[:2] == VERSION_1_ROWS["articles"]


CLUSTERER_STATE_OF_VERSIONS_1_TO_3 = ROOT / "tests" / "clusterer_state_version_3.npz"
"""The clustering state as ``StoryClusterer.save_state`` wrote it up to store version 3, with the
duplicate index inside (arrays ``dedup_*``): written by that code for the two articles of
``VERSION_1_ROWS`` (the first an original, the second its copy, both in story ``s1``)."""


@pytest.fixture
def version_1_store_with_state(version_1_store):
    db = sqlite3.connect(version_1_store)
    db.execute("INSERT INTO state VALUES ('clusterer', ?)", (CLUSTERER_STATE_OF_VERSIONS_1_TO_3.read_bytes(),))
    db.commit()
    db.close()
    return version_1_store


def saved_state(path, name: str) -> dict[str, np.ndarray]:
    """The arrays of the stage state ``name`` kept in the store at ``path``."""
    db = sqlite3.connect(path)
    try:
        blob = db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()[0]
    finally:
        db.close()
    return dict(np.load(io.BytesIO(blob), allow_pickle=False))


def state_arrays(path, name: str) -> set[str]:
    return set(saved_state(path, name))


def test_a_migrated_store_keeps_the_duplicate_index_in_a_state_of_its_own(version_1_store_with_state):
    Store(version_1_store_with_state).close()
    assert not any(name.startswith("dedup_") for name in state_arrays(version_1_store_with_state, "clusterer"))
    assert {"clocks", "ids", "signatures", "settings", "clock"} <= state_arrays(version_1_store_with_state, "duplicates")


def test_a_migrated_store_marks_a_new_copy_of_an_original_indexed_before_the_migration(version_1_store_with_state):
    copy = Article(id="c1", text=TEXT + " Updated.", outlet="Third Paper",
                   published=datetime.fromisoformat("2024-03-03T09:00:00+00:00"))
    with Store(version_1_store_with_state, now=FixedClock(datetime.fromisoformat("2024-03-04T00:00:00+00:00"))) as store:
        assert store.add([copy]).duplicates == 1
        stored = {a.id: a for a in store.articles()}
        assert store.check() == []
    assert stored["c1"].meta["duplicate_of"] == "url:https://a.test/1"
    with Store(version_1_store_with_state, read_only=True) as store:
        assert [(s.id, s.size) for s in store.stories()] == [("s1", 3)]


STATES_OF_VERSION_5 = {"clusterer": ROOT / "tests" / "clusterer_state_version_5.npz",
                       "duplicates": ROOT / "tests" / "dedup_state_version_5.npz"}
"""The clusterer's and the dedup stage's states as ``Store.add`` wrote them at store version 5,
when ``ClusterSettings`` still held the dedup settings (``dedup=DedupSettings(...)`` in the
clusterer's saved settings): written by that code for the two articles of ``VERSION_1_ROWS``."""


@pytest.fixture
def version_5_store_with_states(version_1_store):
    db = sqlite3.connect(version_1_store, isolation_level=None)
    migrate(db, version_1_store, MIGRATIONS[:5])
    db.executemany("INSERT INTO state VALUES (?, ?)", [(name, path.read_bytes()) for name, path in STATES_OF_VERSION_5.items()])
    db.close()
    return version_1_store


def saved_settings(path, name: str) -> str:
    return str(saved_state(path, name)["settings"])


def test_the_clusterer_state_of_version_5_is_saved_with_the_dedup_settings_inside(version_5_store_with_states):
    assert "dedup=DedupSettings(" in saved_settings(version_5_store_with_states, "clusterer")


def test_a_migrated_version_5_store_keeps_clustering_settings_without_the_dedup_stages(version_5_store_with_states):
    Store(version_5_store_with_states).close()
    assert saved_settings(version_5_store_with_states, "clusterer") == repr(ClusterSettings())
    assert saved_settings(version_5_store_with_states, "duplicates") == repr(DedupSettings())


def test_a_migrated_version_5_store_marks_a_new_copy_and_puts_it_in_its_originals_story(version_5_store_with_states):
    copy = Article(id="c1", text=TEXT + " Updated.", outlet="Third Paper",
                   published=datetime.fromisoformat("2024-03-03T09:00:00+00:00"))
    with Store(version_5_store_with_states, now=FixedClock(datetime.fromisoformat("2024-03-04T00:00:00+00:00"))) as store:
        assert store.add([copy]).duplicates == 1
        assert [(s.id, s.size) for s in store.stories()] == [("s1", 3)]
        assert store.check() == []


def test_a_version_1_store_with_a_clustering_state_is_migrated_to_the_clustering_settings_of_today(
        version_1_store_with_state):
    Store(version_1_store_with_state).close()
    assert saved_settings(version_1_store_with_state, "clusterer") == repr(ClusterSettings())
    assert saved_settings(version_1_store_with_state, "duplicates") == repr(DedupSettings())


def test_a_clustering_state_that_cannot_be_read_is_left_as_it_was_by_the_migration(version_1_store):
    db = sqlite3.connect(version_1_store)
    db.execute("INSERT INTO state VALUES ('clusterer', x'00ff')")
    db.commit()
    db.close()
    with Store(version_1_store) as store:
        assert store.schema_version == SCHEMA_VERSION
        with pytest.raises(NewsprismError, match="saved clustering state is unreadable"):
            store.add([Article(id="n1", text=TEXT, outlet="Paper")])


def test_a_version_1_store_opened_read_only_is_read_as_version_1_and_left_unchanged(version_1_store):
    with Store(version_1_store, read_only=True) as store:
        assert store.schema_version == 1
        assert [a.id for a in store.articles()] == ["a1", "b1"]
    assert user_version(version_1_store) == 1
    assert "meta" not in article_columns(version_1_store)


def _failing(db: sqlite3.Connection) -> None:
    raise sqlite3.OperationalError("the disk went away mid-migration")


def test_a_migration_that_fails_mid_way_leaves_the_store_at_its_version_with_nothing_lost(version_1_store):
    half_done = Migration(2, "the real steps, then a failure", (*MIGRATIONS[1].steps, _failing))
    db = sqlite3.connect(version_1_store, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="mid-migration"):
        migrate(db, version_1_store, (MIGRATIONS[0], half_done))
    db.close()
    assert user_version(version_1_store) == 1
    assert article_columns(version_1_store) == article_columns_of_version_1()
    assert_version_1_rows_intact(version_1_store)
    with Store(version_1_store) as store:  # and the next open migrates it
        assert store.schema_version == SCHEMA_VERSION


def article_columns_of_version_1() -> list[str]:
    db = sqlite3.connect(":memory:")
    db.executescript(VERSION_1_SCHEMA)
    return [row[1] for row in db.execute("PRAGMA table_info(articles)")]


KILL_MID_MIGRATION = """
import os, signal, sqlite3, sys
from pathlib import Path
from newsprism.store_schema import MIGRATIONS, Migration, migrate

def kill(db):
    os.kill(os.getpid(), signal.SIGKILL)

path = Path(sys.argv[1])
db = sqlite3.connect(path, isolation_level=None)
migrate(db, path, (MIGRATIONS[0], Migration(2, "the real steps, then a kill", (*MIGRATIONS[1].steps, kill))))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_mid_migration_leaves_the_store_at_its_version_with_nothing_lost(version_1_store):
    done = subprocess.run([sys.executable, "-c", KILL_MID_MIGRATION, str(version_1_store)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    assert user_version(version_1_store) == 1
    assert article_columns(version_1_store) == article_columns_of_version_1()
    assert_version_1_rows_intact(version_1_store)
    with Store(version_1_store) as store:
        assert store.check() == []
        assert store.schema_version == SCHEMA_VERSION


def test_a_store_of_a_newer_version_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "newer.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(NewsprismError, match=f"version {SCHEMA_VERSION + 1}, this newsprism reads up to {SCHEMA_VERSION}"):
        Store(path)


def read_and_clean(*inputs: str) -> list[Article]:
    return clean_articles(read_inputs(inputs).articles)


def as_read(article: Article) -> dict:
    """What ``newsprism read`` prints for an article, less what the store adds to its metadata."""
    record = article_to_dict(article, segment(article))
    record["meta"] = {k: v for k, v in record["meta"].items() if k not in ("store_key", "duplicate_of")}
    return record


def test_stored_articles_are_what_read_gives_removed_lines_notes_and_metadata_included(tmp_path):
    undated = tmp_path / "undated.jsonl"  # no outlet, and a date without a zone
    undated.write_text(json.dumps({"id": "u1", "published": "2024-05-01T09:30:00", "language": "en",
                                   "text": "The ferry runs again and is full every morning, the operator said."}) + "\n",
                       encoding="utf-8")
    cp1252 = tmp_path / "cafe.txt"  # not UTF-8: decoded with a note
    cp1252.write_bytes("The caf\u00e9 by the pier is full every morning since the bridge closed, its owner said.\n"
                       .encode("cp1252"))
    articles = read_and_clean(f"RT={RT_SEED}", str(LATIMES_SEED), str(ROOT / "sample" / "day.jsonl"), str(undated),
                              str(cp1252))
    assert any(a.removed for a in articles) and any(a.meta.get("notes") for a in articles)
    assert any(not a.outlet for a in articles) and any(a.published and a.published.tzinfo is None for a in articles)
    with Store(tmp_path / "s.db") as store:
        store.add(articles)
        stored = {a.id: a for a in store.articles()}
    assert {a.id: as_read(stored[a.id]) for a in articles} == {a.id: as_read(a) for a in articles}


def test_a_story_analysed_from_the_store_is_the_same_as_from_its_files(tmp_path):
    articles = sorted(read_and_clean(f"RT={RT_SEED}", str(LATIMES_SEED)), key=lambda a: a.id)
    with Store(tmp_path / "s.db") as store:
        store.add(articles)
        stored = sorted(store.articles(), key=lambda a: a.id)

    def outputs(story: Story) -> tuple:
        analysis = analyze(story)
        summary, comparison = summarize(analysis), compare(analysis)
        return (summary_to_dict(summary, analysis), comparison_to_dict(comparison, analysis),
                render_report(analysis, summary, comparison))

    from_files, from_store = outputs(Story("story", tuple(articles))), outputs(Story("story", tuple(stored)))
    assert from_store[0] == from_files[0]
    assert from_store[1] == from_files[1]
    assert from_store[2] == from_files[2]
