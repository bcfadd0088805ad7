"""Fixed tables the demo region is built from: places, streets and IMG's yearly figures.

Places are real towns and villages of the Groningen area with approximate RD New centres,
their municipality (2026 boundaries), a PC4 and an approximate VS30; the demo scatters objects
around them. Streets are common Dutch street names, not a copy of any register.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    name: str
    x: float
    y: float
    municipality: str
    pc4s: tuple[str, ...]
    weight: float  # share of objects, relative
    spread_m: float  # standard deviation of the scatter around the centre
    vs30: float  # m/s, approximate
    cbs_code: int  # municipality code (for synthetic BAG ids)


PLACES: tuple[Place, ...] = (
    Place(
        "Groningen",
        233500,
        582000,
        "Groningen",
        (
            "9711",
            "9712",
            "9713",
            "9714",
            "9715",
            "9716",
            "9717",
            "9718",
            "9721",
            "9722",
            "9723",
            "9724",
            "9725",
            "9726",
            "9727",
            "9728",
            "9731",
            "9732",
            "9733",
            "9734",
            "9735",
            "9736",
            "9737",
            "9741",
            "9742",
            "9743",
            "9744",
            "9745",
            "9746",
            "9747",
        ),
        110.0,
        2600,
        200,
        14,
    ),  # fmt: skip
    Place("Haren", 235000, 575000, "Groningen", ("9751", "9752"), 9.0, 1200, 230, 14),
    Place("Ten Boer", 243000, 587500, "Groningen", ("9791",), 3.0, 600, 190, 14),
    Place("Ten Post", 247500, 588500, "Groningen", ("9792",), 0.8, 300, 185, 14),
    Place("Woltersum", 245500, 585500, "Groningen", ("9795",), 0.5, 250, 185, 14),
    Place("Garmerwolde", 240000, 585000, "Groningen", ("9798",), 0.6, 300, 190, 14),
    Place("Loppersum", 245000, 593500, "Eemsdelta", ("9919",), 1.8, 450, 180, 1979),
    Place("Zeerijp", 248000, 595500, "Eemsdelta", ("9914",), 0.4, 250, 180, 1979),
    Place("Stedum", 242000, 592500, "Eemsdelta", ("9921",), 0.6, 300, 185, 1979),
    Place("'t Zandt", 249500, 599500, "Eemsdelta", ("9911",), 0.4, 250, 175, 1979),
    Place("Appingedam", 253000, 593500, "Eemsdelta", ("9901", "9902"), 6.0, 900, 180, 1979),
    Place("Delfzijl", 256700, 594900, "Eemsdelta", ("9934", "9936", "9937"), 12.0, 1300, 175, 1979),
    Place("Farmsum", 258000, 594000, "Eemsdelta", ("9935",), 1.2, 400, 175, 1979),
    Place("Wagenborgen", 258500, 588500, "Eemsdelta", ("9946",), 0.8, 350, 190, 1979),
    Place("Termunten", 263000, 591000, "Eemsdelta", ("9947",), 0.3, 250, 170, 1979),
    Place("Middelstum", 239500, 597500, "Het Hogeland", ("9991",), 1.3, 400, 185, 1966),
    Place("Kantens", 240500, 600500, "Het Hogeland", ("9994",), 0.5, 250, 180, 1966),
    Place("Usquert", 240500, 603000, "Het Hogeland", ("9988",), 0.6, 300, 175, 1966),
    Place("Uithuizen", 246000, 605000, "Het Hogeland", ("9981",), 2.5, 600, 170, 1966),
    Place("Uithuizermeeden", 249500, 604500, "Het Hogeland", ("9982",), 1.6, 450, 170, 1966),
    Place("Warffum", 236500, 602500, "Het Hogeland", ("9989",), 1.0, 350, 175, 1966),
    Place("Winsum", 233000, 594000, "Het Hogeland", ("9951", "9952"), 2.5, 600, 190, 1966),
    Place("Baflo", 232500, 597000, "Het Hogeland", ("9953",), 1.0, 300, 185, 1966),
    Place("Eenrum", 229500, 600000, "Het Hogeland", ("9967",), 0.6, 300, 180, 1966),
    Place("Bedum", 236500, 591000, "Het Hogeland", ("9781",), 4.0, 700, 195, 1966),
    Place("Harkstede", 241000, 580500, "Midden-Groningen", ("9617",), 1.5, 450, 200, 1952),
    Place("Slochteren", 249500, 582500, "Midden-Groningen", ("9621",), 1.0, 450, 195, 1952),
    Place("Schildwolde", 248000, 580000, "Midden-Groningen", ("9625",), 1.0, 400, 200, 1952),
    Place("Siddeburen", 253500, 584000, "Midden-Groningen", ("9628",), 1.3, 450, 200, 1952),
    Place(
        "Hoogezand",
        246400,
        576000,
        "Midden-Groningen",
        ("9601", "9602", "9603"),
        9.0,
        1200,
        210,
        1952,
    ),  # fmt: skip
    Place("Sappemeer", 249500, 576000, "Midden-Groningen", ("9611",), 3.0, 700, 210, 1952),
    Place("Zuidbroek", 255000, 575000, "Midden-Groningen", ("9636",), 1.3, 450, 215, 1952),
    Place("Muntendam", 256500, 572500, "Midden-Groningen", ("9649",), 1.5, 450, 220, 1952),
    Place("Veendam", 256500, 568500, "Veendam", ("9641", "9642", "9645"), 8.5, 1100, 225, 47),
    Place("Wildervank", 258500, 565500, "Veendam", ("9648",), 2.3, 550, 230, 47),
    Place("Winschoten", 264350, 574000, "Oldambt", ("9671", "9673", "9675"), 6.5, 1000, 220, 1895),
    Place("Scheemda", 260000, 578000, "Oldambt", ("9679",), 1.6, 450, 210, 1895),
    Place("Nieuwe Pekela", 258500, 563500, "Pekela", ("9663",), 2.0, 550, 235, 765),
    Place("Stadskanaal", 258000, 557000, "Stadskanaal", ("9501", "9502"), 9.5, 1300, 250, 37),
    Place("Zuidlaren", 241000, 570000, "Tynaarlo", ("9471",), 3.5, 700, 260, 1730),
    Place("Eelde", 233500, 570500, "Tynaarlo", ("9761",), 2.5, 600, 260, 1730),
    Place("Annen", 245000, 565000, "Aa en Hunze", ("9468",), 1.2, 400, 270, 1680),
    Place(
        "Assen",
        233500,
        557000,
        "Assen",
        ("9401", "9402", "9403", "9404", "9405", "9406", "9407", "9408"),
        20.0,
        1800,
        280,
        106,
    ),  # fmt: skip
    Place("Zuidhorn", 221500, 583500, "Westerkwartier", ("9801", "9802"), 3.0, 700, 205, 1969),
    Place("Leek", 217500, 576000, "Westerkwartier", ("9351",), 4.5, 800, 240, 1969),
)

STREETS: tuple[str, ...] = (
    "Hoofdstraat", "Kerkstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Dorpsstraat",
    "Kerkpad", "Wilhelminalaan", "Julianastraat", "Beatrixlaan", "Oranjestraat", "Nieuweweg",
    "Zuiderweg", "Noorderweg", "Oosterweg", "Westerweg", "Burgemeester Seinenstraat",
    "Lindenlaan", "Eikenlaan", "Beukenlaan", "Berkenlaan", "Esdoornstraat", "Kastanjelaan",
    "Rozenstraat", "Tulpstraat", "Vlasakker", "Meeuwerderweg", "Dijkstraat", "Havenstraat",
    "Kanaalweg", "Wierde", "Borgweg", "Boerderijlaan", "Stadsweg", "Tuinstraat", "Veenweg",
    "Marktstraat", "Torenstraat", "Zwaluwstraat", "Merelstraat", "Leeuweriklaan", "Reigerweg",
    "Diepswal", "Maarweg", "Singel", "Pastorielaan", "Middenweg", "Wetering", "Heerdenweg",
    "Parkweg",
)  # fmt: skip

#: IMG open data, schademeldingen per jaar 2003–2025: (year, reports, share awarded,
#: damage paid in million euro). Shares before 2012 are not published; the demo assumes 0.6.
IMG_REPORTS_PER_YEAR: tuple[tuple[int, int, float, float], ...] = (
    (2003, 125, 0.6, 0.0), (2004, 5, 0.6, 0.0), (2005, 25, 0.6, 0.0), (2006, 410, 0.6, 0.0),
    (2007, 10, 0.6, 0.0), (2008, 215, 0.6, 0.0), (2009, 170, 0.6, 0.0), (2010, 5, 0.6, 0.0),
    (2011, 170, 0.6, 0.0), (2012, 2485, 0.67, 1.0), (2013, 9705, 0.85, 24.0),
    (2014, 17899, 0.75, 88.6), (2015, 28680, 0.76, 128.5), (2016, 17925, 0.54, 64.7),
    (2017, 2594, 0.43, 25.9), (2018, 20064, 0.86, 7.7), (2019, 26798, 0.96, 139.5),
    (2020, 48765, 0.92, 318.1), (2021, 45501, 0.88, 310.1), (2022, 45900, 0.86, 286.6),
    (2023, 30091, 0.85, 136.0), (2024, 41766, 0.87, 416.0), (2025, 32993, 0.79, 314.9),
)  # fmt: skip
IMG_REPORTS_SOURCE = "IMG open data, schademeldingen per jaar 2003–2025"

#: the demo's volumes equal IMG's at this many objects and scale linearly with --objects
DEMO_REFERENCE_OBJECTS = 330_000
