"""The map status of an object: one class from its verdicts, the same for map, panel and counts.

One mapping, on three-valued columns, used by the batch rules for every object of a store and
by the panel for one object (as a column of length one), so the map can never say something
the panel does not. First match wins:

- ``handoff_running``  a hand-off to IVS/CBS is running;
- ``dh_eligible``      the Duurzaam herstel verdict is yes;
- ``dh_to_check``      in the Duurzaam herstel area, but the verdict is undetermined: the store
                       does not hold every fact it needs (structural defect, D3 damage);
- ``claim_open``       a claim is submitted and not yet decided;
- ``may_claim_again``  a damage claim was decided and the new-claim verdict is yes (a quake
                       > 5 mm/s after the last final decision, or no decision was final);
- ``final``            a final decision and no new claim possible (or not known to be);
- ``no_claim``         none of the above.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from domain.i18n import register, tr

#: every class, in the legend's order
MAP_STATUSES = (
    "no_claim",
    "claim_open",
    "final",
    "may_claim_again",
    "dh_to_check",
    "dh_eligible",
    "handoff_running",
)

register(
    {
        "status.no_claim": ("Geen melding", "No claim"),
        "status.claim_open": ("Melding loopt", "Claim open"),
        "status.final": ("Finaal besloten", "Final decision"),
        "status.may_claim_again": ("Mag opnieuw melden", "May claim again"),
        "status.dh_to_check": (
            "Duurzaam herstel: na te gaan",
            "Duurzaam herstel: to be checked",
        ),
        "status.dh_eligible": ("Duurzaam herstel", "Duurzaam herstel"),
        "status.handoff_running": ("Overdracht loopt", "Hand-off running"),
    }
)


def status_label(status: str, lang: str | None = None) -> str:
    return tr(f"status.{status}", lang)


def dh_eligible_mask(duurzaam_herstel: np.ndarray) -> np.ndarray:
    return np.asarray(duurzaam_herstel) == 1


def dh_to_check_mask(dh_area: np.ndarray, duurzaam_herstel: np.ndarray) -> np.ndarray:
    """In the Duurzaam herstel area with the verdict undetermined."""
    return (np.asarray(dh_area) == 1) & (np.asarray(duurzaam_herstel) == -1)


def status_masks(
    *,
    decided_any: np.ndarray,
    claim_open: np.ndarray,
    has_final: np.ndarray,
    new_claim: np.ndarray,
    dh_area: np.ndarray,
    duurzaam_herstel: np.ndarray,
    handoff_running: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Per map class (but ``no_claim``), which objects meet its condition, lowest precedence
    first; an object can meet several. Boolean facts and three-valued verdict columns in."""
    new_claim = np.asarray(new_claim)
    masks = {
        "may_claim_again": np.asarray(decided_any, bool) & (new_claim == 1),
        "final": np.asarray(has_final, bool) & (new_claim != 1),
        "claim_open": np.asarray(claim_open, bool),
        "dh_to_check": dh_to_check_mask(dh_area, duurzaam_herstel),
        "dh_eligible": dh_eligible_mask(duurzaam_herstel),
    }
    if handoff_running is not None:
        masks["handoff_running"] = np.asarray(handoff_running, bool)
    return masks


def status_of_masks(masks: dict[str, np.ndarray], n: int) -> np.ndarray:
    """Status per object (object array): the class of highest precedence whose mask holds."""
    status = np.full(n, "no_claim", dtype=object)
    for code, mask in masks.items():
        status[mask] = code
    return status


def status_classes(**facts: np.ndarray | None) -> np.ndarray:
    """Status per object from the facts :func:`status_masks` takes."""
    return status_of_masks(status_masks(**facts), len(facts["decided_any"]))


_CODE = {True: 1, False: 0, None: -1, "pass": 1, "fail": 0, "unknown": -1}


def status_of_assessment(assessment, case, handoff_running: bool = False) -> str:
    """The status of one object from its per-case ``assessment`` (as the panel shows it) and
    its ``case`` (the claims as known on the assessment date)."""
    from domain.rules.facts import as_of_view

    seen = as_of_view(case, assessment.as_of)
    live = [c for c in seen.claims if not c.withdrawn]
    decided_any = any(c.is_physical_damage and c.decided is not None for c in live)
    claim_open = any(c.decided is None for c in live)
    new_claim = assessment.verdicts["new_claim"]
    dh = assessment.verdicts["duurzaam_herstel"]
    area = next((c.result for c in dh.conditions if c.id == "dh_area"), "fail")
    last_final: dt.date | None = new_claim.extra.get("last_final_decision")
    return str(
        status_classes(
            decided_any=np.array([decided_any]),
            claim_open=np.array([claim_open]),
            has_final=np.array([last_final is not None]),
            new_claim=np.array([_CODE[new_claim.outcome]]),
            dh_area=np.array([_CODE[area]]),
            duurzaam_herstel=np.array([_CODE[dh.outcome]]),
            handoff_running=np.array([handoff_running]),
        )[0]
    )
