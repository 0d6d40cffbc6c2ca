"""One name per outlet, whatever form it arrives in.

Readers meet an outlet as a domain ("latimes.com"), a site name from HTML metadata
("Los Angeles Times"), a short form in a copyright line ("L.A. Times"), a dataset code ("nyt",
"APW") or an AllSides label ("CNN (Online News)"). Comparisons are per outlet, so all of these must
become the same display name; unknown names are kept, tidied, rather than guessed.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Canonical display name -> other names and domains it is known by (lower case).
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "Los Angeles Times": ("latimes.com", "la times", "l.a. times", "los angeles times", "latimes"),
    "RT": ("rt.com", "russia today", "rt news", "rt", "rt international", "rt world news"),
    "The New York Times": ("nytimes.com", "new york times", "nyt", "ny times", "the new york times",
                           "new york times news service", "new york times news service (nyt)"),
    "Fox News": ("foxnews.com", "fox news", "fox", "fox news (online news)", "fox online news"),
    "HuffPost": ("huffpost.com", "huffingtonpost.com", "huffington post", "huffpost", "hpo", "the huffington post"),
    "The Washington Post": ("washingtonpost.com", "washington post", "the washington post"),
    "The Wall Street Journal": ("wsj.com", "wall street journal", "wsj", "the wall street journal"),
    "CNN": ("cnn.com", "cnn", "cnn (online news)"),
    "Reuters": ("reuters.com", "reuters"),
    "Associated Press": ("apnews.com", "associated press", "ap", "ap news", "apw",
                         "associated press worldstream (apw)", "the associated press"),
    "BBC News": ("bbc.com", "bbc.co.uk", "bbc", "bbc news"),
    "The Guardian": ("theguardian.com", "guardian", "the guardian"),
    "NPR": ("npr.org", "npr", "npr (online news)"),
    "The Hill": ("thehill.com", "the hill"),
    "Washington Examiner": ("washingtonexaminer.com", "washington examiner"),
    "New York Post": ("nypost.com", "new york post", "ny post", "new york post (news)"),
    "National Review": ("nationalreview.com", "national review"),
    "Politico": ("politico.com", "politico"),
    "Bloomberg": ("bloomberg.com", "bloomberg"),
    "USA Today": ("usatoday.com", "usa today"),
    "NBC News": ("nbcnews.com", "nbc news"),
    "CBS News": ("cbsnews.com", "cbs news"),
    "ABC News": ("abcnews.go.com", "abc news"),
    "Breitbart News": ("breitbart.com", "breitbart", "breitbart news"),
    "The Daily Wire": ("dailywire.com", "daily wire", "the daily wire"),
    "Vox": ("vox.com", "vox"),
    "TASS": ("tass.com", "tass"),
    "Xinhua": ("xinhuanet.com", "news.cn", "xinhua", "xie", "xinhua news agency"),
}

_ALIASES: dict[str, str] = {
    alias: name for name, aliases in KNOWN_OUTLETS.items() for alias in (*aliases, name.lower())
}
_LABEL_SUFFIX = re.compile(r"\s*\((online news|news|opinion|editorial)\)\s*$", re.IGNORECASE)


def domain_of(url: str) -> str:
    """The registrable-looking host of a URL, without ``www.`` ("https://www.rt.com/x" -> "rt.com")."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.").removeprefix("m.").removeprefix("edition.")


def normalize_outlet(name: str | None) -> str:
    """The display name for an outlet given as a name, alias, label or domain; "" when empty.

    >>> normalize_outlet("latimes.com"), normalize_outlet("L.A. Times")
    ('Los Angeles Times', 'Los Angeles Times')
    """
    if not name or not name.strip():
        return ""
    cleaned = " ".join(name.split())
    key = cleaned.lower().strip(" .,")
    if key in _ALIASES:
        return _ALIASES[key]
    if "/" in key or re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", key):
        domain = domain_of(key)
        if domain in _ALIASES:
            return _ALIASES[domain]
        parts = domain.split(".")
        for i in range(1, len(parts) - 1):  # "latimes.com" for "www.sports.latimes.com"
            if ".".join(parts[i:]) in _ALIASES:
                return _ALIASES[".".join(parts[i:])]
        return domain
    unlabelled = _LABEL_SUFFIX.sub("", cleaned)
    return _ALIASES.get(unlabelled.lower(), unlabelled)
