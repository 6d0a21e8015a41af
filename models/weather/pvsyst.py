"""PVsyst hourly CSV: a simulation's hourly export and the "PVsyst standard format" meteo file.

Both are text tables with PVsyst's variable names: some header lines (free text such as
``PVSYST V7.4 …``, ``Geographical Site;…``, or keyed lines such as ``#Latitude;46.2`` /
``Time zone;1``), then a column header whose first field is ``date`` and which names ``GlobHor``,
then usually a units line (``;W/m²;W/m²;°C``), then one row per hour. The separator is ``;``
(PVsyst's default), ``,`` or a tab. Dates are ``dd/MM/yy HH:mm`` (PVsyst writes day first).

Columns used: ``GlobHor`` → ``ghi``, ``DiffHor`` → ``dhi``, ``BeamHor`` (beam on the horizontal), ``T_Amb`` →
``temp_air``, ``WindVel`` → ``wind_speed``. DNI = BeamHor / cos(zenith) at mid-hour where the sun is
above 2°, else 0 (or GlobHor − DiffHor when there is no BeamHor).

Time convention: the stamp is the **start** of the hour in the site's **legal standard** time
(PVsyst works in legal time without daylight saving). A file for a typical year (header or
source naming TMY, Meteonorm, PVGIS-TMY …, or an explicit ``typical=True``) is laid on one
non-leap year; otherwise the dates are kept.

PVsyst's own ``.MET`` files are binary and are refused with a message asking for a CSV export.

Sources checked (PVsyst online help): "Basic time, DST" (https://www.pvsyst.com/help/time_definition.htm) — the
reference time is legal time without daylight saving and a stamp names the **beginning** of its interval
(11:00 is 11:00–12:00), which this reader follows; "Custom File Import"
(https://www.pvsyst.com/help/meteo-database/custom-meteo-files/index.html) — the variable names ``GlobHor``,
``DiffHor``, ``BeamHor``, ``T_Amb``, ``WindVel`` and their units (W/m² or MJ/m²/h, °C, m/s). The "PVsyst
standard format" page (https://pvsyst.com/help/meteo-database/import-meteo-data/pvsyst-standard-format/) describes
``#``-prefixed ``#Tag;Value`` header lines after a first line ``#Meteo hourly data``/``#TMY hourly data``/
``#Weather data hourly data``, ``;`` or ``,`` separators and a dot as decimal mark; its data-column layout could
not be read from the public page, so that variant is recognised only when its column header names ``date`` and
``GlobHor`` as above. The ``dd/MM/yy`` date order of PVsyst's hourly exports is not publicly documented either;
it is PVsyst's day-first output as written by the program.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, file_text, text_lines
from solarfleet.models.weather.vendor_tables import (local_rows_to_weather, numeric_cell, parse_offset_text,
                                                     split_fields, standard_offset)

__all__ = ["read_pvsyst_hourly", "looks_like_pvsyst"]

_NAMES = {"ghi": "globhor", "dhi": "diffhor", "beam": "beamhor", "temp_air": "t_amb", "wind_speed": "windvel"}
_TYPICAL_WORDS = ("tmy", "typical", "meteonorm", "synthetic")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})")


def _sep(line: str):
    for s in (";", "\t", ","):
        if s in line:
            return s
    return None


def _header_row(lines: list[str]):
    for i, ln in enumerate(lines[:80]):
        s = _sep(ln)
        f = [x.lower().lstrip("#") for x in split_fields(ln, s)]
        if f and f[0] == "date" and "globhor" in f:
            return i, s
    return None, None


def looks_like_pvsyst(lines: list[str]) -> bool:
    """A column header ``date`` … ``GlobHor`` in the first lines."""
    return _header_row(lines)[0] is not None


def _header_info(lines: list[str], sep) -> dict:
    info = {}
    for ln in lines:
        f = split_fields(ln.lstrip("#"), sep)
        if len(f) >= 2:
            key = f[0].rstrip(":").strip().lower()
            value = next((x for x in f[1:] if x), "")
            info.setdefault(key, value)
    return info


def _float_or_nan(text) -> float:
    try:
        return float(str(text).split()[0])
    except (ValueError, IndexError):
        return math.nan


def read_pvsyst_hourly(path, *, tz=None, latitude=None, longitude=None, typical=None,
                       year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a PVsyst hourly CSV (simulation export or standard-format meteo file).

    Parameters
    ----------
    tz : str or float, optional
        The site's zone or offset, used when the file states no ``Time zone``.
    latitude, longitude : float, optional
        Site [°] when the file states none (needed to derive DNI).
    typical : bool, optional
        Force a typical year (True) or an actual series (False); default: from the header text.
    year : int
        Non-leap year a typical year is laid on.
    """
    with open(path, "rb") as fh:
        raw = fh.read(512)
    if b"\x00" in raw:
        raise WeatherFileError(path, "a binary file (PVsyst .MET?): export the meteo data from PVsyst as CSV "
                                     "(Tools > Export meteo as CSV) and import that")
    lines = text_lines(file_text(path))
    hdr, sep = _header_row(lines)
    if hdr is None:
        raise WeatherFileError(path, "no column header starting 'date' and naming 'GlobHor': not a PVsyst hourly "
                                     "CSV")
    info = _header_info(lines[:hdr], sep)
    lat = _float_or_nan(info.get("latitude", latitude if latitude is not None else "nan"))
    lon = _float_or_nan(info.get("longitude", longitude if longitude is not None else "nan"))
    header = [x.lower().lstrip("#") for x in split_fields(lines[hdr], sep)]
    idx = {k: header.index(v) for k, v in _NAMES.items() if v in header}
    first = hdr + 1
    if first < len(lines) and not _DATE.match(split_fields(lines[first], sep)[0]):
        first += 1  # the units line
    months, days, hours, years, rows = [], [], [], [], []
    for i in range(first, len(lines)):
        f = split_fields(lines[i], sep)
        m = _DATE.match(f[0])
        if not m:
            raise WeatherFileError(path, f"date {f[0]!r} is not dd/MM/yy HH:mm", i + 1)
        if len(f) < len(header):
            raise WeatherFileError(path, f"{len(f)} fields where the header has {len(header)} (truncated line)", i + 1)
        d, mo, y, h = (int(m.group(k)) for k in (1, 2, 3, 4))
        years.append(y + (1900 if y >= 50 else 2000) if y < 100 else y)
        months.append(mo), days.append(d), hours.append(h)
        rows.append([numeric_cell(path, f[j], i + 1, header[j]) for j in idx.values()])
    if not rows:
        raise WeatherFileError(path, "no data rows after the column header", first + 1)
    table = dict(zip(idx, np.asarray(rows, float).T))
    tz_text = info.get("time zone", info.get("timezone", info.get("time zone (utc)")))
    offset = parse_offset_text(tz_text) if tz_text else None
    offset = standard_offset(path, tz, year) if offset is None else offset
    text = " ".join(lines[:hdr]).lower()
    typical = any(w in text for w in _TYPICAL_WORDS) if typical is None else typical
    notes = [f"PVsyst stamps are hour-beginning legal standard time (UTC{offset:+g}); dates read day first"]
    cols = {k: v for k, v in table.items() if k in ("ghi", "dhi", "temp_air", "wind_speed")}
    data, meta = local_rows_to_weather(
        path, years=years, months=months, days=days, hours=hours, minutes=np.zeros(len(rows), int), cols=cols,
        utc_offset=offset, first_line=first + 1, typical=typical, year=year, fmt="pvsyst",
        source=f"PVsyst hourly CSV {info.get('geographical site', info.get('site', ''))}".strip(),
        latitude=lat, longitude=lon, altitude=_float_or_nan(info.get("altitude", "nan")), notes=notes)
    data["dni"] = _dni(data, meta, table)
    return data, meta


def _dni(data: pd.DataFrame, meta: dict, table: dict) -> np.ndarray:
    """DNI [W/m²] from the beam on the horizontal (BeamHor, else GlobHor − DiffHor) and the mid-hour sun."""
    import pvlib
    if math.isnan(meta["latitude"]) or math.isnan(meta["longitude"]) or "dhi" not in table:
        meta["notes"].append("no site coordinates or no DiffHor: DNI left missing")
        return np.full(len(data), np.nan)
    beam = data["ghi"].to_numpy() - data["dhi"].to_numpy()
    if "beam" in table and meta["kind"] == "measured" and len(table["beam"]) == len(data):
        beam = table["beam"]
    mid = data.index + pd.Timedelta(minutes=30)
    elev = pvlib.solarposition.get_solarposition(mid, meta["latitude"], meta["longitude"])["apparent_elevation"]
    sin_e = np.sin(np.radians(elev.to_numpy()))
    return np.where(elev.to_numpy() > 2.0, np.clip(beam, 0, None) / np.maximum(sin_e, 1e-6), 0.0)
