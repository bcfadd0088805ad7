"""The situation of every address in a constructed start area, the filters, the route."""

from __future__ import annotations

import math

import pytest

from domain.errors import DomainError
from domain.planning import SITUATIONS, visit_list
from tests.unit.planning.conftest import AS_OF, SQUARE


def _by_object(visits):
    out = {}
    for row in visits.rows:
        out.setdefault(row.object_id, []).append(row)
    return out


@pytest.fixture(scope="module")
def visits(tiny_store):
    from sqlalchemy import text

    with tiny_store.engine.connect() as conn:
        area_id = conn.execute(text("SELECT id FROM areas WHERE kind = 'start_area'")).scalar()
    return visit_list(tiny_store, area_id, as_of=AS_OF)


EXPECTED = {
    1: ("never_claimed",),
    2: ("claim_open",),
    3: ("claim_open", "overdue"),
    4: ("claim_open",),  # due exactly on the date: not overdue yet
    5: ("final",),
    6: ("may_claim_again",),  # 5.1 mm/s after the final decision (> 5)
    7: ("final",),  # exactly 5.0 mm/s does not reopen (strictly more is needed)
    8: ("never_claimed", "dh_eligible"),  # four quakes >= 5 mm/s before 2026
    9: ("never_claimed",),  # three are not enough
    10: ("may_claim_again", "samenloop"),  # decided but not final, in NCG programme
    11: ("never_claimed", "ncg_without_claim"),
    12: ("may_claim_again", "handoff_running"),
}


def test_every_address_has_its_situations(visits):
    rows = _by_object(visits)
    assert set(rows) == set(EXPECTED)  # object 13 lies outside the area
    for oid, codes in EXPECTED.items():
        for row in rows[oid]:
            assert row.situation_codes == codes, oid
    assert len(visits.rows) == visits.total_addresses == 13  # object 1 has two addresses
    assert visits.area_name == "Startgebied proef"


def test_reopening_names_the_quake(visits):
    row = _by_object(visits)[6][0]
    assert row.reopening_quakes == ("2024-06-01 Zeerijp ML 3,1 (5,10 mm/s)",)  # decimal commas
    assert "2024-06-01 Zeerijp ML 3,1" in row.reason
    assert "opnieuw schade melden" in row.reason
    assert _by_object(visits)[7][0].reopening_quakes == ()


def test_labels_and_reasons_dutch_by_default_english_on_request(tiny_store, visits):
    row = _by_object(visits)[12][0]
    assert row.situations == ["mag opnieuw melden", "overdracht loopt"]
    assert row.reason.startswith("Er loopt een overdracht aan IVS")
    english = visit_list(tiny_store, SQUARE, as_of=AS_OF, lang="en")
    row_en = _by_object(english)[12][0]
    assert row_en.situations == ["may claim again", "hand-off running"]
    assert row_en.reason.startswith("A hand-off to IVS is running")
    assert english.area_name == "Drawn start area"
    assert _by_object(english)[6][0].reopening_quakes == ("2024-06-01 Zeerijp ML 3.1 (5.10 mm/s)",)


def test_counts_per_situation(visits):
    assert visits.counts["never_claimed"] == 5  # objects 1 (two addresses), 8, 9, 11
    assert visits.counts["overdue"] == 1
    assert visits.counts["may_claim_again"] == 3
    assert set(visits.counts) == set(SITUATIONS)


def test_filter_keeps_addresses_with_any_chosen_situation(tiny_store):
    chosen = visit_list(tiny_store, SQUARE, situations=["overdue", "final"], as_of=AS_OF)
    assert sorted(r.object_id for r in chosen.rows) == [3, 5, 7]
    assert [r.order for r in chosen.rows] == [1, 2, 3]
    assert chosen.total_addresses == 13


def test_unknown_situation_is_refused(tiny_store):
    with pytest.raises(DomainError, match="onbekend_iets"):
        visit_list(tiny_store, SQUARE, situations=["onbekend_iets"], as_of=AS_OF)


def test_area_must_be_a_start_area_or_a_polygon(tiny_store):
    with pytest.raises(DomainError, match="bestaat niet"):
        visit_list(tiny_store, 999, as_of=AS_OF)
    with pytest.raises(DomainError, match="geen geldige WKT"):
        visit_list(tiny_store, "POLYGON((1 2, 3", as_of=AS_OF)
    with pytest.raises(DomainError, match="geen geldige WKT"):
        visit_list(tiny_store, "POINT(1 2)", as_of=AS_OF)


def test_route_is_a_walk_from_the_start_shorter_than_address_order(visits):
    orders = [r.order for r in visits.rows]
    assert orders == list(range(1, 14))
    # first address in street order is the start: Dorpsstraat 1 at (1100, 1100)
    assert visits.start == (1100.0, 1100.0)
    assert visits.rows[0].object_id == 1
    # both addresses of object 1 share a point and are visited one after the other
    assert [r.address for r in visits.rows[:2]] == ["Dorpsstraat 1", "Dorpsstraat 1a"]
    # by hand: along y=1100 to x=1700 (600 m), to (1500, 1500), then 400 m west
    assert visits.route_length_m == pytest.approx(600 + math.hypot(200, 400) + 400)
    # street order jumps from number 7 (1700, 1100) back to 8 (1100, 1500)
    assert visits.address_order_length_m == pytest.approx(600 + math.hypot(600, 400) + 400)


def test_chosen_start_point(tiny_store):
    visits = visit_list(tiny_store, SQUARE, start=(1500.0, 1900.0), as_of=AS_OF)
    assert visits.start == (1500.0, 1900.0)
    assert visits.rows[0].object_id == 12  # nearest to the chosen start
    # by hand: 400 m down to 12, 400 m west to 8, 400 m down to 1, 600 m east to 7
    assert visits.route_length_m == pytest.approx(400 + 400 + 400 + 600)
    assert [r.object_id for r in visits.rows[-7:]] == [1, 1, 2, 3, 4, 5, 6, 7][1:]


def test_progress_and_cancel(tiny_store):
    from domain.groundmotion.exposure import Cancelled

    seen = []
    visit_list(tiny_store, SQUARE, as_of=AS_OF, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100.0
    with pytest.raises(Cancelled):
        visit_list(tiny_store, SQUARE, as_of=AS_OF, cancel=lambda: True)
