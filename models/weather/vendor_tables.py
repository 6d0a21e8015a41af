"""Shared tail of the vendor readers (PVWatts, PVsyst, Meteonorm, Solcast, Solargis).

Each vendor reader finds its header, its columns and the interval start of every row in local
**standard** time (or UTC); :func:`local_rows_to_weather` turns those rows into the convention of
:mod:`solarfleet.models.weather.convention`: a typical year (no year, or months from several
years) is laid on one continuous non-leap year; an actual year or series stays on its dates.
"""
from __future__ import annotations

import math
import re
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import (OPTIONAL_COLUMNS, WEATHER_COLUMNS, WeatherFileError, check_steps,
                                                  regularise, weather_frame, weather_metadata)
from solarfleet.models.weather.timezones import fixed_offset_tz, parse_tz, standard_offset_hours, \
    typical_year_starts

__all__ = ["local_rows_to_weather", "standard_offset", "split_fields", "ghi_from_components", "numeric_cell"]


def split_fields(line: str, sep: Optional[str]) -> list[str]:
    """Fields of ``line`` split on ``sep`` (whitespace when None), stripped of blanks and quotes."""
    parts = line.split(sep) if sep else line.split()
    return [p.strip().strip('"').strip() for p in parts]


def numeric_cell(path, value: str, line: int, what: str) -> float:
    """``value`` as a float; an empty cell is NaN (missing), anything else not a number is an error."""
    v = value.strip()
    if v == "":
        return math.nan
    try:
        return float(v.replace(",", ".")) if v.count(",") == 1 and "." not in v else float(v)
    except ValueError:
        raise WeatherFileError(path, f"{what} is {v!r}, not a number", line) from None


def standard_offset(path, tz, year: int) -> float:
    """The standard UTC offset [h] of ``tz`` (zone name or offset) in ``year``."""
    if tz is None:
        raise WeatherFileError(path, "the file states no time zone: give the site's zone (e.g. the park's, "
                                     "Asia/Shanghai) to read it")
    zone, offset, _ = parse_tz(tz, path)
    return float(standard_offset_hours(zone, year)) if zone is not None else float(offset)


def ghi_from_components(dni, dhi, index_utc: pd.DatetimeIndex, latitude: float, longitude: float,
                        interval_minutes: int = 60) -> np.ndarray:
    """GHI = DNI·cos(zenith) + DHI [W/m²] with the sun at mid-interval (for files without a GHI column).

    The zenith is pvlib's apparent zenith at the interval middle; below the horizon the beam term is 0.
    """
    import pvlib
    mid = index_utc + pd.Timedelta(minutes=interval_minutes / 2)
    zen = pvlib.solarposition.get_solarposition(mid, latitude, longitude)["apparent_zenith"].to_numpy()
    cosz = np.clip(np.cos(np.radians(zen)), 0.0, None)
    return np.asarray(dni, float) * cosz + np.asarray(dhi, float)


def local_rows_to_weather(path, *, years, months, days, hours, minutes, cols: dict, utc_offset: float,
                          first_line: int, typical: Optional[bool], year: int, fmt: str, source: str,
                          latitude, longitude, altitude, notes: list, interval_minutes: int = 60,
                          **extra) -> tuple[pd.DataFrame, dict]:
    """Rows with interval starts in local standard time (UTC ``utc_offset`` [h]) → ``(data, metadata)``.

    Parameters
    ----------
    years : array of int or None
        Calendar year of each row; None when the file has no year (a typical year).
    months, days, hours, minutes : array of int
        Interval start of each row, local standard time.
    cols : dict
        pvlib name → values (NaN = missing).
    typical : bool or None
        Force a typical year (True) or an actual series (False); None decides from the years.
    """
    yrs = None if years is None else np.asarray(years, int)
    if typical is None:
        typical = yrs is None or len(set(yrs.tolist())) > 1 and len(yrs) in (8760, 8784)
    if typical:
        if interval_minutes != 60:
            raise WeatherFileError(path, f"a typical year must be hourly; this file is every {interval_minutes} "
                                         "minutes")
        starts, keep = typical_year_starts(path, months, days, hours, first_line, notes, year)
        cols = {k: np.asarray(v, float)[keep] for k, v in cols.items()}
        kind, data_year = "tmy", None
        if yrs is not None and len(set(yrs.tolist())) > 1:
            notes.append(f"months from years {yrs.min()}–{yrs.max()} were laid on one continuous year {year}")
    else:
        try:
            starts = pd.DatetimeIndex(pd.to_datetime(pd.DataFrame(
                {"year": yrs, "month": months, "day": days, "hour": hours, "minute": minutes})))
        except (ValueError, OverflowError) as exc:
            raise WeatherFileError(path, f"impossible date or time in the data: {exc}") from None
        check_steps(path, starts, interval_minutes, first_line)
        kind = "measured"
        data_year = int(yrs[0]) if len(set(yrs.tolist())) == 1 else None
    index = (starts - pd.Timedelta(hours=utc_offset)).tz_localize("UTC")
    data = weather_frame(index, {k: v for k, v in cols.items() if k in (*WEATHER_COLUMNS, *OPTIONAL_COLUMNS)})
    if kind == "measured":
        data, gap = regularise(data, interval_minutes)
        if gap:
            notes.append(gap)
    return data, weather_metadata(
        path, fmt=fmt, source=source, kind=kind, year=data_year, latitude=latitude, longitude=longitude,
        altitude=altitude, tz=fixed_offset_tz(utc_offset), utc_offset=utc_offset,
        interval_minutes=interval_minutes, notes=notes,
        years=None if yrs is None else sorted(set(int(y) for y in yrs)), **extra)


_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?")


def parse_offset_text(text: str) -> Optional[float]:
    """An offset like ``UTC+08``, ``GMT-5:30``, ``+8`` or ``UTC`` in hours, or None."""
    t = text.strip()
    if t.upper() in ("UTC", "GMT", "UTC+0", "Z"):
        return 0.0
    m = _OFFSET.search(t)
    if not m:
        try:
            return float(t)
        except ValueError:
            return None
    h = int(m.group(2)) + (int(m.group(3)) / 60.0 if m.group(3) else 0.0)
    return h if m.group(1) == "+" else -h
