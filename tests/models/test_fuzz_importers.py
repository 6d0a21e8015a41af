"""Mutated and random files for every weather format and for meter (load) files (hypothesis).

Each file is either read — and then the result keeps the conventions (UTC index, no missing value
turned into zero) — or refused with :class:`~solarfleet.models.weather.convention.WeatherFileError` /
:class:`~solarfleet.models.energy.load.LoadFileError` whose message names the file. Nothing else may escape.
The mutated sources: the shared CSWD EPW, pvlib's bundled TMY3 and TMY2 files, and PVGIS (CSV,
JSON), NSRDB and SAM files written from a synthetic year; random CSV tables for
``read_measured`` and ``read_meter`` and random XLSX sheets for ``read_meter``.
Fleet files and survey packages have their own fuzzers (test_fuzz_fleet_files.py,
test_survey_fuzz.py); that the database is unchanged by a refused file dropped on a park is
checked in tests/app/test_fuzz_import_db.py. Case counts: see ``fuzz_counts``.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solarfleet.models.energy.load import LoadFileError, read_meter
from solarfleet.models.weather.convention import WeatherFileError
from solarfleet.models.weather.detect import detect_format, read_weather
from solarfleet.models.weather.measured import read_measured

from . import weather_samples as ws
from .fuzz_counts import count

PVLIB_DATA = Path(os.path.dirname(__import__("pvlib").__file__)) / "data"
SHARED_EPW = Path("/work/shared/weather/CHN_Shanghai.Shanghai.583620_CSWD.epw")
SH_LAT, SH_LON, SH_ALT = 31.4, 121.45, 5.0

SLOW_FILES = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
SMALL_FILES = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))

TOKENS = st.one_of(
    st.sampled_from(["", " ", "NaN", "nan", "-9999", "9999", "abc", "1e309", "-1", "99999", "２０", "0x10", '"',
                     ",", ";", "\t", "-", "+08:00", "24:00", "02/30/2019", "2019-02-29", "13:61", "-0", "1,5"]),
    st.text(max_size=6),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-100000, 100000).map(str),
)


def _samples() -> dict:
    """Base files of every weather format, built once: ``{format: (bytes, file name)}``."""
    from solarfleet.models.weather.synthetic import synth_typical_year
    out = {}
    if SHARED_EPW.exists():
        out["epw"] = (SHARED_EPW.read_bytes(), "cswd.epw")
    out["tmy3"] = ((PVLIB_DATA / "723170TYA.CSV").read_bytes(), "723170TYA.CSV")
    out["tmy2"] = ((PVLIB_DATA / "12839.tm2").read_bytes(), "12839.tm2")
    data, _ = synth_typical_year(SH_LAT, SH_LON, [100.0] * 12, altitude=SH_ALT, seed=3,
                                 monthly_temp_air=[15] * 12, monthly_wind_speed=[3] * 12)
    data = data.round(1)
    utc = ws.utc_typical(data)
    local = data.iloc[: 24 * 31].copy()
    local.index = (local.index + pd.Timedelta(hours=8)).tz_localize(None).map(lambda t: t.replace(year=2021))
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        ws.write_pvgis_tmy_csv(d / "tmy_31.4_121.45.csv", utc, SH_LAT, SH_LON, SH_ALT)
        ws.write_pvgis_tmy_json(d / "tmy_31.4_121.45.json", utc, SH_LAT, SH_LON, SH_ALT)
        ws.write_nsrdb_csv(d / "nsrdb.csv", local, 8, SH_LAT, SH_LON, 5)
        ws.write_sam_csv(d / "sam.csv", local, 8, SH_LAT, SH_LON, SH_ALT)
        for fmt, name in (("pvgis_tmy_csv", "tmy_31.4_121.45.csv"), ("pvgis_tmy_json", "tmy_31.4_121.45.json"),
                          ("nsrdb", "nsrdb.csv"), ("sam", "sam.csv")):
            out[fmt] = ((d / name).read_bytes(), name)
    return out


_CACHE: dict = {}


def samples() -> dict:
    if not _CACHE:
        _CACHE.update(_samples())
    return _CACHE


def _mutate(data, raw: bytes) -> bytes:
    """One random edit of a text file: a field, a line, the end, or bytes."""
    lines = raw.split(b"\n")
    kind = data.draw(st.sampled_from(["field", "field", "header", "drop", "dup", "truncate", "bytes"]), label="kind")
    if kind in ("field", "header"):
        i = data.draw(st.integers(0, min(12, len(lines) - 1)) if kind == "header" else
                      st.integers(0, len(lines) - 1), label="line")
        sep = b"," if lines[i].count(b",") >= 1 else None
        token = data.draw(TOKENS, label="token").encode("utf-8")
        if sep:
            cells = lines[i].split(sep)
            j = data.draw(st.integers(0, len(cells) - 1), label="cell")
            cells[j] = token
            lines[i] = sep.join(cells)
        else:  # fixed-width (TMY2) or JSON: overwrite a slice
            j = data.draw(st.integers(0, max(0, len(lines[i]) - 1)), label="col")
            lines[i] = lines[i][:j] + token + lines[i][j + len(token):]
    elif kind == "drop":
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        del lines[i]
    elif kind == "dup":
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        lines.insert(i, lines[i])
    elif kind == "truncate":
        cut = data.draw(st.integers(0, len(raw)), label="cut")
        return raw[:cut]
    else:
        pos = data.draw(st.integers(0, len(raw) - 1), label="pos")
        junk = data.draw(st.binary(min_size=1, max_size=8), label="junk")
        return raw[:pos] + junk + raw[pos + len(junk):]
    return b"\n".join(lines)


def _check_weather(path: Path, fmt_hint=None):
    """Read ``path``; a refusal must be a WeatherFileError naming the file."""
    try:
        fmt = detect_format(path)
        data, meta = read_weather(path, fmt_hint or fmt)
    except WeatherFileError as exc:
        assert path.name in str(exc), f"refusal does not name the file: {exc}"
        return None
    assert isinstance(data.index, pd.DatetimeIndex) and str(data.index.tz) == "UTC"
    assert "ghi" in data.columns
    ghi = data["ghi"].to_numpy(dtype=float)
    assert not np.isinf(ghi).any(), "infinite irradiance accepted"
    return data


FORMAT_NAMES = ["epw", "tmy3", "tmy2", "pvgis_tmy_csv", "pvgis_tmy_json", "nsrdb", "sam"]


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@SLOW_FILES
@given(data=st.data())
def test_mutated_weather_files(fmt, data, tmp_path_factory):
    if fmt not in samples():
        pytest.skip("shared EPW not available")
    raw, name = samples()[fmt]
    path = tmp_path_factory.mktemp("w") / name
    path.write_bytes(_mutate(data, raw))
    count(f"weather {fmt}")
    _check_weather(path)


# --- random tables: measured weather and meter files --------------------------------------------

def _cell(value_kind):
    return st.one_of(st.floats(-50, 1500, allow_nan=False).map(lambda v: f"{v:.1f}"), st.just(""), TOKENS) \
        if value_kind == "messy" else st.floats(0, 1200, allow_nan=False).map(lambda v: f"{v:.1f}")


@st.composite
def random_table(draw, value_names):
    """A CSV table: a timestamp column (regular, then perhaps damaged) and some value columns."""
    n = draw(st.integers(0, 30), label="rows")
    minutes = draw(st.sampled_from([5, 15, 60, 7]), label="interval")
    start = pd.Timestamp("2024-02-28 22:00")
    stamps = [(start + pd.Timedelta(minutes=minutes * i)).strftime("%Y-%m-%d %H:%M") for i in range(n)]
    ts_fmt = draw(st.sampled_from(["plain", "iso_offset", "slash"]), label="ts format")
    if ts_fmt == "iso_offset":
        stamps = [s.replace(" ", "T") + "+08:00" for s in stamps]
    elif ts_fmt == "slash":
        stamps = [pd.Timestamp(s).strftime("%d/%m/%Y %H:%M") for s in stamps]
    header = ["timestamp"] + draw(st.lists(st.sampled_from(value_names), min_size=1, max_size=3, unique=True),
                                  label="columns")
    if draw(st.booleans(), label="rename header"):
        header[draw(st.integers(0, len(header) - 1))] = draw(TOKENS)
    rows = [[s] + [draw(_cell("messy" if draw(st.booleans()) else "clean")) for _ in header[1:]] for s in stamps]
    for _ in range(draw(st.integers(0, 2), label="damaged stamps")):
        if rows:
            rows[draw(st.integers(0, len(rows) - 1))][0] = draw(TOKENS)
    if rows and draw(st.booleans(), label="swap rows"):
        i = draw(st.integers(0, len(rows) - 1))
        j = draw(st.integers(0, len(rows) - 1))
        rows[i], rows[j] = rows[j], rows[i]
    sep = draw(st.sampled_from([",", ";", "\t"]), label="separator")
    text = "\n".join(sep.join(r) for r in [header] + rows) + "\n"
    return text, header, rows


@SMALL_FILES
@given(table=random_table(["ghi", "dni", "dhi", "temp_air", "wind_speed", "GHI (W/m2)", "irradiance", "x"]))
def test_random_measured_weather_csv(table, tmp_path_factory):
    text, header, rows = table
    path = tmp_path_factory.mktemp("m") / "measured.csv"
    path.write_text(text, encoding="utf-8")
    count("weather measured CSV")
    try:
        data, meta = read_measured(path, latitude=SH_LAT, longitude=SH_LON)
    except WeatherFileError as exc:
        assert path.name in str(exc), str(exc)
        return
    assert str(data.index.tz) == "UTC" and data.index.is_monotonic_increasing
    _blank_is_not_zero(header, rows, "ghi", data["ghi"])


def _blank_is_not_zero(header, rows, column, series):
    """A blank cell in ``column`` must not come back as 0 (missing data never silently becomes zero)."""
    if column not in header:
        return
    j = header.index(column)
    blanks = sum(1 for r in rows if r[j].strip() == "")
    zeros_in_file = sum(1 for r in rows if _is_zero(r[j]))
    zeros_read = int((series.fillna(1.0) == 0).sum())
    assert zeros_read <= zeros_in_file or blanks == 0, \
        f"{blanks} blank {column} cell(s) and only {zeros_in_file} zero(s) in the file, but {zeros_read} zeros read"


def _is_zero(cell: str) -> bool:
    try:
        return float(cell.replace(",", ".")) == 0.0
    except ValueError:
        return False


@SMALL_FILES
@given(table=random_table(["kW", "load", "meter 1", "meter 2", "power (kW)", "x"]),
       unit=st.sampled_from(["kW", "W", "kWh"]))
def test_random_meter_csv(table, unit, tmp_path_factory):
    text, header, rows = table
    path = tmp_path_factory.mktemp("l") / "meter.csv"
    path.write_text(text, encoding="utf-8")
    count("load meter CSV")
    try:
        data, meta, report = read_meter(path, unit=unit, tz="Asia/Shanghai")
    except LoadFileError as exc:
        assert path.name in str(exc), str(exc)
        return
    assert str(data.index.tz) == "UTC" and data.index.is_monotonic_increasing
    assert not np.isinf(data.to_numpy(dtype=float)).any()
    if len(header) == 2:
        _blank_is_not_zero(header, rows, header[1], data)


@SLOW_FILES
@given(cells=st.lists(st.lists(st.one_of(st.none(), st.floats(-1e3, 1e4, allow_nan=False), st.text(max_size=6),
                                         st.datetimes(min_value=pd.Timestamp("2023-01-01").to_pydatetime(),
                                                      max_value=pd.Timestamp("2023-12-31").to_pydatetime())),
                               min_size=1, max_size=3), max_size=12),
       header=st.booleans())
def test_random_meter_xlsx(cells, header, tmp_path_factory):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    cells = [[ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row] for row in cells]
    wb = Workbook()
    ws_ = wb.active
    if header:
        ws_.append(["time", "kW", "kW 2"])
    for row in cells:
        ws_.append(row)
    path = tmp_path_factory.mktemp("x") / "meter.xlsx"
    wb.save(path)
    count("load meter XLSX")
    try:
        data, meta, report = read_meter(path, unit="kW")
    except LoadFileError as exc:
        assert path.name in str(exc), str(exc)
        return
    assert str(data.index.tz) == "UTC"
    assert not np.isinf(data.to_numpy(dtype=float)).any()


@SMALL_FILES
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".epw", ".tm2", ".json", ""]))
def test_random_bytes_every_reader(raw, suffix, tmp_path_factory):
    path = tmp_path_factory.mktemp("b") / f"random{suffix}"
    path.write_bytes(raw)
    count("random bytes (weather + meter)")
    _check_weather(path)
    try:
        read_meter(path)
    except LoadFileError as exc:
        assert path.name in str(exc), str(exc)
