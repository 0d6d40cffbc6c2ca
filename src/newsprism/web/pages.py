"""The HTML pages: stories, a story, outlets, an outlet, an article, adding articles, the status.

Pages are rendered on the server by Jinja2 with autoescaping; they carry no script of their own
(a story page carries the report's one script, allowed by its hash), and their one form posts
with a token that must match the visitor's cookie (see ``security``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsprism.errors import NewsprismError
from newsprism.render.html import OUTLET_COLOURS
from newsprism.web import listing
from newsprism.web.adding import Upload, add_inputs
from newsprism.web.api import MAX_ADD_INPUTS, check_write
from newsprism.web.app import state_of
from newsprism.web.outlets import MISSED_MIN_OUTLETS, outlet_report
from newsprism.web.page_cache import KeptPage
from newsprism.web.rendering import page_html
from newsprism.web.security import (
    CSRF_COOKIE,
    TOKEN_COOKIE,
    foreign_origin,
    new_csrf_token,
    same_token,
    set_csrf_cookie,
    story_csp,
)
from newsprism.web.story_list_page import story_list_page

FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 15 14H1z" fill="#0072b2"/>'
           '<path d="M8 1 15 14H8z" fill="#d55e00"/></svg>')
"""A prism in two outlet colours; browsers ask for /favicon.ico on every page."""

OUTLETS_PER_PAGE = 100

_SCRIPT_HASH = re.compile(r"script-src 'sha256-([A-Za-z0-9+/=]+)'")

_Response = TypeVar("_Response", bound=Response)


def page_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
        html = page_html(state_of(request), template, request.url.path, csrf=csrf, **context)
        return respond(request, HTMLResponse(html, status_code=status), csrf)

    def respond(request: Request, response: _Response, csrf: str | None = None) -> _Response:
        """The page, and the visitor's form token in a cookie if the visitor has none yet."""
        csrf = csrf or request.cookies.get(CSRF_COOKIE) or new_csrf_token()
        if request.cookies.get(CSRF_COOKIE) != csrf:
            set_csrf_cookie(response, csrf)
        return response

    @router.get("/", response_class=HTMLResponse)
    async def stories(
        request: Request,
        q: Annotated[str, Query(max_length=500)] = "",
        since: str = "", until: str = "", outlet: Annotated[str, Query(max_length=200)] = "",
        min_outlets: str = "", single: str = "", sort: str = "newest", page: str = "1",
    ) -> Response:
        # Answered by ``kept_pages.KeptPages`` before it gets here, unless the search or outlet is
        # too long (refused above, by FastAPI, with a 422); the same page either way.
        form = {"q": q, "since": since, "until": until, "outlet": outlet, "min_outlets": min_outlets,
                "single": single, "sort": sort, "page": page}
        return respond(request, (await story_list_page(state_of(request), form)).response())

    @router.get("/stories/{story_id:path}")
    async def story(request: Request, story_id: str) -> Response:
        # A kept page is answered by ``kept_pages.KeptPages`` before it gets here.
        state = state_of(request)
        version = state.store_version()
        key = ("story", story_id)
        kept: KeptPage | None = state.pages.get(version, key)
        if kept is None:
            try:
                page = await run_in_threadpool(lambda: state.analyses.kept(state.reader(), story_id, "page"))
            except NewsprismError as error:
                return render(request, "missing.html.j2", 422,
                              what=f"Story {story_id!r} could not be analysed: {error}")
            if page is None:
                return render(request, "missing.html.j2", 404, what=f"No story {story_id!r} in this store.")
            found = _SCRIPT_HASH.search(page)
            kept = KeptPage.html(page, content_security_policy=story_csp(found.group(1) if found else "none"))
            state.pages.put(version, key, kept)
        return kept.response()

    @router.get("/outlets", response_class=HTMLResponse)
    def outlets(request: Request, page: str = "1") -> HTMLResponse:
        number = int(page) if page.isdigit() and 0 < len(page) < 7 and int(page) > 0 else 1
        rows, total = listing.list_outlets(state_of(request).reader(), number, OUTLETS_PER_PAGE)
        pages = max(1, -(-total // OUTLETS_PER_PAGE))
        return render(request, "outlets.html.j2", outlets=rows, total=total, page=number, pages=pages)

    @router.get("/outlets/{name:path}", response_class=HTMLResponse)
    def outlet(request: Request, name: str) -> HTMLResponse:
        report = outlet_report(state_of(request).reader(), name)
        if report is None:
            return render(request, "missing.html.j2", 404, what=f"No outlet {name!r} in this store.")
        return render(request, "outlet.html.j2", o=report, missed_min=MISSED_MIN_OUTLETS)

    @router.get("/articles/{number}", response_class=HTMLResponse)
    def article(request: Request, number: Annotated[int, Path(ge=1, le=2**62)], start: str = "",
                end: str = "") -> HTMLResponse:
        db = state_of(request).reader()
        found = listing.article_row(db, number)
        if found is None:
            return render(request, "missing.html.j2", 404, what=f"No article {number} in this store.")
        text = found.text
        span = None
        if start.isdigit() and end.isdigit() and int(start) < int(end) <= len(text):
            span = (int(start), int(end))
        parts = (text[:span[0]], text[span[0]:span[1]], text[span[1]:]) if span else (text, "", "")
        original = None
        if found.duplicate_of:
            row = db.execute("SELECT rowid FROM articles WHERE key = ?", (found.duplicate_of,)).fetchone()
            original = row[0] if row else None
        return render(request, "article.html.j2", a=found, parts=parts, span=span, original=original,
                      story=listing.story_row(db, found.story))

    @router.get("/add", response_class=HTMLResponse)
    def add_form(request: Request) -> HTMLResponse:
        return render(request, "add.html.j2", result=None, problem=None,
                      max_upload=state_of(request).settings.max_upload_bytes)

    @router.post("/add", response_class=HTMLResponse)
    async def add(request: Request) -> HTMLResponse:
        state = state_of(request)
        headers = {k.lower(): v for k, v in request.headers.items()}
        if foreign_origin(headers):
            raise HTTPException(403, "a form posted from another site's page is refused")
        form = await request.form(max_files=MAX_ADD_INPUTS, max_fields=20)
        if not same_token(str(form.get("csrf") or ""), request.cookies.get(CSRF_COOKIE)):
            raise HTTPException(403, "the form's token does not match this browser's; reload the page and send it again")
        check_write(request, state.settings.token)
        urls = [line.strip() for line in str(form.get("urls") or "").splitlines() if line.strip()]
        problem = None
        if len(urls) > MAX_ADD_INPUTS:
            problem = f"{len(urls)} URLs given; at most {MAX_ADD_INPUTS} at a time"
        bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
        if bad:
            problem = f"not an http(s) URL: {bad[0][:80]}"
        uploads = []
        for item in form.getlist("files"):
            if isinstance(item, str) or not item.filename:
                continue
            uploads.append(Upload(item.filename, await item.read()))
        if not problem and not urls and not uploads:
            problem = "nothing to add: give URLs or choose files"
        result = None
        if problem is None:
            result = await run_in_threadpool(add_inputs, state.writer, state.lock, urls,
                                             allow_private=state.settings.allow_private, uploads=uploads,
                                             outlet=str(form.get("outlet") or ""))
        db = state.reader()
        touched = [row for row in (listing.story_row(db, s) for s in (result.stories if result else ())[:50]) if row]
        return render(request, "add.html.j2", 400 if problem else 200, result=result, problem=problem,
                      touched=touched, max_upload=state.settings.max_upload_bytes)

    @router.get("/status", response_class=HTMLResponse)
    def status(request: Request) -> HTMLResponse:
        state = state_of(request)
        db = state.reader()
        counts = db.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories), "
                            "(SELECT COUNT(*) FROM analyses WHERE kind = 'page')").fetchone()
        return render(request, "status.html.j2", follow=state.follow_status(), articles=counts[0],
                      stories=counts[1], analysed=counts[2], db=str(state.settings.db))

    @router.get("/login", response_class=HTMLResponse)
    def login(request: Request, token: Annotated[str, Query(max_length=200)] = "") -> Response:
        expected = state_of(request).settings.token
        if expected is None:
            return RedirectResponse("/", status_code=303)
        if not same_token(token, expected):
            return render(request, "missing.html.j2", 401, what="That is not this server's token.")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, expected, httponly=True, samesite="strict", path="/")
        return response

    @router.get("/api", response_class=HTMLResponse)
    def api_index(request: Request) -> HTMLResponse:
        schema = request.app.openapi()
        endpoints = [(method.upper(), path, operation.get("summary", ""))
                     for path, operations in schema["paths"].items() for method, operation in operations.items()]
        return render(request, "api.html.j2", endpoints=endpoints)

    @router.get("/static/web.css")
    def stylesheet() -> Response:
        return Response(_static("web.css"), media_type="text/css",
                        headers={"Cache-Control": "public, max-age=3600"})

    @router.get("/favicon.ico")
    def favicon() -> Response:
        return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    @router.get("/robots.txt")
    def robots() -> PlainTextResponse:
        return PlainTextResponse("User-agent: *\nDisallow: /\n")

    return router


@lru_cache(maxsize=4)
def _static(name: str) -> str:
    """The app's stylesheet: the report's (so a story page and the other pages look alike), the
    outlet colours, then the app's own rules."""
    from importlib.resources import files

    report = (files("newsprism.render") / "templates" / "report.css").read_text(encoding="utf-8")
    colours = "".join(f".c{i} {{ --oc: {colour}; }}\n" for i, colour in enumerate(OUTLET_COLOURS))
    return report + colours + (files("newsprism.web") / "static" / name).read_text(encoding="utf-8")
