"""The packages the domain needs from the Python it runs in, and how to get a missing one.

Two kinds: compiled packages that every QGIS installer ships with its Python (numpy, pyproj,
GDAL's ``osgeo``, scipy, shapely 2; psycopg2 for PostGIS stores), and the pure-Python packages
bundled in ``vendor/``. ``pyproject.toml`` is the dependency list; the lists here are its copy
for a plugin that has no ``pyproject.toml`` (plus what it cannot say: import names, Debian and
OSGeo4W packages), and ``tests/unit/runtime/test_requirements_list.py`` fails on any difference.
For each compiled package there is one quoted command per platform, safe to paste.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

from domain.i18n import register, tr

register(
    {
        "deps.missing": ("ontbreekt", "missing"),
        "deps.too_old": (
            "versie {found}, nodig is {lowest} of nieuwer",
            "version {found}, needs {lowest} or newer",
        ),
        "deps.broken": ("kan niet laden: {error}", "cannot load: {error}"),
        "deps.summary": (
            "Deze Python mist wat Mijnbouwschade nodig heeft: {names}.",
            "This Python lacks what Mijnbouwschade needs: {names}.",
        ),
        "deps.install_here": (
            "Installeer op deze computer ({platform}) met: {command}  — en start QGIS opnieuw.",
            "Install on this computer ({platform}) with: {command}  — then restart QGIS.",
        ),
        "deps.vendor_missing": (
            "De gebundelde pakketten ({names}) ontbreken in de plugin-map: installeer de zip "
            "opnieuw via Plugins › Beheren en installeren › Installeren vanuit ZIP.",
            "The bundled packages ({names}) are missing from the plugin folder: install the zip "
            "again through Plugins › Manage and Install › Install from ZIP.",
        ),
        "deps.managed_pc": (
            "Op een beheerde werkplek doet de IT-afdeling dit.",
            "On a managed PC your IT department does this.",
        ),
    }
)

PLATFORMS = ("windows", "macos", "debian13", "debian12", "linux")
PLATFORM_NAMES = {
    "windows": "Windows (OSGeo4W)",
    "macos": "macOS (QGIS.app)",
    "debian13": "Debian 13 / Ubuntu 24.04",
    "debian12": "Debian 12",
    "linux": "Linux",
}


@dataclass(frozen=True)
class Requirement:
    module: str  # import name
    distribution: str  # name on PyPI, as in pyproject.toml
    lowest: str
    debian: str  # Debian's package
    osgeo4w: str  # OSGeo4W's package

    def built_from_source(self, where: str) -> bool:
        """Debian 12 has shapely 1.8 only: 2.0-2.1 build against the GEOS that QGIS loads and
        run with its numpy 1.24 (a wheel's own GEOS clashes inside QGIS)."""
        return self.module == "shapely" and where == "debian12"

    def command(self, where: str) -> str:
        spec = f"{self.distribution}>={self.lowest}"
        if where == "windows":
            return f'osgeo4w-setup.exe -q -P "{self.osgeo4w}"'
        if where == "macos":
            return (
                '"/Applications/QGIS-LTR.app/Contents/MacOS/bin/python3" -m pip install --user '
                f'"{spec}"'
            )
        if where == "linux":
            return f'python3 -m pip install --user "{spec}"'
        if self.built_from_source(where):
            return (
                "sudo apt install python3-pip python3-dev gcc pkg-config libgeos-dev && "
                "python3 -m pip install --user --break-system-packages --no-binary shapely "
                '"shapely>=2.0,<2.2"'
            )
        return f"sudo apt install {self.debian}"


COMPILED = (
    Requirement("numpy", "numpy", "1.24", "python3-numpy", "python3-numpy"),
    Requirement("pyproj", "pyproj", "3.4", "python3-pyproj", "python3-pyproj"),
    Requirement("scipy", "scipy", "1.10", "python3-scipy", "python3-scipy"),
    Requirement("shapely", "shapely", "2.0", "python3-shapely", "python3-shapely"),
    Requirement("osgeo.ogr", "gdal", "3.4", "python3-gdal", "python3-gdal"),
)
# needed for shared PostGIS stores only, so checked when one is opened
POSTGIS_DRIVER = Requirement("psycopg2", "psycopg2", "2.8", "python3-psycopg2", "python3-psycopg2")
# the bundled pure-Python packages (``vendor/``), as pinned in pyproject.toml
VENDORED = {
    "sqlalchemy": "2.0.58",
    "geoalchemy2": "0.17.1",
    "alembic": "1.16.5",
    "mako": "1.3.12",
    "markupsafe": "3.0.4",
    "typing-extensions": "4.16.0",
    "packaging": "26.3",
    "tomli": "2.2.1",
    "tzdata": "2026.6",
}
# what ``missing_vendored`` imports: every bundled package, by its import name ("-" becomes "_")
VENDORED_MODULES = tuple(name.replace("-", "_") for name in VENDORED)


@dataclass(frozen=True)
class Problem:
    requirement: Requirement
    detail: str


def version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in str(text).split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _version_of(module) -> str:
    version = getattr(module, "__version__", None)
    if version is None and module.__name__.startswith("osgeo"):
        from osgeo import gdal

        version = gdal.__version__
    return str(version or "0")


def check(requirement: Requirement) -> Problem | None:
    try:
        module = importlib.import_module(requirement.module)
    except ImportError:
        return Problem(requirement, tr("deps.missing"))
    except Exception as error:  # a broken build (e.g. a GEOS mismatch) is reported, not raised
        return Problem(requirement, tr("deps.broken", error=error))
    found = _version_of(module)
    if version_tuple(found) < version_tuple(requirement.lowest):
        return Problem(requirement, tr("deps.too_old", found=found, lowest=requirement.lowest))
    return None


def missing_compiled() -> list[Problem]:
    """Problems with the compiled packages needed to start (empty when all is well)."""
    return [p for p in map(check, COMPILED) if p is not None]


def missing_vendored() -> list[str]:
    """Bundled packages that do not import (a damaged or incomplete install), each by its import
    name: checked before anything imports them, so a missing one gets the stand-in, not a crash."""
    missing = []
    for name in VENDORED_MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            missing.append(name)
    return missing


def this_platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    release = _os_release()
    family = f"{release.get('ID', '')} {release.get('ID_LIKE', '')}"
    if "debian" not in family and "ubuntu" not in family:
        return "linux"
    # Debian 13 and Ubuntu 24.04 carry shapely 2 as python3-shapely; older ones do not
    version = version_tuple(release.get("VERSION_ID", "0"))
    newest = version >= ((24, 4) if release.get("ID") == "ubuntu" else (13,))
    return "debian13" if newest else "debian12"


def _os_release() -> dict[str, str]:
    try:
        with open("/etc/os-release", encoding="utf-8") as handle:
            pairs = (line.rstrip("\n").split("=", 1) for line in handle if "=" in line)
            return {key: value.strip('"') for key, value in pairs}
    except OSError:
        return {}


def commands_for(problems: list[Problem], where: str) -> str:
    """One line to paste: on Debian a single ``apt install``, then a shapely build if needed."""
    requirements = [p.requirement for p in problems]
    if where == "windows":
        return f'osgeo4w-setup.exe -q -P "{",".join(r.osgeo4w for r in requirements)}"'
    if not where.startswith("debian"):
        return " && ".join(dict.fromkeys(r.command(where) for r in requirements))
    apt = [r.debian for r in requirements if not r.built_from_source(where)]
    built = [r.command(where) for r in requirements if r.built_from_source(where)]
    return " && ".join(([f"sudo apt install {' '.join(apt)}"] if apt else []) + built)


def install_advice(problems: list[Problem], where: str | None = None) -> str:
    """One paragraph for the person: what is missing and the command for this platform."""
    where = where or this_platform()
    names = ", ".join(f"{p.requirement.distribution} ({p.detail})" for p in problems)
    text = [
        tr("deps.summary", names=names),
        tr(
            "deps.install_here",
            platform=PLATFORM_NAMES[where],
            command=commands_for(problems, where),
        ),
    ]
    if where == "windows":
        text.append(tr("deps.managed_pc"))
    return " ".join(text)


def advice_for_every_platform(problems: list[Problem]) -> dict[str, str]:
    """The command per platform, for the message log."""
    return {PLATFORM_NAMES[where]: commands_for(problems, where) for where in PLATFORMS}
