"""``newsprism read``: the JSON-lines contract, the table, warnings and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cli import main

# The two seed articles shipped in examples/ (as in tests/conftest.py, but found from this file
# because another conftest.py under tests/ can shadow the module name "conftest").
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RT_SEED = EXAMPLES / "000_431b17eb286845b6.txt"
LATIMES_SEED = EXAMPLES / "001_70f2f9c0c9a27f18.txt"

CONTRACT = {"id", "outlet", "title", "published", "url", "text", "sentences", "removed"}


def _jsonl(capsys, *argv):
    status = main(["read", *argv])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_jsonl_has_one_object_per_article_with_the_contract_fields(capsys):
    status, records, _ = _jsonl(capsys, f"RT={RT_SEED}", str(LATIMES_SEED))
    assert status == 0 and len(records) == 2
    assert all(CONTRACT <= record.keys() for record in records)


def test_every_sentence_span_indexes_its_text_in_the_article(capsys):
    _, records, _ = _jsonl(capsys, f"RT={RT_SEED}", str(LATIMES_SEED))
    spans = [(r["text"][s["start"]:s["end"]], s["text"]) for r in records for s in r["sentences"]]
    assert len(spans) > 20
    assert all(piece == text for piece, text in spans)


def test_outlets_come_from_the_prefix_and_from_the_cleaner(capsys):
    _, records, _ = _jsonl(capsys, f"RT={RT_SEED}", str(LATIMES_SEED))
    assert [r["outlet"] for r in records] == ["RT", "Los Angeles Times"]


def test_removed_lines_carry_their_reasons(capsys):
    _, records, _ = _jsonl(capsys, str(LATIMES_SEED))
    removed = records[0]["removed"]
    assert {"line": "L.A. Now", "reason": removed[0]["reason"]} == removed[0]
    assert all(entry["reason"] for entry in removed)


def test_bad_input_is_one_warning_line_and_the_rest_is_printed(capsys, tmp_path):
    status, records, err = _jsonl(capsys, str(tmp_path / "missing.txt"), str(RT_SEED))
    assert status == 0 and len(records) == 1
    assert err.splitlines() == [f"newsprism: warning: {tmp_path / 'missing.txt'}: no such file or folder"]


def test_nothing_readable_exits_non_zero_with_one_line_and_no_traceback(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    status, records, err = _jsonl(capsys, str(empty))
    assert status == 2 and records == []
    assert "Traceback" not in err
    assert err.splitlines()[-1] == "newsprism: error: no article was read from 1 input(s)"


def test_private_address_is_refused_without_the_flag(capsys):
    status, _, err = _jsonl(capsys, "http://127.0.0.1:9/story.html")
    assert status == 2 and "--allow-private" in err


def test_table_lists_each_article_with_its_outlet(capsys):
    status = main(["read", f"RT={RT_SEED}", str(LATIMES_SEED), "--format", "table"])
    out = capsys.readouterr().out
    assert status == 0
    assert "2 articles" in out and "RT" in out and "Los Angeles Times" in out


@pytest.mark.data
def test_every_sentence_span_holds_on_the_basil_articles(capsys, shared_data):
    status, records, _ = _jsonl(capsys, str(shared_data / "basil" / "basil_triplets.jsonl"))
    assert status == 0 and len(records) == 177
    assert all(r["text"][s["start"]:s["end"]] == s["text"] for r in records for s in r["sentences"])


def test_a_page_with_no_text_gives_one_warning_not_the_extractors_own_log_lines(tmp_path):
    import os
    import subprocess
    import sys

    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    done = subprocess.run([sys.executable, "-m", "newsprism", "read", str(page), str(RT_SEED)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [f"newsprism: warning: {page}: no main text found in the HTML (not an article page?)"]
