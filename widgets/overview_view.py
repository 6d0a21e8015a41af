"""The Overview tab: the fleet's plant list, and for one park today's PV against consumption and the month.

Every figure says whether it is measured or modelled. Feed :meth:`set_rows` the overview rows
(:class:`solarfleet.models.overview.ParkOverview`) and :meth:`show_park` one park's row and day curve
(:class:`solarfleet.models.overview.DayCurve`).
"""
from __future__ import annotations

import math
from typing import Optional

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from solarfleet.widgets.overview_table_model import SORT_ROLE, OverviewTableModel
from solarfleet.widgets.plot_style import LOAD_COLOR, PV_COLOR, LocaleDateAxis, add_legend, style_plot
from solarfleet.widgets.plot_time import to_plot_seconds

__all__ = ["OverviewView"]


class OverviewView(QWidget):
    """Plant list above, the selected park's day below.

    Signals
    -------
    parkActivated(str)
        The user clicked a park in the list.
    """

    parkActivated = Signal(str)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.model = OverviewTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("plantList")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # weakest performer first, as operators look
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # long names elide (full in tooltip)
        header.setStretchLastSection(True)
        self.table.clicked.connect(lambda ix: self.parkActivated.emit(
            self.model.park_at(self.proxy.mapToSource(ix).row())))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.month = QLabel(self)
        self.month.setObjectName("monthToDate")
        self.month.setWordWrap(True)
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis()})
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("Power [kW]"))
        item.setMouseEnabled(x=False, y=False)
        self.legend = add_legend(self.plot, offset=(-10, 10))
        self.pv_curve = item.plot(pen=pg.mkPen(PV_COLOR, width=2), name=self.tr("PV"))
        self.load_curve = item.plot(pen=pg.mkPen(LOAD_COLOR, width=2), name=self.tr("Consumption"))
        self.expected_curve = item.plot(pen=pg.mkPen(PV_COLOR, width=1, style=Qt.PenStyle.DashLine),
                                        name=self.tr("Expected PV (modelled)"))
        lower = QWidget(self)
        lay = QVBoxLayout(lower)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.month)
        lay.addWidget(self.plot, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        self.current: str = ""

    # -- feeding --
    def set_rows(self, rows: list, now: Optional[pd.Timestamp] = None) -> None:
        self.model.set_rows(rows, now)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), self.fontMetrics().horizontalAdvance("M" * 12)))

    def source_text(self, source: str) -> str:
        return {"measured": self.tr("measured"), "modelled": self.tr("modelled"),
                "none": self.tr("no data")}.get(source, source)

    def show_park(self, row, curve, tz: str) -> None:
        """One park: ``row`` its ParkOverview, ``curve`` its DayCurve (either None: nothing to show)."""
        self.current = row.park if row is not None else ""
        if row is None:
            self.heading.setText("")
            self.month.setText("")
            for c in (self.pv_curve, self.load_curve, self.expected_curve):
                c.setData([], [])
            return
        self._select(row.park)
        self.heading.setText(self.tr("<b>%1 — today</b>: PV %2, consumption %3").replace("%1", row.park)
                             .replace("%2", self.source_text(curve.pv_source))
                             .replace("%3", self.source_text(curve.load_source)))
        self.month.setText(self._month_text(row))
        self._curve(self.pv_curve, curve.pv, tz)
        self._curve(self.load_curve, curve.load, tz)
        self._curve(self.expected_curve, curve.expected, tz)
        self.plot.getPlotItem().enableAutoRange()

    def _month_text(self, row) -> str:
        loc = QLocale()

        def mwh(wh):
            return "—" if math.isnan(wh) else loc.toString(wh / 1e6, "f", 1)
        text = self.tr("Month to date: %1 MWh (%2) — expected %3 MWh (modelled typical year)").replace(
            "%1", mwh(row.month_energy)).replace("%2", self.source_text(row.month_source)).replace(
            "%3", mwh(row.month_expected))
        if not math.isnan(row.performance_index):
            text += " · " + self.tr("performance index %1 %").replace(
                "%1", loc.toString(100 * row.performance_index, "f", 0))
        return text

    def _curve(self, item, series: pd.Series, tz: str) -> None:
        if series is None or series.empty:
            item.setData([], [])
            return
        item.setData(to_plot_seconds(series.index, tz), series.to_numpy(dtype=float) / 1e3, connect="finite")

    def _select(self, park: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.model.park_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) == park:
                self.table.selectRow(r)
                return
