"""Cadastral parcels as the parcel import compares and replaces them."""

from __future__ import annotations

from dataclasses import dataclass

from domain.store.backend import backend_of
from domain.store.objects import in_list

#: keys per query: well below SQLite's bound-parameter limit
PARCEL_CHUNK = 500


@dataclass(frozen=True)
class StoredParcel:
    id: int
    kadastrale_aanduiding: str
    object_id: int | None
    area_m2: float | None
    geometry: object | None  # shapely MultiPolygon, None where the row has none


def stored_parcels(conn, aanduidingen) -> dict[str, list[StoredParcel]]:
    """Stored parcels by kadastrale aanduiding (lowest id first)."""
    backend = backend_of(conn)
    keys = list(aanduidingen)
    out: dict[str, list[StoredParcel]] = {}
    sql = in_list(
        f"SELECT id, kadastrale_aanduiding, object_id, area_m2, {backend.geometry_sql()} AS geom "
        "FROM parcels WHERE kadastrale_aanduiding IN :keys ORDER BY id",
        "keys",
    )
    for start in range(0, len(keys), PARCEL_CHUNK):
        for r in conn.execute(sql, {"keys": keys[start : start + PARCEL_CHUNK]}):
            parcel = StoredParcel(
                id=r.id,
                kadastrale_aanduiding=r.kadastrale_aanduiding,
                object_id=r.object_id,
                area_m2=r.area_m2,
                geometry=backend.geometry(r.geom),
            )
            out.setdefault(parcel.kadastrale_aanduiding, []).append(parcel)
    return out


def delete_parcels(conn, parcel_ids) -> None:
    """Remove the parcels ``parcel_ids`` (to store their new versions in their place)."""
    ids = list(parcel_ids)
    sql = in_list("DELETE FROM parcels WHERE id IN :ids", "ids")
    for start in range(0, len(ids), PARCEL_CHUNK):
        conn.execute(sql, {"ids": ids[start : start + PARCEL_CHUNK]})
