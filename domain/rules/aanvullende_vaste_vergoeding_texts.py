"""Reasons for the aanvullende vaste vergoeding verdict, in Dutch and English."""

from __future__ import annotations

from domain.i18n import register

register(
    {
        "avv.earlier.pass": (
            "Voor dit object is eerder een vergoeding voor fysieke schade toegekend ({count}; de laatste: {claim}, uitgekeerd door {handler}).",
            "A compensation for physical damage to this object was awarded before ({count}; the latest: {claim}, paid by {handler}).",
        ),
        "avv.times.one": ("1 keer", "once"),
        "avv.times.many": ("{n} keer", "{n} times"),
        "avv.earlier.fail": (
            "Voor dit object is nog geen vergoeding voor fysieke schade toegekend door NAM, CVW, TCMG of IMG; er is niets aan te vullen.",
            "No compensation for physical damage to this object has been awarded by NAM, CVW, TCMG or IMG; there is nothing to top up.",
        ),
        "avv.earlier.unknown.handler": (
            "Niet bekend wie {claim} heeft afgehandeld; alleen vergoedingen van NAM, CVW, TCMG of IMG worden aangevuld. Vul de afhandelaar aan.",
            "It is not known who handled {claim}; only compensations paid by NAM, CVW, TCMG or IMG are topped up. Add the handler.",
        ),
        "avv.earlier.unknown.outcome": (
            "Over {claim} is besloten, maar de uitkomst is niet bekend; vul de uitkomst en het bedrag aan.",
            "A decision was taken on {claim}, but its outcome is not known; add the outcome and the amount.",
        ),
        "avv.cap.pass": (
            "Eerder ontvangen: {total}; dat is minder dan het maximum van {cap}, dus er kan {amount} worden aangevuld.",
            "Received before: {total}; that is less than the maximum of {cap}, so {amount} can be topped up.",
        ),
        "avv.cap.pass.nosize": (
            "Eerder ontvangen: {total}; dat is minder dan {small_cap}, dus er is iets aan te vullen. Hoeveel hangt af van of het een klein object is (maximum {small_cap}, anders {cap}); vul dat aan.",
            "Received before: {total}; that is less than {small_cap}, so there is something to top up. How much depends on whether it is a small object (maximum {small_cap}, otherwise {cap}); add that.",
        ),
        "avv.cap.fail": (
            "Eerder ontvangen: {total}; dat is al het maximum van {cap} of meer, dus er valt niets aan te vullen.",
            "Received before: {total}; that already reaches the maximum of {cap}, so there is nothing to top up.",
        ),
        "avv.cap.unknown.size": (
            "Eerder ontvangen: {total}; niet bekend of het een klein object is, dus niet te zeggen of dat onder het maximum ligt ({small_cap} voor een klein object, anders {cap}). Vul dat aan.",
            "Received before: {total}; it is not known whether this is a small object, so it cannot be said whether that is below the maximum ({small_cap} for a small object, otherwise {cap}). Add that.",
        ),
        "avv.cap.unknown.amount": (
            "Het bedrag van {claim} is niet bekend, dus het totaal van de eerdere vergoedingen is niet te bepalen; vul het bedrag aan.",
            "The amount of {claim} is not known, so the total of the earlier compensations cannot be set; add the amount.",
        ),
        "avv.cap.unknown.claims": (
            "Van {claim} is de afhandelaar of de uitkomst niet bekend, dus het totaal van de eerdere vergoedingen is niet te bepalen.",
            "For {claim} the handler or the outcome is not known, so the total of the earlier compensations cannot be set.",
        ),
        "avv.cap.none": (
            "Er is geen eerdere vergoeding, dus er is geen bedrag om aan te vullen.",
            "There is no earlier compensation, so there is no amount to top up.",
        ),
        "avv.holds.pass": (
            "De aanvrager is eigenaar (of heeft beklemrecht, opstal of erfpacht) op {day}.",
            "The applicant owns the object (or holds beklemrecht, building rights or leasehold) on {day}.",
        ),
        "avv.holds.former.pass": (
            "De aanvrager was eerder eigenaar van het object; sinds {start} kunnen ook oud-eigenaren de aanvullende vaste vergoeding krijgen.",
            "The applicant owned the object before; since {start} former owners can also get the supplementary fixed compensation.",
        ),
        "avv.holds.former.fail": (
            "De aanvrager is op {day} geen eigenaar meer; oud-eigenaren kunnen de aanvullende vaste vergoeding pas vanaf {start} krijgen.",
            "The applicant no longer owns the object on {day}; former owners can get the supplementary fixed compensation only from {start}.",
        ),
        "avv.holds.fail": (
            "De aanvrager is op {day} geen eigenaar van het object en was dat ook niet eerder; huur of een ander recht is niet genoeg.",
            "The applicant does not own the object on {day} and did not own it before; renting or another right is not enough.",
        ),
        "avv.holds.unknown": (
            "Niet vast te stellen of de aanvrager op {day} eigenaar of oud-eigenaar is; vul de aanvrager, het recht en de periode aan.",
            "It cannot be established whether the applicant owns or owned the object on {day}; add the applicant, the right and its period.",
        ),
        "avv.former_owner_source": (
            "Dat oud-eigenaren vanaf {start} meedoen is een benadering: het jaarplan van IMG noemt alleen dat de voorbereiding in 2026 begint.",
            "That former owners take part from {start} is an approximation: IMG's annual plan only says that the preparation starts in 2026.",
        ),
    }
)
