"""Every importer: a good fixture imports; each kind of bad input is listed with file:row:field
and leaves the store byte-for-byte (GeoPackage) or row-for-row (PostGIS) unchanged."""

from __future__ import annotations

import pytest
import shapely
from pyproj import Transformer
from sqlalchemy import text

from domain.errors import InputError
from domain.importers.areas import import_areas
from domain.importers.bag import import_bag
from domain.importers.claims import import_claims
from domain.importers.ownerships import import_ownerships
from domain.importers.parcels import import_parcels
from domain.store import open_store
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import (
    good_vbo_rows,
    pand_rows_for,
    write_bag_gpkg,
    write_csv,
    write_geojson,
    write_parcels_gml,
    write_shapefile,
)


def _reopen(store):
    return open_store(
        str(store.location.path)
        if store.location.is_gpkg
        else store.engine.url.render_as_string(hide_password=False)
    )


def _rejected(store, fn, *args, **kw) -> list:
    """Run an import that must fail; check nothing changed; return the problems."""
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        fn(store, *args, **kw)
    assert snapshot(store) == before
    return err.value.problems


@pytest.fixture
def bag_store(empty_store, tmp_path):
    vbos = good_vbo_rows(5)
    import_bag(empty_store, write_bag_gpkg(tmp_path / "bag.gpkg", vbos, pand_rows_for(vbos)))
    return empty_store


# --- BAG -------------------------------------------------------------------------------------
def test_bag_good_file_imports_objects_and_addresses(empty_store, tmp_path):
    vbos = good_vbo_rows(5)
    vbos.append({**good_vbo_rows(1, start=9)[0], "status": "Verblijfsobject ingetrokken"})
    path = write_bag_gpkg(tmp_path / "bag.gpkg", vbos, pand_rows_for(vbos))
    dry = import_bag(empty_store, path, dry_run=True)
    assert dry.counts == {"objects": 5, "addresses": 5}
    assert empty_store.info()["counts"]["objects"] == 0
    report = import_bag(empty_store, path)
    assert report.skipped == {"status_not_active": 1}
    record = empty_store.read_object(1)
    assert (record.x, record.y) == (245020.0, 593503.0)
    assert record.construction_year == 1931  # pand 1979100000000001
    assert record.use == "woning" and record.small is False and record.pc4 == "9919"
    fifth = empty_store.read_object(5)
    assert fifth.use == "niet-woning" and fifth.small is True  # 20 m² < 30 m²
    assert fifth.construction_year == 1933
    assert record.addresses[0].bag_vbo_id == "1979010000000001"
    assert empty_store.search("9919 AB 3")[0].object_id == 3
    again = import_bag(empty_store, path)
    assert again.counts["objects"] == 0 and again.skipped["already_in_store"] == 5


def test_bag_in_another_crs_is_transformed(empty_store, tmp_path):
    to_wgs = Transformer.from_crs(28992, 4326, always_xy=True)
    vbos = good_vbo_rows(1)
    lon, lat = to_wgs.transform(245020.0, 593503.0)
    vbos[0]["geom"] = shapely.Point(lon, lat)
    import_bag(
        empty_store, write_bag_gpkg(tmp_path / "b.gpkg", vbos, pand_rows_for(vbos), srs=4326)
    )
    record = empty_store.read_object(1)
    assert record.x == pytest.approx(245020.0, abs=0.01) and record.y == pytest.approx(
        593503.0, abs=0.01
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"identificatie": "12ab"}, "identificatie"),
        ({"postcode": "99191"}, "postcode"),
        ({"huisnummer": "0"}, "huisnummer"),
        ({"geom": None}, "geom"),
        ({"pand_identificatie": "1979100000999999"}, "pand_identificatie"),
    ],
)
def test_bag_bad_rows_are_listed_and_nothing_is_written(bag_store, tmp_path, change, field):
    vbos = good_vbo_rows(3, start=20)
    vbos[1].update(change)
    pands = pand_rows_for(good_vbo_rows(3, start=20))
    problems = _rejected(bag_store, import_bag, write_bag_gpkg(tmp_path / "bad.gpkg", vbos, pands))
    assert [(p.file, p.line, p.field) for p in problems] == [("bad.gpkg", 2, field)]


def test_bag_duplicates_bad_year_and_every_problem_at_once(bag_store, tmp_path):
    vbos = good_vbo_rows(3, start=30)
    vbos[2]["identificatie"] = vbos[0]["identificatie"]
    pands = pand_rows_for(vbos)
    pands[0]["bouwjaar"] = 3024
    problems = _rejected(bag_store, import_bag, write_bag_gpkg(tmp_path / "bad.gpkg", vbos, pands))
    assert sorted((p.line, p.field) for p in problems) == [(1, "bouwjaar"), (3, "identificatie")]
    assert "rij 1" in problems[-1].message or "row 1" in problems[-1].message


def test_bag_without_layer_or_column_says_what_is_missing(bag_store, tmp_path):
    import sqlite3

    path = write_bag_gpkg(tmp_path / "nolayer.gpkg", good_vbo_rows(1), None)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE verblijfsobject RENAME COLUMN postcode TO pc")
    conn.commit()
    conn.close()
    (problem,) = _rejected(bag_store, import_bag, path)
    assert problem.field == "postcode" and "ontbreekt" in problem.message
    (tmp_path / "junk.gpkg").write_bytes(b"not a database at all" * 100)
    (problem,) = _rejected(bag_store, import_bag, tmp_path / "junk.gpkg")
    assert "GeoPackage" in problem.message


# --- parcels ---------------------------------------------------------------------------------
def _square(x, y, size=30.0):
    return shapely.box(x - size / 2, y - size / 2, x + size / 2, y + size / 2)


def test_parcels_gml_links_objects_and_repairs_geometry(bag_store, tmp_path):
    bowtie = shapely.Polygon(
        [(246075, 593500), (246105, 593530), (246105, 593500), (246075, 593530)]
    )
    gml = write_parcels_gml(
        tmp_path / "p.gml",
        [
            ("LPS00", "B", "6931", _square(245020, 593503)),
            ("LPS00", "B", "6932", _square(245040, 593506)),
            ("LPS00", "C", "12", bowtie),
        ],
    )
    report = import_parcels(bag_store, gml)
    assert report.counts == {"parcels": 3, "objects_linked": 2}
    assert len(report.changes) == 1 and "p.gml:3" in report.changes[0]
    assert bag_store.read_object(1).kadastrale_aanduiding == "LPS00 B 6931"
    assert bag_store.read_object(2).kadastrale_aanduiding == "LPS00 B 6932"
    with bag_store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kadastrale_aanduiding, object_id, area_m2 FROM parcels ORDER BY id")
        ).all()
    assert rows[0] == ("LPS00 B 6931", 1, 900.0)
    assert rows[2][1] is None


@pytest.mark.parametrize(
    ("parcel", "field"),
    [
        (("LP", "B", "1", None), "AKRKadastraleGemeenteCodeWaarde"),
        (("LPS00", "B9", "1", None), "sectie"),
        (("LPS00", "B", "-4", None), "perceelnummer"),
    ],
)
def test_parcels_bad_rows_are_listed(bag_store, tmp_path, parcel, field):
    rows = [("LPS00", "A", "1", _square(240000, 590000)), (*parcel[:3], _square(240100, 590000))]
    problems = _rejected(bag_store, import_parcels, write_parcels_gml(tmp_path / "bad.gml", rows))
    assert [(p.file, p.line, p.field) for p in problems] == [("bad.gml", 2, field)]


def test_parcels_duplicate_and_broken_gml(bag_store, tmp_path):
    rows = [
        ("LPS00", "A", "1", _square(240000, 590000)),
        ("LPS00", "A", "1", _square(240100, 590000)),
    ]
    problems = _rejected(bag_store, import_parcels, write_parcels_gml(tmp_path / "dup.gml", rows))
    assert [(p.line, p.field) for p in problems] == [(2, "perceelnummer")]
    (tmp_path / "broken.gml").write_text("<gml:FeatureCollection><unclosed>")
    (problem,) = _rejected(bag_store, import_parcels, tmp_path / "broken.gml")
    assert "GML" in problem.message


def _counts(store) -> dict:
    with store.engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
            for t in ("objects", "addresses", "parcels")
        }


def test_importing_the_same_parcels_and_bag_files_three_times_changes_nothing(
    empty_store, tmp_path
):
    vbos = good_vbo_rows(4)
    bag = write_bag_gpkg(tmp_path / "bag.gpkg", vbos, pand_rows_for(vbos))
    gml = write_parcels_gml(
        tmp_path / "p.gml",
        [
            ("LPS00", "B", str(6930 + k), _square(v["geom"].x, v["geom"].y))
            for k, v in enumerate(vbos)
        ],
    )
    reports, states, counts = [], [], []
    for _ in range(3):
        reports.append((import_bag(empty_store, bag), import_parcels(empty_store, gml)))
        counts.append(_counts(empty_store))
        states.append(snapshot(empty_store))
    assert counts == [{"objects": 4, "addresses": 4, "parcels": 4}] * 3
    assert states[0] == states[1] == states[2]
    (bag1, parcels1), *again = reports
    assert parcels1.counts == {"parcels": 4, "objects_linked": 4}
    for bag_n, parcels_n in again:
        assert bag_n.counts == {"objects": 0, "addresses": 0}
        assert bag_n.skipped == {"already_in_store": 4}
        assert parcels_n.counts == {"parcels": 0} and parcels_n.skipped == {"already_in_store": 4}


def test_a_changed_parcel_is_updated_in_place_never_duplicated(bag_store, tmp_path):
    first = write_parcels_gml(
        tmp_path / "a.gml",
        [
            ("LPS00", "B", "1", _square(245020, 593503)),
            ("LPS00", "B", "2", _square(240000, 590000)),
        ],
    )
    import_parcels(bag_store, first)
    with bag_store.engine.connect() as conn:
        ids = dict(conn.execute(text("SELECT kadastrale_aanduiding, id FROM parcels")).all())
    moved = write_parcels_gml(
        tmp_path / "b.gml",
        [
            ("LPS00", "B", "1", _square(245020, 593503, size=40.0)),
            ("LPS00", "B", "2", _square(240000, 590000)),
            ("LPS00", "B", "3", _square(241000, 590000)),
        ],
    )
    report = import_parcels(bag_store, moved)
    assert report.counts == {"parcels": 2, "parcels_updated": 1, "objects_linked": 0}
    assert report.skipped == {"already_in_store": 1}
    with bag_store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kadastrale_aanduiding, id, area_m2, object_id FROM parcels ORDER BY 1")
        ).all()
    assert [(a, area, oid) for a, _i, area, oid in rows] == [
        ("LPS00 B 1", 1600.0, 1),
        ("LPS00 B 2", 900.0, None),
        ("LPS00 B 3", 900.0, None),
    ]
    assert {a: i for a, i, _x, _o in rows if a in ids} == ids  # the same ids kept


def test_an_empty_or_non_feature_file_never_removes_stored_areas(bag_store, tmp_path):
    good = write_geojson(
        tmp_path / "sub.geojson",
        [(shapely.box(244000, 592000, 246000, 595000), {"name": "Bodemdaling"})],
        crs="EPSG:28992",
    )
    import_areas(bag_store, good, kind="subsidence")
    for name, content in [
        ("empty.geojson", '{"type": "FeatureCollection", "features": []}'),
        ("array.json", "[]"),
        ("number.json", "7"),
        ("object.json", '{"type": "FeatureCollection"}'),
        ("nothing.geojson", ""),
    ]:
        (tmp_path / name).write_text(content)
        _rejected(bag_store, import_areas, tmp_path / name, kind="subsidence")
    assert bag_store.read_object(1).areas.subsidence_areas == ("Bodemdaling",)


# --- areas -----------------------------------------------------------------------------------
def test_shapefile_in_wgs84_becomes_rd_and_replaces_kind(bag_store, tmp_path):
    to_wgs = Transformer.from_crs(28992, 4326, always_xy=True)
    rd_box = shapely.box(244000, 592000, 246000, 595000)
    wgs = shapely.transform(
        rd_box, lambda xy: __import__("numpy").column_stack(to_wgs.transform(xy[:, 0], xy[:, 1]))
    )
    shp = write_shapefile(tmp_path / "sub.shp", [(wgs, {"NAAM": "Bodemdaling Loppersum"})])
    report = import_areas(bag_store, shp, kind="subsidence", name_field="NAAM")
    assert report.counts == {"subsidence": 1} and report.changes == []
    record = bag_store.read_object(1)
    assert record.areas.in_subsidence_area and record.areas.subsidence_areas == (
        "Bodemdaling Loppersum",
    )
    with bag_store.engine.connect() as conn:
        (origin,) = conn.execute(text("SELECT origin FROM areas")).one()
    assert origin == "imported"
    far = write_geojson(
        tmp_path / "far.geojson",
        [(shapely.box(200000, 550000, 201000, 551000), {"name": "Ver weg"})],
        crs="urn:ogc:def:crs:EPSG::28992",
    )
    import_areas(bag_store, far, kind="subsidence")
    fresh = _reopen(bag_store)
    assert fresh.read_object(1).areas.in_subsidence_area is False
    fresh.close()


def test_invalid_polygon_is_repaired_and_reported(bag_store, tmp_path):
    bowtie = shapely.Polygon(
        [(240000, 590000), (240010, 590010), (240010, 590000), (240000, 590010)]
    )
    path = write_geojson(tmp_path / "bow.geojson", [(bowtie, {"name": "strik"})], crs="EPSG:28992")
    report = import_areas(bag_store, path, kind="start_area", origin="illustrative")
    assert len(report.changes) == 1
    assert "bow.geojson:1" in report.changes[0] and "Self-intersection" in report.changes[0]
    with bag_store.engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, name, origin FROM areas")).all()
    assert rows == [("start_area", "strik", "illustrative")]


def test_area_files_with_wrong_geometry_or_kind_are_refused(bag_store, tmp_path):
    path = write_geojson(
        tmp_path / "pts.geojson",
        [
            (shapely.box(240000, 590000, 240001, 590001), {"name": "ok"}),
            (shapely.Point(240000, 590000), {"name": "punt"}),
            (None, {}),
        ],
        crs="EPSG:28992",
    )
    problems = _rejected(bag_store, import_areas, path, kind="subsidence")
    assert [(p.line, p.field) for p in problems] == [(2, "geometry"), (3, "geometry")]
    problems = _rejected(bag_store, import_areas, path, kind="moeras")
    assert problems[0].field == "kind" and "subsidence" in problems[0].message
    (tmp_path / "x.json").write_text("{nope")
    (problem,) = _rejected(bag_store, import_areas, tmp_path / "x.json", kind="subsidence")
    assert "GeoJSON" in problem.message


# --- claims and ownerships -------------------------------------------------------------------
CLAIM_HEADER = [
    "claim_number",
    "object_id",
    "postcode",
    "huisnummer",
    "applicant_id",
    "applicant_natural",
    "scheme",
    "submitted",
    "decided",
    "outcome",
    "amount",
    "final",
    "objection",
    "status",
]


def test_claims_csv_imports_with_address_reference(bag_store, tmp_path):
    path = write_csv(
        tmp_path / "claims.csv",
        CLAIM_HEADER,
        [
            [
                "SCH-2022-1",
                "1",
                "",
                "",
                "P1",
                "ja",
                "vaste_vergoeding",
                "2022-03-01",
                "2022-04-15",
                "toegewezen",
                "10000",
                "ja",
                "nee",
                "",
            ],
            [
                "sch-2023-7",
                "",
                "9919 AB",
                "2",
                "P1",
                "",
                "maatwerk",
                "05-06-2023",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
        sep=";",
    )
    report = import_claims(bag_store, path)
    assert report.counts == {"claims": 2, "persons": 1}
    first, second = bag_store.read_object(1).claims[0], bag_store.read_object(2).claims[0]
    assert (first.final, first.amount, first.status, first.applicant_id) == (
        True,
        10000,
        "decided",
        "P1",
    )
    assert (second.claim_number, second.status, str(second.submitted)) == (
        "SCH-2023-7",
        "open",
        "2023-06-05",
    )


def test_claims_csv_problems_are_all_listed(bag_store, tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        CLAIM_HEADER,
        [
            ["C1", "1", "", "", "P9", "", "vaste_vergoeding", "2022-13-01", "", "", "", "", "", ""],
            [
                "C1",
                "77",
                "",
                "",
                "",
                "",
                "magie",
                "2022-01-01",
                "2021-01-01",
                "",
                "tien",
                "misschien",
                "",
                "klaar",
            ],
            ["C3", "", "", "", "", "", "ims", "", "", "", "", "", "", ""],
        ],
    )
    problems = _rejected(bag_store, import_claims, path)
    got = sorted((p.line, p.field) for p in problems)
    assert got == [
        (2, "applicant_natural"),
        (2, "submitted"),
        (3, "amount"),
        (3, "claim_number"),
        (3, "decided"),
        (3, "final"),
        (3, "object_id"),
        (3, "scheme"),
        (3, "status"),
        (4, "object_id"),
        (4, "submitted"),
    ]
    assert all(p.file == "bad.csv" for p in problems)


def test_claims_csv_handler_column_reaches_the_rules(bag_store, tmp_path):
    import datetime as dt

    from domain.rules import assess, case_from_record

    header = ["claim_number", "object_id", "scheme", "submitted", "decided", "outcome"]
    header += ["amount", "handler"]
    path = write_csv(
        tmp_path / "handled.csv",
        header,
        [
            ["H-1", "1", "maatwerk", "2019-03-01", "2019-09-01", "toegewezen", "3000", "tcmg"],
            ["H-2", "2", "maatwerk", "2019-03-01", "2019-09-01", "toegewezen", "3000", ""],
        ],
    )
    import_claims(bag_store, path)
    one, two = bag_store.read_object(1), bag_store.read_object(2)
    assert (one.claims[0].handler, two.claims[0].handler) == ("TCMG", None)
    day = dt.date(2026, 3, 1)
    avv = assess(case_from_record(one, day)).verdicts["aanvullende_vaste_vergoeding"]
    assert avv.condition("earlier_payment").result == "pass"
    unknown = assess(case_from_record(two, day)).verdicts["aanvullende_vaste_vergoeding"]
    assert unknown.condition("earlier_payment").result == "unknown"
    bad = write_csv(
        tmp_path / "bad_handler.csv",
        header,
        [["H-3", "1", "maatwerk", "2019-03-01", "2019-09-01", "toegewezen", "3000", "Gemeente"]],
    )
    (problem,) = _rejected(bag_store, import_claims, bad)
    assert (problem.line, problem.field) == (2, "handler")
    assert "NAM, CVW, TCMG, IMG" in problem.hint


def test_bsn_column_is_refused(bag_store, tmp_path):
    path = write_csv(
        tmp_path / "bsn.csv",
        ["claim_number", "object_id", "bsn", "scheme", "submitted"],
        [["C1", "1", "123456782", "ims", "2022-01-01"]],
    )
    problems = _rejected(bag_store, import_claims, path)
    assert [(p.line, p.field) for p in problems] == [(1, "bsn")]


OWN_HEADER = [
    "object_id",
    "kadastrale_aanduiding",
    "person_id",
    "natural_person",
    "right",
    "valid_from",
    "valid_until",
    "consent",
]


def test_ownerships_csv_imports(bag_store, tmp_path):
    path = write_csv(
        tmp_path / "own.csv",
        OWN_HEADER,
        [
            ["1", "", "P1", "ja", "eigendom", "2001-05-01", "", "ja"],
            ["1", "", "P2", "ja", "eigendom", "2001-05-01", "", "nee"],
            ["2", "", "L1", "nee", "beklemrecht", "1990-01-01", "2020-01-01", ""],
        ],
    )
    report = import_ownerships(bag_store, path)
    assert report.counts == {"ownerships": 3, "persons": 3}
    owners = bag_store.read_object(1).owners
    assert [(o.person_id, o.natural_person, o.consent) for o in owners] == [
        ("P1", True, True),
        ("P2", True, False),
    ]
    (legal,) = bag_store.read_object(2).owners
    assert (legal.natural_person, legal.right, str(legal.valid_until)) == (
        False,
        "beklemrecht",
        "2020-01-01",
    )


def test_ownerships_csv_problems(bag_store, tmp_path):
    write_csv(tmp_path / "first.csv", OWN_HEADER, [["1", "", "P1", "ja", "eigendom", "", "", ""]])
    import_ownerships(bag_store, tmp_path / "first.csv")
    path = write_csv(
        tmp_path / "bad.csv",
        OWN_HEADER,
        [
            ["1", "", "P1", "nee", "huur", "2020-01-01", "2019-01-01", ""],
            ["", "XXX00 A 1", "P3", "", "eigendom", "", "", "soms"],
        ],
    )
    problems = _rejected(bag_store, import_ownerships, path)
    assert sorted((p.line, p.field) for p in problems) == [
        (2, "natural_person"),
        (2, "right"),
        (2, "valid_until"),
        (3, "consent"),
        (3, "kadastrale_aanduiding"),
        (3, "natural_person"),
    ]


def test_claims_reference_shared_by_two_objects_is_ambiguous_not_guessed(bag_store, tmp_path):
    with bag_store.engine.begin() as conn:
        conn.execute(
            text("UPDATE objects SET kadastrale_aanduiding = 'SBG01 B 6931' WHERE id IN (1, 2)")
        )
    path = write_csv(
        tmp_path / "shared.csv",
        ["claim_number", "kadastrale_aanduiding", "scheme", "submitted"],
        [["C1", "sbg01  b 6931", "ims", "2022-01-01"]],
    )
    (problem,) = _rejected(bag_store, import_claims, path)
    assert (problem.line, problem.field) == (2, "kadastrale_aanduiding")
    assert "2 objects" in problem.message or "2 objecten" in problem.message


def test_claims_and_ownerships_reimport_is_unchanged_on_both_backends(bag_store, tmp_path):
    claims = write_csv(
        tmp_path / "c.csv",
        ["claim_number", "object_id", "applicant_id", "applicant_natural", "scheme", "submitted"],
        [["R1", "1", "P7", "ja", "ims", "2022-01-01"], ["R2", "2", "P7", "", "aos", "1-2-2022"]],
    )
    owners = write_csv(
        tmp_path / "o.csv",
        ["object_id", "person_id", "natural_person", "right", "valid_from"],
        [["1", "P7", "ja", "eigendom", ""], ["2", "L7", "nee", "erfpacht", "2001-01-01"]],
    )
    assert import_claims(bag_store, claims).counts == {"claims": 2, "persons": 1}
    assert import_ownerships(bag_store, owners).counts == {"ownerships": 2, "persons": 1}
    state = snapshot(bag_store)
    for _ in range(2):
        again = import_claims(bag_store, claims)
        assert again.counts == {"claims": 0, "persons": 0} and again.skipped["unchanged"] == 2
        again = import_ownerships(bag_store, owners)
        assert again.counts == {"ownerships": 0, "persons": 0}
        assert again.skipped["unchanged"] == 2
        assert snapshot(bag_store) == state
