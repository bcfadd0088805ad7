"""Geometry bytes as they come out of either backend, turned back into WKB for shapely."""

from __future__ import annotations

from domain.store.engine import gpkg_blob_to_wkb


def wkb_of(value) -> bytes:
    """WKB from a GeoPackage blob, PostGIS ``ST_AsBinary`` bytes or a memoryview of either."""
    data = bytes(value)
    return gpkg_blob_to_wkb(data) if data[:2] == b"GP" else data
