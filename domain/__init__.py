"""Domain model for mining-damage work in Groningen.

Free of Qt and QGIS on purpose: planners, batch jobs, tests and the plugin all use the
same rules, and a test enforces that importing ``domain`` loads no ``qgis`` or ``PyQt5``.
"""

__version__ = "0.1.0"

# before anything imports SQLAlchemy: the bundled copies win over any other on sys.path
import domain.runtime.vendored  # noqa: E402,F401
