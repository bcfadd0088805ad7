"""The plugin's settings: one form used both as a dialog and as a page in QGIS's Options.

The form only edits :class:`~img_qgis_plugin.toolbelt.preferences.Preferences`; the settings
object is injectable so tests never touch the user's profile.
"""

from __future__ import annotations

from dataclasses import replace

from qgis.core import QgsSettings
from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QApplication, QCheckBox, QDialog, QVBoxLayout, QWidget

from domain import policy
from img_qgis_plugin.__about__ import __icon_path__
from img_qgis_plugin.gui.i18n import number_text, parse_day, tr
from img_qgis_plugin.paths import ui_file
from img_qgis_plugin.toolbelt.log_handler import versions_text
from img_qgis_plugin.toolbelt.preferences import Preferences

FORM_CLASS, _ = uic.loadUiType(ui_file("settings_dialog.ui"))
OPTIONS_PAGE_OBJECT_NAME = "ImgOptionsPage"


def component_choices() -> list[tuple[str, str]]:
    return [
        ("larger", tr("Grootste horizontale component")),
        ("geomean", tr("Geometrisch gemiddelde")),
        ("maxrot", tr("Maximaal geroteerde component")),
    ]


def vs30_choices() -> list[tuple[str, str]]:
    return [
        ("object", tr("Per object (eigen waarde van het object)")),
        ("pc4", tr("Per postcodegebied (PC4-tabel)")),
        (
            "default",
            tr("Vaste waarde ({value} m/s)").format(value=number_text(policy.DEFAULT_VS30_M_S)),
        ),
    ]


def language_choices() -> list[tuple[str, str]]:
    return [("", tr("Zoals QGIS")), ("nl", "Nederlands"), ("en", "English")]


class SettingsWidget(QWidget, FORM_CLASS):
    """Shows one :class:`Preferences` and writes it back on :meth:`save`."""

    def __init__(self, settings: QgsSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.settings = settings
        for combo, choices in (
            (self.componentCombo, component_choices()),
            (self.vs30Combo, vs30_choices()),
            (self.languageCombo, language_choices()),
        ):
            for value, label in choices:
                combo.addItem(label, value)
        self.assumptionLabel.setText(
            tr(
                "Aanname: de bronnen noemen niet welke component IMG gebruikt. Standaard: de "
                "grootste horizontale component bij {p} % overschrijdingskans."
            ).format(p=number_text(policy.DEFAULT_EXCEEDANCE * 100))
        )
        # the PC4 table for the "pc4" source, below the VS30 choice
        self.vs30TableWidget = QgsFileWidget(self)
        self.vs30TableWidget.setObjectName("vs30TableWidget")
        self.vs30TableWidget.setFilter(tr("CSV-bestanden (*.csv)"))
        self.vs30TableWidget.setToolTip(tr("Tabel met kolommen pc4,vs30_m_s"))
        self.groundMotionLayout.addRow(tr("PC4-tabel"), self.vs30TableWidget)
        self.vs30Combo.currentIndexChanged.connect(self._show_table_choice)
        # the map background, a row of its own under the general settings
        self.backgroundCheck = QCheckBox(tr("Achtergrondkaart (PDOK BRT, grijs)"), self)
        self.backgroundCheck.setObjectName("backgroundCheck")
        self.backgroundCheck.setToolTip(
            tr(
                "Toont de grijze BRT-Achtergrondkaart van PDOK onder de kaartlagen, als de dienst "
                "bereikbaar is (via de netwerk- en proxy-instellingen van QGIS)."
            )
        )
        self.generalLayout.addRow(self.backgroundCheck)
        self.asOfTodayCheck.toggled.connect(lambda today: self.asOfDate.setEnabled(not today))
        self.reportButton.clicked.connect(self.copy_report)
        self.loaded = Preferences.load(self.settings)
        self.show_preferences(self.loaded)

    def show_preferences(self, prefs: Preferences) -> None:
        for combo, value in (
            (self.componentCombo, prefs.component),
            (self.vs30Combo, prefs.vs30_source),
            (self.languageCombo, prefs.language),
        ):
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))
        self.exceedanceSpin.setValue(prefs.exceedance * 100)
        self.vs30TableWidget.setFilePath(prefs.vs30_table)
        self.backgroundCheck.setChecked(bool(prefs.background_map))
        self._show_table_choice()
        day = parse_day(prefs.as_of)
        self.asOfTodayCheck.setChecked(day is None)
        self.asOfDate.setEnabled(day is not None)
        if day is not None:
            self.asOfDate.setDate(QDate(day.year, day.month, day.day))
        else:
            self.asOfDate.setDate(QDate.currentDate())

    def _show_table_choice(self, *_args) -> None:
        self.vs30TableWidget.setEnabled(self.vs30Combo.currentData() == "pc4")

    def preferences(self) -> Preferences:
        """The preferences as the form shows them; fields the form does not show are kept."""
        as_of = ""
        if not self.asOfTodayCheck.isChecked():
            as_of = self.asOfDate.date().toString("yyyy-MM-dd")
        return replace(
            self.loaded,
            language=self.languageCombo.currentData(),
            component=self.componentCombo.currentData(),
            exceedance=round(self.exceedanceSpin.value() / 100, 6),
            vs30_source=self.vs30Combo.currentData(),
            vs30_table=self.vs30TableWidget.filePath(),
            as_of=as_of,
            background_map=self.backgroundCheck.isChecked(),
        )

    def save(self) -> Preferences:
        prefs = self.preferences()
        prefs.save(self.settings)
        self.loaded = prefs
        return prefs

    def copy_report(self) -> str:
        """Put the versions on the clipboard for a problem report, and say so."""
        text = versions_text()
        QApplication.clipboard().setText(text)
        self.reportStatus.setText(tr("Versies gekopieerd; plak ze in uw melding."))
        return text


class SettingsDialog(QDialog):
    """The settings as a dialog; ``on_saved(prefs)`` runs after OK (e.g. offer a recompute)."""

    def __init__(self, settings: QgsSettings | None = None, parent=None, on_saved=None) -> None:
        super().__init__(parent)
        self.on_saved = on_saved
        self.setObjectName("ImgSettingsDialog")
        self.form = SettingsWidget(settings, self)
        self.setWindowTitle(self.form.windowTitle())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.form.buttonBox.accepted.connect(self.accept)
        self.form.buttonBox.rejected.connect(self.reject)

    def accept(self) -> None:
        prefs = self.form.save()
        super().accept()
        if self.on_saved is not None:
            self.on_saved(prefs)


class SettingsOptionsPage(QgsOptionsPageWidget):
    """The same form inside QGIS's Options dialog; QGIS calls :meth:`apply` on OK."""

    def __init__(self, parent=None, settings: QgsSettings | None = None, on_saved=None) -> None:
        super().__init__(parent)
        self.on_saved = on_saved
        self.setObjectName(OPTIONS_PAGE_OBJECT_NAME)
        self.form = SettingsWidget(settings, self)
        self.form.buttonBox.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def apply(self) -> None:
        prefs = self.form.save()
        if self.on_saved is not None:
            self.on_saved(prefs)


class SettingsOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, on_saved=None) -> None:
        super().__init__()
        self.on_saved = on_saved
        self.setTitle(tr("Mijnbouwschade"))

    def icon(self) -> QIcon:
        return QIcon(__icon_path__)

    def createWidget(self, parent) -> SettingsOptionsPage:  # noqa: N802
        return SettingsOptionsPage(parent, on_saved=self.on_saved)
