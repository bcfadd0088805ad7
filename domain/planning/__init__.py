"""Door-to-door planning for municipalities and the regional overview for planners.

A start area (startgebied) is walked address by address: who never claimed, who may claim
again, who is overdue. Situations come from the batch rules (``domain.rules.assess_many``);
this package only selects, orders (walking route) and exports them.
"""

from __future__ import annotations

from domain.planning.export import route_geopackage, visits_csv, visits_xlsx
from domain.planning.overview import (
    COLUMNS,
    Overview,
    ScenarioQuake,
    overview_csv,
    regional_overview,
)
from domain.planning.route import Route, path_length, walking_order
from domain.planning.visits import SITUATIONS, VisitList, VisitRow, visit_list

__all__ = [
    "COLUMNS",
    "SITUATIONS",
    "Overview",
    "Route",
    "ScenarioQuake",
    "VisitList",
    "VisitRow",
    "overview_csv",
    "path_length",
    "regional_overview",
    "route_geopackage",
    "visit_list",
    "visits_csv",
    "visits_xlsx",
    "walking_order",
]
