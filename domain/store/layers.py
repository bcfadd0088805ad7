"""What QGIS opens for a store: one provider + URI per map layer, never with a password."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.engine import Engine

from domain.store.engine import Location
from domain.store.schema import AREA_KINDS


class StoreLayer(NamedTuple):
    """One map layer of a store: the table it shows, its geometry type and a row filter."""

    table: str
    geometry: str
    where: str


#: map layer key → what it shows; the one list of the store's layers (the plugin adds a name
#: and a style per key, ``img_qgis_plugin.store_layers.LAYER_LOOKS``)
LAYERS: dict[str, StoreLayer] = {
    "objects": StoreLayer("objects", "Point", ""),
    "parcels": StoreLayer("parcels", "MultiPolygon", ""),
    "quakes": StoreLayer("quakes", "Point", ""),
    **{
        f"areas_{kind}": StoreLayer("areas", "MultiPolygon", f"\"kind\" = '{kind}'")
        for kind in AREA_KINDS
    },
}


def layer_uris(location: Location, engine: Engine) -> dict[str, tuple[str, str]]:
    """(provider, URI) per map layer, as the store's backend writes them for QGIS."""
    from domain.store.backend import backend_for

    return backend_for(location).layer_uris(location, engine, LAYERS)


def store_info(store) -> dict:
    """Counts per table and per area kind, the schema version and what the store says of itself."""
    from domain.store import migrate
    from domain.store.schema import TABLE_ORDER

    with store.engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in TABLE_ORDER}
        per_kind = dict(conn.execute(text("SELECT kind, COUNT(*) FROM areas GROUP BY kind")).all())
        per_status = dict(
            conn.execute(
                text("SELECT COALESCE(status, '-'), COUNT(*) FROM objects GROUP BY status")
            ).all()
        )
        facts = dict(conn.execute(text("SELECT key, value FROM store_info")).all())
    return {
        "store": store.location.shown(),
        "backend": store.kind,
        "schema_version": migrate.current_revision(store.engine),
        "counts": counts,
        "areas": per_kind,
        "object_status": per_status,
        "facts": facts,
    }
