"""Alignment of sentences into facts: the invariants the summary and the comparison rely on."""

from __future__ import annotations

import numpy as np
import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.analysis.align import AlignSettings, StoryWords, analyze, sentence_cosines, sentence_vectors
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.text.segment import segment


def story(*texts: str, outlets: tuple[str, ...] = ()) -> Story:
    outlets = outlets or tuple(f"Outlet {k}" for k in range(len(texts)))
    return Story(
        id="s",
        articles=tuple(Article(id=f"a{k}", text=t, outlet=o) for k, (t, o) in enumerate(zip(texts, outlets))),
    )


PAIR = story(
    "The central bank raised its key interest rate to 5.5 percent on Tuesday. Markets fell sharply.",
    "On Tuesday the central bank raised the key interest rate to 5.5 percent. A storm hit the coast.",
    outlets=("Reuters", "AP"),
)


def test_every_sentence_belongs_to_exactly_one_fact():
    analysis = analyze(PAIR)
    members = [(s.article, s.index) for fact in analysis.facts for s in fact.sentences]
    every = [(a, s.index) for a, sentences in analysis.sentences.items() for s in sentences]
    assert sorted(members) == sorted(every)
    assert len(members) == len(set(members))


def test_fact_of_points_at_the_fact_holding_the_sentence():
    analysis = analyze(PAIR)
    for position, fact in enumerate(analysis.facts):
        assert fact.id == position
        for sentence in fact.sentences:
            assert analysis.fact_of[(sentence.article, sentence.index)] == position


def test_the_same_statement_in_two_outlets_is_one_fact_naming_both():
    analysis = analyze(PAIR)
    rate = analysis.facts[analysis.fact_of[("a0", 0)]]
    assert {s.article for s in rate.sentences} == {"a0", "a1"}
    assert rate.outlets == ("Reuters", "AP")


def test_unrelated_sentences_stay_facts_of_their_own_outlet():
    analysis = analyze(PAIR)
    assert analysis.facts[analysis.fact_of[("a0", 1)]].outlets == ("Reuters",)
    assert analysis.facts[analysis.fact_of[("a1", 1)]].outlets == ("AP",)


def test_a_fact_never_holds_two_sentences_of_one_article():
    text = "The bank raised rates to 5.5 percent. The bank raised rates to 5.5 percent again."
    analysis = analyze(story(text, "The bank raised rates to 5.5 percent, it said."))
    for fact in analysis.facts:
        assert len(fact.articles) == len(fact.sentences)


def test_outlets_of_a_fact_are_distinct_when_two_articles_share_an_outlet():
    analysis = analyze(story(PAIR.articles[0].text, PAIR.articles[1].text, outlets=("AP", "AP")))
    assert analysis.facts[analysis.fact_of[("a0", 0)]].outlets == ("AP",)


def test_facts_are_ordered_by_first_appearance():
    analysis = analyze(PAIR)
    firsts = [min((list(analysis.sentences).index(s.article), s.index) for s in f.sentences) for f in analysis.facts]
    assert firsts == sorted(firsts)


def test_a_shared_quotation_links_sentences_whose_other_words_differ():
    analysis = analyze(story(
        'Asked about Washington, the spokesman sighed: "It takes two to tango."',
        "Relations could improve, but it takes two to tango, Dmitry Peskov told reporters on a call.",
    ))
    assert len(analysis.facts) == 1


def test_a_name_shared_outside_the_quotation_does_not_link_a_quotation_to_a_sentence_sharing_its_words():
    analysis = analyze(story(
        "“Fear of losing coverage can lead families to skip care, which can harm their health,” the Department"
        " of Health and Human Services Secretary said in a statement.",
        "The announcement from the Department of Health and Human Services concerns the rule that bars insurers"
        " from refusing care to families over their health.",
    ))
    assert len(analysis.facts) == 2
    assert max(analysis.matches.values()) < analysis.link_probability


def test_representative_is_one_of_the_fact_sentences():
    for fact in analyze(PAIR).facts:
        assert fact.representative in fact.sentences


def test_a_fact_is_shown_by_a_sentence_its_source_did_not_cut_short():
    cut = story(
        "The central bank raised its key interest rate to 5.5 percent on Tuesday, the highest in...",
        "The central bank raised its key interest rate to 5.5 percent on Tuesday.",
        outlets=("Reuters", "AP"),
    )
    rate = analyze(cut).facts[0]
    assert {s.article for s in rate.sentences} == {"a0", "a1"}
    assert rate.representative.article == "a1"


def test_candidate_threshold_outside_unit_interval_is_refused():
    with pytest.raises(NewsprismError, match="candidate_threshold"):
        AlignSettings(candidate_threshold=1.5)


def test_an_article_without_sentences_gives_no_facts_for_it():
    analysis = analyze(story("The vote passed on Monday after a long debate.", "   "))
    assert analysis.sentences["a1"] == ()
    assert all("a1" not in f.articles for f in analysis.facts)


def test_seed_paraphrases_of_the_biggest_disappointment_of_2017_are_one_fact_of_both_outlets():
    from newsprism.engines.local import load_story

    seeds, _ = load_story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    facts = [f for f in analyze(seeds).facts if any("disappointment" in s.text for s in f.sentences)]
    assert len(facts) == 1 and set(facts[0].outlets) == {"RT", "Los Angeles Times"}


def _membership(analysis) -> set[frozenset[tuple[str, int]]]:
    return {frozenset((s.article, s.index) for s in fact.sentences) for fact in analysis.facts}


def _seed_story(story_id: str) -> Story:
    return Story(id=story_id, articles=(
        Article(id="rt", text=RT_SEED.read_text(encoding="utf-8"), outlet="RT"),
        Article(id="lat", text=LATIMES_SEED.read_text(encoding="utf-8"), outlet="Los Angeles Times"),
    ))


def test_a_story_too_large_for_every_pair_is_aligned_with_each_sentences_nearest_and_gives_the_same_facts():
    seed = _seed_story("seed")
    nearest = analyze(seed, settings=AlignSettings(max_pairs=1, neighbours=10))
    assert _membership(nearest) == _membership(analyze(seed))


def test_the_warning_that_only_the_nearest_sentences_are_compared_names_the_story(caplog):
    seed = _seed_story("seed-story")
    analyze(seed, settings=AlignSettings(max_pairs=1, neighbours=10))
    (record,) = [r for r in caplog.records if r.name == "newsprism.analysis.align"]
    assert record.getMessage().startswith("story seed-story: ")


def test_the_nearest_cosines_keep_memory_linear_in_the_sentences():
    words = "council vote budget city mayor school road tax police park water plan".split()
    texts = [" ".join(f"The {words[(i + k) % 12]} {words[(3 * i) % 12]} met on day {i}." for i in range(300)) for k in (0, 1)]
    flat = [s for k, t in enumerate(texts) for s in segment(Article(id=f"a{k}", text=t))]
    article_of = np.repeat([0, 1], [len(flat) // 2, len(flat) - len(flat) // 2])
    vectors = sentence_vectors(StoryWords.of(flat))
    every = sentence_cosines(vectors, article_of, AlignSettings())
    nearest = sentence_cosines(vectors, article_of, AlignSettings(max_pairs=1, neighbours=5))
    assert every.nnz > 100 * len(flat)
    assert nearest.nnz <= len(flat) * (1 + 2 * 5)
