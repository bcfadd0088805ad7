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
from pathlib import Path

import numpy as np

from domain import policy
from domain.dutch_time import day_start64, dutch_date
from domain.i18n import register, tr

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
        times = [q.time for q in self.quakes] + [q.time for q, _ in self.excluded]
        return dutch_date(max(times)) if times else None

    def as_arrays(self) -> QuakeArrays:
        qs = self.quakes
        return QuakeArrays(
            x=np.array([q.x for q in qs], dtype=float),
            y=np.array([q.y for q in qs], dtype=float),
            depth_km=np.array(
                [np.nan if q.depth_km is None else q.depth_km for q in qs], dtype=float
            ),
            ml=np.array([q.ml for q in qs], dtype=float),
            time=np.array([to_datetime64(q.time) for q in qs], dtype="datetime64[s]"),
            ids=np.array([q.event_id for q in qs], dtype=object),
        )

    def by_id(self, event_id: str) -> Quake | None:
        for q in self.quakes:
            if q.event_id == event_id:
                return q
        for q, _ in self.excluded:
            if q.event_id == event_id:
                return q
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
            np.array([q.x for q in quakes], dtype=float),
            np.array([q.y for q in quakes], dtype=float),
            outlines,
            buffer_m,
        )
        quakes = [replace(q, source=name) for q, name in zip(quakes, names)]
    for q in quakes:
        if q.counts:
            counting.append(q)
        elif has_field:
            reason = (
                tr("catalog.excluded.field", field=q.source, sources=sources)
                if q.source
                else tr("catalog.excluded.no_field")
            )
            excluded.append((q, reason))
        else:
            excluded.append((q, tr("catalog.excluded.outside", buffer=buffer_m)))
    counting.sort(key=lambda q: (q.time, q.event_id))
    excluded.sort(key=lambda item: (item[0].time, item[0].event_id))
    return Catalog(quakes=counting, excluded=excluded, origin=origin)


def load_catalog(
    path: str | Path,
    outlines=None,
    time_zone: str | None = None,
    catalog_end: dt.date | None = None,
) -> Catalog:
    """Read any supported catalogue file (format detected) and split counting from excluded.

    ``outlines``: source outlines (:class:`~domain.groundmotion.sources.SourceOutline`) used
    when the file names no field; default the built-in ones. ``time_zone``: the zone of
    clock times in layouts that do not declare one (see :mod:`domain.importers.catalog`);
    ``catalog_end``: a declared coverage end (else the latest event's date). Raises
    ``InputError`` listing every problem; nothing is returned then.
    """
    from domain.importers.catalog import check_catalog_end, read_catalog_file

    parsed = read_catalog_file(path, time_zone)
    catalog = attribute(parsed.quakes, parsed.has_field, Path(path).name, outlines)
    if catalog_end is not None:
        check_catalog_end(Path(path).name, catalog_end, catalog.end)
        catalog.declared_end = catalog_end
    return catalog
