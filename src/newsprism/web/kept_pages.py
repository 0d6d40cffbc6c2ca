"""The story list, its searches and story pages answered before FastAPI's routing.

These are most of what the app serves, and most of them are kept (``WebState.pages``): answering
one from the cache is a lookup, yet going through FastAPI's routing, its parameter validation and a
response object cost several times that (measured: docs/evaluation.md, "The web app"). This ASGI
middleware, placed inside ``security.GuardMiddleware`` (which adds the same security headers to
every response, these included), answers

- ``GET /`` with any query the page route accepts: the page kept for that query, or rendered in a
  worker thread and kept (``story_list_page``); a search or outlet longer than the route accepts
  goes on to the route, which refuses it with its 422;
- ``GET /stories/{id}`` when the story's page is kept; the route renders (or analyses) it otherwise.

A visitor without a form token gets one in a cookie with the list page, exactly as from the route
(``pages.with_csrf_cookie``); everything else is passed on to the app unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import cookie_parser

from newsprism.web.page_cache import KeptPage
from newsprism.web.security import CSRF_COOKIE, ASGIApp, Receive, Scope, Send, new_csrf_token, set_csrf_cookie
from newsprism.web.story_list_page import list_form, story_list_page

if TYPE_CHECKING:
    from newsprism.web.app import WebState

STORY_PREFIX = "/stories/"


class KeptPages:
    """ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp, state: WebState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"]
            if path == "/":
                form = list_form(scope["query_string"])
                if form is not None:
                    kept = await story_list_page(self.state, form)
                    if has_csrf_cookie(scope):
                        await send_kept(kept, send)
                    else:
                        response = kept.response()
                        set_csrf_cookie(response, new_csrf_token())
                        await response(scope, receive, send)
                    return
            elif path.startswith(STORY_PREFIX):
                found: KeptPage | None = self.state.pages.get(self.state.store_version(),
                                                              ("story", path[len(STORY_PREFIX):]))
                if found is not None:
                    await send_kept(found, send)
                    return
        await self.app(scope, receive, send)


async def send_kept(kept: KeptPage, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": kept.raw_headers})
    await send({"type": "http.response.body", "body": kept.body})


def has_csrf_cookie(scope: Scope) -> bool:
    """Whether the request carries a form token in its cookies (read as ``request.cookies`` reads
    them: every Cookie header, a later value of a name replacing an earlier one)."""
    cookies: dict[str, str] = {}
    for name, value in scope["headers"]:
        if name == b"cookie":
            cookies.update(cookie_parser(value.decode("latin-1")))
    return bool(cookies.get(CSRF_COOKIE))
