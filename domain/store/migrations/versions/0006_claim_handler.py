"""Claims get a handler: who handled the claim and paid any award (NAM, CVW, TCMG or IMG).

Revision ID: 0006_claim_handler
Revises: 0005_hardened_shared_use
Create Date: 2026-12-02

The aanvullende vaste vergoeding tops up earlier payments by NAM, CVW, TCMG or IMG, so the rules
need to know who paid. The column is nullable (unknown: the top-up stays undetermined) and is
not editable in the product, so revision 0005's per-column UPDATE grants need nothing. On
PostGIS the audit trigger of 0005 reads the column list from the catalogue at each statement,
so the new column is audited without changing it.

Frozen DDL: the column is written out here, not taken from ``domain.store.schema``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_claim_handler"
down_revision = "0005_hardened_shared_use"
branch_labels = None
depends_on = None


def _has_handler(bind) -> bool:
    return "handler" in {c["name"] for c in sa.inspect(bind).get_columns("claims")}


def upgrade() -> None:
    bind = op.get_bind()
    if _has_handler(bind):  # a GeoPackage downgraded earlier keeps the column
        return
    # VARCHAR(4) in PostgreSQL; TEXT in a GeoPackage, whose readers accept only its own types
    kind = sa.String(4) if bind.dialect.name == "postgresql" else sa.Text()
    op.add_column("claims", sa.Column("handler", kind, nullable=True))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_column("claims", "handler")
    # GeoPackage: SQLite's DROP COLUMN re-parses the schema and trips over a trigger that
    # SpatiaLite writes for gpkg_metadata_reference; the column stays. Older code ignores it
    # (it is nullable), and upgrading again reuses it.
