"""Map of the parks over China's province outlines: markers sized by DC capacity, coloured by a chosen metric —
the performance index (measured ÷ expected this month) or the modelled specific yield — with a colour bar
naming it; parks without a value are grey and say "no data" (never coloured as zero). Labels are placed so
they do not overlap."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import ThrottledPlot, style_plot

__all__ = ["ParkPoint", "ParkMap", "METRICS", "PERFORMANCE_LEVELS"]

#: What the markers' colour can show: the measured performance index, the modelled PR or specific yield.
METRICS = ("performance", "pr", "specific_yield")
#: Fixed colour range of the performance index [-]: red at 0.6 and below, amber at 0.85, green at 1.1 and above
#: (a fixed scale, so a fleet that is all under-performing does not look green).
PERFORMANCE_LEVELS = (0.6, 1.1)
#: Fixed colour range of the modelled PR [-] (rooftop systems model at about 0.75–0.85).
PR_LEVELS = (0.65, 0.9)
NO_DATA = QColor(150, 150, 150)


@dataclass(frozen=True)
class ParkPoint:
    """One park on the map.

    Parameters
    ----------
    name : str
    latitude, longitude : float
        [°]
    dc_capacity : float
        DC nameplate [W].
    specific_yield : float or None
        Annual AC energy per kWp [kWh/kWp]; None until a result exists (drawn grey).
    performance_ratio : float or None
        Modelled performance ratio of the typical year [-]; None until a result exists.
    """

    name: str
    latitude: float
    longitude: float
    dc_capacity: float
    specific_yield: Optional[float] = None
    performance_ratio: Optional[float] = None


class ParkMap(ThrottledPlot):
    """Scatter of parks on longitude/latitude (equirectangular, aspect corrected for latitude).

    Signals
    -------
    parkClicked(str name)
    """

    parkClicked = Signal(str)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.points: list[ParkPoint] = []
        self.performance: dict[str, float] = {}
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("mapMetric")
        self.metric_box.addItem(self.tr("Performance index (measured ÷ expected, this month)"), "performance")
        self.metric_box.addItem(self.tr("Performance ratio PR (modelled typical year)"), "pr")
        self.metric_box.addItem(self.tr("Specific yield (modelled typical year)"), "specific_yield")
        self.metric_chosen = False  # until the user picks, the measured index shows if any park has one, else PR
        self.metric_box.activated.connect(lambda _i: setattr(self, "metric_chosen", True))
        self.metric_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.metric_box.currentIndexChanged.connect(lambda _: self.schedule())
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("Longitude [°E]"))
        item.setLabel("left", self.tr("Latitude [°N]"))
        self._tips: dict[str, str] = {}
        self.scatter = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._clicked)
        item.addItem(self.scatter)
        self.yield_cmap = pg.colormap.get("viridis")
        self.perf_cmap = pg.ColorMap([0.0, 0.5, 1.0], [QColor(200, 40, 40), QColor(235, 170, 30), QColor(40, 160, 70)])
        self.cmap = self.perf_cmap
        self.colorbar = pg.ColorBarItem(values=PERFORMANCE_LEVELS, colorMap=self.cmap, interactive=False)
        self.colorbar.getAxis("right").setWidth(self.fontMetrics().height() * 2 + 45)  # ticks and the metric's name
        self.colorbar.setVisible(False)
        self.plot.getPlotItem().layout.addItem(self.colorbar, 2, 5)
        self.labels: list[pg.TextItem] = []
        self._sizes: dict = {}
        # label boxes are in pixels: place them again whenever the view's size or range changes
        item.vb.sigResized.connect(self._relabel)
        item.vb.sigRangeChanged.connect(self._relabel)
        self.outline = pg.PlotDataItem(pen=pg.mkPen(QColor(150, 150, 150), width=1))
        self.coast = pg.PlotDataItem(pen=pg.mkPen(QColor(120, 140, 170), width=1, style=Qt.PenStyle.DashLine))
        for line in (self.outline, self.coast):
            line.setZValue(-10)
            item.addItem(line)
        self.empty = QLabel(self.tr("No parks to show."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Colour:"), self))
        head.addWidget(self.metric_box)
        head.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, points: Sequence[ParkPoint]) -> None:
        self.points = list(points)
        self.schedule()

    def set_performance(self, values: dict) -> None:
        """The performance index of each park by name [-] (NaN or absent: no data — grey, never zero)."""
        self.performance = {k: float(v) for k, v in values.items() if v is not None and math.isfinite(v)}
        if not self.metric_chosen:
            self.metric_box.setCurrentIndex(self.metric_box.findData("performance" if self.performance else "pr"))
        self.schedule()

    def current_metric(self) -> str:
        return self.metric_box.currentData()

    def value(self, p: ParkPoint) -> Optional[float]:
        """The shown metric of park ``p``, or None (no data)."""
        metric = self.current_metric()
        if metric == "performance":
            return self.performance.get(p.name)
        return p.performance_ratio if metric == "pr" else p.specific_yield

    def set_outlines(self, rings: Sequence[np.ndarray], lines: Sequence[np.ndarray] = ()) -> None:
        """Draw province outlines (closed rings) and boundary lines, each an ``(n, 2)`` array of (lon, lat) [°]."""
        for target, parts in ((self.outline, rings), (self.coast, lines)):
            if not len(parts):
                target.setData([], [])
                continue
            xy = np.concatenate([np.vstack([p, [np.nan, np.nan]]) for p in parts])
            target.setData(xy[:, 0], xy[:, 1], connect="finite")

    def levels(self) -> tuple:
        """The colour range of the shown metric: fixed for the performance index, the data's for the yield."""
        if self.current_metric() in ("performance", "pr"):
            return PERFORMANCE_LEVELS if self.current_metric() == "performance" else PR_LEVELS
        ys = [p.specific_yield for p in self.points if p.specific_yield is not None]
        lo, hi = (min(ys), max(ys)) if ys else (0.0, 1.0)
        return (lo - 1, hi + 1) if hi - lo < 1e-9 else (lo, hi)

    def brushes(self) -> list[QColor]:
        """Marker colour of each point (grey without a value of the shown metric)."""
        lo, hi = self.levels()
        metric = self.current_metric()
        self.cmap = self.yield_cmap if metric == "specific_yield" else self.perf_cmap
        self.colorbar.setColorMap(self.cmap)
        self.colorbar.setLevels((lo, hi))
        self.colorbar.getAxis("right").setLabel({"performance": self.tr("Performance index [-]"),
                                                 "pr": self.tr("Performance ratio PR [-]")}.get(
            metric, self.tr("Specific yield [kWh/kWp]")))
        out = []
        for p in self.points:
            v = self.value(p)
            out.append(QColor(NO_DATA) if v is None else
                       self.cmap.map(min(max((v - lo) / (hi - lo), 0.0), 1.0), mode="qcolor"))
        return out

    def _note_text(self) -> str:
        grey = f"<span style='color:{NO_DATA.name()}'>●</span>"
        if self.current_metric() == "performance":
            return self.tr("Marker size: DC capacity. Colour: this month's measured PV energy ÷ the model's "
                           "expected energy for the same intervals. %1 no data (nothing measured this month; "
                           "not zero).").replace("%1", grey)
        if self.current_metric() == "pr":
            return self.tr("Marker size: DC capacity. Colour: the model's performance ratio PR of the typical year "
                           "(modelled, not measured). %1 no data (no result yet).").replace("%1", grey)
        return self.tr("Marker size: DC capacity. Colour: modelled specific yield of the typical year. "
                       "%1 no data (no result yet).").replace("%1", grey)

    def redraw(self) -> None:
        item = self.plot.getPlotItem()
        for t in self.labels:
            item.removeItem(t)
        self.labels = []
        self._sizes = {}
        has = bool(self.points)
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        if not has:
            self.scatter.clear()
            return
        cap = np.array([p.dc_capacity for p in self.points], dtype=float)
        sizes = 10 + 40 * np.sqrt(cap / max(cap.max(), 1.0))
        brushes = self.brushes()
        self.colorbar.setVisible(any(self.value(p) is not None for p in self.points))
        self.note.setText(self._note_text())
        loc = QLocale()
        spots = []
        no_data = self.tr("no data")
        for p, s, b in zip(self.points, sizes, brushes):
            sy = no_data if p.specific_yield is None else loc.toString(p.specific_yield, "f", 0) + " kWh/kWp"
            pi = self.performance.get(p.name)
            pi = no_data if pi is None else loc.toString(pi * 100, "f", 0) + " %"
            tip = (f"{p.name}\n{loc.toString(p.dc_capacity / 1e3, 'f', 0)} kWp\n"
                   + self.tr("Performance index: %1").replace("%1", pi) + "\n"
                   + self.tr("Performance ratio PR (modelled): %1").replace("%1", no_data if p.performance_ratio is None
                                                                   else loc.toString(p.performance_ratio, "f", 2)) + "\n"
                   + self.tr("Specific yield: %1").replace("%1", sy))
            spots.append({"pos": (p.longitude, p.latitude), "size": float(s), "brush": pg.mkBrush(b),
                          "pen": pg.mkPen(QColor(60, 60, 60)), "data": p.name})
            self._tips[p.name] = tip
        self.scatter.setData(spots)
        lat = float(np.mean([p.latitude for p in self.points]))
        item.setAspectLocked(True, ratio=1.0 / max(math.cos(math.radians(lat)), 0.1))
        lons = [p.longitude for p in self.points]
        lats = [p.latitude for p in self.points]
        item.setRange(xRange=(min(lons) - 4, max(lons) + 8), yRange=(min(lats) - 3, max(lats) + 3), padding=0)
        self._sizes = dict(zip((p.name for p in self.points), sizes))
        self._relabel()

    #: label positions tried in turn: (TextItem anchor x, anchor y, side of the marker (x, y up)) — right,
    #: left, above, below, then the four corners
    _ANCHORS = ((0.0, 0.5, (1, 0)), (1.0, 0.5, (-1, 0)), (0.5, 1.0, (0, 1)), (0.5, 0.0, (0, -1)),
                (0.0, 0.0, (1, -1)), (0.0, 1.0, (1, 1)), (1.0, 0.0, (-1, -1)), (1.0, 1.0, (-1, 1)))

    def _relabel(self, *_) -> None:
        item = self.plot.getPlotItem()
        for t in self.labels:
            item.removeItem(t)
        self.labels = []
        if self.points and self._sizes:
            self._place_labels(self._sizes)

    def _place_labels(self, sizes: dict) -> None:
        """Put each park's name beside its marker where it overlaps no label or marker placed before it.

        Boxes are compared in pixels of the current view (a label's own measured size); the largest parks
        are placed first. A name that fits nowhere takes the position that overlaps least (the tooltip still
        names the park).
        """
        item = self.plot.getPlotItem()
        vb = item.vb
        px = vb.viewPixelSize()
        sx, sy = (px[0] or 0.05), (px[1] or 0.05)
        fg = item.getAxis("left").textPen().color()
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        view = (vx0 / sx, -vy1 / sy, (vx1 - vx0) / sx, (vy1 - vy0) / sy)
        boxes = [(p.longitude / sx - sizes[p.name] / 2, -p.latitude / sy - sizes[p.name] / 2,
                  sizes[p.name], sizes[p.name]) for p in self.points]  # markers, in pixels (y down)
        for p in sorted(self.points, key=lambda q: -q.dc_capacity):
            t = pg.TextItem(p.name, color=fg)
            w, h = t.boundingRect().width() + 2, t.boundingRect().height() + 2
            cx, cy, r = p.longitude / sx, -p.latitude / sy, sizes[p.name] / 2 + 2
            best = None
            for ax, ay, (dx, dy) in self._ANCHORS:
                box = (cx + dx * r - ax * w, cy - dy * r - ay * h, w, h)
                cost = sum(_overlap_area(box, b) for b in boxes) + (0 if _within(box, view) else w * h)
                if best is None or cost < best[0]:
                    best = (cost, (ax, ay, (dx, dy), box))
                if cost == 0:
                    break
            ax, ay, (dx, dy), box = best[1]
            boxes.append(box)
            t.setAnchor((ax, ay))
            t.setPos(p.longitude + dx * r * sx, p.latitude + dy * r * sy)
            t.setToolTip(self._tips.get(p.name, p.name))
            item.addItem(t)
            self.labels.append(t)

    def _tip(self, x=None, y=None, data=None, **_):
        return self._tips.get(data, "")

    def _clicked(self, scatter, points, ev=None) -> None:
        if len(points):
            self.parkClicked.emit(points[0].data())


def _within(a: tuple, b: tuple) -> bool:
    """Is box ``a`` inside box ``b`` (both ``(x, y, w, h)``)?"""
    return a[0] >= b[0] and a[1] >= b[1] and a[0] + a[2] <= b[0] + b[2] and a[1] + a[3] <= b[1] + b[3]


def _overlap_area(a: tuple, b: tuple) -> float:
    """Area shared by boxes ``(x, y, w, h)`` [px²]."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)
