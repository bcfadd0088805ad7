"""Stores built once per test run and copied for each test that needs one.

Building a store (its migrations, or a demo of a few hundred objects) costs far more than
copying it: a GeoPackage is copied by its bytes, a PostGIS database with ``CREATE DATABASE …
TEMPLATE``. Each test still gets a store of its own, at the location it asked for.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


class StoreTemplates:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._built: dict[tuple[str, str], tuple[str, Any]] = {}

    def copy_to(
        self,
        location: str,
        name: str,
        build: Callable[[str], Any],
        request: pytest.FixtureRequest,
    ) -> Any:
        """Put a copy of the store ``build(where)`` makes at ``location`` (a ``.gpkg`` path or
        an existing, empty PostGIS database's URL); ``name`` says what ``build`` makes (one
        template per name and backend). Returns what ``build`` returned for the template."""
        postgis = location.startswith(("postgresql:", "postgres:"))
        server = request.getfixturevalue("postgis_server") if postgis else None
        key = ("postgis" if postgis else "gpkg", name)
        if key not in self._built:
            where = server.new_database() if server else str(self.folder / f"{name}.gpkg")
            self._built[key] = (where, build(where))
        template, built = self._built[key]
        if server:
            server.copy_database(template, into=location)
        else:
            shutil.copyfile(template, location)
        return built


@pytest.fixture(scope="session")
def store_templates(tmp_path_factory) -> StoreTemplates:
    return StoreTemplates(tmp_path_factory.mktemp("store-templates"))
