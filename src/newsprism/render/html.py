"""The standalone HTML report of one story, and an index page of many stories' reports.

The report is one file that works offline and forever: CSS, the small script and the coverage
picture (SVG) are inline, nothing is fetched. Every piece of article text goes through Jinja2's
autoescaping; the article texts the script needs (to show where a sentence came from) travel as a
JSON block whose ``<``, ``>`` and ``&`` are escaped, and the script only ever writes them with
``textContent``. A Content-Security-Policy that allows only the page's own script (by its hash) and
no network at all is a second wall: even text that slipped through could neither run nor call home.

The page reads the same ``StoryAnalysis`` the summary and the comparison were built from; it
computes nothing about the story itself, it only arranges what they found.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timezone
from functools import lru_cache
from typing import Any

import jinja2

from newsprism.analysis.figures import display_value
from newsprism.analysis.headlines import agreed_title
from newsprism.errors import NewsprismError
from newsprism.model import (
    Article,
    Comparison,
    Fact,
    FigureReading,
    QuoteGroup,
    Sentence,
    Span,
    StoryAnalysis,
    Summary,
)
from newsprism.render.text import counted, said_and_done, sourcing_line, speaker_of

log = logging.getLogger(__name__)

OUTLET_COLOURS: tuple[str, ...] = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#6a3d9a", "#8c564b",
)
"""Outlet colours: the Okabe–Ito colour-blind-safe palette (yellow and black left out, they do not
read as badge colours on white), then a purple and a brown; beyond eight outlets colours repeat and
the outlet name in the badge tells them apart."""

SAFE_URL_SCHEMES = ("http://", "https://")
"""Article links are rendered only for these schemes (a ``javascript:`` URL in hostile input must
never become a clickable link)."""

SPAN_LABELS = {"pos": "positive", "neg": "negative"}
"""How the framing stage's span labels read on the page (they also become CSS classes)."""


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """How much the report shows before folding the rest away.

    The defaults keep a story's page readable on a laptop screen and its file small (the sizes
    measured: docs/evaluation.md, "The report page"); nothing is dropped, longer lists fold into a
    "more" section and the matrix says how many facts it leaves out.
    """

    list_limit: int = 6
    """Facts shown per list (an outlet's exclusives, its omissions, consensus) before folding."""
    matrix_max_facts: int = 240
    """Most facts drawn as columns of the coverage matrix (most widely reported first)."""
    matrix_cell: int = 20
    """Widest column of the coverage matrix in pixels (columns narrow to fit many facts)."""
    matrix_min_cell: int = 4
    """Narrowest column: below this a column cannot be hovered or clicked."""
    matrix_row: int = 18
    """Row height of the coverage matrix: one line of the outlet labels."""
    matrix_width: int = 960
    """Target width of the coverage matrix in pixels (a laptop screen's main column)."""
    context_chars: int = 600
    """Most characters of surrounding paragraph shown either side of a sentence in the source panel
    (texts without line breaks would otherwise show the whole article as one paragraph)."""
    figure_context_chars: int = 90
    """Most characters of its sentence shown either side of a figure (about half a line)."""
    badge_limit: int = 6
    """Outlet badges shown on a line before the rest are summarised as "+N"."""

    def __post_init__(self) -> None:
        for name in ("list_limit", "matrix_max_facts", "matrix_cell", "matrix_min_cell",
                     "matrix_row", "matrix_width", "context_chars", "figure_context_chars", "badge_limit"):
            if getattr(self, name) < 1:
                raise NewsprismError(f"ReportSettings.{name} must be at least 1, got {getattr(self, name)}")
        if self.matrix_min_cell > self.matrix_cell:
            raise NewsprismError(
                f"ReportSettings.matrix_min_cell ({self.matrix_min_cell}) must not exceed "
                f"matrix_cell ({self.matrix_cell})"
            )


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One story on the index page: a link to its report, its size and its outlets.

    ``href`` is relative to the index page (``"stories/s17.html"``) or an http(s) URL; anything
    else with a scheme (``javascript:``) is refused.
    """

    id: str
    href: str
    title: str = ""
    articles: int = 0
    outlets: tuple[str, ...] = ()
    dates: str = ""
    """When the story ran, as the index should show it ("2017-12-29" or "2017-12-29 to 2018-01-02")."""

    def __post_init__(self) -> None:
        _check_link(self.href, f"index entry {self.id!r}: href")
        object.__setattr__(self, "outlets", tuple(self.outlets))


def _check_link(href: str, what: str) -> None:
    """Refuse a link that is neither relative nor http(s): a ``javascript:`` link would run in the page."""
    scheme, colon, _ = href.partition(":")
    if colon and "/" not in scheme and not href.startswith(SAFE_URL_SCHEMES):
        raise ValueError(f"{what} {href!r} must be relative or http(s)")


def story_title(articles: Sequence[Article]) -> str | None:
    """Among the titles that read as words (not an id such as "APW19981016.0240"), the headline
    the outlets agree on most (``agreed_title``); None when no article has one."""
    return agreed_title([a for a in articles if a.title and not looks_like_id(a.title)])


def story_headline(articles: Sequence[Article], summary: Summary) -> str:
    """What a story is called: its ``story_title``, else its first summary sentence, shortened at a word."""
    if title := story_title(articles):
        return title
    if summary.sentences:
        return _shorten(summary.sentences[0].sentence.text, 110)
    return f"Untitled story of {counted(len(articles), 'article')}"


_ID = re.compile(r"[\w.:/#-]+")


def looks_like_id(text: str) -> bool:
    """Whether a title is an opaque identifier: one token with three digits or more ("s17",
    "story-0042", "APW19981016.0240", a hash) rather than words ("Brexit", "COVID-19")."""
    text = text.strip()
    return bool(_ID.fullmatch(text)) and (sum(c.isdigit() for c in text) >= 3 or bool(re.fullmatch(r"[a-z]+-?\d+", text)))


def story_label(story_id: str) -> str:
    """"story s3" for an id, but "story-3" alone: an id that already says "story" is not repeated
    (the report's kicker read "STORY STORY-3")."""
    return story_id if story_id.casefold().startswith("story") else f"story {story_id}"


def _natural(text: str) -> tuple:
    """A sort key that orders the numbers inside ids by value: "s2" before "s10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part)


def render_report(
    analysis: StoryAnalysis,
    summary: Summary,
    comparison: Comparison,
    settings: ReportSettings = ReportSettings(),
    *,
    index_href: str | None = None,
    article_pages: Mapping[str, str] | None = None,
) -> str:
    """One standalone HTML page: the attributed summary, then how each outlet covered the story.

    ``index_href`` (relative or http(s)) adds a link back to the index page the report belongs to.
    ``article_pages`` maps article ids to a page of the whole article (relative or http(s)); the
    source panel then links to it with the span it shows (``?start=S&end=E``), as the web app does.
    """
    if index_href is not None:
        _check_link(index_href, "index_href")
    for article_id, href in (article_pages or {}).items():
        _check_link(href, f"article_pages[{article_id!r}]")
    if summary.story != analysis.story.id or comparison.story != analysis.story.id:
        raise ValueError(
            f"summary ({summary.story!r}) and comparison ({comparison.story!r}) must be of the "
            f"analysed story {analysis.story.id!r}"
        )
    page = _ReportBuilder(analysis, summary, comparison, settings, article_pages or {})
    env = _environment()
    assert env.loader is not None  # _environment gives it the package's templates
    script, _, _ = env.loader.get_source(env, "report.js")  # plain JavaScript, not a template
    context = {**page.context(), "script": script, "script_hash": _csp_hash(script), "index_href": index_href}
    html = env.get_template("report.html.j2").render(context)
    log.info("report of story %s: %d articles, %d characters", analysis.story.id, len(page.articles), len(html))
    return html


def render_index(entries: Iterable[IndexEntry | Mapping[str, Any]], title: str = "Stories") -> str:
    """An index page listing stories, largest first, then the most recent, each linking to its report.

    Entries may be ``IndexEntry`` records or mappings with the same keys.
    """
    rows = [e if isinstance(e, IndexEntry) else IndexEntry(**e) for e in entries]
    rows.sort(key=lambda e: _natural(e.id))  # "s2" before "s10"
    rows.sort(key=lambda e: e.dates[-10:], reverse=True)  # the latest day first; undated last
    rows.sort(key=lambda e: (-e.articles, -len(e.outlets)))
    all_outlets = {o for e in rows for o in e.outlets}
    return _environment().get_template("index.html.j2").render(
        title=title,
        entries=rows,
        total_articles=sum(e.articles for e in rows),
        total_outlets=len(all_outlets),
    )


# --- page assembly ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ref:
    """Where a piece of text on the page came from: article number (in the page's data) and span."""

    article: int
    start: int
    end: int
    fact: int | None = None


class _ReportBuilder:
    """Turns the analysis, summary and comparison into the plain values the template lays out."""

    def __init__(
        self, analysis: StoryAnalysis, summary: Summary, comparison: Comparison, settings: ReportSettings,
        article_pages: Mapping[str, str] | None = None,
    ) -> None:
        self.analysis = analysis
        self.article_pages = article_pages or {}
        self.summary = summary
        self.comparison = comparison
        self.settings = settings
        self.articles = analysis.story.articles
        self.article_number = {a.id: i for i, a in enumerate(self.articles)}
        outlets = list(comparison.outlets)
        outlets += [o for o in analysis.story.outlets if o not in outlets]
        self.outlets = tuple(outlets)
        self.outlet_number = {o: i for i, o in enumerate(self.outlets)}
        self.consensus_ids = {f.id for f in comparison.consensus}
        # an entry may hold the pieces of one quotation, each a fact of its own (``compare.whole_quotations``)
        self.exclusive_ids = {analysis.fact_of[(s.article, s.index)] for facts in comparison.exclusives.values()
                              for f in facts for s in f.sentences}

    # references -------------------------------------------------------------------------------

    def ref(self, article_id: str, start: int, end: int, fact: Fact | None = None) -> _Ref:
        return _Ref(self.article_number[article_id], start, end, None if fact is None else fact.id)

    def sentence_ref(self, sentence: Sentence, fact: Fact | None = None) -> _Ref:
        return self.ref(sentence.article, sentence.start, sentence.end, fact)

    def fact_view(self, fact: Fact) -> dict[str, Any]:
        """A fact as a line: its representative sentence; for a fact of several articles, every
        other article's own sentence too and how sure the alignment is that they tell one fact (an
        exclusive shown as a whole quotation holds its own pieces, no other article's)."""
        return {
            "text": fact.representative.text,
            "ref": self.sentence_ref(fact.representative, fact),
            "outlets": self.badges(fact.outlets),
            "confidence": round(100 * fact.confidence),
            "doubtful": fact.id in self.comparison.doubtful,
            "versions": [
                {"outlet": self.badge(self.analysis.outlet_of(s.article)), "text": s.text, "ref": self.sentence_ref(s, fact)}
                for s in fact.sentences if s.article != fact.representative.article
            ],
        }

    def kind(self, fact: Fact) -> str:
        """How the comparison classed a fact; "other" for facts it counts as neither (short lines)."""
        if fact.id in self.consensus_ids:
            return "consensus"
        if fact.id in self.exclusive_ids:
            return "exclusive"
        return "other"

    def badges(self, outlets: Sequence[str]) -> dict[str, Any]:
        """Outlet badges for a line, the first few shown and the rest counted."""
        shown = [self.badge(o) for o in outlets[: self.settings.badge_limit]]
        hidden = list(outlets[self.settings.badge_limit:])
        return {"shown": shown, "hidden": hidden}

    def badge(self, outlet: str) -> dict[str, Any]:
        number = self.outlet_number.get(outlet)
        if number is None:  # an outlet only a component knows; give it the next colour
            number = self.outlet_number[outlet] = len(self.outlet_number)
        return {"name": outlet, "colour": number % len(OUTLET_COLOURS)}

    def folded(self, facts: Sequence[Fact]) -> dict[str, Any]:
        views = [self.fact_view(f) for f in facts]
        limit = self.settings.list_limit
        return {"shown": views[:limit], "more": views[limit:]}

    # sections ---------------------------------------------------------------------------------

    def summary_view(self) -> list[dict[str, Any]]:
        total = len(self.outlets)
        return [
            {
                "text": item.sentence.text,
                "ref": self.sentence_ref(item.sentence, item.fact),
                "outlets": self.badges(item.outlets),
                "support": len(item.outlets),
                "share": len(item.outlets) / total if total else 0.0,
            }
            for item in self.summary.sentences
        ]

    def outlet_views(self) -> list[dict[str, Any]]:
        shared_facts = [f for f in self.analysis.facts if len(f.outlets) > 1]
        views = []
        for outlet in self.outlets:
            articles = [a for a in self.articles if a.display_outlet == outlet]
            views.append({
                "badge": self.badge(outlet),
                "articles": [self.article_view(a) for a in articles],
                "shared": sum(1 for f in shared_facts if outlet in f.outlets),
                "shared_total": len(shared_facts),
                "facts": sum(1 for f in self.analysis.facts if outlet in f.outlets),
                "exclusives": self.folded(self.comparison.exclusives.get(outlet, ())),
                "omissions": self.folded(self.comparison.omissions.get(outlet, ())),
            })
        return views

    def timeline_view(self) -> list[dict[str, Any]]:
        """Every article in the order it was published (undated last), with its outlet."""
        def moment(article: Article) -> tuple[bool, str]:
            published = article.published
            if published is None:
                return True, ""
            return False, (published if published.tzinfo else published.replace(tzinfo=timezone.utc)).astimezone(
                timezone.utc).isoformat()

        return [{**self.article_view(a), "badge": self.badge(a.display_outlet),
                 "time": a.published.strftime("%Y-%m-%d %H:%M") if a.published else None}
                for a in sorted(self.articles, key=moment)]

    def article_view(self, article: Article) -> dict[str, Any]:
        return {
            "title": _article_label(article),
            "page": self.article_pages.get(article.id),
            "url": _safe_url(article),
            "published": article.published.date().isoformat() if article.published else None,
            "sentences": len(self.analysis.sentences.get(article.id, ())),
            "removed": article.removed,
        }

    def quote_views(self, groups: Sequence[QuoteGroup]) -> list[dict[str, Any]]:
        """Quote groups by speaker (``speaker_of``), the most widely carried speakers first."""
        by_speaker: dict[str, list[QuoteGroup]] = defaultdict(list)
        for group in groups:
            by_speaker[speaker_of(group)].append(group)
        speakers: list[dict[str, Any]] = []
        for speaker, groups in by_speaker.items():
            groups.sort(key=lambda g: (-len(g.outlets), not g.quotes[0].direct))
            speakers.append({
                "speaker": speaker,
                "outlets": len({o for g in groups for o in g.outlets}),
                "groups": [
                    {
                        "text": g.text,
                        "ref": self.ref(g.quotes[0].article, g.quotes[0].start, g.quotes[0].end),
                        "outlets": self.badges(g.outlets),
                        "variants": [
                            {
                                "text": q.text,
                                "outlet": self.badge(self.analysis.outlet_of(q.article)),
                                "ref": self.ref(q.article, q.start, q.end),
                                "direct": q.direct,
                            }
                            for q in g.quotes[1:]
                        ],
                        "verb": g.quotes[0].verb,
                        "direct": g.quotes[0].direct,
                    }
                    for g in groups
                ],
            })
        speakers.sort(key=lambda s: (-s["outlets"], -len(s["groups"]), s["speaker"]))
        return speakers

    def figure_views(self) -> dict[str, list[dict[str, Any]]]:
        """Quantities several outlets give, split by whether they agree, then figures only one gives."""
        shared: dict[int, list[FigureReading]] = defaultdict(list)
        single: dict[tuple[str, str], list[FigureReading]] = defaultdict(list)
        for reading in self.comparison.figures:
            if reading.group >= 0:
                shared[reading.group].append(reading)
            else:
                single[(reading.figure.counts, reading.figure.unit)].append(reading)
        views = [self.figure_group(readings) for readings in shared.values()]
        return {
            "conflicts": [v for v in views if v["conflict"]],
            "agreed": [v for v in views if not v["conflict"]],
            "single": [self.figure_group(readings) for readings in single.values()],
        }

    def figure_group(self, readings: Sequence[FigureReading]) -> dict[str, Any]:
        """One quantity: what it counts (as most readings say) and each outlet's reading of it."""
        counts = Counter(r.figure.counts for r in readings).most_common(1)[0][0]
        unit = Counter(r.figure.unit for r in readings).most_common(1)[0][0]
        ordered = sorted(readings, key=lambda r: self.outlet_number.get(r.outlet, len(self.outlets)))
        return {
            "counts": counts or "(unspecified)",
            "unit": unit,
            "conflict": any(r.conflict for r in readings),
            "readings": [
                {
                    "outlet": self.badge(r.outlet),
                    "value": display_value(r.figure),
                    "text": r.figure.text,
                    "context": self.context_of(r.figure.article, r.figure.start, r.figure.end),
                    "conflict": r.conflict,
                    "ref": self.ref(r.figure.article, r.figure.start, r.figure.end),
                }
                for r in ordered
            ],
        }

    def context_of(self, article_id: str, start: int, end: int) -> tuple[str, str]:
        """The text of the sentence around a span, before and after it (shortened at the far ends)."""
        text = self.analysis.story.article(article_id).text
        sentence = next(
            (s for s in self.analysis.sentences.get(article_id, ()) if s.start <= start and end <= s.end), None
        )
        first, last = (sentence.start, sentence.end) if sentence else (start, end)
        limit = self.settings.figure_context_chars
        before, after = text[first:start], text[end:last]
        if len(before) > limit:  # cut between words: "…the participation of", not "…hrough talks"
            kept = before[-limit:]
            whole = kept if before[-limit - 1].isspace() else kept.partition(" ")[2]
            before = "…" + (whole or kept).lstrip()
        if len(after) > limit:
            kept = after[:limit]
            whole = kept if after[limit].isspace() else kept.rpartition(" ")[0]
            after = (whole or kept).rstrip() + "…"
        return before, after

    def framing_views(self) -> list[dict[str, Any]]:
        views = []
        for outlet in self.outlets:
            framing = self.comparison.framing.get(outlet)
            if framing is None:
                continue
            verbs = sorted(framing.attribution_verbs.items(), key=lambda kv: (-kv[1], kv[0]))
            views.append({
                "badge": self.badge(outlet),
                "verbs": verbs,
                "loaded": self.span_views(framing.loaded),
                "hedges": self.span_views(framing.hedges),
                "naming": sorted(framing.naming.items()),
                "tone": framing.tone,
                "tone_pct": round(max(-1.0, min(1.0, framing.tone)) * 50),
                "headline": framing.headline,
                "headline_loaded": list(dict.fromkeys(s.text.lower() for s in framing.headline_loaded)),
                "sourcing": sourcing_line(framing.sourcing, framing.quoted),
            })
        return views

    def span_views(self, spans: Sequence[Span]) -> list[dict[str, Any]]:
        """Distinct words of a framing list with how often they occur; each links to its first use."""
        seen: dict[str, dict[str, Any]] = {}
        for span in spans:
            key = span.text.lower()
            if key in seen:
                seen[key]["count"] += 1
            else:
                seen[key] = {"text": span.text, "label": SPAN_LABELS.get(span.label, span.label), "count": 1,
                             "ref": self.ref(span.article, span.start, span.end)}
        return sorted(seen.values(), key=lambda v: (-v["count"], v["text"].lower()))

    def matrix_view(self) -> dict[str, Any]:
        """The coverage matrix: outlets as rows, facts as columns, most widely reported first."""
        s = self.settings
        facts = sorted(self.analysis.facts, key=lambda f: (-len(f.outlets), f.id))
        drawn = facts[: s.matrix_max_facts]
        label_width = 12 + 7 * min(24, max((len(o) for o in self.outlets), default=0))
        fit = (s.matrix_width - label_width) // max(1, len(drawn))
        cell = max(s.matrix_min_cell, min(s.matrix_cell, fit))
        row = max(s.matrix_row, min(cell, s.matrix_cell))
        omitted_by = {o: {f.id for f in omitted} for o, omitted in self.comparison.omissions.items()}
        columns = []
        for i, fact in enumerate(drawn):
            kind = self.kind(fact)
            cells = []
            for r, outlet in enumerate(self.outlets):
                if outlet in fact.outlets:
                    cells.append({"y": r * row, "state": kind})
                elif fact.id in omitted_by.get(outlet, ()):
                    cells.append({"y": r * row, "state": "omitted"})
            columns.append({
                "x": label_width + i * cell,
                "ref": self.sentence_ref(fact.representative, fact),
                "tip": f"{_shorten(fact.representative.text, 160)} — "
                       f"{len(fact.outlets)} of {len(self.outlets)} outlets: {', '.join(fact.outlets)}",
                "cells": cells,
            })
        return {
            "cell": cell,
            "row": row,
            "gap": 1 if cell >= 6 else 0,
            "label_width": label_width,
            "width": label_width + len(drawn) * cell + 2,
            "height": len(self.outlets) * row,
            "rows": [{"y": r * row, "outlet": o, "label": _shorten(o, 24)} for r, o in enumerate(self.outlets)],
            "columns": columns,
            "total": len(facts),
            "not_drawn": len(facts) - len(drawn),
            "multi": sum(1 for f in facts if len(f.outlets) > 1),
        }

    def page_data(self) -> str:
        """The JSON the page's script reads: article texts and the sentences of each shared fact."""
        data = {
            "context": self.settings.context_chars,
            "articles": [
                {
                    "outlet": a.display_outlet,
                    "colour": self.badge(a.display_outlet)["colour"],
                    "title": _article_label(a),
                    "id": a.id,
                    "url": _safe_url(a),
                    "page": self.article_pages.get(a.id),
                    "text": a.text,
                }
                for a in self.articles
            ],
            "facts": {
                str(f.id): [[self.article_number[s.article], s.start, s.end] for s in f.sentences]
                for f in self.analysis.facts
                if len(f.sentences) > 1
            },
        }
        return _script_json(data)

    def context(self) -> dict[str, Any]:
        dates = sorted(a.published.date() for a in self.articles if a.published)  # aware and naive mix
        figures = self.figure_views()
        consensus = self.folded(self.comparison.consensus)
        said, others = said_and_done(self.comparison.quotes)
        return {
            "headline": story_headline(self.articles, self.summary),
            "story": self.analysis.story.id,
            "story_label": story_label(self.analysis.story.id),
            "n_articles": len(self.articles),
            "outlets": [self.badge(o) for o in self.outlets],
            "dates": (dates[0].isoformat(), dates[-1].isoformat()) if dates else None,
            "n_facts": len(self.analysis.facts),
            "summary": self.summary_view(),
            "consensus": consensus,
            "n_consensus": len(self.comparison.consensus),
            "matrix": self.matrix_view(),
            "outlet_views": self.outlet_views(),
            "timeline": self.timeline_view(),
            "quotes": self.quote_views(said),
            "positions": self.quote_views(others),
            "figures": figures,
            "framing": self.framing_views(),
            "colours": OUTLET_COLOURS,
            "data": self.page_data(),
        }


# --- helpers ---------------------------------------------------------------------------------


def template_environment(package: str) -> jinja2.Environment:
    """The Jinja2 environment of the templates in ``package``'s ``templates`` folder, as every page
    of newsprism renders them (the reports here, the web app's pages): autoescaped, a missing
    variable an error rather than an empty string, and the ``count`` filter
    (``n|count("fact")``: "1 fact", "2 facts")."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["count"] = counted
    return env


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return template_environment("newsprism.render")


def _csp_hash(script: str) -> str:
    """The base64 SHA-256 a Content-Security-Policy names to allow exactly this inline script."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _script_json(data: Any) -> str:
    """JSON safe to place inside a ``<script type="application/json">`` element.

    Escaping ``<``, ``>`` and ``&`` as JSON unicode escapes means no article text can close the
    element (``</script>``) or open a comment; ``JSON.parse`` restores them exactly.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _article_label(article: Article) -> str:
    """An article's title, else the last part of where it came from (a file name, not its folders)."""
    if article.title:
        return article.title
    if article.source:
        return article.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return article.id


def _safe_url(article: Article) -> str | None:
    """The article's URL when it is one a link may point to (http or https), else None."""
    return article.url if article.url and article.url.startswith(SAFE_URL_SCHEMES) else None


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters at a word boundary when one is near."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    words = text[:limit].rsplit(" ", 1)[0]  # a word ending just before the cut is kept whole
    return (words if len(words) > limit // 2 else cut).rstrip() + "…"

