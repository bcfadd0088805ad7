"""Regional overview for planners: counts per municipality or PC4, and what a quake would change.

All objects are assessed at once with the batch rules; counting is ``np.bincount`` per group,
so half a million objects take seconds. Which group an object is in comes from
``domain.store.boundaries.group_of_objects``: the official boundary its point lies in when the
store has boundaries of that kind (``import-boundaries``), else its municipality / PC4 text.
Only exposure pairs at or above the lowest threshold the counted columns need (reopening,
Duurzaam herstel) are read; the effect area comes from the stored per-object flag. The
scenario adds one hypothetical quake to the same columns and assesses again on the same date,
so the delta shows only what the quake changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from domain import policy
from domain.i18n import register, tr
from domain.store.motion_settings import DEFAULT_MOTION, store_motion_settings

#: counted columns, in table order
COLUMNS = (
    "objects",
    "in_effect_area",
    "in_dh_area",
    "may_claim_again",
    "dh_eligible",
    "dh_to_check",
    "never_claimed",
    "ncg_without_claim",
    "overdue",
)
# the object column each grouping falls back on without official boundaries
GROUPINGS = {"gemeente": "municipality", "pc4": "pc4"}

register(
    {
        "ov.col.group.gemeente": ("Gemeente", "Municipality"),
        "ov.col.group.pc4": ("PC4", "PC4"),
        "ov.col.objects": ("Objecten", "Objects"),
        "ov.col.in_effect_area": ("In effectgebied", "In effect area"),
        "ov.col.in_dh_area": ("In DH-gebied", "In DH area"),
        "ov.col.may_claim_again": ("Mag opnieuw melden", "May claim again"),
        "ov.col.dh_eligible": ("Duurzaam herstel: ja", "Duurzaam herstel: yes"),
        "ov.col.dh_to_check": (
            "Duurzaam herstel: na te gaan",
            "Duurzaam herstel: to be checked",
        ),
        "ov.col.never_claimed": ("Nooit gemeld (stille gedupeerden)", "Never claimed"),
        "ov.col.ncg_without_claim": (
            "Versterking zonder melding (samenwerkingspotentieel)",
            "Strengthening without a claim",
        ),
        "ov.col.overdue": ("Termijn overschreden", "Overdue"),
        "ov.unknown_group": ("(onbekend)", "(unknown)"),
        "ov.total": ("Totaal", "Total"),
        "ov.bad_grouping": (
            "Onbekende indeling '{value}'; kies gemeente of pc4.",
            "Unknown grouping '{value}'; choose gemeente or pc4.",
        ),
    }
)


@dataclass
class ScenarioQuake:
    x: float
    y: float
    ml: float
    date: dt.date
    depth_km: float | None = None


@dataclass
class Overview:
    by: str  # "gemeente" | "pc4"
    as_of: dt.date
    rows: list[dict]  # {"group": name, column: count, ...}, sorted by group
    totals: dict[str, int]
    scenario: dict | None = None  # the quake, as plain values
    after: list[dict] | None = None  # the same table after the quake
    delta: list[dict] | None = None  # after - before, only groups with a change
    delta_totals: dict[str, int] = field(default_factory=dict)
    #: the official boundaries the groups are (kind, count, files, years, objects outside);
    #: None: grouped by the objects' own municipality / PC4 text
    boundaries: dict | None = None


def _flags(inp, in_effect: np.ndarray, as_of: dt.date) -> dict[str, np.ndarray]:
    from domain.planning.situations import situations_of
    from domain.rules.status import dh_eligible_mask, dh_to_check_mask

    found = situations_of(inp, as_of)
    result = found.result
    n = len(inp.ids)
    return {
        "objects": np.ones(n, dtype=bool),
        "in_effect_area": in_effect,
        "in_dh_area": result.dh_area == 1,
        "may_claim_again": found.flags["may_claim_again"],
        # the same classes as the map status (domain.rules.status), counted without priority
        "dh_eligible": dh_eligible_mask(result.duurzaam_herstel),
        "dh_to_check": dh_to_check_mask(result.dh_area, result.duurzaam_herstel),
        "never_claimed": found.flags["never_claimed"],
        "ncg_without_claim": found.flags["ncg_without_claim"],
        "overdue": found.flags["overdue"],
    }


def _table(names: np.ndarray, inverse: np.ndarray, flags: dict, label: str) -> list[dict]:
    counts = {
        column: np.bincount(inverse, weights=flags[column], minlength=len(names))
        for column in COLUMNS
    }
    rows = []
    for group, name in enumerate(names.tolist()):
        row = {"group": name or label}
        row.update({column: int(counts[column][group]) for column in COLUMNS})
        rows.append(row)
    return rows


def _totals(rows: list[dict]) -> dict[str, int]:
    return {column: sum(row[column] for row in rows) for column in COLUMNS}


def regional_overview(
    store,
    by: str = "gemeente",
    as_of: dt.date | None = None,
    scenario: ScenarioQuake | None = None,
    lang: str | None = None,
    progress=None,
    cancel=None,
) -> Overview:
    """Counts per municipality (``by="gemeente"``) or PC4, as of ``as_of`` (default today; the
    scenario date when a scenario is given), optionally with the table after ``scenario``.
    ``progress(percent)`` / ``cancel() -> bool`` as for ``visit_list``."""
    from domain.errors import DomainError
    from domain.planning.visits import step
    from domain.store.boundaries import group_of_objects
    from domain.store.rule_input import read_rule_input

    if by not in GROUPINGS:
        raise DomainError(tr("ov.bad_grouping", lang, value=by))
    if scenario is not None:
        as_of = scenario.date
    as_of = as_of or dt.date.today()
    from domain.store.assess_rules import status_pgv_floor_mm_s

    floor = status_pgv_floor_mm_s()  # the pairs the map status reads, too
    with store.engine.connect() as conn:
        inp = read_rule_input(
            conn,
            None,
            min_pgv_mm_s=floor,
            # pc4 for a VS30 per postcode area (already there when grouping by it)
            extra_columns=(GROUPINGS[by], "in_effect_area", "vs30")
            + (() if by == "pc4" else ("pc4",)),
            lean=True,
        )
        motion = store_motion_settings(conn)  # the scenario adds to the stored figures alike
        cols = list(inp.extra.values())
        grouping = group_of_objects(conn, by, np.column_stack([inp.xs, inp.ys]), cols[0])
    step(progress, cancel, 60)
    names, inverse = np.unique(grouping.labels.astype(str), return_inverse=True)
    inverse = inverse.reshape(-1)
    in_effect = np.array([bool(v) for v in cols[1]], dtype=bool)
    empty = grouping.label_of_empty(lang, unknown=tr("ov.unknown_group", lang))
    before = _table(names, inverse, _flags(inp, in_effect, as_of), empty)
    out = Overview(by, as_of, before, _totals(before))
    if grouping.official:
        out.boundaries = {**grouping.source, "outside": grouping.outside}
    step(progress, cancel, 80 if scenario else 100)
    if scenario is None:
        return out
    after_flags, quake = _after(inp, cols, in_effect, scenario, as_of, motion)
    after = _table(names, inverse, after_flags, empty)
    delta = []
    for row_before, row_after in zip(before, after):
        change = {column: row_after[column] - row_before[column] for column in COLUMNS}
        if any(change.values()):
            delta.append({"group": row_before["group"], **change})
    out.scenario, out.after, out.delta = quake, after, delta
    out.delta_totals = _totals(delta)
    step(progress, cancel, 100)
    return out


def _after(inp, cols, in_effect: np.ndarray, quake: ScenarioQuake, as_of: dt.date, motion=None):
    """Flags once the hypothetical quake is added as one more shaking on ``quake.date``,
    its ground motion with ``motion`` (component, exceedance, VS30 source)."""
    from types import SimpleNamespace

    from domain.groundmotion.scenario import ScenarioObjects, scenario_quake

    n = len(inp.ids)
    motion = motion or DEFAULT_MOTION
    vs30 = motion.vs30_per_object(cols[2], inp.extra["pc4"]) if n else np.zeros(0)
    objects = ScenarioObjects.build(
        inp.xs,
        inp.ys,
        vs30,
        np.full(n, np.datetime64("NaT", "D")),
        np.array(cols[0], dtype=object),
        in_effect,
    )
    result = scenario_quake(
        quake.x,
        quake.y,
        quake.ml,
        quake.depth_km,
        quake.date,
        objects,
        settings=motion.ground_motion(),
    )
    stored = inp.exposure
    event = len(stored.event_times)
    when = np.datetime64(quake.date, "D").astype("datetime64[s]") + np.timedelta64(12, "h")
    exposure = SimpleNamespace(
        obj_index=np.concatenate([stored.obj_index, result.index.astype(np.int64)]),
        event_index=np.concatenate(
            [stored.event_index, np.full(len(result.index), event, np.int64)]
        ),
        pgv_mm_s=np.concatenate([stored.pgv_mm_s, result.pgv_mm_s]),
        event_times=np.concatenate([np.asarray(stored.event_times), [when]]),
    )
    inp_after = _replace_exposure(inp, exposure)
    effect_after = in_effect.copy()
    effect_after[
        result.index[policy.pgv_at_least(result.pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S)]
    ] = True
    plain = {
        "x": quake.x,
        "y": quake.y,
        "ml": quake.ml,
        "depth_km": result.depth_km,
        "date": quake.date.isoformat(),
        "objects_reached": int(len(result.index)),
    }
    return _flags(inp_after, effect_after, as_of), plain


def _replace_exposure(inp, exposure):
    from dataclasses import replace

    extra = np.full(len(exposure.obj_index) - len(inp.pair_quake_ids), -1, dtype=np.int64)
    return replace(
        inp, exposure=exposure, pair_quake_ids=np.concatenate([inp.pair_quake_ids, extra])
    )


def overview_header(by: str, lang: str | None = None) -> list[str]:
    return [tr(f"ov.col.group.{by}", lang)] + [tr(f"ov.col.{column}", lang) for column in COLUMNS]


def overview_csv(rows: list[dict], by: str, path, lang: str | None = None):
    from domain.planning.export import write_csv

    return write_csv(
        path,
        overview_header(by, lang),
        [[row["group"], *(row[column] for column in COLUMNS)] for row in rows],
    )
