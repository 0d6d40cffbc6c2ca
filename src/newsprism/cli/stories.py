"""``newsprism stories``: list the stories of a store, or write a report per story.

- ``newsprism stories [--db PATH] [--since DATE]`` lists the stored stories, largest first.
- ``newsprism stories INPUT... --out DIR`` dedups and clusters the inputs and writes one HTML
  report per story (summary and outlet comparison) plus ``DIR/index.html`` listing the stories by
  size and outlets. ``newsprism stories --db PATH --out DIR`` does the same for a store, and keeps
  each story's summary and comparison in the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.cli.articles import DEFAULT_DB, add_settings_arguments, read_articles, settings_from, with_text
from newsprism.cli.batch import pipeline_settings
from newsprism.cli.console import progress, table_console, warn
from newsprism.cli.filenames import file_stem
from newsprism.cli.options import add_allow_private, add_command, add_meaning
from newsprism.engines.local import Pipeline, StoryResult
from newsprism.errors import NewsprismError
from newsprism.ingest.dates import parse_date
from newsprism.model import Article, Story
from newsprism.render.terminal import visible
from newsprism.store import ReadOnlyStore, Store
from newsprism.stories.clock import as_utc, believable, latest_believable, system_clock
from newsprism.stories.cluster import ClusterSettings

if TYPE_CHECKING:
    from newsprism.engines.settings import PipelineSettings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "stories",
        help="list the stories of a store, or write a report per story of articles or a store",
        description=(
            "Without INPUTs: list the stories of the store (--db), or with --out write a report per "
            "stored story. With INPUTs: dedup and cluster them into stories and write a summary and "
            "comparison report per story into --out, with an index page."
        ),
        examples=[
            "newsprism stories --db news.db --since 2024-05-01",
            "newsprism stories --db news.db --out reports/",
            "newsprism stories examples/ --out reports/",
        ],
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="articles to group (files, folders, JSONL, URLs)")
    parser.add_argument("--db", metavar="PATH", help=f"the store (default without INPUTs: {DEFAULT_DB})")
    parser.add_argument("--since", metavar="DATE",
                        help="only stories with an article published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--out", metavar="DIR", help="write one HTML report per story and an index.html here")
    parser.add_argument(
        "--min-articles", type=int, default=1, metavar="N",
        help="reports only for stories of at least N articles (default: 1)",
    )
    parser.add_argument("--words", type=int, default=100, metavar="N",
                        help="summary length in words of each report (default: 100)")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table", help="listing format (default: table)")
    add_allow_private(parser)
    add_meaning(parser)
    add_settings_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    since = None
    if args.since is not None:
        since = parse_date(args.since)
        if since is None:
            raise NewsprismError(f"--since {args.since!r} is not a date (use YYYY-MM-DD)")
    if args.words < 1:  # before any work: each story's summary would fail on it
        raise NewsprismError(f"--words must be at least 1, got {args.words}")
    if args.inputs and args.db:
        raise NewsprismError("give INPUTs or --db, not both (to keep articles, run newsprism ingest first)")
    if args.inputs:
        if args.out is None:
            raise NewsprismError("with INPUTs, --out DIR is needed (to list stories, ingest them into a store)")
        return _report_inputs(args, since)
    if settings_from(args) != ClusterSettings():
        raise NewsprismError("--threshold and --dormant-days apply to INPUTs; a store's stories were "
                             "grouped when they were ingested")
    db = Path(args.db or DEFAULT_DB)
    if not db.exists():
        raise NewsprismError(f"{db}: no such store (create it with: newsprism ingest INPUT... --db {db})")
    with Store(db, read_only=args.out is None) as store:  # a listing never writes to the store
        rows = store.stories(since)
        if args.out is None:
            _list(rows, args.format)
            return 0
        stories = [
            Story(row.id, tuple(store.articles(row.id))) for row in rows if row.size >= args.min_articles
        ]
        left_out = _left_out(len(rows) - len(stories), f"of fewer than {args.min_articles} articles")
        pipeline = _report_pipeline(pipeline_settings(args, words=args.words))
        return _write_reports(stories, Path(args.out), pipeline, store, left_out)


def _list(rows: Sequence, form: str) -> None:
    if form == "jsonl":
        for row in rows:
            record = {
                "story": row.id, "title": row.title, "articles": row.size, "outlets": list(row.outlets),
                "first_published": row.first_published, "last_published": row.last_published,
                "lead": row.lead or None,
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}")
    for column in ("story", "articles", "outlets", "first", "last", "title"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for row in rows:
        outlets = ", ".join(row.outlets[:4]) + (f" +{len(row.outlets) - 4}" if len(row.outlets) > 4 else "")
        table.add_row(
            visible(row.id), str(row.size), visible(outlets), (row.first_published or "")[:10],
            (row.last_published or "")[:10], visible(row.title or _lead(row.lead)),
        )
    table_console().print(table)


def _lead(lead: str, words: int = 12) -> str:
    """An untitled story's opening words, marked as an excerpt."""
    shown = lead.split()[:words]
    return " ".join(shown) + "…" if shown else ""


def _report_inputs(args: argparse.Namespace, since: datetime | None) -> int:
    settings = pipeline_settings(args, cluster=settings_from(args), words=args.words)
    usable = with_text(read_articles(args.inputs, settings), "left out")
    if not usable:
        raise NewsprismError("no article with text to group into stories")
    pipeline = _report_pipeline(settings)
    clustering = pipeline.cluster(usable, track=lambda a: progress(a, "clustering"))
    for article in usable:
        if article.id in clustering.notes:
            warn(f"{article.where}: {clustering.notes[article.id]}")
    large = [story for story in clustering.stories if len(story.articles) >= args.min_articles]
    stories = [story for story in large
               if since is None or _ran_since(story.articles, since, settings.cluster.future_tolerance)]
    left_out = "".join((_left_out(len(clustering.stories) - len(large), f"of fewer than {args.min_articles} articles"),
                        _left_out(len(large) - len(stories), f"with no article since {args.since}")))
    return _write_reports(stories, Path(args.out), pipeline, None, left_out)


def _report_pipeline(settings: PipelineSettings) -> Pipeline:
    """The pipeline that ends in each story's report page, linked to the index one folder up."""
    from newsprism.render.html import render_report

    def page(result: StoryResult) -> str:
        assert result.analysis is not None and result.summary is not None and result.comparison is not None
        return render_report(result.analysis, result.summary, result.comparison, index_href="../index.html")

    return Pipeline(settings, render=page)


def _left_out(count: int, why: str) -> str:
    return f"; {count} {'story' if count == 1 else 'stories'} {why} left out" if count else ""


def _write_reports(stories: Sequence[Story], out: Path, pipeline: Pipeline, store: Store | None,
                   left_out: str = "") -> int:
    """One report per story under ``out/stories/`` and ``out/index.html``; a story whose analysis
    fails is reported and left out of the index, the others are still written. Returns the exit
    status: 1 when any story failed, as for a ``--clusters`` batch."""
    from newsprism.render.html import IndexEntry, render_index, story_headline
    from newsprism.render.json import comparison_to_dict, summary_to_dict

    pages = out / "stories"
    try:
        pages.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsprismError(f"cannot create {pages}: {error.strerror}") from error
    entries = []
    read_only_noted = False
    for story in progress(stories, "writing story reports"):
        result = pipeline.result(story)
        if result.error is not None:
            warn(f"story {story.id}: {result.error}; no report")
            continue
        analysis, summary, comparison, page = result.analysis, result.summary, result.comparison, result.output
        assert analysis is not None and summary is not None and comparison is not None and page is not None
        name = page_name(story.id)
        _write(pages / name, page)
        if store is not None and not store.read_only:
            try:
                store.save_analysis(story.id, "summary", summary_to_dict(summary, analysis))
                store.save_analysis(story.id, "comparison", comparison_to_dict(comparison, analysis))
            except ReadOnlyStore:  # found out on the first write: noted once below
                store.read_only = True
        if store is not None and store.read_only and not read_only_noted:
            warn(f"{store.path}: the store cannot be written; reports are written, but the analyses "
                 "are not kept in the store")
            read_only_noted = True
        entries.append(IndexEntry(
            id=story.id, href=f"stories/{name}", title=story_headline(story.articles, summary),
            articles=len(story.articles), outlets=story.outlets, dates=_date_range(story),
        ))
    _write(out / "index.html", render_index(entries))
    removed = _remove_stale_pages(pages, {page_name(entry.id) for entry in entries})
    if removed:
        left_out += f"; removed {removed} page{'s' * (removed != 1)} of an earlier run (stories not in this index)"
    reports = len(entries)
    failed = len(stories) - reports
    print(f"wrote {out / 'index.html'} and {reports} story report{'s' * (reports != 1)}" + left_out
          + (f"; {failed} failed (see the warnings above)" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def page_name(story_id: str) -> str:
    """The file name of a story's report page: the story id made a safe file name."""
    return f"{file_stem(story_id)}.html"


_GENERATOR = b'<meta name="generator" content="newsprism">'


def _remove_stale_pages(pages: Path, current: set[str]) -> int:
    """Delete the story pages an earlier run left in ``pages`` that this index does not list, so the
    folder holds one consistent set of reports; only pages newsprism wrote (its generator tag in
    their head) are touched. Returns how many were removed."""
    removed = 0
    for page in pages.glob("*.html"):
        if page.name in current:
            continue
        try:
            with page.open("rb") as handle:
                if _GENERATOR not in handle.read(2048):
                    continue
            page.unlink()
        except OSError as error:
            warn(f"{page}: a page of an earlier run could not be removed ({error.strerror or error})")
            continue
        removed += 1
    return removed


def _write(path: Path, page: str) -> None:
    """Write one page; a full disk or a read-only folder stops the run with one line naming the file."""
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"cannot write {path}: {error.strerror or error}") from error


def _ran_since(articles: Sequence[Article], since: datetime, future_tolerance: timedelta) -> bool:
    """Whether an article was published on or after ``since``, as the store decides it: a date
    without a zone is read as UTC, and a date in the future (beyond ``future_tolerance``) is a wrong
    date that does not count."""
    latest = latest_believable(system_clock, future_tolerance)
    return any(a.published is not None and as_utc(since) <= as_utc(a.published) and believable(a.published, latest)
               for a in articles)


def _date_range(story: Story) -> str:
    """When the story ran, for the index: "1998-10-16" or "1998-10-16 to 1998-11-24"; "" when undated."""
    days = sorted(a.published.date().isoformat() for a in story.articles if a.published)
    if not days:
        return ""
    return days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
