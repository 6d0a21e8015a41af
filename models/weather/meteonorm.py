"""Meteonorm hourly typical-year exports: the "Standard" text format (.dat) and its CSV variant.

Layout (Meteonorm 7/8 "Standard" output): a few header lines — the site name, then its
coordinates either as one line of numbers ``latitude, longitude, altitude[, time zone]``
(east and north positive, time zone in hours east of Greenwich) or as keyed lines
(``Latitude: 31.2``, ``Time zone: 8``) — then a column header naming ``m dy h`` (and optionally
``y``) and ``G_Gh``, then one row per hour, whitespace-separated (.dat) or ``,``/``;``-separated (.csv).

Columns: ``G_Gh`` → ``ghi``, ``G_Dh`` → ``dhi``, ``G_Bn`` → ``dni`` [W/m²], ``Ta`` → ``temp_air`` [°C],
``FF`` → ``wind_speed`` [m/s], ``p`` [hPa] → ``pressure`` [Pa].

Time convention: ``h`` runs 1–24 and is the **end** of the hour, in local **standard** time; hour
``h`` becomes the interval starting at ``h − 1``. A time zone that does not fit the longitude
(a sign error, or solar time) is refused rather than guessed.

Sources checked: Meteonorm's "Reference time" note (https://docs.meteonorm.com/knowledge/climate/other-reference_time)
— hourly values are designated by the **end** of their interval (14:00 is 13:00–14:00) in local time without
daylight saving, as read here. The variable names (``G_Gh``, ``G_Dh``, ``G_Bn``, ``Ta``, ``FF``, ``m``, ``dy``,
``h``) are those of the Meteonorm handbook (part I, software, v8.1, output formats) as summarised on public
pages; the exact header lines of the "Standard" format could not be confirmed from a public page, so they
are read tolerantly (coordinates as a numeric line or as keyed lines).
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, check_location, file_text, \
    text_lines
from solarfleet.models.weather.vendor_tables import local_rows_to_weather, numeric_cell, split_fields, \
    standard_offset

__all__ = ["read_meteonorm", "looks_like_meteonorm"]

_COLUMNS = {"ghi": "g_gh", "dhi": "g_dh", "dni": "g_bn", "temp_air": "ta", "wind_speed": "ff", "pressure": "p"}


def _sep(line: str):
    for s in (";", ",", "\t"):
        if s in line:
            return s
    return None


def _header_row(lines: list[str]):
    for i, ln in enumerate(lines[:30]):
        f = [x.lower() for x in split_fields(ln, _sep(ln))]
        if {"m", "dy", "h", "g_gh"} <= set(f):
            return i
    return None


def looks_like_meteonorm(lines: list[str]) -> bool:
    """A column header naming ``m``, ``dy``, ``h`` and ``G_Gh`` in the first lines."""
    return _header_row(lines) is not None


def _site(path, lines: list[str]) -> dict:
    site = {"name": lines[0].strip().strip('"') if lines else ""}
    for i, ln in enumerate(lines):
        keyed = re.match(r"^\s*(latitude|longitude|altitude|elevation|time ?zone)\s*[:=,;]\s*([-+\d.]+)", ln, re.I)
        if keyed:
            key = keyed.group(1).lower().replace(" ", "")
            site[{"elevation": "altitude"}.get(key, key)] = float(keyed.group(2))
            continue
        nums = re.split(r"[,;\s]+", ln.strip())
        if i > 0 and len(nums) >= 3 and all(re.fullmatch(r"[-+]?\d+(\.\d+)?", n) for n in nums):
            vals = [float(n) for n in nums]
            site.update(latitude=vals[0], longitude=vals[1], altitude=vals[2])
            if len(vals) >= 4:
                site["timezone"] = vals[3]
    return site


def read_meteonorm(path, *, tz=None, latitude=None, longitude=None,
                   year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a Meteonorm hourly typical year (.dat "Standard" format or CSV).

    Parameters
    ----------
    tz : str or float, optional
        The site's zone or offset when the file states no time zone.
    latitude, longitude : float, optional
        Site [°] when the file states none.
    year : int
        Non-leap year the typical year is laid on (when the file has no ``y`` column or mixes years).
    """
    lines = text_lines(file_text(path))
    hdr = _header_row(lines)
    if hdr is None:
        raise WeatherFileError(path, "no column header naming m, dy, h and G_Gh: not a Meteonorm hourly file")
    site = _site(path, lines[:hdr])
    lat = site.get("latitude", math.nan if latitude is None else float(latitude))
    lon = site.get("longitude", math.nan if longitude is None else float(longitude))
    if math.isnan(lat) or math.isnan(lon):
        raise WeatherFileError(path, "the header states no latitude/longitude and none was given", 2)
    check_location(path, lat, lon, 2)
    if "timezone" in site:
        offset = float(site["timezone"])
        if abs(offset - lon / 15.0) > 3.0:
            raise WeatherFileError(path, f"time zone {offset:+g} h does not fit longitude {lon:g}° (expected about "
                                         f"{lon / 15.0:+.0f} h): a sign convention or solar-time file? Export in "
                                         "local standard time with east positive", 2)
    else:
        offset = standard_offset(path, tz, year)
    sep = _sep(lines[hdr])
    header = [x.lower() for x in split_fields(lines[hdr], sep)]
    rows = []
    for i in range(hdr + 1, len(lines)):
        f = split_fields(lines[i], sep)
        if len(f) != len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated or damaged "
                                         "line)", i + 1)
        rows.append([numeric_cell(path, v, i + 1, header[j]) for j, v in enumerate(f)])
    if not rows:
        raise WeatherFileError(path, "no data rows after the column header", hdr + 2)
    t = np.asarray(rows, float)
    col = {name: t[:, header.index(name)] for name in header}
    hours = col["h"].astype(int)
    if hours.min() < 1 or hours.max() > 24:
        raise WeatherFileError(path, f"hour column 'h' must run 1–24 (hour ending); found {hours.min()}–"
                                     f"{hours.max()}", hdr + 2)
    cols = {k: col[v] for k, v in _COLUMNS.items() if v in col}
    if "pressure" in cols:
        cols["pressure"] = cols["pressure"] * 100.0  # [hPa] → [Pa]
    for k in ("ghi", "dhi", "dni"):
        if k in cols:
            cols[k] = np.where(cols[k] < -900, np.nan, cols[k])
    notes = [f"Meteonorm hours 1–24 are hour-ending local standard time (UTC{offset:+g}): hour h became the "
             "interval starting at h−1"]
    return local_rows_to_weather(
        path, years=col["y"].astype(int) if "y" in col else None, months=col["m"].astype(int),
        days=col["dy"].astype(int), hours=hours - 1, minutes=np.zeros(len(t), int), cols=cols, utc_offset=offset,
        first_line=hdr + 2, typical=True, year=year, fmt="meteonorm", source=f"Meteonorm TMY {site['name']}".strip(),
        latitude=lat, longitude=lon, altitude=site.get("altitude"), notes=notes)
