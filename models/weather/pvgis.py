"""PVGIS: TMY and hourly-series files, and the online TMY and terrain horizon (with the store's cache).

PVGIS stamps are UTC. A stamp ``HH:MM`` is put into the interval that contains it (hourly series
stamp the satellite slot, e.g. ``HH:10``). A PVGIS TMY draws each month from a different year; the
months are laid on one continuous non-leap UTC year
(:func:`~solarfleet.models.weather.timezones.typical_year_starts`).
"""
from __future__ import annotations

import json
import math
import re
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store import pvgis_cache_get, pvgis_cache_put
from solarfleet.models.weather.convention import (OPTIONAL_COLUMNS, TYPICAL_YEAR, WEATHER_COLUMNS, WeatherFileError,
                                                  WeatherNetworkError, check_steps, file_text, regularise, text_lines,
                                                  weather_frame, weather_metadata)
from solarfleet.models.weather.epw import read_epw
from solarfleet.models.weather.timezones import typical_year_starts

__all__ = ["read_pvgis_tmy", "read_pvgis_hourly", "get_pvgis_tmy", "get_pvgis_horizon", "pvgis_tmy_cached"]


# --- files ---------------------------------------------------------------------------------------

def _pvgis_format(path, text: str) -> str:
    s = text.lstrip()
    if s.startswith("{"):
        return "json"
    if s.startswith("LOCATION"):
        return "epw"
    return "csv"


def _check_pvgis_csv_rows(path, lines: list[str], expected: Optional[int]) -> int:
    """Validate the data block of a PVGIS CSV; return the 1-based line of its header."""
    hdr = next((i for i, ln in enumerate(lines) if ln.startswith("time")), None)
    if hdr is None:
        raise WeatherFileError(path, "no 'time(UTC)' / 'time' column header: not a PVGIS CSV, or truncated")
    n_fields = len(lines[hdr].split(","))
    count = 0
    for i in range(hdr + 1, len(lines)):
        ln = lines[i]
        if not re.match(r"^\d{8}:\d{4},", ln):
            if count == 0:
                raise WeatherFileError(path, f"expected a data row 'YYYYMMDD:HHMM,…', found {ln[:40]!r}", i + 1)
            break
        if len(ln.split(",")) != n_fields:
            raise WeatherFileError(path, f"{len(ln.split(','))} fields where the header has {n_fields} "
                                         "(truncated or damaged line)", i + 1)
        count += 1
    if expected is not None and count != expected:
        raise WeatherFileError(path, f"{count} hourly rows where a PVGIS TMY has {expected} (truncated file?)",
                               hdr + 1 + count)
    return hdr + 1


def read_pvgis_tmy(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a PVGIS TMY file in its CSV, JSON or EPW variant (:func:`pvlib.iotools.read_pvgis_tmy`).

    PVGIS stamps are UTC. Each month comes from a different year; they are laid on one continuous
    non-leap ``year`` (in UTC). The EPW variant is read by :func:`read_epw` (its TZ is 0).
    """
    import pvlib

    text = file_text(path)
    variant = _pvgis_format(path, text)
    if variant == "epw":
        data, meta = read_epw(path, typical=True, year=year)
        meta.update(format="pvgis_tmy", source="PVGIS TMY (EPW)")
        return data, meta
    if variant == "csv":
        _check_pvgis_csv_rows(path, text_lines(text), 8760)
    try:
        with open(path, "rb" if variant == "csv" else "r", **({} if variant == "csv" else {"encoding": "utf-8"})) \
                as fh:
            raw, pmeta = pvlib.iotools.read_pvgis_tmy(fh, pvgis_format=variant, map_variables=True)
    except WeatherFileError:
        raise
    except Exception as exc:
        raise WeatherFileError(path, f"not a readable PVGIS TMY {variant.upper()}: {type(exc).__name__}: {exc}") \
            from None
    if len(raw) != 8760:
        raise WeatherFileError(path, f"{len(raw)} hourly rows where a PVGIS TMY has 8760 (truncated file?)")
    inputs = pmeta.get("inputs", {})
    loc = inputs.get("location", inputs)
    lat, lon = float(loc["latitude"]), float(loc["longitude"])
    alt = float(loc.get("elevation", math.nan))
    idx = raw.index
    notes = ["PVGIS TMY stamps are UTC; the stamp's hour is the interval start"]
    naive_utc = idx.tz_convert("UTC").tz_localize(None)
    years = sorted(set(naive_utc.year))
    starts, keep = typical_year_starts(path, naive_utc.month, naive_utc.day, naive_utc.hour, 0, notes, year)
    if len(years) > 1:
        notes.append(f"months from years {years[0]}–{years[-1]} were laid on one continuous UTC year {year}")
    cols = {c: np.asarray(raw[c], float)[keep] for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure")
            if c in raw}
    data = weather_frame(starts.tz_localize("UTC"), cols)
    months_selected = pmeta.get("months_selected")
    return data, weather_metadata(
        path, fmt="pvgis_tmy", source="PVGIS TMY", kind="tmy", year=None, latitude=lat, longitude=lon,
        altitude=alt, tz="UTC", utc_offset=0.0, interval_minutes=60, notes=notes, months_selected=months_selected)


def read_pvgis_hourly(path) -> tuple[pd.DataFrame, dict]:
    """Read a PVGIS hourly radiation series (``seriescalc``, CSV or JSON) for a horizontal plane.

    Parsed by :func:`pvlib.iotools.read_pvgis_hourly`. The series must be for slope 0 so that its
    in-plane values are horizontal: ``ghi`` is ``poa_global`` (or the sum of its components), ``dhi``
    the sky diffuse, and ``dni`` = beam / cos(zenith) from the file's ``solar_elevation`` (zero at or
    below 2° elevation). Stamps are UTC at the satellite slot (e.g. ``HH:10``); the interval is the
    hour containing the stamp.
    """
    import pvlib

    text = file_text(path)
    variant = _pvgis_format(path, text)
    if variant == "csv":
        _check_pvgis_csv_rows(path, text_lines(text), None)
    try:
        with open(path, "r", encoding="utf-8") as fh:
            raw, inputs, pmeta = _pvgis_hourly(pvlib, fh, variant)
    except WeatherFileError:
        raise
    except Exception as exc:
        raise WeatherFileError(path, f"not a readable PVGIS hourly {variant.upper()}: {type(exc).__name__}: {exc}") \
            from None
    slope = _pvgis_slope(inputs)
    if slope is not None and abs(slope) > 0.01:
        raise WeatherFileError(path, f"the PVGIS series is for a {slope:g}° slope; export it for a horizontal "
                                     "plane (slope 0) to use it as weather")
    loc = inputs.get("location", inputs) if isinstance(inputs, dict) else {}
    lat, lon = float(loc.get("latitude", math.nan)), float(loc.get("longitude", math.nan))
    alt = float(loc.get("elevation", math.nan))
    if math.isnan(lat) or math.isnan(lon):
        raise WeatherFileError(path, "the PVGIS file has no latitude/longitude")
    idx = raw.index.tz_convert("UTC").floor("60min")
    check_steps(path, idx.tz_localize(None), 60, 0, line_of=lambda i: None)
    if "poa_global" in raw:
        ghi = np.asarray(raw["poa_global"], float)
        beam = dhi = None
    else:
        beam = np.asarray(raw["poa_direct"], float)
        dhi = np.asarray(raw["poa_sky_diffuse"], float)
        ghi = beam + dhi + np.asarray(raw.get("poa_ground_diffuse", 0.0), float)
    dni = None
    if beam is not None:
        elev = np.asarray(raw["solar_elevation"], float)
        sin_e = np.sin(np.radians(elev))
        dni = np.where(elev > 2.0, beam / np.maximum(sin_e, 1e-6), 0.0)
    cols = {"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": raw.get("temp_air"), "wind_speed": raw.get("wind_speed")}
    data = weather_frame(idx, cols)
    notes = ["PVGIS hourly stamps are UTC; the hour containing each stamp is its interval"]
    data, gap_note = regularise(data, 60)
    if gap_note:
        notes.append(gap_note)
    years = sorted(set(idx.year))
    return data, weather_metadata(
        path, fmt="pvgis_hourly", source="PVGIS hourly series", kind="satellite",
        year=years[0] if len(years) == 1 else None, latitude=lat, longitude=lon, altitude=alt,
        tz="UTC", utc_offset=0.0, interval_minutes=60, notes=notes, years=years)


def _pvgis_hourly(pvlib, fh, variant):
    out = pvlib.iotools.read_pvgis_hourly(fh, pvgis_format=variant, map_variables=True)
    if len(out) == 3:  # older pvlib: (data, inputs, meta)
        return out
    data, meta = out
    return data, meta.get("inputs", {}), meta


def _pvgis_slope(inputs) -> Optional[float]:
    try:
        return float(inputs["mounting_system"]["fixed"]["slope"]["value"])
    except (KeyError, TypeError, ValueError):
        pass
    for key, value in (inputs.items() if isinstance(inputs, dict) else ()):
        if str(key).strip().lower() == "slope":
            try:
                return float(str(value).split()[0])
            except (ValueError, IndexError):
                return None
    return None


# --- online --------------------------------------------------------------------------------------

def _network_error(service: str, exc: Exception, timeout: float) -> WeatherNetworkError:
    import requests
    if isinstance(exc, requests.Timeout):
        why = f"no answer within {timeout:g} s"
    elif isinstance(exc, requests.ConnectionError):
        why = "no connection (offline?)"
    else:
        why = str(exc)
    return WeatherNetworkError(f"{service} is unreachable: {why}. Work offline with 'weather synth' "
                               "(a synthetic typical year) or import a weather file.")


def get_pvgis_tmy(latitude: float, longitude: float, *, timeout: float = 10.0,
                  year: int = TYPICAL_YEAR, url: Optional[str] = None) -> tuple[pd.DataFrame, dict]:
    """Fetch a PVGIS TMY (with the terrain horizon) for a site via :func:`pvlib.iotools.get_pvgis_tmy`.

    Returns the same convention as :func:`read_pvgis_tmy`. A short ``timeout`` [s]; an offline
    machine gets :class:`WeatherNetworkError` with a clear message, never a hang.
    """
    import pvlib
    import requests

    kwargs = {"outputformat": "json", "usehorizon": True, "map_variables": True, "timeout": timeout,
              "coerce_year": None}
    if url:
        kwargs["url"] = url
    try:
        raw, pmeta = pvlib.iotools.get_pvgis_tmy(latitude, longitude, **kwargs)
    except requests.RequestException as exc:
        raise _network_error("PVGIS", exc, timeout) from None
    idx = raw.index.tz_convert("UTC").tz_localize(None)
    notes = ["fetched from PVGIS; stamps are UTC; the stamp's hour is the interval start"]
    starts, keep = typical_year_starts("PVGIS response", idx.month, idx.day, idx.hour, 0, notes, year)
    cols = {c: np.asarray(raw[c], float)[keep] for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure")
            if c in raw}
    loc = pmeta.get("inputs", {}).get("location", {})
    return weather_frame(starts.tz_localize("UTC"), cols), weather_metadata(
        None, fmt="pvgis_tmy", source="PVGIS TMY (online)", kind="tmy", year=None, latitude=latitude,
        longitude=longitude, altitude=loc.get("elevation"), tz="UTC", utc_offset=0.0, interval_minutes=60,
        notes=notes, months_selected=pmeta.get("months_selected"))


def get_pvgis_horizon(latitude: float, longitude: float, *, timeout: float = 10.0,
                      url: Optional[str] = None) -> pd.Series:
    """Terrain horizon elevation [°] by azimuth [°, north = 0, clockwise] from PVGIS.

    Raises :class:`WeatherNetworkError` when PVGIS cannot be reached within ``timeout`` [s].
    """
    import pvlib
    import requests

    kwargs = {"timeout": timeout}
    if url:
        kwargs["url"] = url
    try:
        horizon, _meta_ = pvlib.iotools.get_pvgis_horizon(latitude, longitude, **kwargs)
    except requests.RequestException as exc:
        raise _network_error("PVGIS", exc, timeout) from None
    return horizon


def pvgis_tmy_cached(store, latitude: float, longitude: float, *, timeout: float = 10.0, refresh: bool = False,
                     fetch=None) -> tuple[pd.DataFrame, dict, Optional[pd.Series]]:
    """PVGIS TMY and horizon for a site, from the store's cache or (when missing or ``refresh``) from PVGIS.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    latitude, longitude : float
        Site [°].
    timeout : float
        Network timeout per request [s].
    refresh : bool
        Fetch even when cached.
    fetch : callable, optional
        ``fetch(latitude, longitude, timeout) -> (data, metadata, horizon)``; defaults to PVGIS via pvlib
        (tests pass their own).

    Returns
    -------
    (data, metadata, horizon)
        ``metadata['cached']`` tells whether it came from the cache. Offline with nothing cached:
        :class:`WeatherNetworkError`.
    """
    cached = None if refresh else pvgis_cache_get(store, "tmy", latitude, longitude)
    if cached is None:
        fetch = fetch or _fetch_pvgis
        data, meta, horizon = fetch(latitude, longitude, timeout)
        payload = {"data": json.loads(data.to_json(orient="split", date_format="iso")), "metadata": meta,
                   "horizon": None if horizon is None else {str(k): float(v) for k, v in horizon.items()}}
        pvgis_cache_put(store, "tmy", latitude, longitude, payload)
        return data, {**meta, "cached": False}, horizon
    payload = cached["payload"]
    split = payload["data"]
    data = pd.DataFrame(split["data"], columns=split["columns"], index=pd.to_datetime(split["index"], utc=True),
                        dtype=float)
    data.index.name = "time"
    data = data.reindex(columns=[c for c in (*WEATHER_COLUMNS, *OPTIONAL_COLUMNS) if c in data.columns])
    horizon = None if payload.get("horizon") is None else pd.Series(
        {float(k): v for k, v in payload["horizon"].items()}, name="horizon_elevation")
    return data, {**payload["metadata"], "cached": True, "fetched_utc": cached["fetched_utc"]}, horizon


def _fetch_pvgis(latitude, longitude, timeout):
    data, meta = get_pvgis_tmy(latitude, longitude, timeout=timeout)
    horizon = get_pvgis_horizon(latitude, longitude, timeout=timeout)
    return data, meta, horizon
