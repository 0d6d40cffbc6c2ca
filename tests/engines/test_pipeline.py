"""The pipeline: settings from a caller reach the stages, one result per story, a story analysed once."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.analysis import story as analysis_stage
from newsprism.compare import compare
from newsprism.engines.local import Pipeline, StoryResult, read_articles, read_cleaned, sentences_of
from newsprism.engines.settings import PipelineSettings
from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, Story
from newsprism.stories.cluster import ClusterSettings
from newsprism.stories.dedup import DedupSettings
from newsprism.summarize import word_count
from newsprism.text.segment import RuleSettings

SEEDS = [f"RT={RT_SEED}", str(LATIMES_SEED)]


@pytest.fixture(scope="module")
def seed_result() -> StoryResult:
    story, _ = Pipeline().story(SEEDS)
    return Pipeline().result(story)


def test_a_finished_story_carries_its_analysis_summary_and_comparison(seed_result):
    assert seed_result.ok and seed_result.story is not None
    assert seed_result.analysis is not None and seed_result.analysis.complete
    assert seed_result.summary is not None and seed_result.summary.sentences
    assert seed_result.comparison is not None and "RT" in seed_result.comparison.outlets


def test_the_analysis_holds_the_quotations_figures_and_framing_the_comparison_shows(seed_result):
    analysis, comparison = seed_result.analysis, seed_result.comparison
    assert any("tango" in q.text for q in analysis.quotes)
    assert comparison.quotes is analysis.quote_groups
    assert comparison.figures is analysis.figures
    assert comparison.framing is analysis.framing
    assert comparison.conflicts is analysis.conflicts


def test_compare_reads_a_complete_analysis_without_extracting_quotations_again(seed_result, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("quotations extracted again")

    monkeypatch.setattr(analysis_stage, "extract_quotes", refuse)
    monkeypatch.setattr(analysis_stage, "extract_figures", refuse)
    assert compare(seed_result.analysis).quotes == seed_result.comparison.quotes


def test_the_word_budget_a_caller_gives_reaches_the_summary():
    story, _ = Pipeline().story(SEEDS)
    result = Pipeline(PipelineSettings(words=40), compare=False).result(story)
    assert result.comparison is None
    assert 0 < word_count(result.summary.text) <= 40


def test_the_splitter_settings_a_caller_gives_reach_the_segment_stage():
    article = Article("a1", "The plan was drafted by Gov. Smith in the spring. It passed.")
    assert len(sentences_of(article)) == 2
    no_abbreviations = PipelineSettings(segment=RuleSettings(abbreviations=frozenset()))
    assert len(sentences_of(article, no_abbreviations)) == 3
    analysis = Pipeline(no_abbreviations).analyze(Story("s1", (article,)))
    assert len(analysis.sentences["a1"]) == 3


def test_a_story_that_fails_keeps_its_error_in_its_result():
    story = Story("s1", (Article("a1", "Rain fell on Monday in the north of the county after a dry month."),))
    result = Pipeline(PipelineSettings(words=1)).result(story)
    assert not result.ok and result.analysis is None
    assert "budget of 1 words" in str(result.error)


def test_run_yields_a_result_per_story_and_passes_problems_on_in_place():
    stories = [
        Story("s1", (Article("a1", "Rain fell on Monday in the north of the county after a dry month."),)),
        InputError("day.jsonl:2", "not JSON"),
        Story("s2", (Article("a2", "The council voted on Tuesday to close the old bridge for repairs."),)),
    ]
    out = list(Pipeline(compare=False).run(stories))
    assert [type(item) for item in out] == [StoryResult, InputError, StoryResult]
    assert [item.story_id for item in out if isinstance(item, StoryResult)] == ["s1", "s2"]


def test_run_inputs_groups_the_articles_read_into_stories(tmp_path):
    lines = [
        {"id": "f1", "outlet": "Daily", "text": "Floods closed the main road into Riverton on Monday, officials said."},
        {"id": "f2", "outlet": "Herald", "text": "Floods closed the main road into Riverton on Monday, police said."},
        {"id": "c1", "outlet": "Daily", "text": "The chess club of Lakeside won its regional final on Saturday."},
    ]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    results = [item for item in Pipeline(summarize=False).run_inputs([str(path)]) if isinstance(item, StoryResult)]
    assert sorted(sorted(a.id for a in r.story.articles) for r in results) == [["c1"], ["f1", "f2"]]


def test_the_render_stage_gives_each_finished_story_its_output(seed_result):
    pipeline = Pipeline(compare=False, render=lambda result: result.summary.text.upper())
    result = pipeline.result(seed_result.story)
    assert result.output == result.summary.text.upper()


def test_read_takes_one_input_as_a_plain_path():
    assert [a.outlet for a in read_articles(RT_SEED).articles] == [a.outlet for a in read_articles([RT_SEED]).articles]


@pytest.mark.parametrize("change", [{"words": 0}, {"words": True}, {"cluster": "0.2"}, {"allow_private": "yes"},
                                    {"dedup": ClusterSettings()}],
                         ids=["no words", "a bool budget", "a string for settings", "a string for a flag",
                              "clustering settings for dedup's"])
def test_pipeline_settings_refuse_a_bad_value_naming_it(change):
    with pytest.raises(NewsprismError, match=next(iter(change))):
        replace(PipelineSettings(), **change)


def test_the_pipeline_refuses_settings_of_another_kind():
    with pytest.raises(NewsprismError, match="PipelineSettings"):
        Pipeline(RuleSettings())  # type: ignore[arg-type]


def test_the_settings_and_a_storys_result_pickle_for_another_process(seed_result):
    settings = PipelineSettings(words=50, segment=RuleSettings(caseless_min_length=60))
    assert pickle.loads(pickle.dumps(settings)) == settings
    again = pickle.loads(pickle.dumps(seed_result))
    assert again.summary == seed_result.summary and again.comparison.story == seed_result.comparison.story


def test_the_dedup_settings_a_caller_gives_reach_the_dedup_stage():
    text = ("The harbour bridge closes for repairs after engineers found cracks in two of its supports, the "
            "mayor said on Tuesday, and a ferry will run across the harbour until the spring.")
    articles = [Article("a1", text, outlet="A"), Article("a2", text + " More later.", outlet="B")]
    assert Pipeline().dedup(articles) == {"a2": "a1"}
    assert Pipeline(PipelineSettings(dedup=DedupSettings(threshold=1.0, shingle=2))).dedup(articles) == {}


def test_read_cleaned_keeps_an_article_cleaning_emptied_which_read_articles_reports_instead(tmp_path):
    (tmp_path / "junk.txt").write_text("Copyright © 2018, Los Angeles Times\n", encoding="utf-8")
    (tmp_path / "bridge.txt").write_text("The harbour bridge closes for repairs after engineers found cracks, "
                                         "the mayor said.\n", encoding="utf-8")
    kept = read_cleaned(tmp_path)
    assert sorted((a.id, bool(a.text)) for a in kept.articles) == [("bridge", True), ("junk", False)]
    read = read_articles(tmp_path)
    assert [a.id for a in read.articles] == ["bridge"] and "junk.txt" in str(read.errors[0])
