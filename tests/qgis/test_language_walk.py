"""In English no Dutch-only text remains, in Dutch no English, and Dutch numbers use a comma.

The walk covers what a case handler reads: the panel (every section, for demo objects with
claims, hand-offs and a Duurzaam herstel case), the dossier PDF, the start-area atlas PDF, the
legend of every store layer, the regional-overview dialog, the scenario's "what changes"
dialog, the settings dialog (background map included) and every Processing algorithm (names,
help, parameters, outputs and the steps its feedback names).

What may stay Dutch in English (ALLOWED_NAMES): the names of schemes and bodies as the sources
write them (Duurzaam herstel, (aanvullende) vaste vergoeding, maatwerk, IMG, IVS, NCG, CBS, NAM,
TCMG, CVW, AOS, Rijksmonument, Taskforce, Commissie Mijnbouwschade) and proper names from the
data: addresses, places, municipalities, quake places, person ids. Free text a user typed (a
hand-off's narrative or note) stays as typed and is not checked.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTabWidget,
)

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "img_qgis_plugin_en.ts"
AS_OF = dt.date(2026, 6, 1)
SAMPLES = ("handoff_present", "reopened_after_final", "dh_to_check", "overdue_claim")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Dutch words that never occur in English text (function words and the product's terms)
DUTCH_ONLY = _words(
    """
    de het een van voor niet geen zijn naar bij uit dat deze wel nog ook maar om aan
    als tot wordt worden heeft kan moet onbekend ja nee melding meldingen besluit beving bevingen
    gebied gebieden woning woningen aanvraag schade eigenaar opslag peildatum overdracht
    overdrachten oordeel oordelen voldaan onbepaald aanmerking gemeente toegekend afgewezen
    berekend trillingen nulmeting gegevens ontbreken bedrag finaal bezwaar termijn bouwjaar
    gebruik adres plaats tijd afstand blad lijst datum reden uitkomst vervolg ontvanger opgemaakt
    personen heropend ingediend regeling overschrijdingskans grootste geen eerst dagen sinds
    binnen buiten omdat waar hier daar ontvangen heropent nodig bestand grenzen achtergrond
    alleen opnieuw leeg soort verandert achtergrondkaart
    """
)
#: English words that never occur in Dutch text
ENGLISH_ONLY = _words(
    """
    the and with from this which quake quakes claim claims decision eligible unknown after
    before since must should would there than been have none yes dwelling awarded settings
    computed vibration vibrations page reason outcome because within without needed
    boundaries background empty changes
    """
)
#: scheme and body names that stay Dutch in English (see the module docstring)
ALLOWED_NAMES = (
    "aanvullende vaste vergoeding",
    "vaste vergoeding",
    "vaste herhaalvergoeding",
    "duurzaam herstel",
    "maatwerk",
    "commissie mijnbouwschade",
    "rijksmonument",
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
DUTCH_DECIMAL_POINT = re.compile(r"\b\d+\.\d+\s?(?:mm/s|km)\b|\bML \d+\.\d")
ENGLISH_DECIMAL_COMMA = re.compile(r"\b\d+,\d+\s?(?:mm/s|km)\b|\bML \d+,\d")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("walk") / "demo.gpkg"
    summary = build_demo(str(path), objects=600, seed=3)
    return path, summary.sample_object_ids


@pytest.fixture(params=["en", "nl"])
def language(request, qgis_app, tmp_path):
    """The plugin's language: English from the built translation, or Dutch (the source)."""
    if request.param == "nl":
        yield "nl"
        return
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease is missing (Debian package qttools5-dev-tools)"
    qm = tmp_path / "img_qgis_plugin_en.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield "en"
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def plugin(qgis_iface, demo_store, language):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store[0]))
    plugin.controller.as_of = AS_OF
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def widget_texts(root) -> list[str]:
    """Every text a reader can see in ``root`` and its children (labels, buttons, tables…)."""
    texts = []
    widgets = [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]
    for w in widgets:
        if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(root):
            texts.append(re.sub(r"<[^>]+>", " ", w.text()))
    for box in root.findChildren(QGroupBox):
        texts.append(box.title())
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for table in root.findChildren(QTableWidget):
        for c in range(table.columnCount()):
            header = table.horizontalHeaderItem(c)
            texts.append(header.text() if header else "")
            for r in range(table.rowCount()):
                item = table.item(r, c)
                texts.append(item.text() if item else "")
    return texts


def proper_names(store, object_ids) -> list[str]:
    """Names from the data that stay as they are in any language (and user-typed text)."""
    names = []
    for object_id in object_ids:
        record = store.read_object(object_id)
        names += [a.label() for a in record.addresses]
        names += [record.municipality or "", record.kadastrale_aanduiding or ""]
        names += [q.place or "" for q in record.quakes_at_object]
        for h in record.handoffs:
            names.append(h.narrative or "")
            names += [e.note or "" for e in h.history]
    return sorted({n for n in names if n}, key=len, reverse=True)


def foreign_words(texts, language: str, names, typed=frozenset()) -> list[str]:
    """Words of the other language in ``texts``, each with the words around it; ``typed``:
    words of user-typed text that a PDF table may have wrapped across lines (not checked)."""
    found = []
    forbidden = (DUTCH_ONLY if language == "en" else ENGLISH_ONLY) - typed
    names = [" ".join(n.split()) for n in names]
    for text in texts:
        rest = " ".join(str(text).split())
        for name in names:
            rest = rest.replace(name, " ")
        if language == "en":
            for allowed in ALLOWED_NAMES:
                rest = re.sub(re.escape(allowed), " ", rest, flags=re.IGNORECASE)
        for match in WORD.finditer(rest):
            if match.group().lower() in forbidden:
                context = rest[max(0, match.start() - 40) : match.end() + 40]
                found.append(f"{match.group()!r} in {context!r}")
        wrong_number = DUTCH_DECIMAL_POINT if language == "nl" else ENGLISH_DECIMAL_COMMA
        found += [
            f"{m.group()!r} in {rest[max(0, m.start() - 40) : m.end() + 20]!r}"
            for m in wrong_number.finditer(rest)
        ]
    return found


def typed_words(store, object_ids) -> frozenset[str]:
    """The words of the hand-off narratives and notes users typed for these objects."""
    words = set()
    for object_id in object_ids:
        for h in store.read_object(object_id).handoffs:
            for text in [h.narrative or "", *(e.note or "" for e in h.history)]:
                words |= {w.lower() for w in WORD.findall(text)}
    return frozenset(words)


def pdf_text(path) -> list[str]:
    """The PDF's text as one line (names and sentences may wrap across lines)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return [" ".join(out.stdout.split())]


def _samples(demo_store) -> list[int]:
    ids = demo_store[1]
    chosen = [ids[k] for k in SAMPLES if ids.get(k) is not None]
    assert len(chosen) >= 3, ids
    return chosen


def test_panel_speaks_one_language(plugin, demo_store, language):
    from img_qgis_plugin.gui.i18n import ui_language

    assert ui_language() == language
    store = plugin.controller.store
    ids = _samples(demo_store)
    names = proper_names(store, ids)
    problems = []
    for object_id in ids:
        view = plugin.show_object(object_id)
        assert view is not None and view["verdicts"]
        panel = plugin.panel
        texts = widget_texts(panel)
        assert any(c["reason"] for v in view["verdicts"].values() for c in v.get("conditions", []))
        problems += [f"object {object_id}: {p}" for p in foreign_words(texts, language, names)]
    assert not problems, "\n".join(problems)


def test_dossier_speaks_one_language(plugin, demo_store, language, tmp_path):
    from img_qgis_plugin.reports.dossier import export_dossier

    store = plugin.controller.store
    ids = _samples(demo_store)[:2]
    names = proper_names(store, ids)
    problems = []
    for object_id in ids:
        path = tmp_path / f"dossier_{object_id}.pdf"
        export_dossier(plugin, object_id, str(path), AS_OF)
        lines = pdf_text(path)
        settings_line = {"en": "Vibrations computed with", "nl": "Trillingen berekend met"}
        assert settings_line[language] in lines[0]
        typed = typed_words(store, [object_id])
        found = foreign_words(lines, language, names, typed)
        problems += [f"dossier {object_id}: {p}" for p in found]
    assert not problems, "\n".join(problems)


def test_atlas_speaks_one_language(plugin, language, tmp_path):
    from img_qgis_plugin.reports.atlas import export_startarea_atlas
    from tests.qgis.test_reports import _box_around_many_objects

    store = plugin.controller.store
    area = _box_around_many_objects(store, 20)
    visits = visit_list(store, area, as_of=AS_OF)
    path = tmp_path / "atlas.pdf"
    export_startarea_atlas(plugin, area, str(path), as_of=AS_OF)
    names = sorted(
        {r.address for r in visits.rows} | {getattr(r, "place", "") or "" for r in visits.rows},
        key=len,
        reverse=True,
    )
    problems = foreign_words(pdf_text(path), language, [n for n in names if n])
    assert not problems, "\n".join(problems)


def test_legends_speak_one_language(plugin, language):
    texts = []
    for layer in plugin.controller.layers.values():
        texts.append(layer.name())
        renderer = layer.renderer()
        texts += [item.label() for item in renderer.legendSymbolItems()]
    assert len(texts) > len(plugin.controller.layers)
    problems = foreign_words(texts, language, [])
    assert not problems, "\n".join(problems)


def test_overview_dialog_speaks_one_language(plugin, language, qtbot):
    dialog = plugin.show_regional_overview()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    store = plugin.controller.store
    from sqlalchemy import text

    with store.engine.connect() as conn:
        places = [r[0] for r in conn.execute(text("SELECT DISTINCT municipality FROM objects"))]
    names = sorted({p for p in places if p}, key=len, reverse=True)
    problems = foreign_words(widget_texts(dialog), language, names)
    assert not problems, "\n".join(problems)


def _municipalities(store) -> list[str]:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        places = [r[0] for r in conn.execute(text("SELECT DISTINCT municipality FROM objects"))]
    return sorted({p for p in places if p}, key=len, reverse=True)


def test_scenario_changes_dialog_speaks_one_language(plugin, language, qtbot):
    from domain.store.scenario import scenario_with_objects
    from img_qgis_plugin.gui.i18n import tr
    from img_qgis_plugin.gui.scenario_dialog import ScenarioChangesDialog
    from tests.qgis.test_reports import _box_around_many_objects

    store = plugin.controller.store
    box = _box_around_many_objects(store, 20)
    x, y = (float(v) for v in box.split("((")[1].split(",")[0].split())
    outcome = scenario_with_objects(store, x, y, 3.6, 3.0, AS_OF)
    dialog = ScenarioChangesDialog(tr("Scenario"), outcome.summary)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > 0
    texts = [dialog.windowTitle(), *widget_texts(dialog)]
    problems = foreign_words(texts, language, _municipalities(store))
    assert not problems, "\n".join(problems)


def test_settings_dialog_speaks_one_language(qgis_app, language, qtbot, tmp_path):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QSettings

    from img_qgis_plugin.gui.settings_dialog import SettingsDialog

    settings = QgsSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle(), *widget_texts(dialog)]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton)]
    background = [t for t in texts if "achtergrond" in t.lower() or "background" in t.lower()]
    assert background, "the background map setting is part of the walk"
    problems = foreign_words(texts, language, [])
    assert not problems, "\n".join(problems)


def test_processing_speaks_one_language(qgis_app, language):
    """Every algorithm as the Processing toolbox shows it: name, group, help, each parameter
    (enum choices included), each output, and the steps its feedback reports."""
    from img_qgis_plugin.gui.i18n import tr
    from img_qgis_plugin.processing import boundaries_algorithm
    from img_qgis_plugin.processing.provider import algorithm_classes

    texts = [tr(label) for label in boundaries_algorithm.STEPS.values()]
    for cls in algorithm_classes():
        algorithm = cls()
        algorithm.initAlgorithm()
        texts += [algorithm.displayName(), algorithm.group(), algorithm.shortHelpString()]
        for parameter in algorithm.parameterDefinitions():
            texts.append(parameter.description())
            texts += list(getattr(parameter, "options", lambda: [])())
        texts += [output.description() for output in algorithm.outputDefinitions()]
    assert len(texts) > 50
    problems = foreign_words(texts, language, [])
    assert not problems, "\n".join(problems)


def test_the_walk_notices_a_foreign_word():
    """The check itself can fail: a Dutch reason in English and 5.0 mm/s in Dutch are found."""
    assert foreign_words(["the decision is niet final"], "en", []) == [
        "'niet' in 'the decision is niet final'"
    ]
    assert foreign_words(["ML 3.4 op 2 km"], "nl", []) and foreign_words(["ML 3,4"], "en", [])
    assert foreign_words(["PGV 5.0 mm/s"], "nl", [])
    assert not foreign_words(["PGV 5,0 mm/s"], "nl", [])
    assert not foreign_words(["Vaste vergoeding: eligible"], "en", [])
