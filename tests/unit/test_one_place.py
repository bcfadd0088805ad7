"""One place per concept (issue #16, point 3): the plugin's ``tr``, RD New, ``Cancelled`` and
``current_user`` are each defined once and imported everywhere else.

Read from the source with ``ast``, so a second copy fails here before it drifts from the first.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "img_qgis_plugin"
DOMAIN = ROOT / "domain"
#: frozen DDL: a migration writes its SRID out and never imports live code
MIGRATIONS = DOMAIN / "store" / "migrations"
COORDINATES = DOMAIN / "groundmotion" / "coordinates.py"
#: names of the PDOK WMTS service (tile matrix set, its CRS), not the product's RD New constant
SERVICE_NAMES = {
    ("img_qgis_plugin/background.py", "WMTS_TILE_MATRIX_SET"),
    ("img_qgis_plugin/background.py", "WMTS_CRS"),
}


def _sources(*packages: Path) -> dict[str, ast.Module]:
    trees = {}
    for package in packages:
        for path in sorted(package.rglob("*.py")):
            if MIGRATIONS in path.parents:
                continue
            trees[path.relative_to(ROOT).as_posix()] = ast.parse(path.read_text(encoding="utf-8"))
    return trees


def _definitions(trees, node_type, name: str) -> list[str]:
    """Every module defining ``name`` (a function or class at any depth), once per definition."""
    return [
        where
        for where, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, node_type) and node.name == name
    ]


def _imports_of(tree: ast.Module, name: str) -> set[str]:
    """The modules ``tree`` takes the name ``name`` from (``from x import name``, at any depth;
    ``from domain.i18n import tr as domain_tr`` binds ``domain_tr``, not ``tr``)."""
    return {
        node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and any((alias.asname or alias.name) == name for alias in node.names)
    }


def _uses(tree: ast.Module, name: str) -> bool:
    return any(isinstance(node, ast.Name) and node.id == name for node in ast.walk(tree))


def test_the_plugin_defines_tr_once_and_every_user_imports_it():
    trees = _sources(PLUGIN)
    assert _definitions(trees, ast.FunctionDef, "tr") == ["img_qgis_plugin/gui/i18n.py"]
    for where, tree in trees.items():
        if where == "img_qgis_plugin/gui/i18n.py" or not _uses(tree, "tr"):
            continue
        # the calls pylupdate files under "@default" must reach the one Qt lookup
        assert _imports_of(tree, "tr") == {"img_qgis_plugin.gui.i18n"}, where


def test_one_cancelled_in_domain_and_plugin_and_it_is_a_domain_error():
    from domain.errors import Cancelled, DomainError

    trees = _sources(DOMAIN, PLUGIN)
    assert _definitions(trees, ast.ClassDef, "Cancelled") == ["domain/errors.py"]
    assert issubclass(Cancelled, DomainError)
    for where, tree in trees.items():
        if where != "domain/errors.py" and _uses(tree, "Cancelled"):
            assert _imports_of(tree, "Cancelled") <= {
                "domain.errors",
                # older callers (planning.visits, store.catalog_update) still go through
                # exposure, which imports it from domain.errors: the same class, tested below
                "domain.groundmotion.exposure",
            }, where


def test_the_old_import_paths_of_cancelled_are_the_same_class():
    """A caller importing ``Cancelled`` via exposure raises and catches the one class."""
    from domain.errors import Cancelled
    from domain.groundmotion import exposure

    assert exposure.Cancelled is Cancelled


def test_current_user_is_defined_once():
    trees = _sources(PLUGIN, DOMAIN)
    assert _definitions(trees, ast.FunctionDef, "current_user") == ["img_qgis_plugin/identity.py"]
    for where, tree in trees.items():
        if where != "img_qgis_plugin/identity.py" and _uses(tree, "current_user"):
            assert _imports_of(tree, "current_user") == {"img_qgis_plugin.identity"}, where


def _service_names(tree: ast.Module, where: str) -> set[int]:
    """The ids of the constants assigned to a service's own name (``SERVICE_NAMES``)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and (where, t.id) in SERVICE_NAMES for t in node.targets)
    }


def _names_rd_new_in_code(value) -> bool:
    """``28992`` as a number, or inside a string without spaces (a CRS id, a layer URI)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value == 28992
    return isinstance(value, str) and "28992" in value and not any(c.isspace() for c in value)


def test_rd_new_is_written_in_one_module():
    """No ``28992`` and no code string naming EPSG:28992 outside ``domain.groundmotion.coordinates``.

    Prose (a docstring, a message saying "for example EPSG:28992") has spaces and may name it;
    a string without spaces is code and must use ``RD_NEW``. Migrations are frozen, skipped."""
    trees = _sources(DOMAIN, PLUGIN, ROOT / "tools")
    found = []
    for where, tree in trees.items():
        if where == COORDINATES.relative_to(ROOT).as_posix():
            continue
        allowed = _service_names(tree, where)
        found += [
            f"{where}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and _names_rd_new_in_code(node.value)
            and id(node) not in allowed
        ]
    assert found == []


def test_the_constant_is_rd_new():
    from domain.groundmotion.coordinates import RD_NEW, SRID
    from domain.store.engine import SRID as STORE_SRID

    assert (SRID, RD_NEW) == (28992, "EPSG:28992")
    assert STORE_SRID is SRID


#: the domain's root holds its packages and these modules only (issue #16, point 3)
DOMAIN_ROOT_MODULES = {
    "__init__.py",
    "__main__.py",
    "cli.py",
    "errors.py",
    "i18n.py",
    "policy.py",
}


def test_the_domain_root_holds_only_packages_and_the_allowed_modules():
    modules = {path.name for path in DOMAIN.glob("*.py")}
    assert modules - DOMAIN_ROOT_MODULES == set()


def _imported_modules(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_ground_motion_never_imports_the_importers():
    # importers read catalogues into ground motion's Catalog; the other way round is a cycle
    trees = _sources(DOMAIN / "groundmotion")
    upward = {
        where: sorted(
            name for name in _imported_modules(tree) if name.startswith("domain.importers")
        )
        for where, tree in trees.items()
    }
    assert {where: names for where, names in upward.items() if names} == {}
