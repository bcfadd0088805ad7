"""*Nieuwe bevingen ophalen*: new quakes from the event service or a file, in a task, ending in
a dock that lists the objects they moved — selectable on the map and exportable.

The work is the domain's ``update_catalog`` (one transaction, only the objects within reach
recomputed); this module only asks where the quakes come from, runs it as a ``QgsTask`` with
progress and shows the result.
"""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from img_qgis_plugin.controller import say_no_store
from img_qgis_plugin.gui.i18n import pgv_text, tr, ui_language
from img_qgis_plugin.toolbelt.log_handler import log
from img_qgis_plugin.toolbelt.preferences import Preferences

OBJECT_ROLE = Qt.ItemDataRole.UserRole


class CatalogUpdateRunner:
    """Asks for the source, runs the update as a task, shows the dock when it is done."""

    def __init__(self, controller, dock: CatalogUpdateDock) -> None:
        self.controller = controller
        self.dock = dock
        self.task = None
        self.last = None  # the last CatalogUpdate shown

    def ask_and_run(self, parent=None):
        """The user's choice: the event service (URL from the settings) or a file."""
        if self.controller.store is None:
            say_no_store()
            return None
        url = Preferences.load().fdsn_url
        box = QMessageBox(parent)
        box.setWindowTitle(tr("Nieuwe bevingen ophalen"))
        box.setText(tr("Waar komen de nieuwe bevingen vandaan?\n\nBevingsdienst: {0}").format(url))
        service = box.addButton(tr("Bevingsdienst"), QMessageBox.ButtonRole.AcceptRole)
        from_file = box.addButton(tr("Bestand…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is service:
            return self.run(url=url)
        if box.clickedButton() is from_file:
            path, _ = QFileDialog.getOpenFileName(
                parent,
                tr("Catalogusbestand kiezen"),
                "",
                tr("Bevingscatalogus (*.csv *.txt *.xml *.quakeml);;Alle bestanden (*)"),
            )
            if path:
                return self.run(path=path)
        return None

    def run(self, path: str | None = None, url: str | None = None):
        """Start the update of the open store from ``path`` or the service at ``url``."""
        from domain.store.catalog_update import update_catalog_fdsn, update_catalog_file
        from img_qgis_plugin.tasks import DomainTask, start

        store = self.controller.store
        if store is None:
            return None

        def work(progress, cancel):
            if path:
                return update_catalog_file(store, path, progress=progress, cancel=cancel)
            return update_catalog_fdsn(store, url, progress=progress, cancel=cancel)

        def done(result, error) -> None:
            self.task = None
            if error is not None or store is not self.controller.store:
                return  # the task logged why; the store is as it was
            self.last = result
            for layer in self.controller.layers.values():
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
            self.dock.show_update(result, self.controller)
            self.dock.show()
            self.dock.raise_()
            self.dock.make_room(self.controller.iface.mainWindow())
            log(
                tr("Nieuwe bevingen: {0}; al bekend: {1}; herberekende objecten: {2}.").format(
                    result.added, result.already_present, result.objects_recomputed
                ),
                "success",
                push=True,
            )
            self.controller.refresh()

        self.task = start(DomainTask(tr("Nieuwe bevingen ophalen"), work, done))
        return self.task


class CatalogUpdateDock(QgsDockWidget):
    """The objects a catalogue update moved, per group; select them on the map, export them."""

    def __init__(self, parent=None) -> None:
        super().__init__(tr("Nieuwe bevingen"), parent)
        self.setObjectName("ImgCatalogUpdateDock")
        self.catalog_update = None
        self.controller = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(body)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Object"), tr("Adres"), tr("Beving"), tr("PGV (mm/s)")])
        self.tree.itemDoubleClicked.connect(self._open_object)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        self.select_button = QPushButton(tr("Selecteren op de kaart"), body)
        self.select_button.clicked.connect(lambda: self.select_on_map())
        self.export_button = QPushButton(tr("Exporteren (CSV)…"), body)
        self.export_button.clicked.connect(lambda: self.export_csv())
        buttons.addWidget(self.select_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._enable(False)

    def make_room(self, window) -> None:
        """Below the object panel the dock opens a few rows high; give it half the window's
        height so the groups can be read (a height the user chose is kept)."""
        wanted = window.height() // 2
        if self.isVisible() and not self.isFloating() and self.height() < wanted * 3 // 4:
            window.resizeDocks([self], [wanted], Qt.Orientation.Vertical)

    def _enable(self, on: bool) -> None:
        self.select_button.setEnabled(on)
        self.export_button.setEnabled(on)

    def show_update(self, update, controller=None) -> None:
        from domain.store.catalog_update_report import GROUPS, group_label

        self.catalog_update, self.controller = update, controller
        lang = ui_language()
        self.summary.setText(
            tr(
                "Nieuwe bevingen: {0} (tellen mee: {1}); al bekend: {2}. Herberekende "
                "objecten: {3}."
            ).format(
                update.added,
                update.added_counting,
                update.already_present,
                update.objects_recomputed,
            )
        )
        self.tree.clear()
        for name in GROUPS:
            members = update.group(name)
            top = QTreeWidgetItem([f"{group_label(name, lang)} ({len(members)})"])
            top.setData(0, OBJECT_ROLE, name)
            for change in members:
                where = change.address or ", ".join(
                    p for p in (change.place, change.municipality) if p
                )
                child = QTreeWidgetItem(
                    [
                        str(change.object_id),
                        where,
                        f"{change.event_id} {change.quake_date.isoformat()}",
                        # two decimals, as the panel and the export show a PGV
                        pgv_text(change.pgv_mm_s, lang),
                    ]
                )
                child.setData(0, OBJECT_ROLE, change.object_id)
                for column in range(self.tree.columnCount()):
                    # the dock is narrow: the whole row on hover
                    child.setToolTip(column, " · ".join(child.text(c) for c in range(4)))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the group's title is wider than an object id
            top.setExpanded(True)
        self._enable(bool(update.changes))

    def follow_store(self, reason: str, why: str) -> None:
        """The list belongs to one store: emptied when another opens or it closes; with the
        objects layer removed it stays, but cannot select on the map any more."""
        if reason == "layers_removed":
            if self.catalog_update is not None:
                self.select_button.setEnabled(False)
                self.summary.setText(self.summary.text() + "\n" + why)
            return
        if self.catalog_update is None and self.tree.topLevelItemCount() == 0:
            return
        self.catalog_update = None
        self.tree.clear()
        self._enable(False)
        self.summary.setText(why)

    def group_items(self) -> dict[str, list[int]]:
        """Per group (by name) the object ids listed, as the tree shows them."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out[top.data(0, OBJECT_ROLE)] = [
                int(top.child(k).data(0, OBJECT_ROLE)) for k in range(top.childCount())
            ]
        return out

    def chosen_ids(self) -> list[int]:
        """The objects of the selected rows (a group row stands for all its objects); every
        listed object when nothing is selected."""
        chosen: set[int] = set()
        for item in self.tree.selectedItems():
            value = item.data(0, OBJECT_ROLE)
            if isinstance(value, str):
                chosen.update(self.group_items().get(value, []))
            else:
                chosen.add(int(value))
        if not chosen and self.catalog_update is not None:
            chosen.update(self.catalog_update.object_ids())
        return sorted(chosen)

    def select_on_map(self, object_ids: list[int] | None = None) -> int:
        """Select the objects in the objects layer; returns how many were selected."""
        layer = (self.controller.layers if self.controller else {}).get("objects")
        ids = self.chosen_ids() if object_ids is None else sorted(object_ids)
        if layer is None or not ids:
            return 0
        listed = ", ".join(str(int(i)) for i in ids)
        layer.selectByExpression(f'"id" IN ({listed})')
        return layer.selectedFeatureCount()

    def export_csv(self, path: str | None = None) -> str | None:
        """Write the listed objects to a CSV (the domain's export); asks where unless given."""
        from domain.store.catalog_update_report import write_changes_csv

        if self.catalog_update is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Exporteren (CSV)…"), "nieuwe_bevingen.csv", tr("CSV (*.csv)")
            )
            if not path:
                return None
        written = write_changes_csv(self.catalog_update, path, ui_language())
        log(tr("Geëxporteerd: {0}").format(written), "success", push=True)
        return str(written)

    def _open_object(self, item, _column) -> None:
        value = item.data(0, OBJECT_ROLE)
        if self.controller is not None and not isinstance(value, str):
            self.controller.show_object(int(value), zoom=True)
