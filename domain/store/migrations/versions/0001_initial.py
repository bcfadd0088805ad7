"""The first store schema: objects, parcels, addresses, persons, ownerships, claims, quakes,
exposure, areas, hand-offs with their status history, audit log.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24

Frozen DDL: the tables, columns, indexes and constraints are written out below exactly as the
store's schema stood on the day this revision was made, for both backends; later changes to
``domain.store.schema`` do not change what this revision builds (later revisions change the
schema with their own DDL).

GeoPackage: column types are the GeoPackage's own (TEXT, not VARCHAR); each spatial table is
registered in ``gpkg_contents`` and ``gpkg_geometry_columns`` in RD New (EPSG:28992, added to
``gpkg_spatial_ref_sys`` when missing), and SpatiaLite's ``gpkgAddGeometryTriggers`` /
``gpkgAddSpatialIndex`` add the geometry checks and the R-tree. PostGIS: typed geometry
columns with a GiST index each.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

SRID = 28992
#: every table, in creation order (a table after the tables its foreign keys name)
TABLES = (
    "areas",
    "audit_log",
    "exposure_events",
    "objects",
    "parcels",
    "persons",
    "quakes",
    "store_info",
    "addresses",
    "claims",
    "handoffs",
    "ownerships",
    "handoff_status",
)
#: the spatial tables: their geometry column ``geom`` and its type
SPATIAL = {
    "areas": "MULTIPOLYGON",
    "objects": "POINT",
    "parcels": "MULTIPOLYGON",
    "quakes": "POINT",
}

# VARCHAR(n), TIMESTAMP and SERIAL ids (a sequence) in PostgreSQL
POSTGIS_TABLES = {
    "areas": """
    CREATE TABLE areas (
        id SERIAL NOT NULL,
        geom geometry(MULTIPOLYGON,28992),
        kind VARCHAR(20) NOT NULL,
        name VARCHAR(120) NOT NULL,
        origin VARCHAR(20) NOT NULL,
        source VARCHAR(200),
        PRIMARY KEY (id)
    )""",
    "audit_log": """
    CREATE TABLE audit_log (
        id SERIAL NOT NULL,
        at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
        who VARCHAR(80) NOT NULL,
        action VARCHAR(60) NOT NULL,
        object_id INTEGER,
        detail TEXT,
        PRIMARY KEY (id)
    )""",
    "exposure_events": """
    CREATE TABLE exposure_events (
        object_id INTEGER NOT NULL,
        quake_id INTEGER NOT NULL,
        pgv_mm_s FLOAT NOT NULL,
        PRIMARY KEY (object_id, quake_id)
    )""",
    "objects": """
    CREATE TABLE objects (
        id INTEGER NOT NULL,
        geom geometry(POINT,28992),
        x FLOAT NOT NULL,
        y FLOAT NOT NULL,
        kadastrale_aanduiding VARCHAR(40),
        construction_year INTEGER,
        use VARCHAR(12),
        small BOOLEAN NOT NULL,
        woz_value INTEGER,
        rijksmonument BOOLEAN NOT NULL,
        municipality VARCHAR(60),
        place VARCHAR(60),
        pc4 VARCHAR(4),
        vs30 FLOAT,
        in_ncg_programme BOOLEAN NOT NULL,
        status VARCHAR(20),
        max_pgv_mm_s FLOAT,
        count_ge_2 INTEGER,
        count_ge_5 INTEGER,
        count_ge_5_before_2026 INTEGER,
        in_effect_area BOOLEAN,
        origin VARCHAR(20),
        PRIMARY KEY (id)
    )""",
    "parcels": """
    CREATE TABLE parcels (
        id SERIAL NOT NULL,
        geom geometry(MULTIPOLYGON,28992),
        object_id INTEGER,
        kadastrale_aanduiding VARCHAR(40),
        area_m2 FLOAT,
        PRIMARY KEY (id)
    )""",
    "persons": """
    CREATE TABLE persons (
        id VARCHAR(20) NOT NULL,
        natural_person BOOLEAN NOT NULL,
        legal_name VARCHAR(120),
        PRIMARY KEY (id)
    )""",
    "quakes": """
    CREATE TABLE quakes (
        id INTEGER NOT NULL,
        geom geometry(POINT,28992),
        event_id VARCHAR(40) NOT NULL,
        time TIMESTAMP WITHOUT TIME ZONE NOT NULL,
        place VARCHAR(80),
        ml FLOAT NOT NULL,
        depth_km FLOAT,
        x FLOAT NOT NULL,
        y FLOAT NOT NULL,
        source VARCHAR(40),
        counting BOOLEAN NOT NULL,
        excluded_reason VARCHAR(200),
        PRIMARY KEY (id),
        UNIQUE (event_id)
    )""",
    "store_info": """
    CREATE TABLE store_info (
        "key" VARCHAR(60) NOT NULL,
        value TEXT,
        PRIMARY KEY ("key")
    )""",
    "addresses": """
    CREATE TABLE addresses (
        id SERIAL NOT NULL,
        object_id INTEGER NOT NULL,
        bag_vbo_id VARCHAR(16),
        bag_num_id VARCHAR(16),
        street VARCHAR(80),
        house_number INTEGER,
        house_letter VARCHAR(1),
        addition VARCHAR(4),
        postcode VARCHAR(6),
        place VARCHAR(60),
        search_key VARCHAR(200),
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id)
    )""",
    "claims": """
    CREATE TABLE claims (
        id SERIAL NOT NULL,
        claim_number VARCHAR(30) NOT NULL,
        object_id INTEGER NOT NULL,
        applicant_id VARCHAR(20),
        scheme VARCHAR(40) NOT NULL,
        submitted DATE NOT NULL,
        decided DATE,
        outcome VARCHAR(20),
        amount INTEGER,
        final BOOLEAN NOT NULL,
        objection BOOLEAN NOT NULL,
        status VARCHAR(20) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (claim_number),
        FOREIGN KEY(object_id) REFERENCES objects (id),
        FOREIGN KEY(applicant_id) REFERENCES persons (id)
    )""",
    "handoffs": """
    CREATE TABLE handoffs (
        id SERIAL NOT NULL,
        object_id INTEGER NOT NULL,
        target VARCHAR(8) NOT NULL,
        submitter VARCHAR(12) NOT NULL,
        reason_category VARCHAR(60) NOT NULL,
        narrative TEXT NOT NULL,
        resident_consent BOOLEAN NOT NULL,
        linked_claim_ids VARCHAR(400),
        status VARCHAR(30) NOT NULL,
        created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
        updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id)
    )""",
    "ownerships": """
    CREATE TABLE ownerships (
        id SERIAL NOT NULL,
        object_id INTEGER NOT NULL,
        person_id VARCHAR(20) NOT NULL,
    "right" VARCHAR(12) NOT NULL,
        valid_from DATE,
        valid_until DATE,
        consent BOOLEAN,
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id),
        FOREIGN KEY(person_id) REFERENCES persons (id)
    )""",
    "handoff_status": """
    CREATE TABLE handoff_status (
        id SERIAL NOT NULL,
        handoff_id INTEGER NOT NULL,
        status VARCHAR(30) NOT NULL,
        at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
        "by" VARCHAR(80) NOT NULL,
        note TEXT,
        PRIMARY KEY (id),
        FOREIGN KEY(handoff_id) REFERENCES handoffs (id)
    )""",
}
# TEXT, DATETIME and INTEGER PRIMARY KEY (the rowid) in a GeoPackage, whose readers accept
# only its own types
GPKG_TABLES = {
    "areas": """
    CREATE TABLE areas (
        id INTEGER NOT NULL,
        geom MULTIPOLYGON,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        origin TEXT NOT NULL,
        source TEXT,
        PRIMARY KEY (id)
    )""",
    "audit_log": """
    CREATE TABLE audit_log (
        id INTEGER NOT NULL,
        at DATETIME NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        object_id INTEGER,
        detail TEXT,
        PRIMARY KEY (id)
    )""",
    "exposure_events": """
    CREATE TABLE exposure_events (
        object_id INTEGER NOT NULL,
        quake_id INTEGER NOT NULL,
        pgv_mm_s FLOAT NOT NULL,
        PRIMARY KEY (object_id, quake_id)
    ) WITHOUT ROWID""",
    "objects": """
    CREATE TABLE objects (
        id INTEGER NOT NULL,
        geom POINT,
        x FLOAT NOT NULL,
        y FLOAT NOT NULL,
        kadastrale_aanduiding TEXT,
        construction_year INTEGER,
        use TEXT,
        small BOOLEAN NOT NULL,
        woz_value INTEGER,
        rijksmonument BOOLEAN NOT NULL,
        municipality TEXT,
        place TEXT,
        pc4 TEXT,
        vs30 FLOAT,
        in_ncg_programme BOOLEAN NOT NULL,
        status TEXT,
        max_pgv_mm_s FLOAT,
        count_ge_2 INTEGER,
        count_ge_5 INTEGER,
        count_ge_5_before_2026 INTEGER,
        in_effect_area BOOLEAN,
        origin TEXT,
        PRIMARY KEY (id)
    )""",
    "parcels": """
    CREATE TABLE parcels (
        id INTEGER NOT NULL,
        geom MULTIPOLYGON,
        object_id INTEGER,
        kadastrale_aanduiding TEXT,
        area_m2 FLOAT,
        PRIMARY KEY (id)
    )""",
    "persons": """
    CREATE TABLE persons (
        id TEXT NOT NULL,
        natural_person BOOLEAN NOT NULL,
        legal_name TEXT,
        PRIMARY KEY (id)
    )""",
    "quakes": """
    CREATE TABLE quakes (
        id INTEGER NOT NULL,
        geom POINT,
        event_id TEXT NOT NULL,
        time DATETIME NOT NULL,
        place TEXT,
        ml FLOAT NOT NULL,
        depth_km FLOAT,
        x FLOAT NOT NULL,
        y FLOAT NOT NULL,
        source TEXT,
        counting BOOLEAN NOT NULL,
        excluded_reason TEXT,
        PRIMARY KEY (id),
        UNIQUE (event_id)
    )""",
    "store_info": """
    CREATE TABLE store_info (
        "key" TEXT NOT NULL,
        value TEXT,
        PRIMARY KEY ("key")
    )""",
    "addresses": """
    CREATE TABLE addresses (
        id INTEGER NOT NULL,
        object_id INTEGER NOT NULL,
        bag_vbo_id TEXT,
        bag_num_id TEXT,
        street TEXT,
        house_number INTEGER,
        house_letter TEXT,
        addition TEXT,
        postcode TEXT,
        place TEXT,
        search_key TEXT,
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id)
    )""",
    "claims": """
    CREATE TABLE claims (
        id INTEGER NOT NULL,
        claim_number TEXT NOT NULL,
        object_id INTEGER NOT NULL,
        applicant_id TEXT,
        scheme TEXT NOT NULL,
        submitted DATE NOT NULL,
        decided DATE,
        outcome TEXT,
        amount INTEGER,
        final BOOLEAN NOT NULL,
        objection BOOLEAN NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (claim_number),
        FOREIGN KEY(object_id) REFERENCES objects (id),
        FOREIGN KEY(applicant_id) REFERENCES persons (id)
    )""",
    "handoffs": """
    CREATE TABLE handoffs (
        id INTEGER NOT NULL,
        object_id INTEGER NOT NULL,
        target TEXT NOT NULL,
        submitter TEXT NOT NULL,
        reason_category TEXT NOT NULL,
        narrative TEXT NOT NULL,
        resident_consent BOOLEAN NOT NULL,
        linked_claim_ids TEXT,
        status TEXT NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id)
    )""",
    "ownerships": """
    CREATE TABLE ownerships (
        id INTEGER NOT NULL,
        object_id INTEGER NOT NULL,
        person_id TEXT NOT NULL,
    "right" TEXT NOT NULL,
        valid_from DATE,
        valid_until DATE,
        consent BOOLEAN,
        PRIMARY KEY (id),
        FOREIGN KEY(object_id) REFERENCES objects (id),
        FOREIGN KEY(person_id) REFERENCES persons (id)
    )""",
    "handoff_status": """
    CREATE TABLE handoff_status (
        id INTEGER NOT NULL,
        handoff_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        at DATETIME NOT NULL,
        "by" TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (id),
        FOREIGN KEY(handoff_id) REFERENCES handoffs (id)
    )""",
}

#: the indexes (the same on both backends); PostGIS adds ``idx_<table>_geom`` (GiST)
INDEXES = {
    "areas": ("CREATE INDEX ix_areas_kind ON areas (kind)",),
    "audit_log": ("CREATE INDEX ix_audit_log_object_id ON audit_log (object_id)",),
    "objects": (
        "CREATE INDEX ix_objects_kadastrale_aanduiding ON objects (kadastrale_aanduiding)",
        "CREATE INDEX ix_objects_pc4 ON objects (pc4)",
    ),
    "parcels": (
        "CREATE INDEX ix_parcels_kadastrale_aanduiding ON parcels (kadastrale_aanduiding)",
        "CREATE INDEX ix_parcels_object_id ON parcels (object_id)",
    ),
    "quakes": ("CREATE INDEX ix_quakes_time ON quakes (time)",),
    "addresses": (
        "CREATE INDEX ix_addresses_object_id ON addresses (object_id)",
        "CREATE INDEX ix_addresses_bag_vbo_id ON addresses (bag_vbo_id)",
        "CREATE INDEX ix_addresses_postcode_number ON addresses (postcode, house_number)",
        "CREATE INDEX ix_addresses_search_key ON addresses (search_key)",
    ),
    "claims": (
        "CREATE INDEX ix_claims_object_id ON claims (object_id)",
        "CREATE INDEX ix_claims_applicant_id ON claims (applicant_id)",
    ),
    "handoffs": ("CREATE INDEX ix_handoffs_object_id ON handoffs (object_id)",),
    "ownerships": (
        "CREATE INDEX ix_ownerships_person_id ON ownerships (person_id)",
        "CREATE INDEX ix_ownerships_object_id ON ownerships (object_id)",
    ),
    "handoff_status": ("CREATE INDEX ix_handoff_status_handoff_id ON handoff_status (handoff_id)",),
}


def _register_geopackage(bind, table: str, geometry_type: str) -> None:
    """A spatial table in the GeoPackage registry, with geometry checks and an R-tree."""
    bind.execute(
        sa.text(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, srs_id) VALUES (:table, 'features', :table, '', "
            "strftime('%Y-%m-%dT%H:%M:%fZ', CURRENT_TIMESTAMP), :srid)"
        ),
        {"table": table, "srid": SRID},
    )
    bind.execute(
        sa.text(
            "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
            "srs_id, z, m) VALUES (:table, 'geom', :kind, :srid, 0, 0)"
        ),
        {"table": table, "kind": geometry_type, "srid": SRID},
    )
    bind.execute(sa.text("SELECT gpkgAddGeometryTriggers(:table, 'geom')"), {"table": table})
    bind.execute(sa.text("SELECT gpkgAddSpatialIndex(:table, 'geom')"), {"table": table})


def _upgrade_geopackage(bind) -> None:
    known = bind.execute(
        sa.text("SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id = :srid"), {"srid": SRID}
    ).scalar()
    if not known:
        bind.execute(sa.text("SELECT gpkgInsertEpsgSRID(:srid)"), {"srid": SRID})
    for table in TABLES:
        bind.exec_driver_sql(GPKG_TABLES[table])
        for index in INDEXES.get(table, ()):
            bind.exec_driver_sql(index)
        if table in SPATIAL:
            _register_geopackage(bind, table, SPATIAL[table])


def _upgrade_postgis(bind) -> None:
    for table in TABLES:
        bind.exec_driver_sql(POSTGIS_TABLES[table])
        if table in SPATIAL:
            bind.exec_driver_sql(f"CREATE INDEX idx_{table}_geom ON {table} USING gist (geom)")
        for index in INDEXES.get(table, ()):
            bind.exec_driver_sql(index)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _upgrade_postgis(bind)
    else:
        _upgrade_geopackage(bind)


def downgrade() -> None:
    bind = op.get_bind()
    postgis = bind.dialect.name == "postgresql"
    for table in reversed(TABLES):
        if table in SPATIAL and not postgis:
            # the registration rows and the R-tree (its triggers go with the table)
            for suffix in ("", "_node", "_parent", "_rowid"):
                bind.exec_driver_sql(f"DROP TABLE IF EXISTS rtree_{table}_geom{suffix}")
            for registry in ("gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents"):
                bind.execute(
                    sa.text(f"DELETE FROM {registry} WHERE lower(table_name) = :table"),
                    {"table": table},
                )
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
