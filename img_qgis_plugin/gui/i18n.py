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
from domain.presentation import text_format

CONTEXT = "@default"
NO_VALUE = "—"


def tr(text: str, disambiguation: str | None = None) -> str:
    """The plugin's one ``tr``: the Dutch source ``text`` in the interface language, from the
    ``.qm`` files (Qt's translator, context ``@default``). Every plugin module imports this one.

    Not :func:`domain.i18n.tr`, which looks up the domain's own catalogue by message id (the
    domain may not use Qt); plugin code needing a domain text imports that one renamed
    (``domain_tr``).
    """
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


def quake_day(value) -> dt.date | None:
    """The Dutch calendar date of a quake's UTC time, the date the rules compare with decision
    dates (23:46 UTC on 15 November is the 16th in Groningen); a bare date is taken as it is."""
    from domain.presentation.dutch_time import dutch_date

    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return dutch_date(value)
    text = str(value).strip()
    if len(text) <= 10:
        return parse_day(text)
    try:
        return dutch_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return parse_day(text)


def day_text(value) -> str:
    day = parse_day(value)
    return day.isoformat() if day else NO_VALUE


def number_text(value, decimals: int = 0, lang: str | None = None) -> str:
    """Thousands and decimals the way the reader writes them (1.234,5 in Dutch).

    Pass ``lang`` when formatting many numbers at once; otherwise it is looked up each time."""
    return text_format.number(value, decimals, lang or ui_language())


def pgv_text(value, lang: str | None = None) -> str:
    """A PGV the reader's way, rounded as the rules compare it (5,02 in Dutch)."""
    return text_format.pgv_number(value, lang or ui_language())


def euro_text(value, lang: str | None = None) -> str:
    """A euro amount the reader's way (€ 10.000 in Dutch, €10,000 in English)."""
    return text_format.euro(value, lang or ui_language())


def html_text(value) -> str:
    """Plain text made safe for a rich-text label (quotes stay as they are)."""
    return html.escape(str(value), quote=False)
