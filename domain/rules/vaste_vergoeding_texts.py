"""Reasons for the vaste vergoeding verdict, in Dutch and English (kept apart: they are long)."""

from __future__ import annotations

from domain.i18n import register

register(
    {
        "vv.in_force.pass": (
            "De vaste vergoeding bestaat sinds {start}.",
            "The fixed compensation exists since {start}.",
        ),
        "vv.in_force.fail": (
            "Op {day} bestond de vaste vergoeding nog niet; die kan pas vanaf {start} worden aangevraagd.",
            "On {day} the fixed compensation did not exist yet; it can be requested from {start}.",
        ),
        "vv.first.pass": (
            "Er is nog geen schade gemeld voor dit object.",
            "No damage has been reported for this object yet.",
        ),
        "vv.first.switch": (
            "Er loopt alleen een eerste aanvraag voor maatwerk ({claim}); die kan mogelijk alsnog met een vaste vergoeding worden afgehandeld.",
            "Only a first request for a tailored assessment is running ({claim}); it may still be settled with the fixed compensation.",
        ),
        "vv.first.fail": (
            "Voor dit object is al eerder schade gemeld: {claim}. De vaste vergoeding is alleen voor de eerste melding.",
            "Damage was already reported for this object: {claim}. The fixed compensation is only for the first report.",
        ),
        "vv.natural.pass": (
            "De aanvrager is een natuurlijk persoon.",
            "The applicant is a natural person.",
        ),
        "vv.natural.fail": (
            "De aanvrager is een rechtspersoon (zoals een stichting of BV); alleen een natuurlijk persoon kan de vaste vergoeding krijgen.",
            "The applicant is a legal entity (such as a foundation or company); only a natural person can get the fixed compensation.",
        ),
        "vv.natural.unknown": (
            "Niet bekend of de aanvrager een natuurlijk persoon is; vul dit aan bij de eigenaren.",
            "It is not known whether the applicant is a natural person; add this to the owners.",
        ),
        "vv.holds.pass": (
            "De aanvrager is eigenaar (of heeft beklemrecht, opstal of erfpacht) bij de aanvraag op {applied} en op {day}.",
            "The applicant owns the object (or holds beklemrecht, building rights or leasehold) at the application on {applied} and on {day}.",
        ),
        "vv.holds.pass.day": (
            "De aanvrager is eigenaar (of heeft beklemrecht, opstal of erfpacht) op {day}.",
            "The applicant owns the object (or holds beklemrecht, building rights or leasehold) on {day}.",
        ),
        "vv.holds.fail.day": (
            "De aanvrager is op {day} niet de eigenaar van het object; huur of een ander recht is niet genoeg.",
            "The applicant does not own the object on {day}; renting or another right is not enough.",
        ),
        "vv.holds.unknown.day": (
            "Niet vast te stellen of de aanvrager op {day} eigenaar is; vul het recht en de periode aan.",
            "It cannot be established whether the applicant owns the object on {day}; add the right and its period.",
        ),
        "vv.holds.fail": (
            "De aanvrager is niet de eigenaar van het object bij de aanvraag op {applied} of op {day}; huur of een ander recht is niet genoeg.",
            "The applicant does not own the object at the application on {applied} or on {day}; renting or another right is not enough.",
        ),
        "vv.holds.unknown": (
            "Niet vast te stellen of de aanvrager eigenaar is bij de aanvraag op {applied} en op {day}; vul het recht en de periode aan.",
            "It cannot be established whether the applicant owns the object at the application on {applied} and on {day}; add the right and its period.",
        ),
        "vv.holds.decision": (
            "De aanvrager moet ook bij het besluit nog eigenaar zijn.",
            "The applicant must still own the object when the decision is taken.",
        ),
        "vv.consent.none": (
            "Er zijn geen mede-eigenaren, dus er is geen toestemming nodig.",
            "There are no co-owners, so no consent is needed.",
        ),
        "vv.consent.pass": (
            "Alle mede-eigenaren ({count}) hebben toestemming gegeven.",
            "All co-owners ({count}) have given their consent.",
        ),
        "vv.consent.fail": (
            "Niet alle mede-eigenaren hebben toestemming gegeven; zonder hun toestemming kan de aanvraag niet door.",
            "Not all co-owners have given their consent; without it the application cannot proceed.",
        ),
        "vv.consent.unknown": (
            "Van een of meer mede-eigenaren is niet bekend of zij toestemming geven.",
            "For one or more co-owners it is not known whether they consent.",
        ),
        "vv.loc.a.pass": (
            "Het object ligt in het effectgebied: {quake} was na het bouwjaar {year} en gaf ten minste {threshold} mm/s.",
            "The object lies in the effect area: {quake} came after the construction year {year} and gave at least {threshold} mm/s.",
        ),
        "vv.loc.a.pass.owned": (
            "Het object ligt in het effectgebied: {quake} was na het bouwjaar {year}, in de tijd dat de aanvrager eigenaar was, en gaf ten minste {threshold} mm/s.",
            "The object lies in the effect area: {quake} came after the construction year {year}, while the applicant owned it, and gave at least {threshold} mm/s.",
        ),
        "vv.loc.b.pass": (
            "Het object ligt in een gebied waar diepe bodemdaling indirect schade kan veroorzaken.",
            "The object lies in an area where deep subsidence can indirectly cause damage.",
        ),
        "vv.loc.c.pass": (
            "Het object ligt buiten het effectgebied en buiten de bodemdalingsgebieden, maar binnen 6 km van het Groningenveld of de gasopslag Norg of Grijpskerk, en is gebouwd vóór {limit}.",
            "The object lies outside the effect area and the subsidence areas, but within 6 km of the Groningen field or the Norg or Grijpskerk gas storage, and was built before {limit}.",
        ),
        "vv.loc.fail": (
            "Het object voldoet aan geen van de locatievoorwaarden: {a}; {b}; {c}.",
            "The object meets none of the location conditions: {a}; {b}; {c}.",
        ),
        "vv.loc.unknown": (
            "Nog niet te bepalen of het object op een plek ligt waar de vaste vergoeding geldt: {a}; {b}; {c}.",
            "It cannot yet be decided whether the object lies where the fixed compensation applies: {a}; {b}; {c}.",
        ),
        "vv.loc.a.noquake": (
            "er was geen beving van ten minste {threshold} mm/s bij het object",
            "no quake gave at least {threshold} mm/s at the object",
        ),
        "vv.loc.a.before": (
            "de bevingen van ten minste {threshold} mm/s waren niet na het bouwjaar {year}",
            "the quakes of at least {threshold} mm/s were not after the construction year {year}",
        ),
        "vv.loc.a.notowned": (
            "de bevingen van ten minste {threshold} mm/s waren niet na het bouwjaar en in de eigendomsperiode van de aanvrager",
            "the quakes of at least {threshold} mm/s were not after the construction year and within the applicant's ownership",
        ),
        "vv.loc.a.noexposure": (
            "de trillingen bij het object zijn niet berekend",
            "the vibrations at the object have not been computed",
        ),
        "vv.loc.a.noyear": ("het bouwjaar is niet bekend", "the construction year is not known"),
        "vv.loc.a.noperiod": (
            "de eigendomsperiode van de aanvrager is niet bekend",
            "the applicant's ownership period is not known",
        ),
        "vv.loc.b.fail": (
            "het ligt niet in een bodemdalingsgebied",
            "it does not lie in a subsidence area",
        ),
        "vv.loc.b.unknown": (
            "niet bekend of het in een bodemdalingsgebied ligt",
            "it is not known whether it lies in a subsidence area",
        ),
        "vv.loc.c.inside": (
            "de 6 km-regel geldt alleen buiten het effectgebied en de bodemdalingsgebieden",
            "the 6 km rule applies only outside the effect area and the subsidence areas",
        ),
        "vv.loc.c.depends": (
            "de 6 km-regel geldt alleen als het object buiten het effectgebied en de bodemdalingsgebieden blijkt te liggen",
            "the 6 km rule applies only if the object turns out to lie outside the effect area and the subsidence areas",
        ),
        "vv.loc.c.far": (
            "het ligt niet binnen 6 km van het Groningenveld of de gasopslagen",
            "it does not lie within 6 km of the Groningen field or the gas storages",
        ),
        "vv.loc.c.new": (
            "het is gebouwd in {year}, niet vóór {limit}",
            "it was built in {year}, not before {limit}",
        ),
        "vv.loc.c.nozone": (
            "niet bekend of het binnen 6 km van het Groningenveld of de gasopslagen ligt",
            "it is not known whether it lies within 6 km of the Groningen field or the gas storages",
        ),
        "vv.limit.pass": (
            "De aanvrager deed eerder {count} aanvragen voor vaste vergoeding of herstel; minder dan {max} is toegestaan.",
            "The applicant made {count} earlier applications for fixed compensation or repair; fewer than {max} is allowed.",
        ),
        "vv.limit.none": (
            "De aanvrager deed nog geen eerdere aanvraag voor vaste vergoeding of herstel; minder dan {max} is toegestaan.",
            "The applicant made no earlier application for fixed compensation or repair; fewer than {max} is allowed.",
        ),
        "vv.limit.fail": (
            "De aanvrager deed al {count} aanvragen voor vaste vergoeding of herstel; dat kan voor hoogstens {max} objecten.",
            "The applicant already made {count} applications for fixed compensation or repair; this is possible for at most {max} objects.",
        ),
        "vv.limit.unknown": (
            "Niet bekend hoeveel aanvragen de aanvrager eerder deed; dat moeten er minder dan {max} zijn.",
            "It is not known how many applications the applicant made before; it must be fewer than {max}.",
        ),
        "vv.whole.pass": (
            "De aanvraag gaat over het hele object.",
            "The application covers the whole object.",
        ),
        "vv.whole.fail": (
            "De aanvraag gaat niet over het hele object; de vaste vergoeding kan alleen voor een volledig object.",
            "The application does not cover the whole object; the fixed compensation is only for a complete object.",
        ),
        "vv.whole.unknown": (
            "Niet bekend of de aanvraag over het hele object gaat.",
            "It is not known whether the application covers the whole object.",
        ),
        "vv.situation.A": (
            "Keuzehulp van IMG: situatie A, want de sterkste beving gaf {pgv} mm/s ({threshold} mm/s of meer).",
            "IMG's choice aid: situation A, because the strongest quake gave {pgv} mm/s ({threshold} mm/s or more).",
        ),
        "vv.situation.B": (
            "Keuzehulp van IMG: situatie B, want de sterkste beving gaf {pgv} mm/s (van {low} tot {threshold} mm/s).",
            "IMG's choice aid: situation B, because the strongest quake gave {pgv} mm/s (from {low} to {threshold} mm/s).",
        ),
        "vv.subsidence.settlement": (
            "In een bodemdalingsgebied wordt alleen zettings- en verzakkingsschade aangenomen, omdat het gebouw niet bijzonder kwetsbaar is.",
            "In a subsidence area only settlement damage is presumed, because the building is not especially vulnerable.",
        ),
        "vv.subsidence.kwetsbaar": (
            "Het gebouw is bijzonder kwetsbaar (gebouwd vóór {year}, met een bijzondere constructie en ten minste {pgv} mm/s), dus ook andere schade dan zetting wordt aangenomen.",
            "The building is especially vulnerable (built before {year}, with a special structure and at least {pgv} mm/s), so damage other than settlement is presumed too.",
        ),
        "vv.subsidence.unknown": (
            "In een bodemdalingsgebied wordt alleen zettingsschade aangenomen, tenzij het gebouw bijzonder kwetsbaar is (gebouwd vóór {year}, bijzondere constructie, ten minste {pgv} mm/s); dat is nog niet te bepalen.",
            "In a subsidence area only settlement damage is presumed unless the building is especially vulnerable (built before {year}, special structure, at least {pgv} mm/s); that cannot be decided yet.",
        ),
    }
)
