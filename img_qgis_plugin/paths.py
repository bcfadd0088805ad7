"""Where the plugin's files are: beside the adapter in the zip, one level up in the source tree."""

from __future__ import annotations

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
_CANDIDATES = (PLUGIN_DIR, os.path.dirname(PLUGIN_DIR))


def plugin_file(*parts: str) -> str:
    """Absolute path of ``metadata.txt``, ``resources/…`` or ``ui/…`` in either layout."""
    for root in _CANDIDATES:
        path = os.path.join(root, *parts)
        if os.path.exists(path):
            return path
    return os.path.join(_CANDIDATES[0], *parts)


def resource(*parts: str) -> str:
    return plugin_file("resources", *parts)


def ui_file(name: str) -> str:
    return plugin_file("ui", name)
