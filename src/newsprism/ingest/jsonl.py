"""JSON inputs: JSONL with one article or one story (cluster) per line, and whole-file JSON.

A line is a cluster when it has a ``documents`` list (the shape of every file in ../shared/data);
otherwise it is one article. Every bad line or document becomes an ``InputError`` naming
``file:line`` (and the document's position), and reading goes on with the next one.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import replace
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.records import article_from_record
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Article, Story


class JsonLine(NamedTuple):
    """One parsed line: where it is, its JSON value, and notes on how its bytes were decoded."""

    source: str
    number: int
    record: Any
    notes: tuple[str, ...]


def iter_records(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[JsonLine | InputError]:
    """Each non-blank line parsed, or the line's ``InputError``; an error for a file with no lines.

    ``.gz`` files are decompressed as they are read.
    """
    try:
        handle = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
    except OSError as error:
        yield InputError(str(path), f"cannot open ({error.strerror or error})")
        return
    try:
        with handle:
            yield from _parse_lines(handle, path, settings)
    except (OSError, EOFError) as error:  # a truncated or corrupt .gz
        yield InputError(str(path), f"cannot read further ({type(error).__name__}: {error})")


def _parse_lines(handle: BinaryIO, path: Path | str, settings: ReadSettings) -> Iterator[JsonLine | InputError]:
    lines = 0
    for number, raw in enumerate(capped_lines(handle, settings.max_line_bytes), start=1):
        source = f"{path}:{number}"
        if raw is not None and not raw.strip():
            continue
        lines += 1
        if raw is None:
            yield InputError(source, f"line longer than {settings.max_line_bytes:,} bytes; skipped")
            continue
        try:
            text, notes = decode_bytes(raw, source, settings)
            yield JsonLine(source, number, json.loads(text), tuple(notes))
        except InputError as error:
            yield error
        except json.JSONDecodeError as error:
            # the offset, not error.colno: the line's own newline makes an error at its end "line 2 column 1"
            yield InputError(source, f"invalid JSON ({error.msg.removesuffix(' at')} at column {error.pos + 1}; truncated line?)")
    if not lines:
        yield InputError(str(path), "empty file (no JSON lines)")


def read_jsonl_articles(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """Every article of a JSONL file; the documents of cluster lines are articles too."""
    yield from _articles_of_lines(iter_records(path, settings), path.stem)


def read_jsonl_data(data: bytes, source: str, stem: str,
                    settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """Every article of JSONL held in memory (standard input), named ``source:line``."""
    yield from _articles_of_lines(_parse_lines(io.BytesIO(data), source, settings), stem)


def looks_like_jsonl(data: bytes) -> bool:
    """Whether ``data`` opens with a line holding one JSON object (JSONL rather than text or HTML)."""
    first = next((line for line in data[:1_000_000].splitlines() if line.strip()), b"").strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _articles_of_lines(lines: Iterator[JsonLine | InputError], stem: str) -> Iterator[Article | InputError]:
    for line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        yield from articles_of(line.record, source=line.source, default_id=f"{stem}-{line.number}",
                               notes=line.notes)


def articles_of(record: Any, *, source: str, default_id: str,
                notes: tuple[str, ...] = ()) -> Iterator[Article | InputError]:
    """The article of an article record, or the articles of a cluster record (with its errors)."""
    if isinstance(record, Mapping) and "documents" in record:
        for part in story_parts(record, source=source, default_id=default_id, notes=notes):
            yield from (part.articles if isinstance(part, Story) else (part,))
        return
    try:
        yield article_from_record(record, source=source, default_id=default_id, notes=notes)
    except InputError as error:
        yield error


def read_json_articles(data: bytes, source: str, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of a whole-file JSON document: one record, one cluster, or a list of either."""
    try:
        text, notes = decode_bytes(data, source, settings)
        value = json.loads(text)
    except InputError as error:
        yield error
        return
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON ({error.msg} at line {error.lineno} column {error.colno}; truncated?)")
        return
    records = value if isinstance(value, list) else [value]
    if not records:
        yield InputError(source, "empty JSON list")
    stem = Path(source).stem
    for index, record in enumerate(records):
        item_source = f"{source}[{index}]" if isinstance(value, list) else source
        default_id = f"{stem}-{index + 1}" if isinstance(value, list) else stem
        yield from articles_of(record, source=item_source, default_id=default_id, notes=tuple(notes))


def read_jsonl_stories(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Story | InputError]:
    """Every story of a cluster JSONL file, preceded by the problems met in it."""
    for line in iter_records(path, settings):
        if isinstance(line, InputError):
            yield line
        elif not isinstance(line.record, Mapping) or "documents" not in line.record:
            yield InputError(line.source, "not a cluster record: expected an object with a 'documents' list")
        else:
            yield from story_parts(line.record, source=line.source, default_id=f"{path.stem}-{line.number}",
                                   notes=line.notes)


def story_parts(record: Mapping[str, Any], *, source: str, default_id: str,
                notes: tuple[str, ...] = ()) -> Iterator[Story | InputError]:
    """The errors of a cluster record's bad documents, then its story (or an error if none is usable)."""
    story_id = str(record.get("id") or default_id)
    documents = record.get("documents")
    if not isinstance(documents, list):
        yield InputError(source, f"'documents' must be a list, got {type(documents).__name__}")
        return
    articles: list[Article] = []
    for index, document in enumerate(documents):
        try:
            article = article_from_record(document, source=f"{source} document {index}",
                                          default_id=f"{story_id}/{index}", notes=notes)
        except InputError as error:
            yield InputError(error.source, f"{error.reason}; document skipped")
            continue
        articles.append(replace(article, meta={**article.meta, "story": story_id}))
    if articles:
        yield Story(id=story_id, articles=tuple(articles))
    else:
        yield InputError(source, f"story {story_id!r} has no usable document ({len(documents)} given)")


def capped_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of ``handle``, or None for a line over ``limit`` bytes (the rest of it is skipped)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
        yield None
