"""Junk lines out, with a reason for each: the body text every later stage reads.

Scraped text carries page furniture the HTML extractor never saw (section labels, teasers,
copyright lines, sign-up prompts, photo credits, share buttons, web archive notices). Left in, it
becomes "facts" that every copy from an outlet shares, and summaries quote it. The cleaner works
line by line because scrapers and datasets give one paragraph per line, and it never drops a line
silently: each removed line is recorded on ``Article.removed`` with its reason (so a user can
check what went), bylines and datelines move to ``Article.meta``, and the headline moves to
``Article.title``.

Four kinds of evidence are used, from the most to the least certain:

* patterns for junk lines (``newsprism.text.junk``), matched against the whole line;
* position: lines above the headline are page header; short label lines before the first or after
  the last body paragraph are navigation;
* a dateline or a known lead-in at the start of a line is cut off, the rest of the line kept;
* repetition: a line that is not a sentence and recurs in several articles of one outlet is a
  template (only ``clean_articles`` sees the batch).

A line that reads like a sentence is never removed for its position or its repetition alone: DUC
2004 text has one sentence per line ("Q.", "It was chaos."), and wire stories repeat whole
sentences across their updates.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsprism.errors import NewsprismError
from newsprism.ingest.outlets import is_known_outlet, normalize_outlet
from newsprism.ingest.text import HeadlineRule, find_title
from newsprism.model import Article, Removal
from newsprism.text import junk

log = logging.getLogger(__name__)

_BULLET = re.compile(r"^\s*[-•*–]\s+")
_TERMINAL = re.compile(r"""(?:[.!?…]|\.\.\.)["'”’)\]]*$""")


@dataclass(frozen=True, slots=True)
class CleanSettings:
    """The cleaner's thresholds; the defaults come from the junk seen in the evaluation data.

    ``min_body_words``: a body paragraph has at least this many words and ends like a sentence
    (the shortest lead paragraphs in BASIL and AllSides run 6-7 words).
    ``max_label_words``: navigation and section labels ("L.A. Now", "Essential Washington",
    "Site Mobile Navigation") are at most this many words.
    ``header_lines``: how many non-blank lines from the top the headline is looked for in (the
    plain-text reader's headline rule scans 6; scraped pages put up to a few more labels above).
    ``max_byline_words``: "By Jane Doe and John Roe, Staff Writers" and no longer.
    ``max_headings``: a page opens with at most a headline and a subheadline; more unpunctuated
    lines above the body are a list of key points (BBC summaries) and stay.
    ``max_navigation_run``: labels before or after the body are navigation only in a run of at
    most this many lines; a longer run of short lines is a list or a schedule of the article (the
    lists the position rule used to remove in the article extraction benchmark ran 12 to 26 lines;
    the labels around the Los Angeles Times seed's body run at most 5).
    ``min_table_bars``/``max_table_cell_words``: a line with at least this many "|" cell borders
    and no cell longer than this many words is a row of a data table (removed as ``"table-row"``).
    ``min_caps_headline_words``: a line all in capitals of at least this many words is a linked
    headline of another story (tabloids set them inside the body), removed as ``"teaser"``;
    subheadings in capitals are shorter.
    ``headline``: the plain-text reader's headline rule, used when no title was given.
    ``repeat_min_articles``: a non-sentence line in this many articles of one outlet is a
    template; two articles may share a line by chance (a quoted slogan), three rarely do.
    """

    min_body_words: int = 6
    max_label_words: int = 6
    header_lines: int = 8
    max_byline_words: int = 12
    repeat_min_articles: int = 3
    max_headings: int = 2
    max_navigation_run: int = 8
    min_table_bars: int = 2
    max_table_cell_words: int = 30
    min_caps_headline_words: int = 7
    headline: HeadlineRule = HeadlineRule()
    line_patterns: tuple[junk.JunkPattern, ...] = field(default=junk.LINE_PATTERNS, repr=False)
    lead_in_patterns: tuple[junk.JunkPattern, ...] = field(default=junk.LEAD_IN_PATTERNS, repr=False)
    trailer_patterns: tuple[junk.JunkPattern, ...] = field(default=junk.TRAILER_PATTERNS, repr=False)

    def __post_init__(self) -> None:
        for name in ("min_body_words", "max_label_words", "header_lines", "max_byline_words", "max_headings",
                     "max_navigation_run", "min_table_bars", "max_table_cell_words",
                     "min_caps_headline_words"):
            if getattr(self, name) < 1:
                raise NewsprismError(f"CleanSettings.{name} must be >= 1, got {getattr(self, name)}")
        if self.repeat_min_articles < 2:
            raise NewsprismError(
                f"CleanSettings.repeat_min_articles must be >= 2 (a line repeats across at least two "
                f"articles), got {self.repeat_min_articles}"
            )


DEFAULT_SETTINGS = CleanSettings()


def _norm(line: str) -> str:
    return " ".join(line.split())


def _words(line: str) -> int:
    return len(line.split())


def is_sentence(line: str) -> bool:
    """Whether a line ends like a sentence ("Q.", "It was chaos.", "How much longer?")."""
    return bool(_TERMINAL.search(line))


def _is_body(line: str, settings: CleanSettings) -> bool:
    return _words(line) >= settings.min_body_words and is_sentence(line)


def _is_label(line: str, settings: CleanSettings) -> bool:
    return _words(line) <= settings.max_label_words and not is_sentence(line) and not line.endswith(":")


def junk_reason(line: str, settings: CleanSettings = DEFAULT_SETTINGS) -> str | None:
    """The reason a whole line is junk by its own content, or None when it may be body text."""
    text = _norm(line)
    for rule in settings.line_patterns:
        if rule.pattern.fullmatch(text):
            return rule.reason
    if junk.is_prompt(text):
        return "prompt"
    if _is_table_row(text, settings):
        return "table-row"
    if _is_caps_headline(text, settings):
        return "teaser"
    if _byline(text, settings):
        return "byline"
    if junk.DATELINE_LINE.fullmatch(text) and (_words(text) <= settings.max_label_words):
        return "dateline"
    return None


def _is_table_row(text: str, settings: CleanSettings) -> bool:
    """Whether a line is a row of a data table ("| Name | Party | E-mail |"), which is no sentence.

    A row has at least ``min_table_bars`` "|" and no cell long enough to be prose (a
    page laid out in a table puts its whole body in one cell: that row is the article).
    """
    cells = text.strip().strip("|").split("|")
    return (text.count("|") >= settings.min_table_bars
            and all(_words(cell) <= settings.max_table_cell_words for cell in cells))


def _is_caps_headline(text: str, settings: CleanSettings) -> bool:
    """Whether a line is a linked headline set in capitals inside the body, as some outlets put
    related stories ("SENATOR SAYS THE BILL WILL PASS BY FRIDAY"): ``min_caps_headline_words``
    words or more, every letter a capital, not ending like a sentence. Shorter capitalised lines
    are subheadings ("WHAT THE BILL DOES") and stay."""
    letters = [c for c in text if c.isalpha()]
    return (_words(text) >= settings.min_caps_headline_words and len(letters) >= 15 and all(c.isupper() for c in letters)
            and not is_sentence(text))


def _byline(text: str, settings: CleanSettings) -> str | None:
    match = junk.BYLINE.fullmatch(text)
    if match and _words(text) <= settings.max_byline_words and not is_sentence(text):
        return match.group("name")
    return None


@dataclass(slots=True)
class _Lines:
    """The per-line verdicts for one article while it is being cleaned."""

    lines: list[str]
    reasons: list[str | None]
    cut: list[list[Removal]]  # lead-ins and datelines cut off each line

    @classmethod
    def of(cls, text: str) -> _Lines:
        lines = [line.strip() for line in text.splitlines()]
        return cls(lines, [None] * len(lines), [[] for _ in lines])

    def cut_off(self, i: int, end: int, reason: str) -> None:
        """Remove the first ``end`` characters of line ``i``, recording them with ``reason``."""
        self.cut[i].append(Removal(self.lines[i][:end].strip(), reason))
        self.lines[i] = self.lines[i][end:]

    def cut_tail(self, i: int, start: int, reason: str) -> None:
        """Remove line ``i`` from character ``start`` on, recording it with ``reason``."""
        self.cut[i].append(Removal(self.lines[i][start:].strip(), reason))
        self.lines[i] = self.lines[i][:start].rstrip()

    def content(self) -> list[int]:
        """Indices of non-blank lines not yet judged junk."""
        return [i for i, line in enumerate(self.lines) if line and self.reasons[i] is None]


def _find_headline(lines: _Lines, title: str | None, settings: CleanSettings) -> int | None:
    """Index of the line near the top that repeats the title, or None."""
    if not title:
        return None
    wanted = _norm(title).casefold()
    top = lines.content()[: settings.header_lines]
    return next((i for i in top if _norm(lines.lines[i]).casefold() == wanted), None)


def _judge_structure(lines: _Lines, article: Article, settings: CleanSettings) -> str | None:
    """Mark headline, page header and navigation lines; return the article's title.

    The title is the headline found in the text, else the given title unless it is itself junk
    (a reader may have taken a label line for it).
    """
    title = article.title
    if title and junk_reason(title, settings) is not None:
        title = None
    if title is None:
        found = find_title(article.text, settings.headline)
        title = found if found and not is_sentence(found) and junk_reason(found, settings) is None else None
    headline = _find_headline(lines, title, settings)
    if headline is not None and not _is_page_header(lines, headline, settings):
        headline = None
        title = article.title if title == article.title else None
    if headline is not None:
        for i in lines.content():
            if i >= headline:
                break
            lines.reasons[i] = "navigation" if _is_label(lines.lines[i], settings) else "page-header"
        lines.reasons[headline] = "headline"
        title = lines.lines[headline]
    content = lines.content()
    body = [i for i in content if _is_body(lines.lines[i], settings)]
    if not body:
        return title
    for run in _runs_outside(content, body):
        if len(run) > settings.max_navigation_run:
            continue  # a list or a schedule of the article, not a menu
        for i in run:
            if _is_label(lines.lines[i], settings):
                lines.reasons[i] = "navigation"
    _judge_related_links(lines, body[-1], settings)
    # Above the body and not sentences: another headline (pages carry the web and the print
    # headline) and a subheadline. More than that is a list of key points, which is content.
    above = [i for i in lines.content() if i < body[0] and _is_headline_shaped(lines.lines[i], settings)]
    if len(above) <= settings.max_headings:
        for i in above:
            lines.reasons[i] = "headline" if headline is None else "subheadline"
            if headline is None:
                headline, title = i, title or lines.lines[i]
    return title


def _runs_outside(content: list[int], body: list[int]) -> list[list[int]]:
    """The lines before the first body paragraph and after the last one, as runs of consecutive
    content lines that are not body paragraphs (a run ends at a body paragraph)."""
    runs: list[list[int]] = [[]]
    body_set = set(body)
    for i in content:
        if i in body_set:
            runs.append([])
        elif i < body[0] or i > body[-1]:
            runs[-1].append(i)
    return [run for run in runs if run]


def _judge_related_links(lines: _Lines, last_body: int, settings: CleanSettings) -> None:
    """Mark a list of linked headlines after the body ("- Ten Things To Know About The New Budget")
    as ``"related-links"``: two or more bulleted items, each in headline case and not a sentence.
    A numbered list is the article's own (a ranking, steps) and stays."""
    after = [i for i in lines.content() if i > last_body]
    items = [i for i in after if _BULLET.match(lines.lines[i])
             and _is_title_case(_BULLET.sub("", lines.lines[i]), settings)]
    if len(items) >= 2:
        for i in items:
            lines.reasons[i] = "related-links"


def _is_title_case(text: str, settings: CleanSettings) -> bool:
    """A headline in title case: every word of four letters or more capitalised, no sentence end."""
    long_words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    return (settings.headline.min_words <= _words(text) <= settings.headline.max_words and not is_sentence(text)
            and len(long_words) >= 2 and all(w.lstrip("\"'‘“(").istitle() or w.isupper() for w in long_words))


def _is_page_header(lines: _Lines, headline: int, settings: CleanSettings) -> bool:
    """Whether a headline opens the body, with only page furniture above it.

    A page header is mostly labels ("L.A. Now", "Essential Washington") with perhaps a section
    blurb among them, and a body paragraph follows the headline. Otherwise the "headline" is a
    line inside or after the body, and the sentences above it are the body.
    """
    content = lines.content()
    above = [lines.lines[i] for i in content if i < headline]
    sentences = sum(_is_body(line, settings) for line in above)
    labels = sum(_is_label(line, settings) for line in above)
    body_follows = any(_is_body(lines.lines[i], settings) for i in content if i > headline)
    return body_follows and (sentences == 0 or labels > sentences)


def _is_headline_shaped(line: str, settings: CleanSettings) -> bool:
    return (not is_sentence(line) and not line.endswith((":", ",", ";"))
            and settings.headline.min_words <= _words(line) <= settings.headline.max_words)


def _cut_lead_ins(lines: _Lines, settings: CleanSettings) -> None:
    """Cut known junk lead-ins off lines whose rest is long enough to be body text.

    The rest need not end like a sentence: Multi-News cuts its documents mid-sentence.
    """
    for i in lines.content():
        for rule in settings.lead_in_patterns:
            match = rule.pattern.match(lines.lines[i])
            if match and _words(lines.lines[i][match.end():]) >= settings.min_body_words:
                lines.cut_off(i, match.end(), rule.reason)
                break


def _cut_trailers(lines: _Lines, settings: CleanSettings) -> None:
    """Cut known junk tails ("... Click To Tweet") off lines; a line that is nothing else is junk."""
    for i in lines.content():
        for rule in settings.trailer_patterns:
            match = rule.pattern.search(lines.lines[i])
            if match and match.start() > 0:
                lines.cut_tail(i, match.start(), rule.reason)
                break


def _cut_dateline(lines: _Lines) -> dict[str, str]:
    """Cut the dateline off the first body line; return it (and its wire agency) as metadata."""
    meta: dict[str, str] = {}
    content = lines.content()
    if content:
        first = content[0]
        match = junk.DATELINE_WITH_AGENCY.match(lines.lines[first]) or junk.DATELINE_CAPS.match(lines.lines[first])
        if match and match.end() < len(lines.lines[first]):
            meta["dateline"] = _norm(match.group("dateline"))
            if match.groupdict().get("agency"):
                meta["dateline_agency"] = match.group("agency")
            lines.cut_off(first, match.end(), "dateline")
    return meta


def _outlet_evidence(removed: Sequence[Removal], meta: dict[str, str]) -> str:
    """The known outlet named by a removed copyright line or a dateline's wire agency, else ""."""
    for removal in removed:
        if removal.reason == "copyright":
            match = junk.COPYRIGHT_OWNER.search(removal.line)
            if match:
                outlet = normalize_outlet(match.group("owner"))
                if is_known_outlet(outlet):
                    return outlet
    agency = normalize_outlet(meta.get("dateline_agency"))
    return agency if agency and is_known_outlet(agency) else ""


def _judge(article: Article, settings: CleanSettings) -> tuple[_Lines, str | None, dict[str, str]]:
    lines = _Lines.of(article.text)
    _cut_lead_ins(lines, settings)
    _cut_trailers(lines, settings)
    meta: dict[str, str] = {}
    for i in lines.content():
        reason = junk_reason(lines.lines[i], settings)
        if reason == "byline" and "byline" not in meta:
            meta["byline"] = _byline(_norm(lines.lines[i]), settings) or ""
        if reason == "dateline" and "dateline" not in meta and (
            dateline := junk.DATELINE_LINE.fullmatch(_norm(lines.lines[i]))  # it matches: that made the reason
        ):
            meta["dateline"] = _norm(dateline.group("dateline"))
        lines.reasons[i] = reason
    title = _judge_structure(lines, article, settings)
    for key, value in _cut_dateline(lines).items():
        meta.setdefault(key, value)
    return lines, title, meta


def _build(article: Article, lines: _Lines, title: str | None, meta: dict[str, str]) -> Article:
    """The cleaned article: kept lines, paragraph breaks as in the input, removals in line order."""
    kept: list[str] = []
    removed: list[Removal] = []
    gap = False
    for i, line in enumerate(lines.lines):
        removed.extend(lines.cut[i])
        if not line:
            gap = gap or bool(kept)
            continue
        if (reason := lines.reasons[i]) is not None:
            removed.append(Removal(line, reason))
            continue
        if gap:
            kept.append("")
            gap = False
        kept.append(line)
    new_meta = dict(article.meta)
    for key in ("byline", "dateline"):
        if meta.get(key):
            new_meta.setdefault(key, meta[key])
    outlet = article.outlet or _outlet_evidence(removed, meta)
    if outlet and not article.outlet:
        log.info("%s: outlet %r found in its own text", article.where, outlet)
    return replace(
        article,
        text="\n".join(kept),
        title=title,
        outlet=outlet,
        removed=article.removed + tuple(removed),
        meta=new_meta,
    )


def clean_article(article: Article, settings: CleanSettings = DEFAULT_SETTINGS) -> Article:
    """``article`` without its junk lines; each removed line is recorded with its reason.

    Returns a new article (the input is not changed): ``text`` holds the body paragraphs,
    ``removed`` gains the removed lines, ``title`` the headline when one was found in the text,
    ``meta`` the byline and dateline, and ``outlet`` the outlet named by a copyright line or a
    wire dateline when it was unknown.
    """
    return _build(article, *_judge(article, settings))


def clean_articles(articles: Iterable[Article], settings: CleanSettings = DEFAULT_SETTINGS) -> list[Article]:
    """Each article cleaned, plus template lines found by their repetition across one outlet.

    A line that does not read like a sentence and appears in ``settings.repeat_min_articles`` or
    more articles of the same outlet is removed as ``"repeated-boilerplate"``. The outlet is the
    article's own or, when unknown, the one its text names; articles of unknown outlet are not
    compared with each other.
    """
    articles = list(articles)
    judged = [_judge(article, settings) for article in articles]
    outlets = []
    for article, (lines, _, meta) in zip(articles, judged):
        found = [Removal(lines.lines[i], r) for i, r in enumerate(lines.reasons) if r]
        outlets.append(article.outlet or _outlet_evidence(found, meta))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for number, (outlet, (lines, _, _)) in enumerate(zip(outlets, judged)):
        if not outlet:
            continue
        for i in lines.content():
            if not is_sentence(lines.lines[i]):
                seen[(outlet, _norm(lines.lines[i]).casefold())].add(number)
    for outlet, (lines, _, _) in zip(outlets, judged):
        for i in lines.content():
            if len(seen.get((outlet, _norm(lines.lines[i]).casefold()), ())) >= settings.repeat_min_articles:
                lines.reasons[i] = "repeated-boilerplate"
    cleaned = [_build(article, *verdict) for article, verdict in zip(articles, judged)]
    if log.isEnabledFor(logging.INFO):
        counts = Counter(r.reason for a, old in zip(cleaned, articles) for r in a.removed[len(old.removed):])
        log.info("cleaned %d articles; removed by reason: %s", len(cleaned), dict(counts.most_common()) or "none")
    return cleaned
