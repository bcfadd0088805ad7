"""The store the plugin has open, as the default of every algorithm's STORE parameter.

Processing builds an algorithm's parameters each time it makes one (a form, a
``processing.run``), so a form opens filled with the store shown on the map. The plugin keeps
this module told through a store listener (:func:`follow`); without the plugin's window
(``qgis_process``) nothing is set and the parameter stays empty.

What is kept is a location people may see and type: a GeoPackage's path, a QGIS connection
as ``postgres-connection:NAME``, or a PostgreSQL address without its password; never a login.
"""

from __future__ import annotations

import contextlib
from urllib.parse import unquote, urlsplit

_open = {"where": "", "refresh": None}


def set_open_store(where: str, refresh=None) -> None:
    """Remember ``where`` (already free of credentials) as the open store; "" forgets it.

    ``refresh()`` redraws the plugin's layers of that store (after a run that wrote to it)."""
    _open["where"] = str(where or "")
    _open["refresh"] = refresh if _open["where"] else None


def open_store_default() -> str | None:
    """The STORE parameter's default: the open store, or None when none is open."""
    return _open["where"] or None


def refresh_open_store() -> None:
    """Redraw the open store's layers and the panel: a run has just written to the store."""
    if _open["refresh"] is not None:
        _open["refresh"]()


def shareable_location(where: str) -> str:
    """``where`` as the STORE parameter may show it: a resolved PostgreSQL address becomes
    the QGIS connection it came from, else the address without its password."""
    from img_qgis_plugin.connections import PREFIX, without_password

    text = str(where or "")
    if not text.startswith("postgres"):
        return text  # a GeoPackage path, or service=NAME (a pg_service entry holds the login)
    name = connection_of(text)
    return f"{PREFIX}{name}" if name else without_password(text)


def connection_of(url: str) -> str:
    """The name of the QGIS PostgreSQL connection ``url`` was resolved from, or "".

    Compared on host, port, database and (when the connection names one) user, as
    ``connections.resolve`` builds the address: the password is never looked at."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    parts = urlsplit(url)
    wanted = (
        (parts.hostname or "").lower(),
        str(parts.port or ""),
        unquote(parts.path.lstrip("/")),
    )
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return ""
    for name, connection in sorted(metadata.connections().items()):
        uri = QgsDataSourceUri(connection.uri())
        if uri.service():
            continue  # resolved to service=NAME, never to an address
        found = ((uri.host() or "localhost").lower(), str(uri.port() or ""), uri.database())
        same_user = not uri.username() or uri.username() == unquote(parts.username or "")
        if found == wanted and same_user:
            return name
    return ""


def follow(controller):
    """A store listener (``controller.add_store_listener``) that keeps the default current."""

    def redraw() -> None:
        for layer in list(controller.layers.values()):
            with contextlib.suppress(RuntimeError):  # a layer deleted meanwhile
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
        controller.refresh()

    def on_store_change(reason: str, _removed=None) -> None:
        if reason in ("opened", "switched"):
            set_open_store(shareable_location(controller.where), redraw)
        elif reason == "closed":
            set_open_store("")
        # layers_removed: the store itself is still open, so it stays the default

    return on_store_change
