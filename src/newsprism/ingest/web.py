"""Fetching pages and feeds over HTTP without being turned against the user's own network.

A URL in a feed or on a command line is untrusted: it may point at ``localhost``, the router or a
cloud metadata address, redirect there, or stream without end. So only http/https is spoken, the
host is resolved and every address it resolves to must be public (unless ``allow_private``), each
redirect hop is checked again, downloads are streamed, decoded and cut at a size cap
(``download``), every wait has a timeout and the whole fetch a deadline. The connection goes to the
address that was checked (the request names the host in its ``Host`` header and TLS server name),
so a DNS server that answers differently a moment later (DNS rebinding) cannot redirect it; proxy
settings from the environment are ignored for the same reason.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit, urlunsplit

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_declared
from newsprism.ingest.download import ACCEPT_ENCODING, Deadline, read_body
from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.html import article_from_html, meta_charset
from newsprism.ingest.outlets import domain_of, normalize_outlet
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.text import article_from_text
from newsprism.model import Article

log = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")  # "": servers that send no type are mostly HTML
_FEED_TYPES = ("application/feed+json", "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded body and where it finally came from (after redirects)."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def fetch(url: str, *, allow_private: bool = False, settings: ReadSettings = ReadSettings()) -> Fetched:
    """GET ``url`` within the limits of ``settings``; ``InputError`` naming ``url`` for any refusal or failure."""
    import httpx

    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
               "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
               "Accept-Encoding": ACCEPT_ENCODING}
    deadline = Deadline(url, settings.fetch_deadline)
    current = url
    verify = ssl.create_default_context(cafile=settings.ca_bundle) if settings.ca_bundle else True
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False,
                      verify=verify) as client:
        for _hop in range(settings.max_redirects + 1):
            deadline.check()
            target, options = _pinned(current, check_url(current, allow_private=allow_private, original=url))
            try:
                with client.stream("GET", target, **options) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        log.info("%s redirects to %s", url, current)
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
                    body = _read_capped(response, url, settings.max_response_bytes, deadline)
                    content_type = response.headers.get("content-type", "")
                    return Fetched(url=current, content_type=content_type.split(";")[0].strip().lower(),
                                   charset=response.charset_encoding, body=body)
            except httpx.TimeoutException as error:
                raise InputError(url, f"timed out ({type(error).__name__})") from error
            except httpx.HTTPError as error:
                raise InputError(url, f"cannot fetch ({type(error).__name__}: {error})") from error
    raise InputError(url, f"more than {settings.max_redirects} redirects")


def check_url(url: str, *, allow_private: bool = False, original: str | None = None) -> str:
    """The address to connect to for ``url``; ``InputError`` for non-http(s) URLs and for hosts with
    any non-public address (unless ``allow_private``)."""
    name = original or url
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:  # "http://[bad/a": an unclosed IPv6 literal; a port out of range
        raise InputError(name, f"malformed URL ({error}: {url})") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(name, f"only http and https URLs are read, not {parts.scheme or 'no scheme'!r} ({url})")
    if not parts.hostname:
        raise InputError(name, f"URL has no host ({url})")
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise InputError(name, f"cannot resolve host {parts.hostname!r} ({error})") from error
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for address in addresses:
        kind = non_public_kind(address)
        if kind and not allow_private:
            raise InputError(name, f"refused: host {parts.hostname!r} resolves to {address}, a {kind} address "
                                   "(allow it with --allow-private)")
    return str(addresses[0])


def _pinned(url: str, address: str) -> tuple[str, dict]:
    """The request for ``url`` sent to ``address``: same path, the host kept in ``Host`` and TLS SNI."""
    parts = urlsplit(url)
    host = (parts.hostname or "").encode("idna").decode("ascii")
    literal = f"[{address}]" if ":" in address else address
    port = f":{parts.port}" if parts.port else ""
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    target = urlunsplit(parts._replace(netloc=f"{literal}{port}"))
    return target, {"headers": {"Host": f"{host}{port}"}, "extensions": extensions}


def non_public_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``address`` is not a public internet address ("loopback", "private", ...), or None."""
    for embedded in _embedded_ipv4(address):  # an IPv6 address that carries an IPv4 one reaches it
        kind = non_public_kind(embedded)
        if kind:
            return kind
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):  # most specific first
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "non-global"
    return None


def _embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses a 6to4 (``2002::/16``) or Teredo address routes to."""
    if address.version != 6:
        return []
    found = [address.sixtofour] if address.sixtofour else []
    return found + list(address.teredo or ())


def read_url(url: str, *, allow_private: bool = False,
             settings: ReadSettings = ReadSettings()) -> Iterator[Article | InputError]:
    """The article of a page, or the articles of a feed's entries; errors naming the URL otherwise."""
    try:
        fetched = fetch(url, allow_private=allow_private, settings=settings)
        if fetched.content_type in _FEED_TYPES or looks_like_feed(fetched.body):
            yield from read_feed(fetched.body, source=url, allow_private=allow_private, settings=settings)
            return
        yield article_from_response(fetched, source=url, settings=settings)
    except InputError as error:
        yield error


def article_from_response(fetched: Fetched, *, source: str, settings: ReadSettings = ReadSettings()) -> Article:
    """The article of a fetched HTML or plain-text page."""
    if fetched.content_type not in _HTML_TYPES + ("text/plain",):
        raise InputError(source, f"unsupported content type {fetched.content_type!r} (expected HTML, text or a feed)")
    text, notes = decode_response(fetched, source, settings)
    article_id = url_id(fetched.url)
    if fetched.content_type == "text/plain":
        article = article_from_text(text, article_id=article_id, source=source,
                                    outlet=normalize_outlet(domain_of(fetched.url)), notes=notes)
        return replace(article, url=fetched.url)
    return article_from_html(text, article_id=article_id, source=source, url=fetched.url, notes=notes)


def decode_response(fetched: Fetched, source: str, settings: ReadSettings = ReadSettings()) -> tuple[str, list[str]]:
    """The body as text: the charset of the HTTP header, else of the page's ``<meta>``, else detected."""
    declared = fetched.charset
    if not declared and fetched.content_type in _HTML_TYPES:
        declared = meta_charset(fetched.body)
    return decode_declared(fetched.body, declared, source, settings)


def url_id(url: str) -> str:
    """A short stable article id for a URL ("latimes.com-3f2a1b9c")."""
    return f"{domain_of(url) or 'url'}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def _read_capped(response, url: str, limit: int, deadline: Deadline) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"response is {int(declared):,} bytes, over the {limit:,}-byte limit")
    return read_body(response.iter_raw(), response.headers.get("content-encoding", ""), url=url, limit=limit,
                     deadline=deadline)
