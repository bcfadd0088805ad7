"""The plugin's settings: a dataclass over one ``QgsSettings`` group, injectable for tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from qgis.core import QgsSettings

from domain import policy
from domain.i18n import DEFAULT_LANGUAGE

GROUP = "img_qgis_plugin"


#: the plugin's own texts exist in these languages; QGIS in any other language gets English
PLUGIN_LANGUAGES = ("nl", "en")
FOLLOW_QGIS = ""


def qgis_language(settings: QgsSettings | None = None) -> str:
    """The language of QGIS's interface (its override in Options, else the system locale),
    narrowed to one the plugin speaks: Dutch for a Dutch QGIS, English for any other language;
    a system that names no language (the "C" locale) gets the users' language, Dutch."""
    from qgis.PyQt.QtCore import QLocale

    settings = settings or QgsSettings()
    overridden = str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1")
    code = str(settings.value("locale/userLocale", "") or "") if overridden else ""
    code = code or QLocale.system().name() or ""
    if code in ("", "C") or code.upper().startswith(("C.", "POSIX")):
        return DEFAULT_LANGUAGE
    code = code[:2].lower()
    return code if code in PLUGIN_LANGUAGES else "en"


def _as_bool(raw, default: bool) -> bool:
    """A switch as an ini file keeps it ("true"/"false"); ``bool("false")`` would be True."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    return default


@dataclass
class Preferences:
    language: str = FOLLOW_QGIS  # "" follows QGIS's interface language; "nl"/"en" fix it
    component: str = policy.DEFAULT_COMPONENT
    exceedance: float = policy.DEFAULT_EXCEEDANCE
    vs30_source: str = "object"  # object (own value) | pc4 (the table below) | default (fixed)
    vs30_table: str = ""  # the PC4 table (pc4,vs30_m_s) for vs30_source "pc4"
    as_of: str = ""  # empty: today
    last_store: str = ""  # a file path or a connection name, never credentials
    fdsn_url: str = policy.FDSN_EVENT_URL  # the event service *Nieuwe bevingen ophalen* asks
    background_map: bool = True  # the PDOK background under the store's layers, when reachable
    background_url: str = policy.BACKGROUND_WMTS_URL  # its WMTS capabilities (tests: loopback)

    @classmethod
    def load(cls, settings: QgsSettings | None = None) -> Preferences:
        settings = settings or QgsSettings()
        values = {}
        for f in fields(cls):
            default = getattr(cls, f.name)
            raw = settings.value(f"{GROUP}/{f.name}", default)
            if isinstance(default, bool):
                values[f.name] = _as_bool(raw, default)
                continue
            try:
                values[f.name] = type(default)(raw)
            except (TypeError, ValueError):
                values[f.name] = default
        return cls(**values)

    def effective_language(self, settings: QgsSettings | None = None) -> str:
        """The language texts are shown in: the chosen one, else QGIS's."""
        return self.language if self.language in PLUGIN_LANGUAGES else qgis_language(settings)

    def motion(self):
        """The ground-motion settings every computation uses (``MotionSettings``).

        Raises the domain's ``InputError`` when the PC4 source has no readable table."""
        from domain.store.motion_settings import MotionSettings, motion_with

        return motion_with(
            MotionSettings(self.component, float(self.exceedance)),
            vs30_source=self.vs30_source,
            vs30_table=self.vs30_table if self.vs30_source == "pc4" else None,
        )

    def save(self, settings: QgsSettings | None = None) -> None:
        settings = settings or QgsSettings()
        for key, value in asdict(self).items():
            settings.setValue(f"{GROUP}/{key}", value)
