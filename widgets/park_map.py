"""Map of the parks: a lat/lon scatter sized by DC capacity and coloured by specific yield."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.plot_style import ThrottledPlot, style_plot

__all__ = ["ParkPoint", "ParkMap"]


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
    """

    name: str
    latitude: float
    longitude: float
    dc_capacity: float
    specific_yield: Optional[float] = None


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
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("Longitude [°E]"))
        item.setLabel("left", self.tr("Latitude [°N]"))
        self._tips: dict[str, str] = {}
        self.scatter = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._clicked)
        item.addItem(self.scatter)
        self.cmap = pg.colormap.get("viridis")
        self.colorbar = pg.ColorBarItem(values=(900, 1300), colorMap=self.cmap, interactive=False,
                                        label=self.tr("Specific yield [kWh/kWp]"))
        self.colorbar.setVisible(False)
        self.plot.getPlotItem().layout.addItem(self.colorbar, 2, 5)
        self.labels: list[pg.TextItem] = []
        self.empty = QLabel(self.tr("No parks to show."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(self.tr("Marker size: DC capacity. Colour: specific yield (grey: no result yet)."), self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_data(self, points: Sequence[ParkPoint]) -> None:
        self.points = list(points)
        self.schedule()

    def brushes(self) -> list[QColor]:
        """Marker colour of each point (grey without a specific yield)."""
        ys = [p.specific_yield for p in self.points if p.specific_yield is not None]
        lo, hi = (min(ys), max(ys)) if ys else (0.0, 1.0)
        if hi - lo < 1e-9:
            lo, hi = lo - 1, hi + 1
        self.colorbar.setLevels((lo, hi))
        out = []
        for p in self.points:
            if p.specific_yield is None:
                out.append(QColor(150, 150, 150))
            else:
                out.append(self.cmap.map((p.specific_yield - lo) / (hi - lo), mode="qcolor"))
        return out

    def redraw(self) -> None:
        item = self.plot.getPlotItem()
        for t in self.labels:
            item.removeItem(t)
        self.labels = []
        has = bool(self.points)
        self.empty.setVisible(not has)
        self.plot.setVisible(has)
        if not has:
            self.scatter.clear()
            return
        cap = np.array([p.dc_capacity for p in self.points], dtype=float)
        sizes = 10 + 40 * np.sqrt(cap / max(cap.max(), 1.0))
        brushes = self.brushes()
        self.colorbar.setVisible(any(p.specific_yield is not None for p in self.points))
        loc = QLocale()
        spots = []
        for p, s, b in zip(self.points, sizes, brushes):
            sy = "—" if p.specific_yield is None else loc.toString(p.specific_yield, "f", 0)
            tip = f"{p.name}\n{loc.toString(p.dc_capacity / 1e3, 'f', 0)} kWp\n{sy} kWh/kWp"
            spots.append({"pos": (p.longitude, p.latitude), "size": float(s), "brush": pg.mkBrush(b),
                          "pen": pg.mkPen(QColor(60, 60, 60)), "data": p.name})
            self._tips[p.name] = tip
        self.scatter.setData(spots)
        fg = self.plot.getPlotItem().getAxis("left").textPen().color()
        placed: list[ParkPoint] = []
        for p in sorted(self.points, key=lambda q: -q.latitude):
            near = any(abs(p.longitude - q.longitude) < 2.0 and abs(p.latitude - q.latitude) < 1.0 for q in placed)
            placed.append(p)
            # a park close to one already labelled gets its label centred below its marker
            t = pg.TextItem(p.name, color=fg, anchor=(0.5, -0.6) if near else (0.0, 1.2))
            t.setPos(p.longitude, p.latitude)
            item.addItem(t)
            self.labels.append(t)
        lat = float(np.mean([p.latitude for p in self.points]))
        item.setAspectLocked(True, ratio=1.0 / max(math.cos(math.radians(lat)), 0.1))
        lons = [p.longitude for p in self.points]
        lats = [p.latitude for p in self.points]
        item.setRange(xRange=(min(lons) - 3, max(lons) + 8), yRange=(min(lats) - 2, max(lats) + 2), padding=0)

    def _tip(self, x=None, y=None, data=None, **_):
        return self._tips.get(data, "")

    def _clicked(self, scatter, points, ev=None) -> None:
        if len(points):
            self.parkClicked.emit(points[0].data())
