"""The box in ``gpkg_contents`` covers every geometry written, and older stores get one filled.

GDAL only reads a table straight through for a full-extent map when that box is known; the
benchmark shows the effect, these tests hold the box right.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import shapely

from domain.demo import build_demo
from domain.store import create_store, open_store
from domain.store.bulk import insert_rows
from domain.store.extents import fill_missing_extents


def _box(path, table):
    with sqlite3.connect(path) as con:
        return con.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (table,)
        ).fetchone()


def _quakes(ids, xs, ys):
    rows = [
        (i, f"test-{i}", f"2020-01-0{i} 00:00:00", 2.0, x, y, True) for i, x, y in zip(ids, xs, ys)
    ]
    return rows, np.array([shapely.Point(x, y) for x, y in zip(xs, ys)], dtype=object)


QUAKE_COLS = ("id", "event_id", "time", "ml", "x", "y", "counting")


def test_inserts_widen_the_box_to_cover_every_geometry(tmp_path):
    path = tmp_path / "s.gpkg"
    store = create_store(str(path))
    assert _box(path, "quakes") == (None, None, None, None)
    with store.engine.begin() as conn:
        insert_rows(
            conn, "quakes", QUAKE_COLS, *_quakes([1, 2], [240000.5, 241000.0], [590000, 591500.25])
        )
    assert _box(path, "quakes") == (240000.5, 590000.0, 241000.0, 591500.25)
    # a later insert west and north grows the box on those sides only
    with store.engine.begin() as conn:
        insert_rows(conn, "quakes", QUAKE_COLS, *_quakes([3], [239000.0], [592000.0]))
    assert _box(path, "quakes") == (239000.0, 590000.0, 241000.0, 592000.0)
    store.close()


def test_a_failed_insert_leaves_the_box_as_it_was(tmp_path):
    path = tmp_path / "s.gpkg"
    store = create_store(str(path))
    with store.engine.begin() as conn:
        insert_rows(conn, "quakes", QUAKE_COLS, *_quakes([1], [240000.0], [590000.0]))
    with pytest.raises(RuntimeError), store.engine.begin() as conn:
        insert_rows(conn, "quakes", QUAKE_COLS, *_quakes([2], [100.0], [100.0]))
        raise RuntimeError("the import fails later in the same transaction")
    assert _box(path, "quakes") == (240000.0, 590000.0, 240000.0, 590000.0)
    store.close()


def test_demo_store_boxes_equal_the_coordinates(tmp_path):
    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=400, seed=3)
    with sqlite3.connect(path) as con:
        x0, y0, x1, y1 = con.execute(
            "SELECT MIN(x), MIN(y), MAX(x), MAX(y) FROM objects"
        ).fetchone()
    assert _box(path, "objects") == pytest.approx((x0, y0, x1, y1))
    for table in ("parcels", "quakes", "areas"):
        assert None not in _box(path, table), table


def test_missing_boxes_are_filled_from_the_rtree_when_the_map_opens(tmp_path):
    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=300, seed=4)
    kept = _box(path, "objects")
    with sqlite3.connect(path) as con:  # a store written before the box was kept
        con.execute(
            "UPDATE gpkg_contents SET min_x = NULL, min_y = NULL, max_x = NULL, max_y = NULL"
        )
    store = open_store(str(path))
    store.layer_uris()
    filled = _box(path, "objects")
    # the R-tree keeps 32-bit floats rounded outwards: the filled box covers the true one
    assert filled[0] <= kept[0] and filled[1] <= kept[1]
    assert filled[2] >= kept[2] and filled[3] >= kept[3]
    assert filled == pytest.approx(kept, abs=0.1)
    assert fill_missing_extents(store.engine) == []  # nothing left to fill
    store.close()


def test_empty_tables_keep_no_box(tmp_path):
    path = tmp_path / "s.gpkg"
    store = create_store(str(path))
    assert fill_missing_extents(store.engine) == []
    assert _box(path, "objects") == (None, None, None, None)
    store.close()
