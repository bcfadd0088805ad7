"""Printed output: the case dossier PDF, the start-area atlas PDF and the overview choropleth."""

from __future__ import annotations

import os


def first_start_area(store) -> int | None:
    """The first start area with a polygon (lowest id), or None."""
    from domain.store.planning_reads import first_start_area_id

    with store.engine.connect() as conn:
        return first_start_area_id(conn)


def sample_object(store) -> int | None:
    """An object worth showing: one with a hand-off, else with claims, else any."""
    from domain.store.objects import sample_object_id

    with store.engine.connect() as conn:
        return sample_object_id(conn)


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
