"""RSS and Atom feeds: each entry followed to its page, which gives the full article.

Feed entries usually carry only a teaser, so the page behind each entry's link is fetched (with the
same address checks as any URL) and the entry's title and date fill in what the page lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from newsprism.errors import InputError
from newsprism.ingest.dates import parse_date
from newsprism.ingest.failures import one_line
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Article

_FEED_ROOT = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, Atom or RDF feed document."""
    return bool(_FEED_ROOT.match(data[:4096]))


def read_feed(data: bytes, *, source: str, allow_private: bool = False,
              settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The articles behind a feed's entries; an error per entry whose page cannot be read."""
    import feedparser

    from newsprism.ingest.web import article_from_response, fetch  # web imports this module

    if not data.strip():
        yield InputError(source, "empty input (no feed)")
        return
    # A feed fetched from a URL resolves its relative entry links against that URL.
    base = {"content-location": source} if source.startswith(("http://", "https://")) else None
    try:
        parsed = feedparser.parse(data, response_headers=base)
        entries = list(parsed.entries)
    except Exception as error:  # noqa: BLE001 - feedparser raises ValueError, KeyError... on malformed feeds
        yield InputError(source, f"feed cannot be parsed ({one_line(error)})")
        return
    if not entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield InputError(source, f"no feed entries found{problem}")
        return
    for index, entry in enumerate(entries[: settings.max_feed_entries], start=1):  # counted as a reader counts, like file:line
        try:
            link = entry.get("link")
            if not link:
                yield InputError(f"{source} entry {index}", "feed entry has no link")
                continue
            page = fetch(link, allow_private=allow_private, settings=settings)
            article = article_from_response(page, source=link, settings=settings)
            article = _with_entry_metadata(article, entry, source)
        except InputError as error:
            yield InputError(error.source, f"{error.reason} (entry {index} of feed {source})")
            continue
        except Exception as error:  # noqa: BLE001 - a malformed entry is that entry's error
            yield InputError(f"{source} entry {index}", f"feed entry cannot be read ({one_line(error)})")
            continue
        yield article
    if len(entries) > settings.max_feed_entries:
        yield InputError(source, f"{len(entries) - settings.max_feed_entries} entries beyond the first "
                                 f"{settings.max_feed_entries} were not read")


def _with_entry_metadata(article: Article, entry, feed: str) -> Article:
    published = article.published or parse_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    return replace(
        article,
        title=article.title or entry.get("title"),
        published=published,
        meta={**article.meta, "feed": feed},
    )
