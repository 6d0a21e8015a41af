"""A to-scale drawing of one surveyed roof: outline, setback walkway, keep-outs and module rows.

Drawn with :class:`QPainter` in roof metres mapped onto the widget (``y = 0``, the edge the modules
face, at the bottom), so the surveyor can check the automatic layout by eye. Below the drawing a
caption gives module count, kWp, GCR and row pitch.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["LayoutView"]

_ROOF = QColor("#d9d4c7")
_EDGE = QColor("#5b5346")
_WALK = QColor("#c0392b")
_KEEPOUT = QColor("#e67e22")
_MODULE = QColor("#1f4e99")
_MODULE_EDGE = QColor("#c7d6f0")


class LayoutView(QWidget):
    """Shows a :class:`~solarfleet.models.survey.site.RoofSurvey` and its :class:`~solarfleet.models.survey.layout.Layout`.

    Attributes
    ----------
    painted_modules : int
        Module rectangles drawn by the last paint (for tests and the caption).
    """

    MARGIN = 24

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.roof = None
        self.layout_ = None
        self.message = ""
        self.painted_modules = 0
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self):
        return QSize(520, 380)

    def set_layout(self, roof, layout, message: str = "") -> None:
        """Show ``roof`` with ``layout`` (None: the outline only, with ``message`` saying why)."""
        self.roof, self.layout_, self.message = roof, layout, message
        self.update()

    def caption(self) -> str:
        lay = self.layout_
        if lay is None:
            return self.message
        loc = QLocale()
        parts = [self.tr("%1 modules").replace("%1", loc.toString(lay.count)),
                 self.tr("%1 kWp").replace("%1", loc.toString(lay.kwp, "f", 1))]
        if lay.gcr is not None:
            parts.append(self.tr("GCR %1").replace("%1", loc.toString(lay.gcr, "f", 2)))
        parts.append(self.tr("row pitch %1 m").replace("%1", loc.toString(lay.row_pitch, "f", 2)))
        parts.append(self.tr("%1 rows").replace("%1", loc.toString(lay.rows)))
        return " · ".join(parts)

    # -- painting --
    def _transform(self, rect: QRectF):
        xs = [p[0] for p in self.roof.outline]
        ys = [p[1] for p in self.roof.outline]
        for ko in self.roof.keepouts:
            x0, y0, x1, y1 = ko.bounds()
            xs += [x0, x1]
            ys += [y0, y1]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
        scale = min(rect.width() / w, rect.height() / h)
        ox = rect.left() + (rect.width() - w * scale) / 2
        oy = rect.top() + (rect.height() + h * scale) / 2

        def to_px(x, y):
            return QPointF(ox + (x - x0) * scale, oy - (y - y0) * scale)
        return to_px, scale

    def _caption_height(self, font: QFont) -> int:
        """Height [px] of the caption wrapped to the widget's width in ``font`` (a narrow view takes more lines)."""
        width = max(1, self.width() - 2 * self.MARGIN)
        box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, self.caption())
        return box.height() + 6

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        bold = QFont(p.font())
        bold.setBold(True)
        caption_h = self._caption_height(bold)
        area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN - caption_h - 14)
        self.painted_modules = 0
        if self.roof is None or area.width() < 10 or area.height() < 10:
            p.setPen(self.palette().text().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message or self.tr("No roof yet."))
            p.end()
            return
        to_px, scale = self._transform(area)

        def poly(points):
            return QPolygonF([to_px(x, y) for x, y in points])
        # roof
        p.setPen(QPen(_EDGE, 2))
        p.setBrush(QBrush(_ROOF))
        p.drawPolygon(poly(self.roof.outline))
        # setback walkway: the usable outline, dashed
        lay = self.layout_
        if lay is not None and self.roof.setback > 0:
            pen = QPen(_WALK, 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(poly(lay.usable_outline))
        # keep-outs with their clearance
        for ko in self.roof.keepouts:
            x0, y0, x1, y1 = ko.bounds()
            if ko.clearance > 0:
                p.setPen(QPen(_KEEPOUT, 1, Qt.PenStyle.DotLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(to_px(x0, y1), to_px(x1, y0)))
            p.setPen(QPen(_KEEPOUT.darker(130), 1.5))
            p.setBrush(QBrush(_KEEPOUT, Qt.BrushStyle.BDiagPattern))
            p.drawRect(QRectF(to_px(ko.x, ko.y + ko.width), to_px(ko.x + ko.length, ko.y)))
        # modules
        if lay is not None and lay.count:
            path = QPainterPath()
            for x, y, dx, dy in lay.modules:
                path.addRect(QRectF(to_px(x, y + dy), to_px(x + dx, y)))
                self.painted_modules += 1
            p.setPen(QPen(_MODULE_EDGE, 0.6 if scale > 4 else 0))
            p.setBrush(QBrush(_MODULE))
            p.drawPath(path)
        # the direction the modules face (the y = 0 edge) and a 10 m scale bar
        p.setPen(QPen(self.palette().text().color(), 1))
        base_y = area.bottom() + 12
        az = self.roof.surface_azimuth
        label = self.tr("↓ modules face %1°").replace("%1", QLocale().toString(az, "f", 0))
        p.drawText(QPointF(area.left(), base_y + fm.ascent()), label)
        bar = 10.0 * scale
        if bar > 20:
            x_end = area.right()
            p.drawLine(QPointF(x_end - bar, base_y + 4), QPointF(x_end, base_y + 4))
            p.drawLine(QPointF(x_end - bar, base_y), QPointF(x_end - bar, base_y + 8))
            p.drawLine(QPointF(x_end, base_y), QPointF(x_end, base_y + 8))
            p.drawText(QPointF(x_end - bar - fm.horizontalAdvance("10 m") - 6, base_y + fm.ascent()), "10 m")
        p.setFont(bold)
        p.drawText(QRectF(self.MARGIN, self.height() - caption_h - 4, self.width() - 2 * self.MARGIN, caption_h),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                   self.caption())
        p.end()
