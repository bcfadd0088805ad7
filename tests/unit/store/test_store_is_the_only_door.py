"""The store is the only door to the data: no SQL outside ``domain/store/`` (issue #16).

Every read and write the adapter, planning, reports and importers need is a named function of
``domain/store/``. This test walks ``domain/`` and ``img_qgis_plugin/`` and fails on SQL found
anywhere else: imports of SQL builders or database drivers, ``.execute(…)`` calls and string
literals that are SQL statements.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("domain", "img_qgis_plugin")
STORE = Path("domain") / "store"

#: sqlalchemy names that build or run SQL (type hints such as ``Engine`` are fine)
SQL_BUILDERS = {
    "text",
    "select",
    "insert",
    "update",
    "delete",
    "bindparam",
    "literal_column",
    "table",
    "column",
    "func",
    "exists",
    "union",
    "union_all",
    "create_engine",
}
DRIVERS = ("sqlite3", "psycopg", "psycopg2", "apsw", "pysqlite2", "spatialite")
RUNS_SQL = {"execute", "executemany", "executescript", "exec_driver_sql"}

# A string is SQL when it starts with a statement keyword and goes on the way that statement
# does; plain words ("Select an area", "Update the catalogue") do not count.
_SQL_STATEMENT = re.compile(
    r"""^\s*(?:
        SELECT\s+(?:[\w.]+\s*\(|\*|\d|DISTINCT\b)
      | SELECT\b.*?\bFROM\s+["\w]+(?:\s+WHERE\b|\s+ORDER\b|\s+GROUP\b|\s+JOIN\b|\s*$|\s+\w+\s+JOIN\b)
      | SELECT\s+[\w".]+(?:\s*,\s*[\w".]+)+\s
      | INSERT\s+(?:OR\s+\w+\s+)?INTO\b
      | UPDATE\s+["\w.]+\s+(?:\w+\s+)?SET\b
      | DELETE\s+FROM\b
      | (?:CREATE|DROP|ALTER)\s+(?:OR\s+REPLACE\s+|UNIQUE\s+|TEMP(?:ORARY)?\s+)?
        (?:TABLE|INDEX|VIEW|TRIGGER|FUNCTION|ROLE|SCHEMA|EXTENSION|POLICY|SEQUENCE|USER)\b
      | PRAGMA\s+\w+
    )""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)

#: files outside domain/store that may hold what the walk finds, each with why
ALLOWED: dict[str, str] = {
    # none today: the version checks in domain/runtime read package metadata, not databases
}


def _python_files():
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative.is_relative_to(STORE) or "__pycache__" in relative.parts:
                continue
            yield relative


def _leading_text(node) -> str | None:
    """The text a string literal (or an f-string) starts with."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        # each placeholder reads as a name, e.g. f"SELECT {geom} FROM areas" as SELECT x FROM …
        return "".join(
            part.value if isinstance(part, ast.Constant) else "x" for part in node.values
        )
    return None


def _skipped_strings(tree) -> set[int]:
    """Docstrings, and the pieces of f-strings (their f-string is judged as a whole)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            out.update(id(part) for part in node.values)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def sql_found(source: str) -> list[tuple[int, str]]:
    """(line, what) for every piece of SQL in a module's source."""
    tree = ast.parse(source)
    skipped = _skipped_strings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in DRIVERS or top == "sqlalchemy":
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            top = (node.module or "").split(".")[0]
            if top in DRIVERS:
                found.append((node.lineno, f"from {node.module} import …"))
            elif top == "sqlalchemy":
                builders = sorted(a.name for a in node.names if a.name in SQL_BUILDERS)
                if builders:
                    found.append((node.lineno, f"from {node.module} import {', '.join(builders)}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in RUNS_SQL:
                found.append((node.lineno, f".{node.func.attr}(…)"))
        elif id(node) not in skipped:
            head = _leading_text(node)
            if head is not None and _SQL_STATEMENT.match(head):
                found.append((node.lineno, "SQL literal " + " ".join(head.split())[:60]))
    return sorted(set(found))


def test_no_sql_outside_the_store():
    problems = []
    for relative in _python_files():
        if str(relative) in ALLOWED:
            continue
        source = (ROOT / relative).read_text(encoding="utf-8")
        problems += [f"{relative}:{line}: {what}" for line, what in sql_found(source)]
    assert not problems, (
        "SQL outside domain/store/ (move it into a named store function):\n" + "\n".join(problems)
    )


def test_every_allowed_exception_still_exists():
    for name, why in ALLOWED.items():
        assert why.strip(), name
        assert (ROOT / name).exists(), f"{name} is allowed but gone: drop it from ALLOWED"


@pytest.mark.parametrize(
    "source",
    [
        "from sqlalchemy import text\n",
        "import sqlite3\n",
        "import psycopg2.extras\n",
        "from sqlalchemy.sql import select\n",
        "def f(conn):\n    conn.execute(x)\n",
        "def f(cursor):\n    cursor.executemany(x, rows)\n",
        "Q = 'SELECT id, x, y FROM objects'\n",
        "Q = '  select count(*) from areas'\n",
        "Q = f'SELECT {geom} FROM areas WHERE kind = :k'\n",
        "Q = 'INSERT INTO parcels (id) VALUES (1)'\n",
        "Q = 'UPDATE objects SET status = :s WHERE id = :i'\n",
        "Q = 'DELETE FROM parcels WHERE id = 1'\n",
        "Q = 'CREATE TEMP TABLE tmp (id int)'\n",
        "Q = 'DROP VIEW IF EXISTS v'\n",
        "Q = 'ALTER TABLE objects ADD COLUMN x int'\n",
        "Q = 'PRAGMA foreign_keys = ON'\n",
        "Q = 'SELECT EnableGpkgAmphibiousMode()'\n",
        "Q = ('SELECT street, house_number, place '\n     'FROM addresses ORDER BY street')\n",
    ],
)
def test_the_walk_finds_sql(source):
    assert sql_found(source), source


@pytest.mark.parametrize(
    "source",
    [
        "from sqlalchemy.engine import Engine\n",
        "from sqlalchemy.exc import OperationalError\n",
        "T = 'Select an area on the map first.'\n",
        "T = 'Update the catalogue from the file'\n",
        "T = 'Delete the drawn area?'\n",
        "T = 'Create a new hand-off if needed.'\n",
        "T = 'Selecteer eerst een object.'\n",
        "def f():\n    '''SELECT-like words in a docstring: SELECT id FROM objects.'''\n",
        "processing.run('native:buffer', {})\n",
    ],
)
def test_the_walk_leaves_other_text_alone(source):
    assert not sql_found(source), source
