"""Measured weather in a CSV or XLSX table: :class:`ColumnMapping` says how to read it, :func:`read_measured` reads it.

The table needs a header line; the timestamp and weather columns are named in the mapping or
recognised by common names (English and Chinese). Stamps are read in the mapping's zone
(:func:`~solarfleet.models.weather.timezones.localize_local_times` for local time with DST) and
label the interval start, its end or an instant inside it.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from solarfleet.models.datefmt import AmbiguousDates, normalise_dates
from solarfleet.models.xlsx_guard import check_xlsx
from solarfleet.models.weather.convention import (ALLOWED_INTERVALS, OPTIONAL_COLUMNS, WEATHER_COLUMNS,
                                                  WeatherFileError, WeatherFileQuestion, check_steps, file_text, infer_interval,
                                                  regularise, stamps_ns, text_lines, weather_frame, weather_metadata)
from solarfleet.models.weather.timezones import (fixed_offset_tz, in_dst, localize_local_times, parse_tz,
                                                 standard_offset_hours)

__all__ = ["ColumnMapping", "read_measured"]

#: Most columns a measured-weather CSV may have (more means it is not a weather table).
MAX_TABLE_COLUMNS = 500

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
    dayfirst : bool, optional
        Numeric dates such as ``02/01/2023`` are day-first (True) or month-first (False). When None the
        order is decided from the data, and a file that reads both ways is refused
        (:func:`solarfleet.models.datefmt.date_order`).
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
    dayfirst: Optional[bool] = None
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
    mapping = _as_mapping(path, mapping)
    p = Path(path)
    table, line_of = _read_table(p, mapping)
    ts_cols = _timestamp_columns(p, table, mapping, line_of)
    mapped = _weather_columns(p, table, mapping, line_of)
    table = table.dropna(how="all")
    if table.empty:
        raise WeatherFileError(p, "no data rows under the header", 2)
    stamps = _parse_stamps(p, table, ts_cols, mapping, line_of)
    rows = table.index
    row_line = lambda i: line_of(rows[i])  # noqa: E731
    utc, interp, tz_name, offset = _stamps_to_utc(p, stamps, mapping, row_line)
    starts, minutes = _interval_starts(p, utc, stamps, mapping, row_line)
    data = weather_frame(starts, _numeric_columns(p, table, mapped, mapping, minutes, row_line))
    notes = _notes(stamps, mapping, interp, tz_name, minutes)
    data, gap_note = regularise(data, minutes)
    if gap_note:
        notes.append(gap_note)
    local_years = sorted(set((data.index + pd.Timedelta(hours=offset)).year))
    missing = [c for c in WEATHER_COLUMNS if c not in mapped]
    if missing:
        notes.append(f"no {', '.join(missing)} in the file: left NaN")
    return data, weather_metadata(
        p, fmt="measured", source=source or f"measured {p.name}", kind="measured",
        year=local_years[0] if len(local_years) == 1 else None,
        latitude=math.nan if latitude is None else latitude, longitude=math.nan if longitude is None else longitude,
        altitude=altitude, tz=tz_name, utc_offset=offset, interval_minutes=minutes, notes=notes,
        years=local_years, local_time=interp, mapping={k: str(v) for k, v in mapped.items()})


def _as_mapping(path, mapping) -> ColumnMapping:
    """``mapping`` as a :class:`ColumnMapping` (None: the default; a dict: its fields)."""
    if mapping is None:
        return ColumnMapping()
    if isinstance(mapping, ColumnMapping):
        return mapping
    try:
        return ColumnMapping(**dict(mapping))
    except (TypeError, ValueError) as exc:
        raise WeatherFileError(path, f"bad column mapping: {exc}") from None


def _columns_found(table: pd.DataFrame) -> str:
    """The table's first column names, for error messages."""
    return ", ".join(map(str, table.columns[:12]))


def _lower_names(table: pd.DataFrame) -> dict:
    """Stripped lower-case column name → column."""
    return {str(c).strip().lower(): c for c in table.columns}


def _timestamp_columns(p: Path, table: pd.DataFrame, mapping: ColumnMapping, line_of) -> list:
    """The column(s) holding the timestamp: the mapping's, or one with a common name."""
    ts_spec = mapping.timestamp
    if ts_spec is None:
        cols_lower = _lower_names(table)
        ts_spec = next((cols_lower[n] for n in _AUTO_NAMES["timestamp"] if n in cols_lower), None)
        if ts_spec is None:
            raise WeatherFileError(p, "no timestamp column recognised (looked for "
                                      f"{', '.join(_AUTO_NAMES['timestamp'][:5])}); give the column mapping "
                                      f"(columns found: {_columns_found(table)})", line_of(-1))
    ts_cols = [ts_spec] if isinstance(ts_spec, str) else list(ts_spec)
    for c in ts_cols:
        if c not in table.columns:
            raise WeatherFileError(p, f"no column {c!r} (columns found: {_columns_found(table)})", line_of(-1))
    return ts_cols


def _weather_columns(p: Path, table: pd.DataFrame, mapping: ColumnMapping, line_of) -> dict:
    """pvlib name → table column: the mapping's, or columns with common names; ``ghi`` is required."""
    mapped = dict(mapping.columns)
    if not mapped:
        cols_lower = _lower_names(table)
        for name in WEATHER_COLUMNS:
            hit = next((cols_lower[n] for n in _AUTO_NAMES[name] if n in cols_lower), None)
            if hit is not None:
                mapped[name] = hit
    for name, col in mapped.items():
        if col not in table.columns:
            raise WeatherFileError(p, f"no column {col!r} for {name} (columns found: "
                                      f"{_columns_found(table)})", line_of(-1))
    if "ghi" not in mapped:
        raise WeatherFileError(p, "no GHI column: map one with columns={'ghi': '<column name>'} (columns found: "
                                  f"{_columns_found(table)})", line_of(-1))
    return mapped


def _parse_stamps(p: Path, table: pd.DataFrame, ts_cols: list, mapping: ColumnMapping,
                  line_of) -> pd.DatetimeIndex:
    """The rows' timestamps (naive, or tz-aware when the stamps carry an offset), years 1800–2200."""
    # a blank cell is NaN (a float column when all are blank): read it as empty text, refused below by line
    text = table[ts_cols[0]].astype(object).fillna("").astype(str).str.strip() if len(ts_cols) == 1 else \
        table[ts_cols].astype(object).fillna("").astype(str).apply(lambda r: " ".join(s.strip() for s in r), axis=1)
    if len(ts_cols) == 1 and pd.api.types.is_datetime64_any_dtype(table[ts_cols[0]]):
        stamps = pd.to_datetime(table[ts_cols[0]])
    else:
        try:
            stamps = pd.to_datetime(text, format=mapping.timestamp_format, errors="coerce",
                                    utc=False) if mapping.timestamp_format else _parse_flexible(
                pd.Series(normalise_dates(list(text), mapping.dayfirst), index=text.index))
        except AmbiguousDates as exc:
            error = WeatherFileQuestion if exc.choices else WeatherFileError
            raise error(p, f"{exc}: say which with --dayfirst or --monthfirst (dayfirst=True/False), or give "
                           "--timestamp-format such as %d/%m/%Y %H:%M", line_of(table.index[exc.position]),
                        **_question("dayfirst", exc.choices)) from None
        except _MixedStamps as exc:
            raise WeatherFileError(p, f"timestamp {text.iloc[exc.position]!r} {exc}",
                                   line_of(table.index[exc.position])) from None
    if isinstance(stamps, pd.Series) and stamps.isna().any():
        i = int(np.flatnonzero(stamps.isna().to_numpy())[0])
        fmt_hint = f" with format {mapping.timestamp_format!r}" if mapping.timestamp_format else ""
        raise WeatherFileError(p, f"timestamp {text.iloc[i]!r} cannot be read{fmt_hint}", line_of(table.index[i]))
    stamps = pd.DatetimeIndex(stamps)
    odd = np.flatnonzero((stamps.year < 1800) | (stamps.year > 2200))
    if len(odd):
        raise WeatherFileError(p, f"timestamp {text.iloc[int(odd[0])]!r} is not a date between the years 1800 and "
                                  "2200", line_of(table.index[int(odd[0])]))
    return stamps


def _stamps_to_utc(p: Path, stamps: pd.DatetimeIndex, mapping: ColumnMapping, row_line):
    """``(UTC stamps, interpretation, zone name, standard offset [h])`` of the file's stamps."""
    if stamps.tz is not None:
        utc = stamps.tz_convert("UTC")
        interp = "offset in the stamps"
        _, _, tz_name = parse_tz(mapping.tz, p)
        offset = stamps[0].utcoffset().total_seconds() / 3600
        tz_name = tz_name if mapping.tz != "UTC" else fixed_offset_tz(offset)
        return utc, interp, tz_name, offset
    naive = stamps
    bad = np.flatnonzero(np.diff(stamps_ns(naive)) < 0)
    zone, offset, tz_name = parse_tz(mapping.tz, p)
    if len(bad) and zone is None:
        i = int(bad[0]) + 1
        raise WeatherFileError(p, f"timestamp {naive[i]} comes before the previous one ({naive[i - 1]}): "
                                  "timestamps must increase", row_line(i))
    utc, interp = localize_local_times(naive, mapping.tz, local_time=mapping.local_time, path=p)
    if zone is not None:
        offset = standard_offset_hours(zone, int(naive[0].year))
    return utc, interp, tz_name, offset


def _interval_starts(p: Path, utc: pd.DatetimeIndex, stamps: pd.DatetimeIndex, mapping: ColumnMapping,
                     row_line) -> tuple[pd.DatetimeIndex, int]:
    """``(interval starts [UTC], interval [min])`` from the stamps and the mapping's label."""
    utc_naive = utc.tz_localize(None)
    bad = np.flatnonzero(np.diff(stamps_ns(utc_naive)) <= 0)
    if len(bad):
        i = int(bad[0]) + 1
        raise WeatherFileError(p, f"timestamp {stamps[i]} is not after the previous one ({stamps[i - 1]}): "
                                  "timestamps must increase (sort the file and remove repeated rows)", row_line(i))
    minutes = mapping.interval_minutes or infer_interval(p, utc_naive, 0)
    if mapping.label == "instant":
        starts = utc.floor(f"{minutes}min")
    elif mapping.label == "end":
        starts = utc - pd.Timedelta(minutes=minutes)
    else:
        starts = utc
    check_steps(p, starts.tz_localize(None), minutes, 0, line_of=row_line)
    return starts, minutes


def _numeric_columns(p: Path, table: pd.DataFrame, mapped: dict, mapping: ColumnMapping, minutes: int,
                     row_line) -> dict:
    """pvlib name → float array; irradiance in Wh/m² per interval becomes W/m²."""
    cols = {}
    for name, col in mapped.items():
        num = pd.to_numeric(table[col], errors="coerce")
        raw = table[col].astype(str).str.strip().fillna("")  # pandas 3 keeps a blank cell missing in str
        bad = np.flatnonzero(num.isna().to_numpy() & ~raw.isin(["", "nan", "NaN", "NA", "N/A", "None", "-"]).to_numpy())
        if len(bad):
            raise WeatherFileError(p, f"{col} is {raw.iloc[bad[0]]!r}, not a number", row_line(int(bad[0])))
        a = num.to_numpy(float)
        if name in ("ghi", "dni", "dhi") and mapping.units.replace("²", "2").replace(" ", "") == "Wh/m2":
            a = a * 60.0 / minutes
        cols[name] = a
    return cols


def _notes(stamps: pd.DatetimeIndex, mapping: ColumnMapping, interp: str, tz_name: str, minutes: int) -> list:
    """What the reader did with the stamps and units, in plain words."""
    notes = [f"timestamps read as {interp} in {tz_name}; labels mark the interval {mapping.label}"
             + (f"; irradiance converted from Wh/m² per {minutes} min to W/m²" if "Wh" in mapping.units else "")]
    if interp == "civil":
        notes.append("the stamps follow civil (daylight-saving) time; the repeated autumn hour was resolved by order")
    elif interp == "standard" and in_dst(stamps, mapping.tz):
        notes.append(f"some stamps fall in a daylight-saving period of {tz_name}; they were read as local standard "
                     "time (as meteorological loggers record) — import with local_time='civil' if the logger "
                     "followed the wall clock")
    return notes


def _question(option: str, choices) -> dict:
    """Keyword arguments of a question error, or none for a plain error (no choices)."""
    return {"option": option, "choices": choices} if choices else {}


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
        out = pd.to_datetime(text, errors="coerce", format="ISO8601")
        if out.notna().all():
            return out
    except (ValueError, TypeError):
        pass
    try:
        return pd.to_datetime(text, errors="coerce", format="mixed")
    except (ValueError, TypeError) as exc:
        raise _MixedStamps(0, f"and the stamps after it cannot be read together ({exc})") from None


def _read_table(p: Path, mapping: ColumnMapping):
    """``(DataFrame of strings/values, line_of(row_label) -> int)``; header on line/row 1."""
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        if p.suffix.lower() != ".xls" and p.is_file():
            try:
                check_xlsx(p)
            except ValueError as exc:
                raise WeatherFileError(p, str(exc).split(": ", 1)[-1]) from None
        try:
            table = pd.read_excel(p, sheet_name=mapping.sheet if mapping.sheet is not None else 0, dtype=object)
        except FileNotFoundError:
            raise WeatherFileError(p, "no such file") from None
        except Exception as exc:
            raise WeatherFileError(p, f"cannot read the workbook: {exc}") from None
        table.columns = [str(c).strip() for c in table.columns]
        return table, lambda i: 1 if i == -1 else int(i) + 2
    text = file_text(p, mapping.encoding)
    lines = text_lines(text)
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
