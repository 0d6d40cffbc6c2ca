"""Valid inputs of every kind newsprism reads, ways to damage them, and the checks a read of any of
them must pass; shared by the fuzz tests and ``benchmarks/robustness_bench.py`` (a longer run).

A plain module rather than a fixture file, like ``datapaths.py``. The checks say what "never a
traceback" means: reading returns articles and ``InputError``s (each one line), never raises; every
article's strings can be written as UTF-8 and its text is within ``max_article_chars``; cleaning,
segmenting (spans exact) and analysing the articles raise nothing but ``NewsprismError``.
No check may reach the network: name resolution is refused while the readers run.
"""

from __future__ import annotations

import gzip
import io
import json
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import ReadSettings, read_inputs, read_stories
from newsprism.model import Article, Story

TEXT = ("The deteriorating relationship between the United States and Russia is one of the biggest "
        "disappointments of 2017, Dmitry Peskov told reporters on Friday. \"It takes two to tango,\" he said. "
        "The U.S. mission staff was cut from 1,200 to about 450.")
RECORD = {"id": "r1", "text": TEXT, "outlet": "RT", "title": "It takes two to tango", "published": "2017-12-29",
          "url": "https://example.com/a#x", "tags": ["kremlin", {"lean": "centre"}]}
HTML = (f"<!DOCTYPE html><html><head><title>It takes two</title><meta charset=\"utf-8\">"
        f"<meta property=\"og:site_name\" content=\"Los Angeles Times\"></head><body><nav>Home | World</nav>"
        f"<article><h1>It takes two to tango</h1><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
RSS = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>World</title>"
       "<link>http://127.0.0.1:9/</link><item><title>One &amp; two</title><link>http://127.0.0.1:9/a.html</link>"
       "<pubDate>Fri, 29 Dec 2017 10:00:00 GMT</pubDate><description>Teaser</description></item></channel></rss>")
ATOM = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>World</title>"
        "<entry><title>One</title><link href=\"http://127.0.0.1:9/a.html\"/><updated>2017-12-29T10:00:00Z</updated>"
        "</entry></feed>")
RSS_CONTENT = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" "
               "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>World</title>"
               "<item><title>Two</title><link>http://127.0.0.1:9/b.html</link><description>Teaser</description>"
               f"<content:encoded><![CDATA[<p>{TEXT}</p><p>{TEXT}</p>]]></content:encoded></item></channel></rss>")
ATOM_CONTENT = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                "<title>World</title><entry><title>Two</title><link href=\"http://127.0.0.1:9/b.html\"/>"
                f"<updated>2017-12-29T10:00:00Z</updated><content type=\"html\">&lt;p&gt;{TEXT}&lt;/p&gt;</content>"
                "</entry></feed>")
JSON_FEED_HTML = json.dumps({"version": "https://jsonfeed.org/version/1", "title": "World",
                             "items": [{"id": "1", "url": "http://127.0.0.1:9/a.html", "title": "One",
                                        "content_html": f"<p>{TEXT}</p><ul><li>{TEXT}</li></ul>"},
                                       {"id": "2", "url": "http://127.0.0.1:9/b.html", "summary": "Teaser"}]})
JSON_FEED = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "World",
                        "items": [{"id": "1", "url": "http://127.0.0.1:9/a.html", "content_text": TEXT}]})
DUC = (f"<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>\n<DATE_TIME> 10/16/1998 </DATE_TIME>\n<HEADLINE>Two</HEADLINE>\n"
       f"<TEXT>\n<P>\n``It takes two,'' he said. &QL;\n</P>\n<P>\n{TEXT}\n</P>\n</TEXT>\n</DOC>\n")
MULTINEWS = f"{TEXT} NEWLINE_CHAR NEWLINE_CHAR {TEXT} ||||| Second document. NEWLINE_CHAR {TEXT}\n"


def _warc(compressed: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("https://example.com/a", "response",
                                                  payload=io.BytesIO(HTML.encode()), http_headers=headers))
    return buffer.getvalue()


def seeds() -> dict[str, bytes]:
    """One valid input per kind, by the file name that makes newsprism read it as that kind."""
    line = json.dumps(RECORD)
    cluster = json.dumps({"id": "s1", "documents": [RECORD, {**RECORD, "id": "r2", "outlet": "LA Times"}]})
    return {
        "article.jsonl": (line + "\n" + cluster + "\n").encode(),
        "stories.jsonl.gz": gzip.compress((cluster + "\n" + cluster + "\n").encode()),
        "article.json": json.dumps([RECORD, RECORD]).encode(),
        "feed.json": JSON_FEED.encode(),
        "feed-html.json": JSON_FEED_HTML.encode(),
        "page.html": HTML.encode(),
        "page.txt": f"It takes two to tango\n\n{TEXT}\n\nCopyright © 2018, Los Angeles Times\n".encode(),
        "feed.rss": RSS.encode(),
        "feed.atom": ATOM.encode(),
        "feed-content.rss": RSS_CONTENT.encode(),
        "feed-content.atom": ATOM_CONTENT.encode(),
        "crawl.warc": _warc(False),
        "crawl.warc.gz": _warc(True),
        "APW19981016.0240": DUC.encode(),
        "test.src": MULTINEWS.encode(),
    }


TOKENS = (b"\\ud800", b"\\udc00", b"&#x110000;", b"&#xd800;", b"[" * 70, b"9" * 5000, b"\x00", b"\xff\xfe",
          b"\xef\xbb\xbf", b"\x1f\x8b\x08", b"\r\n", b"\n", "\u202e".encode(), b"<link><link>", b"http://[bad/a",
          b"NEWLINE_CHAR", b"|||||", b"<DOC>", b"</TEXT>", b"WARC/1.0\r\n", b"Content-Length: 999999\r\n", b'"text": ',
          b"{", b"}", b'"', b"\\")
"""Byte strings that have broken a parser before, spliced into inputs by ``mutate``."""

EDIT_KINDS = 6


def mutate(data: bytes, edits: Sequence[tuple[int, int, int, int]]) -> bytes:
    """``data`` damaged by ``edits``, each ``(kind, position, size, token)``: flip a byte, delete a
    slice, insert a known-bad token, duplicate a slice, truncate, or overwrite with random-ish bytes.
    Positions and sizes wrap around the current length, so any integers make a valid edit."""
    buffer = bytearray(data)
    for kind, position, size, token in edits:
        length = len(buffer)
        at = position % (length + 1)
        span = size % 64 + 1
        if kind % EDIT_KINDS == 0 and length:
            buffer[at % length] ^= (size % 255) + 1
        elif kind % EDIT_KINDS == 1:
            del buffer[at:at + span]
        elif kind % EDIT_KINDS == 2:
            buffer[at:at] = TOKENS[token % len(TOKENS)]
        elif kind % EDIT_KINDS == 3:
            buffer[at:at] = buffer[at:at + span * 8]
        elif kind % EDIT_KINDS == 4:
            del buffer[at:]
        else:
            buffer[at:at + span] = bytes((position * 31 + i * size) % 256 for i in range(span))
    return bytes(buffer)


@contextmanager
def no_network() -> Iterator[None]:
    """Name resolution refused: a damaged feed link must not reach a real host."""
    with mock.patch.object(socket, "getaddrinfo", side_effect=socket.gaierror("no network while fuzzing")):
        yield


SETTINGS = ReadSettings(max_article_chars=20_000, fetch_deadline=1.0, connect_timeout=0.5, read_timeout=0.5)


NEEDS_NETWORK = ("feed.atom",)
"""The seeds that give no article without the network: a feed entry with no text of its own (not
even a summary) whose page cannot be fetched."""

READ_FROM_STDIN = ("article.jsonl", "article.json", "feed.json", "feed-html.json", "feed.rss", "feed-content.rss",
                   "feed-content.atom", "page.html", "page.txt", "APW19981016.0240")
"""The seeds that standard input (``-``) tells by their content and reads into articles."""


def check_read(path: Path, settings: ReadSettings = SETTINGS) -> list[Article]:
    """Read ``path`` as an input (and as a story collection where it can be one) and check what
    comes back; returns the articles read."""
    with no_network():
        result = read_inputs([str(path)], settings=settings)
        stories = list(read_stories(path, settings)) if path.name.endswith((".jsonl", ".jsonl.gz", ".src")) else []
    for error in [*result.errors, *(s for s in stories if isinstance(s, InputError))]:
        assert isinstance(error, InputError) and "\n" not in str(error), repr(error)
    articles = [*result.articles, *(a for s in stories if isinstance(s, Story) for a in s.articles)]
    for article in articles:
        _check_article(article, settings)
    return articles


def check_stdin(data: bytes, settings: ReadSettings = SETTINGS) -> list[Article]:
    """Read ``data`` piped to standard input (the input ``-``) and check what comes back; returns
    the articles read."""
    stdin = io.TextIOWrapper(io.BytesIO(data))
    with no_network(), mock.patch.object(sys, "stdin", stdin):
        result = read_inputs(["-"], settings=settings)
    for error in result.errors:
        assert isinstance(error, InputError) and "\n" not in str(error), repr(error)
    for article in result.articles:
        _check_article(article, settings)
    return result.articles


def _check_article(article: Article, settings: ReadSettings) -> None:
    for value in (article.id, article.text, article.outlet, article.title, article.url, article.source):
        assert value is None or isinstance(value, str)
        if value:
            value.encode("utf-8")  # no lone surrogates
    assert len(article.text) <= settings.max_article_chars
    json.dumps(dict(article.meta), ensure_ascii=False, default=str).encode("utf-8")


def check_pipeline(articles: Sequence[Article]) -> None:
    """Clean, segment (every span exact) and analyse ``articles`` as one story."""
    from newsprism.analysis.align import analyze
    from newsprism.engines.local import usable_articles
    from newsprism.text.clean import clean_articles
    from newsprism.text.segment import segment

    cleaned, _ = usable_articles(clean_articles(articles))
    for article in cleaned:
        for sentence in segment(article):
            assert article.text[sentence.start:sentence.end] == sentence.text
    if not cleaned:
        return
    try:
        analyze(Story(id="fuzz", articles=tuple(_unique_ids(cleaned))))
    except NewsprismError:
        pass


def _unique_ids(articles: Sequence[Article]) -> Iterator[Article]:
    from dataclasses import replace

    for index, article in enumerate(articles):
        yield replace(article, id=f"{index}-{article.id}")
