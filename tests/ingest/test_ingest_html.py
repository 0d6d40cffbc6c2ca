"""HTML files: main text and metadata with trafilatura; bad and truncated pages."""

from __future__ import annotations

from datetime import datetime, timezone

from newsprism.ingest import read_inputs

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Peskov: It takes two to tango | RT World News</title>
<meta property="og:title" content="Peskov: It takes two to tango">
<meta property="og:site_name" content="RT International">
<meta property="og:url" content="https://www.rt.com/news/414605-russia-us-relations-peskov/">
<meta name="author" content="Alexey Petrov">
<meta property="article:published_time" content="2017-12-29T11:24:00+00:00"></head>
<body><header><a href="/">Home</a> <a href="/news">News</a> <a href="/business">Business</a></header>
<article><h1>Peskov: It takes two to tango</h1>
<p>The state of Russia-US relations can definitely be considered the biggest disappointment of 2017,
the Kremlin spokesman has said. The US has failed to reciprocate Russia's goodwill efforts.</p>
<p>The Minsk agreements on resolving the crisis in eastern Ukraine are of particular concern, the
presidential press secretary said. Their implementation has been pending, he pointed out.</p>
</article><footer>© Autonomous Nonprofit Organization TV-Novosti, 2005–2017. All rights reserved.</footer>
</body></html>
"""


def _page(tmp_path, html=PAGE, name="rt.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_main_text_leaves_out_navigation_and_footer(tmp_path):
    (article,) = read_inputs([str(_page(tmp_path))]).articles
    assert "biggest disappointment of 2017" in article.text and "Minsk agreements" in article.text
    assert "Business" not in article.text and "TV-Novosti" not in article.text


def test_metadata_gives_title_date_author_and_normalised_site_name(tmp_path):
    (article,) = read_inputs([str(_page(tmp_path))]).articles
    assert article.title == "Peskov: It takes two to tango"
    assert article.published.date().isoformat() == "2017-12-29"
    assert article.meta["author"] == "Alexey Petrov"
    assert article.outlet == "RT"


def test_html_is_recognised_without_an_html_suffix(tmp_path):
    (article,) = read_inputs([str(_page(tmp_path, name="saved-page"))]).articles
    assert article.title == "Peskov: It takes two to tango"


def test_page_without_main_text_is_an_error_naming_it(tmp_path):
    path = _page(tmp_path, "<html><head><title>Menu</title></head><body><script>go()</script></body></html>")
    (error,) = read_inputs([str(path)]).errors
    assert error.source == str(path) and "no main text found" in error.reason


def test_page_cut_in_its_head_is_an_error_saying_it_looks_truncated(tmp_path):
    path = _page(tmp_path, PAGE[:300])
    (error,) = read_inputs([str(path)]).errors
    assert "looks truncated" in error.reason


def test_page_cut_in_its_body_keeps_the_text_with_a_note(tmp_path):
    path = _page(tmp_path, PAGE[: PAGE.index("The Minsk")])
    (article,) = read_inputs([str(path)]).articles
    assert "biggest disappointment of 2017" in article.text
    assert any("looks truncated" in note for note in article.meta["notes"])


def test_publication_time_of_day_and_zone_are_kept(tmp_path):
    (article,) = read_inputs([str(_page(tmp_path))]).articles
    assert article.published == datetime(2017, 12, 29, 11, 24, tzinfo=timezone.utc)


def _legacy_page(charset, body):
    return (f'<html><head><meta charset="{charset}"><title>T</title></head><body><article><p>{body}</p>'
            "</article></body></html>")


def test_page_in_the_charset_its_meta_declares_is_decoded_without_guessing(tmp_path):
    body = "Песков: для танго нужны двое."
    path = tmp_path / "ru.html"
    path.write_bytes(_legacy_page("windows-1251", body).encode("cp1251"))
    (article,) = read_inputs([str(path)]).articles
    assert article.text == body and "notes" not in article.meta


def test_latin1_declaration_is_read_as_windows_1252_like_browsers_do(tmp_path):
    body = "The minister called it “a fair deal” — for now."
    path = tmp_path / "page.html"
    path.write_bytes(_legacy_page("ISO-8859-1", body).encode("cp1252"))
    (article,) = read_inputs([str(path)]).articles
    assert article.text == body


def test_wrong_charset_declaration_is_noted_and_detection_takes_over(tmp_path):
    body = "The café’s “naïve” owner said déjà vu, and the minister agreed with him."
    path = tmp_path / "page.html"
    path.write_bytes(_legacy_page("utf-8", body).encode("cp1252"))
    (article,) = read_inputs([str(path)]).articles
    assert article.text == body
    assert article.meta["notes"][0] == "declared charset 'utf-8' does not decode the input"
