"""EnergyPlus weather files (EPW: CSWD, IWEC, TMYx, PVGIS EPW, …).

EPW hours 1–24 are hour **ending** in local **standard** time (``TZ`` of the LOCATION line); hour ``h``
becomes the interval starting at ``h − 1``. A typical year is laid on one non-leap year
(:func:`~solarfleet.models.weather.timezones.typical_year_starts`).
"""
from __future__ import annotations

import calendar
import io
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import (TYPICAL_YEAR, WeatherFileError, check_location, check_steps,
                                                  file_text, nan_where, parse_float, regularise, text_lines,
                                                  weather_frame, weather_metadata)
from solarfleet.models.weather.timezones import check_utc_offset, fixed_offset_tz, typical_year_starts

__all__ = ["read_epw"]

#: Words in an EPW header that mark a typical-year source.
_TYPICAL_MARKERS = ("TMY", "CSWD", "IWEC", "TYA", "TRY", "TMYX", "PVGIS", "SWERA", "IGDG", "CTYW")

_EPW_FIELDS = {"temp_air": 6, "pressure": 9, "ghi": 13, "dni": 14, "dhi": 15, "wind_speed": 21, "albedo": 32}


def read_epw(path, *, typical: Optional[bool] = None, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an EnergyPlus weather file (CSWD, IWEC, TMYx, PVGIS EPW, …).

    Parsed with :func:`pvlib.iotools.read_epw` after line-by-line validation. Hours 1–24 are hour
    ending in local standard time (``TZ`` of the LOCATION line); hour ``h`` is the interval starting
    at ``h − 1``. Sentinels become NaN: irradiance ≥ 9999, ``temp_air`` ≥ 99.9, ``wind_speed`` ≥ 999,
    pressure ≥ 999999, albedo ≥ 999 or outside 0–1.

    Parameters
    ----------
    path : str or pathlib.Path
    typical : bool, optional
        Whether the file is a typical year. Default: yes (EPW files nearly always are) unless the file's
        rows span one full actual year *and* its header names no typical-year source — pass
        ``typical=False`` to keep an actual year with its own dates (and its 29 February).
    year : int
        Non-leap year a typical file is laid on.
    """
    import pvlib

    text = file_text(path)
    lines = text_lines(text)
    if not lines or not lines[0].startswith("LOCATION"):
        raise WeatherFileError(path, "not an EPW file: the first line must start with LOCATION", 1)
    loc = lines[0].split(",")
    if len(loc) < 10:
        raise WeatherFileError(path, f"the LOCATION line has {len(loc)} fields; EPW needs 10", 1)
    lat = parse_float(path, loc[6], 1, "latitude")
    lon = parse_float(path, loc[7], 1, "longitude")
    tz_h = check_utc_offset(parse_float(path, loc[8], 1, "time zone"), path)
    alt = parse_float(path, loc[9], 1, "elevation")
    check_location(path, lat, lon, 1)
    if len(lines) < 9:
        raise WeatherFileError(path, f"the file ends after {len(lines)} lines, inside the 8-line EPW header "
                                     "(truncated file?)", len(lines))
    period = lines[7].split(",")
    if not lines[7].startswith("DATA PERIODS"):
        raise WeatherFileError(path, "line 8 must be the DATA PERIODS header", 8)
    if len(period) > 2 and period[2].strip() not in ("1", ""):
        raise WeatherFileError(path, f"{period[2].strip()} records per hour: only hourly EPW files are "
                                     "supported", 8)
    n_fields = len(lines[8].split(","))
    if n_fields < 22:
        raise WeatherFileError(path, f"a data line has {n_fields} fields; an EPW data line has 35", 9)
    years, months, days, hours = [], [], [], []
    for i, ln in enumerate(lines[8:], start=9):
        f = ln.split(",")
        if len(f) != n_fields:
            raise WeatherFileError(path, f"{len(f)} fields where the other lines have {n_fields} "
                                         "(truncated or damaged line)", i)
        try:
            y, m, d, h = int(f[0]), int(f[1]), int(f[2]), int(f[3])
            for k in _EPW_FIELDS.values():
                if k < n_fields:
                    float(f[k])
        except ValueError:
            bad = next((j for j in [0, 1, 2, 3, *_EPW_FIELDS.values()]
                        if j < n_fields and not _is_number(f[j])), 0)
            raise WeatherFileError(path, f"field {bad + 1} is {f[bad]!r}, not a number", i) from None
        if not (1 <= m <= 12 and 1 <= d <= 31 and 1 <= h <= 24):
            raise WeatherFileError(path, f"month/day/hour {m}/{d}/{h} out of range (EPW hours run 1–24)", i)
        if not 1 <= y <= 9999 or d > calendar.monthrange(y, m)[1]:
            raise WeatherFileError(path, f"{y}-{m:02d}-{d:02d} is not a date" + (
                f" ({y} is not a leap year)" if (m, d) == (2, 29) and 1 <= y <= 9999 else ""), i)
        years.append(y)
        months.append(m)
        days.append(d)
        hours.append(h)
    try:
        raw, epw_meta = pvlib.iotools.read_epw(io.StringIO(text))
    except Exception as exc:  # validated above; anything left is a damaged file
        raise WeatherFileError(path, f"pvlib could not parse the EPW data: {exc}") from None
    notes = ["EPW hours 1–24 are hour-ending local standard time: hour h became the interval starting at h−1"]
    header = " ".join(lines[:8]).upper()
    marked_typical = any(mk in header for mk in _TYPICAL_MARKERS) or len(set(years)) > 1
    if typical is None:
        typical = marked_typical or len(lines) - 8 == 8760
    columns = {
        "ghi": nan_where(raw["ghi"], lambda a: a >= 9999),
        "dni": nan_where(raw["dni"], lambda a: a >= 9999),
        "dhi": nan_where(raw["dhi"], lambda a: a >= 9999),
        "temp_air": nan_where(raw["temp_air"], lambda a: a >= 99.9),
        "wind_speed": nan_where(raw["wind_speed"], lambda a: a >= 999),
        "pressure": nan_where(raw["atmospheric_pressure"], lambda a: a >= 999999),
    }
    albedo = nan_where(raw["albedo"], lambda a: (a >= 999) | (a <= 0) | (a > 1))
    if np.isfinite(albedo).any():
        columns["albedo"] = albedo
    first_line = 9
    if typical:
        naive, keep = typical_year_starts(path, months, days, np.asarray(hours) - 1, first_line, notes, year)
        columns = {k: v[keep] for k, v in columns.items()}
        if len(set(years)) > 1:
            notes.append(f"months from years {min(years)}–{max(years)} were laid on one continuous year {year}")
        kind, data_year = "tmy", None
    else:
        naive = pd.DatetimeIndex(pd.to_datetime(pd.DataFrame(
            {"year": years, "month": months, "day": days, "hour": np.asarray(hours) - 1})))
        check_steps(path, naive, 60, first_line)
        kind, data_year = "measured", int(pd.Series(years).mode()[0])
    utc = (naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC")
    data = weather_frame(utc, columns)
    data, gap_note = regularise(data, 60)
    if gap_note:
        notes.append(gap_note)
    source = f"EPW {loc[4].strip() or 'file'} {loc[1].strip()} ({loc[5].strip()})".replace("  ", " ")
    return data, weather_metadata(
        path, fmt="epw", source=source, kind=kind, year=data_year, latitude=lat, longitude=lon, altitude=alt,
        tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=60, notes=notes, station=loc[1].strip(),
        wmo=loc[5].strip(), data_type=loc[4].strip(), epw_city=epw_meta.get("city"))


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False
