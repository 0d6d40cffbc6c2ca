"""Rendering the app's pages with Jinja2 (autoescaped): one template environment per process,
shared by the page routes and by the story list that ``kept_pages`` answers before them.

A story's row in a listing is written here in Python rather than by a template macro: a search
shows 30 rows, most of them not rendered since the store last changed, and the three macro calls
of a row (its chips each escaped and URL-quoted again) cost more than the Python below, which
writes the same markup (docs/evaluation.md, "The web app", has the measurement). Every string
from an article goes through ``escape``, as autoescaping would.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.filters import do_urlencode
from markupsafe import Markup, escape

from newsprism.render.html import OUTLET_COLOURS, template_environment

if TYPE_CHECKING:
    from newsprism.web.app import WebState
    from newsprism.web.listing import StoryListItem

CHIPS = 6
"""Outlets shown as chips in a story's row (the most prolific); the others are counted."""

_ALONE = ' <span class="flag alone" title="no other outlet carries this story">one outlet only</span>'


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = template_environment("newsprism.web")
    env.auto_reload = False  # the templates are the package's files: no file is looked at again per page
    env.filters["colour"] = outlet_colour
    env.filters["chip"] = outlet_chip
    env.globals["story_row"] = story_row
    env.filters["day"] = lambda value: (value or "")[:10]
    return env


def outlet_colour(name: str) -> int:
    """A colour number for an outlet that is the same on every page (a checksum of its name)."""
    return zlib.crc32(name.encode("utf-8")) % len(OUTLET_COLOURS)


@lru_cache(maxsize=4096)
def outlet_chip(name: str) -> Markup:
    """An outlet's chip, a link to its page in its colour: the same on every page, so made once per
    name (a listing shows up to six per story; making them was most of rendering a story's row).
    The same markup the template wrote: ``<a class="badge c{{ name|colour }}"
    href="/outlets/{{ name|urlencode }}">{{ name }}</a>``, autoescaped."""
    return Markup(f'<a class="badge c{outlet_colour(name)}" href="/outlets/{escape(do_urlencode(name))}">{escape(name)}</a>')


def outlet_chips(names: tuple[str, ...], count: int, limit: int = CHIPS) -> Markup:
    """The first ``limit`` of a story's outlets as chips (``names``: the most prolific first,
    perhaps only the first few), then the number of the others, those named in its tooltip."""
    more = ""
    if count > limit:
        title = ", ".join(names[limit:])
        if count > len(names):
            title += f"{', ' if len(names) > limit else ''}and {count - len(names)} more"
        more = f'<span class="badge more" title="{escape(title)}">+{count - limit}</span>'
    return Markup(f'<span class="badges">{"".join(outlet_chip(name) for name in names[:limit])}{more}</span>')


def story_dates(first: str | None, last: str | None) -> Markup:
    """The days a story spans: its first, and its last when another day."""
    if not first:
        return Markup('<span class="dim">undated</span>')
    if last and last[:10] != first[:10]:
        return Markup(f"{escape(first[:10])} – {escape(last[:10])}")
    return escape(first[:10])


def story_row(item: StoryListItem) -> Markup:
    """A story's row in a listing: its title linking to its page, the flag when one outlet alone
    carries it, its outlets as chips, its number of articles, its dates."""
    return Markup(
        f'<tr>\n    <td><a class="story-link" href="/stories/{escape(do_urlencode(item.id))}">{escape(item.title)}</a>\n'
        f'{_ALONE if item.single_outlet else ""}</td>\n'
        f"    <td>{outlet_chips(item.outlets, item.outlet_count)}</td>\n"
        f'    <td class="num">{escape(item.articles)}</td>\n'
        f'    <td class="dates">{story_dates(item.first_published, item.last_published)}</td>\n'
        "  </tr>")


def page_html(state: WebState, template: str, path: str, **context: Any) -> str:
    """A page of the app: ``path`` is the request's (the navigation marks the page it is on)."""
    return environment().get_template(template).render(
        needs_token=state.settings.token is not None, colours=OUTLET_COLOURS, path=path, **context)
