"""One file per schema revision (alembic)."""
