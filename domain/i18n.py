"""Dutch-first text for the domain (CLI, verdict reasons), English available.

The domain may not use Qt's translation machinery, so it keeps a small catalogue of its own:
each message id maps to a Dutch and an English text. Dutch is the default because it is
the users' language.
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_CATALOGUES: dict[str, dict[str, str]] = {"nl": {}, "en": {}}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add ``{id: (dutch, english)}`` to the catalogue; modules call this at import."""
    for key, (nl, en) in messages.items():
        _CATALOGUES["nl"][key] = nl
        _CATALOGUES["en"][key] = en


def current_language() -> str:
    """Language from ``IMGSCHADE_LANG``, else Dutch."""
    lang = os.environ.get("IMGSCHADE_LANG", DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, lang: str | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang`` (default: current language), formatted with ``values``.

    The domain's catalogue, looked up by message id. The QGIS plugin's own texts go through a
    different ``tr``, ``img_qgis_plugin.gui.i18n.tr``: Qt's translator, keyed by the Dutch text.
    """
    lang = lang if lang in LANGUAGES else current_language()
    text = _CATALOGUES[lang].get(key) or _CATALOGUES[DEFAULT_LANGUAGE].get(key)
    if text is None:
        raise KeyError(f"no text for message id {key!r}")
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in _CATALOGUES[DEFAULT_LANGUAGE]
