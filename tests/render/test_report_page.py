"""The HTML report's layout rules, on small stories built inline from model records.

These tests check what the page shows and how it escapes, independently of how good the analysis
is; tests/render/test_report_pipeline.py runs the real pipeline, tests/render/test_report_browser.py
a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from newsprism.model import (
    Article,
    Comparison,
    Fact,
    Figure,
    FigureReading,
    Framing,
    Quote,
    QuoteGroup,
    Sentence,
    Span,
    Story,
    StoryAnalysis,
    Summary,
    SummarySentence,
)
from newsprism.render.html import IndexEntry, ReportSettings, render_index, render_report

HOSTILE = '<script>alert("pwned")</script> He said "yes" & <b>no</b> </script><!-- x'


def build(articles: list[Article], same: list[list[tuple[str, int]]] = ()):
    """An analysis, summary and comparison of one-sentence-per-line articles.

    ``same`` lists groups of (article id, line number) that state the same fact; every other line
    is a fact of its own. Consensus is what every outlet reports, exclusives what one reports,
    omissions what every other outlet reports; the summary is the consensus facts in order.
    """
    story = Story("s1", tuple(articles))
    sentences = {}
    for a in articles:
        spans, offset = [], 0
        for i, line in enumerate(a.text.split("\n")):
            spans.append(Sentence(a.id, i, offset, offset + len(line), line, paragraph=i))
            offset += len(line) + 1
        sentences[a.id] = tuple(spans)
    group_of = {key: n for n, group in enumerate(same) for key in group}
    grouped: dict[object, list[Sentence]] = defaultdict(list)
    for a in articles:
        for s in sentences[a.id]:
            grouped[group_of.get((a.id, s.index), (a.id, s.index))].append(s)
    facts, fact_of = [], {}
    for members in grouped.values():
        outlets = tuple(dict.fromkeys(story.article(s.article).display_outlet for s in members))
        fact = Fact(len(facts), tuple(members), outlets, members[0])
        for s in members:
            fact_of[(s.article, s.index)] = fact.id
        facts.append(fact)
    analysis = StoryAnalysis(story, sentences, tuple(facts), fact_of)
    outlets = story.outlets
    consensus = tuple(f for f in facts if len(f.outlets) == len(outlets) > 1)
    summary = Summary("s1", tuple(SummarySentence(f.representative, f, f.outlets) for f in consensus))
    comparison = Comparison(
        story="s1",
        outlets=outlets,
        consensus=consensus,
        exclusives={o: tuple(f for f in facts if f.outlets == (o,)) for o in outlets},
        omissions={
            o: tuple(f for f in facts if o not in f.outlets and len(f.outlets) == len(outlets) - 1 > 1)
            for o in outlets
        },
        quotes=(),
        figures=(),
        framing={},
    )
    return analysis, summary, comparison


def two_outlets(first_extra: str = "Only the first outlet says this.", url: str | None = None):
    return [
        Article("a1", f"Talks failed on Friday.\n{first_extra}\nThe minister resigned.", outlet="Alpha News",
                title="Talks fail", url=url),
        Article("a2", "Friday's talks failed.\nThe minister quit.\nBeta alone mentions the weather.",
                outlet="Beta Daily", title="No deal"),
    ]


def page(articles, same=((("a1", 0), ("a2", 0)), (("a1", 2), ("a2", 1))), **changes) -> str:
    analysis, summary, comparison = build(articles, [list(g) for g in same])
    if changes:
        comparison = Comparison(**{**{f: getattr(comparison, f) for f in comparison.__dataclass_fields__},
                                   **changes})
    return render_report(analysis, summary, comparison)


def test_report_is_one_page_that_loads_nothing_from_outside():
    html = page(two_outlets())
    assert "<link" not in html
    assert not re.search(r"""\ssrc\s*=""", html)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_summary_sentences_are_shown_with_the_outlets_that_report_them():
    html = page(two_outlets())
    summary = html.split('id="summary"')[1].split("</section>")[0]
    assert "Talks failed on Friday." in summary
    assert "The minister resigned." in summary
    assert summary.count('class="badge c0">Alpha News<') == 2
    assert summary.count('class="badge c1">Beta Daily<') == 2


def test_a_summary_sentence_carries_its_source_span():
    html = page(two_outlets())
    articles = two_outlets()
    match = re.search(r'data-a="0" data-s="(\d+)" data-e="(\d+)" data-f="\d+"[^>]*>The minister resigned\.<', html)
    assert match, "summary sentence without its source span"
    start, end = int(match[1]), int(match[2])
    assert articles[0].text[start:end] == "The minister resigned."


def test_hostile_article_text_is_escaped_everywhere():
    html = page(two_outlets(first_extra=HOSTILE))
    assert "<script>alert" not in html
    assert "<b>no</b>" not in html
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    # Only the page's own two script elements close.
    assert html.count("</script>") == 2


def test_hostile_outlet_names_and_titles_are_escaped():
    articles = [
        Article("a1", "Talks failed on Friday.", outlet='<img src=x onerror="alert(1)">', title="</title><script>x()</script>"),
        Article("a2", "Friday's talks failed.", outlet="Beta Daily"),
    ]
    html = page(articles, same=((("a1", 0), ("a2", 0)),))
    assert "<img" not in html
    assert "</title><script>" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_article_texts_reach_the_script_as_json_that_cannot_close_its_element():
    html = page(two_outlets(first_extra=HOSTILE))
    block = re.search(r'<script type="application/json" id="np-data">(.*?)</script>', html, re.S)[1]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert HOSTILE in data["articles"][0]["text"]


def test_a_javascript_url_never_becomes_a_link():
    html = page(two_outlets(url="javascript:alert(1)"))
    assert "javascript:" not in html


def test_an_http_url_becomes_a_link_to_the_article():
    html = page(two_outlets(url="https://alpha.example/talks?a=1&b=2"))
    assert 'href="https://alpha.example/talks?a=1&amp;b=2"' in html


def test_the_content_security_policy_allows_exactly_the_pages_script():
    html = page(two_outlets())
    script = re.search(r"<script>(.*?)</script>", html, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html


def test_exclusives_are_listed_under_their_outlet():
    html = page(two_outlets())
    beta_card = html.split('<article class="outlet c1">')[1].split("</article>")[0]
    exclusives = beta_card.split("Only here")[1].split("Leaves out")[0]
    assert "Beta alone mentions the weather." in exclusives
    assert "Only the first outlet says this." not in exclusives


def test_coverage_matrix_draws_one_column_per_fact():
    analysis, summary, comparison = build(two_outlets(), [[("a1", 0), ("a2", 0)], [("a1", 2), ("a2", 1)]])
    html = render_report(analysis, summary, comparison)
    assert html.count('<g class="col"') == len(analysis.facts) == 4


def test_coverage_matrix_says_how_many_facts_it_leaves_out():
    articles = [Article("a1", "\n".join(f"Line {i}." for i in range(30)), outlet="Alpha News")]
    analysis, summary, comparison = build(articles)
    html = render_report(analysis, summary, comparison, ReportSettings(matrix_max_facts=10))
    assert html.count('<g class="col"') == 10
    assert "The 20 least reported facts are not drawn" in html


def test_long_fact_lists_fold_instead_of_dropping():
    articles = [
        Article("a1", "\n".join(f"Alpha fact {i}." for i in range(9)), outlet="Alpha News"),
        Article("a2", "Beta fact.", outlet="Beta Daily"),
    ]
    analysis, summary, comparison = build(articles)
    html = render_report(analysis, summary, comparison, ReportSettings(list_limit=4))
    alpha_card = html.split('<article class="outlet c0">')[1].split("</article>")[0]
    assert "<summary>5 more</summary>" in alpha_card
    assert all(f"Alpha fact {i}." in alpha_card for i in range(9))


def test_quotes_are_grouped_by_speaker_with_the_outlets_that_carry_them():
    articles = [
        Article("a1", 'Peskov said "it takes two to tango".', outlet="RT"),
        Article("a2", 'Dmitry Peskov said "it takes two to tango".', outlet="Los Angeles Times"),
    ]
    quotes = (
        Quote("Dmitry Peskov", "it takes two to tango", "a1", 13, 34, verb="said"),
        Quote("Dmitry Peskov", "it takes two to tango", "a2", 20, 41, verb="said"),
    )
    html = page(articles, same=(), quotes=(QuoteGroup("Dmitry Peskov", quotes, ("RT", "Los Angeles Times")),))
    section = html.split('id="quotes"')[1].split("</section>")[0]
    assert "<h3>Dmitry Peskov" in section
    assert 'data-a="0" data-s="13" data-e="34"' in section
    assert ">RT<" in section and ">Los Angeles Times<" in section


def test_figure_conflicts_are_flagged():
    articles = two_outlets()
    readings = (
        FigureReading(Figure(1200.0, "", "staff", "a1", 0, 5, "Talks"), "Alpha News", conflict=True, group=0),
        FigureReading(Figure(450.0, "", "staff", "a2", 0, 7, "Friday'"), "Beta Daily", conflict=True, group=0),
    )
    html = page(articles, figures=readings)
    section = html.split('id="figures"')[1].split("</section>")[0]
    assert "Outlets give different values" in section
    assert section.count('<tr class="conflict') == 2
    assert "1,200" in section and ">450<" in section


def test_framing_shows_each_outlets_verbs_and_loaded_words():
    articles = two_outlets()
    framing = {
        "Alpha News": Framing("Alpha News", loaded=(Span("failed", "a1", 12, 18, "loaded"),),
                              attribution_verbs={"said": 3, "claimed": 1}),
        "Beta Daily": Framing("Beta Daily", attribution_verbs={"said": 2}),
    }
    html = page(articles, framing=framing)
    section = html.split('id="framing"')[1].split("</section>")[0]
    assert '<span class="chip">claimed <b>1</b></span>' in section
    assert 'data-a="0" data-s="12" data-e="18"' in section


def test_a_summary_of_another_story_is_refused():
    analysis, summary, comparison = build(two_outlets(), [[("a1", 0), ("a2", 0)]])
    with pytest.raises(ValueError, match="must be of the analysed story 's1'"):
        render_report(analysis, Summary("other", ()), comparison)


def test_index_lists_largest_stories_first_with_links():
    html = render_index([
        IndexEntry("small", "small.html", "Small story", 2, ("RT",)),
        {"id": "big", "href": "big.html", "title": "Big <story>", "articles": 9, "outlets": ("RT", "CNN")},
    ])
    assert html.index('href="big.html"') < html.index('href="small.html"')
    assert "Big &lt;story&gt;" in html


def test_index_refuses_a_javascript_link():
    with pytest.raises(ValueError, match="must be relative or http"):
        IndexEntry("x", "javascript:alert(1)")


def test_figures_only_one_outlet_gives_are_folded_not_dropped():
    readings = (FigureReading(Figure(3.0, "", "ministers", "a1", 0, 5, "Talks"), "Alpha News"),)
    html = page(two_outlets(), figures=readings)
    section = html.split('id="figures"')[1].split("</section>")[0]
    assert "<summary>1 figure only one outlet gives</summary>" in section
    assert ">Talks<" in section


def test_a_figure_is_shown_in_its_sentence():
    articles = two_outlets()
    reading = FigureReading(Figure(1.0, "", "day", "a1", 16, 22, "Friday"), "Alpha News")
    html = page(articles, figures=(reading,))
    section = html.split('id="figures"')[1].split("</section>")[0]
    assert re.search(r'Talks failed on <span class="src figure"[^>]*>Friday</span>\.', section)


def test_articles_with_and_without_a_time_zone_give_one_date_range():
    first, second = two_outlets()
    articles = [replace(first, published=datetime(2017, 12, 29, 9, tzinfo=timezone.utc)),
                replace(second, published=datetime(2017, 12, 30))]
    assert "2017-12-29 to 2017-12-30" in page(articles)


def test_a_date_figure_is_shown_as_a_date_not_as_its_sort_number():
    reading = FigureReading(Figure(20170000.0, "date", "date", "a1", 0, 5, "2017"), "Alpha News")
    html = page(two_outlets(), figures=(reading,))
    section = html.split('id="figures"')[1].split("</section>")[0]
    assert '<td class="num">2017</td>' in section
    assert "20,170,000" not in section


def test_a_figures_sentence_is_shortened_between_words():
    lead = "Officials from both councils said on Tuesday, after an extraordinarily long meeting in the town hall, that"
    tail = "staff would be affected by the merger of the two offices and of their many departments across the region."
    text = f"{lead} 1200 {tail}"
    at = text.index("1200")
    reading = FigureReading(Figure(1200.0, "count", "staff", "a1", at, at + 4, "1200"), "Alpha News")
    articles = [Article("a1", text, outlet="Alpha News", title="Merger"), Article("a2", "Rain.", outlet="Beta Daily")]
    section = page(articles, same=(), figures=(reading,)).split('id="figures"')[1].split("</section>")[0]
    before = re.search(r"…([^<]*)<span class=\"src figure\"", section).group(1)
    after = re.search(r"1200</span>([^<]*)…", section).group(1)
    assert lead.endswith(before.rstrip()) and lead[-len(before.rstrip()) - 1] == " "
    assert tail.startswith(after.strip()) and tail[len(after.strip())] == " "


def test_a_headline_cut_just_after_a_whole_word_keeps_that_word():
    from newsprism.model import Fact, Sentence, Summary, SummarySentence
    from newsprism.render.html import story_headline

    text = "word " * 21 + "last ending here"  # "last" ends at character 109, just before the 110 limit
    sentence = Sentence("a1", 0, 0, len(text), text)
    summary = Summary("s", (SummarySentence(sentence, Fact(0, (sentence,), ("A",), sentence), ("A",)),))
    headline = story_headline([Article("a1", text)], summary)
    assert headline == "word " * 21 + "last…" and len(headline) <= 110


def test_index_lists_stories_of_one_size_by_date_then_by_the_numbers_in_their_ids():
    html = render_index([
        IndexEntry("s10", "s10.html", "Ten", 2, ("RT",), dates="2017-12-20"),
        IndexEntry("s2", "s2.html", "Two", 2, ("RT",), dates="2017-12-20"),
        IndexEntry("s11", "s11.html", "Eleven", 2, ("RT",), dates="2017-12-01 to 2017-12-29"),
        IndexEntry("s1", "s1.html", "One", 3, ("RT",), dates="2017-12-01"),
    ])
    order = sorted(["s1", "s2", "s10", "s11"], key=lambda s: html.index(f'href="{s}.html"'))
    assert order == ["s1", "s11", "s2", "s10"]


def test_a_story_id_that_says_story_is_not_repeated_in_the_report_header():
    from newsprism.render.html import story_label
    assert (story_label("story-3"), story_label("s3")) == ("story-3", "story s3")


@pytest.mark.parametrize("title", ["APW19981016.0240", "s17", "story-0042", "3f2a1b9c4d5e6f70"])
def test_an_opaque_id_is_not_taken_for_a_story_title(title):
    from newsprism.render.html import looks_like_id
    assert looks_like_id(title)


@pytest.mark.parametrize("title", ["Brexit", "COVID-19", "Kremlin: it takes two to tango", "G7"])
def test_a_title_of_words_is_a_title(title):
    from newsprism.render.html import looks_like_id
    assert not looks_like_id(title)


def test_report_lists_every_article_in_the_order_it_was_published():
    later, earlier = two_outlets()
    articles = [replace(later, published=datetime(2024, 3, 2, tzinfo=timezone.utc)),
                replace(earlier, published=datetime(2024, 3, 1, 9, 30))]
    timeline = page(articles).split('id="articles"', 1)[1]
    assert timeline.index("No deal") < timeline.index("Talks fail")
    assert "2024-03-01 09:30" in timeline


def test_report_links_each_article_to_its_page_when_given_one():
    articles = two_outlets()
    analysis, summary, comparison = build(articles, [[("a1", 0), ("a2", 0)]])
    html = render_report(analysis, summary, comparison, article_pages={"a1": "/articles/7"})
    assert '<a href="/articles/7">Talks fail</a>' in html.split('id="articles"', 1)[1]
    assert '"page":"/articles/7"' in html


def test_report_refuses_a_javascript_article_page_link():
    articles = two_outlets()
    analysis, summary, comparison = build(articles, [[("a1", 0), ("a2", 0)]])
    with pytest.raises(ValueError, match="article_pages"):
        render_report(analysis, summary, comparison, article_pages={"a1": "javascript:alert(1)"})


def test_a_consensus_fact_the_alignment_was_less_sure_of_is_marked_so():
    html = page(two_outlets(), doubtful=frozenset({0}))
    assert html.count("less sure: match") == 1
    assert "less sure" not in page(two_outlets())


def test_an_exclusive_shown_as_a_whole_quotation_lists_no_other_versions_and_counts_its_pieces_as_exclusive():
    from newsprism.compare import whole_quotations

    text = "Talks failed on Friday.\n“We will not sign this deal.\nNot this year,” the minister said.\nThe minister resigned."
    articles = [Article("a1", text, outlet="Alpha News"), two_outlets()[1]]
    analysis, summary, comparison = build(articles, [[("a1", 0), ("a2", 0)], [("a1", 3), ("a2", 1)]])
    alpha = whole_quotations(analysis, comparison.exclusives["Alpha News"], 4)
    assert [f.representative.text for f in alpha] == ["“We will not sign this deal.\nNot this year,” the minister said."]
    html = render_report(analysis, summary, replace(comparison, exclusives={**comparison.exclusives, "Alpha News": tuple(alpha)}))
    alpha_card = html.split('<article class="outlet c0">')[1].split("</article>")[0]
    assert "Not this year" in alpha_card and "match" not in alpha_card.split("Only here")[1].split("Leaves out")[0]
    assert html.count('class="cell exclusive') == 3  # both pieces, and Beta's own line
