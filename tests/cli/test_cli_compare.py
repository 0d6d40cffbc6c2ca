"""The compare command: formats, the JSON contract, cluster files, output files and bad arguments."""

from __future__ import annotations

import json

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

SEEDS = [f"RT={RT_SEED}", str(LATIMES_SEED)]


@pytest.fixture(scope="module")
def seed_json():
    from newsprism.analysis.align import analyze
    from newsprism.compare import compare
    from newsprism.engines.local import load_story
    from newsprism.render.json import comparison_to_dict

    story, _ = load_story(SEEDS)
    analysis = analyze(story)
    return story, json.loads(json.dumps(comparison_to_dict(compare(analysis), analysis)))


def test_text_output_lists_consensus_exclusives_quotes_figures_and_framing(capsys):
    assert main(["compare", *SEEDS]) == 0
    out = capsys.readouterr().out
    for heading in ("Consensus", "Only RT", "Only Los Angeles Times", "Quotes", "Figures", "Framing:"):
        assert heading in out
    assert "Dmitry Peskov: \u201cIt takes two to tango\u201d [RT, Los Angeles Times]" in out


def test_json_output_has_every_contract_field(seed_json):
    _, record = seed_json
    assert record["outlets"] == ["RT", "Los Angeles Times"]
    assert {"text", "outlets"} <= set(record["consensus"][0])
    assert set(record["exclusives"]) == {"RT", "Los Angeles Times"} and {"text"} <= set(record["exclusives"]["RT"][0])
    assert set(record["omissions"]) == {"RT", "Los Angeles Times"}
    assert {"speaker", "text", "outlets"} <= set(record["quotes"][0])
    assert {"value", "unit", "counts", "outlet", "text", "conflict"} <= set(record["figures"][0])
    framing = record["framing"]["RT"]
    assert {"text", "article", "start", "end"} <= set(framing["loaded"][0])
    assert all(isinstance(count, int) for count in framing["attribution_verbs"].values())


def test_json_spans_slice_their_text_out_of_the_article(seed_json):
    story, record = seed_json
    items = [*record["consensus"], *(f for facts in record["exclusives"].values() for f in facts),
             *(q for group in record["quotes"] for q in group["quotes"]), *record["figures"],
             *(w for framing in record["framing"].values() for w in framing["loaded"])]
    for item in items:
        assert story.article(item["article"]).text[item["start"] : item["end"]] == item["text"]


def test_markdown_output_escapes_article_text(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("“Click [here](javascript:alert(1)) for <b>more</b> news,” Maria Lopez said on Monday.\n")
    assert main(["compare", f"Daily={path}", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "](javascript" not in out and "<b>" not in out and "Maria Lopez" in out


def test_out_writes_the_output_to_a_file(tmp_path, capsys):
    out = tmp_path / "cmp.json"
    assert main(["compare", *SEEDS, "--format", "json", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["outlets"] == ["RT", "Los Angeles Times"]


def test_html_output_is_the_report_page(tmp_path):
    pytest.importorskip("newsprism.render.html")
    out = tmp_path / "cmp.html"
    assert main(["compare", *SEEDS, "--format", "html", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "Los Angeles Times" in page


def test_clusters_give_one_jsonl_line_per_story_with_its_id(tmp_path, capsys):
    lines = [
        {"id": "s1", "documents": [
            {"source": "Reuters", "text": "Floods in the province killed 40 people on Sunday, officials said."},
            {"source": "AP", "text": "Floods in the province killed 52 people on Sunday, officials said."}]},
        {"id": "s2", "documents": [{"source": "CNN", "text": "The council approved the budget on Monday after a long debate."}]},
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert main(["compare", "--clusters", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["s1", "s2"]
    assert [f["conflict"] for f in records[0]["figures"]] == [True, True]


def test_a_broken_line_of_a_cluster_file_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    path = tmp_path / "stories.jsonl"
    good = {"id": "ok", "documents": [{"source": "CNN", "text": "The council approved the budget on Monday after a long debate."}]}
    path.write_text("{not json\n" + json.dumps(good) + "\n")
    main(["compare", "--clusters", str(path)])
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["ok"]
    assert "stories.jsonl" in captured.err


def test_inputs_and_clusters_together_are_refused(tmp_path, capsys):
    assert main(["compare", *SEEDS, "--clusters", str(tmp_path / "x.jsonl")]) == 2
    assert "either INPUT articles or --clusters" in capsys.readouterr().err


def test_html_for_a_cluster_file_is_refused(tmp_path, capsys):
    assert main(["compare", "--clusters", str(tmp_path / "x.jsonl"), "--format", "html"]) == 2
    assert "newsprism report" in capsys.readouterr().err


def test_a_missing_input_is_a_one_line_error(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nothing.txt")]) == 2
    assert "nothing.txt" in capsys.readouterr().err


def test_a_failed_comparison_leaves_no_output_file(tmp_path, capsys):
    out = tmp_path / "cmp.json"
    assert main(["compare", str(tmp_path / "nothing.txt"), "--out", str(out)]) == 2
    assert not out.exists()
