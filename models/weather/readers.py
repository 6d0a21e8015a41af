"""Weather files in, one weather convention out.

Every ``read_*`` function returns ``(data, metadata)``:

``data``
    A :class:`pandas.DataFrame` on a regular, tz-aware **UTC** :class:`~pandas.DatetimeIndex`
    of interval **starts**, with pvlib's column names ``ghi``, ``dni``, ``dhi`` [W/m²] (mean
    irradiance over the interval), ``temp_air`` [°C], ``wind_speed`` [m/s] and, when the file has
    them, ``albedo`` [-] and ``pressure`` [Pa]. Missing values are NaN — never zero.
``metadata``
    A dict with at least ``interval_minutes``, ``label`` (always ``"start"``), ``source``,
    ``format``, ``latitude``, ``longitude``, ``altitude``, ``tz`` (the file's zone: IANA name or
    ``Etc/GMT±h`` for a fixed offset), ``utc_offset`` [h] (the file's standard offset), ``kind``
    (``"tmy"``, ``"measured"``, ``"synthetic"`` or ``"clearsky"``), ``year`` (None for a typical
    year), ``file`` and ``notes`` (a list of what the importer did, in plain words).

Time conventions (what each importer assumes, see the functions for details):

* EPW, TMY3 and TMY2 label hours 1–24, hour **ending**, in local **standard** time. Hour ``h``
  becomes the interval starting at ``h − 1``.
* PVGIS (TMY and hourly series) is in UTC. A stamp ``HH:MM`` is put into the interval that
  contains it (PVGIS hourly series stamp the satellite slot, e.g. ``HH:10``).
* NSRDB PSM and SAM CSV files stamp instants (``HH:30`` for hourly NSRDB); the stamp's
  interval (floor to the interval length) is the one it describes.
* A typical year (months drawn from different years) becomes ONE continuous non-leap year,
  :data:`TYPICAL_YEAR`, in the file's standard time, then UTC. A 29 February in a typical
  file is dropped and noted.
* China's daylight saving time (1986–1991): see :func:`localize_local_times`. Files in a zone
  with DST are read as local standard time unless the stamps themselves show civil time
  (a repeated autumn hour and no spring hour), so no hour is ever missing or duplicated.

Errors are :class:`WeatherFileError` naming the file and, where it applies, the line.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
from solarfleet.models.store import pvgis_cache_get, pvgis_cache_put

__all__ = ["TYPICAL_YEAR", "WEATHER_COLUMNS", "OPTIONAL_COLUMNS", "FORMATS", "ALLOWED_INTERVALS",
           "WeatherFileError", "WeatherNetworkError", "ColumnMapping",
           "detect_format", "read_weather", "read_epw", "read_tmy3", "read_tmy2", "read_pvgis_tmy",
           "read_pvgis_hourly", "read_nsrdb", "read_sam_csv", "read_measured", "localize_local_times",
           "fixed_offset_tz", "split_years", "get_pvgis_tmy", "get_pvgis_horizon", "pvgis_tmy_cached"]

#: The year a typical (TMY) file is laid on: a non-leap year, so 8760 hours.
TYPICAL_YEAR = 2023
#: Columns every weather set has (NaN where the source had no value).
WEATHER_COLUMNS = ("ghi", "dni", "dhi", "temp_air", "wind_speed")
#: Columns kept when the source has them.
OPTIONAL_COLUMNS = ("albedo", "pressure")
#: Format names accepted by :func:`read_weather` (``format=``).
FORMATS = ("epw", "tmy3", "tmy2", "pvgis_tmy", "pvgis_hourly", "nsrdb", "sam", "measured")
#: Most columns a measured-weather CSV may have (more means it is not a weather table).
MAX_TABLE_COLUMNS = 500
#: Interval lengths a measured file may have [min].
ALLOWED_INTERVALS = (1, 5, 10, 15, 30, 60)
_TYPICAL_MARKERS = ("TMY", "CSWD", "IWEC", "TYA", "TRY", "TMYX", "PVGIS", "SWERA", "IGDG", "CTYW")


class WeatherFileError(ValueError):
    """A weather file cannot be imported. The message names the file and, when known, the line.

    Attributes
    ----------
    path : str
    line : int or None
        1-based line (or spreadsheet row) of the problem.
    """

    def __init__(self, path, message: str, line: Optional[int] = None):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class WeatherNetworkError(RuntimeError):
    """An online weather service could not be reached or refused the request."""


# --- text and encodings --------------------------------------------------------------------------

def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


def _read_text(path, encoding: Optional[str] = None) -> str:
    """The file as text. Without ``encoding``: UTF-8 (with or without BOM); anything else is an error."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise WeatherFileError(p, "no such file") from None
    if not raw.strip():
        raise WeatherFileError(p, "the file is empty")
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise WeatherFileError(p, f"cannot decode as {encoding}: {exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        bad_line = raw.splitlines()[line - 1]
        try:
            as_gbk = bad_line.decode("gbk")
        except UnicodeDecodeError:
            as_gbk = ""
        if _has_cjk(as_gbk):
            raise WeatherFileError(
                p, f"the text is GBK/GB18030-encoded Chinese ({as_gbk.strip()[:40]!r}), not UTF-8. Save the file "
                   "as UTF-8 (Excel: 'CSV UTF-8'), or import it as a measured file with encoding 'gbk'",
                line) from None
        raise WeatherFileError(p, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                               line) from None


def _lines(text: str) -> list[str]:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _float(path, value: str, line: int, what: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise WeatherFileError(path, f"{what} is {value.strip()!r}, not a number", line) from None
    if math.isnan(out):
        raise WeatherFileError(path, f"{what} is empty", line)
    return out


# --- time ----------------------------------------------------------------------------------------

def fixed_offset_tz(hours: float) -> str:
    """A zone name for a fixed UTC offset: ``Etc/GMT-8`` for UTC+8, ``+05:30`` when not whole hours."""
    if hours == 0:
        return "UTC"
    if float(hours).is_integer():
        return f"Etc/GMT{-int(hours):+d}"
    sign = "+" if hours > 0 else "-"
    m = int(round(abs(hours) * 60))
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


def _parse_tz(tz, path=None) -> tuple[Optional[ZoneInfo], float, str]:
    """``(zone or None, fixed offset [h] or NaN, name)`` from ``"UTC"``, ``"+08:00"``, ``"UTC+8"``, 8 or an IANA name."""
    if isinstance(tz, (int, float)):
        return None, float(tz), fixed_offset_tz(float(tz))
    s = str(tz).strip()
    if s.upper() in ("UTC", "Z", "GMT"):
        return None, 0.0, "UTC"
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", s, re.I)
    if m:
        hours = int(m.group(2)) + int(m.group(3) or 0) / 60.0
        hours = hours if m.group(1) == "+" else -hours
        return None, hours, fixed_offset_tz(hours)
    try:
        zone = ZoneInfo(s)
    except (ZoneInfoNotFoundError, ValueError):
        raise WeatherFileError(path or "-", f"unknown time zone {s!r} (use an IANA name such as Asia/Shanghai, "
                                            "'UTC' or an offset such as +08:00)") from None
    return zone, math.nan, s


def _standard_offset_hours(zone: ZoneInfo, year: int) -> float:
    """A zone's standard offset in ``year`` [h]: the smaller of its January and July offsets."""
    jan = _dt.datetime(year, 1, 15, 12, tzinfo=zone).utcoffset()
    jul = _dt.datetime(year, 7, 15, 12, tzinfo=zone).utcoffset()
    return min(jan, jul).total_seconds() / 3600.0


def localize_local_times(naive: pd.DatetimeIndex, tz, *, local_time: str = "auto",
                         path=None) -> tuple[pd.DatetimeIndex, str]:
    """Turn naive local stamps into UTC, without inventing or losing an hour.

    Parameters
    ----------
    naive : pandas.DatetimeIndex
        Stamps as written in the file (no zone).
    tz : str or float
        ``"UTC"``, a fixed offset (``"+08:00"``, ``8``) or an IANA zone (``"Asia/Shanghai"``).
    local_time : {'auto', 'standard', 'civil'}
        For an IANA zone with daylight saving time in the data's years:

        * ``'standard'`` — the stamps are local **standard** time all year (what meteorological
          services and most loggers record; China's 1986–1991 summer time was never applied to
          CMA observations), so the zone's standard offset is used every day.
        * ``'civil'`` — the stamps follow the clock on the wall: the spring-forward hour is absent
          and the autumn hour appears twice (resolved by order).
        * ``'auto'`` (default) — ``'civil'`` only if the stamps repeat a wall-clock hour inside a
          DST fall-back and contain no stamp inside a spring-forward gap; otherwise ``'standard'``.
    path : optional
        File named in errors.

    Returns
    -------
    (pandas.DatetimeIndex, str)
        UTC stamps and the interpretation used (``'fixed'``, ``'standard'`` or ``'civil'``).
    """
    zone, offset, _ = _parse_tz(tz, path)
    if zone is None:
        return (naive - pd.Timedelta(hours=offset)).tz_localize("UTC"), "fixed"
    if local_time not in ("auto", "standard", "civil"):
        raise ValueError(f"local_time must be 'auto', 'standard' or 'civil' (got {local_time!r})")
    years = range(int(naive.min().year), int(naive.max().year) + 1) if len(naive) else range(0)
    std = {y: _standard_offset_hours(zone, y) for y in years}
    has_dst = any(_standard_offset_hours(zone, y) != max(
        _dt.datetime(y, m, 15, 12, tzinfo=zone).utcoffset().total_seconds() / 3600 for m in range(1, 13))
        for y in years)
    mode = local_time
    if mode == "auto":
        mode = "standard"
        if has_dst and naive.has_duplicates:
            civil = pd.Series(0, index=naive)
            nonexistent = civil.index.tz_localize(zone, ambiguous="NaT", nonexistent="NaT").isna()
            dup = naive.duplicated(keep=False)
            # civil if every repeated stamp is ambiguous and no stamp falls into a spring gap
            ambiguous_ok = all(_is_ambiguous(t, zone) for t in naive[dup][:50])
            gap = any(_is_nonexistent(t, zone) for t in naive[nonexistent][:50])
            if ambiguous_ok and not gap:
                mode = "civil"
        elif has_dst and len(naive) > 2 and not naive.has_duplicates:
            # a wall-clock file that only spans a spring transition: the skipped hour is absent from the
            # stamps while the hours on both sides are present
            step = pd.Series(np.diff(_ns(naive)))
            usual = int(step.mode()[0]) if len(step) else 0
            jumps = np.flatnonzero(step.to_numpy() == usual + 3600 * 10 ** 9)
            if usual and any(_is_nonexistent(naive[i] + pd.Timedelta(hours=1), zone) or
                             _is_nonexistent(naive[i] + pd.Timedelta(nanoseconds=usual), zone)
                             for i in jumps[:50]):
                mode = "civil"
    if mode == "standard" or not has_dst:
        offs = pd.Index([std[y] for y in naive.year], dtype=float) if len(std) > 1 else \
            pd.Index(np.full(len(naive), next(iter(std.values()), 0.0)))
        utc = naive - pd.to_timedelta(np.asarray(offs) * 3600.0, unit="s")
        return pd.DatetimeIndex(utc).tz_localize("UTC"), "standard"
    try:
        local = naive.tz_localize(zone, ambiguous="infer", nonexistent="raise")
    except Exception as exc:  # pandas raises pytz-style errors with the offending stamp in the text
        raise WeatherFileError(path or "-", f"the stamps are not valid civil time in {zone.key}: {exc}") from None
    return local.tz_convert("UTC"), "civil"


def _in_dst(naive: pd.DatetimeIndex, tz) -> bool:
    """Whether any naive local stamp falls in a daylight-saving period of IANA zone ``tz``."""
    try:
        zone = ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError):
        return False
    if naive.tz is not None or len(naive) == 0:
        return False
    days = pd.DatetimeIndex(naive.normalize().unique()) + pd.Timedelta(hours=12)
    return any(d.to_pydatetime().replace(tzinfo=zone).dst() for d in days)


def _is_ambiguous(t: pd.Timestamp, zone: ZoneInfo) -> bool:
    d = t.to_pydatetime()
    return d.replace(tzinfo=zone, fold=0).utcoffset() != d.replace(tzinfo=zone, fold=1).utcoffset()


def _is_nonexistent(t: pd.Timestamp, zone: ZoneInfo) -> bool:
    d = t.to_pydatetime().replace(tzinfo=zone)
    return d.astimezone(_dt.timezone.utc).astimezone(zone).replace(tzinfo=None) != d.replace(tzinfo=None)


def _typical_year_starts(path, months, days, hours0, first_line: int, notes: list,
                         year: int = TYPICAL_YEAR) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """Interval starts (naive, local standard time) of a typical year laid on ``year``.

    ``hours0`` are hours 0–23 of the interval start. Returns the stamps and a boolean mask of the
    rows kept (29 February is dropped). Raises when hours are missing, repeated or out of order.
    """
    months, days, hours0 = (np.asarray(a, dtype=int) for a in (months, days, hours0))
    leap = (months == 2) & (days == 29)
    if leap.any():
        notes.append(f"dropped {int(leap.sum())} hours of 29 February: a typical year is laid on "
                     f"non-leap {year}")
    keep = ~leap
    try:
        stamps = pd.to_datetime(pd.DataFrame({"year": year, "month": months[keep], "day": days[keep],
                                              "hour": hours0[keep]}))
    except (ValueError, OverflowError) as exc:
        raise WeatherFileError(path, f"impossible date in the data: {exc}") from None
    stamps = pd.DatetimeIndex(stamps)
    rows = np.flatnonzero(keep)
    step = np.diff(_ns(stamps)) if len(stamps) > 1 else np.array([], dtype=np.int64)
    hour_ns = 3600 * 10 ** 9
    bad = np.flatnonzero(step != hour_ns)
    if len(bad):
        i = bad[0]
        line = first_line + int(rows[i + 1])
        what = "repeats or goes back in time" if step[i] <= 0 else \
            f"skips {int(step[i] // hour_ns) - 1} hour(s) (hours missing or out of order)"
        raise WeatherFileError(path, f"the row after {stamps[i]:%m-%d %H:00} is {stamps[i + 1]:%m-%d %H:00}: it "
                                     f"{what}; a typical year must be continuous and hourly", line)
    if len(stamps) == 0:
        raise WeatherFileError(path, "no data rows: a typical year needs 8760 hourly rows (truncated file?)",
                               first_line)
    expected = pd.date_range(f"{year}-01-01", periods=8760, freq="h")
    if len(stamps) != 8760 or stamps[0] != expected[0]:
        last = first_line + int(rows[-1]) if len(rows) else first_line
        raise WeatherFileError(
            path, f"a typical year needs 8760 hourly rows from 1 January 00:00 to 31 December 23:00; the file has "
                  f"{len(stamps)} from {stamps[0]:%m-%d %H:00} to {stamps[-1]:%m-%d %H:00} (truncated file?)",
            last)
    return stamps, keep


def _frame(index_utc: pd.DatetimeIndex, columns: Mapping[str, object]) -> pd.DataFrame:
    data = pd.DataFrame(index=pd.DatetimeIndex(index_utc, name="time"))
    for name in WEATHER_COLUMNS:
        values = columns.get(name)
        data[name] = np.nan if values is None else np.asarray(values, dtype=float)
    for name in OPTIONAL_COLUMNS:  # kept only when the source has at least one value
        if columns.get(name) is not None and np.isfinite(np.asarray(columns[name], dtype=float)).any():
            data[name] = np.asarray(columns[name], dtype=float)
    return data


def _meta(path, *, fmt: str, source: str, kind: str, year, latitude, longitude, altitude, tz: str,
          utc_offset, interval_minutes: int, notes: list, **extra) -> dict:
    meta = {"format": fmt, "source": source, "kind": kind, "year": year, "interval_minutes": int(interval_minutes),
            "label": "start", "latitude": float(latitude), "longitude": float(longitude),
            "altitude": None if altitude is None or (isinstance(altitude, float) and math.isnan(altitude))
            else float(altitude), "tz": tz, "utc_offset": utc_offset,
            "file": None if path is None else str(path), "notes": notes}
    meta.update(extra)
    return meta


def _nan_where(values, missing) -> np.ndarray:
    """Float array with values matching ``missing(values)`` set to NaN."""
    a = np.asarray(values, dtype=float).copy()
    a[missing(a)] = np.nan
    return a


def _check_location(path, lat, lon, line=None):
    if not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
        raise WeatherFileError(path, f"latitude {lat} / longitude {lon} out of range", line)


# --- format detection ----------------------------------------------------------------------------

def detect_format(path) -> str:
    """The format of a weather file, from its content (not its name).

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
    text = _read_text(p)
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
    if "," in first or "\t" in first or ";" in first:
        return "measured"
    raise WeatherFileError(p, "unknown weather format: not EPW, TMY3, TMY2, PVGIS, NSRDB, SAM CSV, nor a "
                              f"table with a header (first line {first[:60]!r})", 1)


def read_weather(path, format: Optional[str] = None, **kwargs) -> tuple[pd.DataFrame, dict]:
    """Read any supported weather file; the format is detected from content unless given.

    Parameters
    ----------
    path : str or pathlib.Path
    format : str, optional
        One of :data:`FORMATS`.
    **kwargs
        Passed to the reader (e.g. ``mapping=`` for :func:`read_measured`, ``typical=`` for EPW).
    """
    fmt = format or detect_format(path)
    readers = {"epw": read_epw, "tmy3": read_tmy3, "tmy2": read_tmy2, "pvgis_tmy": read_pvgis_tmy,
               "pvgis_hourly": read_pvgis_hourly, "nsrdb": read_nsrdb, "sam": read_sam_csv,
               "measured": read_measured}
    if fmt not in readers:
        raise ValueError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    return readers[fmt](path, **kwargs)


# --- EPW -----------------------------------------------------------------------------------------

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

    text = _read_text(path)
    lines = _lines(text)
    if not lines or not lines[0].startswith("LOCATION"):
        raise WeatherFileError(path, "not an EPW file: the first line must start with LOCATION", 1)
    loc = lines[0].split(",")
    if len(loc) < 10:
        raise WeatherFileError(path, f"the LOCATION line has {len(loc)} fields; EPW needs 10", 1)
    lat = _float(path, loc[6], 1, "latitude")
    lon = _float(path, loc[7], 1, "longitude")
    tz_h = _float(path, loc[8], 1, "time zone")
    alt = _float(path, loc[9], 1, "elevation")
    _check_location(path, lat, lon, 1)
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
        "ghi": _nan_where(raw["ghi"], lambda a: a >= 9999),
        "dni": _nan_where(raw["dni"], lambda a: a >= 9999),
        "dhi": _nan_where(raw["dhi"], lambda a: a >= 9999),
        "temp_air": _nan_where(raw["temp_air"], lambda a: a >= 99.9),
        "wind_speed": _nan_where(raw["wind_speed"], lambda a: a >= 999),
        "pressure": _nan_where(raw["atmospheric_pressure"], lambda a: a >= 999999),
    }
    albedo = _nan_where(raw["albedo"], lambda a: (a >= 999) | (a <= 0) | (a > 1))
    if np.isfinite(albedo).any():
        columns["albedo"] = albedo
    first_line = 9
    if typical:
        naive, keep = _typical_year_starts(path, months, days, np.asarray(hours) - 1, first_line, notes, year)
        columns = {k: v[keep] for k, v in columns.items()}
        if len(set(years)) > 1:
            notes.append(f"months from years {min(years)}–{max(years)} were laid on one continuous year {year}")
        kind, data_year = "tmy", None
    else:
        naive = pd.DatetimeIndex(pd.to_datetime(pd.DataFrame(
            {"year": years, "month": months, "day": days, "hour": np.asarray(hours) - 1})))
        _check_steps(path, naive, 60, first_line)
        kind, data_year = "measured", int(pd.Series(years).mode()[0])
    utc = (naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC")
    data = _frame(utc, columns)
    data, gap_note = _regularise(data, 60)
    if gap_note:
        notes.append(gap_note)
    source = f"EPW {loc[4].strip() or 'file'} {loc[1].strip()} ({loc[5].strip()})".replace("  ", " ")
    return data, _meta(path, fmt="epw", source=source, kind=kind, year=data_year, latitude=lat, longitude=lon,
                       altitude=alt, tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=60, notes=notes,
                       station=loc[1].strip(), wmo=loc[5].strip(), data_type=loc[4].strip(),
                       epw_city=epw_meta.get("city"))


def _ns(index) -> np.ndarray:
    """Stamps as int64 nanoseconds, whatever the index's resolution (pandas 3 defaults to µs)."""
    return pd.DatetimeIndex(index).as_unit("ns").asi8


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def _check_steps(path, naive: pd.DatetimeIndex, interval_minutes: int, first_line: int,
                 line_of=None) -> None:
    """Raise on a stamp that does not move forward, or that is off the interval grid."""
    if len(naive) < 2:
        return
    step = np.diff(_ns(naive))
    unit = interval_minutes * 60 * 10 ** 9
    bad = np.flatnonzero(step <= 0)
    if len(bad):
        i = int(bad[0]) + 1
        line = line_of(i) if line_of else first_line + i
        raise WeatherFileError(path, f"timestamp {naive[i]} is not after the previous one ({naive[i - 1]}): "
                                     "timestamps must increase (sort the file and remove repeated rows)", line)
    bad = np.flatnonzero(step % unit != 0)
    if len(bad):
        i = int(bad[0]) + 1
        line = line_of(i) if line_of else first_line + i
        raise WeatherFileError(path, f"timestamp {naive[i]} is off the {interval_minutes}-minute grid set by the "
                                     "rows before it (irregular timestamps)", line)


def _regularise(data: pd.DataFrame, interval_minutes: int) -> tuple[pd.DataFrame, Optional[str]]:
    """Reindex onto the full regular range; missing intervals become NaN rows (reported, never zero)."""
    if data.empty:
        return data, None
    full = pd.date_range(data.index[0], data.index[-1], freq=f"{interval_minutes}min", name="time")
    if len(full) == len(data):
        return data, None
    missing = len(full) - len(data)
    return data.reindex(full), f"{missing} missing intervals in the file were added as NaN rows"


# --- TMY3 / TMY2 ---------------------------------------------------------------------------------

def read_tmy3(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an NREL TMY3 CSV (:func:`pvlib.iotools.read_tmy3`).

    Stamps are hour-ending local standard time (``01:00`` … ``24:00``); hour ``h`` becomes the interval
    starting at ``h − 1``. Months from different years are laid on one non-leap ``year``. Pressure
    [mbar] becomes [Pa].
    """
    import pvlib

    text = _read_text(path)
    lines = _lines(text)
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
            _float(path, f[k], i, what)
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
    naive, keep = _typical_year_starts(path, months, days, hours0, 3, notes, year)
    years = sorted({int(s[-4:]) for s in raw["Date (MM/DD/YYYY)"]})
    if len(years) > 1:
        notes.append(f"months from years {years[0]}–{years[-1]} were laid on one continuous year {year}")
    tz_h = float(tmeta["TZ"])
    missing = [c for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure", "albedo") if c not in raw]
    if missing:
        raise WeatherFileError(path, f"the TMY3 header lacks the column(s) for {', '.join(missing)} (renamed or "
                                     "damaged header?)", 2)
    cols = {"ghi": raw["ghi"], "dni": raw["dni"], "dhi": raw["dhi"], "temp_air": raw["temp_air"],
            "wind_speed": raw["wind_speed"], "pressure": raw["pressure"], "albedo": raw["albedo"]}
    cols = {k: _nan_where(_numeric_column(path, k, v, 3)[keep], lambda a: (a <= -9000) | (a >= 9999))
            for k, v in cols.items()}
    cols["pressure"] = cols["pressure"] * 100.0  # [mbar] → [Pa]
    cols["albedo"] = np.where((cols["albedo"] <= 0) | (cols["albedo"] > 1), np.nan, cols["albedo"])  # 0 = not measured
    data = _frame((naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    name = str(tmeta.get("Name", "")).strip('"')
    return data, _meta(path, fmt="tmy3", source=f"TMY3 {name} ({tmeta.get('USAF')})", kind="tmy", year=None,
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

    text = _read_text(path)
    lines = _lines(text)
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
    naive, keep = _typical_year_starts(path, raw["month"], raw["day"], np.asarray(raw["hour"]) - 1, 2, notes, year)
    tz_h = float(tmeta["TZ"])

    def col(name, scale=1.0, sentinel=9999):
        return _nan_where(np.asarray(raw[name], float)[keep], lambda a: a >= sentinel) * scale

    cols = {"ghi": col("GHI"), "dni": col("DNI"), "dhi": col("DHI"), "temp_air": col("DryBulb", 0.1),
            "wind_speed": col("Wspd", 0.1), "pressure": col("Pressure", 100.0)}
    data = _frame((naive - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    return data, _meta(path, fmt="tmy2", source=f"TMY2 {tmeta.get('City', '').strip()} ({tmeta.get('WBAN')})",
                       kind="tmy", year=None, latitude=tmeta["latitude"], longitude=tmeta["longitude"],
                       altitude=tmeta["altitude"], tz=fixed_offset_tz(tz_h), utc_offset=tz_h, interval_minutes=60,
                       notes=notes, station=str(tmeta.get("City", "")).strip(), wban=tmeta.get("WBAN"))


# --- PVGIS ---------------------------------------------------------------------------------------

def _pvgis_format(path, text: str) -> str:
    s = text.lstrip()
    if s.startswith("{"):
        return "json"
    if s.startswith("LOCATION"):
        return "epw"
    return "csv"


def _check_pvgis_csv_rows(path, lines: list[str], expected: Optional[int]) -> int:
    """Validate the data block of a PVGIS CSV; return the 1-based line of its header."""
    hdr = next((i for i, ln in enumerate(lines) if ln.startswith("time")), None)
    if hdr is None:
        raise WeatherFileError(path, "no 'time(UTC)' / 'time' column header: not a PVGIS CSV, or truncated")
    n_fields = len(lines[hdr].split(","))
    count = 0
    for i in range(hdr + 1, len(lines)):
        ln = lines[i]
        if not re.match(r"^\d{8}:\d{4},", ln):
            if count == 0:
                raise WeatherFileError(path, f"expected a data row 'YYYYMMDD:HHMM,…', found {ln[:40]!r}", i + 1)
            break
        if len(ln.split(",")) != n_fields:
            raise WeatherFileError(path, f"{len(ln.split(','))} fields where the header has {n_fields} "
                                         "(truncated or damaged line)", i + 1)
        count += 1
    if expected is not None and count != expected:
        raise WeatherFileError(path, f"{count} hourly rows where a PVGIS TMY has {expected} (truncated file?)",
                               hdr + 1 + count)
    return hdr + 1


def read_pvgis_tmy(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read a PVGIS TMY file in its CSV, JSON or EPW variant (:func:`pvlib.iotools.read_pvgis_tmy`).

    PVGIS stamps are UTC. Each month comes from a different year; they are laid on one continuous
    non-leap ``year`` (in UTC). The EPW variant is read by :func:`read_epw` (its TZ is 0).
    """
    import pvlib

    text = _read_text(path)
    variant = _pvgis_format(path, text)
    if variant == "epw":
        data, meta = read_epw(path, typical=True, year=year)
        meta.update(format="pvgis_tmy", source="PVGIS TMY (EPW)")
        return data, meta
    if variant == "csv":
        _check_pvgis_csv_rows(path, _lines(text), 8760)
    try:
        with open(path, "rb" if variant == "csv" else "r", **({} if variant == "csv" else {"encoding": "utf-8"})) \
                as fh:
            raw, pmeta = pvlib.iotools.read_pvgis_tmy(fh, pvgis_format=variant, map_variables=True)
    except WeatherFileError:
        raise
    except Exception as exc:
        raise WeatherFileError(path, f"not a readable PVGIS TMY {variant.upper()}: {type(exc).__name__}: {exc}") \
            from None
    if len(raw) != 8760:
        raise WeatherFileError(path, f"{len(raw)} hourly rows where a PVGIS TMY has 8760 (truncated file?)")
    inputs = pmeta.get("inputs", {})
    loc = inputs.get("location", inputs)
    lat, lon = float(loc["latitude"]), float(loc["longitude"])
    alt = float(loc.get("elevation", math.nan))
    idx = raw.index
    notes = ["PVGIS TMY stamps are UTC; the stamp's hour is the interval start"]
    naive_utc = idx.tz_convert("UTC").tz_localize(None)
    years = sorted(set(naive_utc.year))
    starts, keep = _typical_year_starts(path, naive_utc.month, naive_utc.day, naive_utc.hour, 0, notes, year)
    if len(years) > 1:
        notes.append(f"months from years {years[0]}–{years[-1]} were laid on one continuous UTC year {year}")
    cols = {c: np.asarray(raw[c], float)[keep] for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure")
            if c in raw}
    data = _frame(starts.tz_localize("UTC"), cols)
    months_selected = pmeta.get("months_selected")
    return data, _meta(path, fmt="pvgis_tmy", source="PVGIS TMY", kind="tmy", year=None, latitude=lat,
                       longitude=lon, altitude=alt, tz="UTC", utc_offset=0.0, interval_minutes=60, notes=notes,
                       months_selected=months_selected)


def read_pvgis_hourly(path) -> tuple[pd.DataFrame, dict]:
    """Read a PVGIS hourly radiation series (``seriescalc``, CSV or JSON) for a horizontal plane.

    Parsed by :func:`pvlib.iotools.read_pvgis_hourly`. The series must be for slope 0 so that its
    in-plane values are horizontal: ``ghi`` is ``poa_global`` (or the sum of its components), ``dhi``
    the sky diffuse, and ``dni`` = beam / cos(zenith) from the file's ``solar_elevation`` (zero at or
    below 2° elevation). Stamps are UTC at the satellite slot (e.g. ``HH:10``); the interval is the
    hour containing the stamp.
    """
    import pvlib

    text = _read_text(path)
    variant = _pvgis_format(path, text)
    if variant == "csv":
        _check_pvgis_csv_rows(path, _lines(text), None)
    try:
        with open(path, "r", encoding="utf-8") as fh:
            raw, inputs, pmeta = _pvgis_hourly(pvlib, fh, variant)
    except WeatherFileError:
        raise
    except Exception as exc:
        raise WeatherFileError(path, f"not a readable PVGIS hourly {variant.upper()}: {type(exc).__name__}: {exc}") \
            from None
    slope = _pvgis_slope(inputs)
    if slope is not None and abs(slope) > 0.01:
        raise WeatherFileError(path, f"the PVGIS series is for a {slope:g}° slope; export it for a horizontal "
                                     "plane (slope 0) to use it as weather")
    loc = inputs.get("location", inputs) if isinstance(inputs, dict) else {}
    lat, lon = float(loc.get("latitude", math.nan)), float(loc.get("longitude", math.nan))
    alt = float(loc.get("elevation", math.nan))
    if math.isnan(lat) or math.isnan(lon):
        raise WeatherFileError(path, "the PVGIS file has no latitude/longitude")
    idx = raw.index.tz_convert("UTC").floor("60min")
    _check_steps(path, idx.tz_localize(None), 60, 0, line_of=lambda i: None)
    if "poa_global" in raw:
        ghi = np.asarray(raw["poa_global"], float)
        beam = dhi = None
    else:
        beam = np.asarray(raw["poa_direct"], float)
        dhi = np.asarray(raw["poa_sky_diffuse"], float)
        ghi = beam + dhi + np.asarray(raw.get("poa_ground_diffuse", 0.0), float)
    dni = None
    if beam is not None:
        elev = np.asarray(raw["solar_elevation"], float)
        sin_e = np.sin(np.radians(elev))
        dni = np.where(elev > 2.0, beam / np.maximum(sin_e, 1e-6), 0.0)
    cols = {"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": raw.get("temp_air"), "wind_speed": raw.get("wind_speed")}
    data = _frame(idx, cols)
    notes = ["PVGIS hourly stamps are UTC; the hour containing each stamp is its interval"]
    data, gap_note = _regularise(data, 60)
    if gap_note:
        notes.append(gap_note)
    years = sorted(set(idx.year))
    return data, _meta(path, fmt="pvgis_hourly", source="PVGIS hourly series", kind="measured",
                       year=years[0] if len(years) == 1 else None, latitude=lat, longitude=lon, altitude=alt,
                       tz="UTC", utc_offset=0.0, interval_minutes=60, notes=notes, years=years)


def _pvgis_hourly(pvlib, fh, variant):
    out = pvlib.iotools.read_pvgis_hourly(fh, pvgis_format=variant, map_variables=True)
    if len(out) == 3:  # older pvlib: (data, inputs, meta)
        return out
    data, meta = out
    return data, meta.get("inputs", {}), meta


def _pvgis_slope(inputs) -> Optional[float]:
    try:
        return float(inputs["mounting_system"]["fixed"]["slope"]["value"])
    except (KeyError, TypeError, ValueError):
        pass
    for key, value in (inputs.items() if isinstance(inputs, dict) else ()):
        if str(key).strip().lower() == "slope":
            try:
                return float(str(value).split()[0])
            except (ValueError, IndexError):
                return None
    return None


# --- NSRDB and SAM -------------------------------------------------------------------------------

def read_nsrdb(path, *, year: int = TYPICAL_YEAR) -> tuple[pd.DataFrame, dict]:
    """Read an NSRDB PSM CSV (v3 or v4 layout) with :func:`pvlib.iotools.read_nsrdb_psm4`.

    NSRDB values are instantaneous at their stamp (``HH:30`` for hourly files), in the file's
    ``Time Zone``; each stamp lands in the interval that contains it. A TMY (mixed years) is laid on
    one non-leap ``year``. Pressure [mbar] becomes [Pa].
    """
    import pvlib

    text = _read_text(path)
    lines = _lines(text)
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
        raise WeatherFileError(path, f"not a readable NSRDB PSM CSV: {type(exc).__name__}: {exc}") from None
    tz_h = float(nmeta.get("Time Zone", nmeta.get("Local Time Zone", 0)))
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
    text = _read_text(path)
    lines = _lines(text)
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
    lat = _float(path, info["Latitude"], 2, "Latitude")
    lon = _float(path, info["Longitude"], 2, "Longitude")
    tz_h = _float(path, info["Time Zone"], 2, "Time Zone")
    alt = _float(path, info["Elevation"], 2, "Elevation") if info.get("Elevation") else None
    _check_location(path, lat, lon, 2)
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
    renamed = pd.DataFrame({k: table[v].to_numpy(float) for k, v in found.items()})
    return _from_local_table(path, naive, renamed, tz_h, year, first_line=4, fmt="sam",
                             source=f"SAM CSV {info.get('Source', '')} {info.get('City', '')}".strip(),
                             latitude=lat, longitude=lon, altitude=alt, pressure_scale=100.0)


def _infer_interval(path, naive: pd.DatetimeIndex, first_line: int, line_of=None) -> int:
    if len(naive) < 2:
        raise WeatherFileError(path, "fewer than two data rows: cannot tell the interval", first_line)
    steps = np.diff(_ns(naive)) // (60 * 10 ** 9)
    pos = steps[steps > 0]
    if len(pos) == 0:
        raise WeatherFileError(path, "all timestamps are equal", first_line)
    minutes = int(pd.Series(pos).mode()[0])
    if minutes not in ALLOWED_INTERVALS:
        raise WeatherFileError(path, f"the data are every {minutes} minutes; supported intervals are "
                                     f"{', '.join(map(str, ALLOWED_INTERVALS))} minutes", first_line + 1)
    return minutes


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
            starts, keep = _typical_year_starts(path, hourly.month, hourly.day, hourly.hour, first_line, notes, year)
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
        minutes = _infer_interval(path, naive, first_line)
        _check_steps(path, naive, 1, first_line)
        starts = naive.floor(f"{minutes}min")
        _check_steps(path, starts, minutes, first_line)
        notes.append(f"{fmt.upper()} stamps are instantaneous, local standard time (UTC{tz_h:+g}); each stamp was "
                     f"put into the {minutes}-minute interval containing it")
        kind, data_year = "measured", years[0] if len(years) == 1 else None
    data = _frame((starts - pd.Timedelta(hours=tz_h)).tz_localize("UTC"), cols)
    data, gap_note = _regularise(data, minutes)
    if gap_note:
        notes.append(gap_note)
    return data, _meta(path, fmt=fmt, source=source, kind=kind, year=data_year, latitude=latitude,
                       longitude=longitude, altitude=altitude, tz=fixed_offset_tz(tz_h), utc_offset=tz_h,
                       interval_minutes=minutes, notes=notes, years=years)


# --- generic measured files ----------------------------------------------------------------------

_AUTO_NAMES = {
    "timestamp": ("timestamp", "time", "datetime", "date_time", "date time", "time(utc)", "时间", "日期时间"),
    "ghi": ("ghi", "ghi (w/m2)", "ghi [w/m2]", "ghi_w_m2", "global", "global horizontal", "总辐射"),
    "dni": ("dni", "dni (w/m2)", "dni [w/m2]", "direct normal", "直接辐射"),
    "dhi": ("dhi", "dhi (w/m2)", "dhi [w/m2]", "diffuse", "diffuse horizontal", "散射辐射"),
    "temp_air": ("temp_air", "temperature", "tair", "t_air", "air temperature", "气温", "温度"),
    "wind_speed": ("wind_speed", "wind speed", "wspd", "ws", "风速"),
}


@dataclass(frozen=True)
class ColumnMapping:
    """How to read a measured CSV/XLSX file.

    Parameters
    ----------
    timestamp : str or tuple of str
        Column with the timestamp, or several (e.g. ``("date", "time")``) joined with a space.
    timestamp_format : str, optional
        ``strftime`` format of the joined timestamp; parsed flexibly when None.
    tz : str
        ``"UTC"``, a fixed offset (``"+08:00"``, ``"UTC+8"``) or an IANA zone (``"Asia/Shanghai"``).
        Timestamps that carry their own offset (ISO 8601 with ``+08:00``) override it.
    local_time : {'auto', 'standard', 'civil'}
        How to read stamps in an IANA zone with DST; see :func:`localize_local_times`.
    label : {'start', 'end', 'instant'}
        What a timestamp marks: the interval's beginning, its end, or an instant inside it.
    units : {'W/m2', 'Wh/m2'}
        Irradiance as mean power [W/m²] or energy per interval [Wh/m²].
    columns : dict
        pvlib name → file column, for any of ghi, dni, dhi, temp_air, wind_speed, albedo, pressure.
        Empty: columns are recognised by common names.
    interval_minutes : int, optional
        1, 5, 10, 15, 30 or 60; inferred from the stamps when None.
    encoding : str
        Text encoding of a CSV (``'utf-8'``; ``'gbk'`` for files saved by Chinese Excel).
    sheet : str or int, optional
        Worksheet of an XLSX file (default: the first).
    delimiter : str, optional
        CSV delimiter; sniffed when None.
    """

    timestamp: object = None
    timestamp_format: Optional[str] = None
    tz: str = "UTC"
    local_time: str = "auto"
    label: str = "start"
    units: str = "W/m2"
    columns: Mapping[str, str] = field(default_factory=dict)
    interval_minutes: Optional[int] = None
    encoding: Optional[str] = None
    sheet: object = None
    delimiter: Optional[str] = None

    def __post_init__(self):
        if self.label not in ("start", "end", "instant"):
            raise ValueError(f"label must be 'start', 'end' or 'instant' (got {self.label!r})")
        if self.units.replace("²", "2").replace(" ", "") not in ("W/m2", "Wh/m2"):
            raise ValueError(f"units must be 'W/m2' or 'Wh/m2' (got {self.units!r})")
        if self.interval_minutes is not None and self.interval_minutes not in ALLOWED_INTERVALS:
            raise ValueError(f"interval_minutes must be one of {ALLOWED_INTERVALS} (got {self.interval_minutes})")
        bad = set(self.columns) - set(WEATHER_COLUMNS) - set(OPTIONAL_COLUMNS)
        if bad:
            raise ValueError(f"unknown weather column(s) {sorted(bad)}; use pvlib names "
                             f"{', '.join(WEATHER_COLUMNS + OPTIONAL_COLUMNS)}")


def read_measured(path, mapping: ColumnMapping | Mapping | None = None, *, latitude: Optional[float] = None,
                  longitude: Optional[float] = None, altitude: Optional[float] = None,
                  source: Optional[str] = None) -> tuple[pd.DataFrame, dict]:
    """Read measured irradiance from a CSV or XLSX table.

    Parameters
    ----------
    path : str or pathlib.Path
    mapping : ColumnMapping or dict, optional
        How to read the table (a dict is passed to :class:`ColumnMapping`). Default: recognise the
        timestamp and weather columns by common names, UTC, interval-start labels, W/m².
    latitude, longitude : float, optional
        Site [°]; kept in the metadata (a measured file rarely has them).
    altitude : float, optional
        Site altitude [m].
    source : str, optional
        Text for ``metadata['source']``.

    Notes
    -----
    Gaps in the timestamps become NaN rows (reported by the quality check); a timestamp that does
    not increase, or falls off the interval grid, is an error naming its line. Irradiance given as
    energy per interval [Wh/m²] is divided by the interval length [h]. When only ``ghi`` is present,
    ``dni`` and ``dhi`` stay NaN (the simulation decides how to split); when ``ghi`` is absent it is an
    error.
    """
    if mapping is None:
        mapping = ColumnMapping()
    elif not isinstance(mapping, ColumnMapping):
        try:
            mapping = ColumnMapping(**dict(mapping))
        except (TypeError, ValueError) as exc:
            raise WeatherFileError(path, f"bad column mapping: {exc}") from None
    p = Path(path)
    table, line_of = _read_table(p, mapping)
    cols_lower = {str(c).strip().lower(): c for c in table.columns}
    ts_spec = mapping.timestamp
    if ts_spec is None:
        ts_spec = next((cols_lower[n] for n in _AUTO_NAMES["timestamp"] if n in cols_lower), None)
        if ts_spec is None:
            raise WeatherFileError(p, "no timestamp column recognised (looked for "
                                      f"{', '.join(_AUTO_NAMES['timestamp'][:5])}); give the column mapping "
                                      f"(columns found: {', '.join(map(str, table.columns[:12]))})", line_of(-1))
    ts_cols = [ts_spec] if isinstance(ts_spec, str) else list(ts_spec)
    for c in ts_cols:
        if c not in table.columns:
            raise WeatherFileError(p, f"no column {c!r} (columns found: {', '.join(map(str, table.columns[:12]))})",
                                   line_of(-1))
    mapped = dict(mapping.columns)
    if not mapped:
        for name in WEATHER_COLUMNS:
            hit = next((cols_lower[n] for n in _AUTO_NAMES[name] if n in cols_lower), None)
            if hit is not None:
                mapped[name] = hit
    for name, col in mapped.items():
        if col not in table.columns:
            raise WeatherFileError(p, f"no column {col!r} for {name} (columns found: "
                                      f"{', '.join(map(str, table.columns[:12]))})", line_of(-1))
    if "ghi" not in mapped:
        raise WeatherFileError(p, "no GHI column: map one with columns={'ghi': '<column name>'} (columns found: "
                                  f"{', '.join(map(str, table.columns[:12]))})", line_of(-1))
    table = table.dropna(how="all")
    if table.empty:
        raise WeatherFileError(p, "no data rows under the header", 2)
    text = table[ts_cols[0]].astype(str).str.strip() if len(ts_cols) == 1 else \
        table[ts_cols].astype(str).apply(lambda r: " ".join(s.strip() for s in r), axis=1)
    if len(ts_cols) == 1 and pd.api.types.is_datetime64_any_dtype(table[ts_cols[0]]):
        stamps = pd.to_datetime(table[ts_cols[0]])
    else:
        try:
            stamps = pd.to_datetime(text, format=mapping.timestamp_format, errors="coerce",
                                    utc=False) if mapping.timestamp_format else _parse_flexible(text)
        except _MixedStamps as exc:
            raise WeatherFileError(p, f"timestamp {text.iloc[exc.position]!r} {exc}",
                                   line_of(table.index[exc.position])) from None
    if isinstance(stamps, pd.Series) and stamps.isna().any():
        i = int(np.flatnonzero(stamps.isna().to_numpy())[0])
        fmt_hint = f" with format {mapping.timestamp_format!r}" if mapping.timestamp_format else ""
        raise WeatherFileError(p, f"timestamp {text.iloc[i]!r} cannot be read{fmt_hint}", line_of(table.index[i]))
    stamps = pd.DatetimeIndex(stamps)
    rows = table.index
    row_line = lambda i: line_of(rows[i])  # noqa: E731
    odd = np.flatnonzero((stamps.year < 1800) | (stamps.year > 2200))
    if len(odd):
        raise WeatherFileError(p, f"timestamp {text.iloc[int(odd[0])]!r} is not a date between the years 1800 and "
                                  "2200", row_line(int(odd[0])))
    if stamps.tz is not None:
        utc = stamps.tz_convert("UTC")
        interp = "offset in the stamps"
        _, _, tz_name = _parse_tz(mapping.tz, p)
        offset = stamps[0].utcoffset().total_seconds() / 3600
        tz_name = tz_name if mapping.tz != "UTC" else fixed_offset_tz(offset)
    else:
        naive = stamps
        bad = np.flatnonzero(np.diff(_ns(naive)) < 0)
        zone, offset, tz_name = _parse_tz(mapping.tz, p)
        if len(bad) and zone is None:
            i = int(bad[0]) + 1
            raise WeatherFileError(p, f"timestamp {naive[i]} comes before the previous one ({naive[i - 1]}): "
                                      "timestamps must increase", row_line(i))
        utc, interp = localize_local_times(naive, mapping.tz, local_time=mapping.local_time, path=p)
        if zone is not None:
            offset = _standard_offset_hours(zone, int(naive[0].year))
    utc_naive = utc.tz_localize(None)
    bad = np.flatnonzero(np.diff(_ns(utc_naive)) <= 0)
    if len(bad):
        i = int(bad[0]) + 1
        raise WeatherFileError(p, f"timestamp {stamps[i]} is not after the previous one ({stamps[i - 1]}): "
                                  "timestamps must increase (sort the file and remove repeated rows)", row_line(i))
    minutes = mapping.interval_minutes or _infer_interval(p, utc_naive, 0)
    if mapping.label == "instant":
        starts = utc.floor(f"{minutes}min")
    elif mapping.label == "end":
        starts = utc - pd.Timedelta(minutes=minutes)
    else:
        starts = utc
    _check_steps(p, starts.tz_localize(None), minutes, 0, line_of=row_line)
    cols = {}
    for name, col in mapped.items():
        num = pd.to_numeric(table[col], errors="coerce")
        raw = table[col].astype(str).str.strip()
        bad = np.flatnonzero(num.isna().to_numpy() & ~raw.isin(["", "nan", "NaN", "NA", "N/A", "None", "-"]).to_numpy())
        if len(bad):
            raise WeatherFileError(p, f"{col} is {raw.iloc[bad[0]]!r}, not a number", row_line(int(bad[0])))
        a = num.to_numpy(float)
        if name in ("ghi", "dni", "dhi") and mapping.units.replace("²", "2").replace(" ", "") == "Wh/m2":
            a = a * 60.0 / minutes
        cols[name] = a
    data = _frame(starts, cols)
    notes = [f"timestamps read as {interp} in {tz_name}; labels mark the interval {mapping.label}"
             + (f"; irradiance converted from Wh/m² per {minutes} min to W/m²" if "Wh" in mapping.units else "")]
    if interp == "civil":
        notes.append("the stamps follow civil (daylight-saving) time; the repeated autumn hour was resolved by order")
    elif interp == "standard" and _in_dst(stamps, mapping.tz):
        notes.append(f"some stamps fall in a daylight-saving period of {tz_name}; they were read as local standard "
                     "time (as meteorological loggers record) — import with local_time='civil' if the logger "
                     "followed the wall clock")
    data, gap_note = _regularise(data, minutes)
    if gap_note:
        notes.append(gap_note)
    local_years = sorted(set((data.index + pd.Timedelta(hours=offset)).year))
    missing = [c for c in WEATHER_COLUMNS if c not in mapped]
    if missing:
        notes.append(f"no {', '.join(missing)} in the file: left NaN")
    return data, _meta(p, fmt="measured", source=source or f"measured {p.name}", kind="measured",
                       year=local_years[0] if len(local_years) == 1 else None,
                       latitude=math.nan if latitude is None else latitude,
                       longitude=math.nan if longitude is None else longitude,
                       altitude=altitude, tz=tz_name, utc_offset=offset, interval_minutes=minutes, notes=notes,
                       years=local_years, local_time=interp, mapping={k: str(v) for k, v in mapped.items()})


class _MixedStamps(ValueError):
    """Some timestamps carry a UTC offset and others do not; ``position`` is the first that differs."""

    def __init__(self, position: int, reason: str):
        self.position = position
        super().__init__(reason)


def _parse_flexible(text: pd.Series) -> pd.Series:
    """ISO/common stamps, keeping an offset when every stamp carries one.

    Raises :class:`_MixedStamps` when only some stamps carry an offset."""
    has_offset = text.str.contains(r"(?:[+-]\d{2}:?\d{2}|Z)$", regex=True)
    if has_offset.any() and not has_offset.all():
        flags = has_offset.to_numpy()
        i = int(np.flatnonzero(flags != flags[0])[0])
        raise _MixedStamps(i, "has a UTC offset while the stamps before it have none" if flags[i] else
                           "has no UTC offset while the stamps before it have one")
    if has_offset.all():
        out = pd.to_datetime(text, errors="coerce", utc=True, format="ISO8601")
        if out.notna().all():
            first = pd.Timestamp(text.iloc[0])
            return out.dt.tz_convert(first.tz)
        return out
    try:
        return pd.to_datetime(text, errors="coerce", format="ISO8601")
    except (ValueError, TypeError):
        pass
    try:
        return pd.to_datetime(text, errors="coerce", format="mixed")
    except (ValueError, TypeError) as exc:
        raise _MixedStamps(0, f"and the stamps after it cannot be read together ({exc})") from None


def _read_table(p: Path, mapping: ColumnMapping):
    """``(DataFrame of strings/values, line_of(row_label) -> int)``; header on line/row 1."""
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        try:
            table = pd.read_excel(p, sheet_name=mapping.sheet if mapping.sheet is not None else 0, dtype=object)
        except FileNotFoundError:
            raise WeatherFileError(p, "no such file") from None
        except Exception as exc:
            raise WeatherFileError(p, f"cannot read the workbook: {exc}") from None
        table.columns = [str(c).strip() for c in table.columns]
        return table, lambda i: 1 if i == -1 else int(i) + 2
    text = _read_text(p, mapping.encoding)
    lines = _lines(text)
    delim = mapping.delimiter
    if delim is None:
        first = lines[0]
        delim = max((",", ";", "\t"), key=first.count)
    n_fields = len(lines[0].split(delim))
    if n_fields > MAX_TABLE_COLUMNS:  # e.g. a damaged JSON or binary file: refuse before pandas chews on it
        raise WeatherFileError(p, f"the header has {n_fields} columns; a weather table has at most "
                                  f"{MAX_TABLE_COLUMNS} (is this a table at all?)", 1)
    for i, ln in enumerate(lines[1:], start=2):
        if ln.strip() and len(ln.split(delim)) != n_fields:
            if '"' in ln:
                break  # quoted fields: let the CSV parser judge
            raise WeatherFileError(p, f"{len(ln.split(delim))} fields where the header has {n_fields} "
                                      "(truncated, damaged or misaligned line)", i)
    try:
        # index_col=False: a line with a field too many is an error, never a silently shifted index
        table = pd.read_csv(io.StringIO("\n".join(lines)), sep=delim, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, index_col=False)
    except Exception as exc:
        raise WeatherFileError(p, f"cannot read the table: {exc}") from None
    table.columns = [str(c).strip() for c in table.columns]
    table = table.replace("", np.nan)
    return table, lambda i: 1 if i == -1 else int(i) + 2


# --- several years -------------------------------------------------------------------------------

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


# --- online: PVGIS -------------------------------------------------------------------------------

def _network_error(service: str, exc: Exception, timeout: float) -> WeatherNetworkError:
    import requests
    if isinstance(exc, requests.Timeout):
        why = f"no answer within {timeout:g} s"
    elif isinstance(exc, requests.ConnectionError):
        why = "no connection (offline?)"
    else:
        why = str(exc)
    return WeatherNetworkError(f"{service} is unreachable: {why}. Work offline with 'weather synth' "
                               "(a synthetic typical year) or import a weather file.")


def get_pvgis_tmy(latitude: float, longitude: float, *, timeout: float = 10.0,
                  year: int = TYPICAL_YEAR, url: Optional[str] = None) -> tuple[pd.DataFrame, dict]:
    """Fetch a PVGIS TMY (with the terrain horizon) for a site via :func:`pvlib.iotools.get_pvgis_tmy`.

    Returns the same convention as :func:`read_pvgis_tmy`. A short ``timeout`` [s]; an offline
    machine gets :class:`WeatherNetworkError` with a clear message, never a hang.
    """
    import pvlib
    import requests

    kwargs = {"outputformat": "json", "usehorizon": True, "map_variables": True, "timeout": timeout,
              "coerce_year": None}
    if url:
        kwargs["url"] = url
    try:
        raw, pmeta = pvlib.iotools.get_pvgis_tmy(latitude, longitude, **kwargs)
    except requests.RequestException as exc:
        raise _network_error("PVGIS", exc, timeout) from None
    idx = raw.index.tz_convert("UTC").tz_localize(None)
    notes = ["fetched from PVGIS; stamps are UTC; the stamp's hour is the interval start"]
    starts, keep = _typical_year_starts("PVGIS response", idx.month, idx.day, idx.hour, 0, notes, year)
    cols = {c: np.asarray(raw[c], float)[keep] for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure")
            if c in raw}
    loc = pmeta.get("inputs", {}).get("location", {})
    return _frame(starts.tz_localize("UTC"), cols), _meta(
        None, fmt="pvgis_tmy", source="PVGIS TMY (online)", kind="tmy", year=None, latitude=latitude,
        longitude=longitude, altitude=loc.get("elevation"), tz="UTC", utc_offset=0.0, interval_minutes=60,
        notes=notes, months_selected=pmeta.get("months_selected"))


def get_pvgis_horizon(latitude: float, longitude: float, *, timeout: float = 10.0,
                      url: Optional[str] = None) -> pd.Series:
    """Terrain horizon elevation [°] by azimuth [°, north = 0, clockwise] from PVGIS.

    Raises :class:`WeatherNetworkError` when PVGIS cannot be reached within ``timeout`` [s].
    """
    import pvlib
    import requests

    kwargs = {"timeout": timeout}
    if url:
        kwargs["url"] = url
    try:
        horizon, _meta_ = pvlib.iotools.get_pvgis_horizon(latitude, longitude, **kwargs)
    except requests.RequestException as exc:
        raise _network_error("PVGIS", exc, timeout) from None
    return horizon


def pvgis_tmy_cached(store, latitude: float, longitude: float, *, timeout: float = 10.0, refresh: bool = False,
                     fetch=None) -> tuple[pd.DataFrame, dict, Optional[pd.Series]]:
    """PVGIS TMY and horizon for a site, from the store's cache or (when missing or ``refresh``) from PVGIS.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    latitude, longitude : float
        Site [°].
    timeout : float
        Network timeout per request [s].
    refresh : bool
        Fetch even when cached.
    fetch : callable, optional
        ``fetch(latitude, longitude, timeout) -> (data, metadata, horizon)``; defaults to PVGIS via pvlib
        (tests pass their own).

    Returns
    -------
    (data, metadata, horizon)
        ``metadata['cached']`` tells whether it came from the cache. Offline with nothing cached:
        :class:`WeatherNetworkError`.
    """
    cached = None if refresh else pvgis_cache_get(store, "tmy", latitude, longitude)
    if cached is None:
        fetch = fetch or _fetch_pvgis
        data, meta, horizon = fetch(latitude, longitude, timeout)
        payload = {"data": json.loads(data.to_json(orient="split", date_format="iso")), "metadata": meta,
                   "horizon": None if horizon is None else {str(k): float(v) for k, v in horizon.items()}}
        pvgis_cache_put(store, "tmy", latitude, longitude, payload)
        return data, {**meta, "cached": False}, horizon
    payload = cached["payload"]
    split = payload["data"]
    data = pd.DataFrame(split["data"], columns=split["columns"], index=pd.to_datetime(split["index"], utc=True),
                        dtype=float)
    data.index.name = "time"
    data = data.reindex(columns=[c for c in (*WEATHER_COLUMNS, *OPTIONAL_COLUMNS) if c in data.columns])
    horizon = None if payload.get("horizon") is None else pd.Series(
        {float(k): v for k, v in payload["horizon"].items()}, name="horizon_elevation")
    return data, {**payload["metadata"], "cached": True, "fetched_utc": cached["fetched_utc"]}, horizon


def _fetch_pvgis(latitude, longitude, timeout):
    data, meta = get_pvgis_tmy(latitude, longitude, timeout=timeout)
    horizon = get_pvgis_horizon(latitude, longitude, timeout=timeout)
    return data, meta, horizon
