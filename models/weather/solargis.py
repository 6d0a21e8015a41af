"""Solargis TMY (and time-series) CSV files.

Layout (Solargis "CSV" delivery): header lines starting with ``#`` carrying ``#Latitude: 31.38``,
``#Longitude: 121.25``, ``#Elevation: 4 m a.s.l.``, ``#Time reference: UTC+08`` and the column
descriptions, then ``#Data:``, then the ``;``-separated column header (``Day;Time;GHI;DNI;DIF;TEMP;WS…``
or ``Date;Time;…``) and the rows. ``Day`` is ``dd.mm`` (a TMY has no year) or the day of the year;
``Date`` is ``dd.mm.yyyy``; ``Time`` is ``hh:mm``.

Quantities: ``GHI``, ``DNI``, ``DIF`` [W/m²] → ``ghi``, ``dni``, ``dhi``; ``TEMP`` [°C]; ``WS`` [m/s];
``AP`` [hPa] → ``pressure`` [Pa]; ``ALB`` [-] → ``albedo``.

Time convention, as Solargis documents it ("Time series and TMY data — Data format",
https://solargis.com/technology/documentation/product-guides/time-series-and-tmy-data/data-format): the time
reference is UTC unless the file states another (hourly and TMY files are also delivered in the longitudinal
zone, longitude/15 rounded, for PVsyst); stamps mark the **centre** of the averaging interval by default
(``hh:30`` for 00:00–01:00 … 23:00–24:00), or, on request, its **end**: ``01:00`` … ``23:00`` and ``00:00``
for 23:00–24:00. So ``hh:30`` stamps land in the hour that contains them, and ``hh:00`` stamps are hour
ends: an hour starts one hour before its stamp, and a ``00:00`` row listed after ``23:00`` under the same
date closes that date (``24:00`` is read the same way).

The header and column names (``#Latitude:``, ``#Time reference:``, ``#Data:``, ``Day;Time;GHI;DNI;DIF;TEMP;WS``)
follow Solargis TMY deliveries as written by Solargis' own files; the product guide above documents the time
convention but no public page describing the header lines was found, so those are read tolerantly.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, file_text, text_lines
from solarfleet.models.weather.vendor_tables import (local_rows_to_weather, numeric_cell, parse_offset_text,
                                                     split_fields)

__all__ = ["read_solargis", "looks_like_solargis"]

_COLUMNS = {"ghi": "ghi", "dni": "dni", "dhi": "dif", "temp_air": "temp", "wind_speed": "ws", "pressure": "ap",
            "albedo": "alb"}


def _header_row(lines: list[str]):
    for i, ln in enumerate(lines[:200]):
        if ln.startswith("#"):
            continue
        f = [x.lower() for x in split_fields(ln, ";")]
        if len(f) > 2 and f[0] in ("day", "date") and f[1] == "time" and "ghi" in f:
            return i
        return None
    return None


def looks_like_solargis(lines: list[str]) -> bool:
    """``#`` header lines then a ``Day;Time;…GHI`` or ``Date;Time;…GHI`` column header."""
    return bool(lines) and lines[0].startswith("#") and _header_row(lines) is not None


def _keyed(lines: list[str]) -> dict:
    out = {}
    for ln in lines:
        m = re.match(r"^#\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.+)$", ln)
        if m:
            out.setdefault(m.group(1).strip().lower(), m.group(2).strip())
    return out


def _number(text) -> float:
    m = re.search(r"[-+]?\d+(\.\d+)?", str(text or ""))
    return float(m.group(0)) if m else math.nan


def _day_fields(path, day: str, line: int, year: int):
    """``(year or None, month, day)`` of a ``Day``/``Date`` cell."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?", day)
    if m:
        return (int(m.group(3)) if m.group(3) else None), int(m.group(2)), int(m.group(1))
    if day.isdigit() and 1 <= int(day) <= 366:
        t = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=int(day) - 1)
        return None, t.month, t.day
    raise WeatherFileError(path, f"day {day!r} is neither dd.mm[.yyyy] nor a day of the year", line)


def _hour_ends(local: pd.Series, hours: np.ndarray, ys, ms, ds) -> pd.Series:
    """Interval starts of hour-ending stamps; a ``00:00`` right after ``23:00`` of the same date ends that date."""
    starts = local - pd.Timedelta(hours=1)
    same_date = np.array([i > 0 and (ys[i], ms[i], ds[i]) == (ys[i - 1], ms[i - 1], ds[i - 1])
                          for i in range(len(hours))])
    closes_day = (hours == 0) & np.r_[False, hours[:-1] == 23] & same_date
    return starts + pd.to_timedelta(np.where(closes_day, 1, 0), unit="D")


def read_solargis(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a Solargis TMY or time-series CSV (``;``-separated, ``#`` header).

    Parameters
    ----------
    year : int
        Non-leap year a TMY is laid on.
    """
    lines = text_lines(file_text(path))
    hdr = _header_row(lines)
    if hdr is None:
        raise WeatherFileError(path, "no 'Day;Time;…GHI' column header after the '#' lines: not a Solargis CSV")
    info = _keyed(lines[:hdr])
    lat, lon = _number(info.get("latitude")), _number(info.get("longitude"))
    if math.isnan(lat) or math.isnan(lon):
        raise WeatherFileError(path, "no '#Latitude:' / '#Longitude:' header line", 1)
    offset = parse_offset_text(info.get("time reference", "UTC")) if "time reference" in info else 0.0
    if offset is None:
        raise WeatherFileError(path, f"time reference {info['time reference']!r} is not like UTC+08", 1)
    header = [x.lower() for x in split_fields(lines[hdr], ";")]
    idx = {k: header.index(v) for k, v in _COLUMNS.items() if v in header}
    ys, ms, ds, hs, mins, rows = [], [], [], [], [], []
    for i in range(hdr + 1, len(lines)):
        f = split_fields(lines[i], ";")
        if len(f) != len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated or damaged "
                                         "line)", i + 1)
        y, mo, d = _day_fields(path, f[0], i + 1, year)
        t = re.fullmatch(r"(\d{1,2}):(\d{2})", f[1])
        if not t:
            raise WeatherFileError(path, f"time {f[1]!r} is not hh:mm", i + 1)
        ys.append(y), ms.append(mo), ds.append(d), hs.append(int(t.group(1))), mins.append(int(t.group(2)))
        rows.append([numeric_cell(path, f[j], i + 1, header[j]) for j in idx.values()])
    if not rows:
        raise WeatherFileError(path, "no data rows after the column header", hdr + 2)
    hs, mins = np.asarray(hs), np.asarray(mins)
    try:
        local = pd.to_datetime(pd.DataFrame({"year": [y or year for y in ys], "month": ms, "day": ds})) \
            + pd.to_timedelta(hs * 60 + mins, unit="min")
    except (ValueError, OverflowError) as exc:
        raise WeatherFileError(path, f"impossible date in the data: {exc}") from None
    if (mins == 30).all():
        starts, how = local.dt.floor("60min"), "hh:30 stamps mark mid-hour: each lands in the hour containing it"
    else:
        starts, how = _hour_ends(local, hs, ys, ms, ds), "hour-ending stamps (hh:00): hour h starts at h−1"
    starts = pd.DatetimeIndex(starts)
    typical = all(y is None for y in ys)
    table = dict(zip(idx, np.asarray(rows, float).T))
    if "pressure" in table:
        table["pressure"] = table["pressure"] * 100.0  # [hPa] → [Pa]
    if typical and (starts.year != year).any():
        # a TMY's last hour-ending stamp (31.12 24:00) lands on 1 January of the next year: wrap it
        starts = pd.DatetimeIndex([s.replace(year=year) for s in starts])
    notes = [f"Solargis stamps in UTC{offset:+g}; {how}"]
    return local_rows_to_weather(
        path, years=None if typical else starts.year, months=starts.month, days=starts.day, hours=starts.hour,
        minutes=starts.minute, cols=table, utc_offset=offset, first_line=hdr + 2, typical=typical, year=year,
        fmt="solargis", source=f"Solargis {'TMY' if typical else 'time series'} {info.get('site name', '')}".strip(),
        latitude=lat, longitude=lon, altitude=_number(info.get("elevation")), notes=notes)
