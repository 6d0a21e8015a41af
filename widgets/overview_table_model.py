"""The fleet's plant list: one row per park, today and this month, sortable like an operator portal's."""
from __future__ import annotations

import math
from typing import Optional

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

__all__ = ["OverviewTableModel", "SORT_ROLE"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  #: the raw number a column sorts by (NaN sorts last)

_COLUMNS = ("park", "kwp", "today", "month", "expected", "ratio", "pi", "alarms", "fresh")


class OverviewTableModel(QAbstractTableModel):
    """:class:`solarfleet.models.overview.ParkOverview` rows as a table.

    Modelled figures are shown in italics with a "modelled" tooltip; measured ones upright. Missing
    figures show "—", never 0.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.now: Optional[pd.Timestamp] = None
        self._headers = {"park": self.tr("Park"), "kwp": self.tr("kWp"), "today": self.tr("Today [kWh]"),
                         "month": self.tr("Month to date [kWh]"), "expected": self.tr("Expected [kWh]"),
                         "ratio": self.tr("vs expected"), "pi": self.tr("Performance index"),
                         "alarms": self.tr("Alarms"), "fresh": self.tr("Data")}

    def set_rows(self, rows: list, now: Optional[pd.Timestamp] = None) -> None:
        self.beginResetModel()
        self.rows, self.now = list(rows), now
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[_COLUMNS[section]]
        return None

    def park_at(self, row: int) -> str:
        return self.rows[row].park

    def _value(self, r, col: str):
        ratio = r.month_energy / r.month_expected if r.month_source == "measured" and r.month_expected else math.nan
        return {"park": r.park, "kwp": r.dc_capacity / 1e3, "today": r.today_energy / 1e3,
                "month": r.month_energy / 1e3, "expected": r.month_expected / 1e3, "ratio": ratio,
                "pi": r.performance_index, "alarms": r.open_alarms,
                "fresh": (self.now - r.last_measured_utc).total_seconds()
                if r.last_measured_utc is not None and self.now is not None else math.nan}[col]

    def _text(self, r, col: str, v) -> str:
        loc = QLocale()
        if col == "park":
            return v
        if col == "alarms":
            return loc.toString(int(v))
        if isinstance(v, float) and math.isnan(v):
            return self.tr("no measurements") if col == "fresh" else "—"
        if col in ("ratio", "pi"):
            return loc.toString(100.0 * v, "f", 0) + " %"
        if col == "fresh":
            return self._age(v)
        return loc.toString(v, "f", 0 if abs(v) >= 100 else 1)

    def _age(self, seconds: float) -> str:
        if seconds < 3600:
            return self.tr("%1 min ago").replace("%1", str(max(0, int(seconds // 60))))
        if seconds < 2 * 86400:
            return self.tr("%1 h ago").replace("%1", str(int(seconds // 3600)))
        return self.tr("%1 days ago").replace("%1", str(int(seconds // 86400)))

    def _source(self, r, col: str) -> str:
        return {"today": r.today_source, "month": r.month_source}.get(col, "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], _COLUMNS[index.column()]
        v = self._value(r, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col, v)
        if role == SORT_ROLE:
            return v if not (isinstance(v, float) and math.isnan(v)) else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != "park":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        source = self._source(r, col)
        if role == Qt.ItemDataRole.FontRole and source == "modelled":
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "park":
                return r.park
            if source == "modelled":
                return self.tr("Modelled: the typical year of the newest run, on today's calendar (no measurements)")
            if source == "measured":
                return self.tr("Measured")
            if col == "pi":
                return self.tr("Measured energy ÷ modelled energy over the measured intervals of this month")
        if role == Qt.ItemDataRole.ForegroundRole and col == "alarms" and r.open_alarms:
            return QColor("#d13438")
        return None
