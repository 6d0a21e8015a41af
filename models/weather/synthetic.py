"""An offline synthetic typical year for any site: clear sky × a seeded cloudiness process.

The recipe (:func:`synth_typical_year`):

1. **Clear sky.** pvlib's Ineichen–Perez model with pvlib's bundled monthly Linke turbidity
   (``LinkeTurbidities.h5``, no network) at the middle of each hour; altitude from pvlib's bundled
   lookup when not given.
2. **Daily clear-sky index** ``kd``. A standard-normal AR(1) series over the days of the year
   (lag-1 correlation ``DAY_PERSISTENCE``: cloudy spells and clear spells last several days) is
   mapped through the normal CDF onto a Beta distribution on [0, ``KD_MAX``] whose mean is set for
   each month so that the month's irradiation comes out right, with precision ``BETA_PRECISION``
   (a month of mean 0.5 has a daily standard deviation near 0.2, and a clear month is skewed towards
   clear days, as measured daily clearness indices are).
3. **Hourly index** ``kc = kd + ε``: ``ε`` is an AR(1) within the day (``HOUR_PERSISTENCE``) whose
   spread peaks on half-cloudy days and vanishes on clear or overcast ones.
4. **Fitted to the monthly targets.** The Beta means are corrected by a few fixed-point iterations
   on the same random numbers, then a last per-month factor (within a few per cent of 1) makes each
   month's GHI equal its target.
5. **Decomposition** of GHI into DNI and DHI with Erbs (default), DISC or DIRINT.
6. **Air temperature** from monthly means (a smooth periodic curve through mid-month values) plus a
   day-to-day AR(1) anomaly and a diurnal cycle whose range grows with the day's clearness (minimum
   near sunrise, maximum mid-afternoon); **wind** from monthly means with an afternoon maximum and
   log-normal daily variability.

Everything is drawn from ``numpy.random.default_rng(seed)``: the same inputs and seed give the
same year, bit for bit.
"""
from __future__ import annotations

import functools
import json
import math
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, weather_frame
from solarfleet.models.weather.timezones import fixed_offset_tz, parse_tz, standard_offset_hours

__all__ = ["synth_typical_year", "synth_clearsky_year", "clearsky_year", "climate_table", "climate_for_site", "default_monthly_ghi",
           "DEFAULT_CLEARNESS", "DAY_PERSISTENCE", "HOUR_PERSISTENCE", "BETA_PRECISION", "KD_MAX"]

#: Lag-1 autocorrelation of the latent daily cloudiness [-].
DAY_PERSISTENCE = 0.45
#: Lag-1 autocorrelation of the hourly deviation within a day [-].
HOUR_PERSISTENCE = 0.7
#: Precision a + b of the Beta distribution of the daily clear-sky index [-].
BETA_PRECISION = 4.0
#: Upper bound of the daily clear-sky index [-].
KD_MAX = 1.02
#: Largest hourly clear-sky index [-] (cloud enhancement above clear sky is brief and rare hourly).
KC_MAX = 1.15
#: Smallest hourly clear-sky index [-] (even heavy overcast lets some light through).
KC_MIN = 0.10
#: Spread of the hourly deviation on a half-cloudy day [-].
HOUR_SPREAD = 0.28
#: Clear-sky index assumed for every month when no monthly GHI is known and no climate-table city is near [-].
DEFAULT_CLEARNESS = 0.62
#: A climate-table city is used for a site within this distance [km].
CLIMATE_RADIUS_KM = 60.0

_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def clearsky_year(latitude: float, longitude: float, *, altitude: Optional[float] = None,
                  year: int = TYPICAL_YEAR, tz="Asia/Shanghai") -> tuple[pd.DatetimeIndex, pd.DataFrame, pd.DataFrame,
                                                                        float, float]:
    """Hourly Ineichen clear sky for a non-leap year in local standard time.

    Returns
    -------
    (index, clearsky, solpos, altitude, utc_offset)
        ``index`` UTC interval starts; ``clearsky`` ``ghi``, ``dni``, ``dhi`` [W/m²] at mid-interval;
        ``solpos`` pvlib solar position at mid-interval; ``altitude`` [m]; ``utc_offset`` [h].
    """
    index, clearsky, solpos, altitude, offset = _clearsky_year(float(latitude), float(longitude),
                                                               None if altitude is None else float(altitude),
                                                               int(year), tz)
    return index, clearsky.copy(), solpos.copy(), altitude, offset


@functools.lru_cache(maxsize=32)
def _clearsky_year(latitude: float, longitude: float, altitude: Optional[float], year: int, tz):
    """The computation behind :func:`clearsky_year`, cached per site: a synthetic ensemble (e.g. a
    P50/P90 study) draws many seeds on the same clear sky; callers get copies."""
    import pvlib

    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"latitude {latitude} / longitude {longitude} out of range")
    if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        raise ValueError(f"a typical year is laid on a non-leap year (got {year})")
    zone, offset, _ = parse_tz(tz)
    if zone is not None:
        offset = standard_offset_hours(zone, year)
    if altitude is None:
        altitude = float(pvlib.location.lookup_altitude(latitude, longitude))
    local = pd.date_range(f"{year}-01-01", periods=8760, freq="h")
    index = (local - pd.Timedelta(hours=offset)).tz_localize("UTC").rename("time")
    mid = index + pd.Timedelta(minutes=30)
    location = pvlib.location.Location(latitude, longitude, altitude=altitude)
    solpos = location.get_solarposition(mid)
    clearsky = location.get_clearsky(mid, model="ineichen", solar_position=solpos)
    clearsky.index = index
    solpos.index = index
    return index, clearsky, solpos, float(altitude), float(offset)


# --- climate table -------------------------------------------------------------------------------

def climate_table() -> dict:
    """The bundled table ``resources/climate_cn.json``: city → monthly GHI [kWh/m²], temp_air [°C], sources."""
    from solarfleet.models.resources import resource_path
    with resource_path("climate_cn.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _distance_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def climate_for_site(latitude: float, longitude: float, radius_km: float = CLIMATE_RADIUS_KM) -> Optional[dict]:
    """The nearest climate-table city within ``radius_km`` [km] (with ``name`` and ``distance_km``), or None."""
    best = None
    for name, entry in climate_table()["cities"].items():
        d = _distance_km(latitude, longitude, entry["latitude"], entry["longitude"])
        if d <= radius_km and (best is None or d < best["distance_km"]):
            best = {**entry, "name": name, "distance_km": round(d, 1)}
    return best


def default_monthly_ghi(clearsky_ghi: pd.Series, utc_offset: float) -> np.ndarray:
    """``DEFAULT_CLEARNESS`` × the monthly clear-sky irradiation [kWh/m²]: the fallback with no site data."""
    return _monthly(clearsky_ghi.to_numpy(), clearsky_ghi.index, utc_offset) / 1000.0 * DEFAULT_CLEARNESS


def _default_temperature(latitude: float) -> np.ndarray:
    """A rough monthly air temperature [°C] from latitude alone (no site data; documented as an estimate).

    Annual mean falls from 27 °C in the tropics by 0.6 °C per degree beyond 15°; the seasonal
    half-range grows by 0.45 °C per degree beyond 10°, warmest in July (January south of the equator).
    """
    a = abs(latitude)
    mean = 27.0 - 0.6 * max(a - 15.0, 0.0)
    half = 1.0 + 0.45 * max(a - 10.0, 0.0)
    months = np.arange(12)
    phase = 6 if latitude >= 0 else 0
    return mean + half * np.cos(2 * np.pi * (months - phase) / 12.0)


# --- helpers -------------------------------------------------------------------------------------

def _local_month_day(index: pd.DatetimeIndex, utc_offset: float):
    local = (index + pd.Timedelta(hours=utc_offset)).tz_localize(None)
    return local.month.to_numpy() - 1, (local.day_of_year.to_numpy() - 1), local.hour.to_numpy()


def _monthly(values: np.ndarray, index: pd.DatetimeIndex, utc_offset: float) -> np.ndarray:
    month, _, _ = _local_month_day(index, utc_offset)
    return np.bincount(month, weights=np.nan_to_num(values), minlength=12)


def _beta_ppf(u: np.ndarray, mean: np.ndarray, precision: float) -> np.ndarray:
    from scipy.stats import beta
    m = np.clip(mean, 0.02, 0.98)
    return beta.ppf(u, m * precision, (1 - m) * precision)


def _ar1(rng, n: int, phi: float) -> np.ndarray:
    """Standard-normal AR(1) series of length ``n`` (stationary from the first value)."""
    eps = rng.standard_normal(n)
    out = np.empty(n)
    out[0] = eps[0]
    s = math.sqrt(1 - phi * phi)
    for i in range(1, n):
        out[i] = phi * out[i - 1] + s * eps[i]
    return out


def _periodic_daily(monthly: np.ndarray) -> np.ndarray:
    """365 daily values on a smooth periodic curve through the monthly values at mid-month."""
    mid = np.cumsum(_DAYS) - _DAYS / 2.0
    x = np.concatenate([mid - 365, mid, mid + 365])
    y = np.tile(np.asarray(monthly, float), 3)
    from scipy.interpolate import CubicSpline
    return CubicSpline(x, y)(np.arange(365) + 0.5)


# --- the synthesis -------------------------------------------------------------------------------

def synth_typical_year(latitude: float, longitude: float, monthly_ghi: Optional[Sequence[float]] = None, *,
                       altitude: Optional[float] = None, seed: int = 0, year: int = TYPICAL_YEAR,
                       tz="Asia/Shanghai", decomposition: str = "erbs",
                       monthly_temp_air: Optional[Sequence[float]] = None,
                       monthly_wind_speed: Optional[Sequence[float]] = None) -> tuple[pd.DataFrame, dict]:
    """Synthesise an hourly typical year for a site, offline.

    Parameters
    ----------
    latitude, longitude : float
        Site [°].
    monthly_ghi : sequence of 12 float, optional
        Monthly global horizontal irradiation [kWh/m²], January first. When None: the climate-table
        city within ``CLIMATE_RADIUS_KM``, else ``DEFAULT_CLEARNESS`` × the clear sky (noted in
        ``metadata['warnings']``).
    altitude : float, optional
        Site altitude [m]; pvlib's bundled lookup when None.
    seed : int
        Seed of the random process; the same seed gives the same year.
    year : int
        Non-leap year to lay the hours on (local standard time).
    tz : str or float
        Zone or offset of the site; its standard offset places the local hours.
    decomposition : {'erbs', 'disc', 'dirint'}
        Model splitting GHI into DNI and DHI.
    monthly_temp_air : sequence of 12 float, optional
        Monthly mean air temperature [°C]; climate table or a latitude estimate when None.
    monthly_wind_speed : sequence of 12 float, optional
        Monthly mean wind speed [m/s]; climate table or 2.5 m/s when None.

    Returns
    -------
    (pandas.DataFrame, dict)
        The weather set (UTC interval-start index, 8760 hours) and its metadata (``kind`` =
        ``'synthetic'``, ``year`` None, inputs, sources and warnings).
    """
    import pvlib

    if decomposition not in ("erbs", "disc", "dirint"):
        raise ValueError(f"decomposition must be 'erbs', 'disc' or 'dirint' (got {decomposition!r})")
    index, cs, solpos, altitude, offset = clearsky_year(latitude, longitude, altitude=altitude, year=year, tz=tz)
    warnings: list[str] = []
    sources: dict = {}
    city = None
    if monthly_ghi is None or monthly_temp_air is None or monthly_wind_speed is None:
        city = climate_for_site(latitude, longitude)
    cs_month = _monthly(cs["ghi"].to_numpy(), index, offset) / 1000.0  # [kWh/m²]
    if monthly_ghi is None:
        if city is not None:
            monthly_ghi = city["ghi"]
            sources["ghi"] = f"climate table: {city['name']} ({city['distance_km']} km) — {city['ghi_source']}"
        else:
            monthly_ghi = cs_month * DEFAULT_CLEARNESS
            sources["ghi"] = f"default: {DEFAULT_CLEARNESS} × Ineichen clear sky"
            warnings.append(f"no monthly GHI given and no climate-table city within {CLIMATE_RADIUS_KM:g} km: "
                            f"used {DEFAULT_CLEARNESS} × the clear-sky irradiation, a rough generic value — "
                            "enter the site's monthly GHI for a credible year")
    else:
        sources["ghi"] = "given"
    target = np.asarray(monthly_ghi, dtype=float)
    if target.shape != (12,) or not np.isfinite(target).all() or (target < 0).any():
        raise ValueError("monthly_ghi must be 12 non-negative numbers [kWh/m²], January first")
    ratio = np.divide(target, cs_month, out=np.zeros(12), where=cs_month > 0)
    too_high = ratio > 0.95 * KD_MAX
    if too_high.any():
        months = ", ".join(str(m + 1) for m in np.flatnonzero(too_high))
        warnings.append(f"month(s) {months}: GHI target at or above the clear-sky irradiation; capped at "
                        f"{0.95 * KD_MAX:.2f} × clear sky")
        target = np.where(too_high, 0.95 * KD_MAX * cs_month, target)

    rng = np.random.default_rng(seed)
    month, doy, hour = _local_month_day(index, offset)
    n_days = 365
    u_day = _norm_cdf(_ar1(rng, n_days, DAY_PERSISTENCE))
    eps = _hourly_noise(rng, n_days)                     # (365, 24) AR(1) within each day
    temp_anom = _ar1(rng, n_days, 0.7)
    wind_day = _ar1(rng, n_days, 0.5)
    wind_hour = rng.standard_normal(8760)

    cs_ghi = cs["ghi"].to_numpy()
    day_month = np.repeat(np.arange(12), _DAYS)
    mean = np.clip(ratio, 0.05, 0.95 * KD_MAX) / KD_MAX
    mean = np.where(too_high, 0.95, mean)
    ghi = np.zeros(8760)
    for _ in range(8):
        kd = KD_MAX * _beta_ppf(u_day, mean[day_month], BETA_PRECISION)
        ghi = _hourly_ghi(kd, eps, doy, hour, cs_ghi)
        got = _monthly(ghi, index, offset) / 1000.0
        err = np.divide(target, got, out=np.ones(12), where=got > 0)
        if np.all(np.abs(err - 1) < 0.002):
            break
        mean = np.clip(mean * err, 0.01, 0.99)
    got = _monthly(ghi, index, offset) / 1000.0
    scale = np.divide(target, got, out=np.ones(12), where=got > 0)
    ghi = ghi * scale[month]
    ghi = np.minimum(ghi, cs_ghi * KC_MAX * max(1.0, float(scale.max())))

    zenith = solpos["apparent_zenith"]
    times_mid = index + pd.Timedelta(minutes=30)
    ghi_s = pd.Series(ghi, index=times_mid)
    if decomposition == "erbs":
        parts = pvlib.irradiance.erbs(ghi_s, zenith.set_axis(times_mid), times_mid)
        dni, dhi = parts["dni"].to_numpy(), parts["dhi"].to_numpy()
    else:
        pressure = pvlib.atmosphere.alt2pres(altitude)
        if decomposition == "disc":
            dni = pvlib.irradiance.disc(ghi_s, zenith.set_axis(times_mid), times_mid, pressure=pressure)["dni"]
        else:
            dni = pvlib.irradiance.dirint(ghi_s, zenith.set_axis(times_mid), times_mid, pressure=pressure)
        dni = np.nan_to_num(np.asarray(dni, float))
        cosz = np.cos(np.radians(zenith.to_numpy()))
        dhi = np.clip(ghi - dni * np.clip(cosz, 0, None), 0, None)
    dni = np.where(ghi > 0, np.clip(np.nan_to_num(dni), 0, None), 0.0)
    dhi = np.where(ghi > 0, np.clip(np.nan_to_num(dhi), 0, None), 0.0)

    if monthly_temp_air is None:
        if city is not None and city.get("temp_air"):
            monthly_temp_air = city["temp_air"]
            sources["temp_air"] = f"climate table: {city['name']} — {city['temp_air_source']}"
        else:
            monthly_temp_air = _default_temperature(latitude)
            sources["temp_air"] = "default: latitude-based estimate"
            warnings.append("no monthly air temperature: used a rough latitude-based estimate")
    else:
        sources["temp_air"] = "given"
    if monthly_wind_speed is None:
        if city is not None and city.get("wind_speed"):
            monthly_wind_speed = city["wind_speed"]
            sources["wind_speed"] = f"climate table: {city['name']} — {city.get('wind_speed_source', '')}"
        else:
            monthly_wind_speed = np.full(12, 2.5)
            sources["wind_speed"] = "default: 2.5 m/s"
    tm = np.asarray(monthly_temp_air, float)
    wm = np.asarray(monthly_wind_speed, float)
    if tm.shape != (12,) or wm.shape != (12,):
        raise ValueError("monthly_temp_air and monthly_wind_speed need 12 values, January first")
    kd_final = np.bincount(doy, weights=ghi, minlength=365) / np.maximum(
        np.bincount(doy, weights=cs_ghi, minlength=365), 1e-9)
    t_day = _periodic_daily(tm) + 1.8 * temp_anom
    dtr = 4.0 + 8.0 * np.clip(kd_final, 0, 1)           # diurnal range [K]
    shape = np.cos(2 * np.pi * (hour - 15.0) / 24.0)    # max at 15 h, min at 3 h local
    temp_air = t_day[doy] + 0.5 * dtr[doy] * shape
    # keep each month's mean exactly as given
    temp_air += (tm - _month_mean(temp_air, month))[month]
    w_shape = 1.0 + 0.3 * np.cos(2 * np.pi * (hour - 14.0) / 24.0)
    wind = _periodic_daily(wm)[doy] * w_shape * np.exp(0.35 * wind_day[doy] + 0.2 * wind_hour - 0.5 * (
        0.35 ** 2 + 0.2 ** 2))
    wind = np.clip(wind, 0.0, None)
    wind *= np.divide(wm, _month_mean(wind, month), out=np.ones(12), where=_month_mean(wind, month) > 0)[month]

    data = weather_frame(index, {"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": temp_air, "wind_speed": wind})
    zone, _, tz_name = parse_tz(tz)
    meta = {"format": "synthetic", "kind": "synthetic", "year": None, "interval_minutes": 60, "label": "start",
            "source": f"synthetic: Ineichen clear sky (pvlib Linke turbidity), seeded clear-sky-index process, "
                      f"{decomposition} decomposition, seed {seed}",
            "latitude": float(latitude), "longitude": float(longitude), "altitude": altitude,
            "tz": tz_name if zone is not None else fixed_offset_tz(offset), "utc_offset": offset, "file": None,
            "seed": int(seed), "decomposition": decomposition,
            "monthly_ghi_target": [round(float(v), 3) for v in target],
            "monthly_temp_air": [round(float(v), 2) for v in tm],
            "monthly_wind_speed": [round(float(v), 2) for v in wm],
            "sources": sources, "warnings": warnings,
            "notes": ["synthetic typical year in local standard time, laid on non-leap "
                      f"{year}; irradiance at mid-hour sun position"]}
    return data, meta


def _norm_cdf(z: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr
    return ndtr(z)


def _hourly_noise(rng, n_days: int) -> np.ndarray:
    eps = rng.standard_normal((n_days, 24))
    out = np.empty_like(eps)
    out[:, 0] = eps[:, 0]
    s = math.sqrt(1 - HOUR_PERSISTENCE ** 2)
    for h in range(1, 24):
        out[:, h] = HOUR_PERSISTENCE * out[:, h - 1] + s * eps[:, h]
    return out


def _hourly_ghi(kd: np.ndarray, eps: np.ndarray, doy: np.ndarray, hour: np.ndarray, cs_ghi: np.ndarray) -> np.ndarray:
    x = np.clip(kd / KD_MAX, 0, 1)
    spread = HOUR_SPREAD * 2.0 * np.sqrt(x * (1 - x))      # 0 on clear/overcast days, max half-cloudy
    kc = kd[doy] + spread[doy] * eps[doy, hour]
    kc = np.clip(kc, KC_MIN, KC_MAX)
    return kc * cs_ghi


def _month_mean(values: np.ndarray, month: np.ndarray) -> np.ndarray:
    return np.bincount(month, weights=values, minlength=12) / np.bincount(month, minlength=12)


def synth_clearsky_year(latitude: float, longitude: float, *, altitude: Optional[float] = None,
                        year: int = TYPICAL_YEAR, tz="Asia/Shanghai",
                        monthly_temp_air: Optional[Sequence[float]] = None) -> tuple[pd.DataFrame, dict]:
    """A cloudless year (Ineichen, pvlib Linke turbidity): the upper bound of a site's irradiance.

    Temperature and wind as in :func:`synth_typical_year` (seed 0). ``metadata['kind']`` is ``'clearsky'``.
    """
    index, cs, _, altitude, offset = clearsky_year(latitude, longitude, altitude=altitude, year=year, tz=tz)
    ghi = _monthly(cs["ghi"].to_numpy(), index, offset) / 1000.0
    data, meta = synth_typical_year(latitude, longitude, ghi * 0.5, altitude=altitude, seed=0, year=year, tz=tz,
                                    monthly_temp_air=monthly_temp_air)
    for c in ("ghi", "dni", "dhi"):
        data[c] = cs[c].to_numpy()
    meta.update(kind="clearsky", format="clearsky", monthly_ghi_target=[round(float(v), 3) for v in ghi],
                source="clear sky: Ineichen with pvlib's Linke turbidity (no clouds)",
                notes=["cloudless year; temperature and wind as in the synthetic year (seed 0)"])
    meta["sources"]["ghi"] = "Ineichen clear sky"
    return data, meta
