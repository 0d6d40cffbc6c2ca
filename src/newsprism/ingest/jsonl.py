"""JSON inputs: JSONL with one article or one story (cluster) per line, and whole-file JSON.

A line is a cluster when it has a ``documents`` list (the shape of every file in ../shared/data);
otherwise it is one article. Every bad line or document becomes an ``InputError`` naming
``file:line`` (and the document's position), and reading goes on with the next one.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple, Protocol

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
            yield from _parse_lines(_utf8_lines(handle), path, settings)
    except (OSError, EOFError, zlib.error) as error:  # a truncated or corrupt .gz
        yield InputError(str(path), f"cannot read further ({type(error).__name__}: {error})")


_Binary = gzip.GzipFile | io.BufferedReader  # a file opened in binary mode, compressed or not


class LineReader(Protocol):
    """What lines are read from: a binary file, or a re-coding view of one (``_Recoded``)."""

    def readline(self, limit: int, /) -> bytes: ...


class _Recoded:
    """A UTF-16 or UTF-32 stream read line by line as UTF-8 bytes: its own line breaks are not the
    byte ``\\n``, so split as bytes every line would be cut in two and lost."""

    def __init__(self, handle: _Binary, encoding: str) -> None:
        self._text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")

    def readline(self, limit: int) -> bytes:
        return self._text.readline(limit).encode("utf-8", "surrogatepass")


def _utf8_lines(handle: _Binary) -> _Binary | _Recoded:
    """``handle``, or a re-coding view of it when it opens with a UTF-16 or UTF-32 byte order mark."""
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return _Recoded(handle, encoding)
    return handle


def _parse_lines(handle: LineReader, path: Path | str, settings: ReadSettings) -> Iterator[JsonLine | InputError]:
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
            value, more = parse_json(text, source, settings, where=_column)
            yield JsonLine(source, number, value, (*notes, *more))
        except InputError as error:
            yield error
    if not lines:
        yield InputError(str(path), "empty file (no JSON lines)")


_LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_json(text: str, source: str, settings: ReadSettings = ReadSettings(), *,
               where: Callable[[json.JSONDecodeError], str] | None = None) -> tuple[Any, list[str]]:
    """The JSON value of ``text`` and notes on what was repaired; ``InputError`` for anything that
    is not usable JSON.

    ``json.loads`` refuses more than syntax errors: an integer of over 4,300 digits is a
    ``ValueError`` and deep nesting a ``RecursionError``; both are the input's error here, and so is
    nesting deeper than ``settings.max_json_depth`` (writing it out again would overflow the stack).
    Lone surrogate escapes (``"\\ud800"``, valid JSON but not text) become U+FFFD.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        at = (where or _column)(error)
        raise InputError(source, f"invalid JSON ({error.msg.removesuffix(' at')} {at})") from None
    except RecursionError:
        raise InputError(source, f"JSON nested too deeply (over {settings.max_json_depth} levels)") from None
    except ValueError as error:  # e.g. an integer too long to convert
        raise InputError(source, f"invalid JSON ({' '.join(str(error).split())[:200]})") from None
    depth = json_depth(value, settings.max_json_depth)
    if depth > settings.max_json_depth:
        raise InputError(source, f"JSON nested too deeply (over {settings.max_json_depth} levels)")
    if _LONE_SURROGATE_ESCAPE.search(text):
        dumped = json.dumps(value, ensure_ascii=False)
        if _LONE_SURROGATE.search(dumped):
            return json.loads(_LONE_SURROGATE.sub("\ufffd", dumped)), [
                "lone UTF-16 surrogate escapes (not text) replaced by U+FFFD"]
    return value, []


def json_depth(value: Any, stop: int) -> int:
    """How deeply ``value`` nests lists and objects (a scalar is 0), counted up to ``stop + 1``;
    walked with a stack, so that a deep value cannot overflow Python's."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if not isinstance(current, (list, dict)):
            continue
        deepest = max(deepest, depth)
        if deepest > stop:
            return deepest
        children = current.values() if isinstance(current, dict) else current
        stack.extend((child, depth + 1) for child in children if isinstance(child, (list, dict)))
    return deepest


def _column(error: json.JSONDecodeError) -> str:
    # the offset, not error.colno: the line's own newline makes an error at its end "line 2 column 1"
    return f"at column {error.pos + 1}; truncated line?"


def _line_and_column(error: json.JSONDecodeError) -> str:
    return f"at line {error.lineno} column {error.colno}; truncated?"


def read_jsonl_articles(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """Every article of a JSONL file; the documents of cluster lines are articles too."""
    yield from _articles_of_lines(iter_records(path, settings), path.stem)


def read_jsonl_data(data: bytes, source: str, stem: str,
                    settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """Every article of JSONL held in memory (standard input), named ``source:line``."""
    lines = _parse_lines(_utf8_lines(io.BufferedReader(io.BytesIO(data))), source, settings)
    yield from _articles_of_lines(lines, stem)


def looks_like_jsonl(data: bytes) -> bool:
    """Whether ``data`` opens with a line holding one JSON object (JSONL rather than text or HTML).

    A UTF-16 or UTF-32 head is judged as the text it encodes; a first line that is JSON but too
    deep or holds too long an integer counts as JSONL, so that reading it reports that line."""
    head = data[:1_000_000]
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            head = head.decode(encoding, errors="replace").encode("utf-8", "surrogatepass")
            break
    first = next((line for line in head.splitlines() if line.strip()), b"").strip().removeprefix(codecs.BOM_UTF8)
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    except (ValueError, RecursionError):  # an integer too long to convert, nesting too deep
        return True


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
        value, more = parse_json(text, source, settings, where=_line_and_column)
        notes = [*notes, *more]
    except InputError as error:
        yield error
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


def capped_lines(handle: LineReader, limit: int) -> Iterator[bytes | None]:
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
