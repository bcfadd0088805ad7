"""Whether two stores hold the same computed state: quakes, pairs, object summaries and
statuses, areas — the tables an incremental update and a full recompute must agree on.

Quake ids are compared through their event ids, areas by kind and name with their geometry
as WKB (the same polygons written twice give the same bytes), so the comparison says which
table, row and column differ.
"""

from __future__ import annotations

import shapely
from sqlalchemy import text

from domain.store.backend import backend_of
from domain.store.exposure import QUAKE_COLUMNS


def is_gpkg(conn) -> bool:
    """Whether ``conn`` is to a GeoPackage (product code asks the backend instead)."""
    return backend_of(conn).kind == "gpkg"


OBJECT_COLUMNS = (
    "id",
    "max_pgv_mm_s",
    "count_ge_2",
    "count_ge_5",
    "count_ge_5_before_2026",
    "in_effect_area",
    "status",
)


def computed_tables(store) -> dict[str, dict]:
    """The computed state of ``store``, keyed per table by each row's natural key."""
    with store.engine.connect() as conn:
        quakes = {
            r[1]: tuple(r)
            for r in conn.execute(text(f"SELECT {', '.join(QUAKE_COLUMNS)} FROM quakes")).all()
        }
        pairs = {
            (r[0], r[1]): r[2]
            for r in conn.execute(
                text(
                    "SELECT e.object_id, q.event_id, e.pgv_mm_s FROM exposure_events e "
                    "JOIN quakes q ON q.id = e.quake_id"
                )
            ).all()
        }
        objects = {
            r[0]: tuple(r[1:])
            for r in conn.execute(text(f"SELECT {', '.join(OBJECT_COLUMNS)} FROM objects")).all()
        }
        geom = "geom" if is_gpkg(conn) else "ST_AsBinary(geom)"
        areas: dict = {}
        for kind, name, origin, source, blob in conn.execute(
            text(f"SELECT kind, name, origin, source, {geom} FROM areas")
        ).all():
            areas.setdefault((kind, name), []).append((origin, source, _wkb(blob, conn)))
        facts = dict(conn.execute(text("SELECT key, value FROM store_info")).all())
    return {
        "quakes": quakes,
        "exposure_events": pairs,
        "objects": objects,
        "areas": {k: sorted(v) for k, v in areas.items()},
        "store_info": facts,
    }


def _wkb(blob, conn) -> bytes:
    """The geometry as normalised WKB (GeoPackage blobs carry a header and an envelope)."""
    if blob is None:
        return b""
    if is_gpkg(conn):
        from domain.store.engine import gpkg_blob_to_wkb

        blob = gpkg_blob_to_wkb(bytes(blob))
    geom = shapely.from_wkb(bytes(blob))
    return shapely.to_wkb(shapely.normalize(geom))


def differences(a: dict, b: dict, limit: int = 5) -> list[str]:
    """What differs between two :func:`computed_tables` results (empty when the same)."""
    out = []
    for table in sorted(set(a) | set(b)):
        left, right = a.get(table, {}), b.get(table, {})
        if left == right:
            continue
        only_left = sorted(set(left) - set(right), key=repr)
        only_right = sorted(set(right) - set(left), key=repr)
        changed = sorted((k for k in set(left) & set(right) if left[k] != right[k]), key=repr)
        out.append(
            f"{table}: {len(only_left)} rows only in the first, {len(only_right)} only in the "
            f"second, {len(changed)} differ"
        )
        for k in only_left[:limit]:
            out.append(f"  only first  {k!r}: {left[k]!r}"[:300])
        for k in only_right[:limit]:
            out.append(f"  only second {k!r}: {right[k]!r}"[:300])
        for k in changed[:limit]:
            out.append(f"  {k!r}: {left[k]!r} != {right[k]!r}"[:300])
    return out


def assert_same_store(first, second, ignore_facts: tuple[str, ...] = ()) -> None:
    """``first`` and ``second`` hold the same computed state (``ignore_facts``: store_info
    keys that may differ, e.g. a build time)."""
    a, b = computed_tables(first), computed_tables(second)
    for key in ignore_facts:
        a["store_info"].pop(key, None)
        b["store_info"].pop(key, None)
    diff = differences(a, b)
    assert not diff, "the stores differ:\n" + "\n".join(diff)
