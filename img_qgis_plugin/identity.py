"""Who is working: the name the plugin writes into the store's audit trail."""

from __future__ import annotations

import getpass

#: stored in the audit trail when the system gives no login name (a stored value, not translated)
UNKNOWN_USER = "onbekend"


def current_user() -> str:
    """The login name of the person running QGIS, as the audit trail records it."""
    try:
        return getpass.getuser()
    except Exception:  # no login name on some systems (no USER variable, no passwd entry)
        return UNKNOWN_USER
