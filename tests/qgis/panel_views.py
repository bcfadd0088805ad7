"""Hand-built object views as the plugin assembles them from the store and the rules engine."""

from __future__ import annotations

import copy

LOPPERSUM_VIEW = {
    "as_of": "2026-03-01",
    "object": {
        "id": 100234,
        "addresses": ["Badweg 12, 9919 AK Loppersum", "Badweg 12a, 9919 AK Loppersum"],
        "kadastrale_aanduiding": "LPS00 B 6931",
        "construction_year": 1928,
        "use": "woning",
        "woz_value": 212000,
        "rijksmonument": False,
        "in_ncg_programme": True,
    },
    "claims": [
        {
            "id": "C-2019-00412",
            "handler": "CVW",
            "scheme": "maatwerk",
            "submitted": "2019-04-02",
            "decided": "2020-01-15",
            "outcome": "toegekend",
            "amount": 8450,
            "final": False,
            "objection": None,
            "overdue": False,
        },
        {
            "id": "C-2022-10877",
            "handler": "IMG",
            "scheme": "vaste_vergoeding",
            "submitted": "2022-03-01",
            "decided": "2022-04-12",
            "outcome": "toegekend",
            "amount": 10000,
            "final": True,
            "objection": False,
            "overdue": False,
        },
        {
            "id": "C-2025-03310",
            "scheme": "herstel_eigen_aannemer",
            "submitted": "2025-02-10",
            "decided": None,
            "outcome": None,
            "amount": None,
            "final": False,
            "objection": True,
            "overdue": True,
        },
    ],
    "quakes": [
        {
            "event_id": "knmi2012qpsj",
            "time": "2012-08-16T20:30:33Z",
            "place": "Huizinge",
            "ml": 3.6,
            "epicentral_km": 6.1,
            "pgv_mm_s": 27.4,
        },
        {
            "event_id": "knmi2018bbjm",
            "time": "2018-01-08T14:00:52Z",
            "place": "Zeerijp",
            "ml": 3.4,
            "epicentral_km": 3.2,
            "pgv_mm_s": 31.9,
        },
        {
            "event_id": "knmi2022hdjk",
            "time": "2022-04-12T09:10:00Z",  # on the decision day: does not reopen
            "place": "Garrelsweer",
            "ml": 2.1,
            "epicentral_km": 1.4,
            "pgv_mm_s": 9.8,
        },
        {
            "event_id": "knmi2023cczz",
            "time": "2023-05-20T03:12:44Z",
            "place": "Loppersum",
            "ml": 2.4,
            "epicentral_km": 2.0,
            "pgv_mm_s": 5.02,
        },
        {
            "event_id": "knmi2024aaab",
            "time": "2024-06-01T11:00:00Z",
            "place": "Westeremden",
            "ml": 1.9,
            "epicentral_km": 4.0,
            "pgv_mm_s": 5.0,  # exactly 5: marked >= 5 but does not reopen
        },
        {
            "event_id": "knmi2025xqrt",
            "time": "2025-09-03T22:45:10Z",
            "place": "Wirdum",
            "ml": 1.5,
            "epicentral_km": 7.5,
            "pgv_mm_s": 1.99,
        },
    ],
    "last_final_decision": "2022-04-12",
    "verdicts": {
        "vaste_vergoeding": {
            "eligible": False,
            "amount_eur": None,
            "conditions": [
                {
                    "id": "first_report",
                    "result": "fail",
                    "reason": "Er is al eerder schade gemeld op dit object (melding C-2019-00412).",
                },
                {
                    "id": "natural_person",
                    "result": "pass",
                    "reason": "De aanvrager is een natuurlijk persoon.",
                },
            ],
            "notes": [{"id": "situation", "reason": "Situatie A: ten minste 8,5 mm/s."}],
        },
        "new_claim": {
            "eligible": True,
            "reopening_events": ["knmi2023cczz"],
            "blocked_by": None,
            "conditions": [
                {
                    "id": "quake_after_decision",
                    "result": "pass",
                    "reason": "Beving Loppersum 2023-05-20: 5,02 mm/s, meer dan 5 mm/s na het besluit.",
                }
            ],
        },
        "duurzaam_herstel": {
            "eligible": None,
            "conditions": [
                {
                    "id": "in_dh_area",
                    "result": "pass",
                    "reason": "4 bevingen van ten minste 5 mm/s.",
                },
                {
                    "id": "structural_defect",
                    "result": "unknown",
                    "reason": "Onbekend of er een onderliggend bouwkundig gebrek is.",
                },
            ],
        },
        "nulmeting": {
            "required": True,
            "conditions": [
                {"id": "pgv_ge_5", "result": "pass", "reason": "Hoogste PGV 31,9 mm/s."}
            ],
        },
    },
    "handoffs": [
        {
            "id": 17,
            "target": "IVS",
            "status": "in_progress",
            "version": 3,
            "submitter": "gemeente",
            "reason_category": "proces_vastgelopen",
            "history": [
                {"status": "concept", "at": "2025-10-01T09:00:00", "by": "m.dijkstra", "note": ""},
                {
                    "status": "submitted",
                    "at": "2025-10-03T14:20:00",
                    "by": "burgemeester Eemsdelta",
                    "note": "Aangeleverd met dossieroverzicht",
                },
                {"status": "in_progress", "at": "2025-11-12T10:00:00", "by": "IVS", "note": ""},
            ],
        },
        {
            "id": 9,
            "target": "CBS",
            "status": "closed",
            "version": 6,
            "submitter": "IMG",
            "reason_category": "schrijnende_situatie",
            "history": [],
        },
    ],
    "handoff_suggestion": {
        "suggested": True,
        "target": "IVS",
        "signals": [
            {"id": "case_overdue", "reason": "Melding C-2025-03310 loopt langer dan 26 weken."},
            {"id": "objection_pending", "reason": "Er loopt een bezwaar."},
            {"id": "samenloop", "reason": "Het object zit ook in de versterking (NCG)."},
        ],
        "notes": [{"id": "target", "reason": "Het proces zit vast: het IVS past het best."}],
    },
}


def loppersum_view() -> dict:
    return copy.deepcopy(LOPPERSUM_VIEW)
