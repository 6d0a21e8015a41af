"""The weather convention every reader returns, its errors, and the helpers the readers share.

Every ``read_*`` function of :mod:`solarfleet.models.weather`, and
:func:`~solarfleet.models.weather.pvgis.get_pvgis_tmy`, returns ``(data, metadata)``:

``data``
    A :class:`pandas.DataFrame` on a regular, tz-aware **UTC** :class:`~pandas.DatetimeIndex`
    of interval **starts**, with pvlib's column names ``ghi``, ``dni``, ``dhi`` [W/m²] (mean
    irradiance over the interval), ``temp_air`` [°C], ``wind_speed`` [m/s] and, when the file has
    them, ``albedo`` [-] and ``pressure`` [Pa]. Missing values are NaN — never zero.
``metadata``
    A dict with at least ``interval_minutes``, ``label`` (always ``"start"``), ``source``,
    ``format``, ``latitude``, ``longitude``, ``altitude``, ``tz`` (the file's zone: IANA name or
    ``Etc/GMT±h`` for a fixed offset), ``utc_offset`` [h] (the file's standard offset), ``kind``
    (``"tmy"``, ``"measured"``, ``"satellite"``, ``"synthetic"`` or ``"clearsky"``), ``year`` (None for a typical
    year), ``file`` and ``notes`` (a list of what the importer did, in plain words).

Time conventions (what each importer assumes, see the readers for details):

* EPW, TMY3 and TMY2 label hours 1–24, hour **ending**, in local **standard** time. Hour ``h``
  becomes the interval starting at ``h − 1``.
* PVGIS (TMY and hourly series) is in UTC. A stamp ``HH:MM`` is put into the interval that
  contains it (PVGIS hourly series stamp the satellite slot, e.g. ``HH:10``).
* NSRDB PSM and SAM CSV files stamp instants (``HH:30`` for hourly NSRDB); the stamp's
  interval (floor to the interval length) is the one it describes.
* A typical year (months drawn from different years) becomes ONE continuous non-leap year,
  :data:`TYPICAL_YEAR`, in the file's standard time, then UTC. A 29 February in a typical
  file is dropped and noted.
* China's daylight saving time (1986–1991): see
  :func:`solarfleet.models.weather.timezones.localize_local_times`. Files in a zone with DST are
  read as local standard time unless the stamps themselves show civil time (a repeated autumn
  hour and no spring hour), so no hour is ever missing or duplicated.

Errors are :class:`WeatherFileError` naming the file and, where it applies, the line.

The helpers below (text, numbers, the frame and metadata builders, the interval grid) are shared
by the reader modules; they are not part of the package's reader API.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from solarfleet.models.import_question import Choice, ImportQuestion

__all__ = ["TYPICAL_YEAR", "WEATHER_COLUMNS", "OPTIONAL_COLUMNS", "FORMATS", "SATELLITE_FORMATS", "ALLOWED_INTERVALS",
           "WeatherFileError", "WeatherFileQuestion", "WeatherNetworkError",
           "file_text", "text_lines", "parse_float", "nan_where", "check_location",
           "weather_frame", "weather_metadata",
           "stamps_ns", "check_steps", "regularise", "infer_interval"]

#: The year a typical (TMY) file is laid on: a non-leap year, so 8760 hours.
TYPICAL_YEAR = 2023
#: Columns every weather set has (NaN where the source had no value).
WEATHER_COLUMNS = ("ghi", "dni", "dhi", "temp_air", "wind_speed")
#: Columns kept when the source has them.
OPTIONAL_COLUMNS = ("albedo", "pressure")
#: Format names accepted by :func:`solarfleet.models.weather.detect.read_weather` (``format=``).
FORMATS = ("epw", "tmy3", "tmy2", "pvgis_tmy", "pvgis_hourly", "nsrdb", "sam", "measured",
           "pvwatts_hourly", "pvsyst", "meteonorm", "solcast", "solargis")
#: Formats whose actual-year series are satellite-derived or reanalysis data (NASA POWER, PVGIS, NSRDB PSM, Solcast,
#: Solargis): a year of them is kind ``"satellite"`` — a real historical year, modelled, never ``"measured"``.
SATELLITE_FORMATS = ("nasa_power_hourly", "pvgis_hourly", "nsrdb", "solcast", "solargis")
#: Interval lengths a measured file may have [min].
ALLOWED_INTERVALS = (1, 5, 10, 15, 30, 60)


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
        self.line = line if line is not None and line >= 1 else None  # never "line 0"
        line = self.line
        message = _one_line(message)
        self.reason = message
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class WeatherFileQuestion(ImportQuestion, WeatherFileError):
    """A weather file that reads in more than one way (:class:`~solarfleet.models.import_question.ImportQuestion`):
    ``WeatherFileQuestion(path, message, line, option=…, choices=…)``."""


def _one_line(message: str) -> str:
    """A library's multi-line explanation (pandas lists alternatives) cut to its first line."""
    lines = [ln.strip() for ln in str(message).splitlines() if ln.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return lines[0].rstrip(".:") + " …"


class WeatherNetworkError(RuntimeError):
    """An online weather service could not be reached or refused the request."""


# --- text and numbers ----------------------------------------------------------------------------

def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


def file_text(path, encoding: Optional[str] = None) -> str:
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
            sample = (bad_line.decode("utf-8", "replace").strip()[:60], as_gbk.strip()[:60])
            raise WeatherFileQuestion(
                p, f"the text is GBK/GB18030-encoded Chinese ({as_gbk.strip()[:40]!r}), not UTF-8. Save the file "
                   "as UTF-8 (Excel: 'CSV UTF-8'), or import it as a measured file with encoding 'gbk'",
                line, option="encoding", choices=(Choice("gbk", (sample,)),)) from None
        raise WeatherFileError(p, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                               line) from None


def text_lines(text: str) -> list[str]:
    """The lines of ``text`` without trailing blank lines."""
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def parse_float(path, value: str, line: int, what: str) -> float:
    """``value`` as a float; not a number, or empty, is an error naming ``what`` and the line."""
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise WeatherFileError(path, f"{what} is {value.strip()!r}, not a number", line) from None
    if math.isnan(out):
        raise WeatherFileError(path, f"{what} is empty", line)
    return out


def nan_where(values, missing) -> np.ndarray:
    """Float array with values matching ``missing(values)`` set to NaN."""
    a = np.asarray(values, dtype=float).copy()
    a[missing(a)] = np.nan
    return a


def check_location(path, lat, lon, line=None):
    """Raise when latitude [°] or longitude [°] is out of range."""
    if not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
        raise WeatherFileError(path, f"latitude {lat} / longitude {lon} out of range", line)


# --- the frame and its metadata ------------------------------------------------------------------

def weather_frame(index_utc: pd.DatetimeIndex, columns: Mapping[str, object]) -> pd.DataFrame:
    """A weather frame in the convention: every :data:`WEATHER_COLUMNS`, and the optional ones that have a value."""
    data = pd.DataFrame(index=pd.DatetimeIndex(index_utc, name="time"))
    for name in WEATHER_COLUMNS:
        values = columns.get(name)
        data[name] = np.nan if values is None else np.asarray(values, dtype=float)
    for name in OPTIONAL_COLUMNS:  # kept only when the source has at least one value
        if columns.get(name) is not None and np.isfinite(np.asarray(columns[name], dtype=float)).any():
            data[name] = np.asarray(columns[name], dtype=float)
    return data


def weather_metadata(path, *, fmt: str, source: str, kind: str, year, latitude, longitude, altitude, tz: str,
                     utc_offset, interval_minutes: int, notes: list, **extra) -> dict:
    """The metadata dict of the convention; ``extra`` keys are added as they are.

    An actual-year ``kind="measured"`` of a :data:`SATELLITE_FORMATS` format becomes ``"satellite"``.
    """
    kind = "satellite" if kind == "measured" and fmt in SATELLITE_FORMATS else kind
    meta = {"format": fmt, "source": source, "kind": kind, "year": year, "interval_minutes": int(interval_minutes),
            "label": "start", "latitude": float(latitude), "longitude": float(longitude),
            "altitude": None if altitude is None or (isinstance(altitude, float) and math.isnan(altitude))
            else float(altitude), "tz": tz, "utc_offset": utc_offset,
            "file": None if path is None else str(path), "notes": notes}
    meta.update(extra)
    return meta


# --- the interval grid ---------------------------------------------------------------------------

def stamps_ns(index) -> np.ndarray:
    """Stamps as int64 nanoseconds, whatever the index's resolution (pandas 3 defaults to µs)."""
    return pd.DatetimeIndex(index).as_unit("ns").asi8


def check_steps(path, naive: pd.DatetimeIndex, interval_minutes: int, first_line: int,
                line_of=None) -> None:
    """Raise on a stamp that does not move forward, or that is off the interval grid."""
    if len(naive) < 2:
        return
    step = np.diff(stamps_ns(naive))
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


def regularise(data: pd.DataFrame, interval_minutes: int) -> tuple[pd.DataFrame, Optional[str]]:
    """Reindex onto the full regular range; missing intervals become NaN rows (reported, never zero)."""
    if data.empty:
        return data, None
    full = pd.date_range(data.index[0], data.index[-1], freq=f"{interval_minutes}min", name="time")
    if len(full) == len(data):
        return data, None
    missing = len(full) - len(data)
    return data.reindex(full), f"{missing} missing intervals in the file were added as NaN rows"


def infer_interval(path, naive: pd.DatetimeIndex, first_line: int, line_of=None) -> int:
    """The interval of the stamps [min]: their most common step, which must be one of :data:`ALLOWED_INTERVALS`."""
    if len(naive) < 2:
        raise WeatherFileError(path, "fewer than two data rows: cannot tell the interval", first_line)
    steps = np.diff(stamps_ns(naive)) // (60 * 10 ** 9)
    pos = steps[steps > 0]
    if len(pos) == 0:
        raise WeatherFileError(path, "all timestamps are equal", first_line)
    minutes = int(pd.Series(pos).mode()[0])
    if minutes not in ALLOWED_INTERVALS:
        raise WeatherFileError(path, f"the data are every {minutes} minutes; supported intervals are "
                                     f"{', '.join(map(str, ALLOWED_INTERVALS))} minutes", first_line + 1)
    return minutes
