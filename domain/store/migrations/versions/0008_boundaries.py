"""Official boundaries: a table ``boundaries`` for municipalities, PC4 areas, districts and
neighbourhoods as CBS publishes them (imported with ``imgschade import-boundaries``).

Revision ID: 0008_boundaries
Revises: 0007_planner_dh_to_check
Create Date: 2026-12-04

One row per polygon: ``kind`` (gemeente, pc4, wijk, buurt), ``code`` (GM0014, 9919, WK001400,
BU00140000), ``name``, ``year`` (nullable: a file may not say), ``source`` (the file name) and
a MULTIPOLYGON in RD New with a spatial index. The regional overview counts objects by the
polygon they lie in when the store has them.

GeoPackage: the table is registered in ``gpkg_contents`` and ``gpkg_geometry_columns``, and
SpatiaLite's own ``gpkgAddGeometryTriggers`` / ``gpkgAddSpatialIndex`` add the geometry checks and
the R-tree, as GeoAlchemy2 does for the tables of revision 0001.

PostGIS: the boundaries are public reference data. Every product role (img, ncg, taskforce,
gemeente, planner) may read them; none may write them, exactly as revision 0005 leaves
``areas`` (imports of areas and boundaries are for the store owner). No row-level security:
nothing in them belongs to a municipality. Roles that do not exist (a migrating user without
CREATEROLE, see revision 0005's ``security_limits``) get nothing.

Frozen DDL: the table is written out here, not taken from ``domain.store.schema``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_boundaries"
down_revision = "0007_planner_dh_to_check"
branch_labels = None
depends_on = None

SRID = 28992
PRODUCT = (
    "imgschade_img",
    "imgschade_ncg",
    "imgschade_taskforce",
    "imgschade_gemeente",
    "imgschade_planner",
)

# TEXT in a GeoPackage (its readers accept only its own types), VARCHAR(n) in PostgreSQL
GPKG_TABLE = (
    "CREATE TABLE boundaries (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tgeom MULTIPOLYGON, \n"
    "\tkind TEXT NOT NULL, \n"
    "\tcode TEXT NOT NULL, \n"
    "\tname TEXT NOT NULL, \n"
    "\tyear INTEGER, \n"
    "\tsource TEXT, \n"
    "\tPRIMARY KEY (id)\n"
    ")"
)
POSTGIS_TABLE = (
    "CREATE TABLE boundaries (\n"
    "\tid SERIAL NOT NULL, \n"
    f"\tgeom geometry(MULTIPOLYGON,{SRID}), \n"
    "\tkind VARCHAR(10) NOT NULL, \n"
    "\tcode VARCHAR(12) NOT NULL, \n"
    "\tname VARCHAR(120) NOT NULL, \n"
    "\tyear INTEGER, \n"
    "\tsource VARCHAR(200), \n"
    "\tPRIMARY KEY (id)\n"
    ")"
)
KIND_CODE_INDEX = "CREATE INDEX ix_boundaries_kind_code ON boundaries (kind, code)"
POSTGIS_GEOM_INDEX = "CREATE INDEX idx_boundaries_geom ON boundaries USING gist (geom)"


def _has_table(bind) -> bool:
    return sa.inspect(bind).has_table("boundaries")


def _upgrade_geopackage(bind) -> None:
    bind.exec_driver_sql(GPKG_TABLE)
    bind.execute(
        sa.text(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, srs_id) VALUES ('boundaries', 'features', 'boundaries', '', "
            "strftime('%Y-%m-%dT%H:%M:%fZ', CURRENT_TIMESTAMP), :srid)"
        ),
        {"srid": SRID},
    )
    bind.execute(
        sa.text(
            "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
            "srs_id, z, m) VALUES ('boundaries', 'geom', 'MULTIPOLYGON', :srid, 0, 0)"
        ),
        {"srid": SRID},
    )
    bind.execute(sa.text("SELECT gpkgAddGeometryTriggers('boundaries', 'geom')"))
    bind.execute(sa.text("SELECT gpkgAddSpatialIndex('boundaries', 'geom')"))
    bind.exec_driver_sql(KIND_CODE_INDEX)


def _upgrade_postgis(bind) -> None:
    bind.exec_driver_sql(POSTGIS_TABLE)
    bind.exec_driver_sql(POSTGIS_GEOM_INDEX)
    bind.exec_driver_sql(KIND_CODE_INDEX)
    bind.exec_driver_sql("REVOKE ALL ON boundaries FROM PUBLIC")
    bind.exec_driver_sql("REVOKE ALL ON SEQUENCE boundaries_id_seq FROM PUBLIC")
    roles = bind.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n) ORDER BY rolname"),
        {"n": list(PRODUCT)},
    ).scalars()
    quote = bind.dialect.identifier_preparer.quote
    readers = ", ".join(quote(r) for r in roles)
    if readers:
        bind.exec_driver_sql(f"GRANT SELECT ON boundaries TO {readers}")


def upgrade() -> None:
    bind = op.get_bind()
    if _has_table(bind):  # nothing to do (a table left by an interrupted earlier attempt)
        return
    if bind.dialect.name == "postgresql":
        _upgrade_postgis(bind)
    else:
        _upgrade_geopackage(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP TABLE IF EXISTS boundaries")
        return
    # GeoPackage: the registration rows, the R-tree (and its triggers, dropped with the table)
    for suffix in ("", "_node", "_parent", "_rowid"):
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS rtree_boundaries_geom{suffix}")
    for registry in ("gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents"):
        bind.execute(sa.text(f"DELETE FROM {registry} WHERE lower(table_name) = 'boundaries'"))
    bind.exec_driver_sql("DROP TABLE IF EXISTS boundaries")
