"""Articles as flat rows, and the per-story results of a run, the same for every engine.

A run writes the same tables whichever engine computed them (``run_layout``): ``articles/`` (one
row per article: its id, story, ``duplicate_of`` and its fields), ``stories/``, ``summaries/`` and
``comparisons/`` (the JSON contracts of ``newsprism summarize``/``compare``, one document per
story). Spark moves articles between executors as such rows (columns, not pickled objects), so the
conversion lives here once: an article read back from its row is what both engines analyse, which
is what makes their summaries of the same story identical.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsprism.errors import NewsprismError
from newsprism.model import Article, Removal, Story
from newsprism.stories.cluster import article_time

if TYPE_CHECKING:
    from newsprism.engines.settings import PipelineSettings

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "text", "outlet", "url", "title", "published", "language", "source", "removed", "meta",
)
"""An article's fields as columns: ``published`` is ISO 8601 (its zone kept), ``removed`` and ``meta``
are JSON text."""

RUN_COLUMNS: tuple[str, ...] = ("id", "story", "duplicate_of", "time", *ARTICLE_COLUMNS[1:])
"""The columns of ``articles/``: the article's id, story and original, its time (seconds since the
epoch, from its date or its URL's; null when it has neither), then its fields."""

STORY_COLUMNS: tuple[str, ...] = ("story", "articles", "outlets", "first_published", "last_published")
RESULT_COLUMNS: tuple[str, ...] = ("story", "document", "error")
"""``summaries/`` and ``comparisons/``: the JSON document of each story, or null and the error that
stopped its analysis."""


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def article_row(article: Article) -> dict[str, Any]:
    """One article as a flat row of strings (``ARTICLE_COLUMNS``)."""
    return {
        "id": article.id,
        "text": article.text,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "source": article.source,
        "removed": json.dumps([[r.line, r.reason] for r in article.removed], ensure_ascii=False),
        "meta": json.dumps(dict(article.meta), ensure_ascii=False, default=_json_default),
    }


def _present(value: Any) -> bool:
    """Whether a cell holds a value: pandas gives a missing string as None or as NaN."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The article ``article_row`` made a row of (``meta`` read back from JSON: tuples become lists)."""
    def text(name: str) -> str | None:
        value = row.get(name)
        return str(value) if _present(value) else None

    published = text("published")
    return Article(
        id=str(row["id"]),
        text=str(row["text"]),
        outlet=text("outlet") or "",
        url=text("url"),
        title=text("title"),
        published=datetime.fromisoformat(published) if published else None,
        language=text("language"),
        source=text("source"),
        removed=tuple(Removal(line, reason) for line, reason in json.loads(text("removed") or "[]")),
        meta=json.loads(text("meta") or "{}"),
    )


def as_analysed(article: Article) -> Article:
    """The article as an engine analyses it: through its row and back, so that both engines see
    exactly the same values."""
    return article_from_row(article_row(article))


def arrival_key(article: Article) -> str:
    """A string that sorts articles as ``arrival_order`` does (time, then id; undated last), so that
    engines can order and pick "the first" with a plain ``min`` of one column."""
    return time_key(article_time(article), article.id)


def time_key(when: float | None, article_id: str) -> str:
    """``arrival_key`` from an article's time and id."""
    if when is None:
        return f"1|{'':>24}|{article_id}"
    return f"0|{when + 1e12:024.6f}|{article_id}"  # shifted: dates before 1970 sort before later ones


def story_id(first_article_id: str) -> str:
    """A story's id from its first article (in arrival order): the same whichever engine ran and
    however the input was partitioned."""
    return "story-" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


def story_articles(articles: Sequence[Article]) -> list[Article]:
    """A story's articles in arrival order, the order both engines analyse them in."""
    return sorted(articles, key=arrival_key)


def story_row(story: str, articles: Sequence[Article]) -> dict[str, Any]:
    """The ``stories/`` row of one story."""
    dates = sorted(a.published.isoformat() for a in articles if a.published)
    return {
        "story": story,
        "articles": len(articles),
        "outlets": sorted({a.display_outlet for a in articles}),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
    }


def story_results(story: str, articles: Sequence[Article], settings: PipelineSettings, *,
                  report: bool = False) -> dict[str, Any]:
    """A story's summary and comparison as JSON documents (and its report page when ``report``),
    made by the pipeline (``Pipeline.result``: one analysis, then the summary and the comparison)
    from its articles in arrival order. A story whose analysis fails gets the error instead, so that
    one bad story does not stop a run of millions."""
    from newsprism.engines.local import Pipeline
    from newsprism.render.json import comparison_to_dict, summary_to_dict

    result: dict[str, Any] = {"story": story, "summary": None, "comparison": None, "error": None,
                              "page": None, "title": None}
    done = Pipeline(settings).result(Story(story, tuple(story_articles(articles))))
    if done.error is not None or done.analysis is None or done.summary is None or done.comparison is None:
        result["error"] = str(done.error or "no analysis")
        return result
    result["summary"] = json.dumps(summary_to_dict(done.summary, done.analysis), ensure_ascii=False, sort_keys=True)
    result["comparison"] = json.dumps(comparison_to_dict(done.comparison, done.analysis), ensure_ascii=False,
                                      sort_keys=True)
    if report:
        from newsprism.render.html import render_report, story_headline

        try:
            result["page"] = render_report(done.analysis, done.summary, done.comparison, index_href="../index.html")
            result["title"] = story_headline(done.analysis.story.articles, done.summary)
        except NewsprismError as error:
            result["error"] = str(error)
    return result
