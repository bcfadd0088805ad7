"""Writing the map status (``objects.status``): the one entry point every caller uses.

The status comes from the batch rules (``domain.store.assess_rules``), whose verdict columns a
test checks against the per-case rules the panel uses; the mapping from verdicts to a status
class lives in ``domain.rules.status``. Nothing here judges an object.
"""

from __future__ import annotations

import datetime as dt

from domain.store.backend import backend_of


def recompute_statuses(conn, as_of: dt.date | None = None, object_ids=None, stage=None):
    """Assess and write ``objects.status`` inside the caller's transaction; returns the
    object ids (sorted) and the batch result the statuses come from. ``stage(key)`` is told
    as ``assess`` and ``write`` start."""
    from domain.importers.common import enter_stage
    from domain.store.assess_rules import assess_stored

    enter_stage(stage, "assess")
    inp, result = assess_stored(conn, as_of, object_ids)
    enter_stage(stage, "write")
    write_statuses(conn, inp.ids, [str(s) for s in result.status])
    return inp.ids, result


def assess_in(conn, as_of: dt.date | None = None, object_ids=None, stage=None) -> dict[str, int]:
    """Recompute and write ``objects.status`` inside the caller's transaction, as of ``as_of``
    (default today), for every object or only for ``object_ids`` (reading only their rows);
    returns counts per status of the objects recomputed."""
    _, result = recompute_statuses(conn, as_of, object_ids, stage)
    statuses = [str(s) for s in result.status]
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts


def assess_store(
    store, as_of: dt.date | None = None, object_ids=None, stage=None
) -> dict[str, int]:
    """Recompute and write ``objects.status`` in a transaction of its own; counts per status
    (``stage``: see :func:`recompute_statuses`)."""
    with store.engine.begin() as conn:
        return assess_in(conn, as_of, object_ids, stage)


def write_statuses(conn, ids, statuses, chunk: int = 50_000) -> None:
    chunks = (
        [(s, int(i)) for i, s in zip(ids[start : start + chunk], statuses[start : start + chunk])]
        for start in range(0, len(ids), chunk)
    )
    backend_of(conn).update_by_id(conn, "objects", {"status": "text"}, chunks)
