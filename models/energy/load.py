"""Consumption (meter) data: read CSV/XLSX meter files, sum meters, resample with energy conserved.

Every function here returns or takes consumption as a :class:`pandas.Series` of mean
power [W] over each interval, indexed by a tz-aware UTC :class:`~pandas.DatetimeIndex`
of interval **starts** (the same convention as weather and simulation results).
Missing data stays ``NaN``: nothing is filled, interpolated or zeroed, and every gap or
duplicate found in a file is listed in the import report.

Sign conventions
----------------
A value read from a meter column is turned into a *consumption contribution* [W]:

* ``sign="import_positive"`` (default): positive values are energy drawn by the park's
  loads (a consumption meter or sub-meter). The value is added as is.
* ``sign="export_positive"``: positive values are energy leaving the metered point
  (e.g. a sub-meter of a tenant fed from the park's supply, or an export meter whose
  readings must be subtracted). The value is negated before the meters are summed.

The park's consumption is the sum of the contributions of all its meters. A meter at
the grid connection of a park that already has PV measures *net* exchange, not
consumption; add the PV yield before using it here (this module does not guess it).

Headerless files
----------------
A file with a single numeric column and no timestamps (such as NREL's 8,760-hour
``commercial_load.csv``) carries no times at all. :func:`read_meter` then needs
``start`` (local time of the first interval's start) and ``interval_minutes``; value
*i* is taken to cover ``[start + i·interval, start + (i+1)·interval)`` in ``tz``.
For an 8,760-value hourly file that is one non-leap year from 1 January 00:00 local
standard time — an assumption the caller states through ``start``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import math
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from solarfleet.models.datefmt import AmbiguousDates, normalise_dates
from solarfleet.models.import_question import ImportQuestion
from solarfleet.models.tznames import iana_zone
from solarfleet.models.xlsx_guard import check_xlsx

__all__ = ["LoadFileError", "LoadFileQuestion", "UNITS", "SIGNS", "read_meter", "sum_meters", "resample_energy", "energy_wh",
           "infer_interval_minutes", "MAX_FILE_VALUE", "MAX_LOAD_W"]

#: Accepted value units and how they are read: power units are mean power over the interval,
#: energy units are energy per interval.
UNITS = {"W": ("power", 1.0), "kW": ("power", 1e3), "MW": ("power", 1e6),
         "Wh": ("energy", 1.0), "kWh": ("energy", 1e3), "MWh": ("energy", 1e6)}
#: Sign conventions of a meter column (see the module docstring).
SIGNS = ("import_positive", "export_positive")
_TIME_HEADERS = ("timestamp", "time", "datetime", "date", "时间", "日期", "時刻", "日時")
_MAX_LISTED = 20  # line numbers listed per problem in a report
#: Largest magnitude of a value in a meter file, in the file's unit: 10 GW in W is the most any park
#: could draw; anything above is a damaged file or a unit mix-up.
MAX_FILE_VALUE = 1e10
#: Largest mean power a park's consumption may have [W] (10 GW), checked after unit conversion.
MAX_LOAD_W = 1e10


class LoadFileError(ValueError):
    """A meter file cannot be read as asked.

    Attributes
    ----------
    path : str
        The file.
    line : int or None
        1-based line (CSV) or row (XLSX) number of the problem, if it has one.
    column : str or None
        Column name (or 1-based number) of the problem, if it has one.
    reason : str
    """

    def __init__(self, path, reason: str, line: Optional[int] = None, column=None):
        lines = [ln.strip() for ln in str(reason).splitlines() if ln.strip()]  # one line, whatever a library said
        reason = lines[0] + (" …" if len(lines) > 1 else "") if lines else ""
        line = line if line is not None and line >= 1 else None  # never "line 0"
        self.path, self.reason, self.line, self.column = str(path), reason, line, column
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {reason}")


class LoadFileQuestion(ImportQuestion, LoadFileError):
    """A meter file that reads in more than one way (:class:`~solarfleet.models.import_question.ImportQuestion`):
    ``LoadFileQuestion(path, reason, line, column, option=…, choices=…)``."""


@dataclass
class _Table:
    header: Optional[list[str]]
    rows: list[tuple[int, list]]  # (1-based line/row number, cells)


# --- reading cells ------------------------------------------------------------------------------

def _read_table(path: Path, sheet) -> _Table:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            check_xlsx(path)
        except ValueError as exc:
            raise LoadFileError(path, str(exc).split(": ", 1)[-1]) from None
        try:
            import openpyxl
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises a zoo of types for a broken file
            raise LoadFileError(path, f"not a readable Excel workbook ({exc})") from None
        try:
            if sheet is None:
                ws = wb.worksheets[0]
            elif isinstance(sheet, int):
                ws = wb.worksheets[sheet]
            else:
                if sheet not in wb.sheetnames:
                    raise LoadFileError(path, f"no sheet named {sheet!r} (sheets: {', '.join(wb.sheetnames)})")
                ws = wb[sheet]
            raw = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
        finally:
            wb.close()
    elif suffix in (".csv", ".txt", ".tsv", ""):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = path.read_text(encoding="gb18030")  # Chinese meter exports
            except UnicodeDecodeError:
                raise LoadFileError(path, "not a text file in UTF-8 or GB18030") from None
        sample = text[:4096]
        delim = "\t" if suffix == ".tsv" or ("\t" in sample and "," not in sample) else (
            ";" if sample.count(";") > sample.count(",") else ",")
        raw = [(i, row) for i, row in enumerate(csv.reader(text.splitlines(), delimiter=delim), start=1)]
    else:
        raise LoadFileError(path, f"unknown file type {suffix!r} (use .csv or .xlsx)")
    raw = [(i, [None if (c is None or (isinstance(c, str) and not c.strip())) else c for c in r])
           for i, r in raw]
    raw = [(i, r) for i, r in raw if any(c is not None for c in r)]
    if not raw:
        raise LoadFileError(path, "the file holds no data")
    first = raw[0][1]
    header = None
    if any(isinstance(c, str) and _number_or_none(c) is None and _looks_like_time(c) is False for c in first):
        header = [("" if c is None else str(c).strip()) for c in first]
        while header and not header[-1]:
            header.pop()
        raw = raw[1:]
        if not raw:
            raise LoadFileError(path, "the file has a header but no data rows")
        rows = []
        for i, r in raw:  # empty trailing cells are a spreadsheet habit; a value past the header is an error
            extra = [c for c in r[len(header):] if c is not None]
            if extra:
                raise LoadFileError(path, f"{len(r)} cells where the header has {len(header)} "
                                          f"(misaligned or damaged line: {extra[0]!r} past the last column)",
                                    line=i)
            rows.append((i, r[:len(header)]))
        raw = rows
    return _Table(header, raw)


def _number_or_none(cell):
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell)
    try:
        return float(str(cell).strip().replace("\u2212", "-"))
    except ValueError:
        return None


def _looks_like_time(cell) -> bool:
    if isinstance(cell, (_dt.datetime, _dt.date)):
        return True
    try:
        pd.Timestamp(str(cell).strip())
        return True
    except (ValueError, TypeError):
        return False


def _column_index(path, table: _Table, spec, what: str) -> int:
    ncols = max(len(r) for _, r in table.rows)
    if isinstance(spec, int) and not isinstance(spec, bool):
        if not 0 <= spec < ncols:
            raise LoadFileError(path, f"{what} column index {spec} is out of range (the file has {ncols} columns)")
        return spec
    if table.header is None:
        raise LoadFileError(path, f"{what} column {spec!r} given by name, but the file has no header row")
    names = [h.casefold() for h in table.header]
    if str(spec).casefold() not in names:
        raise LoadFileError(path, f"no {what} column named {spec!r} (columns: {', '.join(table.header)})")
    return names.index(str(spec).casefold())


def _col_label(table: _Table, j: int):
    return table.header[j] if table.header and j < len(table.header) and table.header[j] else j + 1


# --- the importer -------------------------------------------------------------------------------

def read_meter(path, *, unit: str = "kW", tz: str = "Asia/Shanghai", label: str = "start",
               timestamp_column=None, value_columns: Optional[Sequence] = None,
               sign: str = "import_positive", interval_minutes: Optional[int] = None,
               start=None, sheet=None, duplicates: str = "error", meter: Optional[str] = None,
               dayfirst: Optional[bool] = None, timestamp_format: Optional[str] = None):
    """Read a meter file (CSV or XLSX) into consumption [W].

    Parameters
    ----------
    path : str or pathlib.Path
        The file. CSV (comma, semicolon or tab separated; UTF-8 or GB18030) or XLSX.
    unit : {'W', 'kW', 'MW', 'Wh', 'kWh', 'MWh'}
        Unit of the values: power units are mean power over the interval, energy units
        are energy per interval.
    tz : str
        IANA zone of naive timestamps in the file (ignored for timestamps that carry an
        offset). Ambiguous or non-existent local times (DST changes) are refused.
    label : {'start', 'end'}
        Whether a timestamp marks the start or the end of its interval.
    timestamp_column : str or int, optional
        Column of the timestamps; default: the first column whose header names a time,
        else the first column. Ignored for a headerless file without timestamps.
    value_columns : sequence of str or int, optional
        Meter columns to read; default: every other column. Several columns are
        several meters of the park and are summed (NaN in any makes the sum NaN).
    sign : {'import_positive', 'export_positive'}
        Sign convention of the values (see the module docstring).
    interval_minutes : int, optional
        Interval length [min], 1–60. Inferred from the timestamps when omitted; required
        for a file without timestamps.
    start : str or datetime, optional
        For a file without timestamps: local start of the first interval, e.g.
        ``"2023-01-01 00:00"``.
    sheet : str or int, optional
        XLSX sheet (default: the first).
    duplicates : {'error', 'first', 'mean'}
        What to do with a timestamp that appears twice with different values: refuse
        the file, keep the first, or average them. Exact repeats are dropped either way.
        All duplicates are listed in the report.
    meter : str, optional
        Name under which the series is stored (default: the file name without extension).
    dayfirst : bool, optional
        Numeric dates such as ``02/01/2023`` are day-first (True) or month-first (False); decided
        from the data when None, and a file that reads both ways is refused
        (:func:`solarfleet.models.datefmt.date_order`).
    timestamp_format : str, optional
        ``strftime`` format of the timestamps (e.g. ``%d.%m.%Y %H:%M``); overrides ``dayfirst``.

    Returns
    -------
    data : pandas.Series
        Consumption contribution, mean power over each interval [W]; regular UTC
        interval-start index; NaN where the file has no value.
    metadata : dict
        ``interval_minutes``, ``label`` ("start"), ``unit`` ("W"), ``source``, ``tz``, ``meter``
        (storage name), ``meters`` (the summed meters: the file for one value column, else the
        column names), ``columns``, ``sign``, ``file_unit``, ``start``/``end`` (UTC ISO).
    report : dict
        ``rows``, ``missing_intervals`` (count of NaN intervals), ``gaps`` (list of
        ``{"start", "end", "intervals"}``, UTC), ``blank_values`` (lines with an empty
        cell), ``duplicates`` (list of ``{"line", "timestamp", "action"}``),
        ``negative_values`` (count), ``energy_wh`` (over valid intervals).

    Raises
    ------
    LoadFileError
        Naming the file, and the line and column where there is one.
    """
    path = Path(path)
    zone = _check_arguments(path, unit, sign, label, duplicates, tz, interval_minutes)
    if not path.is_file():
        raise LoadFileError(path, "no such file")
    table = _read_table(path, sheet)
    tcol, has_times = _timestamp_column(path, table, timestamp_column)
    vcols = _value_columns(path, table, value_columns, tcol, has_times)
    columns = [str(_col_label(table, j)) for j in vcols]
    # One value column is one meter named after the file (headers are often just "kW"); several
    # columns are several meters named after their columns.
    names = [path.stem] if len(vcols) == 1 else (
        columns if table.header else [f"{path.stem}[{j + 1}]" for j in vcols])
    values, blank_lines = _read_values(path, table, vcols)
    lines = np.array([ln for ln, _ in table.rows])

    if has_times:
        if start is not None:
            raise LoadFileError(path, "start is only for files without timestamps")
        index = _read_timestamps(path, table, tcol, zone, tz, dayfirst, timestamp_format)
        order = np.argsort(index.asi8, kind="stable")
        unsorted = bool((np.diff(index.asi8) < 0).any())
        index, values, lines = index[order], values[order], lines[order]
        index, values, lines, dup_report = _resolve_duplicates(path, table, tcol, index, values, lines, duplicates)
        if interval_minutes is None:
            interval_minutes = _infer_interval(path, index)
        index = _interval_starts(path, table, tcol, index, lines, interval_minutes, label)
    else:
        index = _assumed_starts(path, len(table.rows), start, zone, interval_minutes)
        unsorted, dup_report = False, []

    try:
        watts = _consumption(values, index, interval_minutes, names, sign, unit)
    except ValueError as exc:
        raise LoadFileError(path, str(exc)) from None
    report = _import_report(len(table.rows), watts, index, interval_minutes, blank_lines, dup_report, unsorted)
    step = pd.Timedelta(minutes=interval_minutes)
    metadata = {
        "interval_minutes": int(interval_minutes), "label": "start", "unit": "W",
        "source": str(path), "tz": tz, "meters": names if meter is None or len(names) > 1 else [meter],
        "columns": columns, "meter": meter or path.stem,
        "sign": sign, "file_unit": unit, "file_label": label,
        "start": watts.index[0].isoformat(), "end": (watts.index[-1] + step).isoformat(),
        "assumed_start": None if has_times else str(start),
    }
    return watts, metadata, report


# --- the importer's steps -----------------------------------------------------------------------

def _check_arguments(path: Path, unit: str, sign: str, label: str, duplicates: str, tz: str,
                     interval_minutes) -> zoneinfo.ZoneInfo:
    """Refuse a bad argument of :func:`read_meter` before the file is read; return the zone of ``tz``."""
    if unit not in UNITS:
        raise LoadFileError(path, f"unit must be one of {', '.join(UNITS)} (got {unit!r})")
    if sign not in SIGNS:
        raise LoadFileError(path, f"sign must be one of {', '.join(SIGNS)} (got {sign!r})")
    if label not in ("start", "end"):
        raise LoadFileError(path, f"label must be 'start' or 'end' (got {label!r})")
    if duplicates not in ("error", "first", "mean"):
        raise LoadFileError(path, f"duplicates must be 'error', 'first' or 'mean' (got {duplicates!r})")
    try:
        zone = iana_zone(tz)
    except ValueError:
        raise LoadFileError(path, f"unknown time zone {tz!r}: use an IANA name such as 'Asia/Shanghai'") from None
    if interval_minutes is not None:
        if isinstance(interval_minutes, bool) or not isinstance(interval_minutes, int) \
                or not 1 <= interval_minutes <= 60 or 60 % interval_minutes:
            raise LoadFileError(path, f"interval_minutes must be a divisor of 60 between 1 and 60 "
                                      f"(got {interval_minutes!r})")
    return zone


def _timestamp_column(path: Path, table: _Table, spec) -> tuple[int, bool]:
    """``(column, has_times)``: the timestamp column asked for or found, and whether the file has times.

    Without ``spec``: the first column whose header names a time, else the first column; a
    headerless file whose first cell is a number has no timestamps at all.
    """
    if spec is not None:
        return _column_index(path, table, spec, "timestamp"), True
    if table.header is not None:
        return next((j for j, h in enumerate(table.header) if h.casefold() in _TIME_HEADERS), 0), True
    first_cell = table.rows[0][1][0]
    if _number_or_none(first_cell) is not None and not isinstance(first_cell, (_dt.datetime, _dt.date)):
        return 0, False
    return 0, True


def _value_columns(path: Path, table: _Table, spec: Optional[Sequence], tcol: int, has_times: bool) -> list[int]:
    """Indexes of the meter columns: those asked for, else every column but the timestamps."""
    ncols = max(len(r) for _, r in table.rows)
    if has_times and ncols < 2:
        raise LoadFileError(path, "needs a timestamp column and at least one value column")
    if spec is None:
        vcols = [j for j in range(ncols) if not (has_times and j == tcol)]
    else:
        vcols = [_column_index(path, table, c, "value") for c in spec]
        if has_times and tcol in vcols:
            raise LoadFileError(path, "the timestamp column cannot also be a value column")
    if not vcols:
        raise LoadFileError(path, "no value column")
    return vcols


def _read_values(path: Path, table: _Table, vcols: list[int]) -> tuple[np.ndarray, list[int]]:
    """Values (row × meter) in the file's unit, and the lines of blank cells.

    A blank or 'nan' cell is NaN (and its line listed); text, an infinite value or one above
    :data:`MAX_FILE_VALUE` is an error naming the cell.
    """
    values = np.full((len(table.rows), len(vcols)), np.nan)
    blank_lines: list[int] = []
    for i, (ln, cells) in enumerate(table.rows):
        for k, j in enumerate(vcols):
            cell = cells[j] if j < len(cells) else None
            if cell is None:
                blank_lines.append(ln)
                continue
            v = _number_or_none(cell)
            if v is None:
                raise LoadFileError(path, f"{cell!r} is not a number", ln, _col_label(table, j))
            if math.isnan(v):  # written as 'nan': a missing value, like a blank cell
                blank_lines.append(ln)
                continue
            if not math.isfinite(v) or abs(v) > MAX_FILE_VALUE:
                raise LoadFileError(path, f"{cell!r} is not a finite meter value" if not math.isfinite(v) else
                                    f"{cell!r} is beyond any meter (more than {MAX_FILE_VALUE:g} in the file's unit)",
                                    ln, _col_label(table, j))
            values[i, k] = v
    return values, blank_lines


def _stamp_cells(path: Path, table: _Table, tcol: int, dayfirst, timestamp_format) -> list:
    """The timestamp cells in file order: datetimes as they are, text with numeric dates made ISO.

    Day-first or month-first is decided from the data (:func:`normalise_dates`) unless given; a
    ``timestamp_format`` parses the text exactly.
    """
    cells = [(cells[tcol] if tcol < len(cells) else None) for _, cells in table.rows]
    for (ln, _), cell in zip(table.rows, cells):
        if cell is None:
            raise LoadFileError(path, "missing timestamp", ln, _col_label(table, tcol))
    text = [None if isinstance(c, (_dt.datetime, _dt.date)) else str(c).strip() for c in cells]
    if timestamp_format:
        for i, t in enumerate(text):
            if t is not None:
                try:
                    text[i] = _dt.datetime.strptime(t, timestamp_format).isoformat()
                except ValueError:
                    raise LoadFileError(path, f"{t!r} does not match the timestamp format {timestamp_format!r}",
                                        table.rows[i][0], _col_label(table, tcol)) from None
    else:
        try:
            text = normalise_dates(text, dayfirst)
        except AmbiguousDates as exc:
            where = (table.rows[exc.position][0], _col_label(table, tcol))
            message = (f"{exc}: say which with --dayfirst or --monthfirst, or give --timestamp-format such as "
                       "%d/%m/%Y %H:%M")
            if exc.choices:
                raise LoadFileQuestion(path, message, *where, option="dayfirst", choices=exc.choices) from None
            raise LoadFileError(path, message, *where) from None
    return [c if t is None else t for c, t in zip(cells, text)]


def _read_timestamps(path: Path, table: _Table, tcol: int, zone: zoneinfo.ZoneInfo, tz: str,
                     dayfirst=None, timestamp_format=None) -> pd.DatetimeIndex:
    """The timestamp of every row in UTC, in file order; naive times are local times in ``zone``."""
    stamps = []
    for (ln, _), cell in zip(table.rows, _stamp_cells(path, table, tcol, dayfirst, timestamp_format)):
        try:
            ts = pd.Timestamp(cell if isinstance(cell, (_dt.datetime, _dt.date)) else str(cell).strip())
        except (ValueError, TypeError, OverflowError):
            raise LoadFileError(path, f"{cell!r} is not a date and time", ln, _col_label(table, tcol)) from None
        if ts is pd.NaT:
            raise LoadFileError(path, f"{cell!r} is not a date and time", ln, _col_label(table, tcol))
        if not 1900 <= ts.year <= 2200:
            raise LoadFileError(path, f"{cell!r} is not a date between the years 1900 and 2200", ln,
                                _col_label(table, tcol))
        if ts.tzinfo is None:
            try:
                ts = ts.tz_localize(zone, ambiguous="raise", nonexistent="raise")
            except Exception:
                raise LoadFileError(path, f"local time {ts} does not exist or is ambiguous in {tz} "
                                          "(a DST change); give times with a UTC offset",
                                    ln, _col_label(table, tcol)) from None
        stamps.append(ts.tz_convert("UTC"))
    return pd.DatetimeIndex(stamps).as_unit("ns")


def _resolve_duplicates(path: Path, table: _Table, tcol: int, index: pd.DatetimeIndex, values: np.ndarray,
                        lines: np.ndarray, duplicates: str) -> tuple:
    """Keep one row per timestamp of a sorted index, as ``duplicates`` says.

    Returns ``(index, values, lines, report)``; ``report`` lists every dropped row. ``values``
    is changed in place where ``duplicates='mean'`` averages rows.
    """
    report = []
    keep = np.ones(len(index), dtype=bool)
    i8 = index.asi8
    same = np.flatnonzero(i8[1:] == i8[:-1]) + 1
    for pos in same:
        first = pos - 1
        while not keep[first] and first > 0 and i8[first - 1] == i8[pos]:
            first -= 1
        a, b = values[first], values[pos]
        equal = bool(np.array_equal(a, b, equal_nan=True))
        if not equal and duplicates == "error":
            raise LoadFileError(path, f"timestamp {index[pos]} (UTC) repeats line {lines[first]} with a "
                                      "different value (use duplicates='first' or 'mean')",
                                int(lines[pos]), _col_label(table, tcol))
        if not equal and duplicates == "mean":
            values[first] = np.nanmean(np.vstack([a, b]), axis=0)
        keep[pos] = False
        report.append({"line": int(lines[pos]), "timestamp": index[pos].isoformat(),
                       "action": "dropped exact repeat" if equal else
                       ("kept first" if duplicates == "first" else "averaged")})
    return index[keep], values[keep], lines[keep], report


def _infer_interval(path: Path, index: pd.DatetimeIndex) -> int:
    """The interval [min] of the file's timestamps (see :func:`infer_interval_minutes`), or an error."""
    if len(index) < 2:
        raise LoadFileError(path, "cannot infer the interval from a single row; give interval_minutes")
    interval_minutes = infer_interval_minutes(index)
    if interval_minutes is None:
        raise LoadFileError(path, "cannot infer a regular interval of 1–60 minutes from the timestamps; "
                                  "give interval_minutes")
    return interval_minutes


def _interval_starts(path: Path, table: _Table, tcol: int, index: pd.DatetimeIndex, lines: np.ndarray,
                     interval_minutes: int, label: str) -> pd.DatetimeIndex:
    """Interval starts from timestamps labelled ``label``; every one must lie on the first row's grid."""
    step = pd.Timedelta(minutes=interval_minutes)
    if label == "end":
        index = index - step
    index = index.as_unit("ns")
    off = (index.asi8 - index.asi8[0]) % step.value
    bad = np.flatnonzero(off)
    if len(bad):
        raise LoadFileError(path, f"timestamp {index[bad[0]]} (UTC) is off the {interval_minutes}-minute grid "
                                  f"started by the first row", int(lines[bad[0]]), _col_label(table, tcol))
    return index


def _assumed_starts(path: Path, rows: int, start, zone: zoneinfo.ZoneInfo,
                    interval_minutes: Optional[int]) -> pd.DatetimeIndex:
    """UTC starts of ``rows`` consecutive intervals from the local ``start`` (a file without timestamps).

    Both ``interval_minutes`` and ``start`` are required. The intervals are consecutive in
    absolute time: a DST zone keeps a fixed step in UTC.
    """
    if interval_minutes is None:
        raise LoadFileError(path, "the file has no timestamps: give interval_minutes (and start)")
    if start is None:
        raise LoadFileError(path, "the file has no timestamps: give start, the local start of the first "
                                  "interval (e.g. 2023-01-01 00:00)")
    try:
        t0 = pd.Timestamp(start)
    except (ValueError, TypeError, OverflowError):
        raise LoadFileError(path, f"start {start!r} is not a date and time") from None
    if t0 is pd.NaT or not 1900 <= t0.year <= 2200:
        raise LoadFileError(path, f"start {start!r} is not a date between the years 1900 and 2200")
    if t0.tzinfo is None:
        try:
            t0 = t0.tz_localize(zone, ambiguous="raise", nonexistent="raise")
        except Exception:  # pytz-style NonExistentTimeError / AmbiguousTimeError
            raise LoadFileError(path, f"start {start!r} does not exist or is ambiguous in {zone.key} (a DST "
                                      "change): give it with a UTC offset, e.g. 2023-03-26T03:00+02:00") from None
    step = pd.Timedelta(minutes=interval_minutes)
    return pd.DatetimeIndex(t0.tz_convert("UTC") + step * np.arange(rows))


def _consumption(values: np.ndarray, index: pd.DatetimeIndex, interval_minutes: int, names: list[str], sign: str,
                 unit: str) -> pd.Series:
    """The summed meters as mean power [W] on a regular grid from first to last interval (holes NaN)."""
    factor = -1.0 if sign == "export_positive" else 1.0
    full = pd.date_range(index[0], index[-1], freq=pd.Timedelta(minutes=interval_minutes), tz="UTC")
    frame = pd.DataFrame(values * factor, index=index, columns=names).reindex(full)
    contrib = frame.sum(axis=1, skipna=False, min_count=1)
    if len(names) > 1:
        contrib[frame.isna().any(axis=1)] = np.nan
    kind, scale = UNITS[unit]
    watts = contrib * scale * (60.0 / interval_minutes if kind == "energy" else 1.0)
    too_big = np.flatnonzero(np.abs(watts.to_numpy(float)) > MAX_LOAD_W)
    if len(too_big):
        raise ValueError(f"consumption {watts.iloc[too_big[0]] / 1e9:,.1f} GW at {watts.index[too_big[0]]} "
                         f"(UTC) is beyond any park (at most {MAX_LOAD_W / 1e9:g} GW): check the unit ({unit})")
    watts.name = "load"
    watts.index.name = "time"
    return watts


def _import_report(rows: int, watts: pd.Series, index: pd.DatetimeIndex, interval_minutes: int, blank_lines: list,
                   dup_report: list, unsorted: bool) -> dict:
    """The ``report`` of :func:`read_meter`: gaps (intervals without a row), blanks, duplicates, energy."""
    full, step = watts.index, pd.Timedelta(minutes=interval_minutes)
    present = pd.Series(True, index=index).reindex(full, fill_value=False).to_numpy()
    gaps = []
    if not present.all():
        edges = np.flatnonzero(np.diff(np.r_[1, present.astype(np.int8), 1]))
        for a, b in zip(edges[::2], edges[1::2]):
            gaps.append({"start": full[a].isoformat(), "end": (full[b - 1] + step).isoformat(),
                         "intervals": int(b - a)})
    valid = watts.notna()
    return {
        "rows": rows,
        "intervals": int(len(watts)),
        "missing_intervals": int((~valid).sum()),
        "gaps": gaps,
        "blank_values": sorted(set(blank_lines))[:_MAX_LISTED],
        "blank_value_count": len(blank_lines),
        "duplicates": dup_report[:_MAX_LISTED],
        "duplicate_count": len(dup_report),
        "unsorted": unsorted,
        "negative_values": int((watts[valid] < 0).sum()),
        "energy_wh": float(energy_wh(watts, interval_minutes)),
    }


def infer_interval_minutes(index: pd.DatetimeIndex) -> Optional[int]:
    """The interval [min] of a (possibly gappy) timestamp index: the smallest step, if it divides 60.

    Returns None when the steps are not whole minutes dividing an hour.
    """
    steps = np.diff(pd.DatetimeIndex(index).as_unit("ns").asi8)
    steps = steps[steps > 0]
    if len(steps) == 0:
        return None
    smallest = int(steps.min())
    minute = 60 * 10**9
    if smallest % minute:
        return None
    m = smallest // minute
    if not 1 <= m <= 60 or 60 % m or (steps % smallest).any():
        return None
    return int(m)


def energy_wh(data: pd.Series, interval_minutes: int) -> float:
    """Energy of a mean-power series over its valid intervals [Wh] (NaN intervals are skipped, not zero)."""
    return float(np.nansum(np.asarray(data, dtype=float)) * interval_minutes / 60.0)


def sum_meters(meters: Sequence[pd.Series]) -> pd.Series:
    """Sum several meters' consumption contributions [W] of one park.

    The meters must share one interval; the result spans the union of their indexes and
    is NaN wherever any meter has no value (a missing meter reading is not zero).
    """
    if not meters:
        raise ValueError("sum_meters needs at least one meter")
    frame = pd.concat(list(meters), axis=1)
    if len(meters) > 1:
        steps = {infer_interval_minutes(m.index) for m in meters if len(m) > 1}
        if len(steps) > 1:
            raise ValueError(f"meters have different intervals {sorted(s for s in steps if s)} [min]; "
                             "resample them to one interval first")
    total = frame.sum(axis=1, skipna=False, min_count=1)
    total.name = "load"
    return total


def resample_energy(data: pd.Series, interval_minutes: int, to_minutes: int) -> pd.Series:
    """Resample mean power [W] from ``interval_minutes`` to ``to_minutes`` conserving energy.

    Going finer repeats each interval's mean power over its sub-intervals (a step, so each
    sub-interval carries its share of the energy); going coarser averages the
    sub-intervals. Steps that do not divide one another go through their greatest common
    divisor. Target intervals are aligned on whole multiples of ``to_minutes`` in UTC
    (hours start on the hour). A target interval that is not fully covered by valid data
    is NaN — a partial hour is never averaged as if complete.

    Parameters
    ----------
    data : pandas.Series
        Mean power [W], regular UTC interval-start index.
    interval_minutes, to_minutes : int
        Source and target interval [min].

    Returns
    -------
    pandas.Series
        Mean power [W] on the target interval-start index.
    """
    for name, m in (("interval_minutes", interval_minutes), ("to_minutes", to_minutes)):
        if isinstance(m, bool) or not isinstance(m, int) or m < 1 or m > 1440:
            raise ValueError(f"{name} must be a whole number of minutes between 1 and 1440 (got {m!r})")
    if len(data) == 0 or interval_minutes == to_minutes:
        return data.copy()
    g = math.gcd(interval_minutes, to_minutes)
    rep = interval_minutes // g
    fine = np.repeat(np.asarray(data, dtype=float), rep)
    t0 = data.index[0]
    fine_index = t0 + pd.Timedelta(minutes=g) * np.arange(len(fine))
    target = pd.Timedelta(minutes=to_minutes)
    first = t0.floor(target) if to_minutes <= 60 or 1440 % to_minutes == 0 else t0
    last_end = fine_index[-1] + pd.Timedelta(minutes=g)
    last = last_end.ceil(target) if to_minutes <= 60 or 1440 % to_minutes == 0 else last_end
    grid = pd.date_range(first, last, freq=f"{g}min", inclusive="left", tz="UTC")
    s = pd.Series(fine, index=pd.DatetimeIndex(fine_index)).reindex(grid)
    per = to_minutes // g
    arr = s.to_numpy().reshape(-1, per)
    out = arr.mean(axis=1)  # NaN if any sub-interval is missing
    idx = pd.date_range(first, periods=len(out), freq=f"{to_minutes}min", tz="UTC", name=data.index.name)
    return pd.Series(out, index=idx, name=data.name)
