"""Sun position for many parks on one time axis, with pvlib's NREL SPA (numpy) code.

:func:`pvlib.solarposition.get_solarposition` (``method='nrel_numpy'``, what
:class:`pvlib.modelchain.ModelChain` uses) spends most of its time on the
geocentric part of the Solar Position Algorithm (Reda & Andreas 2004): the
Earth's heliocentric longitude, latitude and radius, nutation, obliquity and the
Sun's geocentric right ascension and declination. Those depend only on time, not
on where the observer is. :func:`solar_position` calls the same functions of
:mod:`pvlib.spa`, in the same order, but keeps the geocentric part for the last
time axes it saw, so ten parks on one weather year pay for it once. The results
are bit-for-bit those of ``pvlib.location.Location.get_solarposition``.
"""
from __future__ import annotations

import functools
import threading

import numpy as np
import pandas as pd
from pvlib import atmosphere, spa

__all__ = ["solar_position", "solar_position_arrays", "topocentric_elevation", "geocentric_elevation",
           "geometric_horizon"]

_cache_lock = threading.Lock()
_cache: dict = {}


def _unixtime(times: pd.DatetimeIndex) -> np.ndarray:
    """Seconds since 1970 [s], as pvlib computes them (``(times - epoch) / 1 s``: the integer count
    of the index's unit over the count in one second, divided in floating point)."""
    if not isinstance(times, pd.DatetimeIndex):
        times = pd.DatetimeIndex(times)
    if times.tz is None:
        times = times.tz_localize("UTC")
    return times.asi8 / float(np.timedelta64(1, "s") // np.timedelta64(1, times.unit))


def _geocentric(times: pd.DatetimeIndex) -> dict:
    """Location-independent SPA terms for ``times`` (cached for the last axis)."""
    unixtime = _unixtime(times)
    key = (len(unixtime), hash(unixtime.tobytes()))
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    delta_t = 67.0  # [s], pvlib's default in spa_python, which ModelChain relies on
    jd = spa.julian_day(unixtime)
    jde = spa.julian_ephemeris_day(jd, delta_t)
    jc = spa.julian_century(jd)
    jce = spa.julian_ephemeris_century(jde)
    jme = spa.julian_ephemeris_millennium(jce)
    R = spa.heliocentric_radius_vector(jme)
    L = spa.heliocentric_longitude(jme)
    B = spa.heliocentric_latitude(jme)
    Theta = spa.geocentric_longitude(L)
    beta = spa.geocentric_latitude(B)
    x0 = spa.mean_elongation(jce)
    x1 = spa.mean_anomaly_sun(jce)
    x2 = spa.mean_anomaly_moon(jce)
    x3 = spa.moon_argument_latitude(jce)
    x4 = spa.moon_ascending_longitude(jce)
    nut = np.empty((2, len(x0)))
    spa.longitude_obliquity_nutation(jce, x0, x1, x2, x3, x4, nut)
    delta_psi, delta_epsilon = nut[0], nut[1]
    epsilon0 = spa.mean_ecliptic_obliquity(jme)
    epsilon = spa.true_ecliptic_obliquity(epsilon0, delta_epsilon)
    delta_tau = spa.aberration_correction(R)
    lamd = spa.apparent_sun_longitude(Theta, delta_psi, delta_tau)
    v0 = spa.mean_sidereal_time(jd, jc)
    v = spa.apparent_sidereal_time(v0, delta_psi, epsilon)
    alpha = spa.geocentric_sun_right_ascension(lamd, epsilon, beta)
    delta = spa.geocentric_sun_declination(lamd, epsilon, beta)
    m = spa.sun_mean_longitude(jme)
    eot = spa.equation_of_time(m, alpha, delta_psi, epsilon)
    xi = spa.equatorial_horizontal_parallax(R)
    result = {"v": v, "alpha": alpha, "delta": delta, "eot": eot, "xi": xi}
    with _cache_lock:
        if len(_cache) >= 8:  # a few axes: interval mid-points, edges, sunrise refinements, moved instants
            _cache.pop(next(iter(_cache)))
        _cache[key] = result
    return result


def _geocentric_near(times: pd.DatetimeIndex, grid: pd.DatetimeIndex) -> dict:
    """Location-independent SPA terms at ``times``, interpolated linearly from those of ``grid``
    (a regular axis covering ``times``, computed once and cached). Over an hour the terms change
    so smoothly that the interpolation error is below 1e-6° (sidereal time unwrapped first)."""
    xp, base = _unwrapped(grid)
    x = _unixtime(times)
    return {k: np.interp(x, xp, v) for k, v in base.items()}


def _unwrapped(grid: pd.DatetimeIndex) -> tuple[np.ndarray, dict]:
    """``(seconds of grid, its geocentric terms with the angles unwrapped)``, cached with the terms."""
    return _derived(_geocentric(grid), "_unwrapped", lambda geo: (
        _unixtime(grid), {k: np.unwrap(v, period=360.0) if k in ("v", "alpha") else v
                          for k, v in geo.items() if not k.startswith("_")}))


def _derived(geo: dict, name: str, make):
    """``make(geo)``, kept in the cached terms ``geo`` under ``name`` (names starting with ``_``)."""
    with _cache_lock:
        hit = geo.get(name)
    if hit is None:
        hit = make(geo)
        with _cache_lock:
            geo[name] = hit
    return hit


def solar_position(times: pd.DatetimeIndex, latitude: float, longitude: float, altitude: float,
                   pressure=None, temperature=12.0, near: pd.DatetimeIndex | None = None) -> pd.DataFrame:
    """Sun position at ``times`` seen from one site, as pvlib's NREL SPA (numpy) computes it.

    Parameters
    ----------
    times : pandas.DatetimeIndex
        Tz-aware instants (for interval data, the interval mid-points).
    latitude, longitude : float
        Site, north and east positive [°].
    altitude : float
        Site above sea level [m].
    pressure : float or array-like, optional
        Air pressure [Pa]; default from ``altitude`` (:func:`pvlib.atmosphere.alt2pres`),
        as :meth:`pvlib.location.Location.get_solarposition` does.
    temperature : float or array-like
        Air temperature for the refraction correction [°C].
    near : pandas.DatetimeIndex, optional
        A regular axis covering ``times``: the location-independent terms are interpolated from it
        (for a few scattered instants, such as sunrises, rather than a new SPA evaluation).

    Returns
    -------
    pandas.DataFrame
        ``apparent_zenith``, ``zenith``, ``apparent_elevation``, ``elevation``, ``azimuth`` [°],
        ``equation_of_time`` [min], indexed by ``times``.
    """
    return pd.DataFrame(solar_position_arrays(times, latitude, longitude, altitude, pressure, temperature, near),
                        index=times)


def solar_position_arrays(times: pd.DatetimeIndex, latitude: float, longitude: float, altitude: float,
                          pressure=None, temperature=12.0, near: pd.DatetimeIndex | None = None,
                          subset: np.ndarray | None = None) -> dict:
    """:func:`solar_position`'s columns as a dict of numpy arrays (no frame to build: the engine's form).

    With ``subset`` (positions in ``times``) only those instants are computed, bit for bit as in the
    whole axis (its location-independent terms stay those of ``times``, cached); ``pressure`` and
    ``temperature``, when arrays, are then those of the subset.
    """
    if pressure is None:
        pressure = atmosphere.alt2pres(altitude)
    geo = _terms(times, near, subset)
    e0, delta_prime, H_prime = _topocentric(geo, latitude, longitude, altitude)
    lat = float(latitude)
    pressure_mbar = np.asarray(pressure, dtype=float) / 100.0
    temp = np.asarray(temperature, dtype=float)
    delta_e = spa.atmospheric_refraction_correction(pressure_mbar, temp, e0, _ATMOS_REFRACT)
    e = spa.topocentric_elevation_angle(e0, delta_e)
    theta = spa.topocentric_zenith_angle(e)
    theta0 = spa.topocentric_zenith_angle(e0)
    gamma = spa.topocentric_astronomers_azimuth(H_prime, delta_prime, lat)
    phi = spa.topocentric_azimuth_angle(gamma)
    return {"apparent_zenith": theta, "zenith": theta0, "apparent_elevation": e, "elevation": e0, "azimuth": phi,
            "equation_of_time": geo["eot"]}


def topocentric_elevation(times: pd.DatetimeIndex, latitude: float, longitude: float, altitude: float,
                          near: pd.DatetimeIndex | None = None, subset: np.ndarray | None = None) -> np.ndarray:
    """:func:`solar_position_arrays`' ``'elevation'`` alone: the topocentric elevation of the sun's
    centre without refraction [°], bit for bit, without the refraction and the azimuth (what a
    sunrise search reads). ``near`` and ``subset`` as there."""
    return _topocentric(_terms(times, near, subset), latitude, longitude, altitude)[0]


def _terms(times: pd.DatetimeIndex, near: pd.DatetimeIndex | None, subset: np.ndarray | None) -> dict:
    """The location-independent SPA terms at ``times`` (interpolated from ``near``; at ``subset`` only)."""
    geo = _geocentric(times) if near is None else _geocentric_near(times, near)
    if subset is not None:
        geo = {k: geo[k][subset] for k in ("v", "alpha", "delta", "eot", "xi")}
    return geo


def _topocentric(geo: dict, latitude: float, longitude: float, altitude: float) -> tuple:
    """``(elevation without refraction, topocentric declination, topocentric hour angle)`` [°] seen from
    the site: pvlib's SPA functions in pvlib's order."""
    lat, lon, elev = float(latitude), float(longitude), float(altitude)
    H = spa.local_hour_angle(geo["v"], lon, geo["alpha"])
    u = spa.uterm(lat)
    x = spa.xterm(u, lat, elev)
    y = spa.yterm(u, lat, elev)
    delta_alpha = spa.parallax_sun_right_ascension(x, geo["xi"], H, geo["delta"])
    delta_prime = spa.topocentric_sun_declination(geo["delta"], x, y, geo["xi"], delta_alpha, H)
    H_prime = spa.topocentric_local_hour_angle(H, delta_alpha)
    return spa.topocentric_elevation_angle_without_atmosphere(lat, delta_prime, H_prime), delta_prime, H_prime


def geocentric_elevation(times: pd.DatetimeIndex, latitude: float, longitude: float) -> np.ndarray:
    """Elevation of the sun's centre seen from the Earth's centre, without refraction [°].

    ``asin(sin φ sin δ + cos φ cos δ cos H)`` from the cached location-independent SPA terms: it
    differs from the topocentric elevation of :func:`solar_position` (``'elevation'``) by the
    parallax only (< 0.003°), so it tells on which side of a given elevation the sun is wherever
    it is more than that away from it (a cheap screen for sunrise searches). With ``H = v + λ − α``,
    ``cos H = cos(v − α) cos λ − sin(v − α) sin λ``: the trigonometry of the time axis is computed
    once per axis (cached with its terms), a site costs a few multiply-adds.
    """
    sin_d, cos_d, cos_va, sin_va = _screen_terms(times)
    lat, lon = np.radians(float(latitude)), np.radians(float(longitude))
    cos_h = cos_va * np.cos(lon) - sin_va * np.sin(lon)
    return np.degrees(np.arcsin(np.clip(np.sin(lat) * sin_d + np.cos(lat) * cos_d * cos_h, -1.0, 1.0)))


def _screen_terms(times: pd.DatetimeIndex) -> tuple:
    """``(sin δ, cos δ, cos(v − α), sin(v − α))`` of the time axis, cached with its SPA terms."""
    def make(geo):
        dec, va = np.radians(geo["delta"]), np.radians(geo["v"] - geo["alpha"])
        return np.sin(dec), np.cos(dec), np.cos(va), np.sin(va)
    return _derived(_geocentric(times), "_screen", make)


#: SPA's refraction constant: the sun's apparent radius plus the refraction at the horizon [°].
_ATMOS_REFRACT = 0.5667


@functools.lru_cache(maxsize=64)
def geometric_horizon(altitude: float, temperature: float = 12.0) -> float:
    """The geometric elevation of the sun's centre at which its apparent elevation is 0° [°].

    The root of ``e0 + Δe(e0) = 0``, with Δe SPA's refraction correction at the pressure of
    ``altitude`` [m] (:func:`pvlib.atmosphere.alt2pres`) and ``temperature`` [°C], as
    :func:`solar_position` applies it; about −0.57° at sea level. Below
    ``−(0.26667° + 0.5667°)`` SPA applies no refraction, so the apparent elevation is negative
    exactly where the geometric one is below this value: a sunrise search may run on the smooth
    geometric elevation instead of the apparent one, which jumps there.
    """
    pressure_mbar = atmosphere.alt2pres(float(altitude)) / 100.0

    def apparent(e0: float) -> float:
        return e0 + float(spa.atmospheric_refraction_correction(pressure_mbar, float(temperature), np.array([e0]),
                                                                _ATMOS_REFRACT)[0])
    lo, hi = -(0.26667 + _ATMOS_REFRACT), 0.0   # apparent < 0 just above the cut-off, > 0 at 0°
    for _ in range(60):
        m = 0.5 * (lo + hi)
        lo, hi = (m, hi) if apparent(m) < 0.0 else (lo, m)
    return hi
