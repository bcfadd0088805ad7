"""A tiny constructed store: one object per situation, inside a square start area.

Every situation is set up by hand (claims, quakes, shakings, hand-offs), so the expected
situation of each address is known without running the rules.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely

AS_OF = dt.date(2026, 6, 1)
SQUARE = "POLYGON((1000 1000, 2000 1000, 2000 2000, 1000 2000, 1000 1000))"

# object id -> (x, y, in_ncg_programme)
OBJECTS = {
    1: (1100, 1100, False),  # never claimed, two addresses
    2: (1200, 1100, False),  # claim open, within its term
    3: (1300, 1100, False),  # claim overdue
    4: (1400, 1100, False),  # claim open, due exactly on AS_OF: not yet overdue
    5: (1500, 1100, False),  # final, no later quake
    6: (1600, 1100, False),  # final, later quake of 5.1 mm/s: may claim again
    7: (1700, 1100, False),  # final, later quake of exactly 5.0 mm/s: still final
    8: (1100, 1500, False),  # four quakes >= 5 mm/s before 2026: DH area
    9: (1200, 1500, False),  # three such quakes: not in DH area
    10: (1300, 1500, True),  # NCG programme with a damage claim: samenloop
    11: (1400, 1500, True),  # NCG programme, never claimed
    12: (1500, 1500, False),  # hand-off to IVS running (and a claim)
    13: (5000, 5000, False),  # outside the start area
}


def _claim(number, oid, scheme, submitted, decided=None, outcome=None, final=False):
    status = "open" if decided is None else "decided"
    return (number, oid, None, scheme, submitted, decided, outcome, None, final, False, status)


CLAIMS = [
    _claim("C2", 2, "vaste_vergoeding", dt.date(2026, 5, 1)),
    _claim("C3", 3, "vaste_vergoeding", dt.date(2026, 3, 1)),
    # 8 weeks after 2026-04-06 is 2026-06-01 = AS_OF: due today, not late
    _claim("C4", 4, "vaste_vergoeding", dt.date(2026, 4, 6)),
    _claim(
        "C5", 5, "vaste_vergoeding", dt.date(2023, 11, 1), dt.date(2024, 1, 10), "toegekend", True
    ),
    _claim(
        "C6", 6, "vaste_vergoeding", dt.date(2023, 11, 1), dt.date(2024, 1, 10), "toegekend", True
    ),
    _claim(
        "C7", 7, "vaste_vergoeding", dt.date(2023, 11, 1), dt.date(2024, 1, 10), "toegekend", True
    ),
    _claim("C10", 10, "maatwerk", dt.date(2025, 1, 1), dt.date(2025, 3, 1), "toegekend"),
    _claim("C12", 12, "maatwerk", dt.date(2025, 1, 1), dt.date(2025, 3, 1), "toegekend"),
]

# quake id -> (time, place, ml)
QUAKES = {
    1: (dt.datetime(2024, 6, 1, 10, 0), "Zeerijp", 3.1),
    2: (dt.datetime(2020, 1, 1, 10, 0), "Garrelsweer", 2.5),
    3: (dt.datetime(2021, 1, 1, 10, 0), "Garrelsweer", 2.5),
    4: (dt.datetime(2022, 1, 1, 10, 0), "Garrelsweer", 2.5),
    5: (dt.datetime(2023, 1, 1, 10, 0), "Garrelsweer", 2.5),
}
PAIRS = [(6, 1, 5.1), (7, 1, 5.0)]
PAIRS += [(8, q, 6.0) for q in (2, 3, 4, 5)]
PAIRS += [(9, q, 6.0) for q in (2, 3, 4)]


def build_tiny_store(path):
    from domain.store import create_store
    from domain.store.areas import replace_areas
    from domain.store.bulk import insert_rows

    store = create_store(str(path), overwrite=True)
    with store.engine.begin() as conn:
        ids = sorted(OBJECTS)
        insert_rows(
            conn,
            "objects",
            (
                "id",
                "x",
                "y",
                "small",
                "rijksmonument",
                "in_ncg_programme",
                "municipality",
                "place",
                "pc4",
                "construction_year",
            ),
            [
                (
                    i,
                    OBJECTS[i][0],
                    OBJECTS[i][1],
                    False,
                    False,
                    OBJECTS[i][2],
                    "Eemsdelta",
                    "Loppersum",
                    "9919",
                    1960,
                )
                for i in ids
            ],
            np.array([shapely.Point(OBJECTS[i][:2]) for i in ids], dtype=object),
        )
        addresses = [(i, i, "Dorpsstraat", i, None, None, "9919AA", "Loppersum") for i in ids]
        addresses.append((100, 1, "Dorpsstraat", 1, "a", None, "9919AA", "Loppersum"))
        insert_rows(
            conn,
            "addresses",
            (
                "id",
                "object_id",
                "street",
                "house_number",
                "house_letter",
                "addition",
                "postcode",
                "place",
            ),
            addresses,
        )
        insert_rows(
            conn,
            "claims",
            (
                "claim_number",
                "object_id",
                "applicant_id",
                "scheme",
                "submitted",
                "decided",
                "outcome",
                "amount",
                "final",
                "objection",
                "status",
            ),
            CLAIMS,
        )
        insert_rows(
            conn,
            "quakes",
            ("id", "event_id", "time", "place", "ml", "depth_km", "x", "y", "counting"),
            [
                (q, f"knmi{q}", t, p, ml, 3.0, 1500.0, 1500.0, True)
                for q, (t, p, ml) in QUAKES.items()
            ],
            np.array([shapely.Point(1500, 1500)] * len(QUAKES), dtype=object),
        )
        insert_rows(conn, "exposure_events", ("object_id", "quake_id", "pgv_mm_s"), PAIRS)
        now = dt.datetime(2026, 5, 1, 9, 0)
        insert_rows(
            conn,
            "handoffs",
            (
                "id",
                "object_id",
                "target",
                "submitter",
                "reason_category",
                "narrative",
                "resident_consent",
                "linked_claim_ids",
                "status",
                "created_at",
                "updated_at",
                "version",
            ),
            [
                (
                    1,
                    12,
                    "IVS",
                    "gemeente",
                    "vastgelopen",
                    "Dossier loopt al lang vast, bewoner vraagt om hulp.",
                    True,
                    "",
                    "submitted",
                    now,
                    now,
                    2,
                )
            ],
        )
        replace_areas(
            conn,
            ["start_area"],
            [("start_area", "Startgebied proef", "illustrative", "test", shapely.from_wkt(SQUARE))],
        )
    return store


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory):
    store = build_tiny_store(tmp_path_factory.mktemp("planning") / "tiny.gpkg")
    yield store
    store.close()
