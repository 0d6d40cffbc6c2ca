"""The quotation output contract: who said it (resolved or null), the words that name the speaker
with their offsets, the cue, and verbatim words alone printed inside quotation marks."""

from __future__ import annotations

import re

import pytest

from newsprism.analysis.align import analyze
from newsprism.compare import compare
from newsprism.model import Article, Story
from newsprism.render.json import comparison_to_dict
from newsprism.render.markdown import comparison_to_markdown
from newsprism.render.text import comparison_to_text, sourcing_line

TEXT_A = (
    "Talks on the budget broke down on Monday. Maria Lopez, the union leader, spoke afterwards. "
    "“We will not back down on this budget,” Lopez said. "
    "The union would strike again next month, a senior official said."
)
TEXT_B = "Budget talks collapsed. The mayor said the city had run out of money for the schools this year."


def _rendered(text_a: str, text_b: str):
    """The comparison of a story of two articles (outlets Daily and Herald) as JSON, text and Markdown."""
    story = Story("s", (Article(id="a", text=text_a, outlet="Daily"), Article(id="b", text=text_b, outlet="Herald")))
    analysis = analyze(story)
    comparison = compare(analysis)
    return comparison_to_dict(comparison, analysis), comparison_to_text(comparison, analysis), comparison_to_markdown(comparison, analysis)


@pytest.fixture(scope="module")
def rendered():
    return _rendered(TEXT_A, TEXT_B)


def _quote_line(output: str, heading: str, words: str) -> str:
    """The line of the quotations section of ``output`` that holds ``words``."""
    section = output.split(heading, 1)[1]
    return next(line for line in section.splitlines() if words in line)


def _records(rendered):
    return [q for group in rendered[0]["quotes"] for q in group["quotes"]]


def test_a_json_quotation_names_its_resolved_speaker_and_the_offsets_of_its_mention(rendered):
    (record,) = [q for q in _records(rendered) if q["direct"]]
    mention = record["speaker_mention"]
    assert (record["speaker"], record["cue"], TEXT_A[mention["start"] : mention["end"]]) == ("Maria Lopez", "said", "Lopez")


def test_a_json_quotation_of_an_unnamed_source_has_a_null_speaker_and_keeps_its_mention(rendered):
    (record,) = [q for q in _records(rendered) if "strike again" in q["text"]]
    assert (record["speaker"], record["speaker_mention"]["text"], record["direct"]) == (None, "a senior official", False)


def test_text_output_prints_reported_speech_outside_quotation_marks(rendered):
    line = _quote_line(rendered[1], "Quotes (", "strike again")
    assert "\u201c" not in line and "(reported)" in line


def test_markdown_output_prints_verbatim_words_inside_quotation_marks(rendered):
    line = _quote_line(rendered[2], "### Quotes", "back down")
    assert "Maria Lopez: \u201cWe will not back down on this budget\u201d" in line


def test_markdown_output_names_an_unnamed_source_by_its_description(rendered):
    line = _quote_line(rendered[2], "### Quotes", "strike again")
    assert line.startswith("- unnamed: a senior official: (reported) ") and "\u201c" not in line


@pytest.fixture(scope="module")
def report_page() -> str:
    from newsprism.render.html import render_report
    from newsprism.summarize import summarize

    story = Story("s", (Article(id="a", text=TEXT_A, outlet="Daily"), Article(id="b", text=TEXT_B, outlet="Herald")))
    analysis = analyze(story)
    return render_report(analysis, summarize(analysis), compare(analysis))


def test_the_report_marks_reported_speech_so_that_it_is_shown_without_quotation_marks(report_page):
    reported = re.search(r'class="[^"]*quote indirect[^"]*"[^>]*>[^<]*strike again', report_page)
    assert reported is not None


def test_the_report_shows_each_outlets_sourcing(report_page):
    assert "2 quotations (1 verbatim, 1 reported); 1 named, 1 unnamed (1 anonymous)" in report_page


def test_one_quotation_is_said_in_the_singular():
    line = sourcing_line({"quotations": 1, "reported": 1, "named": 1}, {"Senate Republicans": 1})
    assert line == "1 quotation (0 verbatim, 1 reported); 1 named, 0 unnamed (0 anonymous); most quoted: Senate Republicans 1"


SOURCELESS_A = "Budget talks broke down on Monday. The mayor is expected to present a smaller budget next week."
SOURCELESS_B = "Budget talks collapsed on Monday. The union said the city had run out of money for the schools."


@pytest.fixture(scope="module")
def sourceless():
    return _rendered(SOURCELESS_A, SOURCELESS_B)


def test_a_json_record_of_an_impression_with_no_source_has_no_speaker_and_no_mention(sourceless):
    (record,) = [q for q in _records(sourceless) if "smaller budget" in q["text"]]
    assert (record["speaker"], record["speaker_mention"], record["direct"], record["cue"]) == (None, None, False, "is expected")
    assert record["kind"] == "sourceless"


def test_text_output_lists_an_impression_with_no_source_apart_from_the_quotations(sourceless):
    quotations, positions = sourceless[1].split("Positions and acts (not quotations)", 1)
    assert "smaller budget" not in quotations.split("Quotes (", 1)[1]
    line = _quote_line(positions, "\n", "smaller budget")
    assert line.startswith("  - (no source named): The mayor is expected") and "\u201c" not in line


def test_markdown_output_lists_an_impression_with_no_source_apart_from_the_quotations(sourceless):
    quotations, positions = sourceless[2].split("### Positions and acts (not quotations)", 1)
    assert "smaller budget" not in quotations.split("### Quotes", 1)[1]
    line = _quote_line(positions, "\n", "smaller budget")
    assert line.startswith("- \\(no source named\\): The mayor is expected") and "\u201c" not in line


def test_the_report_names_an_impression_with_no_source_as_text_and_markdown_do():
    from newsprism.render.html import render_report
    from newsprism.summarize import summarize

    story = Story("s", (Article(id="a", text=SOURCELESS_A, outlet="Daily"), Article(id="b", text=SOURCELESS_B, outlet="Herald")))
    analysis = analyze(story)
    page = render_report(analysis, summarize(analysis), compare(analysis))
    positions = page.split('<section id="positions">', 1)[1].split("</section>", 1)[0]
    assert "<h3>(no source named) " in positions and "smaller budget" in positions


STANCE_A = "Negotiations ended on Monday. Six council members backed the mayor's plan to cut the budget."
STANCE_B = "Negotiations ended on Monday. The union said the city had run out of money for the schools."


def test_a_position_or_act_is_listed_apart_from_the_quotations_in_every_output():
    from newsprism.render.html import render_report
    from newsprism.summarize import summarize

    story = Story("s", (Article(id="a", text=STANCE_A, outlet="Daily"), Article(id="b", text=STANCE_B, outlet="Herald")))
    analysis = analyze(story)
    comparison = compare(analysis)
    data = comparison_to_dict(comparison, analysis)
    assert {(g["kind"], g["text"][:6]) for g in data["quotes"]} == {("stance", "backed"), ("speech", "the ci")}
    text, markdown = comparison_to_text(comparison, analysis), comparison_to_markdown(comparison, analysis)
    for output, quotes, heading in ((text, "Quotes (", "Positions and acts (not quotations)"),
                                    (markdown, "### Quotes", "### Positions and acts (not quotations)")):
        quotations, positions = output.split(quotes, 1)[1].split(heading, 1)
        assert "backed the mayor" in positions and "backed the mayor" not in quotations
        assert "run out of money" in quotations and "(reported) backed" not in output
    page = render_report(analysis, summarize(analysis), comparison)
    quotes_section, positions_section = page.split('<section id="positions">', 1)
    assert "backed the mayor" in positions_section.split("</section>", 1)[0] and "backed the mayor" not in quotes_section.split('<section id="quotes">', 1)[1]
