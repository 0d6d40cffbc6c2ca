"""``newsprism run``: the whole pipeline from inputs to a folder of Parquet tables.

Both engines write the same layout under the output folder (``run_layout``):

- ``articles/``: every article read, copies included, with ``id``, ``story``, ``duplicate_of``,
  ``time`` and its fields (``rows.RUN_COLUMNS``);
- ``stories/``: one row per story (size, outlets, first and last date);
- ``summaries/`` and ``comparisons/``: per story the JSON document ``newsprism summarize`` and
  ``newsprism compare`` write (``--format json``), or the error that stopped its analysis;
- ``problems/``: each input, record or article that could not be used, and why;
- ``report/`` on request: one HTML page per story and ``index.html``.

This module holds the settings and the local engine; ``engines/spark.py`` is the Spark one.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.engines.local import Pipeline
from newsprism.engines.rows import (
    RUN_COLUMNS,
    arrival_key,
    article_row,
    as_analysed,
    story_id,
    story_results,
    story_row,
)
from newsprism.engines.settings import PipelineSettings
from newsprism.errors import NewsprismError
from newsprism.stories.cluster import article_time

log = logging.getLogger(__name__)

TABLES: tuple[str, ...] = ("articles", "stories", "summaries", "comparisons", "problems")


@dataclass(frozen=True, slots=True)
class RunSettings:
    """What a run computes: the ``pipeline``'s settings (every stage's, the summary length among
    them) and whether to write the HTML ``report``."""

    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    report: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.pipeline, PipelineSettings):
            raise NewsprismError(f"RunSettings.pipeline must be a PipelineSettings, got {type(self.pipeline).__name__}")


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What a run wrote, for the one line the command prints, and the wall seconds of each stage."""

    articles: int
    duplicates: int
    stories: int
    failed: int
    problems: int
    seconds: Mapping[str, float] = field(default_factory=dict)


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    text = pa.string()
    return {
        "articles": pa.schema([(name, pa.float64() if name == "time" else text) for name in RUN_COLUMNS]),
        "stories": pa.schema([("story", text), ("articles", pa.int64()), ("outlets", pa.list_(text)),
                              ("first_published", text), ("last_published", text)]),
        "summaries": pa.schema([("story", text), ("document", text), ("error", text)]),
        "comparisons": pa.schema([("story", text), ("document", text), ("error", text)]),
        "problems": pa.schema([("source", text), ("problem", text)]),
    }


def clear_table(folder: Path) -> None:
    """Remove an earlier run's table folder, only when it holds nothing but the files a run writes
    (so that ``--out`` pointed at the wrong folder cannot delete a user's files)."""
    if not folder.exists():
        return
    written = all(p.is_file() and (p.name.startswith(("part-", ".part-")) or p.name in ("_SUCCESS", "._SUCCESS.crc"))
                  for p in folder.iterdir())
    if not written:
        raise NewsprismError(f"{folder} holds files a run did not write; choose another --out folder")
    shutil.rmtree(folder)


def write_local_table(out: Path, name: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """One table of the layout as ``out/name/part-00000.parquet``."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise NewsprismError('writing Parquet needs pyarrow: pip install "newsprism[spark]"') from None
    folder = out / name
    clear_table(folder)
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(list(rows), schema=_schemas()[name]), folder / "part-00000.parquet")


def write_report(out: Path, results: Iterable[Mapping[str, Any]], stories: Mapping[str, Mapping[str, Any]]) -> int:
    """``out/report/stories/<story>.html`` per analysed story and ``out/report/index.html``; returns
    how many pages were written."""
    from newsprism.cli.stories import page_name
    from newsprism.render.html import IndexEntry, render_index

    pages = out / "report" / "stories"
    pages.mkdir(parents=True, exist_ok=True)
    entries = []
    for result in results:
        if result["page"] is None:
            continue
        name = page_name(result["story"])
        (pages / name).write_text(result["page"], encoding="utf-8")
        row = stories[result["story"]]
        first, last = (row["first_published"] or "")[:10], (row["last_published"] or "")[:10]
        entries.append(IndexEntry(id=result["story"], href=f"stories/{name}", title=result["title"],
                                  articles=row["articles"], outlets=tuple(row["outlets"]),
                                  dates=first if first == last else f"{first} to {last}"))
    (out / "report" / "index.html").write_text(render_index(entries), encoding="utf-8")
    return len(entries)


def run_local(inputs: Sequence[str], out: Path, settings: RunSettings = RunSettings()) -> RunCounts:
    """The pipeline on one machine (``engines.local.Pipeline``: read and clean, dedup, stories,
    then each story), written as ``run``'s layout under ``out``."""
    pipeline = Pipeline(settings.pipeline)
    read = pipeline.read(inputs)
    problems = [{"source": e.source, "problem": e.reason} for e in read.errors]
    if not read.articles:
        raise NewsprismError("no article with text was read" + (f" ({problems[0]['problem']})" if problems else ""))
    articles = [as_analysed(a) for a in read.articles]
    clustering = pipeline.cluster(articles)
    named = {story.id: story_id(min(story.articles, key=arrival_key).id) for story in clustering.stories}
    story_of = {a.id: named[story.id] for story in clustering.stories for a in story.articles}
    rows = [{**article_row(a), "story": story_of[a.id], "duplicate_of": clustering.duplicate_of.get(a.id),
             "time": article_time(a)} for a in articles]
    stories = {named[s.id]: story_row(named[s.id], s.articles) for s in clustering.stories}
    results = [story_results(named[s.id], s.articles, settings.pipeline, report=settings.report)
               for s in clustering.stories]
    write_local_table(out, "articles", rows)
    write_local_table(out, "stories", stories.values())
    write_local_table(out, "summaries", ({"story": r["story"], "document": r["summary"], "error": r["error"]}
                                         for r in results))
    write_local_table(out, "comparisons", ({"story": r["story"], "document": r["comparison"], "error": r["error"]}
                                           for r in results))
    write_local_table(out, "problems", problems)
    if settings.report:
        write_report(out, results, stories)
    return RunCounts(articles=len(rows), duplicates=len(clustering.duplicate_of), stories=len(stories),
                     failed=sum(r["error"] is not None for r in results), problems=len(problems))
