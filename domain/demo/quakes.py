"""Synthetic earthquake catalogue and illustrative areas for the demo region.

The catalogue follows Groningen-like statistics (rate rising after 2000, peaking 2012–2017,
Gutenberg–Richter magnitudes with b ≈ 1 above ML 0.8, epicentres clustered around Loppersum
and Slochteren) and contains the four widely known strong events on their real dates. Every
quake is labelled "synthetisch"; with ``--catalog`` the demo uses the real catalogue instead.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import shapely

from domain.demo.places import PLACES
from domain.groundmotion.catalog import Catalog, Quake

SYNTHETIC_ORIGIN = "synthetisch (demo, Groningen-achtige statistiek)"
#: (first year, last year, quakes per year)
_RATES = ((1991, 2000, 15), (2001, 2011, 40), (2012, 2017, 90), (2018, 2022, 70), (2023, 2025, 30))
#: (x, y, sigma m, weight) of epicentre clusters
_CLUSTERS = (
    (245000, 594000, 4000, 0.5),
    (248000, 580000, 5000, 0.25),
    (247000, 588000, 8000, 0.25),
)
_KNOWN = (
    ("2012-08-16T20:30:33", 3.6, 240544, 596199, "Huizinge"),
    ("2018-01-08T14:00:52", 3.4, 246200, 595700, "Zeerijp"),
    ("2019-05-22T03:48:58", 3.4, 243400, 597500, "Westerwijtwerd"),
    ("2025-11-14T06:12:00", 3.4, 247600, 595300, "Zeerijp"),
)


def _nearest_place(x: float, y: float) -> str:
    best = min(PLACES, key=lambda p: (p.x - x) ** 2 + (p.y - y) ** 2)
    return best.name


def synthetic_catalog(seed: int) -> Catalog:
    rng = np.random.default_rng(seed + 1_000_003)
    quakes: list[Quake] = []
    weights = np.array([cluster[3] for cluster in _CLUSTERS])
    for first, last, rate in _RATES:
        for year in range(first, last + 1):
            n = int(rng.poisson(rate))
            days = np.sort(rng.integers(0, 365, n))
            seconds = rng.integers(0, 86400, n)
            which = rng.choice(len(_CLUSTERS), size=n, p=weights)
            ml = np.minimum(0.8 + rng.exponential(1.0 / np.log(10.0), n), 3.2)
            for day, second, cluster_index, magnitude in zip(days, seconds, which, ml):
                cx, cy, sigma, _ = _CLUSTERS[cluster_index]
                x = float(np.round(cx + rng.normal(0, sigma), 0))
                y = float(np.round(cy + rng.normal(0, sigma), 0))
                time = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
                    days=int(day), seconds=int(second)
                )
                depth = float(np.round(rng.uniform(2.6, 3.2), 1))
                quakes.append(
                    Quake(
                        "",
                        time,
                        _nearest_place(x, y),
                        round(float(magnitude), 1),
                        depth,
                        x,
                        y,
                        "Groningen",
                    )
                )
    for when, ml, x, y, place in _KNOWN:
        time = dt.datetime.fromisoformat(when).replace(tzinfo=dt.timezone.utc)
        quakes.append(Quake("", time, place, ml, 3.0, float(x), float(y), "Groningen"))
    quakes.sort(key=lambda quake: quake.time)
    named = [
        Quake(
            f"syn{quake.time:%Y%m%d}{i:05d}",
            quake.time,
            quake.place,
            quake.ml,
            quake.depth_km,
            quake.x,
            quake.y,
            quake.source,
        )
        for i, quake in enumerate(quakes, start=1)
    ]
    return Catalog(named, [], SYNTHETIC_ORIGIN)


def _ellipse(cx: float, cy: float, rx: float, ry: float, angle: float, n: int = 36):
    t = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = np.cos(angle), np.sin(angle)
    return shapely.Polygon(np.column_stack([cx + c * x - s * y, cy + s * x + c * y]))


#: twelve deep-subsidence stand-ins, away from the field centre (none is real)
_SUBSIDENCE = (
    (262000, 560000),
    (266000, 566000),
    (270000, 572000),
    (252000, 552000),
    (244000, 556000),
    (226000, 566000),
    (219000, 572000),
    (214000, 582000),
    (222000, 592000),
    (268000, 582000),
    (262000, 603000),
    (236000, 562000),
)
_START_AREAS = (
    ("Loppersum", 245000, 593500),
    ("Appingedam", 253000, 593500),
    ("Ten Boer", 243000, 587500),
)


def illustrative_areas(seed: int) -> list[tuple[str, str, str, object]]:
    """(kind, name, origin, geometry) of twelve subsidence and three start areas, all illustrative."""
    rng = np.random.default_rng(seed + 2_000_003)
    out = []
    for i, (cx, cy) in enumerate(_SUBSIDENCE, start=1):
        geom = _ellipse(cx, cy, rng.uniform(1500, 3000), rng.uniform(900, 2000), rng.uniform(0, 3))
        out.append(("subsidence", f"Diepe bodemdaling {i} (illustratief)", "illustrative", geom))
    for name, cx, cy in _START_AREAS:
        geom = _ellipse(cx, cy, 1400, 1100, rng.uniform(0, 3), 24)
        out.append(("start_area", f"Startgebied {name} (illustratief)", "illustrative", geom))
    return out
