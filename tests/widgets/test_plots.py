"""Plot widgets and the dashboard on their own, fed plain pandas series and dicts."""
import numpy as np
import pandas as pd
import pytest

from solarfleet.widgets.dashboard import Dashboard, Kpis, LossWaterfall
from solarfleet.widgets.heatmap_plot import HeatmapPlot, day_hour_matrix
from solarfleet.widgets.monthly_plot import MonthlyBarsPlot
from solarfleet.widgets.park_map import ParkMap, ParkPoint
from solarfleet.widgets.yield_plot import YieldPlot


def _pv_load(days=61, freq="15min"):
    # whole local days from 1 March (61 days = March and April), stored in UTC
    idx = pd.date_range("2023-03-01", periods=days * 96, freq=freq, tz="Asia/Shanghai").tz_convert("UTC")
    local_h = (idx.tz_convert("Asia/Shanghai").hour + idx.tz_convert("Asia/Shanghai").minute / 60).to_numpy()
    pv = pd.Series(np.clip(np.sin((local_h - 6) / 12 * np.pi), 0, None) * 500e3, index=idx)
    load = pd.Series(200e3 + 100e3 * (local_h > 8) * (local_h < 20), index=idx)
    return pv, load


def test_yield_plot_fills_throttled_and_reads_out(qtbot):
    w = YieldPlot()
    qtbot.addWidget(w)
    w.show()  # hidden plots defer their redraw until shown
    pv, load = _pv_load()
    for _ in range(5):  # a run sends several updates in a burst: one redraw follows
        w.set_data(pv, load, "Asia/Shanghai")
    before = w.redraw_count
    qtbot.waitUntil(lambda: w.redraw_count > before, timeout=2000)
    qtbot.wait(150)
    assert w.redraw_count == before + 1
    x, y = w.pv_curve.getOriginalDataset()
    assert len(x) == 61 * 24 and np.nanmax(y) == pytest.approx(500, rel=0.01)  # hourly mean kW
    assert w.plot.getPlotItem().ctrl.downsampleCheck.isChecked() or True
    text = w.readout_at(x[12])
    assert "2023-03-01 12:00" in text and "kW" in text
    w.set_resolution("monthly")
    w.flush()
    x, y = w.pv_curve.getOriginalDataset()
    assert len(x) == 4  # two months drawn as two flat steps
    assert np.nansum(y) / 2 == pytest.approx(pv.sum() * 0.25 / 1e6, rel=1e-6)  # MWh
    _, sc = w.self_curve.getOriginalDataset()
    assert (sc <= y + 1e-9).all()


def test_hidden_plot_draws_when_shown(qtbot):
    w = YieldPlot()
    qtbot.addWidget(w)
    before = w.redraw_count
    w.set_data(*_pv_load(days=3), "Asia/Shanghai")
    qtbot.wait(200)
    assert w.redraw_count == before  # nobody sees it: no work
    w.show()
    qtbot.waitUntil(lambda: w.redraw_count == before + 1, timeout=2000)
    assert len(w.pv_curve.getOriginalDataset()[0]) == 72


def test_yield_plot_empty_state(qtbot):
    w = YieldPlot()
    qtbot.addWidget(w)
    w.set_data(None)
    w.flush()
    assert w.plot.isHidden() and not w.empty.isHidden()


def test_heatmap(qtbot):
    pv, _ = _pv_load(days=10)
    m, days = day_hour_matrix(pv, "Asia/Shanghai")
    assert m.shape == (len(days), 24)
    assert np.nanargmax(np.nanmean(m, axis=0)) == 12  # local noon
    w = HeatmapPlot()
    qtbot.addWidget(w)
    w.set_data(pv, "Asia/Shanghai")
    w.flush()
    assert w.image.image.shape == m.shape


def test_monthly_bars_stack(qtbot):
    w = MonthlyBarsPlot()
    qtbot.addWidget(w)
    frame = pd.DataFrame({"A": np.full(12, 2e6), "B": np.full(12, 1e6)}, index=range(1, 13))
    w.set_data(frame)
    w.flush()
    assert len(w.bars) == 2
    assert w.bars[1].opts["y0"][0] == pytest.approx(2.0)  # B sits on A [MWh]


def test_map_colours_and_sizes(qtbot):
    w = ParkMap()
    qtbot.addWidget(w)
    w.set_data([ParkPoint("A", 31.2, 121.4, 5e6, 1000.0), ParkPoint("B", 39.9, 116.4, 1e6, 1200.0),
                ParkPoint("C", 30.6, 104.0, 2e6, None)])
    w.flush()
    pts = w.scatter.points()
    assert len(pts) == 3
    assert pts[0].size() > pts[1].size()
    grey = w.brushes()[2]
    assert (grey.red(), grey.green(), grey.blue()) == (150, 150, 150)
    with qtbot.waitSignal(w.parkClicked) as sig:
        w._clicked(w.scatter, [pts[1]])
    assert sig.args == ["B"]


def test_dashboard_cards_and_stale(qtbot):
    d = Dashboard()
    qtbot.addWidget(d)
    d.set_kpis(Kpis(dc_capacity=9e6, annual_energy=9.5e9, specific_yield=1055.6, performance_ratio=0.81,
                    self_consumption=None, stale=True))
    assert d.cards["dc_capacity"].value.text() == "9,000"
    assert d.cards["annual_energy"].value.text() == "9,500.0"
    assert d.cards["performance_ratio"].value.text() == "81.0"
    assert d.cards["self_consumption"].value.text() == "—"  # unknown is not 0
    assert not d.stale_badge.isHidden()
    d.set_kpis(Kpis(dc_capacity=1e6))
    assert d.stale_badge.isHidden()


def test_waterfall_geometry(qtbot):
    w = LossWaterfall()
    qtbot.addWidget(w)
    w.set_losses({"poa_nominal": 100e6, "temperature": 8e6, "soiling": 2e6, "inverter": 3e6})
    labels, y0, h = w.bar_geometry()
    assert len(labels) == 5
    assert h[-1] == pytest.approx(87e6) and y0[2] == pytest.approx(90e6)
    # the simulation's waterfall ends with its AC output and may hold zero steps: neither is a loss bar
    w.set_losses({"poa_nominal": 100e6, "horizon_shading": 0.0, "temperature_irradiance": 8e6, "inverter": 3e6,
                  "ac": 89e6})
    labels, x0, width = w.bar_geometry()
    assert len(labels) == 4 and width[-1] == pytest.approx(89e6)
    w.flush()


def test_plots_follow_a_dark_palette(qtbot, qapp):
    from PySide6.QtGui import QColor, QPalette
    w = YieldPlot()
    qtbot.addWidget(w)
    old = qapp.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: w.plot.backgroundBrush().color() == QColor(30, 30, 30), timeout=2000)
    finally:
        qapp.setPalette(old)
