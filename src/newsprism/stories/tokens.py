"""Hashes of the words of a text, computed for the whole text at once with NumPy.

Dedup and the story vectors both need every word of every article as a number. Hashing words one
by one in Python was half of the clustering time (measured with ``benchmarks/stories_bench.py``);
here the text's bytes are hashed with Rabin-Karp prefix sums (Karp and Rabin 1987): with
``H[i] = sum(c[j] * P**j for j < i)`` (arithmetic modulo 2**64), the hash of the word in
``[s, e)`` is ``(H[e] - H[s]) * P**-s``, the same wherever the word occurs. The hash is stable
across processes and machines, unlike Python's ``hash``, so a store written today matches the
signatures of tomorrow's ingest.

A word is a run of ASCII letters, digits and underscores, or of non-ASCII characters (their UTF-8
bytes), after lowercasing.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_P = 0x100000001B3  # the 64-bit FNV prime: odd, so it has an inverse modulo 2**64
_MASK = (1 << 64) - 1
_CHUNK = 1 << 16  # powers are kept for texts up to this many bytes at a time, extended as needed


def _inverse(p: int) -> int:
    """The inverse of odd ``p`` modulo 2**64 (Newton's iteration doubles the correct bits)."""
    x = p
    for _ in range(6):
        x = (x * (2 - p * x)) & _MASK
    return x


@lru_cache(maxsize=8)
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**j`` and ``P**-j`` for ``j < size`` (modulo 2**64)."""
    with np.errstate(over="ignore"):
        up = np.cumprod(np.full(size, _P, dtype=np.uint64))
        down = np.cumprod(np.full(size, _inverse(_P), dtype=np.uint64))
    up = np.concatenate([[np.uint64(1)], up[:-1]])
    down = np.concatenate([[np.uint64(1)], down[:-1]])
    up.setflags(write=False)  # cached and shared by every caller and thread: never changed in place
    down.setflags(write=False)
    return up, down


@lru_cache(maxsize=1)
def _word_bytes() -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    for chars in (b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"0123456789_"):
        table[list(chars)] = True
    table[128:] = True
    table.setflags(write=False)  # cached and shared: never changed in place
    return table


def word_hashes(text: str, limit: int, *, min_length: int = 1) -> np.ndarray:
    """64-bit hashes of the first ``limit`` words of ``text`` (lowercased), in order.

    Words shorter than ``min_length`` bytes are left out after the first ``limit`` are taken.
    """
    data = np.frombuffer(text[: limit * 40].lower().encode("utf-8", "ignore"), dtype=np.uint8)
    if len(data) == 0:
        return np.zeros(0, dtype=np.uint64)
    inside = _word_bytes()[data]
    edges = np.flatnonzero(np.diff(np.concatenate([[False], inside, [False]]).astype(np.int8)))
    starts, ends = edges[0::2][:limit], edges[1::2][:limit]
    if min_length > 1:
        long_enough = ends - starts >= min_length
        starts, ends = starts[long_enough], ends[long_enough]
    size = -(-(len(data) + 1) // _CHUNK) * _CHUNK
    up, down = _powers(size)
    with np.errstate(over="ignore"):
        prefix = np.concatenate([[np.uint64(0)], np.cumsum(data.astype(np.uint64) * up[: len(data)])])
        return (prefix[ends] - prefix[starts]) * down[starts]
