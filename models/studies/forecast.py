"""Short-term yield forecasts per park: day-ahead and week-ahead, hourly, with P10/P50/P90 bands.

Two sources
-----------
**An imported forecast file** (:func:`read_forecast_csv`), e.g. exported from a weather service.
The format (UTF-8, comma-separated, ``#`` lines are comments)::

    # forecast for Wuhan Asia No.1 from <service>
    time,ghi [W/m2],temp_air [C],wind_speed [m/s]
    2026-12-01T00:00:00+08:00,0,3.1,2.0
    2026-12-01T01:00:00+08:00,0,2.8,2.1
    ...

* ``time``: ISO 8601 **with a UTC offset** (a time without one is refused), the *start* of an
  hourly interval; rows strictly hourly, no gaps or duplicates.
* One irradiance column: ``ghi`` (hour-mean global horizontal irradiance [W/m²]) **or**
  ``cloud_cover`` (total cloud cover [%], 0–100), converted to GHI with Kasten & Czeplak (1980,
  Solar Energy 24, "Solar and terrestrial radiation dependent on the amount and type of
  cloud"): ``ghi = ghi_clearsky · (1 − 0.75 · (N/100)^3.4)``, here with pvlib's Ineichen clear sky.
* Optional ``temp_air`` [°C] and ``wind_speed`` [m/s]; when absent, the mean of the park's
  default weather set for the same month and hour of day is used (stated in the metadata).
* A unit in brackets after a name is allowed (``ghi [W/m2]``, ``cloud_cover [%]``); an empty
  cell is a missing value and stays missing (NaN) in the forecast, never 0.

Two weather-service exports are also read as they come:

* **Solcast-style** files whose first column is ``period_end`` (ISO 8601 with offset or ``Z``, the
  END of each hour; a ``period`` column must be ``PT60M``): ``ghi``, ``air_temp``, ``cloud_cover``,
  ``wind_speed_10m``; the times move one hour back to interval starts.
* **Open-Meteo** CSV downloads (a ``latitude,longitude,…,utc_offset_seconds`` block, then a
  ``time,…`` block in local time without offset): ``shortwave_radiation (W/m²)`` is the mean of
  the *preceding* hour, so it moves one hour back; ``cloud_cover (%)``, ``temperature_2m (°C)``
  and ``wind_speed_10m (km/h)`` (converted to m/s) are instantaneous and taken at the hour's start.

Columns a layout does not know are ignored and listed in the metadata (``ignored_columns``).

GHI is split into DNI/DHI with Erbs and the park is simulated with :mod:`solarfleet.models.simulation.engine`.

**Persistence** (offline, :func:`persistence_forecast`): the park's clear-sky AC (the same
simulation on Ineichen clear sky, air 20 °C, wind 1 m/s) times the measured clear-sky index of
the last ``lookback_days`` local days, ``K = Σ actual / Σ clear-sky AC`` over the daylight hours
(the same ``K`` for every hour of the horizon)
(clear-sky AC ≥ :data:`DAYLIGHT_FRACTION` of its peak). Actuals are the park's imported
measured AC (:func:`solarfleet.models.store.add_measured_ac`) or else its live readings (``pv_power``
averaged per hour).

**Typical clear-sky index** (offline, no measured history, :func:`typical_index_forecast`): clear-sky AC
times the park's typical clear-sky index of the month, taken from its newest simulation run; the metadata
says so (``method`` ``'typical'``). :func:`offline_forecast` uses persistence when it can, else this.

Bands
-----
Uncertainty is expressed in clear-sky-index space: ``k = ac / ac_clearsky`` on daylight hours.
``ac_p10 = ac_clearsky · clip(k50 + q10)`` and ``ac_p90 = ac_clearsky · clip(k50 + q90)`` with
``q10``/``q90`` the empirical 10 % and 90 % quantiles of the index errors ``k_actual − k_forecast``:
for persistence from back-testing persistence on the park's own recent actuals, for file
forecasts from the park's stored file forecasts against actuals. With fewer than
:data:`MIN_ERROR_SAMPLES` daylight hours of errors the documented default spread
:data:`DEFAULT_K_SPREAD` is used and the metadata says so. **Here P10/P90 are quantiles** (P10
the low case, P90 the high case), as in Solcast's and forecast.solar's outputs — the reverse of
the exceedance convention of :mod:`solarfleet.models.studies.yield_study`.

Errors (:func:`forecast_errors`): over intervals where both exist, ``bias = mean(forecast −
actual)`` [W] (positive: the forecast was too high), ``mae = mean(|forecast − actual|)`` [W],
``rmse`` [W]; powers are hour means [W], so sums × 1 h are energies [Wh].
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.datefmt import AmbiguousDates, normalise_dates
from solarfleet.models.fleet import Park
from solarfleet.models.import_question import ImportQuestion
from solarfleet.models.store import list_forecasts, load_forecast, load_park, measured_ac

__all__ = ["ForecastFileError", "ForecastFileQuestion", "ForecastError", "read_forecast_csv", "read_measured_ac_csv", "cloud_cover_to_ghi",
           "clearsky_ac", "forecast_from_weather", "persistence_forecast", "typical_index_forecast",
           "offline_forecast", "forecast_window", "actual_ac",
           "forecast_errors", "forecast_vs_actual", "DEFAULT_K_SPREAD", "MIN_ERROR_SAMPLES", "DAYLIGHT_FRACTION",
           "HORIZON_HOURS", "K_MAX"]

#: Hours of each horizon.
HORIZON_HOURS = {"day": 24, "week": 168}
#: Default clear-sky-index error quantiles (q10, q90) [-] when the park has too few of its own.
DEFAULT_K_SPREAD = {"day": (-0.25, 0.20), "week": (-0.35, 0.25)}
#: Daylight hours of errors needed before the park's own quantiles are used.
MIN_ERROR_SAMPLES = 48
#: An hour counts as daylight when its clear-sky AC is at least this share of the peak [-].
DAYLIGHT_FRACTION = 0.05
#: Largest clear-sky index a band may reach [-] (cloud enhancement).
K_MAX = 1.2
#: Kasten–Czeplak coefficients: ``ghi = ghi_cs (1 − A · n^B)``.
KC_A, KC_B = 0.75, 3.4

_UNIT = re.compile(r"\s*[\[(].*[\])]\s*$")  # "ghi [W/m2]" or Open-Meteo's "shortwave_radiation (W/m²)"


class ForecastFileError(ValueError):
    """A forecast or measured file cannot be read; the message names the file, line and field."""

    def __init__(self, path, line: Optional[int], message: str):
        where = f"{path}" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {message}")
        self.path, self.line = str(path), line


class ForecastFileQuestion(ImportQuestion, ForecastFileError):
    """A forecast or measured file whose numeric dates read both day-first and month-first
    (:class:`~solarfleet.models.import_question.ImportQuestion`, ``option='dayfirst'``): read it again
    with ``dayfirst=True`` or ``False``."""


class ForecastError(ValueError):
    """A forecast cannot be made; ``code`` names why for a translated message (the text is for logs and the CLI).

    Codes: ``'no_measured'`` (no daylight actuals before the issue time), ``'no_run'`` (no simulation of the
    park to take its typical clear-sky index from), ``'horizon'``, ``'file_window'``, ``'no_tz'``.
    """

    def __init__(self, message: str, code: str = "", **values):
        super().__init__(message)
        self.code, self.values = code, values


def _csv_rows(path) -> list[tuple[int, list[str]]]:
    """Non-empty, non-comment rows of a UTF-8 CSV file with their line numbers."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ForecastFileError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    rows = [(n, r) for n, r in enumerate(csv.reader(io.StringIO(text)), start=1)
            if r and not r[0].lstrip().startswith("#") and any(c.strip() for c in r)]
    if not rows:
        raise ForecastFileError(path, None, "no header and no data")
    return rows


def _layout(path, rows) -> dict:
    """Which layout a forecast file has: ours, Solcast-style (``period_end``) or Open-Meteo.

    Returns ``name``, ``header`` (index into rows), ``label`` ('start'/'end' of the time column),
    ``offset`` (UTC offset [s] for times written without one, or None) and ``aliases``
    (file column → our column, with a unit factor).
    """
    first = [c.strip().lower() for c in rows[0][1]]
    if first[:2] == ["latitude", "longitude"] and "utc_offset_seconds" in first:
        # Open-Meteo: a site block, then the data block whose times are local without an offset
        if len(rows) < 3:
            raise ForecastFileError(path, rows[0][0], "Open-Meteo file without a data block")
        try:
            offset = int(float(rows[1][1][first.index("utc_offset_seconds")]))
        except (ValueError, IndexError):
            raise ForecastFileError(path, rows[1][0], "utc_offset_seconds is not a number") from None
        header = next((i for i, (_, r) in enumerate(rows) if r and r[0].strip().lower() == "time"), None)
        if header is None:
            raise ForecastFileError(path, None, "Open-Meteo file without a 'time' header row")
        # shortwave_radiation is the mean of the PRECEDING hour (Open-Meteo's definition): label 'end'
        return {"name": "open-meteo", "header": header, "offset": offset,
                "aliases": {"shortwave_radiation": ("ghi", 1.0), "cloud_cover": ("cloud_cover", 1.0),
                            "temperature_2m": ("temp_air", 1.0), "wind_speed_10m": ("wind_speed", None)},
                "label": {"ghi": "end"}}
    if first and first[0] == "period_end":
        return {"name": "period_end", "header": 0, "offset": None, "label": {"*": "end"},
                "aliases": {"ghi": ("ghi", 1.0), "air_temp": ("temp_air", 1.0), "temp_air": ("temp_air", 1.0),
                            "cloud_cover": ("cloud_cover", 1.0), "wind_speed_10m": ("wind_speed", 1.0),
                            "wind_speed": ("wind_speed", 1.0)}}
    return {"name": "solarfleet", "header": 0, "offset": None, "label": {}, "aliases": None}


def _time_cells(path, rows, time_col: str, dayfirst: Optional[bool]) -> list[str]:
    """The time cells of the data rows, numeric ``a/b/yyyy`` dates made ISO in the order the data show
    (or ``dayfirst``); a file that reads both ways raises :class:`ForecastFileQuestion`."""
    cells = [r[0].strip() if r else "" for _, r in rows]
    try:
        return normalise_dates(cells, dayfirst)
    except AmbiguousDates as exc:
        line = rows[exc.position][0]
        message = f"{time_col}: {exc}; say which with --dayfirst or --monthfirst"
        if exc.choices:
            raise ForecastFileQuestion(path, line, message, option="dayfirst", choices=exc.choices) from None
        raise ForecastFileError(path, line, message) from None


def _read_table(path, allowed: dict, layout: Optional[dict] = None,
                dayfirst: Optional[bool] = None) -> tuple[pd.DataFrame, dict]:
    """Parse a CSV in one of the layouts of :func:`_layout`; return (frame on UTC interval starts, info).

    ``dayfirst``: the order of numeric ``a/b/yyyy`` dates; None decides it from the data and asks
    (:class:`ForecastFileQuestion`) when both orders fit."""
    path = Path(path)
    rows = _csv_rows(path)
    layout = layout or {"name": "solarfleet", "header": 0, "offset": None, "label": {}, "aliases": None}
    rows = rows[layout["header"]:]
    header_line, header = rows[0]
    raw = [_UNIT.sub("", h).strip().lower() for h in header]
    units = [h[len(_UNIT.sub("", h)):].strip(" []()") or None for h in header]
    time_col = raw[0]
    if time_col not in ("time", "period_end"):
        raise ForecastFileError(path, header_line, f"the first column must be 'time' (got {header[0]!r})")
    aliases = layout["aliases"]
    cols, ignored = {}, []
    for i, (name, unit) in enumerate(zip(raw[1:], units[1:]), start=1):
        if aliases is None:
            if name not in allowed:
                raise ForecastFileError(path, header_line, f"unknown column {header[i]!r}; allowed: time, "
                                                           f"{', '.join(allowed)}")
            target, factor = name, _scale(name, unit, allowed, path, header_line)
        elif name == "period" and layout["name"] == "period_end":
            target, factor = "period", None
        elif name in aliases:
            target, factor = aliases[name]
            if factor is None:  # wind speed: Open-Meteo writes km/h unless asked for m/s
                factor = {"km/h": 1 / 3.6, "m/s": 1.0, "mp/h": 0.44704, "kn": 0.514444}.get(unit or "km/h")
                if factor is None:
                    raise ForecastFileError(path, header_line, f"column {header[i]}: unit ({unit}) is not accepted")
        else:
            ignored.append(header[i])
            continue
        if target in [c for c, _ in cols.values()]:
            raise ForecastFileError(path, header_line, f"two columns give {target}")
        cols[i] = (target, factor)
    times, values = [], {t: [] for t, _ in cols.values()}
    for line, r in rows[1:]:
        if len(r) != len(header):
            raise ForecastFileError(path, line, f"{len(r)} fields, the header has {len(header)}")
    for (line, r), cell in zip(rows[1:], _time_cells(path, rows[1:], time_col, dayfirst)):
        try:
            t = pd.Timestamp(cell)
        except ValueError:
            raise ForecastFileError(path, line, f"{time_col} {cell!r} is not an ISO 8601 date-time") from None
        if t.tzinfo is None:
            if layout["offset"] is None:
                raise ForecastFileError(path, line, f"{time_col} {cell!r} has no UTC offset; write e.g. "
                                                    f"{cell}+08:00")
            t = (t - pd.Timedelta(seconds=layout["offset"])).tz_localize("UTC")
        times.append(t.tz_convert("UTC"))
        for i, (target, factor) in cols.items():
            c = r[i].strip()
            if target == "period":
                if c.upper() not in ("PT60M", "PT1H"):
                    raise ForecastFileError(path, line, f"period {c!r}: only hourly data (PT60M) is accepted")
                continue
            if c == "":
                values[target].append(np.nan)
                continue
            try:
                v = float(c) * factor
            except ValueError:
                raise ForecastFileError(path, line, f"{target}: {c!r} is not a number") from None
            lo, hi, unit = allowed[target]
            if not np.isfinite(v) or not lo <= v <= hi:
                raise ForecastFileError(path, line, f"{target}: {c} is outside {lo:g}–{hi:g} {unit}")
            values[target].append(v)
    values.pop("period", None)
    if len(times) < 2:
        raise ForecastFileError(path, None, f"needs at least 2 rows of data (got {len(times)})")
    index = pd.DatetimeIndex(times, name="time")
    steps = index[1:] - index[:-1]
    bad = np.flatnonzero(steps != pd.Timedelta(hours=1))
    if bad.size:
        i = int(bad[0]) + 1
        raise ForecastFileError(path, rows[i + 1][0], f"{time_col} {index[i].isoformat()} is not one hour after "
                                                      f"the previous row (rows must be hourly, sorted, without gaps)")
    frame = pd.DataFrame({k: np.asarray(v, dtype=float) for k, v in values.items()}, index=index)
    # every interval is labelled by its start: a column labelled by the END of its hour describes the hour
    # before its time stamp
    labels = layout["label"]
    ends = [c for c in frame.columns if labels.get(c, labels.get("*", "start")) == "end"]
    if ends and len(ends) == len(frame.columns):
        frame.index = frame.index - pd.Timedelta(hours=1)  # e.g. Solcast's period_end
    else:
        for c in ends:  # e.g. Open-Meteo's shortwave_radiation beside instantaneous temperatures
            frame[c] = frame[c].shift(-1)  # the file's last hour has no value for it: NaN, not 0
    return frame, {"layout": layout["name"], "ignored_columns": ignored}


def _scale(name, unit, allowed, path, line) -> float:
    """Factor from the file's unit to SI; only a unit the column knows is accepted."""
    known = {"W/m2": 1.0, "W/m²": 1.0, "%": 1.0, "C": 1.0, "°C": 1.0, "degC": 1.0, "m/s": 1.0, "W": 1.0,
             "kW": 1000.0}
    if unit is None:
        return 1.0
    if unit not in known or (name == "ac") != (unit in ("W", "kW")):
        raise ForecastFileError(path, line, f"column {name}: unit [{unit}] is not accepted "
                                            f"(expected [{allowed[name][2]}])")
    return known[unit]


_FORECAST_COLUMNS = {"ghi": (0.0, 1500.0, "W/m2"), "cloud_cover": (0.0, 100.0, "%"),
                     "temp_air": (-60.0, 60.0, "C"), "wind_speed": (0.0, 75.0, "m/s")}


def read_forecast_csv(path, *, dayfirst: Optional[bool] = None) -> tuple[pd.DataFrame, dict]:
    """Read a forecast file in the module's format.

    ``dayfirst``: the order of numeric dates such as ``03/04/2026`` (None: from the data, asking
    when both orders fit).

    Returns
    -------
    (pandas.DataFrame, dict)
        UTC interval-start index; ``ghi`` [W/m²] or ``cloud_cover`` [%], optional ``temp_air`` [°C],
        ``wind_speed`` [m/s]; metadata ``file``, ``interval_minutes`` (60), ``label`` ('start'),
        ``irradiance`` ('ghi' or 'cloud_cover').

    Raises
    ------
    ForecastFileQuestion
        The dates read both day-first and month-first: call again with ``dayfirst``.
    ForecastFileError
        Naming the file, line and column.
    """
    rows = _csv_rows(path)
    data, info = _read_table(path, _FORECAST_COLUMNS, _layout(path, rows), dayfirst)
    has = [c for c in ("ghi", "cloud_cover") if c in data]
    if len(has) == 2:  # a service gave both: irradiance wins, cloud cover is kept for reference only
        data = data.drop(columns="cloud_cover") if info["layout"] != "solarfleet" else data
    if info["layout"] == "solarfleet" and len(has) != 1 or not has:
        raise ForecastFileError(path, None, "needs exactly one of the columns 'ghi' [W/m2] or 'cloud_cover' [%] "
                                            f"(found {', '.join(has) or 'neither'})")
    irradiance = "ghi" if "ghi" in data else "cloud_cover"
    return data, {"file": str(path), "interval_minutes": 60, "label": "start", "irradiance": irradiance,
                  "layout": info["layout"], "ignored_columns": info["ignored_columns"],
                  "source": f"forecast file {Path(path).name} ({info['layout']})"}


def read_measured_ac_csv(path, *, dayfirst: Optional[bool] = None) -> tuple[pd.Series, dict]:
    """Read measured park AC from a CSV ``time,ac [kW]`` (or ``[W]``), hourly means, interval starts.

    Parameters
    ----------
    dayfirst : bool, optional
        The order of numeric dates such as ``03/04/2026 10:00+08:00``; None decides it from the data
        (a day above 12, or the order whose hours run on regularly) and asks when both fit.

    Returns
    -------
    (pandas.Series, dict)
        AC [W] on a UTC index; metadata ``file``, ``interval_minutes``.

    Raises
    ------
    ForecastFileQuestion
        The dates read both day-first and month-first: call again with ``dayfirst``.
    ForecastFileError
        Naming the file, line and column.
    """
    data, _ = _read_table(path, {"ac": (0.0, 1e10, "W or kW")}, dayfirst=dayfirst)
    if "ac" not in data:
        raise ForecastFileError(path, None, "needs a column 'ac' (AC power, hour mean, [W] or [kW])")
    return data["ac"].rename("ac"), {"file": str(path), "interval_minutes": 60}


def cloud_cover_to_ghi(cloud_cover, ghi_clearsky):
    """Kasten–Czeplak: ``ghi = ghi_clearsky · (1 − 0.75 · (cloud_cover/100)^3.4)``.

    Parameters
    ----------
    cloud_cover : array-like
        Total cloud cover [%], 0–100 (NaN stays NaN).
    ghi_clearsky : array-like
        Clear-sky GHI [W/m²].

    Returns
    -------
    numpy.ndarray or pandas.Series
        GHI [W/m²].
    """
    n = np.asarray(cloud_cover, dtype=float) / 100.0
    out = np.asarray(ghi_clearsky, dtype=float) * (1.0 - KC_A * n ** KC_B)
    if isinstance(ghi_clearsky, pd.Series):
        return pd.Series(out, index=ghi_clearsky.index, name="ghi")
    return out


def _clearsky(park: Park, index: pd.DatetimeIndex) -> pd.DataFrame:
    step = pd.Timedelta(hours=1) if len(index) < 2 else index[1] - index[0]
    return park.to_location().get_clearsky(index + step / 2, model="ineichen").set_axis(index)


def _options(index):
    from solarfleet.models.simulation.engine import SimulationOptions
    return SimulationOptions(year=int(index[len(index) // 2].year))


def clearsky_ac(park: Park, index: pd.DatetimeIndex) -> pd.Series:
    """The park's AC [W] under Ineichen clear sky at air 20 °C, wind 1 m/s (hourly UTC interval starts)."""
    from solarfleet.models.simulation.engine import simulate_park
    cs = _clearsky(park, index)
    weather = pd.DataFrame({"ghi": cs["ghi"], "dni": cs["dni"], "dhi": cs["dhi"], "temp_air": 20.0,
                            "wind_speed": 1.0}, index=index)
    r = simulate_park(park, weather, {"interval_minutes": 60, "label": "start", "kind": "clearsky"}, _options(index))
    return r.ac.sum(axis=1, min_count=1).rename("ac_clearsky")


def _climatology(store, park: Park, index: pd.DatetimeIndex) -> tuple[pd.DataFrame, str]:
    """Mean temp_air and wind_speed of the park's default weather for each (month, hour) of ``index``."""
    from solarfleet.models.weather.park_weather import weather_for_park
    data, meta = weather_for_park(store, park, save=False) if store is not None else (None, None)
    if data is None:
        return pd.DataFrame({"temp_air": 20.0, "wind_speed": 1.0}, index=index), "constant 20 °C, 1 m/s"
    local = data.index.tz_convert(park.tz)
    clim = data[["temp_air", "wind_speed"]].groupby([local.month, local.hour]).mean()
    li = index.tz_convert(park.tz)
    vals = clim.reindex(pd.MultiIndex.from_arrays([li.month, li.hour])).to_numpy()
    return (pd.DataFrame(vals, index=index, columns=["temp_air", "wind_speed"]),
            f"month-hour means of weather set {meta.get('weather_id')} ({meta.get('source', '')[:60]})")


def forecast_window(park: Park, horizon: str, issued=None) -> pd.DatetimeIndex:
    """Hourly UTC interval starts of a forecast issued at ``issued``: the next local day (``'day'``)
    or the next 7 local days (``'week'``) of the park, from local midnight."""
    if horizon not in HORIZON_HOURS:
        raise ForecastError(f"horizon must be 'day' or 'week' (got {horizon!r})", "horizon")
    issued = pd.Timestamp(issued) if issued is not None else pd.Timestamp.now(tz="UTC")
    if issued.tzinfo is None:
        raise ForecastError(f"issue time {issued} has no time zone", "no_tz")
    start = (issued.tz_convert(park.tz).normalize() + pd.Timedelta(days=1))
    end = start + pd.Timedelta(days=HORIZON_HOURS[horizon] // 24)
    return pd.date_range(start, end, freq="1h", inclusive="left").tz_convert("UTC").rename("time")


def _daylight(cs_ac: pd.Series) -> pd.Series:
    peak = float(np.nanmax(cs_ac.to_numpy())) if len(cs_ac) else 0.0
    return cs_ac >= DAYLIGHT_FRACTION * peak if peak > 0 else cs_ac > 0


def _bands(p50: pd.Series, cs_ac: pd.Series, errors: np.ndarray, horizon: str) -> tuple[pd.Series, pd.Series, dict]:
    """P10/P90 from clear-sky-index error quantiles (own if enough, else the default spread)."""
    errors = np.asarray(errors, dtype=float)
    errors = errors[np.isfinite(errors)]
    if errors.size >= MIN_ERROR_SAMPLES:
        q10, q90 = (float(x) for x in np.quantile(errors, [0.1, 0.9]))
        how = f"empirical quantiles of {errors.size} daylight hours of clear-sky-index errors"
    else:
        q10, q90 = DEFAULT_K_SPREAD[horizon]
        how = (f"default clear-sky-index spread {q10:+.2f}/{q90:+.2f} (only {errors.size} daylight hours of "
               f"errors; {MIN_ERROR_SAMPLES} needed for the park's own)")
    with np.errstate(invalid="ignore", divide="ignore"):
        k50 = (p50 / cs_ac).where(cs_ac > 0)
    p10 = (cs_ac * (k50 + q10).clip(0.0, K_MAX)).where(cs_ac > 0, 0.0)
    p90 = (cs_ac * (k50 + q90).clip(0.0, K_MAX)).where(cs_ac > 0, 0.0)
    p10 = np.minimum(p10, p50).where(p50.notna())
    p90 = np.maximum(p90, p50).where(p50.notna())
    return p10, p90, {"band_method": how, "k_q10": q10, "k_q90": q90, "error_samples": int(errors.size)}


def _index_errors(store, park: Park, method: str) -> np.ndarray:
    """Clear-sky-index errors (actual − forecast) of the park's stored forecasts of ``method``."""
    errs = []
    if store is None:
        return np.array([])
    for f in list_forecasts(store, park.name):
        if f["method"] != method:
            continue
        frame, _ = load_forecast(store, f["id"])
        act = actual_ac(store, park, frame.index[0], frame.index[-1] + pd.Timedelta(hours=1)).reindex(frame.index)
        day = _daylight(frame["ac_clearsky"]) & act.notna() & frame["ac_p50"].notna()
        errs.append(((act - frame["ac_p50"]) / frame["ac_clearsky"])[day].to_numpy())
    return np.concatenate(errs) if errs else np.array([])


def forecast_from_weather(store, park: Park, data: pd.DataFrame, meta: dict, horizon: str = "day",
                          issued=None) -> tuple[pd.DataFrame, dict]:
    """Forecast from imported hourly weather (:func:`read_forecast_csv`).

    The forecast covers the file's hours (within the horizon window when they extend beyond
    it: the window is the next local day/week after ``issued``; ``issued`` defaults to the day
    before the file's first hour, so a file is used as a whole).

    Returns
    -------
    (pandas.DataFrame, dict)
        ``ghi`` [W/m²], ``ac_clearsky``, ``ac_p10``, ``ac_p50``, ``ac_p90`` [W] on UTC interval starts;
        metadata (``method`` 'file', ``horizon``, ``issued_utc``, ``source``, band method, assumptions).
    """
    from pvlib.irradiance import erbs
    from solarfleet.models.simulation.engine import simulate_park
    if horizon not in HORIZON_HOURS:
        raise ForecastError(f"horizon must be 'day' or 'week' (got {horizon!r})", "horizon")
    if issued is None:
        issued = data.index[0].tz_convert(park.tz).normalize() - pd.Timedelta(hours=1)
    window = forecast_window(park, horizon, issued)
    data = data[(data.index >= window[0]) & (data.index <= window[-1])]
    if len(data) < 2:
        raise ForecastError(f"the forecast file has fewer than 2 hours inside the {horizon}-ahead window "
                            f"{window[0].isoformat()} – {window[-1].isoformat()}", "file_window",
                            start=window[0], end=window[-1])
    index = data.index
    cs = _clearsky(park, index)
    notes = []
    if "ghi" in data:
        ghi = data["ghi"]
    else:
        ghi = cloud_cover_to_ghi(data["cloud_cover"], cs["ghi"])
        notes.append("GHI from cloud cover with Kasten–Czeplak (1980) on Ineichen clear sky")
    step = pd.Timedelta(hours=1)
    zen = park.to_location().get_solarposition(index + step / 2)["apparent_zenith"].set_axis(index)
    split = erbs(ghi.to_numpy(float), zen.to_numpy(float), np.asarray((index + step / 2).dayofyear))
    weather = pd.DataFrame({"ghi": ghi.to_numpy(float), "dni": np.asarray(split["dni"], float),
                            "dhi": np.asarray(split["dhi"], float)}, index=index)
    clim, clim_source = _climatology(store, park, index)
    for c in ("temp_air", "wind_speed"):
        if c in data and data[c].notna().all():
            weather[c] = data[c]
        else:
            weather[c] = data[c].fillna(clim[c]) if c in data else clim[c]
            notes.append(f"{c} from {clim_source}")
    r = simulate_park(park, weather, {"interval_minutes": 60, "label": "start", "kind": "forecast"}, _options(index))
    p50 = r.ac.sum(axis=1, min_count=1)
    cs_ac = clearsky_ac(park, index)
    p10, p90, band = _bands(p50, cs_ac, _index_errors(store, park, "file"), horizon)
    frame = pd.DataFrame({"ghi": ghi, "ac_clearsky": cs_ac, "ac_p10": p10, "ac_p50": p50, "ac_p90": p90},
                         index=index)
    meta_out = {"method": "file", "horizon": horizon, "issued_utc": pd.Timestamp(issued).tz_convert("UTC").isoformat(),
                "source": meta.get("source", "forecast file"), "file": meta.get("file"), "interval_minutes": 60,
                "irradiance": meta.get("irradiance"), "notes": notes, **band}
    return frame, meta_out


def actual_ac(store, park: Park, start, end) -> pd.Series:
    """Measured park AC [W], hour means on UTC interval starts in ``[start, end)``.

    Imported measured AC wins where it exists; other hours come from the live monitoring: each
    device's mean ``pv_power`` over the hour, summed over the park's devices (production meters only
    where no inverter reports) — from the hourly roll-ups, which outlive the raw readings' retention
    window, and from the raw readings for hours not rolled up yet. Hours with neither are NaN.
    """
    from solarfleet.models.store import live_site_chart
    index = pd.date_range(pd.Timestamp(start).tz_convert("UTC").floor("h"), pd.Timestamp(end).tz_convert("UTC"),
                          freq="1h", inclusive="left", name="time")
    out = pd.Series(np.nan, index=index, name="ac")
    if len(index):
        live = live_site_chart(store, park.name, index[0], index[-1] + pd.Timedelta(hours=1), span_s=3600)
        out = out.fillna(live["pv_power"].reindex(index))
    imported = measured_ac(store, park.name, start, end)
    if len(imported):
        hourly = imported.resample("1h").mean()
        out = hourly.reindex(index).combine_first(out)
    return out.rename("ac")


def persistence_forecast(store, park: Park, horizon: str = "day", issued=None, *, lookback_days: int = 1,
                         backtest_days: int = 30, actual: Optional[pd.Series] = None) -> tuple[pd.DataFrame, dict]:
    """Offline forecast: clear-sky AC × the clear-sky index of the last ``lookback_days`` (module docstring).

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park : Park
    horizon : {'day', 'week'}
    issued : datetime-like, optional
        Issue time (tz-aware) [default: now]; actuals up to it are used.
    lookback_days : int
        Local days before the issue day whose index persists [d].
    backtest_days : int
        Days of history back-tested for the error quantiles [d].
    actual : pandas.Series, optional
        Measured AC [W] (hour means, UTC starts) instead of the store's.

    Raises
    ------
    ForecastError
        No daylight actuals in the look-back window.
    """
    issued = pd.Timestamp(issued) if issued is not None else pd.Timestamp.now(tz="UTC")
    window = forecast_window(park, horizon, issued)
    today = issued.tz_convert(park.tz).normalize()
    hist_start = (today - pd.Timedelta(days=backtest_days + lookback_days)).tz_convert("UTC")
    hist_end = min(issued.tz_convert("UTC"), (today + pd.Timedelta(days=1)).tz_convert("UTC"))
    hist_index = pd.date_range(hist_start, hist_end, freq="1h", inclusive="left", name="time")
    if actual is None:
        act = actual_ac(store, park, hist_start, hist_end)
    else:
        act = actual.reindex(hist_index)
    act = act.reindex(hist_index)
    span = pd.date_range(hist_start, window[-1], freq="1h", name="time")  # one regular run of hours
    cs_all = clearsky_ac(park, span)
    cs_hist, cs_fc = cs_all.reindex(hist_index), cs_all.reindex(window)
    day_key = hist_index.tz_convert(park.tz).normalize()
    light = _daylight(cs_hist) & act.notna()

    def k_of(days) -> Optional[float]:
        m = light & np.isin(day_key, days)
        if m.sum() < 3:
            return None
        return float(act[m].sum() / cs_hist[m].sum())

    lookback = [today - pd.Timedelta(days=d) for d in range(1, lookback_days + 1)]
    k = k_of(lookback)
    if k is None:
        # an issue late in the day may use today's hours so far
        k = k_of([today])
    if k is None:
        raise ForecastError(f"{park.name}: no measured AC in daylight during the {lookback_days} day(s) before "
                            f"{issued.isoformat()}; import a measured series or record live data first",
                            "no_measured", park=park.name, days=lookback_days)
    # back-test persistence on the history: predict each day from the day(s) before it, with the lead
    # times of the horizon (1 day ahead; 1–7 days ahead for a week), errors pooled over the leads
    errors = []
    days = sorted(set(day_key[light]))
    leads = range(1, 2) if horizon == "day" else range(1, 8)
    for d in days:
        m = light & (day_key == d)
        for lead in leads:
            kd = k_of([d - pd.Timedelta(days=lead + j) for j in range(lookback_days)])
            if kd is not None:
                errors.append(((act[m] - kd * cs_hist[m]) / cs_hist[m]).to_numpy())
    errors = np.concatenate(errors) if errors else np.array([])
    p50 = (cs_fc * k).rename("ac_p50")
    p10, p90, band = _bands(p50, cs_fc, errors, horizon)
    frame = pd.DataFrame({"ghi": np.nan, "ac_clearsky": cs_fc, "ac_p10": p10, "ac_p50": p50, "ac_p90": p90},
                         index=window)
    meta = {"method": "persistence", "horizon": horizon, "issued_utc": issued.tz_convert("UTC").isoformat(),
            "source": f"clear sky × measured clear-sky index {k:.3f} of the last {lookback_days} day(s)",
            "clearsky_index": k, "lookback_days": lookback_days, "interval_minutes": 60, **band}
    return frame, meta


def typical_index_forecast(store, park: Park, horizon: str = "day", issued=None) -> tuple[pd.DataFrame, dict]:
    """Forecast without measured history: clear-sky AC × the park's typical clear-sky index for the month.

    The typical index is ``K = Σ ac / Σ ac_clearsky`` over the daylight hours of the same local month in the
    park's newest simulation run (its typical weather year), with ``ac_clearsky`` the same park on Ineichen
    clear sky (:func:`clearsky_ac`). The bands are the 10 % and 90 % quantiles of that month's hourly index
    around ``K``: the spread of the climate, not of a forecast skill. The metadata says all of this
    (``method`` ``'typical'``).

    Raises
    ------
    ForecastError
        ``code='no_run'``: the park has no simulation run yet.
    """
    from solarfleet.models.store import NoRunError, latest_park_ac
    issued = pd.Timestamp(issued) if issued is not None else pd.Timestamp.now(tz="UTC")
    window = forecast_window(park, horizon, issued)
    try:
        ac, info = latest_park_ac(store, park.name)
    except NoRunError:
        raise ForecastError(f"{park.name}: no simulation run yet to take a typical clear-sky index from; "
                            f"run the fleet first", "no_run", park=park.name) from None
    hourly = ac.resample("1h").mean()
    month = window[len(window) // 2].tz_convert(park.tz).month
    same = hourly[hourly.index.tz_convert(park.tz).month == month]
    same = same.reindex(pd.date_range(same.index[0], same.index[-1], freq="1h", name="time"))
    cs = clearsky_ac(park, same.index)
    light = _daylight(cs) & same.notna() & (cs > 0)
    k = float(same[light].sum() / cs[light].sum())
    errors = ((same - k * cs) / cs)[light].to_numpy()
    cs_fc = clearsky_ac(park, window)
    p50 = (cs_fc * k).rename("ac_p50")
    p10, p90, band = _bands(p50, cs_fc, errors, horizon)
    band["band_method"] = f"quantiles of the typical year's hourly clear-sky index in month {month}"
    frame = pd.DataFrame({"ghi": np.nan, "ac_clearsky": cs_fc, "ac_p10": p10, "ac_p50": p50, "ac_p90": p90},
                         index=window)
    meta = {"method": "typical", "horizon": horizon, "issued_utc": issued.tz_convert("UTC").isoformat(),
            "source": f"clear sky × typical clear-sky index {k:.3f} for month {month} of run {info['run_id']} "
                      f"(no measured history)",
            "clearsky_index": k, "month": int(month), "run_id": info["run_id"], "interval_minutes": 60, **band}
    return frame, meta


def offline_forecast(store, park: Park, horizon: str = "day", issued=None) -> tuple[pd.DataFrame, dict]:
    """:func:`persistence_forecast` when the park has measured history, else :func:`typical_index_forecast`."""
    try:
        return persistence_forecast(store, park, horizon, issued)
    except ForecastError as exc:
        if exc.code != "no_measured":
            raise
    return typical_index_forecast(store, park, horizon, issued)


def forecast_errors(forecast: pd.Series, actual: pd.Series) -> dict:
    """Error of a forecast against actuals over the intervals where both exist.

    Parameters
    ----------
    forecast, actual : pandas.Series
        Hour-mean AC [W] on the same kind of index.

    Returns
    -------
    dict
        ``n`` (intervals compared), ``bias`` [W] = mean(forecast − actual), ``mae`` [W], ``rmse`` [W],
        ``forecast_energy`` and ``actual_energy`` [Wh] over those intervals (hourly data), and
        ``mae_rel`` / ``bias_rel`` [-] relative to the mean actual (None when it is 0).
    """
    f = forecast.astype(float)
    a = actual.reindex(f.index).astype(float)
    ok = f.notna() & a.notna()
    n = int(ok.sum())
    if n == 0:
        return {"n": 0, "bias": None, "mae": None, "rmse": None, "forecast_energy": None, "actual_energy": None,
                "mae_rel": None, "bias_rel": None}
    d = (f - a)[ok]
    mean_a = float(a[ok].mean())
    return {"n": n, "bias": float(d.mean()), "mae": float(d.abs().mean()), "rmse": float(np.sqrt((d ** 2).mean())),
            "forecast_energy": float(f[ok].sum()), "actual_energy": float(a[ok].sum()),
            "mae_rel": float(d.abs().mean() / mean_a) if mean_a > 0 else None,
            "bias_rel": float(d.mean() / mean_a) if mean_a > 0 else None}


def forecast_vs_actual(store, forecast_id: int) -> tuple[pd.DataFrame, dict]:
    """A stored forecast beside the park's actuals, and its errors (:func:`forecast_errors` on ``ac_p50``)."""
    frame, meta = load_forecast(store, forecast_id)
    park = load_park(store, meta["park"])
    act = actual_ac(store, park, frame.index[0], frame.index[-1] + pd.Timedelta(hours=1)).reindex(frame.index)
    out = frame.assign(ac_actual=act)
    return out, {**forecast_errors(frame["ac_p50"], act), "forecast_id": int(forecast_id), "park": meta["park"],
                 "method": meta.get("method"), "horizon": meta.get("horizon")}
