"""Plugin facts read from ``metadata.txt``, so the version lives in one place."""

from __future__ import annotations

import configparser
import os

from img_qgis_plugin.paths import plugin_file

_meta = configparser.ConfigParser(interpolation=None)
_meta.read(plugin_file("metadata.txt"), encoding="utf-8")

__title__ = _meta.get("general", "name", fallback="Mijnbouwschade Groningen")
__version__ = _meta.get("general", "version", fallback="0.0.0")
__homepage__ = _meta.get("general", "homepage", fallback="")
__tracker__ = _meta.get("general", "tracker", fallback="")
__icon_path__ = plugin_file(_meta.get("general", "icon", fallback="resources/icons/icon.svg"))
PLUGIN_FOLDER = os.path.basename(os.path.dirname(os.path.abspath(__file__)))
