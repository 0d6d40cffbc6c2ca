"""The comparison: the seed pair's done-when checks, and the rules of consensus, exclusives, omissions."""

from __future__ import annotations

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.analysis.align import analyze
from newsprism.analysis.quotes import is_stance
from newsprism.compare import CompareSettings, compare
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story


@pytest.fixture(scope="module")
def seed():
    from newsprism.engines.local import load_story

    story, errors = load_story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    assert not errors
    analysis = analyze(story)
    return analysis, compare(analysis)


def test_the_los_angeles_times_is_found_from_its_copyright_line(seed):
    _, comparison = seed
    assert comparison.outlets == ("RT", "Los Angeles Times")


def test_consensus_includes_the_two_to_tango_quote_carried_by_both_outlets(seed):
    _, comparison = seed
    tango = [f for f in comparison.consensus if "two to tango" in " ".join(s.text for s in f.sentences)]
    assert tango and set(tango[0].outlets) == {"RT", "Los Angeles Times"}


def test_the_tango_quotation_is_one_quote_group_carried_by_both_outlets(seed):
    _, comparison = seed
    groups = [g for g in comparison.quotes if any("tango" in q.text for q in g.quotes)]
    assert len(groups) == 1
    group = groups[0]
    assert set(group.outlets) == {"RT", "Los Angeles Times"}
    texts = " | ".join(q.text for q in group.quotes)
    assert "It takes two to tango" in texts and "necessary to dance tango, as they say" in texts


def test_the_speaker_of_the_quotes_resolves_to_dmitry_peskov(seed):
    _, comparison = seed
    tango = next(g for g in comparison.quotes if any("tango" in q.text for q in g.quotes))
    assert tango.speaker == "Dmitry Peskov"
    assert all(q.speaker == "Dmitry Peskov" for q in tango.quotes)


def test_the_kremlin_spokesman_and_the_presidential_press_secretary_are_peskov(seed):
    analysis, comparison = seed
    rt = analysis.story.articles[0].id
    by_opening = {q.text[:20]: q.speaker for g in comparison.quotes for q in g.quotes if q.article == rt}
    assert by_opening["The state of Russia-"] == "Dmitry Peskov"  # "the Kremlin spokesman has said"
    assert by_opening["The Minsk agreements"] == "Dmitry Peskov"  # "the presidential press secretary said"


def test_rt_alone_explains_the_minsk_agreements(seed):
    _, comparison = seed
    assert any("Minsk agreements" in f.representative.text for f in comparison.exclusives["RT"])


def test_the_los_angeles_times_alone_reports_the_olympic_flag_ban(seed):
    _, comparison = seed
    exclusive = " ".join(f.representative.text for f in comparison.exclusives["Los Angeles Times"])
    assert "Olympic Committee" in exclusive and "flags" in exclusive


def test_the_los_angeles_times_alone_reports_the_staff_cut_from_1200_to_450(seed):
    _, comparison = seed
    staff = [f for f in comparison.exclusives["Los Angeles Times"] if "1,200" in f.representative.text]
    assert staff and "450" in staff[0].representative.text
    readings = {r.figure.value: r for r in comparison.figures if r.figure.counts == "personnel"}
    assert set(readings) == {1200.0, 450.0}
    assert all(r.outlet == "Los Angeles Times" for r in readings.values())


@pytest.mark.parametrize("junk", ["L.A. Now", "Essential Washington", "Latest updates", "Copyright", "EDITION"])
def test_no_scraper_junk_appears_in_the_comparison(seed, junk):
    analysis, comparison = seed
    from newsprism.render.json import comparison_to_dict

    assert junk not in str(comparison_to_dict(comparison, analysis))


def test_framing_shows_rt_naming_kiev_and_self_proclaimed_republics(seed):
    _, comparison = seed
    naming = comparison.framing["RT"].naming
    assert naming["Ukraine's capital"] == "Kiev"
    assert naming["eastern Ukraine's armed groups"] == "self-proclaimed republics"
    assert "Ukraine's capital" not in comparison.framing["Los Angeles Times"].naming


def test_compare_accepts_a_story_and_analyses_it_itself(seed):
    analysis, comparison = seed
    again = compare(analysis.story)
    assert again.consensus == comparison.consensus and again.quotes == comparison.quotes


def test_compare_refuses_something_that_is_not_a_story():
    with pytest.raises(NewsprismError, match="Story or a StoryAnalysis"):
        compare(["an article"])


def _story(*texts_by_outlet: tuple[str, str]) -> Story:
    return Story("s", tuple(Article(id=f"a{i}", text=t, outlet=o) for i, (o, t) in enumerate(texts_by_outlet)))


FLOOD = "Floods in the northern province killed at least 40 people and forced thousands from their homes on Sunday."
FLOOD_2 = "At least 40 people were killed by floods in the northern province on Sunday, forcing thousands from their homes."
FLOOD_3 = "Floods in the northern province killed at least 40 people on Sunday and forced thousands from their homes."
AID = "The government promised emergency aid for the farmers whose crops were destroyed by the water."


def test_a_fact_most_other_outlets_tell_is_an_omission_of_the_outlet_that_leaves_it_out():
    story = _story(("A", FLOOD), ("B", FLOOD_2), ("C", FLOOD_3), ("D", AID))
    comparison = compare(story)
    assert [f.representative.text[:6] for f in comparison.omissions["D"]] in (["Floods"], ["At lea"])
    assert comparison.omissions["A"] == ()


def test_with_two_outlets_an_exclusive_is_not_also_the_other_outlets_omission():
    comparison = compare(_story(("A", FLOOD + " " + AID), ("B", FLOOD_2)))
    assert [f.representative.text for f in comparison.exclusives["A"]] == [AID]
    assert comparison.omissions["B"] == ()


def test_a_sentence_cut_short_by_its_source_is_no_exclusive():
    cut = "Governor Maria Lopez told reporters on Monday that the army would..."
    comparison = compare(_story(("A", FLOOD + " " + AID + " " + cut), ("B", FLOOD_2)))
    assert [f.representative.text for f in comparison.exclusives["A"]] == [AID]


def test_an_outlets_own_question_is_no_exclusive_nor_omission_but_a_quoted_one_is():
    asked = "How and why did the water rise so fast this time?"
    quoted = "“Who will pay for the farmers' losses this year?” the mayor of the town asked."
    speech = ("“The farmers of the valley lost their whole harvest to the water.", "And who will rebuild the old bridge over the river now?",
              "Nobody in the capital has told us anything,” the mayor of the town said.")
    comparison = compare(_story(("A", " ".join((FLOOD, AID, asked, quoted) + speech)), ("B", FLOOD_2)))
    assert {f.representative.text for f in comparison.exclusives["A"]} == {AID, quoted, " ".join(speech)}
    story = _story(("A", FLOOD + " " + asked), ("B", FLOOD_2 + " " + asked), ("C", FLOOD_3))
    assert compare(story).omissions["C"] == ()


def test_an_outlets_own_question_holding_a_stance_is_no_exclusive():
    asked = "Did the officials who backed the dam know what the water would do to the valley?"
    comparison = compare(_story(("A", " ".join((FLOOD, AID, asked))), ("B", FLOOD_2)))
    assert any(is_stance(q) for group in comparison.quotes for q in group.quotes)  # "know what ...": no one's words
    assert [f.representative.text for f in comparison.exclusives["A"]] == [AID]


def test_the_pieces_of_one_quotation_are_one_exclusive_shown_whole_with_its_speaker():
    pieces = ("“We will not raise taxes on the farmers of the valley this year.",
              "We will cut what the capital spends on its own offices instead,” Governor Maria Lopez said.")
    comparison = compare(_story(("A", " ".join((FLOOD, AID) + pieces)), ("B", FLOOD_2)))
    quoted = [f for f in comparison.exclusives["A"] if f.representative.text != AID]
    assert len(quoted) == 1 and quoted[0].representative.text == " ".join(pieces)
    assert [s.text for s in quoted[0].sentences] == list(pieces)  # the facts' own sentences


def test_a_quote_only_sentence_is_listed_with_the_quotation_it_goes_on_from():
    said = "“Fill up your cars today,” a farmer of the valley told the local radio station."
    more = "“The lines at the stations are long this morning and the small ones have run out of fuel.”"
    comparison = compare(_story(("A", " ".join((FLOOD, AID, said, more))), ("B", FLOOD_2)))
    assert {f.representative.text for f in comparison.exclusives["A"]} == {AID, said + " " + more}


def test_an_exclusive_piece_of_a_quotation_another_outlet_tells_in_part_is_shown_whole():
    opening = "“We have counted at least 40 people killed by the floods in the northern province on Sunday."
    closing = "More are missing and we fear the worst for them,” Governor Maria Lopez said."
    comparison = compare(_story(("A", " ".join((AID, opening, closing))), ("B", FLOOD_2 + " " + AID)))
    assert [f.representative.text for f in comparison.exclusives["A"]] == [opening + " " + closing]
    assert [s.text for f in comparison.exclusives["A"] for s in f.sentences] == [closing]


def test_consensus_is_ranked_by_the_number_of_outlets():
    story = _story(("A", FLOOD + " " + AID), ("B", FLOOD_2 + " " + AID), ("C", FLOOD_3))
    comparison = compare(story)
    assert [len(f.outlets) for f in comparison.consensus] == [3, 2]


def test_omission_share_must_be_a_fraction():
    with pytest.raises(NewsprismError, match="omission_share"):
        CompareSettings(omission_share=1.5)


def test_a_translated_quotation_carried_by_both_outlets_is_not_an_exclusive(seed):
    _, comparison = seed
    exclusive = " ".join(f.representative.text for f in comparison.exclusives["Los Angeles Times"])
    assert "necessary to dance tango" not in exclusive


def test_an_outlet_that_conveys_a_fact_in_a_sentence_the_alignment_left_apart_does_not_omit_it():
    close = "Many people died on Sunday as floodwater swept through the northern province."  # no figure to share
    story = _story(("A", FLOOD), ("B", FLOOD_3), ("C", close))
    analysis = analyze(story)
    fact = analysis.fact_of[("a0", 0)]
    assert "C" not in analysis.facts[fact].outlets  # the alignment kept C's sentence apart
    assert any(p >= CompareSettings().conveys for pair, p in analysis.matches.items() if ("a2", 0) in pair)
    assert compare(analysis).omissions["C"] == ()


def test_exclusives_are_ranked_with_the_fact_carrying_a_figure_and_a_name_first():
    plain = "The weather stayed grey and wet across the region for much of the long weekend."
    named = "Governor Maria Lopez said 12 bridges were closed and 300 soldiers were sent to help."
    comparison = compare(_story(("A", FLOOD + " " + plain + " " + named), ("B", FLOOD_2)))
    assert [f.representative.text for f in comparison.exclusives["A"]] == [named, plain]


def test_the_comparison_lists_every_fact_with_all_its_sentences(seed):
    analysis, comparison = seed
    assert comparison.facts == analysis.facts
    assert sum(len(f.sentences) for f in comparison.facts) == sum(len(s) for s in analysis.sentences.values())


def test_consensus_exclusives_and_omissions_are_facts_of_the_comparison(seed):
    _, comparison = seed
    listed = [*comparison.consensus, *(f for fs in comparison.exclusives.values() for f in fs),
              *(f for fs in comparison.omissions.values() for f in fs)]
    assert all(comparison.facts[f.id] is f for f in listed)  # the seed has no exclusive quotation of several sentences


def test_conveys_must_be_a_probability():
    with pytest.raises(NewsprismError, match="conveys"):
        CompareSettings(conveys=0.0)


def test_consensus_facts_joined_with_less_confidence_than_an_omission_needs_are_marked_less_sure(seed):
    analysis, comparison = seed
    assert comparison.consensus
    for threshold in (0.0, 0.7, 1.0):
        marked = compare(analysis, CompareSettings(omission_confidence=threshold)).doubtful
        assert marked == {f.id for f in comparison.consensus if f.confidence < threshold}
    assert compare(analysis, CompareSettings(omission_confidence=1.0)).doubtful == {f.id for f in comparison.consensus}


def test_the_text_and_markdown_comparisons_mark_a_less_sure_consensus_fact():
    from newsprism.render.markdown import comparison_to_markdown
    from newsprism.render.text import comparison_to_text

    analysis = analyze(_story(("A", FLOOD + " " + AID), ("B", FLOOD_2)))
    for settings, marked in ((CompareSettings(omission_confidence=1.0), True), (CompareSettings(omission_confidence=0.0), False)):
        comparison = compare(analysis, settings)
        assert comparison.consensus
        assert ("(less sure match)" in comparison_to_text(comparison, analysis)) is marked
        assert ("_(less sure match)_" in comparison_to_markdown(comparison, analysis)) is marked
