"""Unit tests: no database server, no process killed, a minute for the whole folder.

Tests here that start the real PostgreSQL/PostGIS server (the PostGIS half of the store tests,
which run on both backends) carry the ``postgis`` mark: ``make test-unit`` leaves them out and
``make test-integration`` runs them, with the suites in tests/integration.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # a test that asks for the server is a postgis test, whether or not its author marked it
    for item in items:
        asks = "postgis_server" in item.fixturenames and HERE in Path(item.path).parents
        if asks and item.get_closest_marker("postgis") is None:
            item.add_marker(pytest.mark.postgis)
