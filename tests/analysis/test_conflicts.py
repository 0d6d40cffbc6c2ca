"""Conflicts: figures, dates and superseded claims two outlets cannot both hold."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.analysis.conflicts import ConflictSettings
from newsprism.compare import compare
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story


def _story(*articles: tuple[str, str, str | None]) -> Story:
    return Story("s", tuple(
        Article(id=f"a{i}", text=text, outlet=outlet, published=datetime.fromisoformat(date) if date else None)
        for i, (outlet, text, date) in enumerate(articles)
    ))


def test_two_years_for_one_event_are_a_conflict_with_both_sentences():
    comparison = compare(_story(
        ("A", "The senator first won his seat in the 1998 election after a close race against the mayor.", None),
        ("B", "The senator first won his seat in the 1996 election after a close race against the mayor.", None),
    ))
    years = [c for c in comparison.conflicts if c.kind == "year"]
    assert len(years) == 1
    assert {years[0].first.label, years[0].second.label} == {"A", "B"}
    assert "1998" in years[0].note and "1996" in years[0].note


def test_sentences_about_different_events_with_different_years_are_not_a_conflict():
    comparison = compare(_story(
        ("A", "The senator first won his seat in the 1998 election after a close race against the mayor.", None),
        ("B", "In 2012 the mayor lost his own bid for governor by a wide margin.", None),
    ))
    assert [c for c in comparison.conflicts if c.kind == "year"] == []


def test_alike_sentences_whose_weekdays_date_two_events_are_not_a_conflict():
    comparison = compare(_story(
        ("A", "Chirper suspended an account on Thursday that appeared to be circumventing its ban on former Senator "
              "John Smith by posting messages he shared on his own website.", None),
        ("B", "The former senator on Tuesday revealed his new website, “From the Desk of John Smith,” which allows him "
              "to provide his thoughts in Chirper-style posts that can then be shared on social media sites from which "
              "he has been banned.", None),
    ))
    assert [c for c in comparison.conflicts if c.kind == "day"] == []
    comparison = compare(_story(
        ("A", "The Senate voted on Tuesday to pass the farm bill after a long debate over subsidies.", None),
        ("B", "On Wednesday, the Senate voted to pass the farm bill after a long debate over subsidies.", None),
    ))
    assert [c.kind for c in comparison.conflicts] == ["day"]


def test_a_weekday_at_either_end_of_one_event_is_a_conflict():
    comparison = compare(_story(
        ("A", "The governor signed the water bill into law on Friday after weeks of talks with lawmakers.", None),
        ("B", "On Thursday the governor signed the water bill into law after weeks of talks with lawmakers.", None),
    ))
    assert [c.note for c in comparison.conflicts if c.kind == "day"] == ["Friday against Thursday"]


def test_the_year_a_record_is_measured_from_is_no_year_of_the_event():
    comparison = compare(_story(
        ("A", "Excluding volatile food and energy prices, the core price index increased sharply from the same period in 2020.", None),
        ("B", "The core price index increase, again excluding food and energy prices, is the sharpest since April 1982.", None),
    ))
    assert [c for c in comparison.conflicts if c.kind == "year"] == []
    comparison = compare(_story(
        ("A", "The core price index increase, excluding volatile food and energy prices, is the sharpest since 1982.", None),
        ("B", "The core price index increase, excluding volatile food and energy prices, is the sharpest since 1990.", None),
    ))
    assert [c.kind for c in comparison.conflicts] == ["year"]


def test_changes_measured_over_different_periods_are_no_conflict():
    comparison = compare(_story(
        ("A", "Excluding food and energy, the core price index rose 3 percent from a year earlier, the agency said on Tuesday.", None),
        ("B", "Excluding food and energy, the core price index rose 0.9 percent from March, the agency said on Tuesday.", None),
    ))
    assert [c for c in comparison.conflicts if c.kind == "figure"] == []
    comparison = compare(_story(
        ("A", "Excluding food and energy, the core price index rose 3 percent from March, the agency said on Tuesday.", None),
        ("B", "Excluding food and energy, the core price index rose 0.9 percent from March, the agency said on Tuesday.", None),
    ))
    assert [c.kind for c in comparison.conflicts] == ["figure"]


def test_different_figures_for_one_quantity_are_a_conflict():
    comparison = compare(_story(
        ("A", "The mission was cut to about 450 personnel after the order from Moscow.", None),
        ("B", "The mission was cut to 750 personnel after the order from Moscow.", None),
    ))
    assert any(c.kind == "figure" for c in comparison.conflicts)


def test_rounding_is_not_a_conflict():
    comparison = compare(_story(
        ("A", "The mission shrank to 455 personnel after the order from Moscow.", None),
        ("B", "The mission shrank to about 450 personnel after the order from Moscow.", None),
    ))
    assert [c for c in comparison.conflicts if c.kind == "figure"] == []


def test_a_claim_negated_by_a_later_report_is_superseded_with_the_later_report_second():
    comparison = compare(_story(
        ("Later", "Governor Paul LePage will not resign before his term ends, his office said on Friday.", "2017-01-20"),
        ("Earlier", "Governor Paul LePage will resign before his term ends, his office said on Friday.", "2017-01-18"),
    ))
    superseded = [c for c in comparison.conflicts if c.kind == "superseded"]
    assert len(superseded) == 1
    assert (superseded[0].first.label, superseded[0].second.label) == ("Earlier", "Later")


def test_conflict_overlap_must_be_a_fraction():
    with pytest.raises(NewsprismError, match="overlap"):
        ConflictSettings(overlap=0.0)


def test_alike_sentences_giving_one_count_different_numbers_are_a_figure_conflict():
    comparison = compare(_story(
        ("A", "Border agents made about 520,000 arrests at the southern border in the last fiscal year.", None),
        ("B", "Border agents made about 400,000 arrests at the southern border in the last fiscal year.", None),
    ))
    figures = [c for c in comparison.conflicts if c.kind == "figure"]
    assert len(figures) == 1 and "520,000" in figures[0].note and "400,000" in figures[0].note


def test_a_dated_report_with_a_time_zone_and_one_without_are_compared_as_utc():
    from newsprism.ingest.dates import parse_date

    story = Story("s", (
        Article("a0", "The mayor will resign from office after the city council vote on the budget next week.",
                outlet="Earlier", published=parse_date("2024-05-01")),
        Article("a1", "The mayor will not resign from office after the city council vote on the budget next week.",
                outlet="Later", published=parse_date("Thu, 02 May 2024 10:00:00 +0000")),
    ))
    superseded = [c for c in compare(story).conflicts if c.kind == "superseded"]
    assert [(c.first.label, c.second.label) for c in superseded] == [("Earlier", "Later")]


def test_a_shared_phrase_outside_any_quotation_does_not_link_sentences_the_judge_keeps_apart():
    from newsprism.analysis.align import analyze

    story = Story("s", (
        Article("a", 'Shares of the company fell sharply in early trading, and one analyst called the results '
                     '"a disaster for investors".', outlet="A"),
        Article("b", "Shares of the company fell sharply in 2019 after regulators fined it 300 million dollars "
                     "over its accounts.", outlet="B"),
    ))
    assert len(analyze(story).facts) == 2


def test_figures_of_alike_sentences_are_compared_scaled_and_with_number_words():
    # "five million" is the 5 million of the other; "1.6 million" is no 1.6 against 1,426,042
    comparison = compare(_story(
        ("A", "More than five million people, or nearly 8 percent of those who got a first shot of the vaccine, "
              "have missed their second doses, the health agency said on Monday.", None),
        ("B", "More than 5 million people who got a first shot of the vaccine have missed their second doses, "
              "the health agency said on Monday.", None),
    ))
    assert [c.note for c in comparison.conflicts if c.kind == "figure"] == []
    comparison = compare(_story(
        ("A", "The state election office said on Monday that organizers of the recall had collected 1,426,042 "
              "valid signatures on their petition.", None),
        ("B", "The state election office said on Monday that organizers of the recall had collected more than "
              "1.4 million valid signatures on their petition.", None),
    ))
    assert [c.note for c in comparison.conflicts if c.kind == "figure"] == []
    comparison = compare(_story(
        ("A", "The state election office said on Monday that organizers of the recall had collected 1,426,042 "
              "valid signatures on their petition.", None),
        ("B", "The state election office said on Monday that organizers of the recall had collected more than "
              "1.9 million valid signatures on their petition.", None),
    ))
    assert [c.kind for c in comparison.conflicts] == ["figure"]
