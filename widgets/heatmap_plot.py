"""Day × hour heat map of PV power: one row per day of the year, one column per hour of the day."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import ThrottledPlot, month_name, style_plot

__all__ = ["HeatmapPlot", "day_hour_matrix"]


def day_hour_matrix(power: pd.Series, tz: str) -> tuple[np.ndarray, pd.DatetimeIndex]:
    """Mean power per local day and hour [kW]: array of shape (days, 24) and the days.

    Missing hours stay NaN (drawn blank).
    """
    s = power.astype(float).tz_convert(tz).resample("h").mean() / 1e3
    days = s.index.normalize()
    frame = pd.DataFrame({"day": days, "hour": s.index.hour, "v": s.to_numpy()})
    table = frame.pivot_table(index="day", columns="hour", values="v", aggfunc="mean", dropna=False)
    table = table.reindex(columns=range(24))
    return table.to_numpy(dtype=float), pd.DatetimeIndex(table.index)


class HeatmapPlot(ThrottledPlot):
    """Heat map of the selection's PV power [kW] by day (vertical) and hour (horizontal)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.pv: Optional[pd.Series] = None
        self.tz = "UTC"
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.invertY(True)
        item.setLabel("bottom", self.tr("Hour of day"))
        item.setLabel("left", self.tr("Day"))
        item.getAxis("bottom").setTicks([[(h, str(h)) for h in range(0, 25, 3)]])
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("inferno"),
                                        label=self.tr("PV power [kW]"), interactive=False)
        self.colorbar.setImageItem(self.image, insert_in=item)
        self.empty = QLabel(self.tr("No results yet."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        self.matrix = np.zeros((0, 24))
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, pv: Optional[pd.Series], tz: str = "UTC") -> None:
        """Show ``pv`` [W] (tz-aware) by local day and hour of ``tz``."""
        self.pv = pv if pv is not None and len(pv) > 1 else None
        self.tz = tz
        self.schedule()

    def redraw(self) -> None:
        has = self.pv is not None
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        if not has:
            self.image.clear()
            self.matrix = np.zeros((0, 24))
            return
        m, days = day_hour_matrix(self.pv, self.tz)
        self.matrix = m
        self.image.setImage(m, autoLevels=False)
        top = float(np.nanmax(m)) if np.isfinite(m).any() else 1.0
        self.colorbar.setLevels((0.0, max(top, 1e-3)))
        self.image.setRect(QRectF(0, 0, 24, len(days)))
        # each month named at its middle: a label on the first day of January sits on the axis end,
        # where pyqtgraph leaves it out
        ticks = [(i + 0.5, month_name(d.month)) for i, d in enumerate(days) if d.day == 15]
        self.plot.getPlotItem().getAxis("left").setTicks([ticks] if ticks else None)
        self.plot.getPlotItem().setRange(xRange=(0, 24), yRange=(0, len(days)), padding=0)
