"""The one schema every store has, GeoPackage or PostGIS (geometries in RD New, EPSG:28992).

Column names are the domain's words. Objects carry a representative point and its x/y, so
computations (exposure, rules) get coordinates as plain numbers without decoding geometry;
the exposure summary and the map status live on ``objects`` so QGIS can style by them.
Persons are pseudonymous: no BSN or name of a natural person is ever stored.
"""

from __future__ import annotations

from geoalchemy2 import Geometry
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from domain.rules.status import MAP_STATUSES
from domain.store.engine import SRID

OBJECT_STATUSES = MAP_STATUSES  # the map classes, defined with their mapping from the verdicts
AREA_KINDS = ("effect_area", "dh_area", "subsidence", "zone_6km", "start_area")
# "drawn": a start area a user drew on the map (kept when start areas are imported again)
AREA_ORIGINS = ("computed", "imported", "illustrative", "drawn")
RIGHTS = ("eigendom", "beklemrecht", "opstal", "erfpacht")
USES = ("woning", "niet-woning")
#: official boundaries (CBS gebiedsindelingen via PDOK, CBS postcode-4 areas)
BOUNDARY_KINDS = ("gemeente", "pc4", "wijk", "buurt")

metadata = MetaData()


def _text(length: int):
    """VARCHAR(n) in PostgreSQL; TEXT in a GeoPackage, whose readers accept only its own types."""
    return String(length).with_variant(Text(), "geopackage")


def _geom(kind: str) -> Column:
    return Column("geom", Geometry(kind, srid=SRID, spatial_index=True))


objects = Table(
    "objects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    _geom("POINT"),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("kadastrale_aanduiding", _text(40), index=True),
    Column("construction_year", Integer),
    Column("use", _text(12)),
    Column("small", Boolean, nullable=False, default=False),
    Column("woz_value", Integer),
    Column("rijksmonument", Boolean, nullable=False, default=False),
    Column("municipality", _text(60)),
    Column("place", _text(60)),
    Column("pc4", _text(4), index=True),
    Column("vs30", Float),
    Column("in_ncg_programme", Boolean, nullable=False, default=False),
    Column("status", _text(20)),
    Column("max_pgv_mm_s", Float),
    Column("count_ge_2", Integer),
    Column("count_ge_5", Integer),
    Column("count_ge_5_before_2026", Integer),
    Column("in_effect_area", Boolean),
    Column("origin", _text(20)),
)

parcels = Table(
    "parcels",
    metadata,
    Column("id", Integer, primary_key=True),
    _geom("MULTIPOLYGON"),
    Column("object_id", Integer, index=True),
    Column("kadastrale_aanduiding", _text(40), index=True),
    Column("area_m2", Float),
)

addresses = Table(
    "addresses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("object_id", Integer, ForeignKey("objects.id"), nullable=False, index=True),
    Column("bag_vbo_id", _text(16), index=True),
    Column("bag_num_id", _text(16)),
    Column("street", _text(80)),
    Column("house_number", Integer),
    Column("house_letter", _text(1)),
    Column("addition", _text(4)),
    Column("postcode", _text(6)),
    Column("place", _text(60)),
    # lower-case "street number letter place", searched by prefix range (index-friendly everywhere)
    Column("search_key", _text(200), index=True),
    Index("ix_addresses_postcode_number", "postcode", "house_number"),
)

persons = Table(
    "persons",
    metadata,
    Column("id", _text(20), primary_key=True),
    Column("natural_person", Boolean, nullable=False),
    # only for legal persons (e.g. a housing association); natural persons stay pseudonymous
    Column("legal_name", _text(120)),
)

ownerships = Table(
    "ownerships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("object_id", Integer, ForeignKey("objects.id"), nullable=False, index=True),
    Column("person_id", _text(20), ForeignKey("persons.id"), nullable=False, index=True),
    Column("right", _text(12), nullable=False),
    Column("valid_from", Date),
    Column("valid_until", Date),
    Column("consent", Boolean),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_number", _text(30), nullable=False, unique=True),
    Column("object_id", Integer, ForeignKey("objects.id"), nullable=False, index=True),
    Column("applicant_id", _text(20), ForeignKey("persons.id"), index=True),
    Column("scheme", _text(40), nullable=False),
    Column("submitted", Date, nullable=False),
    Column("decided", Date),
    Column("outcome", _text(20)),
    Column("amount", Integer),
    Column("final", Boolean, nullable=False, default=False),
    Column("objection", Boolean, nullable=False, default=False),
    Column("status", _text(20), nullable=False),
    # added in revision 0004: optimistic locking, as on hand-offs
    Column(
        "version", Integer, nullable=False, server_default="1", info={"since": "0004_shared_use"}
    ),
    # added in revision 0006: who handled and paid (NAM, CVW, TCMG, IMG; the top-up needs it)
    Column("handler", _text(4), info={"since": "0006_claim_handler"}),
    # added in revision 0002: lists of open claims (overdue cases) read by status
    Index("ix_claims_status", "status", info={"since": "0002_claims_status_index"}),
)

quakes = Table(
    "quakes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    _geom("POINT"),
    Column("event_id", _text(40), nullable=False, unique=True),
    Column("time", DateTime, nullable=False, index=True),
    Column("place", _text(80)),
    Column("ml", Float, nullable=False),
    Column("depth_km", Float),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("source", _text(40)),
    Column("counting", Boolean, nullable=False),
    Column("excluded_reason", _text(200)),
)

# sparse: one row per (object, quake) with PGV at or above the exposure floor
exposure_events = Table(
    "exposure_events",
    metadata,
    Column("object_id", Integer, primary_key=True),
    Column("quake_id", Integer, primary_key=True),
    Column("pgv_mm_s", Float, nullable=False),
    sqlite_with_rowid=False,
)

areas = Table(
    "areas",
    metadata,
    Column("id", Integer, primary_key=True),
    _geom("MULTIPOLYGON"),
    Column("kind", _text(20), nullable=False, index=True),
    Column("name", _text(120), nullable=False),
    Column("origin", _text(20), nullable=False),
    Column("source", _text(200)),
)

# public reference data (revision 0008): one polygon per municipality, PC4, district or
# neighbourhood, as CBS publishes them; the overview counts objects by the polygon they lie in
boundaries = Table(
    "boundaries",
    metadata,
    Column("id", Integer, primary_key=True),
    _geom("MULTIPOLYGON"),
    Column("kind", _text(10), nullable=False),
    Column("code", _text(12), nullable=False),  # GM0014, WK001400, BU00140000, 9919
    Column("name", _text(120), nullable=False),
    Column("year", Integer),
    Column("source", _text(200)),  # the file name
    Index("ix_boundaries_kind_code", "kind", "code"),
    info={"since": "0008_boundaries"},
)

handoffs = Table(
    "handoffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("object_id", Integer, ForeignKey("objects.id"), nullable=False, index=True),
    Column("target", _text(8), nullable=False),
    Column("submitter", _text(12), nullable=False),
    Column("reason_category", _text(60), nullable=False),
    Column("narrative", Text, nullable=False),
    Column("resident_consent", Boolean, nullable=False),
    Column("linked_claim_ids", _text(400)),
    Column("status", _text(30), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),
)

handoff_status = Table(
    "handoff_status",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("handoff_id", Integer, ForeignKey("handoffs.id"), nullable=False, index=True),
    Column("status", _text(30), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("by", _text(80), nullable=False),
    Column("note", Text),
)

# on PostGIS revisions 0004/0005 add db_login (the session login, filled by the server) and,
# for the rows the audit triggers write, table_name, row_id, old_values and new_values (jsonb
# of the changed columns); a GeoPackage keeps exactly these columns
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("who", _text(80), nullable=False),
    Column("action", _text(60), nullable=False),
    Column("object_id", Integer, index=True),
    Column("detail", Text),
)

store_info = Table(
    "store_info",
    metadata,
    Column("key", _text(60), primary_key=True),
    Column("value", Text),
)


#: every revision in order (the migrations folder holds one file per entry)
REVISIONS = (
    "0001_initial",
    "0002_claims_status_index",
    "0003_append_only_history",
    "0004_shared_use",  # claims.version; PostGIS roles, row-level security, planner views
    "0005_hardened_shared_use",  # PostGIS: fixed search paths, column rights, audit triggers
    "0006_claim_handler",  # claims.handler (NAM, CVW, TCMG, IMG) for the top-up
    "0007_planner_dh_to_check",  # PostGIS: the planner aggregates count dh_to_check
    "0008_boundaries",  # official boundaries (gemeente, PC4, wijk, buurt), public reference data
    "0009_planner_views_by_boundary",  # PostGIS: planner aggregates count by official boundaries
)

SPATIAL_TABLES = ("objects", "parcels", "quakes", "areas", "boundaries")
#: insertion order that respects foreign keys (reverse to clear)
TABLE_ORDER = (
    "store_info",
    "persons",
    "objects",
    "parcels",
    "addresses",
    "ownerships",
    "claims",
    "quakes",
    "exposure_events",
    "areas",
    "boundaries",
    "handoffs",
    "handoff_status",
    "audit_log",
)
