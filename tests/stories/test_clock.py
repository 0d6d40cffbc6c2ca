"""The clock of clustering and the store, and the one rule that a date after it is wrong."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone

from newsprism.stories.clock import FixedClock, as_utc, believable, latest_believable, system_clock


def test_a_date_without_a_zone_is_taken_as_utc():
    assert as_utc(datetime(2024, 3, 1, 12)) == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    assert as_utc(datetime(2024, 3, 1, 12, tzinfo=timezone(timedelta(hours=2)))).hour == 10


def test_a_date_within_the_tolerance_past_now_is_believed_and_one_beyond_is_not():
    latest = latest_believable(FixedClock(datetime(2024, 3, 1, tzinfo=timezone.utc)), timedelta(days=1))
    assert believable(datetime(2024, 3, 1, 23, 59), latest)
    assert not believable(datetime(2024, 3, 2, 0, 1), latest)


def test_a_fixed_clock_survives_pickling_so_it_can_travel_with_a_stage():
    clock = FixedClock(datetime(2024, 3, 1))
    assert pickle.loads(pickle.dumps(clock))() == datetime(2024, 3, 1, tzinfo=timezone.utc)


def test_the_system_clock_tells_the_time_in_utc():
    assert system_clock().tzinfo == timezone.utc
