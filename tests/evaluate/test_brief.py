"""The rules of a brief: each rule named for the sentences that break it, and the share over summaries."""

from __future__ import annotations

import pytest

from newsprism.evaluate.brief import LEAD_RULE, quotation, score_briefs, sentence_breaks, summary_breaks


def test_a_plain_news_sentence_breaks_no_rule():
    assert sentence_breaks("The central bank raised its key rate to 5.5 percent on Tuesday.") == ()


def test_a_quotation_with_its_speaker_breaks_no_rule():
    assert sentence_breaks("“It takes two to tango,” Peskov told reporters on Friday.") == ()


@pytest.mark.parametrize("text", [
    "The bill is the most sweeping...",
    "The bill is the most sweeping…",
    "“We have all longed …”",
    "Under intense pressure from the left,...",
    "Cases rose again in the U.S....",
    "The bill was signed by then-Gov....",
])
def test_a_sentence_cut_short_by_its_source_breaks_the_ellipsis_rule(text):
    assert "ellipsis" in sentence_breaks(text)


def test_a_sentence_whose_own_full_stop_comes_before_the_ellipsis_is_whole():
    assert sentence_breaks("“It is the sixth year of decline,” the agency said....") == ()
    assert sentence_breaks("Births fell for the sixth year in 2020.…") == ()


def test_an_ellipsis_inside_a_sentence_is_not_a_cut():
    assert sentence_breaks("He paused ... and then the vote was called on Tuesday.") == ()


@pytest.mark.parametrize("text", [
    "“This is about the White House.",
    "No one, including the president, is above the law.”",
    "The governor said the plan was “a disaster.",
    "There was about 200 people. \"",
])
def test_a_piece_of_a_longer_quotation_breaks_the_unbalanced_quotes_rule(text):
    assert "unbalanced-quotes" in sentence_breaks(text)


@pytest.mark.parametrize("text", ["“I'm not saying that I am going to finish it.”", '"Today, it is mostly Chinese."'])
def test_a_quotation_with_no_word_outside_it_breaks_the_all_quotation_rule(text):
    assert sentence_breaks(text) == ("all-quotation",)


def test_a_quotation_set_apart_with_only_its_dash_led_source_line_is_still_all_quotation():
    text = "“Was she paid for these books?”\n— Party Chair Jane Roe, in a tweet, April 26, 2021"
    assert sentence_breaks(text) == ("all-quotation",)
    assert sentence_breaks("“Was she paid for these books?” Jane Roe asked in a tweet.") == ()
    # a verb of speech after the dash makes it the outlet's own attribution, no source line
    assert sentence_breaks("“Was she paid for these books?” — Jane Roe asked in a tweet.") == ()


def test_two_bars_make_a_table_row():
    assert "table-row" in sentence_breaks("Jane Smith | Conservative | Newtown and Hill")


def test_an_email_address_breaks_the_email_rule():
    assert "email" in sentence_breaks("Contact the office at press.office@example.org for details.")


@pytest.mark.parametrize("text", [
    "TIME: Sign Up for Worth Your Time",
    "PC Gamer Newsletter",
    "Get our free daily newsletter in your inbox.",
    "If you're on the ABC7 News app, click here to watch live",
    "Download the NBC News app for breaking news alerts.",
    "Subscribe to our podcast on your favourite platform.",
    "Write to Alejandro de la Garza at his office address.",
    "Submit a letter to the editor or write to letters@example.com.",
    "Follow us on Twitter and Facebook.",
])
def test_a_call_to_the_reader_breaks_the_prompt_rule(text):
    assert "prompt" in sentence_breaks(text)


@pytest.mark.parametrize("text", [
    "Millions of people signed up for health coverage before the deadline on Tuesday.",
    "She wrote to the mayor at the end of May asking for an inquiry.",
    "The senator told constituents in a newsletter that he would run again.",
])
def test_news_that_mentions_signing_up_writing_or_a_newsletter_is_no_prompt(text):
    assert "prompt" not in sentence_breaks(text)


@pytest.mark.parametrize("opening", ["He", "She", "They", "It", "This", "His", "Her", "it"])
def test_a_summary_opening_with_a_bare_pronoun_breaks_the_lead_rule(opening):
    assert summary_breaks([f"{opening} said the talks would go on.", "The talks resumed."])[0] == (LEAD_RULE,)


def test_a_quotation_opening_with_a_pronoun_breaks_the_lead_rule():
    assert LEAD_RULE in summary_breaks(["“It was close,” the speaker said."])[0]


def test_only_the_first_sentence_is_held_to_the_lead_rule():
    assert summary_breaks(["The talks resumed on Monday.", "He said they would go on."]) == [(), ()]


@pytest.mark.parametrize("text", ["Here is what we know.", "Its shares fell 4 percent.", "Theresa May resigned."])
def test_words_that_begin_like_a_pronoun_do_not_break_the_lead_rule(text):
    assert summary_breaks([text]) == [()]


def test_a_quotation_opened_and_left_open_is_open_and_not_stray():
    marks = quotation("Peskov said: “We will not")
    assert (marks.open, marks.stray) == (True, False)


def test_the_share_counts_sentences_that_break_any_rule_once():
    score = score_briefs([
        ["The vote passed on Tuesday.", "“It was close.”"],
        ["He left...", "The vote passed."],
        [],
    ])
    assert (score.sentences, score.breaking, score.summaries, score.empty) == (4, 2, 3, 1)
    assert score.share == 0.5
    assert score.by_rule["ellipsis"] == score.by_rule[LEAD_RULE] == score.by_rule["all-quotation"] == 1


def test_no_summary_sentences_have_a_share_of_zero():
    assert score_briefs([]).share == 0.0


def test_a_sentence_ended_before_the_sources_ellipsis_is_shown_to_its_full_stop():
    from newsprism.evaluate.brief import whole_end

    assert whole_end("The agency said....") == len("The agency said.")
    assert whole_end("The agency said. …  ") == len("The agency said.")
    # cut short, no full stop of its own, or a quotation closed after the ellipsis: left as it is
    assert whole_end("the number of births in the...") is None
    assert whole_end("It rose in the U.S....") is None
    assert whole_end("It ended.") is None
    assert whole_end('"We will win," he said...."') is None
