"""Integration tests (``make test-integration``): a real PostgreSQL/PostGIS server started on
loopback (shared use, roles, faults, migrations), ``kill -9`` during imports and stores busy in
another process. They take minutes, where tests/unit takes one.

With them run the ``postgis``-marked tests in tests/unit: the PostGIS half of the store tests.
"""
