"""Dutch calendar dates of UTC instants, local times to UTC at the summer-time changes, and the
as-of and "before" limits of the exposure arrays on Dutch days."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.groundmotion.catalog import as_of_limit, before_limit
from domain.presentation.dutch_time import day_start, dutch_date, dutch_dates, local_to_utc, zone

UTC = dt.timezone.utc


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        (utc(2021, 11, 15, 22, 59, 59), dt.date(2021, 11, 15)),  # winter: UTC+1
        (utc(2021, 11, 15, 23, 0, 0), dt.date(2021, 11, 16)),
        (utc(2021, 11, 15, 23, 46), dt.date(2021, 11, 16)),
        (utc(2021, 7, 10, 21, 59, 59), dt.date(2021, 7, 10)),  # summer: UTC+2
        (utc(2021, 7, 10, 22, 0, 0), dt.date(2021, 7, 11)),
        (dt.datetime(2021, 7, 10, 22, 30), dt.date(2021, 7, 11)),  # naive counts as UTC
    ],
)
def test_dutch_date_of_an_instant(instant, day):
    assert dutch_date(instant) == day


def test_huizinge_local_time_is_utc_two_hours_earlier():
    huizinge = local_to_utc(dt.datetime(2012, 8, 16, 20, 30, 33), zone())
    assert huizinge == utc(2012, 8, 16, 18, 30, 33)


def test_summer_time_changes_follow_one_rule():
    tz = zone()
    # 27 March 2022 02:30 does not exist: read with the offset before the change (winter)
    assert local_to_utc(dt.datetime(2022, 3, 27, 2, 30), tz) == utc(2022, 3, 27, 1, 30)
    # 30 October 2022 02:30 happens twice: the first one (still summer time)
    assert local_to_utc(dt.datetime(2022, 10, 30, 2, 30), tz) == utc(2022, 10, 30, 0, 30)
    assert local_to_utc(dt.datetime(2022, 10, 30, 3, 30), tz) == utc(2022, 10, 30, 2, 30)


def test_day_start_and_the_exposure_limits_are_dutch_midnights():
    assert day_start(dt.date(2026, 1, 1)) == utc(2025, 12, 31, 23)
    assert day_start(dt.date(2021, 7, 11)) == utc(2021, 7, 10, 22)
    assert before_limit(dt.date(2026, 1, 1)) == np.datetime64("2025-12-31T22:59:59")
    assert as_of_limit(dt.date(2021, 11, 15)) == np.datetime64("2021-11-15T22:59:59")
    assert as_of_limit(dt.date(2021, 7, 10)) == np.datetime64("2021-07-10T21:59:59")


def test_unknown_zone_is_a_value_error():
    with pytest.raises(ValueError):
        zone("Europe/Atlantis")
    assert zone("UTC") is UTC


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.datetimes(min_value=dt.datetime(1986, 1, 1), max_value=dt.datetime(2030, 12, 31)),
        max_size=30,
    )
)
def test_vectorised_dates_equal_the_one_by_one_dates(instants):
    times = np.array([np.datetime64(t.replace(microsecond=0), "s") for t in instants])
    times = times.astype("datetime64[s]")
    got = dutch_dates(times)
    assert [d.astype(dt.date) for d in got] == [
        dutch_date(t.replace(microsecond=0)) for t in instants
    ]


def test_vectorised_dates_keep_unknown_times_unknown():
    times = np.array(["2021-11-15T23:46:00", "NaT"], dtype="datetime64[s]")
    got = dutch_dates(times)
    assert got[0] == np.datetime64("2021-11-16") and np.isnat(got[1])
