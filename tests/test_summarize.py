"""Summaries: the budget, whole sentences with exact spans, one sentence per fact, order, bad input."""

from __future__ import annotations

from datetime import datetime

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.analysis.align import analyze
from newsprism.errors import NewsprismError
from newsprism.model import Article, Sentence, Story
from newsprism.summarize import SummarySettings, summarize, word_count

BANK = (
    "The central bank raised its key interest rate to 5.5 percent on Tuesday, the highest level in "
    "two decades. Officials said inflation remained far above the target of two percent this year. "
    "Markets in Asia and Europe fell sharply after the announcement of the decision on Tuesday. "
    "The governor will testify before the finance committee of parliament next week in the capital."
)
BANK_2 = (
    "On Tuesday the central bank raised the key interest rate to 5.5 percent, its highest level in two "
    "decades. Inflation remained far above the target of two percent, officials of the bank said. "
    "Unions criticised the decision and called for a general strike across the country next month."
)


def bank_story(**dates) -> Story:
    return Story(id="bank", articles=(
        Article(id="a0", text=BANK, outlet="Reuters", published=dates.get("a0")),
        Article(id="a1", text=BANK_2, outlet="AP", published=dates.get("a1")),
    ))


@pytest.fixture(scope="module")
def seed_summary():
    from newsprism.engines.local import load_story

    story, _ = load_story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    return summarize(story, 10_000)  # larger than the story: every fact is told once


def test_summary_never_exceeds_the_word_budget():
    for budget in (13, 25, 40, 60, 1000):
        assert word_count(summarize(bank_story(), budget).text) <= budget


def test_summary_sentences_are_whole_sentences_sliced_exactly_from_their_article():
    story = bank_story()
    summary = summarize(story, 60)
    assert summary.sentences
    for chosen in summary.sentences:
        s = chosen.sentence
        assert story.article(s.article).text[s.start : s.end] == s.text


def test_no_two_summary_sentences_tell_the_same_fact():
    summary = summarize(bank_story(), 1000)
    facts = [chosen.fact.id for chosen in summary.sentences]
    assert len(facts) == len(set(facts))


def test_a_budget_larger_than_the_story_tells_every_fact_once():
    analysis = analyze(bank_story())
    summary = summarize(analysis, 10_000)
    assert {c.fact.id for c in summary.sentences} == {f.id for f in analysis.facts}


def test_summary_sentence_names_every_outlet_reporting_its_fact():
    summary = summarize(bank_story(), 30)
    rate = [c for c in summary.sentences if "5.5 percent" in c.sentence.text]
    assert rate and rate[0].outlets == ("Reuters", "AP")


def test_sentences_after_the_lead_are_in_chronological_order_of_their_articles():
    story = bank_story(a0=datetime(2024, 5, 2), a1=datetime(2024, 5, 1))
    summary = summarize(story, 10_000)
    dates = [min(story.article(s.article).published for s in c.fact.sentences) for c in summary.sentences[1:]]
    assert dates == sorted(dates)


def test_a_budget_smaller_than_every_sentence_is_a_clear_error():
    with pytest.raises(NewsprismError, match="budget of 3 words is smaller than every sentence"):
        summarize(bank_story(), 3)


@pytest.mark.parametrize("budget", [0, -5, 2.5, True])
def test_a_budget_that_is_not_a_positive_whole_number_is_refused(budget):
    with pytest.raises(NewsprismError, match="word budget"):
        summarize(bank_story(), budget)


def test_a_story_of_one_article_is_summarised_and_attributed_to_its_outlet():
    story = Story(id="one", articles=(Article(id="a0", text=BANK, outlet="Reuters"),))
    summary = summarize(story, 40)
    assert summary.sentences and all(c.outlets == ("Reuters",) for c in summary.sentences)


def test_a_sentence_the_source_cut_after_its_own_full_stop_is_shown_without_the_ellipsis():
    text = BANK.replace("in the capital.", "in the capital, the bank said....")
    story = Story(id="cut", articles=(Article(id="a0", text=text, outlet="Reuters"),))
    summary = summarize(story, 1000)  # every sentence of the article
    last = next(c.sentence for c in summary.sentences if "governor" in c.sentence.text)
    assert last.text.endswith("the bank said.")
    assert text[last.start : last.end] == last.text


def test_a_story_whose_articles_are_empty_is_a_clear_error():
    story = Story(id="empty", articles=(Article(id="a0", text=""), Article(id="a1", text=" \n ")))
    with pytest.raises(NewsprismError, match="no sentences"):
        summarize(story, 100)


def test_non_english_text_gets_a_summary_within_the_budget():
    text = (
        "Центральный банк повысил ключевую ставку до 16 процентов во вторник утром. "
        "Рынки отреагировали падением курса рубля и акций крупных компаний страны. "
        "Эксперты ожидают дальнейшего роста инфляции в течение следующего года."
    )
    summary = summarize(Story(id="ru", articles=(Article(id="a0", text=text, outlet="TASS"),)), 25)
    assert summary.sentences and word_count(summary.text) <= 25


def test_settings_with_a_negative_position_weight_are_refused():
    with pytest.raises(NewsprismError, match="position_weight"):
        SummarySettings(position_weight=-1)


def test_settings_with_a_candidate_limit_below_one_are_refused():
    with pytest.raises(NewsprismError, match="candidate_limit"):
        SummarySettings(candidate_limit=0)


def test_a_candidate_limit_of_one_leaves_only_the_heaviest_and_the_densest_sentence():
    summary = summarize(bank_story(), 1000, settings=SummarySettings(candidate_limit=1))
    assert 1 <= len(summary.sentences) <= 2  # the two may be one and the same sentence


def test_seed_peskov_two_to_tango_sentence_names_both_outlets(seed_summary):
    tango = [c for c in seed_summary.sentences if "two to tango" in c.sentence.text]
    assert tango and all(set(c.outlets) == {"RT", "Los Angeles Times"} for c in tango)


def test_seed_sentences_on_the_minsk_agreements_name_rt_alone(seed_summary):
    minsk = [c for c in seed_summary.sentences if "Minsk" in c.sentence.text]
    assert minsk and all(c.outlets == ("RT",) for c in minsk)


def test_seed_sentences_on_the_olympic_flag_ban_name_the_la_times_alone(seed_summary):
    flag = [c for c in seed_summary.sentences if "flag" in c.sentence.text.lower()]
    assert flag and all(c.outlets == ("Los Angeles Times",) for c in flag)


def test_the_solver_fallback_writes_nothing_to_standard_output(capfd):
    import numpy as np

    from newsprism.summarize import SummarySettings, _highs, _Program

    rng = np.random.default_rng(3)
    for _ in range(5):
        n, groups = 40, 80
        program = _Program(own=rng.uniform(0, 5, n), covers=(rng.random((n, groups)) < 0.2).astype(float),
                           shared=rng.uniform(1, 10, groups), words=rng.integers(8, 40, n).astype(float),
                           facts=rng.integers(0, n - 5, n))
        assert _highs(program, np.ones(n, bool), 120, SummarySettings())
    assert capfd.readouterr().out == ""


def test_seed_summary_of_100_words_carries_the_two_to_tango_fact_with_both_outlets():
    from newsprism.engines.local import load_story

    story, _ = load_story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    tango = [c for c in summarize(story, 100).sentences if "two to tango" in c.sentence.text]
    assert tango and set(tango[0].outlets) == {"RT", "Los Angeles Times"}


def test_a_story_of_few_articles_counts_its_repeated_content_words_as_concepts():
    from newsprism.summarize import _concept_weights

    _, weights = _concept_weights(analyze(bank_story()), SummarySettings(small_story_articles=2))
    assert ("rate",) in weights  # "rate" is said in two sentences of the two-article story


def test_a_story_of_more_articles_than_the_small_story_limit_has_bigram_concepts_only():
    from newsprism.summarize import _concept_weights

    _, weights = _concept_weights(analyze(bank_story()), SummarySettings(small_story_articles=1))
    assert weights and all(len(concept) == 2 for concept in weights)


def test_settings_with_a_negative_word_weight_are_refused():
    with pytest.raises(NewsprismError, match="word_weight"):
        SummarySettings(word_weight=-0.1)


def test_a_sentence_an_article_repeats_is_told_once_even_when_the_budget_allows_both():
    repeated = "Markets in Asia and Europe fell sharply after the announcement of the decision on Tuesday."
    story = Story(id="repeat", articles=(
        Article(id="a0", text=f"{BANK} {repeated}", outlet="Reuters"),
        Article(id="a1", text=BANK_2, outlet="AP"),
    ))
    texts = [chosen.sentence.text for chosen in summarize(story, 1000).sentences]
    assert texts.count(repeated) == 1


def test_a_short_sentence_both_of_two_long_ones_repeat_does_not_join_them_into_one_fact():
    from newsprism.summarize import _Candidate, _merge_near_duplicates

    lead = [("prime", "minist"), ("minist", "said"), ("said", "monday")]
    budget = [*lead, ("budget", "would"), ("would", "cut"), ("cut", "tax"), ("tax", "next"), ("next", "year")]
    talks = [*lead, ("talk", "union"), ("union", "would"), ("would", "resum"), ("resum", "next"), ("next", "week")]
    candidates = [
        _Candidate(Sentence("a0", index, 0, 1, "x"), fact, 10, frozenset(concepts))
        for index, (fact, concepts) in enumerate([(0, budget), (1, talks), (2, lead)])
    ]
    facts = [c.fact for c in _merge_near_duplicates(candidates, 0.8)]
    assert facts[0] != facts[1] and facts[2] in facts[:2]


def test_a_story_of_few_articles_counts_a_bigram_one_article_repeats_as_a_concept():
    from newsprism.summarize import _concept_weights

    story = Story(id="repeat", articles=(
        Article(id="a0", text=BANK + " Bond yields also fell sharply on the news.", outlet="Reuters"),
        Article(id="a1", text=BANK_2, outlet="AP"),
    ))
    _, weights = _concept_weights(analyze(story), SummarySettings())
    assert ("asia", "and") not in weights  # said once, by the first article
    assert ("fell", "sharpli") in weights  # said in two sentences of the first article only


def test_settings_with_a_duplicate_overlap_outside_0_to_1_are_refused():
    with pytest.raises(NewsprismError, match="duplicate_overlap"):
        SummarySettings(duplicate_overlap=0.0)


def test_a_small_story_keeps_its_short_sentences_as_candidates():
    short = "Trading was halted for an hour."
    story = Story(id="short", articles=(
        Article(id="a0", text=f"{BANK} {short}", outlet="Reuters"),
        Article(id="a1", text=BANK_2, outlet="AP"),
    ))
    texts = [chosen.sentence.text for chosen in summarize(story, 1000).sentences]
    assert short in texts


def test_a_story_of_more_articles_than_the_small_story_limit_leaves_short_sentences_out():
    short = "Trading was halted for an hour."
    story = Story(id="short", articles=(
        Article(id="a0", text=f"{BANK} {short}", outlet="Reuters"),
        Article(id="a1", text=BANK_2, outlet="AP"),
    ))
    summary = summarize(story, 1000, settings=SummarySettings(small_story_articles=1))
    assert short not in [chosen.sentence.text for chosen in summary.sentences]


def test_a_word_weight_of_zero_keeps_the_repeated_bigrams_of_a_small_story():
    from newsprism.summarize import _concept_weights

    story = Story(id="repeat", articles=(
        Article(id="a0", text=BANK + " Bond yields also fell sharply on the news.", outlet="Reuters"),
        Article(id="a1", text=BANK_2, outlet="AP"),
    ))
    _, weights = _concept_weights(analyze(story), SummarySettings(word_weight=0))
    assert ("fell", "sharpli") in weights and all(len(concept) == 2 for concept in weights)


def test_only_a_candidate_inside_a_quotation_earns_the_quotation_reward():
    from newsprism.summarize import _Candidate, _quotation_rewards

    quoted = Sentence(article="a0", index=0, start=0, end=40, text='"We will not cut rates," the governor said.')
    plain = Sentence(article="a0", index=1, start=41, end=80, text="The governor said rates would not be cut.")
    candidates = [_Candidate(s, s.index, word_count(s.text), frozenset({("rate", "cut")})) for s in (quoted, plain)]
    rewards = _quotation_rewards(candidates, {("rate", "cut"): 2.0}, SummarySettings(quotation_reward=0.5))
    assert rewards[0] == pytest.approx(1.0) and rewards[1] == 0.0


def test_settings_with_a_negative_quotation_reward_are_refused():
    with pytest.raises(NewsprismError, match="quotation_reward"):
        SummarySettings(quotation_reward=-1)


def story_of(*texts: str, dates: tuple = ()) -> Story:
    return Story(id="s", articles=tuple(
        Article(id=f"a{k}", text=text, outlet=f"Outlet {k}", published=dates[k] if dates else None)
        for k, text in enumerate(texts)
    ))


def test_a_sentence_cut_short_by_its_source_is_never_chosen():
    cut = "The central bank raised its key interest rate to 5.5 percent on Tuesday, the highest level in..."
    story = story_of(BANK.replace(BANK.split(". ")[0] + ".", cut), BANK_2)
    assert all(not c.sentence.text.endswith("...") for c in summarize(story, 10_000).sentences)


QUOTED = (
    "The central bank raised its key interest rate to 5.5 percent on Tuesday, the highest level in two decades. "
    "“We will raise the rate again if inflation stays high. Markets should be ready for that,” the governor "
    "of the central bank said on Tuesday."
)


def test_a_quotation_split_over_two_sentences_is_chosen_whole_and_never_in_pieces():
    story = story_of(QUOTED, BANK_2)
    texts = [c.sentence.text for c in summarize(story, 10_000).sentences]
    assert "“We will raise the rate again if inflation stays high." not in texts
    assert any(t.startswith("“We will raise") and t.endswith("said on Tuesday.") for t in texts)


def test_a_whole_quotation_in_a_summary_slices_its_span_out_of_its_article():
    story = story_of(QUOTED, BANK_2)
    for chosen in summarize(story, 10_000).sentences:
        s = chosen.sentence
        assert story.article(s.article).text[s.start : s.end] == s.text


CONTINUED = (
    "The central bank raised its key interest rate to 5.5 percent on Tuesday, the highest level in two decades. "
    "“Inflation is still far too high,” the governor of the central bank said on Tuesday. "
    "“We will do what it takes to bring inflation down.”"
)


def test_a_quote_only_sentence_is_never_chosen_alone():
    texts = [c.sentence.text for c in summarize(story_of(CONTINUED, BANK_2), 10_000).sentences]
    assert "“We will do what it takes to bring inflation down.”" not in texts


def test_a_quote_only_sentence_joins_the_attributed_quotation_before_it_as_one_candidate():
    from newsprism.evaluate.brief import quotation_units
    from newsprism.text.segment import segment

    sentences = segment(Article(id="a0", text=CONTINUED, outlet="Reuters"))
    assert quotation_units(CONTINUED, sentences, 4) == [(0, 0), (1, 2)]


def test_the_summary_leads_with_the_news_not_a_background_opening():
    background = (
        "Central banks around the world have struggled for years with prices that rose faster than wages "
        "and savings. " + BANK
    )
    summary = summarize(story_of(background, BANK_2), 10_000)
    assert "raised" in summary.sentences[0].sentence.text


def test_the_latest_development_leads_when_reports_differ_by_date():
    earlier = (
        "Governor Paul Lange opened the door to an early exit on Monday, telling a radio host that he might "
        "leave office soon. Lawmakers from both parties had called for his resignation over the remarks."
    )
    later = (
        "Governor Paul Lange said on Tuesday he will not resign and intends to serve out his full term in "
        "Augusta. Lawmakers from both parties had called for his resignation over the remarks."
    )
    summary = summarize(story_of(earlier, later, dates=(datetime(2016, 8, 29), datetime(2016, 8, 30))), 10_000)
    assert "will not resign" in summary.sentences[0].sentence.text


def test_the_summary_never_opens_with_a_bare_pronoun():
    text = (
        "He said the bank raised its key interest rate to 5.5 percent on Tuesday, the highest level in two decades. "
        "Governor Anna Berg said inflation remained far above the target of two percent this year."
    )
    summary = summarize(story_of(text, "He added that markets in Asia and Europe fell sharply after the decision."), 10_000)
    assert not summary.sentences[0].sentence.text.startswith("He ")


def test_a_story_whose_every_sentence_breaks_a_rule_still_gets_a_summary():
    story = story_of("“We will raise rates again if inflation stays high...", "The bank raised its rate to 5.5 percent...")
    assert summarize(story, 100).sentences


@pytest.mark.parametrize("name", ["lead_sentences", "lead_trials", "quotation_sentences"])
def test_settings_of_the_lead_and_the_whole_quotations_below_one_are_refused(name):
    with pytest.raises(NewsprismError, match=name):
        SummarySettings(**{name: 0})


def test_a_sentence_that_only_names_the_speaker_joins_the_quotation_before_it():
    from newsprism.evaluate.brief import quotation_units
    from newsprism.text.segment import segment

    text = (
        "The Senate will vote on the nominee next week. “Could any judge appointed by a Republican president be "
        "approved with 60 votes?” Senate Majority Leader Mitch McConnell, R-Ky., asked on Tuesday."
    )
    sentences = segment(Article(id="a0", text=text, outlet="Fox News"))
    assert len(sentences) == 3 and quotation_units(text, sentences, 4) == [(0, 0), (1, 2)]


def test_a_dash_led_source_line_joins_the_quotation_above_it():
    from newsprism.evaluate.brief import quotation_units
    from newsprism.text.segment import segment

    text = (
        "The claim spread quickly over the weekend.\n"
        "“Officials are handing out the senator’s book to migrants at the border. Was she paid for these books?”\n"
        "— Party Chair Jane Roe, in a tweet, April 26, 2021\n"
        "No such books were handed out, the agency said on Monday."
    )
    sentences = segment(Article(id="a0", text=text, outlet="The Washington Post"))
    assert len(sentences) == 5 and quotation_units(text, sentences, 4) == [(0, 0), (1, 3), (4, 4)]


def test_the_summary_does_not_lead_with_a_sentence_that_goes_on_from_one_before():
    text = (
        "But the central bank raised its key interest rate to 5.5 percent on Tuesday, the highest in two decades. "
        "Governor Anna Berg said on Tuesday that inflation remained far above the target of two percent."
    )
    summary = summarize(story_of(text, BANK_2), 10_000)
    assert not summary.sentences[0].sentence.text.startswith("But ")
