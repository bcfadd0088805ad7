"""The PostGIS planning test compares with the GeoPackage store of tests/unit/planning."""

from tests.unit.planning.conftest import tiny_store  # noqa: F401  (fixture)
