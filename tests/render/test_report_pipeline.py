"""``newsprism report`` through the real pipeline (read, clean, analyse, summarise, compare, render)."""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

SEED_INPUTS = [f"RT={RT_SEED}", str(LATIMES_SEED)]


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("report") / "story.html"
    assert main(["report", *SEED_INPUTS, "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def section(page: str, name: str) -> str:
    return page.split(f'<section id="{name}">')[1].split("</section>")[0]


def page_articles(page: str) -> list[dict]:
    block = re.search(r'<script type="application/json" id="np-data">(.*?)</script>', page, re.S)[1]
    return json.loads(block)["articles"]


def test_seed_report_names_both_outlets(seed_page):
    outlets = re.search(r'<p class="outlets">(.*?)</p>', seed_page, re.S)[1]
    assert ">RT<" in outlets
    assert ">Los Angeles Times<" in outlets


def test_every_summary_sentence_points_at_its_exact_text(seed_page):
    articles = page_articles(seed_page)
    spans = re.findall(r'data-a="(\d+)" data-s="(\d+)" data-e="(\d+)"[^>]*>([^<]*)<', section(seed_page, "summary"))
    assert spans
    for article, start, end, shown in spans:
        assert articles[int(article)]["text"][int(start):int(end)] == html_lib.unescape(shown)


def test_scraper_junk_of_the_seed_pair_is_shown_only_as_removed(seed_page):
    facts = "".join(re.findall(r'<li class="fact.*?</li>', seed_page, re.S)) + section(seed_page, "summary")
    for junk in ("L.A. Now", "Essential Washington", "Latest updates", "Copyright ©"):
        assert junk not in facts
    assert "removed as page clutter" in seed_page


def test_report_goes_on_past_an_unreadable_input_and_names_it(tmp_path, capsys):
    out = tmp_path / "story.html"
    missing = tmp_path / "missing.txt"
    assert main(["report", *SEED_INPUTS, str(missing), "--out", str(out)]) == 0
    assert str(missing) in capsys.readouterr().err
    assert "Los Angeles Times" in out.read_text(encoding="utf-8")


def test_report_without_any_usable_input_fails_with_one_line(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "story.html")]) == 2
    assert capsys.readouterr().err.startswith("newsprism: error: no usable article")
    assert not (tmp_path / "story.html").exists()


def test_report_to_standard_output_is_the_whole_page(capsys):
    assert main(["report", *SEED_INPUTS]) == 0
    assert capsys.readouterr().out.rstrip().endswith("</html>")


def test_report_with_a_word_budget_below_one_fails_with_one_line(tmp_path, capsys):
    assert main(["report", *SEED_INPUTS, "--words", "0", "--out", str(tmp_path / "story.html")]) == 2
    assert "word budget must be a positive whole number, got 0" in capsys.readouterr().err


def test_a_longer_word_budget_gives_a_longer_summary(tmp_path):
    pages = {}
    for words in (40, 160):
        out = tmp_path / f"{words}.html"
        assert main(["report", *SEED_INPUTS, "--words", str(words), "--out", str(out)]) == 0
        pages[words] = section(out.read_text(encoding="utf-8"), "summary").count("<li>")
    assert pages[40] < pages[160]


def test_report_out_into_a_missing_folder_creates_it(tmp_path, capsys):
    out = tmp_path / "reports" / "today" / "story.html"
    assert main(["report", *SEED_INPUTS, "--out", str(out)]) == 0
    assert out.is_file()
    assert capsys.readouterr().err.strip() == f"wrote {out}: 2 articles from 2 outlets"
