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


def test_a_jsonl_line_on_standard_input_nested_too_deeply_is_that_lines_error():
    items = _read(json.dumps({"id": "a", "text": BODY}).encode() + b"\n"
                  + b'{"text": "x", "y": ' + b"[" * 5000 + b"]" * 5000 + b"}\n")
    assert items[0].id == "a"
    assert (items[1].source, items[1].reason) == ("<stdin>:2", "JSON nested too deeply (over 64 levels)")


def test_a_first_jsonl_line_on_standard_input_with_an_oversized_integer_is_that_lines_error():
    items = _read(b'{"id": "n", "n": ' + b"9" * 5000 + b"}\n" + json.dumps({"id": "a", "text": BODY}).encode() + b"\n")
    assert items[0].source == "<stdin>:1" and items[0].reason.startswith("invalid JSON (")
    assert items[1].id == "a"


def test_utf16_jsonl_on_standard_input_is_read_line_by_line():
    lines = [{"id": "a", "text": BODY}, {"id": "b", "text": BODY}]
    data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-16")
    assert [a.id for a in _read(data)] == ["a", "b"]


def test_whatever_a_reader_raises_on_standard_input_is_one_error_naming_it(monkeypatch):
    from newsprism.ingest import inputs

    def broken(*args, **kwargs):
        raise RuntimeError("parser\nbroke")
        yield

    monkeypatch.setattr(inputs, "read_stdin", broken)
    (error,) = inputs.read_inputs(["-"]).errors
    assert str(error) == "<stdin>: cannot be read (RuntimeError: parser broke)"
