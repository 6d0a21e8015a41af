"""Solcast TMY (and historical time-series) CSV downloads.

Layout (Solcast API/Toolkit CSV): one header line, then one row per period. The time columns are
``period_end`` (ISO 8601 with ``Z`` or an offset) and ``period`` (ISO 8601 duration, ``PT60M``,
``PT30M`` …); the older Toolkit layout spells them ``PeriodEnd``, ``PeriodStart``, ``Period``.
Quantities: ``ghi``, ``dni``, ``dhi`` [W/m²], ``air_temp`` [°C], ``wind_speed_10m`` [m/s],
``surface_pressure`` [hPa], ``albedo`` [-] (CamelCase in the older layout). The file states no site:
the reader takes the park's coordinates.

Time convention: each row is the period **ending** at ``period_end``; its start is
``period_end − period``. A TMY (months from several years, 8760 hourly rows) is laid on one
non-leap year in the offset the stamps carry; a single-year series keeps its dates.

Sources checked: pvlib's Solcast client documentation (``pvlib.iotools.get_solcast_tmy``,
https://pvlib-python.readthedocs.io/en/stable/reference/generated/pvlib.iotools.get_solcast_tmy.html, and its
``VARIABLE_MAP``), which follows Solcast's API: the "period end" stamp convention, ``air_temp`` [°C],
``surface_pressure`` [hPa], ``wind_speed_10m`` [m/s] — as read here. Solcast's own API reference
(docs.solcast.com.au) could not be reached from the reference corpus; the older Toolkit CamelCase spellings
(``PeriodEnd``, ``AirTemp``) are accepted as written by earlier Solcast downloads, without a public page to cite.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, file_text, text_lines
from solarfleet.models.weather.vendor_tables import local_rows_to_weather, numeric_cell, split_fields

__all__ = ["read_solcast_csv", "looks_like_solcast"]

_COLUMNS = {"ghi": ("ghi",), "dni": ("dni",), "dhi": ("dhi",), "temp_air": ("airtemp",),
            "wind_speed": ("windspeed10m", "windspeed"), "pressure": ("surfacepressure",), "albedo": ("albedo",)}


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def looks_like_solcast(lines: list[str]) -> bool:
    """A one-line header with ``period_end`` (or ``PeriodEnd``), ``period`` and ``ghi``."""
    if not lines:
        return False
    names = {_norm(x) for x in split_fields(lines[0], ",")}
    return {"periodend", "period", "ghi"} <= names


def _minutes(path, text: str, line: int) -> int:
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", text.strip())
    if not m or not (m.group(1) or m.group(2)):
        raise WeatherFileError(path, f"period {text!r} is not an ISO 8601 duration like PT60M", line)
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)


def read_solcast_csv(path, *, latitude=None, longitude=None, altitude=None,
                     year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a Solcast TMY or time-series CSV.

    Parameters
    ----------
    latitude, longitude, altitude : float, optional
        The site [°, °, m] (the file names none); NaN in the metadata when not given.
    year : int
        Non-leap year a TMY is laid on.
    """
    lines = text_lines(file_text(path))
    if not looks_like_solcast(lines):
        raise WeatherFileError(path, "line 1 must name period_end, period and ghi: not a Solcast CSV", 1)
    header = [_norm(x) for x in split_fields(lines[0], ",")]
    found = {k: next((header.index(a) for a in aliases if a in header), None) for k, aliases in _COLUMNS.items()}
    i_end, i_period = header.index("periodend"), header.index("period")
    ends, periods, rows = [], set(), []
    for i, ln in enumerate(lines[1:], start=2):
        f = split_fields(ln, ",")
        if len(f) != len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated or damaged "
                                         "line)", i)
        ends.append(f[i_end])
        periods.add(_minutes(path, f[i_period], i))
        rows.append([numeric_cell(path, f[j], i, k) if j is not None else math.nan for k, j in found.items()])
    if len(periods) != 1:
        raise WeatherFileError(path, f"mixed periods {sorted(periods)} minutes in one file", 2)
    minutes = periods.pop()
    try:
        end = pd.DatetimeIndex(pd.to_datetime(ends, format="ISO8601"))
    except (ValueError, TypeError) as exc:
        raise WeatherFileError(path, f"period_end is not ISO 8601 with a zone: {exc}", 2) from None
    if end.tz is None:
        raise WeatherFileError(path, "period_end has no zone (Z or ±hh:mm): cannot place it in time", 2)
    offset = end[0].utcoffset().total_seconds() / 3600.0
    local = end.tz_localize(None) if end.tz is None else (end.tz_convert("UTC").tz_localize(None)
                                                           + pd.Timedelta(hours=offset))
    starts = local - pd.Timedelta(minutes=minutes)
    table = dict(zip(found, np.asarray(rows, float).T))
    if "pressure" in table:
        table["pressure"] = table["pressure"] * 100.0  # [hPa] → [Pa]
    notes = [f"Solcast rows are periods ending at period_end ({minutes} min); start = end − period "
             f"(stamps at UTC{offset:+g})"]
    years = starts.year.to_numpy()
    lat = math.nan if latitude is None else float(latitude)
    lon = math.nan if longitude is None else float(longitude)
    typical = len(set(years.tolist())) > 1 and len(starts) in (8760, 8784)
    return local_rows_to_weather(
        path, years=years, months=starts.month, days=starts.day, hours=starts.hour, minutes=starts.minute,
        cols=table, utc_offset=offset, first_line=2, typical=typical, year=year, fmt="solcast",
        source="Solcast " + ("TMY" if typical else "time series"), latitude=lat, longitude=lon, altitude=altitude,
        notes=notes, interval_minutes=minutes)
