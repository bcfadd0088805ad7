"""Rule input columns for a set of stored objects, read from the store in a few bulk queries.

The batch rules (``domain.rules.assess_many``) work on columns; the visit list and the
overview both need them for a subset of objects (a start area) or for all of them. Conversions
are vectorised (numpy) so a whole region stays within seconds. Facts the store does not hold
(structural defect, D3 damage, pilot dossier) are passed as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import NamedTuple

import numpy as np
import shapely
from sqlalchemy import text

from domain import policy
from domain.rules.batch import ClaimTable, ObjectTable
from domain.store.backend import backend_of

_SCHEME_CODE = {s: i for i, s in enumerate(policy.SCHEMES)}
_OUTCOME_CODE = {s: i for i, s in enumerate(policy.CLAIM_OUTCOMES)}
#: object facts a ``lean`` read leaves unknown
_LEAN_SKIPPED = ("construction_year", "small", "woz_value", "rijksmonument")


@dataclass
class RuleInput:
    """Everything ``assess_many`` needs plus the raw bits the planning texts show."""

    ids: np.ndarray  # int64, sorted
    objects: ObjectTable
    claims: ClaimTable
    exposure: SimpleNamespace
    claim_open: np.ndarray  # bool per claim row: submitted, not decided, or objection pending
    quake_labels: dict[int, tuple]  # quake id -> ("2019-05-22", "Westerwijtwerd", 3.4)
    pair_quake_ids: np.ndarray  # int64 quake id per exposure pair
    handoff_targets: dict[int, str]  # object id -> target of a running hand-off
    extra: dict = field(default_factory=dict)  # requested extra object columns (tuples)
    xs: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ys: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _tri(column) -> np.ndarray:
    f = np.array(column, dtype=float)
    return np.where(np.isnan(f), -1, f != 0).astype(np.int8)


def id_filter(ids) -> str:
    """`` IN (…)`` for a list of ids (they are integers: written out, never a parameter list
    that SQLite would cap), or nothing for all rows."""
    if ids is None:
        return ""
    return " IN (" + ",".join(str(int(i)) for i in ids) + ")" if len(ids) else " IN (NULL)"


def fetch_columns(conn, sql: str) -> dict[str, list]:
    """Columns of a parameterless query by column name (every computed column needs an
    alias), through the driver's cursor: building SQLAlchemy rows for millions of exposure
    pairs would cost more than the query itself. The cyclic garbage
    collector is paused meanwhile: millions of fresh row tuples would trigger it again and
    again, while none of them can form a cycle."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(sql)
        names = [d[0].lower() for d in cursor.description]
        rows = cursor.fetchall()
        # one list per column, ~10x faster than zip(*rows)
        return {name: [r[k] for r in rows] for k, name in enumerate(names)}
    finally:
        cursor.close()
        if collecting:
            gc.enable()


def _inside(conn, kind: str, xs, ys) -> np.ndarray:
    """1 where the point lies inside an area of ``kind`` (bounding box first, then exact)."""
    backend = backend_of(conn)
    out = np.zeros(len(xs), dtype=np.int8)
    for area in conn.execute(
        text(
            f"SELECT {backend.geometry_sql()} AS geom FROM areas "
            "WHERE kind = :k AND geom IS NOT NULL"
        ),
        {"k": kind},
    ):
        poly = backend.geometry(area.geom)
        x0, y0, x1, y1 = poly.bounds
        near = np.flatnonzero((xs > x0) & (xs < x1) & (ys > y0) & (ys < y1) & (out == 0))
        if len(near):
            shapely.prepare(poly)
            # not contains_xy: inside QGIS its GEOS build may lack the XY predicates
            points = shapely.points(xs[near], ys[near])
            out[near[shapely.contains(poly, points)]] = 1
    return out


def _as_days(values) -> np.ndarray:
    """Dates (ISO text from SQLite, ``date`` from PostgreSQL, None) as datetime64[D]; ISO text
    is parsed by numpy in one go, which is far faster than per-value conversion."""
    sample = next((v for v in values if v is not None), None)
    if isinstance(sample, str):
        text_ = np.array([v[:10] if v is not None else "NaT" for v in values], dtype="U10")
        return text_.astype("datetime64[D]")
    return np.array(values, dtype="datetime64[D]").reshape(-1)


def _sql_list(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def read_rule_input(
    conn,
    ids=None,
    min_pgv_mm_s: float | None = None,
    extra_columns=(),
    lean: bool = False,
) -> RuleInput:
    """Rule columns for the objects ``ids`` (all objects when None).

    ``min_pgv_mm_s`` reads only exposure pairs at or above that value: the regional overview
    needs only the strong shakings (reopening, Duurzaam herstel count), which keeps 500,000
    objects fast; columns that need weaker shakings are then not meaningful.
    ``extra_columns`` (object columns) come back in ``RuleInput.extra``, read in the same query.
    ``lean`` skips the object facts only the vaste vergoeding and the Duurzaam herstel maximum
    use (construction year, small, WOZ, Rijksmonument): they stay unknown.
    """
    from domain.rules.handoff import is_running

    where = "" if ids is None else " WHERE id" + id_filter(ids)
    pilot_sql = (
        "CASE WHEN place IS NULL THEN NULL WHEN place IN "
        f"({_sql_list(policy.DH_PILOT_PLACES)}) THEN 1 ELSE 0 END"
    )
    extra = "".join(f", {c}" for c in extra_columns)
    facts = "" if lean else "construction_year, small, woz_value, rijksmonument, "
    swhere = "" if ids is None else " AND object_id" + id_filter(ids)
    cols = fetch_columns(
        conn,
        f"SELECT id, x, y, {facts}in_ncg_programme, {pilot_sql} AS pilot_place, use{extra} "
        f"FROM objects{where} ORDER BY id",
    )
    n = len(cols["id"])
    if lean:  # the skipped facts stay unknown
        for name in _LEAN_SKIPPED:
            cols[name] = [None] * n
    oid = np.array(cols["id"], dtype=np.int64)
    xs = np.array(cols["x"], dtype=float)
    ys = np.array(cols["y"], dtype=float)
    running = np.zeros(n, dtype=bool)
    targets: dict[int, str] = {}
    for handoff in conn.execute(
        text(f"SELECT object_id, status, target FROM handoffs WHERE 1=1{swhere} ORDER BY id")
    ):
        if is_running(handoff.status):  # a concept has not gone out yet
            i = int(np.searchsorted(oid, handoff.object_id))
            if i < n and oid[i] == handoff.object_id:
                running[i] = True
                targets[int(handoff.object_id)] = handoff.target
    unknown = np.full(n, -1, dtype=np.int8)
    pilot = _tri(cols["pilot_place"])
    objects = ObjectTable(
        ids=oid.astype(object),
        construction_year=np.array(cols["construction_year"], dtype=float),
        small=_tri(cols["small"]),
        woz_value=np.array(cols["woz_value"], dtype=float),
        rijksmonument=_tri(cols["rijksmonument"]),
        in_subsidence_area=_inside(conn, "subsidence", xs, ys),
        within_6km_zone=_inside(conn, "zone_6km", xs, ys),
        in_ncg_programme=_tri(cols["in_ncg_programme"]),
        pilot_place=pilot,
        dh_pilot_dossier=unknown.copy(),
        dh_structural_defect=unknown.copy(),
        dh_unhandled_damage=unknown.copy(),
        dh_d3_damage_eur=np.full(n, np.nan),
        dh_recognised_damage_eur=np.full(n, np.nan),
        handoff_running=running,
        use=np.array(cols["use"], dtype=object),  # Duurzaam herstel is for woningen only
    )
    claims, claim_open = _claims(conn, oid, swhere, lean)
    pairs = _pairs(conn, swhere, min_pgv_mm_s)
    exposure, pair_quakes, labels = _exposure(conn, oid, pairs)
    out = RuleInput(oid, objects, claims, exposure, claim_open, labels, pair_quakes, targets)
    out.extra = {name: cols[name.lower()] for name in extra_columns}
    out.xs, out.ys = xs, ys
    return out


def _claims(conn, oid: np.ndarray, swhere: str, lean: bool) -> tuple[ClaimTable, np.ndarray]:
    # amounts stay even when lean: the Duurzaam herstel pilot minimum, hence the map status,
    # rests on them; claim numbers are not needed by the overview
    more = ", amount" if lean else ", amount, claim_number"
    cols = fetch_columns(
        conn,
        "SELECT object_id, scheme, submitted, decided, outcome, final, objection, "
        f"CASE WHEN status = 'objection' THEN 1 ELSE 0 END AS objection_pending{more} "
        f"FROM claims WHERE 1=1{swhere} ORDER BY id",
    )
    if any(s not in _SCHEME_CODE for s in set(cols["scheme"])):
        keep = [k for k, s in enumerate(cols["scheme"]) if s in _SCHEME_CODE]
        cols = {name: [col[k] for k in keep] for name, col in cols.items()}
    if lean:
        cols["claim_number"] = [None] * len(cols["object_id"])
    obj = np.array(cols["object_id"], dtype=np.int64)
    decided = _as_days(cols["decided"])
    objection = _tri(cols["objection"]) == 1
    pending = np.array(cols["objection_pending"], dtype=bool)
    decided_known = ~np.isnat(decided)
    nat = np.datetime64("NaT", "D")
    table = ClaimTable(
        obj_index=np.searchsorted(oid, obj).astype(np.int64),
        scheme=np.array([_SCHEME_CODE[s] for s in cols["scheme"]], dtype=np.int16),
        submitted=_as_days(cols["submitted"]),
        decided=decided,
        outcome=np.array([_OUTCOME_CODE.get(s, -1) for s in cols["outcome"]], dtype=np.int8),
        amount=np.array(cols["amount"], dtype=float),
        final=np.where(decided_known, _tri(cols["final"]), -1).astype(np.int8),
        objection=objection.astype(np.int8),
        objection_filed=np.where(objection, decided, nat),
        # the store keeps no decision date of the objection: resolved ones count as decided then
        objection_decided=np.where(objection & ~pending, decided, nat),
        inspected=np.full(len(obj), nat),
        ids=np.array(cols["claim_number"], dtype=object),
    )
    return table, ~decided_known | pending


class _Pairs(NamedTuple):
    """The exposure pairs as three parallel arrays."""

    object_ids: np.ndarray
    quake_ids: np.ndarray
    pgv_mm_s: np.ndarray


def _pairs(conn, swhere: str, min_pgv: float | None) -> _Pairs:
    """The exposure pairs; object and quake travel as one packed integer, which saves a third
    of the per-row cost on millions of pairs."""
    pwhere = swhere + ("" if min_pgv is None else f" AND pgv_mm_s >= {float(min_pgv)!r}")
    base = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM quakes")).scalar()) + 1
    cols = fetch_columns(
        conn,
        f"SELECT object_id * {base} + quake_id AS pair, pgv_mm_s FROM exposure_events "
        f"WHERE 1=1{pwhere}",
    )
    keys = np.array(cols["pair"], dtype=np.int64)
    return _Pairs(keys // base, keys % base, np.array(cols["pgv_mm_s"], dtype=float))


def _exposure(conn, oid: np.ndarray, pairs: _Pairs):
    quakes = conn.execute(text("SELECT id, time, place, ml FROM quakes ORDER BY id")).all()
    size = max([quake.id for quake in quakes], default=0)
    times = np.full(size, np.datetime64("NaT", "s"))
    labels: dict[int, tuple] = {}
    for quake in quakes:
        stamp = np.datetime64(str(quake.time)[:19].replace(" ", "T"), "s")
        times[quake.id - 1] = stamp
        # the parts, written in the reader's language later (text_format.quake_text)
        labels[quake.id] = (str(stamp)[:10], quake.place or "", float(quake.ml))
    quake_ids = np.array(pairs.quake_ids, dtype=np.int64)
    exposure = SimpleNamespace(
        obj_index=np.searchsorted(oid, np.array(pairs.object_ids, dtype=np.int64)).astype(np.int64),
        event_index=quake_ids - 1,
        pgv_mm_s=np.array(pairs.pgv_mm_s, dtype=float),
        event_times=times,
    )
    return exposure, quake_ids, labels
