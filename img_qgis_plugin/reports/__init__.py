"""Printed output: the case dossier PDF, the start-area atlas PDF and the overview choropleth."""

from __future__ import annotations

import os

from sqlalchemy import text


def first_start_area(store) -> int | None:
    with store.engine.connect() as conn:
        return conn.execute(
            text("SELECT MIN(id) FROM areas WHERE kind = 'start_area' AND geom IS NOT NULL")
        ).scalar()


def sample_object(store) -> int | None:
    """An object worth showing: one with a hand-off, else with claims, else any."""
    with store.engine.connect() as conn:
        for sql in (
            "SELECT MIN(object_id) FROM handoffs",
            "SELECT MIN(object_id) FROM claims",
            "SELECT MIN(id) FROM objects",
        ):
            found = conn.execute(text(sql)).scalar()
            if found is not None:
                return int(found)
    return None


def demo_outputs(plugin, out_dir: str) -> dict:
    """``startgebied.pdf`` (first start area) and ``dossier.pdf`` (a sample object) in ``out_dir``."""
    from img_qgis_plugin.reports.atlas import export_startarea_atlas
    from img_qgis_plugin.reports.dossier import export_dossier
    from img_qgis_plugin.reports.sources import resolve_store

    store = resolve_store(plugin)
    os.makedirs(out_dir, exist_ok=True)
    written = {}
    area_id = first_start_area(store)
    if area_id is not None:
        written["startgebied"] = export_startarea_atlas(
            plugin, area_id, os.path.join(out_dir, "startgebied.pdf")
        )
    object_id = sample_object(store)
    if object_id is not None:
        written["dossier"] = export_dossier(plugin, object_id, os.path.join(out_dir, "dossier.pdf"))
    return written
