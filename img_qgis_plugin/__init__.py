"""QGIS entry point. Only ``classFactory`` lives here; everything else is imported lazily."""

from __future__ import annotations

import importlib.util
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _make_domain_importable() -> None:
    """Load ``domain`` as a top-level package without putting our folder on ``sys.path``.

    In the installed zip ``domain/`` sits inside this folder, in the source tree beside it. The
    bundled copy wins over an installed one, so the zip runs what it ships. Adding this folder to
    ``sys.path`` instead would expose our ``processing`` subpackage as QGIS's own ``processing``.
    """
    if "domain" in sys.modules:
        return
    for folder in (_HERE, os.path.dirname(_HERE)):
        package_dir = os.path.join(folder, "domain")
        init = os.path.join(package_dir, "__init__.py")
        if os.path.isfile(init):
            spec = importlib.util.spec_from_file_location(
                "domain", init, submodule_search_locations=[package_dir]
            )
            module = importlib.util.module_from_spec(spec)
            sys.modules["domain"] = module
            spec.loader.exec_module(module)
            return


def classFactory(iface):  # noqa: N802 - name required by QGIS
    _make_domain_importable()
    from img_qgis_plugin.dependencies import dependency_problem

    problem = dependency_problem()
    if problem:
        from img_qgis_plugin.dependencies import MissingDependenciesPlugin

        return MissingDependenciesPlugin(iface, *problem)
    from img_qgis_plugin.plugin_main import ImgPlugin

    return ImgPlugin(iface)
