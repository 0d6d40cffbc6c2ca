"""The one rule for what becomes a file name: a name taken from data never leaves its folder.

Story ids come from the inputs, and a store can be crafted: an id such as ``/etc/cron.d/x`` or
``../../x`` used as a file name would write outside the folder the user named. Every file name
newsprism makes from data goes through ``file_stem``: letters, digits, ``-``, ``_`` and ``.`` are
kept, anything else becomes ``_``, no name starts with a dot, and a long name is cut. Whenever the
name had to change, a short hash of the original is appended, so two ids that differ only in what
was replaced still get two files.
"""

from __future__ import annotations

import hashlib
import re

MAX_STEM_CHARS = 80
"""Longest stem kept from an id (file systems allow 255 bytes; a suffix and the hash need room)."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                               *(f"LPT{i}" for i in range(10))})


def file_stem(name: str) -> str:
    """A file name stem for ``name`` that is a single, harmless path component."""
    stem = _UNSAFE.sub("_", name).lstrip(".")[:MAX_STEM_CHARS]
    if stem == name and stem and stem.split(".")[0].upper() not in _WINDOWS_RESERVED:
        return stem
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{stem}-{digest}" if stem else digest
