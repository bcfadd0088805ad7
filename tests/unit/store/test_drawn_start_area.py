"""A start area drawn on the map is stored as a start area of origin 'drawn': checked like an
imported one, refused with a located message (nothing stored), and kept when start areas are
imported again."""

from __future__ import annotations

import pytest
import shapely
from sqlalchemy import text

from domain.errors import DomainError, InputError
from domain.importers.areas import import_areas
from domain.store import open_store
from domain.store.areas import DRAWN_ORIGIN, add_drawn_start_area, may_write_areas
from domain.store.geometry import wkb_of
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import write_geojson

#: a hexagon near Loppersum in RD New (not a box: a bounding-box shortcut would show)
HEXAGON = shapely.Polygon(
    [(245000, 594000), (246000, 594500), (247000, 594000), (247000, 593000), (246000, 592500)]
    + [(245000, 593000)]
)


def _start_areas(store) -> list[tuple]:
    geom = "geom" if store.location.is_gpkg else "ST_AsBinary(geom)"
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT id, name, origin, {geom} FROM areas WHERE kind = 'start_area' ORDER BY id"
            )
        ).all()
    return [(i, name, origin, shapely.from_wkb(wkb_of(blob))) for i, name, origin, blob in rows]


def _add(store, name: str, wkt: str, lang: str = "nl") -> int:
    with store.engine.begin() as conn:
        return add_drawn_start_area(conn, name, wkt, lang=lang)


def test_a_drawn_area_is_stored_with_its_name_and_shape(empty_store):
    area_id = _add(empty_store, "Getekend gebied 2026-03-01 10:15", HEXAGON.wkt)
    [(stored_id, name, origin, geom)] = _start_areas(empty_store)
    assert (stored_id, name, origin) == (area_id, "Getekend gebied 2026-03-01 10:15", "drawn")
    assert geom.geom_type == "MultiPolygon"
    assert geom.symmetric_difference(HEXAGON).area < 1e-3
    # a second one gets its own id; both stay
    other = _add(empty_store, "  Tweede ronde  ", shapely.box(240000, 590000, 241000, 591000).wkt)
    assert other != area_id
    assert [(n, o) for _i, n, o, _g in _start_areas(empty_store)] == [
        ("Getekend gebied 2026-03-01 10:15", "drawn"),
        ("Tweede ronde", "drawn"),  # the name as typed, without the spaces around it
    ]


@pytest.mark.parametrize(
    ("name", "wkt", "field", "says"),
    [
        ("Gebied", "POLYGON((245000 594000, 246000", "omtrek", "geen leesbare WKT"),
        ("Gebied", "POINT(245000 594000)", "omtrek", "Point, geen vlak"),
        ("Gebied", "POLYGON EMPTY", "omtrek", "leeg"),
        # a bow tie: the draw tool refuses it, and so does the store (no guessed repair)
        (
            "Gebied",
            "POLYGON((245000 593000, 246000 594000, 246000 593000, 245000 594000, 245000 593000))",
            "omtrek",
            "zonder kruisende lijnen",
        ),
        # flat: no area at all
        (
            "Gebied",
            "POLYGON((245000 593000, 246000 593000, 247000 593000, 245000 593000))",
            "omtrek",
            "zonder oppervlakte",
        ),
        # degrees taken for metres: near (6, 53) in RD New is off the Dutch grid
        ("Gebied", "POLYGON((6 53, 6.1 53, 6.1 53.1, 6 53))", "omtrek", "buiten Nederland"),
        ("   ", HEXAGON.wkt, "naam", "geef het gebied een naam"),
        ("x" * 121, HEXAGON.wkt, "naam", "121 tekens; ten hoogste 120"),
    ],
)
def test_a_bad_drawn_area_is_refused_and_nothing_is_stored(empty_store, name, wkt, field, says):
    before = snapshot(empty_store)
    with pytest.raises(InputError) as raised:
        _add(empty_store, name, wkt)
    error = raised.value
    assert error.summary == "Het getekende gebied is niet opgeslagen:"
    assert [(p.file, p.field) for p in error.problems] == [("getekend gebied", field)]
    assert says in error.problems[0].message
    assert says in str(error)
    assert snapshot(empty_store) == before


def test_every_problem_is_named_at_once_in_english_too(empty_store):
    with pytest.raises(InputError) as raised:
        _add(empty_store, "", "POLYGON((6 53, 6.1 53, 6.1 53.1, 6 53))", lang="en")
    error = raised.value
    assert error.summary == "The drawn area was not stored:"
    assert [p.field for p in error.problems] == ["name", "outline"]
    assert "give the area a name" in error.problems[0].message
    assert "outside the Netherlands" in error.problems[1].message
    assert _start_areas(empty_store) == []


def test_importing_start_areas_again_keeps_the_drawn_ones(empty_store, tmp_path):
    first = write_geojson(
        tmp_path / "start.geojson",
        [
            (shapely.box(240000, 590000, 241000, 591000), {"name": "Wijk A"}),
            (shapely.box(242000, 590000, 243000, 591000), {"name": "Wijk B"}),
        ],
        crs="EPSG:28992",
    )
    import_areas(empty_store, first, kind="start_area")
    drawn = _add(empty_store, "Mijn ronde", HEXAGON.wkt)
    second = write_geojson(
        tmp_path / "start2.geojson",
        [(shapely.box(250000, 590000, 251000, 591000), {"name": "Wijk C"})],
        crs="EPSG:28992",
    )
    import_areas(empty_store, second, kind="start_area")
    rows = _start_areas(empty_store)
    assert sorted((n, o) for _i, n, o, _g in rows) == [
        ("Mijn ronde", "drawn"),
        ("Wijk C", "imported"),
    ]
    kept = next(r for r in rows if r[1] == "Mijn ronde")
    assert kept[0] == drawn and kept[3].symmetric_difference(HEXAGON).area < 1e-3
    # a new id after the import does not collide with the kept one
    assert _add(empty_store, "Nog een", HEXAGON.wkt) not in {r[0] for r in rows}


def test_an_import_cannot_claim_the_drawn_origin(empty_store, tmp_path):
    path = write_geojson(
        tmp_path / "start.geojson",
        [(shapely.box(240000, 590000, 241000, 591000), {"name": "Wijk A"})],
        crs="EPSG:28992",
    )
    with pytest.raises(InputError) as raised:
        import_areas(empty_store, path, kind="start_area", origin=DRAWN_ORIGIN)
    [problem] = raised.value.problems
    assert problem.field == "origin" and "'drawn' bestaat niet" in problem.message
    assert "drawn" not in problem.message.split("kies uit")[1]
    assert _start_areas(empty_store) == []


def test_the_drawn_area_survives_closing_and_reopening(store_location):
    from domain.store import create_store

    store = create_store(store_location)
    area_id = _add(store, "Bewaard", HEXAGON.wkt)
    store.close()
    again = open_store(store_location)
    try:
        assert [(i, n, o) for i, n, o, _g in _start_areas(again)] == [(area_id, "Bewaard", "drawn")]
    finally:
        again.close()


@pytest.mark.postgis
@pytest.mark.parametrize("role", ["gemeente", "planner", "taskforce"])
def test_a_shared_store_role_may_not_store_a_drawn_area(postgis_server, role):
    from domain.store import create_store
    from domain.store.roles import add_login

    url = postgis_server.new_database()
    owner = create_store(url)
    login = f"drawn_{role}_user"
    add_login(owner.engine, login, role, municipality="Eemsdelta" if role == "gemeente" else None)
    with owner.engine.connect() as conn:
        assert may_write_areas(conn)
    database = url.rsplit("/", 1)[1]
    member = open_store(f"postgresql://{login}@127.0.0.1:{postgis_server.port}/{database}")
    try:
        with member.engine.connect() as conn:
            assert not may_write_areas(conn)
        with pytest.raises(DomainError) as raised:
            _add(member, "Ronde gemeente", HEXAGON.wkt)
        message = str(raised.value)
        assert f"login '{login}' mag in deze gedeelde opslag geen gebieden schrijven" in message
        assert "import-areas" in message
    finally:
        member.close()
    assert _start_areas(owner) == []
    owner.close()
