"""``--json`` is exact: full float precision (rounding is for text), and a site's maximum PGV is
the true maximum, also below the floor of the per-quake list the rules get."""

from __future__ import annotations

import datetime as dt
import json

from domain import policy
from domain.case.motion import assess_case_file
from domain.cli import main
from domain.groundmotion.exposure import site_exposure
from domain.importers.catalog import load_catalog

FAR = (233500.0, 535000.0)  # south of Assen: the Groningen quakes reach it only faintly


def _case(tmp_path, as_of: str = "2026-03-01"):
    path = tmp_path / "far.json"
    data = {"as_of": as_of, "object": {"id": "far", "x": FAR[0], "y": FAR[1]}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_max_pgv_below_the_floor_is_the_true_maximum(tmp_path, groningen_catalog):
    catalog = load_catalog(groningen_catalog)
    events = site_exposure(catalog, *FAR, as_of=dt.date(2026, 3, 1))
    true_max = max(e.pgv_mm_s for e in events)
    assert 0.0 < true_max < policy.EXPOSURE_FLOOR_MM_S  # the case this test is about
    out = assess_case_file(_case(tmp_path), catalog).as_dict()
    assert out["exposure"]["max_pgv_mm_s"] == true_max
    assert out["exposure"]["count_ge_2_mm_s"] == 0
    assert out["exposure"]["catalog_end"] == "2022-01-26"
    # as of an earlier date only the quakes up to then count
    earlier = assess_case_file(_case(tmp_path, "2000-01-01"), catalog).as_dict()
    before = [e.pgv_mm_s for e in site_exposure(catalog, *FAR, as_of=dt.date(2000, 1, 1))]
    assert earlier["exposure"]["max_pgv_mm_s"] == max(before) < true_max


def test_pgv_command_json_keeps_full_precision(groningen_catalog, capsys):
    x, y = 245200.0, 593500.0
    code = main(
        ["pgv", "--x", str(x), "--y", str(y), "--catalog", str(groningen_catalog), "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    exact = {e.event_id: e for e in site_exposure(load_catalog(groningen_catalog), x, y)}
    for event in out["events"]:
        assert event["pgv_mm_s"] == exact[event["event_id"]].pgv_mm_s
        assert event["epicentral_km"] == exact[event["event_id"]].epicentral_km
    assert out["max_pgv_mm_s"] == max(e.pgv_mm_s for e in exact.values())
