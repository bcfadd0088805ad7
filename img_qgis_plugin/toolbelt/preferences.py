"""The plugin's settings: a dataclass over one ``QgsSettings`` group, injectable for tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from qgis.core import QgsSettings

from domain import policy

GROUP = "img_qgis_plugin"


@dataclass
class Preferences:
    language: str = "nl"
    component: str = policy.DEFAULT_COMPONENT
    exceedance: float = policy.DEFAULT_EXCEEDANCE
    vs30_source: str = "object"  # per object (PC4 table) or the default value
    as_of: str = ""  # empty: today
    last_store: str = ""  # a file path or a connection name, never credentials

    @classmethod
    def load(cls, settings: QgsSettings | None = None) -> Preferences:
        settings = settings or QgsSettings()
        values = {}
        for f in fields(cls):
            default = getattr(cls, f.name)
            raw = settings.value(f"{GROUP}/{f.name}", default)
            try:
                values[f.name] = type(default)(raw)
            except (TypeError, ValueError):
                values[f.name] = default
        return cls(**values)

    def save(self, settings: QgsSettings | None = None) -> None:
        settings = settings or QgsSettings()
        for key, value in asdict(self).items():
            settings.setValue(f"{GROUP}/{key}", value)
