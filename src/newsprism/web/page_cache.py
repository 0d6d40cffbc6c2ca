"""Rendered pages and listing counts, kept until the store changes.

A listing page is a function of its query and of the store's content, and the store changes only
when an article is stored or an analysis is kept. So what a request renders is kept here under its
key, together with the version of the store it was read from (``WebState.store_version``); the
first request that sees a newer version empties the cache. The cache holds at most ``capacity``
entries and ``max_chars`` characters of text, the least recently used going first, so its memory
is bounded whatever is asked (a story page can be a megabyte).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from starlette.responses import Response


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A rendered page as it is sent: its body encoded once, and the headers of its response start
    made once (``raw_headers``: any given, then the length and type, as Starlette's ``Response``
    makes them), so that answering it again is two messages and no encoding."""

    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    media_type: str = "text/html; charset=utf-8"
    raw_headers: tuple[tuple[bytes, bytes], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in self.headers]
        raw += [(b"content-length", str(len(self.body)).encode("latin-1")),
                (b"content-type", self.media_type.encode("latin-1"))]
        object.__setattr__(self, "raw_headers", tuple(raw))

    @classmethod
    def html(cls, text: str, **headers: str) -> KeptPage:
        """A page of HTML; ``headers`` by their names with ``_`` for ``-``."""
        return cls(text.encode("utf-8"), tuple((name.replace("_", "-"), value) for name, value in headers.items()))

    def response(self) -> Response:
        """The page as a Starlette response (to set a cookie on, or return from a route)."""
        from starlette.responses import Response

        response = Response(self.body)
        response.raw_headers = list(self.raw_headers)
        return response


class PageCache:
    """Values kept per store version; thread-safe (requests run in several threads)."""

    def __init__(self, capacity: int = 512, max_chars: int = 32_000_000) -> None:
        if capacity < 1:
            raise NewsprismError(f"a page cache needs room for at least 1 entry, got {capacity}")
        if max_chars < 1:
            raise NewsprismError(f"a page cache needs room for at least 1 character, got {max_chars}")
        self.capacity = capacity
        self.max_chars = max_chars
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._chars = 0
        self._version: int | None = None
        self._lock = threading.Lock()

    def get(self, version: int, key: Hashable) -> Any | None:
        """What was kept under ``key`` from this version of the store, or None."""
        with self._lock:
            if version != self._version:
                return None
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, version: int, key: Hashable, value: Any) -> None:
        """Keep ``value``, read from version ``version`` of the store. A value from an older version
        than one already seen is dropped (a request that read the store just before it changed); a
        newer version empties the cache first."""
        with self._lock:
            if self._version is not None and version < self._version:
                return
            if version != self._version:
                self._entries.clear()
                self._chars = 0
                self._version = version
            if _chars(value) > self.max_chars:
                return
            if key in self._entries:
                self._chars -= _chars(self._entries.pop(key))
            self._entries[key] = value
            self._chars += _chars(value)
            while len(self._entries) > self.capacity or self._chars > self.max_chars:
                self._chars -= _chars(self._entries.popitem(last=False)[1])

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _chars(value: Any) -> int:
    """The characters of text in a kept value: a page (text, or the bytes of a ``KeptPage``), or a
    tuple holding pages."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, KeptPage):
        return len(value.body)
    if isinstance(value, tuple):
        return sum(_chars(part) for part in value)
    return 0
