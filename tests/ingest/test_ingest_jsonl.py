"""JSONL articles, cluster JSONL stories and the datasets in ../shared/data."""

from __future__ import annotations

import gzip
import json
from datetime import datetime

import pytest

from newsprism.errors import InputError
from newsprism.ingest import read_inputs, read_stories
from newsprism.model import Story


def _write_jsonl(path, lines):
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def test_article_line_maps_dataset_fields(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [
        {"doc_id": "d1", "source": "nyt", "date": "2010-07-02", "title": "T", "text": "Body.", "stance": "left"},
    ])
    (article,) = read_inputs([str(path)]).articles
    assert (article.id, article.outlet, article.published, article.title) == (
        "d1", "The New York Times", datetime(2010, 7, 2), "T")
    assert article.meta["stance"] == "left"


def test_article_without_id_gets_file_and_line(tmp_path):
    path = _write_jsonl(tmp_path / "feed.jsonl", [{"text": "One."}, {"text": "Two."}])
    assert [a.id for a in read_inputs([str(path)]).articles] == ["feed-1", "feed-2"]


def test_unparseable_date_is_kept_as_a_note(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [{"text": "Body.", "published": "last Tuesday-ish"}])
    (article,) = read_inputs([str(path)]).articles
    assert article.published is None
    assert article.meta["notes"] == ("unparseable date 'last Tuesday-ish'",)


def test_truncated_json_line_is_an_error_and_the_next_line_is_read(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", ['{"text": "cut off', {"text": "Fine."}])
    result = read_inputs([str(path)])
    assert [a.text for a in result.articles] == ["Fine."]
    (error,) = result.errors
    assert error.source == f"{path}:1" and "invalid JSON" in error.reason


def test_record_without_text_is_an_error(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [{"title": "only a title"}, [1, 2]])
    reasons = [e.reason for e in read_inputs([str(path)]).errors]
    assert reasons == ["record has neither 'text' nor 'html'", "expected a JSON object, got list"]


def test_overlong_line_is_skipped_with_an_error(tmp_path):
    from newsprism.ingest import ReadSettings

    path = _write_jsonl(tmp_path / "a.jsonl", [{"text": "x" * 500}, {"text": "short"}])
    result = read_inputs([str(path)], settings=ReadSettings(max_line_bytes=100))
    assert [a.text for a in result.articles] == ["short"]
    assert "longer than 100 bytes" in result.errors[0].reason


def test_cluster_line_becomes_a_story_with_ids_per_document(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", [
        {"id": "s1", "documents": [{"source": "CNN (Online News)", "text": "A."}, {"source": "rt.com", "text": "B."}]},
    ])
    (story,) = read_stories(path)
    assert isinstance(story, Story)
    assert [(a.id, a.outlet) for a in story.articles] == [("s1/0", "CNN"), ("s1/1", "RT")]


def test_empty_document_in_a_cluster_is_reported_not_dropped(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", [{"id": "s1", "documents": [{"text": ""}, {"text": "B."}]}])
    error, story = read_stories(path)
    assert isinstance(error, InputError) and error.source == f"{path}:1 document 0"
    assert [a.text for a in story.articles] == ["B."]


def test_line_without_documents_is_not_a_story(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", [{"text": "an article, not a cluster"}])
    (error,) = read_stories(path)
    assert "not a cluster record" in error.reason


@pytest.mark.data
@pytest.mark.parametrize(("relative", "stories", "articles", "errors"), [
    ("duc2004/duc2004_task2.jsonl", 50, 500, 0),
    ("basil/basil_triplets.jsonl", 59, 177, 0),
    ("allsides_neus/allsides_stories.jsonl", 305, 895, 0),
])
def test_shared_datasets_read_completely(shared_data, relative, stories, articles, errors):
    items = list(read_stories(shared_data / relative))
    read = [i for i in items if isinstance(i, Story)]
    assert (len(read), sum(len(s.articles) for s in read), len(items) - len(read)) == (stories, articles, errors)


@pytest.mark.data
def test_multinews_empty_documents_are_each_reported(shared_data):
    path = shared_data / "multinews" / "multinews_test.jsonl"
    empty = sum(1 for line in path.open() for d in json.loads(line)["documents"] if not d["text"].strip())
    errors = [i for i in read_stories(path) if isinstance(i, InputError)]
    assert len(errors) == empty > 0
    assert all(e.reason == "empty text; document skipped" for e in errors)


@pytest.mark.data
def test_duc_outlets_are_the_two_newswires(shared_data):
    outlets = {a.outlet for s in read_stories(shared_data / "duc2004" / "duc2004_task2.jsonl") for a in s.articles}
    assert outlets == {"Associated Press", "The New York Times"}


def test_html_field_is_extracted_like_an_html_page(tmp_path):
    html = ("<html><head><title>Talks resume</title><meta property='og:site_name' content='Reuters'></head>"
            "<body><article><p>Negotiators from both countries met again on Monday after a month-long pause, "
            "officials said, and agreed to continue next week.</p></article></body></html>")
    path = _write_jsonl(tmp_path / "pages.jsonl", [{"id": "p1", "html": html, "url": "https://www.reuters.com/x"}])
    (article,) = read_inputs([str(path)]).articles
    assert (article.id, article.outlet, article.title) == ("p1", "Reuters", "Talks resume")
    assert article.text.startswith("Negotiators from both countries")


def test_line_in_a_legacy_encoding_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "Le café “Chez Loïc” a fermé."}\n'.encode("cp1252"))
    (article,) = read_inputs([str(path)]).articles
    assert article.text == "Le café “Chez Loïc” a fermé."
    assert article.meta["notes"] == ("not valid UTF-8 (bad byte at offset 16); decoded as cp1252",)


def test_empty_jsonl_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    (error,) = read_inputs([str(path)]).errors
    assert (error.source, error.reason) == (str(path), "empty file (no JSON lines)")


def test_binary_jsonl_file_reports_each_bad_line(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02\x03\n\xff\xfe\x00\x00\n")
    errors = read_inputs([str(path)]).errors
    assert [e.source for e in errors] == [f"{path}:1", f"{path}:2"]
    assert all("binary" in e.reason for e in errors)


def test_gzipped_cluster_jsonl_is_read(tmp_path):
    path = tmp_path / "clusters.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "s1", "documents": [{"text": "A."}]}).encode() + b"\n"))
    (story,) = read_stories(path)
    assert [a.text for a in story.articles] == ["A."]


def test_truncated_gzipped_jsonl_keeps_what_was_read_and_reports_the_cut(tmp_path):
    lines = "".join(json.dumps({"text": f"Article number {i}."}) + "\n" for i in range(2000)).encode()
    whole = gzip.compress(lines)
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    result = read_inputs([str(path)])
    assert 0 < len(result.articles) < 2000
    assert result.errors[-1].source == str(path) and "cannot read further (EOFError" in result.errors[-1].reason


def test_json_file_with_a_list_of_articles_gives_each(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "One.", "outlet": "bbc.co.uk"}, {"title": "no text"}]))
    result = read_inputs([str(path)])
    assert [(a.id, a.outlet) for a in result.articles] == [("batch-1", "BBC News")]
    assert [(e.source, e.reason) for e in result.errors] == [(f"{path}[1]", "record has neither 'text' nor 'html'")]


def test_json_file_with_one_article_takes_the_file_name_as_id(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": "Body.", "title": "Title"}))
    assert [a.id for a in read_inputs([str(path)]).articles] == ["story"]


def test_truncated_json_file_is_an_error(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('[{"text": "One."}, {"te')
    (error,) = read_inputs([str(path)]).errors
    assert error.source == str(path) and error.reason.startswith("invalid JSON")


def test_an_invalid_json_line_is_reported_at_the_column_where_it_breaks(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", ['{"id": 1 "text": "Missing comma."}', '{"text": "cut off'])
    first, second = read_inputs([str(path)]).errors
    assert first.reason == "invalid JSON (Expecting ',' delimiter at column 10; truncated line?)"
    assert second.reason == "invalid JSON (Invalid control character at column 18; truncated line?)"
