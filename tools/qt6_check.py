"""Fail on constructs that break under Qt 6 (QGIS 4); part of ``make lint``.

Checked in every ``.py`` file given:
- imports of Qt or sip other than through ``qgis.PyQt``;
- Qt 5-only modules and classes (QtWebKit, QRegExp, QDesktopWidget, …);
- ``exec_()`` and ``print_()``, gone in PyQt6;
- ``QAction``/``QActionGroup``/``QShortcut`` from ``QtWidgets`` (they live in ``QtGui`` in Qt 6);
- enum values reached without their enum (``Qt.AlignLeft`` instead of
  ``Qt.AlignmentFlag.AlignLeft``), and deprecated QGIS enum aliases: each attribute ``Name.X``
  whose ``Name`` was imported from ``qgis.*`` is looked up in the running QGIS, and an enum
  member must be spelled through the enum that owns it.
"""

from __future__ import annotations

import ast
import enum
import importlib
import os
import sys
from pathlib import Path

QT5_ONLY_MODULES = {
    "QtWebKit",
    "QtWebKitWidgets",
    "QtXmlPatterns",
    "QtScript",
    "QtMultimediaWidgets",
}
QT5_ONLY_NAMES = {
    "QRegExp",
    "QRegExpValidator",
    "QDesktopWidget",
    "QGLWidget",
    "QGLFormat",
    "QMatrix",
    "QStringRef",
    "QTextCodec",
    "QSound",
    "QLinkedList",
    "QWebView",
}
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoStack"}
REMOVED_METHODS = {"exec_", "print_"}
# QVariant's type enum is gone in Qt 6; QGIS 3.38+ takes QMetaType.Type for field types
QVARIANT_TO_QMETATYPE = {
    "String": "QString",
    "Int": "Int",
    "LongLong": "LongLong",
    "Double": "Double",
    "Bool": "Bool",
    "Date": "QDate",
    "DateTime": "QDateTime",
    "ByteArray": "QByteArray",
}


def _enum_owner(value) -> str | None:
    """``Owner.Enum`` for an enum member, else None."""
    kind = type(value)
    if isinstance(value, enum.Enum) or type(kind).__name__ in ("enumtype", "EnumType"):
        return kind.__qualname__
    return None


class Checker(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: dict[str, object] = {}  # local name -> the imported QGIS/Qt object
        self.problems: list[str] = []

    def report(self, node: ast.AST, text: str) -> None:
        self.problems.append(f"{self.path}:{node.lineno}:{node.col_offset + 1}: {text}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            if alias.name in QT5_ONLY_NAMES:
                self.report(node, f"{alias.name} bestaat niet in Qt 6")
            if alias.name in MOVED_TO_QTGUI and module.endswith("QtWidgets"):
                self.report(node, f"importeer {alias.name} uit qgis.PyQt.QtGui (Qt 6)")
            if module.startswith("qgis") and alias.name != "*":
                try:
                    target = getattr(importlib.import_module(module), alias.name)
                except (ImportError, AttributeError):
                    continue
                self.names[alias.asname or alias.name] = target
        self.generic_visit(node)

    def _check_module(self, node: ast.AST, module: str) -> None:
        top = module.split(".")[0]
        if top in ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip"):
            self.report(node, f"importeer Qt via qgis.PyQt, niet via {top}")
        if module.split(".")[-1] in QT5_ONLY_MODULES:
            self.report(node, f"module {module} bestaat niet in Qt 6")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in REMOVED_METHODS:
            self.report(node, f"{node.attr}() bestaat niet in PyQt6: gebruik {node.attr[:-1]}()")
        if isinstance(node.value, ast.Name) and node.value.id in self.names:
            owner = self.names[node.value.id]
            try:
                value = getattr(owner, node.attr)
            except Exception:
                value = None
            qualname = _enum_owner(value)
            if getattr(owner, "__name__", "") == "QVariant" and node.attr in QVARIANT_TO_QMETATYPE:
                self.report(
                    node,
                    f"{node.value.id}.{node.attr}: schrijf "
                    f"QMetaType.Type.{QVARIANT_TO_QMETATYPE[node.attr]}",
                )
            elif qualname is not None:
                self.report(
                    node,
                    f"{node.value.id}.{node.attr}: schrijf {qualname}.{value.name}"
                    if isinstance(value, enum.Enum)
                    else f"{node.value.id}.{node.attr}: schrijf {qualname}.{node.attr}",
                )
        self.generic_visit(node)


def check_file(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    checker = Checker(path)
    checker.visit(tree)
    return checker.problems


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    files = []
    for arg in argv or ["img_qgis_plugin", "tests"]:
        base = Path(arg)
        files += sorted(base.rglob("*.py")) if base.is_dir() else [base]
    problems = [p for f in files for p in check_file(f)]
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} Qt 6-problemen.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
