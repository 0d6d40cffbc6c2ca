"""Speaker resolution: a quotation's speaker is a person or organisation the article names, or
unresolved; the words that name the speaker are kept with their offsets; one person is one speaker
across a story's articles."""

from __future__ import annotations

import pytest

from newsprism.analysis.quotes import extract_quotes, speaker_identities, unify_speakers
from newsprism.analysis.quotes.speakers import strip_title
from newsprism.model import Article, Quote
from newsprism.text.segment import segment


def quotes_of(text: str):
    article = Article(id="a", text=text)
    return extract_quotes(article, segment(article))


def test_the_speaker_mention_holds_the_offsets_of_the_words_that_name_the_speaker():
    text = "The strike went on. “We will not back down on this,” union leader Maria Lopez said on Monday."
    (quote,) = quotes_of(text)
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == quote.speaker_mention.text == "Maria Lopez"


def test_a_pronoun_mention_is_kept_while_the_speaker_is_the_person_it_refers_to():
    text = "Maria Lopez spoke after the vote. “We will not back down on this,” she said."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text) == ("Maria Lopez", "she")


def test_a_connective_before_a_name_is_not_part_of_the_speaker():
    text = "Despite Trump saying the wall would be paid for, the funds never came."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)] == [("Trump", "Trump")]


def test_a_common_word_capitalised_at_a_sentence_start_is_never_a_speaker():
    text = "The vote was close. Earlier said the plan was right, and the data said little about it either way."
    quotes = quotes_of(text)
    assert quotes and all(q.speaker not in {"Earlier", "data"} for q in quotes)


def test_an_unnamed_source_is_unresolved_rather_than_a_description():
    (quote,) = quotes_of("The talks collapsed over the weekend, a senior official said.")
    assert (quote.speaker, quote.speaker_mention.text) == ("", "a senior official")


def test_a_middle_initial_does_not_make_a_second_person():
    identities = speaker_identities(["Paul LePage", "Paul R. LePage"])
    assert identities["Paul LePage"] == identities["Paul R. LePage"]


def test_a_short_first_name_is_the_same_person_as_its_full_form():
    identities = speaker_identities(["Mike Elliott", "Michael Elliott"])
    assert identities["Mike Elliott"][1] == identities["Michael Elliott"][1]


def test_a_surname_alone_joins_the_only_person_with_that_surname():
    identities = speaker_identities(["Dmitry Peskov", "Peskov"])
    assert identities["Peskov"] == ("Dmitry Peskov", "dmitry-peskov")


def test_a_surname_shared_by_two_people_joins_neither():
    identities = speaker_identities(["Jeb Bush", "George Bush", "Bush"])
    assert identities["Bush"][1] not in {identities["Jeb Bush"][1], identities["George Bush"][1]}


def test_unified_quotes_carry_the_shown_name_and_its_id():
    quotes = [Quote("Paul R. LePage", "w", "a", 0, 1), Quote("Paul LePage", "w", "b", 0, 1), Quote("", "w", "c", 0, 1)]
    assert [(q.speaker, q.speaker_id) for q in unify_speakers(quotes)] == [
        ("Paul LePage", "paul-lepage"), ("Paul LePage", "paul-lepage"), ("", None)
    ]


def test_a_quotation_over_several_sentences_takes_the_speaker_named_where_it_closes():
    text = "Lopez spoke after Smith. “We will not back down. We never have. We never will,” Maria Lopez said."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text, quote.text.count(".")) == ("Maria Lopez", "Maria Lopez", 2)


def test_a_quotation_running_on_into_the_next_paragraph_keeps_its_speaker():
    text = "The suit was filed. Dr. Ward stated:\n\n“The department has lost its way. It is now a political arm.\n\n“The latest suit shows it plainly.”"
    assert [q.speaker_mention.text for q in quotes_of(text)] == ["Dr. Ward", "Dr. Ward"]


def test_he_does_not_refer_to_the_woman_named_last():
    text = (
        "Jason Miller spoke for the campaign. Ivanka Trump wrote about the plan last week. "
        "“We don't have the exact legislation written down,” he said."
    )
    assert quotes_of(text)[-1].speaker == "Jason Miller"


def test_a_quotation_inside_a_sentence_about_its_subject_is_the_subjects():
    text = "The debate ran late. Bernie Sanders accused him of keeping Americans from being able to “stand together on the real issues.”"
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text) == ("Bernie Sanders", "Bernie Sanders")


def test_a_phrase_owned_by_someone_else_is_not_given_to_the_subject():
    text = "The debate ran late. Donald Trump mocked Hillary Clinton’s “basket of deplorables remark” for days."
    assert all(q.speaker != "Donald Trump" for q in quotes_of(text))


def test_a_clause_subject_is_found_after_a_connective_and_lower_case_titles():
    text = (
        "The campaign went on. Republican presidential nominee Mitt Romney has targeted the administration, "
        "claiming that the president has “thrown Israel under a bus.”"
    )
    stance, quote = quotes_of(text)  # the main clause before "claiming" is his stance
    assert quote.speaker_mention.text == stance.speaker_mention.text == "Mitt Romney"
    assert stance.text == "targeted the administration"


def test_a_description_whose_apposition_is_a_name_is_spoken_by_the_name():
    (quote,) = quotes_of('The spokesman, Peter Carr, said the report was "not accurate."')
    assert quote.speaker == "Peter Carr"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Peter Carr"


def test_a_definite_role_is_the_one_person_the_article_gives_it_as_a_title():
    text = "President Barack Obama spoke in Washington on Saturday.\nThe president told the crowd that he would take it as a personal insult."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text) == ("Barack Obama", "The president")


def test_a_definite_role_given_as_a_title_to_two_people_stays_unresolved():
    text = "Senator Tim Kaine met Senator Mark Warner.\nThe senator told reporters that the bill would pass next week."
    (quote,) = quotes_of(text)
    assert quote.speaker == ""


def test_a_quotation_left_open_at_its_paragraph_end_takes_the_speaker_named_where_it_closes():
    text = (
        "The storm destroyed the town and left many residents homeless for weeks.\n\n"
        "“We will rebuild every home in this town, and we will do it this year.\n\n"
        "“We will not leave anyone behind. This is our town and we are proud of it,” Mayor Ann Reyes said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ann Reyes", "Ann Reyes"]


def test_a_closed_quotation_does_not_take_the_speaker_of_the_next_paragraph():
    text = (
        "The storm destroyed the town and left many residents homeless for weeks.\n\n"
        "“We will rebuild every home in this town, and we will do it this year.”\n\n"
        "“We will not leave anyone behind. This is our town and we are proud of it,” Mayor Ann Reyes said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["", "Ann Reyes"]


def test_a_role_titled_to_two_people_is_the_one_the_article_quotes_by_name():
    text = (
        "President Joe Biden met Russian President Vladimir Putin in Geneva.\n"
        "“We will see what happens next,” Joe Biden said after the summit.\n"
        "“Let’s get this straight,” the president said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Joe Biden", "Joe Biden"]


def test_a_person_titled_by_an_institution_is_the_person_not_the_institution():
    (quote,) = quotes_of("Senate Majority Leader Ann Lee said the vote would be held on Friday.")
    assert (quote.speaker, quote.speaker_mention.text) == ("Ann Lee", "Senate Majority Leader Ann Lee")


def test_an_abbreviated_title_is_cut_from_the_name_and_the_surname_resolves_to_it():
    text = "Marine Corps Gen. Ann Lee spoke at the base. “The last troops have left,” Lee said."
    assert [q.speaker for q in quotes_of(text)] == ["Ann Lee"]


def test_an_institution_is_still_the_speaker_when_no_person_is_named():
    (quote,) = quotes_of("The Senate Judiciary Committee said the vote would be held on Friday.")
    assert quote.speaker == "Senate Judiciary Committee"


def test_a_jurist_resolves_to_the_one_the_article_titles_judge():
    text = "U.S. District Judge Richard Berman sentenced him on Tuesday. The Manhattan jurist said the crime was serious and deserved a long term."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_mention.text) == ("Richard Berman", "The Manhattan jurist")


def test_the_owner_in_a_possessive_before_a_name_is_no_part_of_the_name():
    (quote,) = quotes_of("Brazil’s JBS SA said in a statement that it had restored most of its computer systems.")
    assert (quote.speaker, quote.speaker_mention.text) == ("JBS SA", "Brazil’s JBS SA")


def test_a_possessive_that_is_part_of_a_name_stays_in_it():
    # an owner qualifies a name ("Brazil’s JBS SA"); a possessive before an institution's word, or
    # after a plural owner, is the name itself
    (quote,) = quotes_of("Children's Hospital of Philadelphia said in a statement that the boy was recovering well.")
    assert quote.speaker == "Children's Hospital of Philadelphia"
    assert strip_title("Macy's Inc.") == "Macy's Inc"
    assert strip_title("Women’s March") == "Women’s March"
    assert strip_title("Russia's foreign minister Sergei Lavrov") == "Sergei Lavrov"


def test_an_owner_before_an_institution_word_and_a_title_is_no_part_of_the_persons_name():
    # "Press" is an institution's word, but "Secretary" after it makes the name a person's: the owner
    # only qualifies her, and she is one person with "Jen Psaki"
    assert strip_title("Biden’s Press Secretary Jen Psaki") == "Jen Psaki"
    identities = speaker_identities(["Jen Psaki", "Biden’s Press Secretary Jen Psaki"])
    assert identities["Biden’s Press Secretary Jen Psaki"] == identities["Jen Psaki"] == ("Jen Psaki", "jen-psaki")


def test_a_party_member_after_the_is_a_description_never_a_name():
    # "The Kentucky Republican": the one the article titles so, else the person quoted last, else unresolved
    quoted = "Sen. Rand Paul said the vote was a mistake for the party. The Kentucky Republican said the bill would fail."
    assert [q.speaker for q in quotes_of(quoted)] == ["Rand Paul", "Rand Paul"]
    titled = (
        "Kentucky Republican Rand Paul spoke first. Sen. Chuck Schumer said the vote was a mistake for the party. "
        "The Kentucky Republican said the bill would fail."
    )
    assert [q.speaker for q in quotes_of(titled)] == ["Chuck Schumer", "Rand Paul"]
    (unnamed,) = quotes_of("Sen. Rand Paul spoke on Monday. The Kentucky Republican said the bill would fail in the Senate.")
    assert (unnamed.speaker, unnamed.speaker_mention.text) == ("", "The Kentucky Republican")
    # the one quoted last, not the one named last
    between = (
        "Sen. Rand Paul said the vote was a mistake for the party. Judge Amy Lee heard the case on Monday. "
        "The Kentucky Republican said the bill would fail."
    )
    assert [q.speaker for q in quotes_of(between)] == ["Rand Paul", "Rand Paul"]


@pytest.mark.parametrize("schumer", ["Sen. Chuck Schumer, a New York Democrat,", "Democratic Sen. Chuck Schumer", "Sen. Chuck Schumer (D-N.Y.)"])
def test_a_party_member_is_not_a_person_the_article_gives_another_party(schumer):
    text = f"{schumer} said the vote was a mistake for the country. The Kentucky Republican said the bill would fail."
    assert [q.speaker for q in quotes_of(text)] == ["Chuck Schumer", ""]


def test_a_name_that_keeps_a_possessive_is_no_person_a_pronoun_refers_to():
    text = (
        "Cecile Richards said on Friday that the law was extreme. The case is known as Whole Women’s Health. "
        "She asked why the clinics had been closed."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Cecile Richards", "Cecile Richards"]


def test_joint_speakers_are_all_of_them_by_their_full_names():
    text = (
        "Senate Minority Leader Chuck Schumer met House Speaker Nancy Pelosi on Monday. "
        "Schumer and Pelosi said the wall would not be funded this year."
    )
    assert [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)] == [("Chuck Schumer and Nancy Pelosi", "Schumer and Pelosi")]
    titled = "Senate Minority Leader Chuck Schumer and House Speaker Nancy Pelosi said the wall would not be funded."
    (quote,) = quotes_of(titled)
    assert (quote.speaker, quote.speaker_mention.text) == (
        "Chuck Schumer and Nancy Pelosi", "Senate Minority Leader Chuck Schumer and House Speaker Nancy Pelosi")
    # an organisation's "and" joins no people
    (agency,) = quotes_of("Customs and Border Protection said the wall would not be funded this year.")
    assert agency.speaker == "Customs and Border Protection"


@pytest.mark.parametrize("paul", ["Sen. Rand Paul of Kentucky", "Kentucky Sen. Rand Paul"])
def test_a_party_member_is_the_person_the_article_writes_beside_its_place(paul):
    text = (
        f"{paul} said the bill would fail in the Senate. Sen. Lindsey Graham said the bill was a good start. "
        "The Kentucky Republican added that he would vote against it anyway."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Rand Paul", "Lindsey Graham", "Rand Paul"]


def test_a_party_member_is_tied_by_its_whole_place_not_one_word_of_it():
    # "West" beside Schumer ("the West Wing") is no tie to "the moderate West Virginia Democrat"
    text = (
        "Chuck Schumer said in the West Wing that the bill would pass the Senate. Sen. Joe Manchin said the "
        "bill was far too expensive for voters. The moderate West Virginia Democrat said he would vote against it."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Chuck Schumer", "Joe Manchin", "Joe Manchin"]
    text = (
        "Sen. Joe Manchin of West Virginia said the bill was far too expensive. Chuck Schumer said the bill "
        "would pass the Senate. The moderate West Virginia Democrat said he would vote against it."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Joe Manchin", "Chuck Schumer", "Joe Manchin"]


def test_a_place_and_the_day_after_it_are_no_person_a_pronoun_refers_to():
    text = "Hillary Clinton spoke first. Donald Trump wrote on Twitter Thursday that the plan would fail. She said the race was far from over."
    assert [q.speaker for q in quotes_of(text)] == ["Donald Trump", "Hillary Clinton"]


def test_a_name_after_a_preposition_in_a_description_is_not_the_speaker():
    # the name qualifies whom the description names: the spokesman speaks, not the person he speaks for
    text = "Jane Doe spoke first. A spokesman for Donald Trump said that “the vote was rigged.”"
    (quote,) = (q for q in quotes_of(text) if q.direct)
    assert (quote.speaker, quote.speaker_mention.text) == ("", "A spokesman for Donald Trump")
    text = "Jane Doe spoke first. An aide to Doe said the vote was rigged."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes_of(text)] == [("", "An aide to Doe")]
    # a name with an epithet is still the name's
    text = "Joe Manchin spoke first. The moderate Manchin said the vote was rigged."
    assert [q.speaker for q in quotes_of(text)] == ["Joe Manchin"]
