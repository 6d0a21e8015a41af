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


def test_topocentric_elevation_is_the_full_computations_bit_for_bit():
    from solarfleet.models.simulation.sun import topocentric_elevation
    grid = pd.date_range("2023-06-01", "2023-06-08", freq="h", tz="UTC")
    odd = grid[:-1] + pd.to_timedelta(np.random.default_rng(3).uniform(0, 3600, len(grid) - 1), unit="s")
    subset = np.arange(5, 150, 7)
    for args in ({}, {"subset": subset}):
        full = solar_position_arrays(grid, 45.8, 126.6, 120.0, **args)["elevation"]
        np.testing.assert_array_equal(topocentric_elevation(grid, 45.8, 126.6, 120.0, **args), full)
    np.testing.assert_array_equal(topocentric_elevation(odd, 45.8, 126.6, 120.0, near=grid),
                                  solar_position_arrays(odd, 45.8, 126.6, 120.0, near=grid)["elevation"])


def test_near_instants_interpolate_the_terms_within_microdegrees():
    grid = pd.date_range("2023-06-01", "2023-06-08", freq="h", tz="UTC")
    odd = grid[:-1] + pd.to_timedelta(np.random.default_rng(2).uniform(0, 3600, len(grid) - 1), unit="s")
    ref = pvlib.location.Location(45.8, 126.6, altitude=0.0).get_solarposition(odd)
    near = solar_position(odd, 45.8, 126.6, 0.0, near=grid)
    np.testing.assert_allclose(near["apparent_elevation"], ref["apparent_elevation"], atol=5e-6)
    np.testing.assert_allclose(near["azimuth"], ref["azimuth"], atol=5e-6)


def _geometric_search(lat, lon, alt, starts, edges):
    """The engine's sunrise search set-up: geometric elevation, crossing at the geometric horizon."""
    from solarfleet.models.simulation.sun import geocentric_elevation

    def elevation_at(t):
        return solar_position_arrays(t, lat, lon, alt, near=None if len(t) == len(edges) else edges)["elevation"]

    def screen(e):
        return geocentric_elevation(e, lat, lon), lambda pos: solar_position_arrays(
            e, lat, lon, alt, subset=pos)["elevation"]
    return elevation_at, screen


def test_screened_sunrise_search_finds_the_same_instants():
    from solarfleet.models.simulation import physics
    from solarfleet.models.simulation.sun import geocentric_elevation, geometric_horizon
    for lat, lon, alt, minutes in ((39.9, 116.4, 50, 60), (69.6, 18.9, 10, 60), (-33.9, 151.2, 0, 15),
                                   (29.6, 91.1, 3650, 30)):
        starts = pd.date_range("2023-01-01", "2024-01-01", freq=f"{minutes}min", tz="UTC", inclusive="left")
        edges = starts.append(starts[-1:] + pd.Timedelta(minutes=minutes))
        elevation_at, screen = _geometric_search(lat, lon, alt, starts, edges)
        rise_at = geometric_horizon(alt)
        full = physics.sunlit_times(starts, minutes, elevation_at, rise_at=rise_at)
        screened = physics.sunlit_times(starts, minutes, elevation_at, screen=screen, rise_at=rise_at)
        assert screened.equals(full)
        assert (full != starts + pd.Timedelta(minutes=minutes) / 2).sum() > 300   # sunrises and sunsets moved
        # the screen's promise: the geocentric estimate within the band of the topocentric elevation
        assert np.abs(geocentric_elevation(edges, lat, lon) - elevation_at(edges)).max() < physics.SCREEN_BAND / 5


def test_geometric_horizon_is_where_the_apparent_sun_rises():
    from solarfleet.models.simulation.sun import geometric_horizon
    for alt in (0.0, 50.0, 3650.0):
        times = pd.date_range("2023-03-20 21:00", periods=7201, freq="1s", tz="UTC")   # a Beijing sunrise
        sp = solar_position_arrays(times, 39.9, 116.4, alt)
        up = sp["apparent_elevation"] >= 0
        assert up[-1] and not up[0]
        first = np.argmax(up)                               # apparent sunrise, to the second
        assert sp["elevation"][first - 1] < geometric_horizon(alt) <= sp["elevation"][first]
    assert -0.6 < geometric_horizon(0.0) < -0.55            # about 34 arc minutes of refraction, less the radius


def test_sunrise_found_to_about_a_second():
    """Each sunrise and sunset of a year of hours against a bisection to 1 ms: the chosen instant is
    half-way through the sunlit part, so its error is half the crossing's."""
    from solarfleet.models.simulation import physics
    from solarfleet.models.simulation.sun import geometric_horizon
    for lat, lon, limit in ((39.9, 116.4, 2.0), (53.5, 122.3, 5.0), (-33.9, 151.2, 1.0)):
        starts = pd.date_range("2023-01-01", "2024-01-01", freq="h", tz="UTC", inclusive="left").as_unit("ns")
        edges = starts.append(starts[-1:] + pd.Timedelta(hours=1))
        elevation_at, screen = _geometric_search(lat, lon, 50.0, starts, edges)
        rise_at = geometric_horizon(50.0)
        at = physics.sunlit_times(starts, 60, elevation_at, screen=screen, rise_at=rise_at)
        mid = starts + pd.Timedelta(minutes=30)
        moved = np.flatnonzero(at != mid)
        apparent = solar_position_arrays(edges, lat, lon, 50.0)["apparent_elevation"]
        rising = apparent[moved] < 0
        t0 = edges.asi8[moved].astype(float)
        a, b = np.zeros(len(moved)), np.full(len(moved), 3600e9)
        for _ in range(42):                                  # bisection on the apparent elevation itself
            m = (a + b) / 2
            up = solar_position_arrays(pd.to_datetime((t0 + m).astype("int64"), unit="ns", utc=True), lat, lon,
                                       50.0)["apparent_elevation"] >= 0
            below = up != rising                             # still before the crossing
            a, b = np.where(below, m, a), np.where(below, b, m)
        crossing = t0 + (a + b) / 2
        expected = np.where(rising, (crossing + t0 + 3600e9) / 2, (t0 + crossing) / 2)
        error = np.abs(at.asi8[moved] - expected) / 1e9     # [s]
        assert len(moved) > 700 and error.max() < limit / 2, (lat, error.max())
