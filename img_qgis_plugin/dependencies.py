"""Check the Python packages the domain needs, so a missing one is explained, not a crash."""

from __future__ import annotations


def dependency_problem():
    """``(text, per-platform commands)`` when the plugin cannot start, else None.

    Run after ``domain`` is importable; importing it needs only the standard library.
    """
    from domain.i18n import tr as domain_text
    from domain.runtime.requirements import (
        advice_for_every_platform,
        install_advice,
        missing_compiled,
        missing_vendored,
    )

    problems = missing_compiled()
    if problems:
        return install_advice(problems), advice_for_every_platform(problems)
    vendored = missing_vendored()
    if vendored:
        return domain_text("deps.vendor_missing", names=", ".join(vendored)), {}
    return None


class MissingDependenciesPlugin:
    """Stand-in plugin that tells the user exactly what to install, instead of failing to load."""

    def __init__(self, interface, text: str, commands: dict[str, str]) -> None:
        self.iface = interface
        self.text = text
        self.commands = commands

    def initGui(self) -> None:  # noqa: N802
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(self.text, "Mijnbouwschade", Qgis.MessageLevel.Critical)
        for platform, command in self.commands.items():
            QgsMessageLog.logMessage(
                f"{platform}: {command}", "Mijnbouwschade", Qgis.MessageLevel.Info
            )
        self.iface.messageBar().pushMessage(
            "Mijnbouwschade", self.text, Qgis.MessageLevel.Critical, 0
        )

    def unload(self) -> None:
        pass
