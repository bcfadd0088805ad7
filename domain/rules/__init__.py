"""The rules engine: verdicts with reasons, as of any date.

Rules take plain facts (a list of shakings per object, claims, owners, flags) and never compute
ground motion themselves. Every threshold comes from :mod:`domain.policy`.
"""

from domain.rules.assess import VERDICT_NAMES, Assessment, assess
from domain.rules.batch import BatchResult, ClaimTable, ObjectTable, assess_many
from domain.rules.facts import (
    BuildingObject,
    Case,
    Claim,
    DHFacts,
    Objection,
    Ownership,
    RuleSettings,
    Shaking,
    as_of_view,
)
from domain.rules.records import case_from_record
from domain.rules.verdict import FAIL, PASS, UNKNOWN, Condition, Note, Verdict

__all__ = [
    "FAIL",
    "PASS",
    "UNKNOWN",
    "VERDICT_NAMES",
    "Assessment",
    "BatchResult",
    "ClaimTable",
    "ObjectTable",
    "BuildingObject",
    "Case",
    "Claim",
    "Condition",
    "DHFacts",
    "Note",
    "Objection",
    "Ownership",
    "RuleSettings",
    "Shaking",
    "Verdict",
    "as_of_view",
    "assess",
    "assess_many",
    "case_from_record",
]
