"""Plausibility checks every weather reader's output passes, and completing a set that lacks columns.

:func:`check_weather` refuses a set that would silently become wrong numbers (called by
:func:`~solarfleet.models.weather.detect.read_weather` after any reader, so a new reader gets it by
being dispatched there):

* **site and zone** — latitude within ±90°, longitude within ±180°, the file's standard UTC offset
  within −12…+14 h;
* **finite values** — ``inf``, ``-Infinity``, ``1e400`` are refused (NaN is a gap, and stays a gap);
* **physical ranges** — see :data:`LIMITS` (a value outside is a unit or logger error, not weather);
* **units** — over the daylight intervals, Σ GHI / Σ clear-sky GHI (Haurwitz, at mid-interval) below
  :data:`MIN_CLEARSKY_RATIO` is refused, naming the likely unit: about 1/1000 of clear sky is kW/m²,
  about 1/278 is MJ/m² per hour. Without a site, a largest GHI below 2 is refused as kW/m².

:func:`complete_weather` fills what a simulation needs and a file may lack, and flags each fill in
``metadata["filled"]`` (kept with the set, shown by the quality report and copied into every run):

* ``dni``/``dhi`` absent (a GHI-only file): Erbs decomposition of GHI (:func:`pvlib.irradiance.erbs`,
  Erbs, Klein & Duffie 1982) at mid-interval solar position, DNI capped at the extraterrestrial beam
  (the excess kept as DHI, so GHI = DNI·cos z + DHI);
* ``temp_air`` absent: :data:`DEFAULT_TEMP_AIR`; ``wind_speed`` absent: :data:`DEFAULT_WIND_SPEED`
  (the NOCT rating conditions of IEC 61215 — stated, not invented per site).

Only columns absent from the whole file are filled; a gap inside a column stays NaN.
:func:`simulation_ready` says whether a set can simulate at all (a set that cannot never becomes a
park's default).
"""
from __future__ import annotations

import math
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import WeatherFileError

__all__ = ["LIMITS", "MIN_CLEARSKY_RATIO", "DEFAULT_TEMP_AIR", "DEFAULT_WIND_SPEED", "MIN_READY_FRACTION",
           "MAX_NIGHT_FRACTION", "check_weather", "check_site", "check_sun_timing", "check_gaps",
           "complete_weather", "simulation_ready"]

#: Hard limits per column ``(low, high, unit)``: irradiance by the solar constant with cloud
#: enhancement [W/m²], air temperature by the world records [°C], wind [m/s], albedo [-], pressure [Pa].
LIMITS = {"ghi": (-100.0, 2000.0, "W/m²"), "dni": (-100.0, 1500.0, "W/m²"), "dhi": (-100.0, 2000.0, "W/m²"),
          "temp_air": (-90.0, 65.0, "°C"), "wind_speed": (-0.5, 120.0, "m/s"), "albedo": (0.0, 1.0, "-"),
          "pressure": (10000.0, 120000.0, "Pa")}
#: Σ GHI / Σ clear-sky GHI over daylight below which a file is refused as in the wrong unit [-].
MIN_CLEARSKY_RATIO = 0.02
#: Air temperature used when a file has none [°C] (IEC 61215 NOCT ambient).
DEFAULT_TEMP_AIR = 20.0
#: Wind speed used when a file has none [m/s] (IEC 61215 NOCT wind).
DEFAULT_WIND_SPEED = 1.0
#: Smallest fraction of intervals with every simulation input present for a set to be a park's default [-].
MIN_READY_FRACTION = 0.5

#: Largest share of a set's GHI sum that may fall while the sun is more than 5° below the horizon [-]
#: (twilight and interval averaging give well under 1 %; stamps shifted by hours give far more).
MAX_NIGHT_FRACTION = 0.03

_SIM_COLUMNS = ("ghi", "dni", "dhi", "temp_air", "wind_speed")


def check_weather(data: pd.DataFrame, metadata: dict, path=None) -> None:
    """Raise :class:`WeatherFileError` when ``data`` cannot be trusted as weather.

    Parameters
    ----------
    data : pandas.DataFrame
        A set in the weather convention (UTC interval starts, ``ghi`` … [W/m², °C, m/s]).
    metadata : dict
        Its metadata (``latitude``, ``longitude`` [°], ``utc_offset`` [h], ``interval_minutes``).
    path : optional
        File named in the error (default: ``metadata['file']``).
    """
    path = path if path is not None else (metadata.get("file") or metadata.get("source") or "-")
    check_site(metadata, path)
    for column in data.columns:
        _check_column(path, data[column], column)
    _check_units(path, data, metadata)


def check_site(metadata: dict, path="-") -> None:
    """Refuse a latitude, longitude [°] or UTC offset [h] that no place on Earth has (NaN: unknown, allowed)."""
    for key, limit in (("latitude", 90.0), ("longitude", 180.0)):
        value = metadata.get(key)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if not math.isfinite(float(value)) or abs(float(value)) > limit:
            raise WeatherFileError(path, f"{key} {value} is outside ±{limit:g}°")
    offset = metadata.get("utc_offset")
    if offset is not None and not (isinstance(offset, float) and math.isnan(offset)):
        if not math.isfinite(float(offset)) or not -12.0 <= float(offset) <= 14.0:
            raise WeatherFileError(path, f"time zone {offset} h is not a UTC offset between -12 and +14 hours")


def _first_stamp(series: pd.Series, mask: np.ndarray) -> str:
    i = int(np.flatnonzero(mask)[0])
    return f"{series.index[i].isoformat()} (UTC interval start)"


def _check_column(path, series: pd.Series, column: str) -> None:
    """Refuse a non-finite value, or one outside :data:`LIMITS`, naming the column and the first interval."""
    a = series.to_numpy(float)
    inf = np.isinf(a)
    if inf.any():
        raise WeatherFileError(path, f"{column} is {a[inf][0]} at {_first_stamp(series, inf)}: not a finite "
                                     "number (use an empty cell for a missing value)")
    if column not in LIMITS:
        return
    low, high, unit = LIMITS[column]
    with np.errstate(invalid="ignore"):
        bad = (a < low) | (a > high)
    if bad.any():
        value = a[bad][0]
        raise WeatherFileError(path, f"{column} is {value:g} {unit} at {_first_stamp(series, bad)}, outside "
                                     f"{low:g}…{high:g} {unit}{_unit_hint(column, a)}")


def _unit_hint(column: str, a: np.ndarray) -> str:
    """A likely unit mistake for values out of range, as a clause for an error message."""
    finite = a[np.isfinite(a)]
    if column == "temp_air" and len(finite) and 200 < np.median(finite) < 340:
        return " — the values look like kelvin; give °C"
    if column == "pressure" and len(finite) and 300 < np.median(finite) < 1100:
        return " — the values look like hPa (mbar); give Pa"
    if column in ("ghi", "dni", "dhi") and len(finite) and np.max(finite) > 2000:
        return " — the values look like a sum over a longer interval, or not W/m²"
    if len(finite) and np.any(np.abs(finite) >= 9990):
        return " — a missing-value code such as -9999? leave the cell empty instead"
    return ""


def _check_units(path, data: pd.DataFrame, metadata: dict) -> None:
    """Refuse GHI that is a small fraction of clear sky (kW/m² or MJ/m² read as W/m²)."""
    ghi = data["ghi"].to_numpy(float) if "ghi" in data.columns else np.array([])
    finite = ghi[np.isfinite(ghi)]
    if len(finite) < 24 or np.max(finite) <= 0:
        return
    lat, lon = metadata.get("latitude"), metadata.get("longitude")
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        if np.max(finite) < 2.0:
            raise WeatherFileError(path, f"the largest GHI is {np.max(finite):g}: the values look like kW/m², "
                                         "not W/m² (multiply by 1000)")
        return
    ratio = _clearsky_ratio(data, metadata)
    if ratio is not None and ratio < MIN_CLEARSKY_RATIO:
        raise WeatherFileError(path, f"GHI is about 1/{1 / ratio:,.0f} of clear-sky irradiance over the daylight "
                                     f"hours: the values look like {_likely_unit(ratio)}, not W/m²")


def _likely_unit(ratio: float) -> str:
    """The unit whose value in W/m² would turn a typical clearness (0.4–1.0) into ``ratio``."""
    if 0.4 / 1000 <= ratio <= 1.2 / 1000:
        return "kW/m² (multiply by 1000)"
    if 0.4 * 0.0036 <= ratio <= 1.2 * 0.0036:
        return "MJ/m² per hour (multiply by 277.8)"
    return "another unit"


def _clearsky_ratio(data: pd.DataFrame, metadata: dict) -> Optional[float]:
    """Σ GHI / Σ Haurwitz clear-sky GHI over intervals with clear-sky GHI above 200 W/m² (None: too few)."""
    import pvlib
    half = pd.Timedelta(minutes=float(metadata.get("interval_minutes") or 60) / 2)
    zenith = pvlib.solarposition.ephemeris(data.index + half, metadata["latitude"],
                                           metadata["longitude"])["apparent_zenith"]
    clear = pvlib.clearsky.haurwitz(zenith)["ghi"].to_numpy(float)
    ghi = data["ghi"].to_numpy(float)
    day = (clear > 200) & np.isfinite(ghi)
    if day.sum() < 12:
        return None
    return float(np.sum(np.clip(ghi[day], 0, None)) / np.sum(clear[day]))


def check_sun_timing(data: pd.DataFrame, metadata: dict, path="-") -> None:
    """Refuse GHI that falls at night: the stamps are not the UTC times they claim (a local time labelled UTC).

    More than :data:`MAX_NIGHT_FRACTION` of Σ GHI with the sun 5° below the horizon at mid-interval is
    refused, naming the shift [h] that best lines GHI up with the clear sky. Needs the site
    (``latitude``, ``longitude`` [°]); without it, or without GHI, nothing is checked.
    """
    ghi = data["ghi"].to_numpy(float) if "ghi" in data.columns else np.array([])
    if not _has_site(metadata) or not np.nansum(np.clip(ghi, 0, None)) > 0:
        return
    elevation = _sun_elevation(data.index, metadata)
    positive = np.where(np.isfinite(ghi), np.clip(ghi, 0, None), 0.0)
    night = float(positive[elevation < -5].sum() / positive.sum())
    if night > MAX_NIGHT_FRACTION:
        raise WeatherFileError(path, f"{night:.0%} of the GHI falls while the sun is below the horizon: the time "
                                     f"stamps look shifted by {_best_shift_hours(positive, elevation, metadata):+d} h "
                                     "(local time given as UTC?)")


def _sun_elevation(index: pd.DatetimeIndex, metadata: dict) -> np.ndarray:
    """Apparent solar elevation [°] at the middle of each interval."""
    import pvlib
    half = pd.Timedelta(minutes=float(metadata.get("interval_minutes") or 60) / 2)
    return pvlib.solarposition.ephemeris(index + half, metadata["latitude"],
                                         metadata["longitude"])["apparent_elevation"].to_numpy(float)


def _best_shift_hours(ghi: np.ndarray, elevation: np.ndarray, metadata: dict) -> int:
    """The whole-hour shift of the stamps (−12…+12) that best correlates GHI with the sun's height."""
    per_hour = max(1, round(60 / float(metadata.get("interval_minutes") or 60)))
    sun = np.sin(np.radians(np.clip(elevation, 0, None)))
    scores = {h: float(np.dot(np.roll(ghi, -h * per_hour), sun)) for h in range(-12, 13)}
    return max(scores, key=scores.get)


def check_gaps(data: pd.DataFrame, max_fraction: float, path="-") -> None:
    """Refuse a set with more than ``max_fraction`` of its intervals without GHI, naming the first gap."""
    missing = data["ghi"].isna().to_numpy() if "ghi" in data.columns else np.ones(len(data), bool)
    if len(data) and missing.mean() > max_fraction:
        raise WeatherFileError(path, f"{int(missing.sum())} of {len(data)} intervals have no GHI (more than "
                                     f"{max_fraction:.0%}), the first at {_first_stamp(data.index.to_series(), missing)}")


def complete_weather(data: pd.DataFrame, metadata: dict) -> tuple[pd.DataFrame, dict]:
    """Fill the simulation inputs absent from the whole file, flagging each in ``metadata['filled']``.

    Returns
    -------
    (pandas.DataFrame, dict)
        Copies; ``metadata['filled']`` maps a column to how it was filled, and ``metadata['notes']``
        says so in words. Nothing is filled for a column that has any value.
    """
    out, meta = data.copy(), {**metadata, "notes": list(metadata.get("notes", []))}
    filled = dict(meta.get("filled") or {})
    absent = [c for c in _SIM_COLUMNS if c not in out.columns or not out[c].notna().any()]
    if {"dni", "dhi"} & set(absent) and "ghi" not in absent and _has_site(meta):
        split = _erbs(out, meta)
        for c in ("dni", "dhi"):
            if c in absent:
                out[c] = split[c]
                filled[c] = "Erbs decomposition of GHI (pvlib.irradiance.erbs)"
    for c, value, unit in (("temp_air", DEFAULT_TEMP_AIR, "°C"), ("wind_speed", DEFAULT_WIND_SPEED, "m/s")):
        if c in absent:
            out[c] = value
            filled[c] = f"default {value:g} {unit} (IEC 61215 NOCT conditions)"
    if filled:
        meta["filled"] = filled
        # a reader's "left NaN" note is replaced by what was done, naming only what stays missing
        left = [c for c in absent if c not in filled]
        meta["notes"] = [n for n in meta["notes"] if not n.endswith("in the file: left NaN")]
        if left:
            meta["notes"].append(f"no {', '.join(left)} in the file: left NaN")
        meta["notes"] += [f"{c} not in the file: {how}" for c, how in filled.items()
                          if c not in (metadata.get("filled") or {})]
    return out, meta


def _has_site(meta: dict) -> bool:
    lat, lon = meta.get("latitude"), meta.get("longitude")
    return lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)


def _erbs(data: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """Erbs DNI and DHI [W/m²] of the set's GHI at mid-interval; night and NaN GHI stay as they are."""
    import pvlib
    half = pd.Timedelta(minutes=float(meta.get("interval_minutes") or 60) / 2)
    mid = data.index + half
    zenith = pvlib.solarposition.ephemeris(mid, meta["latitude"], meta["longitude"])["apparent_zenith"]
    ghi = np.clip(data["ghi"].to_numpy(float), 0, None)
    split = pvlib.irradiance.erbs(ghi, zenith.to_numpy(float), np.asarray(mid.dayofyear))
    # DNI cannot exceed the extraterrestrial beam (Erbs can at a low sun when the file's GHI is high);
    # the excess goes to DHI so that GHI = DNI·cos z + DHI still holds
    dni_extra = pvlib.irradiance.get_extra_radiation(mid).to_numpy(float)
    dni = np.minimum(np.asarray(split["dni"], float), dni_extra)
    cosz = np.clip(np.cos(np.radians(zenith.to_numpy(float))), 0, None)
    dhi = np.where(dni < np.asarray(split["dni"], float), ghi - dni * cosz, np.asarray(split["dhi"], float))
    nan = ~np.isfinite(data["ghi"].to_numpy(float))
    return pd.DataFrame({"dni": np.where(nan, np.nan, dni), "dhi": np.where(nan, np.nan, dhi)}, index=data.index)


def simulation_ready(data: pd.DataFrame) -> tuple[bool, str]:
    """``(ready, reason)``: whether at least :data:`MIN_READY_FRACTION` of the intervals have every input.

    ``reason`` names the columns that are absent or mostly missing ("" when ready).
    """
    if data.empty:
        return False, "the set is empty"
    absent = [c for c in _SIM_COLUMNS if c not in data.columns or not data[c].notna().any()]
    if absent:
        return False, f"no {', '.join(absent)}"
    complete = data[list(_SIM_COLUMNS)].notna().all(axis=1).mean()
    if complete < MIN_READY_FRACTION:
        worst = data[list(_SIM_COLUMNS)].isna().mean().idxmax()
        return False, f"only {complete:.0%} of the intervals have every input ({worst} is missing most)"
    return True, ""
