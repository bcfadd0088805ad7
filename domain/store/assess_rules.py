"""Assess every object of a store with the rules (batch), and write the map status.

The rules' batch function works on columns; this module turns the store's tables into those
columns in a few bulk reads. Facts the store does not hold (a structural defect, D3 damage,
pilot dossiers) are passed as unknown, so verdicts that need them stay "undetermined".
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
import shapely
from sqlalchemy import text

from domain import policy
from domain.store.geometry import wkb_of
from domain.store.repository import to_date, to_datetime
from domain.store.status import write_statuses

_NAT_D = np.datetime64("NaT", "D")


def _tri(values) -> np.ndarray:
    return np.array([-1 if v is None else int(bool(v)) for v in values], dtype=np.int8)


def _inside(conn, kind: str, xs, ys, is_gpkg: bool) -> np.ndarray:
    geom = "geom" if is_gpkg else "ST_AsBinary(geom)"
    polys = [
        shapely.from_wkb(wkb_of(r[0]))
        for r in conn.execute(text(f"SELECT {geom} FROM areas WHERE kind = :k"), {"k": kind})
    ]
    out = np.zeros(len(xs), dtype=np.int8)
    if polys:
        tree = shapely.STRtree(polys)
        idx, _ = tree.query(shapely.points(xs, ys), predicate="within")
        out[np.unique(idx)] = 1
    return out


def _days(values) -> np.ndarray:
    return np.array(
        [_NAT_D if v is None else np.datetime64(to_date(v), "D") for v in values],
        dtype="datetime64[D]",
    )


def assess_with_rules(store, as_of: dt.date | None = None) -> dict[str, int]:
    from domain.handoff import FINAL_STATUSES
    from domain.rules.batch import ClaimTable, ObjectTable, assess_many

    day = as_of or dt.date.today()
    with store.engine.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT id, x, y, construction_year, small, woz_value, rijksmonument, "
                "in_ncg_programme, place FROM objects ORDER BY id"
            )
        ).all()
        n = len(rows)
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        pos = {int(oid): i for i, oid in enumerate(ids)}
        xs = np.array([r[1] for r in rows], dtype=float)
        ys = np.array([r[2] for r in rows], dtype=float)
        running = np.zeros(n, dtype=bool)
        for oid, status in conn.execute(text("SELECT object_id, status FROM handoffs")):
            if status not in FINAL_STATUSES:
                running[pos[oid]] = True
        unknown = np.full(n, -1, dtype=np.int8)
        objects = ObjectTable(
            ids=ids.astype(object),
            construction_year=np.array(
                [np.nan if r[3] is None else float(r[3]) for r in rows], dtype=float
            ),
            small=_tri(r[4] for r in rows),
            woz_value=np.array([np.nan if r[5] is None else float(r[5]) for r in rows]),
            rijksmonument=_tri(r[6] for r in rows),
            in_subsidence_area=_inside(conn, "subsidence", xs, ys, store.location.is_gpkg),
            within_6km_zone=_inside(conn, "zone_6km", xs, ys, store.location.is_gpkg),
            in_ncg_programme=_tri(r[7] for r in rows),
            pilot_place=np.array(
                [-1 if r[8] is None else int(r[8] in policy.DH_PILOT_PLACES) for r in rows],
                dtype=np.int8,
            ),
            dh_pilot_dossier=unknown.copy(),
            dh_structural_defect=unknown.copy(),
            dh_unhandled_damage=unknown.copy(),
            dh_d3_damage_eur=np.full(n, np.nan),
            dh_recognised_damage_eur=np.full(n, np.nan),
            handoff_running=running,
        )
        c = conn.execute(
            text(
                "SELECT object_id, scheme, submitted, decided, outcome, amount, final, objection, "
                "status, claim_number FROM claims WHERE scheme IN :schemes ORDER BY id"
            ).bindparams(_expanding("schemes")),
            {"schemes": list(policy.SCHEMES)},
        ).all()
        decided = _days(r[3] for r in c)
        pending = np.array([r[8] == "objection" for r in c], dtype=bool)
        claims = ClaimTable(
            obj_index=np.array([pos[r[0]] for r in c], dtype=np.int64),
            scheme=np.array([policy.SCHEMES.index(r[1]) for r in c], dtype=np.int16),
            submitted=_days(r[2] for r in c),
            decided=decided,
            outcome=np.array(
                [
                    policy.CLAIM_OUTCOMES.index(r[4]) if r[4] in policy.CLAIM_OUTCOMES else -1
                    for r in c
                ],
                dtype=np.int8,
            ),
            amount=np.array([np.nan if r[5] is None else float(r[5]) for r in c]),
            final=_tri(r[6] if r[3] is not None else None for r in c),
            objection=np.array([int(bool(r[7])) for r in c], dtype=np.int8),
            objection_filed=np.where(np.array([bool(r[7]) for r in c], bool), decided, _NAT_D)
            if c
            else np.zeros(0, "datetime64[D]"),
            # the store keeps no decision date of the objection: resolved ones count as decided then
            objection_decided=np.where(
                np.array([bool(r[7]) for r in c], bool) & ~pending, decided, _NAT_D
            )
            if c
            else np.zeros(0, "datetime64[D]"),
            inspected=np.full(len(c), _NAT_D),
            ids=np.array([r[9] for r in c], dtype=object),
        )
        pairs = conn.execute(
            text("SELECT object_id, quake_id, pgv_mm_s FROM exposure_events")
        ).all()
        quakes = conn.execute(text("SELECT id, time FROM quakes ORDER BY id")).all()
        size = max([q[0] for q in quakes], default=0)
        times = np.full(size, np.datetime64("NaT", "s"))
        for qid, t in quakes:
            times[qid - 1] = np.datetime64(to_datetime(t), "s")
        exposure = SimpleNamespace(
            obj_index=np.array([pos[p[0]] for p in pairs], dtype=np.int64),
            event_index=np.array([p[1] - 1 for p in pairs], dtype=np.int64),
            pgv_mm_s=np.array([p[2] for p in pairs], dtype=float),
            event_times=times,
        )
        result = assess_many(objects, exposure, claims, as_of=day)
        statuses = [str(s) for s in result.status]
        write_statuses(conn, ids, statuses)
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts


def _expanding(name: str):
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)
