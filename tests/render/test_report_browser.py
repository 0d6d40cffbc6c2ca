"""The HTML report in a real browser: Debian's chromium driven by Playwright.

The reports are made by the ``newsprism report`` command on the bundled seed pair (RT and the Los
Angeles Times) and on a hostile article, through the real pipeline. Browser downloads are
impossible where this runs, so the system chromium is used and the tests skip when it is absent.

The screenshot for the README is this module's screenshot test with an output path:
``NEWSPRISM_SCREENSHOT=docs/report.png pytest tests/render/test_report_browser.py -k screenshot``
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import Page, launched_browser
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

HOSTILE = 'He wrote <script>alert("pwned")</script> and <img src=x onerror="alert(2)"> & "quotes".'

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from launched_browser()


def report(tmp_path_factory, name: str, *inputs: str) -> Path:
    out = tmp_path_factory.mktemp(name) / "story.html"
    assert main(["report", *inputs, "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    return report(tmp_path_factory, "seed", f"RT={RT_SEED}", str(LATIMES_SEED))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-input")
    first = folder / "first.txt"
    first.write_text(f"The council met on Monday.\n{HOSTILE}\nThe vote was postponed.\n", encoding="utf-8")
    second = folder / "second.txt"
    second.write_text("The council met on Monday.\nThe vote was postponed again.\n", encoding="utf-8")
    return report(tmp_path_factory, "hostile", f"Alpha News={first}", f"Beta Daily={second}")


@pytest.fixture
def seed_page(browser, seed_report):
    opened = Page(browser, seed_report.as_uri())
    yield opened
    opened.page.close()


def test_seed_report_loads_without_console_errors(seed_page):
    seed_page.page.wait_for_load_state("load")
    assert seed_page.console == []


def test_seed_report_shows_both_outlets(seed_page):
    header = seed_page.page.locator("header.top .outlets").inner_text()
    assert "RT" in header
    assert "Los Angeles Times" in header
    cards = seed_page.page.locator("article.outlet h3").all_inner_texts()
    assert sorted(cards) == ["Los Angeles Times", "RT"]


def test_clicking_a_summary_sentence_reveals_its_source(seed_page):
    page = seed_page.page
    sentence = page.locator("ol.summary .src").first
    expected = sentence.inner_text()
    assert page.locator("#source").is_hidden()
    sentence.click()
    panel = page.locator("#source")
    assert panel.is_visible()
    assert panel.locator("mark").inner_text() == expected
    assert panel.locator("#source-outlet").inner_text() in ("RT", "Los Angeles Times")
    assert "characters" in panel.locator("#source-where").inner_text()


def test_hovering_a_summary_sentence_names_its_source(seed_page):
    sentence = seed_page.page.locator("ol.summary .src").first
    sentence.hover()
    title = sentence.get_attribute("title")
    assert title.split(" · ")[0] in ("RT", "Los Angeles Times")
    assert "characters" in title


def test_printed_report_leaves_out_the_source_panel_and_navigation(seed_page):
    page = seed_page.page
    page.locator("ol.summary .src").first.click()
    page.emulate_media(media="print")
    assert page.locator("#source").is_hidden()
    assert page.locator("nav").is_hidden()
    assert page.locator("#summary").is_visible()


def test_hostile_article_text_shows_literally_and_runs_nothing(browser, hostile_report):
    opened = Page(browser, hostile_report.as_uri())
    try:
        opened.page.wait_for_load_state("load")
        assert opened.page.get_by_text('<script>alert("pwned")</script>', exact=False).count() >= 1
        assert opened.page.locator("main img, main script").count() == 0
        assert opened.dialogs == []
        assert opened.console == []
    finally:
        opened.page.close()


def test_a_sentence_after_an_emoji_is_highlighted_exactly(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("emoji-input")
    first = folder / "first.txt"
    first.write_text("Fans cheered 🎉🎉 all night.\nThe council met on Monday to vote.\n", encoding="utf-8")
    second = folder / "second.txt"
    second.write_text("The council met on Monday to vote.\n", encoding="utf-8")
    opened = Page(browser, report(tmp_path_factory, "emoji", f"Alpha News={first}", f"Beta Daily={second}").as_uri())
    try:
        for sentence in opened.page.locator("main .src.sent").all():
            expected = sentence.inner_text()
            sentence.click()
            assert opened.page.locator("#source mark").inner_text() == expected
    finally:
        opened.page.close()


def test_screenshot_of_the_seed_report_is_written(seed_page, tmp_path):
    """With NEWSPRISM_SCREENSHOT set, the screenshot goes there (how docs/report.png is made)."""
    out = Path(os.environ.get("NEWSPRISM_SCREENSHOT") or tmp_path / "report.png")
    page = seed_page.page
    items = page.locator("ol.summary li").all()
    widest = max(items, key=lambda item: item.locator(".badge").count())  # shows the fact in both outlets
    widest.locator(".src").first.click()
    page.screenshot(path=str(out))
    assert out.read_bytes().startswith(b"\x89PNG")
    assert out.stat().st_size > 20_000
