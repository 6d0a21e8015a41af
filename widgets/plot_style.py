"""Shared plot plumbing: theme colours from the Qt palette, a locale-aware date axis, throttled redraws."""
from __future__ import annotations

from typing import Optional

import pyqtgraph as pg
from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QTimer, QTimeZone
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["PV_COLOR", "LOAD_COLOR", "SELF_COLOR", "SERIES_COLORS", "LocaleDateAxis", "ThrottledPlot",
           "style_plot", "month_name", "is_cjk", "add_legend"]

PV_COLOR = QColor("#f59e0b")     # amber: PV yield
LOAD_COLOR = QColor("#3b82f6")   # blue: consumption
SELF_COLOR = QColor(34, 197, 94, 90)  # translucent green: self-consumed PV
#: Distinct colours for parks (Okabe–Ito, colour-blind safe, then a few more).
SERIES_COLORS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
                 "#8C564B", "#17BECF", "#BCBD22", "#7F7F7F"]


def is_cjk(locale: Optional[QLocale] = None) -> bool:
    loc = locale or QLocale()
    return loc.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese)


def month_name(month: int, locale: Optional[QLocale] = None) -> str:
    """Short month name (1 = January) in the locale: 'Jan', '1月'."""
    loc = locale or QLocale()
    return loc.toString(QDate(2001, month, 1), "MMM")


class LocaleDateAxis(pg.DateAxisItem):
    """:class:`pyqtgraph.DateAxisItem` (``utcOffset=0``; see :func:`solarfleet.widgets.plot_time.to_plot_seconds`)
    whose labels follow the Qt locale: month names and day formats in Chinese and Japanese too."""

    def __init__(self, orientation="bottom", **kwargs):
        super().__init__(orientation=orientation, utcOffset=0, **kwargs)

    def tickStrings(self, values, scale, spacing):
        loc = QLocale()
        cjk = is_cjk(loc)
        if spacing >= 360 * 86400:
            fmt = "yyyy"
        elif spacing >= 28 * 86400:
            fmt = "MMM"
        elif spacing >= 86400:
            fmt = "M月d日" if cjk else "d MMM"
        elif spacing >= 60:
            fmt = "HH:mm"
        else:
            fmt = "HH:mm:ss"
        out = []
        for v in values:
            dt = QDateTime.fromSecsSinceEpoch(int(v), QTimeZone.utc())
            if fmt == "MMM" and dt.date().month() == 1:
                out.append(loc.toString(dt.date(), "yyyy"))
            else:
                out.append(loc.toString(dt, fmt))
        return out


def style_plot(plot: pg.PlotWidget) -> None:
    """Colour ``plot`` from the application palette (light or dark, as the OS says)."""
    pal = QApplication.palette()
    bg = pal.color(QPalette.ColorRole.Base)
    fg = pal.color(QPalette.ColorRole.Text)
    plot.setBackground(bg)
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        ax = item.getAxis(name)
        ax.setPen(pg.mkPen(fg))
        ax.setTextPen(pg.mkPen(fg))
    item.showGrid(x=True, y=True, alpha=0.15)


def add_legend(plot: pg.PlotWidget, offset=(-10, 10), **kwargs):
    """A legend in the palette's text colour on a translucent background (readable over curves)."""
    pal = QApplication.palette()
    bg = QColor(pal.color(QPalette.ColorRole.Base))
    bg.setAlpha(210)
    return plot.getPlotItem().addLegend(offset=offset, labelTextColor=pal.color(QPalette.ColorRole.Text),
                                        brush=pg.mkBrush(bg), pen=pg.mkPen(pal.color(QPalette.ColorRole.Mid)),
                                        **kwargs)


class ThrottledPlot(QWidget):
    """Base of the plot widgets: :meth:`schedule` coalesces redraws into one per ``interval_ms``.

    Subclasses implement :meth:`redraw` and keep their input in attributes; the
    :attr:`redraw_count` counter lets tests see that updates were coalesced.
    """

    def __init__(self, parent: Optional[QWidget] = None, interval_ms: int = 80):
        super().__init__(parent)
        self.redraw_count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._timed_out)

    _dirty = False

    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Render now if an update is pending, shown or not (tests, screenshots)."""
        if self._timer.isActive() or self._dirty:
            self._timer.stop()
            self._do_render()

    def _timed_out(self) -> None:
        if self.isVisible():
            self._do_render()
        else:  # a plot on a hidden tab draws when it is shown, not on every result
            self._dirty = True

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self._do_render()

    def _do_render(self) -> None:
        self._dirty = False
        self.redraw_count += 1
        self.redraw()

    def redraw(self) -> None:
        """Draw the current input (subclasses)."""
        raise NotImplementedError

    def plots(self):
        """The PlotWidgets to restyle on a palette change."""
        return []

    def changeEvent(self, event):
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for p in self.plots():
                style_plot(p)
        super().changeEvent(event)
