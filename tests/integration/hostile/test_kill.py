"""``kill -9`` during any import leaves the store whole: it opens, passes SQLite's integrity
check and holds exactly the rows it held before — or, when the kill came after the commit,
exactly the rows the whole import leaves. Anything in between is a half-written store.

Each importer runs as the user runs it (``python3 -m domain COMMAND STORE FILE``) on a copy of
a demo GeoPackage, with a valid input large enough to take a second or more. One complete run
is measured first (when the store is opened, when SQLite's rollback journal exists — the write
windows —, when it ends) and must succeed; then the command is killed at five seeded moments:
two anywhere in the import, three inside the write windows. A moment is timed from the live
event it was measured from (store opened, first write), so a slower start does not move it.
The catalogue import is also killed on PostGIS, where the server must roll back.

The importers run two at a time (a module fixture) to keep the file near half a minute.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import os
import random
import shutil
import signal
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from domain.store import open_store
from tests.conftest import SHARED_DATA
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)

ROOT = Path(__file__).resolve().parents[3]
PYTHON = "/usr/bin/python3"  # the system Python that QGIS runs on Debian (no .venv)
CATALOGUE = SHARED_DATA / "knmi_induced_groningen_1991-2022.csv"
SEED = 20240901
KILLS_ANYWHERE, KILLS_IN_WRITES = 2, 3
OBJECTS = 200
POSTGIS_OBJECTS = 60  # the server's writes are slower; the import's shape is the same
POLL_S = 0.002

#: the command and its input per importer: (argv after the store, input writer, size)
IMPORTERS = (
    "import-catalog",
    "import-claims",
    "import-ownerships",
    "import-areas",
    "import-parcels",
    "import-bag",
    "demo",
    "update-catalog",
)


# --- valid inputs in the public formats --------------------------------------------------------
def _claims(path: Path, ids: list[int], rows: int = 15000) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            ["claim_number", "object_id", "applicant_id", "applicant_natural", "scheme"]
            + ["submitted", "status"]
        )
        for i in range(rows):
            out.writerow(
                [f"K-{i}", ids[i % len(ids)], f"KP{i % 997}", "ja", "ims"]
                + [
                    "2024-02-01",
                    "open",
                ]
            )
    return path


def _ownerships(path: Path, ids: list[int], rows: int = 12000) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["object_id", "person_id", "natural_person", "right", "valid_from"])
        for i in range(rows):
            out.writerow([ids[i % len(ids)], f"OP{i}", "ja", "eigendom", "2020-01-01"])
    return path


@contextlib.contextmanager
def _ogr_exceptions():
    """OGR raising exceptions for this block only."""
    from osgeo import ogr

    was = ogr.GetUseExceptions()
    ogr.UseExceptions()
    try:
        yield
    finally:
        if not was:
            ogr.DontUseExceptions()


def _vector(path: Path, driver: str, layers: list[tuple[str, int, list, list]]) -> Path:
    """Write ``layers`` [(name, geometry type, [(field, OGR type)], [(wkt|None, attrs)])]."""
    from osgeo import ogr, osr

    with _ogr_exceptions():
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(28992)
        source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
        for name, kind, fields, features in layers:
            layer = source.CreateLayer(name, srs, kind)
            for field_name, field_kind in fields:
                layer.CreateField(ogr.FieldDefn(field_name, field_kind))
            layer.StartTransaction()
            for wkt, attrs in features:
                feature = ogr.Feature(layer.GetLayerDefn())
                for key, value in attrs.items():
                    feature.SetField(key, value)
                if wkt:
                    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
                layer.CreateFeature(feature)
            layer.CommitTransaction()
        source = None
    return path


def _square(x: float, y: float, side: float = 50.0) -> str:
    return f"POLYGON (({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))"


def _areas(path: Path, count: int = 1500) -> Path:
    from osgeo import ogr

    features = [
        (_square(240000 + 60 * (i % 100), 590000 + 60 * (i // 100)), {"name": f"Gebied {i}"})
        for i in range(count)
    ]
    return _vector(path, "GeoJSON", [("gebieden", ogr.wkbPolygon, [("name", 4)], features)])


def _parcels(path: Path, count: int = 2500) -> Path:
    from osgeo import ogr

    fields = [
        ("kadastraleGemeenteCode", ogr.OFTString),
        ("sectie", ogr.OFTString),
        ("perceelnummer", ogr.OFTInteger),
        ("kadastraleGrootteWaarde", ogr.OFTInteger),
    ]
    features = [
        (
            _square(240000 + 60 * (i % 200), 590000 + 60 * (i // 200)),
            {
                "kadastraleGemeenteCode": "LPM00",
                "sectie": "A",
                "perceelnummer": i + 1,
                "kadastraleGrootteWaarde": 2500,
            },
        )
        for i in range(count)
    ]
    return _vector(path, "GPKG", [("perceel", ogr.wkbPolygon, fields, features)])


VBO_FIELDS = (
    "identificatie",
    "pand_identificatie",
    "gebruiksdoel",
    "oppervlakte",
    "status",
    "postcode",
    "huisnummer",
    "openbare_ruimte_naam",
    "woonplaats_naam",
    "nummeraanduiding_hoofdadres_identificatie",
)


def _bag(path: Path, count: int = 2500) -> Path:
    from osgeo import ogr

    vbos, pands = [], []
    for k in range(1, count + 1):
        attrs = {
            "identificatie": f"1979010{k:09d}",
            "pand_identificatie": f"1979100{k:09d}",
            "gebruiksdoel": "woonfunctie",
            "oppervlakte": "120",
            "status": "Verblijfsobject in gebruik",
            "postcode": "9919AB",
            "huisnummer": str(k),
            "openbare_ruimte_naam": "Molenweg",
            "woonplaats_naam": "Loppersum",
            "nummeraanduiding_hoofdadres_identificatie": f"1979200{k:09d}",
        }
        vbos.append((f"POINT ({245000 + (k % 300) * 7} {593500 + (k // 300) * 7})", attrs))
        pands.append(
            (
                _square(245000 + (k % 300) * 7 - 2, 593500 + (k // 300) * 7 - 2, 4),
                {
                    "identificatie": f"1979100{k:09d}",
                    "bouwjaar": 1930 + k % 80,
                    "status": "Pand in gebruik",
                },
            )
        )
    pand_fields = [
        ("identificatie", ogr.OFTString),
        ("bouwjaar", ogr.OFTInteger),
        ("status", ogr.OFTString),
    ]
    return _vector(
        path,
        "GPKG",
        [
            ("verblijfsobject", ogr.wkbPoint, [(f, ogr.OFTString) for f in VBO_FIELDS], vbos),
            ("pand", ogr.wkbPolygon, pand_fields, pands),
        ],
    )


def _new_quakes(path: Path, count: int = 40) -> Path:
    """FDSN text: quakes of the night after, spread over the field (all new to the store)."""
    rows = [
        "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
        "MagType|Magnitude|MagAuthor|EventLocationName|EventType"
    ]
    for k in range(count):
        lat, lon = 53.25 + 0.004 * k, 6.70 + 0.003 * k
        rows.append(
            f"knmi2025kill{k:03d}|2025-11-14T{k % 24:02d}:15:00|{lat:.4f}|{lon:.4f}|3.0|KNMI|"
            f"KNMI|KNMI|k{k}|ML|{2.0 + (k % 15) / 10:.1f}|KNMI|Zeerijp|induced or triggered event"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _arguments(name: str, folder: Path, ids: list[int]) -> list[str]:
    """What follows ``COMMAND STORE`` for one importer (``demo`` takes ``--out STORE``)."""
    if name == "import-catalog":
        return [str(CATALOGUE)]
    if name == "import-claims":
        return [str(_claims(folder / "claims.csv", ids))]
    if name == "import-ownerships":
        return [str(_ownerships(folder / "ownerships.csv", ids))]
    if name == "import-areas":
        return [str(_areas(folder / "areas.geojson")), "--kind", "start_area"]
    if name == "import-parcels":
        return [str(_parcels(folder / "parcels.gpkg"))]
    if name == "import-bag":
        return [str(_bag(folder / "bag.gpkg"))]
    if name == "update-catalog":
        return [str(_new_quakes(folder / "new_quakes.txt"))]
    # demo into an existing store replaces it: another seed, so "after" differs from "before"
    return ["--objects", str(OBJECTS), "--seed", "9"]


def _command(name: str, store: str, arguments: list[str]) -> list[str]:
    if name == "demo":
        return [PYTHON, "-m", "domain", "--lang", "en", "demo", "--out", store, *arguments]
    return [PYTHON, "-m", "domain", "--lang", "en", name, store, *arguments]


def _env() -> dict:
    env = dict(os.environ, IMGSCHADE_LANG="en")
    env.pop("PYTHONPATH", None)
    return env


# --- watching a run ------------------------------------------------------------------------
class GpkgWatch:
    """Events of a run on a GeoPackage in its own folder: the store opened (a file descriptor
    into the folder) and a write under way (a rollback journal or WAL next to it)."""

    poll_s = POLL_S

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def opened(self, pid: int) -> bool:
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    if Path(os.readlink(f"/proc/{pid}/fd/{fd}")).parent == self.folder:
                        return True
        return False

    def writing(self, pid: int) -> bool:
        for path in self.folder.iterdir():
            if path.name.endswith(("-journal", "-wal")):
                with contextlib.suppress(OSError):  # gone again between listing and looking
                    if path.stat().st_size > 0:
                        return True
        return False

    def close(self) -> None:
        pass


class PostgisWatch:
    """Events of a run on a PostGIS database: a client connected, a transaction that wrote."""

    poll_s = 0.01  # a query each time: not too often, the server does the import's work too

    def __init__(self, server, database: str) -> None:
        import psycopg2

        self.database = database
        self.conn = psycopg2.connect(server.url("postgres"))
        self.conn.autocommit = True

    def _count(self, condition: str) -> int:
        with self.conn.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = %s "
                f"AND pid <> pg_backend_pid() AND {condition}",
                (self.database,),
            )
            return cursor.fetchone()[0]

    def opened(self, pid: int) -> bool:
        return self._count("TRUE") > 0

    def writing(self, pid: int) -> bool:
        return self._count("backend_xid IS NOT NULL") > 0

    def gone(self, timeout_s: float = 10.0) -> None:
        """Wait for the killed client's backend to notice and roll back; end it after that."""
        deadline = time.monotonic() + timeout_s
        while self._count("TRUE") and time.monotonic() < deadline:
            time.sleep(0.05)
        with self.conn.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid()",
                (self.database,),
            )

    def close(self) -> None:
        self.conn.close()


@dataclass
class Measured:
    opened: float
    windows: list[tuple[float, float]]
    ended: float


def measure(argv: list[str], watch, reset=None, attempts: int = 3) -> Measured:
    """One complete run: it must succeed; when it opened the store, wrote, ended.

    A short write can fall between two polls on a loaded machine: with ``reset`` (put the store
    back as it was) the run is repeated, up to ``attempts`` times, until a write was seen."""
    for attempt in range(attempts if reset else 1):
        if attempt:
            reset()
        measured = _measure_once(argv, watch)
        if measured.windows:
            return measured
    raise AssertionError(f"{argv}: no write was seen during the complete run")


def _measure_once(argv: list[str], watch) -> Measured:
    start = time.monotonic()
    process = subprocess.Popen(
        argv, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    opened, windows, since = None, [], None
    while process.poll() is None:
        now = time.monotonic() - start
        if opened is None and watch.opened(process.pid):
            opened = now
        busy = watch.writing(process.pid)
        if busy and since is None:
            since = now
        elif not busy and since is not None:
            windows.append((since, now))
            since = None
        time.sleep(watch.poll_s)
    ended = time.monotonic() - start
    if since is not None:
        windows.append((since, ended))
    out, err = process.communicate()
    assert process.returncode == 0, f"{argv}: the complete run failed:\n{err.decode()[-2000:]}"
    return Measured(opened if opened is not None else 0.0, windows, ended)


@dataclass(frozen=True)
class Moment:
    """A kill moment: ``offset`` seconds after the live ``anchor`` event (opened/written)."""

    anchor: str
    offset: float
    at: float  # on the measured run's clock, for the report


def moments(measured: Measured, rng: random.Random) -> list[Moment]:
    """Two moments anywhere in the import, three over the write span — from the first write
    to the last commit, the gaps between commits included (seeded, stratified)."""
    first_write, last_commit = measured.windows[0][0], measured.windows[-1][1]
    span = max(measured.ended - measured.opened, 0.01)
    writes = max(last_commit - first_write, POLL_S)
    chosen = [
        measured.opened + (k + rng.random()) * span / KILLS_ANYWHERE for k in range(KILLS_ANYWHERE)
    ]
    chosen += [
        first_write + (k + rng.random()) * writes / KILLS_IN_WRITES for k in range(KILLS_IN_WRITES)
    ]
    out = []
    for at in sorted(chosen):
        if at >= first_write:
            out.append(Moment("written", at - first_write, at))
        else:
            out.append(Moment("opened", at - measured.opened, at))
    return out


@dataclass
class Kill:
    moment: Moment
    finished_first: bool = False
    mid_write: bool = False
    state: str = ""  # "before", "after" or what went wrong


def kill_at(argv: list[str], watch, moment: Moment, limit_s: float) -> Kill:
    """Run ``argv``; ``kill -9`` it ``moment.offset`` after its anchor event."""
    result = Kill(moment)
    start = time.monotonic()
    process = subprocess.Popen(
        argv, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    anchored = None
    killed = False
    while process.poll() is None and time.monotonic() - start < limit_s:
        now = time.monotonic()
        if anchored is None:
            event = watch.opened if moment.anchor == "opened" else watch.writing
            if event(process.pid):
                anchored = now
        if anchored is not None and now - anchored >= moment.offset:
            result.mid_write = watch.writing(process.pid)
            os.kill(process.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(watch.poll_s)
    if not killed:
        result.finished_first = process.poll() is not None
        if process.poll() is None:  # never reached its moment: stop it all the same
            os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return result


# --- what a store holds ----------------------------------------------------------------------
#: cells a complete run stamps with the clock (compared as "present", not by value)
CLOCK_COLUMNS = {("gpkg_contents", "last_change"), ("audit_log", "at")}


def _rows(conn, table: str, columns: list[str], listed: str) -> list:
    rows = conn.execute(text(f'SELECT {listed} FROM "{table}"')).all()
    clock = [i for i, c in enumerate(columns) if (table, c) in CLOCK_COLUMNS]
    return sorted(
        (tuple("<clock>" if i in clock else v for i, v in enumerate(r)) for r in rows), key=repr
    )


def rows_of(store) -> dict:
    """Every row of every table of a GeoPackage store, through the store's own engine (SQLite
    rolls a hot journal back on this first read), after SQLite's integrity check."""
    out = {}
    with store.engine.connect() as conn:
        check = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        assert check == ["ok"], f"integrity check: {check}"
        for table in sorted(inspect(conn).get_table_names()):
            columns = [c["name"] for c in inspect(conn).get_columns(table)]
            out[table] = _rows(conn, table, columns, ", ".join(f'"{c}"' for c in columns))
    return out


def postgis_rows(url: str) -> dict:
    """Every row of every table of a PostGIS store, as a new client sees them (what a killed
    client left uncommitted is gone)."""
    store = open_store(url)  # it opens as a store
    try:
        out = {}
        with store.engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                if table == "spatial_ref_sys":
                    continue
                columns = [c["name"] for c in inspect(conn).get_columns(table)]
                listed = ", ".join(
                    f'ST_AsBinary("{c}")' if c == "geom" else f'"{c}"' for c in columns
                )
                out[table] = _rows(conn, table, columns, listed)
        return out
    finally:
        store.close()


def gpkg_rows(path: Path) -> dict:
    store = open_store(str(path))
    try:
        return rows_of(store)
    finally:
        store.close()


def _differs(a: dict, b: dict) -> str:
    tables = sorted(t for t in set(a) | set(b) if a.get(t) != b.get(t))
    return ", ".join(f"{t} ({len(a.get(t, []))} → {len(b.get(t, []))} rows)" for t in tables)


# --- the runs ----------------------------------------------------------------------------------
@dataclass
class Outcome:
    name: str
    measured: Measured | None = None
    kills: list[Kill] = field(default_factory=list)
    error: str = ""

    def report(self) -> str:
        lines = [f"{self.name}: {self.error}" if self.error else self.name]
        if self.measured is not None:
            windows = ", ".join(f"{s:.2f}–{e:.2f}" for s, e in self.measured.windows)
            lines.append(
                f"  complete run {self.measured.ended:.2f} s, store opened at "
                f"{self.measured.opened:.2f} s, writes {windows}"
            )
        for k in self.kills:
            lines.append(
                f"  kill at {k.moment.at:.2f} s ({k.moment.anchor} +{k.moment.offset:.2f}): "
                f"{'finished before the kill; ' if k.finished_first else ''}"
                f"{'mid-write; ' if k.mid_write else ''}store {k.state}"
            )
        return "\n".join(lines)


def run_gpkg(name: str, template: Path, work: Path, ids: list[int]) -> Outcome:
    outcome = Outcome(name)
    folder = work / name
    inputs = folder / "input"
    inputs.mkdir(parents=True)
    try:
        arguments = _arguments(name, inputs, ids)
        before = gpkg_rows(template)
        done = folder / "complete"
        done.mkdir()
        shutil.copyfile(template, done / "store.gpkg")
        argv = _command(name, str(done / "store.gpkg"), arguments)
        outcome.measured = measure(
            argv, GpkgWatch(done), reset=lambda: shutil.copyfile(template, done / "store.gpkg")
        )
        after = gpkg_rows(done / "store.gpkg")
        assert after != before, "the complete run changed nothing"
        rng = random.Random(f"{SEED}:{name}")
        for k, moment in enumerate(moments(outcome.measured, rng)):
            place = folder / f"kill{k}"
            place.mkdir()
            store = place / "store.gpkg"
            shutil.copyfile(template, store)
            kill = kill_at(
                _command(name, str(store), arguments),
                GpkgWatch(place),
                moment,
                outcome.measured.ended * 4 + 10,
            )
            outcome.kills.append(kill)
            try:
                rows = gpkg_rows(store)
            except Exception as exc:  # noqa: BLE001  (reported per kill)
                kill.state = f"does not open: {type(exc).__name__}: {exc}"
                continue
            leftovers = sorted(p.name for p in place.iterdir() if p.name != "store.gpkg")
            if rows == before:
                kill.state = "as before"
            elif rows == after:
                kill.state = "as after the whole import"
            else:
                kill.state = (
                    f"HALF-WRITTEN: {_differs(before, rows)} (after the whole import: "
                    f"{_differs(before, after)})"
                )
            if leftovers:
                kill.state += f"; left behind: {', '.join(leftovers)}"
    except Exception as exc:  # noqa: BLE001  (the test reports it)
        outcome.error = f"{type(exc).__name__}: {exc}"
    return outcome


def _whole(outcome: Outcome) -> None:
    print(outcome.report())  # what each kill found, also for a passing test (pytest -rP)
    assert not outcome.error, outcome.report()
    assert len(outcome.kills) == KILLS_ANYWHERE + KILLS_IN_WRITES, outcome.report()
    # files left beside the store (a journal SQLite found not hot, a half build) are reported;
    # SQLite ignores them and the next write or build replaces them
    bad = [k for k in outcome.kills if not k.state.startswith(("as before", "as after"))]
    assert not bad, "a killed run left the store broken:\n" + outcome.report()
    # the test must have hit a write at least once, or it proved nothing
    assert any(k.mid_write for k in outcome.kills), "no kill landed mid-write:\n" + outcome.report()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, list[int]]:
    from domain.demo import build_demo

    path = tmp_path_factory.mktemp("kill") / "template.gpkg"
    build_demo(str(path), objects=OBJECTS, seed=5)
    with open_store(str(path)) as store, store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM objects ORDER BY id"))]
    return path, ids


# --- PostGIS: the client is killed, the server rolls back -------------------------------------
def run_postgis(server) -> Outcome:
    """The catalogue import on PostGIS: every run on a fresh copy of one demo database."""
    from domain.demo import build_demo

    outcome = Outcome("import-catalog on PostGIS")
    try:
        source = server.new_database()
        build_demo(source, objects=POSTGIS_OBJECTS, seed=5)
        source_name = source.rsplit("/", 1)[1]
        arguments = [str(CATALOGUE)]
        before = postgis_rows(source)

        def copy() -> tuple[str, str]:
            name = f"k_{uuid.uuid4().hex[:10]}"
            server.sql(f'CREATE DATABASE "{name}" TEMPLATE "{source_name}"')
            return name, server.url(name)

        name, url = copy()
        watch = PostgisWatch(server, name)
        try:
            outcome.measured = measure(_command("import-catalog", url, arguments), watch)
        finally:
            watch.close()
        after = postgis_rows(url)
        assert after != before, "the complete run changed nothing"
        for moment in moments(outcome.measured, random.Random(f"{SEED}:postgis")):
            name, url = copy()
            watch = PostgisWatch(server, name)
            try:
                kill = kill_at(
                    _command("import-catalog", url, arguments),
                    watch,
                    moment,
                    outcome.measured.ended * 4 + 10,
                )
                watch.gone()
            finally:
                watch.close()
            outcome.kills.append(kill)
            try:
                rows = postgis_rows(url)
            except Exception as exc:  # noqa: BLE001  (reported per kill)
                kill.state = f"does not open: {type(exc).__name__}: {exc}"
                continue
            if rows == before:
                kill.state = "as before"
            elif rows == after:
                kill.state = "as after the whole import"
            else:
                kill.state = f"HALF-WRITTEN: {_differs(before, rows)}"
    except Exception as exc:  # noqa: BLE001  (the test reports it)
        outcome.error = f"{type(exc).__name__}: {exc}"
    return outcome


def _wants_postgis(request) -> bool:
    return any(
        item.module is request.module and item.get_closest_marker("postgis")
        for item in request.session.items
    )


@pytest.fixture(scope="module")
def outcomes(request, template, tmp_path_factory) -> dict[str, Outcome]:
    """Every importer's complete run and kills, two runs at a time (the PostGIS one only when
    its test was selected)."""
    path, ids = template
    work = tmp_path_factory.mktemp("kills")
    jobs = {}
    if _wants_postgis(request):
        server = request.getfixturevalue("postgis_server")
        jobs["postgis"] = lambda: run_postgis(server)  # the longest: first
    for name in IMPORTERS:
        jobs[name] = functools.partial(run_gpkg, name, path, work, ids)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(job) for key, job in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize("name", IMPORTERS)
def test_kill_9_leaves_the_geopackage_store_whole(outcomes, name):
    _whole(outcomes[name])


@pytest.mark.postgis
def test_kill_9_of_a_catalogue_import_leaves_the_postgis_store_whole(outcomes):
    _whole(outcomes["postgis"])
