"""One dependency list: ``pyproject.toml``. The plugin's check and metadata.txt say the same.

``pyproject.toml`` is where a package or a version is changed. The plugin zip carries no
``pyproject.toml``, so ``domain/runtime/requirements.py`` keeps a copy (with what pyproject
cannot say: import names, Debian and OSGeo4W packages) and metadata.txt names the packages for
the plugin manager; every assertion here says which line to change to match pyproject.toml.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import tomllib
from packaging.requirements import Requirement

from domain.runtime import requirements
from domain.runtime.vendored import VENDOR_DIR, vendored_names

ROOT = Path(__file__).resolve().parents[3]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SOURCE = "pyproject.toml is the dependency list"
CHECK = "domain/runtime/requirements.py"


def _lowest(spec: str) -> tuple[str, str]:
    """``("numpy", "1.24")`` from ``"numpy>=1.24"``: only lower bounds are checked at start."""
    parsed = Requirement(spec)
    [bound] = list(parsed.specifier)
    assert bound.operator == ">=", f"{SOURCE}: write {spec!r} as name>=lowest"
    return parsed.name.lower(), bound.version


def _pinned(spec: str) -> tuple[str, str]:
    parsed = Requirement(spec)
    [pin] = list(parsed.specifier)
    assert pin.operator == "==", f"{SOURCE}: a bundled package is pinned exactly, not {spec!r}"
    return parsed.name.lower(), pin.version


def _about_names(sentence_start: str) -> list[str]:
    """The package names of one sentence of metadata.txt's ``about`` (remarks in brackets off)."""
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    about = meta.get("general", "about")
    found = re.search(re.escape(sentence_start) + r"(.*?)\.(?:\s|$)", about)
    assert found, f"metadata.txt's about has no sentence starting {sentence_start!r}"
    listed = re.sub(r"\([^)]*\)", "", found.group(1))
    return [name.strip().lower() for name in re.split(r",|\ben\b", listed) if name.strip()]


def test_the_compiled_packages_and_their_lowest_versions_match_pyproject():
    declared = dict(_lowest(spec) for spec in PYPROJECT["project"]["dependencies"])
    checked = {r.distribution: r.lowest for r in requirements.COMPILED}
    for name, lowest in declared.items():
        assert name in checked, f"{SOURCE}: add {name}>={lowest} to COMPILED in {CHECK}"
        assert checked[name] == lowest, (
            f"{SOURCE}: set the lowest version of {name} in {CHECK} COMPILED to {lowest}"
        )
    extra = set(checked) - set(declared)
    assert not extra, f"{SOURCE}: remove {sorted(extra)} from COMPILED in {CHECK}, or add them"
    [driver] = PYPROJECT["tool"]["imgschade"]["postgis_driver"]
    expected = (requirements.POSTGIS_DRIVER.distribution, requirements.POSTGIS_DRIVER.lowest)
    assert _lowest(driver) == expected, f"{SOURCE}: set POSTGIS_DRIVER in {CHECK} to {driver}"


def test_the_bundled_packages_and_their_pins_match_pyproject_in_order():
    declared = [_pinned(spec) for spec in PYPROJECT["tool"]["imgschade"]["vendored"]]
    copy = list(requirements.VENDORED.items())
    assert copy == declared, f"{SOURCE}: set VENDORED in {CHECK} to {dict(declared)}"
    pins_file = VENDOR_DIR / ".pins"
    pins = [_pinned(line) for line in pins_file.read_text(encoding="utf-8").split()]
    assert pins == declared, "vendor/ holds other versions than pyproject.toml: run make vendor"


def test_the_start_check_imports_every_bundled_package_by_its_import_name():
    present = vendored_names()
    for distribution, module in zip(requirements.VENDORED, requirements.VENDORED_MODULES):
        # the check imports this name, so it must be the module vendor/ really holds
        assert module in present, f"{distribution} is imported as {module}, not in vendor/"
    assert "alembic" in requirements.VENDORED_MODULES, "issue 16: the check once left it out"
    assert len(requirements.VENDORED_MODULES) == len(requirements.VENDORED)


def test_metadata_names_exactly_the_packages_of_pyproject():
    compiled = {_lowest(spec)[0] for spec in PYPROJECT["project"]["dependencies"]}
    driver = {_lowest(spec)[0] for spec in PYPROJECT["tool"]["imgschade"]["postgis_driver"]}
    bundled = [_pinned(spec)[0] for spec in PYPROJECT["tool"]["imgschade"]["vendored"]]
    from_qgis = _about_names("Gebruikt uit de Python van QGIS:")
    assert set(from_qgis) == compiled | driver, (
        f"{SOURCE}: metadata.txt's about should name {sorted(compiled | driver)} as taken from "
        f"QGIS's Python, it names {from_qgis}"
    )
    in_zip = _about_names("Meegeleverd in de zip:")
    assert in_zip == bundled, (
        f"{SOURCE}: metadata.txt's about should name {bundled} as bundled, it names {in_zip}"
    )
