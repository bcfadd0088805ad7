"""English is complete: every message of the .ts is translated, and the widgets switch to it."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QPushButton

from img_qgis_plugin.gui.handoff_dialog import HandOffDialog
from img_qgis_plugin.gui.i18n import ui_language
from img_qgis_plugin.gui.object_panel import ObjectPanel
from tests.qgis.panel_views import loppersum_view

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "img_qgis_plugin_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def _sources(path: Path) -> set[tuple[str, str]]:
    return {(ctx, m.findtext("source")) for ctx, m in _messages(path)}


def test_every_message_has_a_finished_translation():
    messages = list(_messages(TS_FILE))
    assert len(messages) > 100
    for context, message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") is None, (
            f"{context}: {source!r} is {translation.get('type')}"
        )
        assert (translation.text or "").strip(), f"{context}: {source!r} has no translation"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)
        ), f"{context}: {source!r} and its translation differ in placeholders"


def test_ts_covers_every_string_in_the_sources(tmp_path):
    """A string added to the code without refreshing the .ts would stay Dutch in English."""
    pylupdate = shutil.which("pylupdate5")
    assert pylupdate, "pylupdate5 is missing (Debian package pyqt5-dev-tools)"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "img_qgis_plugin").rglob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([pylupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = _sources(fresh) - _sources(TS_FILE)
    assert not missing, f"run 'make translations-update' and translate: {sorted(missing)}"


def _literal_sources() -> dict[tuple[str, str], str]:
    """(context, Dutch text) → where, for every literal ``tr("…")`` and
    ``QT_TRANSLATE_NOOP(context, "…")`` in the plugin, read with Python's own parser: pylupdate5
    misses a ``QT_TRANSLATE_NOOP`` whose text is split over several lines (Processing help)."""
    found = {}
    for path in sorted((ROOT / "img_qgis_plugin").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            texts = [a.value if isinstance(a, ast.Constant) else None for a in node.args[:2]]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if node.func.id == "tr" and texts and isinstance(texts[0], str):
                found[("@default", texts[0])] = where
            elif node.func.id == "QT_TRANSLATE_NOOP" and len(texts) == 2 and all(texts):
                found[(texts[0], texts[1])] = where
    return found


def test_ts_covers_every_literal_and_keeps_no_stale_entry(tmp_path):
    """Also the texts pylupdate5 cannot see; and no entry whose source text left the code (a
    changed Dutch text leaves its old entry behind and shows Dutch in English)."""
    literals = _literal_sources()
    in_ts = _sources(TS_FILE)
    missing = sorted(f"{where}: {key[1]!r}" for key, where in literals.items() if key not in in_ts)
    assert not missing, "add to the .ts and translate:\n" + "\n".join(missing)
    pylupdate = shutil.which("pylupdate5")
    assert pylupdate, "pylupdate5 is missing (Debian package pyqt5-dev-tools)"
    fresh = tmp_path / "fresh.ts"  # also the .ui texts and the classes' own self.tr
    sources = sorted(str(p) for p in (ROOT / "img_qgis_plugin").rglob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([pylupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    stale = in_ts - set(literals) - _sources(fresh)
    assert not stale, f"no longer in the code, remove from the .ts: {sorted(stale)}"


@pytest.fixture
def english(qgis_app, tmp_path):
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease is missing (Debian package qttools5-dev-tools)"
    qm = tmp_path / "img_qgis_plugin_en.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_panel_texts_switch_to_english(english, qtbot):
    assert ui_language() == "en"
    panel = ObjectPanel()
    qtbot.addWidget(panel)
    panel.show_object(loppersum_view())
    tabs = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert tabs == ["Object", "Claims", "Quakes", "Hand-off"]
    claim_headers = [
        panel.claim_table.horizontalHeaderItem(i).text()
        for i in range(panel.claim_table.columnCount())
    ]
    assert claim_headers == [
        "Claim number",
        "Scheme",
        "Submitted",
        "Decision",
        "Outcome",
        "Amount",
        "Handler",
        "Final",
        "Objection",
        "Overdue",
    ]
    quake_headers = [
        panel.quake_table.horizontalHeaderItem(i).text()
        for i in range(panel.quake_table.columnCount())
    ]
    assert quake_headers == ["Date", "Place", "ML", "Distance (km)", "PGV (mm/s)", "Mark"]
    assert panel.handoffs.new_button.text() == "Hand off to IVS/CBS…"
    buttons = [b.text() for b in panel.handoffs.boxes[0].findChildren(QPushButton)]
    assert buttons == ["→ Proposal to residents", "→ Returned"]  # domain labels follow
    assert panel.as_of_label.text() == "As of:"
    assert "Not eligible" in panel.verdict_cards["vaste_vergoeding"].answer.text()
    assert panel.claim_table.item(0, 1).text() == "Custom assessment (maatwerk)"
    assert panel.header["woz_value"].text() == "€212,000"  # one euro format per language


def test_dialog_texts_switch_to_english(english, qtbot):
    dialog = HandOffDialog(object_id="100234", claims=[])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Hand off to IVS or CBS"
    assert dialog.narrativeLabel.text() == "Narrative"
    assert dialog.consentCheck.text() == "The residents consent to the hand-off"
    assert dialog.error_text("narrative").startswith("Describe the situation")


def test_without_translator_the_panel_is_dutch(qgis_app, qtbot):
    panel = ObjectPanel()
    qtbot.addWidget(panel)
    assert ui_language() == "nl"
    assert panel.tabs.tabText(1) == "Meldingen"
