""" "What if a quake of ML x happens here?" over every object of a store."""

from __future__ import annotations

import datetime as dt

import numpy as np
from sqlalchemy import text

from domain import policy


def run_scenario(store, x: float, y: float, ml: float, depth_km: float | None, date) -> dict:
    """Counts of objects that would reopen, need a nulmeting or newly enter the effect area."""
    from domain.groundmotion.scenario import ScenarioObjects, scenario_quake

    day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, x, y, vs30, municipality, COALESCE(in_effect_area, :f) FROM objects "
                "ORDER BY id"
            ),
            {"f": False},
        ).all()
        finals = conn.execute(
            text("SELECT object_id, MAX(decided) FROM claims WHERE final = :t GROUP BY object_id"),
            {"t": True},
        ).all()
    index = {r[0]: i for i, r in enumerate(rows)}
    last_final = np.full(len(rows), np.datetime64("NaT"), dtype="datetime64[D]")
    for oid, decided in finals:
        if decided is not None:
            last_final[index[oid]] = np.datetime64(str(decided)[:10], "D")
    vs30 = np.array(
        [r[3] if r[3] is not None else policy.DEFAULT_VS30_M_S for r in rows], dtype=float
    )
    objects = ScenarioObjects.build(
        [r[1] for r in rows],
        [r[2] for r in rows],
        vs30,
        last_final,
        [r[4] or "" for r in rows],
        [bool(r[5]) for r in rows],
    )
    result = scenario_quake(x, y, ml, depth_km, day, objects)
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    return {
        "quake": {"x": x, "y": y, "ml": ml, "depth_km": depth_km, "date": day.isoformat()},
        "totals": result.totals,
        "per_municipality": [
            {
                "municipality": m.municipality,
                "reopen": m.reopen,
                "nulmeting": m.nulmeting,
                "new_in_effect_area": m.new_in_effect_area,
            }
            for m in result.per_municipality
        ],
        "reopened_object_ids": ids[result.index[result.reopen]][:50].tolist(),
    }
