"""The story list, searches and kept story pages answered before FastAPI's routing
(``kept_pages.KeptPages``): the same responses, headers and rules as the page routes give."""

from __future__ import annotations

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')

from fastapi.testclient import TestClient  # noqa: E402

from newsprism.web import story_list_page  # noqa: E402
from newsprism.web.app import create_app  # noqa: E402
from newsprism.web.listing import StoryListItem, outlets_of  # noqa: E402
from newsprism.web.rendering import story_row  # noqa: E402
from newsprism.web.settings import WebSettings  # noqa: E402


@pytest.fixture
def seeded(tmp_path):
    db = tmp_path / "news.db"
    assert main(["ingest", f"RT={RT_SEED}", f"Los Angeles Times={LATIMES_SEED}", "--db", str(db)]) == 0
    return db


def client(db) -> TestClient:
    return TestClient(create_app(WebSettings(db=db)), raise_server_exceptions=False)


def without_date(headers) -> list[tuple[str, str]]:
    return [(k, v) for k, v in headers.multi_items() if k != "date"]


def test_a_kept_list_page_is_sent_again_byte_for_byte_without_being_rendered_again(seeded, monkeypatch):
    rendered = []
    render = story_list_page.story_list_html
    monkeypatch.setattr(story_list_page, "story_list_html", lambda *args: rendered.append(1) or render(*args))
    with client(seeded) as web:
        web.get("/add")  # the form-token cookie, so that neither answer sets it
        first, again = web.get("/?sort=largest"), web.get("/?sort=largest")
    assert (len(rendered), again.content, without_date(again.headers)) == (1, first.content, without_date(first.headers))


def test_a_visitor_without_a_form_token_gets_one_with_the_list_page(seeded):
    with client(seeded) as web:
        cookie = web.get("/").headers["set-cookie"]
    assert cookie.startswith("newsprism_csrf=") and "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_a_visitor_with_a_form_token_is_not_given_another_by_a_kept_list_page(seeded):
    with client(seeded) as web:
        web.get("/")
        assert "set-cookie" not in web.get("/").headers


def test_a_kept_list_page_carries_the_security_headers(seeded):
    with client(seeded) as web:
        web.get("/?q=tango")
        headers = web.get("/?q=tango").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert (headers["x-frame-options"], headers["x-content-type-options"]) == ("DENY", "nosniff")


def test_a_search_longer_than_the_page_accepts_is_refused_with_422(seeded):
    with client(seeded) as web:
        response = web.get("/", params={"q": "x" * 501})
    assert response.status_code == 422 and "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_the_list_reads_the_last_of_a_repeated_parameter_as_the_page_route_does():
    form = story_list_page.list_form(b"q=first&q=second&sort=largest&unknown=1")
    assert (form["q"], form["sort"], form["page"]) == ("second", "largest", "1")


def test_a_kept_story_page_keeps_its_own_script_policy_and_gets_the_other_security_headers(seeded):
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
        first, again = web.get(f"/stories/{story}"), web.get(f"/stories/{story}")
    assert again.content == first.content
    assert "script-src 'sha256-" in again.headers["content-security-policy"]
    assert again.headers["x-frame-options"] == "DENY"


def test_a_story_row_escapes_every_string_of_its_story():
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    item = StoryListItem(hostile, hostile, 2, (hostile, "Other"), hostile, hostile, reach=9)
    row = str(story_row(item))
    assert "<script" not in row and "<img" not in row and "&#34;&gt;&lt;script&gt;alert(1)" in row


def test_the_first_outlets_of_any_number_of_stories_are_read(seeded):
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
    import sqlite3

    db = sqlite3.connect(seeded)
    try:
        found = outlets_of(db, [f"missing-{n}" for n in range(300)] + [story], limit=1)
    finally:
        db.close()
    assert list(found) == [story] and len(found[story]) == 1
