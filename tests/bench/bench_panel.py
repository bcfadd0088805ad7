"""How long the object panel takes to show one heavy object view (the widget share of a click).

The full click (store read, rules, panel) is ``panel_click_p95_ms``, measured where the plugin
wires the store in; this isolates the widgets so a slow click can be attributed.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

from tests.bench.common import result

REPEATS = 60
GOAL_MS = 50.0


def heavy_view(quakes: int = 300, claims: int = 15) -> dict:
    """A realistic worst case: an object near Loppersum felt hundreds of quakes over 30 years."""
    start = dt.datetime(1995, 1, 1, tzinfo=dt.timezone.utc)
    quake_rows = [
        {
            "event_id": f"knmi{i:05d}",
            "time": (start + dt.timedelta(days=36 * i)).isoformat(),
            "place": "Loppersum",
            "ml": 1.5 + (i % 20) / 10,
            "epicentral_km": 1.0 + (i % 13),
            "pgv_mm_s": 0.5 + (i % 37),
        }
        for i in range(quakes)
    ]
    claim_rows = [
        {
            "id": f"C-{i}",
            "scheme": ("maatwerk", "vaste_vergoeding", "herstel_eigen_aannemer")[i % 3],
            "submitted": f"{2012 + i % 12}-03-01",
            "decided": f"{2012 + i % 12}-06-01",
            "outcome": "toegekend",
            "amount": 5000 + 100 * i,
            "final": i % 3 == 1,
            "objection": i % 5 == 0,
            "overdue": i % 7 == 0,
        }
        for i in range(claims)
    ]
    condition = {"id": "c", "result": "fail", "reason": "Een reden van gemiddelde lengte."}
    return {
        "object": {
            "id": 1,
            "addresses": ["Badweg 12, 9919 AK Loppersum"],
            "kadastrale_aanduiding": "LPS00 B 6931",
            "construction_year": 1928,
            "use": "woning",
            "woz_value": 212000,
            "rijksmonument": False,
            "in_ncg_programme": True,
        },
        "claims": claim_rows,
        "quakes": quake_rows,
        "last_final_decision": "2022-04-12",
        "verdicts": {
            key: {"eligible": False, "required": True, "conditions": [condition] * 7}
            for key in ("vaste_vergoeding", "new_claim", "duurzaam_herstel", "nulmeting")
        },
        "handoffs": [
            {
                "id": i,
                "target": "IVS",
                "status": "in_progress",
                "version": 2,
                "submitter": "IMG",
                "reason_category": "proces_vastgelopen",
                "history": [{"status": "submitted", "at": "2025-01-01", "by": "x", "note": ""}],
            }
            for i in range(3)
        ],
        "handoff_suggestion": {"suggested": True, "target": "IVS", "signals": []},
    }


def run(options) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.testing import start_app

    app = start_app()
    from img_qgis_plugin.gui.object_panel import ObjectPanel

    panel = ObjectPanel()
    panel.resize(400, 800)
    panel.show()
    view = heavy_view()
    timings = []
    for _ in range(REPEATS):
        begin = time.perf_counter()
        panel.show_object(view)
        app.processEvents()
        timings.append((time.perf_counter() - begin) * 1000)
    panel.close()
    p95 = statistics.quantiles(timings, n=20)[-1]
    return [
        result(
            "panel_show_object_p95_ms",
            p95,
            "ms",
            f"<= {GOAL_MS:.0f}",
            p95 <= GOAL_MS,
            f"{len(view['quakes'])} quakes, {len(view['claims'])} claims, widgets only",
        )
    ]
