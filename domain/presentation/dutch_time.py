"""Dutch calendar dates of UTC instants, and local catalogue times turned into UTC.

A quake keeps its UTC instant; decision, construction and policy dates are Dutch calendar
dates, so a rule compares a quake by its date in Europe/Amsterdam (a quake at 23:46 UTC on
15 November is on the 16th in Groningen). The zone comes from :mod:`zoneinfo`; where the
system has no time-zone database (Windows) the bundled ``tzdata`` package supplies it.

Local clock times that do not name their offset are read by one fixed rule at the changes of
summer time: a time that occurs twice (the last Sunday of October, 02:00–02:59) is the first of
the two (still summer time); a time that does not exist (the last Sunday of March, 02:00–02:59)
is read with the offset before the change (winter time), i.e. as if the clock had not been put
forward yet. That is ``fold=0`` of PEP 495.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np

from domain import policy

UTC = dt.timezone.utc


@cache
def zone(name: str = policy.DUTCH_TIME_ZONE) -> dt.tzinfo:
    """The time zone ``name`` (IANA); raises ``ValueError`` for an unknown name."""
    if name.upper() in ("UTC", "Z", "ETC/UTC"):
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(name) from None


def as_utc(t: dt.datetime) -> dt.datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)


def dutch_date(t: dt.datetime) -> dt.date:
    """The calendar date in the Netherlands of an instant (naive = UTC)."""
    return as_utc(t).astimezone(zone()).date()


def local_to_utc(t: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """A naive clock time in ``tz`` as an aware UTC instant (DST rule: see the module)."""
    return t.replace(tzinfo=tz, fold=0).astimezone(UTC)


def day_start(day: dt.date) -> dt.datetime:
    """00:00 Dutch time on ``day``, as an aware UTC instant."""
    return local_to_utc(dt.datetime.combine(day, dt.time()), zone())


def day_start64(day: dt.date) -> np.datetime64:
    """:func:`day_start` as naive UTC datetime64[s] (the clock of the exposure arrays)."""
    return np.datetime64(day_start(day).replace(tzinfo=None), "s")


def dutch_dates(times: np.ndarray) -> np.ndarray:
    """Dutch calendar date (datetime64[D]) of every UTC instant in ``times`` (datetime64).

    The offset is one or two hours, so each instant is shifted by the offset that holds at
    it; only the distinct instants are converted one by one (a catalogue has a few thousand).
    """
    t = np.asarray(times).astype("datetime64[s]")
    out = np.full(t.shape, np.datetime64("NaT", "D"))
    known = ~np.isnat(t)
    if not known.any():
        return out
    distinct, back = np.unique(t[known], return_inverse=True)
    tz = zone()
    epoch = dt.datetime(1970, 1, 1, tzinfo=UTC)
    offsets = np.array(
        [
            int((epoch + dt.timedelta(seconds=int(s))).astimezone(tz).utcoffset().total_seconds())
            for s in distinct.astype(np.int64)
        ],
        dtype=np.int64,
    )
    local = distinct + offsets.astype("timedelta64[s]")
    out[known] = local.astype("datetime64[D]")[back]
    return out
