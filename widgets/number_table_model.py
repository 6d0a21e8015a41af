"""An editable table of numbers (vertices, keep-outs, horizon points, obstacles) for the survey form."""
from __future__ import annotations

import math
from typing import Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, Signal

__all__ = ["NumberTableModel", "parse_number", "TableValueError"]


def parse_number(text: str) -> Optional[float]:
    """A number typed in the current locale or with a '.' decimal point; None if empty or unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if ok:
        return value
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


class TableValueError(ValueError):
    """A cell of a :class:`NumberTableModel` is empty or not a number (row and column named)."""

    def __init__(self, row: int, column: int, header: str, text: str):
        self.row, self.column, self.header, self.text = row, column, header, text
        super().__init__(f"row {row + 1}, {header}: {text!r} is not a number")


class NumberTableModel(QAbstractTableModel):
    """Rows of numbers under fixed column headers; cells are edited as text and kept as typed.

    Parameters
    ----------
    headers : sequence of str
        Column titles (already translated, units in brackets).
    rows : sequence of sequence of float

    Signals
    -------
    edited()
        A cell, a row added or a row removed.
    """

    edited = Signal()

    def __init__(self, headers: Sequence[str], rows: Sequence = (), parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[list[str]] = []
        self.set_rows(rows)

    # -- data in and out --
    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = [[self._fmt(v) for v in r] + [""] * (len(self.headers) - len(r)) for r in rows]
        self.endResetModel()
        self.edited.emit()

    @staticmethod
    def _fmt(v) -> str:
        return "" if v is None else QLocale().toString(float(v), "g", 8)

    def values(self) -> list[tuple]:
        """Rows as floats; rows left wholly empty are skipped.

        Raises
        ------
        TableValueError
            A cell is empty or not a number.
        """
        out = []
        for i, row in enumerate(self._rows):
            if not any(c.strip() for c in row):
                continue
            vals = []
            for j, text in enumerate(row):
                v = parse_number(text)
                if v is None or not math.isfinite(v):
                    raise TableValueError(i, j, self.headers[j], text)
                vals.append(v)
            out.append(tuple(vals))
        return out

    def add_row(self, values: Sequence = ()) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append([self._fmt(v) for v in values] + [""] * (len(self.headers) - len(values)))
        self.endInsertRows()
        self.edited.emit()

    def remove_rows(self, rows) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self.endRemoveRows()
        self.edited.emit()

    # -- Qt model --
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return str(section + 1)

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and text.strip() and parse_number(text) is None:
            from PySide6.QtGui import QColor
            return QColor(255, 200, 200)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True
