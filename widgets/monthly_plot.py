"""Monthly energy as stacked bars, one colour per park."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import SERIES_COLORS, ThrottledPlot, add_legend, month_name, style_plot

__all__ = ["MonthlyBarsPlot"]


class MonthlyBarsPlot(ThrottledPlot):
    """Stacked monthly bars [MWh] per park.

    Feed :meth:`set_data` a DataFrame indexed by month 1…12, one column per park, values in Wh.
    Parks without a result are left out (not drawn as zero).
    """

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.monthly: Optional[pd.DataFrame] = None
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("AC energy [MWh]"))
        item.setMouseEnabled(x=False, y=True)
        self.legend = add_legend(self.plot, offset=(-10, 10), colCount=3)
        self.bars: list[pg.BarGraphItem] = []
        self.empty = QLabel(self.tr("No results yet."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, monthly: Optional[pd.DataFrame]) -> None:
        """``monthly``: rows month 1…12, columns park names, AC energy [Wh]."""
        self.monthly = None if monthly is None or monthly.empty else monthly
        self.schedule()

    def redraw(self) -> None:
        item = self.plot.getPlotItem()
        for b in self.bars:
            item.removeItem(b)
        self.bars = []
        self.legend.clear()
        has = self.monthly is not None
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        item.getAxis("bottom").setTicks([[(m, month_name(m)) for m in range(1, 13)]])
        if not has:
            return
        frame = self.monthly.reindex(range(1, 13)) / 1e6
        base = np.zeros(12)
        for i, park in enumerate(frame.columns):
            h = frame[park].to_numpy(dtype=float)
            color = SERIES_COLORS[i % len(SERIES_COLORS)]
            bar = pg.BarGraphItem(x=np.arange(1, 13), y0=base.copy(), height=np.nan_to_num(h), width=0.7,
                                  brush=pg.mkBrush(color), pen=pg.mkPen(None))
            item.addItem(bar)
            self.legend.addItem(bar, str(park))
            self.bars.append(bar)
            base += np.nan_to_num(h)
        item.setXRange(0.4, 12.6, padding=0)
        item.setYRange(0, max(base.max() * 1.4, 1e-6), padding=0)
