"""The files of a folder, walked without recursion and without skipping anything silently.

A folder chain thousands of levels deep must not exhaust the call stack (``Path.rglob`` recurses),
and what is not read must be said: a folder that cannot be listed, a FIFO or device, a broken
symbolic link or a link to a folder (not followed: it may lead back up, a loop). Hidden entries
(a name starting with ".") are skipped by design, as a shell's ``*`` skips them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from newsprism.errors import InputError


def folder_files(folder: Path) -> Iterator[Path | InputError]:
    """Every regular file under ``folder`` in path order, or an error for each entry that is not read."""
    pending = [folder]
    found: list[Path | InputError] = []
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            found.append(InputError(str(current), f"cannot list folder ({error.strerror or error})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            kind = _kind(entry)
            if kind == "folder":
                pending.append(path)
            elif kind == "file":
                found.append(path)
            else:
                found.append(InputError(str(path), kind))
    yield from sorted(found, key=lambda item: item if isinstance(item, Path) else Path(item.source))


def _kind(entry: os.DirEntry) -> str:
    """"file", "folder", or why the entry is not read."""
    try:
        if entry.is_symlink():
            try:
                target = os.stat(entry.path)
            except OSError:
                return "broken symbolic link (its target does not exist)"
            if stat.S_ISDIR(target.st_mode):
                return "symbolic link to a folder, not followed (name the folder itself)"
            mode = target.st_mode
        else:
            mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as error:
        return f"cannot be examined ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return "not a regular file (a FIFO, socket or device); skipped"
