"""Outlines of the three counting sources: the Groningen field and the storages Norg and Grijpskerk.

Real outlines are imported (CSV ring of ``x,y`` in RD New, or GeoJSON). Without them the
product uses coarse built-in approximations so attribution and the 6 km zone still work; those
carry the origin ``illustrative-approximation`` and the Dutch label "benadering" wherever shown.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Polygon, shape
from shapely.ops import unary_union

from domain import policy
from domain.errors import InputError, Problem

ORIGIN_IMPORTED = "imported"
ORIGIN_APPROXIMATION = "illustrative-approximation"
ORIGIN_COMPUTED = "computed"


@dataclass(frozen=True)
class SourceOutline:
    """Surface outline of a gas field or storage in RD New, with where it came from."""

    name: str
    geometry: object  # shapely Polygon / MultiPolygon
    origin: str = ORIGIN_IMPORTED
    label: str = ""


def _km_ring(points: Sequence[tuple[float, float]]) -> Polygon:
    return Polygon([(x * 1000.0, y * 1000.0) for x, y in points])


def _storage_approximation(cx: float, cy: float, rx: float, ry: float) -> Polygon:
    """A small ellipse (metres) standing in for a storage outline that is not available."""
    t = np.linspace(0.0, 2.0 * np.pi, 24, endpoint=False)
    return Polygon(np.column_stack([cx + rx * np.cos(t), cy + ry * np.sin(t)]))


#: centres of the storage approximations, RD New metres: the storages' surface sites (NAM
#: location Langelo for the Norg storage, 53.09 N 6.45 E; the gas treatment site by Grijpskerk
#: for the Grijpskerk storage, 53.27 N 6.29 E), as public topography places them (NLOG lists
#: both as underground gas storages). Only a stand-in until NLOG's outlines are imported
#: (``imgschade import-outlines``).
NORG_STORAGE_SITE_RD = (226300.0, 567700.0)
GRIJPSKERK_STORAGE_SITE_RD = (215500.0, 587500.0)


def default_outlines() -> list[SourceOutline]:
    """Built-in coarse outlines (approximations, labelled so) for the three sources."""
    return [
        SourceOutline(
            "Groningen",
            _km_ring(
                [
                    (258, 568),
                    (243, 572),
                    (236, 583),
                    (233, 599),
                    (242, 612),
                    (256, 609),
                    (267, 592),
                    (265, 570),
                ]
            ),
            ORIGIN_APPROXIMATION,
            "Groningenveld (benadering, grove omtrek op km-niveau)",
        ),
        SourceOutline(
            "Norg",
            _storage_approximation(*NORG_STORAGE_SITE_RD, 2500.0, 1800.0),
            ORIGIN_APPROXIMATION,
            "Gasopslag Norg bij Langelo (benadering: ellips rond de NAM-locatie Langelo, "
            "geen NLOG-omtrek)",
        ),
        SourceOutline(
            "Grijpskerk",
            _storage_approximation(*GRIJPSKERK_STORAGE_SITE_RD, 2000.0, 1500.0),
            ORIGIN_APPROXIMATION,
            "Gasopslag Grijpskerk (benadering: ellips rond de gasbehandelingslocatie bij "
            "Grijpskerk, geen NLOG-omtrek)",
        ),
    ]


def load_outline(path: str | Path, name: str | None = None) -> SourceOutline:
    """Read an outline: CSV ring with columns ``x,y`` (RD New) or GeoJSON (RD New coordinates).

    The source name is ``name``, else a GeoJSON ``name`` property, else the file stem.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    problems: list[Problem] = []
    props_name = None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path.name}: geen geldige GeoJSON",
                [Problem(str(exc), path.name, exc.lineno, "", "controleer het bestand")],
            ) from None
        features = data.get("features") or [data]
        geoms = []
        for f in features:
            geom = f.get("geometry", f) if isinstance(f, dict) else None
            try:
                geoms.append(shape(geom))
            except Exception:
                problems.append(
                    Problem("geometrie onleesbaar", path.name, None, "geometry", "geef een Polygon")
                )
            props = f.get("properties") or {} if isinstance(f, dict) else {}
            props_name = props_name or props.get("name") or props.get("naam")
        geometry = unary_union(geoms) if geoms else None
    else:
        rows = list(csv.reader(text.splitlines()))
        header = [h.strip().lower() for h in (rows[0] if rows else [])]
        if "x" not in header or "y" not in header:
            raise InputError(
                f"{path.name}: kolommen ontbreken",
                [Problem("kolommen x en y ontbreken", path.name, 1, "x,y", "kop: x,y")],
            )
        ix, iy = header.index("x"), header.index("y")
        coords = []
        for n, row in enumerate(rows[1:], start=2):
            if not row:
                continue
            try:
                coords.append((float(row[ix]), float(row[iy])))
            except (ValueError, IndexError):
                problems.append(
                    Problem("geen getal", path.name, n, "x,y", "geef RD-coördinaten in meters")
                )
        geometry = Polygon(coords) if len(coords) >= 3 else None
    if geometry is None or geometry.is_empty:
        problems.append(Problem("geen vlak gevonden", path.name, None, "", "geef één omtrek"))
    elif not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    if problems:
        raise InputError(f"{path.name}: omtrek niet ingelezen", problems)
    return SourceOutline(
        name or props_name or source_name_from(path.stem), geometry, ORIGIN_IMPORTED, path.name
    )


def source_name_from(text: str) -> str:
    """The counting source a file name refers to ("groningen_field_outline_rd" → Groningen)."""
    for name in policy.COUNTING_SOURCES:
        if name.lower() in text.lower():
            return name
    return text


def merge_outlines(imported: Sequence[SourceOutline]) -> list[SourceOutline]:
    """Imported outlines replace the built-in approximation of the same source."""
    names = {o.name for o in imported}
    return list(imported) + [o for o in default_outlines() if o.name not in names]


def outlines_from_files(paths: Sequence[str | Path] | None) -> list[SourceOutline] | None:
    """The source outlines given as files, with the built-in ones for the sources not given;
    None without files (the catalogue then uses the built-in ones). The one path from
    ``--outlines`` to both the counting of quakes and the 6 km zone, in every command."""
    if not paths:
        return None
    return merge_outlines([load_outline(path) for path in paths])


def attribute_by_outline(
    x: np.ndarray,
    y: np.ndarray,
    outlines: Sequence[SourceOutline],
    buffer_m: float = policy.SOURCE_ATTRIBUTION_BUFFER_M,
) -> list[str]:
    """Source name per epicentre: the first outline (plus margin) containing it, else ""."""
    names = np.full(len(x), "", dtype=object)
    points = shapely.points(np.column_stack([x, y])) if len(x) else np.array([], dtype=object)
    for outline in outlines:
        zone = shapely.buffer(outline.geometry, buffer_m)
        shapely.prepare(zone)
        inside = shapely.contains(zone, points) | shapely.touches(zone, points)
        names[(names == "") & inside] = outline.name
    return [str(n) for n in names]
