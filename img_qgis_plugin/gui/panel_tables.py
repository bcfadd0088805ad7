"""The object's claim history and the quakes that shook it, as read-only tables.

The quake marks use the thresholds of ``domain.policy`` (never numbers of their own) so the
table and the rules can never disagree about what "≥ 5 mm/s" means.
"""

from __future__ import annotations

import datetime as dt

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from domain import policy
from domain.object_view import quake_marks  # noqa: F401 - the rule lives in the domain
from img_qgis_plugin.gui.i18n import (
    NO_VALUE,
    day_text,
    euro_text,
    number_text,
    quake_day,
    tr,
    ui_language,
    yes_no,
)

SIZE_BY_ROWS = 60  # columns are sized on the first rows only: enough, and fast for long tables
REOPEN_BACKGROUND = QColor("#f8d7da")
STRONG_BACKGROUND = QColor("#fff3cd")


def scheme_label(scheme: str) -> str:
    labels = {
        "vaste_vergoeding": tr("Vaste vergoeding"),
        "aanvullende_vaste_vergoeding": tr("Aanvullende vaste vergoeding"),
        "maatwerk": tr("Maatwerk"),
        "herstel_eigen_aannemer": tr("Herstel met eigen aannemer (HEA)"),
        "herstel_aannemer_img": tr("Herstel met aannemer IMG (HAI)"),
        "duurzaam_herstel": tr("Duurzaam herstel"),
        "vaste_herhaalvergoeding": tr("Vaste herhaalvergoeding"),
        "ims": tr("Immateriële schade (IMS)"),
        "waardedaling": tr("Waardedaling"),
        "aos": tr("Acuut onveilige situatie (AOS)"),
    }
    return labels.get(scheme, scheme or NO_VALUE)


def outcome_label(outcome) -> str:
    """A claim's outcome code in the reader's language."""
    labels = {
        "toegekend": tr("toegekend"),
        "deels_toegekend": tr("deels toegekend"),
        "afgewezen": tr("afgewezen"),
        "ingetrokken": tr("ingetrokken"),
        "toegewezen": tr("toegewezen"),
        "open": tr("in behandeling"),
    }
    return labels.get(outcome, outcome or NO_VALUE)


def use_label(use) -> str:
    """An object's use (woning, niet-woning) in the reader's language."""
    labels = {"woning": tr("woning"), "niet-woning": tr("niet-woning")}
    return labels.get(use, use or NO_VALUE)


def objection_text(objection) -> str:
    if isinstance(objection, dict):
        if objection.get("decided"):
            return tr("afgehandeld {date}").format(date=day_text(objection["decided"]))
        return tr("loopt")
    if objection is None or objection is False:
        return tr("nee")
    if objection is True:
        return tr("ja")
    return str(objection)


def mark_text(mark: str) -> str:
    if mark == "ge_2":
        return tr("≥ {value} mm/s").format(value=number_text(policy.EFFECT_AREA_PGV_MM_S, 0))
    if mark == "ge_5":
        return tr("≥ {value} mm/s").format(value=number_text(policy.NULMETING_PGV_MM_S, 0))
    return tr("> {value} mm/s na finaal besluit").format(
        value=number_text(policy.REOPEN_PGV_MM_S, 0)
    )


def _table(parent, object_name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class _Filling:
    """Fill a table with updates off and size the columns once (per-cell resizing is slow)."""

    def __init__(self, table: QTableWidget, rows: int) -> None:
        self.table = table
        self.rows = rows

    def __enter__(self) -> QTableWidget:
        self.table.setUpdatesEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(self.rows)
        return self.table

    def __exit__(self, *exc) -> None:
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_BY_ROWS)
        self.table.resizeColumnsToContents()
        self.table.setUpdatesEnabled(True)


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return item


class ClaimTable:
    """Builds and fills the claim-history table."""

    @staticmethod
    def headers() -> list[str]:
        return [
            tr("Regeling"),
            tr("Ingediend"),
            tr("Besluit"),
            tr("Uitkomst"),
            tr("Bedrag"),
            tr("Finaal"),
            tr("Bezwaar"),
            tr("Langlopend"),
        ]

    @classmethod
    def create(cls, parent) -> QTableWidget:
        return _table(parent, "ImgClaimTable", cls.headers())

    @staticmethod
    def fill(table: QTableWidget, claims: list[dict]) -> None:
        with _Filling(table, len(claims)):
            for row, claim in enumerate(claims):
                ClaimTable._fill_row(table, row, claim)

    @staticmethod
    def _fill_row(table: QTableWidget, row: int, claim: dict) -> None:
        scheme = _item(scheme_label(claim.get("scheme", "")))
        handler = claim.get("handler")  # NAM, CVW, TCMG or IMG: who handled and paid
        scheme.setToolTip(str(claim.get("id", "")) + (f" ({handler})" if handler else ""))
        scheme.setData(Qt.ItemDataRole.UserRole, claim.get("id"))
        overdue = bool(claim.get("overdue"))
        cells = [
            scheme,
            _item(day_text(claim.get("submitted"))),
            _item(day_text(claim.get("decided"))),
            _item(outcome_label(claim.get("outcome"))),
            _item(euro_text(claim.get("amount")), align_right=True),
            _item(yes_no(claim.get("final"))),
            _item(objection_text(claim.get("objection"))),
            _item(("⚠ " + tr("ja")) if overdue else tr("nee")),
        ]
        for column, cell in enumerate(cells):
            if overdue:
                cell.setBackground(QBrush(STRONG_BACKGROUND))
            table.setItem(row, column, cell)


class QuakeTable:
    """Builds and fills the table of quakes felt at the object, strongest marks highlighted."""

    @staticmethod
    def headers() -> list[str]:
        return [
            tr("Datum"),
            tr("Plaats"),
            tr("ML"),
            tr("Afstand (km)"),
            tr("PGV (mm/s)"),
            tr("Markering"),
        ]

    @classmethod
    def create(cls, parent) -> QTableWidget:
        return _table(parent, "ImgQuakeTable", cls.headers())

    @staticmethod
    def fill(
        table: QTableWidget, quakes: list[dict], last_final_decision: dt.date | None
    ) -> list[list[str]]:
        """Fill the rows (newest first, as the reader looks for recent events); return the marks."""
        ordered = sorted(quakes, key=lambda q: str(q.get("time") or ""), reverse=True)
        look = {
            "lang": ui_language(),
            "texts": {m: mark_text(m) for m in ("ge_2", "ge_5", "reopens")},
            "bold": None,
        }
        all_marks = []
        with _Filling(table, len(ordered)):
            for row, quake in enumerate(ordered):
                marks = QuakeTable._fill_row(table, row, quake, last_final_decision, look)
                all_marks.append(marks)
        return all_marks

    @staticmethod
    def _fill_row(
        table: QTableWidget, row: int, quake: dict, last_final_decision, look: dict
    ) -> list[str]:
        day = quake_day(quake.get("time"))  # Dutch date, as the rules compare it
        pgv = quake.get("pgv_mm_s")
        marks = quake_marks(pgv, day, last_final_decision)
        cells = [
            _item(day.isoformat() if day else NO_VALUE),
            _item(str(quake.get("place") or NO_VALUE)),
            _item(number_text(quake.get("ml"), 1, look["lang"]), align_right=True),
            _item(number_text(quake.get("epicentral_km"), 1, look["lang"]), align_right=True),
            _item(number_text(pgv, 2, look["lang"]), align_right=True),
            _item("; ".join(look["texts"][m] for m in marks)),
        ]
        cells[0].setData(Qt.ItemDataRole.UserRole, quake.get("event_id"))
        cells[0].setToolTip(str(quake.get("event_id", "")))
        for column, cell in enumerate(cells):
            if "reopens" in marks:
                cell.setBackground(QBrush(REOPEN_BACKGROUND))
                if look["bold"] is None:
                    look["bold"] = QFont(cell.font())
                    look["bold"].setBold(True)
                cell.setFont(look["bold"])
            elif "ge_5" in marks:
                cell.setBackground(QBrush(STRONG_BACKGROUND))
            table.setItem(row, column, cell)
        return marks
