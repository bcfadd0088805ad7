"""What the quake catalogue covers, for rules that would rest on the absence of quakes.

A rule that fails because no quake was found can only say "no" for a period the catalogue
covers. Where the catalogue ends before the period the rule looks at, that condition is
``unknown`` with a reason naming the end date and how to update the catalogue.
"""

from __future__ import annotations

import datetime as dt

from domain.i18n import register
from domain.rules.facts import Case
from domain.rules.verdict import Text

register(
    {
        "rules.coverage.gap": (
            "De bevingscatalogus loopt tot en met {end}; bevingen van daarna zijn niet bekend, "
            "dus het ontbreken van een beving zegt hier nog niets. Lees een nieuwere catalogus "
            "in (imgschade import-catalog of update-catalog, of Nieuwe bevingen ophalen in QGIS).",
            "The quake catalogue runs up to {end}; quakes after that are not known, so the "
            "absence of a quake says nothing here yet. Import a newer catalogue (imgschade "
            "import-catalog or update-catalog, or Fetch new quakes in QGIS).",
        ),
        "rules.coverage.location": (
            "Geen locatievoorwaarde is gehaald met de bekende bevingen: {a}; {b}; {c}. {gap}",
            "No location condition is met with the known quakes: {a}; {b}; {c}. {gap}",
        ),
        "rules.coverage.dh_area": (
            "Het adres had {quakes} van ten minste {pgv} mm/s vóór {before} in de "
            "catalogus; minstens {min} is nodig. {gap}",
            "The address had {quakes} of at least {pgv} mm/s before {before} in the "
            "catalogue; at least {min} are needed. {gap}",
        ),
        "rules.coverage.known": ("bevingen bekend t/m {end}", "quakes known up to {end}"),
    }
)


def catalogue_gap(case: Case, needed_until: dt.date) -> dt.date | None:
    """The catalogue's end when it stops before ``needed_until`` (else None: covered or not
    stated)."""
    end = case.catalog_end
    return end if end is not None and end < needed_until else None


def gap_text(end: dt.date) -> Text:
    return Text("rules.coverage.gap", {"end": end})


def known_text(end: dt.date | None, lang: str | None = None) -> str:
    """The catalogue's end as a phrase, "bevingen bekend t/m 26 januari 2022" or "quakes known
    up to 26 January 2022"; empty when the end is not known."""
    from domain.i18n import current_language

    if end is None:
        return ""
    lang = lang or current_language()
    return Text("rules.coverage.known", {"end": end}).render(lang)
