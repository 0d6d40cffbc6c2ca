"""URLs and RSS/Atom feeds, against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time
from http.server import BaseHTTPRequestHandler

import pytest
from localserver import serving

from newsprism.ingest import ReadSettings, read_inputs
from newsprism.ingest.web import non_public_kind

ARTICLE_HTML = b"""<!DOCTYPE html><html><head><title>Kremlin: it takes two to tango</title>
<meta property="og:site_name" content="Los Angeles Times">
<meta name="author" content="Sabra Ayres">
<meta property="article:published_time" content="2017-12-29T08:00:00Z"></head>
<body><nav>Home | World | Politics</nav><article><h1>Kremlin: it takes two to tango</h1>
<p>The deteriorating relationship between the United States and Russia is one of the biggest
disappointments of 2017, Russian President Vladimir Putin's spokesman told reporters today.</p>
<p>Russia would like to rebuild relations between the two adversaries, but it takes two to tango,
Dmitry Peskov said today during a conference call with the press.</p></article></body></html>"""


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World news</title><link>{base}/</link><description>d</description>
<item><title>Entry one</title><link>{base}/article.html</link><pubDate>Fri, 29 Dec 2017 10:00:00 GMT</pubDate></item>
<item><title>Entry two</title><link>{base}/missing.html</link></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        try:
            self._respond()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first (size cap, timeout)
            pass

    def _respond(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE_HTML),
            "/plain.txt": (200, "text/plain; charset=utf-8", b"Headline of a plain story\nBody text here.\n"),
            "/feed.xml": (200, "application/rss+xml", _feed(base)),
            "/relative.xml": (200, "application/rss+xml", _feed("")),
            "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
            "/empty.html": (200, "text/html", b""),
            "/forbidden": (403, "text/plain", b"no"),
            "/host": (200, "text/plain", f"Host header\n{self.headers['Host']}\n".encode()),
        }
        if self.path == "/huge":
            self._start(200, "text/html")  # no Content-Length: the size cap must stop the stream itself
            for _ in range(100):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            return
        if self.path == "/slow":
            time.sleep(2)
        if self.path.startswith("/redirect/"):
            target = self.path.removeprefix("/redirect/")
            self.send_response(302)
            self.send_header("Location", target if "://" in target else f"/{target}")
            self.end_headers()
            return
        status, content_type, body = routes.get(self.path, (404, "text/plain", b"not found"))
        self._start(status, content_type, len(body))
        self.wfile.write(body)

    def _start(self, status, content_type, length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    with serving(_Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}"


def _read(url, **settings):
    return read_inputs([url], allow_private=True, settings=ReadSettings(**settings))


def test_page_gives_main_text_and_metadata(server):
    (article,) = _read(f"{server}/article.html").articles
    assert "biggest disappointments of 2017" in article.text
    assert "Home | World" not in article.text
    assert (article.outlet, article.title, article.meta["author"]) == (
        "Los Angeles Times", "Kremlin: it takes two to tango", "Sabra Ayres")
    assert article.published.date().isoformat() == "2017-12-29"
    assert article.url == f"{server}/article.html"


def test_plain_text_page_takes_its_outlet_from_the_domain(server):
    (article,) = _read(f"{server}/plain.txt").articles
    assert article.outlet == "127.0.0.1" and article.title == "Headline of a plain story"


def test_loopback_url_is_refused_without_allow_private(server):
    result = read_inputs([f"{server}/article.html"])
    (error,) = result.errors
    assert result.articles == []
    assert "refused" in error.reason and "loopback" in error.reason and "--allow-private" in error.reason


def test_localhost_name_is_refused_like_its_address(server):
    port = server.rsplit(":", 1)[1]
    (error,) = read_inputs([f"http://localhost:{port}/article.html"]).errors
    assert "loopback" in error.reason


@pytest.mark.parametrize(("address", "kind"), [
    ("10.1.2.3", "private"), ("192.168.0.1", "private"), ("169.254.169.254", "link-local"),
    ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "non-global"), ("8.8.8.8", None), ("2606:4700:4700::1111", None),
    ("2002:7f00:1::", "loopback"), ("2002:c0a8:1::", "private"), ("2002:808:808::", None),
])
def test_non_public_addresses_are_classified(address, kind):
    assert non_public_kind(ipaddress.ip_address(address)) == kind


def test_redirect_is_followed(server):
    (article,) = _read(f"{server}/redirect/article.html").articles
    assert article.url == f"{server}/article.html"


def test_redirect_to_another_scheme_is_refused_at_that_hop(server):
    (error,) = _read(f"{server}/redirect/file:///etc/passwd").errors
    assert error.source == f"{server}/redirect/file:///etc/passwd"
    assert "only http and https" in error.reason


def test_redirects_beyond_the_limit_are_an_error(server):
    chain = f"{server}/redirect/redirect/redirect/article.html"
    (error,) = _read(chain, max_redirects=1).errors
    assert error.reason == "more than 1 redirects"


def test_non_http_scheme_is_refused():
    (error,) = read_inputs(["ftp://example.com/story.txt"]).errors
    assert "only http and https" in error.reason


def test_unresolvable_host_is_an_error():
    (error,) = read_inputs(["http://no-such-host.invalid/story"]).errors
    assert "cannot resolve host 'no-such-host.invalid'" in error.reason


def test_unreachable_port_is_an_error():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (error,) = _read(f"http://127.0.0.1:{port}/").errors
    assert "cannot fetch (ConnectError" in error.reason


def test_http_error_status_is_an_error(server):
    (error,) = _read(f"{server}/forbidden").errors
    assert error.reason == "HTTP 403 Forbidden"


def test_download_is_stopped_at_the_size_cap(server):
    (error,) = _read(f"{server}/huge", max_response_bytes=50_000).errors
    assert "passed the 50,000-byte limit; download stopped" in error.reason


def test_slow_server_times_out(server):
    (error,) = _read(f"{server}/slow", read_timeout=0.3).errors
    assert "timed out" in error.reason


def test_unsupported_content_type_is_an_error(server):
    (error,) = _read(f"{server}/image.png").errors
    assert "unsupported content type 'image/png'" in error.reason


def test_empty_page_is_an_error(server):
    (error,) = _read(f"{server}/empty.html").errors
    assert "empty" in error.reason


def test_feed_url_follows_entries_and_reports_the_broken_one(server):
    result = _read(f"{server}/feed.xml")
    (article,) = result.articles
    assert article.url == f"{server}/article.html" and article.meta["feed"] == f"{server}/feed.xml"
    (error,) = result.errors
    assert error.source == f"{server}/missing.html"
    assert error.reason == f"HTTP 404 Not Found (entry 2 of feed {server}/feed.xml)"


def test_feed_file_follows_entries(server, tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_bytes(_feed(server))
    result = read_inputs([str(feed)], allow_private=True)
    assert [a.url for a in result.articles] == [f"{server}/article.html"]


def test_feed_entries_are_refused_when_private_addresses_are_not_allowed(server, tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_bytes(_feed(server))
    result = read_inputs([str(feed)])
    assert result.articles == [] and all("refused" in e.reason for e in result.errors)
    assert len(result.errors) == 2


def test_feed_beyond_the_entry_limit_reports_the_rest(server):
    result = _read(f"{server}/feed.xml", max_feed_entries=1)
    assert len(result.articles) == 1
    assert result.errors[-1].reason == "1 entry beyond the first 1 was not read"


def test_truncated_feed_file_is_an_error(tmp_path):
    feed = tmp_path / "cut.rss"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><chan')
    (error,) = read_inputs([str(feed)]).errors
    assert error.source == str(feed) and "no feed entries found" in error.reason


def test_atom_feed_file_follows_entries(server, tmp_path):
    feed = tmp_path / "world.atom"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:x</id><updated>2017-12-29T10:00:00Z</updated>
<entry><title>Entry one</title><id>urn:1</id><link href="{server}/article.html"/>
<updated>2017-12-29T10:00:00Z</updated></entry></feed>""")
    (article,) = read_inputs([str(feed)], allow_private=True).articles
    assert article.url == f"{server}/article.html" and article.meta["feed"] == str(feed)


def test_relative_entry_links_resolve_against_the_feed_url(server):
    (article,) = _read(f"{server}/relative.xml").articles
    assert article.url == f"{server}/article.html"


def _resolve_news_example_once(monkeypatch) -> list[str]:
    """Make "news.example" resolve to 127.0.0.1 the first time and fail after (a rebinding window)."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def resolve_once(host, *args, **kwargs):
        if host != "news.example":
            return real(host, *args, **kwargs)
        lookups.append(host)
        if len(lookups) > 1:
            raise socket.gaierror(socket.EAI_NONAME, "looked up twice")
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve_once)
    return lookups


def test_connection_goes_to_the_checked_address_with_the_host_name_in_the_request(server, monkeypatch):
    """The name is resolved once, for the check; a second lookup never happens."""
    port = int(server.rsplit(":", 1)[1])
    lookups = _resolve_news_example_once(monkeypatch)
    (article,) = _read(f"http://news.example:{port}/host").articles
    assert lookups == ["news.example"]
    assert article.text.splitlines()[1] == f"news.example:{port}"
    assert article.url == f"http://news.example:{port}/host"


@pytest.fixture(scope="module")
def tls_server(server, tmp_path_factory):
    """The same pages over HTTPS with a certificate for news.example (made with the openssl tool)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=news.example", "-addext",
                    "subjectAltName=DNS:news.example"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with serving(_Handler, tls=context) as httpd:
        yield httpd.server_port, str(cert)


def test_https_to_the_checked_address_verifies_the_certificate_of_the_name(tls_server, monkeypatch):
    port, cert = tls_server
    lookups = _resolve_news_example_once(monkeypatch)
    (article,) = _read(f"https://news.example:{port}/host", ca_bundle=cert).articles
    assert lookups == ["news.example"]
    assert article.text.splitlines()[1] == f"news.example:{port}"


def test_https_with_an_untrusted_certificate_is_an_error(tls_server, monkeypatch):
    port, _ = tls_server
    _resolve_news_example_once(monkeypatch)
    (error,) = _read(f"https://news.example:{port}/host").errors
    assert "CERTIFICATE_VERIFY_FAILED" in error.reason


def test_a_feed_entry_whose_page_cannot_be_fetched_gives_its_summary_with_a_note(server, tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World</title><link>{server}/</link><description>d</description>
<item><title>Entry</title><link>{server}/missing.html</link>
<description>The council voted on Tuesday to approve the new budget.</description></item>
</channel></rss>""")
    result = read_inputs([str(feed)], allow_private=True)
    (article,) = result.articles
    assert article.text == "The council voted on Tuesday to approve the new budget." and result.errors == []
    assert article.meta["notes"] == ("the page could not be read (HTTP 404 Not Found); the feed's summary is used",)
