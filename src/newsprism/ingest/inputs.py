"""``read_inputs``: whatever the user names (files, folders, URLs, ``OUTLET=PATH``) to raw articles.

Each input is read by the reader its form calls for (the suffix, else a sniff of its first bytes);
a bad input becomes an ``InputError`` naming it and the reason, and the batch goes on.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import InputError
from newsprism.ingest.datasets import looks_like_multinews, looks_like_sgml_docs, parse_sgml_file, read_multinews_stories
from newsprism.ingest.decode import decode_bytes, decode_declared
from newsprism.ingest.failures import guarded
from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.folders import folder_files
from newsprism.ingest.html import article_from_html, meta_charset
from newsprism.ingest.jsonl import looks_like_jsonl, read_json_articles, read_jsonl_articles, read_jsonl_data
from newsprism.ingest.outlets import normalize_outlet, unify_spellings
from newsprism.ingest.sanitize import sanitized_items
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.text import article_from_text
from newsprism.ingest.warc import read_warc
from newsprism.ingest.web import read_url
from newsprism.model import Article, Story

log = logging.getLogger(__name__)

STDIN_NAMES = ("-", "/dev/stdin")
"""Inputs that mean standard input."""
STDIN_SOURCE = "<stdin>"
_OUTLET_PREFIX = re.compile(r"^(?P<outlet>[^=/\\:]+)=(?P<target>.+)$")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
# A saved page or a fragment of one: plain text almost never opens with one of these tags.
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|main|section|div|p|h1|title|meta)\b",
                         re.IGNORECASE | re.DOTALL)


@dataclass(slots=True)
class ReadResult:
    """The articles read (raw, uncleaned, ids unique) and one error per input or record that failed."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_inputs(inputs: Iterable[str], *, allow_private: bool = False,
                settings: ReadSettings | None = None) -> ReadResult:
    """Read every input; an input is ``OUTLET=PATH``, a file, a folder or an http(s) URL.

    ``OUTLET=`` names the outlet of every article that input gives (normalised), overriding what
    the input itself says.

    ``allow_private`` lets URLs reach loopback/private/link-local addresses (refused by default so
    a feed cannot point newsprism at the user's own network).
    """
    settings = settings or ReadSettings()
    result = ReadResult()
    seen_ids: dict[str, int] = {}
    for raw in inputs:
        outlet, target = split_outlet(raw)
        items = guarded(target, read_input(target, allow_private=allow_private, settings=settings))
        for item in sanitized_items(items, settings):
            if isinstance(item, InputError):
                log.info("input problem: %s", item)
                result.errors.append(item)
                continue
            if outlet:
                item = replace(item, outlet=outlet)
            result.articles.append(_unique(item, seen_ids))
    result.articles = unify_spellings(result.articles)
    return result


def split_outlet(raw: str) -> tuple[str, str]:
    """``("RT", "rt.txt")`` for ``"RT=rt.txt"``; ``("", raw)`` for a plain path, a URL or an existing file."""
    match = _OUTLET_PREFIX.match(raw)
    if not match or _URL.match(raw) or _exists(raw):
        return "", raw
    return normalize_outlet(match["outlet"]), match["target"]


def _exists(name: str) -> bool:
    """Whether a file or folder of that name exists; False for a name no file can have (too long,
    a NUL byte), which reading then reports."""
    try:
        return Path(name).exists()
    except (OSError, ValueError):
        return False


def read_input(target: str, *, allow_private: bool = False,
               settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of one input (no ``OUTLET=`` prefix), or its errors."""
    if _URL.match(target):
        yield from guarded(target, read_url(target, allow_private=allow_private, settings=settings))
        return
    if target in STDIN_NAMES:
        yield from guarded(STDIN_SOURCE, read_stdin(allow_private=allow_private, settings=settings))
        return
    path = Path(target)
    if path.is_dir():
        found = False
        for entry in folder_files(path):
            found = True
            if isinstance(entry, InputError):
                yield entry
            else:
                yield from read_file(entry, allow_private=allow_private, settings=settings)
        if not found:
            yield InputError(target, "folder has no files")
    elif path.is_file():
        yield from read_file(path, allow_private=allow_private, settings=settings)
    elif path.exists():
        yield InputError(target, "not a regular file or folder")
    else:
        yield InputError(target, "no such file or folder")


def read_stdin(*, allow_private: bool = False, settings: ReadSettings = ReadSettings(),
               stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """The articles piped to standard input (``-``): JSONL, a feed, HTML or text, told by the content."""
    if stream is None:
        if sys.stdin is None or sys.stdin.isatty():
            yield InputError(STDIN_SOURCE, "standard input is a terminal, not a pipe (pipe an article in: "
                                           "newsprism read - < article.txt)")
            return
        stream = sys.stdin.buffer
    data = stream.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        yield InputError(STDIN_SOURCE, f"over the {settings.max_file_bytes:,}-byte limit for one input")
        return
    if looks_like_jsonl(data) and not looks_like_feed(data):
        yield from read_jsonl_data(data, STDIN_SOURCE, "stdin", settings)
        return
    if data.lstrip()[:1] in (b"[", b"{") and not looks_like_feed(data):  # a whole JSON document
        yield from read_json_articles(data, STDIN_SOURCE, settings)
        return
    yield from _read_data(data, name="", source=STDIN_SOURCE, article_id="stdin", allow_private=allow_private,
                          settings=settings)


def read_file(path: Path, *, allow_private: bool = False,
              settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of one file, by its suffix, else by what its first bytes look like; whatever
    its reader raises is this file's error."""
    yield from guarded(str(path), _read_file(path, allow_private=allow_private, settings=settings))


def _read_file(path: Path, *, allow_private: bool,
               settings: ReadSettings) -> Iterator[Article | InputError]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        yield from read_jsonl_articles(path, settings)
        return
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        yield from read_warc(path, settings)
        return
    if looks_like_multinews(path):
        for item in read_multinews_stories(path, settings):
            yield from (item.articles if isinstance(item, Story) else (item,))
        return
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {settings.max_file_bytes:,}-byte limit "
                                     "for one article")
        data = path.read_bytes()
    except OSError as error:
        yield InputError(source, f"cannot read ({error.strerror or error})")
        return
    except InputError as error:
        yield error
        return
    yield from _read_data(data, name=name, source=source, article_id=path.stem, allow_private=allow_private,
                          settings=settings)


def _read_data(data: bytes, *, name: str, source: str, article_id: str, allow_private: bool,
               settings: ReadSettings) -> Iterator[Article | InputError]:
    """The articles of one input's bytes, by its (lower-case) file name, else by its first bytes."""
    if name.endswith((".rss", ".atom")) or looks_like_feed(data):  # before .json: a JSON Feed is a feed
        yield from read_feed(data, source=source, allow_private=allow_private, settings=settings)
        return
    if name.endswith(".json"):
        yield from read_json_articles(data, source, settings)
        return
    if looks_like_sgml_docs(data):
        yield from parse_sgml_file(data, source, settings)
        return
    try:
        if name.endswith((".html", ".htm", ".xhtml")) or _HTML_START.match(data[:4096]):
            text, notes = decode_declared(data, meta_charset(data), source, settings)
            yield article_from_html(text, article_id=article_id, source=source, notes=notes)
            return
        text, notes = decode_bytes(data, source, settings)
        yield article_from_text(text, article_id=article_id, source=source, notes=notes)
    except InputError as error:
        yield error


def _unique(article: Article, seen: dict[str, int]) -> Article:
    """``article`` with ``-2``, ``-3``... appended to its id when an earlier article has the same id,
    and a note saying so: outputs name articles by id, and a user joins them back by it."""
    count = seen.get(article.id, 0) + 1
    seen[article.id] = count
    if count == 1:
        return article
    new_id = f"{article.id}-{count}"
    while new_id in seen:
        count += 1
        new_id = f"{article.id}-{count}"
    seen[new_id] = 1
    note = f"id {article.id!r} is taken by an earlier article; renamed {new_id!r}"
    return replace(article, id=new_id, meta={**article.meta, "notes": (*article.meta.get("notes", ()), note)})
