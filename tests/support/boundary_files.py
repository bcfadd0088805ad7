"""Small boundary files in the layouts CBS publishes (through PDOK), written with GDAL at test time.

SYNTHETIC GEOMETRY: the layer and field names are the real ones of the CBS *gebiedsindelingen*
GeoPackage, the CBS postcode-4 GeoPackage and the CBS Wijk- en Buurtkaart; the polygons, codes
and names are made up (strips and grid cells over the demo region, "Synthetisch …"). They are
no municipality's or postcode area's real outline.
"""

from __future__ import annotations

from pathlib import Path

import shapely
from osgeo import ogr

from tests.unit.store.fixtures import write_vector

#: the demo region in RD New (the demo's objects lie in x 217-266 km, y 552-606 km); the strips
#: and cells below leave its north-east corner uncovered, so some objects are outside all
X0, X1 = 214000.0, 262000.0
Y0, Y1 = 550000.0, 603000.0

#: (statcode, statnaam, x from, x to) — synthetic municipalities of 2024, as vertical strips
GEMEENTEN_2024 = (
    ("GM9001", "Synthetisch West", X0, 232000.0),
    ("GM9002", "Synthetisch Midden", 232000.0, 247000.0),
    ("GM9003", "Synthetisch Oost", 247000.0, X1),
)
#: an older division of the same region (2023): two strips with other names
GEMEENTEN_2023 = (
    ("GM9011", "Synthetisch Oud-West", X0, 240000.0),
    ("GM9012", "Synthetisch Oud-Oost", 240000.0, X1),
)
#: a synthetic municipality far from Groningen (South Limburg): kept out by the region filter
FAR_AWAY = ("GM9099", "Synthetisch Zuid", 176000.0, 186000.0, 310000.0, 320000.0)
WIJKEN_2024 = (
    ("WK900101", "Synthetisch West-Noord", X0, 232000.0, 576000.0, Y1),
    ("WK900102", "Synthetisch West-Zuid", X0, 232000.0, Y0, 576000.0),
)


def strip(x0: float, x1: float, y0: float = Y0, y1: float = Y1):
    return shapely.box(x0, y0, x1, y1)


def pc4_cells() -> list[tuple[str, object]]:
    """Synthetic PC4 areas: a 4 x 3 grid of cells over the demo region, codes 9701-9712, with
    one cell (9712) left out so that objects there are outside every PC4."""
    width, height = (X1 - X0) / 4, (Y1 - Y0) / 3
    cells = []
    for row in range(3):
        for column in range(4):
            code = str(9701 + row * 4 + column)
            if code == "9712":
                continue
            x, y = X0 + column * width, Y0 + row * height
            cells.append((code, shapely.box(x, y, x + width, y + height)))
    return cells


def _pdok_rows(gemeenten, year: int, far_away: bool = False):
    rows = []
    for i, (code, name, x0, x1) in enumerate(gemeenten, start=1):
        rows.append((strip(x0, x1), _pdok_fields(i, code, name, year, "gemeente")))
    if far_away:
        code, name, x0, x1, y0, y1 = FAR_AWAY
        rows.append((strip(x0, x1, y0, y1), _pdok_fields(99, code, name, year, "gemeente")))
    return rows


def _pdok_fields(i: int, code: str, name: str, year: int, rubriek: str) -> dict:
    return {
        "id": i,
        "statcode": code,
        "jrstatcode": f"{year}{code}",
        "statnaam": name,
        "rubriek": rubriek,
    }


def write_gebiedsindelingen(path: Path, srs=28992, unqualified: bool = False) -> Path:
    """The CBS gebiedsindelingen GeoPackage as PDOK publishes it, SYNTHETIC geometry: the
    municipalities of 2024 (plus one far away) and 2023, their label points, districts of 2024.
    ``unqualified``: the 2024 layers without the year in their names (PDOK's current ones)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    prefix = "" if unqualified else "cbs_"
    middle = "" if unqualified else "_2024"
    write_vector(
        path,
        _pdok_rows(GEMEENTEN_2024, 2024, far_away=True),
        layer=f"{prefix}gemeente{middle}_gegeneraliseerd",
        srs=srs,
        geometry_type=ogr.wkbMultiPolygon,
    )
    labels = [
        (strip(x0, x1).representative_point(), _pdok_fields(i, code, name, 2024, "gemeente"))
        for i, (code, name, x0, x1) in enumerate(GEMEENTEN_2024, start=1)
    ]
    write_vector(
        path,
        labels,
        layer=f"{prefix}gemeente{middle}_labelpoint",
        srs=srs,
        geometry_type=ogr.wkbPoint,
    )
    write_vector(
        path,
        _pdok_rows(GEMEENTEN_2023, 2023),
        layer="cbs_gemeente_2023_gegeneraliseerd",
        srs=srs,
        geometry_type=ogr.wkbMultiPolygon,
    )
    wijken = [
        (strip(x0, x1, y0, y1), _pdok_fields(i, code, name, 2024, "wijk"))
        for i, (code, name, x0, x1, y0, y1) in enumerate(WIJKEN_2024, start=1)
    ]
    write_vector(
        path,
        wijken,
        layer=f"{prefix}wijk{middle}_gegeneraliseerd",
        srs=srs,
        geometry_type=ogr.wkbMultiPolygon,
    )
    return path


def write_pc4(path: Path, field: str = "postcode4", layer: str = "cbs_pc4_2024") -> Path:
    """The CBS postcode-4 GeoPackage, SYNTHETIC geometry (see :func:`pc4_cells`)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    rows = [(cell, {field: code}) for code, cell in pc4_cells()]
    return write_vector(path, rows, layer=layer, geometry_type=ogr.wkbMultiPolygon)


def write_wijk_en_buurtkaart(path: Path) -> Path:
    """The CBS Wijk- en Buurtkaart GeoPackage, SYNTHETIC geometry: layer ``gemeenten`` with
    each municipality's land row and a water-only row (``water`` = JA) of the same code."""
    path = Path(path)
    if path.exists():
        path.unlink()
    rows = []
    for code, name, x0, x1 in GEMEENTEN_2024:
        fields = {"gemeentecode": code, "gemeentenaam": name, "water": "NEE"}
        rows.append((strip(x0, x1), fields))
        water = {"gemeentecode": code, "gemeentenaam": name, "water": "JA"}
        rows.append((strip(x0, x1, Y1, Y1 + 2000.0), water))
    write_vector(path, rows, layer="gemeenten", geometry_type=ogr.wkbMultiPolygon)
    buurten = [
        (
            strip(X0, 232000.0, Y0, 560000.0),
            {"buurtcode": "BU90010001", "buurtnaam": "Synthetisch Buurt", "water": "NEE"},
        )
    ]
    write_vector(path, buurten, layer="buurten", geometry_type=ogr.wkbMultiPolygon)
    return path
