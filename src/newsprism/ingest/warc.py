"""WARC and ARC files (a crawl such as a Common Crawl news segment, or an older Internet Archive
ARC file): one article per HTML response record.

Request, metadata and non-HTML records are skipped by design (they hold no article) and counted in
the log; a file with no HTML response at all is one error saying which records it holds instead.
An HTML record with no main text is an error naming the record; a truncated or corrupt file keeps
the articles read before the damage and reports where reading stopped. ARC records are read
through warcio's conversion to WARC records, so both formats take the same path.
"""

from __future__ import annotations

import functools
import gzip
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.failures import one_line
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.web import Fetched, article_from_response
from newsprism.model import Article

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of the HTML response records of a (gzipped or plain) WARC or ARC file."""
    records = skipped = 0
    kinds: Counter[str] = Counter()
    html_records = 0
    try:
        start = _first_bytes(path)
    except (OSError, EOFError, zlib.error) as error:
        yield InputError(str(path), f"cannot read ({getattr(error, 'strerror', None) or error})")
        return
    if start.strip() and not start.lstrip().startswith((b"WARC/", b"filedesc://")):
        yield InputError(str(path), "not a WARC or ARC file (it opens with neither a 'WARC/1.x' nor an ARC "
                                    "'filedesc://' header)")
        return
    try:
        with path.open("rb") as stream:
            iterator = _archive_reader()(stream, arc2warc=True)
            while True:
                record = next(iterator, None)
                complaint = iterator.complaints.pop(0) if iterator.complaints else ""
                if complaint:
                    yield InputError(str(path), f"after record {records}: {complaint}")
                if record is None:
                    break
                records += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                content_type = _html_type(record)
                if content_type is None:
                    skipped += 1
                    kinds[_kind(record)] += 1
                    while record.raw_stream.read(1 << 16):  # skipped undecoded: a compressed body may be a bomb
                        pass
                else:
                    body = record.content_stream().read(settings.max_response_bytes + 1)
                    if len(body) > settings.max_response_bytes:
                        yield InputError(f"{path}#{url}", f"record over the {settings.max_response_bytes:,}-byte limit")
                        continue
                if record.raw_stream.limit > 0:  # the file ended inside this record
                    yield InputError(str(path), f"truncated WARC: record {records} ({url or 'no URI'}) is cut short")
                    return
                if content_type is not None:
                    html_records += 1
                    yield from _article(record, url, f"{path}#{url or records}", content_type, body, settings)
        _check_gzip_end(path)
    except OSError as error:
        yield InputError(str(path), f"cannot read ({error.strerror or error})")
        return
    except Exception as error:  # noqa: BLE001 - warcio/zlib/gzip raise ArchiveLoadFailed, zlib.error, EOFError... on damage
        yield InputError(str(path), f"truncated or corrupt WARC after {records} records ({one_line(error)})")
        return
    if records == 0:
        yield InputError(str(path), "no WARC records found")
    elif html_records == 0:
        held = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        among = f"its {records} records" if records != 1 else "its one record"
        yield InputError(str(path), f"nothing to read: no HTML response record among {among} ({held})")
    log.info("%s: %d records, %d skipped (not HTML responses)", path, records, skipped)


NOT_FOLLOWED_BY_NEWLINE = "Record not followed by newline, perhaps Content-Length is invalid"
"""warcio's words for a record whose length does not end at a blank line."""


@functools.cache
def _archive_reader() -> Any:  # a subclass of warcio's untyped ArchiveIterator, made when first needed
    """warcio's ``ArchiveIterator``, but keeping its complaint about a record not followed by a
    blank line (a wrong Content-Length: this input's problem, reported as its warning like any
    other) in ``complaints`` instead of writing it to standard error. Catching that write by
    swapping ``sys.stderr`` would swap it for every thread of the process and catch their output.

    ``_consume_blanklines`` is warcio's rule (1.7 and later) between two records: blank lines are
    skipped and counted into the record's length, and a first line that is not blank is counted
    too, with the complaint.
    """
    from warcio.archiveiterator import ArchiveIterator

    class ArchiveReader(ArchiveIterator):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.complaints: list[str] = []

        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty_size, first_line = 0, True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if line.rstrip() and not first_line:
                    return line, empty_size
                empty_size += len(line)
                if line.rstrip():
                    self.complaints.append(NOT_FOLLOWED_BY_NEWLINE)
                    self.err_count += 1
                first_line = False

    return ArchiveReader


def _html_type(record) -> str | None:
    """The media type of an HTML response record; None for every other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type if content_type in _HTML_TYPES else None


def _first_bytes(path: Path) -> bytes:
    """The first bytes of a file, decompressed when it is gzipped."""
    with path.open("rb") as raw:
        head = raw.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as stream:
        return stream.read(64)


def _kind(record) -> str:
    """What a skipped record is, for the message of a file with nothing to read ("response (image/png)")."""
    if record.rec_type != "response" or record.http_headers is None:
        return record.rec_type or "untyped"
    content_type = (record.http_headers.get_header("Content-Type") or "no type").split(";")[0].strip().lower()
    return f"response ({content_type})"


def _check_gzip_end(path: Path) -> None:
    """Raise ``EOFError`` when a gzipped WARC stops before its last member ends.

    warcio reads a gzip member cut at a record boundary as a clean end of file, which would make a
    truncated download look complete; decompressing to the end is the only reliable check.
    """
    with path.open("rb") as raw:
        if raw.read(2) != b"\x1f\x8b":
            return
    with gzip.open(path, "rb") as compressed:
        while compressed.read(1 << 20):
            pass


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
