"""Shared use: claim versions everywhere; on PostGIS also roles, row-level security, planner views.

Revision ID: 0004_shared_use
Revises: 0003_append_only_history
Create Date: 2026-11-24

Claims get a ``version`` (optimistic locking, like hand-offs), so two people editing one claim
cannot overwrite each other. On PostGIS the migration also creates the group roles (when the
migrating user may create roles), the login → municipality table the policies read, the
row-level security policies and the aggregate functions/views for the planner. Everything
PostGIS-only is written to be re-runnable: roles and the login table live outside the tables
a store rebuild drops, and the planner views read functions (not tables), so dropping and
recreating the tables (``create_store(overwrite=True)``) never trips over them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_shared_use"
down_revision = "0003_append_only_history"
branch_labels = None
depends_on = None


def _has_version(bind) -> bool:
    return "version" in {c["name"] for c in sa.inspect(bind).get_columns("claims")}


def upgrade() -> None:
    bind = op.get_bind()
    if not _has_version(bind):  # a GeoPackage downgraded earlier keeps the column
        op.add_column(
            "claims", sa.Column("version", sa.Integer, nullable=False, server_default="1")
        )
    if bind.dialect.name != "postgresql":
        return
    from domain.store.roles import install_postgis_security

    install_postgis_security(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from domain.store.roles import remove_postgis_security

        remove_postgis_security(bind)
        op.drop_column("claims", "version")
    # GeoPackage: SQLite's DROP COLUMN re-parses the schema and trips over a trigger that
    # SpatiaLite writes for gpkg_metadata_reference; the column stays. Older code ignores it
    # (it has a default), and upgrading again reuses it.
