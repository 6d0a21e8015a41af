"""The far horizon of a survey as an azimuth/elevation plot: typed or imported profile, obstacles, merged."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import add_legend, style_plot

__all__ = ["HorizonPlot"]


def _closed(series: pd.Series):
    """x, y of a profile over 0…360° (wrapped so the line reaches both ends)."""
    az = series.index.to_numpy(dtype=float)
    el = series.to_numpy(dtype=float)
    if len(az) == 0:
        return np.array([]), np.array([])
    x = np.concatenate([az - 360, az, az + 360])
    y = np.concatenate([el, el, el])
    grid = np.linspace(0, 360, 361)
    return grid, np.interp(grid, x, y)


class HorizonPlot(QWidget):
    """Elevation [°] over azimuth [°] (N E S W ticks) of the horizon, the obstacles and their merge."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr("Elevation [°]"))
        item.setLabel("bottom", self.tr("Azimuth [°]"))
        item.setMouseEnabled(x=False, y=False)
        item.getAxis("bottom").setTicks([[(0, self.tr("N")), (90, self.tr("E")), (180, self.tr("S")),
                                          (270, self.tr("W")), (360, self.tr("N"))],
                                         [(a, str(a)) for a in range(45, 360, 90)]])
        item.setXRange(-6, 366, padding=0)
        self.legend = add_legend(self.plot, offset=(10, 2), colCount=3)
        self.merged = pg.PlotDataItem(pen=pg.mkPen("#6b7280", width=1), fillLevel=0,
                                      brush=pg.mkBrush(107, 114, 128, 90), name=self.tr("Merged horizon"))
        self.far = pg.PlotDataItem(pen=pg.mkPen("#0072B2", width=2), name=self.tr("Horizon profile"))
        self.near = pg.PlotDataItem(pen=pg.mkPen("#D55E00", width=2), name=self.tr("Obstacles"))
        for it in (self.merged, self.far, self.near):
            item.addItem(it)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot)
        self.setMinimumHeight(180)
        self._peak = 0.0  # highest elevation drawn [°]
        item.getViewBox().sigResized.connect(self._fit_legend)  # the data area's width decides the columns

    def legend_columns(self) -> int:
        """Columns of the legend: three side by side where the plot is wide enough, else fewer."""
        return self.legend.columnCount

    def _fit_legend(self) -> None:
        """Lay the legend out in as many columns as fit inside the plot's data area (a narrow view stacks)."""
        room = self.plot.getPlotItem().getViewBox().width() - 12
        for cols in (3, 2, 1):
            self.legend.setColumnCount(cols)
            if self.legend.layout.preferredWidth() <= room:
                break
        self._set_top()

    def _set_top(self) -> None:
        """Y range with room above the curves for the legend's rows."""
        rows = -(-len(self.legend.items) // max(1, self.legend.columnCount))
        top = max(10.0, self._peak * (1.0 + 0.6 * max(1, rows)))
        self.plot.getPlotItem().setYRange(0, top, padding=0)


    def set_profiles(self, far: Optional[pd.Series], near: Optional[pd.Series], merged: Optional[pd.Series]) -> None:
        """Each a Series of elevation [°] indexed by azimuth [°], or None."""
        self._peak = 0.0
        for curve, s in ((self.far, far), (self.near, near), (self.merged, merged)):
            if s is None or len(s) == 0:
                curve.setData([], [])
                continue
            x, y = _closed(s)
            curve.setData(x, y)
            self._peak = max(self._peak, float(np.nanmax(y)))
        self._set_top()
