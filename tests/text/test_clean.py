"""The cleaner: one rule per test, on articles built inline, plus the two example articles."""

from __future__ import annotations

import pickle

import pytest
from datapaths import LATIMES_SEED, RT_SEED
from hypothesis import given
from hypothesis import strategies as st

from newsprism.cli import main
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.text.clean import CleanSettings, clean_article, clean_articles

BODY = "The council voted on Tuesday to approve the new budget for the city."
SECOND = "Opponents said the plan would raise taxes for most residents next year."


def article(*lines: str, **fields) -> Article:
    return Article(id=fields.pop("id", "a1"), text="\n".join(lines), **fields)


def reasons(cleaned: Article) -> dict[str, str]:
    return {removal.line: removal.reason for removal in cleaned.removed}


def test_the_latimes_seed_comes_out_with_exactly_its_body_paragraphs():
    text = LATIMES_SEED.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("The deteriorating relationship"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Moscow has also blamed"))
    cleaned = clean_article(Article(id="latimes", text=text))
    assert [p for p in cleaned.text.split("\n\n")] == lines[start:end + 1]


def test_the_latimes_headline_becomes_the_title_and_is_recorded_as_removed():
    cleaned = clean_article(Article(id="latimes", text=LATIMES_SEED.read_text(encoding="utf-8")))
    headline = "When it comes to U.S.-Russia relations, 'it takes two to tango,' Kremlin says"
    assert cleaned.title == headline
    assert reasons(cleaned)[headline] == "headline"


def test_the_latimes_copyright_line_names_the_outlet_when_it_is_unknown():
    cleaned = clean_article(Article(id="latimes", text=LATIMES_SEED.read_text(encoding="utf-8")))
    assert cleaned.outlet == "Los Angeles Times"
    assert reasons(cleaned)["Copyright © 2018, Los Angeles Times"] == "copyright"


def test_the_rt_seed_loses_only_its_read_more_line():
    text = RT_SEED.read_text(encoding="utf-8")
    cleaned = clean_article(Article(id="rt", text=text, outlet="RT"))
    assert [r.line for r in cleaned.removed] == [
        line for line in text.splitlines() if line.startswith("READ MORE:")
    ]
    assert cleaned.text.splitlines() == [line for line in text.splitlines() if not line.startswith("READ MORE:")]


def test_cleaning_returns_a_new_article_and_leaves_the_input_unchanged():
    original = article("Advertisement", BODY, SECOND)
    cleaned = clean_article(original)
    assert original.text == "Advertisement\n" + BODY + "\n" + SECOND
    assert original.removed == ()
    assert cleaned is not original


def test_a_short_real_sentence_on_its_own_line_is_kept():
    cleaned = clean_article(article(BODY, "It was chaos.", "Q.", SECOND))
    assert cleaned.text.splitlines() == [BODY, "It was chaos.", "Q.", SECOND]


def test_a_sentence_mentioning_a_photo_or_twitter_is_kept():
    lines = ["Newsweek has defended the photo, saying it was one of several taken.",
             "The senator said on Twitter that he would vote against the bill."]
    assert clean_article(article(BODY, *lines)).removed == ()


@pytest.mark.parametrize("line, reason", [
    ("READ MORE: Kiev bill on Donbass reintegration is unacceptable, says Kremlin", "teaser"),
    ("Related: Senate passes the bill", "teaser"),
    ("Copyright 2017 The Associated Press. All rights reserved.", "copyright"),
    ("EDITION: California | U.S. & World", "edition"),
    ("Sign up for our daily newsletter", "prompt"),
    ("Advertisement", "prompt"),
    ("Share this article: Facebook Twitter Email", "share-buttons"),
    ("(AP Photo/Evan Vucci)", "photo-credit"),
    ("Photo: Mandel Ngan/AFP", "photo-credit"),
    ("Photo by Mandel Ngan", "photo-credit"),
    ("President Trump speaks at the White House on Monday. (AP Photo/Evan Vucci)", "photo-caption"),
    ("Fox News’ Matt Richardson contributed to this report.", "credit"),
    ("Starting in 1996, alexa internet has been donating their crawl data to the internet archive.",
     "archive-notice"),
    ("At its, 4th grafpvs", "wire-note"),
])
def test_a_junk_line_is_removed_with_its_reason(line, reason):
    cleaned = clean_article(article(BODY, line, SECOND))
    assert reasons(cleaned) == {line: reason}
    assert cleaned.text.splitlines() == [BODY, SECOND]


def test_a_byline_moves_to_meta():
    cleaned = clean_article(article("By Jane Doe and John Roe", BODY, SECOND))
    assert cleaned.meta["byline"] == "Jane Doe and John Roe"
    assert reasons(cleaned) == {"By Jane Doe and John Roe": "byline"}


def test_a_dateline_is_cut_off_the_first_line_and_moves_to_meta():
    cleaned = clean_article(article("KANSAS CITY, Mo. — " + BODY, SECOND))
    assert cleaned.text.splitlines() == [BODY, SECOND]
    assert cleaned.meta["dateline"] == "KANSAS CITY, Mo."
    assert reasons(cleaned) == {"KANSAS CITY, Mo. —": "dateline"}


def test_a_wire_dateline_names_the_outlet_when_it_is_unknown():
    cleaned = clean_article(article("BRUSSELS, Belgium( AP) " + BODY, SECOND))
    assert cleaned.text.splitlines()[0] == BODY
    assert cleaned.outlet == "Associated Press"


def test_a_wire_dateline_without_a_place_is_cut_off():
    cleaned = clean_article(article("(CNN) -- " + BODY, SECOND))
    assert cleaned.text.splitlines() == [BODY, SECOND]
    assert cleaned.outlet == "CNN"


def test_a_name_followed_by_a_dash_is_not_a_dateline():
    line = "Obama — who spoke for an hour — said the council would approve the budget."
    assert clean_article(article(line, SECOND)).text.splitlines() == [line, SECOND]


def test_a_lead_in_prompt_is_cut_off_and_the_rest_of_the_line_kept():
    cleaned = clean_article(article("Please enable javascript to watch this video " + BODY))
    assert cleaned.text == BODY
    assert reasons(cleaned) == {"Please enable javascript to watch this video": "prompt"}


def test_short_labels_above_the_headline_are_navigation():
    cleaned = clean_article(article("Politics", "Essential Washington", "Council Approves a New City Budget",
                                    BODY, SECOND))
    assert reasons(cleaned) == {"Politics": "navigation", "Essential Washington": "navigation",
                                "Council Approves a New City Budget": "headline"}
    assert cleaned.title == "Council Approves a New City Budget"


def test_a_headline_line_equal_to_the_given_title_is_removed_and_the_title_kept():
    cleaned = clean_article(article("Council Approves Budget", BODY, SECOND, title="Council Approves Budget"))
    assert cleaned.text.splitlines() == [BODY, SECOND]
    assert cleaned.title == "Council Approves Budget"


def test_a_junk_title_is_replaced_by_the_headline_found_in_the_text():
    cleaned = clean_article(article("Advertisement", "Council Approves a New City Budget", BODY, SECOND,
                                    title="Advertisement"))
    assert cleaned.title == "Council Approves a New City Budget"


def test_a_list_of_key_points_above_the_body_is_kept():
    points = ["Evacuations enter their final stage after twin bomb attacks",
              "The attacks targeted people queuing to flee the country",
              "The president has promised to hunt down the perpetrators"]
    cleaned = clean_article(article(*points, BODY, SECOND, title="Evacuations near their end"))
    assert cleaned.text.splitlines() == [*points, BODY, SECOND]


def test_a_short_label_after_the_last_body_paragraph_is_navigation():
    cleaned = clean_article(article(BODY, SECOND, "Most Popular Stories"))
    assert reasons(cleaned) == {"Most Popular Stories": "navigation"}


def test_paragraph_breaks_survive_removed_lines():
    cleaned = clean_article(article(BODY, "", "Advertisement", "", SECOND))
    assert cleaned.text == BODY + "\n\n" + SECOND


def test_a_label_repeated_across_three_articles_of_one_outlet_is_boilerplate():
    template = "Scroll down for the full story"
    batch = [article(BODY, template, SECOND, id=f"a{n}", outlet="Example Times") for n in range(3)]
    cleaned = clean_articles(batch)
    assert all(reasons(a) == {template: "repeated-boilerplate"} for a in cleaned)


def test_a_label_in_only_two_articles_of_one_outlet_is_kept():
    template = "Scroll down for the full story"
    batch = [article(BODY, template, SECOND, id=f"a{n}", outlet="Example Times") for n in range(2)]
    assert all(a.removed == () for a in clean_articles(batch))


def test_a_sentence_repeated_across_updates_of_a_wire_story_is_kept():
    batch = [article(BODY, SECOND, id=f"a{n}", outlet="Associated Press") for n in range(4)]
    assert all(a.text == BODY + "\n" + SECOND for a in clean_articles(batch))


def test_repeated_lines_from_different_outlets_are_not_boilerplate():
    template = "Scroll down for the full story"
    batch = [article(BODY, template, SECOND, id=f"a{n}", outlet=name)
             for n, name in enumerate(["CNN", "Fox News", "Reuters"])]
    assert all(a.removed == () for a in clean_articles(batch))


def test_settings_refuse_a_repeat_threshold_below_two():
    with pytest.raises(NewsprismError, match="repeat_min_articles must be >= 2"):
        CleanSettings(repeat_min_articles=1)


def test_settings_pickle_for_other_processes():
    settings = CleanSettings(max_label_words=4)
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_the_clean_command_prints_the_body_and_explains_each_removed_line(capsys):
    assert main(["clean", str(LATIMES_SEED), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "The deteriorating relationship" in out
    assert "copyright" in out and "Copyright © 2018, Los Angeles Times" in out
    assert "navigation" in out and "L.A. Now" in out


def test_the_clean_command_fails_with_one_line_when_nothing_is_read(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err


def test_a_sentence_opening_with_by_is_not_a_byline():
    line = "By Tuesday, the Senate had voted to approve the budget."
    assert clean_article(article(BODY, line, SECOND)).removed == ()


def test_a_dateline_alone_on_its_line_moves_to_meta():
    cleaned = clean_article(article("WASHINGTON —", BODY, SECOND))
    assert cleaned.meta["dateline"] == "WASHINGTON"
    assert cleaned.text.splitlines() == [BODY, SECOND]


def test_a_capitalised_heading_inside_the_body_is_kept():
    cleaned = clean_article(article(BODY, "AUSTRALIA", SECOND))
    assert cleaned.text.splitlines() == [BODY, "AUSTRALIA", SECOND]


def test_a_lead_in_and_a_dateline_on_one_line_are_recorded_separately():
    cleaned = clean_article(article("Please enable javascript to watch this video NEW YORK — " + BODY))
    assert cleaned.text == BODY
    assert [(r.line, r.reason) for r in cleaned.removed] == [
        ("Please enable javascript to watch this video", "prompt"), ("NEW YORK —", "dateline")]


@pytest.mark.parametrize("line", [
    "Reporting by The New York Times found that the agency had ignored the warnings.",
    "This photo was shared widely on social media before it was deleted, officials said.",
    "Written by a committee of experts, the report says the plan would fail.",
    "Video by bystanders showed the officer firing twice.",
])
def test_a_sentence_that_opens_like_a_credit_or_caption_is_kept(line):
    assert clean_article(article(BODY, line, SECOND)).removed == ()


def test_a_reuters_credit_line_is_removed():
    line = "(Reporting by Steve Holland and Jeff Mason; Editing by Alistair Bell)"
    assert reasons(clean_article(article(BODY, SECOND, line))) == {line: "credit"}


LINE_POOL = [BODY, SECOND, "It was chaos.", "Q.", "Advertisement", "L.A. Now", "WASHINGTON — " + BODY,
             "Council Approves a New City Budget", "READ MORE: Something else happened", "By Jane Doe",
             "Copyright © 2018, Los Angeles Times", "Please enable javascript to watch this video " + SECOND,
             "AUSTRALIA", "''", "Share this article: Facebook Twitter Email", ""]


@given(st.lists(st.sampled_from(LINE_POOL), max_size=12), st.sampled_from([None, "L.A. Now", "Council Approves a New City Budget"]))
def test_every_input_line_is_kept_or_recorded_as_removed(lines, title):
    cleaned = clean_article(article(*lines, title=title))
    kept = cleaned.text.splitlines()
    removed = [r.line for r in cleaned.removed]
    for line in filter(None, (line.strip() for line in lines)):
        parts = [r for r in removed if line.startswith(r)]
        rest = line
        for part in parts:
            rest = rest.removeprefix(part).strip()
        assert line in removed or line in kept or (parts and (rest in kept or rest in removed)), line


def test_a_headline_shaped_line_after_the_body_does_not_make_the_body_a_page_header():
    cleaned = clean_article(article("L.A. Now", BODY, "Council Approves a New City Budget"))
    assert cleaned.text.splitlines()[0] == BODY
    assert cleaned.title is None


@pytest.mark.parametrize("line, reason", [
    ("TIME: Sign Up for Worth Your Time", "prompt"),
    ("Write to Jane Roe at jane.roe@example.com", "prompt"),
    ("Follow the Daily Planet's sports desk on Facebook, Twitter (@PlanetSport) and YouTube.", "prompt"),
    ("Thanks for subscribing! Keep an eye on your inbox for our first issue.", "prompt"),
    ("Email Jane Roe at jroe@example.com or follow her @janeroe.", "prompt"),
    ("Have a tip? Jane Roe may be reached at jroe@example.com.", "prompt"),
    ("Receive the morning briefing straight to your inbox by subscribing to our newsletter.", "prompt"),
    ("Morning Brief Newsletter", "prompt"),
    ("If you're on the Channel 9 News app, click here to watch live", "prompt"),
    ("Download the Daily Planet app for breaking news alerts.", "prompt"),
    ("Submit a letter to the editor or write to letters@example.com.", "letters-prompt"),
    ("- VIDEO: The 20-second hand wash", "teaser"),
    ("SEE MORE: Council approves the new budget after a long night", "teaser"),
    ("Mayor resigns after a row over the city budget [NEWS]", "teaser"),
    ("You may also like...", "teaser"),
    ("SENATOR SAYS THE BILL WILL PASS BY FRIDAY", "teaser"),
    ("— Jane Roe (@janeroe) November 4, 2019", "tweet-byline"),
    ("If you purchase a product through our links, we may earn a commission.", "affiliate-notice"),
    ("Updated at 1:23 p.m.", "timestamp"),
    ("| Name | Party | Votes |", "table-row"),
    ("This copy is for your personal, non-commercial use only.", "copyright"),
    ("(Reporting by Jane Roe, with reporting by John Doe, editing by Ann Poe.)", "credit"),
    ("Jane Roe contributed reporting from Springfield.", "credit"),
    ("Enjoyed this article? Share it with your friends!", "prompt"),
    ("There was an error processing your request.", "prompt"),
    ("Tags", "tags"),
    ("https://static.example.com/image/og-logo.png", "image-link"),
    ("Supported by", "prompt"),
    ("These are external links and will open in a new window", "prompt"),
    ("Listen to this article · 5 min", "prompt"),
    ("4 min read", "prompt"),
    ("View 42 comments", "prompt"),
    ("Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn Copy this link", "share-buttons"),
    ("This article originally appeared on Example Weekly.", "teaser"),
    ("Read the full story at Example Weekly", "teaser"),
    ("Want more news like this? Sign up for our newsletter.", "prompt"),
])
def test_a_page_furniture_line_is_removed_with_its_reason(line, reason):
    cleaned = clean_article(article(BODY, line, SECOND))
    assert reasons(cleaned) == {line: reason}
    assert cleaned.text.splitlines() == [BODY, SECOND]


@pytest.mark.parametrize("line", [
    "The senator said she would sign up for the program if the bill passed.",
    "Readers wrote to the newspaper at the time to complain about the change.",
    "Follow-up inspections found no further damage to the bridge, officials said.",
    "The newsletter, founded in 1998, has 40,000 readers, its editor said.",
    "WHAT YOU NEED TO KNOW",
    "Download speeds on the new network averaged 40 megabits a second, the regulator said.",
    "Supported by donations, the shelter has housed 300 families since it opened in May.",
    "Read the full report, the senator said, and you will see what the agency missed.",
])
def test_a_body_line_that_mentions_a_prompt_word_is_kept(line):
    assert clean_article(article(BODY, line, SECOND)).removed == ()


def test_a_table_row_with_a_paragraph_long_cell_is_kept_as_a_layout_table():
    line = "| | " + " ".join([SECOND] * 4) + " |"
    assert clean_article(article(BODY, line, SECOND)).removed == ()


def test_a_click_to_tweet_button_is_cut_off_its_pull_quote():
    cleaned = clean_article(article(BODY, "A budget is a statement of values.Click To Tweet", SECOND))
    assert cleaned.text.splitlines() == [BODY, "A budget is a statement of values.", SECOND]
    assert reasons(cleaned) == {"Click To Tweet": "share-buttons"}


def test_a_long_run_of_short_lines_after_the_body_is_a_list_and_is_kept():
    items = [f"- Team {n}: appearance {n}" for n in range(1, 12)]
    cleaned = clean_article(article(BODY, SECOND, *items))
    assert cleaned.removed == ()


def test_bulleted_headlines_after_the_body_are_related_links():
    links = ["- Ten Things To Know About The New Budget", "- Where The Council Stands On Property Taxes"]
    cleaned = clean_article(article(BODY, SECOND, *links))
    assert reasons(cleaned) == {link: "related-links" for link in links}


def test_a_numbered_list_after_the_body_is_kept():
    items = ["1) Springfield Public Library Main Branch On Elm Street",
             "2) Shelbyville Community Centre And Swimming Pool Complex"]
    assert clean_article(article(BODY, SECOND, *items)).removed == ()
