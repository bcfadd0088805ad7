"""The earthquake catalogue as the product uses it: counting quakes and excluded ones.

Only quakes caused by the Groningen field or the gas storages Norg and Grijpskerk count for
IMG. A catalogue that names the field is trusted; otherwise a quake counts when its epicentre
lies within a source outline plus a margin (policy). Excluded quakes are kept with the reason,
so the user can see why a felt quake does not appear in a verdict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from domain import policy
from domain.i18n import register, tr
from domain.presentation.dutch_time import day_start64, dutch_date

register(
    {
        "catalog.excluded.field": (
            "veld {field} telt niet mee (alleen {sources})",
            "field {field} does not count (only {sources})",
        ),
        "catalog.excluded.outside": (
            "epicentrum ligt buiten de bronomtrekken (plus {buffer:.0f} m marge)",
            "epicentre lies outside the source outlines (plus {buffer:.0f} m margin)",
        ),
        "catalog.excluded.no_field": (
            "catalogus noemt geen veld",
            "catalogue names no field",
        ),
    }
)


@dataclass(frozen=True)
class Quake:
    """One induced earthquake: UTC time, local magnitude, RD New epicentre in metres."""

    event_id: str
    time: dt.datetime  # tz-aware UTC
    place: str
    ml: float
    depth_km: float | None
    x: float
    y: float
    source: str = ""  # "Groningen" | "Norg" | "Grijpskerk" | other field | "" unknown

    @property
    def counts(self) -> bool:
        return self.source in policy.COUNTING_SOURCES


@dataclass(frozen=True)
class QuakeArrays:
    """Column view of the counting quakes for vectorised ground-motion work."""

    x: np.ndarray
    y: np.ndarray
    depth_km: np.ndarray  # NaN where the catalogue gives none
    ml: np.ndarray
    time: np.ndarray  # datetime64[s], UTC
    ids: np.ndarray  # event ids (str objects)

    def __len__(self) -> int:
        return int(self.x.shape[0])


@dataclass
class Catalog:
    """Counting quakes in time order, the excluded ones with a reason, and where they came from."""

    quakes: list[Quake]
    excluded: list[tuple[Quake, str]] = field(default_factory=list)
    origin: str = ""
    declared_end: dt.date | None = None  # a coverage end the source states (FDSN endtime)

    @property
    def end(self) -> dt.date | None:
        """Last Dutch day the catalogue covers: the declared end, else its latest event's date
        (any source, counting or not); None for an empty catalogue without a declared end."""
        if self.declared_end is not None:
            return self.declared_end
        times = [quake.time for quake in self.quakes] + [quake.time for quake, _ in self.excluded]
        return dutch_date(max(times)) if times else None

    def as_arrays(self) -> QuakeArrays:
        quakes = self.quakes
        return QuakeArrays(
            x=np.array([quake.x for quake in quakes], dtype=float),
            y=np.array([quake.y for quake in quakes], dtype=float),
            depth_km=np.array(
                [np.nan if quake.depth_km is None else quake.depth_km for quake in quakes],
                dtype=float,
            ),
            ml=np.array([quake.ml for quake in quakes], dtype=float),
            time=np.array([to_datetime64(quake.time) for quake in quakes], dtype="datetime64[s]"),
            ids=np.array([quake.event_id for quake in quakes], dtype=object),
        )

    def by_id(self, event_id: str) -> Quake | None:
        for quake in self.quakes:
            if quake.event_id == event_id:
                return quake
        for quake, _ in self.excluded:
            if quake.event_id == event_id:
                return quake
        return None

    def __len__(self) -> int:
        return len(self.quakes)


def to_datetime64(t: dt.datetime) -> np.datetime64:
    """UTC instant as naive datetime64[s] (numpy has no time zones)."""
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return np.datetime64(t.replace(microsecond=0), "s")


def as_of_limit(as_of: dt.date | dt.datetime | None) -> np.datetime64 | None:
    """Latest instant that counts "as of" a date: a date includes its whole Dutch day."""
    if as_of is None:
        return None
    if isinstance(as_of, dt.datetime):
        return to_datetime64(as_of)
    return day_start64(as_of + dt.timedelta(days=1)) - np.timedelta64(1, "s")


def before_limit(day: dt.date) -> np.datetime64:
    """Last instant strictly before ``day`` (00:00 Dutch time), as UTC datetime64[s]."""
    return day_start64(day) - np.timedelta64(1, "s")


def attribute(
    quakes: Sequence[Quake],
    has_field: bool,
    origin: str,
    outlines=None,
    buffer_m: float = policy.SOURCE_ATTRIBUTION_BUFFER_M,
) -> Catalog:
    """Split quakes into counting and excluded ones (field column first, else outlines)."""
    from domain.groundmotion.sources import attribute_by_outline, default_outlines

    counting: list[Quake] = []
    excluded: list[tuple[Quake, str]] = []
    sources = ", ".join(policy.COUNTING_SOURCES)
    if not has_field:
        outlines = default_outlines() if outlines is None else outlines
        names = attribute_by_outline(
            np.array([quake.x for quake in quakes], dtype=float),
            np.array([quake.y for quake in quakes], dtype=float),
            outlines,
            buffer_m,
        )
        quakes = [replace(quake, source=name) for quake, name in zip(quakes, names)]
    for quake in quakes:
        if quake.counts:
            counting.append(quake)
        elif has_field:
            reason = (
                tr("catalog.excluded.field", field=quake.source, sources=sources)
                if quake.source
                else tr("catalog.excluded.no_field")
            )
            excluded.append((quake, reason))
        else:
            excluded.append((quake, tr("catalog.excluded.outside", buffer=buffer_m)))
    counting.sort(key=lambda quake: (quake.time, quake.event_id))
    excluded.sort(key=lambda item: (item[0].time, item[0].event_id))
    return Catalog(quakes=counting, excluded=excluded, origin=origin)
