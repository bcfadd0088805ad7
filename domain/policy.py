"""Every threshold, amount and date the rules use, each with its source and validity.

A policy change is one edit here. Each number is a :class:`Parameter` so the product can say
where a number comes from and since when it holds; ``PARAMETERS`` lists them all for the
settings page and the documentation. Settings a user may change (component, exceedance,
location window) have their default here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

SRC_VASTE_VERGOEDING = "IMG, webpagina 'Vaste vergoeding' (voorwaarden en veelgestelde vragen)"
SRC_TRILLINGSTOOL = "IMG trillingstool: Bommer e.a., 1% overschrijdingskans"
SRC_GMPE = "Bommer e.a. (2021 rapport / 2022 artikel), PGV-model Groningen"
SRC_DH = "Kamerbrief Duurzaam herstel (2026); IMG jaarplan 2026"
SRC_JAARPLAN = "IMG jaarplan 2026"
SRC_DH_PILOT_DOSSIERS = (
    "Kamerbrief Duurzaam herstel (2026): bestaande pilotdossiers worden afgemaakt "
    "met het verhoogde maximumbedrag"
)
SRC_IVS = "Tussenrapportage Interventieteam Vastgelopen Situaties (2021)"
SRC_WET = "Tijdelijke wet Groningen: wettelijk bewijsvermoeden"
SRC_KEUZEHULP = (
    "IMG keuzehulp vaste vergoeding (volgens de domeinbeschrijving; "
    "niet bevestigd in de bronteksten)"
)


@dataclass(frozen=True)
class Parameter:
    """One policy number with where it comes from and when it holds."""

    name: str
    value: Any
    unit: str
    source: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    note: str = ""

    def in_force(self, on: dt.date) -> bool:
        after_start = self.valid_from is None or on >= self.valid_from
        before_end = self.valid_until is None or on < self.valid_until
        return after_start and before_end


PARAMETERS: dict[str, Parameter] = {}


def _p(name: str, value: Any, unit: str, source: str, **kw: Any) -> Any:
    PARAMETERS[name] = Parameter(name, value, unit, source, **kw)
    return value


# --- ground motion -------------------------------------------------------------------------
DEFAULT_COMPONENT = _p(
    "default_component",
    "larger",
    "",
    SRC_TRILLINGSTOOL,
    note="Aanname: welke component IMG gebruikt staat niet in de bronnen; instelbaar.",
)
DEFAULT_EXCEEDANCE = _p("default_exceedance", 0.01, "probability", SRC_TRILLINGSTOOL)
DEFAULT_VS30_M_S = _p("default_vs30", 200.0, "m/s", SRC_GMPE)
DEFAULT_DEPTH_KM = _p("default_depth", 3.0, "km", SRC_GMPE, note="Bij ontbrekende diepte.")
GMPE_MODEL_VERSION = _p("gmpe_model_version", "bommer2022", "", SRC_GMPE)
#: pairs below this PGV are not kept per event (sparse exposure list)
EXPOSURE_FLOOR_MM_S = _p("exposure_floor", 0.5, "mm/s", "productkeuze: ondergrens per-beving lijst")

#: thresholds are compared with the PGV as it is shown (two decimals, as the panel's quake
#: table shows it), so a text never says "5,0 mm/s; that is more than 5 mm/s"
PGV_DECIMALS = _p(
    "pgv_decimals",
    2,
    "decimals",
    "productkeuze: één afrondingsregel voor tekst en drempels",
    note="Een PGV wordt afgerond (half naar boven) op zoveel decimalen getoond én zo met elke "
    "drempel vergeleken.",
)


def pgv_rounded(pgv_mm_s: Any) -> Any:
    """The PGV as shown and as compared with every threshold: half up to PGV_DECIMALS.

    Works on one number and on a numpy array alike (the batch rules pass arrays).
    """
    import numpy as np

    scale = 10**PGV_DECIMALS
    # a tiny epsilon absorbs binary fractions such as 4.95 stored as 4.94999...
    out = np.floor(np.asarray(pgv_mm_s, dtype=float) * scale + 0.5 + 1e-9) / scale
    return float(out) if out.ndim == 0 else out


def pgv_lowest_shown_as(threshold: float) -> float:
    """The smallest PGV that is shown as (and so compared as) ``threshold``: half a step below."""
    return threshold - 0.5 * 10.0**-PGV_DECIMALS


def pgv_at_least(pgv_mm_s: Any, threshold: float) -> Any:
    """PGV reaches ``threshold`` (>=) as shown."""
    return pgv_rounded(pgv_mm_s) >= threshold


def pgv_above(pgv_mm_s: Any, threshold: float) -> Any:
    """PGV exceeds ``threshold`` (strictly >) as shown."""
    return pgv_rounded(pgv_mm_s) > threshold


# --- counting sources ----------------------------------------------------------------------
COUNTING_SOURCES = _p(
    "counting_sources",
    ("Groningen", "Norg", "Grijpskerk"),
    "",
    SRC_VASTE_VERGOEDING,
    note="Alleen bevingen door het Groningenveld en de gasopslagen Norg en Grijpskerk tellen.",
)
SOURCE_ATTRIBUTION_BUFFER_M = _p(
    "source_attribution_buffer",
    2000.0,
    "m",
    "productkeuze",
    note="Epicentrum binnen bronomtrek plus deze marge telt, als de catalogus geen veld noemt.",
)

# --- areas ---------------------------------------------------------------------------------
EFFECT_AREA_PGV_MM_S = _p("effect_area_pgv", 2.0, "mm/s", SRC_VASTE_VERGOEDING)  # >=
ZONE_6KM_M = _p("zone_6km", 6000.0, "m", SRC_VASTE_VERGOEDING)
ZONE_6KM_BUILT_BEFORE_YEAR = _p("zone_6km_built_before", 2013, "year", SRC_VASTE_VERGOEDING)  # <
EFFECT_AREA_GRID_M = _p("effect_area_grid", 100.0, "m", "productkeuze: rastercel voor contouren")

# --- vaste vergoeding ----------------------------------------------------------------------
VASTE_VERGOEDING_FROM = _p(
    "vaste_vergoeding_from",
    dt.date(2021, 11, 1),
    "date",
    SRC_VASTE_VERGOEDING,
)
VASTE_VERGOEDING_EUR = _p("vaste_vergoeding_amount", 10_000, "EUR", SRC_VASTE_VERGOEDING)
VASTE_VERGOEDING_SMALL_EUR = _p("vaste_vergoeding_small_amount", 5_000, "EUR", SRC_VASTE_VERGOEDING)
# --- aanvullende vaste vergoeding (top-up of earlier payments) ------------------------------
AVV_CAP_EUR = _p(
    "avv_cap",
    10_000,
    "EUR",
    SRC_JAARPLAN,
    note="Eerder ontvangen vergoedingen worden aangevuld tot maximaal dit bedrag.",
)
AVV_CAP_SMALL_EUR = _p(
    "avv_cap_small", 5_000, "EUR", SRC_JAARPLAN, note="Kleine gebouwen/objecten."
)
#: who may have paid the earlier compensation ("het maakt niet uit of ... NAM, CVW, TCMG of IMG")
CLAIM_HANDLERS = _p("claim_handlers", ("NAM", "CVW", "TCMG", "IMG"), "", SRC_JAARPLAN)
#: schemes only IMG has run (its own regelingen since 2020): a claim under one of them was handled
#: and paid by IMG even where the record does not say so; maatwerk was also NAM's, CVW's, TCMG's
IMG_ONLY_SCHEMES = _p(
    "img_only_schemes",
    (
        "vaste_vergoeding",
        "aanvullende_vaste_vergoeding",
        "herstel_eigen_aannemer",
        "herstel_aannemer_img",
        "duurzaam_herstel",
        "vaste_herhaalvergoeding",
    ),
    "",
    SRC_JAARPLAN,
)
#: awards that are no compensation for damage, so never an "eerder ontvangen vergoeding" to top
#: up: the Duurzaam herstel subsidy pays for a structural defect that gas extraction did not
#: cause ("dat valt onder de reguliere schadeafhandeling" is the damage itself; Kamerbrief)
AVV_NOT_A_PAYMENT_SCHEMES = _p(
    "avv_not_a_payment_schemes",
    ("duurzaam_herstel",),
    "",
    SRC_DH,
    note="Duurzaam herstel is een subsidie voor een gebrek dat niet door de gaswinning komt.",
)
AVV_FORMER_OWNERS_FROM = _p(
    "avv_former_owners_from",
    dt.date(2026, 1, 1),
    "date",
    SRC_JAARPLAN,
    note="Benadering: het jaarplan zegt 'in 2026 starten we met de voorbereidingen' om de "
    "vergoeding ook voor oud-eigenaren beschikbaar te stellen; de precieze datum staat niet in de "
    "bron. Pas aan zodra IMG de openstelling bekendmaakt.",
)
MAX_PRIOR_APPLICATIONS = _p(
    "max_prior_applications",
    3,
    "count",
    SRC_VASTE_VERGOEDING,
    note="Minder dan drie eerdere aanvragen (vaste vergoeding of herstel) is toegestaan.",
)
HOLDING_RIGHTS = _p(
    "holding_rights",
    ("eigendom", "beklemrecht", "opstal", "erfpacht"),
    "",
    SRC_VASTE_VERGOEDING,
)
LOCATION_WINDOW = _p(
    "location_window",
    "since_construction",
    "",
    SRC_VASTE_VERGOEDING,
    note="'since_construction' (na het bouwjaar) of 'during_ownership' (zoals de FAQ het zegt).",
)
LOCATION_WINDOWS = ("since_construction", "during_ownership")
SITUATION_A_PGV_MM_S = _p("situation_a_pgv", 8.5, "mm/s", SRC_KEUZEHULP, note="Keuzehulp: A >= 8,5")
NULMETING_PGV_MM_S = _p("nulmeting_pgv", 5.0, "mm/s", SRC_VASTE_VERGOEDING)  # >=
KWETSBAAR_BUILT_BEFORE_YEAR = _p("kwetsbaar_built_before", 1970, "year", SRC_KEUZEHULP)
KWETSBAAR_PGV_MM_S = _p("kwetsbaar_pgv", 1.6, "mm/s", SRC_KEUZEHULP)

# --- finality: new claim after a final decision --------------------------------------------
REOPEN_PGV_MM_S = _p("reopen_pgv", 5.0, "mm/s", SRC_VASTE_VERGOEDING)  # strictly >
MAATWERK_FINALITY_FROM: dt.date | None = _p(
    "maatwerk_finality_from",
    None,
    "date",
    SRC_JAARPLAN,
    note="Finaliteit voor maatwerk start met de generieke intake; datum nog niet bekend.",
)
VASTE_HERHAALVERGOEDING_FROM = _p(
    "vaste_herhaalvergoeding_from", dt.date(2026, 1, 1), "date", SRC_JAARPLAN
)

# --- Duurzaam herstel ----------------------------------------------------------------------
DH_POLICY_FROM = _p("dh_policy_from", dt.date(2026, 1, 1), "date", SRC_DH)
DH_PGV_MM_S = _p("dh_pgv", 5.0, "mm/s", SRC_DH)  # >=
DH_MIN_QUAKES = _p("dh_min_quakes", 4, "count", SRC_DH)  # >=
DH_QUAKES_BEFORE = _p("dh_quakes_before", dt.date(2026, 1, 1), "date", SRC_DH)  # strictly before
DH_D3_MIN_EUR = _p("dh_d3_min", 5_000, "EUR", SRC_DH, valid_from=dt.date(2026, 1, 1))  # >=
DH_MAX_CONTRIBUTION_EUR = _p(
    "dh_max_contribution", 500_000, "EUR", SRC_DH, valid_from=dt.date(2026, 1, 1)
)
DH_PILOT_MIN_DAMAGE_EUR = _p(
    "dh_pilot_min_damage",
    15_000,
    "EUR",
    SRC_DH,
    valid_until=dt.date(2026, 1, 1),
    note="Pilot: ten minste 15.000 euro aan erkende schade.",
)
DH_PILOT_MAX_CONTRIBUTION_EUR = _p(
    "dh_pilot_max_contribution",
    125_000,
    "EUR",
    SRC_DH,
    valid_until=dt.date(2026, 1, 1),
)
DH_PILOT_PLACES = _p("dh_pilot_places", ("Appingedam", "Ten Boer", "Loppersum"), "", SRC_DH)

# --- deadlines -----------------------------------------------------------------------------
TERM_WEEKS_SHORT = _p("term_weeks_short", 8, "weeks", SRC_JAARPLAN)
TERM_WEEKS_LONG = _p("term_weeks_long", 26, "weeks", SRC_JAARPLAN)
SHORT_TERM_SCHEMES = (
    "vaste_vergoeding",
    "aanvullende_vaste_vergoeding",
    "ims",
    "waardedaling",
    "vaste_herhaalvergoeding",
)
LONG_TERM_SCHEMES = (
    "maatwerk",
    "herstel_eigen_aannemer",
    "herstel_aannemer_img",
    "duurzaam_herstel",
)
AOS_INSPECT_HOURS = _p("aos_inspect_hours", 24, "hours", SRC_JAARPLAN)
AOS_SAFE_HOURS = _p("aos_safe_hours", 48, "hours", SRC_JAARPLAN)

# --- hand-off suggestion -------------------------------------------------------------------
HANDOFF_MIN_SIGNALS = _p(
    "handoff_min_signals",
    2,
    "count",
    SRC_IVS,
    note="Een overdracht wordt voorgesteld (nooit besloten) als zoveel signalen samenkomen.",
)
HANDOFF_MANY_CLAIMS = _p("handoff_many_claims", 3, "count", SRC_IVS)  # >= claims on one object

# --- ground motion: catalogue checks and the live event service ----------------------------
CATALOG_ML_RANGE = _p(
    "catalog_ml_range",
    (-2.0, 7.0),
    "ML",
    "productkeuze: plausibele magnitudes voor geïnduceerde bevingen in Nederland",
)
CATALOG_DEPTH_RANGE_KM = _p(
    "catalog_depth_range",
    (0.0, 10.0),
    "km",
    "productkeuze: plausibele diepte voor geïnduceerde bevingen in Nederland",
)
NL_RD_BOUNDS_M = _p(
    "nl_rd_bounds",
    (-7000.0, 289000.0, 300000.0, 640000.0),
    "m (xmin, ymin, xmax, ymax)",
    "geldigheidsgebied RD New (EPSG:28992), incl. Waddenzee",
)
FDSN_EVENT_URL = _p(
    "fdsn_event_url",
    "https://rdsa.knmi.nl/fdsnws/event/1/query",
    "",
    "KNMI FDSN event service",
)
FDSN_PAGE_SIZE = _p("fdsn_page_size", 1000, "events", "productkeuze: pagina-grootte (limit)")
FDSN_TIMEOUT_S = _p("fdsn_timeout", 60.0, "s", "productkeuze: een koude vraag duurt ~15 s")
FDSN_RETRIES = _p("fdsn_retries", 3, "count", "productkeuze: herhaalpogingen bij netwerkfouten")

# --- map background ---------------------------------------------------------------------------
BACKGROUND_WMTS_URL = _p(
    "background_wmts_url",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0?request=GetCapabilities&service=WMTS",
    "",
    "PDOK, BRT-Achtergrondkaart WMTS v2_0 (capabilities; laag 'grijs', EPSG:28992)",
)
BACKGROUND_TIMEOUT_S = _p(
    "background_timeout",
    5.0,
    "s",
    "productkeuze: zo lang wacht de bereikbaarheidscheck; daarna geen achtergrond",
)
CATALOG_UPDATE_OVERLAP_DAYS = _p(
    "catalog_update_overlap",
    7,
    "days",
    "productkeuze: update-catalog vraagt de bevingsdienst vanaf de laatste opgeslagen beving "
    "min deze marge, zodat een laat verwerkte beving niet wordt gemist",
    note="Bevingen die er al staan (zelfde event-id) worden overgeslagen.",
)

# --- rules engine: scheme periods, claim kinds, hand-off mapping ------------------------------
DH_PILOT_FROM = _p(
    "dh_pilot_from",
    dt.date(2023, 7, 1),
    "date",
    SRC_DH,
    valid_until=dt.date(2026, 1, 1),
    note="Benadering: de pilot startte 'in de zomer van 2023'; exacte datum niet in de bron.",
)
DH_PILOT_AREA_EXTENDED_FROM = _p(
    "dh_pilot_area_extended_from",
    dt.date(2024, 1, 1),
    "date",
    SRC_DH,
    valid_until=dt.date(2026, 1, 1),
    note="Benadering: 'in 2024' uitgebreid naar het werkgebied van de versterking (NCG).",
)
SCHEMES = (
    "vaste_vergoeding",
    "aanvullende_vaste_vergoeding",
    "maatwerk",
    "herstel_eigen_aannemer",
    "herstel_aannemer_img",
    "duurzaam_herstel",
    "vaste_herhaalvergoeding",
    "ims",
    "waardedaling",
    "aos",
)
#: schemes that are a report of physical damage to the object (count for "first report")
PHYSICAL_DAMAGE_SCHEMES = _p(
    "physical_damage_schemes",
    (
        "vaste_vergoeding",
        "aanvullende_vaste_vergoeding",
        "maatwerk",
        "herstel_eigen_aannemer",
        "herstel_aannemer_img",
        "duurzaam_herstel",
        "vaste_herhaalvergoeding",
    ),
    "",
    SRC_VASTE_VERGOEDING,
    note="Immateriële schade, waardedaling en AOS-meldingen zijn geen schademelding aan het object.",
)
#: fixed compensations whose decision settles all damage present then (finality)
FINAL_SCHEMES = _p(
    "final_schemes",
    ("vaste_vergoeding", "aanvullende_vaste_vergoeding", "vaste_herhaalvergoeding"),
    "",
    SRC_VASTE_VERGOEDING,
    note="Aanname: de vaste herhaalvergoeding is net als de vaste vergoeding finaal.",
)
#: "toegewezen" is accepted as a synonym of "toegekend" (the claims importer writes it)
CLAIM_OUTCOMES = ("toegekend", "deels_toegekend", "afgewezen", "ingetrokken", "toegewezen")
WITHDRAWN_OUTCOME = "ingetrokken"
AWARDED_OUTCOMES = ("toegekend", "deels_toegekend", "toegewezen")
#: hand-off signals about a stuck process go to IVS; the others (individual hardship) to CBS
HANDOFF_IVS_SIGNALS = _p(
    "handoff_ivs_signals",
    ("case_overdue", "objection_pending", "samenloop"),
    "",
    SRC_IVS,
    note="Productkeuze: vastgelopen proces -> IVS; individuele schrijnende situatie -> CBS.",
)
HANDOFF_REPEATED_DAMAGE_CLAIMS = _p(
    "handoff_repeated_damage_claims",
    2,
    "count",
    SRC_DH,
    note="Productkeuze: 'herhaalde schade' = ten minste zoveel schademeldingen op het object.",
)

# --- hand-off to IVS or CBS ----------------------------------------------------------------
HANDOFF_NARRATIVE_MIN_CHARS = _p(
    "handoff_narrative_min_chars",
    30,
    "characters",
    "productkeuze: een overdracht zonder uitleg kan het ontvangende team niet beoordelen",
)

# --- store ---------------------------------------------------------------------------------
STORE_EXPOSURE_FLOOR_MM_S = _p(
    "store_exposure_floor",
    1.6,
    "mm/s",
    "productkeuze: kleinste drempel die een regel gebruikt (bijzonder kwetsbaar, 1,6 mm/s)",
    note="Per object en beving worden alleen trillingen vanaf deze waarde opgeslagen; zo blijft "
    "een opslag van 500.000 objecten klein, en geen regel mist een beving.",
)
STORE_BUSY_TIMEOUT_S = _p(
    "store_busy_timeout",
    3.0,
    "s",
    "productkeuze: zo lang wacht een GeoPackage-opslag op een ander programma dat schrijft",
    note="Daarna volgt de melding 'opslag bezet, probeer het zo opnieuw' in plaats van wachten.",
)
STORE_LOCK_TIMEOUT_S = _p(
    "store_lock_timeout",
    3.0,
    "s",
    "productkeuze: zo lang wacht een PostGIS-opslag op gegevens die een ander wijzigt",
    note="PostgreSQL lock_timeout; daarna de melding 'opslag bezet', er is niets opgeslagen.",
)
BAG_SMALL_OBJECT_MAX_M2 = _p(
    "bag_small_object_max_m2",
    30,
    "m2",
    "productkeuze (aanname): klein object bij BAG-oppervlakte onder deze waarde",
    note="De bronnen geven geen oppervlaktegrens voor 'klein object'; pas aan zodra die bekend is.",
)

# --- importing vector files (BAG, parcels, areas) ------------------------------------------
RD_NEW_BOUNDS_M = _p(
    "rd_new_bounds",
    (-7000.0, 289000.0, 300000.0, 629000.0),
    "m (x min, y min, x max, y max in EPSG:28992)",
    "EPSG:28992 (RD New), gebruiksgebied: Nederland op land en de kustwateren",
    note="Een geometrie buiten dit vak ligt niet in Nederland: dan is het coördinatenstelsel "
    "van het bestand vrijwel zeker verkeerd opgegeven (bijv. graden als RD-meters).",
)
PARCEL_NUMBER_MAX = _p(
    "parcel_number_max",
    99999,
    "",
    "BRK: het perceelnummer telt ten hoogste vijf cijfers",
)
BAG_HOUSE_NUMBER_MAX = _p(
    "bag_house_number_max",
    99999,
    "",
    "BAG catalogus: huisnummer is een geheel getal van 1 tot en met 99999",
)
BAG_YEAR_MIN = _p(
    "bag_year_min", 1000, "year", "productkeuze: oudere bouwjaren zijn vrijwel zeker een fout"
)
BAG_YEAR_AHEAD = _p(
    "bag_year_ahead",
    5,
    "years",
    "productkeuze: een bouwjaar ligt hoogstens zoveel jaar na vandaag (vergunde nieuwbouw)",
)

# --- official boundaries (CBS gebiedsindelingen, PC4) --------------------------------------
BOUNDARY_REGION_BBOX_M = _p(
    "boundary_region_bbox",
    (200000.0, 535000.0, 285000.0, 620000.0),
    "m (x min, y min, x max, y max in EPSG:28992)",
    "productkeuze: ruim vak om de provincie Groningen en de gasopslag Norg (Drenthe), op 5 km "
    "afgerond; bevat het Groningenveld (TNO-omtrek: x 233-268 km, y 568-613 km)",
    note="Een landelijk grenzenbestand houdt alleen de vlakken die dit vak raken (of, als de "
    "opslag een geïmporteerde veldomtrek heeft, die omtrek plus de marge hieronder), plus het "
    "vak om de objecten van de opslag; zo blijft de opslag klein.",
)
BOUNDARY_REGION_MARGIN_M = _p(
    "boundary_region_margin",
    10000.0,
    "m",
    "productkeuze: ruim boven de 6 km-zone rond de bronnen",
    note="Marge om de geïmporteerde omtrekken van de bronnen bij het kiezen van de grenzen die "
    "een import bewaart.",
)

# --- scenario quake (what-if) --------------------------------------------------------------
SCENARIO_ML_RANGE = _p(
    "scenario_ml_range",
    (0.5, 7.0),
    "ML",
    "productkeuze: van nauwelijks voelbaar tot ruim boven de sterkste Groningse beving (ML 3,6)",
    note="Grenzen van de invoer voor een scenario-beving, in elk venster en in Processing.",
)
SCENARIO_ML_DEFAULT = _p(
    "scenario_ml_default", 3.0, "ML", "productkeuze: startwaarde van de invoer"
)
SCENARIO_DEPTH_RANGE_KM = _p(
    "scenario_depth_range",
    (0.1, 30.0),
    "km",
    "productkeuze: ruime grenzen rond de reservoirdiepte van ongeveer 3 km",
)

# --- importing CSV files (claims, ownerships) and earthquake catalogues --------------------
CLAIM_AMOUNT_MAX_EUR = _p(
    "claim_amount_max",
    25_000_000,
    "EUR",
    "productkeuze: ruim boven het grootste bekende bedrag voor één object (agrarisch complex)",
    note="Een groter bedrag in een import is vrijwel zeker een fout (centen als euro's, een "
    "verschoven kolom) en wordt geweigerd met de rij erbij.",
)
CLAIM_DATE_MIN = _p(
    "claim_date_min",
    dt.date(1986, 1, 1),
    "date",
    "KNMI: de eerste geïnduceerde beving in Nederland (Assen, december 1986)",
    note="Een schademelding of besluit van vóór dit jaar kan niet over mijnbouwschade gaan.",
)
OWNERSHIP_DATE_RANGE = _p(
    "ownership_date_range",
    (dt.date(1800, 1, 1), dt.date(2199, 12, 31)),
    "date",
    "productkeuze: kadastrale rechten (ook erfpacht met een einddatum ver vooruit)",
)
CATALOG_TIME_MIN = _p(
    "catalog_time_min",
    dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc),
    "UTC",
    "productkeuze: vóór het instrumentele tijdperk bestaan geen bevingen met een ML in de lijst",
    note="Een beving na het moment van importeren wordt ook geweigerd.",
)
# --- time zones and what a catalogue covers ------------------------------------------------
DUTCH_TIME_ZONE = _p(
    "dutch_time_zone",
    "Europe/Amsterdam",
    "IANA",
    "IMG: besluit-, bouw- en beleidsdata zijn Nederlandse kalenderdagen",
    note="Een beving houdt haar UTC-moment; de regels vergelijken haar datum in deze zone.",
)
CATALOG_DEFAULT_TIME_ZONE = _p(
    "catalog_default_time_zone",
    "UTC",
    "IANA",
    "KNMI: FDSN-tekst, QuakeML en all_induced.csv geven UTC; alleen de Groningen-export "
    "staat in Nederlandse tijd",
    note="Voor indelingen zonder eigen tijdzone (de landelijke datumlijst, all_induced.csv); "
    "te wijzigen met --time-zone.",
)
#: the DH count takes quakes before DH_QUAKES_BEFORE, so the catalogue must reach the day before
DH_CATALOG_NEEDED_UNTIL = _p(
    "dh_catalog_needed_until",
    DH_QUAKES_BEFORE - dt.timedelta(days=1),
    "date",
    SRC_DH,
    note="Een catalogus die eerder eindigt kan een vierde beving missen: het DH-gebied is dan "
    "onbekend in plaats van 'nee'.",
)
IMPORT_PROBLEMS_LISTED = _p(
    "import_problems_listed",
    1000,
    "count",
    "productkeuze: zoveel problemen per bestand worden opgesomd, de rest alleen geteld",
    note="Zo blijft een volledig verkeerd bestand van een miljoen rijen binnen het geheugen.",
)
