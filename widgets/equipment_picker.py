"""A dialog that searches the CEC module or inverter catalog and returns the chosen key."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

__all__ = ["EquipmentTableModel", "EquipmentPicker"]


class EquipmentTableModel(QAbstractTableModel):
    """Rows of :class:`solarfleet.models.simulation.catalog.Equipment`: name, power [W], technology."""

    def __init__(self, items: Sequence = (), power_header: str = "", parent=None):
        super().__init__(parent)
        self.items = list(items)
        self.power_header = power_header

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.power_header or self.tr("Power [W]"), self.tr("Type"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            tech = self.tr("Equipment library") if e.technology == "library" else e.technology  # catalog's code
            return (e.name, QLocale().toString(e.power, "f", 0), tech)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return e.key
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EquipmentPicker(QDialog):
    """Search a catalog and pick one entry.

    Parameters
    ----------
    search : callable
        ``search(text) -> list of Equipment``, e.g. ``solarfleet.models.simulation.catalog.search_modules``.
    title : str
    current : str, optional
        Key selected now; searched for on open.
    """

    def __init__(self, search: Callable[[str], list], title: str, current: Optional[str] = None,
                 power_header: str = "", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.search = search
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search by maker or model, e.g. “jinko 340”"))
        self.search_edit.setClearButtonEnabled(True)
        self.model = EquipmentTableModel(power_header=power_header, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self.accept)
        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search_edit)
        lay.addWidget(self.table)
        lay.addWidget(self.count_label)
        lay.addWidget(buttons)
        self.resize(720, 460)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _: self._timer.start())
        self.table.selectionModel().selectionChanged.connect(self._update_ok)
        if current:
            self.search_edit.setText(current.replace("_", " "))
        self.refresh()

    def refresh(self) -> None:
        items = self.search(self.search_edit.text())
        self.model.set_items(items)
        self.count_label.setText(self.tr("%n match(es) shown", "", len(items)))
        if items:
            self.table.selectRow(0)
        self._update_ok()

    def _update_ok(self, *args) -> None:
        self.ok_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def selected_key(self) -> Optional[str]:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None
