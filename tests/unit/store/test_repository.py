"""Repository API on both backends: read one object with everything, search, hand-offs, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from domain.demo import build_demo
from domain.errors import InputError
from domain.rules.handoff import HandOffDraft
from domain.store import ConcurrentChangeError, NotFoundError, open_store

NARRATIVE = "Herhaalde schade, bezwaar loopt al een jaar en de bewoners zien geen uitweg meer."


@pytest.fixture
def demo(store_location, store_templates, request):
    # built once per backend, copied per test: each test may write to its own copy
    summary = store_templates.copy_to(
        store_location,
        "demo-400-11",
        lambda where: build_demo(where, objects=400, seed=11),
        request,
    )
    store = open_store(store_location)
    yield store, summary
    store.close()


def test_read_object_brings_everything_of_one_object(demo):
    store, summary = demo
    oid = summary.sample_object_ids["handoff_present"]
    record = store.read_object(oid)
    with store.engine.connect() as conn:
        n_claims = conn.execute(
            text("SELECT COUNT(*) FROM claims WHERE object_id = :i"), {"i": oid}
        ).scalar()
        n_pairs = conn.execute(
            text("SELECT COUNT(*) FROM exposure_events WHERE object_id = :i"), {"i": oid}
        ).scalar()
        max_pgv = conn.execute(
            text("SELECT MAX(pgv_mm_s) FROM exposure_events WHERE object_id = :i"), {"i": oid}
        ).scalar()
    assert record.object_id == oid
    assert len(record.claims) == n_claims >= 2
    assert len(record.quakes_at_object) == n_pairs
    assert record.exposure.max_pgv_mm_s == pytest.approx(max_pgv, abs=1e-3)
    assert record.addresses and record.addresses[0].postcode[:4] == record.pc4
    assert record.owners and all(
        o.right in ("eigendom", "erfpacht", "opstal", "beklemrecht") for o in record.owners
    )
    assert record.handoffs and record.handoffs[0].history[0].status == "concept"
    assert record.handoffs[0].version == len(record.handoffs[0].history)
    times = [q.time for q in record.quakes_at_object]
    assert times == sorted(times)
    q = record.quakes_at_object[0]
    assert q.epicentral_km >= 0 and q.pgv_mm_s >= 1.6


def test_area_flags_follow_stored_polygons(demo):
    store, _ = demo
    with store.engine.connect() as conn:
        oid = conn.execute(
            text(
                "SELECT id FROM objects WHERE place = 'Loppersum' ORDER BY "
                "(x - 245000) * (x - 245000) + (y - 593500) * (y - 593500) LIMIT 1"
            )
        ).scalar()
    record = store.read_object(oid)
    assert record.areas.start_areas == ("Startgebied Loppersum (illustratief)",)
    assert record.areas.within_6km_zone is True
    assert record.areas.in_subsidence_area is False
    assert record.areas.in_dh_area == (record.exposure.count_ge_5_before_2026 >= 4)


def test_missing_object_is_a_clear_error(demo):
    store, _ = demo
    with pytest.raises(NotFoundError, match="999999"):
        store.read_object(999999)


def test_search_by_postcode_number_claim_and_id(demo):
    store, _ = demo
    record = store.read_object(5)
    address = record.addresses[0]
    spaced = f"{address.postcode[:4]} {address.postcode[4:]} {address.house_number}{address.house_letter or ''}"
    hits = store.search(spaced)
    assert any(h.object_id == 5 and h.kind == "postcode" for h in hits)
    hits = store.search(f"{address.street.lower()} {address.house_number}")
    assert any(h.object_id == 5 for h in hits)
    assert all(h.label.lower().startswith(address.street.lower()) for h in hits)
    assert [h.kind for h in store.search("5")][:1] == ["object"]
    with store.engine.connect() as conn:
        number, oid = conn.execute(
            text("SELECT claim_number, object_id FROM claims ORDER BY id LIMIT 1")
        ).first()
    hits = store.search(number.lower())
    assert [(h.kind, h.object_id, h.claim_number) for h in hits] == [("claim", oid, number)]
    assert store.search("") == []
    assert len(store.search("a", limit=3)) <= 3


#: the application's own audit lines; on PostGIS the database's triggers add one line per
#: changed row besides (actions insert/update/delete, revision 0005)
APP_LINES = "action NOT IN ('insert', 'update', 'delete')"


def test_handoff_lifecycle_with_optimistic_locking(demo):
    store, summary = demo
    oid = summary.sample_object_ids["never_claimed"]
    draft = HandOffDraft(str(oid), "IVS", "gemeente", "proces_vastgelopen", NARRATIVE, True, ())
    hid = store.add_handoff(draft, by="tester")
    version = store.change_handoff_status(hid, 1, "submitted", "tester", "ingediend")
    assert version == 2
    with pytest.raises(ConcurrentChangeError) as err:
        store.change_handoff_status(hid, 1, "in_progress", "someone-else", "")
    assert (err.value.expected_version, err.value.actual_version) == (1, 2)
    assert "versie 1" in str(err.value) and "versie 2" in str(err.value)
    with pytest.raises(InputError):
        store.change_handoff_status(
            hid, 2, "carried_out", "tester", ""
        )  # not allowed from submitted
    record = store.read_object(oid)
    (handoff,) = record.handoffs
    assert handoff.status == "submitted" and handoff.version == 2
    assert [h.status for h in handoff.history] == ["concept", "submitted"]
    assert handoff.history[1].note == "ingediend"
    with store.engine.connect() as conn:
        actions = [
            r[0]
            for r in conn.execute(
                text(
                    f"SELECT action FROM audit_log WHERE object_id = :i AND {APP_LINES} ORDER BY id"
                ),
                {"i": oid},
            )
        ]
    assert actions == ["handoff_created", "handoff_status"]


def test_invalid_handoff_lists_problems_and_writes_nothing(demo):
    store, summary = demo
    oid = summary.sample_object_ids["never_claimed"]
    draft = HandOffDraft(str(oid), "IVS", "burgemeester", "proces_vastgelopen", "kort", True, ())
    with pytest.raises(InputError) as err:
        store.add_handoff(draft, by="tester")
    assert {p.field for p in err.value.problems} == {"submitter", "narrative"}
    assert store.read_object(oid).handoffs == []


def test_audit_appends(demo):
    store, _ = demo
    store.audit("tester", "opened", 3, "paneel")
    store.audit("tester", "printed", 3, "dossier")
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT who, action, object_id, detail, at FROM audit_log WHERE {APP_LINES} "
                "ORDER BY id"
            )
        ).all()
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("tester", "opened", 3, "paneel"),
        ("tester", "printed", 3, "dossier"),
    ]
    assert all(r[4] is not None for r in rows)


def test_layer_uris_name_every_layer_without_password(demo):
    store, _ = demo
    uris = store.layer_uris()
    assert {
        "objects",
        "parcels",
        "quakes",
        "areas_subsidence",
        "areas_start_area",
        "areas_zone_6km",
    } <= set(uris)
    provider, uri = uris["areas_subsidence"]
    if store.location.is_gpkg:
        assert provider == "ogr" and uri.endswith("|layername=areas|subset=\"kind\" = 'subsidence'")
    else:
        assert provider == "postgres" and "password" not in uri and "srid=28992" in uri
        assert "sql=\"kind\" = 'subsidence'" in uri


def test_dates_come_back_as_dates(demo):
    store, summary = demo
    record = store.read_object(summary.sample_object_ids["overdue_claim"])
    claim = record.claims[0]
    assert isinstance(claim.submitted, dt.date)
    assert all(isinstance(o.valid_from, dt.date) for o in record.owners if o.valid_from)


def test_concept_without_consent_is_stored_but_cannot_be_submitted(demo):
    store, summary = demo
    oid = summary.sample_object_ids["never_claimed"]
    draft = HandOffDraft(str(oid), "CBS", "IMG", "schrijnende_situatie", NARRATIVE, False, ())
    hid = store.add_handoff(draft, by="tester")
    with pytest.raises(InputError) as err:
        store.change_handoff_status(hid, 1, "submitted", "tester", "")
    assert [p.field for p in err.value.problems] == ["resident_consent"]
    assert store.read_object(oid).handoffs[0].version == 1


def test_linked_claims_must_belong_to_the_object(demo):
    store, summary = demo
    oid = summary.sample_object_ids["never_claimed"]
    draft = HandOffDraft(
        str(oid), "IVS", "NCG", "bouwkundige_staat", NARRATIVE, True, ("SCH-2020-000001",)
    )
    with pytest.raises(InputError) as err:
        store.add_handoff(draft, by="tester")
    assert [p.field for p in err.value.problems] == ["linked_claim_ids"]


def test_audit_log_and_handoff_history_are_append_only(demo):
    from sqlalchemy.exc import DBAPIError

    store, _ = demo
    store.audit("tester", "opened", 3, "paneel")
    for sql in (
        "UPDATE audit_log SET who = 'x'",
        "DELETE FROM audit_log",
        "UPDATE handoff_status SET status = 'closed'",
        "DELETE FROM handoff_status",
    ):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    with store.engine.connect() as conn:
        assert conn.execute(text(f"SELECT COUNT(*) FROM audit_log WHERE {APP_LINES}")).scalar() == 1
