"""Standard input as an input (``-``): text, HTML or JSONL, told apart by the content."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from newsprism.ingest.inputs import read_stdin

BODY = "The council voted on Tuesday to approve the new budget for the city of Springfield."


def _read(data: bytes):
    return list(read_stdin(stream=io.BytesIO(data)))


def test_text_on_standard_input_is_one_article():
    (article,) = _read(f"Council approves the city budget\n\n{BODY}\n".encode())
    assert article.text.strip().endswith(BODY) and article.source == "<stdin>" and article.id == "stdin"


def test_html_on_standard_input_is_read_as_a_page():
    page = (f"<!DOCTYPE html><html><head><title>Budget approved</title></head><body><article><p>{BODY} "
            f"{BODY}</p></article></body></html>").encode()
    (article,) = _read(page)
    assert BODY in article.text and "<p>" not in article.text


def test_jsonl_on_standard_input_gives_one_article_per_line():
    lines = [{"id": "a", "text": BODY, "outlet": "Reuters"}, {"id": "b", "text": BODY, "outlet": "wired.com"}]
    articles = _read("".join(json.dumps(line) + "\n" for line in lines).encode())
    assert [(a.id, a.outlet) for a in articles] == [("a", "Reuters"), ("b", "Wired")]


def test_a_bad_jsonl_line_on_standard_input_is_an_error_naming_its_line():
    items = _read(json.dumps({"id": "a", "text": BODY}).encode() + b"\n{broken\n")
    assert items[0].id == "a" and items[1].source == "<stdin>:2"


def test_the_read_command_reads_a_dash_from_a_pipe():
    done = subprocess.run([sys.executable, "-m", "newsprism", "read", "-"], input=BODY.encode(),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["text"] == BODY
