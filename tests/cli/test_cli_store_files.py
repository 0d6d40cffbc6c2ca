"""What becomes a file name, and a store that cannot be written, through ``newsprism stories``."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsprism.cli import main
from newsprism.cli.filenames import MAX_STEM_CHARS, file_stem
from newsprism.store import Store

TEXTS = [
    "The harbour bridge will close for repairs after engineers found cracks in two supports, the mayor said.",
    "The city orchestra named a new principal conductor who will lead the symphony season, the board said.",
]


@pytest.fixture
def store(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "outlet": "Post"}) + "\n"
                                for i, t in enumerate(TEXTS)))
    db = tmp_path / "news.db"
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    return db


@pytest.mark.parametrize("name", ["s1", "story-0a9f", "d30001t", "APW19981016.0240"])
def test_an_id_that_is_already_a_plain_file_name_is_kept(name):
    assert file_stem(name) == name


@pytest.mark.parametrize("name", ["../../x", "/etc/cron.d/x", "..", ".", ".hidden", "a/b", "a\\b", "",
                                  "NUL", "con.txt", "x" * 300, "ok\x00nul", "é"])
def test_an_id_that_is_not_a_plain_file_name_becomes_one_component_of_safe_characters(name):
    stem = file_stem(name)
    assert stem and not stem.startswith(".") and "/" not in stem and "\\" not in stem
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in stem)
    assert len(stem) <= MAX_STEM_CHARS + 11


def test_two_ids_that_differ_only_in_replaced_characters_get_two_names():
    assert file_stem("a/b") != file_stem("a:b")


def test_story_ids_from_a_crafted_store_never_make_files_outside_the_out_folder(store, tmp_path):
    with sqlite3.connect(store) as db:
        first, second = [row[0] for row in db.execute("SELECT id FROM stories ORDER BY id")]
        for old, new in ((first, "../../escaped"), (second, str(tmp_path / "absolute"))):
            db.execute("UPDATE articles SET story = ? WHERE story = ?", (new, old))
            db.execute("UPDATE stories SET id = ? WHERE id = ?", (new, old))
    out = tmp_path / "deep" / "reports"
    assert main(["stories", "--db", str(store), "--out", str(out)]) == 0
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.html"))
    assert len(written) == 3 and all(p.parts[:2] == ("deep", "reports") for p in written)


def _read_only_connection(self):  # what SQLite gives a process that may read the file but not write it
    return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def test_a_store_that_cannot_be_written_is_listed(store, monkeypatch, capsys):
    monkeypatch.setattr(Store, "_connect", _read_only_connection)
    assert main(["stories", "--db", str(store), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_store_that_cannot_be_written_is_reported_from_with_one_warning(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(Store, "_connect", _read_only_connection)
    assert main(["stories", "--db", str(store), "--out", str(tmp_path / "reports")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warnings == [f"newsprism: warning: {store}: the store cannot be written; reports are written, "
                        "but the analyses are not kept in the store"]
    assert len(list((tmp_path / "reports" / "stories").glob("*.html"))) == 2


def test_ingest_into_a_store_that_cannot_be_written_is_one_error_saying_so(store, tmp_path, monkeypatch, capsys):
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "n", "text": "A new article about the harbour ferry timetable."}) + "\n")
    monkeypatch.setattr(Store, "_connect", _read_only_connection)
    assert main(["ingest", str(more), "--db", str(store)]) == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"newsprism: error: {store}: the store is read-only")


def test_an_ingest_that_cannot_grow_its_file_is_one_error_line_naming_the_store(tmp_path):
    import resource
    import signal
    import subprocess
    import sys

    articles = tmp_path / "many.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Article {i} on the harbour bridge repairs. " * 20})
                                + "\n" for i in range(400)))

    def small_file_limit():  # a file may not grow past 200 kB: writes fail as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    db = tmp_path / "news.db"
    run = subprocess.run([sys.executable, "-m", "newsprism", "ingest", str(articles), "--db", str(db),
                          "--commit-every", "50"], preexec_fn=small_file_limit, capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[-1].startswith(f"newsprism: error: {db}: cannot add articles to the store: ")
