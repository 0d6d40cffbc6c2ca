"""Sentence splitting: exact spans, paragraphs, and the hard cases of news English."""

from __future__ import annotations

import importlib.util
import re

import pytest
from datapaths import LATIMES_SEED, ROOT, RT_SEED, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.text.segment import RuleSettings, RuleSplitter, segment, split


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split(text)]


def test_spans_index_the_text_exactly_without_surrounding_whitespace():
    text = "  The vote failed.   Lawmakers left the chamber.  "
    spans = split(text)
    assert [text[a:b] for a, b in spans] == ["The vote failed.", "Lawmakers left the chamber."]


def test_empty_and_blank_text_have_no_sentences():
    assert split("") == []
    assert split(" \n\n \t") == []


def test_title_abbreviations_do_not_end_a_sentence():
    text = "Sen. Mitch McConnell met Gov. Jerry Brown and Dr. Jane Doe. They spoke."
    assert sentences(text) == ["Sen. Mitch McConnell met Gov. Jerry Brown and Dr. Jane Doe.", "They spoke."]


def test_month_abbreviation_before_a_date_does_not_end_a_sentence():
    text = "The election was held on Nov. 10 and results came Jan. 3, officials said. Turnout was low."
    assert sentences(text) == [
        "The election was held on Nov. 10 and results came Jan. 3, officials said.",
        "Turnout was low.",
    ]


def test_us_inside_a_sentence_does_not_end_it():
    text = "U.S. officials met their counterparts in the U.S. Capitol on Monday."
    assert sentences(text) == [text]


def test_us_at_the_end_of_a_sentence_ends_it():
    text = "Russia blames the U.S. The Kremlin said so on Friday."
    assert sentences(text) == ["Russia blames the U.S.", "The Kremlin said so on Friday."]


def test_initials_do_not_end_a_sentence():
    text = "J. R. R. Tolkien and George W. Bush never met. Nobody knows why."
    assert sentences(text) == ["J. R. R. Tolkien and George W. Bush never met.", "Nobody knows why."]


def test_decimals_do_not_end_a_sentence():
    text = "Growth slowed to 3.5 percent from 4.1 percent. Economists had expected 3.7."
    assert sentences(text) == ["Growth slowed to 3.5 percent from 4.1 percent.", "Economists had expected 3.7."]


def test_quoted_sentence_ending_inside_the_quotation_marks_stays_with_its_attribution():
    text = "\u201cWe will not back down,\u201d he said. \u201cIt takes two to tango.\u201d Peskov hung up."
    assert sentences(text) == [
        "\u201cWe will not back down,\u201d he said.",
        "\u201cIt takes two to tango.\u201d",
        "Peskov hung up.",
    ]


def test_quoted_question_followed_by_lowercase_attribution_is_one_sentence():
    text = '"Why would we leave?" asked the mayor. "Because we must!" she replied.'
    assert sentences(text) == ['"Why would we leave?" asked the mayor.', '"Because we must!" she replied.']


def test_quote_ending_with_a_full_stop_then_lowercase_attribution_is_one_sentence():
    text = "'This is definitely a U.S. domestic affair.' he said, adding nothing."
    assert sentences(text) == [text]


def test_ellipsis_before_a_capital_ends_a_sentence():
    text = "He paused... Then he spoke again."
    assert sentences(text) == ["He paused...", "Then he spoke again."]


def test_ellipsis_before_lowercase_continues_the_sentence():
    text = "We wanted \u2026 a better deal, he said. \u201cThe talks . . . are over.\u201d"
    assert sentences(text) == ["We wanted \u2026 a better deal, he said.", "\u201cThe talks . . . are over.\u201d"]


def test_list_items_on_their_own_lines_are_separate_sentences():
    text = "The demands:\n1. Free elections.\n2. A new cabinet\n- An amnesty"
    assert sentences(text) == ["The demands:", "1. Free elections.", "2. A new cabinet", "- An amnesty"]


def test_a_sentence_never_crosses_a_line_break_between_short_lines():
    text = "Latest updates\nCopyright 2018, Los Angeles Times"
    assert sentences(text) == ["Latest updates", "Copyright 2018, Los Angeles Times"]


def test_hard_wrapped_prose_is_joined_back_into_its_paragraph():
    text = (
        "The city council voted on Tuesday to close the old harbor bridge to\n"
        "traffic for six months. Engineers found cracks in two of its steel\n"
        "supports during a routine inspection in March, the mayor said.\n"
        "\n"
        "Repairs will cost about $4 million.\n"
    )
    got = segment(Article(id="w", text=text))
    assert [(s.paragraph, s.text) for s in got] == [
        (0, "The city council voted on Tuesday to close the old harbor bridge to\ntraffic for six months."),
        (0, "Engineers found cracks in two of its steel\nsupports during a routine inspection in March, the mayor said."),
        (1, "Repairs will cost about $4 million."),
    ]


def test_a_block_of_sentence_per_line_text_is_not_taken_for_hard_wrapped_prose():
    text = (
        "The council voted on Tuesday to close the old harbor bridge for a while.\n"
        "Engineers found cracks in two of its steel supports during an inspection.\n"
        "The mayor said repairs would cost about four million dollars in total.\n"
    )
    assert len(split(text)) == 3


def test_key_points_without_full_stops_are_not_taken_for_hard_wrapped_prose():
    text = (
        "Evacuations from the airport enter their final stage after two bomb attacks\n"
        "The attacks targeted people queuing to leave the country on Thursday\n"
        "Ninety people have been killed, most of them civilians waiting at the gates\n"
    )
    assert len(split(text)) == 3


def test_a_bulleted_block_is_not_taken_for_hard_wrapped_prose():
    text = (
        "- close the old harbor bridge to all traffic for the next six months\n"
        "- inspect the steel supports of the other two bridges across the river\n"
        "- report back to the council with cost estimates before the summer\n"
    )
    assert len(split(text)) == 3


def test_segment_numbers_sentences_and_paragraphs_and_keeps_exact_text():
    article = Article(id="a1", text="First one. Second one.\n\nThird one.\nFourth one.")
    got = segment(article)
    assert [(s.index, s.paragraph, s.text) for s in got] == [
        (0, 0, "First one."),
        (1, 0, "Second one."),
        (2, 1, "Third one."),
        (3, 2, "Fourth one."),
    ]
    assert all(s.article == "a1" and article.text[s.start : s.end] == s.text for s in got)


def test_an_injected_splitter_replaces_the_default():
    def whole(paragraph: str) -> list[tuple[int, int]]:
        return [(0, len(paragraph))]

    assert split("One. Two.\nThree.", splitter=whole) == [(0, 9), (10, 16)]


def test_an_abbreviation_ends_a_sentence_when_a_sentence_starter_follows():
    text = "The buyer is Acme Inc. The deal closed at 3 p.m. It was signed in Portland, Ore. Both sides agreed."
    assert sentences(text) == [
        "The buyer is Acme Inc.",
        "The deal closed at 3 p.m.",
        "It was signed in Portland, Ore.",
        "Both sides agreed.",
    ]


def test_an_abbreviation_before_a_name_does_not_end_a_sentence():
    text = "Officials at Acme Inc. Chief Executive Jane Roe's office declined to comment."
    assert sentences(text) == [text]


def test_number_abbreviation_before_a_figure_does_not_end_a_sentence():
    text = "Mobil, the No. 2 U.S. oil company, rose 2.3 percent."
    assert sentences(text) == [text]


def test_a_figure_ending_a_sentence_ends_it():
    text = "The stock closed at $39.18. AOL shares gained $1.50."
    assert sentences(text) == ["The stock closed at $39.18.", "AOL shares gained $1.50."]


def test_a_parenthetical_sentence_after_a_full_stop_starts_a_new_sentence():
    text = "The House voted on Saturday. (The Senate will hold a trial.) Lawmakers went home."
    assert sentences(text) == [
        "The House voted on Saturday.",
        "(The Senate will hold a trial.)",
        "Lawmakers went home.",
    ]


def test_spaced_ellipsis_inside_a_quotation_does_not_end_a_sentence():
    text = "He is not a sinful man ... America has been silent, the cleric said."
    assert sentences(text) == [text]


def test_section_label_with_dotted_abbreviation_stays_whole():
    assert sentences("L.A. Now") == ["L.A. Now"]


def test_seed_quotation_with_inner_sentence_stays_with_its_attribution():
    text = RT_SEED.read_text(encoding="utf-8")
    assert (
        "\"Washington's position towards our country can cause nothing but regret,\" he commented, "
        "adding: \"It takes two to tango.\""
    ) in sentences(text)


def test_seed_sentences_with_us_abbreviation_are_not_cut():
    text = LATIMES_SEED.read_text(encoding="utf-8")
    found = sentences(text)
    assert (
        "Relations between the U.S. and Russia have been categorized as the worst they\u2019ve been "
        "since the end of the Cold War."
    ) in found
    assert any(s.startswith("The U.S. diplomatic mission to Russia shrank") for s in found)
    assert all(not s.startswith(("S. ", "Russia have")) for s in found)


@pytest.mark.parametrize("seed", [RT_SEED, LATIMES_SEED], ids=["rt", "latimes"])
def test_seed_sentences_are_trimmed_single_line_spans(seed):
    text = seed.read_text(encoding="utf-8")
    for start, end in split(text):
        piece = text[start:end]
        assert piece and piece == piece.strip() and "\n" not in piece


def _load_benchmark():
    path = ROOT / "benchmarks" / "segment_bench.py"
    spec = importlib.util.spec_from_file_location("segment_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The required floor is 0.97. The floor is pinned higher, at the F1 measured when the rule set was
# chosen (0.9930 with spaces, 0.9951 with paragraphs, 0.9932 lower-cased) less about 0.008, so
# a regression shows.
DUC_F1_FLOOR = {"spaces": 0.985, "paragraphs": 0.987, "lowercase": 0.985}


@pytest.mark.data
@pytest.mark.parametrize("layout", ["spaces", "paragraphs", "lowercase"])
def test_boundary_f1_on_duc2004_stays_above_its_floor(layout):
    data = shared_file("duc2004/duc2004_task2.jsonl")
    bench = _load_benchmark()
    documents = bench.duc_documents(data)
    assert len(documents) == 500
    _, _, f1 = bench.score([bench.join(d, layout) for d in documents], RuleSplitter())
    assert f1 >= DUC_F1_FLOOR[layout]


def test_a_camel_case_name_can_start_a_sentence():
    text = "Sales fell in March. eBay shares rose anyway."
    assert sentences(text) == ["Sales fell in March.", "eBay shares rose anyway."]


def test_every_kind_of_line_break_ends_a_paragraph():
    text = "One.\r\nTwo.\rThree.\u2028Four."
    assert sentences(text) == ["One.", "Two.", "Three.", "Four."]


def test_a_short_attribution_after_a_quoted_question_stays_with_the_quotation():
    text = "\u201cIs that fair?\u201d Justice Ruth Bader Ginsburg asked. The lawyer paused."
    assert sentences(text) == ["\u201cIs that fair?\u201d Justice Ruth Bader Ginsburg asked.", "The lawyer paused."]


def test_an_attribution_with_a_short_prepositional_phrase_stays_with_the_quotation():
    text = "\u201cWe will prevail.\u201d Obama wrote in a letter delivered Tuesday."
    assert sentences(text) == [text]


def test_a_full_statement_after_a_quotation_is_its_own_sentence():
    text = "\u201cWe are done.\u201d Mr. Netanyahu said Tuesday that he would make the trip."
    assert sentences(text) == ["\u201cWe are done.\u201d", "Mr. Netanyahu said Tuesday that he would make the trip."]


def test_an_ellipsis_after_a_full_stop_opens_the_next_sentence():
    text = "We must win the war on terror. ... And we will stay the course."
    assert sentences(text) == ["We must win the war on terror.", "... And we will stay the course."]


def test_a_spaced_closing_quotation_mark_stays_with_its_sentence():
    text = "\u201cThey cited \u2018secret law.\u2019 \u201d Officials disagreed."
    assert sentences(text) == ["\u201cThey cited \u2018secret law.\u2019 \u201d", "Officials disagreed."]


def test_text_that_is_not_a_string_is_refused_with_its_type():
    with pytest.raises(TypeError, match="bytes"):
        split(b"Not text.")


def test_a_splitter_returning_spans_outside_its_paragraph_is_refused():
    def overlong(paragraph: str) -> list[tuple[int, int]]:
        return [(0, len(paragraph) + 5)]

    with pytest.raises(ValueError, match="outside its paragraph"):
        split("One sentence.", splitter=overlong)


def test_abbreviation_settings_written_with_their_dot_are_refused():
    with pytest.raises(NewsprismError, match="'Inc.' should be 'Inc'"):
        RuleSettings(abbreviations=frozenset({"Inc."}))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB. !?\u2026\"'\u201c\u201d\u2019()[]-1\n\r\u00a0", max_size=80))
def test_sentences_cover_every_visible_character_once_in_order(text):
    spans = split(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert previous_end <= start < end
        assert piece == piece.strip()
        assert not re.search(r"\n[^\S\n]*\n", piece.replace("\r\n", "\n").replace("\r", "\n"))
        covered.update(range(start, end))
        previous_end = end
    assert covered >= {i for i, char in enumerate(text) if not char.isspace()}


def test_lower_cased_text_splits_before_a_lower_case_quotation():
    text = (
        "The mayor of springfield has apologized to the city council for the delays at the harbor. "
        '"we should have acted sooner, " jane doe wrote in a letter to the council on monday. '
        "the council will meet again next week."
    )
    assert sentences(text) == [
        "The mayor of springfield has apologized to the city council for the delays at the harbor.",
        '"we should have acted sooner, " jane doe wrote in a letter to the council on monday.',
        "the council will meet again next week.",
    ]


def test_lower_cased_text_keeps_abbreviations_inside_the_sentence():
    text = "officials from the u.s. and russia met sen. john doe in st. louis on friday to discuss the talks."
    assert sentences(text) == [text]


def test_lower_cased_quoted_question_keeps_its_attribution():
    text = 'nobody at the harbor office could answer the question on friday afternoon. "why now?" he asked.'
    assert sentences(text) == [
        "nobody at the harbor office could answer the question on friday afternoon.",
        '"why now?" he asked.',
    ]


def test_cased_text_never_starts_a_sentence_with_a_lower_case_word():
    text = "The talks in Geneva ended without a deal on Friday, the diplomats said. and then they left."
    assert sentences(text) == [text]


def test_an_ellipsis_before_a_lower_case_word_continues_even_without_names_around():
    text = '"I stand before you this morning to announce a very important... development for our town."'
    assert sentences(text) == [text]


def test_a_web_address_ending_a_sentence_ends_it():
    text = "The statement was published on RT.com. Russia rejected the claims."
    assert sentences(text) == ["The statement was published on RT.com.", "Russia rejected the claims."]


def test_a_negative_caseless_length_is_refused():
    with pytest.raises(NewsprismError, match="caseless_min_length"):
        RuleSettings(caseless_min_length=-1)


def test_rule_splitter_refuses_settings_of_another_type():
    with pytest.raises(TypeError, match="RuleSettings"):
        RuleSplitter({"abbreviations": {"Inc"}})


def test_a_spaced_ellipsis_before_a_sentence_opener_ends_a_sentence():
    text = "I don't believe that's what we're here to do ... We're not here to serve the earth."
    assert sentences(text) == ["I don't believe that's what we're here to do ...", "We're not here to serve the earth."]


# Sentence ends hand-annotated in five BASIL articles rich in quotations (the annotation is in
# benchmarks/segment_bench.py). Measured when the rule set was chosen: 83 of 83 ends found and no
# false end (F1 1.0); pysbd 0.73, blingfire 0.93. The floor leaves room for two errors.
BASIL_F1_FLOOR = 0.97


@pytest.mark.data
def test_sentence_ends_in_annotated_basil_articles_with_quotations_stay_above_their_floor():
    path = shared_file("basil/basil_triplets.jsonl")
    bench = _load_benchmark()
    _, _, f1 = bench.score(bench.basil_articles(path), RuleSplitter())
    assert f1 >= BASIL_F1_FLOOR


def test_an_inline_list_marker_after_a_colon_does_not_end_a_sentence():
    text = "The report lists three demands: 1. Free elections. 2. A new cabinet. 3. An amnesty."
    assert sentences(text) == [
        "The report lists three demands: 1. Free elections.",
        "2. A new cabinet.",
        "3. An amnesty.",
    ]


def test_a_spaced_straight_quote_mark_that_opens_a_quotation_starts_the_next_sentence():
    text = 'Ferrin said Walker was wearing a Ravens jersey. " We have two sons, " she said.'
    assert sentences(text) == ["Ferrin said Walker was wearing a Ravens jersey.", '" We have two sons, " she said.']


def test_a_spaced_straight_quote_mark_that_closes_a_quotation_stays_with_its_sentence():
    text = 'He said " it is over. " Then the meeting ended.'
    assert sentences(text) == ['He said " it is over. "', "Then the meeting ended."]


def test_of_two_spaced_straight_marks_the_closing_one_stays_and_the_opening_one_moves_on():
    text = 'His lawyer called him " a man of rectitude. " " I have known Sokol for years, " Levine said.'
    assert sentences(text) == ['His lawyer called him " a man of rectitude. "', '" I have known Sokol for years, " Levine said.']


def test_an_attribution_after_a_quotation_with_any_measured_speech_verb_stays_with_it():
    text = '"We will not back down!" Smith vowed. The vote is on Monday.'
    sentences = [s.text for s in segment(Article(id="a", text=text))]
    assert sentences == ['"We will not back down!" Smith vowed.', "The vote is on Monday."]
