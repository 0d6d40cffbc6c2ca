"""Rendering the app's pages with Jinja2 (autoescaped): one template environment per process,
shared by the page routes and by the story list that ``kept_pages`` answers before them."""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.filters import do_urlencode
from markupsafe import Markup

from newsprism.render.html import OUTLET_COLOURS, template_environment

if TYPE_CHECKING:
    from newsprism.web.app import WebState


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = template_environment("newsprism.web")
    env.auto_reload = False  # the templates are the package's files: no file is looked at again per page
    env.filters["colour"] = outlet_colour
    env.filters["chip"] = outlet_chip
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
    return Markup('<a class="badge c{}" href="/outlets/{}">{}</a>').format(outlet_colour(name), do_urlencode(name), name)


def page_html(state: WebState, template: str, path: str, **context: Any) -> str:
    """A page of the app: ``path`` is the request's (the navigation marks the page it is on)."""
    return environment().get_template(template).render(
        needs_token=state.settings.token is not None, colours=OUTLET_COLOURS, path=path, **context)
