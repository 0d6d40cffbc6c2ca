"""Framing: loaded words with inflections, hedges, naming choices, attribution verbs, tone."""

from __future__ import annotations

from newsprism.analysis.framing import LITERAL, FramingSettings, find_loaded, frame_outlet, loaded_lexicon
from newsprism.model import Article, Mention, Quote

LEXICON = {"slam": "neg", "praise": "pos", "lash out": "neg", "utterly": "int", "witch hunt": "neg"}


def words(text: str, lexicon=LEXICON) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in find_loaded(text, "a", lexicon)]


def test_an_inflected_form_of_a_lexicon_word_is_found_with_its_polarity():
    assert words("Critics slammed the plan; others praised it.") == [("slammed", "neg"), ("praised", "pos")]


def test_a_phrase_inflected_on_its_first_word_is_found_whole():
    assert words("The senator lashed out at reporters.") == [("lashed out", "neg")]


def test_a_plural_phrase_is_found():
    assert words("He called the inquiries witch hunts.") == [("witch hunts", "neg")]


def test_a_word_that_only_contains_a_lexicon_word_is_not_found():
    assert words("The slamdunk contest was praiseworthy.") == []


def test_loaded_word_spans_index_the_text():
    text = "Critics slammed the plan."
    (span,) = find_loaded(text, "a", LEXICON)
    assert text[span.start : span.end] == span.text


def test_quoted_words_can_be_left_out():
    article = Article(id="a", text="“This is utterly wrong,” she said. Critics slammed it.")
    framing = frame_outlet("X", [article], settings=FramingSettings(include_quoted=False, lexicon=LEXICON))
    assert [s.text for s in framing.loaded] == ["slammed"]


def test_the_bundled_lexicon_has_polarities_only_from_the_three_labels_and_literal_phrases():
    lexicon = loaded_lexicon()
    assert len(lexicon) > 300 and set(lexicon.values()) == {"neg", "pos", "int", LITERAL}


def test_a_loaded_word_inside_a_literal_phrase_is_not_flagged():
    lexicon = {"hopeful": "pos", "presidential hopeful": LITERAL}
    assert words("The presidential hopefuls were hopeful.", lexicon) == [("hopeful", "pos")]


def test_hedges_are_found_but_may_the_month_is_not():
    article = Article(id="a", text="The talks may resume in May, officials reportedly said.")
    framing = frame_outlet("X", [article])
    assert [s.text for s in framing.hedges] == ["may", "reportedly"]


def test_naming_choices_show_the_names_an_outlet_uses():
    article = Article(id="a", text="Kiev accused the rebels. In Kiev, officials spoke of the annexation of Crimea.")
    naming = frame_outlet("X", [article]).naming
    assert naming["Ukraine's capital"] == "Kiev"
    assert naming["Crimea joining Russia"] == "annexation"
    assert naming["eastern Ukraine's armed groups"] == "rebels"


def test_attribution_verbs_are_counted_from_the_outlets_quotes():
    quotes = [Quote("A", "x", "a", 0, 1, verb="said"), Quote("A", "y", "a", 0, 1, verb="claimed"),
              Quote("B", "z", "a", 0, 1, verb="said"), Quote("B", "w", "a", 0, 1, verb=None)]
    framing = frame_outlet("X", [Article(id="a", text="x")], quotes)
    assert dict(framing.attribution_verbs) == {"said": 2, "claimed": 1}


def test_tone_is_negative_when_negative_words_outweigh_positive_ones():
    article = Article(id="a", text="Critics slammed the plan and slammed it again; one praised it.")
    framing = frame_outlet("X", [article], settings=FramingSettings(lexicon=LEXICON))
    assert framing.tone == round((1 - 2) / (1 + 2 + 5.0), 3)


def test_one_loaded_word_does_not_set_the_tone_alone():
    framing = frame_outlet("X", [Article(id="a", text="Critics slammed it.")], settings=FramingSettings(lexicon=LEXICON))
    assert -0.2 < framing.tone < 0


def test_by_default_only_the_outlets_own_words_count_as_loaded():
    article = Article(id="a", text="“This is utterly wrong,” she said. Critics slammed it.")
    framing = frame_outlet("X", [article], settings=FramingSettings(lexicon=LEXICON))
    assert [s.text for s in framing.loaded] == ["slammed"]


def test_appeared_where_someone_showed_up_is_no_hedge():
    text = "An account appeared on the site on Monday. It appeared to be run by the campaign. The bill appeared on track."
    article = Article(id="a", text=text)
    assert [s.start for s in frame_outlet("X", [article]).hedges] == [text.index("appeared to"), text.index("appeared on track")]


def test_appeared_at_a_state_of_mind_or_of_affairs_is_a_hedge():
    text = "The plan appears at odds with the law. He appeared at ease. She appeared at a rally."
    article = Article(id="a", text=text)
    assert [s.start for s in frame_outlet("X", [article]).hedges] == [text.index("appears"), text.index("appeared at ease")]


def test_appeared_on_the_cusp_or_point_of_an_outcome_is_a_hedge():
    text = "The deal appeared on the cusp of collapse. He appeared on the point of resigning. She appeared on the show."
    article = Article(id="a", text=text)
    assert [s.start for s in frame_outlet("X", [article]).hedges] == [text.index("appeared on the cusp"), text.index("appeared on the point")]


def test_a_hedge_inside_a_quotation_is_not_the_outlets_hedge():
    article = Article(id="a", text="“It may well fail,” the mayor said. The plan reportedly costs more.")
    assert [s.text for s in frame_outlet("X", [article]).hedges] == ["reportedly"]


def test_the_headline_and_its_loaded_words_are_read():
    article = Article(id="a", text="The council met.", title="Critics slam the plan")
    framing = frame_outlet("X", [article], settings=FramingSettings(lexicon=LEXICON))
    assert (framing.headline, [s.text for s in framing.headline_loaded]) == ("Critics slam the plan", ["slam"])


def test_the_sourcing_profile_counts_named_unnamed_and_anonymous_sources():
    quotes = [
        Quote("Maria Lopez", "We will not back down", "a", 0, 1, True, "said", Mention("Lopez", 0, 5)),
        Quote("", "the talks had failed", "a", 0, 1, False, "said", Mention("a senior official", 0, 17)),
        Quote("", "the plan was costly", "a", 0, 1, False, "said", Mention("the report", 0, 10)),
    ]
    sourcing = frame_outlet("X", [Article(id="a", text="x")], quotes).sourcing
    assert sourcing == {"quotations": 3, "direct": 1, "reported": 2, "named": 1, "unnamed": 2, "anonymous": 1}


def test_an_anonymous_source_is_told_by_its_head_before_what_qualifies_it():
    quotes = [
        Quote("", "a deal was near", "a", 0, 1, False, "according to", Mention("a source familiar with the discussions", 0, 38)),
        Quote("", "the vote would slip", "a", 0, 1, False, "said", Mention("officials at the agency", 0, 23)),
        Quote("", "the plan was costly", "a", 0, 1, False, "said", Mention("the head of the agency", 0, 22)),
    ]
    sourcing = frame_outlet("X", [Article(id="a", text="x")], quotes).sourcing
    assert (sourcing["unnamed"], sourcing["anonymous"]) == (3, 2)


def test_a_quantity_of_anonymous_sources_is_anonymous():
    quotes = [
        Quote("", "a deal was near", "a", 0, 1, False, "said", Mention("one of the officials", 0, 20)),
        Quote("", "the vote would slip", "a", 0, 1, False, "said", Mention("two of the people familiar with the talks", 0, 41)),
        Quote("", "the plan was costly", "a", 0, 1, False, "said", Mention("some of the members of the panel", 0, 32)),
    ]
    sourcing = frame_outlet("X", [Article(id="a", text="x")], quotes).sourcing
    assert (sourcing["unnamed"], sourcing["anonymous"]) == (3, 2)


def test_a_stance_is_not_counted_as_a_quotation_in_the_sourcing_profile():
    quotes = [
        Quote("Maria Lopez", "We will not back down", "a", 0, 1, True, "said", Mention("Lopez", 0, 5)),
        Quote("Paul Ryan", "endorsed Donald Trump", "a", 0, 1, False, "endorsed", Mention("Paul Ryan", 0, 9)),
    ]
    framing = frame_outlet("X", [Article(id="a", text="x")], quotes)
    assert (framing.sourcing["quotations"], dict(framing.attribution_verbs)) == (1, {"said": 1})


def test_a_loaded_word_capitalised_inside_a_sentence_is_part_of_a_name_in_the_outlets_text():
    text = "Congress renewed the Patriot Act. Patriotic voters cheered."
    lexicon = {"patriot": "pos", "patriotic": "pos"}
    assert [s.text for s in find_loaded(text, "a", lexicon, names=False)] == ["Patriotic"]
