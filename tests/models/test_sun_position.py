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


def test_screened_sunrise_search_finds_the_same_instants():
    from solarfleet.models.simulation import physics
    from solarfleet.models.simulation.sun import geocentric_elevation
    for lat, lon, alt, minutes in ((39.9, 116.4, 50, 60), (69.6, 18.9, 10, 60), (-33.9, 151.2, 0, 15),
                                   (29.6, 91.1, 3650, 30)):
        starts = pd.date_range("2023-01-01", "2024-01-01", freq=f"{minutes}min", tz="UTC", inclusive="left")
        edges = starts.append(starts[-1:] + pd.Timedelta(minutes=minutes))

        def elevation_at(t):
            return solar_position_arrays(t, lat, lon, alt, near=None if len(t) == len(edges) else edges)[
                "apparent_elevation"]

        def screen(e):
            return geocentric_elevation(e, lat, lon), lambda pos: solar_position_arrays(
                e, lat, lon, alt, subset=pos)["apparent_elevation"]
        full = physics.sunlit_times(starts, minutes, elevation_at)
        screened = physics.sunlit_times(starts, minutes, elevation_at, screen=screen)
        assert screened.equals(full)
        assert (full != starts + pd.Timedelta(minutes=minutes) / 2).sum() > 300   # sunrises and sunsets moved
        apparent = elevation_at(edges)
        assert np.abs(geocentric_elevation(edges, lat, lon) - apparent).max() < 1.0
