"""The same visit list and overview from a PostGIS store as from a GeoPackage."""

from __future__ import annotations

from domain.planning import visit_list
from domain.planning.overview import regional_overview
from tests.support.postgis_server import postgis_server  # noqa: F401 - pytest fixture
from tests.unit.planning.conftest import AS_OF, SQUARE, build_tiny_store


def test_postgis_gives_the_same_visits_and_overview(postgis_server, tiny_store):  # noqa: F811
    pg = build_tiny_store(postgis_server.new_database())
    try:
        got = visit_list(pg, SQUARE, as_of=AS_OF)
        want = visit_list(tiny_store, SQUARE, as_of=AS_OF)
        assert [
            (r.object_id, r.address, r.situation_codes, r.reopening_quakes) for r in got.rows
        ] == [(r.object_id, r.address, r.situation_codes, r.reopening_quakes) for r in want.rows]
        assert got.route_length_m == want.route_length_m
        assert (
            regional_overview(pg, as_of=AS_OF).rows
            == regional_overview(tiny_store, as_of=AS_OF).rows
        )
    finally:
        pg.close()
