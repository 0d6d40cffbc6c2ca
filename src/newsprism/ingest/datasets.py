"""Research formats: Multi-News raw source files and DUC/TREC-style SGML document folders.

Multi-News ``*.src``: one story per line, documents separated by ``|||||``, line breaks written as
``NEWLINE_CHAR``. DUC 2004 (and TDT/TREC newswire): ``<DOC><DOCNO>..</DOCNO>..<TEXT>..</TEXT></DOC>``
files, one folder per story (``d30001t/APW19981016.0240``); the newswire and date come from the
document number.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.dates import date_from_docno
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.failures import guarded
from newsprism.ingest.folders import folder_files
from newsprism.ingest.jsonl import capped_lines
from newsprism.ingest.outlets import normalize_outlet
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Article, Story

MULTINEWS_DOC_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"

_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|\Z)", re.DOTALL | re.IGNORECASE)
_FIELD = r"<{0}>(.*?)</{0}>"
_PARAGRAPH = re.compile(r"<P>(.*?)(?:</P>|(?=<P>)|\Z)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"&[A-Za-z]+;")  # NYT typesetting codes (&QL;, &UR;) left after standard entities
_DOCNO_SOURCE = re.compile(r"^([A-Z]+)")
_TEX_OPEN = re.compile(r"``")
_TEX_CLOSE = re.compile(r"''")


# --- Multi-News raw -----------------------------------------------------------------------------

def multinews_documents(line: str) -> list[str]:
    """The documents of one Multi-News source line, with line breaks restored."""
    documents = []
    for raw in line.split(MULTINEWS_DOC_SEPARATOR):
        lines = (" ".join(part.split()) for part in raw.split(MULTINEWS_NEWLINE))
        documents.append("\n".join(part for part in lines if part))
    return documents


def read_multinews_stories(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Story | InputError]:
    """One story per line of a Multi-News ``.src`` file; empty documents are reported, not kept."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(str(path), f"cannot open ({error.strerror or error})")
        return
    index = -1
    with handle:
        for index, raw in enumerate(capped_lines(handle, settings.max_line_bytes)):
            source = f"{path}:{index + 1}"
            story_id = f"{path.stem}-{index}"
            if raw is None:
                yield InputError(source, f"line longer than {settings.max_line_bytes:,} bytes; skipped")
                continue
            try:
                line, notes = decode_bytes(raw, source, settings)
            except InputError as error:
                yield error
                continue
            meta = {"story": story_id, "notes": tuple(notes)} if notes else {"story": story_id}
            articles = []
            for position, text in enumerate(multinews_documents(line)):
                if not text:
                    yield InputError(f"{source} document {position}", "empty text; document skipped")
                    continue
                articles.append(Article(id=f"{story_id}/{position}", text=text, source=f"{source} document {position}",
                                        meta=meta))
            if articles:
                yield Story(id=story_id, articles=tuple(articles))
            else:
                yield InputError(source, f"story {story_id!r} has no usable document")
    if index < 0:
        yield InputError(str(path), "empty file (no Multi-News lines)")


def looks_like_multinews(path: Path) -> bool:
    """A ``.src`` file, or text whose first line has the Multi-News separators."""
    if path.suffix.lower() == ".src":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:  # not Multi-News as far as can be told; reading it reports why it cannot be read
        return False
    return MULTINEWS_DOC_SEPARATOR.encode() in head and MULTINEWS_NEWLINE.encode() in head


# --- DUC / TREC SGML ----------------------------------------------------------------------------

def looks_like_sgml_docs(data: bytes) -> bool:
    return data.lstrip()[:5].upper() == b"<DOC>"


def parse_sgml_docs(text: str, *, source: str, notes: list[str] | None = None) -> Iterator[Article | InputError]:
    """The articles of a DUC/TREC file (one or more ``<DOC>`` elements); ``notes`` say how it was decoded."""
    found = False
    for number, match in enumerate(_DOC.finditer(text)):
        found = True
        body = match.group(1)
        docno = _field(body, "DOCNO")
        doc_source = f"{source}#{docno or number}"
        if not docno:
            yield InputError(doc_source, "<DOC> without <DOCNO>; skipped")
            continue
        raw_text = _field(body, "TEXT", keep_markup=True)
        if raw_text is None:
            yield InputError(doc_source, "<DOC> without <TEXT> (truncated?); skipped")
            continue
        paragraphs, text_notes = _paragraphs(raw_text)
        if not paragraphs:
            yield InputError(doc_source, "empty <TEXT>; skipped")
            continue
        newswire = _DOCNO_SOURCE.match(docno)
        meta: dict[str, object] = {"docno": docno}
        if notes or text_notes:
            meta["notes"] = (*(notes or ()), *text_notes)
        yield Article(
            id=docno,
            text="\n".join(paragraphs),
            outlet=normalize_outlet(newswire.group(1)) if newswire else "",
            title=_field(body, "HEADLINE"),
            published=date_from_docno(docno),
            source=doc_source,
            meta=meta,
        )
    if not found:
        yield InputError(source, "no <DOC> element found")


def parse_sgml_file(data: bytes, source: str, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of the bytes of a DUC/TREC file."""
    try:
        text, notes = decode_bytes(data, source, settings)
    except InputError as error:
        yield error
        return
    yield from parse_sgml_docs(text, source=source, notes=notes)


def read_sgml_file(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError(str(path), f"cannot read ({error.strerror or error})")
        return
    yield from parse_sgml_file(data, str(path), settings)


def read_duc_stories(folder: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Story | InputError]:
    """One story per folder of DUC documents under ``folder`` (``docs/d30001t/...``), in name order.

    Every folder that directly holds files is a story, so the collection's root, its ``docs``
    folder or a single topic folder can be given alike.
    """
    groups: dict[Path, list[Path]] = {}
    for entry in folder_files(folder):
        if isinstance(entry, InputError):
            yield entry
        else:
            groups.setdefault(entry.parent, []).append(entry)
    if not groups:
        yield InputError(str(folder), "no DUC documents (<DOC> files) in this folder")
    for group in sorted(groups):
        articles = []
        for file in groups[group]:
            for item in guarded(str(file), read_sgml_file(file, settings)):
                if isinstance(item, InputError):
                    yield item
                else:
                    articles.append(item)
        if articles:
            yield Story(id=group.name, articles=tuple(articles))
        else:
            yield InputError(str(group), "no DUC documents (<DOC> files) in this folder")


def _field(body: str, name: str, *, keep_markup: bool = False) -> str | None:
    match = re.search(_FIELD.format(name), body, re.DOTALL | re.IGNORECASE)
    if not match:
        return None
    value = match.group(1) if keep_markup else " ".join(_TAG.sub(" ", match.group(1)).split())
    return value if keep_markup else (value or None)


def _paragraphs(raw: str) -> tuple[list[str], list[str]]:
    """Paragraphs of a ``<TEXT>`` body (``<P>`` elements, else blank-line or indented blocks) and notes.

    TIPSTER text writes quotation marks as ``like this'' and carries typesetting codes (&QL;);
    the quotes become typographic quotes (so quotation finders see them) and the codes go, each
    change noted.
    """
    blocks = [m.group(1) for m in _PARAGRAPH.finditer(raw)] or re.split(r"\n\s*\n|\n(?=[ \t]{2,}|\t)", raw)
    paragraphs = []
    codes = quotes = 0
    for block in blocks:
        unescaped = html.unescape(_TAG.sub(" ", block))
        cleaned, count = _CODE.subn(" ", unescaped)
        codes += count
        cleaned, opened = _TEX_OPEN.subn("“", cleaned)
        cleaned, closed = _TEX_CLOSE.subn("”", cleaned)
        quotes += opened + closed
        paragraph = " ".join(cleaned.split())
        if paragraph:
            paragraphs.append(paragraph)
    notes = []
    if quotes:
        notes.append("``quotes'' written as “quotes”")
    if codes:
        notes.append(f"removed {codes} typesetting codes such as &QL;")
    return paragraphs, notes
