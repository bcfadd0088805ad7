"""Domain model for mining-damage work in Groningen.

Free of Qt and QGIS on purpose: planners, batch jobs, tests and the plugin all use the
same rules, and a test enforces that importing ``domain`` loads no ``qgis`` or ``PyQt5``.
"""

__version__ = "0.1.0"
