"""Bad input at scale: random CSV/JSON/bytes into every importer and the case reader.

The only errors allowed are the documented InputError/DomainError, and a refused file writes
nothing (row counts of every table unchanged).
"""

from __future__ import annotations

import contextlib
import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from domain.case.file import parse_case
from domain.errors import DomainError
from domain.importers.areas import import_areas
from domain.importers.bag import import_bag
from domain.importers.claims import import_claims
from domain.importers.ownerships import import_ownerships
from domain.importers.parcels import import_parcels
from domain.store.compute import import_catalog
from domain.store.schema import TABLE_ORDER
from tests.integration.shared.faults_support import small_gpkg_store

CASES = Path(__file__).resolve().parents[2] / "cases"
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COLUMNS = {
    "claims": [
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
        "bsn",
    ],
    "ownerships": [
        "object_id",
        "kadastrale_aanduiding",
        "person_id",
        "natural_person",
        "right",
        "valid_from",
        "valid_until",
        "consent",
    ],
    "catalog": [
        "YYMMDD",
        "TIME",
        "LOCATION",
        "LAT",
        "LON",
        "DEPTH",
        "MAG",
        "EVALMODE",
        "#EventID",
        "Time",
        "Latitude",
        "Longitude",
        "Depth/km",
        "Magnitude",
    ],
}
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "1",
            "2",
            "0",
            "-5",
            "ja",
            "nee",
            "eigendom",
            "ims",
            "maatwerk",
            "vaste_vergoeding",
            "open",
            "decided",
            "2024-01-01",
            "31-12-2023",
            "2099-02-30",
            "9991AB",
            "P1",
            "SBG01 B 6931",
            "10000",
            "1e309",
            "nan",
            "53.3",
            "6.7",
            "3.6",
            "093307.59",
            "\u00e9\u00e9n",
            '"',
            "'",
        ]
    ),
    st.text(alphabet=string.printable + "é€\u0000", max_size=12),
)


def _csv(kind: str):
    header = st.lists(st.sampled_from(COLUMNS[kind]), min_size=0, max_size=9) | st.lists(
        st.text(max_size=6), max_size=4
    )
    rows = st.lists(st.lists(CELLS, max_size=10), max_size=8)
    sep = st.sampled_from([",", ";", "|", "\t"])

    @st.composite
    def build(draw):
        s = draw(sep)
        lines = [s.join(draw(header))] + [s.join(r) for r in draw(rows)]
        return "\n".join(lines)

    return build()


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
GEOJSON = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["FeatureCollection", "Feature", "Polygon", "x"]),
        "features": st.lists(
            st.fixed_dictionaries(
                {
                    "type": st.just("Feature"),
                    "properties": st.dictionaries(st.sampled_from(["name", "naam"]), CELLS),
                    "geometry": st.fixed_dictionaries(
                        {
                            "type": st.sampled_from(["Polygon", "MultiPolygon", "Point", "?"]),
                            "coordinates": JSON_VALUES,
                        }
                    ),
                }
            ),
            max_size=3,
        ),
    }
)
CONTENT = st.one_of(
    st.binary(max_size=300).map(lambda b: ("bytes", b)),
    st.text(max_size=300).map(lambda t: ("text", t)),
)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    store = small_gpkg_store(tmp_path_factory.mktemp("fuzz") / "fuzz.gpkg", objects=5, claims=2)
    yield store
    store.close()


def _counts(store) -> dict:
    with store.engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLE_ORDER
        }


def _write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return path


def _attempt(store, fn, path, *args, **kwargs) -> None:
    """Run an importer: it either succeeds or raises a DomainError having written nothing."""
    before = _counts(store)
    try:
        fn(store, path, *args, **kwargs)
    except DomainError:
        assert _counts(store) == before
    # any other exception fails the test: it is not a message a person can act on


@FUZZ
@given(body=_csv("claims"))
def test_claims_importer_fuzz(fuzz_store, tmp_path_factory, body):
    _attempt(fuzz_store, import_claims, _write(tmp_path_factory.mktemp("c"), "c.csv", body))


@FUZZ
@given(body=_csv("ownerships"))
def test_ownerships_importer_fuzz(fuzz_store, tmp_path_factory, body):
    path = _write(tmp_path_factory.mktemp("o"), "o.csv", body)
    _attempt(fuzz_store, import_ownerships, path)


@FUZZ
@given(body=_csv("catalog") | st.text(max_size=200))
@example(body="\r0")  # a bare carriage return once let csv.Error escape the catalogue reader
def test_catalog_import_fuzz(fuzz_store, tmp_path_factory, body):
    path = _write(tmp_path_factory.mktemp("q"), "q.csv", body)
    _attempt(fuzz_store, import_catalog, path, dry_run=True)


@FUZZ
@given(data=GEOJSON | JSON_VALUES, kind=st.sampled_from(["subsidence", "start_area", "bogus"]))
def test_areas_importer_fuzz(fuzz_store, tmp_path_factory, data, kind):
    path = _write(tmp_path_factory.mktemp("a"), "a.geojson", json.dumps(data))
    _attempt(fuzz_store, import_areas, path, kind)


@FUZZ
@given(content=CONTENT, suffix=st.sampled_from([".gpkg", ".gml", ".shp", ".json"]))
def test_file_importers_fuzz_with_garbage(fuzz_store, tmp_path_factory, content, suffix):
    folder = tmp_path_factory.mktemp("g")
    path = _write(folder, "x" + suffix, content[1])
    _attempt(fuzz_store, import_bag, path)
    _attempt(fuzz_store, import_parcels, path)
    _attempt(fuzz_store, import_areas, path, "subsidence")


def _base_case() -> dict:
    return json.loads((CASES / "01_vv_eligible_loppersum.json").read_text(encoding="utf-8"))


@st.composite
def mutated_case(draw):
    case = _base_case()
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["", "object", "owners", "claims", "dh"]))
        target = case if section == "" else case.get(section)
        if isinstance(target, list) and target:
            target = target[0]
        if not isinstance(target, dict):
            continue
        key = draw(st.sampled_from(sorted(target) + ["onbekend"]))
        target[key] = draw(JSON_VALUES | CELLS)
    return case


@settings(max_examples=150, deadline=None)
@given(data=mutated_case() | JSON_VALUES)
def test_case_reader_fuzz(data):
    with contextlib.suppress(DomainError):
        parse_case(data, "casus.json")
