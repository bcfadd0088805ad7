"""Which ground-motion settings a store's figures were computed with, read and written in one place.

Component, exceedance and VS30 source change every PGV, so the store records them in
``store_info`` (keys ``gm_component``, ``gm_exceedance``, ``vs30_source`` and, for the PC4
source, the table itself under ``vs30_pc4_table``) each time its exposure is recomputed. Every
recomputation (full, per catalogue import, incremental update) reads them through
:func:`store_motion_settings`, so an update never mixes figures of two settings.

A store that records nothing was computed with the defaults and the per-object VS30 (that is
what every computation did before the settings were recorded).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import bindparam, text

from domain import policy
from domain.errors import InputError, Problem
from domain.i18n import current_language, register, tr

#: where the VS30 of an object comes from
VS30_SOURCES = ("object", "pc4", "default")

KEY_COMPONENT = "gm_component"
KEY_EXCEEDANCE = "gm_exceedance"
KEY_VS30_SOURCE = "vs30_source"
KEY_VS30_TABLE = "vs30_pc4_table"
KEYS = (KEY_COMPONENT, KEY_EXCEEDANCE, KEY_VS30_SOURCE, KEY_VS30_TABLE)

register(
    {
        "motion.component.larger": (
            "grootste horizontale component",
            "larger horizontal component",
        ),
        "motion.component.geomean": ("geometrisch gemiddelde", "geometric mean"),
        "motion.component.maxrot": (
            "maximaal geroteerde component",
            "maximum rotated component",
        ),
        "motion.vs30.object": ("VS30 per object", "VS30 per object"),
        "motion.vs30.pc4": (
            "VS30 per postcodegebied (PC4-tabel, {n} gebieden)",
            "VS30 per postcode area (PC4 table, {n} areas)",
        ),
        "motion.vs30.default": ("vaste VS30 {value} m/s", "fixed VS30 {value} m/s"),
        "motion.describe": (
            "{component}, {p} % overschrijdingskans, {vs30}",
            "{component}, {p}% exceedance probability, {vs30}",
        ),
        "motion.bad_source": (
            "VS30-bron '{value}' bestaat niet",
            "VS30 source '{value}' does not exist",
        ),
        "motion.bad_source_hint": ("kies {choices}", "choose {choices}"),
        "motion.no_table": (
            "VS30-bron 'pc4' vraagt een PC4-tabel",
            "VS30 source 'pc4' needs a PC4 table",
        ),
        "motion.no_table_hint": (
            "geef een tabel (pc4,vs30_m_s) op met --vs30-table of in de instellingen",
            "give a table (pc4,vs30_m_s) with --vs30-table or in the settings",
        ),
        "motion.bad_setting": ("ongeldige instelling", "invalid setting"),
    }
)


@dataclass(frozen=True)
class MotionSettings:
    """Component, exceedance and VS30 source of one computation (the PC4 table for ``pc4``)."""

    component: str = policy.DEFAULT_COMPONENT
    exceedance: float = policy.DEFAULT_EXCEEDANCE
    vs30_source: str = "object"
    vs30_table: dict[str, float] = field(default_factory=dict, compare=True, hash=False)

    def __post_init__(self) -> None:
        if self.vs30_source not in VS30_SOURCES:
            raise InputError(
                tr("motion.bad_setting"),
                [
                    Problem(
                        tr("motion.bad_source", value=self.vs30_source),
                        "",
                        None,
                        "vs30_source",
                        tr("motion.bad_source_hint", choices=", ".join(VS30_SOURCES)),
                    )
                ],
            )
        if self.vs30_source == "pc4" and not self.vs30_table:
            raise InputError(
                tr("motion.bad_setting"),
                [
                    Problem(
                        tr("motion.no_table"), "", None, "vs30_table", tr("motion.no_table_hint")
                    )
                ],
            )
        try:
            self.ground_motion()
        except ValueError as exc:
            raise InputError(
                tr("motion.bad_setting"),
                [Problem(str(exc), "", None, "component/exceedance", "0 < p < 1")],
            ) from None

    def ground_motion(self):
        """The ground-motion model's settings (component and exceedance)."""
        from domain.groundmotion.gmpe import GroundMotionSettings

        return GroundMotionSettings(component=self.component, exceedance=float(self.exceedance))

    def same_as(self, other: MotionSettings) -> bool:
        """Whether figures computed with ``other`` are the figures these settings give."""
        if (self.component, self.vs30_source) != (other.component, other.vs30_source):
            return False
        if not np.isclose(float(self.exceedance), float(other.exceedance), rtol=0, atol=1e-9):
            return False
        return self.vs30_source != "pc4" or self.vs30_table == other.vs30_table

    def describe(self, lang: str | None = None) -> str:
        """One line for panel, dossier and CLI: which settings the figures use."""
        from domain.presentation.text_format import number

        lang = lang or current_language()
        if self.vs30_source == "pc4":
            vs30 = tr("motion.vs30.pc4", lang, n=len(self.vs30_table))
        elif self.vs30_source == "default":
            vs30 = tr("motion.vs30.default", lang, value=number(policy.DEFAULT_VS30_M_S, 0, lang))
        else:
            vs30 = tr("motion.vs30.object", lang)
        return tr(
            "motion.describe",
            lang,
            component=tr(f"motion.component.{self.component}", lang),
            p=number(float(self.exceedance) * 100, None, lang),
            vs30=vs30,
        )

    def as_dict(self, lang: str | None = None) -> dict:
        """For JSON output: the settings and their one-line description (not the table)."""
        return {
            "component": self.component,
            "exceedance": float(self.exceedance),
            "vs30_source": self.vs30_source,
            "vs30_table_areas": len(self.vs30_table),
            "text": self.describe(lang),
        }

    def facts(self) -> dict[str, str]:
        """The ``store_info`` rows recording these settings."""
        return {
            KEY_COMPONENT: self.component,
            KEY_EXCEEDANCE: repr(float(self.exceedance)),
            KEY_VS30_SOURCE: self.vs30_source,
            KEY_VS30_TABLE: json.dumps(self.vs30_table, sort_keys=True)
            if self.vs30_source == "pc4"
            else "",
        }

    def vs30_per_object(self, stored_vs30, pc4s) -> np.ndarray:
        """VS30 per object from this source: the object's own value, its PC4's, or the default.

        An object without a value of its own, or whose PC4 the table does not list, gets the
        policy default (as the ground-motion model does where a site is unknown)."""
        from domain.groundmotion.vs30 import vs30_for

        default = policy.DEFAULT_VS30_M_S
        n = len(pc4s)
        if self.vs30_source == "default":
            return np.full(n, default, dtype=float)
        if self.vs30_source == "pc4":
            return vs30_for(pc4s, self.vs30_table, default)
        own = np.array([np.nan if v is None else float(v) for v in stored_vs30], dtype=float)
        return np.where(np.isnan(own), default, own)

    def vs30_of(self, stored_vs30, pc4) -> float:
        """VS30 of one object (see :meth:`vs30_per_object`)."""
        return float(self.vs30_per_object([stored_vs30], [pc4])[0])


DEFAULT_MOTION = MotionSettings()


def motion_from_facts(facts: dict) -> MotionSettings:
    """Settings from ``store_info`` rows; keys a store does not hold take the defaults."""
    table_text = facts.get(KEY_VS30_TABLE) or ""
    try:
        table = {str(k): float(v) for k, v in json.loads(table_text).items()} if table_text else {}
    except (ValueError, AttributeError):
        table = {}
    try:
        exceedance = float(facts.get(KEY_EXCEEDANCE) or policy.DEFAULT_EXCEEDANCE)
    except ValueError:
        exceedance = policy.DEFAULT_EXCEEDANCE
    return MotionSettings(
        component=facts.get(KEY_COMPONENT) or policy.DEFAULT_COMPONENT,
        exceedance=exceedance,
        vs30_source=facts.get(KEY_VS30_SOURCE) or "object",
        vs30_table=table,
    )


def store_motion_settings(store_or_conn) -> MotionSettings:
    """The settings the store's stored exposure was computed with.

    Pass a store or a connection inside a running transaction; every recomputation of a store
    (full recompute, catalogue import, incremental ``update-catalog``) computes with these."""
    from sqlalchemy.engine import Connection

    sql = text("SELECT key, value FROM store_info WHERE key IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    # a Connection also has ``.engine``: read on it, inside the caller's transaction
    if isinstance(store_or_conn, Connection):
        rows = store_or_conn.execute(sql, {"keys": list(KEYS)}).all()
    else:
        with store_or_conn.engine.connect() as conn:
            rows = conn.execute(sql, {"keys": list(KEYS)}).all()
    return motion_from_facts(dict(rows))


def write_motion_settings(conn, settings: MotionSettings) -> None:
    """Record ``settings`` in ``store_info`` inside the caller's transaction."""
    facts = settings.facts()
    conn.execute(
        text("DELETE FROM store_info WHERE key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        ),
        {"keys": list(facts)},
    )
    conn.execute(
        text("INSERT INTO store_info (key, value) VALUES (:k, :v)"),
        [{"k": k, "v": v} for k, v in facts.items()],
    )


def object_vs30_arrays(conn, settings: MotionSettings):
    """``ids, x, y, vs30`` of every stored object, VS30 from ``settings``' source."""
    rows = conn.execute(text("SELECT id, x, y, vs30, pc4 FROM objects ORDER BY id")).all()
    if not rows:
        empty = np.zeros(0)
        return empty.astype(np.int64), empty, empty, empty
    ids = np.array([r.id for r in rows], dtype=np.int64)
    x = np.array([r.x for r in rows], dtype=float)
    y = np.array([r.y for r in rows], dtype=float)
    vs30 = settings.vs30_per_object([r.vs30 for r in rows], [r.pc4 for r in rows])
    return ids, x, y, vs30


def motion_with(
    base: MotionSettings,
    component: str | None = None,
    exceedance: float | None = None,
    vs30_source: str | None = None,
    vs30_table: str | None = None,
) -> MotionSettings:
    """``base`` with the settings given (None keeps ``base``'s); ``vs30_table`` is a CSV path.

    Giving a table without a source means the PC4 source."""
    from domain.groundmotion.vs30 import load_vs30_table

    table = load_vs30_table(vs30_table) if vs30_table else base.vs30_table
    source = vs30_source or ("pc4" if vs30_table else base.vs30_source)
    return MotionSettings(
        component=component or base.component,
        exceedance=base.exceedance if exceedance is None else float(exceedance),
        vs30_source=source,
        vs30_table=table if source == "pc4" else {},
    )
