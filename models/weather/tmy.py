"""NREL TMY3 (CSV) and TMY2 (fixed-width) typical-year files.

Both label hours 1–24, hour **ending**, in local **standard** time; hour ``h`` becomes the interval
starting at ``h − 1``. Months from different years are laid on one non-leap year
(:func:`~solarfleet.models.weather.timezones.typical_year_starts`).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import (TYPICAL_YEAR, WeatherFileError, file_text, nan_where, parse_float,
                                                  text_lines, weather_frame, weather_metadata)
from solarfleet.models.weather.timezones import check_utc_offset, fixed_offset_tz, typical_year_starts

__all__ = ["read_tmy3", "read_tmy2"]


def read_tmy3(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an NREL TMY3 CSV (:func:`pvlib.iotools.read_tmy3`).

    Stamps are hour-ending local standard time (``01:00`` … ``24:00``); hour ``h`` becomes the interval
    starting at ``h − 1``. Months from different years are laid on one non-leap ``year``. Pressure
    [mbar] becomes [Pa].
    """
    import pvlib

    text = file_text(path)
    lines = text_lines(text)
    head = lines[0].split(",") if lines else []
    if len(head) < 7:
        raise WeatherFileError(path, f"the TMY3 station line has {len(head)} fields; it needs 7", 1)
    if len(lines) < 2 or not lines[1].startswith("Date (MM/DD/YYYY)"):
        raise WeatherFileError(path, "line 2 must be the TMY3 column header starting 'Date (MM/DD/YYYY)'", 2)
    n_fields = len(lines[1].split(","))
    months, days, hours = [], [], []
    for i, ln in enumerate(lines[2:], start=3):
        f = ln.split(",")
        if len(f) != n_fields:
            raise WeatherFileError(path, f"{len(f)} fields where the header has {n_fields} (truncated or damaged "
                                         "line)", i)
        m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", f[0])
        t = re.fullmatch(r"(\d{2}):00", f[1])
        if not m or not t:
            raise WeatherFileError(path, f"date/time {f[0]!r} {f[1]!r} is not MM/DD/YYYY HH:00", i)
        for k, what in ((4, "GHI"), (7, "DNI"), (10, "DHI"), (31, "dry-bulb temperature"), (46, "wind speed")):
            parse_float(path, f[k], i, what)
        months.append(int(m.group(1)))
        days.append(int(m.group(2)))
        hours.append(int(t.group(1)))
    hours0 = np.asarray(hours) - 1
    if hours0.min(initial=0) < 0 or hours0.max(initial=0) > 23:
        raise WeatherFileError(path, "TMY3 hours must run 01:00–24:00 (hour ending)", 3)
    try:
        raw, tmeta = pvlib.iotools.read_tmy3(str(path), map_variables=True)
    except Exception as exc:
        raise WeatherFileError(path, f"pvlib could not parse the TMY3 data: {exc}") from None
    notes = ["TMY3 stamps are hour-ending local standard time: hour h became the interval starting at h−1"]
    naive, keep = typical_year_starts(path, months, days, hours0, 3, notes, year)
    years = sorted({int(s[-4:]) for s in raw["Date (MM/DD/YYYY)"]})
    if len(years) > 1:
        notes.append(f"months from years {years[0]}–{years[-1]} were laid on one continuous year {year}")
    tz_h = check_utc_offset(float(tmeta["TZ"]), path)
    missing = [c for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure", "albedo") if c not in raw]
    if missing:
        raise WeatherFileError(path, f"the TMY3 header lacks the column(s) for {', '.join(missing)} (renamed or "
                                     "damaged header?)", 2)
    cols = {"ghi": raw["ghi"], "dni": raw["dni"], "dhi": raw["dhi"], "temp_air": raw["temp_air"],
            "wind_speed": raw["wind_speed"], "pressure": raw["pressure"], "albedo": raw["albedo"]}
    cols = {k: nan_where(_numeric_column(path, k, v, 3)[keep], lambda a: (a <= -9000) | (a >= 9999))
            for k, v in cols.items()}
    cols["pressure"] = cols["pressure"] * 100.0  # [mbar] → [Pa]
    cols["albedo"] = np.where((cols["albedo"] <= 0) | (cols["albedo"] > 1), np.nan, cols["albedo"])  # 0 = not measured
    data = weather_frame((naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    name = str(tmeta.get("Name", "")).strip('"')
    return data, weather_metadata(
        path, fmt="tmy3", source=f"TMY3 {name} ({tmeta.get('USAF')})", kind="tmy", year=None,
        latitude=tmeta["latitude"], longitude=tmeta["longitude"], altitude=tmeta["altitude"],
        tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=60, notes=notes,
        station=name, usaf=tmeta.get("USAF"))


def _numeric_column(path, name: str, values, first_line: int) -> np.ndarray:
    """``values`` as floats; a cell that is not a number is an error naming its line."""
    try:
        return np.asarray(values, float)
    except (TypeError, ValueError):
        as_num = pd.to_numeric(pd.Series(list(values)), errors="coerce")
        i = int(np.flatnonzero(as_num.isna().to_numpy() & pd.Series(list(values)).notna().to_numpy())[0])
        raise WeatherFileError(path, f"{name} value {list(values)[i]!r} is not a number", first_line + i) from None


def read_tmy2(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an NREL TMY2 fixed-width file (:func:`pvlib.iotools.read_tmy2`).

    Hours 1–24 are hour ending, local standard time. Temperature and wind in the file are in
    tenths [0.1 °C, 0.1 m/s]; pressure in [mbar]; converted to [°C], [m/s], [Pa].
    """
    import pvlib

    text = file_text(path)
    lines = text_lines(text)
    if len(lines) < 2:
        raise WeatherFileError(path, "no data after the TMY2 header line (truncated file?)", 1)
    width = len(lines[1])
    for i, ln in enumerate(lines[1:], start=2):
        if len(ln) < 100 or not ln[:9].strip().isdigit():
            raise WeatherFileError(path, f"line of {len(ln)} characters is not a TMY2 record (truncated or "
                                         f"damaged; records are {width} wide)", i)
    try:
        raw, tmeta = pvlib.iotools.read_tmy2(str(path))
    except Exception as exc:
        raise WeatherFileError(path, f"pvlib could not parse the TMY2 data: {exc}") from None
    notes = ["TMY2 hours 1–24 are hour-ending local standard time: hour h became the interval starting at h−1"]
    naive, keep = typical_year_starts(path, raw["month"], raw["day"], np.asarray(raw["hour"]) - 1, 2, notes, year)
    tz_h = check_utc_offset(float(tmeta["TZ"]), path)

    def col(name, scale=1.0, sentinel=9999):
        return nan_where(np.asarray(raw[name], float)[keep], lambda a: a >= sentinel) * scale

    cols = {"ghi": col("GHI"), "dni": col("DNI"), "dhi": col("DHI"), "temp_air": col("DryBulb", 0.1),
            "wind_speed": col("Wspd", 0.1), "pressure": col("Pressure", 100.0)}
    data = weather_frame((naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    return data, weather_metadata(
        path, fmt="tmy2", source=f"TMY2 {tmeta.get('City', '').strip()} ({tmeta.get('WBAN')})",
        kind="tmy", year=None, latitude=tmeta["latitude"], longitude=tmeta["longitude"],
        altitude=tmeta["altitude"], tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=60,
        notes=notes, station=str(tmeta.get("City", "")).strip(), wban=tmeta.get("WBAN"))
