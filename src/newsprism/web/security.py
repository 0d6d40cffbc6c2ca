"""What keeps the web app safe by default.

- Every response carries a Content-Security-Policy with no inline script that is not named by its
  hash, and no source outside the server, plus ``nosniff``, no framing, and no referrer sent to other
  sites (within the site it is sent: a form's Origin must be seen to be this site's).
- Request bodies are capped (``WebSettings.max_upload_bytes``): a declared length over the cap is
  refused at once, and a body is counted as it streams in, so one without a length cannot pass either.
- Forms carry a token that must equal the one in the visitor's own cookie (double submit; a site
  elsewhere can neither read the cookie nor set it), and a request whose ``Origin`` is another site
  is refused.
- When the server is not on loopback, every write needs the server's token: as an
  ``Authorization: Bearer`` header, or the cookie that ``/login?token=...`` sets.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
"""The policy of every page but a story page: the app's own stylesheet, nothing inline."""


def story_csp(script_hash: str) -> str:
    """The policy of a story page: its one inline script by hash, its inline styles (the report's
    bars and colours), nothing from elsewhere."""
    return (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


CSRF_COOKIE = "newsprism_csrf"
TOKEN_COOKIE = "newsprism_token"

SECURITY_HEADERS = (
    (b"content-security-policy", PAGE_CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
"""Added to every response that does not set its own (a story page sets its own policy)."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def set_csrf_cookie(response: Any, token: str) -> None:
    """Give the visitor ``token`` as their form token, in a cookie no script can read and no other
    site's request carries (``response``: a Starlette response)."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def same_token(given: str | None, expected: str | None) -> bool:
    """Whether two tokens are equal, in constant time; never for a missing one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def foreign_origin(headers: dict[str, str]) -> bool:
    """Whether the request says it comes from a page of another site (its Origin, else its Referer,
    names another host than the one it was sent to)."""
    host = headers.get("host", "")
    origin = headers.get("origin") or headers.get("referer")
    if not origin or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc != host


class GuardMiddleware:
    """The security headers on every response and the cap on every request body (ASGI)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = ""
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                declared = value.decode("latin-1")  # the last one, if several
        if declared.isdigit() and int(declared) > self.max_body:
            await _too_large(send, self.max_body)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # Read the body here, counting it, so that a body without a length is capped too; the app
            # then reads it from memory (at most the cap).
            body = bytearray()
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                if len(body) > self.max_body:
                    await _too_large(send, self.max_body)
                    return
                if not message.get("more_body", False):
                    break
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}

            receive = replay

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *[(k, v) for k, v in SECURITY_HEADERS if k not in present]]
            await send(message)

        await self.app(scope, receive, guarded_send)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "the request body is larger than the {limit:,}-byte limit"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", PAGE_CSP.encode()), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})
