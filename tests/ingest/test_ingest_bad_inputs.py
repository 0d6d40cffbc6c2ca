"""Regression tests: every way one input was found to sink a batch is now that input's error.

Each test puts a bad input beside a good one and checks that the bad one is reported (naming it)
and the good one is still read.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import ReadSettings, read_inputs, read_stories
from newsprism.ingest.failures import guarded
from newsprism.ingest.sanitize import cut_point

GOOD = {"text": "Dmitry Peskov said it takes two to tango. Relations are at a low.", "outlet": "RT"}


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n")
    return path


def _read(tmp_path: Path, bad: Path, **settings):
    result = read_inputs([str(bad), str(_good(tmp_path))], settings=ReadSettings(**settings))
    return result.articles, result.errors


def test_a_lone_surrogate_in_a_json_text_becomes_a_replacement_character_with_a_note(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A sentence here. \\ud800 Another one.", "title": "t\\udc00", "x": ["\\ud800"]}\n')
    articles, errors = _read(tmp_path, bad)
    first = articles[0]
    assert (first.text, first.title, first.meta["x"]) == ("A sentence here. \ufffd Another one.", "t\ufffd", ["\ufffd"])
    assert "lone UTF-16 surrogate escapes (not text) replaced by U+FFFD" in first.meta["notes"]
    assert len(articles) == 2 and errors == []


def test_a_surrogate_pair_escape_is_kept_as_the_character_it_encodes(tmp_path):
    bad = tmp_path / "emoji.jsonl"
    bad.write_text('{"text": "A face \\ud83d\\ude00 here."}\n')
    articles, _ = _read(tmp_path, bad)
    assert articles[0].text == "A face \U0001f600 here." and "notes" not in articles[0].meta


def test_a_corrupt_gzipped_jsonl_file_is_its_own_error_and_the_other_inputs_are_read(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "hello world. more text."}\n' * 50)[:30] + b"\x00garbage" * 20)
    articles, errors = _read(tmp_path, bad)
    assert [a.outlet for a in articles] == ["RT"]
    assert [e.source for e in errors] == [str(bad)] and "cannot read further" in errors[0].reason


def test_a_corrupt_gzipped_cluster_file_is_an_error_not_a_crash(tmp_path):
    bad = tmp_path / "stories.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"id": "s", "documents": [{"text": "x y z."}]}\n' * 50)[:30] + b"\xff" * 99)
    items = list(read_stories(bad))
    assert items and all(isinstance(item, InputError) for item in items)


def test_a_file_that_cannot_be_opened_in_a_folder_is_its_own_error(tmp_path, monkeypatch):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Kremlin spokesman Dmitry Peskov spoke today.\n")
    (folder / "secret.json").write_text("{}")
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):  # what chmod 000 does to a user other than root
        if self.name == "secret.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = read_inputs([str(folder)])
    assert [a.id for a in result.articles] == ["a"]
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(folder / "secret.json"), "cannot read (Permission denied)")]


def test_an_integer_too_long_to_convert_is_the_lines_error(tmp_path):
    bad = tmp_path / "bigint.jsonl"
    bad.write_text('{"text": "Hello world.", "n": ' + "9" * 5000 + "}\n")
    articles, errors = _read(tmp_path, bad)
    assert len(articles) == 1
    assert errors[0].source == f"{bad}:1" and errors[0].reason.startswith("invalid JSON (Exceeds the limit")


@pytest.mark.parametrize("depth", [900, 100_000])
def test_json_nested_past_the_depth_limit_is_refused_at_any_depth(tmp_path, depth):
    bad = tmp_path / "deep.json"
    bad.write_text('{"text": "Body text here.", "x": ' + "[" * depth + "]" * depth + "}")
    articles, errors = _read(tmp_path, bad)
    assert len(articles) == 1
    assert [(e.source, e.reason) for e in errors] == [(str(bad), "JSON nested too deeply (over 64 levels)")]


def test_json_nested_within_the_depth_limit_is_read(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text(json.dumps({"text": "Body text here.", "x": json.loads("[" * 60 + "]" * 60)}))
    assert read_inputs([str(path)]).errors == []


def test_a_feed_with_an_out_of_range_character_reference_is_its_own_error(tmp_path):
    bad = tmp_path / "bad.rss"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t &#x110000;</title>'
                   "<item><title>a</title><link>http://example.com/a</link></item></channel></rss>")
    articles, errors = _read(tmp_path, bad)
    assert len(articles) == 1 and errors[0].source == str(bad)
    assert errors[0].reason.startswith("feed cannot be parsed (ValueError")


def test_a_feed_entry_whose_link_is_a_malformed_url_is_that_entrys_error(tmp_path):
    bad = tmp_path / "bad.rss"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>'
                   "<link>http://[bad/a</link></item></channel></rss>")
    articles, errors = _read(tmp_path, bad)
    assert len(articles) == 1
    assert (errors[0].source, errors[0].reason) == (
        "http://[bad/a", f"malformed URL (Invalid IPv6 URL: http://[bad/a) (entry 1 of feed {bad})")


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/"])
def test_a_malformed_url_on_the_command_line_is_its_own_error(tmp_path, url):
    result = read_inputs([url, str(_good(tmp_path))])
    assert len(result.articles) == 1
    assert result.errors[0].source == url and result.errors[0].reason.startswith("malformed URL")


def test_a_feed_entry_the_parser_cannot_give_is_that_entrys_error(tmp_path, monkeypatch):
    import feedparser

    class Broken(dict):
        def get(self, key, default=None):
            raise KeyError("links")

    monkeypatch.setattr(feedparser, "parse", lambda *a, **k: feedparser.FeedParserDict(entries=[Broken()]))
    bad = tmp_path / "bad.rss"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    articles, errors = _read(tmp_path, bad)
    assert len(articles) == 1
    assert (errors[0].source, errors[0].reason) == (f"{bad} entry 1", "feed entry cannot be read (KeyError: 'links')")


def test_any_exception_a_reader_raises_ends_that_input_with_one_error_and_keeps_what_it_gave():
    def reader():
        yield "first"
        raise ValueError("bad\nbytes")

    first, error = guarded("in.txt", reader())
    assert (first, str(error)) == ("first", "in.txt: cannot be read (ValueError: bad bytes)")


def test_a_folder_chain_deeper_than_the_recursion_limit_is_read(tmp_path):
    deepest = tmp_path / "top"
    deepest.mkdir()
    for _ in range(1100):  # one level at a time: os.makedirs recurses too
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "a.txt").write_text("Kremlin spokesman Dmitry Peskov spoke today.\n")
    try:
        result = read_inputs([str(tmp_path / "top")])
    finally:  # removed one level at a time: pytest's clean-up of tmp_path recurses as well
        (deepest / "a.txt").unlink()
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent
    assert [a.id for a in result.articles] == ["a"] and result.errors == []


def test_a_fifo_in_a_folder_is_reported_not_skipped_silently(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Kremlin spokesman Dmitry Peskov spoke today.\n")
    os.mkfifo(folder / "pipe")
    result = read_inputs([str(folder)])
    assert [a.id for a in result.articles] == ["a"]
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(folder / "pipe"), "not a regular file (a FIFO, socket or device); skipped")]


def test_a_folder_that_cannot_be_listed_is_reported_as_such(tmp_path, monkeypatch):
    folder = tmp_path / "folder"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text("Kremlin spokesman Dmitry Peskov spoke today.\n")
    real_scandir = os.scandir

    def refusing_scandir(path):  # what chmod 000 does to a user other than root
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = read_inputs([str(folder)])
    assert [a.id for a in result.articles] == ["a"]
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(folder / "locked"), "cannot list folder (Permission denied)")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_utf16_or_utf32_jsonl_file_is_read_line_by_line(tmp_path, encoding):
    path = tmp_path / "wide.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({"text": "Second line text."}) + "\n", encoding=encoding)
    result = read_inputs([str(path)])
    assert [a.text for a in result.articles] == [GOOD["text"], "Second line text."] and result.errors == []


def test_an_article_over_the_size_limit_is_cut_at_a_break_with_a_note(tmp_path):
    path = tmp_path / "long.txt"
    text = "First paragraph of the story.\nSecond paragraph goes on and on. " + "word " * 50
    path.write_text(text)
    (article,) = read_inputs([str(path)], settings=ReadSettings(max_article_chars=70)).articles
    assert article.text == "First paragraph of the story.\nSecond paragraph goes on and on."
    assert article.meta["notes"][-1].startswith(f"text cut after 62 of {len(text)} characters (max_article_chars is 70")


def test_a_text_without_breaks_is_cut_at_the_limit_itself():
    assert cut_point("x" * 100, 40) == 40


def test_a_story_of_a_cluster_file_has_its_huge_articles_cut_too(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps({"id": "s1", "documents": [{"text": "Word " * 100}]}) + "\n")
    (story,) = read_stories(path, ReadSettings(max_article_chars=50))
    assert len(story.articles[0].text) <= 50 and "max_article_chars" in story.articles[0].meta["notes"][-1]


def test_a_warc_record_with_a_wrong_length_is_one_warning_and_warcio_writes_nothing(tmp_path, capsys):
    import io
    import re

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    html = b"<html><body><article><p>" + b"Kremlin spokesman Dmitry Peskov spoke to reporters today. " * 5 + \
        b"</p></article></body></html>"
    for n in (1, 2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(f"https://example.com/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    data = buffer.getvalue()
    length = int(re.search(rb"Content-Length: (\d+)", data).group(1))
    path = tmp_path / "wrong.warc"
    path.write_bytes(data.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 9), 1))
    result = read_inputs([str(path)])
    assert capsys.readouterr().err == ""
    assert any(e.reason.startswith("after record 1: Record not followed by newline") for e in result.errors)


def test_a_named_folder_that_cannot_be_listed_is_one_error_saying_so_not_that_it_is_empty(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refusing_scandir(path):  # what chmod 000 does to a user other than root
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    assert [str(e) for e in read_inputs([str(folder)]).errors] == [f"{folder}: cannot list folder (Permission denied)"]


@pytest.mark.parametrize("prefix", ["", "RT="])
def test_an_input_name_too_long_for_a_file_is_its_own_error(tmp_path, prefix):
    name = prefix + "x" * 5000
    result = read_inputs([name, str(_good(tmp_path))])
    assert len(result.articles) == 1
    assert len(result.errors) == 1 and "File name too long" in result.errors[0].reason


def test_a_compressed_record_a_warc_skips_is_never_decoded(tmp_path):
    import io
    import tracemalloc
    import zlib

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = b"".join([*(packer.compress(bytes(1 << 20)) for _ in range(256)), packer.flush()])  # 256 MB of zeros
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("https://example.com/file.bin", "response",
                                                  payload=io.BytesIO(bomb), http_headers=headers))
    path = tmp_path / "bomb.warc"
    path.write_bytes(buffer.getvalue())
    tracemalloc.start()
    try:
        result = read_inputs([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.articles == [] and peak < 50_000_000
