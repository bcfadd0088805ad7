"""Door-to-door planning in a start area: the visit list, its filters, and the map in step.

Selecting rows selects the objects on the map and selecting objects on the map selects their
rows. The list, the situations and the walking order come from ``domain.planning``. The area is
a stored start area or one drawn on the map ("Gebied tekenen"); both go the same way. A drawn
area is kept in the store as a start area (origin ``drawn``) under the name the user gives; where
the store may not take it (a read-only file, a shared-store role without the right) it is used
for this session only, and the user is told so.

The dock reads at QGIS's default dock width (``DEFAULT_DOCK_WIDTH``): one control row each, the
area names elided with the full name as tooltip, and it opens tall enough for
``VISIT_ROWS_SHOWN`` rows of the list.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QSize, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.planning import SITUATIONS, route_geopackage, visit_list, visits_csv, visits_xlsx
from domain.planning.texts import situation_label
from domain.store.areas import add_drawn_start_area, may_write_areas
from domain.store.planning_reads import start_areas
from img_qgis_plugin.controller import no_store_text
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language
from img_qgis_plugin.gui.object_panel import DEFAULT_DOCK_WIDTH
from img_qgis_plugin.gui.panel_tables import SIZE_BY_ROWS, SORT_ROLE, SortItem
from img_qgis_plugin.gui.start_area_draw import StartAreaDrawTool
from img_qgis_plugin.toolbelt.log_handler import log, log_exception

PANEL_OBJECT_NAME = "ImgStartAreaPanel"
ALL = ""
#: the visit list opens showing this many rows (fewer than that is no list to plan a round with)
VISIT_ROWS_SHOWN = 8
#: below this many rows the dock gives way to the docks beside it
VISIT_ROWS_MIN = 4
#: the area chooser is never narrower than this many characters; a longer name is elided
#: (full name in the tooltip and in the opened list)
AREA_NAME_MIN_CHARS = 16
#: in a narrow list the address comes first: the situations and the reason keep at least this
#: many average characters each (their whole text in the tooltip), so no column leaves the dock
OTHER_COLUMN_MIN_CHARS = 5
#: a drawn area's default name; the time is Dutch local time (Europe/Amsterdam)
DRAWN_NAME_TIME_FORMAT = "%Y-%m-%d %H:%M"


class ElidedComboBox(QComboBox):
    """A combo box that elides a long current text ("Startgebied Appinge…") instead of
    cutting it, keeps the full text as its tooltip and opens a list wide enough for it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(AREA_NAME_MIN_CHARS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.currentIndexChanged.connect(self.show_full_name)

    def shown_text(self) -> str:
        """The current text as painted in the closed box (elided where it does not fit)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, field.width()
        )

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:  # noqa: N802
        # the opened list shows every name whole, even where the box itself is narrow
        widest = max(
            (self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())),
            default=0,
        )
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.view().setMinimumWidth(min(widest + margin, self.screen().availableGeometry().width()))
        super().showPopup()

    def show_full_name(self, index: int) -> None:
        """The tooltip: the entry's own tooltip, else its whole text."""
        tip = self.itemData(index, Qt.ItemDataRole.ToolTipRole) if index >= 0 else None
        self.setToolTip(str(tip or self.itemText(index)) if index >= 0 else "")


class VisitTable(QTableWidget):
    """The visit list (walking order, address, situations, reason): sortable; columns sized
    to their contents as far as the width allows (see ``share_width``)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the last column is stretched by share_width: Qt's own stretch keeps it at least as
        # wide as its header text, which pushes a scrollbar into a narrow dock
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(SIZE_BY_ROWS)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # the walking order first
        self.setSortingEnabled(True)
        self.content_widths: list[int] = []

    def rows_height(self, rows: int) -> int:
        """Height of the header and ``rows`` rows, with the frame and room for a sideways
        scrollbar (a very narrow dock may need one)."""
        return (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        )

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(DEFAULT_DOCK_WIDTH, self.rows_height(VISIT_ROWS_SHOWN))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self.rows_height(VISIT_ROWS_MIN))

    def fit_columns(self) -> None:
        """Measure the contents once (after a fill); then size the columns to the width."""
        self.resizeColumnsToContents()
        self.content_widths = [self.columnWidth(c) for c in range(self.columnCount())]
        self.share_width()

    def share_width(self) -> None:
        """Walking order and address whole where they fit, the situations next, the reason
        filling the rest; squeezed columns elide (the whole text is the cell's tooltip)."""
        if not self.content_widths:
            return
        width = self.viewport().width()
        order, address, situations, _reason = self.content_widths
        order += self.fontMetrics().averageCharWidth()  # room beside the sort arrow
        least = max(
            self.horizontalHeader().minimumSectionSize(),
            OTHER_COLUMN_MIN_CHARS * self.fontMetrics().averageCharWidth(),
        )
        address = max(least, min(address, width - order - 2 * least))
        situations = max(least, min(situations, width - order - address - least))
        for column, size in enumerate((order, address, situations)):
            self.setColumnWidth(column, size)
        self.setColumnWidth(3, max(least, width - order - address - situations))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.share_width()


class StartAreaDock(QgsDockWidget):
    def __init__(self, parent=None, canvas=None) -> None:
        super().__init__(tr("Mijnbouwschade – startgebied"), parent)
        self.setObjectName(PANEL_OBJECT_NAME)
        self.store = None
        self.objects_layer = None
        self.atlas_source = None
        self.situations = None
        self.start_areas_layer = None
        self.visits = None
        self.area = None  # what the list was made for: a start-area id or a drawn WKT
        self.as_of = None
        self.drawn_wkt = ""  # a drawn area not kept in the store (this session only)
        self._syncing = False
        self._room_made = False
        self.canvas = canvas
        self.draw_tool = StartAreaDrawTool(canvas) if canvas is not None else None
        self._previous_tool = None
        if self.draw_tool is not None:
            self.draw_tool.area_drawn.connect(self.keep_drawn_area)
            self.draw_tool.cancelled.connect(self._restore_map_tool)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        # one control per row where it needs the width: the dock is narrow by default
        area_row = QHBoxLayout()
        self.area_label = QLabel(tr("Startgebied:"), body)
        area_row.addWidget(self.area_label)
        area_row.addStretch(1)
        self.draw_button = QPushButton(tr("Gebied tekenen"), body)
        self.draw_button.setToolTip(
            tr(
                "Klik links voor elk hoekpunt, rechts of dubbel om te sluiten; Backspace haalt "
                "het laatste punt weg, Esc stopt."
            )
        )
        self.draw_button.setEnabled(False)
        self.draw_button.clicked.connect(self.start_drawing)
        area_row.addWidget(self.draw_button)
        layout.addLayout(area_row)
        self.area_combo = ElidedComboBox(body)
        self.area_combo.setObjectName("ImgStartAreaChooser")
        self.area_label.setBuddy(self.area_combo)
        layout.addWidget(self.area_combo)
        self.situation_combo = ElidedComboBox(body)
        self.situation_combo.setObjectName("ImgSituationChooser")
        self.situation_combo.addItem(tr("Alle situaties"), ALL)
        for code in SITUATIONS:
            self.situation_combo.addItem(situation_label(code, ui_language()), code)
        layout.addWidget(self.situation_combo)
        self.make_button = QPushButton(tr("Bezoeklijst maken"), body)
        self.make_button.clicked.connect(self.load_current)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignRight)
        self.summary = QLabel("", body)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # "Nr." rather than "Volgorde": the header sets the width of a column of small numbers
        headers = [tr("Nr."), tr("Adres"), tr("Situatie"), tr("Reden van bezoek")]
        self.table = VisitTable(headers, body)
        self.table.setObjectName("ImgVisitTable")
        self.table.horizontalHeaderItem(0).setToolTip(tr("Volgorde in de looproute"))
        self.table.itemSelectionChanged.connect(self._rows_selected)
        self.table.fit_columns()  # the headers alone, until a list is made
        layout.addWidget(self.table, 1)
        # three short buttons in a row, the long one below: fits the default dock width
        exports = QGridLayout()
        self.export_buttons = {}
        kinds = (
            ("csv", tr("CSV…"), 0, 0, 1),
            ("xlsx", tr("Excel…"), 0, 1, 1),
            ("pdf", tr("Atlas (PDF)…"), 0, 2, 1),
            ("gpkg", tr("Route (GeoPackage)…"), 1, 0, 3),
        )
        for kind, label, row, column, span in kinds:
            button = QPushButton(label, body)
            button.clicked.connect(lambda _=False, k=kind: self.ask_export(k))
            button.setEnabled(False)
            exports.addWidget(button, row, column, 1, span)
            self.export_buttons[kind] = button
        layout.addLayout(exports)
        self.setWidget(body)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # docked below another dock, QMainWindow gives a new one a few rows only: make room
        # once the main window has laid it out
        if not self._room_made:
            QTimer.singleShot(0, self._make_room_later)

    def _make_room_later(self) -> None:
        with contextlib.suppress(RuntimeError):  # the dock went before the timer fired
            self.make_room()

    def make_room(self) -> None:
        """Give the docked dock the height its list needs (``VISIT_ROWS_SHOWN`` rows), at most
        two thirds of the main window, taken from the docks above and below it in proportion;
        a height the user chose later is kept."""
        window = self.parent()
        if not isinstance(window, QMainWindow) or not self.isVisible() or self.isFloating():
            return
        if window.dockWidgetArea(self) == Qt.DockWidgetArea.NoDockWidgetArea:
            return  # not in the window's dock layout
        self._room_made = True
        wanted = min(self.sizeHint().height(), window.height() * 2 // 3)
        if self.height() >= wanted:
            return
        tabbed = window.tabifiedDockWidgets(self)  # they share this dock's place
        others = [
            dock
            for dock in window.findChildren(QDockWidget)
            if dock is not self
            and dock not in tabbed
            and dock.isVisible()
            and not dock.isFloating()
            and window.dockWidgetArea(dock) == window.dockWidgetArea(self)
            and dock.x() == self.x()  # the same column of docks
        ]
        # QMainWindow shares the column out in proportion to the sizes given: name them all
        room = sum(dock.height() for dock in others)
        left = max(0, room + self.height() - wanted)
        sizes = (
            [max(dock.minimumSizeHint().height(), dock.height() * left // room) for dock in others]
            if room
            else []
        )
        window.resizeDocks([self, *others], [wanted, *sizes], Qt.Orientation.Vertical)

    # --- store and map -------------------------------------------------------------------
    def set_store(self, store, objects_layer, atlas_source=None, start_areas_layer=None) -> None:
        """Show the start areas of ``store``; ``atlas_source`` (the plugin or its controller)
        lets the atlas reuse the styled map layers, else it makes its own for the export.
        Selecting one area in ``start_areas_layer`` on the map picks it here."""
        if self.objects_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.objects_layer.selectionChanged.disconnect(self._map_selected)
        if self.start_areas_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.start_areas_layer.selectionChanged.disconnect(self._area_selected)
        self.store, self.objects_layer, self.visits = store, objects_layer, None
        self.start_areas_layer = start_areas_layer
        self.atlas_source = atlas_source
        self.area, self.drawn_wkt = None, ""
        self.area_combo.clear()
        self.table.setRowCount(0)
        self.summary.setText("")
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.draw_button.setEnabled(store is not None and self.draw_tool is not None)
        if store is None:
            self.stop_drawing()
            return
        self.fill_areas()
        if objects_layer is not None:
            objects_layer.selectionChanged.connect(self._map_selected)
        if start_areas_layer is not None:
            start_areas_layer.selectionChanged.connect(self._area_selected)

    def fill_areas(self, select=None) -> None:
        """The store's start areas (imported and drawn), by name, and a drawn area of this
        session; ``select`` (an area id or the WKT) becomes the current entry."""
        with self.store.engine.connect() as conn:
            areas = start_areas(conn)
        self.area_combo.blockSignals(True)
        try:
            self.area_combo.clear()
            for area in areas:
                label = area.label
                self.area_combo.addItem(label, area.id)
                tip = (
                    tr("{name} (getekend)").format(name=label) if area.origin == "drawn" else label
                )
                self.area_combo.setItemData(
                    self.area_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
                )
            if self.drawn_wkt:
                self._add_session_entry(self.drawn_wkt)
            index = self.area_combo.findData(select) if select is not None else 0
            self.area_combo.setCurrentIndex(max(index, 0) if self.area_combo.count() else -1)
        finally:
            self.area_combo.blockSignals(False)
        self.area_combo.show_full_name(self.area_combo.currentIndex())

    def follow_store(self, controller, why: str) -> None:
        """The open store changed or its layers went: bind to what is open now (or to
        nothing) and say why the list is empty. A dock never used stays as it is."""
        if self.store is None:
            return
        self.stop_drawing()
        store = controller.store if controller is not None else None
        layers = controller.layers if store is not None else {}
        self.set_store(
            store,
            layers.get("objects"),
            controller if store is not None else None,
            layers.get("areas_start_area"),
        )
        self.summary.setText(why)

    def _area_selected(self, *args) -> None:
        """One start area selected on the map: pick it and make its list."""
        if self.start_areas_layer is None:
            return
        selected = self.start_areas_layer.selectedFeatureIds()
        if self.store is None or len(selected) != 1:
            return
        feature = self.start_areas_layer.getFeature(selected[0])
        index = self.area_combo.findData(int(feature["id"]))
        if index >= 0:
            self.area_combo.setCurrentIndex(index)
            self.load_current()

    def load_current(self) -> None:
        area = self.area_combo.currentData()
        if area is not None:
            code = self.situation_combo.currentData()
            self.load(area, [code] if code else None)

    def load(self, area, situations: list[str] | None = None, as_of=None) -> None:
        """Fill the list for ``area`` — a start-area id or a polygon WKT in EPSG:28992 — with
        only the given situation codes, when given."""
        area = area if isinstance(area, str) and not area.strip().isdigit() else int(area)
        self.visits = visit_list(
            self.store, area, situations=situations, as_of=as_of, lang=ui_language()
        )
        self.area, self.as_of, self.situations = area, as_of, situations
        rows = self.visits.rows
        self.table.setSortingEnabled(False)  # rows would move while they are filled
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (
                (str(row.order), row.order),
                (f"{row.address}, {row.place}", None),
                (", ".join(row.situations), None),
                (row.reason, None),
            )
            for c, (value, sort) in enumerate(values):
                item = SortItem(value)
                if sort is not None:
                    item.setData(SORT_ROLE, sort)  # 10 after 9, not after 1
                item.setData(Qt.ItemDataRole.UserRole, row.object_id)
                item.setToolTip(value)  # a capped column shows the whole text here
                self.table.setItem(r, c, item)
        self.table.fit_columns()
        self.table.setSortingEnabled(True)  # the reader's order (the walking order at first)
        self.summary.setText(
            tr("{0} adressen; looproute {1} km (in adresvolgorde {2} km).").format(
                len(rows),
                number_text(self.visits.route_length_m / 1000, 1),
                number_text(self.visits.address_order_length_m / 1000, 1),
            )
        )
        for button in self.export_buttons.values():
            button.setEnabled(bool(rows))

    # --- drawing an area -----------------------------------------------------------------
    def start_drawing(self) -> None:
        """Put the draw tool on the canvas; the tool that was active comes back afterwards."""
        if self.draw_tool is None or self.store is None:
            return
        current = self.canvas.mapTool()
        if current is not self.draw_tool:
            self._previous_tool = current
        self.canvas.setMapTool(self.draw_tool)
        log(
            tr("Teken het gebied: links klikken per hoekpunt, rechts klikken om te sluiten."),
            "info",
            push=True,
        )

    def stop_drawing(self) -> None:
        if self.draw_tool is not None:
            self.draw_tool.reset()
            self._restore_map_tool()

    def remove_draw_tool(self) -> None:
        """Take the draw tool off the canvas and delete it (the plugin unloads)."""
        if self.draw_tool is not None:
            self._previous_tool = None  # it may be going away with the plugin as well
            self.draw_tool.reset()
            if self.canvas.mapTool() is self.draw_tool:
                self.canvas.unsetMapTool(self.draw_tool)
            self.draw_tool.deleteLater()
            self.draw_tool = None

    def keep_drawn_area(self, wkt: str) -> None:
        """A polygon drawn on the map: ask for its name, keep it in the store as a start area
        and make its list. Without a name (Annuleren) or where the store may not take it, the
        area is used for this session only (and the user is told why)."""
        self._restore_map_tool()
        if self.store is None:  # the store closed while drawing
            self.summary.setText(no_store_text())
            return
        try:
            with self.store.engine.connect() as conn:
                allowed = may_write_areas(conn)
        except DomainError as exc:
            allowed = False
            log(str(exc), "warning", push=True)
        if not allowed:
            self._session_only(
                wkt,
                tr(
                    "Uw login mag in deze gedeelde opslag geen gebieden bewaren (alleen de "
                    "eigenaar van de opslag mag dat)."
                ),
            )
            return
        name = self.ask_area_name()
        if name is None:
            self._session_only(wkt, tr("U gaf geen naam op."))
            return
        try:
            with self.store.engine.begin() as conn:
                area_id = add_drawn_start_area(conn, name, wkt, lang=ui_language())
        except DomainError as exc:  # a refused outline or name, a read-only store, …
            self._session_only(wkt, str(exc))
            return
        except Exception as exc:
            log_exception(tr("Het getekende gebied kon niet worden bewaard"), exc)
            self.use_drawn_area(wkt)
            return
        self._refresh_area_layer()
        self.fill_areas(select=area_id)
        log(
            tr("Het getekende gebied is bewaard als startgebied '{name}'.").format(
                name=self.area_combo.currentText()
            ),
            "success",
            push=True,
        )
        try:
            self.load_current()
        except Exception as exc:
            log_exception(tr("De bezoeklijst kon niet worden gemaakt"), exc)

    def ask_area_name(self) -> str | None:
        """The name the user gives the drawn area (default: "Getekend gebied" with the Dutch
        date and time); None when the user cancels."""
        from domain.presentation.dutch_time import zone

        now = dt.datetime.now(zone()).strftime(DRAWN_NAME_TIME_FORMAT)
        name, ok = QInputDialog.getText(
            self,
            tr("Getekend gebied bewaren"),
            tr("Naam van het nieuwe startgebied (Annuleren: alleen in deze sessie gebruiken):"),
            QLineEdit.EchoMode.Normal,
            tr("Getekend gebied {when}").format(when=now),
        )
        return name if ok else None

    def _session_only(self, wkt: str, why: str) -> None:
        log(
            why
            + " "
            + tr("Het getekende gebied is niet bewaard; het geldt alleen in deze sessie."),
            "warning",
            push=True,
            duration=0,
        )
        self.use_drawn_area(wkt)

    def _refresh_area_layer(self) -> None:
        """The start-area layer reads the store again, so the kept area shows on the map."""
        layer = self.start_areas_layer
        if layer is None:
            return
        try:
            layer.dataProvider().reloadData()
            layer.updateExtents()
            layer.triggerRepaint()
        except RuntimeError:  # the layer went without a word (deleted)
            self.start_areas_layer = None

    def use_drawn_area(self, wkt: str) -> None:
        """The drawn polygon, not kept in the store, becomes the entry "Getekend gebied (niet
        bewaard)" and its list is made."""
        self._restore_map_tool()
        if self.store is None:  # the store closed while drawing
            self.summary.setText(no_store_text())
            return
        self.drawn_wkt = wkt
        index = self._add_session_entry(wkt)
        self.area_combo.setCurrentIndex(index)
        self.area_combo.show_full_name(index)
        try:
            self.load_current()
        except Exception as exc:
            log_exception(tr("De bezoeklijst kon niet worden gemaakt"), exc)

    def _add_session_entry(self, wkt: str) -> int:
        index = self.drawn_index()
        if index < 0:
            self.area_combo.addItem(tr("Getekend gebied (niet bewaard)"), wkt)
            index = self.area_combo.count() - 1
        else:
            self.area_combo.setItemData(index, wkt)
        self.area_combo.setItemData(
            index,
            tr("Getekend gebied, alleen voor deze sessie (niet in de opslag bewaard)"),
            Qt.ItemDataRole.ToolTipRole,
        )
        return index

    def drawn_index(self) -> int:
        for index in range(self.area_combo.count()):
            if isinstance(self.area_combo.itemData(index), str):
                return index
        return -1

    def _restore_map_tool(self) -> None:
        if self.canvas is None or self.canvas.mapTool() is not self.draw_tool:
            return
        if self._previous_tool is not None:
            self.canvas.setMapTool(self._previous_tool)
        else:
            self.canvas.unsetMapTool(self.draw_tool)
        self._previous_tool = None

    # --- selection in step ---------------------------------------------------------------
    def selected_object_ids(self) -> set[int]:
        return {
            int(self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole))
            for index in self.table.selectionModel().selectedRows()
        }

    def _rows_selected(self) -> None:
        if self._syncing or self.objects_layer is None:
            return
        ids = sorted(self.selected_object_ids())
        self._syncing = True
        try:
            if ids:
                self.objects_layer.selectByExpression(f'"id" IN ({",".join(map(str, ids))})')
            else:
                self.objects_layer.removeSelection()
        except RuntimeError:  # the layer went without a word (deleted): no map to follow
            self.objects_layer = None
        finally:
            self._syncing = False

    def _map_selected(self, *args) -> None:
        if self._syncing or self.objects_layer is None:
            return
        ids = {int(f["id"]) for f in self.objects_layer.getSelectedFeatures()}
        self._syncing = True
        try:
            self.table.clearSelection()
            mode = self.table.selectionMode()
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
            for r in range(self.table.rowCount()):
                if int(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)) in ids:
                    self.table.selectRow(r)
            self.table.setSelectionMode(mode)
        finally:
            self._syncing = False

    # --- exports -------------------------------------------------------------------------
    def export(self, kind: str, path: str) -> str:
        """Write the current list as CSV, XLSX, a route GeoPackage or the atlas PDF; returns
        the path."""
        if kind == "pdf":
            from img_qgis_plugin.reports.atlas import export_startarea_atlas

            source = self.atlas_source if self.atlas_source is not None else self.store
            return export_startarea_atlas(
                source, self.area, path, as_of=self.as_of, situations=self.situations
            )
        writer = {"csv": visits_csv, "xlsx": visits_xlsx, "gpkg": route_geopackage}[kind]
        return str(writer(self.visits, path, lang=ui_language()))

    def ask_export(self, kind: str) -> str:
        filters = {
            "csv": tr("CSV (*.csv)"),
            "xlsx": tr("Excel (*.xlsx)"),
            "gpkg": tr("GeoPackage (*.gpkg)"),
            "pdf": tr("PDF (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(self, tr("Bezoeklijst opslaan"), "", filters[kind])
        if not path:
            return ""
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            written = self.export(kind, path)
        except Exception as exc:
            log_exception(tr("De bezoeklijst kon niet worden opgeslagen"), exc)
            return ""
        log(tr("Bezoeklijst opgeslagen: {0}").format(written), "success", push=True)
        return written
