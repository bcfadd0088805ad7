"""Bad earthquake catalogues in every layout ``import-catalog`` reads (the Groningen CSV, the
national list, KNMI's all_induced.csv, FDSN text, QuakeML): each is refused whole (exit 2, the
file named, the line and field, no traceback, the store unchanged). And the import is one
transaction: a failure half-way through leaves quakes, exposure, statuses and areas as they
were, and the computed areas of a new catalogue replace the old ones completely.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from domain.errors import DomainError
from tests.unit.hostile.harness import assert_rejected, run_cli, store_state

G_HEADER = "event_id,place,time,ml,depth_km,rd_x,rd_y,field"
G_ROW = "k1,Loppersum,2012-08-16T20:30:33,2.0,3,240544,596199,Groningen"
NL_HEADER = "date,place,ml,depth_km,lat,lon"
NL_ROW = "2012-08-16,Huizinge,3.6,3.0,53.345,6.672"
AI_HEADER = "YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE"
AI_ROW = "120816,203033.00,Huizinge,53.345,6.672,3.0,3.6,manual"
F_HEADER = (
    "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
    "MagType|Magnitude|MagAuthor|EventLocationName|EventType"
)
F_ROW = (
    "knmi2012qcdh|2012-08-16T20:30:33.000|53.345|6.672|3.0|KNMI|KNMI|KNMI|knmi2012qcdh|ML|3.6|"
    "KNMI|Huizinge|induced or triggered event"
)


def g(**kw) -> str:
    """A Groningen-layout row with some values changed."""
    values = dict(zip(G_HEADER.split(","), G_ROW.split(",")))
    values.update(kw)
    return ",".join(values.values())


def nl(**kw) -> str:
    values = dict(zip(NL_HEADER.split(","), NL_ROW.split(",")))
    values.update(kw)
    return ",".join(values.values())


def ai(**kw) -> str:
    values = dict(zip(AI_HEADER.split(","), AI_ROW.split(",")))
    values.update(kw)
    return ",".join(values.values())


def fdsn(**kw) -> str:
    values = dict(zip(F_HEADER.lstrip("#").split("|"), F_ROW.split("|")))
    values.update(kw)
    return "|".join(values.values())


def quakeml(event: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<q:quakeml xmlns="http://quakeml.org/xmlns/bed/1.2" '
        'xmlns:q="http://quakeml.org/xmlns/quakeml/1.2">\n'
        '<eventParameters publicID="smi:nl.knmi/x">\n' + event + "\n</eventParameters>\n"
        "</q:quakeml>\n"
    )


def event(
    time="2012-08-16T20:30:33Z",
    lat="53.345",
    lon="6.672",
    depth="3000",
    mag="3.6",
    origin=True,
    public_id="smi:nl.knmi/event/knmi2012qcdh",
) -> str:
    o = (
        f'<origin publicID="o1"><time><value>{time}</value></time>'
        f"<latitude><value>{lat}</value></latitude>"
        f"<longitude><value>{lon}</value></longitude>"
        f"<depth><value>{depth}</value></depth></origin>"
        if origin
        else ""
    )
    return (
        f'<event publicID="{public_id}"><description><text>Huizinge</text></description>{o}'
        f'<magnitude publicID="m1"><mag><value>{mag}</value></mag></magnitude></event>'
    )


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class Bad:
    name: str
    content: bytes | str
    line: int | None = None
    field: str | None = None
    says: str | None = None
    suffix: str = ".csv"
    options: tuple[str, ...] = ()  # extra import-catalog options


BAD = [
    # --- the file as a whole --------------------------------------------------------------
    Bad("empty", b"", says="empty"),
    Bad("header_only", lines(G_HEADER), says="no quake"),
    Bad("unknown_layout", lines("a,b,c", "1,2,3"), line=1, says="not recognised"),
    Bad("utf16", lines(G_HEADER, G_ROW).encode("utf-16"), line=1, says="UTF-16"),
    Bad("nul_byte", lines(G_HEADER, G_ROW, g(event_id="k\x002")), line=3, says="NUL"),
    Bad(
        "utf8_and_cp1252_mixed",
        lines(G_HEADER, g(place="Wirdûm")).encode("utf-8")
        + g(event_id="k2", place="Wird\xfbm").encode("latin-1")
        + b"\n",
        line=3,
        says="mixes",
    ),
    Bad(
        "cp1252_undefined_byte",
        lines(G_HEADER, g(place="W\x81")).encode("latin-1"),
        line=2,
        says="Windows-1252",
    ),
    # --- the Groningen layout -------------------------------------------------------------
    Bad(
        "missing_field_column",
        lines(G_HEADER.replace(",field", ""), G_ROW.rsplit(",", 1)[0]),
        line=1,
        field="field",
        says="missing",
    ),
    Bad(
        "duplicated_ml_column",
        lines(G_HEADER + ",ml", G_ROW + ",2.0"),
        line=1,
        field="ml",
        says="twice",
    ),
    Bad("nameless_column", lines(G_HEADER.replace(",place,", ",,"), G_ROW), line=1, says="no name"),
    Bad(
        "unterminated_quote",
        lines(G_HEADER, G_ROW, g(event_id="k2", place='"Loppersum'), g(event_id="k3")),
        line=3,
        says="CSV",
    ),
    Bad("extra_cells", lines(G_HEADER, G_ROW + ",extra"), line=2, says="cells"),
    Bad("fewer_cells", lines(G_HEADER, G_ROW.rsplit(",", 2)[0]), line=2, says="cells"),
    Bad("ml_nan", lines(G_HEADER, g(ml="NaN")), line=2, field="ml", says="NaN"),
    Bad("ml_infinity", lines(G_HEADER, g(ml="inf")), line=2, field="ml", says="NaN"),
    Bad("ml_word", lines(G_HEADER, g(ml="twee")), line=2, field="ml", says="not a number"),
    Bad("ml_arabic_indic", lines(G_HEADER, g(ml="٢")), line=2, field="ml", says="0–9"),
    Bad("ml_full_width", lines(G_HEADER, g(ml="２.0")), line=2, field="ml", says="0–9"),
    Bad(
        "ml_two_decimal_signs",
        lines(G_HEADER, g(ml='"2,5.1"')),
        line=2,
        field="ml",
        says="not a number",
    ),
    Bad("ml_above_range", lines(G_HEADER, g(ml="7.5")), line=2, field="ml", says="outside"),
    Bad("ml_empty", lines(G_HEADER, g(ml="")), line=2, field="ml", says="missing"),
    Bad(
        "depth_negative",
        lines(G_HEADER, g(depth_km="-1")),
        line=2,
        field="depth_km",
        says="outside",
    ),
    Bad(
        "depth_too_deep",
        lines(G_HEADER, g(depth_km="11")),
        line=2,
        field="depth_km",
        says="outside",
    ),
    Bad("depth_nan", lines(G_HEADER, g(depth_km="nan")), line=2, field="depth_km", says="empty"),
    Bad(
        "rd_outside_nl",
        lines(G_HEADER, g(rd_x="400000")),
        line=2,
        field="rd_x,rd_y",
        says="outside",
    ),
    Bad("rd_x_empty", lines(G_HEADER, g(rd_x="")), line=2, field="rd_x", says="missing"),
    Bad(
        "time_february_30",
        lines(G_HEADER, g(time="2023-02-30T10:00:00")),
        line=2,
        field="time",
        says="does not exist",
    ),
    Bad(
        "time_in_the_future",
        lines(G_HEADER, g(time="2099-01-01T00:00:00")),
        line=2,
        field="time",
        says="future",
    ),
    Bad(
        "time_before_1900",
        lines(G_HEADER, g(time="1850-01-01T00:00:00")),
        line=2,
        field="time",
        says="outside",
    ),
    Bad("time_word", lines(G_HEADER, g(time="gisteren")), line=2, field="time", says="unreadable"),
    Bad(
        "time_offset_25_hours",
        lines(G_HEADER, g(time="2012-08-16T20:30:33+25:00")),
        line=2,
        field="time",
        says="offset",
    ),
    Bad(
        "time_arabic_digits",
        lines(G_HEADER, g(time="٢٠١٢-08-16T20:30:33")),
        line=2,
        field="time",
        says="unreadable",
    ),
    Bad(
        "same_id_other_values",
        lines(G_HEADER, G_ROW, g(ml="2.1")),
        line=3,
        field="event_id",
        says="line 2",
    ),
    Bad(
        "event_id_too_long",
        lines(G_HEADER, g(event_id="k" * 41)),
        line=2,
        field="event_id",
        says="at most 40",
    ),
    Bad(
        "place_too_long",
        lines(G_HEADER, g(place="P" * 81)),
        line=2,
        field="place",
        says="at most 80",
    ),
    Bad(
        "field_too_long",
        lines(G_HEADER, g(field="F" * 41)),
        line=2,
        field="field",
        says="at most 40",
    ),
    Bad(
        "control_character_in_place",
        lines(G_HEADER, g(place="Lop\x1bpersum")),
        line=2,
        field="place",
        says="U+001B",
    ),
    Bad(
        "newline_in_quoted_place",
        lines(G_HEADER, g(place='"Lop\npersum"')),
        line=2,
        field="place",
        says="U+000A",
    ),
    # --- the national list (WGS84) ----------------------------------------------------------
    Bad(
        "nl_lat_lon_swapped",
        lines(NL_HEADER, nl(lat="6.672", lon="53.345")),
        line=2,
        field="lat,lon",
        says="outside",
    ),
    Bad("nl_latitude_95", lines(NL_HEADER, nl(lat="95")), line=2, field="lat,lon", says="outside"),
    Bad(
        "nl_impossible_date",
        lines(NL_HEADER, nl(date="2019-02-29")),
        line=2,
        field="date",
        says="does not exist",
    ),
    Bad("nl_lon_empty", lines(NL_HEADER, nl(lon="")), line=2, field="lon", says="missing"),
    # --- all_induced.csv ----------------------------------------------------------------------
    Bad(
        "ai_bad_yymmdd",
        lines(AI_HEADER, ai(YYMMDD="abc")),
        line=2,
        field="YYMMDD",
        says="unreadable",
    ),
    Bad(
        "ai_bad_clock", lines(AI_HEADER, ai(TIME="25:99")), line=2, field="TIME", says="unreadable"
    ),
    Bad(
        "ai_impossible_day",
        lines(AI_HEADER, ai(YYMMDD="991332")),
        line=2,
        field="YYMMDD,TIME",
        says="does not exist",
    ),
    Bad("ai_magnitude_empty", lines(AI_HEADER, ai(MAG="")), line=2, field="MAG", says="missing"),
    Bad(
        "ai_duplicated_column",
        lines(AI_HEADER + ",MAG", AI_ROW + ",3.6"),
        line=1,
        field="MAG",
        says="twice",
    ),
    # --- FDSN text ------------------------------------------------------------------------------
    Bad(
        "fdsn_missing_magnitude_column",
        lines(F_HEADER.replace("|Magnitude|", "|Mag|"), F_ROW),
        line=1,
        field="Magnitude",
        says="missing",
        suffix=".txt",
    ),
    Bad(
        "fdsn_event_id_empty",
        lines(F_HEADER, fdsn(EventID="")),
        line=2,
        field="EventID",
        says="missing",
        suffix=".txt",
    ),
    Bad(
        "fdsn_latitude_word",
        lines(F_HEADER, fdsn(Latitude="x")),
        line=2,
        field="Latitude",
        says="not a number",
        suffix=".txt",
    ),
    Bad(
        "fdsn_extra_cells",
        lines(F_HEADER, F_ROW + "|meer|nog meer"),
        line=2,
        says="cells",
        suffix=".txt",
    ),
    Bad(
        "fdsn_time_unreadable",
        lines(F_HEADER, fdsn(Time="16-08-2012")),
        line=2,
        field="Time",
        says="unreadable",
        suffix=".txt",
    ),
    Bad(
        "fdsn_depth_infinite",
        lines(F_HEADER, fdsn(**{"Depth/km": "Infinity"})),
        line=2,
        field="Depth/km",
        says="NaN",
        suffix=".txt",
    ),
    # --- QuakeML --------------------------------------------------------------------------------
    Bad("quakeml_broken", "<quakeml><event>", says="QuakeML", suffix=".xml"),
    Bad(
        "quakeml_billion_laughs",
        '<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<q>&b;</q>\n',
        line=2,
        says="DOCTYPE",
        suffix=".xml",
    ),
    Bad(
        "quakeml_external_entity",
        '<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "\n<q>&x;</q>\n",
        says="entities",
        suffix=".xml",
    ),
    Bad(
        "quakeml_event_without_origin",
        quakeml(event(origin=False)),
        field="event[1]",
        says="origin",
        suffix=".xml",
    ),
    Bad(
        "quakeml_magnitude_nan",
        quakeml(event(mag="NaN")),
        field="event[1]/mag",
        says="NaN",
        suffix=".xml",
    ),
    Bad(
        "quakeml_impossible_time",
        quakeml(event(time="2012-02-30T20:30:33Z")),
        field="event[1]/time",
        says="does not exist",
        suffix=".xml",
    ),
    Bad(
        "quakeml_latitude_empty",
        quakeml(event(lat="")),
        field="event[1]/latitude",
        says="missing",
        suffix=".xml",
    ),
    Bad(
        "quakeml_depth_above_ground",
        quakeml(event(depth="-500")),
        field="event[1]/depth",
        says="outside",
        suffix=".xml",
    ),
    Bad(
        "quakeml_id_too_long",
        quakeml(event(public_id="smi:x/" + "k" * 41)),
        field="event[1]/publicID",
        says="at most 40",
        suffix=".xml",
    ),
    # --- the options: time zone and declared coverage end ------------------------------------
    Bad(
        "time_zone_unknown",
        lines(NL_HEADER, NL_ROW),
        says="Mars/Olympus",
        options=("--time-zone", "Mars/Olympus"),
    ),
    Bad(
        "time_zone_for_a_utc_layout",
        lines(F_HEADER, F_ROW),
        says="UTC",
        suffix=".txt",
        options=("--time-zone", "Europe/Amsterdam"),
    ),
    Bad(
        "time_zone_for_the_groningen_export",
        lines(G_HEADER, G_ROW),
        says="Europe/Amsterdam",
        options=("--time-zone", "UTC"),
    ),
    Bad(
        "catalog_end_not_a_date",
        lines(G_HEADER, G_ROW),
        field="--catalog-end",
        says="2022-13-01",
        options=("--catalog-end", "2022-13-01"),
    ),
    Bad(
        "catalog_end_before_the_latest_quake",
        lines(G_HEADER, G_ROW),
        field="--catalog-end",
        says="before the latest quake",
        options=("--catalog-end", "2012-08-15"),
    ),
    Bad(
        "catalog_end_in_the_future",
        lines(G_HEADER, G_ROW),
        field="--catalog-end",
        says="future",
        options=("--catalog-end", "2099-01-01"),
    ),
]


def _write(tmp_path, bad: Bad):
    path = tmp_path / f"{bad.name}{bad.suffix}"
    if isinstance(bad.content, bytes):
        path.write_bytes(bad.content)
    else:
        path.write_text(bad.content, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.name)
def test_bad_catalogue_is_refused_whole(hostile_store, tmp_path, bad):
    assert_rejected(
        "import-catalog",
        hostile_store,
        _write(tmp_path, bad),
        *bad.options,
        line=bad.line,
        field=bad.field,
        says=bad.says,
    )


def test_a_missing_catalogue_is_refused(hostile_store, tmp_path):
    assert_rejected("import-catalog", hostile_store, tmp_path / "weg.csv", says="not found")


# --- one transaction ------------------------------------------------------------------------
def _catalogue(tmp_path, name: str, rows: list[str]):
    path = tmp_path / name
    path.write_text(lines(G_HEADER, *rows), encoding="utf-8")
    return path


def _strong_series(prefix: str, year: int) -> list[str]:
    """Five ML 3.0 quakes near Loppersum before 2026: an effect area and a DH area."""
    return [
        g(event_id=f"{prefix}{i}", time=f"{year + i}-03-01T12:00:00", ml="3.0") for i in range(5)
    ]


@pytest.mark.parametrize("fails_in", ["assess_in", "_zones_in", "write_pairs"])
def test_a_failure_half_way_leaves_quakes_exposure_statuses_and_areas_as_they_were(
    hostile_store, tmp_path, monkeypatch, fails_in
):
    from domain.store import compute, open_store, status

    target = {"assess_in": status, "_zones_in": compute, "write_pairs": compute}[fails_in]
    real = getattr(target, fails_in)

    def explode(*args, **kwargs):
        real(*args, **kwargs)  # do the work, then fail: everything so far must roll back
        raise DomainError("stroomstoring (test)")

    monkeypatch.setattr(target, fails_in, explode)
    path = _catalogue(tmp_path, "nieuw.csv", _strong_series("n", 2001))
    before = store_state(hostile_store)
    store = open_store(hostile_store)
    try:
        with pytest.raises(DomainError, match="stroomstoring"):
            compute.import_catalog(store, path)
    finally:
        store.close()
    assert store_state(hostile_store) == before


def _areas(location: str) -> dict[str, int]:
    with sqlite3.connect(location) as conn:
        return dict(conn.execute("SELECT kind, COUNT(*) FROM areas GROUP BY kind").fetchall())


def test_a_new_catalogue_replaces_every_computed_area_no_stale_dh_polygon(hostile_store, tmp_path):
    strong = _catalogue(tmp_path, "sterk.csv", _strong_series("s", 2001))
    done = run_cli("import-catalog", hostile_store, str(strong))
    assert done.code == 0, done.err
    assert _areas(hostile_store).get("dh_area") == 1
    weak = _catalogue(tmp_path, "zwak.csv", [g(event_id="w1", ml="1.0")])
    done = run_cli("import-catalog", hostile_store, str(weak))
    assert done.code == 0, done.err
    areas = _areas(hostile_store)
    assert "dh_area" not in areas and "effect_area" not in areas  # ML 1.0 reaches neither
    assert areas["zone_6km"] == 3
    with sqlite3.connect(hostile_store) as conn:
        assert conn.execute("SELECT event_id FROM quakes").fetchall() == [("w1",)]
        dh = conn.execute(
            "SELECT COUNT(*) FROM objects WHERE status IN ('dh_eligible', 'dh_to_check')"
        ).fetchone()
    assert dh == (0,)
