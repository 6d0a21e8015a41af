"""Save any plot as PNG or SVG.

pyqtgraph 0.14's own SVGExporter fails on Qt 6.12, so the SVG is painted with Qt's
``QSvgGenerator`` (vector output of whatever the plot draws) and the PNG with ``QImage``, both by
rendering the plot's ``QGraphicsView``. :func:`install_plot_export` adds "Export as PNG…" and
"Export as SVG…" to a plot's right-click menu.
"""
from __future__ import annotations

from solarfleet.widgets import _pyside_fix  # noqa: F401

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QMessageBox, QWidget

__all__ = ["export_plot_png", "export_plot_svg", "export_plot", "install_plot_export", "ask_and_export"]


def _size(view: QGraphicsView, size) -> QSize:
    if size is None:
        s = view.size()
        return QSize(max(s.width(), 1) * 2, max(s.height(), 1) * 2)  # twice the screen size: crisp in documents
    w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
    if w < 1 or h < 1 or w > 20000 or h > 20000:
        raise ValueError(f"image size must be 1–20000 px each way (got {w} × {h})")
    return QSize(int(w), int(h))


def _render(view: QGraphicsView, painter: QPainter, size: QSize) -> None:
    bg = view.backgroundBrush().color() if view.backgroundBrush().style() != Qt.BrushStyle.NoBrush else QColor("white")
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), bg)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.render(painter, QRectF(0, 0, size.width(), size.height()), view.viewport().rect(),
                Qt.AspectRatioMode.IgnoreAspectRatio)


def export_plot_png(view: QGraphicsView, path, size=None) -> QSize:
    """Render ``view`` (e.g. a ``pyqtgraph.PlotWidget``) to a PNG of ``size`` px (default 2× on screen)."""
    size = _size(view, size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _render(view, painter, size)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: could not write the PNG")
    return size


def export_plot_svg(view: QGraphicsView, path, size=None, title: str = "") -> QSize:
    """Render ``view`` to an SVG file with Qt's ``QSvgGenerator`` (vector lines and text)."""
    size = _size(view, size)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    gen = QSvgGenerator()
    gen.setFileName(str(tmp))
    gen.setSize(size)
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title or "SolarFleet plot")
    gen.setDescription("Exported from SolarFleet")
    painter = QPainter()
    if not painter.begin(gen):
        raise OSError(f"{path}: could not start the SVG")
    try:
        _render(view, painter, size)
    finally:
        painter.end()
    tmp.replace(path)
    return size


def export_plot(view: QGraphicsView, path, size=None) -> QSize:
    """PNG or SVG by the file's extension (``.png`` / ``.svg``)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        return export_plot_svg(view, path, size)
    if suffix == ".png":
        return export_plot_png(view, path, size)
    raise ValueError(f"{path}: choose a .png or .svg file name")


def ask_and_export(view: QGraphicsView, fmt: Optional[str] = None, parent: Optional[QWidget] = None) -> Optional[str]:
    """Ask for a file name, then export; returns the path written (None if cancelled).

    ``fmt`` 'png' or 'svg' fixes the format; None offers both and follows the chosen name.
    """
    png = QCoreApplication.translate("PlotExport", "PNG image (*.png)")
    svg = QCoreApplication.translate("PlotExport", "SVG drawing (*.svg)")
    title = QCoreApplication.translate("PlotExport", "Export plot")
    filters = {"png": png, "svg": svg, None: f"{svg};;{png}"}[fmt]
    path, chosen = QFileDialog.getSaveFileName(parent or view, title, f"plot.{fmt or 'svg'}", filters)
    if not path:
        return None
    if Path(path).suffix.lower() not in (".png", ".svg"):
        path += "." + (fmt or ("png" if chosen == png else "svg"))
    try:
        export_plot(view, path)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent or view, title, str(exc))
        return None
    return path


def install_plot_export(plot) -> None:
    """Add "Export as PNG…" and "Export as SVG…" to the right-click menu of a ``pyqtgraph.PlotWidget``."""
    vb = plot.getPlotItem().getViewBox()
    menu = vb.menu
    if getattr(menu, "_solarfleet_export", False):
        return
    menu.addSeparator()
    png = menu.addAction(QCoreApplication.translate("PlotExport", "Export as PNG…"))
    png.triggered.connect(lambda: ask_and_export(plot, "png"))
    svg = menu.addAction(QCoreApplication.translate("PlotExport", "Export as SVG…"))
    svg.triggered.connect(lambda: ask_and_export(plot, "svg"))
    menu._solarfleet_export = True
