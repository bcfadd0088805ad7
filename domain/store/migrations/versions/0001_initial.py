"""The first store schema: objects, parcels, addresses, persons, ownerships, claims, quakes,
exposure, areas, hand-offs with their status history, audit log.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24

Creates the tables from ``domain.store.schema`` as it stood at this revision; GeoAlchemy2's
DDL hooks register the spatial tables in GeoPackage (gpkg_contents, gpkg_geometry_columns,
R-tree) or add GiST indexes in PostGIS. Later revisions change the schema with ``op.*``.
"""

from __future__ import annotations

from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    from domain.store.schema import REVISIONS, create_at_revision

    create_at_revision(op.get_bind(), revision, REVISIONS)


def downgrade() -> None:
    from domain.store.schema import metadata

    metadata.drop_all(op.get_bind())
