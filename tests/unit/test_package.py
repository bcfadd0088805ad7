"""The plugin zip holds exactly what QGIS needs to install and run the plugin."""

from __future__ import annotations

import zipfile

from domain.runtime.requirements import VENDORED, VENDORED_MODULES
from tools.package import build


def test_zip_has_one_top_folder_with_plugin_domain_ui_resources_and_no_build_output(tmp_path):
    path = build(tmp_path / "plugin.zip")
    names = zipfile.ZipFile(path).namelist()
    assert {n.split("/")[0] for n in names} == {"img_qgis_plugin"}
    for required in (
        "metadata.txt",
        "__init__.py",
        "plugin_main.py",
        "domain/__init__.py",
        "domain/policy.py",
        "resources/icons/icon.svg",
        "resources/i18n/img_qgis_plugin_en.qm",
    ):
        assert f"img_qgis_plugin/{required}" in names, required
    forbidden = ("/tests/", "__pycache__", ".pyc", ".ts", ".venv", "/build/", ".egg-info", ".pyx")
    assert not [n for n in names if any(f in n for f in forbidden)]


def test_zip_carries_every_vendored_package_with_its_licence(tmp_path):
    names = set(zipfile.ZipFile(build(tmp_path / "plugin.zip")).namelist())
    for module in VENDORED_MODULES:  # a package folder, or one file (typing_extensions)
        package, single = f"img_qgis_plugin/vendor/{module}", f"img_qgis_plugin/vendor/{module}.py"
        assert f"{package}/__init__.py" in names or single in names, module
    for dist, version in VENDORED.items():
        stem = f"{dist}-{version}.dist-info/".replace("-", "_").lower()
        licences = [
            n
            for n in names
            if n.lower().replace("-", "_").startswith(f"img_qgis_plugin/vendor/{stem}")
            and ("licen" in n.lower() or "copying" in n.lower())
        ]
        assert licences, f"no licence for {dist} in the zip"


def test_zip_is_reproducible(tmp_path):
    a = build(tmp_path / "a.zip").read_bytes()
    b = build(tmp_path / "b.zip").read_bytes()
    assert a == b
