"""CLI: load import/synth/list/show, tariff, battery, balance (app/cli/load.py, app/cli/balance.py)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from solarfleet.app.cli import main

PARK = "Kunshan Asia No.1"


def run(capsys, db, *argv):
    rc = main(["--db", str(db), *argv])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_import_shared_load_resampled_and_show(capsys, db_path, shared_dir):
    f = shared_dir / "load" / "commercial_load_8760.csv"
    rc, out, err = run(capsys, db_path, "load", "import", PARK, str(f), "--start", "2023-01-01T00:00",
                       "--interval", "60", "--resample", "15", "--json")
    assert rc == 0, err
    rep = json.loads(out)["imported"][0]
    assert rep["interval_minutes"] == 15 and rep["assumed_start"] == "2023-01-01T00:00"
    assert rep["energy_kwh"] == pytest.approx(np.loadtxt(f).sum(), rel=1e-12)
    rc, out, _ = run(capsys, db_path, "load", "show", PARK, "--json")
    shown = json.loads(out)
    assert shown["intervals"] == 35040 and shown["energy_kwh"] == pytest.approx(np.loadtxt(f).sum(), rel=1e-12)
    assert shown["peak_kw"] == pytest.approx(1688, abs=1)
    rc, out, _ = run(capsys, db_path, "load", "list")
    assert "commercial_load_8760" in out and PARK in out


def test_import_refused_leaves_nothing(capsys, db_path, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,lots\n", encoding="utf-8")
    rc, before, _ = run(capsys, db_path, "load", "list", "--json")
    rc, _, err = run(capsys, db_path, "load", "import", PARK, str(good), str(bad))
    assert rc == 1 and "bad.csv, line 3, column 'kW'" in err and "not a number" in err
    rc, out, _ = run(capsys, db_path, "load", "list", "--json")
    assert json.loads(out)["series"] == json.loads(before)["series"]
    rc, _, err = run(capsys, db_path, "load", "import", "Atlantis", str(good))
    assert rc == 1 and "no park named" in err


def test_gap_reported_by_import(capsys, db_path, tmp_path):
    f = tmp_path / "gappy.csv"
    f.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 03:00,2\n", encoding="utf-8")
    rc, out, _ = run(capsys, db_path, "load", "import", PARK, str(f), "--interval", "60")
    assert rc == 0 and "2 intervals without data" in out


def test_synth_then_balance_with_tariff_battery(capsys, db_path, monkeypatch):
    rc, out, err = run(capsys, db_path, "load", "synth", PARK, "--floor-area", "40000", "--ev-vehicles", "20",
                       "--ev-window", "11-15", "--json")
    assert rc == 0, err
    s = json.loads(out)
    assert s["annual_kwh"] > 0 and s["params"]["ev_charging_windows"] == [[11, 15]]
    rc, _, err = run(capsys, db_path, "load", "synth", PARK, "--automation", "3")
    assert rc == 1 and "--automation" in err

    # without a simulation the balance command says what to do
    rc, _, err = run(capsys, db_path, "balance", "--park", PARK)
    assert rc == 1 and "no simulation run for" in err and "run solarfleet-cli simulate first" in err

    assert run(capsys, db_path, "tariff", "set", PARK, "--example")[0] == 0
    assert run(capsys, db_path, "battery", "set", PARK, "--capacity-kwh", "1000", "--power-kw", "500")[0] == 0

    import solarfleet.app.cli.balance as cb

    def fake_pv(store, park):  # a clear-sky-like day shape, 2 MW peak, standing in for a simulation
        idx = pd.date_range("2022-12-31 16:00", periods=8760, freq="h", tz="UTC")
        hour = idx.tz_convert(park.tz).hour
        return pd.Series(np.maximum(0, np.sin((hour - 6) / 12 * np.pi)) * 2e6, index=idx)

    monkeypatch.setattr(cb, "pv_for_park", fake_pv)
    rc, out, err = run(capsys, db_path, "balance", "--park", PARK, "--json")
    assert rc == 0, err
    res = json.loads(out)
    p = res["parks"][0]
    assert p["battery"] is True and 0 <= p["self_consumption_ratio"] <= 1 and 0 <= p["self_sufficiency"] <= 1
    assert p["savings"] > 0 and p["co2_region"] == "east" and p["co2_data_year"] == 2023
    assert p["co2_kg"] == pytest.approx((p["self_consumed_wh"] + p["export_wh"]) / 1000 * 0.55, rel=1e-12)
    assert res["fleet"]["pv_wh"] == pytest.approx(p["pv_wh"])
    rc, out, _ = run(capsys, db_path, "balance", "--park", PARK, "--region", "national", "--factor-year", "2021")
    assert rc == 0 and "Fleet (1 parks)" in out


def test_several_meters_and_export_sign_summed(capsys, db_path, tmp_path):
    a = tmp_path / "hall.csv"
    a.write_text("time,kW\n2023-01-01 00:00,10\n2023-01-01 01:00,20\n", encoding="utf-8")
    b = tmp_path / "office.csv"
    b.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n", encoding="utf-8")
    t = tmp_path / "tenant.csv"
    t.write_text("time,kWh\n2023-01-01 00:00,3\n2023-01-01 01:00,4\n", encoding="utf-8")
    assert run(capsys, db_path, "load", "import", PARK, str(a), str(b))[0] == 0
    rc, _, err = run(capsys, db_path, "load", "import", PARK, str(t), "--unit", "kWh", "--sign", "export_positive",
                     "--meter", "tenant")
    assert rc == 0, err
    rc, out, _ = run(capsys, db_path, "load", "show", PARK, "--json")
    shown = json.loads(out)
    assert sorted(shown["meters"]) == ["hall", "office", "tenant"]
    # (10 + 1 − 3) + (20 + 2 − 4) = 26 kWh
    assert shown["energy_kwh"] == pytest.approx(26.0)
    rc, _, err = run(capsys, db_path, "load", "import", PARK, str(t), "--meter", "tenant")
    assert rc == 1 and "already has a consumption series for meter 'tenant'" in err


def test_load_demo(capsys, db_path):
    # a new database is seeded with the demo loads already; `load demo` adds them to demo parks without any
    rc, out, _ = run(capsys, db_path, "load", "list", "--json")
    assert len({s["park"] for s in json.loads(out)["series"]}) == 9
    rc, out, _ = run(capsys, db_path, "load", "demo")
    assert rc == 0 and "already have consumption data" in out
    rc, out, err = run(capsys, db_path, "load", "demo", "--replace", "--json")
    assert rc == 0, err
    assert len(json.loads(out)["parks"]) == 9


def test_balance_maps_pv_of_another_year_by_calendar(capsys, db_path, monkeypatch):
    assert run(capsys, db_path, "load", "synth", PARK)[0] == 0
    import solarfleet.app.cli.balance as cb

    def pv_other_year(store, park):  # half overlapping the 2023 load: must not be balanced on the overlap only
        idx = pd.date_range("2022-06-30 16:00", periods=8760, freq="h", tz="UTC")
        return pd.Series(1000.0, index=idx)

    monkeypatch.setattr(cb, "pv_for_park", pv_other_year)
    rc, out, err = run(capsys, db_path, "balance", "--park", PARK, "--json")
    assert rc == 0, err
    p = json.loads(out)["parks"][0]
    assert p["pv_aligned_by_calendar"] is True and p["intervals"] == 8760 and p["missing_intervals"] == 0
    assert p["pv_wh"] == pytest.approx(8760 * 1000.0)
    assert [x["park"] for x in json.loads(out)["parks"]] == [PARK]
