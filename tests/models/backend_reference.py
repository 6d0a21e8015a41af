"""Helpers for the backend tests: a small fleet with real weather holes, exact result comparison."""
from __future__ import annotations

import numpy as np
import pandas as pd

from solarfleet.models.fleet import Fleet

from sim_reference import weather_year

#: A PVWatts park, a CEC (single-diode + Sandia) park and a mixed one from the demo fleet.
PARKS = ["Shanghai Asia No.1 (Jiading)", "Chengdu Asia No.1 (Xindu)", "Wuhan Asia No.1"]


def small_fleet(demo_fleet) -> Fleet:
    return Fleet(tuple(demo_fleet.park(n) for n in PARKS))


def weather_sets(fleet) -> dict:
    """Seeded weather per park; the first park has a 12-hour hole (missing weather must stay NaN)."""
    return {p.name: weather_year(p, seed=40 + i, holes=[(2000, 12)] if i == 0 else [])
            for i, p in enumerate(fleet.parks)}


def assert_identical(a, b) -> None:
    """Two :class:`ParkResult` objects hold exactly the same numbers (bit for bit, NaN where NaN)."""
    assert a.park == b.park
    assert a.missing_intervals == b.missing_intervals
    assert a.interval_minutes == b.interval_minutes
    assert a.orientation == b.orientation
    assert a.tz == b.tz
    for name in ("ac", "dc", "poa_global", "losses"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.index.equals(y.index) and list(x.columns) == list(y.columns), name
        assert np.array_equal(x.to_numpy(), y.to_numpy(), equal_nan=True), name
    pd.testing.assert_frame_equal(a.arrays, b.arrays, check_exact=True)
