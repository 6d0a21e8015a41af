"""Which format a weather file is in, reading any of them, and splitting a multi-year set.

:func:`detect_format` recognises a format from the file's content (never its name);
:func:`read_weather` dispatches to the reader of that format; :func:`split_years` cuts a measured
multi-year set into calendar years.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import pandas as pd

from solarfleet.models.weather.convention import FORMATS, WeatherFileError, file_text
from solarfleet.models.weather.epw import read_epw
from solarfleet.models.weather.measured import read_measured
from solarfleet.models.weather.nsrdb import read_nsrdb, read_sam_csv
from solarfleet.models.weather.plausibility import check_weather, complete_weather
from solarfleet.models.weather.pvgis import read_pvgis_hourly, read_pvgis_tmy
from solarfleet.models.weather.tmy import read_tmy2, read_tmy3
from solarfleet.models.weather.vendors import VENDOR_READERS, detect_vendor_format

__all__ = ["detect_format", "read_weather", "split_years"]


def detect_format(path, encoding: Optional[str] = None) -> str:
    """The format of a weather file, from its content (not its name); ``encoding`` of a text file (default UTF-8).

    Returns
    -------
    str
        One of :data:`FORMATS`. ``'measured'`` means a plain table that needs a column mapping
        (or has recognisable column names).

    Raises
    ------
    WeatherFileError
        Empty, binary or badly encoded file, or a text whose layout matches no known format.
    """
    p = Path(path)
    try:
        head = p.read_bytes()[:4096]
    except FileNotFoundError:
        raise WeatherFileError(p, "no such file") from None
    if not head.strip():
        raise WeatherFileError(p, "the file is empty")
    if head.startswith(b"PK\x03\x04"):
        return "measured"  # an .xlsx workbook
    text = file_text(p, encoding)
    lines = text[:20000].splitlines()
    first = lines[0].strip() if lines else ""
    second = lines[1].strip() if len(lines) > 1 else ""
    if first.startswith("LOCATION,"):
        return "epw"
    if first.startswith("{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise WeatherFileError(p, f"JSON is not valid: {exc.msg}", exc.lineno) from None
        except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, or absurd nesting
            raise WeatherFileError(p, f"JSON holds a value too long or nested too deeply ({str(exc)[:60]})") \
                from None
        outputs = doc.get("outputs", {}) if isinstance(doc, dict) else {}
        if "tmy_hourly" in outputs:
            return "pvgis_tmy"
        if "hourly" in outputs:
            return "pvgis_hourly"
        raise WeatherFileError(p, "a JSON file, but not a PVGIS TMY or hourly-series response "
                                  "(no outputs.tmy_hourly / outputs.hourly)", 1)
    if first.startswith("Latitude (decimal degrees)"):
        if any(ln.startswith(("Irradiance Time Offset", "month,year")) for ln in lines[:8]):
            return "pvgis_tmy"
        return "pvgis_hourly"
    if second.startswith("Date (MM/DD/YYYY)"):
        return "tmy3"
    if re.match(r"^\s*\d{5}\s+\S", first) and re.match(r"^\d{10}", second):
        return "tmy2"
    if first.startswith("Source,"):
        if second.startswith("NSRDB") and "Local Time Zone" in first:
            return "nsrdb"
        return "sam"
    if _is_sam_header(first, lines[2] if len(lines) > 2 else ""):
        return "sam"  # SAM's own files may leave the first header field ("Source") blank
    vendor = detect_vendor_format(lines)
    if vendor:
        return vendor
    if "," in first or "\t" in first or ";" in first:
        return "measured"
    raise WeatherFileError(p, "unknown weather format: not EPW, TMY3, TMY2, PVGIS, NSRDB, SAM CSV, nor a "
                              f"table with a header (first line {first[:60]!r})", 1)


def _is_sam_header(first: str, third: str) -> bool:
    """SAM CSV: a location header (Latitude, Longitude, Time Zone), its values, then a Year/Month/Day table."""
    fields = {f.strip() for f in first.split(",")}
    return ({"Latitude", "Longitude", "Time Zone"} <= fields
            and [f.strip() for f in third.split(",")[:3]] == ["Year", "Month", "Day"])


def read_weather(path, format: Optional[str] = None, *, complete: bool = True,
                 **kwargs) -> tuple[pd.DataFrame, dict]:
    """Read any supported weather file; the format is detected from content unless given.

    Every set passes :func:`~solarfleet.models.weather.plausibility.check_weather` (finite values in
    physical ranges, a real site and zone, W/m² rather than kW/m²); with ``complete`` a GHI-only file
    gets Erbs DNI/DHI and absent temperature or wind a stated default, each flagged in
    ``metadata['filled']`` (:func:`~solarfleet.models.weather.plausibility.complete_weather`).

    Parameters
    ----------
    path : str or pathlib.Path
    format : str, optional
        One of :data:`FORMATS`.
    **kwargs
        Passed to the reader (e.g. ``mapping=`` for :func:`read_measured`, ``typical=`` for EPW).
    complete : bool
        Fill absent simulation inputs (flagged); False returns the file's values only.
    """
    fmt = format or detect_format(path)
    readers = {"epw": read_epw, "tmy3": read_tmy3, "tmy2": read_tmy2, "pvgis_tmy": read_pvgis_tmy,
               "pvgis_hourly": read_pvgis_hourly, "nsrdb": read_nsrdb, "sam": read_sam_csv,
               "measured": read_measured, **VENDOR_READERS}
    if fmt not in readers:
        raise ValueError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    data, metadata = readers[fmt](path, **kwargs)
    check_weather(data, metadata, path)
    return complete_weather(data, metadata) if complete else (data, metadata)


def split_years(data: pd.DataFrame, metadata: dict) -> list[tuple[pd.DataFrame, dict]]:
    """Split a multi-year measured set into one set per calendar year (in the file's standard time).

    A typical year, or a set within one year, comes back as the only element.
    """
    if metadata.get("kind") == "tmy" or data.empty:
        return [(data, metadata)]
    offset = metadata.get("utc_offset") or 0.0
    local_year = (data.index + pd.Timedelta(hours=offset)).year
    years = sorted(set(local_year))
    if len(years) == 1:
        return [(data, {**metadata, "year": int(years[0])})]
    out = []
    for y in years:
        part = data[local_year == y]
        if part[["ghi"]].notna().to_numpy().any():
            out.append((part, {**metadata, "year": int(y), "years": [int(y)],
                               "notes": [*metadata.get("notes", []), f"split from a {years[0]}–{years[-1]} file"]}))
    return out
