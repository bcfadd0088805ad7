""" "What if a quake of ML x happens here?" over every object of a store."""

from __future__ import annotations

from domain.store.scenario_objects import scenario_with_objects


def run_scenario(
    store, x: float, y: float, ml: float, depth_km: float | None, date, motion=None
) -> dict:
    """Counts of objects that would reopen, need a nulmeting or newly enter the effect area."""
    outcome = scenario_with_objects(store, x, y, ml, depth_km, date, motion)
    summary = dict(outcome.summary)
    summary["reopened_object_ids"] = [o.object_id for o in outcome.objects if o.reopen][:50]
    return summary
