"""NSRDB PSM CSV files and SAM CSV weather files.

Both stamp instants in local **standard** time (``HH:30`` for hourly NSRDB); a stamp lands in the
interval that contains it (floor to the interval length). A TMY (mixed years) is laid on one
non-leap year (:func:`~solarfleet.models.weather.timezones.typical_year_starts`).
"""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import (OPTIONAL_COLUMNS, TYPICAL_YEAR, WEATHER_COLUMNS, WeatherFileError,
                                                  check_location, check_steps, file_text, infer_interval,
                                                  parse_float, regularise, text_lines, weather_frame,
                                                  weather_metadata)
from solarfleet.models.weather.timezones import check_utc_offset, fixed_offset_tz, typical_year_starts

__all__ = ["read_nsrdb", "read_sam_csv"]


def read_nsrdb(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an NSRDB PSM CSV (v3 or v4 layout) with :func:`pvlib.iotools.read_nsrdb_psm4`.

    NSRDB values are instantaneous at their stamp (``HH:30`` for hourly files), in the file's
    ``Time Zone``; each stamp lands in the interval that contains it. A TMY (mixed years) is laid on
    one non-leap ``year``. Pressure [mbar] becomes [Pa].
    """
    import pvlib

    text = file_text(path)
    lines = text_lines(text)
    if len(lines) < 4:
        raise WeatherFileError(path, "the NSRDB file ends inside its 3-line header (truncated file?)", len(lines))
    n_fields = len(lines[2].split(","))
    for i, ln in enumerate(lines[3:], start=4):
        if len(ln.split(",")) != n_fields:
            raise WeatherFileError(path, f"{len(ln.split(','))} fields where the header has {n_fields} "
                                         "(truncated or damaged line)", i)
    try:
        raw, nmeta = pvlib.iotools.read_nsrdb_psm4(io.StringIO(text), map_variables=True)
    except Exception as exc:
        if "Etc/GMT" in str(exc):  # pvlib builds a zone from the header's offset
            raise WeatherFileError(path, "the Time Zone field is not a UTC offset between -12 and +14 hours", 2) \
                from None
        raise WeatherFileError(path, f"not a readable NSRDB PSM CSV: {type(exc).__name__}: {exc}") from None
    tz_h = check_utc_offset(float(nmeta.get("Time Zone", nmeta.get("Local Time Zone", 0))), path)
    data, meta = _from_local_table(path, raw.index.tz_localize(None) if raw.index.tz is not None else raw.index,
                                   raw, tz_h, year, first_line=4, fmt="nsrdb",
                                   source=f"NSRDB PSM ({nmeta.get('Location ID', '')})",
                                   latitude=nmeta["latitude"], longitude=nmeta["longitude"],
                                   altitude=nmeta.get("altitude", nmeta.get("Elevation")),
                                   pressure_scale=100.0)
    return data, meta


_SAM_COLUMNS = {"ghi": ("GHI",), "dni": ("DNI", "Beam"), "dhi": ("DHI", "Diffuse"),
                "temp_air": ("Tdry", "Temperature", "Dry-bulb", "Temp"), "wind_speed": ("Wspd", "Wind Speed", "wspd"),
                "pressure": ("Pres", "Pressure"), "albedo": ("Albedo", "Surface Albedo", "alb")}


def read_sam_csv(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a SAM CSV weather file.

    Layout: line 1 names the location fields (``Source, Location ID, City, State, Country, Latitude,
    Longitude, Time Zone, Elevation``), line 2 their values, line 3 the column names (``Year, Month,
    Day, Hour[, Minute], GHI, DNI, DHI, Tdry, Wspd``, …), then data. Stamps are local standard time
    (``Time Zone`` [h]); a stamp lands in the interval that contains it (SAM reads hourly data with the
    sun at mid-hour). Pressure [mbar] becomes [Pa]. Mixed years (a TMY) are laid on one ``year``.
    """
    text = file_text(path)
    lines = text_lines(text)
    if len(lines) < 4:
        raise WeatherFileError(path, f"the file ends after {len(lines)} lines, inside the 3-line SAM header "
                                     "(truncated file?)", len(lines))
    names = [s.strip() for s in lines[0].split(",")]
    values = [s.strip() for s in lines[1].split(",")]
    info = dict(zip(names, values))
    for key in ("Latitude", "Longitude", "Time Zone"):
        if key not in info:
            raise WeatherFileError(path, f"the location header has no {key!r} field (SAM CSV needs Latitude, "
                                         "Longitude, Time Zone, Elevation)", 1)
    lat = parse_float(path, info["Latitude"], 2, "Latitude")
    lon = parse_float(path, info["Longitude"], 2, "Longitude")
    tz_h = check_utc_offset(parse_float(path, info["Time Zone"], 2, "Time Zone"), path)
    alt = parse_float(path, info["Elevation"], 2, "Elevation") if info.get("Elevation") else None
    check_location(path, lat, lon, 2)
    header = [s.strip() for s in lines[2].split(",")]
    for need in ("Year", "Month", "Day", "Hour"):
        if need not in header:
            raise WeatherFileError(path, f"no {need!r} column in the column header (found: {', '.join(header)})", 3)
    found = {}
    for name, aliases in _SAM_COLUMNS.items():
        hit = next((h for h in header if any(h.lower() == a.lower() or h.lower().startswith(a.lower() + " ")
                                             for a in aliases)), None)
        if hit:
            found[name] = hit
    if "ghi" not in found:
        raise WeatherFileError(path, f"no GHI column in the column header (found: {', '.join(header)})", 3)
    rows = []
    for i, ln in enumerate(lines[3:], start=4):
        f = ln.split(",")
        if len(f) != len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated or "
                                         "damaged line)", i)
        rows.append(f)
    table = pd.DataFrame(rows, columns=header)
    for col in ["Year", "Month", "Day", "Hour", "Minute", *found.values()]:
        if col not in table:
            continue
        num = pd.to_numeric(table[col].str.strip(), errors="coerce")
        bad = np.flatnonzero(num.isna() & (table[col].str.strip() != ""))
        if len(bad) or (col in ("Year", "Month", "Day", "Hour") and num.isna().any()):
            i = int(bad[0]) if len(bad) else int(np.flatnonzero(num.isna())[0])
            raise WeatherFileError(path, f"{col} is {table[col].iloc[i]!r}, not a number", 4 + i)
        table[col] = num
    try:
        naive = pd.DatetimeIndex(pd.to_datetime(pd.DataFrame({
            "year": table["Year"].astype(int), "month": table["Month"].astype(int),
            "day": table["Day"].astype(int), "hour": table["Hour"].astype(int),
            "minute": table["Minute"].astype(int) if "Minute" in table else 0})))
    except (ValueError, OverflowError) as exc:
        raise WeatherFileError(path, f"impossible date or time in the data: {exc}") from None
    hour_ending = _hours_numbered_1_to_24(table["Hour"])
    if hour_ending:
        naive = naive - pd.Timedelta(hours=1)
    renamed = pd.DataFrame({k: table[v].to_numpy(float) for k, v in found.items()})
    data, meta = _from_local_table(path, naive, renamed, tz_h, year, first_line=4, fmt="sam",
                                   source=f"SAM CSV {info.get('Source', '')} {info.get('City', '')}".strip(),
                                   latitude=lat, longitude=lon, altitude=alt, pressure_scale=100.0)
    if hour_ending:
        meta["notes"].insert(0, "hours are numbered 1–24 (hour ending): hour h, minute m was read as h − 1 : m, "
                                "as SAM reads them")
    return data, meta


def _hours_numbered_1_to_24(hours: pd.Series) -> bool:
    """Whether the Hour column counts 1–24 (hour ending). SSC then places hour ``h`` minute ``m`` at
    ``h − 1 : m`` (measured on SSC's 15-minute Los Angeles test file: its sun positions match that
    reading to 0.1°, and the file's mean daily irradiance peaks at solar noon only so read)."""
    return bool(len(hours)) and hours.min() >= 1 and hours.max() == 24


def _from_local_table(path, naive: pd.DatetimeIndex, table: pd.DataFrame, tz_h: float, year: int, *,
                      first_line: int, fmt: str, source: str, latitude, longitude, altitude,
                      pressure_scale: float = 1.0) -> tuple[pd.DataFrame, dict]:
    """Shared tail of NSRDB/SAM: stamps (local standard, instantaneous) → interval starts → UTC."""
    naive = pd.DatetimeIndex(naive)
    odd = np.flatnonzero((naive.year < 1800) | (naive.year > 2200))
    if len(odd):
        raise WeatherFileError(path, f"year {naive[int(odd[0])].year} is not between 1800 and 2200",
                               first_line + int(odd[0]))
    years = sorted(set(naive.year))
    cols = {}
    for name in (*WEATHER_COLUMNS, *OPTIONAL_COLUMNS):
        if name in table:
            a = np.asarray(table[name], float)
            if name == "pressure":
                a = a * pressure_scale
            if name == "albedo":
                a = np.where((a <= 0) | (a > 1), np.nan, a)
            else:
                a = np.where(a <= -999, np.nan, a)
            cols[name] = a
    notes = []
    typical = None
    if len(years) > 1 and len(naive) in (8760, 8784):
        # months from different years: a typical year, if month/day/hour form one continuous year
        hourly = naive.floor("60min")
        try:
            starts, keep = typical_year_starts(path, hourly.month, hourly.day, hourly.hour, first_line, notes, year)
            typical = (starts, keep)
        except WeatherFileError:
            if not naive.is_monotonic_increasing:
                raise
    if typical is not None:
        starts, keep = typical
        minutes = 60
        notes.insert(0, f"{fmt.upper()} stamps are instantaneous, local standard time (UTC{tz_h:+g}); each stamp "
                        "was put into the hour containing it")
        notes.append(f"months from years {years[0]}–{years[-1]} were laid on one continuous year {year}")
        cols = {k: v[keep] for k, v in cols.items()}
        kind, data_year = "tmy", None
    else:
        minutes = infer_interval(path, naive, first_line)
        check_steps(path, naive, 1, first_line)
        starts = naive.floor(f"{minutes}min")
        check_steps(path, starts, minutes, first_line)
        notes.append(f"{fmt.upper()} stamps are instantaneous, local standard time (UTC{tz_h:+g}); each stamp was "
                     f"put into the {minutes}-minute interval containing it")
        kind, data_year = "measured", years[0] if len(years) == 1 else None
    data = weather_frame((starts - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    data, gap_note = regularise(data, minutes)
    if gap_note:
        notes.append(gap_note)
    return data, weather_metadata(
        path, fmt=fmt, source=source, kind=kind, year=data_year, latitude=latitude, longitude=longitude,
        altitude=altitude, tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=minutes, notes=notes,
        years=years)
