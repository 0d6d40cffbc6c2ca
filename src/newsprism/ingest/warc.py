"""WARC files (a crawl such as a Common Crawl news segment): one article per HTML response record.

Request, metadata and non-HTML records are skipped by design (they hold no article) and counted in
the log; an HTML record with no main text is an error naming the record; a truncated or corrupt
file keeps the articles read before the damage and reports where reading stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.web import Fetched, article_from_response
from newsprism.model import Article

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of the HTML response records of a (gzipped or plain) WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    skipped = 0
    records = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    skipped += 1
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if content_type not in _HTML_TYPES:
                    skipped += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                source = f"{path}#{url or records}"
                body = record.content_stream().read(settings.max_response_bytes + 1)
                if len(body) > settings.max_response_bytes:
                    yield InputError(source, f"record over the {settings.max_response_bytes:,}-byte limit")
                    continue
                yield from _article(record, url, source, content_type, body, settings)
    except OSError as error:
        yield InputError(str(path), f"cannot read ({error.strerror or error})")
    except Exception as error:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError... on damage
        yield InputError(str(path), f"truncated or corrupt WARC after {records} records "
                                    f"({type(error).__name__}: {error})")
    if records == 0:
        yield InputError(str(path), "no WARC records found")
    log.info("%s: %d records, %d skipped (not HTML responses)", path, records, skipped)


def _article(record, url: str, source: str, content_type: str, body: bytes,
             settings: ReadSettings) -> Iterator[Article | InputError]:
    charset = None
    header = record.http_headers.get_header("Content-Type") or ""
    if "charset=" in header:
        charset = header.split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    fetched = Fetched(url=url, content_type=content_type, charset=charset, body=body)
    try:
        article = article_from_response(fetched, source=source, settings=settings)
    except InputError as error:
        yield error
        return
    crawled = record.rec_headers.get_header("WARC-Date")
    yield replace(article, meta={**article.meta, "crawled": crawled}) if crawled else article
