"""Exports read back with openpyxl, pandas and json and compared to the database; injection corpus."""
from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.fleet import Fleet
from solarfleet.models.export.tables import ExportError, report_tables, write_export
from solarfleet.models.weather.park_weather import weather_for_park
from solarfleet.models.simulation.engine import simulate_and_store
from solarfleet.models.store import (import_fleet, load_fleet, load_run, load_run_ac, run_arrays, run_energy,
    run_parks)

#: Park and array names a spreadsheet would run as formulas (plus harmless CJK text).
CORPUS = ['=HYPERLINK("http://evil.example/x","click")', "+1+2", "-3", "@SUM(A1)", "=cmd|' /C calc'!A0",
          "京东 亚洲一号"]


@pytest.fixture(scope="module")
def injected(demo_fleet, tmp_path_factory):
    """A fleet whose park and array names are the corpus, simulated and stored in a file DB."""
    from solarfleet.models.store import open_store
    template = demo_fleet.park("Kunshan Asia No.1")
    parks = []
    for i, name in enumerate(CORPUS[:3]):
        roofs = []
        for roof in template.roofs:
            arrays = tuple(dataclasses.replace(a, name=CORPUS[(i + j + 3) % len(CORPUS)] + f" {j}")
                           for j, a in enumerate(roof.arrays))
            roofs.append(dataclasses.replace(roof, arrays=arrays))
        parks.append(dataclasses.replace(template, name=name, roofs=tuple(roofs)))
    path = tmp_path_factory.mktemp("inj") / "inj.db"
    store = open_store(path)
    import_fleet(store, Fleet(tuple(parks)))
    fleet = load_fleet(store)
    run_id, _ = simulate_and_store(store, fleet, lambda p: weather_for_park(store, p))
    yield store, run_id, tmp_path_factory.mktemp("out")
    store.close()


def test_xlsx_reads_back_equal_to_the_db_and_holds_no_formulas(injected):
    import openpyxl
    store, run_id, out = injected
    park = CORPUS[0]
    tables = report_tables(store, park, "hourly")
    path = out / "park.xlsx"
    write_export(tables, "xlsx", path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["summary", "monthly", "hourly", "balance_monthly", "arrays_monthly", "system", "carbon",
                             "weather", "losses", "assumptions"]  # no load, no study: no P50/P90 sheets
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula"
                if isinstance(c.value, str):
                    assert c.value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (ws.title, c.coordinate, c.value)
    # summary: names neutralised, numbers numeric and equal to the run's arrays
    ws = wb["summary"]
    header = [c.value for c in ws[1]]
    assert header[0] == "name" and "ac_energy [kWh]" in header and "dc_capacity [kWp]" in header
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    arrays = run_arrays(store, run_id, park)
    for a in arrays.itertuples():
        key = "'" + f"{a.roof}/{a.array}" if f"{a.roof}/{a.array}"[0] in "=+-@" else f"{a.roof}/{a.array}"
        assert isinstance(rows[key]["ac_energy [kWh]"], float)
        assert rows[key]["ac_energy [kWh]"] == pytest.approx(a.energy / 1000.0, rel=1e-12)
    assert "'" + park in rows  # the park row, neutralised
    # monthly: equal to the DB's park aggregates
    ws = wb["monthly"]
    header = [c.value for c in ws[1]]
    assert header[0] == "month_start"
    col = header.index(f"'{park} ac_energy [kWh]")
    db = run_energy(store, run_id, "park", "month", park)
    got = [r[col] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert got == pytest.approx((db["ac_energy"] / 1000.0).tolist(), rel=1e-12)
    first = ws.cell(row=2, column=1).value
    assert first == "2023-01-01T00:00:00+08:00"
    # hourly: every value of the stored series
    ws = wb["hourly"]
    values = np.array([[v for v in r[1:]] for r in ws.iter_rows(min_row=2, values_only=True)], dtype=float)
    ac = load_run_ac(store, run_id, park).to_numpy() / 1000.0
    assert values.shape == (8760, ac.shape[1] + 1)
    np.testing.assert_allclose(values[:, :-1], ac, rtol=1e-12, atol=0)
    assert ws.cell(row=2, column=1).value.endswith("+08:00")


def test_csv_reads_back_with_pandas(injected):
    store, run_id, out = injected
    path = out / "fleet.csv"
    tables = report_tables(store, None, "hourly")
    write_export(tables, "csv", path)
    df = pd.read_csv(path, encoding="utf-8-sig")
    assert df.columns[0] == "interval_start"
    t = pd.to_datetime(df["interval_start"], format="ISO8601")
    assert str(t.dt.tz) in ("UTC+08:00", "pytz.FixedOffset(480)") or t.iloc[0].utcoffset() == pd.Timedelta(hours=8)
    for name in CORPUS[:3]:
        col = f"'{name} ac [kW]"
        assert col in df.columns
        expected = load_run_ac(store, run_id, name).sum(axis=1).to_numpy() / 1000.0
        np.testing.assert_allclose(df[col].to_numpy(), expected, rtol=1e-12)
        assert df[col].dtype == float
    assert df["fleet ac [kW]"].sum() / 1000.0 == pytest.approx(load_run(store, run_id)["energy"] / 1e6, rel=1e-9)
    # daily: local days, energy per day adds up to the year
    write_export(report_tables(store, None, "daily"), "csv", out / "daily.csv")
    daily = pd.read_csv(out / "daily.csv", encoding="utf-8-sig")
    assert len(daily) == 365 and daily["day_start"].iloc[0] == "2023-01-01T00:00:00+08:00"
    assert daily["fleet ac_energy [kWh]"].sum() == pytest.approx(load_run(store, run_id)["energy"] / 1000.0, rel=1e-9)


def test_json_keeps_names_exactly(injected):
    store, run_id, out = injected
    path = out / "park.json"
    write_export(report_tables(store, CORPUS[1], "monthly"), "json", path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["meta"]["run_id"] == run_id and doc["meta"]["park"] == CORPUS[1]
    assert set(doc) == {"meta", "summary", "monthly", "balance_monthly", "arrays_monthly", "system", "carbon",
                        "weather", "losses", "assumptions"}
    names = [r["name"] for r in doc["summary"]]
    assert CORPUS[1] in names  # JSON is for scripts: text exactly as stored
    assert all(isinstance(r["ac_energy [kWh]"], float) for r in doc["summary"])
    ac_row = next(r for r in doc["losses"] if r["item"] == "ac")
    assert ac_row["energy [kWh]"] == pytest.approx(run_parks(store, run_id)[1]["energy"] / 1000.0, rel=1e-12)


def test_errors_are_clear(injected, memory_store):
    store, _, out = injected
    with pytest.raises(ExportError, match="no park named"):
        report_tables(store, "nowhere")
    with pytest.raises(ExportError, match="resolution"):
        report_tables(store, None, "weekly")
    with pytest.raises(ExportError, match="run a simulation first"):
        report_tables(memory_store, None)
    with pytest.raises(ExportError, match="format"):
        write_export(report_tables(store, None, "monthly"), "ods", out / "x.ods")
