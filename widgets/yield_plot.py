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

__all__ = ["YieldPlot", "span_window"]


SPAN_DAYS = {"week": 7, "month": 31, "all": None}  #: the span selector's windows [d] (None: everything)
AUTO_RESOLUTION = {"week": "hourly", "month": "daily", "all": "daily"}  #: what "Automatic" draws for a span


def span_window(index: pd.DatetimeIndex, span: str, now: Optional[pd.Timestamp] = None):
    """The ``(start, end)`` shown for ``span`` over data on ``index``; None for the whole period.

    Data reaching the present (measurements) show their latest days; a past or typical year shows the days
    at today's month and day in that year (a typical week now), so the plot opens on a readable span.
    """
    days = SPAN_DAYS[span]
    if days is None or len(index) == 0:
        return None
    now = pd.Timestamp.now(tz="UTC") if now is None else now
    first, last = index[0], index[-1]
    if first <= now <= last + pd.Timedelta(days=2):
        end = min(now, last)
        return end - pd.Timedelta(days=days), end
    local = now.tz_convert(index.tz)
    mid = index[len(index) // 2].tz_convert(index.tz)
    try:
        start = local.replace(year=mid.year).normalize()
    except ValueError:  # 29 February in a year that has none
        start = local.replace(year=mid.year, day=28).normalize()
    start = max(first, min(start - pd.Timedelta(days=days // 2), last - pd.Timedelta(days=days)))
    return start, start + pd.Timedelta(days=days)


class YieldPlot(ThrottledPlot):
    """PV yield and consumption of the selection, hourly (kW), daily (kWh) or monthly (MWh).

    Opens on a readable span — the latest week of measurements, or a typical week at today's date —
    with a span selector; "Automatic" resolution draws a week hourly and longer spans as daily energy.
    Feed it with :meth:`set_data`; redraws are throttled, so a run may call it after every park.
    """

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.pv: Optional[pd.Series] = None
        self.load: Optional[pd.Series] = None
        self.tz = "UTC"
        self.span = QComboBox(self)
        for code, label in (("week", self.tr("A week")), ("month", self.tr("A month")),
                            ("all", self.tr("Whole period"))):
            self.span.addItem(label, code)
        self.span.currentIndexChanged.connect(self.schedule)
        self.resolution = QComboBox(self)
        for code, label in (("auto", self.tr("Automatic")), ("hourly", self.tr("Hourly")),
                            ("daily", self.tr("Daily")), ("monthly", self.tr("Monthly"))):
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
        top.addWidget(QLabel(self.tr("Span:"), self))
        top.addWidget(self.span)
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

    def set_span(self, code: str) -> None:
        self.span.setCurrentIndex(self.span.findData(code))

    def current_resolution(self) -> str:
        """The resolution drawn: the chosen one, or for "Automatic" the one that suits the span."""
        res = self.resolution.currentData()
        return AUTO_RESOLUTION[self.span.currentData()] if res == "auto" else res

    def unit(self) -> str:
        return {"hourly": "kW", "daily": "kWh", "monthly": "MWh"}[self.current_resolution()]

    def redraw(self) -> None:
        has = self.pv is not None
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        if not has:
            for c in (self.pv_curve, self.load_curve, self.self_curve):
                c.setData([], [])
            self._x, self._cols = np.array([]), {}
            return
        res = self.current_resolution()
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
        window = span_window(self.pv.index, self.span.currentData()) or (self.pv.index[0], self.pv.index[-1])
        x0, x1 = to_plot_seconds(pd.DatetimeIndex(list(window)), self.tz)
        self.plot.getPlotItem().setXRange(x0, x1, padding=0)

    def readout_at(self, xval: float) -> str:
        """Crosshair text for plot x ``xval`` [s]: period and values there."""
        if len(self._x) == 0:
            return ""
        i = int(np.clip(np.searchsorted(self._x, xval, side="right") - 1, 0, len(self._x) - 1))
        loc = QLocale()
        t = from_plot_seconds(self._x[i], self.tz)
        res = self.current_resolution()
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
