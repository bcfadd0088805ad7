"""The hostile tests that kill or block another process use the same demo store copies as
tests/unit/hostile."""

from tests.unit.hostile.conftest import _hostile_template, hostile_store  # noqa: F401  (fixtures)
