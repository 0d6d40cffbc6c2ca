"""Figures: numbers with unit and counted noun, alignment across outlets, conflicts."""

from __future__ import annotations

from newsprism.analysis.figures import align_figures, dates_conflict, display_value, extract_figures
from newsprism.model import Article, Figure
from newsprism.text.segment import segment


def figures_of(text: str, article_id: str = "a") -> tuple[Figure, ...]:
    article = Article(id=article_id, text=text)
    return extract_figures(article, segment(article))


def only(text: str) -> Figure:
    (figure,) = figures_of(text)
    return figure


def test_a_count_has_the_noun_it_counts():
    figure = only("The embassy cut 1,200 personnel last year.")
    assert (figure.value, figure.unit, figure.counts, figure.text) == (1200.0, "count", "personnel", "1,200")


def test_a_number_of_dozens_is_one_count():
    figure = only("Strikes killed more than two dozen people on Sunday.")
    assert (figure.value, figure.counts, figure.text) == (24.0, "people", "more than two dozen")
    assert only("A dozen eggs cost more.").value == 12.0


def test_a_run_of_adjectives_before_the_noun_is_skipped():
    assert only("Police arrested three armed masked men.").counts == "men"
    assert only("It cited a phase three clinical trial shared earlier.").counts == "trial"


def test_a_modifier_between_number_and_noun_is_skipped():
    assert only("He sent 30,000 more troops there.").counts == "troops"


def test_an_adjective_before_the_noun_is_skipped():
    assert only("The court issued two unsigned opinions.").counts == "opinions"


def test_digits_after_the_count_what_follows_but_a_group_named_again_or_a_year_do_not():
    assert [(f.text, f.counts) for f in figures_of("Ambassadors from the 27 member states and the more than 3,000 staff met.")] == [
        ("27", "member states"), ("more than 3,000", "staff")]
    assert figures_of("The two met in May. It won the 2010 elections. Jobs beat the 870,000 economists had expected.") == ()


def test_digits_after_the_before_a_singular_noun_are_a_label_or_a_mark_not_a_count():
    assert figures_of("Traffic stalled on the 405 freeway. He rode the 7 train. Sales passed the 1 million mark.") == ()
    assert [(f.text, f.counts) for f in figures_of("The 19 hijackers trained there.")] == [("19", "hijackers")]


def test_a_vote_tally_is_one_figure_beside_a_word_of_voting():
    figures = figures_of("The bill passed 252 to 175. It came on a 220-to-212 party-line vote. The court has a 6-3 conservative majority.")
    assert [(display_value(f), f.unit, f.counts) for f in figures] == [
        ("252-175", "tally", "vote"), ("220-212", "tally", "vote"), ("6-3", "tally", "majority")]
    ranges = figures_of("Children ages 5 to 11 were flown 300-500 miles.")
    assert [(f.value, f.unit) for f in ranges] == [(5.0, "years"), (11.0, "years")]  # ages, no tally


def test_two_numbers_after_a_word_of_voting_before_a_counted_noun_are_a_range_not_a_tally():
    assert [(f.text, f.unit, f.counts) for f in figures_of("The board approved 3 to 5 new judges.")] == [("5", "count", "judges")]
    assert [(display_value(f), f.unit) for f in figures_of("The House voted 220-207 along party lines.")] == [("220-207", "tally")]


def test_tallies_are_exact():
    readings = _align_in_one_fact("The House voted 252-175 on Wednesday for the bill.", "The House voted 250-175 on Wednesday for the bill.")
    assert [r.conflict for r in readings] == [True, True]
    readings = _align_in_one_fact("The House voted 252-175 on Wednesday for the bill.", "The House voted 252 to 175 on Wednesday for the bill.")
    assert [r.conflict for r in readings] == [False, False]


def test_hundreds_of_a_noun_is_a_floor():
    assert [(f.text, f.value, f.counts) for f in figures_of("The fighting claimed hundreds of lives.")] == [("hundreds", 200.0, "lives")]
    assert figures_of("Hundreds of thousands of people and tens of thousands of troops marched.") == ()
    readings = _align_in_one_fact("The fighting claimed hundreds of lives.", "The fighting claimed 250 lives.", "The fighting claimed 50 lives.")
    assert [r.conflict for r in readings] == [True, True, True]  # 50 contradicts both; 250 agrees with hundreds
    readings = _align_in_one_fact("The fighting claimed hundreds of lives.", "The fighting claimed 250 lives.")
    assert [r.conflict for r in readings] == [False, False]


def test_one_tally_is_grouped_across_unlike_sentences():
    texts = ("The measure cleared the House on a 252-to-175 vote Wednesday, but its chances in the Senate dimmed after McConnell came out against it.",
             "Lawmakers passed the bill in a 252-175 vote, with 35 Republicans joining all Democrats in support.",
             "Senators then voted 50-49 on an unrelated budget resolution.")
    figures = [f for i, t in enumerate(texts) for f in figures_of(t, f"a{i}") if f.unit == "tally"]
    readings = align_figures(figures, lambda article: article, lambda f: texts[int(f.article[1:])])
    assert readings[0].group == readings[1].group >= 0 and readings[2].group == -1


def test_an_irregular_plural_is_a_plural():
    assert only("The search went on for hundreds of missing people.").counts == "missing people"
    figures = figures_of("The rate was 55.8 births per 1,000 women ages 15 and over.")
    assert [f.counts for f in figures if f.value == 1000.0] == ["women"]


def test_a_number_in_a_name_is_no_count():
    assert figures_of("Covid 19 hit the region as S&P 500 futures fell and Nasdaq 100 futures slid.") == ()


def test_a_number_after_a_name_that_is_not_numbered_stays_a_count():
    text = "About 40 people died. On Monday 30 families fled. Officials told CNN 12 soldiers died (Section 230 aside)."
    assert [(f.value, f.counts) for f in figures_of(text)] == [(40.0, "people"), (30.0, "families"), (12.0, "soldiers")]


def test_the_second_number_of_a_range_counts_what_the_first_counts():
    figures = figures_of("The mission shrank from 1,200 personnel to just over 450 across its consulates.")
    assert [(f.value, f.counts) for f in figures] == [(1200.0, "personnel"), (450.0, "personnel")]


def test_a_qualifier_is_kept_in_the_figure_text():
    assert figures_of("The mission shrank from 1,200 personnel to just over 450 in all.")[1].text == "just over 450"


def test_a_percentage_has_the_percent_unit_and_what_it_is_of():
    figure = only("About 30 percent of voters stayed home.")
    assert (figure.value, figure.unit, figure.counts) == (30.0, "%", "voters")


def test_money_has_its_currency_and_multiplier():
    figure = only("Congress approved $5.2 billion in aid.")
    assert (figure.value, figure.unit, figure.counts) == (5.2e9, "USD", "aid")


def test_an_age_counts_age_in_years():
    figure = only("He died at the age of 84 in hospital.")
    assert (figure.value, figure.unit, figure.counts) == (84.0, "years", "age")


def test_a_full_date_is_one_date_figure():
    figure = only("The attacks of Sept. 11, 2001 changed the war.")
    assert (figure.unit, display_value(figure)) == ("date", "2001-09-11")


def test_a_year_is_a_date():
    figure = only("The accord was signed in 2015 in Minsk.")
    assert (figure.unit, display_value(figure)) == ("date", "2015")


def test_a_bare_number_with_no_noun_is_not_a_figure():
    assert figures_of("It takes two to tango.") == ()


def test_a_number_inside_a_name_is_not_a_figure():
    assert figures_of("He died of Covid-19 complications.") == ()


def test_the_two_of_a_definite_reference_is_not_a_count():
    assert figures_of("The two countries exchanged ambassadors.") == ()


def test_the_span_of_a_figure_is_exactly_its_text():
    text = "Intro.\nFloods killed at least 40 people on Sunday."
    figure = only(text)
    assert text[figure.start : figure.end] == figure.text == "at least 40"


def _align(*texts: str):
    figures = [f for i, t in enumerate(texts) for f in figures_of(t, f"a{i}")]
    context = {f"a{i}": t for i, t in enumerate(texts)}
    return align_figures(figures, lambda article: article, lambda f: context[f.article])


def test_different_values_for_the_same_quantity_are_a_conflict_in_both_outlets():
    readings = _align("Floods in the province killed 40 people on Sunday.", "Floods in the province killed 52 people on Sunday.")
    assert [r.conflict for r in readings] == [True, True]
    assert readings[0].group == readings[1].group >= 0


def test_the_same_value_in_two_outlets_is_no_conflict():
    readings = _align("Floods in the province killed 40 people on Sunday.", "On Sunday floods killed 40 people in the province.")
    assert [r.conflict for r in readings] == [False, False]


def test_an_approximate_figure_agrees_within_the_wider_tolerance():
    readings = _align("Floods in the province killed about 40 people on Sunday.", "Floods in the province killed 43 people on Sunday.")
    assert [r.conflict for r in readings] == [False, False]


def test_figures_of_unlike_sentences_are_not_the_same_quantity():
    readings = _align("Floods in the province killed 40 people on Sunday.", "The party expelled 12 people from its leadership in March.")
    assert [r.group for r in readings] == [-1, -1] and not any(r.conflict for r in readings)


def test_dates_in_like_sentences_outside_one_fact_are_no_conflict():
    readings = _align("The accord was signed in 2015 in Minsk.", "The accord was signed in 2014 in Minsk.")
    assert not any(r.conflict for r in readings)


def _align_in_one_fact(*texts: str):
    figures = [f for i, t in enumerate(texts) for f in figures_of(t, f"a{i}")]
    return align_figures(figures, lambda article: article, lambda f: texts[int(f.article[1:])], lambda a, b: True)


def test_two_years_for_one_event_in_one_fact_are_a_conflict_in_both_outlets():
    readings = _align_in_one_fact("The law was passed in 1994 by the assembly.", "The law was passed in 1996 by the assembly.")
    assert [r.conflict for r in readings] == [True, True]


def test_a_year_and_a_full_date_in_that_year_for_one_event_both_hold():
    readings = _align_in_one_fact("The law was passed in 1994 by the assembly.", "The law was passed on March 5, 1994 by the assembly.")
    assert [r.conflict for r in readings] == [False, False]


def test_two_days_of_one_month_for_one_event_are_a_conflict():
    first, second = (figures_of(t, "a")[0] for t in ("It was signed on March 5.", "It was signed on March 6, 2015."))
    assert dates_conflict(first, second)


def test_two_months_of_one_year_for_one_event_are_a_conflict():
    march, may, march_third = (figures_of(t)[0] for t in ("It opened in March 2019.", "It opened in May 2019.",
                                                             "It opened on March 3, 2019."))
    assert dates_conflict(march, may)
    assert not dates_conflict(march, march_third)
    readings = _align_in_one_fact("The plant opened in March 2019 in the north.", "The plant opened in May 2019 in the north.")
    assert [r.conflict for r in readings] == [True, True]


def test_a_lower_bound_agrees_with_a_larger_value():
    readings = _align("Gunfire killed at least 150 people across the city over the weekend.",
                      "Gunfire killed 180 people across the city over the weekend.")
    assert [r.conflict for r in readings] == [False, False]


def test_a_sum_without_a_counted_noun_is_linked_only_through_an_aligned_fact():
    readings = _align("The plan would cost $1.2 trillion over eight years.", "The plan would cost $974 billion over eight years.")
    assert [r.group for r in readings] == [-1, -1]
    figures = [f for i, t in enumerate(("The plan would cost $1.2 trillion.", "The plan would cost $974 billion."))
               for f in figures_of(t, f"a{i}")]
    readings = align_figures(figures, lambda article: article, lambda f: "", lambda a, b: True)
    assert [r.conflict for r in readings] == [True, True]


def test_a_figure_narrowed_to_a_part_is_not_the_same_quantity_as_the_whole():
    texts = {
        "a0": "From March to April, consumer prices increased 0.8 percent.",
        "a1": "Excluding food and energy, consumer prices increased 0.9 percent from March to April.",
    }
    figures = [f for article, text in texts.items() for f in figures_of(text, article)]
    readings = align_figures(figures, lambda article: article, lambda f: texts[f.article], lambda a, b: True)
    assert [(r.group, r.conflict) for r in readings] == [(-1, False), (-1, False)]
    both_whole = align_figures(figures, lambda article: article, lambda f: texts["a0"], lambda a, b: True)
    assert [r.conflict for r in both_whole] == [True, True]


def test_a_reading_conflicts_only_with_the_readings_it_is_linked_to():
    readings = _align(
        "The increase amounts to $92 a month for the average retired worker.",
        "The increase means $92 more each month for retirees, whose average benefit will be $1,657 a month.",
    )
    assert not any(r.conflict for r in readings)


def test_a_percentage_in_words_is_a_percentage():
    assert (only("Prices were up three percent.").value, only("Prices were up three percent.").unit) == (3.0, "%")


def test_a_sentence_with_two_figures_of_one_unit_is_not_flagged_against_another_outlet():
    readings = _align("The rate fell to 5.8% from 6.1% in April, the bureau said.", "The rate fell to 5.9% in April, the bureau said.")
    assert not any(r.conflict for r in readings)


def test_a_sentence_with_two_figures_of_one_unit_groups_each_with_the_closest_agreeing_value():
    readings = _align_in_one_fact("Prices rose 4.2 percent, higher than the estimated 3.6 percent.", "Prices rose 4.2 percent over the year.")
    by_text = {(r.outlet, r.figure.text): r.group for r in readings}
    assert by_text[("a0", "4.2 percent")] == by_text[("a1", "4.2 percent")] >= 0
    assert by_text[("a0", "3.6 percent")] == -1
    readings = _align_in_one_fact(
        "Nearly 8 percent of stations in Ohio and more than 6 percent of stations in Iowa were dry.",
        "In Ohio 7.7% of stations and in Iowa 8.5% were dry.",
    )
    by_text = {r.figure.text: r.group for r in readings}
    assert by_text["Nearly 8 percent"] == by_text["7.7%"] >= 0
    assert by_text["more than 6 percent"] == by_text["8.5%"] == -1


def test_a_date_a_record_is_measured_from_is_not_grouped_with_the_date_of_the_event():
    readings = _align_in_one_fact("Core prices rose 3 percent from the same period in 2020.", "Core prices rose the most since April 1982.")
    assert all(r.group == -1 and not r.conflict for r in readings if r.figure.unit == "date")


def test_the_age_of_a_described_person_counts_that_person():
    assert only("Police arrested a 25-year-old man.").counts == "man"


def test_a_clock_time_is_not_a_count():
    assert figures_of("The truce began at 2 a.m. and was confirmed at 7 p.m. by both sides.") == ()
    assert figures_of("The meeting starts at 5 PM tomorrow, and polls close at 8 P.M. local time.") == ()


def test_pounds_of_weight_are_not_pounds_sterling():
    (figure,) = figures_of("The baby weighed 7 pounds at birth.")
    assert (figure.unit, figure.counts) == ("lb", "weight")


def test_pounds_with_a_multiplier_are_sterling():
    (figure,) = figures_of("The club paid 5 million pounds for the striker.")
    assert figure.unit == "GBP"


def test_the_value_a_figure_is_compared_with_is_marked_previous():
    figures = figures_of("The jobless rate rose to 6.1 percent in August from 6 percent in July.")
    assert [(f.value, f.previous) for f in figures] == [(6.1, False), (6.0, True)]


def test_from_marks_the_value_compared_with_only_in_a_change():
    assert only("The bill passed with support from 35 Republicans, even though leaders opposed it.").previous is False
    assert only("The team got letters from 300 voters.").previous is False
    assert [f.previous for f in figures_of("The rate had fallen to 5.8% from 6.1% in April.")] == [False, True]
    figures = figures_of("Deaths climbed from 12 people to 15 people.")
    assert [(f.value, f.previous) for f in figures] == [(12.0, True), (15.0, False)]


def test_a_previous_value_is_not_grouped_with_another_outlets_current_value():
    from newsprism.analysis.figures import align_figures

    a = figures_of("The jobless rate rose to 6.1 percent in August from 6 percent in July.", "a")
    b = figures_of("The jobless rate was 6 percent in August.", "b")
    readings = align_figures([*a, *b], lambda article: article, lambda f: "jobless rate", lambda x, y: True)
    group = {(r.outlet, r.figure.value): r.group for r in readings}
    assert group[("b", 6.0)] == group[("a", 6.1)] != group[("a", 6.0)]


def test_a_sentence_may_open_with_a_number_word_or_a_qualifier():
    figures = figures_of("Three people died. Nearly 500 migrants crossed. Three hundred people marched.")
    assert [(f.value, f.counts, f.text) for f in figures] == [
        (3.0, "people", "Three"), (500.0, "migrants", "Nearly 500"), (300.0, "people", "Three hundred"),
    ]


def test_hundred_before_a_larger_multiplier_multiplies_it():
    figures = figures_of("Two hundred thousand people marched. Officials said three hundred million Americans watched.")
    assert [(f.value, f.counts, f.text) for f in figures] == [
        (2e5, "people", "Two hundred thousand"), (3e8, "Americans", "three hundred million"),
    ]


def test_a_capitalised_word_after_a_number_qualifies_a_noun_or_is_the_plural_counted():
    text = ("Six Republican senators backed it, with six Republicans breaking ranks. It needs 10 GOP votes. "
            "Officials expect 37 million Americans to travel. Two Israeli soldiers died.")
    assert [(f.value, f.counts) for f in figures_of(text)] == [
        (6.0, "senators"), (6.0, "Republicans"), (10.0, "votes"), (37e6, "Americans"), (2.0, "soldiers"),
    ]


def test_a_capitalised_word_that_is_a_name_or_a_month_makes_no_count():
    text = "He lives at 10 Downing Street. On 5 June officials met. It was 37 Celsius. The 1619 Project lies in ruins."
    assert figures_of(text) == ()


def test_cents_are_money_and_a_hyphenated_percentage_is_one():
    cents, percent = figures_of("Gas cost 16 cents more than a month ago, a 16-percent increase.")
    assert (cents.value, cents.unit, cents.text) == (0.16, "USD", "16 cents")
    assert (percent.value, percent.unit) == (16.0, "%")


def test_an_amount_joined_to_its_currency_by_a_hyphen_is_money_or_weight():
    figures = figures_of("They proposed a 5-cent tax, paid with 20-dollar bills. She had a 10-pound baby.")
    assert [(f.value, f.unit, f.text) for f in figures] == [(0.05, "USD", "5-cent"), (20.0, "USD", "20-dollar"), (10.0, "lb", "10-pound")]


def test_a_qualifier_or_a_clock_time_is_no_counted_noun():
    assert [f.counts for f in figures_of("They want $506 billion of their nearly $1 trillion offer.")] == ["", ""]
    assert figures_of("The services were down from 16:00 GMT until around 22:00 on Monday.") == ()


def test_a_singular_noun_before_a_plural_one_is_counted_with_it():
    text = ("Biden tied together three major spending proposals. Two health officials and 13 American service members "
            "spoke. The Taliban seized three more Afghan provincial capitals. Two people always lie.")
    assert [f.counts for f in figures_of(text)] == [
        "spending proposals", "health officials", "service members", "capitals", "people",
    ]


def test_colour_and_sex_before_the_noun_qualify_it():
    text = "They have two white male reporters here. Three black bears were seen, and 12 female senators signed."
    assert [f.counts for f in figures_of(text)] == ["reporters", "bears", "senators"]


def test_a_number_joined_to_a_word_by_a_hyphen_counts_it_with_the_noun_after():
    text = "Without the 60-vote threshold, the 50-vote minority lost. Gas hit a 7-year high, 60-some miles away."
    assert [(f.value, f.counts, f.text) for f in figures_of(text)] == [
        (60.0, "vote threshold", "60-vote"), (50.0, "vote minority", "50-vote"),
    ]
    assert figures_of("A two-thirds majority backed the three-way race.") == ()
    assert figures_of("The 20-something voters backed a 40-ish man.") == ()


def test_a_preposition_after_a_number_is_no_counted_noun():
    assert figures_of("Daily infections fell below 30,000 amid signs of recovery.") == ()


def test_adjectives_before_a_compound_noun_are_read_past():
    assert only("There were 29,128 new reported coronavirus cases on Thursday.").counts == "coronavirus cases"


def test_a_month_and_a_year_are_one_date_keeping_the_month():
    (figure,) = figures_of("Three researchers fell ill in November 2019.")[1:]
    assert (figure.text, display_value(figure)) == ("November 2019", "2019-11")
    assert not dates_conflict(figure, only("The lab staff became sick in autumn 2019."))


def test_a_number_ending_in_a_fraction_sign_keeps_the_fraction():
    figure = only("An officer knelt on his neck for 9½ minutes.")
    assert (figure.value, figure.counts, figure.text) == (9.5, "minutes", "9½")


def test_from_after_a_change_in_another_clause_is_where_a_count_comes_from():
    figures = figures_of("Exports rose 5 percent in March, and aid came from 35 countries.")
    assert [(f.text, f.previous) for f in figures if f.unit == "count"] == [("35", False)]
    assert [f.previous for f in figures_of("Exports rose in March to 7 percent from 5 percent.")] == [False, True]


def test_two_numbers_after_a_word_of_voting_before_a_unit_are_a_range_not_a_tally():
    assert [f.unit for f in figures_of("Residents voted 10 to 15 years ago to build the school.")] == []
    assert [(display_value(f), f.unit) for f in figures_of("The council voted 10 to 5 on Monday.")] == [("10-5", "tally")]


def test_digits_after_the_count_a_collective_noun():
    assert [(f.text, f.counts) for f in figures_of("The 3,000 staff were told on Monday.")] == [("3,000", "staff")]


def test_a_sentence_of_many_numbers_is_read_whole():
    text = "Farmers counted " + ", ".join(f"{n} apples" for n in range(10, 2010)) + "."
    figures = figures_of(text)
    assert [(f.value, f.counts, f.previous) for f in figures] == [(float(n), "apples", False) for n in range(10, 2010)]


def test_the_end_of_a_range_of_ages_is_an_age_not_a_count():
    figures = figures_of("The fertility rate was 55.8 births per 1,000 women ages 15 to 44, a record low.")
    assert [(f.value, f.unit, f.counts) for f in figures if f.unit == "years"] == [(15.0, "years", "age"), (44.0, "years", "age")]
    assert [(f.value, f.counts) for f in figures_of("Children aged 5-11 are next.")] == [(5.0, "age"), (11.0, "age")]


def test_a_year_before_a_verb_in_s_and_a_determiner_is_a_date_not_a_count():
    figure = only("2020 marks the sixth consecutive year of decline.")
    assert (figure.unit, display_value(figure)) == ("date", "2020")
    assert only("The school has 1999 students.").unit == "count"


def test_a_time_after_a_lone_figure_says_when_not_the_value_compared_with():
    assert only("The birth rate fell 4% last year, the largest drop in decades.").previous is False
    assert [f.previous for f in figures_of("Prices rose 3 percent, against 5 percent a year earlier.")] == [False, True]
