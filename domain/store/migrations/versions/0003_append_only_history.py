"""The audit log and the hand-off status history become append-only in the database itself.

Revision ID: 0003_append_only_history
Revises: 0002_claims_status_index
Create Date: 2026-11-24

Nothing of a hand-off's history may be lost or silently overwritten; triggers refuse UPDATE
and DELETE on both tables for every client (the plugin, the CLI, a SQL console, QGIS editing).
"""

from __future__ import annotations

from alembic import op

revision = "0003_append_only_history"
down_revision = "0002_claims_status_index"
branch_labels = None
depends_on = None

TABLES = ("audit_log", "handoff_status")
MESSAGE = "append-only: rows of {table} cannot be changed or removed"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION imgschade_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'append-only: rows of % cannot be changed or removed', "
            "TG_TABLE_NAME; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION imgschade_append_only()"
            )
        return
    for table in TABLES:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE.format(table=table)}'); END"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION imgschade_append_only()")
        return
    for table in TABLES:
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{action}")
