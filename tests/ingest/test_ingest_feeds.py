"""Feeds that carry their own text (RSS content:encoded, Atom content, JSON Feed), read from local
files with no network; fetching and its fall-back are tested against 127.0.0.1 in test_ingest_web."""

from __future__ import annotations

import json
import socket

import pytest

from newsprism.ingest import read_inputs

BODY = ("The council voted on Tuesday to approve the new budget for the city.",
        "Opponents said the plan would raise taxes for most residents next year.")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to resolve a host fails the test: these feeds must be read without fetching."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network used: {args[:1]}")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_an_rss_entry_with_content_encoded_gives_its_full_text_without_fetching(tmp_path):
    feed = tmp_path / "city.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>City</title>
<link>https://news.example/</link><description>d</description>
<item><title>Budget approved</title><link>https://news.example/budget</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>A short teaser.</description>
<content:encoded><![CDATA[<p>{BODY[0]}</p><p>{BODY[1]}</p>]]></content:encoded></item>
</channel></rss>""", encoding="utf-8")
    (article,) = read_inputs([str(feed)]).articles
    assert article.text.splitlines() == list(BODY)
    assert (article.title, article.url, article.published.year) == ("Budget approved", "https://news.example/budget", 2024)


def test_an_atom_entry_with_content_gives_its_full_text_without_fetching(tmp_path):
    feed = tmp_path / "city.atom"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>Budget approved</title><id>urn:1</id><link href="https://news.example/budget"/>
<updated>2024-03-05T10:00:00Z</updated><summary>A short teaser.</summary>
<content type="html">&lt;p&gt;{BODY[0]}&lt;/p&gt;&lt;p&gt;{BODY[1]}&lt;/p&gt;</content></entry></feed>""", encoding="utf-8")
    (article,) = read_inputs([str(feed)]).articles
    assert article.text.splitlines() == list(BODY)


def test_a_json_feed_is_read_like_rss_and_atom(tmp_path):
    feed = tmp_path / "city.json"
    feed.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "City",
        "items": [
            {"id": "1", "url": "https://news.example/budget", "title": "Budget approved",
             "date_published": "2024-03-05T10:00:00Z", "content_html": f"<p>{BODY[0]}</p><p>{BODY[1]}</p>"},
            {"id": "2", "url": "https://news.example/vote", "title": "Vote", "content_text": BODY[1]},
        ],
    }), encoding="utf-8")
    articles = read_inputs([str(feed)]).articles
    assert [a.text for a in articles] == ["\n".join(BODY), BODY[1]]
    assert [a.title for a in articles] == ["Budget approved", "Vote"]
    assert articles[0].meta["feed"] == str(feed)


def test_a_json_feed_without_items_is_an_error_naming_the_file(tmp_path):
    feed = tmp_path / "empty.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1", "title": "City", "items": []}))
    (error,) = read_inputs([str(feed)]).errors
    assert error.source == str(feed) and "no feed entries" in error.reason


def test_an_entry_with_a_summary_and_no_link_gives_the_summary_with_a_note(tmp_path):
    feed = tmp_path / "city.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "City",
                                "items": [{"id": "1", "title": "Budget", "summary": BODY[0]}]}))
    (article,) = read_inputs([str(feed)]).articles
    assert article.text == BODY[0]
    assert article.meta["notes"] == ("feed entry has no link; its summary is used",)


def test_a_json_feed_nested_past_the_depth_limit_is_one_error_naming_the_file(tmp_path):
    feed = tmp_path / "deep.json"
    feed.write_text('{"version": "https://jsonfeed.org/version/1.1", "items": [{"content_text": "x", "extra": '
                    + "[" * 5000 + "]" * 5000 + "}]}")
    result = read_inputs([str(feed)])
    assert result.articles == []
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(feed), "JSON nested too deeply (over 64 levels) in a JSON Feed")]


def test_a_json_feed_with_an_oversized_integer_is_one_error_naming_the_file(tmp_path):
    feed = tmp_path / "huge.json"
    feed.write_text('{"version": "https://jsonfeed.org/version/1", "items": [{"n": ' + "9" * 5000 + "}]}")
    (error,) = read_inputs([str(feed)]).errors
    assert error.source == str(feed) and error.reason.startswith("invalid JSON (") and "\n" not in str(error)


def _break_html_text(monkeypatch, error: Exception) -> None:
    """Make the feed reader's HTML-to-text step raise ``error`` on an entry whose content says "broken"."""
    from newsprism.ingest import feeds

    real = feeds.html_text

    def html_text(html):
        if "broken" in html:
            raise error
        return real(html)

    monkeypatch.setattr(feeds, "html_text", html_text)


def test_a_json_feed_item_that_cannot_be_read_is_that_entrys_error_and_the_others_are_read(tmp_path, monkeypatch):
    _break_html_text(monkeypatch, KeyError("broken"))
    feed = tmp_path / "city.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "url": "https://news.example/a", "content_html": "<p>broken</p>"},
        {"id": "2", "url": "https://news.example/b", "content_text": BODY[1]}]}))
    result = read_inputs([str(feed)])
    assert [a.text for a in result.articles] == [BODY[1]]
    assert [(e.source, e.reason) for e in result.errors] == [
        (f"{feed} entry 1", "feed entry cannot be read (KeyError: 'broken')")]


def test_an_rss_entry_whose_content_cannot_be_read_is_that_entrys_error_and_the_others_are_read(tmp_path, monkeypatch):
    _break_html_text(monkeypatch, ValueError("broken\ncontent"))
    feed = tmp_path / "city.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                    "<channel><item><link>https://news.example/a</link>"
                    "<content:encoded><![CDATA[<p>broken</p>]]></content:encoded></item>"
                    "<item><link>https://news.example/b</link>"
                    f"<content:encoded><![CDATA[<p>{BODY[0]}</p>]]></content:encoded></item></channel></rss>")
    result = read_inputs([str(feed)])
    assert [a.text for a in result.articles] == [BODY[0]]
    assert [(e.source, e.reason) for e in result.errors] == [
        (f"{feed} entry 1", "feed entry cannot be read (ValueError: broken content)")]
