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


def stored_run_rows(store, run_id: int) -> dict:
    """Everything a stored run holds but its id, start time and duration: table → rows (for exact comparison)."""
    out = {"sim_runs": store.db.execute(
        "SELECT fleet_hash, options, weather, versions, parks, arrays, dc_capacity, energy, specific_yield, "
        "performance_ratio, capacity_factor, missing_intervals, losses FROM sim_runs WHERE id = ?", [run_id]).fetchall()}
    for table, order in (("sim_parks", "position"), ("sim_arrays", "park, position"),
                         ("sim_energy", "level, park, roof, array, period, period_start")):
        cols = [r[1] for r in store.db.execute(f"PRAGMA table_info({table})") if r[1] != "run_id"]
        out[table] = store.db.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE run_id = ? ORDER BY {order}",
                                      [run_id]).fetchall()
    return out
