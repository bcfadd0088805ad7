"""PostgreSQL connections as QGIS knows them; credentials resolved in memory, never stored.

The project and the settings keep only ``postgres-connection:NAME``; the user name and password
come from QGIS's authentication manager (``authcfg``) or the connection itself at open time.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

PREFIX = "postgres-connection:"


def postgres_connection_names() -> list[str]:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata is not None else []


def resolve(where: str) -> str:
    """``postgres-connection:NAME`` → a ``postgresql://`` URL for the store; others unchanged."""
    if not where.startswith(PREFIX):
        return where
    name = where[len(PREFIX) :]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.connections().get(name) if metadata is not None else None
    if connection is None:
        raise ValueError(
            f"Geen PostgreSQL-verbinding '{name}' in QGIS; maak hem aan in de Browser."
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
