from __future__ import annotations

import configparser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def plugin_zip() -> Path:
    """The zip ``make package`` built (the Makefile builds it before the e2e run)."""
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    path = ROOT / "build" / f"img_qgis_plugin-{meta.get('general', 'version')}.zip"
    if not path.exists():
        pytest.fail(f"{path.name} is missing: run 'make package' first")
    return path
