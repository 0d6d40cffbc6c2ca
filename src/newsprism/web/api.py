"""The JSON API: the command line's JSON contracts over HTTP, paginated.

- ``GET /api/stories``: the records of ``newsprism stories --format jsonl`` (plus ``single_outlet``
  and ``analysed``), filtered and searched as the listing page is, one page at a time.
- ``GET /api/stories/{id}``: the story's record, its summary (``newsprism summarize --format
  json``) and its comparison (``newsprism compare --format json``), as kept in the store.
- ``GET /api/stories/{id}/articles``, ``GET /api/articles/{number}``: the stored articles.
- ``GET /api/outlets``, ``GET /api/outlets/{name}``: outlets and what they carry.
- ``POST /api/add``: URLs, feeds or texts to add (JSON only; see ``security``), and
  ``GET /api/status``: what the feed follower has done.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from newsprism.errors import NewsprismError
from newsprism.web import listing
from newsprism.web.adding import Upload, add_inputs
from newsprism.web.app import state_of
from newsprism.web.outlets import outlet_report
from newsprism.web.security import TOKEN_COOKIE, foreign_origin, same_token

MAX_ADD_INPUTS = 50
"""Most URLs or feeds one request may add: each may take ``ReadSettings.fetch_deadline``."""


class TextFile(BaseModel):
    name: str = Field(max_length=200, description="its file name; the extension says its format (.txt, .html, .jsonl)")
    text: str = Field(max_length=20_000_000, description="its contents")


class Addition(BaseModel):
    inputs: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=MAX_ADD_INPUTS, description="http(s) URLs of articles or feeds")
    files: list[TextFile] = Field(default_factory=list, max_length=MAX_ADD_INPUTS)
    outlet: str = Field("", max_length=200, description="the outlet of every article added")


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["api"])

    def story_query(q: str, since: date | None, until: date | None, outlet: str, min_outlets: int,
                    max_outlets: int | None, sort: str, page: int, per_page: int) -> listing.StoryQuery:
        try:
            return listing.StoryQuery(q=q, since=since, until=until, outlet=outlet, min_outlets=min_outlets,
                                      max_outlets=max_outlets, sort=sort, page=page, per_page=per_page)
        except NewsprismError as error:
            raise HTTPException(400, str(error)) from None

    @router.get("/stories", summary="Stories, filtered, searched and paginated")
    def stories(
        request: Request,
        q: Annotated[str, Query(max_length=500, description="words that must all occur in an article (FTS5)")] = "",
        since: Annotated[date | None, Query(description="with an article published on or after this day")] = None,
        until: Annotated[date | None, Query(description="with an article published on or before this day")] = None,
        outlet: Annotated[str, Query(max_length=200, description="carried by this outlet")] = "",
        min_outlets: Annotated[int, Query(ge=1, le=10_000)] = 1,
        max_outlets: Annotated[int | None, Query(ge=1, le=10_000, description="1: stories one outlet alone carries")] = None,
        sort: Annotated[str, Query(pattern="^(newest|largest)$")] = "newest",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        per_page: Annotated[int, Query(ge=1, le=200)] = 30,
    ) -> dict[str, Any]:
        query = story_query(q, since, until, outlet, min_outlets, max_outlets, sort, page, per_page)
        found = listing.list_stories(state_of(request).reader(), query)
        return {
            "stories": [item.to_dict() for item in found.items],
            "page": query.page, "per_page": query.per_page, "total": found.total, "pages": found.pages,
            "next": query.page + 1 if query.page < found.pages else None,
        }

    @router.get("/stories/{story_id}", summary="A story: its record, summary and comparison")
    def story(request: Request, story_id: str) -> dict[str, Any]:
        state = state_of(request)
        row = listing.story_row(state.reader(), story_id)
        if row is None:
            raise HTTPException(404, f"no story {story_id!r}")
        summary = state.analyses.kept(state.reader(), story_id, "summary")
        comparison = state.analyses.kept(state.reader(), story_id, "comparison")
        row = listing.story_row(state.reader(), story_id) or row  # its kept headline, now it has one
        return {"story": row.to_dict(), "summary": summary, "comparison": comparison}

    @router.get("/stories/{story_id}/articles", summary="A story's articles in time order")
    def story_articles(request: Request, story_id: str,
                       text: Annotated[bool, Query(description="include each article's text")] = False) -> dict[str, Any]:
        db = state_of(request).reader()
        if listing.story_row(db, story_id) is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return {"story": story_id, "articles": [a.to_dict(text=text) for a in listing.story_articles(db, story_id)]}

    @router.get("/articles/{number}", summary="A stored article: text, removed lines, metadata")
    def article(request: Request, number: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        found = listing.article_row(state_of(request).reader(), number)
        if found is None:
            raise HTTPException(404, f"no article {number}")
        return found.to_dict()

    @router.get("/outlets", summary="Outlets with their articles and stories")
    def outlets(request: Request, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                per_page: Annotated[int, Query(ge=1, le=200)] = 100) -> dict[str, Any]:
        rows, total = listing.list_outlets(state_of(request).reader(), page, per_page)
        pages = max(1, -(-total // per_page))
        return {"outlets": [o.to_dict() for o in rows], "page": page, "per_page": per_page, "total": total,
                "pages": pages, "next": page + 1 if page < pages else None}

    @router.get("/outlets/{name:path}", summary="An outlet: stories covered and missed, exclusives, omissions, headline words")
    def outlet(request: Request, name: str) -> dict[str, Any]:
        report = outlet_report(state_of(request).reader(), name)
        if report is None:
            raise HTTPException(404, f"no outlet {name!r}")
        return report.to_dict()

    @router.post("/add", summary="Add articles from URLs, feeds or texts (a token off loopback)")
    def add(request: Request, addition: Annotated[Addition, Body()]) -> dict[str, Any]:
        state = state_of(request)
        check_write(request, state.settings.token)
        urls = [u.strip() for u in addition.inputs if u.strip()]
        for url in urls:
            if not url.lower().startswith(("http://", "https://")):
                raise HTTPException(400, f"{url[:80]!r} is not an http(s) URL (files are sent as 'files')")
        uploads = [Upload(f.name, f.text.encode("utf-8")) for f in addition.files]
        if not urls and not uploads:
            raise HTTPException(400, "nothing to add: give 'inputs' (URLs) or 'files'")
        result = add_inputs(state.writer, state.lock, urls, allow_private=state.settings.allow_private,
                            uploads=uploads, outlet=addition.outlet)
        return result.to_dict()

    @router.get("/status", summary="What the feed follower has done")
    def status(request: Request) -> dict[str, Any]:
        return state_of(request).follow_status()

    return router


def check_write(request: Request, token: str | None) -> None:
    """Refuse a write from another site's page, or without the server's token when it has one."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    if foreign_origin(headers):
        raise HTTPException(403, "a write from another site's page is refused")
    if token is None:
        return
    bearer = headers.get("authorization", "")
    given = bearer[7:] if bearer.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE)
    if not same_token(given, token):
        raise HTTPException(401, "this server needs its token for writes (Authorization: Bearer TOKEN, "
                                 "or open /login?token=TOKEN once)")
