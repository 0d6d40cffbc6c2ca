"""Main text and metadata of a news page, with trafilatura (the best F1 in independent extraction benchmarks).

trafilatura answers every failure with ``None``; here that becomes an ``InputError`` that says
which page and why, so a page without a main text is reported rather than silently skipped.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.dates import parse_date
from newsprism.ingest.failures import one_line
from newsprism.ingest.outlets import domain_of, normalize_outlet
from newsprism.model import Article

# htmldate's own defaults, with the time of day kept (stories are clustered by time, not only by day).
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Elements that start a new line of text when a page is read as a person sees it.
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
               "figcaption", "figure", "blockquote", "section", "article", "header", "footer", "nav", "aside",
               "br", "dt", "dd", "pre", "form", "button", "label", "option", "title", "address", "main")
_METADATA = ("title", "author", "date", "sitename", "hostname", "url", "language", "description")


def extract_html(html: str | bytes, *, source: str, url: str | None = None) -> dict[str, Any]:
    """``{"text", "title", "author", "date", "sitename", ...}`` for a page; ``InputError`` when it has no main text."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               date_extraction_params=_DATE_PARAMS)
    except Exception as error:  # trafilatura/lxml raise many types on malformed markup
        raise InputError(source, f"HTML could not be parsed ({one_line(error)})") from error
    text = getattr(document, "text", None) if document is not None else None
    truncated = looks_truncated(html)
    if not text or not text.strip():
        why = "the page looks truncated: no closing </html>" if truncated else "not an article page?"
        raise InputError(source, f"no main text found in the HTML ({why})")
    found = {key: getattr(document, key, None) for key in _METADATA}
    found["text"] = text
    found["truncated"] = truncated
    return found


def block_lines(root) -> list[str]:
    """The text of an lxml element as a person sees it: one line per block element (paragraph,
    heading, list item, cell...), whitespace collapsed, blank lines left out. Changes ``root``."""
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return [line for line in lines if line]


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or ``http-equiv``), if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_truncated(html: str | bytes) -> bool:
    """Whether a page that opens ``<html>`` never closes it (a cut download or file)."""
    tail = (html[-4096:] if isinstance(html, bytes) else html[-4096:].encode("utf-8", "replace")).lower()
    head = (html[:4096] if isinstance(html, bytes) else html[:4096].encode("utf-8", "replace")).lower()
    return b"<html" in head and b"</html" not in tail and b"</body" not in tail


def article_from_html(html: str | bytes, *, article_id: str, source: str, url: str | None = None,
                      notes: list[str] | None = None) -> Article:
    """An article from a page: outlet from the site name, else the URL's domain."""
    found = extract_html(html, source=source, url=url)
    notes = list(notes or [])
    if found["truncated"]:
        notes.append("the page looks truncated (no closing </html>): its text may be incomplete")
    published = parse_date(found["date"])
    if found["date"] and published is None:
        notes.append(f"unparseable date {found['date']!r}")
    page_url = url or found["url"]
    outlet = found["sitename"] or (domain_of(page_url) if page_url else "") or found["hostname"]
    meta: dict[str, Any] = {key: found[key] for key in ("author", "sitename", "description") if found[key]}
    if notes:
        meta["notes"] = tuple(notes)
    return Article(
        id=article_id,
        text=found["text"],
        outlet=normalize_outlet(outlet),
        url=page_url,
        title=found["title"],
        published=published,
        language=found["language"],
        source=source,
        meta=meta,
    )
