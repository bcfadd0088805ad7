"""Assess stored objects with the batch rules: the one path from the store to verdict columns.

The store's tables become the batch columns through ``domain.store.rule_input.read_rule_input``
(the same reader the visit list and the overview use); ``assess_many`` gives the verdicts and the
status per object (``domain.rules.status``). Facts the store does not hold (a structural defect,
D3 damage, pilot dossiers) are passed as unknown, so verdicts that need them stay undetermined,
exactly as in the panel, which assesses one object with the per-case rules.
"""

from __future__ import annotations

import datetime as dt

from domain import policy


def status_pgv_floor_mm_s() -> float:
    """Lowest PGV of the exposure pairs the statuses need (reopening, Duurzaam herstel count):
    one display step below the lowest threshold, since thresholds compare the PGV as shown."""
    return min(policy.REOPEN_PGV_MM_S, policy.DH_PGV_MM_S) - 10.0**-policy.PGV_DECIMALS


def assess_stored(conn, as_of: dt.date | None = None, object_ids=None, catalog_end=None):
    """(rule input, batch result) for the objects ``object_ids`` (all when None) as of
    ``as_of`` (default today), read inside the caller's connection or transaction.

    Only the exposure pairs the statuses need are read, so columns that rest on weaker
    shakings (effect area, vaste vergoeding location, nulmeting) are not meaningful here.
    ``catalog_end`` is passed on to the rules where they take it.
    """
    from domain.rules.batch import assess_many
    from domain.store.rule_input import read_rule_input

    if catalog_end is None:  # what the stored catalogue covers (store_info ``catalog_end``)
        from domain.store.coverage import stored_catalog_end

        catalog_end = stored_catalog_end(conn)
    ids = None if object_ids is None else sorted({int(i) for i in object_ids})
    inp = read_rule_input(conn, ids, min_pgv_mm_s=status_pgv_floor_mm_s())
    extra = {} if catalog_end is None else {"catalog_end": catalog_end}
    result = assess_many(
        inp.objects, inp.exposure, inp.claims, as_of=as_of or dt.date.today(), **extra
    )
    return inp, result
