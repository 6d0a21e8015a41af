"""Fuzzers for the classes of silent wrong data and unsafe writes of issue 15 (hypothesis).

* dates — stamps written day-first, month-first or ISO: read as the dates they name, or refused
  asking for --dayfirst; never a misplaced day.
* units — irradiance scaled by a random factor: plausible scales are read, ~1/1000 (kW/m²) refused.
* non-finite — ``inf``, ``-Infinity``, ``1e400``, absurd magnitudes anywhere in a weather or meter
  file: refused naming the file; never stored.
* symlinks — links planted at the export target or at guessable temporary names: the victim is
  never written, the target ends up a regular file.
* bombs — XLSX workbooks of random size: the guard's cell count equals openpyxl's own, and a sheet
  over the budget is refused before any parser runs.
* disk full — ENOSPC injected after a random number of bytes into every export writer, and
  the export target unchanged and no temporary file left (the CLI's database under a full disk:
  tests/app/test_cli_inputs.py).

Counts: ``fuzz_counts`` (printed at the end of the run).
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solarfleet.models.energy.load import LoadFileError, read_meter
from solarfleet.models.export.writers import write_csv, write_json, write_xlsx
from solarfleet.models.weather import WeatherFileError, read_weather

from .fuzz_counts import count

FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
SITE = dict(latitude=31.4, longitude=121.45)


def _tmpdir(tmp_path_factory) -> Path:
    return Path(tmp_path_factory.mktemp("fz"))


@pytest.fixture(scope="module")
def year():
    """A synthetic Shanghai year in W/m² (our own generator: no outside data)."""
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, _ = synth_typical_year(SITE["latitude"], SITE["longitude"], [110.0] * 12, seed=5)
    return data


# --- dates ---------------------------------------------------------------------------------------

@FAST
@given(start=st.datetimes(min_value=pd.Timestamp("2001-01-01").to_pydatetime(),
                          max_value=pd.Timestamp("2030-12-01").to_pydatetime()).map(lambda t: t.replace(
                              minute=0, second=0, microsecond=0)),
       periods=st.integers(2, 24 * 40), step=st.sampled_from([15, 60, 24 * 60]),
       fmt=st.sampled_from(["%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]))
def test_fuzz_meter_dates_never_misplaced(tmp_path_factory, start, periods, step, fmt):
    count("dates: meter CSV")
    truth = pd.date_range(start, periods=periods, freq=f"{step}min")
    p = _tmpdir(tmp_path_factory) / "m.csv"
    pd.DataFrame({"time": truth.strftime(fmt), "kW": np.arange(periods, dtype=float)}).to_csv(p, index=False)
    try:
        data, _, _ = read_meter(p, tz="UTC", interval_minutes=step if step <= 60 else None)
    except LoadFileError as exc:
        assert str(p) in str(exc)
        assert "--dayfirst" in str(exc) or "interval" in str(exc), str(exc)
        return
    kept = data.dropna()
    assert list(kept.index.tz_localize(None)) == list(truth), "a stamp landed on another date"


@FAST
@given(day=st.integers(1, 12), month=st.integers(1, 12), hours=st.integers(2, 24),
       dayfirst=st.booleans())
def test_fuzz_one_ambiguous_day_is_refused_or_read_as_told(tmp_path_factory, day, month, hours, dayfirst):
    count("dates: ambiguous day")
    truth = pd.date_range(pd.Timestamp(2023, month, day), periods=hours, freq="h")
    fmt = "%d/%m/%Y %H:%M" if dayfirst else "%m/%d/%Y %H:%M"
    p = _tmpdir(tmp_path_factory) / "m.csv"
    pd.DataFrame({"time": truth.strftime(fmt), "kW": 1.0}).to_csv(p, index=False)
    if day != month:
        with pytest.raises(LoadFileError, match="--dayfirst"):
            read_meter(p, tz="UTC")
    data, _, _ = read_meter(p, tz="UTC", dayfirst=dayfirst)
    assert data.index[0].tz_localize(None) == truth[0]


# --- units ---------------------------------------------------------------------------------------

@FEW
@given(scale=st.one_of(st.sampled_from([1.0, 1e-3, 0.0036]), st.floats(1e-4, 1e-2)))
def test_fuzz_irradiance_scale(tmp_path_factory, year, scale):
    count("units: measured weather")
    local = year.index.tz_convert("Etc/GMT-8")
    p = _tmpdir(tmp_path_factory) / "w.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": year["ghi"].to_numpy() * scale}).to_csv(
        p, index=False)
    if scale == 1.0:
        data, _ = read_weather(p, mapping={"tz": "+08:00"}, **SITE)
        assert data["ghi"].sum() == pytest.approx(year["ghi"].sum(), rel=1e-6)
        return
    with pytest.raises(WeatherFileError, match="not W/m²|kW/m²"):
        read_weather(p, mapping={"tz": "+08:00"}, **SITE)


# --- non-finite and absurd values ------------------------------------------------------------------

BAD_VALUES = st.sampled_from(["inf", "-inf", "Infinity", "-Infinity", "1e400", "-1e400", "1e308", "9e99", "-1e30"])


@FAST
@given(bad=BAD_VALUES, row=st.integers(0, 8759), column=st.sampled_from(["ghi", "dni", "dhi", "temp_air",
                                                                          "wind_speed"]))
def test_fuzz_weather_non_finite_refused(tmp_path_factory, year, bad, row, column):
    count("non-finite: measured weather")
    frame = year.copy().astype(object)
    frame.iloc[row, frame.columns.get_loc(column)] = bad
    local = year.index.tz_convert("Etc/GMT-8")
    frame.insert(0, "time", local.strftime("%Y-%m-%d %H:%M"))
    p = _tmpdir(tmp_path_factory) / "w.csv"
    frame.to_csv(p, index=False)
    with pytest.raises(WeatherFileError) as exc:
        read_weather(p, mapping={"tz": "+08:00"}, **SITE)
    assert str(p) in str(exc.value)


@FAST
@given(bad=BAD_VALUES, row=st.integers(0, 47), unit=st.sampled_from(["W", "kW", "MW", "kWh"]))
def test_fuzz_meter_non_finite_refused(tmp_path_factory, bad, row, unit):
    count("non-finite: meter CSV")
    values = [str(v) for v in np.linspace(100, 200, 48)]
    values[row] = bad
    stamps = pd.date_range("2023-01-01", periods=48, freq="h").strftime("%Y-%m-%d %H:%M")
    p = _tmpdir(tmp_path_factory) / "m.csv"
    p.write_text("time,value\n" + "".join(f"{t},{v}\n" for t, v in zip(stamps, values)))
    try:
        data, _, _ = read_meter(p, tz="UTC", unit=unit)
    except LoadFileError as exc:
        assert str(p) in str(exc)
        return
    assert np.isfinite(data.to_numpy()).all() and (data.abs() <= 1e10).all()


# --- symlinks --------------------------------------------------------------------------------------

@FAST
@given(writer=st.sampled_from(["csv", "json", "xlsx"]), plant=st.sampled_from(["target", "old-tmp", "both"]))
def test_fuzz_planted_symlinks_never_followed(tmp_path_factory, writer, plant):
    count("symlinks: export writers")
    d = _tmpdir(tmp_path_factory)
    victim = d / "victim.txt"
    victim.write_text("precious")
    out = d / f"out.{writer}"
    if plant in ("target", "both"):
        out.symlink_to(victim)
    if plant in ("old-tmp", "both"):
        (d / f"out.{writer}.tmp").symlink_to(victim)
    df = pd.DataFrame({"ac [kW]": [1.0, 2.0]}, index=pd.date_range("2023-01-01", periods=2, freq="h", tz="UTC"))
    {"csv": lambda: write_csv(df, out), "json": lambda: write_json({"t": df}, out),
     "xlsx": lambda: write_xlsx({"t": df}, out)}[writer]()
    assert victim.read_text() == "precious"
    assert out.is_file() and not out.is_symlink() and out.stat().st_size > 0
    assert not [f for f in os.listdir(d) if f.startswith(".out.")], "a temporary file was left behind"


def test_writer_lock_is_keyed_on_the_real_path(tmp_path):
    from solarfleet.models.store.lock import DatabaseLocked, WriterLock
    db = tmp_path / "real.db"
    db.write_bytes(b"")
    link = tmp_path / "link.db"
    link.symlink_to(db)
    with WriterLock(db):
        with pytest.raises(DatabaseLocked):
            WriterLock(link).acquire()
        with pytest.raises(DatabaseLocked):
            WriterLock(tmp_path / "sub" / ".." / "real.db").acquire()


def test_lock_file_that_is_a_symlink_is_refused(tmp_path):
    from solarfleet.models.store.lock import WriterLock
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "x.db.lock").symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        WriterLock(tmp_path / "x.db").acquire()
    assert victim.read_text() == "precious"


# --- bombs -----------------------------------------------------------------------------------------

@FEW
@given(rows=st.integers(1, 400), cols=st.integers(1, 12), budget=st.integers(1, 3000))
def test_fuzz_xlsx_cell_budget(tmp_path_factory, rows, cols, budget):
    count("bombs: XLSX cells")
    from openpyxl import Workbook, load_workbook
    from solarfleet.models.xlsx_guard import check_xlsx
    p = _tmpdir(tmp_path_factory) / "b.xlsx"
    wb = Workbook()
    for r in range(rows):
        wb.active.append([float(r * cols + c) for c in range(cols)])
    wb.save(p)
    oracle = sum(1 for row in load_workbook(p, read_only=True).active.iter_rows() for c in row
                 if c.value is not None)
    if oracle > budget:
        with pytest.raises(ValueError, match="cells"):
            check_xlsx(p, max_cells=budget)
    else:
        assert check_xlsx(p, max_cells=budget) == oracle


def test_xlsx_bomb_is_refused_before_parsing(tmp_path):
    import time
    import zipfile
    p = tmp_path / "bomb.xlsx"
    row = b"<row>" + b'<c t="n"><v>1</v></c>' * 10 + b"</row>"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b"<worksheet><sheetData>")
            for _ in range(1_000_000):  # 10 M cells in under 1 MB
                f.write(row)
            f.write(b"</sheetData></worksheet>")
    assert p.stat().st_size < 2_000_000
    t0 = time.perf_counter()
    with pytest.raises(LoadFileError, match="decompression bomb|cells"):
        read_meter(p, tz="UTC")
    with pytest.raises(WeatherFileError, match="decompression bomb|cells"):
        read_weather(p, format="measured")
    assert time.perf_counter() - t0 < 5.0


def test_photo_bytes_must_match_their_media_type(tmp_path):
    import base64
    import json
    from solarfleet.models.survey.package import (SurveyPackageError, canonical_json, read_survey_package)
    data = b"<html>not a picture</html>"
    photo = {"name": "roof.jpg", "media_type": "image/jpeg", "size": len(data),
             "sha256": hashlib.sha256(data).hexdigest(), "data": base64.b64encode(data).decode()}
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.fleet_files import park_to_dict
    doc = {"format": "solarfleet-survey-package", "version": 1, "created_utc": "", "generator": "test",
           "sites": [{"park": park_to_dict(demo_fleet().parks[0]), "survey": None, "photos": [photo]}]}
    doc["sha256"] = hashlib.sha256(canonical_json(doc)).hexdigest()
    p = tmp_path / "pkg.json"
    p.write_text(json.dumps(doc))
    with pytest.raises(SurveyPackageError, match="not an image, not image/jpeg"):
        read_survey_package(p)


# --- disk full -------------------------------------------------------------------------------------

class _FullDisk:
    """A file object that fails with ENOSPC once ``room`` bytes have been written."""

    def __init__(self, fh, room: int):
        self._fh, self._room = fh, room

    def write(self, data):
        n = len(data.encode() if isinstance(data, str) else data)
        if n > self._room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= n
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        self._fh.__enter__()
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)


@FAST
@given(writer=st.sampled_from(["csv", "json", "xlsx"]), room=st.integers(0, 4000))
def test_fuzz_export_disk_full(tmp_path_factory, writer, room):
    count("disk full: export writers")
    import solarfleet.models.atomic as atomic
    d = _tmpdir(tmp_path_factory)
    out = d / f"out.{writer}"
    out.write_bytes(b"previous export")
    df = pd.DataFrame({"ac [kW]": np.arange(200.0)},
                      index=pd.date_range("2023-01-01", periods=200, freq="h", tz="UTC"))
    real = os.fdopen
    atomic.os.fdopen = lambda fd, *a, **k: _FullDisk(real(fd, *a, **k), room)
    try:
        {"csv": lambda: write_csv(df, out), "json": lambda: write_json({"t": df}, out),
         "xlsx": lambda: write_xlsx({"t": df}, out)}[writer]()
        wrote = True
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
        wrote = False
    finally:
        atomic.os.fdopen = real
    assert sorted(os.listdir(d)) == [out.name], "a temporary file was left behind"
    if not wrote:
        assert out.read_bytes() == b"previous export"
