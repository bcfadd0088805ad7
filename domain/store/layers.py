"""What QGIS opens for a store: one provider + URI per map layer, never with a password."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from domain.store.engine import SRID, Location
from domain.store.schema import AREA_KINDS

#: map layer name → (table, geometry type, filter)
LAYERS: dict[str, tuple[str, str, str]] = {
    "objects": ("objects", "Point", ""),
    "parcels": ("parcels", "MultiPolygon", ""),
    "quakes": ("quakes", "Point", ""),
    **{f"areas_{kind}": ("areas", "MultiPolygon", f"\"kind\" = '{kind}'") for kind in AREA_KINDS},
}


def layer_uris(location: Location, engine: Engine) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    if location.is_gpkg:
        for name, (table, _kind, where) in LAYERS.items():
            uri = f"{location.path}|layername={table}"
            if where:
                uri += f"|subset={where}"
            out[name] = ("ogr", uri)
        return out
    url = engine.url
    parts = []
    service = url.query.get("service")
    if service:
        parts.append(f"service='{service}'")
    if url.database:
        parts.append(f"dbname='{url.database}'")
    if url.host:
        parts.append(f"host={url.host}")
    if url.port:
        parts.append(f"port={url.port}")
    if url.username:
        parts.append(f"user='{url.username}'")
    base = " ".join(parts)
    for name, (table, kind, where) in LAYERS.items():
        sql = where.replace("'", "\\'") if where else ""
        uri = (
            f"{base} key='id' srid={SRID} type={kind} checkPrimaryKeyUnicity='0' "
            f'table="public"."{table}" (geom)'
        )
        if sql:
            uri += f" sql={where}"
        out[name] = ("postgres", uri)
    return out


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
