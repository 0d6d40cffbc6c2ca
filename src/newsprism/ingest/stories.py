"""``read_stories``: a file or folder that already groups articles into stories.

Cluster JSONL (one story per line, the shape of ../shared/data), Multi-News raw source files and
DUC folders. Stories come out one at a time with the problems met before each, so a large dataset
streams and a bad record does not stop it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.datasets import looks_like_multinews, read_duc_stories, read_multinews_stories
from newsprism.ingest.failures import guarded
from newsprism.ingest.jsonl import read_jsonl_stories
from newsprism.ingest.sanitize import sanitized_items
from newsprism.ingest.settings import ReadSettings
from newsprism.model import Story


def read_stories(path: str | Path, settings: ReadSettings | None = None) -> Iterator[Story | InputError]:
    """Each story in ``path``, preceded by the ``InputError`` of every record or document that failed."""
    settings = settings or ReadSettings()
    yield from sanitized_items(guarded(str(path), _read_stories(Path(path), settings)), settings)


def _read_stories(path: Path, settings: ReadSettings) -> Iterator[Story | InputError]:
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
    elif path.is_dir():
        yield from read_duc_stories(path, settings)
    elif path.name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        yield from read_jsonl_stories(path, settings)
    elif looks_like_multinews(path):
        yield from read_multinews_stories(path, settings)
    else:
        yield InputError(str(path), "not a story collection: expected cluster JSONL (one {id, documents} "
                                    "per line), a Multi-News .src file or a DUC folder")
