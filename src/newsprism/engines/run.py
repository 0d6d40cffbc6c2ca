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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.engines.local import usable_articles
from newsprism.engines.rows import (
    RUN_COLUMNS,
    arrival_key,
    article_row,
    as_analysed,
    story_id,
    story_results,
    story_row,
)
from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.stories.cluster import ClusterSettings, article_time, cluster_articles
from newsprism.text.clean import clean_articles

log = logging.getLogger(__name__)

TABLES: tuple[str, ...] = ("articles", "stories", "summaries", "comparisons", "problems")


@dataclass(frozen=True, slots=True)
class RunSettings:
    """What a run computes: ``cluster`` (dedup and clustering), the summary length ``words``, and
    whether to write the HTML ``report``."""

    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    words: int = 100
    report: bool = False

    def __post_init__(self) -> None:
        if self.words < 1:
            raise NewsprismError(f"words must be at least 1, got {self.words}")


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


def run_local(inputs: Sequence[str], out: Path, settings: RunSettings = RunSettings(), *,
              allow_private: bool = False) -> RunCounts:
    """The pipeline on one machine, written as ``run_layout`` under ``out``."""
    read = read_inputs(inputs, allow_private=allow_private)
    articles, emptied = usable_articles(clean_articles(read.articles))
    problems = [{"source": e.source, "problem": e.reason} for e in (*read.errors, *emptied)]
    if not articles:
        raise NewsprismError("no article with text was read" + (f" ({problems[0]['problem']})" if problems else ""))
    articles = [as_analysed(a) for a in articles]
    assigned = cluster_articles(articles, settings.cluster)
    members: dict[str, list] = defaultdict(list)
    for article, assignment in zip(articles, assigned):
        members[assignment.story].append(article)
    named = {label: story_id(min(group, key=arrival_key).id) for label, group in members.items()}
    rows = [{**article_row(a), "story": named[s.story], "duplicate_of": s.duplicate_of, "time": article_time(a)}
            for a, s in zip(articles, assigned)]
    stories = {named[label]: story_row(named[label], group) for label, group in members.items()}
    results = [story_results(named[label], group, words=settings.words, report=settings.report)
               for label, group in members.items()]
    write_local_table(out, "articles", rows)
    write_local_table(out, "stories", stories.values())
    write_local_table(out, "summaries", ({"story": r["story"], "document": r["summary"], "error": r["error"]}
                                         for r in results))
    write_local_table(out, "comparisons", ({"story": r["story"], "document": r["comparison"], "error": r["error"]}
                                           for r in results))
    write_local_table(out, "problems", problems)
    if settings.report:
        write_report(out, results, stories)
    return RunCounts(articles=len(rows), duplicates=sum(s.duplicate_of is not None for s in assigned),
                     stories=len(stories), failed=sum(r["error"] is not None for r in results),
                     problems=len(problems))
