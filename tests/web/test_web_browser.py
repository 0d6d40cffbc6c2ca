"""The web app in a real browser: ``newsprism serve`` on 127.0.0.1 in a subprocess, driven by
Playwright in Debian's chromium (skipped when it is absent, as for the report's browser tests).

The screenshots in docs/ are this module's screenshot test with an output folder:
``NEWSPRISM_SCREENSHOTS=docs pytest tests/web/test_web_browser.py -k screenshots``
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from browser import Page, launched_browser
from datapaths import LATIMES_SEED, ROOT, RT_SEED
from webserver import Server

from newsprism.cli import main

SAMPLE = ROOT / "sample"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from launched_browser()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "news.db"
    assert main(["ingest", f"RT={RT_SEED}", f"Los Angeles Times={LATIMES_SEED}", "--db", str(db)]) == 0
    with Server(db) as running:
        yield running
    assert running.errors() == ""


def open_seed_story(browser, server) -> Page:
    opened = Page(browser, server.url + "/")
    opened.page.click("a.story-link")
    opened.page.wait_for_selector("ol.summary")
    return opened


def test_the_story_list_shows_the_seed_story_with_both_outlets(browser, server):
    with Page(browser, server.url + "/") as opened:
        row = opened.page.locator("table.stories tbody tr")
        assert row.count() == 1
        assert "two to tango" in row.locator("a.story-link").inner_text()
        assert sorted(row.locator(".badge").all_inner_texts()) == ["Los Angeles Times", "RT"]
        assert opened.console == []


def test_searching_a_word_of_one_article_finds_its_story(browser, server):
    with Page(browser, server.url + "/") as opened:
        opened.page.fill("input[name=q]", "Minsk")
        opened.page.click("form.filters button")
        opened.page.wait_for_url(re.compile(r"q=Minsk"))
        assert opened.page.locator("a.story-link").count() == 1


def test_searching_a_word_no_article_has_finds_no_story(browser, server):
    with Page(browser, server.url + "/?q=zeppelinfactory") as opened:
        assert opened.page.locator("a.story-link").count() == 0
        assert "0 stories" in opened.page.inner_text("p.meta")


def test_clicking_a_summary_sentence_shows_its_source_highlighted(browser, server):
    with open_seed_story(browser, server) as opened:
        sentence = opened.page.locator("ol.summary .src").first
        words = sentence.inner_text()
        sentence.click()
        opened.page.wait_for_selector("#source:not([hidden])")
        assert opened.page.inner_text("#source-text mark") == words
        assert opened.console == []


def test_the_source_panel_opens_the_article_page_with_the_span_highlighted(browser, server):
    with open_seed_story(browser, server) as opened:
        sentence = opened.page.locator("ol.summary .src").first
        words = sentence.inner_text()
        sentence.click()
        opened.page.click("#source-where a.open-article")
        opened.page.wait_for_selector("mark#highlight")
        assert opened.page.inner_text("mark#highlight") == words
        assert opened.console == []


def test_a_file_ingested_from_the_page_shows_its_story(browser, server, tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour bridge reopens after repairs\n\nThe Kestrel harbour bridge reopened on Tuesday after "
                       "eight months of repairs, the port authority said. Traffic resumed at noon.\n", encoding="utf-8")
    with Page(browser, server.url + "/add") as opened:
        opened.page.set_input_files("input[name=files]", str(article))
        opened.page.fill("input[name=outlet]", "Kestrel Courier")
        opened.page.click("form.add button")
        opened.page.wait_for_selector("section.result")
        assert opened.page.text_content("section.result h2") == "Added 1 article"
        opened.page.click("section.result a.story-link")
        opened.page.wait_for_selector("ol.summary")
        assert "Kestrel harbour bridge" in opened.page.inner_text("ol.summary")
        opened.page.goto(server.url + "/?q=kestrel")
        assert opened.page.locator("a.story-link").count() == 1
        assert opened.console == []


HOSTILE = {
    "id": "<img src=x onerror=alert('id')>",
    "outlet": "<script>alert('outlet')</script>",
    "title": "<script>alert('title')</script><img src=x onerror=alert('title2')> Council vote",
    "url": "javascript:alert('url')",
    "text": ("The council met on Monday to vote on the budget. <script>alert('text')</script> "
             "The mayor said \"<img src=x onerror=alert('quote')> we will win\" after the vote. "
             "<a href=\"javascript:alert('link')\">click here</a> The vote was postponed by 12 to 3."),
}


def test_a_hostile_article_runs_nothing_on_any_page(browser, tmp_path):
    feed = tmp_path / "hostile.jsonl"
    calm = {**HOSTILE, "id": "calm", "outlet": "Calm Daily", "title": "Council vote postponed", "url": "https://calm.example/a",
            "text": "The council met on Monday to vote on the budget. The vote was postponed by 12 to 4."}
    feed.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(calm) + "\n", encoding="utf-8")
    db = tmp_path / "hostile.db"
    assert main(["ingest", str(feed), "--db", str(db)]) == 0
    with Server(db) as running, Page(browser, running.url + "/") as opened:
        pages = ["/", "/?q=council", "/outlets", "/status", "/add"]
        links = opened.page.eval_on_selector_all("a.story-link, a.badge", "els => els.map(e => e.getAttribute('href'))")
        pages += links
        pages += [f"/articles/{n}?start=0&end=20" for n in (1, 2)]
        for path in pages:
            opened.page.goto(running.url + path)
            opened.page.wait_for_load_state("load")
            for sentence in opened.page.locator("ol.summary .src").all()[:3]:
                sentence.click()
            assert opened.page.evaluate("document.querySelectorAll('script:not([type]), script[type=\"text/javascript\"]').length") <= 1
        assert opened.dialogs == []
        assert opened.console == []
        assert running.errors() == ""


def test_screenshots_of_the_four_pages_are_written(browser, tmp_path, monkeypatch):
    """On the invented sample of the repository (sample/, CC0) and the seed pair: five stories, six outlets."""
    folder = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or tmp_path).resolve()
    db = tmp_path / "sample.db"
    monkeypatch.chdir(ROOT)  # the articles' sources read as the repository's paths (sample/day1.jsonl:3)
    inputs = [str(path.relative_to(ROOT)) for path in (SAMPLE / "day1.jsonl", SAMPLE / "day2.jsonl")]
    assert main(["ingest", *inputs, f"RT={RT_SEED.relative_to(ROOT)}",
                 f"Los Angeles Times={LATIMES_SEED.relative_to(ROOT)}", "--db", str(db)]) == 0
    with Server(db) as running, Page(browser, running.url + "/?sort=largest") as opened:
        for href in opened.page.eval_on_selector_all("a.story-link", "els => els.map(e => e.getAttribute('href'))"):
            opened.page.goto(running.url + href)  # analysed once, so the outlet page counts their facts
        opened.page.goto(running.url + "/?sort=largest")
        opened.page.screenshot(path=str(folder / "web-stories.png"))
        opened.page.click("a.story-link >> nth=0")
        opened.page.wait_for_selector("ol.summary")
        opened.page.locator("ol.summary .src").first.click()
        opened.page.wait_for_selector("#source:not([hidden])")
        opened.page.screenshot(path=str(folder / "web-story.png"))
        opened.page.click("#source-where a.open-article")
        opened.page.wait_for_selector("mark#highlight")
        opened.page.evaluate("window.scrollTo(0, 0)")
        opened.page.screenshot(path=str(folder / "web-article.png"))
        opened.page.goto(running.url + "/outlets/The%20Lakeport%20Ledger")
        opened.page.screenshot(path=str(folder / "web-outlet.png"), full_page=True)
        assert opened.console == []
    assert all((folder / f"web-{name}.png").stat().st_size > 10_000 for name in ("stories", "story", "article", "outlet"))
