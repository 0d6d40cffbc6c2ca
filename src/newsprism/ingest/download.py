"""One place where a response body is received: decoded as it streams, counted after decoding,
within one deadline.

A response's ``Content-Encoding`` may stack compressions (``gzip, gzip``): 1.8 kB of it decodes
to gigabytes. An HTTP client that decodes each received chunk in full before anyone counts it
fills memory from one chunk, so the body is read raw here and each layer is undone in steps of at
most ``STEP`` bytes, every step counted against ``ReadSettings.max_response_bytes`` before the next
is made. A server that sends one byte just before each read timeout would hold a fetch for ever;
``Deadline`` ends it once ``ReadSettings.fetch_deadline`` has passed since the fetch began.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable, Iterator

from newsprism.errors import InputError

STEP = 64 * 1024
"""Largest piece one decoding step produces: memory in use stays near the cap plus a few steps."""

ACCEPT_ENCODING = "gzip, deflate"
"""The content codings asked for, and the only ones decoded."""


class Deadline:
    """The moment by which one fetch must be over; ``check`` raises ``InputError`` once it has passed."""

    def __init__(self, url: str, seconds: float) -> None:
        self.url = url
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise InputError(self.url, f"took longer than {self.seconds:g} s in all (fetch_deadline); stopped")


def read_body(raw_chunks: Iterable[bytes], content_encoding: str, *, url: str, limit: int,
              deadline: Deadline) -> bytes:
    """The decoded body of a response from its raw chunks; ``InputError`` once the decoded (or raw)
    size passes ``limit``, the deadline passes, or the coding is unknown or corrupt."""
    layers = [_Layer(name, url) for name in reversed(codings(content_encoding))]  # last applied, first undone
    received = 0

    def counted_raw() -> Iterator[bytes]:
        nonlocal received
        for chunk in raw_chunks:
            received += len(chunk)
            if received > limit:
                raise InputError(url, f"response passed the {limit:,}-byte limit; download stopped")
            deadline.check()
            yield chunk

    pieces: Iterable[bytes] = counted_raw()
    for layer in layers:
        pieces = layer.decode(pieces)
    body = bytearray()
    for piece in pieces:
        if len(body) + len(piece) > limit:
            raise InputError(url, f"response decodes to over {limit:,} bytes (the limit); download stopped")
        body += piece
        deadline.check()
    return bytes(body)


def codings(header: str) -> list[str]:
    """The content codings of a ``Content-Encoding`` header in the order they were applied."""
    names = [name.strip().lower() for name in header.split(",")]
    return [name for name in names if name and name != "identity"]


class _Layer:
    """One content coding undone step by step, never more than ``STEP`` bytes at a time."""

    def __init__(self, name: str, url: str) -> None:
        if name not in ("gzip", "x-gzip", "deflate"):
            raise InputError(url, f"unsupported content encoding {name!r} (expected gzip or deflate)")
        self.name = name
        self.url = url

    def _new(self, raw_deflate: bool = False):
        if self.name == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def decode(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        decoder = self._new()
        started = False
        for chunk in chunks:
            data = chunk
            while data:
                try:
                    out = decoder.decompress(data, STEP)
                except zlib.error as error:
                    if self.name == "deflate" and not started:  # servers send raw deflate as often as zlib
                        decoder, started = self._new(raw_deflate=True), True
                        continue
                    raise InputError(self.url, f"corrupt {self.name} response ({error})") from None
                started = True
                if out:
                    yield out
                if decoder.eof and decoder.unused_data:  # concatenated gzip members
                    data = decoder.unused_data
                    decoder = self._new()
                    continue
                data = decoder.unconsumed_tail
                while not data and len(out) == STEP:  # output may still be pending inside zlib
                    out = decoder.decompress(b"", STEP)
                    if out:
                        yield out
        rest = decoder.flush()
        if rest:
            yield rest
