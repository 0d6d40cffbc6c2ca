"""The summarize command: one story from files, batches from a cluster file, and bad arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

SEEDS = [f"RT={RT_SEED}", str(LATIMES_SEED)]


def test_text_output_marks_each_sentence_with_its_outlets(capsys):
    assert main(["summarize", *SEEDS, "--words", "80"]) == 0
    out = capsys.readouterr().out
    assert "two to tango" in out and "[RT, Los Angeles Times]" in out


def test_json_output_spans_slice_each_sentence_out_of_its_article(capsys):
    assert main(["summarize", *SEEDS, "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    from newsprism.engines.local import load_story

    story, _ = load_story(SEEDS)
    for sentence in record["sentences"]:
        assert story.article(sentence["article"]).text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_markdown_output_escapes_article_text(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("The mayor said [click here](javascript:alert(1)) was <b>fine</b> for the whole city today.\n")
    assert main(["summarize", f"Daily={path}", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "](javascript" not in out and "<b>" not in out


def test_clusters_give_one_jsonl_line_per_story_in_input_order(tmp_path, capsys):
    text = "The council approved the new budget of 4 million dollars on Monday evening after a debate."
    clusters = tmp_path / "c.jsonl"
    clusters.write_text("".join(
        json.dumps({"id": story, "documents": [{"text": text, "source": "AP"}, {"text": text + " Again."}]}) + "\n"
        for story in ("z9", "a1")
    ))
    assert main(["summarize", "--clusters", str(clusters), "--words", "50"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["z9", "a1"]
    assert set(lines[0]) >= {"id", "summary", "sentences"}
    assert set(lines[0]["sentences"][0]) >= {"text", "article", "start", "end", "outlets"}


def test_clusters_as_text_name_each_story_above_its_summary(tmp_path, capsys):
    text = "The council approved the new budget of 4 million dollars on Monday evening after a debate."
    clusters = tmp_path / "c.jsonl"
    clusters.write_text("".join(
        json.dumps({"id": story, "documents": [{"text": text, "source": "AP"}]}) + "\n" for story in ("z9", "a1")
    ))
    assert main(["summarize", "--clusters", str(clusters), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Story z9\nSummary of 1 article (Associated Press):")
    assert "\nStory a1\nSummary of 1 article" in out


@pytest.mark.parametrize(("fmt", "heading"), [("text", "Story z9: Council approves budget\n"),
                                              ("markdown", "# Story z9: Council approves budget\n\n")])
def test_clusters_name_each_story_by_the_headline_its_outlets_agree_on(tmp_path, capsys, fmt, heading):
    text = "The council approved the new budget of 4 million dollars on Monday evening after a debate."
    documents = [{"text": text, "source": "AP", "title": "Council approves budget"},
                 {"text": text.replace("Monday", "Tuesday"), "source": "Reuters", "title": "Council approves budget of $4 million"}]
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "z9", "documents": documents}) + "\n")
    assert main(["summarize", "--clusters", str(clusters), "--format", fmt]) == 0
    assert capsys.readouterr().out.startswith(heading)


def test_a_story_that_cannot_be_summarised_gets_an_error_line_and_the_batch_goes_on(tmp_path, capsys):
    clusters = tmp_path / "c.jsonl"
    long = "The council approved the new budget of four million dollars on Monday after a long debate."
    clusters.write_text(
        json.dumps({"id": "long", "documents": [{"text": long}]}) + "\n"
        + json.dumps({"id": "ok", "documents": [{"text": "Rain fell on Monday."}]}) + "\n"
    )
    assert main(["summarize", "--clusters", str(clusters), "--words", "5"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["id"] for line in lines] == ["long", "ok"]
    assert "error" in lines[0] and lines[1]["sentences"]
    assert "story long" in captured.err


def test_inputs_and_clusters_together_are_refused(tmp_path, capsys):
    assert main(["summarize", *SEEDS, "--clusters", str(tmp_path / "c.jsonl")]) == 2
    assert "either INPUT articles or --clusters" in capsys.readouterr().err


def test_a_non_positive_word_budget_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["summarize", *SEEDS, "--words", "0"])
    assert "--words must be at least 1" in capsys.readouterr().err


def test_evaluate_rouge_prints_scores_with_intervals(tmp_path, capsys):
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "s1", "summaries": ["storm hits the coast"]}) + "\n")
    summaries = tmp_path / "o.jsonl"
    summaries.write_text(json.dumps({"id": "s1", "sentences": [{"text": "storm hits the coast"}]}) + "\n")
    assert main(["evaluate", "rouge", "--clusters", str(clusters), "--summaries", str(summaries), "--mode", "mds"]) == 0
    out = capsys.readouterr().out
    assert "rouge1 F1" in out and "100.00" in out


def test_a_cluster_file_with_no_readable_story_is_an_error(tmp_path, capsys):
    assert main(["summarize", "--clusters", str(tmp_path / "missing.jsonl")]) == 2
    assert "newsprism: error: no story was read from" in capsys.readouterr().err


def test_out_writes_the_summary_to_the_file_instead_of_standard_output(tmp_path, capsys):
    out = tmp_path / "summary.json"
    assert main(["summarize", *SEEDS, "--format", "json", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["sentences"]


def test_what_a_reader_noted_on_an_article_is_reported_by_summarize_and_read(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "sometime soon", "outlet": "Daily",
                                "text": "The council approved the new budget on Monday after a long debate."}) + "\n")
    for command in (["summarize"], ["read"]):
        assert main([*command, str(path)]) == 0
        assert f"{path}:1: unparseable date 'sometime soon'" in capsys.readouterr().err


def test_what_a_reader_noted_on_an_article_of_a_cluster_file_is_reported_too(tmp_path, capsys):
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "s1", "documents": [{
        "text": "The council approved the new budget on Monday after a long debate.", "date": "sometime soon",
    }]}) + "\n")
    assert main(["summarize", "--clusters", str(clusters)]) == 0
    assert "unparseable date 'sometime soon'" in capsys.readouterr().err


def test_clusters_as_json_are_one_array_that_parses_with_failed_stories_kept(tmp_path, capsys):
    clusters = tmp_path / "c.jsonl"
    long = "The council approved the new budget of four million dollars on Monday after a long debate."
    clusters.write_text(
        json.dumps({"id": "long", "documents": [{"text": long}]}) + "\n"
        + json.dumps({"id": "ok", "documents": [{"text": "Rain fell on Monday."}]}) + "\n"
    )
    assert main(["summarize", "--clusters", str(clusters), "--words", "5", "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["long", "ok"]
    assert "error" in records[0] and records[1]["sentences"]


def test_a_story_left_without_text_by_cleaning_keeps_its_line_with_the_reason(tmp_path, capsys):
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(
        json.dumps({"id": "junk", "documents": [{"text": "Copyright 2024, Harbour Post"}]}) + "\n"
        + json.dumps({"id": "ok", "documents": [{"text": "Rain fell on Monday across the whole county."}]}) + "\n"
    )
    assert main(["summarize", "--clusters", str(clusters)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["id"] for line in lines] == ["junk", "ok"]
    assert lines[0]["error"] == "story has no article with text" and lines[0]["sentences"] == []
    assert f"{clusters}: story junk: story has no article with text" in captured.err


def test_a_full_disk_under_out_is_a_one_line_error_naming_the_file(capsys):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full, a device whose every write fails with 'no space left'")
    assert main(["summarize", *SEEDS, "--out", "/dev/full"]) == 2
    assert capsys.readouterr().err == "newsprism: error: cannot write to /dev/full: No space left on device\n"
