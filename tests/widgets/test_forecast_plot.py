"""The forecast plot: band, P50, actuals with gaps, and the error caption."""
from __future__ import annotations

import numpy as np
import pytest
import pandas as pd

from solarfleet.widgets.forecast_plot import ForecastPlot


def _frame(with_actual=True):
    idx = pd.date_range("2026-06-10T16:00Z", periods=24, freq="1h")
    p50 = np.clip(np.sin(np.linspace(0, np.pi, 24)), 0, None) * 1e6
    f = pd.DataFrame({"ac_p10": p50 * 0.7, "ac_p50": p50, "ac_p90": p50 * 1.2}, index=idx)
    if with_actual:
        a = p50 * 0.9
        a[5:8] = np.nan
        f["ac_actual"] = a
    return f


def test_plot_shows_band_p50_and_actuals(qtbot):
    w = ForecastPlot()
    qtbot.addWidget(w)
    w.flush()
    assert not w.empty.isHidden()
    w.set_data(_frame(), {"n": 21, "mae": 52_000.0, "bias": 52_000.0}, "Asia/Shanghai")
    w.flush()
    x, y = w.p50.getData()
    assert len(x) == 24 and np.nanmax(y) == pytest.approx(_frame()["ac_p50"].max() / 1000.0)  # kW
    ax, ay = w.actual.getData()
    assert np.isnan(ay[5:8]).all()  # gaps stay gaps
    assert "MAE 52.0 kW" in w.caption.text() and "+52.0" in w.caption.text()
    # it paints (legend samples included) without errors
    w.resize(600, 400)
    w.show()
    qtbot.waitExposed(w)
    assert not w.grab().isNull()
    # plot seconds are the park's wall clock: 16:00Z is midnight in Shanghai
    assert x[0] % 86400 == 0
    w.set_data(_frame(False), {"n": 0})
    w.flush()
    assert w.actual.getData()[0] is None or len(w.actual.getData()[0]) == 0
    assert "No actuals" in w.caption.text()
