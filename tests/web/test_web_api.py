"""The web app's API and its safety rules, in process (Starlette's test client over the ASGI app)."""

from __future__ import annotations

import json

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')

from fastapi.testclient import TestClient  # noqa: E402

from newsprism.web.app import create_app  # noqa: E402
from newsprism.web.settings import WebSettings  # noqa: E402

TOKEN = "a-test-token-of-enough-length"


@pytest.fixture
def seeded(tmp_path):
    db = tmp_path / "news.db"
    assert main(["ingest", f"RT={RT_SEED}", f"Los Angeles Times={LATIMES_SEED}", "--db", str(db)]) == 0
    return db


def client(db, **settings) -> TestClient:
    return TestClient(create_app(WebSettings(db=db, **settings)), raise_server_exceptions=False)


def csrf_of(web: TestClient) -> str:
    web.get("/add")
    return web.cookies["newsprism_csrf"]


def test_the_story_list_is_paginated(seeded):
    with client(seeded) as web:
        web.post("/api/add", json={"files": [{"name": "other.txt", "text": "Volcano erupts on Tuesday near the town.\n"}]})
        first = web.get("/api/stories", params={"per_page": 1}).json()
        second = web.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert (first["total"], first["pages"], first["next"], second["next"]) == (2, 2, 2, None)
    assert first["stories"][0]["story"] != second["stories"][0]["story"]


def test_a_story_record_carries_the_summary_and_comparison_contracts(seeded):
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
        record = web.get(f"/api/stories/{story}").json()
    assert record["summary"]["id"] == story and record["summary"]["sentences"]
    assert {"consensus", "exclusives", "omissions", "quotes", "figures", "framing"} <= set(record["comparison"])


def test_a_story_is_analysed_once_until_it_changes(seeded, monkeypatch):
    import newsprism.analysis.align as align

    calls = []
    real = align.analyze
    monkeypatch.setattr(align, "analyze", lambda story, **kw: calls.append(story.id) or real(story, **kw))
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
        for _ in range(3):
            assert web.get(f"/stories/{story}").status_code == 200
        web.get(f"/api/stories/{story}")
    assert calls == [story]


def test_a_story_that_gained_an_article_is_analysed_again(seeded, monkeypatch):
    import newsprism.analysis.align as align

    calls = []
    real = align.analyze
    monkeypatch.setattr(align, "analyze", lambda story, **kw: calls.append(len(story.articles)) or real(story, **kw))
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
        web.get(f"/stories/{story}")
        copy = LATIMES_SEED.read_text(encoding="utf-8").replace("Kremlin", "The Kremlin office", 3)
        added = web.post("/api/add", json={"files": [{"name": "copy.txt", "text": copy}], "outlet": "Daily Copy"}).json()
        assert added["stories"] == [story]
        web.get(f"/stories/{story}")
    assert calls == [2, 3]


def test_a_story_page_allows_only_its_own_script_by_hash(seeded):
    with client(seeded) as web:
        story = web.get("/api/stories").json()["stories"][0]["story"]
        policy = web.get(f"/stories/{story}").headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "unsafe-inline'; img" in policy and "'unsafe-eval'" not in policy
    assert "script-src 'sha256-" in policy.split("style-src")[1]


def test_every_page_forbids_inline_script_and_framing(seeded):
    with client(seeded) as web:
        headers = web.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_a_form_without_its_csrf_token_is_refused(seeded):
    with client(seeded) as web:
        csrf_of(web)
        response = web.post("/add", files={"files": ("a.txt", b"Some news text here.")})
    assert response.status_code == 403


def test_a_form_with_a_token_not_of_this_browser_is_refused(seeded):
    with client(seeded) as web:
        csrf_of(web)
        response = web.post("/add", data={"csrf": "guessed-token-value"}, files={"files": ("a.txt", b"Some news.")})
    assert response.status_code == 403


def test_a_form_posted_from_another_site_is_refused(seeded):
    with client(seeded) as web:
        token = csrf_of(web)
        response = web.post("/add", data={"csrf": token}, files={"files": ("a.txt", b"Some news.")},
                            headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_a_form_with_its_csrf_token_adds_the_file(seeded):
    with client(seeded) as web:
        token = csrf_of(web)
        response = web.post("/add", data={"csrf": token, "outlet": "Town Crier"},
                            files={"files": ("a.txt", b"The town fair opens on Saturday with forty stalls.\n")})
        assert response.status_code == 200
        assert web.get("/api/outlets/Town Crier").json()["articles"] == 1


def test_a_write_without_the_token_is_refused_when_the_server_has_one(seeded):
    with client(seeded, token=TOKEN) as web:
        response = web.post("/api/add", json={"files": [{"name": "a.txt", "text": "News of the day."}]})
    assert response.status_code == 401


def test_a_write_with_the_bearer_token_is_accepted(seeded):
    with client(seeded, token=TOKEN) as web:
        response = web.post("/api/add", json={"files": [{"name": "a.txt", "text": "The pier closed on Monday for repairs."}]},
                            headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["added"] == 1


def test_a_server_beyond_loopback_gets_a_token_of_its_own():
    assert WebSettings(db="x.db", host="0.0.0.0").secured().token  # type: ignore[arg-type]
    assert WebSettings(db="x.db", host="127.0.0.1").secured().token is None  # type: ignore[arg-type]


def test_a_request_body_over_the_cap_is_refused(seeded):
    with client(seeded, max_upload_bytes=10_000) as web:
        response = web.post("/api/add", content=json.dumps({"files": [{"name": "a.txt", "text": "x" * 20_000}]}),
                            headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_streamed_body_without_a_length_is_capped_too(seeded):
    def chunks():
        yield b'{"files": [{"name": "a.txt", "text": "'
        for _ in range(30):
            yield b"x" * 1000
        yield b'"}]}'

    with client(seeded, max_upload_bytes=10_000) as web:
        response = web.post("/api/add", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_url_on_a_private_address_is_refused_as_on_the_command_line(seeded):
    with client(seeded) as web:
        result = web.post("/api/add", json={"inputs": ["http://127.0.0.1:9/article.html"]}).json()
    assert result["added"] == 0 and any("private" in p or "loopback" in p for p in result["problems"])


def test_an_uploaded_article_keeps_its_removed_lines_for_its_page(seeded):
    text = "Bridge reopens\nThe bridge reopened on Friday after repairs, the city said.\nCopyright © 2024 Town News\n"
    with client(seeded) as web:
        story = web.post("/api/add", json={"files": [{"name": "bridge.txt", "text": text}]}).json()["stories"][0]
        number = web.get(f"/api/stories/{story}/articles").json()["articles"][0]["number"]
        article = web.get(f"/api/articles/{number}").json()
    assert {"line": "Copyright © 2024 Town News", "reason": "copyright"} in article["removed"]


def test_search_input_is_never_read_as_query_syntax(seeded):
    with client(seeded) as web:
        for typed in ['"', "NEAR(", "Kremlin AND", "*", "a:b", "(((", "-Minsk"]:
            response = web.get("/api/stories", params={"q": typed})
            assert response.status_code == 200, typed


def test_search_finds_a_story_by_a_word_of_its_text(seeded):
    with client(seeded) as web:
        found = web.get("/api/stories", params={"q": "Minsk agreements"}).json()
    assert found["total"] == 1


def test_the_filters_narrow_the_stories(seeded):
    with client(seeded) as web:
        web.post("/api/add", json={"files": [{"name": "v.txt", "text": "A volcano erupted on Tuesday near the town."}],
                                   "outlet": "Lone Gazette"})
        alone = web.get("/api/stories", params={"max_outlets": 1}).json()
        two = web.get("/api/stories", params={"min_outlets": 2}).json()
        by_outlet = web.get("/api/stories", params={"outlet": "Lone Gazette"}).json()
    assert [s["outlets"] for s in alone["stories"]] == [["Lone Gazette"]]
    assert alone["stories"][0]["single_outlet"] is True
    assert [sorted(s["outlets"]) for s in two["stories"]] == [["Los Angeles Times", "RT"]]
    assert by_outlet["total"] == 1


def test_the_openapi_schema_lists_the_api(seeded):
    with client(seeded) as web:
        paths = web.get("/api/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{number}", "/api/add"} <= set(paths)


def test_opening_the_login_link_once_lets_the_browser_write(seeded):
    with client(seeded, token=TOKEN) as web:
        assert web.get("/login", params={"token": "not-the-token-at-all"}).status_code == 401
        web.get("/login", params={"token": TOKEN})
        response = web.post("/api/add", json={"files": [{"name": "a.txt", "text": "The dam opened its gates on Sunday."}]})
    assert response.status_code == 200


def test_the_story_list_shows_a_story_another_process_stored_after_the_list_was_rendered(seeded, tmp_path):
    volcano = tmp_path / "volcano.txt"
    volcano.write_text("A volcano erupted on Tuesday near the town, and the roads were closed.\n", encoding="utf-8")
    with client(seeded) as web:
        before = web.get("/").text
        assert main(["ingest", f"Lone Gazette={volcano}", "--db", str(seeded)]) == 0
        after = web.get("/").text
    assert "Lone Gazette" not in before and "Lone Gazette" in after


def test_a_story_row_counts_the_outlets_beyond_its_chips(seeded):
    text = "A volcano erupted on Tuesday near the town of Ashby, and the coast road was closed, officials said."
    files = [{"name": f"v{n}.txt", "text": f"Report {n}. {text}"} for n in range(9)]
    with client(seeded) as web:
        for n, file in enumerate(files):
            web.post("/api/add", json={"files": [file], "outlet": f"Gazette {n}"})
        page = web.get("/", params={"min_outlets": 9}).text
    assert page.count('class="badge c') == 6 and ">+3</span>" in page


def test_an_article_stored_before_the_store_kept_removed_lines_says_they_are_not_known(seeded):
    import sqlite3

    db = sqlite3.connect(seeded)
    with db:
        db.execute("UPDATE articles SET removed = NULL WHERE rowid = 1")
        db.execute("UPDATE articles SET removed = '[]' WHERE rowid = 2")
    db.close()
    with client(seeded) as web:
        before_version_2, kept = web.get("/articles/1").text, web.get("/articles/2").text
    assert "Not known: the article was stored before" in before_version_2
    assert "None: the cleaner kept every line" in kept
