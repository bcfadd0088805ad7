"""One backend object per store kind: the same interface, chosen once, doing the same thing."""

from __future__ import annotations

import inspect

import numpy as np
import shapely

from domain.store.backend import (
    GEOPACKAGE,
    POSTGIS,
    GeoPackageBackend,
    PostgisBackend,
    StoreBackend,
    backend_of,
)
from domain.store.objects import object_extent
from domain.store.parcels import delete_parcels, stored_parcels
from domain.store.planning_reads import read_area, start_areas


def _interface(cls) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls) if not name.startswith("_")}


def test_both_backends_offer_the_whole_shared_interface():
    wanted = {
        name
        for name in (*StoreBackend.__dict__, *StoreBackend.__annotations__)
        if not name.startswith("_")
    }
    assert len(wanted) > 20
    for cls in (GeoPackageBackend, PostgisBackend):
        assert wanted <= _interface(cls), (cls.__name__, sorted(wanted - _interface(cls)))


def test_the_store_chooses_its_backend_once(empty_store):
    backend = empty_store.backend
    assert backend is (GEOPACKAGE if empty_store.location.kind == "gpkg" else POSTGIS)
    with empty_store.engine.connect() as conn:
        assert backend_of(conn) is backend


def test_geometries_written_and_read_back_through_the_backend(empty_store):
    from domain.store.areas import as_multipolygon
    from domain.store.bulk import insert_rows

    square = as_multipolygon(shapely.box(240_000, 590_000, 240_500, 590_500))
    with empty_store.engine.begin() as conn:
        insert_rows(
            conn,
            "areas",
            ("id", "kind", "name", "origin", "source"),
            [(7, "start_area", "Proefwijk", "drawn", "test")],
            np.array([square], dtype=object),
        )
    with empty_store.engine.connect() as conn:
        area = read_area(conn, 7)
        listed = start_areas(conn)
        assert read_area(conn, 8) is None
    assert area.name == "Proefwijk" and area.kind == "start_area"
    assert shapely.equals_exact(area.geometry, square, tolerance=1e-6)
    assert [(a.id, a.label, a.origin) for a in listed] == [(7, "Proefwijk", "drawn")]


def test_parcels_are_read_by_aanduiding_and_deleted_by_id(empty_store):
    from domain.store.areas import as_multipolygon
    from domain.store.bulk import insert_rows

    shapes = [as_multipolygon(shapely.box(x, 0, x + 10, 10)) for x in (0, 20, 40)]
    with empty_store.engine.begin() as conn:
        insert_rows(
            conn,
            "parcels",
            ("id", "object_id", "kadastrale_aanduiding", "area_m2"),
            [(1, None, "SBG01 B 1", 100.0), (2, None, "SBG01 B 2", 100.0), (3, None, "X", 1.0)],
            np.array(shapes, dtype=object),
        )
    with empty_store.engine.begin() as conn:
        found = stored_parcels(conn, ["SBG01 B 2", "SBG01 B 1", "nowhere"])
        assert sorted(found) == ["SBG01 B 1", "SBG01 B 2"]
        assert shapely.equals_exact(found["SBG01 B 2"][0].geometry, shapes[1], tolerance=1e-6)
        delete_parcels(conn, [1, 3])
    with empty_store.engine.connect() as conn:
        assert list(stored_parcels(conn, ["SBG01 B 1", "SBG01 B 2", "X"])) == ["SBG01 B 2"]
        assert object_extent(conn) is None  # a store without objects has no extent
