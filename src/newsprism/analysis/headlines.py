"""What a story is called: the headline the outlets agree on most, not the first outlet's.

A story page titled with one outlet's headline carries that outlet's slant, or its superseded
first version ("LePage opens door to early exit" when the others report he will stay). Each
headline is scored by how many of its content words (stemmed, stop words left out) the other
outlets' headlines share, as a share of its own words; the best-scoring one names the story, the
earliest on a tie. Headlines themselves are compared in ``framing`` (loaded words, naming).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsprism.analysis.quotes import content_words
from newsprism.model import Article

log = logging.getLogger(__name__)


def agreed_title(articles: Sequence[Article]) -> str | None:
    """The title of ``articles`` whose words the other outlets' titles share most; None without titles.

    Titles of one outlet count once (its first), so that an outlet with many articles does not
    outvote the others.
    """
    by_outlet: dict[str, str] = {}
    for article in articles:
        if article.title and article.title.strip():
            by_outlet.setdefault(article.display_outlet, " ".join(article.title.split()))
    titles = list(by_outlet.values())
    if len(titles) <= 1:
        return titles[0] if titles else None
    words = [content_words(title) for title in titles]

    def agreement(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & words[j]) / len(words[i]) for j in range(len(titles)) if j != i)

    best = max(range(len(titles)), key=lambda i: (agreement(i), -i))
    log.debug("story title %r chosen from %d headlines", titles[best], len(titles))
    return titles[best]
