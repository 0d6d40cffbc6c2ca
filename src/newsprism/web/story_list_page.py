"""The story list page (``/``): its form read from the query string, the page rendered once per
version of the store and kept as the bytes it is sent as.

Both ways a list request is answered use what is here: ``kept_pages.KeptPages`` (the usual one,
before FastAPI's routing) and the page route of ``pages`` (which FastAPI reaches only with a
search or outlet longer than the route allows, to answer it with its 422).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from newsprism.errors import NewsprismError
from newsprism.web import listing
from newsprism.web.page_cache import KeptPage
from newsprism.web.rendering import CHIPS, page_html, story_row

if TYPE_CHECKING:
    from newsprism.web.app import WebState

CHIPS_NAMED = 12
"""Outlets beyond the chips named in the tooltip of their count (a story can have hundreds)."""

OUTLET_CHOICES = 200
"""Outlet names the story list's filter suggests (the most prolific); any other can be typed."""

FIELDS = {"q": "", "since": "", "until": "", "outlet": "", "min_outlets": "", "single": "", "sort": "newest",
          "page": "1"}
"""The list's query parameters and their defaults."""

LONGEST = {"q": 500, "outlet": 200}
"""The longest search and outlet the page route accepts (its ``Query(max_length=...)``)."""


def list_form(query_string: bytes) -> dict[str, str] | None:
    """The list's parameters from a raw query string, read as FastAPI reads a route's (the last of a
    repeated name wins, names the list does not use are ignored), or None when the search or the
    outlet is longer than the route accepts (the route answers that with its 422)."""
    given = dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    form = {name: given.get(name, default) for name, default in FIELDS.items()}
    if any(len(form[name]) > longest for name, longest in LONGEST.items()):
        return None
    return form


async def story_list_page(state: WebState, form: dict[str, str]) -> KeptPage:
    """The list page ``form`` asks for: kept until the store changes (``WebState.pages``), so a page
    asked for again is answered without a worker thread, a query or the template."""
    key = ("stories", *form.values())
    version = state.store_version()
    kept: KeptPage | None = state.pages.get(version, key)
    if kept is None:
        kept = KeptPage.html(await run_in_threadpool(story_list_html, state, form, version))
        state.pages.put(version, key, kept)
    return kept


def story_list_html(state: WebState, form: dict[str, str], version: int) -> str:
    problem = None
    try:
        query = listing.StoryQuery(
            q=form["q"], since=_day(form["since"], "since"), until=_day(form["until"], "until"),
            outlet=form["outlet"], min_outlets=_number(form["min_outlets"], "min_outlets", 1),
            max_outlets=1 if form["single"] else None, sort=form["sort"], page=_number(form["page"], "page", 1),
            per_page=state.settings.per_page)
    except NewsprismError as error:
        problem = str(error)
        query = listing.StoryQuery(per_page=state.settings.per_page)
    # The number of stories matching depends on the filters, not on the page: counted once
    # for all the pages of a listing.
    counted = ("count", query.q, query.since, query.until, query.outlet, query.min_outlets, query.max_outlets)
    db = state.reader()
    ids, total = listing.pick_stories(db, query, total=state.pages.get(version, counted))
    state.pages.put(version, counted, total)
    # A story's row is kept once rendered (it shows in many listings): only the stories of the
    # page whose row is not kept are read.
    rows: dict[str, Markup | None] = {story: state.rows.get(version, story) for story in ids}
    for item in listing.story_items(db, [story for story, row in rows.items() if row is None], CHIPS + CHIPS_NAMED):
        rows[item.id] = story_row_html(state, version, item)
    pages = listing.page_count(total, query.per_page)
    shown = {k: v for k, v in form.items() if k != "page"}
    kept = {k: v for k, v in shown.items() if v and not (k == "sort" and v == "newest")}

    def page_link(number: int) -> str:
        return "/?" + urlencode({**kept, "page": number}) if number > 1 else "/?" + urlencode(kept)

    # Rendered without the visitor's form token (the page has no form that posts), so that
    # one rendering serves every visitor.
    return page_html(state, "stories.html.j2", "/", csrf=None, total=total, page=query.page, pages=pages,
                     form=shown, problem=problem, rows=[row for row in rows.values() if row is not None],
                     outlet_names=outlet_datalist(state, version),
                     previous=page_link(query.page - 1) if query.page > 1 else None,
                     next=page_link(query.page + 1) if query.page < pages else None)


def story_row_html(state: WebState, version: int, item: listing.StoryListItem) -> Markup:
    """A story's row in the list, rendered once per version of the store: a story shows in
    many listings (each order, filter and search), and rendering its row is most of a page's."""
    kept: Markup | None = state.rows.get(version, item.id)
    if kept is None:
        kept = story_row(item)
        state.rows.put(version, item.id, kept)
    return kept


def outlet_datalist(state: WebState, version: int) -> Markup:
    """The outlet names the filter suggests, as the options of a datalist: rendered once per
    version of the store (200 names, escaped one by one, were a third of rendering a list page)."""
    kept: Markup | None = state.pages.get(version, ("outlet names",))
    if kept is None:
        # One thread reads them (a scan of every story's outlets); the others, which all find
        # the cache emptied by the same change, wait for its answer instead of repeating it.
        with state.datalist_lock:
            kept = state.pages.get(version, ("outlet names",))
            if kept is None:
                names = listing.top_outlets(state.reader(), OUTLET_CHOICES)
                kept = Markup("").join(Markup('<option value="{}">').format(name) for name in names)
                state.pages.put(version, ("outlet names",), kept)
    return kept


def _day(value: str, name: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise NewsprismError(f"{name} {value[:40]!r} is not a day (YYYY-MM-DD)") from None


def _number(value: str, name: str, default: int) -> int:
    if not value.strip():
        return default
    if not value.strip().isdigit() or len(value.strip()) > 9:
        raise NewsprismError(f"{name} {value[:40]!r} is not a whole number")
    return int(value)
