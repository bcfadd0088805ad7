"""Official boundaries from the CBS/PDOK GeoPackage layouts (SYNTHETIC geometry, real layer and
field names: see tests/support/boundary_files.py): layouts, year choice, the region filter,
errors, and a re-import that changes nothing."""

from __future__ import annotations

import hashlib
import json

import pytest
import shapely
from osgeo import ogr
from sqlalchemy import text

from domain.errors import InputError
from domain.importers.boundaries import import_boundaries
from domain.store import create_store, open_store
from domain.store.boundaries import boundary_kinds_present, read_boundaries
from tests.support.boundary_files import (
    FAR_AWAY,
    GEMEENTEN_2023,
    GEMEENTEN_2024,
    pc4_cells,
    strip,
    write_gebiedsindelingen,
    write_pc4,
    write_wijk_en_buurtkaart,
)
from tests.unit.store.fixtures import write_vector


@pytest.fixture
def store(tmp_path):
    store = create_store(str(tmp_path / "store.gpkg"))
    yield store
    store.close()


def _file_hash(store) -> str:
    store.engine.dispose()  # every connection closed: the bytes on disk are the whole store
    return hashlib.sha256(store.location.path.read_bytes()).hexdigest()


def _names(store, kind: str) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r.code: r.name for r in read_boundaries(conn, kind)}


def _refused(store, path, *says, **kw) -> str:
    before = _file_hash(store)
    with pytest.raises(InputError) as caught:
        import_boundaries(store, path, **kw)
    message = str(caught.value)
    assert path.name in message
    for said in says:
        assert said in message, message
    assert _file_hash(store) == before  # nothing stored, nothing half-written
    return message


# --- layouts ------------------------------------------------------------------------------------
def test_pdok_layout_takes_the_newest_year_skips_label_points_and_far_away_areas(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    report = import_boundaries(store, path)
    assert report.counts == {"gemeente": 3, "wijk": 2}
    assert report.skipped == {"outside_region": 1}  # the synthetic municipality in Limburg
    assert _names(store, "gemeente") == {code: name for code, name, *_ in GEMEENTEN_2024}
    with store.engine.connect() as conn:
        stored = read_boundaries(conn, "gemeente")
        assert boundary_kinds_present(conn) == {"gemeente": 3, "wijk": 2}
    assert {r.year for r in stored} == {2024}
    assert {r.source for r in stored} == {path.name}
    first = next(r for r in stored if r.code == "GM9001")
    assert first.geometry.equals(strip(*GEMEENTEN_2024[0][2:]))
    assert first.geometry.geom_type == "MultiPolygon"
    said = "\n".join(report.changes)
    assert "cbs_gemeente_2024_gegeneraliseerd (2024): 3" in said
    assert "1 buiten de regio" in said
    assert "cbs_gemeente_2024_labelpoint" in said and "cbs_gemeente_2023" in said  # not read
    assert FAR_AWAY[0] not in _names(store, "gemeente")


def test_year_option_takes_the_older_division_and_only_kinds_that_have_it(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    report = import_boundaries(store, path, year=2023)
    assert report.counts == {"gemeente": 2}  # no districts of 2023 in the file
    assert _names(store, "gemeente") == {code: name for code, name, *_ in GEMEENTEN_2023}
    # the newest again replaces the older division; kinds not in that import stay as they were
    import_boundaries(store, path, kinds=["gemeente"])
    assert _names(store, "gemeente") == {code: name for code, name, *_ in GEMEENTEN_2024}
    with store.engine.connect() as conn:
        assert boundary_kinds_present(conn) == {"gemeente": 3}


def test_a_year_the_asked_kind_does_not_have_is_refused_with_the_years_present(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    _refused(store, path, "'wijk'", "2023", "2024", kinds=["wijk"], year=2023)
    _refused(store, path, "2019", year=2019)
    _refused(store, path, "'20x4'", year="20x4")


def test_unqualified_pdok_layers_get_their_year_from_jrstatcode(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "gebiedsindelingen.gpkg", unqualified=True)
    report = import_boundaries(store, path, kinds=["gemeente"])
    assert report.counts == {"gemeente": 3}
    assert "gemeente_gegeneraliseerd (2024)" in "\n".join(report.changes)
    with store.engine.connect() as conn:
        assert {r.year for r in read_boundaries(conn, "gemeente")} == {2024}
    # the year-qualified 2023 layer is older than the unqualified one (2024 by its rows)
    assert set(_names(store, "gemeente")) == {code for code, *_ in GEMEENTEN_2024}


@pytest.mark.parametrize("field", ["postcode4", "postcode", "pc4"])
def test_pc4_layout_with_any_of_its_field_names(store, tmp_path, field):
    path = write_pc4(tmp_path / "cbs_pc4_2024.gpkg", field=field)
    report = import_boundaries(store, path)
    assert report.counts == {"pc4": len(pc4_cells())}
    names = _names(store, "pc4")
    assert names == {code: code for code, _cell in pc4_cells()}  # a PC4 is named by its code
    with store.engine.connect() as conn:
        assert {r.year for r in read_boundaries(conn, "pc4")} == {2024}


def test_pc4_as_a_number_field_becomes_four_digit_text(store, tmp_path):
    path = tmp_path / "pc4.gpkg"
    rows = [(cell, {"postcode4": int(code)}) for code, cell in pc4_cells()]
    write_vector(path, rows, layer="postcode4", geometry_type=ogr.wkbMultiPolygon)
    import_boundaries(store, path)
    assert set(_names(store, "pc4")) == {code for code, _cell in pc4_cells()}
    with store.engine.connect() as conn:
        assert {r.year for r in read_boundaries(conn, "pc4")} == {None}  # the file says none


def test_wijk_en_buurtkaart_skips_water_only_rows(store, tmp_path):
    path = write_wijk_en_buurtkaart(tmp_path / "wijkenbuurten_2023_v1.gpkg")
    report = import_boundaries(store, path)
    assert report.counts == {"gemeente": 3, "buurt": 1}
    assert report.skipped == {"water": 3}
    assert _names(store, "gemeente") == {code: name for code, name, *_ in GEMEENTEN_2024}
    with store.engine.connect() as conn:
        assert {r.year for r in read_boundaries(conn, "buurt")} == {2023}  # from the file name
        land = {r.code: r.geometry for r in read_boundaries(conn, "gemeente")}
    assert land["GM9001"].equals(strip(*GEMEENTEN_2024[0][2:]))  # the land row, not the water


def test_dry_run_checks_and_reports_but_writes_nothing(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    before = _file_hash(store)
    report = import_boundaries(store, path, dry_run=True)
    assert report.dry_run and report.counts == {"gemeente": 3, "wijk": 2}
    assert _file_hash(store) == before


def test_reimport_of_the_same_file_changes_nothing(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    import_boundaries(store, path)
    before = _file_hash(store)
    report = import_boundaries(store, path)
    assert report.counts == {"gemeente": 3, "wijk": 2}
    assert "niets gewijzigd" in report.changes[-1]
    assert _file_hash(store) == before


def test_only_areas_near_the_store_objects_or_groningen_are_kept(store, tmp_path):
    path = tmp_path / "alleen_limburg.gpkg"
    code, name, x0, x1, y0, y1 = FAR_AWAY
    fields = {"statcode": code, "statnaam": name, "jrstatcode": f"2024{code}"}
    write_vector(
        path,
        [(strip(x0, x1, y0, y1), fields)],
        layer="cbs_gemeente_2024_gegeneraliseerd",
        geometry_type=ogr.wkbMultiPolygon,
    )
    _refused(store, path, "regio Groningen", "1 buiten")


# --- errors -------------------------------------------------------------------------------------
def test_a_file_without_boundary_layers_names_the_layers_it_found(store, tmp_path):
    path = tmp_path / "wegen.gpkg"
    write_vector(path, [(strip(220000, 221000), {"naam": "A7"})], layer="wegen")
    write_vector(
        path,
        [(shapely.Point(220500, 560000), {"statcode": "GM9001"})],
        layer="cbs_gemeente_2024_labelpoint",
        geometry_type=ogr.wkbPoint,
    )
    _refused(store, path, "wegen", "cbs_gemeente_2024_labelpoint", "geen laag met gebiedsgrenzen")


def test_a_kind_asked_for_that_the_file_lacks_is_refused(store, tmp_path):
    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    _refused(store, path, "'buurt'", "cbs_gemeente_2024_gegeneraliseerd", kinds=["buurt"])
    _refused(store, path, "'dorp'", kinds=["dorp"])


def test_missing_statcode_column_is_refused_with_the_columns_present(store, tmp_path):
    path = tmp_path / "cbsgebiedsindelingen.gpkg"
    rows = [(strip(x0, x1), {"statnaam": name}) for _c, name, x0, x1 in GEMEENTEN_2024]
    write_vector(path, rows, layer="cbs_gemeente_2024_gegeneraliseerd")
    _refused(store, path, "'statcode'", "statnaam")


def test_empty_bad_and_double_codes_are_refused_row_by_row(store, tmp_path):
    path = tmp_path / "cbsgebiedsindelingen.gpkg"
    rows = [
        (strip(214000, 220000), {"statcode": "GM9001", "statnaam": "A"}),
        (strip(220000, 226000), {"statcode": None, "statnaam": "B"}),
        (strip(226000, 232000), {"statcode": "Gemeente 7", "statnaam": "C"}),
        (strip(232000, 238000), {"statcode": "GM9001", "statnaam": "D"}),
    ]
    write_vector(path, rows, layer="cbs_gemeente_2024_gegeneraliseerd")
    message = _refused(store, path, "3 probleem")
    assert "geen code (statcode)" in message
    assert "'GEMEENTE 7' is geen gemeentecode" in message and "GM0014" in message
    assert "GM9001 komt twee keer voor (ook op rij 1)" in message


def test_wrong_crs_outside_nl_and_no_crs_are_refused(store, tmp_path):
    degrees = tmp_path / "graden.gpkg"  # RD metres, but the file says WGS 84
    rows = [(strip(x0, x1), {"statcode": c, "statnaam": n}) for c, n, x0, x1 in GEMEENTEN_2024]
    write_vector(degrees, rows, layer="cbs_gemeente_2024_gegeneraliseerd", srs=4326)
    _refused(store, degrees, "--crs")
    outside = tmp_path / "buiten.gpkg"
    far = [(strip(400000, 410000, 700000, 710000), {"statcode": "GM9001", "statnaam": "X"})]
    write_vector(outside, far, layer="cbs_gemeente_2024_gegeneraliseerd")
    _refused(store, outside, "buiten Nederland")
    unknown = tmp_path / "zonder_stelsel.gpkg"
    write_vector(unknown, rows, layer="cbs_gemeente_2024_gegeneraliseerd", srs=None)
    _refused(store, unknown, "coördinatenstelsel")
    # naming it makes the same file good
    report = import_boundaries(store, unknown, crs="EPSG:28992")
    assert report.counts == {"gemeente": 3}


def test_cli_imports_with_kinds_and_year_and_says_what_it_kept(store, tmp_path, capsys):
    from domain.cli import main

    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    where = str(store.location.path)
    store.close()
    code = main(["import-boundaries", where, str(path), "--kinds", "gemeente", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"gemeente": 3} and data["skipped"] == {"outside_region": 1}
    code = main(["import-boundaries", where, str(path), "--year", "2023"])
    out = capsys.readouterr().out
    assert code == 0 and "'gemeente': 2" in out and "cbs_gemeente_2023" in out
    assert main(["import-boundaries", where, str(tmp_path / "nope.gpkg")]) == 2
    assert "niet gevonden" in capsys.readouterr().err
    with open_store(where) as again, again.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM boundaries")).scalar() == 2
