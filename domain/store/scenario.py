""" "What if a quake of ML x happens here?" over every object of a store.

``scenario_with_objects`` runs the ground-motion rule (``scenario_quake``) once and returns both
the counts and the affected objects themselves (for a map layer), so the counts on the map and
in the table can never disagree; ``run_scenario`` is its counts alone (CLI, reports). The
municipality and PC4 each object is counted in come from
``domain.store.boundaries.group_of_objects``, as in the regional overview.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import text


@dataclass(frozen=True)
class AffectedObject:
    """One object the scenario quake reaches with at least the effect-area PGV."""

    object_id: int
    x: float
    y: float
    municipality: str
    pgv_mm_s: float
    reopen: bool
    nulmeting: bool
    new_in_effect_area: bool
    pc4: str = ""


@dataclass
class ScenarioOutcome:
    """The summary in ``run_scenario``'s shape plus every affected object."""

    summary: dict
    objects: list[AffectedObject] = field(default_factory=list)


def _rows(store):
    """Objects (id, x, y, vs30, municipality, in effect area, pc4), the last final decision
    per object, and the groupings (gemeente, pc4) the overview counts them in."""
    from domain.store.boundaries import group_of_objects

    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, x, y, vs30, municipality, "
                "COALESCE(in_effect_area, :f) AS in_effect_area, pc4 FROM objects ORDER BY id"
            ),
            {"f": False},
        ).all()
        finals = conn.execute(
            text(
                "SELECT object_id, MAX(decided) AS decided FROM claims WHERE final = :t "
                "GROUP BY object_id"
            ),
            {"t": True},
        ).all()
        xy = np.array([(row.x, row.y) for row in rows], dtype=float).reshape(-1, 2)
        gemeente = group_of_objects(conn, "gemeente", xy, [row.municipality for row in rows])
        pc4 = group_of_objects(conn, "pc4", xy, [row.pc4 for row in rows])
    return rows, finals, (gemeente, pc4)


def scenario_with_objects(
    store, x: float, y: float, ml: float, depth_km: float | None, date, motion=None
) -> ScenarioOutcome:
    """What a quake of ``ml`` at (x, y) RD New on ``date`` would change, object by object.

    ``motion``: component, exceedance and VS30 source (default: the store's recorded ones)."""
    from domain.groundmotion.scenario import ScenarioObjects, scenario_quake
    from domain.store.motion_settings import store_motion_settings

    motion = motion or store_motion_settings(store)

    day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    rows, finals, (gemeente, pc4) = _rows(store)
    index = {row.id: i for i, row in enumerate(rows)}
    last_final = np.full(len(rows), np.datetime64("NaT"), dtype="datetime64[D]")
    for final in finals:
        if final.decided is not None and final.object_id in index:
            last_final[index[final.object_id]] = np.datetime64(str(final.decided)[:10], "D")
    vs30 = motion.vs30_per_object([row.vs30 for row in rows], [row.pc4 for row in rows])
    columns = ScenarioObjects.build(
        [row.x for row in rows],
        [row.y for row in rows],
        vs30,
        last_final,
        gemeente.labels,  # counted per municipality as the overview counts
        [bool(row.in_effect_area) for row in rows],
    )
    result = scenario_quake(x, y, ml, depth_km, day, columns, settings=motion.ground_motion())
    affected = [
        AffectedObject(
            object_id=int(rows[i].id),
            x=float(rows[i].x),
            y=float(rows[i].y),
            municipality=gemeente.labels[i],
            pgv_mm_s=float(result.pgv_mm_s[k]),
            reopen=bool(result.reopen[k]),
            nulmeting=bool(result.nulmeting[k]),
            new_in_effect_area=bool(result.new_in_effect_area[k]),
            pc4=pc4.labels[i],
        )
        for k, i in enumerate(result.index.tolist())
    ]
    summary = {
        "quake": {"x": x, "y": y, "ml": ml, "depth_km": result.depth_km, "date": day.isoformat()},
        "totals": result.totals,
        "motion": motion.describe(),
        "affected": len(affected),
        "per_municipality": [
            {
                "municipality": area.municipality,
                "reopen": area.reopen,
                "nulmeting": area.nulmeting,
                "new_in_effect_area": area.new_in_effect_area,
            }
            for area in result.per_municipality
        ],
        "per_pc4": _per_pc4(affected),
        # per table: True where its areas are official boundaries ("" is then: outside them)
        "official_boundaries": {"per_municipality": gemeente.official, "per_pc4": pc4.official},
    }
    return ScenarioOutcome(summary, affected)


def _per_pc4(affected: list[AffectedObject]) -> list[dict]:
    """The same counts per four-digit postcode, from the same affected objects."""
    per: dict[str, dict] = {}
    for obj in affected:
        row = per.setdefault(
            obj.pc4, {"pc4": obj.pc4, "reopen": 0, "nulmeting": 0, "new_in_effect_area": 0}
        )
        row["reopen"] += obj.reopen
        row["nulmeting"] += obj.nulmeting
        row["new_in_effect_area"] += obj.new_in_effect_area
    return [per[pc4] for pc4 in sorted(per)]


def run_scenario(
    store, x: float, y: float, ml: float, depth_km: float | None, date, motion=None
) -> dict:
    """Counts of objects that would reopen, need a nulmeting or newly enter the effect area."""
    outcome = scenario_with_objects(store, x, y, ml, depth_km, date, motion)
    summary = dict(outcome.summary)
    summary["reopened_object_ids"] = [obj.object_id for obj in outcome.objects if obj.reopen][:50]
    return summary
