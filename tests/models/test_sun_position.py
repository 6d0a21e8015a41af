"""The engine's sun position against pvlib's NREL SPA, bit for bit, and interpolated near instants."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib

from solarfleet.models.simulation.sun import solar_position, solar_position_arrays


def test_solar_position_is_pvlibs_bit_for_bit():
    times = pd.date_range("2024-03-01", periods=24 * 40, freq="37min", tz="Asia/Shanghai") + pd.Timedelta("1.5s")
    loc = pvlib.location.Location(29.6, 91.1, altitude=3650)
    ref = loc.get_solarposition(times, temperature=np.linspace(-5, 20, len(times)))
    ours = solar_position(times, 29.6, 91.1, 3650, temperature=np.linspace(-5, 20, len(times)))
    for c in ("apparent_zenith", "zenith", "apparent_elevation", "azimuth", "equation_of_time"):
        np.testing.assert_array_equal(ours[c].to_numpy(), ref[c].to_numpy(), err_msg=c)
    assert ours.index.equals(times)
    arrays = solar_position_arrays(times, 29.6, 91.1, 3650, temperature=np.linspace(-5, 20, len(times)))
    np.testing.assert_array_equal(arrays["azimuth"], ref["azimuth"].to_numpy())


def test_near_instants_interpolate_the_terms_within_microdegrees():
    grid = pd.date_range("2023-06-01", "2023-06-08", freq="h", tz="UTC")
    odd = grid[:-1] + pd.to_timedelta(np.random.default_rng(2).uniform(0, 3600, len(grid) - 1), unit="s")
    ref = pvlib.location.Location(45.8, 126.6, altitude=0.0).get_solarposition(odd)
    near = solar_position(odd, 45.8, 126.6, 0.0, near=grid)
    np.testing.assert_allclose(near["apparent_elevation"], ref["apparent_elevation"], atol=5e-6)
    np.testing.assert_allclose(near["azimuth"], ref["azimuth"], atol=5e-6)
