"""Check the Python packages the domain needs, so a missing one is explained, not a crash."""

from __future__ import annotations

import importlib

# (import name, pip name, lowest version)
REQUIRED = (
    ("shapely", "shapely", "2.0"),
    ("pyproj", "pyproj", "3.4"),
    ("numpy", "numpy", "1.24"),
    ("scipy", "scipy", "1.10"),
    ("sqlalchemy", "sqlalchemy", "2.0"),
    ("geoalchemy2", "geoalchemy2", "0.14"),
)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def missing_dependencies() -> list[str]:
    """Pip requirement strings for every package that is absent or too old."""
    missing = []
    for module, pip_name, lowest in REQUIRED:
        try:
            mod = importlib.import_module(module)
        except Exception:
            missing.append(f"{pip_name}>={lowest}")
            continue
        version = getattr(mod, "__version__", "0")
        if _version_tuple(version) < _version_tuple(lowest):
            missing.append(f"{pip_name}>={lowest} (gevonden: {version})")
    return missing


class MissingDependenciesPlugin:
    """Stand-in plugin that tells the user exactly what to install, instead of failing to load."""

    def __init__(self, interface, missing: list[str]) -> None:
        self.iface = interface
        self.missing = missing

    def initGui(self) -> None:  # noqa: N802
        from qgis.core import Qgis, QgsMessageLog

        names = " ".join(m.split(" ")[0] for m in self.missing)
        text = (
            "De plugin Mijnbouwschade mist Python-pakketten: "
            + ", ".join(self.missing)
            + f". Installeer ze in de Python van QGIS, bijvoorbeeld: python -m pip install {names}"
            + " (OSGeo4W-shell op Windows), en herstart QGIS."
        )
        QgsMessageLog.logMessage(text, "Mijnbouwschade", Qgis.Critical)
        self.iface.messageBar().pushMessage("Mijnbouwschade", text, Qgis.Critical, 0)

    def unload(self) -> None:
        pass
