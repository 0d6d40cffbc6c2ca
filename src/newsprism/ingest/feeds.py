"""RSS, Atom and JSON Feed: each entry's full text when the feed carries it, else its page.

Many feeds carry the whole article in each entry (Atom ``content``, RSS ``content:encoded``, JSON
Feed ``content_html``/``content_text``): that text is used as it is, with no network, so a feed
saved to a file gives its articles even when the pages cannot be reached. An entry that carries a
summary alone is followed to its page (with the same address checks as any URL), and the entry's
title and date fill in what the page lacks; when the page cannot be fetched, the summary is used,
with a note saying so.

Whatever the feed parser raises on a malformed feed is that feed's one-line error, and whatever a
malformed entry raises is that entry's: the other entries are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from newsprism.errors import InputError
from newsprism.ingest.dates import parse_date
from newsprism.ingest.failures import one_line
from newsprism.ingest.outlets import domain_of, normalize_outlet
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Article

_FEED_ROOT = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
_JSON_FEED = re.compile(rb"^\s*\{.*?\"version\"\s*:\s*\"https?://jsonfeed\.org/version/", re.DOTALL)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, Atom, RDF or JSON Feed document."""
    head = data[:4096]
    return bool(_FEED_ROOT.match(head) or _JSON_FEED.match(head))


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """What a feed says about one entry; ``text`` is its full content as plain text, if it carries one."""

    index: int
    link: str | None
    title: str | None
    published: datetime | None
    text: str | None
    summary: str | None


def read_feed(data: bytes, *, source: str, allow_private: bool = False,
              settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles of a feed's entries; an error per entry that gives none."""
    if not data.strip():
        yield InputError(source, "empty input (no feed)")
        return
    try:
        entries = (json_feed_entries(data, source, settings) if _JSON_FEED.match(data[:4096])
                   else xml_feed_entries(data, source))
    except InputError as error:
        yield error
        return
    except Exception as error:  # noqa: BLE001 - feedparser raises ValueError, KeyError... on malformed feeds
        yield InputError(source, f"feed cannot be parsed ({one_line(error)})")
        return
    for entry in entries[: settings.max_feed_entries]:
        if isinstance(entry, InputError):
            yield entry
            continue
        try:
            articles = list(_entry_article(entry, source, allow_private, settings))
        except Exception as error:  # noqa: BLE001 - a malformed entry is that entry's error
            articles = [InputError(f"{source} entry {entry.index}", f"feed entry cannot be read ({one_line(error)})")]
        yield from articles
    if len(entries) > settings.max_feed_entries:
        left = len(entries) - settings.max_feed_entries
        yield InputError(source, f"{left} {'entry' if left == 1 else 'entries'} beyond the first "
                                 f"{settings.max_feed_entries} {'was' if left == 1 else 'were'} not read")


def xml_feed_entries(data: bytes, source: str) -> list[FeedEntry | InputError]:
    """The entries of an RSS, Atom or RDF feed, an ``InputError`` in place of an entry that cannot be
    read; ``InputError`` raised when it has none."""
    import feedparser

    # A feed fetched from a URL resolves its relative entry links against that URL.
    base = {"content-location": source} if source.startswith(("http://", "https://")) else None
    parsed = feedparser.parse(data, response_headers=base)
    found = list(parsed.entries)
    if not found:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(source, f"no feed entries found{problem}")
    entries: list[FeedEntry | InputError] = []
    for index, entry in enumerate(found, start=1):  # counted as a reader counts, like file:line
        try:
            entries.append(_xml_entry(index, entry))
        except Exception as error:  # noqa: BLE001 - a malformed entry is that entry's error
            entries.append(InputError(f"{source} entry {index}", f"feed entry cannot be read ({one_line(error)})"))
    return entries


def _xml_entry(index: int, entry) -> FeedEntry:
    """What feedparser gives for one entry, as a ``FeedEntry``."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    best = max(contents, key=lambda c: len(c["value"]), default=None)
    text = None
    if best is not None:
        text = html_text(best["value"]) if best.get("type", "text/html") in _HTML_TYPES else best["value"].strip()
    summary = entry.get("summary")
    return FeedEntry(
        index=index,
        link=entry.get("link"),
        title=entry.get("title"),
        published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        text=text or None,
        summary=html_text(summary) if summary else None,
    )


def json_feed_entries(data: bytes, source: str,
                      settings: ReadSettings = ReadSettings()) -> list[FeedEntry | InputError]:
    """The items of a JSON Feed (https://jsonfeed.org, versions 1 and 1.1), an ``InputError`` in
    place of an item that cannot be read.

    The JSON is parsed with the same protections as any JSON input (nesting depth, oversized
    integers, lone surrogate escapes)."""
    from newsprism.ingest.jsonl import parse_json

    try:
        text = data.decode(json.detect_encoding(data))
    except UnicodeDecodeError as error:
        raise InputError(source, f"invalid JSON Feed ({one_line(error)})") from None
    try:
        feed, _ = parse_json(text, source, settings,
                             where=lambda error: f"at line {error.lineno} column {error.colno}; truncated?")
    except InputError as error:
        raise InputError(source, f"{error.reason} in a JSON Feed") from None
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list) or not items:
        raise InputError(source, "no feed entries found (no 'items' list)")
    entries: list[FeedEntry | InputError] = []
    for index, item in enumerate(items, start=1):
        try:
            entries.append(_json_entry(index, item))
        except Exception as error:  # noqa: BLE001 - a malformed item is that entry's error
            entries.append(InputError(f"{source} entry {index}", f"feed entry cannot be read ({one_line(error)})"))
    return entries


def _json_entry(index: int, item: object) -> FeedEntry:
    """One JSON Feed item as a ``FeedEntry`` (an item that is not an object gives an empty entry)."""
    if not isinstance(item, dict):
        item = {}
    html, plain = _string(item.get("content_html")), _string(item.get("content_text"))
    text = html_text(html) if html else plain
    return FeedEntry(
        index=index,
        link=_string(item.get("url")) or _string(item.get("external_url")),
        title=_string(item.get("title")),
        published=parse_date(_string(item.get("date_published")) or _string(item.get("date_modified"))),
        text=text or None,
        summary=_string(item.get("summary")),
    )


def html_text(html: str) -> str:
    """The text of an HTML fragment, one line per block (paragraph, heading, list item)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return html.strip()
    from newsprism.ingest.html import block_lines

    return "\n".join(block_lines(root))


def _entry_article(entry: FeedEntry, source: str, allow_private: bool,
                   settings: ReadSettings) -> Iterator[Article | InputError]:
    where = f"{source} entry {entry.index}"
    if entry.text:
        yield _article(entry, entry.text, source, where, notes=())
        return
    if not entry.link:
        if entry.summary:
            yield _article(entry, entry.summary, source, where, notes=("feed entry has no link; its summary is used",))
        else:
            yield InputError(where, "feed entry has no link and no text")
        return
    from newsprism.ingest.web import article_from_response, fetch  # web imports this module

    try:
        page = fetch(entry.link, allow_private=allow_private, settings=settings)
        article = article_from_response(page, source=entry.link, settings=settings)
    except Exception as error:  # noqa: BLE001 - whatever stops the page is this entry's problem
        if isinstance(error, InputError):
            problem = InputError(error.source, f"{error.reason} (entry {entry.index} of feed {source})")
            reason = error.reason
        else:
            reason = f"cannot be read ({one_line(error)})"
            problem = InputError(where, f"feed entry {reason}")
        if not entry.summary:
            yield problem
            return
        note = f"the page could not be read ({reason}); the feed's summary is used"
        yield _article(entry, entry.summary, source, where, notes=(note,))
        return
    yield replace(article, title=article.title or entry.title, published=article.published or entry.published,
                  meta={**article.meta, "feed": source})


def _article(entry: FeedEntry, text: str, feed: str, where: str, notes: tuple[str, ...]) -> Article:
    """An article from the feed's own text for an entry."""
    from newsprism.ingest.web import url_id

    meta: dict[str, object] = {"feed": feed}
    if notes:
        meta["notes"] = notes
    return Article(
        id=url_id(entry.link) if entry.link else f"feed-entry-{entry.index}",
        text=text,
        outlet=normalize_outlet(domain_of(entry.link)) if entry.link else "",
        url=entry.link,
        title=entry.title,
        published=entry.published,
        source=where,
        meta=meta,
    )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
