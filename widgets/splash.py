"""The start-up splash: the app's name, what is being prepared and a progress bar, drawn (no image file)."""
from __future__ import annotations

from solarfleet.widgets import _pyside_fix  # noqa: F401

from typing import Optional

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QSplashScreen

__all__ = ["StartupSplash"]

_SIZE = (460, 200)  # logical px


class StartupSplash(QSplashScreen):
    """A splash showing ``title`` and a progress bar; :meth:`set_progress` updates it.

    Parameters
    ----------
    title : str
        The app's name and version.
    """

    def __init__(self, title: str):
        ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
        pix = QPixmap(int(_SIZE[0] * ratio), int(_SIZE[1] * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(QColor("#1f2937"))
        super().__init__(pix)
        self.setObjectName("startupSplash")
        self.title = title
        self.text = ""
        self.fraction: Optional[float] = None
        self._repaint()

    def set_progress(self, text: str, fraction: Optional[float] = None) -> None:
        """Show ``text`` and, if given, the share done ``fraction`` [0–1] (None: no bar)."""
        if text == self.text and fraction == self.fraction:
            return
        self.text, self.fraction = text, fraction
        self._repaint()

    def _repaint(self) -> None:
        ratio = self.pixmap().devicePixelRatio()
        pix = QPixmap(int(_SIZE[0] * ratio), int(_SIZE[1] * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(QColor("#1f2937"))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = _SIZE
        p.fillRect(QRectF(0, 0, w, 6), QColor("#f59e0b"))  # the PV amber of the plots
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 1.8)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor("white"))
        p.drawText(QRectF(24, 30, w - 48, 50), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        p.setPen(QColor("#d1d5db"))
        p.drawText(QRectF(24, 110, w - 48, 40), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self.text)
        if self.fraction is not None:
            bar = QRectF(24, h - 36, w - 48, 8)
            p.fillRect(bar, QColor("#374151"))
            p.fillRect(QRectF(bar.x(), bar.y(), bar.width() * max(0.0, min(1.0, self.fraction)), bar.height()),
                       QColor("#f59e0b"))
        p.end()
        self.setPixmap(pix)
