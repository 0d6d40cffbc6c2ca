"""WARC files: HTML response records only; a tiny WARC is built here, and a truncated copy."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_inputs

PAGE = (b"<html><head><title>Ceasefire holds in the east</title>"
        b"<meta property='og:site_name' content='Reuters'></head><body><article>"
        b"<p>A ceasefire between the two sides held for a third day on Sunday, officials said, as monitors "
        b"reported only scattered violations along the front line.</p>"
        b"<p>Both governments said talks would resume next week in the capital.</p></article></body></html>")


def _record(writer, uri, body, content_type="text/html; charset=utf-8", rec_type="response"):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, rec_type, payload=BytesIO(body), http_headers=headers))


def _warc(path, gzip=True):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        _record(writer, "https://www.reuters.com/world/ceasefire", PAGE)
        _record(writer, "https://www.reuters.com/logo.png", b"\x89PNG\r\n", content_type="image/png")
        writer.write_record(writer.create_warc_record("https://www.reuters.com/world/ceasefire", "request",
                                                      payload=BytesIO(b"GET /world/ceasefire HTTP/1.1\r\n\r\n")))
        _record(writer, "https://www.reuters.com/empty", b"<html><body></body></html>")
    return path


def test_only_html_responses_are_read(tmp_path):
    result = read_inputs([str(_warc(tmp_path / "crawl.warc.gz"))])
    (article,) = result.articles
    assert (article.url, article.outlet, article.title) == (
        "https://www.reuters.com/world/ceasefire", "Reuters", "Ceasefire holds in the east")
    assert "third day on Sunday" in article.text
    assert "crawled" in article.meta


def test_html_record_without_main_text_is_an_error_naming_the_record(tmp_path):
    path = _warc(tmp_path / "crawl.warc")
    (error,) = read_inputs([str(path)]).errors
    assert error.source == f"{path}#https://www.reuters.com/empty" and "no main text" in error.reason


def test_truncated_warc_keeps_earlier_records_and_reports_the_damage(tmp_path):
    whole = _warc(tmp_path / "crawl.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 3 // 4])
    result = read_inputs([str(cut)])
    assert [a.url for a in result.articles] == ["https://www.reuters.com/world/ceasefire"]
    assert any(e.source == str(cut) and "truncated or corrupt WARC" in e.reason for e in result.errors)


def test_uncompressed_warc_cut_inside_a_record_is_reported(tmp_path):
    whole = _warc(tmp_path / "crawl.warc", gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: whole.index(b"third day") + 5])
    result = read_inputs([str(cut)])
    assert result.articles == []
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(cut), "truncated WARC: record 1 (https://www.reuters.com/world/ceasefire) is cut short")]


def test_file_that_is_not_a_warc_is_an_error(tmp_path):
    fake = tmp_path / "notes.warc"
    fake.write_text("just some text, not an archive\n")
    (error,) = read_inputs([str(fake)]).errors
    assert error.source == str(fake) and "WARC" in error.reason


def test_record_over_the_size_cap_is_an_error_and_reading_goes_on(tmp_path):
    from newsprism.ingest import ReadSettings

    path = _warc(tmp_path / "crawl.warc.gz")
    result = read_inputs([str(path)], settings=ReadSettings(max_response_bytes=100))
    assert result.articles == []
    too_big, after = result.errors
    assert (too_big.source, too_big.reason) == (f"{path}#https://www.reuters.com/world/ceasefire",
                                                "record over the 100-byte limit")
    assert after.source == f"{path}#https://www.reuters.com/empty"  # the next record was still read


def _arc(path):
    """A minimal ARC (version 1) file: its file header, one HTML response and one image."""
    version = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://crawl.arc 0.0.0.0 20200101000000 text/plain %d\n%s\n" % (len(version), version)
    for url, kind, body in (("https://www.reuters.com/world/ceasefire", b"text/html", PAGE),
                            ("https://www.reuters.com/logo.png", b"image/png", b"\x89PNG\r\n")):
        http = b"HTTP/1.0 200 OK\r\nContent-Type: " + kind + b"\r\n\r\n" + body
        data += b"%s 127.0.0.1 20200101000000 %s %d\n%s\n" % (url.encode(), kind, len(http), http)
    path.write_bytes(data)
    return path


def test_an_arc_file_is_read_like_a_warc(tmp_path):
    result = read_inputs([str(_arc(tmp_path / "crawl.arc"))])
    (article,) = result.articles
    assert article.url == "https://www.reuters.com/world/ceasefire" and "third day on Sunday" in article.text
    assert result.errors == []


def test_a_warc_with_no_html_response_says_what_it_holds_in_one_line(tmp_path):
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _record(writer, "https://www.reuters.com/logo.png", b"\x89PNG\r\n", content_type="image/png")
        writer.write_record(writer.create_warc_record("https://www.reuters.com/", "request",
                                                      payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    (error,) = read_inputs([str(path)]).errors
    assert error.source == str(path) and "\n" not in error.reason
    assert error.reason == ("nothing to read: no HTML response record among its 2 records "
                            "(1 response (image/png), 1 request)")
