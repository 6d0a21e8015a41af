"""Yield vs consumption opens on a readable span: a week, hourly; longer spans aggregate to days."""
import numpy as np
import pandas as pd

from solarfleet.widgets.plot_time import to_plot_seconds
from solarfleet.widgets.yield_plot import YieldPlot, span_window

YEAR = pd.date_range("2023-01-01", periods=8760, freq="h", tz="UTC")


def test_typical_year_opens_on_the_week_at_todays_date():
    start, end = span_window(YEAR, "week", now=pd.Timestamp("2026-06-10T06:00Z"))
    assert end - start == pd.Timedelta(days=7)
    assert start == pd.Timestamp("2023-06-07T00:00Z")  # today's month and day, centred
    assert span_window(YEAR, "all") is None
    s, e = span_window(YEAR, "week", now=pd.Timestamp("2026-12-31T06:00Z"))  # clamped inside the year
    assert e <= YEAR[-1] and e - s == pd.Timedelta(days=7)


def test_measured_data_open_on_their_latest_week():
    idx = pd.date_range("2026-05-01", "2026-06-10T05:00", freq="h", tz="UTC")
    start, end = span_window(idx, "week", now=pd.Timestamp("2026-06-10T06:00Z"))
    assert end == idx[-1] and start == idx[-1] - pd.Timedelta(days=7)


def test_plot_shows_a_week_hourly_then_a_year_daily(qtbot):
    w = YieldPlot()
    qtbot.addWidget(w)
    pv = pd.Series(np.clip(np.sin(np.arange(8760) / 24 * 2 * np.pi), 0, None) * 1e6, index=YEAR)
    w.set_data(pv, pv * 0.5 + 2e5, "Asia/Shanghai")
    w.flush()
    assert w.current_resolution() == "hourly" and w.unit() == "kW"
    x0, x1 = w.plot.getPlotItem().vb.viewRange()[0]
    assert abs((x1 - x0) - 7 * 86400) < 60  # a week in view, not a solid block of a year
    w.set_span("all")
    w.flush()
    assert w.current_resolution() == "daily" and w.unit() == "kWh"
    assert len(w._x) == 365 + 1 or len(w._x) == 365  # one point per local day
    x0, x1 = w.plot.getPlotItem().vb.viewRange()[0]
    assert x1 - x0 > 300 * 86400
    assert to_plot_seconds(YEAR[:1], "Asia/Shanghai")[0] >= x0 - 86400
