"""Meter-data import and energy-conserving resampling (models/energy/load.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.energy.load import (LoadFileError, energy_wh, infer_interval_minutes, read_meter, resample_energy, sum_meters)


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- the shared NREL commercial load ------------------------------------------------------------

def test_commercial_8760_hourly_then_15min_conserves_energy(shared_dir):
    path = shared_dir / "load" / "commercial_load_8760.csv"
    data, meta, report = read_meter(path, unit="kW", interval_minutes=60, start="2023-01-01 00:00",
                                    tz="Asia/Shanghai")
    raw = np.loadtxt(path)
    assert len(data) == 8760 and report["missing_intervals"] == 0 and report["gaps"] == []
    # first interval starts at local midnight = 16:00 UTC the day before; values in W
    assert data.index[0] == pd.Timestamp("2022-12-31 16:00", tz="UTC")
    assert data.index.freq == pd.Timedelta(hours=1) or infer_interval_minutes(data.index) == 60
    np.testing.assert_allclose(data.to_numpy(), raw * 1000.0)
    annual_mwh = energy_wh(data, 60) / 1e6
    assert annual_mwh == pytest.approx(7646, abs=1)  # reference README: 7,646 MWh, peak 1,688 kW, min 211 kW
    assert data.max() / 1000 == pytest.approx(1688, abs=1)
    assert data.min() / 1000 == pytest.approx(211, abs=1)
    assert meta["assumed_start"] == "2023-01-01 00:00" and meta["label"] == "start"

    q = resample_energy(data, 60, 15)
    assert len(q) == 4 * 8760
    assert q.index[0] == data.index[0] and (np.diff(q.index.as_unit("ns").asi8) == 15 * 60 * 10**9).all()
    assert energy_wh(q, 15) == pytest.approx(energy_wh(data, 60), rel=1e-12)
    # and back: exactly the hourly values
    back = resample_energy(q, 15, 60)
    np.testing.assert_allclose(back.to_numpy(), data.to_numpy(), rtol=1e-12)


def test_headerless_file_needs_start(shared_dir):
    with pytest.raises(LoadFileError, match="give start"):
        read_meter(shared_dir / "load" / "commercial_load_8760.csv", interval_minutes=60)


# --- formats, units, time zones -----------------------------------------------------------------

def test_kwh_per_15min_local_time_to_watts_utc(tmp_path):
    p = _write(tmp_path, "m.csv", "timestamp,main\n2023-03-01 00:00,25\n2023-03-01 00:15,50\n"
                                  "2023-03-01 00:30,0\n2023-03-01 00:45,12.5\n")
    data, meta, report = read_meter(p, unit="kWh", tz="Asia/Shanghai")
    assert meta["interval_minutes"] == 15 and meta["meters"] == ["m"] and meta["columns"] == ["main"]
    assert data.index[0] == pd.Timestamp("2023-02-28 16:00", tz="UTC")
    # 25 kWh in 15 min = 100 kW mean
    np.testing.assert_allclose(data.to_numpy(), [100e3, 200e3, 0.0, 50e3])
    assert report["energy_wh"] == pytest.approx(87.5e3)


def test_hour_ending_labels_shift_back(tmp_path):
    p = _write(tmp_path, "m.csv", "time,kW\n2023-01-01 01:00,1\n2023-01-01 02:00,2\n2023-01-01 03:00,3\n")
    data, meta, _ = read_meter(p, label="end", tz="UTC")
    assert data.index[0] == pd.Timestamp("2023-01-01 00:00", tz="UTC")
    assert list(data) == [1000.0, 2000.0, 3000.0]


def test_offsets_in_file_win_over_tz(tmp_path):
    p = _write(tmp_path, "m.csv", "time,kW\n2023-01-01T00:00+08:00,1\n2023-01-01T01:00+08:00,2\n")
    data, _, _ = read_meter(p, tz="Europe/Berlin")
    assert data.index[0] == pd.Timestamp("2022-12-31 16:00", tz="UTC")


def test_dst_ambiguous_time_refused_with_line(tmp_path):
    # China's DST: 1991-09-15 02:00 fell back to 01:00, so 01:30 happened twice
    p = _write(tmp_path, "m.csv", "time,kW\n1991-09-15 00:00,1\n1991-09-15 01:00,1\n1991-09-15 01:30,1\n")
    with pytest.raises(LoadFileError) as exc:
        read_meter(p, tz="Asia/Shanghai", interval_minutes=30)
    assert exc.value.line == 3 and "ambiguous" in str(exc.value)


def test_several_meter_columns_summed_and_export_sign(tmp_path):
    p = _write(tmp_path, "m.csv", "time,hall,office\n2023-01-01 00:00,10,2\n2023-01-01 01:00,20,4\n")
    data, meta, _ = read_meter(p, tz="UTC")
    assert list(data) == [12e3, 24e3] and meta["meters"] == ["hall", "office"]
    p2 = _write(tmp_path, "tenant.csv", "time,tenant\n2023-01-01 00:00,3\n2023-01-01 01:00,5\n")
    tenant, _, _ = read_meter(p2, tz="UTC", sign="export_positive")
    assert list(tenant) == [-3e3, -5e3]
    assert list(sum_meters([data, tenant])) == [9e3, 19e3]


def test_xlsx(tmp_path):
    import datetime as dt

    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "meter"
    ws.append(["时间", "有功功率 kW"])
    for h in range(4):
        ws.append([dt.datetime(2023, 5, 1, h), 100 + h])
    p = tmp_path / "m.xlsx"
    wb.save(p)
    data, meta, _ = read_meter(p, tz="Asia/Shanghai")
    assert list(data) == [100e3, 101e3, 102e3, 103e3] and meta["interval_minutes"] == 60
    with pytest.raises(LoadFileError, match="no sheet named"):
        read_meter(p, sheet="nope")


# --- gaps, duplicates, bad input ----------------------------------------------------------------

def test_gap_and_blank_stay_nan_and_are_reported(tmp_path):
    p = _write(tmp_path, "m.csv", "time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,\n"
                                  "2023-01-01 04:00,4\n2023-01-01 05:00,5\n")
    data, _, report = read_meter(p, tz="UTC")
    assert len(data) == 6
    assert data.isna().tolist() == [False, True, True, True, False, False]
    assert report["gaps"] == [{"start": "2023-01-01T02:00:00+00:00", "end": "2023-01-01T04:00:00+00:00",
                               "intervals": 2}]
    assert report["blank_values"] == [3] and report["missing_intervals"] == 3
    assert report["energy_wh"] == pytest.approx(10e3)  # missing is not zero, and not filled either


def test_duplicates_reported_or_refused(tmp_path):
    text = "time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n2023-01-01 01:00,2\n2023-01-01 02:00,3\n"
    data, _, report = read_meter(_write(tmp_path, "a.csv", text), tz="UTC")
    assert list(data) == [1e3, 2e3, 3e3]
    assert report["duplicate_count"] == 1 and report["duplicates"][0]["line"] == 4
    conflicting = text.replace("01:00,2\n2023-01-01 02", "01:00,9\n2023-01-01 02")
    p = _write(tmp_path, "b.csv", conflicting)
    with pytest.raises(LoadFileError) as exc:
        read_meter(p, tz="UTC")
    assert exc.value.line == 4 and "repeats line 3" in str(exc.value)
    data, _, report = read_meter(p, tz="UTC", duplicates="mean")
    assert list(data) == [1e3, 5.5e3, 3e3] and report["duplicates"][0]["action"] == "averaged"


@pytest.mark.parametrize("text, line, column, match", [
    ("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,abc\n", 3, "kW", "not a number"),
    ("time,kW\n2023-01-01 00:00,1\nyesterday,2\n", 3, "time", "not a date"),
    ("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n2023-01-01 01:20,2\n", 4, "time", "off the 60-minute grid"),
    ("time,kW\n2023-01-01 00:00,1\n,2\n", 3, "time", "missing timestamp"),
])
def test_bad_cells_name_file_line_column(tmp_path, text, line, column, match):
    p = _write(tmp_path, "bad.csv", text)
    with pytest.raises(LoadFileError, match=match) as exc:
        read_meter(p, tz="UTC", interval_minutes=60 if "01:20" in text else None)
    assert exc.value.line == line and exc.value.column == column and "bad.csv" in str(exc.value)


def test_other_refusals(tmp_path):
    with pytest.raises(LoadFileError, match="no such file"):
        read_meter(tmp_path / "none.csv")
    with pytest.raises(LoadFileError, match="unit"):
        read_meter(_write(tmp_path, "a.csv", "1\n"), unit="amps")
    with pytest.raises(LoadFileError, match="unknown time zone"):
        read_meter(_write(tmp_path, "b.csv", "1\n"), tz="Mars/Olympus")
    with pytest.raises(LoadFileError, match="holds no data"):
        read_meter(_write(tmp_path, "c.csv", "\n\n"))
    with pytest.raises(LoadFileError, match="no value column named"):
        read_meter(_write(tmp_path, "d.csv", "time,kW\n2023-01-01,1\n2023-01-02,1\n"), value_columns=["MW"])
    with pytest.raises(LoadFileError, match="interval_minutes"):
        read_meter(_write(tmp_path, "e.csv", "1\n"), interval_minutes=7, start="2023-01-01")


# --- resampling ---------------------------------------------------------------------------------

def test_resample_15_to_60_needs_full_hours():
    idx = pd.date_range("2023-01-01 00:15", periods=7, freq="15min", tz="UTC")
    s = pd.Series([1, 2, 3, 4, 5, 6, 7.0], index=idx)
    h = resample_energy(s, 15, 60)
    # 00:00 hour lacks 00:00–00:15 → NaN; 01:00 hour = mean(4,5,6,7)
    assert h.index[0] == pd.Timestamp("2023-01-01 00:00", tz="UTC")
    assert np.isnan(h.iloc[0]) and h.iloc[1] == pytest.approx(5.5)


def test_resample_20_to_15_via_gcd_conserves_energy():
    idx = pd.date_range("2023-01-01", periods=6, freq="20min", tz="UTC")
    s = pd.Series([3.0, 6, 9, 12, 0, 3], index=idx)
    q = resample_energy(s, 20, 15)
    assert energy_wh(q, 15) == pytest.approx(energy_wh(s, 20))
    assert q.iloc[1] == pytest.approx((3 * 5 + 6 * 10) / 15)


def test_nan_in_source_propagates_not_zero():
    idx = pd.date_range("2023-01-01", periods=2, freq="60min", tz="UTC")
    q = resample_energy(pd.Series([1.0, np.nan], index=idx), 60, 15)
    assert q.isna().tolist() == [False] * 4 + [True] * 4


def test_cells_past_the_header_are_refused_and_empty_trailing_cells_ignored(tmp_path):
    # a shifted line must not silently turn the meter's values into gaps
    ok = tmp_path / "ok.csv"
    ok.write_text("time,kW,\n2023-01-01 00:00,1,\n2023-01-01 01:00,2,\n", encoding="utf-8")
    data, _, _ = read_meter(ok, interval_minutes=60)
    assert data.tolist() == [1000.0, 2000.0]
    bad = tmp_path / "bad.csv"
    bad.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2,5\n", encoding="utf-8")
    with pytest.raises(LoadFileError) as exc:
        read_meter(bad, interval_minutes=60)
    assert exc.value.line == 3 and "past the last column" in str(exc.value)
