"""Numbers as readers write them: one function per kind, the language decides the marks.

Dutch writes a decimal comma and groups thousands with a point (``1.234,5``; ``€ 10.000``),
English the other way round (``1,234.5``; ``€10,000``). Every text that shows a number — verdict
reasons, CLI text, the plugin's panel and reports — formats it here, so no path can write
``5.0 mm/s`` in Dutch.
"""

from __future__ import annotations

import re

from domain import policy
from domain.i18n import current_language

NO_VALUE = "—"
#: ASCII digits only: a look-alike digit is not a postcode and is shown as given
_POSTCODE = re.compile(r"([0-9]{4})[ -]?([A-Za-z]{2})")


def _swap_marks(text: str) -> str:
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def number(value, decimals: int | None = 0, lang: str | None = None, group: bool = True) -> str:
    """``value`` with ``decimals`` decimals (None: as many as needed, up to six), grouped.

    Empty or None gives a dash, so a missing figure never reads as zero."""
    if value is None or value == "":
        return NO_VALUE
    value = float(value)
    sep = "," if group else ""
    if decimals is None:
        text = f"{value:{sep}.6f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    else:
        text = f"{value:{sep}.{decimals}f}"
    lang = lang or current_language()
    return _swap_marks(text) if lang == "nl" else text


def general(value, lang: str | None = None) -> str:
    """A float in its shortest general form (six significant digits, no grouping)."""
    if value is None or value == "":
        return NO_VALUE
    text = f"{float(value):g}"
    return _swap_marks(text) if (lang or current_language()) == "nl" else text


def euro(value, lang: str | None = None) -> str:
    """A whole-euro amount: ``€ 10.000`` in Dutch, ``€10,000`` in English."""
    if value is None or value == "":
        return NO_VALUE
    lang = lang or current_language()
    whole = number(round(float(value)), 0, lang)
    return f"€ {whole}" if lang == "nl" else f"€{whole}"


def pgv_number(mm_s, lang: str | None = None) -> str:
    """A ground velocity without its unit, rounded as every threshold comparison rounds it
    (``policy.pgv_rounded``): ``5,02`` in Dutch, ``5.02`` in English."""
    if mm_s is None:
        return NO_VALUE
    return number(policy.pgv_rounded(mm_s), policy.PGV_DECIMALS, lang)


def speed(mm_s, lang: str | None = None) -> str:
    """A ground velocity with its unit: ``5,02 mm/s`` in Dutch, ``5.02 mm/s`` in English."""
    return f"{pgv_number(mm_s, lang)} mm/s"


def distance_km(km, lang: str | None = None, decimals: int = 1) -> str:
    return f"{number(km, decimals, lang)} km"


def magnitude(ml, lang: str | None = None) -> str:
    """A magnitude with one decimal, as every quake text writes it: ``3,2`` in Dutch,
    ``3.2`` in English."""
    return number(ml, 1, lang)


def quake_text(label, pgv_mm_s=None, lang: str | None = None) -> str:
    """A quake as ``2019-05-22 Westerwijtwerd ML 3,4 (6,1 mm/s)`` (points in English);
    ``label`` is ``(day, place, ml)`` or a text already written."""
    if isinstance(label, tuple):
        day, place, ml = label
        text = " ".join(p for p in (day, place, f"ML {magnitude(ml, lang)}") if p)
    else:
        text = str(label)
    return text if pgv_mm_s is None else f"{text} ({speed(pgv_mm_s, lang)})"


def postcode(value) -> str:
    """A Dutch postcode as people write it, ``9919 AK``: four digits, a space, two capitals.

    The store keeps ``9919AK``; imports may carry ``9919 ak`` or ``9919-AK``. Anything that is
    not a postcode is returned as given (trimmed), so nothing is hidden or silently repaired."""
    if value is None:
        return ""
    text = str(value).strip()
    match = _POSTCODE.fullmatch(text)
    if match is None:
        return text
    return f"{match.group(1)} {match.group(2).upper()}"
