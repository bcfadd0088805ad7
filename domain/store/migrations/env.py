"""Alembic environment: migrations always run on a connection the store hands over.

Only does work inside an alembic run, so importing the package (as the domain-boundary test
does for every module) has no side effect.
"""

from __future__ import annotations

import geoalchemy2.alembic_helpers  # noqa: F401  (alembic support for the geopackage dialect)
from alembic import context


def _run() -> None:
    from domain.store.schema import metadata

    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name in ("sqlite", "geopackage"),
    )
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "_proxy", None) is not None:
    _run()
