"""QGIS adapter tests run offscreen with pytest-qgis; Processing is put on the path."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT), "/usr/share/qgis/python/plugins"):
    if path not in sys.path:
        sys.path.insert(0, path)
