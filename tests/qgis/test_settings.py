"""Settings round-trip through an injected QgsSettings; the options page and the report button."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDate, QSettings
from qgis.PyQt.QtWidgets import QApplication

from domain import policy
from img_qgis_plugin.gui.settings_dialog import (
    SettingsDialog,
    SettingsOptionsFactory,
    SettingsOptionsPage,
)
from img_qgis_plugin.toolbelt.log_handler import versions_text
from img_qgis_plugin.toolbelt.preferences import GROUP, Preferences


@pytest.fixture
def settings(qgis_app, tmp_path):
    """A settings file of its own, so the test never touches the user's profile."""
    store = QgsSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.clear()
    return store


def _select(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_defaults_shown_from_policy(settings, qtbot):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.componentCombo.currentData() == policy.DEFAULT_COMPONENT == "larger"
    assert form.exceedanceSpin.value() == pytest.approx(policy.DEFAULT_EXCEEDANCE * 100)
    assert form.vs30Combo.currentData() == "object"
    assert form.languageCombo.currentData() == ""  # follows QGIS's interface language
    assert form.asOfTodayCheck.isChecked() and not form.asOfDate.isEnabled()
    assert form.backgroundCheck.isChecked()  # the PDOK background is on unless switched off


def test_round_trip_every_field(settings, qtbot):
    settings.setValue(f"{GROUP}/last_store", "/data/demo.gpkg")
    settings.setValue(f"{GROUP}/background_url", "http://127.0.0.1:9/wmts?service=WMTS")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    form = dialog.form
    _select(form.componentCombo, "geomean")
    form.exceedanceSpin.setValue(5.0)
    _select(form.vs30Combo, "default")
    _select(form.languageCombo, "en")
    form.asOfTodayCheck.setChecked(False)
    assert form.asOfDate.isEnabled()
    form.asOfDate.setDate(QDate(2025, 12, 31))
    form.backgroundCheck.setChecked(False)
    dialog.accept()

    assert settings.value(f"{GROUP}/component") == "geomean"
    loaded = Preferences.load(settings)
    assert loaded == Preferences(
        language="en",
        component="geomean",
        exceedance=0.05,
        vs30_source="default",
        as_of="2025-12-31",
        last_store="/data/demo.gpkg",  # not on the form, so kept
        background_map=False,
        background_url="http://127.0.0.1:9/wmts?service=WMTS",  # not on the form, so kept
    )
    again = SettingsDialog(settings)
    qtbot.addWidget(again)
    assert again.form.componentCombo.currentData() == "geomean"
    assert again.form.asOfDate.date() == QDate(2025, 12, 31)
    assert not again.form.asOfTodayCheck.isChecked()
    assert again.form.exceedanceSpin.value() == pytest.approx(5.0)
    assert not again.form.backgroundCheck.isChecked()


def test_back_to_today_stores_an_empty_date(settings, qtbot):
    Preferences(as_of="2024-05-01").save(settings)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.form.asOfTodayCheck.setChecked(True)
    dialog.accept()
    assert Preferences.load(settings).as_of == ""


def test_cancel_writes_nothing(settings, qtbot):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    _select(dialog.form.componentCombo, "maxrot")
    dialog.reject()
    assert Preferences.load(settings).component == "larger"


def test_options_page_applies(settings, qtbot):
    page = SettingsOptionsPage(settings=settings)
    qtbot.addWidget(page)
    assert page.form.buttonBox.isHidden()
    _select(page.form.componentCombo, "maxrot")
    page.apply()
    assert Preferences.load(settings).component == "maxrot"
    factory = SettingsOptionsFactory()
    assert factory.title() == "Mijnbouwschade"
    assert not factory.icon().isNull()


def test_report_button_copies_versions(settings, qtbot):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    dialog.form.reportButton.click()
    assert QApplication.clipboard().text() == versions_text()
    assert "QGIS" in QApplication.clipboard().text()
    assert dialog.form.reportStatus.text().startswith("Versies gekopieerd")


def test_language_follows_qgis_unless_chosen(settings):
    from img_qgis_plugin.toolbelt.preferences import qgis_language

    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    assert qgis_language(settings) == "nl" == Preferences().effective_language(settings)
    settings.setValue("locale/userLocale", "de_DE")  # a language the plugin lacks: English
    assert Preferences().effective_language(settings) == "en"
    assert Preferences(language="nl").effective_language(settings) == "nl"


@pytest.mark.parametrize(
    ("system", "expected"),
    [("C", "nl"), ("POSIX", "nl"), ("nl_NL", "nl"), ("en_GB", "en"), ("de_DE", "en")],
)
def test_without_an_override_the_system_locale_decides(settings, monkeypatch, system, expected):
    """No language in QGIS's options: the system's; one that names no language gets Dutch."""
    from qgis.PyQt import QtCore

    from img_qgis_plugin.toolbelt.preferences import qgis_language

    class SystemLocale:
        @staticmethod
        def system():
            return SimpleNamespace(name=lambda: system)

    monkeypatch.setattr(QtCore, "QLocale", SystemLocale)
    settings.setValue("locale/overrideFlag", False)
    assert qgis_language(settings) == expected


def test_pc4_source_keeps_its_table_and_gives_the_motion_settings(settings, qtbot, tmp_path):
    from domain.errors import InputError
    from tests.conftest import shared_data

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    form = dialog.form
    _select(form.vs30Combo, "default")
    assert not form.vs30TableWidget.isEnabled()
    _select(form.vs30Combo, "pc4")
    assert form.vs30TableWidget.isEnabled()
    form.vs30TableWidget.setFilePath(str(shared_data("vs30_pc4.csv")))
    saved = []
    dialog.on_saved = saved.append
    dialog.accept()
    loaded = Preferences.load(settings)
    assert saved == [loaded] and loaded.vs30_source == "pc4"
    motion = loaded.motion()
    assert motion.vs30_source == "pc4" and motion.vs30_table["9919"] == 178.7
    with pytest.raises(InputError):  # the PC4 source without a table cannot be used
        Preferences(vs30_source="pc4").motion()
