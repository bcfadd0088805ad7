"""Sub-commands of imgschade for this capability."""

from __future__ import annotations


def register(sub) -> None:
    """Add this capability's sub-commands to the ``imgschade`` parser."""
