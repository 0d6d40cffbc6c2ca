"""Quote extraction: attribution patterns, speaker resolution, spans, and grouping across outlets."""

from __future__ import annotations

import pytest

from newsprism.analysis.quotes import (
    QuoteSettings,
    centred_groups,
    extract_quotes,
    group_quotes,
    is_sourceless,
    is_stance,
    quoted_spans,
    story_idf,
)
from newsprism.model import Article
from newsprism.text.segment import segment


def quotes_of(text: str, article_id: str = "a"):
    article = Article(id=article_id, text=text)
    return extract_quotes(article, segment(article))


def test_a_quote_that_closes_on_its_attribution_is_direct_with_its_speaker():
    (quote,) = quotes_of("“We will not back down on this,” Maria Lopez said on Monday.")
    assert (quote.speaker, quote.text, quote.direct, quote.verb) == ("Maria Lopez", "We will not back down on this", True, "said")


def test_a_quote_that_opens_after_its_attribution_is_direct_with_its_speaker():
    (quote,) = quotes_of("Maria Lopez told reporters: “We will not back down on this.”")
    assert (quote.speaker, quote.text, quote.direct) == ("Maria Lopez", "We will not back down on this", True)


def test_an_inverted_attribution_names_the_speaker_after_the_verb():
    (quote,) = quotes_of("“We will not back down on this,” said Maria Lopez.")
    assert quote.speaker == "Maria Lopez"


def test_a_quote_wrapped_around_its_attribution_gives_both_parts_the_speaker():
    quotes = quotes_of("“We will not back down,” Maria Lopez said, “and we will win this fight.”")
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert [q.text for q in quotes] == ["We will not back down", "and we will win this fight"]


def test_reported_speech_before_a_trailing_attribution_is_an_indirect_quote():
    (quote,) = quotes_of("The talks had collapsed over the weekend, the union leader Maria Lopez said.")
    assert (quote.text, quote.direct) == ("The talks had collapsed over the weekend", False)


def test_reported_speech_after_told_reporters_that_is_an_indirect_quote():
    (quote,) = quotes_of("Maria Lopez told reporters that the talks had collapsed over the weekend.")
    assert (quote.speaker, quote.text, quote.direct) == ("Maria Lopez", "the talks had collapsed over the weekend", False)


def test_according_to_attributes_the_clause_after_it():
    (quote,) = quotes_of("According to the police, three men broke into the building at night.")
    assert (quote.speaker_mention.text, quote.text, quote.verb) == (
        "the police", "three men broke into the building at night", "according to"
    )


def test_the_span_of_a_quote_is_exactly_its_text_in_the_article():
    text = "Intro line.\n“We will not back down on this,” Maria Lopez said on Monday."
    (quote,) = quotes_of(text)
    assert text[quote.start : quote.end] == quote.text


def test_a_surname_resolves_to_the_full_name_the_article_gave_earlier():
    text = "Maria Lopez leads the union. “We will not back down on this,” Lopez said."
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez"]


def test_a_title_and_surname_resolve_to_the_full_name():
    text = "Maria Lopez leads the union. “We will not back down on this,” Ms. Lopez said."
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez"]


def test_a_pronoun_resolves_to_the_last_speaker():
    text = "“The talks are over for now,” Maria Lopez said. “We will not back down on this,” she added."
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez", "Maria Lopez"]


def test_a_role_resolves_to_the_only_person_the_article_quotes():
    text = (
        "The talks had collapsed over the weekend, the union spokeswoman said. "
        "Maria Lopez told reporters the strike would go on until the company made a better offer."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez", "Maria Lopez"]


def test_a_role_stays_unresolved_with_its_mention_when_the_article_quotes_two_people():
    text = (
        "The talks had collapsed over the weekend, the union spokeswoman said. "
        "Maria Lopez told reporters the strike would go on. John Smith said the company had made its last offer."
    )
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.speaker_mention.text) == ("", "the union spokeswoman")


def test_a_role_set_beside_a_name_resolves_to_that_name():
    text = (
        "Maria Lopez, a spokeswoman for the union, spoke after the vote. John Smith said the company would wait. "
        "The talks had collapsed over the weekend, the spokeswoman for the union said."
    )
    assert quotes_of(text)[-1].speaker == "Maria Lopez"


def test_a_possessive_does_not_make_the_owner_the_speaker():
    text = "Relations are at a low point, President Vladimir Putin’s spokesman told reporters. Dmitry Peskov spoke by phone."
    assert quotes_of(text)[0].speaker != "Vladimir Putin"


def test_a_quote_only_paragraph_continues_the_previous_speaker():
    text = "The strike will go on, Maria Lopez said on Monday.\n“We will not back down on this one.”"
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez", "Maria Lopez"]


def test_a_quotation_with_no_speaker_nearby_keeps_an_empty_speaker():
    text = "The strike began in May. The union met twice. Nobody knew the outcome.\n“We will not back down on this one.”"
    assert [q.speaker for q in quotes_of(text)] == [""]


def test_a_quoted_title_is_not_a_quotation():
    assert quotes_of("Speaking on “Fox News Sunday,” the senator kept silent.") == ()


def test_a_one_word_scare_quote_is_not_a_direct_quotation():
    (quote,) = quotes_of("Maria Lopez told reporters that the offer was “insulting” to the workers.")
    assert quote.direct is False


def test_words_inside_a_quotation_are_never_taken_for_its_attribution():
    (quote,) = quotes_of("“John Smith said we would get a raise, and we did not,” Maria Lopez said.")
    assert quote.speaker == "Maria Lopez"


def test_a_noun_that_looks_like_a_verb_is_not_an_attribution():
    assert quotes_of("Mr. Smith’s comments prompted the union to call a strike across the whole country.") == ()


def test_a_quote_left_open_at_a_paragraph_end_runs_to_that_end():
    text = "She said: “We will not back down on this\nNext paragraph."
    (span,) = quoted_spans(text)
    assert text[span.start : span.end] == "We will not back down on this"


def test_curly_and_straight_quote_marks_may_close_each_other():
    text = "“This is a domestic affair, which is regrettable,\" Peskov said."
    (span,) = quoted_spans(text)
    assert text[span.start : span.end].endswith("regrettable,")


def test_the_same_quote_in_two_outlets_is_one_group_carried_by_both():
    a = quotes_of("“It takes two to tango,” Dmitry Peskov said about the talks.", "a")
    b = quotes_of("Russia wants better ties, but “it takes two to tango,” Dmitry Peskov told reporters.", "b")
    idf = story_idf(["It takes two to tango", "Russia wants better ties", "it takes two to tango"])
    (group,) = group_quotes([*a, *b], {"a": "RT", "b": "LA Times"}.get, idf)
    assert group.outlets == ("RT", "LA Times") and group.speaker == "Dmitry Peskov"


def test_a_translation_sharing_a_rare_word_is_grouped_for_the_same_speaker():
    a = quotes_of("“It takes two to tango,” Dmitry Peskov said.", "a")
    b = quotes_of("“It is necessary to dance tango, as they say,” Peskov said.", "b")
    idf = story_idf(["It takes two to tango", "It is necessary to dance tango, as they say",
                     "Relations are bad", "The talks failed", "Moscow is ready", "Sanctions were imposed"])
    groups = group_quotes([*a, *b], {"a": "RT", "b": "LA Times"}.get, idf)
    assert len(groups) == 1


def test_quotes_of_different_speakers_with_a_common_word_stay_apart():
    a = quotes_of("“Relations are at their lowest point in decades,” Dmitry Peskov said.", "a")
    b = quotes_of("“We hope relations will improve next year,” John Smith said.", "b")
    idf = story_idf([q.text for q in (*a, *b)] + ["The talks failed", "Moscow is ready"])
    assert len(group_quotes([*a, *b], {"a": "RT", "b": "LA Times"}.get, idf)) == 2


def test_a_long_object_of_told_is_not_part_of_the_reported_clause():
    (quote,) = quotes_of("Mark Schmitz had told a military officer the night before that he did not want to meet the president.")
    assert quote.text == "he did not want to meet the president"


def test_an_inverted_attribution_to_an_acting_official_names_the_official():
    (quote,) = quotes_of("“The jobs include teachers and grocery workers, among others,” said acting FDA Commissioner Janet Woodcock.")
    assert quote.speaker == "Janet Woodcock"


def test_quotes_of_two_named_speakers_are_never_grouped_however_alike():
    a = quotes_of("“The system must be made solvent for our children,” John Rother said.", "a")
    b = quotes_of("“The system must be made solvent for our children,” Kay Hutchison said.", "b")
    idf = story_idf([q.text for q in (*a, *b)] + ["Other words here", "More text there"])
    assert len(group_quotes([*a, *b], {"a": "NYT", "b": "Fox"}.get, idf)) == 2


def test_an_office_can_speak_for_its_owner():
    (quote,) = quotes_of("Benjamin Netanyahu’s office said the cabinet had approved the truce unanimously.")
    assert quote.speaker == "Benjamin Netanyahu’s office"


def test_a_verb_joined_by_and_takes_the_subject_of_the_clause():
    stance, quote = quotes_of("Critics have described the chairman as gaffe-prone and said he has not raised enough money.")
    assert (quote.speaker_mention.text, quote.text) == ("Critics", "he has not raised enough money")
    assert (stance.speaker_mention.text, stance.text) == ("Critics", "described the chairman as gaffe-prone")


def test_the_main_clause_before_a_participle_of_speech_is_a_stance_of_its_subject():
    stance, quote = quotes_of("Kasich bemoaned America's reputation around the world, saying that foreigners laugh at us.")
    assert (stance.speaker, stance.verb, stance.text) == ("Kasich", "bemoaned", "bemoaned America's reputation around the world")
    assert (quote.speaker, quote.verb, quote.text) == ("Kasich", "saying", "foreigners laugh at us")
    assert is_stance(stance) and not is_stance(quote)


def test_an_agency_named_with_and_is_one_speaker():
    (quote,) = quotes_of("Arrests rose again in June, Customs and Border Protection announced Friday.")
    assert (quote.speaker, quote.text) == ("Customs and Border Protection", "Arrests rose again in June")


def test_an_adverb_between_speaker_and_verb_is_allowed():
    (quote,) = quotes_of("The Wall Street Journal first reported that the group had changed its position.")
    assert quote.speaker == "Wall Street Journal"


def test_a_chain_of_look_alike_quotes_is_not_one_quotation():
    # 0 matches 1, 1 matches 2, 2 matches 3: 0 and 3 share nothing, so they are not one group
    assert centred_groups(4, [(0, 1), (1, 2), (2, 3)]) == [[0, 1, 2], [3]]


def stances_of(text: str):
    article = Article(id="a", text=text)
    return extract_quotes(article, segment(article), QuoteSettings(stances=True))


def test_a_stance_with_its_object_is_a_reported_record_from_its_verb_when_stances_are_read():
    (quote,) = stances_of("Paul Ryan endorsed Donald Trump on Thursday.")
    assert (quote.speaker, quote.text, quote.direct, quote.verb) == ("Paul Ryan", "endorsed Donald Trump on Thursday", False, "endorsed")


def test_a_stance_is_not_read_when_stances_are_off():
    article = Article(id="a", text="Paul Ryan endorsed Donald Trump on Thursday.")
    assert extract_quotes(article, segment(article), QuoteSettings(stances=False)) == ()


def test_a_stance_is_read_by_default_as_reported_words_never_verbatim():
    (quote,) = quotes_of("Paul Ryan endorsed Donald Trump on Thursday.")
    assert (quote.direct, is_stance(quote)) == (False, True)


def test_reading_stances_changes_no_quotation_nor_its_speaker():
    text = (
        "Mayor Ann Reyes criticised the plan on Monday, calling it “a bad deal for all of us”.\n"
        "Governor Tom Hale defended it. “It is the best deal we could get,” he said."
    )
    article = Article(id="a", text=text)
    speech = extract_quotes(article, segment(article), QuoteSettings(stances=False))
    assert [q for q in quotes_of(text) if not is_stance(q)] == list(speech)


def test_a_request_without_a_clause_is_a_stance_from_its_verb():
    (quote,) = stances_of("Marc Elias has asked the Supreme Court to intervene.")
    assert (quote.text, quote.verb) == ("asked the Supreme Court to intervene", "asked")


def test_a_declared_state_of_emergency_is_an_act_and_no_stance():
    assert stances_of("The governor declared a state of emergency on Friday.") == ()


def test_a_passive_subject_is_not_the_speaker_of_a_stance():
    assert stances_of("The plan was ultimately approved last year by the council.") == ()


def test_a_phrasal_cue_is_a_stance():
    (quote,) = stances_of("Sanders spoke about his plan to break up the largest banks.")
    assert (quote.speaker, quote.verb, quote.text) == ("Sanders", "spoke about", "spoke about his plan to break up the largest banks")


def test_an_adverb_in_ly_may_stand_between_the_speaker_and_a_stance():
    (quote,) = stances_of("Ash bluntly accused Priebus of trying to quash the proposal.")
    assert (quote.speaker, quote.verb, quote.text) == ("Ash", "accused", "accused Priebus of trying to quash the proposal")


def test_a_participle_after_a_quotation_and_its_speaker_is_that_speakers_stance():
    quotes = stances_of("“It is good strategy,” said Ed Rendell, a former governor, referring to the list of mayors who endorsed her.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ed Rendell", "It is good strategy"), ("Ed Rendell", "referring to the list of mayors who endorsed her"),
    ]


def test_auxiliaries_and_negations_between_speaker_and_verb_keep_the_attribution():
    (quote,) = quotes_of("Mr. Trump did not say whether he would attend the meeting in Ohio.")
    assert (quote.speaker, quote.text) == ("Trump", "whether he would attend the meeting in Ohio")


def test_the_occasion_between_verb_and_clause_is_not_what_was_said():
    (quote,) = quotes_of("The campaign said in a statement that the report was false.")
    assert quote.text == "the report was false"


def test_according_to_a_source_with_words_after_it_reports_the_clause_before():
    (quote,) = quotes_of("It quietly uses a network run by an intelligence agency, according to officials familiar with the system.")
    assert (quote.text, quote.verb) == ("It quietly uses a network run by an intelligence agency", "according to")


def test_a_role_between_the_comma_and_a_trailing_speaker_is_not_what_was_said():
    (quote,) = quotes_of("Two children were among the passengers, ministry spokesman Benali Cherif said Thursday.")
    assert (quote.speaker, quote.text) == ("Benali Cherif", "Two children were among the passengers")


def test_a_share_written_with_a_percent_sign_can_speak():
    (quote,) = quotes_of("There is less consensus: 47% say the United States should commit ground troops.")
    assert quote.text == "the United States should commit ground troops"


def test_reported_speech_holding_a_partial_quotation_is_a_reported_record_too():
    quotes = quotes_of("Some Democrats said they feared a speech like the one that called for “war on liberals and radicals.”")
    assert [(q.direct, q.text) for q in quotes] == [
        (True, "war on liberals and radicals"),
        (False, "they feared a speech like the one that called for “war on liberals and radicals.”"),
    ]


def test_a_reported_record_keeps_a_quotation_it_opens_with():
    reported = [q.text for q in quotes_of('She said "the deal" was "dead."') if not q.direct]
    assert reported == ['"the deal" was "dead."']


def test_a_stance_found_by_several_readings_is_one_record():
    quotes = quotes_of("Dr. Anthony Fauci corresponded with a Chinese health official early in the pandemic, "
                       "acknowledging the “crazy people in this world,” a new report revealed Tuesday.")
    spans = [(q.start, q.end, q.direct) for q in quotes]
    assert len(spans) == len(set(spans)) and any(q.verb == "corresponded" for q in quotes)


def test_adding_an_amount_is_no_speech_and_adding_a_clause_is():
    assert quotes_of("The U.S. economy added nearly 559,000 jobs last month, lighter than expected.") == ()
    (quote,) = quotes_of("Smith added 40 percent of the money was missing.")
    assert (quote.speaker, quote.text) == ("Smith", "40 percent of the money was missing")


def test_an_act_on_a_document_is_no_stance_and_a_document_speaking_is():
    assert quotes_of("The law was challenged in a suit filed in 2019 against the state’s attorney general.") == ()
    (quote,) = quotes_of("The complaint alleged in court papers that the company lied to investors.")
    assert quote.text.endswith("the company lied to investors")


def test_a_described_person_in_a_place_is_the_mention_not_the_place():
    (quote,) = quotes_of("A federal judge in the Southern District of California ruled late on Friday that the ban "
                         "is unconstitutional.")
    assert quote.speaker_mention.text == "A federal judge in the Southern District of California"


def test_a_reported_record_closes_the_quotation_it_opens():
    quotes = quotes_of('He said Moscow\'s position on who lacks the will to settle the conflict "is well known."')
    assert [(q.direct, q.text) for q in quotes] == [
        (True, "is well known"),
        (False, 'Moscow\'s position on who lacks the will to settle the conflict "is well known."'),
    ]


def test_what_follows_a_trailing_speakers_object_is_no_reported_speech():
    text = "“It looks like we will not have a good relationship,” Trump told Britain’s ITV television station in an interview."
    assert [q.direct for q in quotes_of(text)] == [True]


def test_a_quotation_ending_its_sentence_takes_the_speaker_opening_the_next():
    text = "David Cameron criticised the ban in parliament.\n“It looks like we will not have a good relationship, who knows?” Donald Trump told ITV on Monday."
    (quote,) = [q for q in quotes_of(text) if q.direct]
    assert (quote.speaker, quote.speaker_mention.text) == ("Donald Trump", "Donald Trump")


def test_a_stance_does_not_speak_the_quotation_after_it():
    text = "Mayor Ann Reyes praised the plan in a long speech.\n“This is a bad day for all of us, and we know it.”"
    quotes = stances_of(text)
    assert [q.speaker for q in quotes if q.direct] == [""]


def test_said_to_an_audience_is_speech_but_said_to_be_is_not():
    (quote,) = quotes_of("“We cannot afford to be politically correct anymore,” Ted Cruz said to enthusiastic cheers.")
    assert quote.speaker == "Ted Cruz"
    assert quotes_of("Ted Cruz is said to favor the plan of the House leaders.") == ()


def test_nobody_is_no_speaker():
    assert quotes_of("Nobody knew that the talks would fail so soon after they began.") == ()


def test_a_description_opening_a_sentence_speaks_a_coordinated_verb_of_speech():
    text = "A spokesman for the mayor defended the march route and said the police had trained for months."
    (quote,) = quotes_of(text)
    assert (quote.speaker_mention.text, quote.text) == ("A spokesman", "the police had trained for months")


def test_people_close_to_someone_are_a_trailing_source():
    text = "The priority is whether the candidate can play someone voters trust, people close to Clinton say."
    (quote,) = quotes_of(text)
    assert quote.speaker_mention.text == "people"


def test_knowing_a_thing_in_a_relative_clause_does_not_hide_the_attribution_after_it():
    text = "It came even though the chief of staff, who knew about the account, was aware of the inquiry, the report says."
    (quote,) = quotes_of(text)
    assert (quote.verb, quote.speaker_mention.text) == ("says", "the report")


def test_a_poll_set_before_its_clause_is_the_source_of_the_clause():
    (quote,) = quotes_of("In a CNN national poll, Hillary Clinton held a 24-point lead among black voters.")
    assert (quote.verb, quote.speaker_mention.text, quote.text) == (
        "in", "a CNN national poll", "Hillary Clinton held a 24-point lead among black voters"
    )


def test_a_question_put_to_a_speaker_is_its_own_stance_apart_from_the_answer():
    text = "Asked whether he would counsel Clinton to pick Sanders, Harry Reid said he would not give her advice."
    asked, answer = quotes_of(text)
    assert (asked.text, asked.speaker, is_stance(asked)) == ("Asked whether he would counsel Clinton to pick Sanders", "", True)
    assert (answer.speaker, answer.text) == ("Harry Reid", "he would not give her advice")


def test_a_participle_right_after_its_agent_is_the_agents_stance():
    (quote,) = quotes_of("The groups have benefited from the largesse of hedge fund executives supporting her campaign.")
    assert (quote.text, quote.speaker_mention.text) == ("supporting her campaign", "executives")


def test_a_subject_with_a_relative_clause_before_its_stance_verb_keeps_the_stance():
    text = "Stuart Stevens, who served as Mitt Romney's chief strategist, called the statements childish."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.text) == ("Stuart Stevens", "called the statements childish")


def test_a_subject_set_apart_from_its_stance_verb_by_a_parenthesis_keeps_it():
    text = "Sen. Kelly Ayotte (R-N.H.), who is in a tight reelection race, endorsed the compromise on Tuesday."
    (quote,) = quotes_of(text)
    assert (quote.speaker_mention.text, quote.text) == ("Sen. Kelly Ayotte", "endorsed the compromise on Tuesday")


def test_a_noun_after_a_stance_form_is_no_stance():
    assert quotes_of("The senators have calls from donors every day.") == ()


def test_a_noun_after_a_singular_description_is_no_verb_of_speech():
    assert quotes_of("The decision was a clear warning to Tehran while the talks go on in Vienna.") == ()


def test_a_negated_verb_of_speech_without_a_clause_reports_nothing():
    assert quotes_of("Fox News has not commented publicly on its host's claim.") == ()


def test_a_negated_verb_of_speech_with_a_question_still_reports_it():
    (quote,) = quotes_of("Trump did not say whether he would run again next year.")
    assert quote.text == "whether he would run again next year"


def test_a_lead_in_response_to_a_question_is_not_what_was_said():
    (quote,) = quotes_of("In response to a question about the comments, spokesperson Jen Psaki said the agency was independent.")
    assert (quote.speaker, quote.text) == ("Jen Psaki", "the agency was independent")


def test_the_weekday_between_the_occasion_and_that_is_not_what_was_said():
    (quote,) = quotes_of("Press secretary John Kirby said in a statement Sunday that the targets were storage sites.")
    assert quote.text == "the targets were storage sites"


@pytest.mark.parametrize(("mention", "speaker"), [("The House", "House"), ("the Pentagon", "Pentagon")])
def test_an_institution_named_by_one_word_after_the_is_the_speaker(mention, speaker):
    (quote,) = quotes_of(f"The strikes were defensive, {mention} said on Monday in Washington.")
    assert quote.speaker == speaker


def test_any_words_after_according_to_name_a_source():
    (quote,) = quotes_of("Chances of the former mayor winning are small, according to exit polls of the state.")
    assert (quote.speaker_mention.text, quote.text) == ("exit polls of the state", "Chances of the former mayor winning are small")


def test_a_plural_of_senators_speaks_without_a_determiner():
    (quote,) = quotes_of("Several senators said they were willing to let bygones be bygones.")
    assert quote.speaker_mention.text == "Several senators"


def test_a_clause_with_a_negated_auxiliary_before_a_quotation_is_reported_speech():
    text = "Mateen didn't mingle but left as soon as prayers were finished, Nefzi said, adding, “He was not very religious.”"
    assert [q.direct for q in quotes_of(text)] == [True, False]


def test_an_attribution_inside_its_sentence_reports_both_sides_of_it():
    (quote,) = quotes_of("It is his job, he said, to talk to Congress and to allies abroad about the threat.")
    assert quote.text == "It is his job, he said, to talk to Congress and to allies abroad about the threat"


def test_an_impression_with_no_source_is_a_reported_record_without_speaker_or_mention():
    (quote,) = quotes_of("Sanders appears to have a slight lead in the state.")
    assert (quote.text, quote.speaker, quote.speaker_mention, quote.direct, is_sourceless(quote)) == (
        "Sanders appears to have a slight lead in the state", "", None, False, True)


def test_appearing_somewhere_is_no_impression():
    assert quotes_of("The senator appeared on Fox News on Sunday morning.") == ()


def test_an_impression_with_no_source_is_not_read_with_speech_alone():
    article = Article(id="a", text="Clinton is expected to win the primary in New York.")
    assert extract_quotes(article, segment(article), QuoteSettings(stances=False)) == ()


def test_a_stance_in_a_later_clause_is_read_with_its_own_speaker():
    quotes = quotes_of("The plan was vague at best, but Sanders endorsed Clinton on Monday.")
    assert [(q.speaker, q.text, q.verb) for q in quotes] == [("Sanders", "endorsed Clinton on Monday", "endorsed")]


def test_a_belief_verb_after_has_been_is_a_passive_with_no_speaker():
    assert all(q.speaker != "John McAfee" for q in quotes_of("John McAfee has been found dead in his cell in Spain."))


def test_a_verb_of_speech_after_what_is_not_an_attribution():
    (quote,) = quotes_of("Schools cannot punish students for what they say off campus, the Supreme Court said Wednesday.")
    assert (quote.speaker, quote.text) == ("Supreme Court", "Schools cannot punish students for what they say off campus")


def test_last_opening_a_sentence_is_no_speaker():
    quotes = quotes_of("Last month this board endorsed Kathryn Garcia and urged voters to cast a ballot for her.")
    assert all(q.speaker != "Last" and (q.speaker_mention is None or q.speaker_mention.text != "Last") for q in quotes)


def test_a_phrasal_verb_of_stance_is_read_as_a_stance():
    (quote,) = quotes_of("Sanders took aim at the billionaire class on Monday.")
    assert (quote.speaker, quote.text, is_stance(quote)) == ("Sanders", "took aim at the billionaire class on Monday", True)


def test_the_words_after_a_transcript_label_in_capitals_are_verbatim():
    (quote,) = quotes_of("TAPPER: Do you think you will win this state next week?")
    assert (quote.speaker, quote.direct, quote.verb) == ("TAPPER", True, ":")


def test_the_words_after_a_headline_label_are_reported():
    (quote,) = quotes_of("Ted Cruz: The plan will fail in the Senate this year.")
    assert (quote.speaker, quote.direct) == ("Ted Cruz", False)


@pytest.mark.parametrize(
    "text, speaker, mention, cue",
    [
        ("The Daily Courier quoted Lena Ortiz as saying that the bridge had been closed for weeks.",
         "Lena Ortiz", "Lena Ortiz", "quoted ... as saying"),
        ("The wire service quoted a port spokesman saying that the bridge had been closed for weeks.",
         "", "a port spokesman", "quoted ... saying"),
        ("The newspaper quoted Ortiz, the city engineer, as saying that the bridge had been closed for weeks.",
         "Ortiz", "Ortiz", "quoted ... as saying"),
        ("The newspaper quoted her as saying that the bridge had been closed for weeks.", "", "her", "quoted ... as saying"),
        ("The newspaper quoted her spokesman as saying that the bridge had been closed for weeks.",
         "", "her spokesman", "quoted ... as saying"),
    ],
)
def test_the_one_quoted_as_saying_is_the_speaker_not_the_outlet_that_quotes(text, speaker, mention, cue):
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text, quote.verb, quote.direct, quote.text) == (
        speaker, mention, cue, False, "the bridge had been closed for weeks"
    )


def test_a_quotation_of_the_one_quoted_as_saying_is_theirs():
    quotes = quotes_of("“The bridge is closed,” the newspaper quoted Lena Ortiz as saying.")
    assert [(q.speaker, q.direct, q.text) for q in quotes] == [("Lena Ortiz", True, "The bridge is closed")]


def test_a_reported_clause_before_the_one_quoted_as_saying_is_theirs():
    (quote,) = quotes_of("The bridge had been closed for weeks, the state news agency quoted Lena Ortiz as saying.")
    assert (quote.speaker, quote.text) == ("Lena Ortiz", "The bridge had been closed for weeks")


def test_a_list_of_sources_after_according_to_is_the_mention_not_what_was_said():
    text = "Four plants stopped work over the weekend, according to company posts on Facebook, local unions and workers."
    (quote,) = quotes_of(text)
    assert (quote.speaker_mention.text, quote.text) == (
        "company posts on Facebook, local unions and workers", "Four plants stopped work over the weekend"
    )


def test_a_clause_after_according_to_its_source_is_not_a_list_of_sources():
    (quote,) = quotes_of("Four plants stopped work over the weekend, according to the company, and prices rose.")
    assert (quote.speaker_mention.text, quote.text) == ("the company", "Four plants stopped work over the weekend")


@pytest.mark.parametrize(
    "text", [
        "The mayor told the state government that the bridge had been closed for weeks.",
        "The mayor told Channel 4 host Ann Lee that the bridge had been closed for weeks.",
    ],
)
def test_whom_something_was_told_is_not_what_was_said(text):
    (quote,) = quotes_of(text)
    assert quote.text == "the bridge had been closed for weeks"


def test_a_clause_opening_with_when_after_that_is_what_was_said_with_the_quotation_in_it():
    quotes = quotes_of("The mayor noted that when the flood came she asked the state to “act now and act fast.”")
    assert [(q.speaker_mention.text, q.direct, q.text) for q in quotes] == [
        ("The mayor", True, "act now and act fast"),
        ("The mayor", False, "when the flood came she asked the state to “act now and act fast.”"),
    ]


def test_a_clause_before_a_pronoun_is_not_part_of_the_speaker():
    (quote,) = quotes_of("Ann Lee spoke on Monday. When the flood first came she called on the state to act.")
    assert (quote.speaker, quote.speaker_mention.text, quote.text) == ("Ann Lee", "she", "called on the state to act")


def test_a_negated_stance_keeps_its_negation():
    (quote,) = quotes_of("Authorities did not immediately offer details or a possible motive for the shooting.")
    assert (quote.text, quote.verb, is_stance(quote)) == (
        "did not immediately offer details or a possible motive for the shooting", "did not immediately offer", True
    )


def test_a_stance_with_only_a_time_after_its_verb_is_no_record():
    assert quotes_of("Time is also a factor, as the mayor announced in March...") == ()


def test_a_month_s_name_with_no_day_right_after_a_stance_is_its_object():
    (quote,) = quotes_of("Johnson endorsed May.")
    assert (quote.speaker, quote.text, is_stance(quote)) == ("Johnson", "endorsed May", True)
    assert quotes_of("The mayor announced May 5.") == ()  # with its day, a time


def test_a_plural_noun_before_its_verb_is_no_stance_of_the_word_before_it():
    assert quotes_of("Budget talks broke down on Friday.") == ()
    assert quotes_of("Trade talks collapsed.") == ()
    (quote,) = quotes_of("Obama backs renewed talks with Iran.")  # a participle before a noun is no verb
    assert (quote.speaker, quote.text, is_stance(quote)) == ("Obama", "backs renewed talks with Iran", True)


def test_a_plural_noun_of_speech_before_its_verb_is_no_claim_of_the_word_before_it():
    assert quotes_of("Weekly claims fell to 400,000 last week.") == ()
    assert quotes_of("Initial claims hit a record 6 million.") == ()
    assert quotes_of("Jobless claims can be volatile week to week.") == ()
    assert quotes_of("Continuing claims—which are reported a week late—rose to 3 million.") == ()
    (quote,) = quotes_of("The mayor claims the budget was cut.")
    assert (quote.speaker_mention.text, quote.verb) == ("The mayor", "claims")


def test_a_form_in_s_after_an_owner_and_words_that_cannot_speak_is_the_owners_noun():
    assert quotes_of("She was ousted for her rebuttals to the mayor’s false claims that the vote was rigged.") == ()
    assert quotes_of("He is wary of challenging the governor’s stolen election claims and his grip on the party.") == ()
    (quote,) = quotes_of("The mayor’s lawyer claims the vote was rigged.")
    assert (quote.speaker_mention.text, quote.verb) == ("The mayor’s lawyer", "claims")


def test_a_verb_of_belief_with_a_reflexive_object_is_a_state_not_a_stance():
    assert quotes_of("The governor once again found himself embroiled in a dispute with the council.") == ()
    assert quotes_of("The company finds itself in a bind.") == ()
    (quote,) = quotes_of("The governor found the report misleading.")
    assert (quote.speaker_mention.text, quote.verb) == ("The governor", "found")


def test_a_so_called_term_in_quotation_marks_is_no_quotation():
    quotes = quotes_of(
        "Questions remain about the so-called “lab leak hypothesis,” which the head of the agency has said "
        "should be studied."
    )
    assert all(not q.direct for q in quotes)
    (quote,) = quotes_of("“The lab leak hypothesis must be studied,” the head of the agency said.")
    assert quote.direct


def test_according_to_an_agency_named_with_an_initialism_and_its_abbreviation_names_it_whole():
    (quote,) = quotes_of("A gallon of gasoline cost $2.33 in January, according to the U.S. Energy Agency (EA).")
    assert (quote.speaker, quote.speaker_mention.text) == ("U.S. Energy Agency", "the U.S. Energy Agency (EA)")
    (quote,) = quotes_of("A gallon of gasoline cost $2.33 in January, according to the U.S. Energy Agency.")
    assert quote.speaker == "U.S. Energy Agency"


def test_according_to_a_company_role_and_name_names_the_person():
    (quote,) = quotes_of("Prices rose sharply in May, according to Acme analyst John Smith.")
    assert quote.speaker == "John Smith"
    (quote,) = quotes_of("Prices rose sharply in May, according to Acme Corp. chief economist John Smith, who tracks them.")
    assert quote.speaker == "John Smith"


def test_a_surname_with_a_particle_resolves_to_the_full_name_and_the_full_name_stays_whole():
    first, second = quotes_of(
        "Prices rose sharply in May, according to Acme analyst Pieter De Vries.\n"
        "In an interview on Monday, De Vries predicted that prices were likely to rise again."
    )
    assert (first.speaker, second.speaker) == ("Pieter De Vries", "Pieter De Vries")


def test_unnamed_sources_inside_a_body_are_the_mention_not_the_body():
    (quote,) = quotes_of("Sources inside the party caucus said the chair had lost the support of most members.")
    assert (quote.speaker, quote.speaker_mention.text) == ("", "Sources inside the party caucus")
    (quote,) = quotes_of("Aides within the campaign said the chair had lost the support of most members.")
    assert quote.speaker_mention.text == "Aides within the campaign"


def test_reported_speech_ends_before_the_writers_summing_up_of_it():
    (quote,) = quotes_of("The senator alleged that the lab had been funded by the agency, something that the director strongly disputed.")
    assert quote.text == "the lab had been funded by the agency"
    (quote,) = quotes_of("The board voted Monday to remove the chair from her post, punishing her for criticizing the mayor.")
    assert quote.text == "voted Monday to remove the chair from her post"


def test_reported_speech_ends_before_the_writers_in_the_latest_move():
    text = ("The company closed the account, claiming it was an attempt to evade the ban, in the latest move by a "
            "large firm limiting his reach.")
    (quote,) = [q for q in quotes_of(text) if q.verb == "claiming"]
    assert quote.text == "it was an attempt to evade the ban"
    (quote,) = quotes_of("The mayor said the city would close the park, in a move that angered residents.")
    assert quote.text == "the city would close the park"
    (quote,) = quotes_of("Officials said the troops would stay in a move toward peace.")  # no comma: their words
    assert quote.text == "the troops would stay in a move toward peace"


def test_a_noun_of_the_writers_gloss_inside_a_word_is_no_gloss():
    (quote,) = quotes_of("The mayor said the city would publish its guide to voting, in a step-by-step format.")
    assert quote.text == "the city would publish its guide to voting, in a step-by-step format"
    (quote,) = quotes_of("He said the team would rebuild, in a major setback.")
    assert quote.text == "the team would rebuild"
    (quote,) = quotes_of("The mayor said the city would close the park, in a move aimed at cutting costs.")
    assert quote.text == "the city would close the park"
    (quote,) = quotes_of("The lawyer argued the ruling was wrong, in a sign the fight is far from over.")
    assert quote.text == "the ruling was wrong"


def test_the_object_of_a_relative_clause_with_that_is_not_the_speaker():
    (quote,) = quotes_of("The group that sued the state said the law was unfair.")
    assert quote.speaker_mention.text == "The group"
    (quote,) = quotes_of("The storm that knocked out the largest U.S. power plant this week showed how fragile the grid is.")
    assert quote.speaker_mention.text == "The storm"
    # "that" opening a clause, after a verb of speech or before its subject, is no relative clause
    (quote,) = quotes_of("It is clear to voters that officials said the plan was dead.")
    assert quote.speaker_mention.text == "officials"
    (quote,) = quotes_of("The brief said that was not her view.")
    assert quote.speaker_mention.text == "The brief"
    text = "They signed a deal that would help the navy build a fleet — a partnership that experts believe serves as a warning."
    (quote,) = quotes_of(text)  # a dash or another "that" opens another clause
    assert quote.speaker_mention.text == "experts"
    # a participle after the clause is no verb of its subject: the open quotation stays the writer's
    text = ('Jane Smith reports:\n\n"She had been hospitalized for weeks after what she called a “rant,” a series of '
            'online postings that included one saying that the mayor should be fired.')
    assert [q.speaker for q in quotes_of(text)] == ["Jane Smith"]


def test_a_verb_of_belief_with_nothing_after_it_holds_no_belief_of_the_words_that_follow():
    text = ("Payrolls rose by only 266,000 jobs, well below the nearly 1 million jobs economists expected and a sharp "
            "contrast to steady gains from January to March.")
    assert quotes_of(text) == ()
    (quote,) = quotes_of("Economists expected a sharp rise in hiring.")
    assert quote.text == "expected a sharp rise in hiring"
    (quote,) = quotes_of("They argue, for example, that the outlets have played down the crisis.")  # an aside, then "that"
    assert quote.speaker_mention.text == "They"


def test_a_verb_of_belief_joined_to_another_verb_of_its_subject_keeps_its_words():
    (quote,) = quotes_of("Voters believed or hoped the war would end soon.")
    assert (quote.speaker_mention.text, quote.text) == ("Voters", "believed or hoped the war would end soon")
    (quote,) = quotes_of("Investors expected and welcomed the rate cut.")
    assert (quote.speaker_mention.text, quote.verb) == ("Investors", "expected")


def test_a_connective_set_off_by_commas_before_that_is_not_what_was_said():
    (quote,) = quotes_of("The newspaper reported Sunday night, however, that some officials have expressed concerns.")
    assert (quote.speaker_mention.text, quote.text, is_stance(quote)) == ("The newspaper", "some officials have expressed concerns", False)
    (quote,) = quotes_of("Officials said on Monday, however, that the plan was dead.")
    assert quote.text == "the plan was dead"


def test_what_an_unnamed_source_knows_is_part_of_its_mention_after_according_to():
    (quote,) = quotes_of("Staff are drafting the bill, according to people familiar with the talks.")
    assert (quote.speaker_mention.text, quote.text) == ("people familiar with the talks", "Staff are drafting the bill")
    (quote,) = quotes_of("Staff are drafting the bill, according to sources close to the senator.")
    assert quote.speaker_mention.text == "sources close to the senator"


def test_figures_reported_by_a_named_source_are_that_source_and_its_apposition_is_not_what_was_said():
    (quote,) = quotes_of("Most stations in the state had no fuel on Tuesday, according to figures gathered by Fuel Watch, a group that tracks prices.")
    assert (quote.speaker, quote.text) == ("Fuel Watch", "Most stations in the state had no fuel on Tuesday")


def test_a_description_headed_by_an_event_in_ing_is_no_speaker():
    assert quotes_of("The panic-buying threatens to deepen the shortage.") == ()
    assert quotes_of("The fighting threatens to spread to the capital.") == ()
    (quote,) = quotes_of("A sibling said the boy was safe at home.")
    assert quote.speaker_mention.text == "A sibling"


def test_an_amount_after_a_stance_is_no_time():
    (quote,) = quotes_of("The governor pledged 2,000 this week.")
    assert quote.text == "pledged 2,000 this week"


@pytest.mark.timeout(20)
def test_a_long_number_after_a_stance_is_read_in_linear_time():
    """The time words after a stance's verb end at a word boundary: a run of digits once had every
    split into pieces of up to four digits tried, exponential in its length (minutes at 30 digits)."""
    (quote,) = quotes_of("Time is also a factor, as the mayor announced " + "7" * 60 + " new rules.")
    assert quote.text.startswith("announced 777") and quote.text.endswith("new rules")


def test_a_name_and_its_apposition_after_a_quotation_cut_short_is_its_speaker():
    text = "The plant closed on Friday night, the county said.\n“I just ran for my life,” Ann Lee, a mechanic who was there during..."
    assert [(q.speaker, q.direct) for q in quotes_of(text)] == [("", False), ("Ann Lee", True)]


def test_the_one_prompted_to_speak_after_a_colon_is_the_speaker_and_nothing_before_is_theirs():
    text = "A worker killed eight people on Wednesday, prompting the state’s governor to ask: “What is wrong with us?”"
    (quote,) = quotes_of(text)
    assert (quote.speaker_mention.text, quote.direct, quote.text) == ("the state’s governor", True, "What is wrong with us?")


def test_the_agent_of_a_participle_opening_a_sentence_speaks_its_quotation():
    (quote,) = quotes_of("Described by critics of the show as a “cruel and tired joke,” the series ends this week.")
    assert (quote.speaker_mention.text, quote.text) == ("critics of the show", "cruel and tired joke")


def test_a_negated_stance_written_with_non_breaking_spaces_is_still_a_stance():
    (quote,) = quotes_of("Miami and Dallas haven’t\xa0decided\xa0on a quarantine policy for the schools.")
    assert (quote.text, is_stance(quote)) == ("haven’t\xa0decided\xa0on a quarantine policy for the schools", True)


def test_a_bare_plural_before_who_is_part_of_the_mention():
    (quote,) = quotes_of("The case was dismissed over the objection of prosecutors who said it should stand despite the pardon.")
    assert (quote.speaker, quote.speaker_mention.text, quote.text) == ("", "prosecutors who", "it should stand despite the pardon")


def test_a_clause_joined_by_and_with_its_own_subject_speaks_the_quotation_after_it():
    text = "Hillary Clinton toured the plant. At one stop, a woman asked for a photo and Clinton said, “as long as you vote for me.”"
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text, quote.text) == ("Hillary Clinton", "Clinton", "as long as you vote for me")
    (quote,) = quotes_of("The Clinton campaign and DNC did not immediately respond to requests for comment on the emails.")
    assert quote.speaker_mention.text == "The Clinton campaign and DNC"  # a joint source, no clause of its own


def test_a_name_before_an_apposition_no_comma_closes_is_the_speaker():
    text = "Sen. Kristen Gillibrand (D-NY), a supporter of the 2016 bid for the presidency told CNN that she believed the race was over."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text) == ("Kristen Gillibrand", "Sen. Kristen Gillibrand")
    (quote,) = quotes_of("John Smith, a spokesman for the company said that the robbers fled the store at noon.")
    assert (quote.speaker, quote.text) == ("John Smith", "the robbers fled the store at noon")


def test_a_participle_of_speech_after_the_main_clause_is_said_by_its_subject():
    text = "The Florida senator sought to calm his supporters, and took a heckler in stride, saying the person would be welcome."
    said = [q for q in quotes_of(text) if q.verb == "saying"]
    assert [(q.speaker_mention.text, q.text) for q in said] == [("The Florida senator", "the person would be welcome")]


def test_a_speaker_read_as_ending_in_a_conjunction_is_a_clause_not_a_speaker():
    text = "John Bolton distanced himself from the movement by saying he would bring his expertise to the Administration if asked."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.verb) == ("John Bolton", "saying")


def test_a_stance_in_a_relative_clause_is_taken_by_the_one_the_clause_is_about():
    (quote,) = quotes_of("The law was blocked by a judge who ruled that it violated the First Amendment of the Constitution.")
    assert (quote.speaker_mention.text, quote.verb, is_stance(quote)) == ("a judge who", "ruled", True)
    text = "The ruling came from Judge Analisa Torres, who called the policy arbitrary and capricious in her opinion."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text, quote.text) == (
        "Analisa Torres", "who", "called the policy arbitrary and capricious in her opinion",
    )


def test_a_participle_of_speech_after_the_verb_is_its_cue_not_what_was_said():
    (quote,) = quotes_of("The mayor responded on Monday, saying in a statement that the city would appeal the decision.")
    assert (quote.speaker_mention.text, quote.text) == ("The mayor", "the city would appeal the decision")


def test_a_participle_of_speech_after_a_clause_opened_by_a_description_of_someone_is_theirs():
    said = [q for q in quotes_of("The company fired him on Monday, saying in a statement that he had broken its rules.") if q.verb == "saying"]
    assert [(q.speaker_mention.text, q.text) for q in said] == [("The company", "he had broken its rules")]


def test_an_adverb_or_a_single_name_before_an_open_apposition_is_not_the_speaker():
    (quote,) = quotes_of("Significantly, the judge said he could not require me to pay restitution since nobody was harmed.")
    assert quote.speaker_mention.text == "the judge"
    (quote,) = quotes_of("Hillary Clinton, a top aide said, “is very confident in the contrast” between them.")
    assert quote.speaker_mention.text == "a top aide"


def test_a_fronted_participle_of_speech_is_said_by_the_main_clause_subject_up_to_its_comma():
    (quote,) = quotes_of("Having announced that he would not send me to prison, Judge Berman proceeded to read the sentence.")
    assert (quote.speaker_mention.text, quote.verb, quote.text) == ("Judge Berman", "announced", "he would not send me to prison")
    (quote,) = quotes_of("Having told reporters that the plan was dead, the mayor left the building at noon.")
    assert (quote.speaker_mention.text, quote.text) == ("the mayor", "the plan was dead")


def test_a_present_participle_of_speech_opening_a_sentence_is_no_name_and_is_said_by_the_main_subject():
    quotes = quotes_of("Saying the plan would cost jobs, Senator Mary Jones voted against it on Friday.")
    assert [(q.speaker, q.verb, q.text) for q in quotes] == [
        ("Mary Jones", "saying", "the plan would cost jobs"), ("Mary Jones", "voted", "voted against it on Friday"),
    ]
    text = ("The council met on Monday. And saying the mayor “had misled the voters for months,” Ruth Diaz "
            "left the meeting.")
    assert [(q.speaker, q.text) for q in quotes_of(text)] == [("Ruth Diaz", "had misled the voters for months")]
    # no speaker when the main clause's subject cannot speak: a capitalised adjective before a plural noun
    text = "Saying Hamas must pay a “very heavy price” for its attacks, Israeli jets struck a tower in Gaza."
    assert [(q.speaker, q.speaker_mention) for q in quotes_of(text)] == [("", None)]
    # a name ending as an adjective does ("Ryan", "Morgan") is the subject when its verb in -s has "to" or
    # a determiner after it; a plural noun's verb does not end in -s, an adverb before it may
    text = "Saying the bill was flawed from the start, Ryan wants to vote no."
    assert [(q.speaker, q.verb) for q in quotes_of(text)] == [("Ryan", "saying"), ("Ryan", "wants")]
    text = "Saying Hamas must pay a “very heavy price” for its attacks, Israeli jets always strike at night."
    assert [(q.speaker, q.speaker_mention) for q in quotes_of(text)] == [("", None)]
    # a name and its verb that a plural's pattern took for one group ("Pelosi urges members")
    quotes = quotes_of("Saying the bill was vital for the country, Pelosi urges members to back it.")
    assert [(q.speaker_mention.text, q.text) for q in quotes] == [("Pelosi", "the bill was vital for the country")]
    # the main clause's own words when it says more than the participle's object
    (quote,) = quotes_of("Arguing the case before the court, the lawyer said the evidence was thin.")
    assert (quote.verb, quote.text) == ("said", "the evidence was thin")


def test_a_verb_of_speech_with_itself_is_what_a_thing_does():
    assert quotes_of("Again a basic pattern asserts itself: when missiles fly, hard-liners on each side gain ground.") == ()
    assert quotes_of("History repeats itself in the markets, where every boom ends in the same way.") == ()
    (quote,) = quotes_of("The company distanced itself from the remarks made by its founder on Monday.")
    assert (quote.speaker_mention.text, quote.verb) == ("The company", "distanced")


def test_a_trailing_participle_of_speech_before_a_clause_is_its_cue_and_the_words_follow_it():
    text = ("Biden on Wednesday asked the agencies to “redouble their efforts” to find the origins of the virus, "
            "saying in a statement that he was calling for a broad government report.")
    said = [q for q in quotes_of(text) if q.verb == "saying"]
    assert [(q.speaker, q.text, is_stance(q)) for q in said] == [("Biden", "he was calling for a broad government report", False)]
    text = "“We will appeal this ruling,” Smith said, adding that the council would vote again next week."
    assert [q.text for q in quotes_of(text)] == ["We will appeal this ruling", "adding that the council would vote again next week"]


def test_a_stance_ends_before_a_participle_of_speech_that_is_a_record_of_its_own():
    text = "President Biden announced a truce in the trade war with the European Union, saying it was time to put aside the fight."
    assert [(q.verb, q.text) for q in quotes_of(text)] == [
        ("announced", "announced a truce in the trade war with the European Union"), ("saying", "it was time to put aside the fight"),
    ]


def test_a_quotation_after_a_lead_in_clause_goes_to_the_subject_of_the_main_clause():
    text = ("Jeb Bush and Chris Christie spoke on Sunday. Speaking to MSNBC on Monday in New Hampshire, which holds the contest "
            "Tuesday, Bush referred to Rubio as “a bright, charismatic leader” but described his skills as a “work in progress.”")
    assert [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)] == [("Jeb Bush", "Bush"), ("Jeb Bush", "Bush")]


def test_a_main_clause_with_its_own_verb_of_speech_after_a_fronted_participle_is_the_attribution():
    (quote,) = quotes_of("Having said that, John Smith told reporters that the plan had failed badly.")
    assert (quote.speaker, quote.verb, quote.text) == ("John Smith", "told", "the plan had failed badly")
    (quote,) = quotes_of("Having argued the case for years, the mayor said the ruling was a victory for the workers.")
    assert (quote.speaker_mention.text, quote.verb, quote.text) == ("the mayor", "said", "the ruling was a victory for the workers")


def test_a_verb_of_reply_is_the_cue_of_the_quotation_after_it():
    text = "Sen. Tom Baker spoke first. He answered, “I have no idea what you are talking about.”"
    assert [(q.speaker, q.verb, q.direct) for q in quotes_of(text)] == [("Tom Baker", "answered", True)]
    (quote,) = quotes_of("Trump tried to laugh it off by interjecting, “Only one of them deserves it.”")
    assert (quote.speaker, quote.verb) == ("Trump", "interjecting")
    (stance,) = quotes_of("The governor answered questions from reporters for an hour on Monday.")
    assert is_stance(stance)  # with an object, answering is an act
    (said,) = quotes_of("As the senator answered questions from the press, the governor said the plan had failed.")
    assert (said.speaker_mention.text, said.text) == ("the governor", "the plan had failed")


def test_the_subject_after_a_lead_in_is_read_by_the_clause_subject_pattern_with_its_titles():
    text = "Speaking to reporters on Monday, Republican presidential nominee Donald Trump called the plan “a total disaster for all.”"
    assert [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)] == [("Donald Trump", "Donald Trump")]
    # a bare participle follows no subject: "Hastily politicizing" is a lead-in, not a speaker and its verb
    text = "Hastily politicizing the tragedy, Trump cast the blame on his rivals and emphasized the threat that terror poses."
    assert {q.speaker_mention.text for q in quotes_of(text)} == {"Trump"}


def test_responding_to_an_event_or_a_place_is_an_act_and_the_later_attribution_of_the_sentence_is_read():
    text = ("Officers responded to a robbery outside a bank around noon on Monday, where two clerks were hurt, "
            "police spokesman Tom Rand confirmed to reporters. No one was arrested at the scene, Rand said.")
    assert [(q.speaker, q.verb, q.text) for q in quotes_of(text)] == [
        ("Tom Rand", "confirmed", "Officers responded to a robbery outside a bank around noon on Monday, where two clerks were hurt"),
        ("Tom Rand", "said", "No one was arrested at the scene"),
    ]
    (quote,) = quotes_of("The governor responded to the criticism of his budget on Monday.")
    assert quote.speaker_mention.text == "The governor"  # responding to a criticism is a stance
    # an event's word before "of" or "for" is a figure of speech: responding to it is a stance
    (quote,) = quotes_of("The senator responded to the storm of criticism by insisting that she did nothing wrong.")
    assert (quote.speaker_mention.text, quote.verb) == ("The senator", "responded")
    (quote,) = quotes_of("The mayor responded to the calls for the chief to resign.")
    assert (quote.speaker_mention.text, quote.verb) == ("The mayor", "responded")
    (quote,) = quotes_of("Officers responded to the scene of the crash, police spokesman Tom Rand said.")
    assert (quote.speaker, quote.verb) == ("Tom Rand", "said")  # a place before "of" is still a place
    # an event's or a place's word that owns what follows is no head: "the fire department's report"
    (quote,) = quotes_of("The governor responded to the school board's vote by saying the board had overstepped.")
    assert (quote.speaker_mention.text, quote.verb) == ("The governor", "responded")
    said = quotes_of("The mayor responded to the fire department's report, saying the city would hire more staff.")
    assert [(q.speaker_mention.text, q.verb) for q in said] == [("The mayor", "responded")]


def test_a_sentence_that_names_its_own_source_does_not_continue_the_speaker_before_it():
    text = ("The mayor said the budget was balanced this year. A statement from the governor’s office hailed “major gains” "
            "by the city in the year, “some of which are historic.”")
    quoted = [q for q in quotes_of(text) if q.direct]
    assert [(q.text, q.speaker_mention.text) for q in quoted] == [
        ("some of which are historic", "A statement from the governor’s office"),
    ]


def test_an_indefinite_article_before_a_demonym_is_a_description_of_the_speaker():
    (quote,) = quotes_of("“We are tired of this,” said a New Yorker who was stopped on his way to work.")
    assert (quote.speaker, quote.speaker_mention.text, quote.verb) == ("", "a New Yorker", "said")


def test_a_part_of_the_day_after_a_weekday_is_read_past_before_that():
    text = ("The company announced on Monday evening that it had sold the plant to a rival. "
            "Smith said on Monday evening that the plant was sold to a rival.")
    assert [q.text for q in quotes_of(text)] == ["it had sold the plant to a rival", "the plant was sold to a rival"]


def test_according_to_with_a_no_break_space_attributes_the_clause():
    (quote,) = quotes_of("The plant was sold for a large sum last year, according\u00a0to the company’s filing.")
    assert (quote.verb, quote.speaker_mention.text, quote.text) == (
        "according to", "the company’s filing", "The plant was sold for a large sum last year",
    )


def test_mentions_leave_out_conjunctions_and_widen_to_the_role_before_a_preposition():
    def mentions(text):
        return [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)]

    assert mentions("Police are looking into a fight on Friday night near Dallas where witness reports said two men were attacked.") == [
        ("", "witness reports"),
    ]
    assert mentions("The bill passed with support from 12 Democrats, even though top GOP leaders opposed it and launched an effort.") == [
        ("", "top GOP leaders"),
    ]
    assert mentions("Ambassadors from the 12 member states of the union endorsed a plan that would allow visits.") == [
        ("", "Ambassadors from the 12 member states of the union"),
    ]
    # a role in the plural opening a sentence is an unnamed source, not a name
    assert mentions("Economists expected claims to fall to 400,000 in the week.") == [("", "Economists")]


def test_a_base_form_after_an_owner_is_a_noun_not_the_verb_of_a_stance():
    assert quotes_of("President Smith's joint address to Congress looked back over the year.") == ()
    assert quotes_of("Smith used his first joint address to Congress to pitch a large investment in schools.") == ()
    (quote,) = quotes_of("He's not saying what other plans he would back in the spring.")  # "He's" is no owner
    assert quote.verb == "saying"


def test_a_stance_ends_before_the_writers_gloss_of_its_result():
    (quote,) = quotes_of("The two sides agreed to a truce on Thursday, halting a bitter war that left hundreds dead.")
    assert quote.text == "agreed to a truce on Thursday"
    (quote,) = quotes_of("The council approved the plan on Monday, leaving the mayor without a budget.")
    assert quote.text == "approved the plan on Monday"
    endorsed = quotes_of("Smith endorsed the plan on Monday, urging others to back it before the vote.")[0]
    assert endorsed.text.endswith("urging others to back it before the vote")  # the subject's own stance stays


def test_sending_and_dealing_are_a_gloss_only_with_an_object_of_result():
    # "sending a letter", "dealing with": the subject's own acts, in its words
    (quote,) = quotes_of("The senator criticized the plan on Monday, sending a letter to the governor about it.")
    assert quote.text == "criticized the plan on Monday, sending a letter to the governor about it"
    (quote,) = quotes_of("The council approved the plan on Monday, dealing with the last item of the budget.")
    assert quote.text == "approved the plan on Monday, dealing with the last item of the budget"
    (quote,) = quotes_of("The council approved the plan on Monday, dealing a blow to the mayor's hopes of a delay.")
    assert quote.text == "approved the plan on Monday"
    (quote,) = quotes_of("The two sides agreed to a truce on Thursday, sending shockwaves through the markets.")
    assert quote.text == "agreed to a truce on Thursday"


def test_a_document_from_a_body_of_a_named_owner_is_that_body_speaking():
    text = ("Benjamin Netanyahu spoke on Monday. A statement from Netanyahu’s office hailed “major gains” by the army "
            "in the war, “some of which are historic.”")
    quoted = [q for q in quotes_of(text) if q.direct]
    assert [(q.speaker, q.speaker_mention.text) for q in quoted] == [("Netanyahu’s office", "A statement from Netanyahu’s office")]


def test_come_to_before_a_verb_of_belief_is_read_as_an_auxiliary():
    (quote,) = quotes_of("State officials have come to believe that the law does not allow them to pay the benefit.")
    assert (quote.speaker_mention.text, quote.verb, quote.text) == (
        "State officials", "believe", "the law does not allow them to pay the benefit",
    )


def test_a_source_with_its_origin_after_the_clause_is_read_and_its_mention_keeps_the_origin():
    (quote,) = quotes_of("New jobless claims fell to 444,000 for the week, data from the Department of Labor showed Thursday.")
    assert (quote.speaker_mention.text, quote.verb, quote.text) == (
        "data from the Department of Labor", "showed", "New jobless claims fell to 444,000 for the week"
    )
    assert quote.speaker == "Department of Labor"
    (quote,) = quotes_of("The No. 3 Republican in the U.S. House of Representatives on Monday said the election was not stolen.")
    assert (quote.speaker, quote.speaker_mention.text) == ("", "The No. 3 Republican in the U.S. House of Representatives")


def test_a_data_series_is_no_speaker():
    # "claims" after its qualifier, with a plural or past verb after it, is a noun: no one claims anything
    assert quotes_of("Weekly claims are down 10 percent from a year ago.") == ()
    assert quotes_of("Jobless claims rose 5 percent to 250,000 last week.") == ()
    # a verb that agrees with one person leaves "claims" a verb ("the money Smith claims was stolen")
    (quote,) = quotes_of("The senator pointed to the money which Smith claims was stolen from the fund in May.")
    assert quote.speaker_mention.text == "Smith"


def test_a_recording_shows_what_happened_and_is_no_source_but_a_report_speaks():
    assert quotes_of("The footage showed the officer kneeling on the man's neck for minutes.") == ()
    assert quotes_of("Video shows the suspect running from the store with a bag.") == ()
    assert quotes_of("A video of the episode shows her clutching her phone among the crowd.") == ()
    (found,) = quotes_of("The report found that the agency had failed to act on the warnings.")
    assert (found.speaker_mention.text, found.text) == ("The report", "the agency had failed to act on the warnings")
    (according,) = quotes_of("According to the video, the suspect fled the scene on foot.")
    assert according.speaker_mention.text == "the video"


def test_a_reported_clause_ends_before_a_clause_of_its_own():
    text = "The senator said the bill was “a bad deal for the farmers of the state,” and the House passed it anyway."
    assert [q.text for q in quotes_of(text)] == ["a bad deal for the farmers of the state"]
    (quote,) = quotes_of("The senator said the bill was a disaster for farmers, but the House passed it anyway.")
    assert quote.text == "the bill was a disaster for farmers"
    # the clause after it is read as a sentence of its own
    text = "The senator said the bill was a disaster for farmers, but the governor said the state would sign it."
    assert sorted((q.speaker_mention.text, q.text) for q in quotes_of(text)) == [
        ("The senator", "the bill was a disaster for farmers"), ("the governor", "the state would sign it")]
    # "and that ...", a pronoun after the conjunction: the speaker's words go on
    (quote,) = quotes_of("The senator said the bill was a disaster for farmers and that it would fail.")
    assert quote.text == "the bill was a disaster for farmers and that it would fail"


def test_a_plural_noun_before_a_finite_verb_in_a_later_clause_is_no_stance():
    # the clause cut after a reported one leaves "the new rules would ..." to the later clauses' stances
    text = "The mayor said prices would rise sharply next year, and the new rules would hurt farmers."
    assert [(q.speaker_mention.text, q.text) for q in quotes_of(text)] == [("The mayor", "prices would rise sharply next year")]
    text = "The mayor said taxes would rise sharply next year, and the city's new budget plans would cut services."
    assert [q.speaker_mention.text for q in quotes_of(text)] == ["The mayor"]
    # a form in -s with no finite verb after it stays the later subject's verb
    text = "The mayor said prices would rise sharply next year, and the court rules on the case Monday."
    assert [(q.speaker_mention.text, q.verb) for q in quotes_of(text)] == [("The mayor", "said"), ("the court", "rules")]


def test_came_to_before_an_act_is_a_visit_not_a_stance():
    assert quotes_of("The governor came to praise the firefighters at the scene on Monday.") == ()


def test_a_time_before_a_participle_of_speech_does_not_join_the_verb_and_object_to_the_speaker():
    # "issued a correction on Saturday saying": the subject speaks, its own verb and object are no part of the mention
    (quote,) = quotes_of("The company issued a statement on Friday saying the talks had failed.")
    assert (quote.speaker_mention.text, quote.verb, quote.text) == ("The company", "saying", "the talks had failed")
    (quote,) = quotes_of("But the Post issued a correction on Saturday saying it had removed the claims.")
    assert (quote.speaker_mention.text, quote.text) == ("the Post", "it had removed the claims")


def test_a_name_after_a_preposition_is_not_cut_from_its_own_verb_as_the_speaker():
    # "Members of the Union issued a statement": the members speak, not the union named after "of"
    (quote,) = quotes_of("Members of the Union issued a statement on Monday saying the plant would close.")
    assert (quote.speaker, quote.speaker_mention.text, quote.text) == ("", "Members", "the plant would close")


def test_an_apposition_between_dashes_is_no_speaker_of_the_verb_after_it():
    # "the mayor—a lawyer who served two terms—said": the mayor speaks, not the lawyer of the apposition
    text = "The mayor—a lawyer who served two terms—said the vote was rigged."
    assert [(q.speaker_mention.text, q.text) for q in quotes_of(text)] == [("The mayor", "the vote was rigged")]
    text = "On Monday, a committee for the mayor—a lawyer who served from 2017 to 2021—released a statement saying that “the vote was rigged.”"
    (quote,) = (q for q in quotes_of(text) if q.direct)
    assert quote.speaker_mention.text == "a committee for the mayor"
    # a verb of speech inside the apposition is not the sentence's: the words after it are no one's "who said"
    text = "The mayor—a lawyer who said he would run—told reporters the vote was rigged."
    assert [(q.speaker_mention.text, q.text) for q in quotes_of(text)] == [("The mayor", "the vote was rigged")]


def test_a_document_of_a_named_organisation_after_according_to_is_that_organisation_speaking():
    # a name with "and" inside it is one source; an owner in the possessive owns the data; guidance is a document
    cases = {
        "Many missed the second dose, according to the most recent data from the Bureau of Health and Safety.":
            ("Bureau of Health and Safety", "the most recent data from the Bureau of Health and Safety"),
        "The share doubled from 3.4%, according to the FDA’s data through mid-February.": ("FDA", "the FDA’s data through mid-February"),
        "Vacancies rose to 1.2 million, according to the Office of National Statistics' Labour Force Survey, a record.":
            ("Office of National Statistics", "the Office of National Statistics' Labour Force Survey"),
        "Students may sit outdoors without masks, according to new guidance from the Department of Education.":
            ("Department of Education", "new guidance from the Department of Education"),
    }
    for text, expected in cases.items():
        (quote,) = quotes_of(text)
        assert (quote.speaker, quote.speaker_mention.text) == expected, text


def test_an_aside_between_dashes_whose_subject_speaks_is_the_attribution():
    # "the senator said" between dashes is no apposition: blanking it lost the record or gave the words to "The cost"
    text = "The bill—the senator said he expected it to pass—was signed on Friday."
    assert [q.speaker_mention.text for q in quotes_of(text)] == ["the senator"]
    text = "The cost of the plan—the mayor told reporters—would reach $5 million."
    assert [q.speaker_mention.text for q in quotes_of(text)] == ["the mayor"]
