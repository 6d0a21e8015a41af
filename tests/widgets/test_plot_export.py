"""Plot export: PNG of the asked size, SVG that parses and holds the drawing."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from solarfleet.widgets.plot_export import export_plot, export_plot_png, export_plot_svg, install_plot_export


@pytest.fixture
def plot(qtbot):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    w.resize(400, 300)
    x = np.linspace(0, 10, 200)
    w.plot(x, np.sin(x), pen=pg.mkPen("#e08a2e", width=2))
    w.setTitle("sine")
    w.show()
    qtbot.waitExposed(w)
    return w


def test_png_has_the_requested_size(plot, tmp_path):
    path = tmp_path / "p.png"
    assert export_plot_png(plot, path, (640, 360)).width() == 640
    img = QImage(str(path))
    assert (img.width(), img.height()) == (640, 360)
    # something was drawn: not a blank image
    colours = {img.pixel(x, y) for x in range(0, 640, 16) for y in range(0, 360, 12)}
    assert len(colours) > 3
    # default: twice the on-screen size
    export_plot(plot, tmp_path / "d.png")
    d = QImage(str(tmp_path / "d.png"))
    assert (d.width(), d.height()) == (plot.width() * 2, plot.height() * 2)


def test_svg_parses_and_has_vector_content(plot, tmp_path):
    path = tmp_path / "p.svg"
    export_plot_svg(plot, path, (800, 500), title="sine")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 800 500"
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.findall(".//s:path", ns) or root.findall(".//s:polyline", ns)
    assert "sine" in path.read_text(encoding="utf-8")


def test_bad_names_and_sizes_are_refused(plot, tmp_path):
    with pytest.raises(ValueError, match="png or .svg"):
        export_plot(plot, tmp_path / "p.jpg")
    with pytest.raises(ValueError, match="size"):
        export_plot_png(plot, tmp_path / "p.png", (0, 10))


def test_context_menu_gets_the_actions_once(plot):
    install_plot_export(plot)
    install_plot_export(plot)
    texts = [a.text() for a in plot.getPlotItem().getViewBox().menu.actions()]
    assert texts.count("Export as PNG…") == 1 and texts.count("Export as SVG…") == 1
