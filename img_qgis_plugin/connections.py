"""PostgreSQL connections as QGIS knows them; credentials resolved in memory, never stored.

The project and the settings keep only ``postgres-connection:NAME``; the user name and password
come from QGIS's authentication manager (``authcfg``) or the connection itself at open time.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit, urlunsplit

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCredentials,
    QgsDataSourceUri,
    QgsProviderRegistry,
)

from img_qgis_plugin.gui.i18n import tr

PREFIX = "postgres-connection:"


def postgres_connection_names() -> list[str]:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata is not None else []


def _connection_uri(name: str) -> QgsDataSourceUri | None:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.connections().get(name) if metadata is not None else None
    return QgsDataSourceUri(connection.uri()) if connection is not None else None


def auth_config_of(where: str) -> str:
    """The ``authcfg`` id of ``postgres-connection:NAME``, or "" when it has none."""
    if not where.startswith(PREFIX):
        return ""
    uri = _connection_uri(where[len(PREFIX) :])
    return uri.authConfigId() if uri is not None else ""


def with_layer_credentials(uris: dict, resolved: str, authcfg: str = "") -> dict:
    """Let QGIS's PostGIS layers log in without a password in their source.

    With an ``authcfg`` the layers carry its id and QGIS's authentication manager supplies the
    login. Otherwise a password from the store location goes to QGIS's in-memory credentials
    cache under each layer's connection, where the PostGIS provider looks first; it never
    reaches the project file, the settings or the log.
    """
    out = {}
    password = urlsplit(resolved).password if resolved.startswith("postgres") else None
    for key, (provider, source) in uris.items():
        if provider == "postgres" and authcfg:
            uri = QgsDataSourceUri(source)
            uri.setUsername("")
            uri.setPassword("")
            uri.setAuthConfigId(authcfg)
            source = uri.uri(False)
        elif provider == "postgres" and password:
            uri = QgsDataSourceUri(source)
            QgsCredentials.instance().put(
                uri.connectionInfo(False), uri.username(), unquote(password)
            )
        out[key] = (provider, source)
    return out


def resolve(where: str) -> str:
    """``postgres-connection:NAME`` → a ``postgresql://`` URL for the store; others unchanged."""
    if not where.startswith(PREFIX):
        return where
    name = where[len(PREFIX) :]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.connections().get(name) if metadata is not None else None
    if connection is None:
        raise ValueError(
            tr("Geen PostgreSQL-verbinding '{0}' in QGIS; maak hem aan in de Browser.").format(name)
        )
    uri = QgsDataSourceUri(connection.uri())
    if uri.service():
        return f"service={uri.service()}"
    user, password = uri.username(), uri.password()
    if uri.authConfigId():
        config = QgsAuthMethodConfig()
        QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        user, password = config.config("username"), config.config("password")
    auth = ""
    if user:
        auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "") + "@"
    port = f":{uri.port()}" if uri.port() else ""
    return f"postgresql://{auth}{uri.host() or 'localhost'}{port}/{uri.database()}"


def without_password(where) -> str:
    """What may be written to a project file: a store location with any password removed."""
    text = str(where)
    parts = urlsplit(text)
    if parts.scheme.startswith("postgres") and parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", "@", 1)
        return urlunsplit(parts._replace(netloc=netloc))
    return text
