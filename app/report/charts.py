"""The report's charts, drawn with QPainter on images: monthly energy, normalised production and PR, the
loss diagram and a map of China with the sites. Each takes plain numbers (already in the unit it labels) and names."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import math
from typing import Optional, Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

__all__ = ["ReportCharts", "nice_step"]

W, H = 1800, 760  # chart image size [px]; shown at the text width
BLUE, ORANGE, GREY, RED, GREEN, DARK = "#2f6db5", "#e08a2e", "#7f8c8d", "#c0392b", "#27ae60", "#333333"


def nice_step(x: float) -> float:
    """A round axis step (1, 2, 2.5, 5 × 10ⁿ) not smaller than ``x``."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * e >= x:
            return m * e
    return 10 * e


def _ok(v) -> bool:
    return v is not None and isinstance(v, (int, float)) and math.isfinite(v)


class ReportCharts(QObject):
    """Chart images; ``tr()`` strings in the ``ReportCharts`` context.

    Parameters
    ----------
    font : QFont
        Family list of the report's language (the size is set here).
    """

    def __init__(self, font: QFont):
        super().__init__()
        self.font = QFont(font)

    def months(self) -> list[str]:
        return [self.tr("Jan"), self.tr("Feb"), self.tr("Mar"), self.tr("Apr"), self.tr("May"), self.tr("Jun"),
                self.tr("Jul"), self.tr("Aug"), self.tr("Sep"), self.tr("Oct"), self.tr("Nov"), self.tr("Dec")]

    def _painter(self, image: QImage) -> QPainter:
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = QFont(self.font)
        f.setPixelSize(26)
        p.setFont(f)
        return p

    def _y_axis(self, p: QPainter, left: float, top: float, w: float, h: float, vmax: float, unit: str,
                right: bool = False) -> None:
        step = nice_step(vmax / 5)
        y = 0.0
        while y <= vmax * 1.0001:
            yy = top + h - y / vmax * h
            if not right:
                p.setPen(QPen(QColor("#dddddd"), 2))
                p.drawLine(QPointF(left, yy), QPointF(left + w, yy))
            p.setPen(QColor(DARK))
            text = f"{y:,.{0 if step >= 1 else (1 if step >= 0.1 else 2)}f}"
            if right:
                p.drawText(QRectF(left + w + 10, yy - 18, 120, 36), Qt.AlignmentFlag.AlignLeft
                           | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                p.drawText(QRectF(0, yy - 18, left - 12, 36), Qt.AlignmentFlag.AlignRight
                           | Qt.AlignmentFlag.AlignVCenter, text)
            y += step
        p.drawText(QRectF(left + w - 200 if right else 10, 6, 300 if right else 400, 40),
                   Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft, unit)

    def _legend(self, p: QPainter, items, x: float) -> None:
        for label, color in items:
            p.fillRect(QRectF(x, 14, 30, 30), QColor(color))
            p.setPen(QColor(DARK))
            p.drawText(QRectF(x + 40, 8, 330, 40), Qt.AlignmentFlag.AlignVCenter, label)
            x += 360

    def monthly_bars(self, series: Sequence[tuple[str, Sequence[float], str]], unit: str) -> QImage:
        """Grouped monthly bars: ``(label, 12 values, colour)`` per series; missing values are not drawn."""
        img = QImage(W, H, QImage.Format.Format_RGB32)
        p = self._painter(img)
        left, right, top, bottom = 150, 40, 70, 70
        w, h = W - left - right, H - top - bottom
        vals = [v for _, vs, _ in series for v in vs if _ok(v)]
        vmax = max(vals + [1e-9]) * 1.1
        self._y_axis(p, left, top, w, h, vmax, unit)
        slot = w / 12.0
        bw = slot * 0.8 / max(1, len(series))
        for i, name in enumerate(self.months()):
            for j, (_, vs, color) in enumerate(series):
                if i < len(vs) and _ok(vs[i]):
                    bh = vs[i] / vmax * h
                    p.fillRect(QRectF(left + i * slot + slot * 0.1 + j * bw, top + h - bh, bw * 0.92, bh),
                               QColor(color))
            p.setPen(QColor(DARK))
            p.drawText(QRectF(left + i * slot, top + h + 8, slot, 36), Qt.AlignmentFlag.AlignCenter, name)
        self._legend(p, [(label, color) for label, _, color in series], left + w - 360 * len(series))
        p.end()
        return img

    def normalised(self, yield_kwh_kwp_day: Sequence[float], pr: Sequence[Optional[float]]) -> QImage:
        """PVsyst's normalised production: bars of kWh/kWp/day per month, and the monthly PR as a line."""
        img = QImage(W, H, QImage.Format.Format_RGB32)
        p = self._painter(img)
        left, right, top, bottom = 150, 150, 70, 70
        w, h = W - left - right, H - top - bottom
        vals = [v for v in yield_kwh_kwp_day if _ok(v)]
        vmax = max(vals + [1e-9]) * 1.15
        self._y_axis(p, left, top, w, h, vmax, self.tr("kWh/kWp/day"))
        self._y_axis(p, left, top, w, h, 100.0, self.tr("PR [%]"), right=True)  # the line: PR in percent
        slot = w / 12.0
        points = []
        for i, name in enumerate(self.months()):
            v = yield_kwh_kwp_day[i] if i < len(yield_kwh_kwp_day) else None
            if _ok(v):
                bh = v / vmax * h
                p.fillRect(QRectF(left + i * slot + slot * 0.15, top + h - bh, slot * 0.7, bh), QColor(ORANGE))
                p.setPen(QColor(DARK))
                p.drawText(QRectF(left + i * slot, top + h - bh - 34, slot, 30), Qt.AlignmentFlag.AlignCenter,
                           f"{v:.2f}")
            r = pr[i] if i < len(pr) else None
            if _ok(r):
                points.append(QPointF(left + (i + 0.5) * slot, top + h - r * h))
            p.setPen(QColor(DARK))
            p.drawText(QRectF(left + i * slot, top + h + 8, slot, 36), Qt.AlignmentFlag.AlignCenter, name)
        p.setPen(QPen(QColor(BLUE), 5))
        for a, b in zip(points, points[1:]):
            p.drawLine(a, b)
        for pt in points:
            p.drawEllipse(pt, 7, 7)
        self._legend(p, [(self.tr("Specific yield"), ORANGE), (self.tr("Performance ratio"), BLUE)],
                     left + w - 720)
        p.end()
        return img

    def waterfall(self, start: tuple[str, float], steps: Sequence[tuple[str, float]], end: tuple[str, float],
                  unit: str) -> QImage:
        """Loss diagram: ``start`` energy, each step an energy lost (positive = loss), ``end`` the result."""
        img = QImage(W, H + 260, QImage.Format.Format_RGB32)
        p = self._painter(img)
        left, right, top, bottom = 150, 40, 50, 330
        w, h = W - left - right, H + 260 - top - bottom
        nominal = start[1]
        vmax = nominal * 1.08 if _ok(nominal) and nominal > 0 else 1.0
        bars = [(start[0], 0.0, nominal, GREY)]
        level = nominal
        for label, v in steps:
            bars.append((label, level - v, level, RED if v > 0 else GREEN))
            level -= v
        bars.append((end[0], 0.0, end[1], ORANGE))
        self._y_axis(p, left, top, w, h, vmax, unit)
        slot = w / len(bars)
        for i, (label, lo, hi, color) in enumerate(bars):
            lo_, hi_ = min(lo, hi), max(lo, hi)
            y0, y1 = top + h - hi_ / vmax * h, top + h - lo_ / vmax * h
            p.fillRect(QRectF(left + i * slot + slot * 0.15, y0, slot * 0.7, max(2.0, y1 - y0)), QColor(color))
            p.setPen(QColor(DARK))
            share = (hi - lo) / nominal * 100 if nominal else float("nan")
            text = f"{-share:+.1f} %" if 0 < i < len(bars) - 1 else f"{hi:,.0f}"
            p.drawText(QRectF(left + i * slot - 20, y0 - 36, slot + 40, 34), Qt.AlignmentFlag.AlignCenter, text)
            p.save()
            p.translate(left + i * slot + slot / 2 + 10, top + h + 12)
            p.rotate(-50)
            p.drawText(QRectF(-460, -20, 460, 40), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       label)
            p.restore()
        p.setPen(QPen(QColor(DARK), 2))
        p.drawLine(QPointF(left, top + h), QPointF(left + w, top + h))
        p.end()
        return img

    def china_map(self, sites: Sequence[tuple[str, float, float]], highlight: Optional[str], rings: Sequence,
                  lines: Sequence = ()) -> QImage:
        """China's province outlines and maritime boundary with the fleet's sites, ``highlight`` drawn larger.

        Parameters
        ----------
        sites : sequence of (name, latitude [°], longitude [°])
        rings, lines : sequence of numpy.ndarray
            Province outer rings and boundary lines, ``(n, 2)`` arrays of (longitude, latitude) [°]
            (:mod:`solarfleet.models.china_map`).

        The projection is equirectangular with longitudes shrunk by cos(35°), the extent China's with every
        site inside it.
        """
        lon0, lon1 = min([73.0] + [s[2] - 2 for s in sites]), max([136.0] + [s[2] + 2 for s in sites])
        lat0, lat1 = min([3.0] + [s[1] - 2 for s in sites]), max([54.0] + [s[1] + 2 for s in sites])
        kx = math.cos(math.radians(35.0))
        scale = min(860 / ((lon1 - lon0) * kx), 760 / (lat1 - lat0))  # [px/°]
        img = QImage(int((lon1 - lon0) * kx * scale) + 40, int((lat1 - lat0) * scale) + 40, QImage.Format.Format_RGB32)
        p = self._painter(img)

        def xy(lat, lon):
            return QPointF(20 + (lon - lon0) * kx * scale, 20 + (lat1 - lat) * scale)
        p.setPen(QPen(QColor("#9aa5b1"), 1.2))
        p.setBrush(QColor("#eef2f6"))
        for ring in rings:
            p.drawPolygon(QPolygonF([xy(lat, lon) for lon, lat in ring]))
        p.setPen(QPen(QColor("#6b7785"), 2))
        for line in lines:
            p.drawPolyline(QPolygonF([xy(lat, lon) for lon, lat in line]))
        self._sites(p, sites, highlight, xy)
        p.end()
        return img

    def _sites(self, p: QPainter, sites, highlight: Optional[str], xy) -> None:
        """Site markers (``highlight`` larger, in orange) and their names (all of them in a fleet's map)."""
        for name, lat, lon in sites:
            big = name == highlight
            p.setPen(QPen(QColor(DARK), 2))
            p.setBrush(QColor(ORANGE if big else BLUE))
            p.drawEllipse(xy(lat, lon), 14 if big else 8, 14 if big else 8)
            if big or highlight is None:
                at = xy(lat, lon)
                width = p.fontMetrics().horizontalAdvance(name) + 4
                right = at.x() + 18 + width <= p.device().width()  # else the name goes left of the marker
                p.drawText(QRectF(at.x() + 18 if right else at.x() - 18 - width, at.y() - 18, width, 36),
                           (Qt.AlignmentFlag.AlignLeft if right else Qt.AlignmentFlag.AlignRight)
                           | Qt.AlignmentFlag.AlignVCenter, name)

    def location(self, sites: Sequence[tuple[str, float, float]], highlight: Optional[str]) -> QImage:
        """A latitude/longitude sketch of the fleet's sites (no base map), ``highlight`` drawn larger: the
        fallback of :meth:`china_map` when the outlines cannot be read."""
        img = QImage(900, 700, QImage.Format.Format_RGB32)
        p = self._painter(img)
        lats = [s[1] for s in sites]
        lons = [s[2] for s in sites]
        lat0, lat1 = math.floor(min(lats) / 5) * 5 - 5, math.ceil(max(lats) / 5) * 5 + 5
        lon0, lon1 = math.floor(min(lons) / 5) * 5 - 5, math.ceil(max(lons) / 5) * 5 + 5
        left, top, w, h = 110, 30, 760, 580

        def xy(lat, lon):
            return QPointF(left + (lon - lon0) / (lon1 - lon0) * w, top + (lat1 - lat) / (lat1 - lat0) * h)
        p.setPen(QPen(QColor("#dddddd"), 2))
        for lat in range(int(lat0), int(lat1) + 1, 5):
            p.drawLine(xy(lat, lon0), xy(lat, lon1))
            p.setPen(QColor(DARK))
            p.drawText(QRectF(0, xy(lat, lon0).y() - 16, left - 10, 32), Qt.AlignmentFlag.AlignRight, f"{lat}°N")
            p.setPen(QPen(QColor("#dddddd"), 2))
        for lon in range(int(lon0), int(lon1) + 1, 5):
            p.drawLine(xy(lat0, lon), xy(lat1, lon))
            p.setPen(QColor(DARK))
            p.drawText(QRectF(xy(lat0, lon).x() - 60, top + h + 8, 120, 32), Qt.AlignmentFlag.AlignCenter,
                       f"{lon}°E")
            p.setPen(QPen(QColor("#dddddd"), 2))
        self._sites(p, sites, highlight, xy)
        p.end()
        return img
