"""``imgschade update-catalog``: new quakes added incrementally give the store a full recompute
with the same catalogue gives; nothing new changes nothing; a bad file changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pyproj import Transformer
from sqlalchemy import text

from domain.demo import build_demo
from domain.groundmotion.catalog import Catalog
from domain.store import open_store
from domain.store.catalog_update import reach_km, update_catalog
from domain.store.compute import recompute_with_settings
from domain.store.coverage import record_catalog_end
from domain.store.exposure import catalog_from_store, write_quakes
from domain.store.motion_settings import store_motion_settings
from tests.support.store_compare import assert_same_store, computed_tables
from tests.unit.hostile.harness import assert_rejected, run_cli, store_state

TO_WGS84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
TO_RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
ZEERIJP = (53.3502, 6.7497)  # lat, lon
FDSN_HEADER = (
    "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
    "MagType|Magnitude|MagAuthor|EventLocationName|EventType"
)


def fdsn_row(event_id: str, time: str, lat: float, lon: float, ml: float, place: str) -> str:
    return (
        f"{event_id}|{time}|{lat:.5f}|{lon:.5f}|3.0|KNMI|KNMI|KNMI|{event_id}|ML|{ml}|KNMI|"
        f"{place}|induced or triggered event"
    )


def fdsn_file(path, *rows: str):
    path.write_text("\n".join([FDSN_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def zeerijp_quake(event_id: str = "knmi2025zrp1", time: str = "2025-11-14T20:15:00") -> str:
    return fdsn_row(event_id, time, *ZEERIJP, 3.4, "Zeerijp")


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The reference recompute writes texts (excluded reasons) in the language of the CLI."""
    monkeypatch.setenv("IMGSCHADE_LANG", "en")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("update") / "demo.gpkg"
    build_demo(str(path), objects=1500, seed=7)
    return str(path)


@pytest.fixture
def demo_copy(demo_template, tmp_path):
    def copy(name: str) -> str:
        target = tmp_path / f"{name}.gpkg"
        shutil.copyfile(demo_template, target)
        return str(target)

    return copy


def full_recompute_with(location: str, path) -> None:
    """The reference: the stored catalogue plus the file's new events written as a full
    import writes them, then exposure, statuses and areas of every object recomputed."""
    from domain.importers.catalog import load_catalog

    extra = load_catalog(path)
    store = open_store(location)
    try:
        with store.engine.begin() as conn:
            stored = catalog_from_store(conn)
            known = {q.event_id for q in stored.quakes} | {q.event_id for q, _ in stored.excluded}
            quakes = [*stored.quakes, *(q for q in extra.quakes if q.event_id not in known)]
            excluded = [
                *stored.excluded,
                *(e for e in extra.excluded if e[0].event_id not in known),
            ]
            quakes.sort(key=lambda q: (q.time, q.event_id))
            excluded.sort(key=lambda e: (e[0].time, e[0].event_id))
            write_quakes(conn, Catalog(quakes, excluded, stored.origin))
            record_catalog_end(conn)
        recompute_with_settings(store, store_motion_settings(store))
    finally:
        store.close()


def _same(first: str, second: str) -> None:
    a, b = open_store(first), open_store(second)
    try:
        assert_same_store(a, b)
    finally:
        a.close()
        b.close()


def _json(outcome) -> dict:
    import json

    assert outcome.code == 0, outcome.text
    return json.loads(outcome.out)


def test_a_new_quake_near_zeerijp_gives_the_store_of_a_full_recompute(demo_copy, tmp_path):
    quake = fdsn_file(tmp_path / "zeerijp.txt", zeerijp_quake())
    updated, full = demo_copy("updated"), demo_copy("full")
    data = _json(run_cli("update-catalog", updated, str(quake), "--json"))
    full_recompute_with(full, quake)
    _same(updated, full)
    assert data["added"] == data["added_counting"] == 1
    assert data["already_present"] == 0
    # only the objects within reach were evaluated, and far from every object of the region
    assert 0 < data["objects_recomputed"] <= data["objects_in_reach"] < 1500
    assert data["exposure_events_added"] >= data["objects_recomputed"]
    assert data["groups"]["reopened"], "an ML 3.4 under Winsum/Baflo reopens decided objects"
    store = open_store(updated)
    try:
        with store.engine.connect() as conn:
            new_id = conn.execute(
                text("SELECT id FROM quakes WHERE event_id = 'knmi2025zrp1'")
            ).scalar()
            pairs = conn.execute(
                text("SELECT COUNT(*) FROM exposure_events WHERE quake_id = :q"), {"q": new_id}
            ).scalar()
        assert pairs == data["exposure_events_added"]
    finally:
        store.close()


def test_the_reach_comes_from_the_model_and_bounds_every_pair(demo_copy, tmp_path):
    """No object beyond the reach gets a pair; a weaker quake reaches less far."""
    from domain.importers.catalog import parse_catalog_text

    def reach(ml):
        parsed = parse_catalog_text(
            "\n".join([FDSN_HEADER, fdsn_row("x", "2025-11-14T20:15:00", *ZEERIJP, ml, "Z")]),
            "x.txt",
        )
        catalog = Catalog(parsed.quakes, [], "x")
        motion = store_motion_settings(open_store(demo_copy("r")))
        return float(reach_km(catalog, 150.0, motion.ground_motion(), 1.6)[0]), parsed.quakes[0]

    far, quake = reach(3.4)
    near, _ = reach(2.0)
    assert far > near > 0
    updated = demo_copy("updated")
    run_cli("update-catalog", updated, str(fdsn_file(tmp_path / "z.txt", zeerijp_quake())))
    store = open_store(updated)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT o.x, o.y FROM exposure_events e JOIN objects o ON o.id = e.object_id "
                    "JOIN quakes q ON q.id = e.quake_id WHERE q.event_id = 'knmi2025zrp1'"
                )
            ).all()
    finally:
        store.close()
    distances = [((x - quake.x) ** 2 + (y - quake.y) ** 2) ** 0.5 / 1000 for x, y in rows]
    assert rows and max(distances) <= far


def _object_where(location: str, sql: str) -> tuple[int, float, float]:
    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            row = conn.execute(text(sql)).first()
    finally:
        store.close()
    assert row is not None, sql
    return int(row[0]), float(row[1]), float(row[2])


def _beneath(event_id: str, x: float, y: float, ml: float, time: str) -> str:
    """A row of the Groningen layout (which names the field, so the quake counts wherever
    it lies; Dutch local time)."""
    return f"{event_id},test,{time},{ml},3.0,{x:.0f},{y:.0f},Groningen"


def test_each_group_lists_the_objects_the_new_quakes_moved(demo_copy, tmp_path):
    """A quake under an object never shaken ≥ 2 mm/s, one under an object with three DH quakes
    and one under a finally decided object — plus an event older than the last stored one, so
    stored quake ids move — and still the store of a full recompute."""
    base = demo_copy("probe")
    quiet = _object_where(base, "SELECT id, x, y FROM objects WHERE count_ge_2 = 0 ORDER BY id")
    three = _object_where(
        base, "SELECT id, x, y FROM objects WHERE count_ge_5_before_2026 = 3 ORDER BY id"
    )
    decided = _object_where(
        base,
        "SELECT o.id, o.x, o.y FROM objects o WHERE o.status = 'final' AND NOT EXISTS "
        "(SELECT 1 FROM claims c WHERE c.object_id = o.id AND c.decided >= '2025-01-01') "
        "ORDER BY o.id",
    )
    quakes = tmp_path / "night.csv"
    lines = [
        "event_id,place,time,ml,depth_km,rd_x,rd_y,field",
        _beneath("knmi2025qt01", quiet[1], quiet[2], 2.6, "2025-06-01T01:00:00"),
        _beneath("knmi2025qt02", three[1], three[2], 2.6, "2025-06-02T01:00:00"),
        _beneath("knmi2025qt03", decided[1], decided[2], 2.6, "2025-06-03T01:00:00"),
        _beneath("knmi2013late", three[1] + 300, three[2], 1.2, "2013-03-01T01:00:00"),
    ]
    quakes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    updated, full = demo_copy("updated"), demo_copy("full")
    data = _json(run_cli("update-catalog", updated, str(quakes), "--json"))
    full_recompute_with(full, quakes)
    _same(updated, full)
    listed = {g: {c["object_id"] for c in rows} for g, rows in data["groups"].items()}
    assert quiet[0] in listed["new_effect_area"]
    assert three[0] in listed["new_dh_count"]
    assert decided[0] in listed["reopened"]
    # each group only holds objects that moved: before, none of them was in that group
    probe = computed_tables(open_store(base))["objects"]
    assert all(probe[i][1] == 0 for i in listed["new_effect_area"])  # count_ge_2 was 0
    assert all(probe[i][3] < 4 for i in listed["new_dh_count"])


def test_no_new_events_change_nothing_and_present_events_are_skipped(demo_copy, tmp_path):
    location = demo_copy("store")
    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            event_id, t, x, y, ml = conn.execute(
                text("SELECT event_id, time, x, y, ml FROM quakes WHERE counting ORDER BY id DESC")
            ).first()
    finally:
        store.close()
    lon, lat = TO_WGS84.transform(x, y)
    when = str(t)[:19].replace(" ", "T")
    present = fdsn_row(event_id, when, lat, lon, ml, "stored")
    before = store_state(location)
    only = fdsn_file(tmp_path / "a.txt", present)
    data = _json(run_cli("update-catalog", location, str(only), "--json"))
    assert (data["added"], data["already_present"]) == (0, 1)
    assert store_state(location) == before, "nothing new, yet the store changed"

    both = fdsn_file(tmp_path / "b.txt", present, zeerijp_quake())
    full = demo_copy("full")
    data = _json(run_cli("update-catalog", location, str(both), "--json"))
    assert (data["added"], data["already_present"]) == (1, 1)
    assert data["new_event_ids"] == ["knmi2025zrp1"]
    full_recompute_with(full, both)
    _same(location, full)
    again = _json(run_cli("update-catalog", location, str(both), "--json"))
    assert (again["added"], again["already_present"]) == (0, 2)


def test_a_bad_file_is_refused_whole(demo_copy, tmp_path):
    location = demo_copy("store")
    bad = fdsn_file(
        tmp_path / "bad.txt",
        zeerijp_quake(),
        fdsn_row("knmi2025bad1", "2025-11-15T01:00:00", *ZEERIJP, 2.0, "Zeerijp").replace(
            "|ML|2.0|", "|ML|twee|"
        ),
    )
    assert_rejected("update-catalog", location, bad, line=3, says="twee")
    empty = tmp_path / "empty.txt"
    empty.write_text(FDSN_HEADER + "\n", encoding="utf-8")
    assert_rejected("update-catalog", location, empty)


def test_the_command_needs_exactly_one_source(demo_copy, tmp_path):
    location = demo_copy("store")
    quake = fdsn_file(tmp_path / "z.txt", zeerijp_quake())
    for argv in (("update-catalog", location), ("update-catalog", location, str(quake), "--fdsn")):
        outcome = run_cli(*argv)
        assert outcome.code == 2 and "--fdsn" in outcome.err, outcome.text
        assert "Traceback" not in outcome.text


def test_text_and_csv_report_in_english(demo_copy, tmp_path):
    location = demo_copy("store")
    quake = fdsn_file(tmp_path / "z.txt", zeerijp_quake())
    target = tmp_path / "night.csv"
    outcome = run_cli("update-catalog", location, str(quake), "--csv", str(target))
    assert outcome.code == 0, outcome.text
    assert "reopened after a final decision:" in outcome.out
    assert "newly in the effect area:" in outcome.out
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(";")[:3] == ["group", "object", "address"]
    reopened = [line for line in lines[1:] if line.startswith("reopened after a final decision")]
    assert reopened and all(";knmi2025zrp1;2025-11-14;" in line for line in reopened)


class _Service(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server API)
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        self.server.requests.append(query)
        body = self.server.body if query.get("offset") == "1" else ""
        if not body:
            self.send_response(204)
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_fdsn_asks_from_shortly_before_the_latest_stored_event(demo_copy):
    from domain import policy
    from domain.store.repository import to_datetime

    location = demo_copy("store")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Service)
    server.requests, server.body = [], "\n".join([FDSN_HEADER, zeerijp_quake()]) + "\n"
    # a short poll: shutdown() waits for the next one (half a second by default)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/fdsnws/event/1/query"
        data = _json(run_cli("update-catalog", location, "--fdsn", url, "--json"))
    finally:
        server.shutdown()
        server.server_close()
    assert data["new_event_ids"] == ["knmi2025zrp1"]
    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            latest = conn.execute(
                text("SELECT MAX(time) FROM quakes WHERE event_id <> 'knmi2025zrp1'")
            ).scalar()
    finally:
        store.close()
    # asked up to now: the answer covers up to yesterday, recorded as the catalogue's end
    assert "endtime" in server.requests[0]
    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            end = conn.execute(text("SELECT value FROM store_info WHERE key = 'catalog_end'"))
            end = dt.date.fromisoformat(end.scalar())
    finally:
        store.close()
    assert dt.date.today() - dt.timedelta(days=2) <= end <= dt.date.today()
    asked = dt.datetime.fromisoformat(server.requests[0]["starttime"])
    expected = to_datetime(latest).replace(tzinfo=None, microsecond=0) - dt.timedelta(
        days=policy.CATALOG_UPDATE_OVERLAP_DAYS
    )
    assert asked == expected


@pytest.mark.parametrize("stop", [KeyboardInterrupt, "cancel"])
def test_stopping_after_the_writes_leaves_the_store_as_it_was(demo_copy, tmp_path, stop):
    """Ctrl-C (or cancel in QGIS) once the pairs, summaries and statuses are written, before
    the areas and the commit: one transaction, so the store is as it was."""
    from domain.groundmotion.exposure import Cancelled
    from domain.importers.catalog import load_catalog

    location = demo_copy("store")
    catalog = load_catalog(fdsn_file(tmp_path / "z.txt", zeerijp_quake()))
    before = store_state(location)
    seen: list[float] = []

    def progress(pct: float) -> None:
        seen.append(pct)
        if pct >= 75.0 and stop is KeyboardInterrupt:
            raise KeyboardInterrupt

    store = open_store(location)
    try:
        with pytest.raises(KeyboardInterrupt if stop is KeyboardInterrupt else Cancelled):
            update_catalog(
                store, catalog, progress=progress, cancel=lambda: bool(seen) and seen[-1] >= 75
            )
    finally:
        store.close()
    assert max(seen) >= 75.0, "stopped before the writes"
    assert store_state(location) == before


@pytest.mark.postgis
def test_on_postgis_the_update_gives_the_full_recompute_too(postgis_server, tmp_path):
    """The same on a shared PostGIS store (spatial index query, temporary tables)."""
    quake = fdsn_file(tmp_path / "zeerijp.txt", zeerijp_quake())
    updated = postgis_server.new_database()
    build_demo(updated, objects=300, seed=5)
    full = postgis_server.copy_database(updated)
    data = _json(run_cli("update-catalog", updated, str(quake), "--json"))
    assert data["added"] == 1 and data["objects_recomputed"] > 0
    full_recompute_with(full, quake)
    _same(updated, full)


def test_the_update_computes_with_the_settings_the_store_records(demo_copy, tmp_path):
    """A store recomputed with other ground-motion settings: the update uses those too (a
    figure of the default settings among them would differ from the full recompute)."""
    from domain.store.motion_settings import MotionSettings

    quake = fdsn_file(tmp_path / "zeerijp.txt", zeerijp_quake())
    base = demo_copy("base")
    store = open_store(base)
    try:
        recompute_with_settings(store, MotionSettings(component="geomean", exceedance=0.05))
    finally:
        store.close()
    updated, full = tmp_path / "u.gpkg", tmp_path / "f.gpkg"
    shutil.copyfile(base, updated)
    shutil.copyfile(base, full)
    default = demo_copy("default")
    run_cli("update-catalog", default, str(quake))
    run_cli("update-catalog", str(updated), str(quake))
    full_recompute_with(str(full), quake)
    _same(str(updated), str(full))

    def new_pairs(location):
        with open_store(location) as s, s.engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT COUNT(*) FROM exposure_events e JOIN quakes q ON q.id = e.quake_id "
                    "WHERE q.event_id = 'knmi2025zrp1'"
                )
            ).scalar()

    # a value exceeded 5 % of the time reaches less far than one exceeded 1 % of the time
    assert 0 < new_pairs(str(updated)) < new_pairs(default)


def test_a_quake_after_every_stored_one_is_appended_and_still_a_full_recompute(demo_copy, tmp_path):
    """The normal night: the new event sorts after the catalogue, so no stored quake row or
    pair moves — the new quake takes the next id — and the store is the full recompute's."""
    from domain.store.repository import to_datetime

    updated, full = demo_copy("updated"), demo_copy("full")
    store = open_store(updated)
    try:
        with store.engine.connect() as conn:
            before = conn.execute(text("SELECT id, event_id, time FROM quakes ORDER BY id")).all()
            pairs_before = conn.execute(text("SELECT COUNT(*) FROM exposure_events")).scalar()
    finally:
        store.close()
    latest = max(to_datetime(r[2]) for r in before).replace(tzinfo=None, microsecond=0)
    when = (latest + dt.timedelta(days=1)).isoformat()
    quake = fdsn_file(tmp_path / "next.txt", zeerijp_quake("knmi2026next", when))
    data = _json(run_cli("update-catalog", updated, str(quake), "--json"))
    full_recompute_with(full, quake)
    _same(updated, full)
    store = open_store(updated)
    try:
        with store.engine.connect() as conn:
            after = conn.execute(text("SELECT id, event_id, time FROM quakes ORDER BY id")).all()
            pairs_after = conn.execute(text("SELECT COUNT(*) FROM exposure_events")).scalar()
    finally:
        store.close()
    # the stored rows unchanged (the demo holds counting quakes only), the new one last
    assert [tuple(r) for r in after[: len(before)]] == [tuple(r) for r in before]
    assert after[-1][1] == "knmi2026next" and after[-1][0] == len(before) + 1
    assert pairs_after - pairs_before == data["exposure_events_added"] > 0


@pytest.mark.parametrize("source", ["default", "pc4"])
def test_the_update_reads_vs30_as_the_store_records(demo_copy, tmp_path, source):
    """A store computed with the default VS30 or a PC4 table: the objects within reach get
    their VS30 from that source, as the full recompute does."""
    from domain.store.motion_settings import MotionSettings

    quake = fdsn_file(tmp_path / "zeerijp.txt", zeerijp_quake())
    base = demo_copy("base")
    store = open_store(base)
    try:
        with store.engine.connect() as conn:
            pc4s = [r[0] for r in conn.execute(text("SELECT DISTINCT pc4 FROM objects")).all()]
        table = {p: 150.0 + 7.0 * (i % 9) for i, p in enumerate(sorted(p for p in pc4s if p))}
        settings = (
            MotionSettings(vs30_source="pc4", vs30_table=table)
            if source == "pc4"
            else MotionSettings(vs30_source="default")
        )
        recompute_with_settings(store, settings)
    finally:
        store.close()
    updated, full = tmp_path / "u.gpkg", tmp_path / "f.gpkg"
    shutil.copyfile(base, updated)
    shutil.copyfile(base, full)
    data = _json(run_cli("update-catalog", str(updated), str(quake), "--json"))
    assert data["objects_recomputed"] > 0
    full_recompute_with(str(full), quake)
    _same(str(updated), str(full))
