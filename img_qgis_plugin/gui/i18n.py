"""Translation and display helpers shared by the plugin's widgets.

Every visible string goes through :func:`tr` so ``pylupdate5`` finds it (it files bare ``tr``
calls under the ``@default`` context, which is therefore the context used at run time too).
Dutch is the source language; the English ``.qm`` carries the translations.
"""

from __future__ import annotations

import datetime as dt
import html

from qgis.PyQt.QtCore import QCoreApplication

from domain.i18n import DEFAULT_LANGUAGE, LANGUAGES

CONTEXT = "@default"
NO_VALUE = "—"


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def ui_language() -> str:
    """The language of the installed translation, so domain texts follow the Qt translator."""
    code = tr("nl", "language code of this translation: en for English")
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def yes_no(value: bool | None) -> str:
    if value is None:
        return tr("onbekend")
    return tr("ja") if value else tr("nee")


def parse_day(value) -> dt.date | None:
    """A calendar day from an ISO date or date-time text (UTC 'Z' allowed); None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("Z", "+00:00")
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.timezone.utc)
    return stamp.date()


def day_text(value) -> str:
    day = parse_day(value)
    return day.isoformat() if day else NO_VALUE


def number_text(value, decimals: int = 0, lang: str | None = None) -> str:
    """Thousands and decimals the way the reader writes them (1.234,5 in Dutch).

    Pass ``lang`` when formatting many numbers at once; otherwise it is looked up each time."""
    if value is None or value == "":
        return NO_VALUE
    text = f"{float(value):,.{decimals}f}"
    if (lang or ui_language()) == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def euro_text(value) -> str:
    return NO_VALUE if value is None or value == "" else f"€ {number_text(value)}"


def html_text(value) -> str:
    """Plain text made safe for a rich-text label (quotes stay as they are)."""
    return html.escape(str(value), quote=False)
