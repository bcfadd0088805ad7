"""Ground motion: catalogue, the PGV model, exposure of objects, scenarios.

Public entry points: ``catalog.load_catalog``, ``gmpe.pgv_mm_s``, ``exposure.site_exposure``,
``exposure.exposure_at_scale`` (with ``dense_exposure`` as its reference) and
``scenario.scenario_quake``.
"""
