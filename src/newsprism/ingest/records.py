"""One JSON record (a JSONL line, a dataset document) to one ``Article``.

Datasets name the same things differently: the outlet is ``outlet``, ``source`` or
``source_name``; the date ``published`` or ``date``; the id ``id`` or ``doc_id``. They all map onto
the same ``Article`` fields here, and every other field of the record is kept in ``meta`` so that
nothing a dataset carries is lost (BASIL's bias spans, AllSides' lean labels, Multi-News votes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.dates import parse_date
from newsprism.ingest.html import extract_html
from newsprism.ingest.outlets import domain_of, normalize_outlet
from newsprism.model import Article

# "display_outlet": newsprism's own JSONL (``newsprism read``) read back keeps the name shown for
# an article of unknown outlet; its "source" is then a path or URL, never an outlet.
_OUTLET_KEYS = ("outlet", "display_outlet", "source_name", "source", "site_name", "sitename")
_PATH_LIKE = re.compile(r"[/\\]|:\d+$|\.(?:txt|html?|jsonl?|ndjson|warc|gz|xml|rss|atom)$", re.IGNORECASE)
_DATE_KEYS = ("published", "date", "published_at", "pubdate")
_ID_KEYS = ("id", "doc_id")
_MAPPED = frozenset((*_OUTLET_KEYS, *_DATE_KEYS, *_ID_KEYS, "text", "html", "title", "url", "language", "lang"))


def article_from_record(record: Mapping[str, Any], *, source: str, default_id: str,
                        notes: tuple[str, ...] = ()) -> Article:
    """The article a record describes; ``InputError`` naming ``source`` when it has no usable text.

    A record with ``html`` and no ``text`` has its main text extracted like an HTML file.
    ``notes`` (how the line was decoded) are kept in ``meta["notes"]``.
    """
    if not isinstance(record, Mapping):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}")
    noted = list(notes)
    text = record.get("text")
    extracted: dict[str, Any] = {}
    if text is None and record.get("html") is not None:
        html = record["html"]
        if not isinstance(html, str):
            raise InputError(source, f"field 'html' must be a string, got {type(html).__name__}")
        extracted = extract_html(html, source=source, url=_string(record.get("url")))
        text = extracted["text"]
    if text is None:
        raise InputError(source, "record has neither 'text' nor 'html'")
    if not isinstance(text, str):
        raise InputError(source, f"field 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(source, "empty text")
    url = _string(record.get("url")) or extracted.get("url")
    raw_date = _first(record, _DATE_KEYS) or extracted.get("date")
    published = parse_date(raw_date)
    if raw_date and published is None:
        noted.append(f"unparseable date {raw_date!r}")
    outlet_name = _outlet_name(record) or extracted.get("sitename") or (domain_of(url) if url else "")
    meta = {key: value for key, value in record.items() if key not in _MAPPED}
    for key in ("author", "sitename"):
        if extracted.get(key):
            meta[key] = extracted[key]
    if record.get("source") and record.get("source_name"):
        meta["source_code"] = record["source"]
    if noted:
        meta["notes"] = tuple(noted)
    record_id = _first(record, _ID_KEYS)
    return Article(
        id=str(record_id) if record_id not in (None, "") else default_id,
        text=text,
        outlet=normalize_outlet(str(outlet_name)) if outlet_name else "",
        url=url,
        title=_string(record.get("title")) or extracted.get("title"),
        published=published,
        language=_string(record.get("language") or record.get("lang")) or extracted.get("language"),
        source=source,
        meta=meta,
    )


def _outlet_name(record: Mapping[str, Any]) -> Any:
    """The first outlet field of a record, passing over a ``source`` that names a file or URL."""
    for key in _OUTLET_KEYS:
        value = record.get(key)
        if value in (None, "") or (key == "source" and isinstance(value, str) and _PATH_LIKE.search(value)):
            continue
        return value
    return None


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _string(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
