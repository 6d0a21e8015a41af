"""A park's forecast: P50 line, P10–P90 band and, where they exist, the actuals with MAE and bias."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_export import install_plot_export
from solarfleet.widgets.plot_style import LOAD_COLOR, PV_COLOR, LocaleDateAxis, ThrottledPlot, add_legend, style_plot
from solarfleet.widgets.plot_time import to_plot_seconds

__all__ = ["ForecastPlot"]


class ForecastPlot(ThrottledPlot):
    """Forecast AC power [kW] against time (the park's wall clock).

    Feed :meth:`set_data` the frame of :func:`solarfleet.models.studies.forecast.forecast_vs_actual` (``ac_p10``,
    ``ac_p50``, ``ac_p90`` and optionally ``ac_actual`` [W], UTC index) and its error dict.
    Missing actuals are gaps in the line, never zeros.
    """

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.frame: Optional[pd.DataFrame] = None
        self.errors: dict = {}
        self.tz = "UTC"
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis()})
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("AC power [kW]"))
        self.legend = add_legend(self.plot)
        band = QColor(PV_COLOR)
        band.setAlpha(70)
        self.p10 = item.plot([], [], pen=pg.mkPen(None))
        self.p90 = item.plot([], [], pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.p10, self.p90, brush=pg.mkBrush(band))
        item.addItem(self.band)
        self.p50 = item.plot([], [], pen=pg.mkPen(PV_COLOR, width=2), name=self.tr("Forecast P50"))
        self.actual = item.plot([], [], pen=pg.mkPen(LOAD_COLOR, width=2), name=self.tr("Actual"),
                                connect="finite")
        # the legend draws samples from PlotDataItem options: a filled, never-plotted proxy stands for the band
        self._band_sample = pg.PlotDataItem([], [], pen=pg.mkPen(None), fillLevel=0, fillBrush=pg.mkBrush(band))
        self.legend.addItem(self._band_sample, self.tr("P10–P90"))
        install_plot_export(self.plot)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.empty = QLabel(self.tr("No forecast yet."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.caption)
        lay.addWidget(self.plot, 1)
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, frame: Optional[pd.DataFrame], errors: Optional[dict] = None, tz: str = "UTC") -> None:
        self.frame = None if frame is None or frame.empty else frame
        self.errors = dict(errors or {})
        self.tz = tz
        self.schedule()

    def redraw(self) -> None:
        has = self.frame is not None
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        self.caption.setVisible(has)
        if not has:
            for c in (self.p10, self.p90, self.p50, self.actual):
                c.setData([], [])
            return
        f = self.frame
        x = to_plot_seconds(f.index, self.tz)
        kw = {c: f[c].to_numpy(dtype=float) / 1000.0 for c in ("ac_p10", "ac_p50", "ac_p90")}
        self.p10.setData(x, np.nan_to_num(kw["ac_p10"]))
        self.p90.setData(x, np.nan_to_num(kw["ac_p90"]))
        self.p50.setData(x, kw["ac_p50"], connect="finite")
        if "ac_actual" in f and f["ac_actual"].notna().any():
            self.actual.setData(x, f["ac_actual"].to_numpy(dtype=float) / 1000.0)
        else:
            self.actual.setData([], [])
        e = self.errors
        if e.get("n"):
            self.caption.setText(self.tr("Against %1 hours of actuals: MAE %2 kW, bias %3 kW "
                                         "(positive: the forecast was too high).")
                                 .replace("%1", str(e["n"])).replace("%2", f"{e['mae'] / 1000.0:,.1f}")
                                 .replace("%3", f"{e['bias'] / 1000.0:+,.1f}"))
        else:
            self.caption.setText(self.tr("No actuals for these hours yet."))
