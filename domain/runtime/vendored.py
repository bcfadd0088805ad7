"""Load the pure-Python packages bundled in ``vendor/`` ahead of any other copy.

QGIS's Python may hold an older SQLAlchemy (Debian ships 1.4) or another plugin may bring a
newer one; a meta-path finder in front of ``sys.path`` makes every ``import sqlalchemy`` (and
alembic, geoalchemy2, mako and their helpers) resolve to the bundled copy. A foreign copy that
was imported before us is dropped from ``sys.modules`` so the next import takes ours; modules
that already hold the foreign one keep it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from pathlib import Path

# in the source tree ``vendor/`` sits beside ``domain/``; in the plugin zip too
VENDOR_DIR = Path(__file__).resolve().parents[2] / "vendor"


def vendored_names(folder: Path = VENDOR_DIR) -> frozenset[str]:
    """Top-level module names in ``folder``: packages and single-file modules."""
    if not folder.is_dir():
        return frozenset()
    names = set()
    for entry in folder.iterdir():
        if entry.is_dir() and (entry / "__init__.py").is_file():
            names.add(entry.name)
        elif entry.suffix == ".py":
            names.add(entry.stem)
    return frozenset(names)


class VendoredFinder(importlib.abc.MetaPathFinder):
    """Finds the bundled top-level modules; their submodules follow through ``__path__``."""

    def __init__(self, folder: Path, names: frozenset[str]) -> None:
        self.folder = str(folder)
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if "." in fullname or fullname not in self.names:
            return None
        return importlib.machinery.PathFinder.find_spec(fullname, [self.folder])


def _is_ours(module, folder: str) -> bool:
    location = getattr(module, "__file__", None) or ""
    return location.startswith(folder)


def use_vendored_packages(folder: Path = VENDOR_DIR) -> list[str]:
    """Put the finder first on ``sys.meta_path`` (once); return the foreign modules dropped."""
    names = vendored_names(folder)
    if not names:
        return []  # a checkout without ``make vendor``: the usual sys.path lookup applies
    if not any(isinstance(f, VendoredFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, VendoredFinder(folder, names))
    prefix = str(folder) + os.sep
    dropped = []
    for name in list(sys.modules):
        top = name.partition(".")[0]
        if top in names and not _is_ours(sys.modules[name], prefix):
            del sys.modules[name]
            dropped.append(name)
    return sorted(dropped)


DROPPED_AT_START = use_vendored_packages()
