"""One name per outlet, whatever form it arrives in.

Readers meet an outlet as a domain ("latimes.com"), a site name from HTML metadata
("Los Angeles Times"), a short form in a copyright line ("L.A. Times"), a dataset code ("nyt",
"APW"), an AllSides label ("CNN (Online News)") or another spelling ("WIRED", "British Broadcasting
Corporation"). Comparisons are per outlet, so all of these must become the same display name.

The names come from a table bundled with newsprism (``newsprism/data/outlets.tsv``), which a user
extends with a file of their own in the same format named by the ``NEWSPRISM_OUTLETS``
environment variable (see docs/outlets.md). Unknown names are kept, tidied, rather than guessed;
within one batch, unknown names that differ only in case are given one spelling
(``unify_spellings``).
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from newsprism.errors import NewsprismError
from newsprism.model import Article

log = logging.getLogger(__name__)

USER_TABLE_VARIABLE = "NEWSPRISM_OUTLETS"
"""The environment variable naming a user's own outlet table (same format as the bundled one)."""

_LABEL_SUFFIX = re.compile(r"\s*\((online news|news|opinion|editorial)\)\s*$", re.IGNORECASE)
_DOMAIN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


@dataclass(frozen=True, slots=True)
class OutletTable:
    """Display names by every name and domain (lower case) they are known by."""

    aliases: Mapping[str, str]

    @classmethod
    def parse(cls, text: str, source: str) -> OutletTable:
        """A table from lines ``Display Name<TAB>alias | alias | domain``; ``#`` starts a comment."""
        aliases: dict[str, str] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, tab, rest = line.partition("\t")
            name = " ".join(name.split())
            if not tab or not name:
                raise NewsprismError(f"{source}:{number}: expected 'Display Name<TAB>alias | domain | ...', "
                                     f"got {line!r} (separate the name from its aliases with a tab)")
            for alias in (name, *rest.split("|")):
                key = _key(alias)
                if key:
                    aliases[key] = name
        return cls(MappingProxyType(aliases))

    def merged(self, other: OutletTable) -> OutletTable:
        """This table with ``other``'s entries added; ``other`` wins where both name an alias."""
        return OutletTable(MappingProxyType({**self.aliases, **other.aliases}))

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.aliases.values())

    def normalize(self, name: str | None) -> str:
        """The display name for an outlet given as a name, alias, label or domain; "" when empty."""
        if not name or not name.strip():
            return ""
        cleaned = " ".join(name.split())
        key = _key(cleaned)
        if key in self.aliases:
            return self.aliases[key]
        if "/" in key or _DOMAIN.fullmatch(key):
            domain = domain_of(key)
            parts = domain.split(".")
            for i in range(len(parts) - 1):  # "latimes.com" for "www.sports.latimes.com"
                if ".".join(parts[i:]) in self.aliases:
                    return self.aliases[".".join(parts[i:])]
            return domain
        unlabelled = _LABEL_SUFFIX.sub("", cleaned)
        return self.aliases.get(_key(unlabelled), unlabelled)


def _key(name: str) -> str:
    return " ".join(name.split()).lower().strip(" .,")


@lru_cache(maxsize=1)
def bundled_table() -> OutletTable:
    """The table shipped with newsprism (``newsprism/data/outlets.tsv``)."""
    text = resources.files("newsprism").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    return OutletTable.parse(text, "newsprism/data/outlets.tsv")


def outlet_table(path: str | os.PathLike | None = None) -> OutletTable:
    """The bundled table extended by a user's file: ``path``, else the file ``$NEWSPRISM_OUTLETS`` names."""
    chosen = path if path is not None else os.environ.get(USER_TABLE_VARIABLE)
    if not chosen:
        return bundled_table()
    file = Path(chosen)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError as error:
        where = f"{USER_TABLE_VARIABLE}={chosen}" if path is None else str(chosen)
        raise NewsprismError(f"outlet table {where} cannot be read ({error.strerror or error}); "
                             "name an existing file or unset the variable") from error
    return _user_table(str(file), stamp)


@lru_cache(maxsize=4)
def _user_table(path: str, _stamp: int) -> OutletTable:
    """A user's table merged into the bundled one, read again when the file changes."""
    user = OutletTable.parse(Path(path).read_text(encoding="utf-8"), path)
    log.info("outlet table %s: %d names", path, len(user.aliases))
    return bundled_table().merged(user)


def domain_of(url: str) -> str:
    """The registrable-looking host of a URL, without ``www.`` ("https://www.rt.com/x" -> "rt.com")."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.").removeprefix("m.").removeprefix("edition.")


def normalize_outlet(name: str | None, table: OutletTable | None = None) -> str:
    """The display name for an outlet given as a name, alias, label or domain; "" when empty.

    >>> normalize_outlet("latimes.com"), normalize_outlet("L.A. Times"), normalize_outlet("WIRED")
    ('Los Angeles Times', 'Los Angeles Times', 'Wired')
    """
    return (table or outlet_table()).normalize(name)


def is_known_outlet(name: str, table: OutletTable | None = None) -> bool:
    """Whether ``name`` is a display name of the outlet table (not merely a tidied unknown name)."""
    return name in (table or outlet_table()).names


def unify_spellings(articles: Iterable[Article]) -> list[Article]:
    """``articles`` with outlet names that differ only in case or spacing given one spelling: the
    most frequent one, the first seen on a tie ("Example Post" and "EXAMPLE POST" are one outlet)."""
    articles = list(articles)
    spellings: dict[str, Counter[str]] = {}
    for article in articles:
        if article.outlet:
            spellings.setdefault(_key(article.outlet), Counter())[article.outlet] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items() if len(counts) > 1}
    if not chosen:
        return articles
    return [replace(a, outlet=chosen[_key(a.outlet)]) if a.outlet and _key(a.outlet) in chosen else a
            for a in articles]
