"""Ground motion: catalogue, the PGV model, exposure of objects, scenarios, area polygons.

Public entry points: ``gmpe.pgv_mm_s``, ``exposure.site_exposure``,
``exposure.exposure_at_scale`` (with ``dense_exposure`` as its reference),
``scenario.scenario_quake`` and ``zones.computed_areas``. Reading catalogue files and the
event service lives in :mod:`domain.importers` (``catalog.load_catalog``, ``fdsn``).
"""
