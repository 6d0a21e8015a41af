"""The PVWatts web calculator's hourly export ("Download Results: Hourly", CSV).

Layout (PVWatts v8 web export): metadata lines ``"Key:","Value"`` (requested location, ``Lat (deg N)``,
``Long (deg E)``, ``Elev (m)``, system inputs …), then the column header ``"Month","Day","Hour",
"Beam Irradiance (W/m2)","Diffuse Irradiance (W/m2)","Ambient Temperature (C)","Wind Speed (m/s)", …``
and 8760 rows, sometimes followed by a ``"Totals"`` row. There is **no year** (the weather is a
typical year, NSRDB TMY or an international TMY) and **no GHI column**: GHI is computed as
DNI·cos(zenith) + DHI with the sun at mid-hour and flagged (``metadata['ghi_derived']``).

Time convention (Dobos 2014, NREL/TP-6A20-62641): ``Hour`` 0–23 is the **start** of the hour in
local **standard** time. The export states no time zone, so the reader needs the site's zone.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, check_location, file_text, \
    text_lines
from solarfleet.models.weather.vendor_tables import (ghi_from_components, local_rows_to_weather, numeric_cell,
                                                     split_fields, standard_offset)

__all__ = ["read_pvwatts_hourly", "looks_like_pvwatts"]

_COLUMNS = {"dni": ("beam irradiance",), "dhi": ("diffuse irradiance",), "temp_air": ("ambient temperature",),
            "wind_speed": ("wind speed",), "albedo": ("albedo",), "ghi": ("global horizontal", "ghi")}


def _header_row(lines: list[str]) -> int | None:
    for i, ln in enumerate(lines[:60]):
        if split_fields(ln, ",")[:3] == ["Month", "Day", "Hour"]:
            return i
    return None


def looks_like_pvwatts(lines: list[str]) -> bool:
    """The first lines of a PVWatts hourly export: ``"Key:","Value"`` metadata then Month/Day/Hour/Beam."""
    i = _header_row(lines)
    return i is not None and i > 0 and "beam irradiance" in lines[i].lower()


def _meta_value(meta: dict, *keys) -> float:
    for k in keys:
        if k in meta:
            try:
                return float(meta[k].split()[0])
            except (ValueError, IndexError):
                return math.nan
    return math.nan


def read_pvwatts_hourly(path, *, tz=None, latitude=None, longitude=None,
                        year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a PVWatts web hourly export as a typical year.

    Parameters
    ----------
    path : str or pathlib.Path
    tz : str or float
        The site's zone or standard offset (the export has none), e.g. ``'Asia/Shanghai'`` or ``8``.
    latitude, longitude : float, optional
        Site [°] when the export lacks ``Lat (deg N)`` / ``Long (deg E)``.
    year : int
        Non-leap year the typical year is laid on.
    """
    lines = text_lines(file_text(path))
    hdr = _header_row(lines)
    if hdr is None:
        raise WeatherFileError(path, 'no "Month","Day","Hour" column header in the first 60 lines: not a PVWatts '
                                     "hourly export")
    meta = {}
    for ln in lines[:hdr]:
        f = split_fields(ln, ",")
        if len(f) >= 2 and f[0].endswith(":"):
            meta[f[0][:-1].strip()] = f[1]
    lat = _meta_value(meta, "Lat (deg N)", "Latitude")
    lon = _meta_value(meta, "Long (deg E)", "Longitude")
    lat = float(latitude) if math.isnan(lat) and latitude is not None else lat
    lon = float(longitude) if math.isnan(lon) and longitude is not None else lon
    if math.isnan(lat) or math.isnan(lon):
        raise WeatherFileError(path, "no 'Lat (deg N)' / 'Long (deg E)' line and no site given: GHI cannot be "
                                     "computed from DNI and DHI without the site", 1)
    check_location(path, lat, lon)
    header = [h.lower() for h in split_fields(lines[hdr], ",")]
    found = {k: next((j for j, h in enumerate(header) if h.startswith(a)), None)
             for k, aliases in _COLUMNS.items() for a in aliases[:1]}
    found["ghi"] = next((j for j, h in enumerate(header) if h.startswith(("global horizontal", "ghi"))), None)
    for need in ("dni", "dhi"):
        if found[need] is None:
            raise WeatherFileError(path, f"no {'Beam' if need == 'dni' else 'Diffuse'} Irradiance column", hdr + 1)
    rows = []
    for i in range(hdr + 1, len(lines)):
        f = split_fields(lines[i], ",")
        if f and not f[0].isdigit():
            break  # the "Totals" line
        if len(f) != len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated or damaged "
                                         "line)", i + 1)
        rows.append([numeric_cell(path, v, i + 1, header[j]) for j, v in enumerate(f)])
    if not rows:
        raise WeatherFileError(path, "no data rows after the column header", hdr + 2)
    table = np.asarray(rows, float)
    offset = standard_offset(path, tz, year)
    notes = ["PVWatts hours 0–23 are hour-beginning local standard time (the export states no zone: "
             f"UTC{offset:+g} was given)"]
    cols = {k: table[:, j] for k, j in found.items() if j is not None}
    data, md = local_rows_to_weather(
        path, years=None, months=table[:, 0].astype(int), days=table[:, 1].astype(int),
        hours=table[:, 2].astype(int), minutes=np.zeros(len(table), int), cols=cols, utc_offset=offset,
        first_line=hdr + 2, typical=True, year=year, fmt="pvwatts_hourly",
        source=f"PVWatts hourly export ({meta.get('Requested Location', meta.get('Location', '')).strip()})",
        latitude=lat, longitude=lon, altitude=_meta_value(meta, "Elev (m)", "Elevation (m)"), notes=notes,
        ghi_derived=found["ghi"] is None)
    if found["ghi"] is None:
        data["ghi"] = ghi_from_components(data["dni"], data["dhi"], data.index, lat, lon)
        md["notes"].append("the export has no GHI: GHI = DNI·cos(zenith) + DHI with the sun at mid-hour "
                           "(derived, flagged in metadata 'ghi_derived')")
    return data, md
