"""Yield against consumption over time: PV and load curves, the self-consumed area shaded, a crosshair."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import (LOAD_COLOR, PV_COLOR, SELF_COLOR, LocaleDateAxis, ThrottledPlot, add_legend, style_plot)
from solarfleet.widgets.plot_time import from_plot_seconds, to_plot_seconds
from solarfleet.widgets.series_agg import aggregate, align_load, self_consumed

__all__ = ["YieldPlot"]


class YieldPlot(ThrottledPlot):
    """PV yield and consumption of the selection, hourly (kW), daily (kWh) or monthly (MWh).

    Feed it with :meth:`set_data`; redraws are throttled, so a run may call it after every park.
    """

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.pv: Optional[pd.Series] = None
        self.load: Optional[pd.Series] = None
        self.tz = "UTC"
        self.resolution = QComboBox(self)
        for code, label in (("hourly", self.tr("Hourly")), ("daily", self.tr("Daily")),
                            ("monthly", self.tr("Monthly"))):
            self.resolution.addItem(label, code)
        self.resolution.currentIndexChanged.connect(self.schedule)
        self.readout = QLabel(self)
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis()})
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.getAxis("left").enableAutoSIPrefix(False)
        self.legend = add_legend(self.plot, offset=(-10, 10))
        self.self_curve = item.plot([], [], pen=None, brush=pg.mkBrush(SELF_COLOR), fillLevel=0,
                                    name=self.tr("Self-consumed PV"))
        self.pv_curve = item.plot([], [], pen=pg.mkPen(PV_COLOR, width=1.5), name=self.tr("PV yield"))
        self.load_curve = item.plot([], [], pen=pg.mkPen(LOAD_COLOR, width=1.5), name=self.tr("Consumption"))
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((128, 128, 128), style=Qt.PenStyle.DashLine))
        item.addItem(self.vline, ignoreBounds=True)
        self._proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved)
        self.empty = QLabel(self.tr("No results yet: run the fleet (F5) to see yield against consumption."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Resolution:"), self))
        top.addWidget(self.resolution)
        top.addSpacing(12)
        top.addWidget(self.readout, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        self._x = np.array([])
        self._cols: dict[str, np.ndarray] = {}
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, pv: Optional[pd.Series], load: Optional[pd.Series] = None, tz: str = "UTC") -> None:
        """Show ``pv`` and ``load`` [W] (tz-aware, interval-start index) in the wall-clock time of ``tz``."""
        self.pv = pv if pv is not None and len(pv) > 1 else None
        self.load = None if (load is None or self.pv is None) else align_load(load, self.pv.index)
        self.tz = tz
        self.schedule()

    def set_resolution(self, code: str) -> None:
        self.resolution.setCurrentIndex(self.resolution.findData(code))

    def unit(self) -> str:
        return {"hourly": "kW", "daily": "kWh", "monthly": "MWh"}[self.resolution.currentData()]

    def redraw(self) -> None:
        has = self.pv is not None
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        if not has:
            for c in (self.pv_curve, self.load_curve, self.self_curve):
                c.setData([], [])
            self._x, self._cols = np.array([]), {}
            return
        res = self.resolution.currentData()
        pv = aggregate(self.pv, res, self.tz)
        load = aggregate(self.load, res, self.tz) if self.load is not None else None
        sc = aggregate(self_consumed(self.pv, self.load), res, self.tz) if self.load is not None else None
        x = to_plot_seconds(pv.index)
        if res != "hourly":  # energy per period drawn as flat steps from each period start to the next
            nxt = pv.index.shift(1, freq="D" if res == "daily" else "MS")
            edges = np.append(x, to_plot_seconds(nxt[-1:]))
            xs = np.repeat(edges, 2)[1:-1]

            def ys(values):
                return np.repeat(values, 2)
        else:  # (stepMode would break with clipToView, so steps are drawn as plain line segments)
            xs = x

            def ys(values):
                return values
        self.pv_curve.setData(xs, ys(pv.to_numpy()), connect="finite")
        if load is not None:
            self.load_curve.setData(xs, ys(load.to_numpy()), connect="finite")
            self.self_curve.setData(xs, ys(np.nan_to_num(sc.to_numpy())))
        else:
            self.load_curve.setData([], [])
            self.self_curve.setData([], [])
        axis_title = self.tr("PV and consumption")
        self.plot.getPlotItem().getAxis("left").setLabel(f"{axis_title} [{self.unit()}]")
        self._x = x
        self._cols = {"pv": pv.to_numpy(), "load": None if load is None else load.to_numpy(),
                      "self": None if sc is None else sc.to_numpy()}
        self.plot.getPlotItem().enableAutoRange()
        self.plot.getPlotItem().setAutoVisible(y=True)  # y fits what is in view when zooming in time

    def readout_at(self, xval: float) -> str:
        """Crosshair text for plot x ``xval`` [s]: period and values there."""
        if len(self._x) == 0:
            return ""
        i = int(np.clip(np.searchsorted(self._x, xval, side="right") - 1, 0, len(self._x) - 1))
        loc = QLocale()
        t = from_plot_seconds(self._x[i], self.tz)
        res = self.resolution.currentData()
        fmt = {"hourly": "yyyy-MM-dd HH:mm", "daily": "yyyy-MM-dd", "monthly": "yyyy-MM"}[res]
        when = loc.toString(QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute)), fmt)

        def num(v):
            return "—" if v is None or not np.isfinite(v) else loc.toString(float(v), "f", 1)
        pv_t, load_t, self_t = self.tr("PV"), self.tr("Consumption"), self.tr("Self-consumed")
        unit = self.unit()
        parts = [when, f"{pv_t} {num(self._cols['pv'][i])} {unit}"]
        if self._cols["load"] is not None:
            parts.append(f"{load_t} {num(self._cols['load'][i])} {unit}")
            parts.append(f"{self_t} {num(self._cols['self'][i])} {unit}")
        return "   ".join(parts)

    def _mouse_moved(self, evt) -> None:
        pos = evt[0]
        vb = self.plot.getPlotItem().vb
        if not self.plot.sceneBoundingRect().contains(pos) or len(self._x) == 0:
            return
        xval = vb.mapSceneToView(pos).x()
        self.vline.setPos(xval)
        self.readout.setText(self.readout_at(xval))
