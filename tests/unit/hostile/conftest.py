"""A small demo GeoPackage store built once; each hostile test gets its own byte copy."""

from __future__ import annotations

import shutil

import pytest

from domain.demo import build_demo


@pytest.fixture(scope="session")
def _hostile_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "template.gpkg"
    build_demo(str(path), objects=60, seed=5)
    return str(path)


@pytest.fixture
def hostile_store(_hostile_template, tmp_path) -> str:
    """A copy of the demo store: imports into it may be refused, never half-written."""
    path = tmp_path / "store.gpkg"
    shutil.copyfile(_hostile_template, path)
    return str(path)
