"""The demo parks on the real CSWD typical years (shared data): yields in each city's plausible band.

The EPW files are hour-ending in local standard time; pvlib's ``read_epw`` keeps that label, so the
test moves each value to its interval start (−1 h) before simulating, and coerces the typical
year's mixed years to 2023.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pvlib.iotools import read_epw

from solarfleet.models.fleet import Fleet
from solarfleet.models.simulation.engine import simulate_fleet

FILES = {
    "Beijing Asia No.1 (Yizhuang)": "CHN_Beijing.Beijing.545110_CSWD.epw",
    "Shanghai Asia No.1 (Jiading)": "CHN_Shanghai.Shanghai.583620_CSWD.epw",
    "Chengdu Asia No.1 (Xindu)": "CHN_Sichuan.Chengdu.562940_CSWD.epw",
}


def _interval_start_weather(path):
    data, meta = read_epw(path, coerce_year=2023)
    data = data[["ghi", "dni", "dhi", "temp_air", "wind_speed"]].copy()  # arrays keep their own albedo
    data.index = data.index - pd.Timedelta(hours=1)        # hour-ending → interval start
    data = data.sort_index().tz_convert("UTC")             # the year's last hour wraps to its start
    return data, {"interval_minutes": 60, "label": "start", "source": str(path.name), "kind": "tmy", "year": None}


def test_demo_parks_on_cswd_years(shared_dir, demo_fleet):
    fleet = Fleet(tuple(demo_fleet.park(n) for n in FILES))
    weather = {n: _interval_start_weather(shared_dir / "weather" / f) for n, f in FILES.items()}
    for data, _ in weather.values():
        assert len(data) == 8760 and data.index.is_monotonic_increasing
    results = {r.park: r for r in simulate_fleet(fleet, lambda p: weather[p.name])}
    sy = {name: r.specific_yield for name, r in results.items()}
    # eastern and northern China roughly 900–1,300 kWh/kWp, the Sichuan basin lower
    assert 900 < sy["Beijing Asia No.1 (Yizhuang)"] < 1400, sy
    assert 850 < sy["Shanghai Asia No.1 (Jiading)"] < 1300, sy
    assert 550 < sy["Chengdu Asia No.1 (Xindu)"] < 950, sy
    assert sy["Chengdu Asia No.1 (Xindu)"] < min(sy["Beijing Asia No.1 (Yizhuang)"],
                                                  sy["Shanghai Asia No.1 (Jiading)"])
    for r in results.values():
        assert r.missing_intervals == 0 and 0.65 < r.performance_ratio < 0.9
        assert np.isfinite(r.ac.to_numpy()).all()
