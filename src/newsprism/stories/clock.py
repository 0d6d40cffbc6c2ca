"""The present, as clustering and the store see it, and the one rule that a date after it is wrong.

A publication date later than now (plus a tolerance for time zones and clock skew) is a wrong date,
not news from the future: clustering ignores it, and the store does not let it stretch a story's
dates. Which dates pass therefore depends on when "now" is, so the clock is an argument of the
stages that apply the rule (``StoryClusterer``, ``cluster_articles``, ``Store``), never read from
the wall clock inside them: a caller, a test or a replay of last year's stream gives its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

Clock = Callable[[], datetime]
"""Anything that says what time it is now (an aware datetime; a naive one is taken as UTC)."""


def system_clock() -> datetime:
    """The wall clock, in UTC: the default ``Clock``."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True, slots=True)
class FixedClock:
    """A clock that always says ``moment`` (a replay of an old stream, a test); picklable, so it can
    travel with the stage that uses it."""

    moment: datetime

    def __call__(self) -> datetime:
        return as_utc(self.moment)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a date without a zone is taken as UTC (what feeds and files mostly mean)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def latest_believable(clock: Clock, tolerance: timedelta) -> datetime:
    """The latest publication date that is believed: now by ``clock``, plus ``tolerance``.

    Anything later is a wrong date (see the module docstring); this is the one place that says so.
    """
    return as_utc(clock()) + tolerance


def believable(published: datetime, latest: datetime) -> bool:
    """Whether ``published`` is no later than ``latest`` (from ``latest_believable``)."""
    return as_utc(published) <= latest
