"""The last step of every reader: an article's strings made safe to write, and its text bounded.

Two things no reader can be trusted to have ruled out, checked once here for all of them:

- A lone UTF-16 surrogate (``"\\ud800"`` is valid JSON; a feed's character reference) is a Python
  character that no encoder writes: left in, it fails later, in the store, on the terminal, in a
  report. Each one is replaced by U+FFFD, the replacement character, and the article notes it.
- The analysis of one article takes longer the longer it is; a multi-megabyte "article" (a whole
  dump pasted as one record) would hold a batch for minutes. Text beyond
  ``ReadSettings.max_article_chars`` is cut at the last paragraph, sentence or word break before
  the limit, and the article notes how much was cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from newsprism.errors import InputError
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Article, Story

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("id", "text", "outlet", "url", "title", "language", "source")

T = TypeVar("T", Article | InputError, Story | InputError)  # what a reader of articles or of stories yields


def sanitized_items(items: Iterable[T], settings: ReadSettings) -> Iterator[T]:
    """``items`` with each article (and each article of a story) sanitized; errors pass as they are."""
    for item in items:
        if isinstance(item, Article):
            yield sanitized(item, settings)
        elif isinstance(item, Story):
            yield replace(item, articles=tuple(sanitized(a, settings) for a in item.articles))
        else:
            yield item


def sanitized(article: Article, settings: ReadSettings) -> Article:
    """``article`` with lone surrogates replaced and its text cut to ``settings.max_article_chars``,
    each change noted in ``meta["notes"]``; the article itself when nothing needed changing."""
    changes: dict[str, object] = {}
    notes: list[str] = []
    replaced = 0
    for name in _FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            changes[name], count = _SURROGATE.subn("\ufffd", value)
            replaced += count
    meta = dict(article.meta)  # JSON records' nested values were cleaned when parsed (jsonl.parse_json)
    for key, value in meta.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            meta[key], count = _SURROGATE.subn("\ufffd", value)
            replaced += count
            changes["meta"] = meta
    if replaced:
        notes.append("lone UTF-16 surrogates (not text) replaced by U+FFFD")
    text = str(changes.get("text", article.text))
    limit = settings.max_article_chars
    if len(text) > limit:
        cut = cut_point(text, limit)
        changes["text"] = text[:cut]
        notes.append(f"text cut after {cut:,} of {len(text):,} characters (max_article_chars is {limit:,}; "
                     "the rest is left out)")
    if not changes and not notes:
        return article
    meta_now = dict(meta)  # article.meta with its surrogates replaced
    if notes:
        meta_now["notes"] = (*meta_now.get("notes", ()), *notes)
    changes["meta"] = meta_now
    return replace(article, **changes)  # type: ignore[arg-type]


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: at the last paragraph break before the
    limit, else after the last sentence end, else at the last space, else at the limit itself; a
    break in the first half of the allowed length is not taken (too much would go)."""
    floor = limit // 2
    paragraph = text.rfind("\n", floor, limit)
    if paragraph >= 0:
        return paragraph
    sentence = text.rfind(". ", floor, limit)
    if sentence >= 0:
        return sentence + 1
    space = text.rfind(" ", floor, limit)
    return space if space >= 0 else limit
