"""``solarfleet-cli forecast``, ``yield`` and ``export`` end to end on a small file database."""
from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest

from solarfleet.app.cli import main
from solarfleet.models.store import import_fleet

PARK = "Kunshan Asia No.1"


@pytest.fixture(scope="module")
def simulated_db(tmp_path_factory, demo_fleet):
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.store import open_store
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    with open_store(path) as s:
        import_fleet(s, Fleet((demo_fleet.park(PARK), demo_fleet.park("Chengdu Asia No.1 (Xindu)"))))
    assert main(["--db", str(path), "--no-demo", "simulate"]) == 0
    return path


@pytest.fixture
def db(simulated_db, tmp_path):
    """A fresh copy of the simulated database for each test."""
    import shutil
    path = tmp_path / "cli.db"
    shutil.copy(simulated_db, path)
    return path


def test_yield_json(db, capsys):
    capsys.readouterr()
    assert main(["--db", str(db), "yield", "--p", "50,90", "--members", "4", "--start-year", "2026", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    fleet = next(r for r in doc["annual"] if r["level"] == "fleet")
    assert fleet["p90_mwh"] < fleet["p50_mwh"]
    parks = [r for r in doc["annual"] if r["level"] == "park"]
    assert fleet["p50_mwh"] == pytest.approx(sum(r["p50_mwh"] for r in parks), abs=0.002)
    assert len([r for r in doc["projection"] if r["level"] == "fleet"]) == 25
    assert doc["study_id"] == 1


def test_yield_bad_probability(db, capsys):
    assert main(["--db", str(db), "yield", "--p", "50,abc"]) == 1
    assert "--p" in capsys.readouterr().err


def test_forecast_needs_actuals_then_works_from_a_measured_file(db, tmp_path, capsys):
    assert main(["--db", str(db), "forecast", "--park", PARK, "--issued", "2026-11-29T20:00+08:00"]) == 1
    assert "no measured AC" in capsys.readouterr().err
    idx = pd.date_range("2026-11-27T00:00+08:00", periods=72, freq="1h")
    meas = tmp_path / "m.csv"
    meas.write_text("time,ac [kW]\n" + "".join(f"{t.isoformat()},{100 if 8 <= t.hour <= 16 else 0}\n"
                                                for t in idx), encoding="utf-8")
    assert main(["--db", str(db), "forecast", "--park", PARK, "--measured", str(meas), "--issued",
                 "2026-11-29T20:00+08:00", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["hours"]) == 24 and doc["hours"][0]["interval_start"] == "2026-11-30T00:00:00+08:00"
    e = doc["energy_kwh"]
    assert e["p10"] <= e["p50"] <= e["p90"] and e["p50"] > 0
    assert main(["--db", str(db), "forecast", "--park", PARK, "--evaluate", "--json"]) == 0
    ev = json.loads(capsys.readouterr().out)
    assert ev["forecasts"][0]["id"] == doc["forecast_id"]


def test_forecast_file_errors_name_the_line(db, tmp_path, capsys):
    bad = tmp_path / "f.csv"
    bad.write_text("time,ghi\n2026-12-01T00:00,0\n", encoding="utf-8")
    assert main(["--db", str(db), "forecast", "--park", PARK, "--file", str(bad)]) == 1
    assert "f.csv, line 2" in capsys.readouterr().err


def test_export_xlsx_csv_json(db, tmp_path, capsys):
    x = tmp_path / "fleet.xlsx"
    assert main(["--db", str(db), "export", "--format", "xlsx", "--out", str(x)]) == 0
    assert openpyxl.load_workbook(x, read_only=True).sheetnames == ["summary", "monthly", "hourly", "carbon",
                                                                      "losses", "assumptions"]
    c = tmp_path / "k.csv"  # every table of a park's workbook as its own CSV, numbers as numbers
    assert main(["--db", str(db), "export", "--format", "csv", "--tables", "--out", str(c), "--park", PARK,
                 "--resolution", "monthly"]) == 0
    system = pd.read_csv(tmp_path / "k_system.csv", encoding="utf-8-sig", index_col=0)
    assert "_" not in "".join(system["module"]) and system["dc_capacity [kWp]"].dtype.kind == "f"
    weather = pd.read_csv(tmp_path / "k_weather.csv", encoding="utf-8-sig", index_col=0)
    assert list(weather.index) == list(range(1, 13)) and weather["ghi [kWh/m2]"].sum() > 800
    arrays = pd.read_csv(tmp_path / "k_arrays_monthly.csv", encoding="utf-8-sig")
    sim = pd.read_csv(tmp_path / "k_summary.csv", encoding="utf-8-sig", index_col=0)
    for key, part in arrays.groupby("array"):  # the months add up to the stored run's year, per array
        assert part["ac_energy [kWh]"].sum() == pytest.approx(sim.loc[key, "ac_energy [kWh]"], rel=1e-6)
        pr_year = part["ac_energy [kWh]"].sum() / (part["poa_global [kWh/m2]"].sum() * sim.loc[key, "dc_capacity [kWp]"])
        assert pr_year == pytest.approx(sim.loc[key, "performance_ratio [-]"], rel=1e-6)
    c = tmp_path / "park.csv"
    assert main(["--db", str(db), "export", "--format", "csv", "--out", str(c), "--park", PARK,
                 "--resolution", "monthly"]) == 0
    df = pd.read_csv(c, encoding="utf-8-sig")
    assert len(df) == 12 and f"{PARK} ac_energy [kWh]" in df.columns
    assert main(["--db", str(db), "export", "--format", "json", "--out", str(tmp_path / "nope" / "x.json")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["--db", str(db), "export", "--format", "csv", "--out", str(c), "--park", "Atlantis"]) == 1
    assert "no park named" in capsys.readouterr().err
