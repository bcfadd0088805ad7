"""Nothing leaks: no password in any output, no formula in a CSV export, no change to a file
that is not a store, and a fault message that speaks of the store's own backend.

Passwords are checked against a real PostGIS server whose test logins must give their password
(``PASSWORD_GROUP``), so a redacted location that does not work would fail the test too.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import random
import re
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import text

from domain.i18n import tr
from domain.planning.export import safe_cell, write_csv
from domain.store import open_store
from domain.store.engine import parse_location, redact
from domain.store.faults import as_domain_error, classify
from tests.support.postgis_server import PASSWORD_GROUP, postgis_server  # noqa: F401
from tests.unit.hostile.harness import run_cli

#: URL-special characters on purpose: the URL carries it encoded, a driver may print it decoded
PASSWORD = "Lek:Geheim@7731#x"
ENCODED = quote(PASSWORD, safe="")


def _absent(shown: str) -> None:
    for form in (PASSWORD, ENCODED, "Geheim@7731", "Geheim%407731"):
        assert form not in shown, f"password ({form}) shown:\n{shown}"
    assert "Traceback" not in shown, shown


# --- the displayed form ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (f"postgresql://anna:{ENCODED}@db.example:5432/schade", "anna:***@db.example:5432"),
        (f"postgres://anna:{ENCODED}@db.example/schade?sslmode=require", "sslmode=require"),
        (f"postgresql://anna@db/schade?password={ENCODED}", "password=***"),
        (f"service=schade password={PASSWORD}", "service=schade password=***"),
        ("service=schade", "service=schade"),
    ],
)
def test_a_location_is_shown_without_its_password(given, shown):
    location = parse_location(given)
    assert shown in location.shown()
    _absent(location.shown())
    if "password" in given or ":" + ENCODED in given:  # a driver's echo loses it too
        _absent(location.redact(f"driver says: could not log in with {PASSWORD} / {ENCODED}"))


def test_redact_blanks_every_way_a_password_is_written():
    texts = [
        f"host=db port=5432 dbname=schade user=anna password={PASSWORD.replace('#', '')} x",
        "host=db password='Lek Geheim@7731 met spatie' user=anna",
        "postgresql+psycopg2://anna:Lek-Geheim@77312@db/schade",
        "CREATE ROLE \"anna\" LOGIN PASSWORD 'Lek-Geheim@7731'",
        '{"user": "anna", "password": "Lek-Geheim@7731"}',
        "dbname='schade' host=db user='anna' password='Lek-Geheim@7731' key='id'",
    ]
    for original in texts:
        assert "Geheim@7731" not in redact(original), original
    # what is no password stays readable
    plain = "postgresql://anna@db.example:5432/schade; password authentication failed for anna"
    assert redact(plain) == plain


# --- PostGIS through the command line -------------------------------------------------------
@pytest.fixture(scope="module")
def guarded(postgis_server):  # noqa: F811
    """A demo store on the test server and two logins that must give ``PASSWORD``: an owner
    (superuser) and a planner (may not import)."""
    from domain.demo import build_demo
    from domain.store.roles import add_login

    url = postgis_server.new_database()
    build_demo(url, objects=60, seed=3)
    suffix = uuid.uuid4().hex[:6]
    owner, planner = f"h_leak_owner_{suffix}", f"h_leak_planner_{suffix}"
    postgis_server.sql(
        f"CREATE ROLE {owner} LOGIN SUPERUSER PASSWORD '{PASSWORD}' IN ROLE {PASSWORD_GROUP}"
    )
    store = open_store(url)
    try:
        add_login(store.engine, planner, "planner", password=PASSWORD)
    finally:
        store.close()
    postgis_server.sql(f"GRANT {PASSWORD_GROUP} TO {planner}")
    database = url.rsplit("/", 1)[1]
    base = f"127.0.0.1:{postgis_server.port}"

    def login(name: str, password: str = ENCODED, db: str = database, host: str = base) -> str:
        return f"postgresql://{name}:{password}@{host}/{db}"

    return {"login": login, "owner": owner, "planner": planner, "server": postgis_server}


def _claims_csv(path: Path, rows: list[list]) -> Path:
    header = ["claim_number", "object_id", "applicant_id", "applicant_natural", "scheme"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*header, "submitted", "status"])
        writer.writerows(rows)
    return path


@pytest.mark.postgis
def test_info_upgrade_and_demo_never_print_the_password(guarded):
    url = guarded["login"](guarded["owner"])
    for argv in (("info", url), ("info", url, "--json"), ("upgrade", url, "--json")):
        done = run_cli(*argv)
        assert done.code == 0, done.text
        _absent(done.text)
        assert "***" in done.out, done.out  # the location is shown, only its password is not
    fresh = guarded["server"].new_database().rsplit("/", 1)[1]
    done = run_cli("demo", "--out", guarded["login"](guarded["owner"], db=fresh), "--objects", "20")
    assert done.code == 0, done.text
    _absent(done.text)
    done = run_cli(
        "demo", "--out", guarded["login"](guarded["owner"], db=fresh), "--objects", "20", "--json"
    )
    assert done.code == 0, done.text
    _absent(done.text)
    assert f"{guarded['owner']}:***@" in done.out


@pytest.mark.postgis
def test_import_errors_never_print_the_password(guarded, tmp_path):
    owner, planner = guarded["login"](guarded["owner"]), guarded["login"](guarded["planner"])
    bad = _claims_csv(
        tmp_path / "bad.csv", [["L-1", 999999, "P1", "ja", "ims", "2024-02-01", "open"]]
    )
    done = run_cli("import-claims", owner, str(bad))
    assert done.code == 2 and "bad.csv:2" in done.err, done.text
    _absent(done.text)
    with open_store(owner) as store, store.engine.connect() as conn:
        object_id = conn.execute(text("SELECT MIN(id) FROM objects")).scalar_one()
    good = _claims_csv(
        tmp_path / "good.csv", [["L-2", object_id, "P1", "ja", "ims", "2024-02-01", "open"]]
    )
    # a planner may not write claims: the server refuses, the message names the store
    done = run_cli("import-claims", planner, str(good))
    assert done.code == 2, done.text
    assert "not allowed" in done.err and f"{guarded['planner']}:***@" in done.err, done.err
    _absent(done.text)


@pytest.mark.postgis
@pytest.mark.parametrize("case", ["wrong password", "refused", "no database", "query", "service"])
def test_failed_connections_never_print_the_password(guarded, case):
    owner = guarded["owner"]
    where, says = {
        "wrong password": (guarded["login"](owner, ENCODED + "x"), "logging in"),
        "refused": (guarded["login"](owner, host="127.0.0.1:1"), "connection"),
        "no database": (guarded["login"](owner, db="nergens"), "connection"),
        "query": (
            guarded["login"](owner, "").replace(":@", "@") + f"?password={ENCODED}x",
            "logging in",
        ),
        "service": (f"service=nergens password={PASSWORD}", "connection"),
    }[case]
    done = run_cli("info", where)
    assert done.code == 2, done.text
    assert says in done.err.lower(), done.err
    assert "PostgreSQL" in done.err and "GeoPackage" not in done.err, done.err
    _absent(done.text)


def test_a_keyword_string_is_refused_without_echoing_its_password():
    done = run_cli("info", f"host=db dbname=schade user=anna password={PASSWORD}")
    assert done.code == 2 and "is not a store" in done.err, done.text
    _absent(done.text)


# --- the last-resort net -------------------------------------------------------------------
def test_an_unexpected_error_is_one_readable_line_and_exit_70(monkeypatch, tmp_path):
    import domain.commands.store as commands

    def broken(args):
        raise RuntimeError(f"kapot bij postgresql://anna:{ENCODED}@db/schade\nregel twee")

    monkeypatch.setattr(commands, "_info", broken)
    done = run_cli("info", str(tmp_path / "x.gpkg"))
    assert done.code == 70, done.text
    lines = done.err.strip().splitlines()
    assert len(lines) == 1, done.err
    assert "Internal error" in lines[0] and "RuntimeError" in lines[0] and "kapot" in lines[0]
    assert "Nothing was stored" in lines[0] and "regel twee" not in lines[0]
    _absent(done.text)
    monkeypatch.setenv("IMGSCHADE_LANG", "nl")
    from domain.cli import main

    assert main(["info", str(tmp_path / "x.gpkg")]) == 70


#: a fresh ``python -m domain`` whose ``info`` fails unexpectedly (argv[1]: the store path)
_BROKEN_INFO = f"""
import runpy, sys
import domain.commands.store as commands

def broken(args):
    raise RuntimeError("kapot bij postgresql://anna:{ENCODED}@db/schade\\nregel twee")

commands._info = broken
sys.argv = ["imgschade", "--lang", "en", "info", sys.argv[1]]
runpy.run_module("domain", run_name="__main__")
"""


def test_the_net_holds_for_the_operating_system_too(tmp_path):
    """The one run of the last-resort net in its own process: what a shell or a script sees
    (the exit status, stderr) is one line and 70, never a traceback."""
    done = subprocess.run(
        [sys.executable, "-c", _BROKEN_INFO, str(tmp_path / "x.gpkg")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 70, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Internal error" in lines[0] and "RuntimeError" in lines[0]
    _absent(done.stderr)


def test_an_interrupt_is_one_line_and_exit_130(monkeypatch, tmp_path):
    import domain.commands.store as commands

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "_info", interrupted)
    done = run_cli("info", str(tmp_path / "x.gpkg"))
    assert done.code == 130 and "Stopped" in done.err and "Traceback" not in done.text


# --- files that are not a store are never touched -------------------------------------------
@contextlib.contextmanager
def _ogr_exceptions():
    """OGR raising exceptions for this block only (GDAL 3.6 has no ExceptionMgr)."""
    from osgeo import ogr

    was = ogr.GetUseExceptions()
    ogr.UseExceptions()
    try:
        yield
    finally:
        if not was:
            ogr.DontUseExceptions()


def _not_a_store(tmp_path: Path, kind: str) -> Path:
    rng = random.Random(kind)
    if kind == "csv":
        path = tmp_path / "some.csv"
        path.write_text("claim_number,object_id\nA-1,1\n", encoding="utf-8")
    elif kind in ("random.gpkg", "random.bin"):
        path = tmp_path / kind
        path.write_bytes(bytes(rng.randrange(256) for _ in range(8192)))
    elif kind == "foreign.gpkg":
        from osgeo import ogr, osr

        path = tmp_path / kind
        with _ogr_exceptions():
            source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(28992)
            layer = source.CreateLayer("wegen", srs, ogr.wkbPoint)
            layer.CreateField(ogr.FieldDefn("naam", ogr.OFTString))
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("naam", "Molenweg")
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (245000 593500)"))
            layer.CreateFeature(feature)
            source = None
    elif kind == "sqlite.gpkg":
        path = tmp_path / kind
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE iets (id INTEGER PRIMARY KEY, naam TEXT)")
        conn.execute("INSERT INTO iets (naam) VALUES ('van een ander programma')")
        conn.commit()
        conn.close()
    elif kind == "empty.gpkg":
        path = tmp_path / kind
        path.touch()
    else:  # a folder named like a store
        path = tmp_path / "folder.gpkg"
        path.mkdir()
        (path / "inside.txt").write_text("x", encoding="utf-8")
    old = 1_600_000_000_000_000_000  # an mtime in the past, so any write would show
    os.utime(path, ns=(old, old))
    return path


def _state(path: Path) -> tuple:
    stat = path.stat()
    content = (
        sorted(p.name for p in path.iterdir())
        if path.is_dir()
        else hashlib.sha256(path.read_bytes()).hexdigest()
    )
    leftovers = sorted(p.name for p in path.parent.glob(path.name + "-*"))
    return content, stat.st_mtime_ns, stat.st_size, leftovers


NOT_A_STORE = {
    "csv": "is not a store",
    "random.bin": "is not a store",
    "random.gpkg": "damaged or not a geopackage",
    "foreign.gpkg": "not a store of this program",
    "sqlite.gpkg": "not a store of this program",
    "empty.gpkg": "not a store of this program",
    "folder": "could not be opened",
}


@pytest.mark.parametrize("command", ["info", "upgrade", "import-claims"])
@pytest.mark.parametrize("kind", sorted(NOT_A_STORE))
def test_a_file_that_is_no_store_is_refused_and_left_alone(tmp_path, kind, command):
    path = _not_a_store(tmp_path, kind)
    extra = [
        str(
            _claims_csv(
                tmp_path / "claims.csv", [["L-1", 1, "P1", "ja", "ims", "2024-02-01", "open"]]
            )
        )
    ]
    before = _state(path)
    done = run_cli(command, str(path), *(extra if command.startswith("import") else []))
    assert done.code == 2, done.text
    assert "Traceback" not in done.text, done.text
    assert path.name in done.err and NOT_A_STORE[kind] in done.err.lower(), done.err
    assert "PostgreSQL" not in done.err, done.err
    assert _state(path) == before, "a file that is no store was changed"


# --- faults speak of the store's own backend ------------------------------------------------
KINDS = ("locked", "corrupt", "full", "connection", "login", "denied")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fault_texts_speak_of_their_own_backend(lang):
    from domain.i18n import has

    for kind in KINDS:
        if has(f"store.fault_{kind}.gpkg"):
            said = tr(f"store.fault_{kind}.gpkg", lang, store="/data/s.gpkg", error="x").lower()
            for word in ("postgresql", "server", "inlog", "log in", "rol", "role"):
                assert not re.search(rf"\b{word}", said), (kind, word, said)
        said = tr(f"store.fault_{kind}.postgis", lang, store="service=s", error="x").lower()
        for word in ("geopackage", "bestand", "file", "map", "folder", "programma", "program "):
            assert not re.search(rf"\b{word}", said), (kind, word, said)


def test_real_geopackage_faults_are_told_as_file_faults(tmp_path):
    path = tmp_path / "s.gpkg"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as readonly:
        reader.execute("INSERT INTO t VALUES (1)")
    reader.close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(sqlite3.OperationalError) as locked:
        sqlite3.connect(path, timeout=0).execute("SELECT * FROM t")
    holder.rollback()
    holder.close()
    (tmp_path / "folder.gpkg").mkdir()
    with pytest.raises(sqlite3.OperationalError) as folder:
        sqlite3.connect(tmp_path / "folder.gpkg").execute("SELECT 1")
    for error, kind in ((readonly, "denied"), (locked, "locked"), (folder, "connection")):
        assert classify(error.value) == kind
        said = str(as_domain_error(error.value, str(path)))
        assert "PostgreSQL" not in said and "server" not in said, said


@pytest.mark.postgis
def test_real_postgis_faults_are_told_as_server_faults(guarded):
    import psycopg2

    url = guarded["login"](guarded["owner"])
    with pytest.raises(psycopg2.Error) as wrong:
        psycopg2.connect(guarded["login"](guarded["owner"], "fout"))
    connection = psycopg2.connect(url)
    try:
        with pytest.raises(psycopg2.Error) as data_error, connection.cursor() as cursor:
            cursor.execute("SELECT '{1,2'::int[]")  # "malformed array literal": no damage
    finally:
        connection.close()
    assert classify(wrong.value) == "login"
    said = str(as_domain_error(wrong.value, parse_location(url).shown()))
    assert "PostgreSQL" in said and "GeoPackage" not in said and "file" not in said
    _absent(said)
    assert classify(data_error.value) is None  # not "a damaged GeoPackage"


# --- CSV exports open in a spreadsheet without running anything -----------------------------
def test_csv_cells_never_start_a_formula(tmp_path):
    hostile = ['=HYPERLINK("http://evil.example","klik")', "+31 6 0000", "-2+3", "@SUM(A1)"]
    hostile += ["\tverborgen", "\rterug", "＝1+1"]
    path = write_csv(tmp_path / "x.csv", ["Kop", "=kop"], [[*hostile, -12.5, "-12,5", -3, "12"]])
    with open(path, encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f, delimiter=";"))
    assert header == ["Kop", "'=kop"]
    assert row[: len(hostile)] == ["'" + h for h in hostile]
    assert row[len(hostile) :] == ["-12,5", "-12,5", "-3", "12"]  # numbers stay numbers
    assert safe_cell(None) is None and safe_cell(7) == 7


def _cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [cell for row in csv.reader(f, delimiter=";") for cell in row]


def test_exports_of_a_store_with_hostile_text_are_safe(hostile_store, tmp_path):
    link = '=HYPERLINK("http://x.nl",1)'  # fits claim_number (30)
    with open_store(hostile_store) as store, store.engine.begin() as conn:
        object_id = conn.execute(text("SELECT MIN(object_id) FROM addresses")).scalar_one()
        conn.execute(
            text("UPDATE addresses SET street = :s, place = :p, postcode = :c"),
            {"s": link, "p": "@SUM(1+1)*cmd|' /C calc'!A0", "c": "+9919AB"},
        )
        conn.execute(text("UPDATE objects SET municipality = :m"), {"m": link})
    claims = _claims_csv(
        tmp_path / "claims.csv", [[link, object_id, "P9", "ja", "ims", "2024-02-01", "open"]]
    )
    done = run_cli("import-claims", hostile_store, str(claims))
    assert done.code == 0, done.text
    visits, overview = tmp_path / "visits.csv", tmp_path / "overview.csv"
    polygon = "POLYGON((200000 550000, 290000 550000, 290000 630000, 200000 630000, 200000 550000))"
    done = run_cli("startgebied", hostile_store, "--polygon", polygon, "--csv", str(visits))
    assert done.code == 0, done.text
    done = run_cli("overzicht", hostile_store, "--csv", str(overview))
    assert done.code == 0, done.text
    for path in (visits, overview):
        cells = _cells(path)
        assert any(c.startswith("'=HYPERLINK") for c in cells), path.name
        risky = [
            c
            for c in cells
            if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-?\d+(,\d+)?", c)
        ]
        assert risky == [], f"{path.name}: cells a spreadsheet would run: {risky}"
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in _cells(visits)
    assert "'+9919AB" in _cells(visits)
