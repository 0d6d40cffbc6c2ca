"""The in-process engine: the stages composed for one machine.

Commands that take articles as one story (``summarize``, ``compare``, ``report``) or a cluster file
of stories go through here, so reading and cleaning happen the same way everywhere.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import read_inputs, read_stories
from newsprism.model import Article, Story
from newsprism.text.clean import clean_articles

log = logging.getLogger(__name__)


def usable_articles(articles: Sequence[Article]) -> tuple[list[Article], list[InputError]]:
    """The articles with text left after cleaning, and an error for each other one, so that an
    article emptied by cleaning is reported rather than dropped silently."""
    kept, errors = [], []
    for article in articles:
        if article.text.strip():
            kept.append(article)
        else:
            errors.append(InputError(article.where, emptied_reason(article)))
    return kept, errors


def emptied_reason(article: Article) -> str:
    """Why an article has no text left: the cleaner's reasons, so a user can judge them."""
    reasons = Counter(removal.reason for removal in article.removed)
    if not reasons:
        return "no article text left after cleaning"
    removed = len(article.removed)
    listed = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
    return f"no article text left after cleaning (removed {removed} line{'s' * (removed != 1)}: {listed})"


def _story_id(articles: Sequence[Article]) -> str:
    digest = hashlib.sha1("\n".join(a.id for a in articles).encode()).hexdigest()
    return f"story-{digest[:10]}"


def load_story(inputs: Sequence[str], *, allow_private: bool = False) -> tuple[Story, list[InputError]]:
    """Read and clean ``inputs`` as the articles of one story.

    Returns the story and the problems met on the way (each names its input); raises
    ``NewsprismError`` when no input gave a usable article.
    """
    result = read_inputs(inputs, allow_private=allow_private)
    articles, emptied = usable_articles(clean_articles(result.articles))
    errors = [*result.errors, *emptied]
    if not articles:
        reasons = "; ".join(str(e) for e in errors[:3]) or "no inputs given"
        raise NewsprismError(f"no usable article was read ({reasons})")
    log.info("read %d articles from %d inputs", len(articles), len(inputs))
    return Story(id=_story_id(articles), articles=tuple(articles)), errors


class EmptyStory(InputError):
    """A story of a cluster file none of whose articles has text left after cleaning; it carries
    the story's id, so that a batch can still give the story its line of output."""

    def __init__(self, source: str, story_id: str) -> None:
        super().__init__(source, "story has no article with text")
        self.story_id = story_id

    def __reduce__(self):
        return (type(self), (self.source, self.story_id))


def iter_cluster_stories(path: str) -> Iterator[Story | InputError]:
    """Each story of a cluster file, its articles cleaned; problems are yielded in place, in order
    (a story left with no article as an ``EmptyStory``)."""
    for item in read_stories(path):
        if isinstance(item, InputError):
            yield item
            continue
        articles, errors = usable_articles(clean_articles(item.articles))
        yield from errors
        if articles:
            yield replace(item, articles=tuple(articles))
        else:
            yield EmptyStory(f"{path}:{item.id}", item.id)
