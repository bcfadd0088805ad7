"""Shared test helpers: where the public data lives (read from ../shared/data, never copied)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# the domain first: it puts the bundled SQLAlchemy 2 in front of Debian's 1.4 before any test
# module or conftest imports sqlalchemy, whichever folder is run on its own
import domain  # noqa: E402, F401

SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_data(name: str) -> Path:
    """Path of a public data file; skip with a clear message where the folder is absent."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(
            f"public data {name} not found in ../shared/data (place the shared folder beside the repo)"
        )
    return path


@pytest.fixture
def groningen_catalog() -> Path:
    return shared_data("knmi_induced_groningen_1991-2022.csv")


@pytest.fixture
def nl_catalog() -> Path:
    return shared_data("knmi_induced_nl_1986-2019.csv")


@pytest.fixture
def field_outline() -> Path:
    return shared_data("groningen_field_outline_rd.csv")


# CI runs the property tests with a fixed seed so a run is repeatable; locally they explore.
try:
    import os

    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # hypothesis is a test extra
    pass
